"""
``showfacts serve``: build, serve on 127.0.0.1, rebuild on change, reload.

The server runs as a user runs it (a subprocess on a free port); a changed
show file must show in the served page.  Waits are generous and bounded:
nothing here asserts how fast anything is.
"""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from showfacts.serve import Preview
from tests import browser
from tests.conftest import EXAMPLES, ROOT, declared


#: The longest a test waits for the server or a rebuild.
PATIENCE = 60.0


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return (response.status, response.headers["Content-Type"],
                    response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""


def _wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


@pytest.fixture
def catalog(tmp_path) -> pathlib.Path:
    """A copy of the examples that the tests may change."""
    folder = tmp_path / "catalog"
    shutil.copytree(EXAMPLES, folder)
    return folder


@contextlib.contextmanager
def _server(catalog: pathlib.Path) -> Iterator[tuple[str, subprocess.Popen]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "showfacts", "serve", str(catalog),
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.match(r"serving (http://127\.0\.0\.1:(\d+)/) ", line)
        assert found, line + (process.stderr.read() if process.stderr
                              else "")
        assert found.group(2) != "0"
        yield found.group(1), process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:  # pragma: no cover
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_serve_builds_serves_and_rebuilds(catalog):
    """The index is served; a changed title shows up; Ctrl-C exits 0."""
    with _server(catalog) as (url, process):
        _wait_for(lambda: _get(url)[0] == 200, "the index")
        _, kind, index = _get(url)
        assert kind.startswith("text/html")
        assert "Ballard" in index
        assert '<script src="/__showfacts__/reload.js"></script>' in index
        assert "script-src 'self'" in index
        # The address the server serves at is the site's base URL.
        assert f'<link rel="canonical" href="{url}">' in index
        assert 200 == _get(url + "sitemap.xml")[0]
        assert 200 == _get(url + "__showfacts__/reload.js")[0]
        before = _get(url + "__showfacts__/version")[2]
        show = catalog / "ballard.yaml"
        show.write_text(show.read_text().replace(
            "title: Ballard\n", "title: Ballard Nights\n", 1
        ))
        page = url + "shows/ballard/"
        _wait_for(lambda: "<h1>Ballard Nights</h1>" in _get(page)[2],
                  "the rebuilt page")
        assert before != _get(url + "__showfacts__/version")[2]
        process.send_signal(signal.SIGINT)
        assert 0 == process.wait(timeout=PATIENCE)


def test_a_failed_rebuild_keeps_the_last_good_site(catalog):
    """Bad data: its problem on stderr, the old page still served."""
    log = io.StringIO()
    with Preview([catalog], port=0, log=log) as preview:
        thread = threading.Thread(target=preview.serve_forever, daemon=True)
        thread.start()
        try:
            _wait_for(lambda: _get(preview.url)[0] == 200, "the index")
            version = preview.version
            (catalog / "ballard.yaml").write_text(
                declared("id: ballard\ntitel: x\n")
            )
            _wait_for(lambda: "not rebuilt" in log.getvalue(),
                      "the failed build")
            assert "unknown key 'titel'" in log.getvalue()
            assert version == preview.version
            assert "Ballard" in _get(preview.url + "shows/ballard/")[2]
            # What is built holds no reload script: only the server adds it.
            for page in preview.out.rglob("*.html"):
                assert "__showfacts__" not in page.read_text()
        finally:
            preview.shutdown()
            thread.join(timeout=PATIENCE)
    assert not preview.folder.exists()


def test_a_busy_port_is_a_clear_error(capsys):
    """A port in use: exit 2 with a message, no traceback."""
    from tests.test_cli import run

    with Preview([EXAMPLES], port=0) as first:
        port = first.url.rsplit(":", 1)[1].strip("/")
        status, _, err = run(["serve", str(EXAMPLES), "--port", port],
                             capsys=capsys)
    assert 2 == status
    assert "cannot serve on 127.0.0.1:" in err


@browser.needs_chromium
def test_an_open_page_reloads_itself(catalog):
    """In Chromium, the served page shows a change without a new visit."""
    with _server(catalog) as (url, _), browser.chromium(console=True) as d:
        _wait_for(lambda: _get(url)[0] == 200, "the index")
        d.get(url + "shows/ballard/")
        assert "Ballard" == d.find_element("css selector", "h1").text
        show = catalog / "ballard.yaml"
        show.write_text(show.read_text().replace(
            "title: Ballard\n", "title: Ballard Returns\n", 1
        ))

        def reloaded() -> bool:
            try:
                return "Ballard Returns" == d.find_element(
                    "css selector", "h1"
                ).text
            except Exception:  # noqa: BLE001 - the page is reloading
                return False

        _wait_for(reloaded, "the page to reload")
        errors = [e for e in d.get_log("browser")
                  if e["level"] in ("SEVERE", "WARNING")]
        assert [] == errors


def test_a_changed_config_is_read_again(catalog):
    """Serve reads showfacts.toml before each build: a new title shows."""
    from showfacts.config import find_config

    (catalog / "showfacts.toml").write_text('title = "Old name"\n')
    with Preview([catalog], port=0, options=lambda: {
        "config": find_config([catalog]),
    }) as preview:
        thread = threading.Thread(target=preview.serve_forever, daemon=True)
        thread.start()
        try:
            _wait_for(lambda: "<h1>Old name</h1>" in _get(preview.url)[2],
                      "the first build")
            (catalog / "showfacts.toml").write_text('title = "New name"\n')
            _wait_for(lambda: "<h1>New name</h1>" in _get(preview.url)[2],
                      "the rebuilt index")
        finally:
            preview.shutdown()
            thread.join(timeout=PATIENCE)
