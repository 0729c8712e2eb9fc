"""
News: the unit that feeds publish.

A :class:`NewsItem` is one piece of news about a show (a renewal, a date set
or moved, a casting, a change between two versions of the data), already in
words and with a stable id; a :class:`Feed` is a channel of them, newest
first.  Feed writers (RSS, Atom, JSON Feed) render a :class:`Feed` and know
nothing about shows.

:func:`items_for_show` turns a show's milestones, release plans, cast and
crew credits and teases into items, and :func:`build_feed` gathers the
items of a show, a season or a catalog into a :class:`Feed`:

>>> import showfacts
>>> from showfacts.iris import Site
>>> show = showfacts.load("examples/ballard.yaml")
>>> feed = build_feed(show, Site("https://example.org/tv/"), "rss",
...                   kinds=["renewed"])
>>> [item.title for item in feed.items]
['Ballard Season 2 renewed']

The rules (publication dates, guids, titles, the text policy) are in
``docs/feeds.md``.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from showfacts import _people_words as pw
from showfacts import _wording
from showfacts._text import escaped, inline, publishable
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError
from showfacts.iris import FEED_FILES, Site
from showfacts.models import (
    Adaptation,
    AdditionalCast,
    Award,
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    CertaintyName,
    CrewCredit,
    CrewRole,
    Episode,
    Fact,
    FactRef,
    Milestone,
    MilestoneKind,
    Relation,
    RelationKind,
    ReleasePattern,
    ReleasePlan,
    Season,
    Show,
    ShowStatus,
    Source,
    StatusFact,
    Tease,
)
from showfacts.releases import (
    episodes_phrase,
    in_region,
    part_label,
    region_name,
    schedule_phrase,
)
from showfacts.views import best


__all__ = [
    "EPOCH",
    "NEWS_KINDS",
    "Feed",
    "NewsItem",
    "Statement",
    "build_feed",
    "items_for_show",
    "publication_date",
    "statement",
    "xml_safe",
]


def _aware(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value.utcoffset() is None:
        msg = f"'{attribute.name}' must be a datetime with a time zone"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class NewsItem:
    """
    One piece of news, ready to publish.

    Attributes:
        guid: Never changes for the same news; an IRI.
        title: Plain text; says how sure the news is below "confirmed".
        summary: Plain text.
        content_html: HTML that cites the sources as links, escaped.
        published: When the news was announced (time-zone aware).
        updated: When it last changed, if it did.
        link: The page to read more on.
        categories: Show, season and kind.
        show: The show's id.
        season: The season number, if the news is about one.
        kind: What kind of news ("renewed", "premiere", "cast", ...).
        certainty: How sure the news is.
        spoiler: Whether it gives away a plot point.
        image: An image to enclose, if any.
        permalink: Whether ``guid`` is also the item's permanent URL.

    .. versionadded:: 0.1.0
    """

    guid: str
    title: str
    summary: str
    content_html: str
    published: dt.datetime = attrs.field(validator=_aware)
    updated: dt.datetime | None = attrs.field(default=None, validator=_aware)
    link: str
    categories: tuple[str, ...] = ()
    show: str
    season: int | None = None
    kind: str
    certainty: Certainty
    spoiler: bool = False
    image: str | None = None
    permalink: bool = False


@attrs.frozen(kw_only=True)
class Feed:
    """
    A channel of news items, newest first.

    Attributes:
        title: The channel's title.
        link: The channel's home page.
        feed_url: Where the feed itself is published (``rel="self"``).
        description: What the channel is.
        language: A BCP 47 tag.
        image: The channel's image URL.
        updated: When the newest item changed: derived from the data, never
            the clock.
        items: The items, newest first.

    .. versionadded:: 0.1.0
    """

    title: str
    link: str
    feed_url: str
    description: str
    language: str | None = None
    image: str | None = None
    updated: dt.datetime = attrs.field(validator=_aware)
    items: tuple[NewsItem, ...] = ()


# -- text safety --------------------------------------------------------------

#: Text safety: see :func:`showfacts._text.publishable`, the one rule every
#: output follows.  ``xml_safe`` is its name here.
xml_safe = publishable


#: Safe text on one line: runs of white space become one space.
_inline = inline

#: Safe inline text, escaped for HTML text and attributes.
_e = escaped


def _name(text: str | None, fallback: str) -> str:
    """Safe inline text, or the fallback when nothing printable is left."""
    return inline(text) or fallback


# -- dates --------------------------------------------------------------------

_UTC = dt.timezone.utc

#: The ``updated`` date of a feed with no items: the Unix epoch, a fixed
#: value, so an empty feed is as reproducible as any other.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)


def _start(date: FuzzyDate | None) -> dt.datetime | None:
    """
    00:00 UTC on a date's news day; None if it has none.

    The news day (:attr:`FuzzyDate.news_day`) is the latest day a fuzzy
    date allows, so news is never dated before its source could have been
    published; an open end counts from its first day.
    """
    if date is None:
        return None
    day = date.news_day
    if day is None:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=_UTC)


def _first_published(sources: Iterable[Source]) -> dt.datetime | None:
    dates = [d for s in sources if (d := _start(s.published)) is not None]
    return min(dates, default=None)


def publication_date(show: Show, fact: Fact) -> dt.datetime | None:
    """
    When the news of a fact broke, for feeds.

    The fact's ``announced`` date; without one, the earliest ``published``
    date of the sources it cites; without one, for a *confirmed* event
    known to the day, month or year (a premiere that happened, an episode
    that aired), the event's own date, since such an event is news when it
    happens; without any of these, ``None`` (the fact is left out of
    feeds, and ``showfacts lint`` says so).  A fuzzy date counts from its
    news day (:attr:`~showfacts.dates.FuzzyDate.news_day`): the last day
    it allows (``2025-07/2025-12`` is 31 December 2025, ``../2025-10-29``
    is 29 October 2025), or the first day of an open end (``2025-10/..``),
    at 00:00 UTC; the item then says the date in the source's words.

    Args:
        show: The show the fact belongs to.
        fact: One of its facts.

    Returns:
        A time-zone aware datetime in UTC, or ``None``.

    .. versionadded:: 0.1.0
    """
    announced = _start(fact.announced)
    if announced is not None:
        return announced
    published = _first_published(show.cited(fact))
    if published is not None or not fact.confirmed:
        return published
    own = fact_date(fact)
    return _start(own) if own is not None and own.is_exact else None


def fact_date(fact: Fact) -> FuzzyDate | None:
    """
    The date a fact is about: a milestone's, a plan's, an episode's.

    .. versionadded:: 0.1.0
    """
    if isinstance(fact, (Milestone, ReleasePlan)):
        return fact.date
    if isinstance(fact, Episode):
        return fact.air_date
    return None


def _retraction_date(show: Show, fact: Fact) -> dt.datetime | None:
    retraction = fact.retracted
    if retraction is None:
        return None
    when = _start(retraction.date)
    if when is not None:
        return when
    return _first_published(show.source(s) for s in retraction.sources)


def _when(date: FuzzyDate) -> str:
    """
    A date as readers see it: :meth:`FuzzyDate.label`, on one line.

    The source's words with the normalised date ("Christmas Day (December
    25, 2025)", "next year (2026)"), since a feed is read long after.
    """
    return _inline(date.label()) or date.describe()


def _is_day(date: FuzzyDate) -> bool:
    iso = date.iso()
    return iso is not None and len(iso) == 10


# -- kinds --------------------------------------------------------------------

#: Every kind of news item: the milestone kinds, then ``release_plan``,
#: ``cast``, ``crew`` and ``tease``.
NEWS_KINDS = (
    *(k.value for k in MilestoneKind),
    "release_plan",
    "cast",
    "crew",
    "tease",
    "award",
    "episode",
)

_KIND_LABELS = {
    "in_development": "development",
    "renewed": "renewal",
    "writing_started": "writing",
    "casting_announced": "casting",
    "filming_started": "filming",
    "filming_wrapped": "filming",
    "trailer_released": "trailer",
    "premiere": "premiere",
    "part_release": "release",
    "finale": "finale",
    "cancelled": "cancellation",
    "ended": "ending",
    "final_season": "final season",
    "release_plan": "release",
    "cast": "cast",
    "crew": "crew",
    "tease": "tease",
    "award": "award",
    "episode": "episode",
}

#: For each milestone kind: the verb of a headline, the noun of an update,
#: and whether the date goes into the headline.
_MILESTONE_WORDS: dict[MilestoneKind, tuple[str, str, bool]] = {
    MilestoneKind.IN_DEVELOPMENT: ("enters development", "development",
                                   True),
    MilestoneKind.RENEWED: ("renewed", "renewal", False),
    MilestoneKind.WRITING_STARTED: ("starts writing", "writing start", True),
    MilestoneKind.CASTING_ANNOUNCED: ("casting announced", "casting", True),
    MilestoneKind.FILMING_STARTED: ("starts filming", "filming start", True),
    MilestoneKind.FILMING_WRAPPED: ("wraps filming", "filming wrap", True),
    MilestoneKind.TRAILER_RELEASED: ("trailer released", "trailer", True),
    MilestoneKind.PREMIERE: ("premieres", "premiere", True),
    MilestoneKind.PART_RELEASE: ("releases", "release", True),
    MilestoneKind.FINALE: ("finale airs", "finale", True),
    MilestoneKind.CANCELLED: ("cancelled", "cancellation", False),
    MilestoneKind.ENDED: ("ends", "end", True),
    MilestoneKind.FINAL_SEASON: ("is the final season", "final season",
                                 False),
}


#: The kind of news of each milestone kind, and of each other collection.
_MILESTONE_KINDS = {k: k.value for k in MilestoneKind}
_COLLECTION_KINDS = {
    "release_plans": "release_plan",
    "cast": "cast",
    "crew": "crew",
    "teases": "tease",
    "episodes": "episode",
    "additional_cast": "cast",
    "awards": "award",
}


def _kind(ref: FactRef) -> str:
    fact = ref.fact
    if isinstance(fact, Milestone):
        return _MILESTONE_KINDS[fact.kind]
    return _COLLECTION_KINDS[ref.collection]


#: The collections whose facts are news, in the order a show lists them.
_NEWS_COLLECTIONS = ("milestones", "release_plans", "cast", "crew", "teases",
                     "additional_cast", "awards")


_STATUS_WORDS = {
    ShowStatus.IN_DEVELOPMENT: "is in development",
    ShowStatus.PILOT: "is at the pilot stage",
    ShowStatus.PLANNED: "is ordered to series",
    ShowStatus.IN_PRODUCTION: "is in production",
    ShowStatus.RETURNING: "is returning",
    ShowStatus.UNDETERMINED: "awaits a decision on its future",
    ShowStatus.ENDED: "has ended",
    ShowStatus.CANCELLED: "is cancelled",
    ShowStatus.AIRING: "is airing",
    ShowStatus.BETWEEN_PARTS: "is between parts of a season",
    ShowStatus.ENDING: "is ending",
}

_RELATION_WORDS = {
    RelationKind.SPIN_OFF_OF: "is a spin-off of",
    RelationKind.SAME_FRANCHISE: "shares a franchise with",
    RelationKind.CROSSOVER_WITH: "crosses over with",
    RelationKind.PREQUEL_OF: "is a prequel to",
    RelationKind.SEQUEL_OF: "is a sequel to",
}


@attrs.frozen(kw_only=True)
class Statement:
    """
    What a fact says, in words, without how sure it is.

    Attributes:
        text: One sentence, e.g. "Ballard Season 2 renewed October 2025".
        details: Labelled extras: ``(("Location", "Los Angeles"),)``.
        spoiler: For a spoiler tease, the text to hide until asked.
        url: A link the fact carries (a trailer), if any.

    .. versionadded:: 0.1.0
    """

    text: str
    details: tuple[tuple[str, str], ...] = ()
    spoiler: str | None = None
    url: str | None = None


def statement(show: Show, ref: FactRef, site: Site) -> Statement:
    """
    What one fact of a show says, in the words feeds use.

    Every kind of fact has words, statuses, relations, adaptations and
    episodes included.

    .. versionadded:: 0.1.0
    """
    item = _Words(show, site).describe(ref)
    return Statement(text=item.core, details=item.details,
                     spoiler=item.hidden, url=item.url)


def _and(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _episodes(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return ""
    word = "episode" if len(numbers) == 1 else "episodes"
    return f"{word} {_and([str(n) for n in sorted(numbers)])}"


def _said(item: _Item, fact: Fact) -> _Item:
    """An item with its fact's public qualifier and attribution."""
    if fact.qualifier is None and fact.attribution is None:
        return item
    details = item.details
    who = _wording.attribution(fact)
    if who is not None:
        details = (*details, ("Said by", who))
    return attrs.evolve(
        item, core=_wording.qualified(item.core, fact), details=details
    )


