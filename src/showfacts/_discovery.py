"""
Which files in a folder are show files.

A folder of data often holds other YAML, JSON and TOML files: the JSON
Schema saved for editors, a site's output, a tool's configuration.  So a
file in a folder is read as a show only when it says it is one, by
declaring the show schema at its top:

* YAML: a ``# yaml-language-server: $schema=.../show.schema.json``
  comment, or a ``$schema: .../show.schema.json`` key;
* JSON: a ``"$schema": ".../show.schema.json"`` key;
* TOML: a ``"$schema" = ".../show.schema.json"`` key, or Taplo's
  ``#:schema .../show.schema.json`` comment;

or when it sits where include patterns (a site's configuration) say show
files are.  A value declares the show schema when its last path segment
is ``show.schema.json`` or it is the schema's ``$id``.  A file named on
the command line is always read: whoever named it meant it.
"""

from __future__ import annotations

import functools
import os
import pathlib
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import attrs


#: The ``$id`` of the show schema.
SCHEMA_ID = "urn:showfacts:schema:show:1"
#: The file name the show schema is saved under.
SCHEMA_FILE = "show.schema.json"
#: How much of a file's start is read to find its declaration.
HEAD_BYTES = 64 * 1024

_VALUE = (
    rb"""(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'"""
    rb"""|(?P<plain>[^\s#"'][^\n#]*?))"""
)
_KEY = rb"""(?:\$schema|"\$schema"|'\$schema')"""
_DECLARATIONS = {
    "yaml": (
        re.compile(rb"^#\s*yaml-language-server\s*:\s*\$schema=(?P<plain>\S+)",
                   re.MULTILINE),
        re.compile(rb"^" + _KEY + rb"\s*:\s*" + _VALUE + rb"\s*(?:#.*)?$",
                   re.MULTILINE),
    ),
    "json": (re.compile(rb'"\$schema"\s*:\s*"(?P<dq>[^"]*)"'),),
    "toml": (
        re.compile(rb"^\s*" + _KEY + rb"\s*=\s*" + _VALUE, re.MULTILINE),
        # Taplo's directive, which TOML editors read.
        re.compile(rb"^#:schema\s+(?P<plain>\S+)", re.MULTILINE),
    ),
}
#: A top-level ``id`` and ``title``: a show that does not say it is one.
_SHOW_LIKE = {
    "yaml": (re.compile(rb"^id\s*:", re.MULTILINE),
             re.compile(rb"^title\s*:", re.MULTILINE)),
    "json": (re.compile(rb'^\s{0,4}"id"\s*:', re.MULTILINE),
             re.compile(rb'^\s{0,4}"title"\s*:', re.MULTILINE)),
    "toml": (re.compile(rb"^id\s*=", re.MULTILINE),
             re.compile(rb"^title\s*=", re.MULTILINE)),
}


@attrs.frozen
class Skipped:
    """
    A file in a folder that was not read as a show, and why.

    Attributes:
        path: The file.
        reason: Why it was skipped, in words.
        show_like: Whether it looks like a show file all the same (it has
            a top-level ``id`` and ``title``) and only lacks the
            declaration: worth telling the user even when not asked.

    .. versionadded:: 0.1.0
    """

    path: str
    reason: str
    show_like: bool = False


class Memo(Protocol):
    """
    What a caller remembers of files' heads (a build, of the last one's).

    Asked before a file in a folder is opened; told of each file found
    to declare the show schema, with what ``fstat`` said of it then.
    """

    def declares(self, path: str) -> bool:
        """Whether the file at ``path`` is known to declare the schema."""

    def saw(self, path: str, found: os.stat_result) -> None:
        """The file at ``path``, as ``found``, declares the schema."""


def is_show_schema(value: str) -> bool:
    """Whether a ``$schema`` value names the show schema."""
    value = value.strip().split("#", 1)[0].split("?", 1)[0]
    return value == SCHEMA_ID or value.rsplit("/", 1)[-1] == SCHEMA_FILE


