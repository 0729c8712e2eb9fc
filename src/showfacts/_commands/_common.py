"""What the subcommands share: loading paths, writing output, help text."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import shtab

from showfacts import loading
from showfacts._atomic import write_atomic
from showfacts._discovery import Skipped
from showfacts._readers import DEFAULT_LIMITS, Limits
from showfacts._terminal import located, paint
from showfacts._text import terminal
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.iris import Site
from showfacts.loading import FileFormat
from showfacts.models import Catalog


EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

FORMATS = ("yaml", "json", "toml")


class Parser(argparse.ArgumentParser):
    """
    An argument parser for people.

    Usage errors exit with status 2 after this command's usage (not the
    top level's), in colour on a terminal; a mistyped choice or option
    gets a "did you mean"; the limit options stay out of the usage line.
    """

    def error(self, message: str) -> NoReturn:
        """Print this command's usage and the error, and exit with 2."""
        self.print_usage(sys.stderr)
        prefix = paint(f"{self.prog}: error:", "error", sys.stderr)
        print(f"{prefix} {message}", file=sys.stderr)  # noqa: T201
        raise SystemExit(EXIT_USAGE)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(c) for c in action.choices]
        message = (f"invalid choice: {value!r} (choose from "
                   f"{', '.join(choices)})")
        close = difflib.get_close_matches(str(value), choices, n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
        raise argparse.ArgumentError(action, message)

    def unknown(self, extras: Sequence[str]) -> NoReturn:
        """Refuse unknown arguments, suggesting the nearest options."""
        options = [o for a in self._actions for o in a.option_strings
                   if a.help != argparse.SUPPRESS]
        message = f"unrecognized arguments: {' '.join(extras)}"
        for extra in extras:
            if extra.startswith("-"):
                close = difflib.get_close_matches(extra.split("=")[0],
                                                  options, n=1)
                if close:
                    message += f"; did you mean {close[0]}?"
                    break
        self.error(message)

    def format_usage(self) -> str:
        """The usage line, without the limit options."""
        with self._short_usage():
            return super().format_usage()

    def format_help(self) -> str:
        """The help, whose usage line leaves out the limit options."""
        with self._short_usage():
            return super().format_help()

    @contextlib.contextmanager
    def _short_usage(self) -> Iterator[None]:
        hidden = [a for a in self._actions if getattr(a, "limit", False)]
        if self.usage is not None or not hidden:
            yield
            return
        shown = [a for a in self._actions if a not in hidden]
        formatter = self._get_formatter()
        formatter.add_usage(None, shown, self._mutually_exclusive_groups,
                            prefix="")
        text = formatter.format_help().strip()
        self.usage = text.replace("%", "%%")
        try:
            yield
        finally:
            self.usage = None


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
    # So that errors found after parsing print this command's usage.
    parser.set_defaults(command_parser=parser)
    return parser


class Renamed(argparse.Action):
    """An option that was renamed: refused, with the new spelling."""

    def __init__(self, option_strings: Sequence[str], dest: str, *,
                 hint: str, **kwargs: Any) -> None:
        self.hint = hint
        kwargs.setdefault("nargs", "?")
        super().__init__(option_strings, dest, help=argparse.SUPPRESS,
                         default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser,
                 namespace: argparse.Namespace, values: Any,  # noqa: ARG002
                 option_string: str | None = None) -> None:
        parser.error(f"{option_string} is no longer an option here: "
                     f"{self.hint}")


def add_input_format(parser: argparse.ArgumentParser, *,
                     renamed: bool = True) -> None:
    """Add ``--input-format``; refuse the old ``--format`` if ``renamed``."""
    parser.add_argument(
        "--input-format", choices=FORMATS, default="yaml",
        help="format of standard input (default: yaml)",
    )
    if renamed:
        parser.add_argument(
            "--format", action=Renamed,
            hint="the format of standard input is --input-format "
            "(yaml, json or toml)",
        )


def add_verbose(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``-v/--verbose``: say what was skipped, and ``what``."""
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help=f"say which files in folders were skipped, and {what}",
    )


#: How many undeclared show-like files are named without ``-v``.
_NOTES = 3


def skips(args: argparse.Namespace) -> Callable[[Skipped], None]:
    """
    Report skipped files on standard error.

    With ``-v``, every one; without, only those that look like a show
    file that forgot to declare the show schema, so that they are never
    left out in silence.
    """
    verbose = bool(getattr(args, "verbose", False))
    noted = [0]

    def report(item: Skipped) -> None:
        if verbose:
            say(f"showfacts: skipped {item.path}: {item.reason}")
        elif item.show_like:
            noted[0] += 1
            note = paint("showfacts: note:", "warning", sys.stderr)
            if noted[0] > _NOTES:
                if noted[0] == _NOTES + 1:
                    print(f"{note} more files like these were skipped; "  # noqa: T201
                          "-v lists them", file=sys.stderr)
                return
            print(  # noqa: T201
                f"{note} skipped {terminal(str(item.path))}: it looks like a "
                "show but "
                f"{item.reason} (add '# yaml-language-server: "
                "$schema=.../show.schema.json' or a '$schema' key)",
                file=sys.stderr,
            )

    return report


def add_path_arguments(parser: argparse.ArgumentParser, *,
                       stdin: bool = True) -> None:
    """Add the PATH arguments, completed as files."""
    action = parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="show files or folders" + (", or - for standard input"
                                         if stdin else ""),
    )
    action.complete = shtab.FILE  # type: ignore[attr-defined]


def add_paths(parser: argparse.ArgumentParser, *, stdin: bool = True) -> None:
    """Add PATH arguments, ``--input-format`` for standard input, limits."""
    add_path_arguments(parser, stdin=stdin)
    if stdin:
        add_input_format(parser)
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


def _limit_adder(group: argparse._ArgumentGroup) -> Callable[..., None]:
    def add(*names: str, **kwargs: Any) -> None:
        action = group.add_argument(*names, **kwargs)
        action.limit = True  # type: ignore[attr-defined]

    return add


def add_limits(parser: argparse.ArgumentParser) -> None:
    """Add the options that raise or lower the limits of what a file may do."""
    group = parser.add_argument_group(
        "limit options", "what one show file may make showfacts do (the "
        "defaults are far above any real show file; rarely needed)",
    )
    defaults = DEFAULT_LIMITS
    add = _limit_adder(group)
    add(
        "--max-file-size", type=_size, default=defaults.max_file_size,
        metavar="BYTES",
        help=f"refuse larger files (default: {defaults.max_file_size:,})",
    )
    add(
        "--max-depth", type=_size, default=defaults.max_depth,
        metavar="N", help="refuse deeper nesting of lists and mappings "
        f"(default: {defaults.max_depth})",
    )
    add(
        "--max-string-length", type=_size,
        default=defaults.max_string_length, metavar="N",
        help="refuse longer strings (default: "
        f"{defaults.max_string_length:,})",
    )
    add(
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
        print(located(terminal(str(problem)), sys.stderr), file=sys.stderr)  # noqa: T201
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
    action = parser.add_argument(
        "-o", "--output", metavar="FILE", default="-",
        help="write to FILE instead of standard output; the file is "
        "replaced whole or not at all",
    )
    action.complete = shtab.FILE  # type: ignore[attr-defined]


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


def load_paths(paths: Sequence[str], stdin_format: FileFormat = "yaml", *,
               limits: Limits = DEFAULT_LIMITS,
               on_skip: Callable[[Skipped], object] | None = None,
               ) -> Catalog:
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
    return loading.load_catalog(paths, limits=limits, on_skip=on_skip)


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
