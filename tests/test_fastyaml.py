"""
The compiled YAML parser and our reader give the same values and refusals.

``showfacts._fastyaml`` hands a YAML text to yaml-rs only where its answer
must equal our reader's (the YAML 1.2 core schema, duplicate keys, limits,
errors by line and column); these properties check that on generated
documents: structured values written in every style, token soup made of
the scalars the two readers could resolve differently, and any text.
"""

from __future__ import annotations

import math
import sys

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from showfacts import _fastyaml, _readers
from showfacts._readers import DEFAULT_LIMITS, Limits
from showfacts.exceptions import InvalidDataError


pytestmark = pytest.mark.skipif(_fastyaml.yaml_rs is None,
                                reason="yaml-rs is not installed")

#: Plain scalars whose meaning differs between schemas and readers.
TRICKY = [
    "yes", "no", "on", "off", "y", "n", "true", "True", "TRUE", "tRue",
    "false", "null", "Null", "NULL", "~", "0", "-0", "+1", "017", "0o17",
    "0o", "0x1F", "0X1F", "0b101", "1_000", "1e3", "1E3", "1.", "-.5", ".5",
    "+.5", "1.5e-3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2024-01-01",
    "2024-01-01T10:00:00Z", "12:30", "1:30:00", "0.1e+3", "+0x1", "-0x1",
    "0o8", "09", "1e", "e1", "12.3.4", "1,000", "=", "<<", "-", "0x", "00",
    "+-1", "1e400", "123456789012345678901234567890", "9007199254740993",
    "NaN", "Inf", "&a", "*a", "!x", "!!str", "|", ">", "'", '"', "@", "`",
    "%", "#", "? ", "a: b", "[", "]", "{", "}", ",", "\t", "\\", "é",
    "\u2028", "\x85", "\ufeff", "\x7f", "x" * 3,
]


def _read(text: str, *, fast: bool,
          limits: Limits = DEFAULT_LIMITS) -> tuple[str, object]:
    """What the reader makes of a text: its value, or its problems."""
    saved = _fastyaml.yaml_rs
    if not fast:
        _fastyaml.yaml_rs = None
    try:
        document = _readers.read_text(text, "yaml", "show.yaml", limits)
    except InvalidDataError as exc:
        return "refused", [(p.message, p.line, p.column, p.path)
                           for p in exc.problems]
    finally:
        _fastyaml.yaml_rs = saved
    return "value", document.value


def _same(a: object, b: object) -> bool:
    """Equal, with the same types all the way down (1 is not 1.0 or True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(
            _same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _agree(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    fast = _read(text, fast=True, limits=limits)
    ours = _read(text, fast=False, limits=limits)
    assert fast[0] == ours[0], (text, fast, ours)
    assert _same(fast[1], ours[1]), (text, fast, ours)


_scalars = (
    st.text(max_size=12)
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans() | st.none() | st.sampled_from(TRICKY)
)
_values = st.recursive(
    _scalars,
    lambda inner: (st.lists(inner, max_size=4)
                   | st.dictionaries(st.text(max_size=8)
                                     | st.sampled_from(TRICKY),
                                     inner, max_size=4)),
    max_leaves=12,
)


@given(
    value=st.dictionaries(st.text(max_size=8) | st.sampled_from(TRICKY),
                          _values, min_size=1, max_size=5),
    flow=st.sampled_from([False, True, None]),
    style=st.sampled_from([None, '"', "'", "|", ">"]),
    unicode=st.booleans(),
    width=st.sampled_from([20, 80, 10**6]),
)
def test_written_values_read_the_same(value, flow, style, unicode, width):
    """Values as PyYAML writes them, in every style: the same reading."""
    text = yaml.safe_dump(value, default_flow_style=flow,
                          default_style=style, allow_unicode=unicode,
                          width=width, sort_keys=False)
    _agree(text)


_line = st.tuples(
    st.sampled_from(["", "  ", "    ", "- ", "  - ", "\t"]),
    st.sampled_from(TRICKY) | st.text(max_size=6),
    st.sampled_from([": ", ":", " ", "", ": |\n  ", ": >\n  ", " # c"]),
    st.sampled_from(TRICKY) | st.text(max_size=6),
).map("".join)


@given(st.lists(_line, min_size=1, max_size=8).map("\n".join))
@example("a: 1\na: 2\n")
@example("a: 0x1F\nb: 1_000\nc: .inf\n")
@example("a: &x [1]\nb: *x\n")
@example("<<: {a: 1}\n")
@example("a: 1\n---\nb: 2\n")
@example("a: 9007199254740993\n")
@example("1: one\ntrue: yes\n")
@example("a: 2024-01-01\n")
@example("a:\t1\n")
@example("")
@example("~\n")
@example("- 1\n- 2\n")
def test_token_soup_reads_the_same(text):
    """Lines of tricky scalars, keys and indicators: the same reading."""
    _agree(text)


@given(st.text(max_size=60))
def test_any_text_reads_the_same(text):
    """Whatever the text: the same value, or the same problems."""
    _agree(text)


@given(depth=st.integers(min_value=1, max_value=12),
       length=st.integers(min_value=1, max_value=12))
def test_limits_are_the_same(depth, length):
    """Depth and string limits refuse in both, at the same place."""
    limits = Limits(max_depth=6, max_string_length=6)
    text = "a:\n" + "".join(
        "  " * (i + 1) + "b:\n" for i in range(depth)
    ) + "  " * (depth + 1) + "c: " + "x" * length + "\n"
    _agree(text, limits)


def test_the_fast_parser_is_used_for_a_plain_show(monkeypatch):
    """A common show file does not reach our event reader."""
    def not_called(*_args: object) -> None:
        raise AssertionError("the event reader ran")

    monkeypatch.setattr(_readers, "_yaml_build", not_called)
    document = _readers.read_text(
        "id: harbour-lights\ntitle: Harbour Lights\nseasons:\n"
        "  - number: 1\n    episodes: 8\n", "yaml", "x.yaml")
    assert {"id": "harbour-lights", "title": "Harbour Lights",
            "seasons": [{"number": 1, "episodes": 8}]} == document.value


def test_problems_are_located_by_our_reader():
    """A duplicate key: line and column, as before."""
    kind, problems = _read("id: a\ntitle: T\nid: b\n", fast=True)
    assert "refused" == kind
    assert [("duplicate key 'id'", 3, 1)] == [
        p[:3] for p in problems]


def test_without_the_library_our_reader_reads(monkeypatch):
    """yaml-rs missing: everything goes through our reader."""
    monkeypatch.setattr(_fastyaml, "yaml_rs", None)
    assert _fastyaml.UNSURE is _fastyaml.loads("a: 1\n")
    assert {"a": 1} == _read("a: 1\n", fast=True)[1]


def test_deep_nesting_is_bounded():
    """A deeply nested text is refused as before, whatever reads it."""
    text = "a:\n" + "".join(" " * i + "a:\n" for i in range(1, 3000))
    _agree(text)
    _agree("[" * 5000 + "]" * 5000)
    assert sys.getrecursionlimit() > 0
