#!/usr/bin/env python3
"""
Audit the example site in Chromium: Lighthouse, axe-core and the Nu checker.

Usage: python .ci/site_audit.py NODE_MODULES

Builds the example site for a free port on 127.0.0.1, serves it there,
then runs:

* Lighthouse (SEO, accessibility, best practices) on the index, a show
  page and a season page: each score must be at least 95;
* axe-core on the same pages: no violations;
* the W3C Nu HTML checker (vnu.jar, with the Java runtime) on every page:
  no errors.

Prints every figure; exits 1 when one is short, 2 when a tool is missing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from showfacts.site import build_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage " \
    "--disable-background-networking"
PAGES = ("", "shows/ballard/", "shows/ballard/season-2/")
CATEGORIES = ("seo", "accessibility", "best-practices")
FLOOR = 95


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Quiet."""


@contextlib.contextmanager
def _serve(folder: pathlib.Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _lighthouse(tools: pathlib.Path, url: str, work: pathlib.Path) -> dict:
    report = work / "lighthouse.json"
    subprocess.run(
        [str(tools / ".bin" / "lighthouse"), url,
         f"--chrome-path={CHROMIUM}", f"--chrome-flags={FLAGS}",
         "--only-categories=" + ",".join(CATEGORIES),
         "--output=json", f"--output-path={report}", "--quiet",
         "--form-factor=desktop", "--screenEmulation.disabled"],
        check=True,
    )
    data = json.loads(report.read_text())
    scores = {c: round(100 * (data["categories"][c]["score"] or 0))
              for c in CATEGORIES}
    failed = [
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    ]
    return {"scores": scores, "failed": failed}


def _axe(tools: pathlib.Path, urls: list[str]) -> list[tuple[str, list]]:
    done = subprocess.run(
        [str(tools / ".bin" / "axe"), *urls, "--stdout",
         "--chromedriver-path", CHROMEDRIVER,
         "--chrome-options", "headless,no-sandbox,disable-gpu,"
         "disable-dev-shm-usage,disable-background-networking"],
        check=True, capture_output=True, text=True,
    )
    results = json.loads(done.stdout)
    return [(r["url"], [v["id"] for v in r["violations"]]) for r in results]


def _vnu(tools: pathlib.Path, pages: list[pathlib.Path]) -> list[dict]:
    jar = tools / "vnu-jar" / "build" / "dist" / "vnu.jar"
    done = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--errors-only",
         *map(str, pages)],
        check=False, capture_output=True, text=True,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    return [m for m in messages if m.get("type") == "error"]


def main() -> int:
    """Build, serve, audit, print; 0 when every figure is good."""
    tools = pathlib.Path(sys.argv[1]).resolve()
    for need in (CHROMIUM, CHROMEDRIVER):
        if not pathlib.Path(need).exists():
            print(f"site audit: {need} is missing", file=sys.stderr)
            return 2
    if shutil.which("java") is None:
        print("site audit: java is missing", file=sys.stderr)
        return 2
    work = pathlib.Path(tempfile.mkdtemp(prefix="showfacts-audit-"))
    bad = 0
    try:
        out = work / "site"
        out.mkdir()
        with _serve(out) as base:
            build_site(ROOT / "examples", out, base_url=base)
            urls = [base + page for page in PAGES]
            print(f"== Lighthouse (floor {FLOOR})")
            for url in urls:
                found = _lighthouse(tools, url, work)
                figures = ", ".join(f"{c} {s}"
                                    for c, s in found["scores"].items())
                print(f"{url[len(base) - 1:]:28} {figures}")
                if min(found["scores"].values()) < FLOOR:
                    bad += 1
                    for failed in found["failed"]:
                        print(f"    failed: {failed}")
            print("== axe-core")
            for url, violations in _axe(tools, urls):
                print(f"{url[len(base) - 1:]:28} {len(violations)} "
                      f"violations {' '.join(violations)}")
                bad += bool(violations)
        pages = sorted(out.rglob("*.html"))
        errors = _vnu(tools, pages)
        print(f"== Nu HTML checker: {len(pages)} pages, {len(errors)} errors")
        for error in errors[:20]:
            print(f"    {error.get('url', '')}:{error.get('lastLine', '')}: "
                  f"{error.get('message', '')}")
        bad += bool(errors)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("site audit: " + ("all good" if not bad else f"{bad} short"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
