"""
``showfacts import --fetch`` against a server on 127.0.0.1.

The server serves the recorded fixtures at the services' paths, and can
answer 429, 500, or too slowly, a given number of times.  No test
touches the network.
"""

from __future__ import annotations

import http.server
import json
import pathlib
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from showfacts import loading
from showfacts.importers import fetch
from tests.test_cli import run


DATA = pathlib.Path(__file__).parent / "data" / "importers"


class _State:
    def __init__(self) -> None:
        self.trouble: list[tuple[int, dict[str, str]]] = []
        self.slow = 0.0
        self.requests: list[str] = []


def _wikidata_entities(ids: list[str]) -> dict[str, Any]:
    data = json.loads((DATA / "wikidata-series.json").read_text())
    return {"entities": {q: data["entities"][q] for q in ids
                         if q in data["entities"]}}


class _Handler(http.server.BaseHTTPRequestHandler):
    state: _State

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes,
              headers: dict[str, str] | None = None,
              kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        state = self.state
        state.requests.append(self.path)
        if state.slow:
            time.sleep(state.slow)
        if state.trouble:
            status, headers = state.trouble.pop(0)
            self._send(status, b"{}", headers)
            return
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/3/tv/990001":
            if query.get("api_key") != ["test-key"]:
                self._send(401, b'{"status_message": "Invalid API key"}')
                return
            self._send(200, (DATA / "tmdb-running.json").read_bytes())
        elif url.path == "/shows/880101":
            self._send(200, (DATA / "tvmaze-running.json").read_bytes())
        elif url.path == "/wiki/Special:EntityData/Q990000101.json":
            data = _wikidata_entities(["Q990000101"])
            self._send(200, json.dumps(data).encode())
        elif url.path == "/w/api.php":
            ids = query["ids"][0].split("|")
            self._send(200, json.dumps(_wikidata_entities(ids)).encode())
        elif url.path == "/page.html":
            self._send(200, (DATA / "jsonld-page.html").read_bytes(),
                       kind="text/html; charset=utf-8")
        else:
            self._send(404, b'{"status": 404}')


class _Server(http.server.ThreadingHTTPServer):
    """The test server: a client closing early is no error of showfacts."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints these on standard error, where the command's
        # own output is checked for tracebacks.
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, _State]]:
    """A server on 127.0.0.1 and its state."""
    state = _State()
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between attempts, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(fetch, "_sleep", slept.append)
    return slept


def test_tvmaze(server, pauses, tmp_path, capsys):
    """A TVmaze show with its embeds, dated today."""
    base, state = server
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "tvmaze", "--fetch", "880101",
                          "--api-url", base, "-o", str(target)],
                         capsys=capsys)
    assert 0 == status, err
    show = loading.load(target)
    assert "Quiet Harbour" == show.title
    assert show.sources[0].retrieved is not None
    assert "embed%5B%5D=cast" in state.requests[0]
    assert [] == pauses


@pytest.mark.usefixtures("pauses")
def test_tmdb_needs_a_key(server, tmp_path, capsys, monkeypatch):
    """No key: exit 2, saying which variable; a key: the show."""
    base, _ = server
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    target = tmp_path / "show.yaml"
    args = ["import", "tmdb", "--fetch", "990001", "--api-url", base,
            "-o", str(target)]
    status, _, err = run(args, capsys=capsys)
    assert 2 == status
    assert "TMDB_API_KEY" in err
    monkeypatch.setenv("TMDB_API_KEY", "wrong")
    status, _, err = run(args, capsys=capsys)
    assert 2 == status
    assert "401" in err
    assert not target.exists()
    monkeypatch.setenv("TMDB_API_KEY", "test-key")
    status, _, err = run(args, capsys=capsys)
    assert 0 == status, err
    assert "The Lantern Coast" == loading.load(target).title


@pytest.mark.usefixtures("pauses")
def test_wikidata_fetches_labels(server, tmp_path, capsys):
    """The series, then the items it names, for their labels."""
    base, state = server
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "wikidata", "--fetch", "Q990000101",
                          "--api-url", base, "-o", str(target)],
                         capsys=capsys)
    assert 0 == status, err
    assert any(r.startswith("/w/api.php") for r in state.requests)
    people = {p.name for p in loading.load(target).people}
    assert "Bram Ostrowski" in people


@pytest.mark.usefixtures("pauses")
def test_jsonld_page(server, tmp_path, capsys):
    """A page's URL: relative addresses resolve against it."""
    base, _ = server
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "jsonld", "--fetch",
                          f"{base}/page.html", "-o", str(target)],
                         capsys=capsys)
    assert 0 == status, err
    assert f"{base}/img/brass-meridian.jpg" == loading.load(target).image


def test_429_waits_as_told(server, pauses, tmp_path, capsys):
    """429 with Retry-After: wait that long, then succeed."""
    base, state = server
    state.trouble = [(429, {"Retry-After": "7"}), (429, {})]
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "tvmaze", "--fetch", "880101",
                          "--api-url", base, "-o", str(target)],
                         capsys=capsys)
    assert 0 == status, err
    assert [7.0, 2.0] == pauses
    assert 3 == len(state.requests)


def test_500_backs_off_then_gives_up(server, pauses, tmp_path, capsys):
    """5xx: tried again after 1, 2, 4 seconds, then exit 2, no file."""
    base, state = server
    state.trouble = [(500, {})] * 4
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "tvmaze", "--fetch", "880101",
                          "--api-url", base, "-o", str(target)],
                         capsys=capsys)
    assert 2 == status
    assert [1.0, 2.0, 4.0] == pauses
    assert "/shows/880101: 500 Internal Server Error, 4 times" in err
    assert not target.exists()


def test_timeout(server, pauses, tmp_path, capsys):
    """A server slower than --timeout: retried, then exit 2."""
    base, state = server
    state.slow = 0.5
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "tvmaze", "--fetch", "880101",
                          "--api-url", base, "--timeout", "0.1",
                          "-o", str(target)], capsys=capsys)
    assert 2 == status
    assert "timed out" in err
    assert 3 == len(pauses)
    assert not target.exists()


def test_404_is_not_retried(server, pauses, capsys):
    """A record that does not exist: one request, exit 2."""
    base, state = server
    status, _, err = run(["import", "tvmaze", "--fetch", "1", "--api-url",
                          base], capsys=capsys)
    assert 2 == status
    assert "404" in err
    assert 1 == len(state.requests)
    assert [] == pauses


def test_fetch_and_files_do_not_mix(capsys):
    """INPUT files and --fetch together: a usage error."""
    status, _, err = run(["import", "tvmaze", "x.json", "--fetch", "1"],
                         capsys=capsys)
    assert 2 == status
    assert "not both" in err
