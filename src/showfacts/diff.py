"""
What changed: the difference between two versions of the data, in facts.

Facts are matched by show id and fact id.  A new fact that supersedes an
older one is reported once, as the most specific change it makes ("premiere
date confirmed", "window narrowed", "certainty raised", ...), never also as
"added".  Every change says how sure the new state is, in words, and has a
stable id derived from the data, so a "what changed" feed built from the
same two versions always has the same guids.

>>> import showfacts
>>> old = showfacts.load_catalog("tests/data/diff/confirmed/old")
>>> new = showfacts.load_catalog("tests/data/diff/confirmed/new")
>>> [c.kind.value for c in diff(old, new)]
['date_confirmed']

See ``docs/diff.md`` for every kind of change, the JSON shape and the guid
rule.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

import attrs

from showfacts import _discovery, _wording, loading, views
from showfacts import _people_words as pw
from showfacts._edtf import Precision
from showfacts._json import dumps_indented
from showfacts._readers import DEFAULT_LIMITS, SUFFIXES, Limits
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.iris import FEED_FILES, Site
from showfacts.loading import FileFormat
from showfacts.models import (
    GONE,
    LEFT,
    Adaptation,
    AdditionalCast,
    Award,
    AwardOutcome,
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    CrewCredit,
    Episode,
    Fact,
    Milestone,
    MilestoneKind,
    Relation,
    ReleasePlan,
    Show,
    Source,
    StatusFact,
    Tease,
)
from showfacts.news import Feed, NewsItem, fact_date


__all__ = [
    "FALLBACK_DATE",
    "Change",
    "ChangeKind",
    "diff",
    "feed_url",
    "guid",
    "load_revision",
    "to_feed",
    "to_json",
    "to_news",
    "to_text",
]

#: The date of a change when neither it nor anything in the new data is
#: dated.
FALLBACK_DATE = dt.date(1970, 1, 1)


class ChangeKind(str, enum.Enum):
    """
    What kind of change a :class:`Change` is.

    .. versionadded:: 0.1.0
    """

    SHOW_ADDED = "show_added"
    SHOW_REMOVED = "show_removed"
    ADDED = "added"
    SUPERSEDED = "superseded"
    REVISED = "revised"
    RETRACTED = "retracted"
    RESTORED = "restored"
    REMOVED = "removed"
    CERTAINTY_RAISED = "certainty_raised"
    CERTAINTY_LOWERED = "certainty_lowered"
    DATE_CONFIRMED = "date_confirmed"
    DATE_NARROWED = "date_narrowed"
    DATE_WIDENED = "date_widened"
    DATE_MOVED = "date_moved"
    CAST_JOINED = "cast_joined"
    CAST_DEPARTED = "cast_departed"
    STATUS_CHANGED = "status_changed"
    CAST_RECAST = "cast_recast"
    CREW_JOINED = "crew_joined"
    CREW_DEPARTED = "crew_departed"
    AWARD_WON = "award_won"
    AWARD_NOMINATED = "award_nominated"

    @property
    def marker(self) -> str:
        """``+`` for additions, ``-`` for removals, ``~`` for the rest."""
        return _MARKERS.get(self, "~")

    @property
    def words(self) -> str:
        """The kind in words: "date confirmed", "cast joined", ..."""
        return self.value.replace("_", " ")


_MARKERS = {
    ChangeKind.SHOW_ADDED: "+",
    ChangeKind.ADDED: "+",
    ChangeKind.CAST_JOINED: "+",
    ChangeKind.RESTORED: "+",
    ChangeKind.CREW_JOINED: "+",
    ChangeKind.CAST_RECAST: "+",
    ChangeKind.AWARD_WON: "+",
    ChangeKind.AWARD_NOMINATED: "+",
    ChangeKind.SHOW_REMOVED: "-",
    ChangeKind.REMOVED: "-",
    ChangeKind.RETRACTED: "-",
    ChangeKind.CAST_DEPARTED: "-",
    ChangeKind.CREW_DEPARTED: "-",
}


@attrs.frozen(kw_only=True)
class Change:
    """
    One change between two versions of the data.

    Attributes:
        id: A short hash of what changed (kind, show, facts and their
            values before and after); the same change always has the same
            id.
        kind: What kind of change it is.
        show: The show's id.
        show_title: The show's title (in the new data if it is there).
        season: The season number, or ``None`` for show-level facts and
            shows.
        season_name: ``Season 2``, or the season's title.
        fact_ids: The facts the change reports: one fact for fact changes,
            every fact of the show for a show added or removed.
        replaces: For a new fact that supersedes another, the other's id.
        old: The value before, in words with its certainty, if any.
        new: The value after, in words with its certainty, if any.
        summary: The change in one plain-English line.
        certainty: How sure the news is: the new fact's certainty;
            ``confirmed`` for retractions, removals and shows.
        spoiler: Whether the fact is a spoiler (its text is then left out
            of ``old``, ``new`` and ``summary``).
        published: When the change was announced (see :func:`diff`).
        sources: The sources of the new state.

    .. versionadded:: 0.1.0
    """

    id: str
    kind: ChangeKind
    show: str
    show_title: str
    season: int | None
    season_name: str | None
    fact_ids: tuple[str, ...]
    replaces: str | None = None
    old: str | None = None
    new: str | None = None
    summary: str
    certainty: Certainty
    spoiler: bool = False
    published: dt.date
    sources: tuple[Source, ...] = ()


def diff(old: Catalog | Show, new: Catalog | Show) -> tuple[Change, ...]:
    """
    Every change in facts from ``old`` to ``new``.

    Shows are matched by id, facts by show id and fact id.

    * A show only in ``new`` is one ``show_added`` change listing all its
      facts; a show only in ``old`` is one ``show_removed``.
    * A fact only in ``new`` is one change: ``added`` (``cast_joined`` or
      ``cast_departed`` for cast, ``status_changed`` for a status that
      becomes the current one and differs from the old current status,
      ``retracted`` if it arrives retracted), or, when it supersedes
      another fact, the most specific of ``status_changed``,
      ``cast_departed``, ``date_confirmed``, ``date_narrowed``,
      ``date_widened``, ``date_moved``, ``certainty_raised``,
      ``certainty_lowered`` and ``superseded``.
    * A fact in both that changed in place is one change: ``retracted``
      (``cast_departed`` for cast), ``restored``, or the most specific
      kind as above, else ``revised``.  Edits to ``note`` alone are not
      changes.
    * A fact only in ``old`` is ``removed``: files should never delete
      facts.

    A change's ``published`` date is the new fact's announced date (its
    news day, :attr:`~showfacts.dates.FuzzyDate.news_day`, as feeds date
    it), else the earliest news day of its sources; for a
    retraction, the retraction's date, else its sources'.  Changes with no
    date of their own (removals, in-place edits of undated facts) get the
    newest date found anywhere in ``new`` (announced, retracted or
    published), else :data:`FALLBACK_DATE`.

    Args:
        old: The earlier version: a catalog or one show.
        new: The later version.

    Returns:
        The changes, by show id, then shows added or removed first, then
        facts in the new data's order, then facts removed.

    .. versionadded:: 0.1.0
    """
    old_shows = _shows(old)
    new_shows = _shows(new)
    as_of = _as_of(new_shows.values())
    changes: list[Change] = []
    for show_id in sorted(old_shows.keys() | new_shows.keys()):
        before = old_shows.get(show_id)
        after = new_shows.get(show_id)
        if before is None:
            assert after is not None  # noqa: S101 - in one of the two
            changes.append(_show_change(after, ChangeKind.SHOW_ADDED,
                                        _as_of([after]) or as_of))
        elif after is None:
            changes.append(_show_change(before, ChangeKind.SHOW_REMOVED,
                                        as_of))
        else:
            changes.extend(_Differ(before, after, as_of).changes())
    return tuple(changes)


# -- matching -----------------------------------------------------------------


def _shows(data: Catalog | Show) -> dict[str, Show]:
    shows = (data,) if isinstance(data, Show) else data.shows
    return {show.id: show for show in shows}


def _as_of(shows: Iterable[Show]) -> dt.date | None:
    days: list[dt.date] = []
    for show in shows:
        days.extend(d for d in (_day(s.published) for s in show.sources) if d)
        for ref in show.facts():
            fact = ref.fact
            days.extend(d for d in (
                _day(fact.announced),
                _day(fact.retracted.date) if fact.retracted else None,
            ) if d)
    return max(days) if days else None


class _Differ:
    """The changes within one show present in both versions."""

    def __init__(self, old: Show, new: Show, as_of: dt.date | None) -> None:
        self.old = old
        self.new = new
        self.as_of = as_of or FALLBACK_DATE
        self.old_status = views.current(old).status
        self.new_status = views.current(new).status
        self.old_ids = {ref.fact.id for ref in old.facts()}

    def changes(self) -> Iterator[Change]:
        new_ids = {ref.fact.id for ref in self.new.facts()}
        for ref in self.new.facts():
            fact = ref.fact
            if fact.id in self.old_ids:
                change = self._in_place(self.old.fact(fact.id), fact)
            else:
                change = self._added(fact)
            if change is not None:
                yield change
        for ref in self.old.facts():
            if ref.fact.id not in new_ids:
                yield self._removed(ref.fact)

    # -- the three cases ---------------------------------------------------

    def _added(self, fact: Fact) -> Change:
        new = self.new
        if fact.retracted is not None:
            return self._retracted(fact)
        if fact.supersedes:
            earlier_id = fact.supersedes[0]
            in_old = earlier_id in self.old_ids
            earlier = (self.old if in_old else new).fact(earlier_id)
            kind = _classify(earlier, fact) or ChangeKind.SUPERSEDED
            return self._pair(kind, earlier, fact, replaces=earlier_id)
        if isinstance(fact, StatusFact):
            old_status = self.old_status
            now = self.new_status
            if now is not None and now.id == fact.id and (
                old_status is None or old_status.status is not fact.status
            ):
                return self._pair(ChangeKind.STATUS_CHANGED, old_status,
                                  fact)
        if isinstance(fact, CastCredit):
            kind = (
                ChangeKind.CAST_DEPARTED
                if fact.status is CastStatus.DEPARTING
                or fact.status in GONE
                else ChangeKind.CAST_RECAST
                if fact.status is CastStatus.RECAST
                else ChangeKind.CAST_JOINED
            )
            return self._pair(kind, None, fact)
        people_kind = _people_kind(fact)
        if people_kind is not None:
            return self._pair(people_kind, None, fact)
        return self._pair(ChangeKind.ADDED, None, fact)

    def _in_place(self, before: Fact, after: Fact) -> Change | None:
        if _fingerprint(before) == _fingerprint(after):
            return None
        if before.retracted is None and after.retracted is not None:
            return self._retracted(after, before)
        if before.retracted is not None and after.retracted is None:
            return self._pair(ChangeKind.RESTORED, before, after)
        kind = _classify(before, after) or ChangeKind.REVISED
        return self._pair(kind, before, after)

    def _removed(self, fact: Fact) -> Change:
        show = self.old
        return self._make(
            ChangeKind.REMOVED,
            show,
            fact,
            before=fact,
            after=None,
            summary=(
                f"{_noun_phrase(show, fact)} removed from the data "
                f"({_valued(show, fact)})"
            ),
            certainty=Certainty.CONFIRMED,
            published=self.as_of,
            sources=show.cited(fact),
        )

    # -- building ----------------------------------------------------------

    def _retracted(self, fact: Fact, before: Fact | None = None) -> Change:
        show = self.new
        retraction = fact.retracted
        assert retraction is not None  # noqa: S101
        sources = tuple(show.source(s) for s in retraction.sources)
        day = _day(retraction.date) or _earliest(sources) or self.as_of
        reason = (
            f"; reason: {_line(retraction.reason)}" if retraction.reason
            else ""
        )
        if isinstance(fact, CastCredit):
            kind = ChangeKind.CAST_DEPARTED
            summary = (
                f"{_subject(show, fact)}: {_person(show, fact)} is no "
                f"longer in the cast, the credit was retracted "
                f"({_valued(show, fact)}){reason}"
            )
        else:
            kind = ChangeKind.RETRACTED
            summary = (
                f"{_noun_phrase(show, fact)} retracted "
                f"({_valued(show, fact)}){reason}"
            )
        return self._make(
            kind, show, fact, before=before, after=fact, summary=summary,
            certainty=Certainty.CONFIRMED, published=day,
            sources=sources or show.cited(fact),
        )

    def _pair(self, kind: ChangeKind, before: Fact | None, after: Fact, *,
              replaces: str | None = None) -> Change:
        show = self.new
        day = _day(after.announced) or _earliest(show.cited(after))
        return self._make(
            kind, show, after, before=before, after=after,
            summary=_summary(kind, self.old, before, show, after),
            certainty=after.certainty,
            published=day or self.as_of,
            sources=show.cited(after),
            replaces=replaces,
        )

    def _make(self, kind: ChangeKind, show: Show, fact: Fact, *,
              before: Fact | None, after: Fact | None, summary: str,
              certainty: Certainty, published: dt.date,
              sources: tuple[Source, ...],
              replaces: str | None = None) -> Change:
        old_show = self.old
        ref = show.ref(fact.id)
        season = ref.season
        fact_ids = (fact.id,)
        return Change(
            id=_change_id(kind, show.id, fact_ids, replaces=replaces,
                          before=before, after=after),
            kind=kind,
            show=show.id,
            show_title=self.new.title,
            season=season,
            season_name=(
                None if season is None else show.season(season).name
            ),
            fact_ids=fact_ids,
            replaces=replaces,
            old=None if before is None else _valued(
                old_show if _has(old_show, before) else show, before
            ),
            new=None if after is None else _valued(show, after),
            summary=summary,
            certainty=certainty,
            spoiler=any(
                isinstance(f, Tease) and f.spoiler for f in (before, after)
            ),
            published=published,
            sources=sources,
        )


def _has(show: Show, fact: Fact) -> bool:
    try:
        return show.fact(fact.id) == fact
    except KeyError:
        return False


def _show_change(show: Show, kind: ChangeKind, day: dt.date | None) -> (
    Change
):
    fact_ids = tuple(ref.fact.id for ref in show.facts())
    count = len(fact_ids)
    facts = f"{count} fact{'s' if count != 1 else ''}"
    title = _line(show.title)
    if kind is ChangeKind.SHOW_ADDED:
        summary = f"New show: {title} ({facts})"
    else:
        summary = f"Show removed from the data: {title} ({facts})"
    return Change(
        id=_change_id(kind, show.id, fact_ids, replaces=None, before=None,
                      after=None),
        kind=kind,
        show=show.id,
        show_title=show.title,
        season=None,
        season_name=None,
        fact_ids=fact_ids,
        summary=summary,
        certainty=Certainty.CONFIRMED,
        published=day or FALLBACK_DATE,
    )


# -- classifying --------------------------------------------------------------


def _dated(fact: Fact) -> bool:
    return isinstance(fact, (Milestone, ReleasePlan, Episode))


def _bounds(date: FuzzyDate | None) -> tuple[dt.date, dt.date]:
    if date is None:
        return (dt.date.min, dt.date.max)
    return (date.earliest, date.latest)


def _confirmed_day(fact: Fact) -> bool:
    date = fact_date(fact)
    return (
        fact.confirmed
        and date is not None
        and date.is_exact
        and date.precision is Precision.DAY
    )


def _date_change(before: Fact, after: Fact) -> ChangeKind | None:
    if not (_dated(before) and _dated(after)):
        return None
    if _confirmed_day(after) and not _confirmed_day(before):
        return ChangeKind.DATE_CONFIRMED
    (a0, a1), (b0, b1) = _bounds(fact_date(before)), _bounds(fact_date(after))
    if (a0, a1) == (b0, b1):
        return None
    if a0 <= b0 and b1 <= a1:
        return ChangeKind.DATE_NARROWED
    if b0 <= a0 and a1 <= b1:
        return ChangeKind.DATE_WIDENED
    return ChangeKind.DATE_MOVED


def _people_kind(fact: Fact) -> ChangeKind | None:
    """The kind of change a new crew credit or award is, if it has one."""
    if isinstance(fact, CrewCredit):
        if fact.status in LEFT:
            return ChangeKind.CREW_DEPARTED
        return ChangeKind.CREW_JOINED
    if isinstance(fact, Award):
        return (ChangeKind.AWARD_WON if fact.outcome is AwardOutcome.WON
                else ChangeKind.AWARD_NOMINATED)
    return None


def _classify(before: Fact, after: Fact) -> ChangeKind | None:
    """The most specific kind of change from one fact to another."""
    if (
        isinstance(before, Award)
        and isinstance(after, Award)
        and before.outcome is not after.outcome
    ):
        return _people_kind(after)
    if (
        isinstance(after, CrewCredit)
        and after.status in LEFT
        and not (isinstance(before, CrewCredit) and before.status in LEFT)
    ):
        return ChangeKind.CREW_DEPARTED
    if (
        isinstance(after, CastCredit)
        and after.status in GONE
        and not (isinstance(before, CastCredit) and before.status in GONE)
    ):
        return ChangeKind.CAST_DEPARTED
    if (
        isinstance(before, StatusFact)
        and isinstance(after, StatusFact)
        and before.status is not after.status
    ):
        return ChangeKind.STATUS_CHANGED
    if (
        isinstance(after, CastCredit)
        and after.status is CastStatus.DEPARTING
        and not (
            isinstance(before, CastCredit)
            and before.status is CastStatus.DEPARTING
        )
    ):
        return ChangeKind.CAST_DEPARTED
    kind = _date_change(before, after)
    if kind is not None:
        return kind
    if after.certainty > before.certainty:
        return ChangeKind.CERTAINTY_RAISED
    if after.certainty < before.certainty:
        return ChangeKind.CERTAINTY_LOWERED
    return None


# -- ids ----------------------------------------------------------------------


def _plain(_: Any, __: Any, value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    return value


#: Fields added since change ids were first published: they count in a
#: fingerprint only when set, so the ids of changes that do not use them
#: stay what they were.
_ADDED_FIELDS = frozenset({"qualifier", "attribution", "role", "undisclosed"})




#: Fields added to fact classes after their first release: left out of a
#: fingerprint while at their default, so that change ids (guids) made
#: before they existed stay the same.
_LATER_FIELDS = frozenset({
    ("Milestone", "region"), ("Milestone", "part_name"),
    ("Milestone", "episode_count"), ("Milestone", "first_episode"),
    ("Milestone", "last_episode"), ("ReleasePlan", "weekdays"),
    ("ReleasePlan", "time"), ("ReleasePlan", "timezone"),
    ("ReleasePlan", "per_airing"), ("ReleasePlan", "until"),
    ("Episode", "finale"), ("Episode", "next"), ("Episode", "region"),
    ("Episode", "platform"),
    ("CastCredit", "replaces"), ("CastCredit", "replaces_credit"),
    ("CrewCredit", "status"), ("CrewCredit", "date"),
    ("CrewCredit", "share"), ("Relation", "work"), ("Episode", "image"),
    ("Episode", "image_credit"), ("Episode", "image_alt"),
    ("Episode", "external_ids"),
})


def _fingerprint(fact: Fact | None) -> Any:
    if fact is None:
        return None
    name = type(fact).__name__

    def keep(attribute: attrs.Attribute[Any], value: Any) -> bool:
        return attribute.name != "note" and not (
            (attribute.name in _ADDED_FIELDS
             or (name, attribute.name) in _LATER_FIELDS)
            and value == attribute.default
        )

    value = attrs.asdict(fact, filter=keep, value_serializer=_plain)
    # ``supersedes`` was one id or none before it took several.
    earlier = fact.supersedes
    value["supersedes"] = (
        None if not earlier else earlier[0] if len(earlier) == 1
        else list(earlier)
    )
    return [name, value]


def _change_id(kind: ChangeKind, show: str, fact_ids: tuple[str, ...], *,
               replaces: str | None, before: Fact | None,
               after: Fact | None) -> str:
    content = json.dumps(
        [kind.value, show, list(fact_ids), replaces, _fingerprint(before),
         _fingerprint(after)],
        sort_keys=True, ensure_ascii=True, separators=(",", ":"),
    )
    return hashlib.sha256(content.encode("ascii")).hexdigest()[:12]


# -- dates --------------------------------------------------------------------


def _day(date: FuzzyDate | None) -> dt.date | None:
    """A date's news day, the one day feeds date it by, if it has one."""
    if date is None:
        return None
    return date.news_day


