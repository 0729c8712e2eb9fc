"""
A fast parser for the subset of EDTF (ISO 8601-2) that release talk needs.

Supported, per the Library of Congress EDTF specification:

* level 0: ``2026``, ``2026-07``, ``2026-07-09``, and intervals of them;
* level 1: qualifiers ``?`` (uncertain), ``~`` (approximate), ``%`` (both)
  on a whole date; unspecified digits (``202X``, ``20XX``, ``2026-XX``,
  ``2026-05-XX``); seasons 21-24; open (``..``) and unknown (empty) interval
  ends;
* level 2: sub-year groupings 25-41 (seasons per hemisphere, quarters,
  quadrimesters, semesters).

Not supported, with a clear error: times, negative or five-digit years,
per-component qualifiers, sets and lists.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re

import attrs


class Precision(str, enum.Enum):
    """
    How precisely a date is known, from finest to coarsest.

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for the finest precision (day), growing as it coarsens."""
        return _PRECISION_RANK[self]


_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}


class Hemisphere(str, enum.Enum):
    """
    The hemisphere whose calendar gives meaning to a season word.

    EDTF seasons 21-24 are "independent of location"; showfacts reads them
    in the hemisphere a date states, north unless it says otherwise.

    .. versionadded:: 0.1.0
    """

    NORTH = "north"
    SOUTH = "south"


class EDTFError(ValueError):
    """A string is not a date of the EDTF subset showfacts reads."""


#: Meteorological seasons: (first month, number of months).  Winter in the
#: north and summer in the south start in December and run into the next
#: year.
_SEASON_SPANS: dict[int, tuple[int, int]] = {
    25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),  # north
    29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),  # south
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),  # quarters
    37: (1, 4), 38: (5, 4), 39: (9, 4),  # quadrimesters
    40: (1, 6), 41: (7, 6),  # semesters
}

#: Level 1 seasons (21 spring .. 24 winter) in each hemisphere's code.
_LEVEL1_SEASONS = {
    Hemisphere.NORTH: {21: 25, 22: 26, 23: 27, 24: 28},
    Hemisphere.SOUTH: {21: 29, 22: 30, 23: 31, 24: 32},
}

_POINT_RE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<mid>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qualifier>[?~%])?"
)

#: English month names, whatever the process locale (``calendar.month_name``
#: follows ``locale.setlocale``, and outputs must not).
MONTHS = (
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

VALID_FORMS = (
    "2026, 2026-07, 2026-07-09, 2026-22 (summer), 2026-22/2026-23, "
    "2024-12~ (approximate), 2026? (uncertain), 202X, ../2026-06"
)


@attrs.frozen
class Point:
    """
    One EDTF date, month, season or year, with its strict bounds.

    ``code`` is the sub-year grouping (25-41) after hemisphere resolution,
    or ``None``.
    """

    lower: dt.date
    upper: dt.date
    precision: Precision
    year: int
    month: int | None
    day: int | None
    code: int | None
    unspecified: bool
    approximate: bool
    uncertain: bool

    @property
    def qualified(self) -> bool:
        """Whether the point carries ``?``, ``~`` or ``%``."""
        return self.approximate or self.uncertain


@attrs.frozen
class Parsed:
    """
    A parsed EDTF value: a single point, or an interval of two.

    An interval end that is open (``..``) or unknown (empty) is ``None``.
    """

    start: Point | None
    end: Point | None
    interval: bool

    @property
    def points(self) -> tuple[Point, ...]:
        """The points that are present."""
        return tuple(p for p in (self.start, self.end) if p is not None)


def _fail(text: str, why: str) -> EDTFError:
    return EDTFError(
        f"{text!r} is not a valid EDTF date: {why} "
        f"(valid forms include {VALID_FORMS})"
    )


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _parse_point(text: str, whole: str, hemisphere: Hemisphere) -> Point:
    match = _POINT_RE.fullmatch(text)
    if match is None:
        raise _fail(whole, _explain(text))
    year_s, mid, day_s, qualifier = match.group(
        "year", "mid", "day", "qualifier"
    )
    approximate = qualifier in ("~", "%")
    uncertain = qualifier in ("?", "%")
    if "X" in year_s:
        if mid is not None:
            raise _fail(
                whole, "a year with unspecified digits cannot have a month"
            )
        width = year_s.count("X")
        low = int(year_s.replace("X", "0"))
        high = int(year_s.replace("X", "9"))
        if low < 1:
            raise _fail(whole, "years before 0001 are not supported")
        return Point(
            dt.date(low, 1, 1),
            dt.date(high, 12, 31),
            Precision.DECADE if width == 1 else Precision.CENTURY,
            low,
            None,
            None,
            None,
            unspecified=True,
            approximate=approximate,
            uncertain=uncertain,
        )
    year = int(year_s)
    if year < 1:
        raise _fail(whole, "years before 0001 are not supported")
    if mid in (None, "XX"):
        if day_s not in (None, "XX"):
            raise _fail(whole, "a day needs a known month")
        return Point(
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            Precision.YEAR,
            year,
            None,
            None,
            None,
            unspecified=mid == "XX",
            approximate=approximate,
            uncertain=uncertain,
        )
    number = int(mid)
    if 21 <= number <= 41:
        if day_s is not None:
            raise _fail(whole, f"season {number} cannot have a day")
        code = _LEVEL1_SEASONS[hemisphere].get(number, number)
        first, months = _SEASON_SPANS[code]
        end_year, end_month = _add_months(year, first, months - 1)
        if end_year > 9999:
            raise _fail(whole, "the season ends after the year 9999")
        return Point(
            dt.date(year, first, 1),
            _last_day(end_year, end_month),
            Precision.SEASON,
            year,
            None,
            None,
            code,
            unspecified=False,
            approximate=approximate,
            uncertain=uncertain,
        )
    if not 1 <= number <= 12:
        raise _fail(
            whole,
            f"{mid} is neither a month (01-12) nor a season or sub-year "
            "grouping (21-41)",
        )
    month = number
    if day_s is None or day_s == "XX":
        return Point(
            dt.date(year, month, 1),
            _last_day(year, month),
            Precision.MONTH,
            year,
            month,
            None,
            None,
            unspecified=day_s == "XX",
            approximate=approximate,
            uncertain=uncertain,
        )
    day = int(day_s)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = MONTHS[month]
        raise _fail(whole, f"{name} {year} has {last} days, not {day}")
    date = dt.date(year, month, day)
    return Point(
        date,
        date,
        Precision.DAY,
        year,
        month,
        day,
        None,
        unspecified=False,
        approximate=approximate,
        uncertain=uncertain,
    )


def _explain(text: str) -> str:
    if not text:
        return "it is empty"
    if "T" in text or ":" in text:
        return "times are not part of a fuzzy date (use the time field)"
    if text.startswith(("-", "Y")):
        return "negative and five-digit years are not supported"
    if text.startswith(("[", "{")):
        return "sets and lists of dates are not supported"
    if re.fullmatch(r"[0-9]{4}-[?~%]?[0-9]{2}.*", text) and re.search(
        r"[?~%].+", text
    ):
        return "qualifiers apply to the whole date, at its end"
    if re.fullmatch(r"[0-9]{1,3}", text):
        return "years have four digits"
    return f"{text!r} does not have the form YYYY, YYYY-MM or YYYY-MM-DD"


@functools.lru_cache(maxsize=4096)
def parse(text: str, hemisphere: Hemisphere = Hemisphere.NORTH) -> Parsed:
    """
    Parse an EDTF string of the supported subset.

    Raises:
        EDTFError: With a message that says what is wrong and what is valid.
    """
    if not isinstance(text, str):
        raise EDTFError(f"an EDTF date is a string, not {text!r}")
    if "/" not in text:
        point = _parse_point(text, text, hemisphere)
        return Parsed(point, None, interval=False)
    if text.count("/") > 1:
        raise _fail(text, "an interval has exactly one '/'")
    left, right = text.split("/")
    open_ends = ("", "..")
    start = (
        None if left in open_ends else _parse_point(left, text, hemisphere)
    )
    end = None if right in open_ends else _parse_point(right, text, hemisphere)
    if start is None and end is None:
        raise _fail(text, "an interval needs at least one known end")
    if start is not None and end is not None and start.lower > end.upper:
        raise _fail(
            text, f"the interval starts ({left}) after it ends ({right})"
        )
    return Parsed(start, end, interval=True)
