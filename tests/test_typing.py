"""
Type checkers catch typos in code that builds shows.

``mypy --strict`` runs over ``tests/typing/typos.py``: every line marked
``# error`` must be an error, and no other line.
"""

from __future__ import annotations

import pathlib
import re
import typing

import pytest

from showfacts import loading, models


TYPOS = pathlib.Path(__file__).parent / "typing" / "typos.py"


def test_mypy_strict_catches_the_typos(tmp_path):
    """Mistyped kinds, certainties, formats and dates fail type checking."""
    api = pytest.importorskip("mypy.api")
    out, err, _ = api.run([
        "--strict", "--no-error-summary", "--show-error-codes",
        "--cache-dir", str(tmp_path / "cache"), str(TYPOS),
    ])
    assert "" == err
    reported = {
        int(m.group(1))
        for m in re.finditer(r"^\S*typos\.py:(\d+): error",
                             out, re.MULTILINE)
    }
    expected = {
        number for number, line in enumerate(
            TYPOS.read_text(encoding="utf-8").splitlines(), start=1)
        if line.rstrip().endswith("# error")
    }
    assert len(expected) == 8
    assert expected == reported, out


@pytest.mark.parametrize("name", [
    n for n in models.__all__ if n.endswith("Name")
])
def test_each_literal_lists_its_enumerations_values(name):
    """The Literal types stay equal to their enumerations."""
    enum_cls = getattr(models, name.removesuffix("Name"))
    assert [m.value for m in enum_cls] == list(
        typing.get_args(getattr(models, name))
    )


def test_file_formats_are_the_readers_formats():
    """FileFormat is what the readers know."""
    from showfacts._readers import SUFFIXES

    assert set(SUFFIXES.values()) == set(typing.get_args(loading.FileFormat))


def _model_fields():
    import attrs

    for value in vars(models).values():
        if isinstance(value, type) and attrs.has(value) and (
                value.__module__ == models.__name__):
            for field in attrs.fields(value):
                yield value, field


def test_every_date_and_enumerated_field_converts_at_construction():
    """
    Each FuzzyDate or enumerated field has a converter and ``checked``.

    A new field adopts them in one word each: ``converter=fuzzy_date`` (or
    the enumeration's own converter) and ``validator=checked``.
    """
    import enum

    from showfacts._coerce import checked

    enums = {name for name, value in vars(models).items()
             if isinstance(value, type) and issubclass(value, enum.Enum)}
    missing = []
    for cls, field in _model_fields():
        kinds = set(re.findall(r"\w+", str(field.type)))
        if not (kinds & enums or "FuzzyDate" in kinds):
            continue
        validators = getattr(field.validator, "_validators",
                             (field.validator,))
        if field.converter is None or checked not in validators:
            missing.append(f"{cls.__name__}.{field.name}")
    assert [] == missing


def test_every_enumeration_has_its_literal():
    """Each enumeration of the model has a ``Name`` Literal beside it."""
    import enum

    for name, value in vars(models).items():
        if isinstance(value, type) and issubclass(value, enum.Enum) and (
                value.__module__ == models.__name__):
            assert f"{name}Name" in models.__all__, name
