"""
Fuzzy dates: what a source said about when, without pretending to know more.

A :class:`FuzzyDate` holds an EDTF value (``2025-07``, ``2026-22/2026-23``,
``2024-12~``), the words the source used ("summer or fall 2026"), the
hemisphere its season words refer to, and, when it was resolved from a
relative phrase such as "next year", that phrase and the date it was
resolved against.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import attrs

from showfacts import _edtf
from showfacts._edtf import MONTHS as _MONTHS
from showfacts._edtf import EDTFError, Hemisphere, Precision
from showfacts.exceptions import InvalidDataError, Problem


__all__ = [
    "EDTFError",
    "FuzzyDate",
    "Hemisphere",
    "Precision",
    "RelativeDateError",
]


_SEASON_WORDS = {
    25: "spring", 26: "summer", 27: "fall", 28: "winter",
    29: "spring", 30: "summer", 31: "fall", 32: "winter",
}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


class RelativeDateError(ValueError):
    """A relative phrase that showfacts cannot resolve."""


def _check_edtf(
    instance: FuzzyDate, attribute: Any, value: str  # noqa: ARG001
) -> None:
    try:
        _edtf.parse(value, instance.hemisphere)
    except EDTFError as exc:
        # The date as a whole is wrong, wherever it sits in a document.
        raise InvalidDataError([Problem(message=str(exc))]) from None


def _hemisphere(value: Hemisphere | str) -> Hemisphere:
    return Hemisphere(value)


@attrs.frozen(kw_only=True, order=False)
class FuzzyDate:
    """
    A date as precise as its source, and no more.

    Attributes:
        edtf: The value in EDTF (ISO 8601-2), e.g. ``2025-07``,
            ``2026-22/2026-23`` (summer to fall 2026) or ``2024-12~``.
        text: The words the source used, e.g. "summer or fall 2026".
        hemisphere: The hemisphere whose calendar season words (EDTF 21-24)
            follow. North unless stated.
        relative: The relative phrase ("next year") this date was resolved
            from, if any.
        anchor: The EDTF date the relative phrase was resolved against
            (the source's published date).

    Fuzzy dates are ordered by their earliest, then their latest bound.

    >>> d = FuzzyDate(edtf="2026-22/2026-23")
    >>> d.describe()
    'summer or fall 2026'
    >>> (d.earliest.isoformat(), d.latest.isoformat())
    ('2026-06-01', '2026-11-30')

    .. versionadded:: 0.1.0
    """

    edtf: str = attrs.field(validator=_check_edtf)
    text: str | None = None
    hemisphere: Hemisphere = attrs.field(
        default=Hemisphere.NORTH, converter=_hemisphere
    )
    relative: str | None = None
    anchor: str | None = None

    @classmethod
    def of(cls, edtf: str, text: str | None = None) -> FuzzyDate:
        """Build a northern-hemisphere date from an EDTF string."""
        return cls(edtf=edtf, text=text)

    @classmethod
    def resolve(
        cls,
        phrase: str,
        anchor: FuzzyDate,
        *,
        text: str | None = None,
        hemisphere: Hemisphere = Hemisphere.NORTH,
        country: str | None = None,
    ) -> FuzzyDate:
        """
        Resolve a phrase ("next year", "March 1") against an anchor date.

        The anchor is usually the published date of the fact's source.  When
        the anchor is itself fuzzy, the result spans every reading:
        "next year" said sometime between December 2025 and January 2026
        resolves to ``2026/2027``.  See :mod:`showfacts.phrases` for the
        phrases and the rules; ``country`` picks the holiday calendar.

        >>> FuzzyDate.resolve("next year", FuzzyDate.of("2025-11-03")).edtf
        '2026'

        Raises:
            RelativeDateError: For a phrase showfacts does not know, with
                the list of those it does.
        """
        from showfacts import phrases  # noqa: PLC0415 - phrases uses us

        return phrases.resolve(
            phrase, anchor, text=text, hemisphere=hemisphere,
            country=country,
        )

    # -- parsed view -------------------------------------------------------

    @property
    def parsed(self) -> _edtf.Parsed:
        """The parsed EDTF value (cached)."""
        return _edtf.parse(self.edtf, self.hemisphere)

    @property
    def is_interval(self) -> bool:
        """Whether the value is an interval ``start/end``."""
        return self.parsed.interval

    @property
    def is_exact(self) -> bool:
        """Whether the value is one date, month or year with no qualifier."""
        parsed = self.parsed
        point = parsed.start
        return (
            not parsed.interval
            and point is not None
            and not point.qualified
            and not point.unspecified
            and point.precision
            in (Precision.DAY, Precision.MONTH, Precision.YEAR)
        )

    @property
    def approximate(self) -> bool:
        """Whether any part is marked approximate (``~`` or ``%``)."""
        return any(p.approximate for p in self.parsed.points)

    @property
    def uncertain(self) -> bool:
        """Whether any part is marked uncertain (``?`` or ``%``)."""
        return any(p.uncertain for p in self.parsed.points)

    @property
    def precision(self) -> Precision:
        """The coarsest precision of the value's known parts."""
        return max(
            (p.precision for p in self.parsed.points), key=lambda p: p.rank
        )

    @property
    def earliest(self) -> dt.date:
        """
        The earliest day the value allows.

        Approximate parts widen by one unit of their precision (a day, a
        month, a year; a month for seasons).  An open start gives
        :data:`datetime.date.min`.
        """
        start = self.parsed.start
        if start is None:
            return dt.date.min
        return _pad(start.lower, start, -1)

    @property
    def latest(self) -> dt.date:
        """
        The latest day the value allows, widened like :attr:`earliest`.

        An open or unknown end gives :data:`datetime.date.max`.
        """
        parsed = self.parsed
        end = parsed.end if parsed.interval else parsed.start
        if end is None:
            return dt.date.max
        return _pad(end.upper, end, 1)

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """The key fuzzy dates are ordered by."""
        return (self.earliest, self.latest, self.edtf)

    def iso(self) -> str | None:
        """
        The ISO 8601 form at the value's real precision, if it has one.

        Only exact days, months and years have one (``2025-07-09``,
        ``2025-07``, ``2025``); intervals, seasons and qualified values
        return ``None``, because ISO 8601 cannot say them.
        """
        if not self.is_exact:
            return None
        point = self.parsed.start
        assert point is not None  # noqa: S101 - is_exact guarantees it
        if point.precision is Precision.DAY:
            return point.lower.isoformat()
        if point.precision is Precision.MONTH:
            return point.lower.isoformat()[:7]
        return f"{point.year:04d}"

    def overlaps(self, other: FuzzyDate) -> bool:
        """Whether the two values allow at least one common day."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def describe(self) -> str:
        """
        The value in plain English, from the EDTF alone.

        >>> FuzzyDate.of("2025-07").describe()
        'July 2025'
        >>> FuzzyDate.of("2024-12~").describe()
        'around December 2024'
        """
        parsed = self.parsed
        if not parsed.interval:
            assert parsed.start is not None  # noqa: S101
            return _describe_point(parsed.start, self.hemisphere)
        return _describe_interval(parsed.start, parsed.end, self.hemisphere)

    def label(self) -> str:
        """
        The date as readers see it: the normalised date, with its year.

        When the source used other words ("Christmas Day", "next year",
        "Sunday, March 1"), they come first and the normalised date
        follows in brackets, so that the words are kept and the date
        still reads long after the source was written.  Words that
        already say the normalised date are shown alone.

        >>> FuzzyDate(edtf="2025-12-25", text="Christmas Day").label()
        'Christmas Day (December 25, 2025)'
        >>> FuzzyDate.of("2025-07", "July 2025").label()
        'July 2025'
        """
        reading = self.describe()
        words = self.words
        if words is None or _says(words, reading):
            return reading if words is None else words
        return f"{words} ({reading})"

    @property
    def words(self) -> str | None:
        """The source's own words: ``text``, else the phrase resolved."""
        for words in (self.text, self.relative):
            if words is not None and words.strip():
                return " ".join(words.split())
        return None

    @property
    def news_day(self) -> dt.date | None:
        """
        The one day something said on this date is dated by, if any.

        Feeds, calendars, pages, ``lint`` and ``diff`` need one day for a
        source's or an announcement's date, however fuzzy it is.  The
        rule: the latest day the value allows, the first day by which it
        had certainly been said, so that news is never dated before its
        source could have been published; for a value with an open end
        (``2025-10/..``), its earliest day; for one with neither bound,
        ``None``.  The day is never shown as the source's date: readers
        see :meth:`label`.

        >>> FuzzyDate.of("2025-07/2025-12").news_day.isoformat()
        '2025-12-31'
        >>> FuzzyDate.of("../2025-10-29").news_day.isoformat()
        '2025-10-29'
        """
        latest = self.latest
        if latest != dt.date.max:
            return latest
        earliest = self.earliest
        return None if earliest == dt.date.min else earliest

    # -- ordering ----------------------------------------------------------

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        return self.edtf


def _pad(day: dt.date, point: _edtf.Point, sign: int) -> dt.date:
    if not point.approximate:
        return day
    if point.precision is Precision.DAY:
        delta = dt.timedelta(days=sign)
        try:
            return day + delta
        except OverflowError:
            return day
    if point.precision in (Precision.MONTH, Precision.SEASON):
        year, month = _edtf._add_months(day.year, day.month, sign)  # noqa: SLF001
        if not 1 <= year <= 9999:
            return day
        if sign < 0:
            return dt.date(year, month, 1)
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    year = day.year + sign
    if not 1 <= year <= 9999:
        return day
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2
                       else day.day)


