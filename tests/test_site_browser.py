"""
The built site in a real browser.

The example site is served on localhost and every page opened in
headless Chromium: its JSON-LD must parse, in the browser, to the
library's graph; its fact card must be visible; the console must stay
free of errors (a blocked stylesheet, a 404, a CSP violation would show
there).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import pathlib
import threading
from collections.abc import Iterator

import pytest

import showfacts as sf
from showfacts import jsonld, site
from tests import browser
from tests.conftest import EXAMPLES


pytestmark = browser.needs_chromium


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Say nothing: the test reads the browser, not the server."""


@contextlib.contextmanager
def _serve(folder: pathlib.Path) -> Iterator[tuple[str, list[str]]]:
    """Serve a folder on a free localhost port; record requested paths."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", []
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The example site, built for and served at a localhost address."""
    root = tmp_path_factory.mktemp("served")
    # The port is known only once the server runs: serve the folder the
    # site will be built into, then build it there.
    out = root / "site"
    out.mkdir()
    with _serve(out) as (base, _):
        site.build_site(EXAMPLES, out, base_url=base)
        yield base, out


@pytest.fixture(scope="module")
def driver():
    """One browser for the module, keeping console messages."""
    with browser.chromium(console=True) as chrome:
        yield chrome


def _expected(base: str, page: pathlib.Path, out: pathlib.Path) -> dict:
    """The library's graph for a page of the site."""
    parts = page.relative_to(out).parts
    if parts == ("index.html",):
        shows = [sf.load(p) for p in sorted(EXAMPLES.iterdir())]
        rendered = [site._Rendered(file="", show=s) for s in shows]
        ordered = sorted(rendered, key=lambda r: r.show.title.casefold())
        return site._index_graph(sf.iris.Site(base), "TV facts", ordered)
    show = {s.id: s for s in sf.load_catalog(EXAMPLES)}[parts[1]]
    if len(parts) == 3:
        return jsonld.to_jsonld(show, base)
    return jsonld.to_jsonld((show, int(parts[2].split("-")[1])), base)


def test_every_page_in_chromium(served, driver):
    """JSON-LD parses to the graph, the card shows, the console is clean."""
    base, out = served
    pages = sorted(out.rglob("index.html"))
    assert len(pages) == (out / "sitemap.xml").read_text().count("<loc>")
    for page in pages:
        url = base + page.relative_to(out).as_posix()[: -len("index.html")]
        driver.get(url)
        graphs = driver.execute_script(
            "return Array.from(document.querySelectorAll("
            "'script[type=\"application/ld+json\"]'))"
            ".map(s => JSON.parse(s.textContent));"
        )
        assert [_expected(base, page, out)] == graphs, url
        if page.parent != out:
            cards = driver.find_elements("css selector", ".showfacts-card")
            assert cards, url
            assert all(card.is_displayed() for card in cards), url
        styled = driver.execute_script(
            "return getComputedStyle(document.body).fontFamily;"
        )
        assert "system-ui" in styled, url
        errors = [
            entry for entry in driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")
        ]
        assert [] == errors, url
