"""
Keeping data honest over time.

Lint finds stale speculation, unsourced facts, old rumors, contradictions
and gaps.

Validation says whether a file *can* be right; lint says whether it still
*is*: an "expected summer 2026" window read in January 2027 is valid data
and a stale claim.  Lint needs today's date, and takes it as an argument.

=======================  =======  ============================================
check                    level    finding
=======================  =======  ============================================
``stale``                error    a current expected, rumored or speculative
                                  fact whose date window has ended
``contradiction``        error    two current facts that cannot both hold: two
                                  premiere (or finale, or part) dates for the
                                  same region and platform that do not
                                  overlap, two different statuses, two
                                  release plans for the same platform and
                                  region that disagree
``unsourced``            warning  a fact that cites no source
``old``                  warning  an unconfirmed current fact announced more
                                  than ``max_age`` days ago, with nothing newer
``undated``              warning  a fact with no date to publish it under
                                  (no announced date, no dated source, not
                                  a confirmed event with its own date):
                                  feeds leave it out
``no-character``         warning  a current cast credit that says nothing
                                  of the role: no character, no described
                                  role, not marked undisclosed (a departure,
                                  "will not return", needs none)
``weekday``              warning  a date whose words name a weekday the date
                                  does not fall on ("Tuesday, September 3"
                                  for 3 September 2025, a Wednesday); the
                                  words are kept as the source gave them
``season-gap``           warning  season numbers with a gap (1, 2, 4); seasons
                                  named by their year (numbered above 100)
                                  are not in the count
=======================  =======  ============================================

People, awards and identifiers have checks of their own
(``recast-replaces``, ``still-cast``, ``crew-left``,
``id-without-page``): see ``showfacts._people_lint``.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterable, Iterator

import attrs

from showfacts import _people_lint
from showfacts._invariants import KINDS
from showfacts.dates import FuzzyDate, Precision
from showfacts.models import (
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    Fact,
    FactRef,
    Milestone,
    MilestoneKind,
    ReleasePlan,
    Show,
    StatusFact,
)
from showfacts.news import fact_date, publication_date
from showfacts.phrases import WEEKDAYS, stated_weekday
from showfacts.releases import MAX_ORDINAL, ReleaseKey, release_key


__all__ = ["DEFAULT_MAX_AGE", "Finding", "Level", "lint"]

#: Days after which an unconfirmed fact with nothing newer is old.
DEFAULT_MAX_AGE = 180

#: The collections whose facts become feed items.
_NEWS = ("milestones", "release_plans", "cast", "crew", "teases",
         "additional_cast", "awards")

#: Cast statuses that say someone leaves: the role is not what is news.
_LEAVING = frozenset({CastStatus.DEPARTING, CastStatus.NOT_RETURNING})
_SPECULATION = (Certainty.EXPECTED, Certainty.RUMORED, Certainty.SPECULATIVE)


class Level(str, enum.Enum):
    """
    How serious a finding is.

    .. versionadded:: 0.1.0
    """

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Finding:
    """
    One thing lint found, and where.

    Attributes:
        level: ``error`` or ``warning``.
        check: The check's name (``stale``, ``contradiction``, ...).
        show: The show's id.
        path: Where in the show's file, as a JSONPath.
        message: What is wrong and what to do about it.

    .. versionadded:: 0.1.0
    """

    level: Level
    check: str
    show: str
    path: str
    message: str

    def __str__(self) -> str:
        level = self.level.value
        return f"{self.path}: {level}: {self.message} [{self.check}]"


def lint(
    shows: Show | Catalog | Iterable[Show],
    *,
    today: dt.date,
    max_age: int = DEFAULT_MAX_AGE,
) -> tuple[Finding, ...]:
    """
    Check shows for data that is no longer honest.

    Args:
        shows: A show, a catalog, or shows.
        today: The date to judge staleness and age against.
        max_age: Days after which an unconfirmed fact is old.

    Returns:
        The findings, show by show, in document order.

    .. versionadded:: 0.1.0
    """
    items = (shows,) if isinstance(shows, Show) else tuple(shows)
    findings: list[Finding] = []
    for show in items:
        findings.extend(_lint_show(show, today, max_age))
    return tuple(findings)


def _lint_show(show: Show, today: dt.date, max_age: int) -> Iterator[Finding]:
    def finding(level: Level, check: str, path: str,
                message: str) -> Finding:
        return Finding(level=level, check=check, show=show.id, path=path,
                       message=message)

    refs = show.facts()
    current = [r for r in refs if show.is_current(r.fact.id)]
    for ref in refs:
        if not ref.fact.sources:
            yield finding(
                Level.WARNING, "unsourced", f"{ref.path}.sources",
                f"{_what(ref)} cites no source; add where it was read",
            )
        elif (ref.collection in _NEWS or _is_next(ref.fact)) and (
            publication_date(show, ref.fact) is None
        ):
            yield finding(
                Level.WARNING, "undated", ref.path,
                f"{_what(ref)} has no date to publish it under, so feeds "
                "leave it out; give it an announced date or cite a dated "
                "source",
            )
    for ref in current:
        fact = ref.fact
        date = fact_date(fact)
        if (
            fact.certainty in _SPECULATION
            and date is not None
            and date.latest < today
        ):
            yield finding(
                Level.ERROR, "stale", ref.path,
                f"stale {fact.certainty.value} {_what(ref)}: "
                f"{date.label()} ended on {date.latest.isoformat()} and "
                "nothing newer supersedes it; record what happened or "
                "retract it",
            )
        if fact.certainty is not Certainty.CONFIRMED:
            said = _said_on(show, fact)
            if said is not None and (today - said).days > max_age:
                yield finding(
                    Level.WARNING, "old", ref.path,
                    f"{fact.certainty.value} {_what(ref)} dates from "
                    f"{said.isoformat()}, over {max_age} days ago, and "
                    "nothing newer confirms or replaces it",
                )
        if (isinstance(fact, CastCredit) and not fact.characters
                and fact.role is None and not fact.undisclosed
                and fact.status not in _LEAVING):
            yield finding(
                Level.WARNING, "no-character", f"{ref.path}.characters",
                f"cast credit {fact.id!r} says nothing of the role; add "
                "characters once a source names them, role for a role it "
                'describes ("one of the fellow marshals"), or '
                "undisclosed: true when it says the role is secret",
            )
    for path, date in _dates(show):
        message = _weekday(date)
        if message is not None:
            yield finding(Level.WARNING, "weekday", path, message)
    yield from (
        finding(Level.ERROR, "contradiction", path, message)
        for path, message in _contradictions(current)
    )
    yield from (
        finding(Level(level), check, path, message)
        for level, check, path, message in _people_lint.findings(
            show, current)
    )
    numbers = sorted(s.number for s in show.seasons
                     if 0 < s.number <= MAX_ORDINAL)
    for before, after in itertools.pairwise(numbers):
        if after - before > 1:
            missing = ", ".join(str(n) for n in range(before + 1, after))
            index = next(
                i for i, s in enumerate(show.seasons) if s.number == after
            )
            yield finding(
                Level.WARNING, "season-gap", f"$.seasons[{index}].number",
                f"season {after} follows season {before}: season(s) "
                f"{missing} are missing",
            )


def _is_next(fact: Fact) -> bool:
    """A next episode: feeds carry it, so it needs a date to go under."""
    return getattr(fact, "next", False) is True


def _what(ref: FactRef) -> str:
    fact = ref.fact
    season = f"Season {ref.season} " if ref.season is not None else ""
    if isinstance(fact, Milestone):
        kind = fact.kind.value.replace("_", " ")
    else:
        kind = KINDS[ref.collection]
    return f"{season}{kind} {fact.id!r}"


def _said_on(show: Show, fact: Fact) -> dt.date | None:
    """
    When a fact was last said: its announcement, else its sources.

    Each date counts from its news day, as feeds date it
    (:attr:`~showfacts.dates.FuzzyDate.news_day`).
    """
    if fact.announced is not None and fact.announced.news_day is not None:
        return fact.announced.news_day
    dates = [
        day for s in show.cited(fact)
        if s.published and (day := s.published.news_day) is not None
    ]
    return max(dates) if dates else None


def _dates(show: Show) -> Iterator[tuple[str, FuzzyDate]]:
    """Every date of a show's sources and facts, with its path."""
    for i, source in enumerate(show.sources):
        if source.published is not None:
            yield f"$.sources[{i}].published", source.published
    for ref in show.facts():
        fact = ref.fact
        for name in ("date", "air_date", "announced"):
            value = getattr(fact, name, None)
            if isinstance(value, FuzzyDate):
                yield f"{ref.path}.{name}", value
        if fact.retracted is not None and fact.retracted.date is not None:
            yield f"{ref.path}.retracted.date", fact.retracted.date