def _certainty_sentence(certainty: Certainty) -> str:
    if certainty is Certainty.CONFIRMED:
        return "Confirmed."
    return f"{certainty.word.capitalize()}, not confirmed."


# -- the words of one show ----------------------------------------------------


@attrs.frozen
class _Item:
    """What one fact says, before it becomes a NewsItem."""

    core: str
    details: tuple[tuple[str, str], ...] = ()
    url: str | None = None
    hidden: str | None = None


class _Words:
    """
    Turns the facts of one show into headlines and sentences.

    One is made for each call (a feed, a statement), and remembers what it
    works out for that call only: names, subjects, what each fact says,
    publication dates, dates and citations, which many items share.
    """

    __slots__ = (
        "_cited",
        "_described",
        "_labels",
        "_names",
        "_places",
        "_published",
        "_source_starts",
        "_starts",
        "_subjects",
        "fiction",
        "show",
        "site",
        "title",
    )

    def __init__(self, show: Show, site: Site) -> None:
        self.show = show
        self.site = site
        self.title = _name(show.title, show.id)
        #: A fictional show's note: its sentence and its paragraph.
        self.fiction: tuple[str, str] | None = None
        if show.fictional:
            note = f"{self.title} is a fictional show, not a real one."
            self.fiction = (note, f"<p><em>{_e(note)}</em></p>")
        self._subjects: dict[int | None, str] = {None: self.title}
        self._names: dict[tuple[str, str], str] = {}
        self._described: dict[str, _Item] = {}
        self._published: dict[str, dt.datetime | None] = {}
        self._starts: dict[FuzzyDate, dt.datetime | None] = {}
        self._source_starts: dict[str, dt.datetime | None] = {}
        self._labels: dict[FuzzyDate, str] = {}
        self._cited: dict[tuple[str, tuple[str, ...]], str] = {}
        self._places: dict[
            tuple[int | None, str, bool],
            tuple[str, str | None, tuple[str, ...]],
        ] = {}

    # -- names ----------------------------------------------------------------

    def season_name(self, season: Season) -> str:
        title = _inline(season.title)
        if title:
            return title
        return "Specials" if season.number == 0 else f"Season {season.number}"

    def subject(self, ref: FactRef) -> str:
        number = ref.season
        try:
            return self._subjects[number]
        except KeyError:
            pass
        assert number is not None  # noqa: S101 - None is always known
        subject = f"{self.title} {self.season_name(self.show.season(number))}"
        self._subjects[number] = subject
        return subject

    def _name_of(self, kind: str, item_id: str) -> str:
        """A person's, character's, organization's or work's name."""
        key = (kind, item_id)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = self._find_name(kind, item_id)
        return name

    def _find_name(self, kind: str, item_id: str) -> str:
        show = self.show
        try:
            if kind == "person":
                return _name(show.person(item_id).name, item_id)
            if kind == "organization":
                return _name(show.organization(item_id).name, item_id)
            if kind == "work":
                return _name(show.work(item_id).title, item_id)
            names = show.character(item_id).names
        except KeyError:
            return item_id
        return " / ".join(
            n for n in (_inline(n) for n in names) if n
        ) or item_id

    def person(self, person_id: str) -> str:
        return self._name_of("person", person_id)

    def character(self, character_id: str) -> str:
        return self._name_of("character", character_id)

    def organization(self, org_id: str) -> str:
        return self._name_of("organization", org_id)

    def work(self, work_id: str) -> str:
        return self._name_of("work", work_id)

    # -- dates and sources ----------------------------------------------------

    def start(self, date: FuzzyDate | None) -> dt.datetime | None:
        """:func:`_start`, worked out once for each date."""
        if date is None:
            return None
        try:
            return self._starts[date]
        except KeyError:
            pass
        when = self._starts[date] = _start(date)
        return when

    def when(self, date: FuzzyDate) -> str:
        """:func:`_when`, worked out once for each date."""
        try:
            return self._labels[date]
        except KeyError:
            pass
        label = self._labels[date] = _when(date)
        return label

    def published(self, fact: Fact) -> dt.datetime | None:
        """:func:`publication_date`, worked out once for each fact."""
        try:
            return self._published[fact.id]
        except KeyError:
            pass
        when = self.start(fact.announced)
        if when is None:
            when = self.first_published(fact.sources)
            if when is None and fact.confirmed:
                own = fact_date(fact)
                when = (
                    self.start(own) if own is not None and own.is_exact
                    else None
                )
        self._published[fact.id] = when
        return when

    def dated_by(self, fact: Fact) -> tuple[str, FuzzyDate] | None:
        """
        The date a fact's item is dated by, with what it is, in words.

        ``("Announced", date)``, ``("Source published", date)`` or
        ``("Happened", date)``, as :meth:`published` chose it.
        """
        if self.start(fact.announced) is not None:
            assert fact.announced is not None  # noqa: S101
            return "Announced", fact.announced
        when = self.first_published(fact.sources)
        if when is not None:
            for source in fact.sources:
                date = self.show.source(source).published
                if date is not None and self.start(date) == when:
                    return "Source published", date
        own = fact_date(fact)
        if own is not None and fact.confirmed and own.is_exact:
            return "Happened", own
        return None  # pragma: no cover - only called for dated facts

    def first_published(self, source_ids: Iterable[str]) -> (
        dt.datetime | None
    ):
        """The earliest ``published`` date of these sources."""
        dates = [
            d for s in source_ids if (d := self.source_start(s)) is not None
        ]
        return min(dates, default=None)

    def source_start(self, source_id: str) -> dt.datetime | None:
        """When a source was published, as :func:`_start` gives it."""
        try:
            return self._source_starts[source_id]
        except KeyError:
            pass
        when = self._source_starts[source_id] = _start(
            self.show.source(source_id).published
        )
        return when

    def sources_html(self, heading: str, source_ids: tuple[str, ...]) -> str:
        """The list of sources an item cites, under a heading."""
        key = (heading, source_ids)
        html = self._cited.get(key)
        if html is None:
            html = self._cited[key] = _sources_html(
                heading, (self.show.source(s) for s in source_ids)
            )
        return html

    def place(self, ref: FactRef, kind: str, spoiler: bool) -> tuple[
        str, str | None, tuple[str, ...]
    ]:
        """An item's link, image and categories, which many items share."""
        key = (ref.season, kind, spoiler)
        place = self._places.get(key)
        if place is None:
            place = self._places[key] = self._place(ref, kind, spoiler)
        return place

    def _place(self, ref: FactRef, kind: str, spoiler: bool) -> tuple[
        str, str | None, tuple[str, ...]
    ]:
        show, site = self.show, self.site
        season = show.season(ref.season) if ref.season is not None else None
        link = (
            site.season_url(show.id, ref.season) if ref.season is not None
            else site.show_url(show.id)
        )
        categories = [self.title]
        if season is not None:
            categories.append(self.subject(ref))
        categories.append(_KIND_LABELS[kind])
        if spoiler:
            categories.append("spoiler")
        image = (
            season.image if season is not None and season.image
            else show.image
        )
        return link, image, tuple(dict.fromkeys(categories))

    # -- what a fact says -----------------------------------------------------

    def describe(self, ref: FactRef) -> _Item:
        """What a fact says, worked out once for each fact."""
        said = self._described.get(ref.fact.id)
        if said is None:
            said = self._described[ref.fact.id] = _said(
                self._describe(ref), ref.fact
            )
        return said

    def _describe(self, ref: FactRef) -> _Item:
        fact = ref.fact
        subject = self.subject(ref)
        if isinstance(fact, Milestone):
            return self.milestone(subject, fact)
        if isinstance(fact, ReleasePlan):
            return self.release_plan(subject, fact)
        if isinstance(fact, CastCredit):
            return self.cast(subject, fact)
        if isinstance(fact, CrewCredit):
            return self.crew(subject, fact)
        if isinstance(fact, Tease):
            return self.tease(subject, fact)
        if isinstance(fact, StatusFact):
            status = _STATUS_WORDS[fact.status]
            return _Item(core=f"{subject} {status}")
        if isinstance(fact, Relation):
            if fact.work is not None or fact.kind not in _RELATION_WORDS:
                return _Item(core=pw.relation_statement(
                    fact, self.show, subject, self.name))
            other = _name(fact.title, fact.show or "")
            relation = _RELATION_WORDS[fact.kind]
            return _Item(core=f"{subject} {relation} {other}")
        if isinstance(fact, Adaptation):
            work = self.source_work(fact)
            return _Item(core=f"{subject} is based on {work}")
        if isinstance(fact, Award):
            return _Item(core=pw.award_statement(fact, self.show, subject,
                                                 self.name))
        if isinstance(fact, AdditionalCast):
            return _Item(core=pw.additional_cast_statement(
                fact, subject, self.name))
        if isinstance(fact, Episode):
            return self.episode(subject, fact)
        msg = f"no words for a {type(fact).__name__}"  # pragma: no cover
        raise TypeError(msg)  # pragma: no cover

    def name(self, kind: str, item_id: str) -> str:
        """A name of that kind, for :mod:`showfacts._people_words`."""
        return self._name_of(kind, item_id)

    def source_work(self, fact: Adaptation) -> str:
        """'Renée Ballard, a book series by Michael Connelly'."""
        title = self.work(fact.work)
        try:
            work = self.show.work(fact.work)
        except KeyError:
            return title
        kind = work.kind.value.replace("_", " ")
        authors = _and([pw.author_name(self.show, a, self.name)
                        for a in work.authors])
        article = "an" if kind[0] in "aeiou" else "a"
        by = f" by {authors}" if authors else ""
        return f"{title}, {article} {kind}{by}"

    def episode(self, subject: str, fact: Episode) -> _Item:
        title = _inline(fact.title)
        core = f"{subject} {_inline(fact.label)}"
        if title and fact.number is not None:
            core += f", “{title}”"
        if fact.finale:
            core += " (the finale)"
        if fact.next:
            core = f"Next: {core}"
            if fact.air_date is not None:
                core += f", {self.when(fact.air_date)}"
            core += in_region(fact.region)
        details: list[tuple[str, str]] = []
        if fact.air_date is not None:
            details.append(("Airs", self.when(fact.air_date)))
        if fact.runtime:
            details.append(("Runtime", f"{fact.runtime} minutes"))
        if fact.platform is not None:
            details.append(("Platform", self.organization(fact.platform)))
        return _Item(core=core, details=tuple(details))

    def milestone(self, subject: str, fact: Milestone) -> _Item:
        verb, _, dated = _MILESTONE_WORDS[fact.kind]
        if fact.kind is MilestoneKind.PART_RELEASE:
            verb = f"Part {fact.part} releases" if fact.part else (
                "part releases"
            )
            if fact.part_name:
                verb = f"{_inline(part_label(fact))} releases"
        details: list[tuple[str, str]] = []
        if fact.date is None:
            core = f"{subject} {verb}"
            if dated:
                core += ", date not yet known"
        elif dated:
            core = f"{subject} {verb} {self.when(fact.date)}"
        else:
            core = f"{subject} {verb}"
            details.append(("Date", self.when(fact.date)))
        core += in_region(fact.region)
        episodes = episodes_phrase(fact)
        if episodes:
            details.append(("Episodes", episodes))
        if fact.time is not None:
            zone = _inline(fact.timezone)
            details.append(("Time", f"{fact.time} {zone}".strip()))
        if fact.platform is not None:
            details.append(("Platform", self.organization(fact.platform)))
        location = _inline(fact.location)
        if location:
            details.append(("Location", location))
        detail = _inline(fact.detail)
        if detail:
            details.append(("Detail", detail))
        return _Item(core=core, details=tuple(details), url=fact.url)

    def release_plan(self, subject: str, fact: ReleasePlan) -> _Item:
        episodes = (
            f"all {fact.episodes} episodes" if fact.episodes else
            "all episodes"
        )
        phrases = {
            ReleasePattern.ALL_AT_ONCE: f"releases {episodes} at once",
            ReleasePattern.WEEKLY: "releases weekly",
            ReleasePattern.IN_PARTS: f"releases in {fact.parts} parts"
            if fact.parts else "releases in parts",
            ReleasePattern.BATCH_THEN_WEEKLY:
                f"releases {fact.initial_episodes} episodes, then weekly"
                if fact.initial_episodes else
                "releases a batch of episodes, then weekly",
        }
        words = [phrases[fact.pattern] if fact.pattern else "releases"]
        if fact.platform is not None:
            words.append(f"on {self.organization(fact.platform)}")
        if fact.date is not None:
            words.append(f"from {self.when(fact.date)}")
        core = (
            f"{subject} release plan announced" if words == ["releases"]
            else f"{subject} {' '.join(words)}"
        )
        details: list[tuple[str, str]] = []
        schedule = schedule_phrase(fact)
        if schedule:
            details.append(("Schedule", _inline(schedule)))
        if fact.region is not None:
            details.append(("Region", region_name(fact.region)))
        if fact.episodes and fact.pattern is not ReleasePattern.ALL_AT_ONCE:
            details.append(("Episodes", str(fact.episodes)))
        if fact.initial_episodes and (
            fact.pattern is not ReleasePattern.BATCH_THEN_WEEKLY
        ):
            details.append(("First day", f"{fact.initial_episodes} episodes"))
        if fact.parts and fact.pattern is not ReleasePattern.IN_PARTS:
            details.append(("Parts", str(fact.parts)))
        return _Item(core=core, details=tuple(details))

    def cast(self, subject: str, fact: CastCredit) -> _Item:
        person = self.person(fact.person)
        names = _and([self.character(c) for c in fact.characters])
        role = _wording.role(fact, names)
        gone = pw.gone_statement(fact, subject, names, person)
        if gone is not None:
            core = gone
        elif fact.status is CastStatus.RETURNING:
            core = (
                f"{person} returns {role} in {subject}" if role
                else f"{person} returns to {subject}"
            )
        elif fact.status is CastStatus.NEW:
            core = (
                f"{person} joins {subject} {role}" if role
                else f"{person} joins the cast of {subject}"
            )
        elif fact.status is CastStatus.RECAST:
            core = (
                f"{person} takes over {role}"
                f"{pw.recast_from(fact, self.show, self.name)} in {subject}"
                if role and not fact.undisclosed
                else f"{person} takes over a role"
                f"{pw.recast_from(fact, self.show, self.name)} in {subject}"
            )
        elif fact.status is CastStatus.DEPARTING:
            core = f"{person} leaves {subject}"
            if names:
                core += f" ({names})"
        else:
            core = (
                f"{person} cast {role} in {subject}" if role
                else f"{person} is in the cast of {subject}"
            )
        notes = [
            w for w in (_wording.billing(fact), _episodes(fact.episodes))
            if w
        ]
        if notes:
            core += f" ({', '.join(notes)})"
        return _Item(core=core)

    def crew(self, subject: str, fact: CrewCredit) -> _Item:
        person = self.person(fact.person)
        changed = pw.crew_statement(fact, subject, person)
        if changed is not None:
            episodes = _episodes(fact.episodes)
            return _Item(core=changed + (f" ({episodes})" if episodes
                                         else ""))
        phrases = {
            CrewRole.SHOWRUNNER: f"{person} is showrunner of {subject}",
            CrewRole.CREATOR: f"{person} created {subject}",
            CrewRole.DEVELOPER: f"{person} developed {subject}",
            CrewRole.WRITER: f"{person} writes for {subject}",
            CrewRole.DIRECTOR: f"{person} directs {subject}",
            CrewRole.EXECUTIVE_PRODUCER:
                f"{person} is executive producer of {subject}",
            CrewRole.PRODUCER: f"{person} is a producer of {subject}",
            CrewRole.SOURCE_AUTHOR:
                f"{subject} is based on {self.work(fact.work)} by {person}"
                if fact.work else f"{subject} is based on work by {person}",
        }
        core = phrases[fact.role]
        episodes = _episodes(fact.episodes)
        if episodes:
            core += f" ({episodes})"
        return _Item(core=core)

    def tease(self, subject: str, fact: Tease) -> _Item:
        text = _inline(fact.text)
        if fact.spoiler:
            return _Item(core=f"{subject} plot point", hidden=text)
        if text.endswith(".") and not text.endswith(".."):
            text = text[:-1].rstrip()
        return _Item(core=f"{subject} tease: {text}" if text else (
            f"{subject} tease"
        ))

    # -- changes --------------------------------------------------------------

    def change(self, old: FactRef, new: FactRef) -> str:
        """What changed from ``old`` to the fact that supersedes it."""
        a, b = old.fact, new.fact
        if isinstance(a, (Milestone, ReleasePlan)) and isinstance(
            b, type(a)
        ):
            noun = "release"
            if isinstance(a, Milestone) and isinstance(b, Milestone):
                noun = self.milestone_noun(a, b)
            subject = self.subject(new)
            if a.date is not None and b.date is not None:
                moved = _moved(a.date, b.date)
                if moved:
                    what = "date" if _is_day(a.date) else "window"
                    return (
                        f"{subject} {noun} {what} {moved} from "
                        f"{self.when(a.date)} to {self.when(b.date)}"
                    )
            elif a.date is None and b.date is not None:
                return f"{subject} {noun} date set: {self.when(b.date)}"
            elif a.date is not None and b.date is None:
                return (
                    f"{subject} {noun} date no longer known (was "
                    f"{self.when(a.date)})"
                )
        before, after = self.describe(old).core, self.describe(new).core
        if before != after:
            return f"{after} (was: {before})"
        if a.certainty is not b.certainty:
            return f"{after}, now {b.certainty.word} (was {a.certainty.word})"
        return f"{after} (updated)"

    def milestone_noun(self, a: Milestone, b: Milestone) -> str:
        if b.kind is MilestoneKind.PART_RELEASE:
            if b.part_name:
                return f"{_inline(part_label(b))} release"
            return f"Part {b.part} release" if b.part else "part release"
        if a.kind is not b.kind:
            return "date"
        return _MILESTONE_WORDS[b.kind][1]


