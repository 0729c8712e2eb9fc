"""
Reading show files: bytes to a JSON-like value, with limits and locations.

Each format parses on a fast path that records nothing; when a later stage
finds a problem, :meth:`Document.locate` parses the text once more to find
the line and column of a path.

YAML is read from the event stream (libyaml when available), so nesting
depth and alias expansion are bounded before anything is built, duplicate
keys are errors, and plain scalars follow the YAML 1.2 core schema: ``NO``
and ``2025-07-09`` stay strings.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from typing import Any

import attrs
import yaml

from showfacts import _fastyaml
from showfacts._paths import Path
from showfacts._paths import render as render_path
from showfacts.exceptions import InvalidDataError, Problem


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


FORMATS = ("yaml", "json", "toml")
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


@attrs.frozen(kw_only=True)
class Limits:
    """
    Bounds on what a show file may make showfacts do.

    The defaults are far above any real show file; raise them for unusual
    data, lower them for untrusted input.

    Attributes:
        max_file_size: Bytes; larger files are refused before they are read.
        max_depth: Nesting of lists and mappings.
        max_string_length: Characters in one string.
        max_alias_nodes: Values a YAML file may produce through aliases
            (``*anchor``), which is what "billion laughs" files abuse.
        max_expanded_text: Characters of text a show makes every output
            carry: each string counts once for every place it lands,
            through YAML aliases and through references (a source's title
            counts again for every fact that cites it).
        max_seasons: Seasons in one show (each is a page of the site).
        max_facts: Facts in one show, at the show level and in seasons.
        max_references: References from one show's facts and records to
            its sources, people, characters, organizations and works.
        max_output_bytes: Bytes of one page, feed, calendar or JSON-LD
            file; a larger output is refused, not written.
        max_problems: Problems printed by the command line, then "and N
            more" (the library always returns them all).

    .. versionadded:: 0.1.0
    """

    max_file_size: int = 10 * 1024 * 1024
    max_depth: int = 64
    max_string_length: int = 100_000
    max_alias_nodes: int = 10_000
    max_expanded_text: int = 8_000_000
    max_seasons: int = 1_000
    max_facts: int = 20_000
    max_references: int = 100_000
    max_output_bytes: int = 100 * 1024 * 1024
    max_problems: int = 100


DEFAULT_LIMITS = Limits()

Position = tuple[int, int]


class _Located(Exception):  # noqa: N818 - internal signal, not an error type
    """A problem found while reading, with a 0-based offset or mark."""

    def __init__(self, message: str, line: int | None,
                 column: int | None, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path


@attrs.define
class Document:
    """
    A parsed file: its value, and a way to find where a path is.

    ``locate`` returns the 1-based line and column of the nearest known
    position at or above ``path``.
    """

    value: Any
    name: str | None
    _text: str
    _format: str
    _positions: dict[Path, Position] | None = None

    def locate(self, path: Path) -> Position | None:
        """The line and column of ``path``, or of its nearest parent."""
        if self._positions is None:
            self._positions = _POSITIONS[self._format](self._text)
        for end in range(len(path), -1, -1):
            found = self._positions.get(path[:end])
            if found is not None:
                return found
        return None

    def problem(self, path: Path, message: str) -> Problem:
        """A :class:`Problem` at ``path`` with its file, line and column."""
        where = self.locate(path)
        return Problem(
            message=message,
            path=render_path(path),
            file=self.name,
            line=where[0] if where else None,
            column=where[1] if where else None,
        )


def _error(name: str | None, message: str, line: int | None = None,
           column: int | None = None, path: Path = ()) -> InvalidDataError:
    return InvalidDataError([Problem(
        message=message, path=render_path(path), file=name, line=line,
        column=column,
    )])


def _line_col(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


# -- bytes --------------------------------------------------------------------


_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(data: bytes, name: str | None) -> str:
    """
    Decode a file's bytes as UTF-8; a UTF-8 byte-order mark is dropped.

    Raises:
        InvalidDataError: For other encodings, with the offending line.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    else:
        for bom, encoding in _FOREIGN_BOMS:
            if data.startswith(bom):
                raise _error(
                    name,
                    f"the file is encoded as {encoding}; showfacts reads "
                    "UTF-8 (save it as UTF-8)",
                    1, 1,
                )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(
            name,
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; showfacts "
            "reads UTF-8 text (save the file as UTF-8)",
            line, column,
        ) from None


