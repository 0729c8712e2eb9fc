"""The indented JSON writer gives json's text, character for character."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showfacts._json import dumps_indented


scalars = (
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(st.characters(codec="utf-8")
              | st.sampled_from('\0\x1f"\\\u2028'))
)
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(
    allow_nan=False
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(keys, inner, max_size=4),
    max_leaves=30,
)


@given(values)
def test_same_text_as_json(value):
    """Every value json writes by default comes out the same."""
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert expected == dumps_indented(value)


@given(st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
))
def test_sorted_keys_as_json_sorts_them(value):
    """With sort_keys, keys come in json's order at every level."""
    expected = json.dumps(value, ensure_ascii=False, indent=2,
                          sort_keys=True)
    assert expected == dumps_indented(value, sort_keys=True)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e300,
                                   -0.0, 2**70, {}, [], "", {"a": []}])
def test_edges(value):
    """Special floats, big integers and empty containers."""
    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert expected == dumps_indented(value)


@pytest.mark.parametrize("value", [{1, 2}, {"a": object()}, [b"x"],
                                   {(1, 2): 3}])
def test_what_json_refuses_is_refused(value):
    """Sets, bytes, objects and tuple keys raise TypeError, as in json."""
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        dumps_indented(value)


@pytest.mark.parametrize("value", [math.nan, [math.inf], {"a": -math.inf},
                                   {math.nan: 1}])
def test_allow_nan_false_refuses_them(value):
    """As in json, NaN and the infinities are a ValueError when refused."""
    with pytest.raises(ValueError, match="Out of range"):
        json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    with pytest.raises(ValueError, match="Out of range"):
        dumps_indented(value, allow_nan=False)


def test_allow_nan_false_keeps_strings_that_say_nan():
    """Text that spells NaN or Infinity is text, not a float."""
    value = {"NaN": "Infinity", "x": [1.5]}
    assert json.dumps(value, ensure_ascii=False, indent=2) == (
        dumps_indented(value, allow_nan=False)
    )
