"""``showfacts schema``: print the JSON Schema of show files."""

from __future__ import annotations

import argparse

from showfacts import _schema
from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    add_output,
    examples,
    write_output,
)


def run(args: argparse.Namespace) -> int:
    """Write the packaged schema, byte for byte."""
    write_output(_schema.schema_bytes(), args.output)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``schema``."""
    parser = add_command(
        commands, "schema",
        help="print the JSON Schema of show files",
        description="Print the JSON Schema (draft 2020-12) that show files "
        "follow, for editors that complete and check YAML and JSON.",
        epilog=examples(
            "showfacts schema -o show.schema.json",
            "# then, at the top of a YAML file:",
            "# yaml-language-server: $schema=show.schema.json",
        ),
    )
    add_output(parser)
    parser.set_defaults(handler=run)
