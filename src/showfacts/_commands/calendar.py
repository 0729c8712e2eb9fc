"""``showfacts calendar PATH...``: a premiere calendar as iCalendar."""

from __future__ import annotations

import argparse

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_base_url,
    add_command,
    add_output,
    add_paths,
    add_verbose,
    examples,
    limits,
    load_paths,
    site,
    skips,
    write_output,
)


def run(args: argparse.Namespace) -> int:
    """Write the calendar of one show, or of every show given."""
    from showfacts.calendar import to_calendar  # noqa: PLC0415 - slow

    catalog = load_paths(args.paths, args.input_format, limits=limits(args),
                         on_skip=skips(args))
    data = catalog.shows[0] if len(catalog) == 1 else catalog
    write_output(
        to_calendar(data, site(args), tentative=args.tentative),
        args.output, most=args.max_output_bytes,
    )
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``calendar``."""
    parser = add_command(
        commands, "calendar",
        help="write premieres, part releases and finales as iCalendar",
        description="Write an iCalendar (.ics) file of the premieres, part "
        "releases and finales of the shows given: one show's calendar for "
        "one show, a calendar of every show for several.  By default only "
        "confirmed dates known to the day are listed; --tentative adds "
        "unconfirmed dates and windows as tentative events that say how "
        "sure they are.  The same data always gives the same bytes.",
        epilog=examples(
            "showfacts calendar examples/ballard.yaml",
            "showfacts calendar examples -o site/premieres.ics \\",
            "    --base-url https://example.org/tv/",
            "showfacts calendar --tentative examples/ballard.yaml",
        ),
    )
    add_paths(parser)
    add_verbose(parser, "nothing else")
    add_output(parser)
    add_base_url(parser)
    parser.add_argument(
        "--tentative", action="store_true",
        help="also list unconfirmed or imprecise dates, as STATUS:TENTATIVE "
        "events spanning their window",
    )
    parser.set_defaults(handler=run)