def _earliest(sources: Iterable[Source]) -> dt.date | None:
    days = [d for d in (_day(s.published) for s in sources) if d]
    return min(days) if days else None


# -- words --------------------------------------------------------------------

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

_MILESTONE_NOUNS = {
    MilestoneKind.IN_DEVELOPMENT: "development",
    MilestoneKind.RENEWED: "renewal",
    MilestoneKind.WRITING_STARTED: "start of writing",
    MilestoneKind.CASTING_ANNOUNCED: "casting announcement",
    MilestoneKind.FILMING_STARTED: "start of filming",
    MilestoneKind.FILMING_WRAPPED: "end of filming",
    MilestoneKind.TRAILER_RELEASED: "trailer release",
    MilestoneKind.PREMIERE: "premiere",
    MilestoneKind.PART_RELEASE: "part release",
    MilestoneKind.FINALE: "finale",
    MilestoneKind.CANCELLED: "cancellation",
    MilestoneKind.ENDED: "end",
    MilestoneKind.FINAL_SEASON: "final season",
}


#: Controls and line separators (made spaces), lone surrogates (made
#: U+FFFD, since UTF-8 cannot carry them).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def _encodable(value: str) -> str:
    return _SURROGATES.sub("\ufffd", value)


def _line(value: str) -> str:
    """Text on one line, without controls, that UTF-8 can carry."""
    return " ".join(_encodable(_CONTROLS.sub(" ", value)).split())