def _moved(a: FuzzyDate, b: FuzzyDate) -> str | None:
    """How ``b`` differs from ``a``: narrowed, widened, moved, or None."""
    if (a.earliest, a.latest) == (b.earliest, b.latest):
        return None
    if a.earliest <= b.earliest and b.latest <= a.latest:
        return "narrowed"
    if b.earliest <= a.earliest and a.latest <= b.latest:
        return "widened"
    return "moved"


def _prefix(certainty: Certainty, state: str | None, spoiler: bool) -> str:
    """
    The start of a headline: state, spoiler mark and certainty.

    "Expected: ", "Spoiler (expected): ", "Retracted (rumored): ", "".
    """
    marks = [m for m in (state, "spoiler" if spoiler else None) if m]
    label = ", ".join(marks).capitalize()
    if certainty is Certainty.CONFIRMED:
        return f"{label}: " if label else ""
    word = certainty.word
    return f"{label} ({word}): " if label else f"{word.capitalize()}: "


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in ".!?" else text + "."


# -- sources ------------------------------------------------------------------


def _cite(source: Source) -> str:
    title = _e(_name(source.title, source.id))
    head = (
        f'<a href="{_e(source.url)}">{title}</a>' if source.url
        else f"<cite>{title}</cite>"
    )
    about = [
        _e(t) for t in (
            source.publisher, source.author,
            _when(source.published) if source.published else None,
            _wording.via(source),
        ) if _inline(t)
    ]
    if about:
        head += f" ({', '.join(about)})"
    quote = _inline(source.quote)
    if quote:
        head += f"<blockquote><p>{_e(quote)}</p></blockquote>"
    return f"<li>{head}</li>"


