"""
Indented JSON text, written quickly.

``json.dumps(value, indent=2)`` gives up the C encoder as soon as it is
asked to indent: every value then goes through a chain of Python
generators, which makes a show's JSON Feed cost ten times its compact
text.  :func:`dumps_indented` writes the same text, character for
character, with one Python call per list or object and the C string
encoder for every string.
"""

from __future__ import annotations

import json.encoder
from collections.abc import Mapping
from typing import Any


#: The string encoder ``json`` uses with ``ensure_ascii=False``: C when
#: the interpreter has it.
_string = json.encoder.encode_basestring

_INDENT = "  "
_INF = float("inf")


def _float(value: float) -> str:
    # As json writes floats (allow_nan=True, its default).
    if value != value:  # noqa: PLR0124 - NaN is the one value unequal to itself
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: object) -> str | None:
    """The text of a value that is not a list or an object, else None."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _key(key: object) -> str:
    """A key as json writes it: a string, or another scalar's text quoted."""
    if isinstance(key, str):
        return _string(key)
    text = _scalar(key)
    if text is None:
        msg = (
            "keys must be str, int, float, bool or None, not "
            f"{type(key).__name__}"
        )
        raise TypeError(msg)
    return _string(text)


def _write(value: Any, newline: str, out: list[str], sort: bool) -> None:
    text = _scalar(value)
    if text is not None:
        out.append(text)
        return
    inner = newline + _INDENT
    if isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        head = "{" + inner
        for key, item in sorted(value.items()) if sort else value.items():
            # Strings first: most keys and values are.
            name = _string(key) if type(key) is str else _key(key)
            text = _string(item) if type(item) is str else _scalar(item)
            if text is None:
                out.append(f"{head}{name}: ")
                _write(item, inner, out, sort)
            else:
                out.append(f"{head}{name}: {text}")
            head = "," + inner
        out.append(newline + "}")
        return
    if isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        head = "[" + inner
        for item in value:
            text = _string(item) if type(item) is str else _scalar(item)
            if text is None:
                out.append(head)
                _write(item, inner, out, sort)
            else:
                out.append(head + text)
            head = "," + inner
        out.append(newline + "]")
        return
    msg = f"Object of type {type(value).__name__} is not JSON serializable"
    raise TypeError(msg)


def dumps_indented(value: object, *, sort_keys: bool = False,
                   allow_nan: bool = True) -> str:
    """
    ``json.dumps(value, ensure_ascii=False, indent=2)``, faster.

    The same text for every value json writes by default (strings, numbers,
    booleans, None, lists, tuples and dicts, non-string keys included);
    like json, it raises TypeError for anything else.  ``sort_keys`` sorts
    each object's keys, and ``allow_nan=False`` refuses NaN and the
    infinities with a ValueError, as json's options do.

    Unlike json, it does not look for cycles, which the values given to it
    do not have: one that refers to itself raises RecursionError.
    """
    out: list[str] = []
    _write(value, "\n", out, sort_keys)
    text = "".join(out)
    if not allow_nan and any(
        word in text for word in ("NaN", "Infinity")
    ) and _has_nan(value):
        msg = "Out of range float values are not JSON compliant"
        raise ValueError(msg)
    return text


def _has_nan(value: object) -> bool:
    """Whether a float that JSON cannot write is somewhere in value."""
    if isinstance(value, float):
        return value != value or value in (_INF, -_INF)  # noqa: PLR0124
    if isinstance(value, Mapping):
        return any(_has_nan(k) or _has_nan(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_nan(v) for v in value)
    return False