def read_text(text: str, fmt: str, name: str | None,
              limits: Limits = DEFAULT_LIMITS) -> Document:
    """
    Parse a show file's text in ``fmt`` (``yaml``, ``json`` or ``toml``).

    Raises:
        InvalidDataError: For syntax errors, duplicate keys, NUL characters,
            empty files and exceeded limits.
    """
    if fmt not in FORMATS:
        msg = f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _line_col(text, nul)
        raise _error(
            name,
            "NUL character (U+0000) in the file: it is binary or corrupted",
            line, column,
        )
    if len(text) > limits.max_file_size:
        raise _error(
            name,
            f"the text is {len(text):,} characters long, over the limit of "
            f"{limits.max_file_size:,}",
        )
    try:
        value = _PARSERS[fmt](text, limits)
    except _Located as exc:
        if exc.line is None and exc.path:
            # Found after parsing (a limit): locate the path in the text.
            where = Document(None, name, text, fmt).locate(exc.path)
            if where is not None:
                exc.line, exc.column = where
        raise _error(
            name, exc.message, exc.line, exc.column, exc.path
        ) from None
    if value is _EMPTY:
        raise _error(
            name,
            "the file is empty; a show file needs at least 'id' and 'title'",
        )
    return Document(value, name, text, fmt)


_EMPTY: Any = object()


class _NotPlain(Exception):  # noqa: N818 - a signal, not an error
    """A fast parser's value holds a key or value JSON cannot."""


#: Leaves besides strings and numbers that JSON's kinds allow.
_LEAVES = (bool, type(None))