def _sources_html(heading: str, sources: Iterable[Source]) -> str:
    items = "".join(_cite(s) for s in sources)
    return f"<p>{heading}</p><ul>{items}</ul>" if items else ""


# -- items --------------------------------------------------------------------


def _refs(show: Show) -> Iterable[FactRef]:
    return (r for r in show.facts() if r.collection in _NEWS_COLLECTIONS
            or (isinstance(r.fact, Episode) and r.fact.next))


def items_for_show(
    show: Show, site: Site, *, spoilers: bool = True
) -> tuple[NewsItem, ...]:
    """
    Every piece of news a show's data holds, newest first.

    Milestones, release plans, cast and crew credits and teases each give
    one item, current or not: a fact that supersedes another is an update
    item saying what changed; a superseded or retracted fact keeps its item
    and its guid, with a title that says so.  Facts without a publication
    date (see :func:`publication_date`) are left out.

    Args:
        show: The show.
        site: The addresses of guids and links.
        spoilers: ``False`` leaves out items that give away plot points.

    Returns:
        The items, newest first, ties broken by guid.

    .. versionadded:: 0.1.0
    """
    words = _Words(show, site)
    items = []
    for ref in _refs(show):
        item = _item(words, ref)
        if item is not None and (spoilers or not item.spoiler):
            items.append(item)
    return _newest_first(items)


