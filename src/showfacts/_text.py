"""
Text as showfacts publishes it, in every output.

One rule, applied by JSON-LD, pages, feeds and calendars alike: C0 control
characters other than tab, line feed and carriage return are removed; a
surrogate pair is joined into the character it encodes; any other
surrogate, U+FFFE and U+FFFF become U+FFFD.  Everything else is kept.

The same names and titles are cleaned over and over in a catalog, so
results are remembered (a bounded memo); plain text skips the work, and
:func:`is_publishable` tells plain text quickly.
"""

from __future__ import annotations

import html
import re


_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_BAD = re.compile("[\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s")
#: Every character the rule removes or replaces.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
)
#: The C0 controls the rule removes, as bytes.
_C0_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

_MEMO_SIZE = 65_536
_clean: dict[str, str] = {}
_inline: dict[str, str] = {}
_escaped: dict[str, str] = {}


def _join_pair(match: re.Match[str]) -> str:
    return match.group().encode("utf-16-le", "surrogatepass").decode(
        "utf-16-le"
    )


def _remember(memo: dict[str, str], key: str, value: str) -> str:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _plain(text: str) -> bool:
    """Whether text has nothing to clean, told cheaply when it can be."""
    if text.isascii():
        # Only C0 controls can be wrong: a byte-level delete counts them.
        return len(
            text.encode("ascii").translate(None, _C0_BYTES)
        ) == len(text)
    # No control, surrogate or noncharacter at all.
    return text.isprintable()


def is_publishable(text: str) -> bool:
    """Whether :func:`publishable` would return the text as it is."""
    return _plain(text) or (
        not text.isascii() and _UNSAFE.search(text) is None
    )


def publishable(text: str) -> str:
    r"""
    Make text safe for XML 1.0, JSON and UTF-8, changing as little as possible.

    * C0 control characters other than tab, line feed and carriage return
      (U+0000 to U+0008, U+000B, U+000C, U+000E to U+001F) are removed:
      they carry no meaning in a title or a sentence.
    * A high surrogate followed by a low one is joined into the character
      the pair encodes (text that was decoded as UTF-16 code units).
    * Any other surrogate (U+D800 to U+DFFF), U+FFFE and U+FFFF become
      U+FFFD, the replacement character, so the reader sees that something
      was there.

    Everything else, including C1 controls and other noncharacters that
    XML 1.0 allows, is kept.  The function is idempotent.

    >>> publishable("Law & Order\x00: SVU\ud800") == "Law & Order: SVU\ufffd"
    True

    Args:
        text: Any Python string.

    Returns:
        The string, every character of which XML 1.0 can carry.

    .. versionadded:: 0.1.0
    """
    if _plain(text):
        return text
    cached = _clean.get(text)
    if cached is not None:
        return cached
    cleaned = _C0.sub("", text)
    if not cleaned.isascii():
        cleaned = _PAIR.sub(_join_pair, cleaned)
        cleaned = _BAD.sub("\ufffd", cleaned)
    return _remember(_clean, text, cleaned)