def _words(value: enum.Enum) -> str:
    return str(value.value).replace("_", " ")


def _subject(show: Show, fact: Fact) -> str:
    """The show, and the season if the fact is about one."""
    season = show.ref(fact.id).season
    title = _line(show.title)
    if season is None:
        return title
    return f"{title} {_line(show.season(season).name)}"


def _noun(fact: Fact) -> str:
    if isinstance(fact, Milestone):
        if fact.kind is MilestoneKind.PART_RELEASE and fact.part_name:
            return f"{_line(fact.part_name)} release"
        if fact.kind is MilestoneKind.PART_RELEASE and fact.part:
            return f"Part {fact.part} release"
        return _MILESTONE_NOUNS[fact.kind]
    if isinstance(fact, Episode):
        return _episode_noun(fact)
    return {
        ReleasePlan: "release plan",
        StatusFact: "status",
        CastCredit: "cast",
        CrewCredit: "crew",
        Tease: "tease",
        Relation: "relation",
        Adaptation: "source material",
        Award: "award",
        AdditionalCast: "cast news",
    }.get(type(fact), "fact")


def _noun_phrase(show: Show, fact: Fact) -> str:
    return f"{_subject(show, fact)} {_noun(fact)}"


def _date_noun(fact: Fact) -> str:
    if isinstance(fact, Milestone):
        return f"{_noun(fact)} date"
    if isinstance(fact, Episode):
        return f"{_episode_noun(fact)} air date"
    return "release date"


