"""``showfacts lint PATH... [--today DATE] [--strict]``: keep data honest."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from showfacts import loading
from showfacts._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    Commands,
    add_command,
    add_limits,
    add_path_arguments,
    add_verbose,
    examples,
    limits,
    report,
    say,
    skips,
)
from showfacts._paths import parse as parse_path
from showfacts._terminal import Style, colour, paint
from showfacts._text import terminal
from showfacts.lint import DEFAULT_MAX_AGE, Level, lint


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a date like 2027-01-01"
        raise argparse.ArgumentTypeError(msg) from None


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        msg = f"{text!r} is not a number of days"
        raise argparse.ArgumentTypeError(msg)
    return days


def run(args: argparse.Namespace) -> int:
    """Lint; print one ``file:line: $.path: level: message`` per finding."""
    loaded, problems = loading.load_many(args.paths, limits(args),
                                         on_skip=skips(args))
    problems += loading.catalog_problems(loaded)
    report(problems, args.max_problems)
    if problems:
        return EXIT_INVALID
    today: dt.date = args.today or dt.date.today()  # noqa: DTZ011
    documents = {show.id: document for show, document in loaded}
    findings = lint([show for show, _ in loaded], today=today,
                    max_age=args.max_age)
    for finding in findings[:args.max_problems]:
        document = documents[finding.show]
        where = document.locate(parse_path(finding.path))
        prefix = f"{document.name}:{where[0]}" if where else document.name
        line = terminal(f"{prefix}: {finding}")
        if colour(sys.stdout):
            style: Style = ("error" if finding.level is Level.ERROR
                            else "warning")
            word = f": {finding.level.value}: "
            line = line.replace(word, paint(word, style, sys.stdout), 1)
        print(line)  # noqa: T201
    if len(findings) > args.max_problems:
        left = len(findings) - args.max_problems
        say(f"showfacts: and {left:,} more finding"
            f"{'s' if left != 1 else ''} (--max-problems N shows more)",
            err=False)
    errors = sum(f.level is Level.ERROR for f in findings)
    warnings = len(findings) - errors
    if errors or (args.strict and warnings):
        return EXIT_INVALID
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``lint``."""
    parser = add_command(
        commands, "lint",
        help="flag stale speculation, unsourced and contradictory facts",
        description="Check that show data is still honest: expected or "
        "rumored windows that have passed with nothing newer (stale), "
        "facts without sources, old unconfirmed facts, contradicting "
        "current facts, cast credits without a character, and gaps in "
        "season numbers.  One 'file:line: $.path: level: message' line per "
        "finding.  Exit 1 when there are errors (or, with --strict, "
        "warnings).",
        epilog=examples(
            "showfacts lint examples/",
            "showfacts lint examples/ballard.yaml --today 2027-01-01",
            "showfacts lint data/ --strict --max-age 90",
        ),
    )
    add_path_arguments(parser, stdin=False)
    parser.add_argument("--today", type=_date, metavar="DATE",
                        help="judge staleness as of this date "
                        "(default: today)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 on warnings too")
    parser.add_argument("--max-age", type=_days, default=DEFAULT_MAX_AGE,
                        metavar="DAYS",
                        help="days after which an unconfirmed fact is old "
                        f"(default: {DEFAULT_MAX_AGE})")
    add_verbose(parser, "nothing else")
    add_limits(parser)
    parser.set_defaults(handler=run)
