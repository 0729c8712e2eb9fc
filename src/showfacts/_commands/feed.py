"""``showfacts feed PATH... --to rss|atom|json``: write a news feed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    Renamed,
    add_base_url,
    add_command,
    add_input_format,
    add_limits,
    add_output,
    add_path_arguments,
    add_verbose,
    examples,
    limits,
    load_paths,
    season_number,
    site,
    skips,
    whole_number,
    write_output,
)
from showfacts.exceptions import InputError
from showfacts.models import Certainty
from showfacts.news import NEWS_KINDS, build_feed


if TYPE_CHECKING:
    from showfacts.feeds import FeedFormat


#: The feed format each --to value writes.
_FORMATS: dict[str, FeedFormat] = {
    "rss": "rss", "atom": "atom", "json": "json", "json-feed": "json",
}


def run(args: argparse.Namespace) -> int:
    """Build the feed and write it."""
    catalog = load_paths(args.paths, args.input_format,
                         limits=limits(args), on_skip=skips(args))
    where = site(args)
    show = catalog.shows[0].id if len(catalog) == 1 else None
    if args.season is not None and show is None:
        raise InputError(
            f"--season needs exactly one show, and the paths hold "
            f"{len(catalog)}: {', '.join(s.id for s in catalog)}"
        )
    feed = build_feed(
        catalog, where, _FORMATS[args.to],
        show=show,
        season=args.season,
        kinds=args.kind,
        min_certainty=args.min_certainty,
        limit=args.limit,
        spoilers=not args.no_spoilers,
    )
    from showfacts.feeds import render  # noqa: PLC0415 - slow to import

    write_output(render(feed, _FORMATS[args.to]), args.output,
                 most=args.max_output_bytes)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``feed``."""
    parser = add_command(
        commands, "feed",
        help="write a news feed (RSS, Atom or JSON Feed)",
        description="Write the news of one show (or of every show in the "
        "paths) as an RSS 2.0, Atom 1.0 or JSON Feed 1.1 feed, newest "
        "first.  Every item below 'confirmed' says how sure it is in its "
        "title.  The same data always gives the same bytes.",
        epilog=examples(
            "showfacts feed examples/ballard.yaml --to rss",
            "showfacts feed examples/ballard.yaml --to atom --season 2 "
            "-o atom.xml",
            "showfacts feed examples/ --to json --min-certainty reported "
            "--no-spoilers --limit 20",
            "showfacts feed examples/ --to rss --kind premiere --kind "
            "renewed",
        ),
    )
    add_path_arguments(parser)
    parser.add_argument(
        "--to", required=True, choices=tuple(_FORMATS),
        help="the feed format: rss, atom or json (JSON Feed; json-feed, "
        "as diff --to spells it, is the same)",
    )
    parser.add_argument(
        "--format", action=Renamed,
        hint="the feed format is --to (rss, atom or json)",
    )
    add_input_format(parser, renamed=False)
    parser.add_argument(
        "--season", type=season_number, metavar="N",
        help="only this season (needs exactly one show)",
    )
    parser.add_argument(
        "--limit", type=whole_number("a number of items"), metavar="N",
        help="at most N items, the newest",
    )
    parser.add_argument(
        "--kind", action="append", choices=NEWS_KINDS, metavar="KIND",
        help="only items of this kind (repeatable): "
        + ", ".join(NEWS_KINDS),
    )
    parser.add_argument(
        "--min-certainty", choices=tuple(c.value for c in Certainty),
        metavar="LEVEL",
        help="only items at least this sure: "
        + ", ".join(c.value for c in Certainty),
    )
    parser.add_argument(
        "--no-spoilers", action="store_true",
        help="leave out items that give away plot points",
    )
    add_base_url(parser)
    add_limits(parser)
    add_output(parser)
    add_verbose(parser, "nothing else")
    parser.set_defaults(handler=run)