def _episode_noun(fact: Episode) -> str:
    """"Episode 4", or the episode by its title while it has no number."""
    label = _line(fact.label)
    return label[:1].upper() + label[1:]


def _date_words(fact: Fact) -> str:
    date = fact_date(fact)
    if date is None:
        return "no date"
    text = _line(date.label())
    if isinstance(fact, Milestone) and fact.time and fact.timezone:
        text += f", {fact.time} {fact.timezone} time"
    return text


def _person(show: Show, fact: CastCredit | CrewCredit) -> str:
    return _line(show.person(fact.person).name)


def _value(show: Show, fact: Fact) -> str:
    """The fact's value in words, without its certainty."""
    if isinstance(fact, Milestone):
        text = _date_words(fact)
        if fact.platform:
            text += f" on {_line(show.organization(fact.platform).name)}"
        if fact.location:
            text += f" in {_line(fact.location)}"
        return text
    if isinstance(fact, ReleasePlan):
        parts = [_words(fact.pattern) if fact.pattern else "release"]
        if fact.platform:
            parts.append(
                f"on {_line(show.organization(fact.platform).name)}"
            )
        if fact.date:
            parts.append(f"from {_line(fact.date.label())}")
        if fact.region:
            parts.append(f"in {fact.region}")
        if fact.episodes:
            parts.append(f"{fact.episodes} episodes")
        return " ".join(parts)
    if isinstance(fact, StatusFact):
        return _words(fact.status)
    if isinstance(fact, CastCredit):
        text = _person(show, fact)
        names = [_line(show.character(c).name) for c in fact.characters]
        role = _wording.role(fact, " and ".join(names))
        if role:
            text += f" {role}"
        extra = [] if fact.billing is None else [_words(fact.billing)]
        if fact.status is not None:
            extra.append(_words(fact.status))
        replaced = pw.recast_from(fact, show, _diff_name(show))
        if replaced:
            extra.append(f"taking over{replaced}")
        return text + (f", {', '.join(extra)}" if extra else "")
    if isinstance(fact, CrewCredit):
        text = f"{_person(show, fact)}, {pw.role_noun(fact.role, fact.share)}"
        if fact.status is not None:
            text += f", {_words(fact.status)}"
        if fact.date is not None:
            text += f" ({_line(fact.date.label())})"
        return text
    if isinstance(fact, Award):
        person = pw.award_winner(fact, show)
        text = f"{_words(fact.outcome)}: {_line(pw.award_label(fact))}"
        if person is not None:
            text += f", {_line(show.person(person).name)}"
        return text
    if isinstance(fact, AdditionalCast):
        return _line(pw.additional_cast_statement(
            fact, _subject(show, fact), _diff_name(show)))
    if isinstance(fact, Tease):
        return "a spoiler, not shown here" if fact.spoiler else _line(
            fact.text
        )
    if isinstance(fact, Relation):
        other = fact.title or fact.show or ""
        if fact.work is not None:
            other = show.work(fact.work).title
        return f"{_words(fact.kind)} {_line(other)}"
    if isinstance(fact, Adaptation):
        return f"based on {_line(show.work(fact.work).title)}"
    if isinstance(fact, Episode):
        text = f"\u201c{_line(fact.title)}\u201d" if fact.title else (
            "untitled"
        )
        if fact.air_date:
            text += f", {_line(fact.air_date.label())}"
        return text
    return fact.id  # pragma: no cover - every fact class is listed above


