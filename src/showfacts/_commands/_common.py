"""What the subcommands share: loading paths, writing output, help text."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from showfacts import loading
from showfacts.exceptions import InputError
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.loading import write_atomic
from showfacts.models import Catalog


EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

FORMATS = ("yaml", "json", "toml")


class Parser(argparse.ArgumentParser):
    """An argument parser that exits with status 2 on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print the usage and the error, and exit with status 2."""
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)  # noqa: T201
        raise SystemExit(EXIT_USAGE)


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001
else:
    Commands = argparse._SubParsersAction  # noqa: SLF001


def examples(*lines: str) -> str:
    """An ``examples:`` epilog for ``--help``."""
    return "examples:\n" + textwrap.indent("\n".join(lines), "  ")


def add_command(commands: Commands, name: str, *, help: str,  # noqa: A002
                description: str, epilog: str) -> argparse.ArgumentParser:
    """Add a subcommand whose help keeps its examples' line breaks."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def add_paths(parser: argparse.ArgumentParser, *, stdin: bool = True) -> None:
    """Add PATH arguments (and ``--format`` for standard input)."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="show files or folders" + (", or - for standard input"
                                         if stdin else ""),
    )
    if stdin:
        parser.add_argument(
            "--format", choices=FORMATS, default="yaml",
            help="format of standard input (default: yaml)",
        )


def add_base_url(parser: argparse.ArgumentParser) -> None:
    """Add ``--base-url``."""
    parser.add_argument(
        "--base-url", default=DEFAULT_BASE_URL, metavar="URL",
        help="absolute URL the outputs are published under "
        f"(default: {DEFAULT_BASE_URL})",
    )


def add_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-o/--output``."""
    parser.add_argument(
        "-o", "--output", metavar="FILE", default="-",
        help="write to FILE instead of standard output; the file is "
        "replaced whole or not at all",
    )


def site(args: argparse.Namespace) -> Site:
    """The site for ``--base-url``."""
    return Site(args.base_url)


def load_paths(paths: Sequence[str], stdin_format: str = "yaml") -> Catalog:
    """
    Load files and folders as one catalog; ``-`` reads standard input.

    Raises:
        InputError: For unreadable paths, or ``-`` mixed with paths.
        InvalidDataError: With every problem in every file.
    """
    if list(paths) == ["-"]:
        data = sys.stdin.buffer.read()
        show = loading.loads(data, stdin_format, name="<stdin>")
        return Catalog(shows=(show,))
    if "-" in paths:
        raise InputError("'-' (standard input) cannot be mixed with paths")
    return loading.load_catalog(paths)


def write_output(data: str | bytes, target: str) -> None:
    """
    Write to standard output (``-``), or replace a file atomically.

    Nothing is written unless the whole output was produced.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if target == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    import pathlib  # noqa: PLC0415

    try:
        write_atomic(pathlib.Path(target), raw)
    except OSError as exc:
        raise InputError(f"{target}: cannot be written ({exc.strerror})") \
            from None
