"""``showfacts build SRC... --out DIR``: the static site."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import shtab

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    add_limits,
    examples,
    limits,
    skips,
    whole_number,
)
from showfacts.iris import FEED_FILES


def site_options(args: argparse.Namespace) -> dict[str, Any]:
    """What ``build`` and ``serve`` pass to the build, options and config."""
    from showfacts.config import find_config, load_config  # noqa: PLC0415

    config = (load_config(args.config) if args.config
              else find_config(args.paths))
    return {
        "title": args.title, "language": args.language, "theme": args.theme,
        "config": config, "claims": args.claims,
        "spoilers": not args.no_spoilers, "limits": limits(args),
        "feeds": args.feeds, "per_page": args.per_page,
    }


def _feed_list(text: str) -> tuple[str, ...]:
    """An argparse type: feed formats, comma-separated, or ``none``."""
    if text.strip() == "none":
        return ()
    chosen = tuple(f.strip() for f in text.split(","))
    unknown = [f for f in chosen if f not in FEED_FILES]
    if unknown:
        msg = (f"{unknown[0]!r} is not a feed format: use "
               + ", ".join(FEED_FILES) + " (comma-separated) or none")
        raise argparse.ArgumentTypeError(msg)
    return chosen


def run(args: argparse.Namespace) -> int:
    """Build the site; report what was written."""
    from showfacts._progress import Progress, summary  # noqa: PLC0415
    from showfacts.site import build_site  # noqa: PLC0415

    progress = Progress(sys.stderr, enabled=not args.quiet)
    try:
        result = build_site(
            args.paths, args.out, base_url=args.base_url, jobs=args.jobs,
            progress=progress, on_skip=skips(args), cache=not args.no_cache,
            **site_options(args),
        )
    finally:
        progress.close()
    if result.preview and not args.quiet:
        print(  # noqa: T201
            f"showfacts: {result.out} is a preview without a base URL: no "
            "feeds, calendars, sitemap or JSON-LD; open "
            f"{result.out / 'index.html'} or run showfacts serve",
            file=sys.stderr,
        )
    if not args.quiet:
        print(  # noqa: T201
            summary(args.out, result.shows, result.files,
                    progress.elapsed(), result.reused),
            file=sys.stderr,
        )
    if args.verbose:
        print(  # noqa: T201
            f"built {result.out}: {result.shows} "
            f"show{'s' if result.shows != 1 else ''}, {result.files} files"
        )
    return EXIT_OK


def add_site_options(parser: argparse.ArgumentParser, *,
                     base_url: bool = True) -> None:
    """The options ``build`` and ``serve`` share."""
    if base_url:
        parser.add_argument(
            "--base-url", default=None, metavar="URL",
            help="absolute URL the site is published at, such as "
            "https://example.org/tv/; without it (or base_url in "
            "showfacts.toml) the build is a preview without feeds, "
            "calendars, sitemap or JSON-LD",
        )
    parser.add_argument("--title", default=None,
                        help="the site's name (default: TV facts)")
    parser.add_argument("--language", default=None, metavar="TAG",
                        help="the pages' language, a BCP 47 tag (default: "
                        "en)")
    parser.add_argument("--theme", default=None, metavar="DIR",
                        help="a theme folder whose templates/ and static/ "
                        "files replace the default theme's")
    parser.add_argument("--config", default=None, metavar="FILE",
                        help="the site's configuration (default: "
                        "showfacts.toml in the one SRC folder, if there)")
    parser.add_argument("--claims", action="store_true",
                        help="also publish unconfirmed facts and teases as "
                        "Claim nodes in the JSON-LD")
    parser.add_argument("--no-spoilers", action="store_true",
                        help="leave spoiler teases out")
    parser.add_argument("--feeds", type=_feed_list, default=None,
                        metavar="LIST",
                        help="the feed formats to publish, comma-separated: "
                        "rss, atom, json, or none (default: all three)")
    parser.add_argument("--per-page", type=whole_number("a number of shows"),
                        default=None, metavar="N",
                        help="split the index into pages of N shows: "
                        "page/2/index.html and on (default: one page)")


def register(commands: Commands) -> None:
    """Add ``build``."""
    parser = add_command(
        commands, "build",
        help="build the static site: pages, JSON-LD, feeds, calendars",
        description="Build a static site from show files: an index of "
        "shows, a page per show and per season with embedded JSON-LD, a "
        "fact card and a timeline of what is known, RSS, Atom and JSON "
        "feeds, premiere calendars, .jsonld files and a sitemap.  The new "
        "site replaces DIR only when the whole build succeeded, in one "
        "atomic step: DIR becomes a link to a version folder kept in "
        ".DIR.showfacts/ beside it.  Only files an earlier build wrote are "
        "deleted: DIR must be new, empty or a site showfacts built, and "
        "may not be, hold or be inside an input (exit status 2 "
        "otherwise).",
        epilog=examples(
            "showfacts build examples --out site   # a preview: open "
            "site/index.html",
            "showfacts build data/ --out public --base-url "
            "https://example.org/tv/ --title 'TV facts'",
            "showfacts build data/ --out public --theme my-theme",
        ),
    )
    action = parser.add_argument("paths", nargs="+", metavar="SRC",
                                 help="show files or folders")
    action.complete = shtab.FILE  # type: ignore[attr-defined]
    action = parser.add_argument("--out", required=True, metavar="DIR",
                                 help="the site's folder: new, empty or "
                                 "built by showfacts")
    action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    add_site_options(parser)
    parser.add_argument("--jobs", type=whole_number("a number of processes"),
                        default=None, metavar="N",
                        help="check and render shows in N processes "
                        "(default: every processor this process may use, "
                        "as many as the catalog keeps busy; 1: this "
                        "process only)")
    parser.add_argument("--no-cache", action="store_true",
                        help="render every show, without the build cache "
                        "in .DIR.showfacts/cache/ (the site is the same)")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="no progress display and no summary")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="say what was built, and which files in "
                      "folders were skipped")
    add_limits(parser)
    parser.set_defaults(handler=run)