# -- plain English -----------------------------------------------------------


def _says(words: str, reading: str) -> bool:
    """Whether the source's words already say the normalised date."""
    return reading.casefold() in words.casefold()


def _month_year(year: int, month: int) -> str:
    return f"{_MONTHS[month]} {year}"


def _core(point: _edtf.Point, hemisphere: Hemisphere) -> str:
    """Describe a point without its qualifier."""
    if point.precision is Precision.DAY:
        return (
            f"{_MONTHS[point.lower.month]} {point.lower.day}, "
            f"{point.year}"
        )
    if point.precision is Precision.MONTH:
        text = _month_year(point.year, point.lower.month)
        return f"sometime in {text}" if point.unspecified else text
    if point.precision is Precision.SEASON:
        return _describe_code(point, hemisphere)
    if point.precision is Precision.YEAR:
        return (
            f"sometime in {point.year}" if point.unspecified
            else f"{point.year}"
        )
    if point.precision is Precision.DECADE:
        return f"the {point.lower.year}s"
    return f"sometime between {point.lower.year} and {point.upper.year}"


def _describe_code(point: _edtf.Point, hemisphere: Hemisphere) -> str:
    code = point.code
    assert code is not None  # noqa: S101
    if code in _SEASON_WORDS:
        text = f"{_SEASON_WORDS[code]} {point.year}"
        if code >= 29:
            text += " (southern hemisphere)"
        elif hemisphere is Hemisphere.SOUTH:
            text += " (northern hemisphere)"
        return text
    if 33 <= code <= 36:
        return f"the {_ORDINALS[code - 32]} quarter of {point.year}"
    if code == 40:
        return f"the first half of {point.year}"
    if code == 41:
        return f"the second half of {point.year}"
    return (
        f"{_MONTHS[point.lower.month]} to "
        f"{_MONTHS[point.upper.month]} {point.year}"
    )