def _weekday(date: FuzzyDate) -> str | None:
    """What is wrong with the weekday a date's words name, if anything."""
    words = date.words
    stated = stated_weekday(words)
    if stated is None or date.precision is not Precision.DAY:
        return None
    if not date.is_exact:
        return None
    day = date.earliest
    if day.weekday() == stated:
        return None
    return (
        f'the source says "{words}", but {date.describe()} is a '
        f"{WEEKDAYS[day.weekday()]}, not a {WEEKDAYS[stated]}; the words "
        "are kept as the source gave them: check the date"
    )


def _contradictions(current: list[FactRef]) -> Iterator[
    tuple[str, str]
]:
    # Dated milestones about the same event must overlap.
    events: dict[ReleaseKey, list[FactRef]] = {}
    for ref in current:
        fact = ref.fact
        if (
            isinstance(fact, Milestone)
            and fact.date is not None
            and fact.kind in (MilestoneKind.PREMIERE, MilestoneKind.FINALE,
                              MilestoneKind.PART_RELEASE)
        ):
            events.setdefault(release_key(ref.season, fact), []).append(ref)
    for (season, milestone_kind, *_), refs in sorted(
        events.items(), key=lambda kv: str(kv[0])
    ):
        kind = milestone_kind.value
        for b, a in _disjoint(refs):
            first, second = a.fact, b.fact
            assert isinstance(first, Milestone)  # noqa: S101
            assert isinstance(second, Milestone)  # noqa: S101
            assert first.date is not None  # noqa: S101
            assert second.date is not None  # noqa: S101
            where = f"Season {season} " if season is not None else ""
            yield b.path, (
                f"{where}{kind.replace('_', ' ')} {second.id!r} "
                f"({second.date.label()}) contradicts {first.id!r} "
                f"({first.date.label()}); supersede or retract one"
            )
    statuses = [r for r in current if isinstance(r.fact, StatusFact)]
    for b, a in _differing(statuses,
                           lambda r: getattr(r.fact, "status", None)):
        first, second = a.fact, b.fact
        assert isinstance(first, StatusFact)  # noqa: S101
        assert isinstance(second, StatusFact)  # noqa: S101
        yield b.path, (
            f"status {second.id!r} ({second.status.value}) contradicts "
            f"{first.id!r} ({first.status.value}); supersede the older"
        )
    plans: dict[tuple[int | None, str | None, str | None],
                list[FactRef]] = {}
    for ref in current:
        if isinstance(ref.fact, ReleasePlan):
            plans.setdefault(
                (ref.season, ref.fact.platform, ref.fact.region), []
            ).append(ref)
    for refs in plans.values():
        # One finding per plan: against the first plan of another pattern,
        # else against one whose dates it misses.
        against = {b.path: a for b, a in _differing(
            [r for r in refs if getattr(r.fact, "pattern", None)],
            lambda r: getattr(r.fact, "pattern", None),
        )}
        for later, earlier in _disjoint(
            [r for r in refs if getattr(r.fact, "date", None)]
        ):
            against.setdefault(later.path, earlier)
        for b in refs:
            if b.path not in against:
                continue
            first, second = against[b.path].fact, b.fact
            assert isinstance(first, ReleasePlan)  # noqa: S101
            assert isinstance(second, ReleasePlan)  # noqa: S101
            reasons = []
            if first.pattern and second.pattern and (
                first.pattern is not second.pattern
            ):
                reasons.append(
                    f"{first.pattern.value} vs {second.pattern.value}"
                )
            if first.date and second.date and not first.date.overlaps(
                second.date
            ):
                reasons.append(
                    f"{first.date.label()} vs {second.date.label()}"
                )
            yield b.path, (
                f"release plan {second.id!r} contradicts {first.id!r} "
                f"({'; '.join(reasons)}); supersede or retract one"
            )


