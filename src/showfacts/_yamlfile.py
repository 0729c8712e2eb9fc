"""
Writing YAML, and editing a YAML file in place, with ruamel.yaml.

:func:`dumps` writes a new file.  :func:`edit` writes a show over the
YAML file that holds it, round trip: comments, key order, quoting, flow
and block styles and indentation stay as they were for everything that
did not change, and what is new (a fact, a key) is written in the style
of its neighbours.  Reading stays with the strict reader in
``_readers.py``; this module only writes.

Every string is written so that any YAML reader, 1.1 or 1.2, reads it
back as the same string: strings that would read as something else
(``yes``, ``0o17``, ``2025-07-09``, ``~``) are quoted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    SingleQuotedScalarString,
)

from showfacts import _readers
from showfacts.exceptions import InvalidDataError


#: Characters a YAML reader would not give back unchanged in a plain or
#: single-quoted scalar: controls, line breaks YAML 1.1 knows (NEL, LS, PS),
#: the byte-order mark and non-characters.  Such strings are double-quoted,
#: where the emitter escapes them.
_NEEDS_ESCAPES = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)

_RESOLVERS = (VersionedResolver(version=(1, 1)),
              VersionedResolver(version=(1, 2)))


def _misread(value: str) -> bool:
    """Whether a plain ``value`` would read as something but this string."""
    try:
        plain = _readers._yaml_plain(value)  # noqa: SLF001
    except ValueError:
        return True
    if not isinstance(plain, str):
        return True
    return any(
        not str(resolver.resolve(ScalarNode, value, (True, False))).endswith(
            ":str")
        for resolver in _RESOLVERS
    )


def _represent_str(representer: RoundTripRepresenter,
                   data: str) -> ScalarNode:
    if type(data) is not str:  # a ScalarString keeps the file's style
        kept: ScalarNode = representer.represent_str(data)
        return kept
    style = None
    if _NEEDS_ESCAPES.search(data):
        style = '"'
    elif _misread(data):
        style = "'"
    return representer.represent_scalar("tag:yaml.org,2002:str", data,
                                        style=style)


class _Representer(RoundTripRepresenter):
    """Round-trip representation; plain strings are quoted when needed."""


_Representer.add_representer(str, _represent_str)


def _yaml(*, mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 79
    yaml.allow_unicode = True
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _text(yaml: YAML, value: Any) -> str:
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue()


def dumps(value: Mapping[str, Any], declaration: str | None = None) -> str:
    """
    A new YAML file: block style, lists indented under their key.

    ``declaration``, if given, is the ``$schema`` written as the
    ``# yaml-language-server`` comment on the first line.
    """
    text = _text(_yaml(), _plain(value))
    if declaration is not None:
        text = f"# yaml-language-server: $schema={declaration}\n" + text
    return text


def _plain(value: Any) -> Any:
    """JSON-like values as plain dicts and lists (ruamel's own are fine)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# -- editing a file in place --------------------------------------------------


def edit(text: str, value: Mapping[str, Any]) -> str | None:
    """
    ``text`` (a YAML show file) changed to hold ``value``, or None.

    None when the text cannot be read round trip or holds another show
    (another ``id``): the caller then writes a new file.
    """
    try:
        indent, offset = _indentation(text)
        yaml = _yaml(mapping=indent, sequence=indent + offset, offset=offset)
        document = yaml.load(text)
    except YAMLError:
        return None
    if not isinstance(document, CommentedMap) or document.get("id") != \
            value.get("id"):
        return None
    # "$schema" is for editors; the model does not hold it: keep it.
    wanted = dict(value)
    if "$schema" in document:
        wanted = {"$schema": document["$schema"], **wanted}
    baseline = _text(yaml, document)
    merged = _text(yaml, _merge(document, wanted))
    # ruamel writes what it read in its own line breaks (long flow
    # mappings are wrapped anew): only the lines that changed between its
    # two writings replace lines of the file, which keeps the rest as it
    # was, byte for byte.
    for candidate in (_splice(text, baseline, merged), merged):
        if _reads_as(candidate, wanted):
            return candidate
    return None


def _reads_as(text: str, value: Mapping[str, Any]) -> bool:
    """Whether the strict reader reads ``text`` as ``value``."""
    try:
        document = _readers.read_text(text, "yaml", None,
                                      _readers.DEFAULT_LIMITS)
    except InvalidDataError:
        return False
    return bool(document.value == _plain(value))


def _splice(original: str, baseline: str, merged: str) -> str:
    """``original`` with the lines ``baseline`` to ``merged`` changed."""
    old = original.splitlines(keepends=True)
    base = baseline.splitlines(keepends=True)
    new = merged.splitlines(keepends=True)
    # Which line of the file each line of ruamel's first writing is.
    mapped: dict[int, int] = {}
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(
        None, base, old, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            mapped.update({i1 + k: j1 + k for k in range(i2 - i1)})
    hunks: list[tuple[int, int, int, int]] = []
    for tag, b1, b2, n1, n2 in difflib.SequenceMatcher(
        None, base, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        # Widen the hunk to lines known in the file on both sides; the
        # lines it takes in are unchanged, so both sides widen alike.
        i1, i2, j1, j2 = b1, b2, n1, n2
        while i1 > 0 and i1 - 1 not in mapped:
            i1 -= 1
            j1 -= 1
        while i2 < len(base) and i2 not in mapped:
            i2 += 1
            j2 += 1
        if hunks and i1 <= hunks[-1][1]:
            i1, j1 = hunks[-1][0], hunks[-1][2]
            hunks.pop()
        hunks.append((i1, i2, j1, j2))
    out: list[str] = []
    position = 0
    for i1, i2, j1, j2 in hunks:
        start = mapped[i1 - 1] + 1 if i1 > 0 else 0
        end = mapped[i2] if i2 < len(base) else len(old)
        out.extend(old[position:start])
        out.extend(new[j1:j2])
        position = end
    out.extend(old[position:])
    return "".join(out)


def _indentation(text: str) -> tuple[int, int]:
    """The file's mapping indent and the offset of its list dashes."""
    indent = 2
    offset = 2
    for match in re.finditer(r"^( *)(\S[^\n]*:)\n((?: *)- )", text,
                             re.MULTILINE):
        parent = len(match.group(1))
        dash = len(match.group(3)) - 2
        offset = max(dash - parent, 0)
        break
    for match in re.finditer(r"^( *)[^\s#-][^\n]*:\n( +)[^\s#-]", text,
                             re.MULTILINE):
        indent = len(match.group(2)) - len(match.group(1))
        if indent > 0:
            break
    return max(indent, 1), offset


def _same_scalar(old: Any, new: Any) -> bool:
    """Whether the file's scalar already says ``new``."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if old == new and type(old) is type(new):
        return True
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    # 2026 or 2026-07-09 written plain, which the model holds as a date.
    if isinstance(old, int | dt.date) and isinstance(new, str):
        return str(old) == new
    return isinstance(old, int | float) and isinstance(new, int | float) \
        and old == new


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        return _merge_map(old, new)
    if isinstance(old, CommentedSeq) and isinstance(new, list | tuple):
        return _merge_seq(old, list(new))
    if not isinstance(new, Mapping | list | tuple) and _same_scalar(old,
                                                                     new):
        return old
    return _styled(new, like=old)


def _merge_map(old: CommentedMap, new: Mapping[str, Any]) -> CommentedMap:
    for key in [k for k in old if k not in new]:
        del old[key]
    previous: int = -1
    for key, value in new.items():
        if key in old:
            merged = _merge(old[key], value)
            if merged is not old[key]:
                old[key] = merged
            previous = list(old).index(key)
        else:
            previous += 1
            old.insert(previous, key, _styled(value, like=None, parent=old))
    return old


def _key(item: Any) -> Any:
    """What identifies a list item: its id, or the item itself."""
    if isinstance(item, Mapping):
        return ("id", item.get("id")) if "id" in item else None
    return ("value", str(item))


def _merge_seq(old: CommentedSeq, new: list[Any]) -> CommentedSeq:
    wanted = [_key(item) for item in new]
    # Remove what is gone, from the end, so positions stay right.
    for index in range(len(old) - 1, -1, -1):
        key = _key(old[index])
        if key is not None and key not in wanted:
            del old[index]
    for index, item in enumerate(new):
        if index < len(old) and (
            _key(old[index]) == wanted[index] or wanted[index] is None
        ):
            merged = _merge(old[index], item)
            if merged is not old[index]:
                old[index] = merged
            continue
        found = next(
            (j for j in range(index + 1, len(old))
             if wanted[index] is not None and _key(old[j]) == wanted[index]),
            None,
        )
        if found is not None:
            moved = old.pop(found)
            old.insert(index, _merge(moved, item))
        else:
            like = old[index - 1] if index and index <= len(old) else (
                old[0] if len(old) else None)
            old.insert(index, _styled(item, like=like, parent=old))
    while len(old) > len(new):
        del old[len(old) - 1]
    return old


def _flow(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and bool(
        node.fa.flow_style()
    )


def _styled(value: Any, *, like: Any, parent: Any = None) -> Any:
    """
    A new value as ruamel nodes, in the style of ``like``.

    A mapping or list among flow-style siblings (``- {id: x, name: X}``)
    is written in flow style too; strings keep a sibling's quotes.
    """
    if isinstance(value, Mapping):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _styled(item, like=None)
        if _flow(like) or _flow(parent):
            node.fa.set_flow_style()
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq([_styled(item, like=None) for item in value])
        if _flow(like) or _flow(parent) or (
            isinstance(like, CommentedSeq) and _flow(like)
        ):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and not _NEEDS_ESCAPES.search(value):
        if isinstance(like, SingleQuotedScalarString):
            return SingleQuotedScalarString(value)
        if isinstance(like, DoubleQuotedScalarString):
            return DoubleQuotedScalarString(value)
    return value
