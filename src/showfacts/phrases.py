"""
Dates in a source's words: phrases resolved against when they were said.

Articles date things relative to themselves: "next year", "not until next
year", "Sunday, March 1" (in a November article: next March), "Christmas
Day".  :func:`resolve` turns such a phrase, said on a day, into an EDTF
value; :func:`stated_weekday` finds the weekday a phrase names, so that
``showfacts lint`` can check it against the date.

The rules, each resolved against the *anchor* (the published date of the
fact's source):

* a relative phrase ("this year", "next year", "later this year", "early
  next year", "next summer", ...) gives the year, months or season it
  means; an open phrase ("not until next year", "next year or later")
  gives an open range (``2027/..``); "by the end of the year" gives the
  months from the anchor's to December;
* a day and month without a year ("March 1", "4 January", "Sunday,
  March 1") gives the next such day on or after the anchor;
* a holiday name ("Christmas Day", "New Year's Eve", "Thanksgiving")
  gives the next such holiday on or after the anchor, in the calendar of a
  country (the ``holidays`` library's, with its unofficial observances).

A fuzzy anchor (an article dated only "early 2026") gives a range that
covers every reading of a range phrase; a phrase that names one day must
name the same day from every day the anchor allows, or it is an error:
give the date in EDTF then.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import holidays

from showfacts import dates
from showfacts._edtf import MONTHS
from showfacts.dates import FuzzyDate, Hemisphere, RelativeDateError


__all__ = [
    "OPEN_PHRASES",
    "WEEKDAYS",
    "agrees",
    "resolve",
    "resolve_on",
    "stated_weekday",
]

#: Weekday names, Monday first (``datetime.date.weekday`` order).
WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday",
)

#: The open phrases, beside ``dates.RELATIVE_PHRASES``.
OPEN_PHRASES = (
    "until next year", "not until next year", "not before next year",
    "next year or later", "next year at the earliest",
    "by the end of the year", "by the end of this year",
    "before the end of the year", "by the end of next year",
    "this year or next",
)

_MONTH_NUMBERS = {
    name.casefold(): i for i, name in enumerate(MONTHS) if name
}
_MONTH_NUMBERS.update({
    name.casefold()[:3]: i for i, name in enumerate(MONTHS) if name
})
_MONTH_NUMBERS["sept"] = 9
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY = "|".join(w.casefold() for w in WEEKDAYS)
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})\b")
_DAY_MONTH = re.compile(
    rf"(?:(?:on )?(?:{_WEEKDAY}),? )?(?:the )?"
    rf"(?:(?P<m1>{_MONTH})\.? (?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{_MONTH})\.?)"
)


def _normal(phrase: str) -> str:
    text = phrase.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text.strip().casefold())


def stated_weekday(words: str | None) -> int | None:
    """
    The weekday a phrase names (0 for Monday), if it names exactly one.

    >>> stated_weekday("Tuesday, September 3")
    1
    >>> stated_weekday("Christmas Day") is None
    True
    """
    if not words:
        return None
    found = {
        [w.casefold() for w in WEEKDAYS].index(m.group(1))
        for m in _WEEKDAY_RE.finditer(_normal(words))
    }
    return found.pop() if len(found) == 1 else None


def _open(words: str, day: dt.date) -> str | None:
    year, month = day.year, day.month
    table = {
        "until next year": f"{year + 1:04d}/..",
        "not until next year": f"{year + 1:04d}/..",
        "not before next year": f"{year + 1:04d}/..",
        "next year or later": f"{year + 1:04d}/..",
        "next year at the earliest": f"{year + 1:04d}/..",
        "by the end of the year": f"{year:04d}-{month:02d}/{year:04d}-12",
        "by the end of this year":
            f"{year:04d}-{month:02d}/{year:04d}-12",
        "before the end of the year":
            f"{year:04d}-{month:02d}/{year:04d}-12",
        "by the end of next year":
            f"{year:04d}-{month:02d}/{year + 1:04d}-12",
        "this year or next": f"{year:04d}/{year + 1:04d}",
    }
    return table.get(words)


def _next_day_month(month: int, day_of_month: int, day: dt.date) -> str:
    for year in range(day.year, day.year + 9):
        try:
            found = dt.date(year, month, day_of_month)
        except ValueError:
            continue
        if found >= day:
            return found.isoformat()
    msg = f"{MONTHS[month]} {day_of_month} is not a day of any year"
    raise RelativeDateError(msg)


def _day_month(words: str, day: dt.date) -> str | None:
    match = _DAY_MONTH.fullmatch(words)
    if match is None:
        return None
    month = _MONTH_NUMBERS[match.group("m1") or match.group("m2")]
    number = int(match.group("d1") or match.group("d2"))
    if not 1 <= number <= 31:
        msg = f"{words!r} names no day of the month"
        raise RelativeDateError(msg)
    return _next_day_month(month, number, day)


@functools.cache
def _calendar(country: str, year: int) -> dict[dt.date, tuple[str, ...]]:
    try:
        base = holidays.country_holidays(country)
    except NotImplementedError:
        msg = (
            f"the holidays library has no calendar for country {country!r}"
        )
        raise RelativeDateError(msg) from None
    found = holidays.country_holidays(
        country, years=year, categories=base.supported_categories
    )
    return {d: tuple(found.get_list(d)) for d in sorted(found)}


def _holiday_words(name: str) -> set[str]:
    words = _normal(name)
    if words.endswith(" (observed)") or "observed" in words:
        return set()
    forms = {words}
    if words.endswith(" day"):
        forms.add(words.removesuffix(" day"))
    if words.endswith(" sunday"):
        forms.add(words.removesuffix(" sunday"))
    return forms


def _holiday(words: str, day: dt.date, country: str | None) -> str | None:
    name = words.removeprefix("on ")
    for prefix in ("this ", "next ", "the "):
        name = name.removeprefix(prefix)
    if country is None:
        return None
    for year in (day.year, day.year + 1):
        for when, names in _calendar(country, year).items():
            if when < day:
                continue
            if any(name in _holiday_words(n) for n in names):
                return when.isoformat()
    return None


def resolve_on(
    phrase: str,
    day: dt.date,
    hemisphere: Hemisphere = Hemisphere.NORTH,
    country: str | None = None,
) -> str:
    """
    Resolve ``phrase`` said on ``day`` to an EDTF string.

    >>> resolve_on("March 1", dt.date(2025, 11, 18))
    '2026-03-01'
    >>> resolve_on("Christmas Day", dt.date(2025, 11, 18), country="US")
    '2025-12-25'
    >>> resolve_on("not until next year", dt.date(2026, 3, 2))
    '2027/..'

    Raises:
        RelativeDateError: For a phrase showfacts does not know, with what
            it does know.
    """
    if day in (dt.date.min, dt.date.max):
        raise RelativeDateError(
            "a phrase needs a source with a known published date"
        )
    words = _normal(phrase)
    found = _open(words, day) or _day_month(words, day)
    if found is not None:
        return found
    try:
        return dates._resolve_on(words, day, hemisphere)  # noqa: SLF001
    except RelativeDateError:
        pass
    found = _holiday(words, day, country)
    if found is not None:
        return found
    where = (
        f"holiday names in {country}'s calendar"
        if country is not None
        else "holiday names (with the show's countries or the fact's "
        "region)"
    )
    raise RelativeDateError(
        f"{phrase!r} is not a phrase showfacts can resolve; it knows a day "
        f"and month without a year ('March 1', 'Sunday, March 1'), {where}, "
        "and the phrases "
        f"{', '.join((*dates.RELATIVE_PHRASES, *OPEN_PHRASES))}. Give an "
        "EDTF date instead, with the words in text."
    )


def _names_one_day(edtf: str) -> bool:
    return len(edtf) == 10 and "/" not in edtf


def resolve(
    phrase: str,
    anchor: FuzzyDate,
    *,
    text: str | None = None,
    hemisphere: Hemisphere = Hemisphere.NORTH,
    country: str | None = None,
) -> FuzzyDate:
    """
    Resolve a phrase against the date it was said on.

    The result records the phrase (``relative``), the anchor and the value.
    A fuzzy anchor gives a value that covers every reading of a range
    phrase; a phrase that names one day must name the same day from every
    day the anchor allows.

    >>> resolve("January 4", FuzzyDate.of("2014-08-30")).edtf
    '2015-01-04'

    Raises:
        RelativeDateError: For a phrase it cannot resolve, or one whose
            day the fuzzy anchor leaves open.
    """
    early = resolve_on(phrase, anchor.earliest, hemisphere, country)
    late = resolve_on(phrase, anchor.latest, hemisphere, country)
    if early == late:
        value = early
    elif _names_one_day(early):
        raise RelativeDateError(
            f"{phrase!r} said {anchor.label()} could mean {early} or "
            f"{late}; give the date in edtf"
        )
    else:
        value = f"{early.split('/')[0]}/{late.split('/')[-1]}"
    return FuzzyDate(
        edtf=value,
        text=text,
        hemisphere=hemisphere,
        relative=" ".join(phrase.split()),
        anchor=anchor.edtf,
    )


def agrees(date: FuzzyDate, meaning: FuzzyDate) -> bool:
    """Whether ``date`` lies within what the phrase means."""
    return (
        meaning.earliest <= date.earliest
        and date.latest <= meaning.latest
    )

