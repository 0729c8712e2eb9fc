"""
A preview server: build the site into a temporary folder and serve it.

:class:`Preview` builds with :func:`showfacts.site.build_site` for the
address it serves at (``http://127.0.0.1:PORT/``), so every page, feed and
sitemap is complete; it watches the show files, the theme and the
configuration (with watchfiles), rebuilds when they change and tells open
pages to reload.  The reload is a small script the server adds to each
HTML page as it sends it (with the Content-Security-Policy that allows
it): it asks ``/__showfacts__/version`` every second and reloads when the
number changes.  Built files never hold it.

A build that fails (a file being edited, say) leaves the last good site
in place and prints its problems; the next change builds again.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import pathlib
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from showfacts.exceptions import InputError, InvalidDataError
from showfacts.site import BuildResult, build_site


__all__ = ["Preview"]

#: Build options, or a function that reads them afresh.
Options = dict[str, Any] | Callable[[], dict[str, Any]]

#: Where the server answers with its own files, never the site's.
PREFIX = "/__showfacts__/"

RELOAD_JS = b"""\
(function () {
  var seen = null;
  function poll() {
    fetch("/__showfacts__/version", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
}());
"""

_CSP = b"default-src 'none';"
_CSP_SCRIPT = b"default-src 'none'; script-src 'self';"
_CSP_SERVE = b"default-src 'none'; script-src 'self'; connect-src 'self';"
_TAG = b'<script src="/__showfacts__/reload.js"></script>\n</body>'


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site, adding the reload script to HTML pages."""

    preview: Preview

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet: a preview's log would drown its messages."""

    def do_GET(self) -> None:
        """The server's own files, an HTML page with the script, or a file."""
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == PREFIX + "version":
            self._send(str(self.preview.version).encode(), "text/plain")
            return
        if path == PREFIX + "reload.js":
            self._send(RELOAD_JS, "text/javascript")
            return
        file = pathlib.Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):
            file /= "index.html"
        if file.suffix == ".html" and file.is_file():
            page = file.read_bytes()
            page = page.replace(
                _CSP, _CSP_SCRIPT if b"connect-src" in page else _CSP_SERVE, 1
            )
            page = page.replace(b"</body>", _TAG, 1)
            self._send(page, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Preview:
    """
    A site built into a temporary folder and served on 127.0.0.1.

    Args:
        paths: Show files or folders.
        port: The port; 0 picks a free one.
        host: The address to listen on.
        options: Passed on to :func:`showfacts.site.build_site` (title,
            theme, config, ...), all but ``base_url``, which is the
            server's own address; or a function that gives them, called
            before each build (so a changed ``showfacts.toml`` counts).
        log: Where messages go.

    Use it as a context manager, then :meth:`serve_forever`::

        with Preview(["examples"], port=0) as preview:
            print(preview.url)
            preview.serve_forever()

    Raises:
        InputError: If the port cannot be opened.

    .. versionadded:: 0.1.0
    """

    def __init__(self, paths: Iterable[str | os.PathLike[str]], *,
                 port: int = 8000, host: str = "127.0.0.1",
                 options: Options | None = None,
                 log: TextIO | None = None) -> None:
        self.paths = [pathlib.Path(p) for p in paths]
        self._options = options
        self.log = log or sys.stderr
        self.version = 0
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="showfacts-"))
        self.out = self.folder / "site"
        self._stop = threading.Event()
        handler = type("Handler", (_Handler,), {"preview": self})
        try:
            self.server = http.server.ThreadingHTTPServer(
                (host, port),
                functools.partial(handler, directory=str(self.out)),
            )
        except OSError as exc:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise InputError(
                f"cannot serve on {host}:{port} ({exc.strerror}); try "
                "another --port"
            ) from None
        self.url = f"http://{host}:{self.server.server_address[1]}/"

    def __enter__(self) -> Preview:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def build(self) -> BuildResult | None:
        """Build the site; on bad data, say why and keep the last site."""
        try:
            result = build_site(self.paths, self.out, base_url=self.url,
                                **self.options())
        except (InvalidDataError, InputError) as exc:
            problems = getattr(exc, "problems", None) or [exc]
            for problem in problems:
                print(problem, file=self.log)
            print("showfacts: not rebuilt; the last good build is served",
                  file=self.log)
            return None
        self.version += 1
        return result

    def options(self) -> dict[str, Any]:
        """What the next build is given."""
        if callable(self._options):
            return self._options()
        return dict(self._options or {})

    def watched(self) -> list[pathlib.Path]:
        """The show files' folders, the theme and the configuration."""
        found = list(self.paths)
        try:
            options = self.options()
        except InputError:
            return found
        config = options.get("config")
        theme = options.get("theme")
        if theme is None and config is not None:
            theme = config.theme
        if theme is not None:
            found.append(pathlib.Path(theme))
        return [p for p in found if p.exists()]

    def _watch(self) -> None:
        import watchfiles  # noqa: PLC0415

        for _ in watchfiles.watch(*self.watched(), stop_event=self._stop,
                                  debounce=200, step=50,
                                  raise_interrupt=False):
            if self.build() is not None:
                print(f"showfacts: rebuilt ({self.version})",
                      file=self.log, flush=True)

    @contextlib.contextmanager
    def _watching(self) -> Iterator[None]:
        thread = threading.Thread(target=self._watch, daemon=True)
        thread.start()
        try:
            yield
        finally:
            self._stop.set()
            thread.join(timeout=5)

    def serve_forever(self) -> None:
        """Build, then serve and rebuild on changes until interrupted."""
        # Watch first: a change made while the first build runs is seen.
        with self._watching():
            self.build()
            self.server.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` (from another thread)."""
        self.server.shutdown()

    def close(self) -> None:
        """Stop watching, close the port, remove the temporary folder."""
        self._stop.set()
        self.server.server_close()
        shutil.rmtree(self.folder, ignore_errors=True)
