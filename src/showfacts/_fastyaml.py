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


__all__ = ["UNSURE", "loads"]

#: What :func:`loads` returns when the text is for our reader.
UNSURE: Any = object()

#: Anything the fast parser reads otherwise than the YAML 1.2 core schema
#: as our reader applies it, or that our reader refuses or counts.  It
#: may match inside quoted text or comments: then only speed is lost.
_OURS = re.compile(
    r"(?<![\w.])[-+]?0[xXbB]"          # hex and binary, signed or not
    r"|\d_"                            # 1_000
    r"|\.(?:[iI][nN][fF]|[nN][aA][nN])"  # .inf, .nan
    r"|(?:^|[\s\[{,])[!&*]"            # tags, anchors, aliases
    r"|<<"                             # merge keys
    r"|^%"                             # directives
    r"|\n(?:---|\.\.\.)(?=\s|\Z)"      # a second document, or an end
    # tabs, line breaks of YAML 1.1 only, and what YAML does not allow
    "|[\t\x85\u2028\u2029]"
    "|[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
    "\U00010000-\U0010ffff]",
    re.MULTILINE,
)
_PLAIN = (str, int, float, bool, type(None))


def loads(text: str) -> Any:
    """
    The value of a YAML text, or :data:`UNSURE`: ask our reader.

    The value still has to pass the limits (depth, strings, numbers).
    """
    if yaml_rs is None or _OURS.search(text):
        return UNSURE
    if not text.endswith("\n") and ("|" in text or ">" in text):
        return UNSURE  # a block scalar at the end: its last line break
    try:
        value = yaml_rs.loads(text, parse_datetime=False)
    except (ValueError, TypeError, RecursionError, MemoryError):
        return UNSURE
    if not isinstance(value, (dict, list)) or not _plain(value):
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