def _check_tree(value: Any, limits: Limits, *, dates: bool = False,
                plain: bool = False) -> Any:
    """
    Walk a parsed value and enforce the depth and string limits.

    With ``dates`` (TOML), dates and times become the strings the schema
    expects.  With ``plain``, a key that is not a string or a value not
    of JSON's kinds raises :class:`_NotPlain` (the fast YAML parser's
    value is then not taken).  The walk records no paths: it is on every
    file's way, so the path of a violation is found afterwards, by
    :func:`path_of`.
    """
    max_depth = limits.max_depth
    max_string = limits.max_string_length
    stack: list[tuple[Any, int]] = [(value, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth >= max_depth:
            raise _Located(_depth_message(limits), None, None,
                           path_of(value, node))
        if type(node) is dict:
            children = node.values()
            for key in node:
                if plain and type(key) is not str:
                    raise _NotPlain
                # _string_problem's tests first, inline: every key and
                # string of every file passes here.
                if len(key) <= max_string and key.isascii():
                    continue
                message = _string_problem(key, max_string, "key")
                if message:
                    # A long key is not repeated in the path: its mapping's.
                    where = path_of(value, node)
                    raise _Located(message, None, None, where if len(
                        key) > max_string else (*where, key))
        else:
            children = node
        for item in children:
            kind = type(item)
            if kind is str:
                if len(item) <= max_string and item.isascii():
                    continue
                message = _string_problem(item, max_string)
                if message:
                    raise _Located(message, None, None,
                                   path_of(value, item))
            elif kind is dict or kind is list:
                push((item, depth + 1))
            elif kind is int or kind is float:
                if -MAX_NUMBER <= item <= MAX_NUMBER:  # not NaN either
                    continue
                message = number_problem(item)
                if message:
                    raise _Located(message, None, None,
                                   path_of(value, item))
            elif plain and kind not in _LEAVES:
                raise _NotPlain
        if dates:
            _dates_to_strings(node)
    return value


#: The largest whole number a show file may hold: every JSON reader
#: keeps integers up to 2**53 exactly, and no count or id needs more.
MAX_NUMBER = 2**53 - 1

_SURROGATE = re.compile("[\ud800-\udfff]")


def _string_problem(text: str, max_length: int,
                    what: str = "string") -> str | None:
    """What is wrong with a string of a file, or ``None``."""
    if len(text) > max_length:
        return (
            f"a {what} of {len(text):,} characters, over the limit of "
            f"{max_length:,}"
        )
    if not text.isascii():
        found = _SURROGATE.search(text)
        if found is not None:
            return (
                f"a lone surrogate (U+{ord(found.group()):04X}) in a {what}"
                ": it is half of a UTF-16 pair, not a character (the file "
                "was written from broken text)"
            )
    return None


def number_problem(number: float) -> str | None:
    """What is wrong with a number of a file, or ``None``."""
    if number != number or number in (float("inf"), float("-inf")):  # noqa: PLR0124
        return "a number must be finite"
    if abs(number) > MAX_NUMBER:
        if isinstance(number, int):
            # Digits from the bits: printing a huge number costs more.
            digits = int(number.bit_length() * 0.30103) + 1
            found = f"a whole number of about {digits:,} digits"
        else:
            found = f"the number {number:.3g}"
        return f"{found}, over the limit of {MAX_NUMBER:,} (2**53 - 1)"
    return None


def _dates_to_strings(node: Any) -> None:
    pairs = node.items() if type(node) is dict else enumerate(node)
    for key, item in list(pairs):
        if isinstance(item, (dt.date, dt.time)):
            node[key] = item.isoformat()


def path_of(root: Any, target: Any) -> Path:
    """The path of the object ``target`` (by identity) inside ``root``."""
    stack: list[tuple[Any, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if isinstance(node, dict):
            stack.extend(((v, (*path, k)) for k, v in node.items()))
        elif isinstance(node, list):
            stack.extend(((v, (*path, i)) for i, v in enumerate(node)))
    return ()


def _depth_message(limits: Limits) -> str:
    return (
        f"nesting deeper than {limits.max_depth} levels; show files need "
        "fewer than 10"
    )


# -- JSON ---------------------------------------------------------------------


class _DuplicateKeyError(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _parse_json(text: str, limits: Limits) -> Any:
    if not text.strip():
        return _EMPTY
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise _Located(
            f"invalid JSON: {exc.msg}", exc.lineno, exc.colno
        ) from None
    except _DuplicateKeyError:
        _, duplicate = _json_scan(text)
        assert duplicate is not None  # noqa: S101
        raise duplicate from None
    except RecursionError:
        raise _Located(_depth_message(limits), None, None) from None
    except ValueError:  # integers with more digits than Python converts
        raise _long_number(text) from None
    return _check_tree(value, limits)


_DIGITS = re.compile(r"[0-9_]{1000,}")


def _long_number(text: str) -> _Located:
    """The first number with too many digits to read, where it is."""
    found = _DIGITS.search(text)
    line, column = _line_col(text, found.start()) if found else (None, None)
    if found is None:
        return _Located("a number with too many digits to read", None, None)
    return _Located(
        f"a number of {len(found.group()):,} digits, over the limit of "
        f"{MAX_NUMBER:,} (2**53 - 1)",
        line, column,
    )


_JSON_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<punct>[\[\]{}:,])'
    r"|(?P<atom>[^\s\[\]{}:,\"]+))",
    re.DOTALL,
)


def _json_scan(text: str) -> tuple[dict[Path, Position], _Located | None]:
    """
    Find every key and item of valid JSON, and the first duplicate key.

    Iterative, so deep documents cannot exhaust the stack.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> Position:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    positions: dict[Path, Position] = {(): (1, 1)}
    duplicate: _Located | None = None
    # Frames: [kind, path, next index, pending key, keys seen]
    stack: list[list[Any]] = []
    expect_key = False
    pos = 0
    while pos < len(text):
        match = _JSON_TOKEN.match(text, pos)
        if match is None:
            break
        pos = match.end()
        token_start = match.start(match.lastgroup or 0)
        if match.group("string") is not None and expect_key:
            key = json.loads(match.group("string"))
            frame = stack[-1]
            path = frame[1] + (key,)
            if key in frame[4] and duplicate is None:
                line, column = where(token_start)
                first = positions.get(path)
                duplicate = _Located(
                    f"duplicate key {key!r}"
                    + (f" (first at line {first[0]})" if first else ""),
                    line, column, path,
                )
            frame[4].add(key)
            frame[3] = key
            positions.setdefault(path, where(token_start))
            expect_key = False
            continue
        punct = match.group("punct")
        if punct == ":":
            continue
        if punct == ",":
            expect_key = bool(stack) and stack[-1][0] == "object"
            continue
        if punct in ("]", "}"):
            stack.pop()
            expect_key = False
            continue
        # A value starts here.
        path = _json_value_path(stack)
        if stack and stack[-1][0] == "array":
            positions.setdefault(path, where(token_start))
        if punct == "{":
            stack.append(["object", path, 0, None, set()])
            expect_key = True
        elif punct == "[":
            stack.append(["array", path, 0, None, set()])
    return positions, duplicate


def _json_value_path(stack: list[list[Any]]) -> Path:
    if not stack:
        return ()
    frame = stack[-1]
    base: Path = frame[1]
    if frame[0] == "array":
        index: int = frame[2]
        frame[2] += 1
        return (*base, index)
    key: str = frame[3]
    return (*base, key)


# -- TOML ---------------------------------------------------------------------

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse_toml(text: str, limits: Limits) -> Any:
    if not text.strip():
        return _EMPTY
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_AT.search(message)
        line = column = None
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()].rstrip()
        raise _Located(f"invalid TOML: {message}", line, column) from None
    except RecursionError:
        raise _Located(_depth_message(limits), None, None) from None
    except ValueError:  # integers with more digits than Python converts
        raise _long_number(text) from None
    return _check_tree(value, limits, dates=True)


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
    r"""(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_TOML_KEY_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _toml_keys(dotted: str) -> tuple[str, ...]:
    return tuple(
        part[1:-1] if part[0] in "\"'" else part
        for part in _TOML_KEY_PART.findall(dotted)
    )


def _toml_scan(text: str) -> dict[Path, Position]:
    """
    Best-effort positions of tables and keys in TOML.

    Inline tables and arrays are not entered; their contents map to the line
    of their key.
    """
    positions: dict[Path, Position] = {(): (1, 1)}
    arrays: dict[Path, int] = {}
    table: Path = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count('"""') % 2 or line.count("'''") % 2:
                in_multiline = False
            continue
        header = _TOML_HEADER.match(line)
        if header:
            keys = _toml_keys(header.group(2))
            concrete: Path = ()
            for i, key in enumerate(keys):
                concrete += (key,)
                last = i == len(keys) - 1
                if last and header.group(1) == "[[":
                    arrays[concrete] = arrays.get(concrete, 0) + 1
                    concrete += (arrays[concrete] - 1,)
                elif concrete in arrays:
                    concrete += (arrays[concrete] - 1,)
            table = concrete
            positions.setdefault(table, (number, 1))
            continue
        assignment = _TOML_KEY.match(line)
        if assignment:
            path = table + _toml_keys(assignment.group(1))
            column = len(line) - len(line.lstrip()) + 1
            positions.setdefault(path, (number, column))
            rest = line[assignment.end():]
            if rest.count('"""') % 2 or rest.count("'''") % 2:
                in_multiline = True
    return positions


# -- YAML ---------------------------------------------------------------------

_YAML_BASE: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_Y_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_Y_BOOL = {"true": True, "True": True, "TRUE": True,
           "false": False, "False": False, "FALSE": False}
_Y_INT = re.compile(r"^[-+]?[0-9]+$")
_Y_OCT = re.compile(r"^0o[0-7]+$")
_Y_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_Y_FLOAT = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"
)
_Y_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_Y_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_TAG = "tag:yaml.org,2002:"


def _yaml_plain(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema."""
    if _Y_NULL.match(value):
        return None
    if value in _Y_BOOL:
        return _Y_BOOL[value]
    if _Y_INT.match(value):
        return int(value, 10)
    if _Y_OCT.match(value):
        return int(value, 0)
    if _Y_HEX.match(value):
        return int(value, 0)
    if _Y_FLOAT.match(value):
        return float(value)
    if _Y_INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _Y_NAN.match(value):
        return float("nan")
    return value


def _yaml_tagged(tag: str, value: str) -> Any:
    if tag in ("!", _TAG + "str"):
        return value
    if tag == _TAG + "null":
        return None
    resolved = _yaml_plain(value)
    wanted = {
        _TAG + "int": int, _TAG + "float": float, _TAG + "bool": bool,
    }.get(tag)
    if wanted is None:
        msg = (
            f"unsupported YAML tag {tag!r}; show files use plain values "
            "(no !!python, !!binary, !!timestamp or custom tags)"
        )
        raise ValueError(msg)
    if wanted is float and type(resolved) is int:
        return float(resolved)
    if type(resolved) is not wanted:
        msg = f"{value!r} is not a valid {tag.removeprefix(_TAG)}"
        raise ValueError(msg)
    return resolved


@attrs.define
class _Frame:
    container: Any
    path: Path
    anchor: str | None
    start_nodes: int
    key: str | None = None
    key_pending: bool = True


def _parse_yaml(text: str, limits: Limits) -> Any:
    value = _fastyaml.parse(text)
    if value is not _fastyaml.UNSURE:
        try:
            return _check_tree(value, limits, plain=True)
        except (_Located, _NotPlain):
            pass  # our reader says where, and what
    return _yaml_build(text, limits, None)


def _yaml_build(
    text: str, limits: Limits, positions: dict[Path, Position] | None
) -> Any:
    root: Any = _EMPTY
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    nodes = 0
    alias_nodes = 0
    documents = 0

    def mark(event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def fail(message: str, event: Any, path: Path = ()) -> _Located:
        line, column = mark(event)
        return _Located(message, line, column, path)

    def emit(value: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            return
        assert frame.key is not None  # noqa: S101
        frame.container[frame.key] = value
        frame.key = None
        frame.key_pending = True

    def take_key(event: Any) -> bool:
        """Handle the event as a mapping key if one is expected."""
        if (
            not stack
            or not stack[-1].key_pending
            or isinstance(event, yaml.MappingEndEvent)
        ):
            return False
        frame = stack[-1]
        if not isinstance(frame.container, dict):
            return False
        if not isinstance(event, yaml.ScalarEvent):
            raise fail(
                "mapping keys must be plain words; lists, mappings and "
                "aliases cannot be keys",
                event, frame.path,
            )
        key = event.value
        path = (*frame.path, key)
        message = _string_problem(key, limits.max_string_length, "key")
        if message:
            raise fail(message, event, frame.path)
        if key == "<<" and event.implicit[0]:
            raise fail(
                "YAML merge keys (<<) are not supported; write the keys out",
                event, frame.path,
            )
        if key in frame.container:
            first = positions.get(path) if positions else None
            raise fail(
                f"duplicate key {key!r}"
                + (f" (first at line {first[0]})" if first else ""),
                event, path,
            )
        if positions is not None:
            positions.setdefault(path, mark(event))
        frame.key = key
        frame.key_pending = False
        return True

    def current_path(event: Any) -> Path:
        """The path of the value that starts with ``event``."""
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            if positions is not None:
                positions.setdefault(path, mark(event))
            return path
        assert frame.key is not None  # noqa: S101
        return (*frame.path, frame.key)

    events = yaml.parse(text, Loader=_YAML_BASE)
    try:
        for event in events:
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                                  yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise fail(
                        "a second YAML document: one show per file", event
                    )
                continue
            if take_key(event):
                nodes += 1
                continue
            if isinstance(event, (yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                path = current_path(event)
                expected = (
                    "map" if isinstance(event, yaml.MappingStartEvent)
                    else "seq"
                )
                if event.tag not in (None, "!", _TAG + expected):
                    raise fail(f"unsupported YAML tag {event.tag!r}",
                               event, path)
                if len(stack) >= limits.max_depth:
                    raise fail(_depth_message(limits), event, path)
                if positions is not None and not stack:
                    positions[()] = mark(event)
                nodes += 1
                if event.anchor:
                    open_anchors.add(event.anchor)
                container: Any = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                # Attach now so the path of children is known; the value is
                # complete when the end event comes.
                stack.append(_Frame(container, path, event.anchor, nodes))
                continue
            if isinstance(event, (yaml.MappingEndEvent,
                                  yaml.SequenceEndEvent)):
                frame = stack.pop()
                size = nodes - frame.start_nodes + 1
                if frame.anchor:
                    open_anchors.discard(frame.anchor)
                    anchors[frame.anchor] = (frame.container, size)
                emit(frame.container)
                continue
            if isinstance(event, yaml.AliasEvent):
                path = current_path(event)
                if event.anchor in open_anchors:
                    raise fail(
                        f"alias *{event.anchor} refers to a value that "
                        "contains it (a recursive alias)",
                        event, path,
                    )
                if event.anchor not in anchors:
                    raise fail(f"unknown alias *{event.anchor}", event, path)
                # Sizes count what an alias expands to, so nested aliases
                # ("billion laughs") grow the count as they grow the data.
                value, size = anchors[event.anchor]
                alias_nodes += size
                if alias_nodes > limits.max_alias_nodes:
                    raise fail(
                        f"aliases expand to more than "
                        f"{limits.max_alias_nodes:,} values; write the "
                        "values out or raise the alias limit",
                        event, path,
                    )
                nodes += size
                emit(value)
                continue
            if isinstance(event, yaml.ScalarEvent):
                path = current_path(event)
                message = _string_problem(event.value,
                                          limits.max_string_length)
                if message:
                    raise fail(message, event, path)
                if event.tag is not None and event.tag != "!":
                    try:
                        value = _yaml_tagged(event.tag, event.value)
                    except ValueError as exc:
                        raise fail(str(exc), event, path) from None
                elif event.tag is None and event.implicit[0]:
                    try:
                        value = _yaml_plain(event.value)
                    except ValueError:  # too many digits
                        raise fail(
                            f"a number of {len(event.value):,} digits, over "
                            f"the limit of {MAX_NUMBER:,} (2**53 - 1)",
                            event, path,
                        ) from None
                else:
                    value = event.value
                if type(value) is int or type(value) is float:
                    message = number_problem(value)
                    if message:
                        raise fail(message, event, path)
                nodes += 1
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                emit(value)
                continue
    except yaml.MarkedYAMLError as exc:
        line = column = None
        if exc.problem_mark is not None:
            line = exc.problem_mark.line + 1
            column = exc.problem_mark.column + 1
        message = exc.problem or "invalid YAML"
        if exc.context:
            message = f"{message} ({exc.context})"
        raise _Located(f"invalid YAML: {message}", line, column) from None
    except yaml.YAMLError as exc:
        raise _Located(f"invalid YAML: {exc}", None, None) from None
    return root


def _yaml_scan(text: str) -> dict[Path, Position]:
    positions: dict[Path, Position] = {(): (1, 1)}
    with contextlib.suppress(_Located):
        _yaml_build(text, Limits(
            max_file_size=sys.maxsize, max_depth=sys.maxsize,
            max_string_length=sys.maxsize, max_alias_nodes=sys.maxsize,
        ), positions)
    return positions


def _json_positions(text: str) -> dict[Path, Position]:
    return _json_scan(text)[0]


_PARSERS: dict[str, Callable[[str, Limits], Any]] = {
    "yaml": _parse_yaml,
    "json": _parse_json,
    "toml": _parse_toml,
}
_POSITIONS: dict[str, Callable[[str], dict[Path, Position]]] = {
    "yaml": _yaml_scan,
    "json": _json_positions,
    "toml": _toml_scan,
}
