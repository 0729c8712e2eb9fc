"""``showfacts validate PATH...``: check show files."""

from __future__ import annotations

import argparse

from showfacts import loading
from showfacts._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    Commands,
    add_command,
    add_paths,
    add_verbose,
    examples,
    limits,
    load_paths,
    report,
    skips,
)
from showfacts.exceptions import InvalidDataError


def run(args: argparse.Namespace) -> int:
    """Validate; print one line per problem on standard error."""
    paths: list[str] = args.paths
    if paths == ["-"]:
        try:
            load_paths(paths, args.input_format, limits=limits(args))
        except InvalidDataError as exc:
            report(exc.problems, args.max_problems)
            return EXIT_INVALID
        return EXIT_OK
    problems = loading.validate(paths, limits=limits(args),
                                on_skip=skips(args))
    report(problems, args.max_problems)
    if problems:
        return EXIT_INVALID
    if args.verbose:
        files = len(loading.collect_show_files(paths))
        print(f"{files} file{'s' if files != 1 else ''} valid")  # noqa: T201
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``validate``."""
    parser = add_command(
        commands, "validate",
        help="check show files against the schema and the model",
        description="Check show files (or every show file in folders) and "
        "report every problem, one 'file:line:col: $.path: message' line "
        "each, on standard error.  Exit status 0 when all is valid, 1 when "
        "not.",
        epilog=examples(
            "showfacts validate examples/",
            "showfacts validate ballard.yaml bosch.yaml",
            "cat ballard.yaml | showfacts validate -",
        ),
    )
    add_paths(parser)
    add_verbose(parser, "how many files were valid")
    parser.set_defaults(handler=run)