def _qualify(text: str, point: _edtf.Point) -> str:
    if point.approximate and point.uncertain:
        return f"possibly around {text}"
    if point.approximate:
        return f"around {text}"
    if point.uncertain:
        return f"possibly {text}"
    return text


def _describe_point(point: _edtf.Point, hemisphere: Hemisphere) -> str:
    return _qualify(_core(point, hemisphere), point)


def _seasons_adjacent(a: _edtf.Point, b: _edtf.Point) -> bool:
    return (
        a.code in _SEASON_WORDS
        and b.code in _SEASON_WORDS
        and (a.code >= 29) == (b.code >= 29)
        and not a.qualified
        and not b.qualified
        and _edtf._add_months(a.upper.year, a.upper.month, 1)  # noqa: SLF001
        == (b.lower.year, b.lower.month)
    )


def _describe_interval(
    start: _edtf.Point | None,
    end: _edtf.Point | None,
    hemisphere: Hemisphere,
) -> str:
    if start is None:
        assert end is not None  # noqa: S101
        return f"by {_describe_point(end, hemisphere)}"
    if end is None:
        return f"{_describe_point(start, hemisphere)} or later"
    if (
        start.year == end.year
        and start.code in _SEASON_WORDS
        and end.code in _SEASON_WORDS
    ):
        first = _SEASON_WORDS[start.code]
        last = _describe_point(end, hemisphere)
        if _seasons_adjacent(start, end):
            return f"{first} or {last}"
        return f"between {_qualify(first, start)} and {last}"
    same_year_months = (
        start.precision is end.precision is Precision.MONTH
        and start.year == end.year
        and not start.unspecified
        and not end.unspecified
        and not start.qualified
    )
    if same_year_months:
        return (
            f"between {_MONTHS[start.lower.month]} and "
            f"{_describe_point(end, hemisphere)}"
        )
    same_year_days = (
        start.precision is end.precision is Precision.DAY
        and start.year == end.year
        and not start.qualified
    )
    if same_year_days:
        return (
            f"between {_MONTHS[start.lower.month]} "
            f"{start.lower.day} and {_describe_point(end, hemisphere)}"
        )
    return (
        f"between {_describe_point(start, hemisphere)} and "
        f"{_describe_point(end, hemisphere)}"
    )