_by_guid = operator.attrgetter("guid")
_by_published = operator.attrgetter("published")


def _newest_first(items: Iterable[NewsItem]) -> tuple[NewsItem, ...]:
    by_guid = sorted(items, key=_by_guid)
    return tuple(sorted(by_guid, key=_by_published, reverse=True))


#: Every headline prefix, by certainty, state and spoiler mark.
_PREFIXES = {
    (certainty, state, spoiler): _prefix(certainty, state, spoiler)
    for certainty in Certainty
    for state in (None, "retracted", "superseded")
    for spoiler in (False, True)
}

#: The closing sentence of a summary, and its paragraph in the content,
#: by certainty.
_HOW_SURE = {
    certainty: (
        _certainty_sentence(certainty),
        f"<p>How sure: <strong>{_e(certainty.word)}</strong>"
        + ("" if certainty is Certainty.CONFIRMED else " (not confirmed)")
        + ".</p>",
    )
    for certainty in Certainty
}


def _item(words: _Words, ref: FactRef) -> NewsItem | None:
    show, site, fact = words.show, words.site, ref.fact
    published = words.published(fact)
    if published is None:
        return None
    said = words.describe(ref)
    spoiler = isinstance(fact, Tease) and fact.spoiler
    certainty = fact.certainty

    previous = _replaced(show, fact)
    replaced_by = show.superseded_by(fact.id)
    state = (
        "retracted" if fact.retracted is not None
        else "superseded" if replaced_by else None
    )
    headline = said.core
    if previous is not None:
        headline = words.change(show.ref(previous.id), ref)
        caveat = _inline(fact.qualifier)
        if caveat and caveat not in headline:
            headline = _wording.qualified(headline, fact)
    title = _PREFIXES[certainty, state, spoiler] + headline

    changed: list[dt.datetime] = []
    first = _sentence(headline)
    summary = [first]
    body = [f"<p>{_e(first)}</p>"]
    if said.hidden is not None:
        summary.append(
            "It gives away a plot point: the text is in the content, "
            "after a warning."
        )
        body.append(
            "<p><strong>Spoiler warning:</strong> this gives away a plot "
            "point.</p><details><summary>Show the spoiler</summary>"
            f"<p>{_e(said.hidden)}</p></details>"
        )
    if said.details:
        summary.extend(_sentence(f"{k}: {v}") for k, v in said.details)
        body.append("<ul>" + "".join(
            f"<li>{_e(k)}: {_e(v)}</li>" for k, v in said.details
        ) + "</ul>")
    if said.url:
        body.append(f'<p>Link: <a href="{_e(said.url)}">{_e(said.url)}</a>'
                    "</p>")
    sentence, paragraph = _HOW_SURE[certainty]
    summary.append(sentence)
    body.append(paragraph)
    basis = words.dated_by(fact)
    if basis is not None and not _is_day(basis[1]):
        # The feed's date is a day the rule derived; say the source's own.
        text = f"{basis[0]} {words.when(basis[1])}."
        summary.append(text)
        body.append(f"<p>{_e(text)}</p>")

    if previous is not None:
        if previous.certainty is not certainty:
            move = "raised" if certainty > previous.certainty else (
                "lowered"
            )
            text = (
                f"Certainty {move} from {previous.certainty.word} to "
                f"{certainty.word}."
            )
            summary.append(text)
            body.append(f"<p>{_e(text)}</p>")
        body.append("<p>Earlier versions:</p><ol>" + "".join(
            f"<li>{_e(_version(words, f))}</li>"
            for f in show.history(fact.id)[:-1]
        ) + "</ol>")

    for newer in replaced_by:
        text = f"Superseded by: {_version(words, newer)}"
        summary.append(_sentence(text))
        body.append(f"<p>{_e(_sentence(text))}</p>")
        when = words.published(newer)
        if when is not None:
            changed.append(when)

    if fact.retracted is not None:
        when = _retraction_date(show, fact)
        text = "Retracted"
        if fact.retracted.date is not None:
            text += f" {words.when(fact.retracted.date)}"
        reason = _inline(fact.retracted.reason)
        text = f"{text}: {reason}" if reason else text
        summary.append(_sentence(text))
        body.append(f"<p>{_e(_sentence(text))}</p>")
        body.append(words.sources_html("Sources of the retraction:",
                                       fact.retracted.sources))
        if when is not None:
            changed.append(when)

    body.append(words.sources_html("Sources:", fact.sources))
    if words.fiction is not None:
        note, note_html = words.fiction
        summary.append(note)
        body.append(note_html)

    updated = max(changed, default=None)
    if updated is not None and updated < published:
        updated = published
    kind = _kind(ref)
    link, image, categories = words.place(ref, kind, spoiler)
    image = pw.fact_image(show, fact) or image
    return NewsItem(
        guid=site.fact_iri(show.id, fact.id),
        title=_inline(title),
        summary=_inline(" ".join(filter(None, summary))),
        content_html=xml_safe("\n".join(filter(None, body))),
        published=published,
        updated=updated,
        link=link,
        categories=categories,
        show=show.id,
        season=ref.season,
        kind=kind,
        certainty=certainty,
        spoiler=spoiler,
        image=image,
    )


