"""
Conversions at construction: what the obvious Python types mean.

Model fields convert what they can when built in code: an ISO or EDTF
string or a :class:`datetime.date` where a :class:`~showfacts.FuzzyDate`
belongs, a string where an enumeration belongs.  What cannot be converted
is refused by the field's validator, :func:`checked`, with an
:class:`~showfacts.exceptions.InvalidDataError` that names the field.

A field adopts this with its converter and ``validator=checked``::

    date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )

An enumeration gets a converter of its own in :mod:`showfacts.models`
whose argument is the enumeration or a ``Literal`` of its values, so that
type checkers catch a mistyped value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from typing import Any, TypeVar

import attrs

from showfacts.dates import FuzzyDate
from showfacts.exceptions import InvalidDataError, Problem


E = TypeVar("E", bound=enum.Enum)


@attrs.frozen
class Invalid:
    """A value a converter could not convert, and why (for ``checked``)."""

    value: Any
    why: str


def to_enum(cls: type[E], value: Any) -> E:
    """
    ``value`` as a member of ``cls``, or an :class:`Invalid` to refuse.

    The return type is what the field holds once ``checked`` passed.
    """
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except (ValueError, TypeError):
        pass
    values = [str(m.value) for m in cls]
    why = f"must be one of {', '.join(values)}, not {value!r}"
    close = difflib.get_close_matches(str(value), values, n=1)
    if close:
        why += f"; did you mean {close[0]!r}?"
    return Invalid(value, why)  # type: ignore[return-value]


def fuzzy_date(value: FuzzyDate | dt.date | str | None) -> FuzzyDate | None:
    """
    A fuzzy date from a fuzzy date, an EDTF or ISO string, or a date.

    A :class:`datetime.datetime` keeps its day: fuzzy dates have no time.
    """
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return FuzzyDate(edtf=value.isoformat())
    if isinstance(value, str):
        try:
            return FuzzyDate(edtf=value)
        except InvalidDataError as exc:
            return Invalid(  # type: ignore[return-value]
                value,
                "must be a fuzzy date: "
                + "; ".join(p.message for p in exc.problems),
            )
    return Invalid(  # type: ignore[unreachable]
        value,
        f"must be a FuzzyDate, an EDTF string such as '2026-07' or a "
        f"datetime.date, not {type(value).__name__} {value!r}",
    )


def checked(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse, naming the field, a value its converter could not convert."""
    if isinstance(value, Invalid):
        raise InvalidDataError([Problem(
            path=f"$.{attribute.name}",
            message=f"'{attribute.name}' {value.why}",
        )])
