"""``showfacts diff OLD NEW``: what changed in the facts."""

from __future__ import annotations

import argparse

import shtab

from showfacts import loading
from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    Renamed,
    add_base_url,
    add_command,
    add_limits,
    add_output,
    examples,
    limits,
    site,
    write_output,
)
from showfacts.exceptions import InputError


#: The exit status of ``--exit-code`` when there are changes (1 and 2 are
#: taken by invalid data and usage errors).
EXIT_CHANGED = 3

FORMATS = ("text", "json", "rss", "atom", "json-feed")

_FEED_FORMATS = {"rss": "rss", "atom": "atom", "json-feed": "json"}


def run(args: argparse.Namespace) -> int:
    """Compare two versions; write the changes; exit 0 (or 3)."""
    from showfacts import diff  # noqa: PLC0415 - slow to import

    paths: list[str] = args.paths
    if args.git is None:
        if len(paths) != 2:
            msg = (
                "diff compares two paths, OLD and NEW (or, with --git REV, "
                f"the paths given against that revision); got {len(paths)}"
            )
            raise InputError(msg)
        old = loading.load_catalog(paths[0], limits=limits(args))
        new = loading.load_catalog(paths[1], limits=limits(args))
    else:
        old = diff.load_revision(paths, args.git, limits=limits(args))
        new = loading.load_catalog(paths, limits=limits(args))
    changes = diff.diff(old, new)
    fmt: str = args.to
    output: str | bytes
    if fmt == "text":
        output = diff.to_text(changes)
    elif fmt == "json":
        output = diff.to_json(changes)
    else:
        kind = _FEED_FORMATS[fmt]
        title = "What changed"
        if len(new) == 1:
            title = f"{new.shows[0].title}: what changed"
        feed = diff.to_feed(changes, site(args), fmt=kind, title=title)
        from showfacts import feeds  # noqa: PLC0415 - only feeds need it

        writer = {
            "rss": feeds.to_rss,
            "atom": feeds.to_atom,
            "json": feeds.to_json_feed,
        }[kind]
        output = writer(feed)
    write_output(output, args.output, most=args.max_output_bytes)
    if args.exit_code and changes:
        return EXIT_CHANGED
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``diff``."""
    parser = add_command(
        commands, "diff",
        help="list what changed in the facts between two versions",
        description="List what changed in the facts from OLD to NEW (files "
        "or folders of show files): facts added, superseded, retracted or "
        "removed, certainty raised or lowered, dates confirmed, narrowed "
        "or moved, cast joined or departed, status changed, shows added or "
        "removed.  With --git REV, the old version is what the paths held "
        "at that git revision.  Output as text (one line per change), "
        "JSON, or a 'what changed' feed (RSS, Atom, JSON Feed) with stable "
        "guids.  Exit status 0 whether or not anything changed (3 with "
        "--exit-code when something did), 1 for invalid data, 2 for usage "
        "errors.",
        epilog=examples(
            "showfacts diff last-week/ballard.yaml ballard.yaml",
            "showfacts diff --git HEAD~1 examples/",
            "showfacts diff --git v1.0 shows/ --to rss \\",
            "    --base-url https://example.org/tv/ -o site/changes/feed.xml",
        ),
    )
    action = parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="OLD and NEW, files or folders; with --git, the paths to "
        "compare with their state at REV",
    )
    action.complete = shtab.FILE  # type: ignore[attr-defined]
    parser.add_argument(
        "--git", metavar="REV",
        help="read the old version of the paths from this git revision",
    )
    parser.add_argument(
        "--to", choices=FORMATS, default="text",
        help="text (default), json (the list of changes), or a feed: rss, "
        "atom, json-feed",
    )
    parser.add_argument(
        "--format", action=Renamed,
        hint="the output format is --to (text, json, rss, atom or "
        "json-feed)",
    )
    add_base_url(parser)
    add_output(parser)
    add_limits(parser)
    parser.add_argument(
        "--exit-code", action="store_true",
        help=f"exit with status {EXIT_CHANGED} when there are changes",
    )
    parser.set_defaults(handler=run)
