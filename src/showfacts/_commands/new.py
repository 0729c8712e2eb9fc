"""``showfacts new SLUG``: write a commented starter show file."""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import re

from showfacts import _schema, loading
from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    examples,
    write_output,
)
from showfacts._discovery import SCHEMA_FILE, schema_near
from showfacts._invariants import reserved_name
from showfacts._text import inline
from showfacts.exceptions import InputError
from showfacts.models import ID_PATTERN


TEMPLATE = """\
# yaml-language-server: $schema={schema}
# (the line above makes this a show file, and gives editors completion)
#
# {heading}: a starter show file.  Every fact that can turn out to be wrong
# carries a certainty (confirmed, reported, expected, rumored, speculative)
# and the ids of its sources.  Check it with:  showfacts validate {file}
#
# Write only what a source said.  A field you leave out is absent from
# every output: nothing (billing, character, platform, region, time, year)
# is ever assumed.  A date keeps the source's precision and its words.
id: {slug}
title: {title}
# fictional: true          # uncomment for a made-up show (examples, tests)
description: What the show is, in a sentence.
genres: [Drama]
countries: [US]            # ISO 3166-1 codes
languages: [en]            # BCP 47 tags
networks: [network]        # organization ids, declared below

# Where facts were read.  Give a url only if the source has one.
sources:
  - id: announcement
    title: The article or press release the facts come from
    publisher: Who published it
    published: 2026-01-15  # an EDTF date: 2026, 2026-07, 2026-07-09, ...
    # url: https://example.org/the-announcement

organizations:
  - id: network
    name: The network or streamer
    kind: streamer         # network, streamer or studio

people:
  - id: lead-actor
    name: Lead Actor

characters:
  - id: lead-character
    names: [Lead Character]

seasons:
  - number: 1
    milestones:
      - id: s1-renewed     # fact ids never change: feeds key on them
        kind: renewed
        date: 2026-01-15
        certainty: confirmed
        sources: [announcement]
      - id: s1-premiere-window
        kind: premiere
        date:
          edtf: 2026-22/2026-23   # summer to fall, northern hemisphere
          text: summer or fall 2026  # the source's own words
        certainty: expected
        sources: [announcement]
        # qualifier: the network has yet to confirm   # a public caveat
        # note: an editor's note, never published
    cast:
      - id: s1-cast-lead-actor
        person: lead-actor
        characters: [lead-character]
        # role: one of the fellow detectives   # a role the source
        #                                      # describes but does not name
        # undisclosed: true    # the source says the role is secret
        # billing: main        # only if the source says so; no default
        certainty: reported
        sources: [announcement]
"""


def starter(slug: str, *, title: str | None = None,
            schema: str = SCHEMA_FILE) -> str:
    """The text of a starter file for ``slug`` that declares ``schema``."""
    if not re.fullmatch(ID_PATTERN, slug):
        raise InputError(
            f"{slug!r} is not a valid show id: use lower-case letters and "
            "digits in words joined by '-', '_' or '.', e.g. my-show"
        )
    if reserved_name(slug):
        raise InputError(
            f"{slug!r} is a name Windows reserves for a device: ids become "
            "file names, so choose another"
        )
    title = title or re.sub(r"[-_.]+", " ", slug).title()
    return TEMPLATE.format(
        slug=slug,
        heading=inline(title),
        title=title if _plain(title) else json.dumps(
            title, ensure_ascii=False
        ),
        file=f"{slug}.yaml",
        schema=schema,
    )


#: Words some YAML readers take for booleans or null.
_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false",
                    "null", "~"})


def _plain(title: str) -> bool:
    """
    Whether YAML reads the title back as the same string, written plain.

    Others are written double-quoted (JSON's escapes are YAML's too).
    """
    return bool(
        title
        and title == title.strip()
        and title.isprintable()
        and title[0] not in "-?:,[]{}#&*!|>'\"%@`+.0123456789"
        and ": " not in title
        and " #" not in title
        and not title.endswith(":")
        and title.lower() not in _WORDS
    )


def run(args: argparse.Namespace) -> int:
    """Write the starter file (never over one); say what was written."""
    target = args.output or f"{args.slug}.yaml"
    if target == "-":
        text = starter(args.slug, title=args.title)
        loading.loads(text, "yaml", name=target)
        write_output(text, target)
        return EXIT_OK
    path = pathlib.Path(target)
    if path.exists() and not args.force:
        raise InputError(f"{target}: exists already (use --force to replace)")
    folder = path.absolute().parent
    found = schema_near(folder)
    schema_path = found or folder / SCHEMA_FILE
    relative = os.path.relpath(schema_path, folder)
    text = starter(args.slug, title=args.title,
                   schema=pathlib.Path(relative).as_posix())
    # The starter must be valid: check it before writing it anywhere.
    loading.loads(text, "yaml", name=target)
    written = [target]
    if found is None:
        write_output(_schema.schema_bytes(), str(path.parent / SCHEMA_FILE))
        written.append(str(path.parent / SCHEMA_FILE))
    write_output(text, target)
    print(f"wrote {target}")  # noqa: T201
    if found is None:
        print(f"wrote {written[1]} (the JSON Schema {target} declares, "  # noqa: T201
              "for editors)")
    print(f"next: fill it in, then run: showfacts validate {target}")  # noqa: T201
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``new``."""
    parser = add_command(
        commands, "new",
        help="write a commented starter show file",
        description="Write SLUG.yaml: a commented show file that validates, "
        "to fill in.  Its first line declares the show schema (which makes "
        "it a show file in folders, and gives editors completion): the "
        "show.schema.json found in its folder, a folder above or their "
        "schemas/ folder, or else one written beside it.",
        epilog=examples(
            "showfacts new my-show",
            "showfacts new my-show --title 'My Show' -o data/my-show.yaml",
            "showfacts new my-show -o -",
        ),
    )
    parser.add_argument("slug", metavar="SLUG",
                        help="the show id, e.g. my-show")
    parser.add_argument("--title", help="the show's title")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write (default: SLUG.yaml; - for "
                        "standard output)")
    parser.add_argument("--force", action="store_true",
                        help="replace FILE if it exists")
    parser.set_defaults(handler=run)
