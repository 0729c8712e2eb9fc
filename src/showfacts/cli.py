"""
The ``showfacts`` command.

Exit status: 0 when all is well, 1 for invalid data (or lint errors), 2 for
usage errors such as a missing file.  Problems go to standard error, one
``file:line:col: $.path: message`` line each; no traceback, ever.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TextIO

from showfacts import loading
from showfacts.exceptions import (
    InputError,
    InvalidDataError,
    Problem,
    ShowfactsError,
)
from showfacts.models import Catalog


__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors we can test."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    for problem in problems:
        print(str(problem), file=stream)


def read_stdin_catalog(fmt: str) -> Catalog:
    """Load one show from standard input."""
    data = sys.stdin.buffer.read()
    return Catalog(shows=(loading.loads(data, fmt, name="<stdin>"),))


def load_paths(paths: Sequence[str], stdin_format: str = "yaml") -> Catalog:
    """Load files and folders, or standard input for ``-``, as a catalog."""
    if list(paths) == ["-"]:
        return read_stdin_catalog(stdin_format)
    if "-" in paths:
        raise InputError("'-' (standard input) cannot be mixed with paths")
    return loading.load_catalog(paths)


# -- validate ----------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    if paths == ["-"]:
        try:
            read_stdin_catalog(args.format)
        except InvalidDataError as exc:
            _print_problems(exc.problems, sys.stderr)
            return EXIT_INVALID
        return EXIT_OK
    problems = loading.validate(paths)
    if problems:
        _print_problems(problems, sys.stderr)
        return EXIT_INVALID
    if args.verbose:
        files = sum(len(loading.show_files(p)) for p in paths)
        print(f"{files} file{'s' if files != 1 else ''} valid")
    return EXIT_OK


def _add_validate(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "validate",
        help="check show files against the schema and the model",
        description="Check show files (or every show file in folders) and "
        "report every problem, one 'file:line:col: $.path: message' line "
        "each, on standard error.",
        epilog=_examples(
            "showfacts validate examples/",
            "showfacts validate ballard.yaml bosch.yaml",
            "cat ballard.yaml | showfacts validate -",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="show files or folders, or - for standard input")
    parser.add_argument("--format", choices=("yaml", "json", "toml"),
                        default="yaml",
                        help="format of standard input (default: yaml)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say how many files were valid")
    parser.set_defaults(handler=_validate)


# -- the parser --------------------------------------------------------------


def _examples(*lines: str) -> str:
    return "examples:\n" + textwrap.indent("\n".join(lines), "  ")


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser, with every command."""
    parser = _Parser(
        prog="showfacts",
        description="Typed, sourced facts about TV shows: validate show "
        "files and publish them as JSON-LD, feeds, calendars and pages.",
        epilog=_examples(
            "showfacts validate examples/",
            "showfacts build examples --out site",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True,
        parser_class=_Parser,
    )
    _add_validate(commands)
    return parser


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
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler: Handler = args.handler
    try:
        return handler(args)
    except InvalidDataError as exc:
        _print_problems(exc.problems, sys.stderr)
        return EXIT_INVALID
    except InputError as exc:
        print(f"showfacts: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ShowfactsError as exc:
        print(f"showfacts: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