def declared_schema(head: bytes, fmt: str) -> str | None:
    """The ``$schema`` a file's start declares, or None."""
    for pattern in _DECLARATIONS[fmt]:
        for match in pattern.finditer(head):
            groups = match.groupdict()
            raw = next(
                (groups[k] for k in ("dq", "sq", "plain")
                 if groups.get(k) is not None),
                None,
            )
            if raw is not None:
                return raw.decode("utf-8", "replace").strip()
    return None


def examine(head: bytes, fmt: str) -> str | None:
    """
    None if a file's start declares the show schema, else why not.

    The reason reads after "skipped FILE: ".
    """
    declared = declared_schema(head, fmt)
    if declared is not None and is_show_schema(declared):
        return None
    if declared is not None:
        return f"declares another schema ({declared})"
    return "does not declare the show schema"


def show_like(head: bytes, fmt: str) -> bool:
    """Whether a file's start declares no schema but looks like a show."""
    return declared_schema(head, fmt) is None and all(
        p.search(head) for p in _SHOW_LIKE[fmt]
    )


@functools.cache
def _glob(pattern: str) -> re.Pattern[str]:
    """
    A glob as a regular expression over POSIX paths relative to a folder.

    ``*`` and ``?`` stay within a name, ``**/`` spans any folders (none
    included), and a pattern without a ``/`` matches a name in any folder.
    """
    text = pattern.strip().removeprefix("./")
    if "/" not in text.rstrip("/"):
        text = "**/" + text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif text[i] == "*":
            out.append("[^/]*")
            i += 1
        elif text[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(text[i]))
            i += 1
    body = "".join(out)
    # A pattern naming a folder matches everything under it.
    if body.endswith("/"):
        body += ".*"
    return re.compile(f"(?:{body})(?:/.*)?")


def matches(name: str, patterns: Iterable[str]) -> bool:
    """Whether a relative POSIX path matches any of the glob patterns."""
    return any(_glob(p).fullmatch(name) for p in patterns)


def nothing_found(root: os.PathLike[str], skipped: Sequence[Skipped]) -> str:
    """The message for a folder without show files."""
    if not skipped:
        return (
            f"{root}: no show files here (none ending in "
            ".yaml, .yml, .json or .toml)"
        )
    undeclared = [s for s in skipped if s.show_like]
    count = len(skipped)
    message = f"{root}: no show files here: " + (
        "its one YAML, JSON or TOML file does not declare the show schema"
        if count == 1 else
        f"none of its {count} YAML, JSON or TOML files declares the show "
        "schema"
    )
    if undeclared:
        message += (
            f" ({undeclared[0].path} looks like a show: add "
            "'# yaml-language-server: $schema=.../show.schema.json' at the "
            "top of a YAML file, or a '$schema' key naming show.schema.json "
            "in YAML, JSON or TOML)"
        )
    else:
        message += "; -v lists them"
    return message


def schema_near(folder: pathlib.Path) -> pathlib.Path | None:
    """
    The show schema in ``folder`` or a folder above it, if there is one.

    Each folder up to the top of the git work tree (or of the file system)
    is looked in, and its ``schemas/`` folder too.
    """
    for here in (folder, *folder.parents):
        for candidate in (here / SCHEMA_FILE, here / "schemas" / SCHEMA_FILE):
            if candidate.is_file():
                return candidate
        if (here / ".git").exists():
            break
    return None


def declaration_for(target: pathlib.Path) -> str:
    """
    The ``$schema`` a new show file at ``target`` declares.

    The relative path of the show schema near it (see
    :func:`schema_near`), or else the schema's ``$id``.
    """
    folder = target.absolute().parent
    found = schema_near(folder)
    if found is None:
        return SCHEMA_ID
    return pathlib.Path(os.path.relpath(found, folder)).as_posix()