def _diff_name(show: Show) -> pw.Name:
    """Names on one line, for :mod:`showfacts._people_words`."""
    def name(kind: str, item_id: str) -> str:
        try:
            if kind == "person":
                return _line(show.person(item_id).name)
            if kind == "character":
                return _line(show.character(item_id).name)
            if kind == "organization":
                return _line(show.organization(item_id).name)
            return _line(show.work(item_id).title)
        except KeyError:
            return item_id

    return name


def _valued(show: Show, fact: Fact) -> str:
    """``certainty: value``."""
    return f"{fact.certainty.word}: {_value(show, fact)}"


def _summary(kind: ChangeKind, old_show: Show, before: Fact | None,
             show: Show, after: Fact) -> str:
    subject = _subject(show, after)
    phrase = _noun_phrase(show, after)
    cert = after.certainty.word
    was = ""
    if before is not None:
        where = old_show if _has(old_show, before) else show
        if kind in _DATE_KINDS:
            was = f"{before.certainty.word}: {_date_words(before)}"
        else:
            was = _valued(where, before)
    if kind is ChangeKind.STATUS_CHANGED:
        old_words = (
            f"{before.certainty.word}: {_words(before.status)}"
            if isinstance(before, StatusFact) else "not known"
        )
        return (
            f"{_line(show.title)} status changed to "
            f"{_value(show, after)} ({cert}; was {old_words})"
        )
    if kind is ChangeKind.CAST_JOINED:
        assert isinstance(after, CastCredit)  # noqa: S101
        verb = (
            "returns to the cast" if after.status is CastStatus.RETURNING
            else "joins the cast"
        )
        return f"{subject}: {_cast_line(show, after, verb)} ({cert})"
    if kind is ChangeKind.CAST_DEPARTED:
        assert isinstance(after, CastCredit)  # noqa: S101
        names = [_line(show.character(c).name) for c in after.characters]
        who = _person(show, after) + (
            f" ({' and '.join(names)})" if names else ""
        )
        if after.status in GONE:
            return (f"{subject}: {_line(_people_gone(show, after, subject))}"
                    f" ({cert})")
        return f"{subject}: {who} leaves the cast ({cert})"
    if kind is ChangeKind.CAST_RECAST:
        assert isinstance(after, CastCredit)  # noqa: S101
        line = _cast_line(show, after, "takes over")
        line += pw.recast_from(after, show, _diff_name(show))
        return f"{subject}: {line} ({cert})"
    if kind in (ChangeKind.CREW_JOINED, ChangeKind.CREW_DEPARTED):
        assert isinstance(after, CrewCredit)  # noqa: S101
        said = pw.crew_statement(after, subject, _person(show, after))
        if said is None:
            said = (f"{_person(show, after)} is "
                    f"{pw.role_noun(after.role, after.share)}")
        return f"{_line(said)} ({cert}" + (f"; was {was})" if was else ")")
    if kind in (ChangeKind.AWARD_WON, ChangeKind.AWARD_NOMINATED):
        assert isinstance(after, Award)  # noqa: S101
        said = pw.award_statement(after, show, subject, _diff_name(show))
        return f"{_line(said)} ({cert}" + (f"; was {was})" if was else ")")
    if kind is ChangeKind.ADDED:
        return f"{phrase} added: {_value(show, after)} ({cert})"
    if kind is ChangeKind.DATE_CONFIRMED:
        return (
            f"{subject} {_date_noun(after)} confirmed: "
            f"{_date_words(after)} (was {was})"
        )
    if kind in _DATE_KINDS:
        verb = {
            ChangeKind.DATE_NARROWED: "narrowed to",
            ChangeKind.DATE_WIDENED: "widened to",
            ChangeKind.DATE_MOVED: "moved to",
        }[kind]
        return (
            f"{subject} {_date_noun(after)} {verb} {_date_words(after)} "
            f"({cert}; was {was})"
        )
    if kind is ChangeKind.CERTAINTY_RAISED:
        assert before is not None  # noqa: S101
        return (
            f"{phrase} now {cert}: {_value(show, after)} "
            f"(was {before.certainty.word})"
        )
    if kind is ChangeKind.CERTAINTY_LOWERED:
        assert before is not None  # noqa: S101
        return (
            f"{phrase} now only {cert}: {_value(show, after)} "
            f"(was {before.certainty.word})"
        )
    if kind is ChangeKind.RESTORED:
        return f"{phrase} no longer retracted: {_value(show, after)} ({cert})"
    verb = "replaced" if kind is ChangeKind.SUPERSEDED else "revised"
    return f"{phrase} {verb}: {_value(show, after)} ({cert}; was {was})"


def _people_gone(show: Show, fact: CastCredit, subject: str) -> str:
    names = " and ".join(_line(show.character(c).name)
                         for c in fact.characters)
    said = pw.gone_statement(fact, subject, names, _person(show, fact))
    return said or _person(show, fact)


def _cast_line(show: Show, fact: CastCredit, verb: str) -> str:
    text = f"{_person(show, fact)} {verb}"
    names = [_line(show.character(c).name) for c in fact.characters]
    if names:
        text += " as " + " and ".join(names)
    return text


_DATE_KINDS = (
    ChangeKind.DATE_CONFIRMED,
    ChangeKind.DATE_NARROWED,
    ChangeKind.DATE_WIDENED,
    ChangeKind.DATE_MOVED,
)


# -- output -------------------------------------------------------------------


def to_text(changes: Sequence[Change]) -> str:
    """
    The changes as text: one ``MARK [kind] summary`` line each.

    ``MARK`` is ``+`` for additions, ``-`` for removals and ``~`` for the
    rest.  No changes give an empty string.

    .. versionadded:: 0.1.0
    """
    return "".join(
        f"{c.kind.marker} [{c.kind.value}] {c.summary}\n" for c in changes
    )


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": source.published.edtf if source.published else None,
    }


def to_json(changes: Sequence[Change]) -> str:
    """
    The changes as JSON: ``{"changes": [...]}``, keys in a fixed order.

    .. versionadded:: 0.1.0
    """
    items = [
        {
            "id": c.id,
            "kind": c.kind.value,
            "show": c.show,
            "show_title": c.show_title,
            "season": c.season,
            "season_name": c.season_name,
            "fact_ids": list(c.fact_ids),
            "replaces": c.replaces,
            "old": c.old,
            "new": c.new,
            "summary": c.summary,
            "certainty": c.certainty.value,
            "spoiler": c.spoiler,
            "published": c.published.isoformat(),
            "sources": [_source_json(s) for s in c.sources],
        }
        for c in changes
    ]
    text = dumps_indented({"changes": items})
    return _encodable(text) + "\n"


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def guid(change: Change, site: Site) -> str:
    """
    The change's guid: stable, derived from the data.

    ``{fact IRI}/change-{id}`` for a fact change, ``{show page}#change-{id}``
    for a show added or removed.

    .. versionadded:: 0.1.0
    """
    if change.kind in (ChangeKind.SHOW_ADDED, ChangeKind.SHOW_REMOVED):
        return f"{site.show_url(change.show)}#change-{change.id}"
    return f"{site.fact_iri(change.show, change.fact_ids[0])}/change-" + (
        change.id
    )


def _content_html(change: Change) -> str:
    esc = html.escape
    parts = [f"<p>{esc(change.summary)}</p>"]
    cited = []
    for source in change.sources:
        title = esc(source.title)
        if source.url:
            title = f'<a href="{esc(source.url)}">{title}</a>'
        if source.publisher:
            title = f"{esc(source.publisher)}: {title}"
        cited.append(f"<li>{title}</li>")
    if cited:
        parts.append(f"<p>Sources:</p><ul>{''.join(cited)}</ul>")
    return "".join(parts)


def to_news(changes: Sequence[Change], site: Site) -> tuple[NewsItem, ...]:
    """
    The changes as news items, newest first, for a "what changed" feed.

    Items are ordered by ``published``, newest first; changes of the same
    day keep the order of :func:`diff`.  The title and summary are the
    change's summary, which says how sure the new state is in words.

    .. versionadded:: 0.1.0
    """
    ordered = sorted(
        enumerate(changes),
        key=lambda pair: (-pair[1].published.toordinal(), pair[0]),
    )
    items = []
    for _, change in ordered:
        categories = [_line(change.show_title)]
        if change.season_name:
            categories.append(_line(change.season_name))
        categories.append(change.kind.words)
        items.append(NewsItem(
            guid=guid(change, site),
            title=change.summary,
            summary=change.summary,
            content_html=_content_html(change),
            published=_midnight(change.published),
            link=(
                site.show_url(change.show) if change.season is None
                else site.season_url(change.show, change.season)
            ),
            categories=tuple(categories),
            show=change.show,
            season=change.season,
            kind=change.kind.value,
            certainty=change.certainty,
            spoiler=change.spoiler,
        ))
    return tuple(items)


def feed_url(site: Site, fmt: str) -> str:
    """
    Where a "what changed" feed is published: ``{base}changes/{file}``.

    ``fmt`` is ``rss``, ``atom`` or ``json``; the file names are those of
    :data:`showfacts.iris.FEED_FILES`.

    Raises:
        ValueError: For another format.

    .. versionadded:: 0.1.0
    """
    try:
        name = FEED_FILES[fmt]
    except KeyError:
        msg = f"unknown feed format {fmt!r}; use rss, atom or json"
        raise ValueError(msg) from None
    return f"{site.folder_url()}changes/{name}"


def to_feed(changes: Sequence[Change], site: Site, *, fmt: str = "rss",
            title: str = "What changed") -> Feed:
    """
    A "what changed" feed of the changes.

    The feed's ``updated`` is the newest change's date (never the clock),
    or :data:`FALLBACK_DATE` when there are none.

    Args:
        changes: From :func:`diff`.
        site: Where the feed is published.
        fmt: ``rss``, ``atom`` or ``json``: which file the feed's own
            address (``rel="self"``) names.
        title: The feed's title.

    .. versionadded:: 0.1.0
    """
    items = to_news(changes, site)
    newest = max((c.published for c in changes), default=FALLBACK_DATE)
    return Feed(
        title=_line(title),
        link=site.folder_url(),
        feed_url=feed_url(site, fmt),
        description="What changed in the facts, from one version of the "
        "data to the next; each item says how sure it is.",
        language="en",
        updated=_midnight(newest),
        items=items,
    )


