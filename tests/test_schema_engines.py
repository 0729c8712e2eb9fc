"""
jsonschema-rs answers "valid?" on the fast path; jsonschema explains.

The two must accept and reject exactly the same documents, or a file
could pass the fast check and fail nothing, or fail with no explanation.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import showfacts as sf
from showfacts import _readers, _schema
from tests.strategies import shows
from tests.test_bad_inputs import CASES, mutated


jsonschema_rs = pytest.importorskip("jsonschema_rs")

RUST = jsonschema_rs.validator_for(_schema.schema())
PYTHON = jsonschema.Draft202012Validator(_schema.schema())


def _agree(value: object) -> None:
    assert PYTHON.is_valid(value) == RUST.is_valid(value)


@given(shows())
def test_agree_on_valid_documents(show):
    """Every document the model writes is valid for both."""
    value = sf.to_dict(show)
    assert (True, True) == (PYTHON.is_valid(value), RUST.is_valid(value))


@settings(max_examples=300)
@given(mutated())
def test_agree_on_mutated_documents(doc):
    """Drops, retypes, renames, duplicates and nests: the same verdict."""
    _agree(doc)


@given(st.text())
def test_agree_on_any_id(text):
    """Ids: the patterns mean the same in Python and in Rust."""
    _agree({"id": text, "title": "T"})
    _agree({"id": "x", "title": "T", "image": text})
    _agree({"id": "x", "title": "T", "countries": [text]})


@pytest.mark.parametrize("text", [
    "abc\n", "abc\r\n", "ABC", "a--b", "a-", "-a", "a.b_c-d", "ß", "١٢٣",
    "https://example.org/\n", "https://exa mple.org", "http://x", "HTTPS://x",
])
def test_agree_on_edge_strings(text):
    """Strings where regex engines have been known to differ."""
    _agree({"id": text, "title": "T"})
    _agree({"id": "x", "title": "T", "image": text})


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_agree_on_the_bad_input_corpus(case):
    """Every corpus file that parses gets the same verdict from both."""
    if not case.target.is_file():
        return
    try:
        document = _readers.read_text(
            _readers.decode(case.target.read_bytes(), None),
            _readers.SUFFIXES[case.target.suffix], None,
        )
    except sf.InvalidDataError:
        return  # refused before the schema check
    _agree(json.loads(json.dumps(document.value)))
