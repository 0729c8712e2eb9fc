"""
Releases in words: regions, parts and volumes, episode ranges, schedules.

The same season often comes out on different days in different countries
and on different platforms, in named parts ("Volume 2"), or on a weekly
schedule.  Every output (feeds, calendars, JSON-LD, cards, pages) names a
release the same way, with the functions here:

>>> from showfacts.models import Milestone
>>> volume = Milestone(id="v2", kind="part_release", certainty="confirmed",
...                    part=2, part_name="Volume 2", first_episode=5,
...                    last_episode=7, region="GB")
>>> part_label(volume), episodes_phrase(volume), region_name("GB")
('Volume 2', 'episodes 5 to 7', 'the United Kingdom')

A release is one event per season, kind, part, region and platform
(:func:`release_key`): releases in different regions or on different
platforms never contradict each other.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from showfacts.models import (
    Milestone,
    MilestoneKind,
    ReleasePattern,
    ReleasePlan,
    ShowFormat,
    Weekday,
)


__all__ = [
    "MAX_ORDINAL",
    "RELEASE_KINDS",
    "ReleaseKey",
    "episodes_phrase",
    "format_words",
    "in_region",
    "part_label",
    "region_name",
    "release_key",
    "schedule_phrase",
    "weekdays_phrase",
]

#: The milestone kinds that release episodes.
RELEASE_KINDS = (
    MilestoneKind.PREMIERE,
    MilestoneKind.PART_RELEASE,
    MilestoneKind.FINALE,
)

#: The highest season number read as an ordinal ("the fifth season"):
#: seasons named by their year ("Seizoen 2021") are numbered above it, and
#: say nothing about how many seasons there are.
MAX_ORDINAL = 100

#: ``(season, kind, part, region, platform)``: which release a milestone
#: dates.  Milestones with the same key are about the same event.
ReleaseKey = tuple[int | None, MilestoneKind, int | None, str | None,
                   str | None]

#: Country names that read better with an article.
_WITH_THE = frozenset({
    "BS", "DO", "GB", "GM", "NL", "PH", "US", "AE", "CF", "KM", "MV",
    "MH", "SB", "SC",
})


def release_key(season: int | None, milestone: Milestone) -> ReleaseKey:
    """Which release a milestone is about: see :data:`ReleaseKey`."""
    part = (
        milestone.part if milestone.kind is MilestoneKind.PART_RELEASE
        else None
    )
    return (season, milestone.kind, part, milestone.region,
            milestone.platform)


@functools.cache
def region_name(code: str) -> str:
    """
    An ISO 3166-1 code as an English country name.

    Names come from the Unicode CLDR (through babel); a code CLDR does not
    know stays as it is.
    """
    from babel import Locale  # noqa: PLC0415 - only outputs with regions

    name = Locale("en").territories.get(code)
    if not name:
        return code
    return f"the {name}" if code in _WITH_THE else name


def in_region(region: str | None) -> str:
    """``" in the United Kingdom"``, or nothing for no region."""
    return f" in {region_name(region)}" if region else ""


def part_label(milestone: Milestone) -> str:
    """A part's own name ("Volume 2"), else "Part 2", else "a part"."""
    name = " ".join((milestone.part_name or "").split())
    if name:
        return name
    if milestone.part is not None:
        return f"Part {milestone.part}"
    return "a part"


def episodes_phrase(release: Milestone) -> str | None:
    """
    What a release holds: "episodes 5 to 7", "4 episodes", "episode 8".

    ``None`` when the source gave neither a range nor a count.
    """
    first, last = release.first_episode, release.last_episode
    count = release.episode_count
    if first is not None and last is not None:
        if first == last:
            return f"episode {first}"
        return f"episodes {first} to {last}"
    if first is not None:
        phrase = f"from episode {first}"
        return f"{_count(count)}, {phrase}" if count else phrase
    if last is not None:
        phrase = f"up to episode {last}"
        return f"{_count(count)}, {phrase}" if count else phrase
    return _count(count) if count else None


def _count(count: int) -> str:
    return f"{count} episode{'s' if count != 1 else ''}"


_DAY_NAMES = {day: day.value.capitalize() + "s" for day in Weekday}


def weekdays_phrase(days: Iterable[Weekday]) -> str:
    """"Fridays", "Mondays and Tuesdays"."""
    names = [_DAY_NAMES[d] for d in sorted(set(days), key=_index)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _index(day: Weekday) -> int:
    return day.number


def schedule_phrase(plan: ReleasePlan) -> str | None:
    """
    A schedule in words: "weekly on Fridays at 21:00 (America/New_York)".

    ``None`` for a plan that is not a schedule (no weekdays).  The words
    say only what the plan says: no time unless it gives one.
    """
    if not plan.weekdays:
        return None
    words = f"weekly on {weekdays_phrase(plan.weekdays)}"
    if plan.time is not None:
        words += f" at {plan.time}"
        if plan.timezone:
            words += f" ({plan.timezone})"
    if plan.per_airing and plan.per_airing > 1:
        words += f", {plan.per_airing} episodes at a time"
    if (plan.pattern is ReleasePattern.BATCH_THEN_WEEKLY
            and plan.initial_episodes):
        first = _count(plan.initial_episodes)
        words = f"{first} on the first day, then {words}"
    if plan.until is not None:
        words += f", until {plan.until.label()}"
    return words


_FORMAT_WORDS = {
    ShowFormat.LIMITED_SERIES: "A limited series.",
    ShowFormat.MINISERIES: "A miniseries.",
    ShowFormat.ANTHOLOGY: (
        "An anthology series: each season tells a new story, with a new "
        "cast."
    ),
}


def format_words(show_format: ShowFormat) -> str:
    """A show's format as a sentence: "A limited series."."""
    return _FORMAT_WORDS[show_format]
