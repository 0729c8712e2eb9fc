"""What the subcommands share: loading paths, writing output, help text."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from showfacts import loading
from showfacts._atomic import write_atomic
from showfacts._readers import DEFAULT_LIMITS, Limits
from showfacts._text import terminal
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.iris import Site
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
    """Add PATH arguments, ``--format`` for standard input, and limits."""
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
    add_limits(parser)


def whole_number(noun: str, minimum: int = 1) -> Callable[[str], int]:
    """
    An argparse type: a whole number, *minimum* or more.

    *noun* names what the number is in the error, as in "'0' is not a
    number of processes: it must be 1 or more".
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            msg = f"{text!r} is not {noun}: it must be {minimum} or more"
            raise argparse.ArgumentTypeError(msg)
        return value

    return parse


#: The argparse type of ``--season``.
season_number = whole_number("a season number", 0)

_size = whole_number("a positive whole number")


def add_limits(parser: argparse.ArgumentParser) -> None:
    """Add the options that raise or lower the limits of what a file may do."""
    group = parser.add_argument_group(
        "limits", "what one show file may make showfacts do (the defaults "
        "are far above any real show file)",
    )
    defaults = DEFAULT_LIMITS
    group.add_argument(
        "--max-file-size", type=_size, default=defaults.max_file_size,
        metavar="BYTES",
        help=f"refuse larger files (default: {defaults.max_file_size:,})",
    )
    group.add_argument(
        "--max-depth", type=_size, default=defaults.max_depth,
        metavar="N", help="refuse deeper nesting of lists and mappings "
        f"(default: {defaults.max_depth})",
    )
    group.add_argument(
        "--max-string-length", type=_size,
        default=defaults.max_string_length, metavar="N",
        help="refuse longer strings (default: "
        f"{defaults.max_string_length:,})",
    )
    group.add_argument(
        "--max-alias-nodes", type=_size, default=defaults.max_alias_nodes,
        metavar="N", help="refuse YAML aliases that expand to more values "
        f"(default: {defaults.max_alias_nodes:,})",
    )
    for name, what in _MORE_LIMITS:
        default = getattr(defaults, name)
        group.add_argument(
            "--" + name.replace("_", "-"), type=_size, default=default,
            metavar="N", help=f"{what} (default: {default:,})",
        )


#: The limits past the first four: the attribute and its option's help.
_MORE_LIMITS = (
    ("max_expanded_text", ("refuse shows whose text, counted wherever "
                           "aliases and references repeat it, is longer")),
    ("max_seasons", "refuse shows with more seasons"),
    ("max_facts", "refuse shows with more facts"),
    ("max_references", ("refuse shows with more references to their "
                        "records")),
    ("max_output_bytes", ("refuse to write a larger page, feed, calendar "
                          "or JSON-LD file")),
    ("max_problems", ("print at most this many problems, then how many "
                      "more")),
)


def limits(args: argparse.Namespace) -> Limits:
    """The limits the options ask for."""
    return Limits(
        max_file_size=args.max_file_size,
        max_depth=args.max_depth,
        max_string_length=args.max_string_length,
        max_alias_nodes=args.max_alias_nodes,
        **{name: getattr(args, name) for name, _ in _MORE_LIMITS},
    )


def say(text: object, *, err: bool = True) -> None:
    """Print a line, with what a terminal would act on escaped."""
    print(terminal(str(text)), file=sys.stderr if err else sys.stdout)


def report(problems: Sequence[object], most: int | None = None) -> None:
    """Print problems on standard error, at most ``most``, then a count."""
    if most is None:
        most = DEFAULT_LIMITS.max_problems
    for problem in problems[:most]:
        say(problem)
    if len(problems) > most:
        left = len(problems) - most
        say(f"showfacts: and {left:,} more problem{'s' if left != 1 else ''}"
            f" (--max-problems N shows more)")


def add_base_url(parser: argparse.ArgumentParser, *,
                 required: bool = True) -> None:
    """Add ``--base-url``; commands that publish addresses require it."""
    parser.add_argument(
        "--base-url", default=None, metavar="URL",
        help="absolute URL the outputs are published under, such as "
        "https://example.org/tv/" + (" (required)" if required else ""),
    )


def add_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-o/--output``."""
    parser.add_argument(
        "-o", "--output", metavar="FILE", default="-",
        help="write to FILE instead of standard output; the file is "
        "replaced whole or not at all",
    )


def site(args: argparse.Namespace) -> Site:
    """
    The site for ``--base-url``.

    Raises:
        InputError: Without ``--base-url``: absolute addresses come only
            from the address the outputs are published at, never from a
            guess such as localhost.
    """
    if args.base_url is None:
        raise InputError(
            "--base-url is required: the output holds absolute addresses, "
            "so say where it is published, such as --base-url "
            "https://example.org/tv/"
        )
    return Site(args.base_url)


def load_paths(paths: Sequence[str], stdin_format: str = "yaml", *,
               limits: Limits = DEFAULT_LIMITS) -> Catalog:
    """
    Load files and folders as one catalog; ``-`` reads standard input.

    Raises:
        InputError: For unreadable paths, or ``-`` mixed with paths.
        InvalidDataError: With every problem in every file.
    """
    if list(paths) == ["-"]:
        data = read_stdin(limits)
        show = loading.loads(data, stdin_format, name="<stdin>",
                             limits=limits)
        return Catalog(shows=(show,))
    if "-" in paths:
        raise InputError("'-' (standard input) cannot be mixed with paths")
    return loading.load_catalog(paths, limits=limits)


def read_stdin(limits: Limits) -> bytes:
    """
    Standard input, read no further than the file size limit allows.

    However much is coming, at most one byte past the limit is read: the
    loader then refuses the text by its size.
    """
    return sys.stdin.buffer.read(limits.max_file_size + 1)


def write_output(data: str | bytes, target: str, *,
                 most: int | None = None) -> None:
    """
    Write to standard output (``-``), or replace a file atomically.

    Nothing is written unless the whole output was produced; a new file
    gets ``0666 & ~umask``, a replaced one keeps its mode.

    Nothing is written when the output is over ``most`` bytes
    (``--max-output-bytes``).

    Raises:
        OutputError: If the file cannot be written (exit status 2).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if most is not None and len(raw) > most:
        raise InvalidDataError([Problem(message=(
            f"the output would be {len(raw):,} bytes, over the limit of "
            f"{most:,} bytes per file"
        ))])
    if target == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    write_atomic(target, raw)