#: What HTML's input stream refuses beyond the rule (parse errors in
#: every HTML parser): DEL and C1 controls, removed, and noncharacters,
#: replaced.
_HTML_CONTROLS = re.compile("[\x7f-\x9f]")
_HTML_NONCHARACTERS = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe"
    "\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe"
    "\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe"
    "\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe"
    "\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe"
    "\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def output_bytes(data: str | bytes, *, html: bool = False) -> bytes:
    """
    A whole output file as UTF-8, under the rule of :func:`publishable`.

    The last guard of every file ``build`` writes: whatever a renderer let
    through, no C0 control but tab and line breaks, no lone surrogate and
    no U+FFFE or U+FFFF reaches the file.  With ``html``, DEL and C1
    controls are removed too and noncharacters become U+FFFD, as an HTML
    page's input stream requires.  Bytes are read as UTF-8 and checked
    the same way.  Nothing is remembered: an output is cleaned once.
    """
    if isinstance(data, bytes):
        if _clean_utf8(data, html=html):
            return data
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - outputs are UTF-8
            return data
        cleaned = output_bytes(text, html=html)
        return data if cleaned == data else cleaned
    # Most outputs need nothing: seen in their UTF-8 at C speed, where
    # the rules below would read a large page five times over.
    try:
        raw = data.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate, which the rules mend
        pass
    else:
        if _clean_utf8(raw, html=html):
            return raw
    if not _plain(data):
        data = _C0.sub("", data)
        if not data.isascii():
            data = _BAD.sub("\ufffd", _PAIR.sub(_join_pair, data))
    if html and not data.isascii():
        data = _HTML_NONCHARACTERS.sub(
            "\ufffd", _HTML_CONTROLS.sub("", data)
        )
    elif html and "\x7f" in data:
        data = data.replace("\x7f", "")
    return data.encode("utf-8")


#: The UTF-8 of the C1 controls (U+0080 to U+009F).
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def _clean_utf8(raw: bytes, *, html: bool) -> bool:
    """
    Whether :func:`output_bytes` would keep these UTF-8 bytes as they are.

    Looks for what the UTF-8 of a character it changes holds: a C0
    control, U+FFFE or U+FFFF (``EF BF BE``, ``EF BF BF``); with
    ``html``, DEL, a C1 control and a noncharacter (U+FDD0 to U+FDEF,
    ``EF B7 ..``; U+xFFFE and U+xFFFF, which end in ``BF BE`` or
    ``BF BF``).  Some characters that are kept end the same way: for
    them it says no, and the rules decide.  (A lone surrogate cannot
    be in bytes that came from :meth:`str.encode`.)
    """
    if len(raw.translate(None, _C0_BYTES)) != len(raw):
        return False
    if raw.isascii():
        return not html or b"\x7f" not in raw
    if html:
        return (b"\x7f" not in raw and b"\xbf\xbe" not in raw
                and b"\xbf\xbf" not in raw and b"\xef\xb7" not in raw
                and _C1_UTF8.search(raw) is None)
    return b"\xef\xbf\xbe" not in raw and b"\xef\xbf\xbf" not in raw


def inline(text: str | None) -> str:
    """Publishable text on one line: runs of white space become one space."""
    if not text:
        return ""
    cached = _inline.get(text)
    if cached is not None:
        return cached
    return _remember(_inline, text, " ".join(publishable(text).split()))


def escaped(text: str | None) -> str:
    """:func:`inline` text, escaped for HTML text and attribute values."""
    if not text:
        return ""
    cached = _escaped.get(text)
    if cached is not None:
        return cached
    return _remember(_escaped, text, html.escape(inline(text), quote=True))


def forget() -> None:
    """Empty the memos, as in a new process (benchmarks start cold)."""
    for memo in (_clean, _inline, _escaped):
        memo.clear()


# -- terminal -----------------------------------------------------------------

#: What a terminal would act on rather than show: C0 and C1 controls (ESC
#: starts the sequences that move the cursor or clear the screen; a line
#: break would forge a line of its own), DEL, the bidirectional controls
#: that reorder what follows, line and paragraph separators, and lone
#: surrogates.  Tab is kept.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
    "\u2028\u2029\u2066-\u2069\ud800-\udfff]"
)


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    r"""
    Text safe to print on a terminal, on one line.

    Control, bidirectional-control and separator characters are written
    as escapes (``\x1b``, ``\u202e``), so data can neither drive the
    terminal nor forge a line of output.

    >>> terminal("a\x1b[2Jb\u202ec\nd")
    'a\\x1b[2Jb\\u202ec\\x0ad'
    """
    if text.isprintable():
        return text
    return _TERMINAL_UNSAFE.sub(_escape_one, text)
