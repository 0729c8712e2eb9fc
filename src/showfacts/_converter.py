"""
The one cattrs converter: JSON-like values to models and back.

Structuring is strict (unknown keys are errors) and reports every problem
at once; :func:`problems_of` flattens cattrs' exception groups into
``(path, message)`` pairs that keep our own validators' messages.
Unstructuring leaves out defaults, writes fuzzy dates as plain EDTF strings
when that says everything, and puts a fact's own fields before its
certainty and sources.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import (
    make_dict_structure_fn,
    make_dict_unstructure_fn,
    override,
)

from showfacts import _paths, dates, models
from showfacts._paths import Path
from showfacts.dates import FuzzyDate, Hemisphere
from showfacts.exceptions import InvalidDataError, Problem
from showfacts.models import Fact, Show


T = TypeVar("T")

#: The fields every fact has, written after the fact's own fields.
_META = tuple(a.name for a in attrs.fields(Fact) if a.name != "id")


def _fact_classes() -> list[type[Fact]]:
    found: list[type[Fact]] = []
    todo = [Fact]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            todo.append(sub)
    return sorted(found, key=lambda c: c.__name__)


def _enum_classes() -> list[type[enum.Enum]]:
    return sorted(
        {
            value
            for module in (models, dates)
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, enum.Enum)
            and value.__module__.startswith("showfacts")
        },
        key=lambda cls: cls.__name__,
    )


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _structure_date(
    base: Callable[[Any, Any], FuzzyDate],
) -> Callable[[Any, Any], FuzzyDate]:
    def structure(value: Any, _: Any) -> FuzzyDate:
        if isinstance(value, str):
            return FuzzyDate(edtf=value)
        if isinstance(value, int) and not isinstance(value, bool):
            return FuzzyDate(edtf=f"{value:04d}")
        return base(value, FuzzyDate)

    return structure


def _unstructure_date(
    base: Callable[[FuzzyDate], dict[str, Any]],
) -> Callable[[FuzzyDate], Any]:
    def unstructure(value: FuzzyDate) -> Any:
        if (
            value.text is None
            and value.relative is None
            and value.anchor is None
            and value.hemisphere is Hemisphere.NORTH
        ):
            return value.edtf
        return base(value)

    return unstructure


def _ordered(
    cls: type[Fact], base: Callable[[Any], dict[str, Any]]
) -> Callable[[Any], dict[str, Any]]:
    own = [a.name for a in attrs.fields(cls) if a.name not in _META]
    order = {name: i for i, name in enumerate([*own, *_META])}

    def unstructure(value: Any) -> dict[str, Any]:
        raw = base(value)
        supersedes = raw.get("supersedes")
        if supersedes is not None and len(supersedes) == 1:
            raw["supersedes"] = supersedes[0]  # as files write one id
        return {k: raw[k] for k in sorted(raw, key=order.__getitem__)}

    return unstructure


def _structure_ids(value: Any, _: Any) -> tuple[str, ...]:
    """``supersedes``: one id as a string, or several as a list."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(value)
    msg = f"expected an id or a list of ids, not {value!r}"
    raise TypeError(msg)


@functools.cache
def converter() -> cattrs.Converter:
    """
    The converter, built once.

    Hooks for simple types are registered before anything else, because
    cattrs resolves them when it first builds a class's hook.
    """
    c = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    # cattrs passes str-based enums through as str; YAML and TOML writers
    # need plain strings.  Registering each class beats the str hook.
    for enum_cls in _enum_classes():
        c.register_unstructure_hook(enum_cls, _enum_value)
    c.register_structure_hook(
        FuzzyDate,
        _structure_date(
            make_dict_structure_fn(
                FuzzyDate, c, _cattrs_forbid_extra_keys=True
            )
        ),
    )
    c.register_unstructure_hook(
        FuzzyDate,
        _unstructure_date(
            make_dict_unstructure_fn(
                FuzzyDate, c, _cattrs_omit_if_default=True
            )
        ),
    )
    for cls in _fact_classes():
        c.register_structure_hook(
            cls,
            make_dict_structure_fn(
                cls, c, _cattrs_forbid_extra_keys=True,
                supersedes=override(struct_hook=_structure_ids),
            ),
        )
        c.register_unstructure_hook(
            cls,
            _ordered(
                cls,
                make_dict_unstructure_fn(cls, c, _cattrs_omit_if_default=True),
            ),
        )
    return c


def structure(value: Any, cls: type[T]) -> T:
    """
    Structure ``value`` into ``cls``.

    Raises:
        InvalidDataError: With every problem, paths relative to ``value``.
    """
    try:
        return converter().structure(value, cls)
    except (ClassValidationError, IterableValidationError,
            InvalidDataError) as exc:
        raise InvalidDataError([
            _to_problem(path, message) for path, message in problems_of(exc)
        ]) from None


def _to_problem(path: Path, message: str) -> Problem:
    return Problem(path=_paths.render(path), message=message)


def unstructure(value: Any) -> Any:
    """Unstructure a model into JSON-like values."""
    return converter().unstructure(value)


def to_dict(show: Show) -> dict[str, Any]:
    """A show as the JSON-like mapping its file holds."""
    result: dict[str, Any] = unstructure(show)
    return result


def problems_of(exc: BaseException, path: Path = ()) -> list[
    tuple[Path, str]
]:
    """Flatten a cattrs error tree (or our own error) into messages."""
    if isinstance(exc, InvalidDataError):
        return [
            (path + _paths.parse(p.path), p.message) for p in exc.problems
        ]
    found: list[tuple[Path, str]] = []
    if isinstance(exc, ClassValidationError):
        fields, others = exc.group_exceptions()
        for sub, field in fields:
            found += problems_of(sub, (*path, field.name))
        for sub in others:
            found += problems_of(sub, path)
        return found
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, item in items:
            index: int = item.index  # type: ignore[assignment]
            found += problems_of(sub, (*path, index))
        for sub in rest:
            found += problems_of(sub, path)
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            ((*path, key), f"unknown key {key!r}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [(path, f"missing required key {exc.args[0]!r}")]
    if isinstance(exc, (ValueError, TypeError)):
        return [(path, str(exc))]
    return [(path, f"{type(exc).__name__}: {exc}")]  # pragma: no cover
