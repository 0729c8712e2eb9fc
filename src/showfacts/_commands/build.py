"""``showfacts build SRC... --out DIR``: the static site."""

from __future__ import annotations

import argparse
import sys

import shtab

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_base_url,
    add_command,
    add_limits,
    examples,
    limits,
    skips,
    whole_number,
)


class _Progress:
    """A one-line progress display on a terminal; nothing elsewhere."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if done == total or done % 25 == 0:
            sys.stderr.write(f"\rbuilding: {done}/{total} shows")
            sys.stderr.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Build the site; report what was written."""
    from showfacts.site import build_site  # noqa: PLC0415

    progress = _Progress(enabled=not args.quiet)
    try:
        result = build_site(
            args.paths, args.out, base_url=args.base_url, title=args.title,
            jobs=args.jobs, claims=args.claims, spoilers=not args.no_spoilers,
            progress=progress, limits=limits(args), on_skip=skips(args),
        )
    finally:
        progress.close()
    if args.verbose:
        print(  # noqa: T201
            f"built {result.out}: {result.shows} "
            f"show{'s' if result.shows != 1 else ''}, {result.files} files"
        )
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``build``."""
    parser = add_command(
        commands, "build",
        help="build the static site: pages, JSON-LD, feeds, calendars",
        description="Build a static site from show files: an index of "
        "shows, a page per show and per season with embedded JSON-LD, a "
        "fact card and a timeline of what is known, RSS, Atom and JSON "
        "feeds, premiere calendars, .jsonld files and a sitemap.  The new "
        "site replaces DIR only when the whole build succeeded.",
        epilog=examples(
            "showfacts build examples --out site",
            "showfacts build data/ --out public --base-url "
            "https://example.org/tv/ --title 'TV facts'",
            "cd site && python -m http.server   # preview at "
            "http://localhost:8000/",
        ),
    )
    action = parser.add_argument("paths", nargs="+", metavar="SRC",
                                 help="show files or folders")
    action.complete = shtab.FILE  # type: ignore[attr-defined]
    action = parser.add_argument("--out", required=True, metavar="DIR",
                                 help="the site's folder")
    action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    add_base_url(parser)
    parser.add_argument("--title", default="TV facts",
                        help="the site's name (default: TV facts)")
    parser.add_argument("--jobs", type=whole_number("a number of processes"),
                        default=1, metavar="N",
                        help="render shows in N processes (default: 1)")
    parser.add_argument("--claims", action="store_true",
                        help="also publish unconfirmed facts and teases as "
                        "Claim nodes in the JSON-LD")
    parser.add_argument("--no-spoilers", action="store_true",
                        help="leave spoiler teases out")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="no progress display")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="say what was built, and which files in "
                      "folders were skipped")
    add_limits(parser)
    parser.set_defaults(handler=run)
