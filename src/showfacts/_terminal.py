"""
Colour on a terminal, and only there.

Colour is used when the stream is a terminal, ``NO_COLOR`` is unset or
empty (https://no-color.org) and ``TERM`` is not ``dumb``.  Text is
painted whole: the codes never split what a message says.
"""

from __future__ import annotations

import os
from typing import Literal, TextIO


Style = Literal["error", "warning", "where", "hint"]

_CODES: dict[Style, str] = {
    "error": "1;31",
    "warning": "1;33",
    "where": "1",
    "hint": "36",
}


def colour(stream: TextIO) -> bool:
    """Whether to colour what goes to ``stream``."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def paint(text: str, style: Style, stream: TextIO) -> str:
    """``text`` in ``style`` if ``stream`` gets colour, else unchanged."""
    if not text or not colour(stream):
        return text
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m"


def located(line: str, stream: TextIO) -> str:
    """
    A ``file:line:col: $.path: message`` line with its place in bold.

    The place is everything up to the last ``": "`` before the message's
    first word; a line without one is returned as it is.
    """
    if not colour(stream):
        return line
    head, sep, rest = line.partition(": $")
    if not sep:
        return line
    path, sep2, message = rest.partition(": ")
    place = f"{head}: ${path}"
    return f"{paint(place, 'where', stream)}{sep2}{message}"
