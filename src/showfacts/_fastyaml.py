"""
A compiled YAML parser for the common file, with our reader behind it.

`yaml-rs <https://pypi.org/project/yaml-rs/>`_ (Rust, YAML 1.2) parses a
show file about ten times faster than PyYAML's event stream, which our
reader (``showfacts._readers``) walks to apply the YAML 1.2 core schema,
refuse duplicate keys, tags, merge keys and a second document, count what
aliases expand to and locate every problem by line and column.

The fast parser is used only where its answer must be the same: it is
*not* asked about a text that holds anything it reads differently or that
our reader refuses or counts (tags, anchors and aliases, merge keys,
directives and document markers, numbers in forms the 1.2 core schema
leaves as strings: ``0x1F``, ``0b101``, ``1_000``, ``.inf``, ``.nan``,
tabs, the line breaks of YAML 1.1 (U+0085, U+2028, U+2029) and
characters YAML does not allow, a block scalar that ends the text
without a line break),
and its answer is not taken when it fails, holds a key that is not a
string, or holds anything but strings, numbers, booleans, nulls, lists
and mappings.  Then, and for every problem, the text goes to our reader,
which reports as it always did.  A Hypothesis test checks both readers
give the same values and the same refusals.
"""

from __future__ import annotations

import re
from typing import Any


try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without its wheel
    yaml_rs = None  # type: ignore[assignment]


__all__ = ["UNSURE", "loads", "parse"]

#: What :func:`loads` returns when the text is for our reader.
UNSURE: Any = object()

#: Characters the fast parser reads otherwise (tabs, the line breaks of
#: YAML 1.1) or that YAML does not allow (our reader says where).
_CHARACTERS = re.compile(
    "[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd"
    "\U00010000-\U0010ffff]"
)
#: The same, for a text of ASCII alone: the bytes it may hold.
_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"
#: Hex and binary numbers, which the 1.2 core schema leaves as strings.
_NUMBERS = re.compile(r"(?<![\w.])[-+]?0[xXbB]")
_ZERO_X = re.compile("0[xXbB]")
#: ``.inf`` and ``.nan`` in any case: floats to the fast parser.
_SPECIAL_FLOATS = re.compile(r"(?i)\.(?:inf|nan)")
#: Tags, anchors and aliases where a node starts.
_NODES = re.compile(r"(?:^|[\s\[{,])[!&*]", re.MULTILINE)


def _ours(text: str) -> bool:
    """
    Whether a text holds anything for our reader alone.

    What the fast parser reads otherwise than the YAML 1.2 core schema as
    our reader applies it, or what our reader refuses or counts.  A match
    may be inside quoted text or a comment: then only speed is lost.
    Each test is a search for one character first (``memchr``, in C),
    or a pattern with a literal start, and a closer look after: a show
    file is screened in a fraction of what the fast parser takes.
    """
    if text.isascii():
        if text.encode("ascii").translate(None, _ASCII):
            return True
    elif _CHARACTERS.search(text):
        return True
    return bool(
        ("<" in text and "<<" in text)                 # merge keys
        or ("%" in text and (text.startswith("%")      # directives
                             or "\n%" in text))
        or "\n---" in text or "\n..." in text           # more documents
        or _SPECIAL_FLOATS.search(text)
        or (_ZERO_X.search(text) and _NUMBERS.search(text))
        or _digit_underscore(text)                     # 1_000
        or (("!" in text or "&" in text or "*" in text)
            and _NODES.search(text))
    )


def _digit_underscore(text: str) -> bool:
    at = text.find("_", 1)
    while at != -1:
        if text[at - 1].isdigit():
            return True
        at = text.find("_", at + 1)
    return False


_PLAIN = (str, int, float, bool, type(None))


def loads(text: str) -> Any:
    """
    The value of a YAML text, or :data:`UNSURE`: ask our reader.

    The value still has to pass the limits (depth, strings, numbers).
    """
    value = parse(text)
    if value is not UNSURE and not _plain(value):
        return UNSURE
    return value


def parse(text: str) -> Any:
    """
    :func:`loads` without the look at every value's kind.

    For a caller that walks the value anyway (the limits do): it must
    take the value only if every key is a string and every value one of
    JSON's kinds, and ask our reader otherwise.
    """
    if yaml_rs is None or _ours(text):
        return UNSURE
    if not text.endswith("\n") and ("|" in text or ">" in text):
        return UNSURE  # a block scalar at the end: its last line break
    try:
        value: Any = yaml_rs.loads(text, parse_datetime=False)
    except (ValueError, TypeError, RecursionError, MemoryError):
        return UNSURE
    if not isinstance(value, (dict, list)):
        return UNSURE
    return value


def _plain(value: dict[str, Any] | list[Any]) -> bool:
    """Only string keys, and only JSON's kinds of values."""
    stack: list[Any] = [value]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            if not all(type(k) is str for k in node):
                return False
            children = node.values()
        else:
            children = node
        for item in children:
            kind = type(item)
            if kind is dict or kind is list:
                stack.append(item)
            elif kind not in _PLAIN:
                return False
    return True
