"""
Weekly and hybrid schedules: the airing days a release plan implies.

A release plan with ``weekdays`` is a schedule: "three episodes on
Friday, September 4, then weekly on Fridays, finale October 9" is

.. code-block:: yaml

    release_plans:
      - id: s1-schedule
        pattern: batch_then_weekly
        date: 2026-09-04
        initial_episodes: 3
        weekdays: [friday]
        until: 2026-10-09
        certainty: confirmed

and :func:`airings` lists its days.  Only the first day (``date``) and the
last (``until``) are stated by the source; every day between is
*derived*, and says so (:attr:`Airing.derived`): outputs never present a
derived day as announced.  Episode numbers are derived only when the plan
says how many episodes each airing holds (``initial_episodes`` for the
first day, ``per_airing`` for the others): no default asserts a count.

>>> from showfacts.dates import FuzzyDate
>>> from showfacts.models import ReleasePlan
>>> plan = ReleasePlan(id="p", certainty="confirmed",
...                    date=FuzzyDate.of("2026-09-04"),
...                    pattern="batch_then_weekly", initial_episodes=3,
...                    per_airing=1, weekdays=["friday"],
...                    until=FuzzyDate.of("2026-10-09"))
>>> for a in airings(plan)[:3]:
...     print(a.day, a.episodes, a.derived)
2026-09-04 (1, 2, 3) False
2026-09-11 (4,) True
2026-09-18 (5,) True
>>> airings(plan)[-1].day, airings(plan)[-1].derived
(datetime.date(2026, 10, 9), False)

A schedule with no end (no ``until``, and no episode count to run out)
is :func:`open_ended`: calendars show it as one recurring event.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import attrs

from showfacts._edtf import Precision
from showfacts.dates import FuzzyDate
from showfacts.models import ReleasePattern, ReleasePlan


__all__ = ["MAX_AIRINGS", "Airing", "airings", "is_schedule", "open_ended",
           "start_day"]

#: The most airings a schedule lists: ten years of one airing a week.
#: Work stays bounded on any input.
MAX_AIRINGS = 520


@attrs.frozen(kw_only=True)
class Airing:
    """
    One airing day of a schedule.

    Attributes:
        day: The local day.
        start: The local start, with its zone, when the plan gives a time.
        episodes: The episode numbers it holds, when the plan says how
            many each airing holds; empty otherwise.
        derived: Worked out from the schedule, not stated by a source:
            every day but the first and the ``until`` day.
        first: The schedule's first day.
        last: The schedule's ``until`` day.

    .. versionadded:: 0.2.0
    """

    day: dt.date
    start: dt.datetime | None
    episodes: tuple[int, ...]
    derived: bool
    first: bool
    last: bool


def _exact_day(date: FuzzyDate | None) -> dt.date | None:
    if date is None or not date.is_exact or date.precision is not (
        Precision.DAY
    ):
        return None
    return date.earliest


def is_schedule(plan: ReleasePlan) -> bool:
    """Whether the plan is a schedule: weekdays and a first day."""
    return bool(plan.weekdays) and start_day(plan) is not None


def start_day(plan: ReleasePlan) -> dt.date | None:
    """The schedule's first day, when the plan gives it to the day."""
    return _exact_day(plan.date)


def _per_day(plan: ReleasePlan) -> tuple[int | None, int | None]:
    """Episodes on the first day and on each later one, where stated."""
    later = plan.per_airing
    if plan.pattern is ReleasePattern.BATCH_THEN_WEEKLY:
        return plan.initial_episodes, later
    return later, later


def open_ended(plan: ReleasePlan) -> bool:
    """Whether nothing ends the schedule: no ``until``, no count to reach."""
    if _exact_day(plan.until) is not None:
        return False
    first, later = _per_day(plan)
    return not (plan.episodes and first and later)


def airings(plan: ReleasePlan) -> tuple[Airing, ...]:
    """
    The airing days of a schedule, first to last.

    The first day is the plan's ``date``; then every day of ``weekdays``
    after it, up to ``until`` (inclusive) or until the plan's episode
    count is reached, whichever comes first.  An open-ended schedule
    gives its first day and the :data:`MAX_AIRINGS` days that follow.
    A plan that is not a schedule (:func:`is_schedule`) has none.

    .. versionadded:: 0.2.0
    """
    first_day = start_day(plan)
    if not plan.weekdays or first_day is None:
        return ()
    until = _exact_day(plan.until)
    if until is not None and until < first_day:
        return ()
    on_first, on_later = _per_day(plan)
    days = {d.number for d in plan.weekdays}
    zone = _zone(plan.timezone)
    found: list[Airing] = []
    next_episode = 1
    day = first_day
    while len(found) < MAX_AIRINGS:
        if until is not None and day > until:
            break
        if day == first_day or day.weekday() in days:
            is_first = day == first_day
            count = on_first if is_first else on_later
            episodes: tuple[int, ...] = ()
            if count and (is_first or found[0].episodes):
                episodes = tuple(range(next_episode, next_episode + count))
                if plan.episodes:
                    episodes = tuple(e for e in episodes
                                     if e <= plan.episodes)
                next_episode += count
            is_last = until is not None and day == until
            found.append(Airing(
                day=day,
                start=_local(day, plan.time, zone),
                episodes=episodes,
                derived=not (is_first or is_last),
                first=is_first,
                last=is_last,
            ))
            if plan.episodes and episodes and episodes[-1] >= plan.episodes:
                break
        day += dt.timedelta(days=1)
    return tuple(found)


def _zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    if name is None:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _local(day: dt.date, time: str | None,
           zone: zoneinfo.ZoneInfo | None) -> dt.datetime | None:
    if time is None or zone is None:
        return None
    hour, minute = (int(p) for p in time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute,
                       tzinfo=zone)