def _disjoint(refs: list[FactRef]) -> Iterator[tuple[FactRef, FactRef]]:
    """
    Each dated fact whose date shares no day with an earlier one's.

    Yields the fact and one earlier fact it contradicts.  Linear: an
    earlier date misses a later one exactly when the earliest-ending
    earlier date ends before it starts, or the latest-starting one starts
    after it ends, so those two are all that is kept.
    """
    ends_first: FactRef | None = None
    starts_last: FactRef | None = None
    for ref in refs:
        date = getattr(ref.fact, "date", None)
        assert date is not None  # noqa: S101
        if ends_first is not None and starts_last is not None:
            if ends_first.fact.date.latest < date.earliest:  # type: ignore[attr-defined]
                yield ref, ends_first
            elif starts_last.fact.date.earliest > date.latest:  # type: ignore[attr-defined]
                yield ref, starts_last
        if ends_first is None or date.latest < ends_first.fact.date.latest:  # type: ignore[attr-defined]
            ends_first = ref
        if (starts_last is None
                or date.earliest > starts_last.fact.date.earliest):  # type: ignore[attr-defined]
            starts_last = ref


def _differing(refs: list[FactRef], value: Callable[[FactRef], object]) -> (
    Iterator[tuple[FactRef, FactRef]]
):
    """
    Each fact whose value differs from an earlier fact's.

    Yields the fact and the first earlier fact with another value; only
    the first fact of each value is kept, so the work is linear.
    """
    first: dict[object, tuple[int, FactRef]] = {}
    for index, ref in enumerate(refs):
        mine = value(ref)
        others = [seen for key, seen in first.items() if key != mine]
        if others:
            yield ref, min(others, key=lambda pair: pair[0])[1]
        first.setdefault(mine, (index, ref))