def _replaced(show: Show, fact: Fact) -> Fact | None:
    """The fact this one replaces; of several, the most trustworthy."""
    earlier = [show.fact(i) for i in fact.supersedes]
    return best(earlier) if len(earlier) > 1 else (
        earlier[0] if earlier else None
    )


def _version(words: _Words, fact: Fact) -> str:
    """One earlier or later version of a fact, with its certainty and date."""
    ref = words.show.ref(fact.id)
    text = f"{words.describe(ref).core} ({fact.certainty.word}"
    basis = words.dated_by(fact) if words.published(fact) else None
    if basis is not None:
        # The date as given, never a day the feed's rule derived.
        date = basis[1]
        text += f", {date.iso() or words.when(date)}"
    return text + ")"


# -- feeds --------------------------------------------------------------------


def _certainty(value: Certainty | str | None) -> Certainty | None:
    if value is None or isinstance(value, Certainty):
        return value
    try:
        return Certainty(value)
    except ValueError:
        raise InputError(
            f"{value!r} is not a certainty; use one of "
            f"{', '.join(c.value for c in Certainty)}"
        ) from None


def _names(shows: Iterable[Show]) -> str:
    """The shows' titles in a list that stops after ten."""
    names = [_name(s.title, s.id) for s in shows]
    if len(names) > 10:
        return ", ".join(names[:10]) + f" and {len(names) - 10} more"
    return _and(names)