# -- git ----------------------------------------------------------------------


def _git(args: list[str], cwd: pathlib.Path) -> bytes:
    git = shutil.which("git")
    if git is None:
        msg = "git is needed to read a revision, but it is not on the PATH"
        raise InputError(msg)
    try:
        done = subprocess.run(  # noqa: S603 - a list, never a shell
            [git, *args], cwd=cwd, capture_output=True, check=False,
        )
    except OSError as exc:
        msg = f"git could not be run ({exc.strerror})"
        raise InputError(msg) from None
    if done.returncode != 0:
        message = os.fsdecode(done.stderr).strip().splitlines()
        raise _GitError(message[-1] if message else "git failed")
    return done.stdout


class _GitError(Exception):
    pass


def _revision_files(path: pathlib.Path, rev: str) -> tuple[
    pathlib.Path, str, list[tuple[str, int]]
]:
    """
    The repository root, the commit, and the show files at ``path``.

    Each file comes with its size, which git tells without reading it.
    """
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        msg = f"{path}: no such file or folder"
        raise InputError(msg)
    try:
        top = pathlib.Path(os.fsdecode(
            _git(["rev-parse", "--show-toplevel"], folder)
        ).strip())
    except _GitError:
        msg = f"{path}: not inside a git repository"
        raise InputError(msg) from None
    try:
        commit = os.fsdecode(_git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options",
             f"{rev}^{{commit}}"],
            top,
        )).strip()
    except _GitError:
        msg = f"{rev!r} is not a revision of the git repository at {top}"
        raise InputError(msg) from None
    try:
        relative = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        msg = f"{path}: leads outside the git repository at {top}"
        raise InputError(msg) from None
    listing = _git(
        ["ls-tree", "-r", "-l", "-z", commit, "--",
         "." if relative == "." else relative],
        top,
    )
    names = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw = entry.partition(b"\t")
        mode, kind, _, size = meta.split(maxsplit=3)
        name = os.fsdecode(raw)
        if kind != b"blob" or mode == b"120000":
            continue
        if relative not in (".", name) and not name.startswith(
            relative + "/"
        ):
            continue
        inner = name if relative == "." else name[len(relative):]
        if any(p.startswith(".") for p in inner.split("/") if p):
            continue
        if pathlib.PurePosixPath(name).suffix.lower() in SUFFIXES:
            names.append((name, int(size)))
    return top, commit, sorted(names)


def _declared_now(path: pathlib.Path, fmt: str) -> bool:
    """Whether the work tree's file declares the show schema."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_discovery.HEAD_BYTES)
    except OSError:
        return False
    return _discovery.examine(head, fmt) is None


def load_revision(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    rev: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Catalog:
    """
    Load the show files that files or folders held at a git revision.

    Each path is a file or folder inside a git work tree, as it is now;
    the files read are those it held at ``rev`` (a commit, branch, tag or
    any revision git understands), chosen like
    :func:`showfacts.loading.show_files` chooses them (a file that
    declares the show schema now counts as a show at ``rev`` too, so
    history from before the declarations still compares).  A path that
    did not exist at ``rev`` holds no shows.  Git is run as a program,
    with a list of arguments.

    Raises:
        InputError: If git is missing, a path is not in a git repository,
            or the revision does not exist.
        InvalidDataError: With every problem in every file; files are
            named ``REV:path``.

    .. versionadded:: 0.1.0
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    shows: list[Show] = []
    problems: list[Problem] = []
    seen: set[tuple[pathlib.Path, str]] = set()
    for path in paths:
        top, commit, names = _revision_files(pathlib.Path(path), rev)
        for name, size in names:
            if (top, name) in seen:
                continue
            seen.add((top, name))
            if size > limits.max_file_size:
                # Refused from its size: the blob is never read.
                problems.append(Problem(
                    file=f"{rev}:{name}",
                    message=f"the file is {size:,} bytes, over the limit of "
                    f"{limits.max_file_size:,} bytes",
                ))
                continue
            try:
                data = _git(["cat-file", "blob", f"{commit}:{name}"], top)
            except _GitError as exc:  # pragma: no cover - listed just now
                msg = f"{rev}:{name}: cannot be read ({exc})"
                raise InputError(msg) from None
            fmt = SUFFIXES[pathlib.PurePosixPath(name).suffix.lower()]
            # In a folder, only files that declare the show schema are
            # shows, as show_files() chooses them today; a file declared
            # now is a show at REV too, from before it was declared.
            named = pathlib.Path(path).resolve().relative_to(top.resolve())
            if name != named.as_posix() and (
                _discovery.examine(data[:_discovery.HEAD_BYTES], fmt)
                is not None
            ) and not _declared_now(top / name, fmt):
                continue
            try:
                shows.append(loading.loads(data, cast("FileFormat", fmt),
                                           name=f"{rev}:{name}",
                                           limits=limits))
            except InvalidDataError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InvalidDataError(problems)
    return Catalog(shows=shows)
