"""
A headless Chromium for tests that need a real browser.

Debian's ``/usr/bin/chromium`` is driven by selenium through Debian's
``/usr/bin/chromedriver`` (given explicitly, so selenium never downloads a
driver).  Tests use the ``chromium`` fixture factory::

    from tests import browser

    pytestmark = browser.needs_chromium

    @pytest.fixture(scope="module")
    def driver():
        with browser.chromium() as driver:
            yield driver

    def test_page(driver, tmp_path):
        browser.open_html(driver, "<p>hi</p>", tmp_path)
        assert "hi" == driver.execute_script(
            "return document.body.textContent"
        )

Without Chromium the tests are skipped, saying what to install.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest


CHROMIUM = pathlib.Path(os.environ.get("SHOWFACTS_CHROMIUM",
                                       "/usr/bin/chromium"))
CHROMEDRIVER = pathlib.Path(os.environ.get("SHOWFACTS_CHROMEDRIVER",
                                           "/usr/bin/chromedriver"))

#: Flags for a quiet, isolated, offline headless browser.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
)


def missing() -> str | None:
    """Why no browser test can run here, or ``None`` when one can."""
    for path, package in ((CHROMIUM, "chromium"),
                          (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return (f"{path} is not installed (apt-get install -y "
                    f"{package})")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    return None


#: CI sets this: there, a missing browser is a failure, not a skip.
REQUIRED = os.environ.get("SHOWFACTS_REQUIRE_BROWSER") == "1"

if REQUIRED and missing() is not None:  # pragma: no cover - CI only
    raise RuntimeError(f"the browser tests must run, but {missing()}")

#: Mark a module or test that needs the browser.
needs_chromium = pytest.mark.skipif(missing() is not None,
                                    reason=missing() or "")


@contextlib.contextmanager
def chromium(*, console: bool = False) -> Iterator[Any]:
    """
    Start a headless Chromium with its own throw-away profile.

    Args:
        console: Keep the pages' console messages, for
            ``driver.get_log("browser")``.

    Yields:
        A ``selenium.webdriver.Chrome``; it is quit and its profile
        removed on exit.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="showfacts-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_html(driver: Any, html: str, folder: pathlib.Path,
              name: str = "page.html") -> pathlib.Path:
    """
    Write a page to ``folder`` as UTF-8 and load it from a file URL.

    Returns:
        The file written.
    """
    page = folder / name
    page.write_text(html, encoding="utf-8")
    open_file(driver, page)
    return page


def open_file(driver: Any, path: pathlib.Path) -> None:
    """Load a local file and wait until it is parsed."""
    driver.get(path.resolve().as_uri())
    driver.execute_script("return document.readyState")
