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
                                  premiere (or finale, or part) dates that do
                                  not overlap, two different statuses, two
                                  release plans for the same platform and
                                  region that disagree
``unsourced``            warning  a fact that cites no source
``old``                  warning  an unconfirmed current fact announced more
                                  than ``max_age`` days ago, with nothing newer
``undated``              warning  a fact with no date to publish it under
                                  (no announced date, no dated source, not
                                  a confirmed event with its own date):
                                  feeds leave it out
``no-character``         warning  a current cast credit without a character
``season-gap``           warning  season numbers with a gap (1, 2, 4)
=======================  =======  ============================================

People, awards and identifiers have checks of their own
(``recast-replaces``, ``still-cast``, ``crew-left``,
``id-without-page``): see ``showfacts._people_lint``.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterable, Iterator

import attrs

from showfacts import _people_lint
from showfacts._invariants import KINDS
from showfacts.models import (
    CastCredit,
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


__all__ = ["DEFAULT_MAX_AGE", "Finding", "Level", "lint"]

#: Days after which an unconfirmed fact with nothing newer is old.
DEFAULT_MAX_AGE = 180

#: The collections whose facts become feed items.
_NEWS = ("milestones", "release_plans", "cast", "crew", "teases",
         "additional_cast", "awards")

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
        elif ref.collection in _NEWS and publication_date(
            show, ref.fact
        ) is None:
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
        if isinstance(fact, CastCredit) and not fact.characters:
            yield finding(
                Level.WARNING, "no-character", f"{ref.path}.characters",
                f"cast credit {fact.id!r} names no character; add it once "
                "it is known",
            )
    yield from (
        finding(Level.ERROR, "contradiction", path, message)
        for path, message in _contradictions(current)
    )
    yield from (
        finding(Level(level), check, path, message)
        for level, check, path, message in _people_lint.findings(
            show, current)
    )
    numbers = sorted(s.number for s in show.seasons if s.number > 0)
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


def _what(ref: FactRef) -> str:
    fact = ref.fact
    season = f"Season {ref.season} " if ref.season is not None else ""
    if isinstance(fact, Milestone):
        kind = fact.kind.value.replace("_", " ")
    else:
        kind = KINDS[ref.collection]
    return f"{season}{kind} {fact.id!r}"


def _said_on(show: Show, fact: Fact) -> dt.date | None:
    """When a fact was last said: its announcement, else its sources."""
    if fact.announced is not None:
        return fact.announced.latest
    dates = [
        s.published.latest for s in show.cited(fact) if s.published
    ]
    return max(dates) if dates else None


def _contradictions(current: list[FactRef]) -> Iterator[
    tuple[str, str]
]:
    # Dated milestones about the same event must overlap.
    events: dict[tuple[int | None, str, int | None], list[FactRef]] = {}
    for ref in current:
        fact = ref.fact
        if (
            isinstance(fact, Milestone)
            and fact.date is not None
            and fact.kind in (MilestoneKind.PREMIERE, MilestoneKind.FINALE,
                              MilestoneKind.PART_RELEASE)
        ):
            events.setdefault(
                (ref.season, fact.kind.value, fact.part), []
            ).append(ref)
    for (season, kind, _), refs in sorted(
        events.items(), key=lambda kv: str(kv[0])
    ):
        for a, b in itertools.combinations(refs, 2):
            first, second = a.fact, b.fact
            assert isinstance(first, Milestone)  # noqa: S101
            assert isinstance(second, Milestone)  # noqa: S101
            assert first.date is not None  # noqa: S101
            assert second.date is not None  # noqa: S101
            if not first.date.overlaps(second.date):
                where = f"Season {season} " if season is not None else ""
                yield b.path, (
                    f"{where}{kind.replace('_', ' ')} {second.id!r} "
                    f"({second.date.label()}) contradicts {first.id!r} "
                    f"({first.date.label()}); supersede or retract one"
                )
    statuses = [r for r in current if isinstance(r.fact, StatusFact)]
    for a, b in itertools.combinations(statuses, 2):
        first, second = a.fact, b.fact
        assert isinstance(first, StatusFact)  # noqa: S101
        assert isinstance(second, StatusFact)  # noqa: S101
        if first.status is not second.status:
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
        for a, b in itertools.combinations(refs, 2):
            first, second = a.fact, b.fact
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
            if reasons:
                yield b.path, (
                    f"release plan {second.id!r} contradicts {first.id!r} "
                    f"({'; '.join(reasons)}); supersede or retract one"
                )
