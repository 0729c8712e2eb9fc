"""
The built site in a real browser.

The example site is served on a free localhost port (never 8000) and every
page opened in headless Chromium: its JSON-LD must parse, in the browser,
to the library's graph with the page's own nodes; its fact card must be
visible; the console must stay free of errors (a blocked stylesheet, a
404, a CSP violation would show there).  A preview (no base URL) is
crawled from disk and from a sub-path of a server: styled, every link
resolving.  At 1280 and 390 pixels wide the show page's next release is
on the first screen (screenshots go to $SHOWFACTS_SCREENSHOTS if set).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import pathlib
import threading
import urllib.error
import urllib.parse
import urllib.request
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


def _library_nodes(base: str, page: pathlib.Path,
                   out: pathlib.Path) -> list[dict]:
    """The library's nodes of a page of the site (index: none)."""
    parts = page.relative_to(out).parts
    if parts == ("index.html",):
        return []
    show = {s.id: s for s in sf.load_catalog(EXAMPLES)}[parts[1]]
    if len(parts) == 3:
        return jsonld.to_jsonld(show, base)["@graph"]
    return jsonld.to_jsonld((show, int(parts[2].split("-")[1])),
                            base)["@graph"]


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")]


def test_every_page_in_chromium(served, driver):
    """JSON-LD parses to the graph, the card shows, the console is clean."""
    base, out = served
    assert not base.endswith(":8000/")
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
        [graph] = graphs
        nodes = graph["@graph"]
        for node in _library_nodes(base, page, out):
            assert node in nodes, (url, node["@id"])
        types = {n["@type"] for n in nodes if isinstance(n["@type"], str)}
        assert {"BreadcrumbList"} <= types, url
        assert types & {"WebPage", "CollectionPage"}, url
        if page.parent != out:
            cards = driver.find_elements("css selector", ".showfacts-card")
            assert cards, url
            assert all(card.is_displayed() for card in cards), url
        assert _stylesheet_loaded(driver), url
        assert [] == _errors(driver), url


#: Every link and asset of the open page, as the browser resolved them.
_LINKS = (
    "return Array.from(document.querySelectorAll('a[href], link[href]'))"
    ".filter(e => !['canonical', 'icon'].includes(e.rel))"
    ".map(e => e.href);"
)


def _stylesheet_loaded(driver, seconds: float = 10) -> bool:
    """
    Whether the open page is styled by the site's stylesheet.

    Waits a little for it: on a busy machine chromedriver has been seen to
    hand back a ``file://`` page before its stylesheet applied.  A page
    whose stylesheet is missing or blocked is never styled, so waiting
    cannot hide one.
    """
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, seconds, poll_frequency=0.1).until(
            lambda d: d.execute_script(
                "return document.readyState === 'complete' && "
                "Array.from(document.styleSheets).some("
                "s => s.href && s.href.endsWith('/style.css')) && "
                "getComputedStyle(document.body).fontFamily"
                ".includes('system-ui');"
            )
        )
    except TimeoutException:
        return False
    return True


def _crawl(driver, start: str, exists) -> set[str]:
    """Open every page reachable from ``start``; check links and console."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        driver.get(url)
        assert _stylesheet_loaded(driver), url
        assert [] == _errors(driver), url
        for link in driver.execute_script(_LINKS):
            target = link.split("#", 1)[0]
            if not target.startswith(start.rsplit("/", 1)[0]):
                continue  # another site: a source, a platform
            assert exists(target), (url, link)
            if target.endswith(".html"):
                todo.append(target)
    return seen


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory):
    """The example site built without a base URL: a preview."""
    out = tmp_path_factory.mktemp("preview") / "site"
    site.build_site(EXAMPLES, out)
    return out


def test_a_preview_opened_from_disk(preview_site, driver):
    """file://: styled, every link resolves, no console message."""
    def exists(url: str) -> bool:
        path = pathlib.Path(urllib.parse.unquote(
            urllib.parse.urlsplit(url).path
        ))
        return (path / "index.html" if path.is_dir() else path).is_file()

    start = (preview_site / "index.html").resolve().as_uri()
    seen = _crawl(driver, start, exists)
    assert len(seen) == len(list(preview_site.rglob("index.html")))


def test_a_preview_served_from_another_port(preview_site, driver):
    """Served at a sub-path on a free port: styled, links resolve."""
    with _serve(preview_site.parent) as (base, _):
        assert not base.endswith(":8000/")
        start = base + "site/index.html"

        def exists(url: str) -> bool:
            try:
                with urllib.request.urlopen(url, timeout=10):  # noqa: S310
                    return True
            except urllib.error.HTTPError:
                return False

        seen = _crawl(driver, start, exists)
    assert len(seen) == len(list(preview_site.rglob("index.html")))


#: Where screenshots go: $SHOWFACTS_SCREENSHOTS, else a temporary folder.
SHOTS = os.environ.get("SHOWFACTS_SCREENSHOTS")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_the_next_release_is_on_the_first_screen(served, driver, width,
                                                 height, tmp_path):
    """At desktop and phone widths the answer shows without scrolling."""
    base, _ = served
    driver.set_window_size(width, height)
    try:
        driver.get(base + "shows/ballard/")
        box = driver.execute_script(
            "const r = document.getElementById('next-release')"
            ".getBoundingClientRect();"
            "return {top: r.top, bottom: r.bottom, width: r.width,"
            " screen: window.innerHeight, page: document.documentElement"
            ".scrollHeight, wide: document.documentElement.scrollWidth,"
            " inner: window.innerWidth};"
        )
        folder = pathlib.Path(SHOTS) if SHOTS else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(folder / f"ballard-{width}.png"))
    finally:
        driver.set_window_size(1280, 800)
    assert box["top"] >= 0
    assert box["bottom"] <= box["screen"], box
    assert box["page"] > box["screen"], box  # the page goes on below
    assert box["wide"] <= box["inner"], box  # no sideways scrolling