def build_feed(
    source: Show | Catalog,
    site: Site,
    fmt: Literal["rss", "atom", "json"],
    *,
    show: str | None = None,
    season: int | None = None,
    kinds: Iterable[str] | None = None,
    min_certainty: Certainty | CertaintyName | None = None,
    limit: int | None = None,
    spoilers: bool = True,
    computed: Sequence[NewsItem] | None = None,
) -> Feed:
    """
    The feed of a show, of one of its seasons, or of a whole catalog.

    Items are newest first (ties broken by guid), filtered, then cut to
    ``limit``.  ``updated`` is the newest ``published`` or ``updated`` date
    of the items kept, or :data:`EPOCH` when there are none: never the
    clock.

    Args:
        source: A show, or a catalog of shows.
        site: The addresses of guids, links and the feed itself.
        fmt: The format the feed will be written in (``rss``, ``atom`` or
            ``json``): it picks the feed's own address.
        show: With a catalog, the id of the one show to cover.
        season: Cover only this season of the show.
        kinds: Keep only items of these kinds (see :data:`NEWS_KINDS`).
        min_certainty: Keep only items at least this sure.
        limit: Keep at most this many items, the newest.
        spoilers: ``False`` leaves out items that give away plot points.
        computed: For a feed of one show, its items from
            :func:`items_for_show` (with the same ``site`` and
            ``spoilers``), when they were computed already.

    Returns:
        The feed.

    Raises:
        InputError: For an unknown format, show, season, kind or
            certainty, a season without one show, or a limit below 1.

    .. versionadded:: 0.1.0
    """
    if fmt not in FEED_FILES:
        raise InputError(
            f"unknown feed format {fmt!r}; use {', '.join(FEED_FILES)}"
        )
    target = _target(source, show)
    shows = (
        (target,) if target is not None
        else source.shows if isinstance(source, Catalog) else ()
    )
    if season is not None:
        if target is None:
            raise InputError(
                f"a season feed needs one show, not {len(shows)}; name "
                "the show"
            )
        numbers = [s.number for s in target.seasons]
        if season not in numbers:
            raise InputError(
                f"{target.id!r} has no season {season}; it has "
                f"{_and([str(n) for n in sorted(numbers)]) or 'none'}"
            )
    wanted = None if kinds is None else tuple(kinds)
    unknown = sorted(set(wanted or ()) - set(NEWS_KINDS))
    if unknown:
        raise InputError(
            f"unknown kind {', '.join(map(repr, unknown))}; use one of "
            f"{', '.join(NEWS_KINDS)}"
        )
    floor = _certainty(min_certainty)
    if limit is not None and (isinstance(limit, bool) or limit < 1):
        raise InputError(f"a limit must be 1 or more, not {limit!r}")

    def each(show: Show) -> Sequence[NewsItem]:
        if computed is not None and target is not None:
            return computed
        return items_for_show(show, site, spoilers=spoilers)

    items = [
        item
        for s in shows
        for item in each(s)
        if (season is None or item.season == season)
        and (wanted is None or item.kind in wanted)
        and (floor is None or item.certainty >= floor)
    ]
    kept = _newest_first(items)[:limit]
    updated = max(
        (d for i in kept for d in (i.published, i.updated) if d is not None),
        default=EPOCH,
    )

    show_id = None if target is None else target.id
    if target is None:
        title = "TV news"
        about = _names(shows) or "no shows yet"
        image = None
    elif season is None:
        title = about = _name(target.title, target.id)
        image = target.image
    else:
        season_ = target.season(season)
        words = _Words(target, site)
        about = f"{words.title} {words.season_name(season_)}"
        title = about
        image = season_.image or target.image
    description = [(
        f"Renewals, premiere dates, casting and teases for {about}, each "
        "marked with how sure it is."
    )]
    made_up = [s for s in shows if s.fictional]
    if len(made_up) == 1:
        description.append(f"{_names(made_up)} is a fictional show, not a "
                           "real one.")
    elif made_up:
        description.append(f"{_names(made_up)} are fictional shows, not "
                           "real ones.")
    if wanted is not None:
        description.append(
            "Only these kinds: "
            + ", ".join(k.replace("_", " ") for k in wanted) + "."
        )
    if floor is not None and floor is not Certainty.SPECULATIVE:
        description.append(f"Only news that is at least {floor.word}.")
    if not spoilers:
        description.append("Spoilers are left out.")
    if limit is not None:
        description.append(f"The {limit} newest items at most.")
    return Feed(
        title=f"{title} news" if target is not None else title,
        link=site.folder_url(show_id, season),
        feed_url=site.feed_url(fmt, show_id, season),
        description=" ".join(description),
        language="en",
        image=image,
        updated=updated,
        items=kept,
    )


def _target(source: Show | Catalog, show: str | None) -> Show | None:
    if isinstance(source, Show):
        if show is not None and show != source.id:
            raise InputError(f"the show is {source.id!r}, not {show!r}")
        return source
    if show is None:
        return None
    try:
        return source.show(show)
    except KeyError:
        raise InputError(
            f"no show {show!r}; the shows are "
            f"{', '.join(s.id for s in source.shows) or 'none'}"
        ) from None

