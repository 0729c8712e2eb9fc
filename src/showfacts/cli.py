"""
The ``showfacts`` command.

Exit status: 0 when all is well, 1 for invalid data (or lint errors), 2 for
usage errors and problems of the environment (a missing file, an output
that cannot be written: read-only folder, full disk; an unsafe ``--out``),
3 when ``diff --exit-code`` found changes.  Problems go to standard error,
one ``file:line:col: $.path: message`` line each, with control characters
escaped; no traceback, ever.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from showfacts._commands import MODULES
from showfacts._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    examples,
    report,
)
from showfacts._terminal import paint
from showfacts._text import terminal
from showfacts.exceptions import InputError, InvalidDataError, ShowfactsError


__all__ = ["build_parser", "main"]


def build_parser() -> Parser:
    """The command-line parser, with every command."""
    parser = Parser(
        prog="showfacts",
        description="Typed, sourced facts about TV shows: validate show "
        "files and publish them as JSON-LD, feeds, calendars and pages.",
        epilog=examples(
            "showfacts validate examples/",
            "showfacts build examples --out site",
            "python -m showfacts COMMAND --help",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True,
        parser_class=Parser,
    )
    for module in MODULES:
        module.register(commands)
    return parser


def _prefix() -> str:
    return paint("showfacts: error:", "error", sys.stderr)


def _version() -> str:
    from importlib.metadata import version  # noqa: PLC0415

    return version("showfacts")


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line; return the exit status.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            # The command's own usage and options, not the top level's.
            command: Parser = getattr(args, "command_parser", parser)
            command.unknown(extras)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        status: int = args.handler(args)
    except InvalidDataError as exc:
        report(exc.problems, getattr(args, "max_problems", None))
        return EXIT_INVALID
    except InputError as exc:
        print(f"{_prefix()} {terminal(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except ShowfactsError as exc:
        print(f"{_prefix()} {terminal(str(exc))}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(f"{_prefix()} {terminal(_os_error(exc))}", file=sys.stderr)
        return EXIT_USAGE
    return status


def _os_error(exc: OSError) -> str:
    """``file: reason`` for an error the system raised."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason
