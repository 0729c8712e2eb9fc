"""
The current view: what holds now, and how sure it is.

>>> import showfacts
>>> show = showfacts.load("examples/ballard.yaml")
>>> premiere = showfacts.current(show).season(2).premiere
>>> premiere.date.label(), premiere.certainty.value
('summer or fall 2026 (mid-to-late 2026)', 'expected')

When several current facts answer the same question, the best one wins:
the most certain, then the most recently announced, then the one that
comes last in the file.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TypeVar

import attrs

from showfacts.models import (
    Adaptation,
    CastCredit,
    CrewCredit,
    Episode,
    Fact,
    FactRef,
    Milestone,
    MilestoneKind,
    Relation,
    ReleasePlan,
    Season,
    Show,
    StatusFact,
    Tease,
)


__all__ = ["SeasonView", "ShowView", "best", "current"]

F = TypeVar("F", bound=Fact)


def _announced_key(fact: Fact) -> dt.date:
    return fact.announced.earliest if fact.announced else dt.date.min


def best(facts: Iterable[F]) -> F | None:
    """
    The most trustworthy of several facts answering the same question.

    The most certain wins; among equals, the most recently announced; among
    those, the last one given.
    """
    ranked = [
        ((f.certainty.rank, _announced_key(f), i), f)
        for i, f in enumerate(facts)
    ]
    if not ranked:
        return None
    return max(ranked, key=lambda pair: pair[0])[1]


@attrs.frozen(slots=False)
class SeasonView:
    """
    The current facts of one season.

    Each list is worked out once per view (views are cheap to make, and
    serializers ask the same view many questions).

    .. versionadded:: 0.1.0
    """

    show: Show
    season: Season

    def _current(self, facts: tuple[F, ...]) -> tuple[F, ...]:
        return tuple(f for f in facts if self.show.is_current(f.id))

    @functools.cached_property
    def _milestones(self) -> tuple[Milestone, ...]:
        return self._current(self.season.milestones)

    def milestones(self, kind: MilestoneKind | None = None) -> tuple[
        Milestone, ...
    ]:
        """Current milestones, of one kind if given."""
        if kind is None:
            return self._milestones
        return tuple(m for m in self._milestones if m.kind is kind)

    def milestone(self, kind: MilestoneKind) -> Milestone | None:
        """The best current milestone of that kind."""
        return best(self.milestones(kind))

    @property
    def premiere(self) -> Milestone | None:
        """The best current premiere milestone."""
        return self.milestone(MilestoneKind.PREMIERE)

    @property
    def finale(self) -> Milestone | None:
        """The best current finale milestone."""
        return self.milestone(MilestoneKind.FINALE)

    @functools.cached_property
    def release_plans(self) -> tuple[ReleasePlan, ...]:
        """Current release plans."""
        return self._current(self.season.release_plans)

    @property
    def release_plan(self) -> ReleasePlan | None:
        """The best current release plan."""
        return best(self.release_plans)

    @functools.cached_property
    def cast(self) -> tuple[CastCredit, ...]:
        """Current cast credits."""
        return self._current(self.season.cast)

    @functools.cached_property
    def crew(self) -> tuple[CrewCredit, ...]:
        """Current season crew credits."""
        return self._current(self.season.crew)

    @functools.cached_property
    def teases(self) -> tuple[Tease, ...]:
        """Current teases."""
        return self._current(self.season.teases)

    @functools.cached_property
    def episodes(self) -> tuple[Episode, ...]:
        """Current episodes, by number."""
        return tuple(
            sorted(self._current(self.season.episodes),
                   key=lambda e: (e.number is None, e.number or 0))
        )


@attrs.frozen
class ShowView:
    """
    The current facts of a show.

    .. versionadded:: 0.1.0
    """

    show: Show

    def _current(self, facts: tuple[F, ...]) -> tuple[F, ...]:
        return tuple(f for f in facts if self.show.is_current(f.id))

    def facts(self) -> tuple[FactRef, ...]:
        """Every current fact with its place, in document order."""
        return tuple(
            r for r in self.show.facts() if self.show.is_current(r.fact.id)
        )

    @property
    def status(self) -> StatusFact | None:
        """The best current status fact."""
        return best(self._current(self.show.statuses))

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Current relations to other shows."""
        return self._current(self.show.relations)

    @property
    def based_on(self) -> tuple[Adaptation, ...]:
        """Current adaptation facts."""
        return self._current(self.show.based_on)

    @property
    def crew(self) -> tuple[CrewCredit, ...]:
        """Current show-wide crew credits."""
        return self._current(self.show.crew)

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """Current show-wide milestones."""
        return self._current(self.show.milestones)

    @property
    def teases(self) -> tuple[Tease, ...]:
        """Current show-wide teases."""
        return self._current(self.show.teases)

    def season(self, number: int) -> SeasonView:
        """
        The current view of one season.

        Raises:
            KeyError: If the show has no such season.
        """
        return SeasonView(self.show, self.show.season(number))

    @property
    def seasons(self) -> tuple[SeasonView, ...]:
        """Every season's view, by season number."""
        return tuple(
            SeasonView(self.show, s)
            for s in sorted(self.show.seasons, key=lambda s: s.number)
        )


def current(show: Show) -> ShowView:
    """
    What holds now about a show: facts neither superseded nor retracted.

    .. versionadded:: 0.1.0
    """
    return ShowView(show)