# -- relative phrases --------------------------------------------------------

_SEASON_NAMES = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23,
                 "winter": 24}

RELATIVE_PHRASES = (
    "this year", "next year", "last year", "later this year",
    "early next year", "late next year", "this month", "next month",
    "last month", "this <season>", "next <season>", "last <season>",
)


def _normalize_phrase(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


def _season_code(name: str, hemisphere: Hemisphere) -> int:
    return _edtf._LEVEL1_SEASONS[hemisphere][_SEASON_NAMES[name]]  # noqa: SLF001


def _resolve_on(phrase: str, day: dt.date, hemisphere: Hemisphere) -> str:
    """Resolve ``phrase`` said on ``day`` to an EDTF string."""
    if day in (dt.date.min, dt.date.max):
        raise RelativeDateError(
            "a relative phrase needs a source with a known published date"
        )
    words = _normalize_phrase(phrase)
    year, month = day.year, day.month
    simple = {
        "this year": f"{year:04d}",
        "next year": f"{year + 1:04d}",
        "last year": f"{year - 1:04d}",
        "later this year": f"{year:04d}-{month:02d}/{year:04d}-12",
        "early next year": f"{year + 1:04d}-01/{year + 1:04d}-04",
        "late next year": f"{year + 1:04d}-09/{year + 1:04d}-12",
    }
    if words in simple:
        return simple[words]
    shift = {"this month": 0, "next month": 1, "last month": -1}
    if words in shift:
        y, m = _edtf._add_months(year, month, shift[words])  # noqa: SLF001
        return f"{y:04d}-{m:02d}"
    match = re.fullmatch(
        r"(this|next|last) (spring|summer|fall|autumn|winter)", words
    )
    if match:
        which, name = match.groups()
        code = _season_code(name, hemisphere)
        level1 = _SEASON_NAMES[name]

        def starts(y: int) -> dt.date:
            return _edtf.parse(f"{y:04d}-{code}").start.lower  # type: ignore[union-attr]

        def ends(y: int) -> dt.date:
            return _edtf.parse(f"{y:04d}-{code}").start.upper  # type: ignore[union-attr]

        if which == "this":
            # The season of that name that contains the day, else the one
            # of the same year.
            for y in (year - 1, year):
                if starts(y) <= day <= ends(y):
                    return f"{y:04d}-{level1}"
            return f"{year:04d}-{level1}"
        if which == "next":
            y = next(y for y in (year - 1, year, year + 1) if starts(y) > day)
            return f"{y:04d}-{level1}"
        y = next(y for y in (year, year - 1, year - 2) if ends(y) < day)
        return f"{y:04d}-{level1}"
    raise RelativeDateError(
        f"{phrase!r} is not a relative phrase showfacts can resolve; "
        f"known phrases: {', '.join(RELATIVE_PHRASES)} (seasons: spring, "
        "summer, fall, autumn, winter). Give an EDTF date instead."
    )
