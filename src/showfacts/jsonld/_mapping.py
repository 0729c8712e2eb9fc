"""
The mapping of a show, a season or a catalog to schema.org nodes.

Only confirmed, current facts become typed statements; the rest are left
out, or published as claims (:mod:`showfacts.jsonld._claims`).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from showfacts import _people_words as pw
from showfacts.crosswalk import SCHEMA_ORG_STATUSES
from showfacts.dates import FuzzyDate, Precision
from showfacts.exceptions import RenderError
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.jsonld._claims import (
    _describe_plan,
    _season_label,
    _sentence,
    claim_text,
)
from showfacts.jsonld._graph import (
    _CANONICAL,
    F,
    JSONObject,
    Subject,
    _Graph,
    _one_or_all,
    _Options,
    _ref,
    _text,
)
from showfacts.models import (
    GONE,
    LEFT,
    AdditionalCast,
    Award,
    AwardOutcome,
    Billing,
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    CrewCredit,
    CrewRole,
    Episode,
    ExternalIds,
    FactRef,
    Milestone,
    MilestoneKind,
    OrgKind,
    Relation,
    RelationKind,
    ReleasePlan,
    Season,
    Show,
    Tease,
    WorkKind,
)
from showfacts.releases import (
    MAX_ORDINAL,
    episodes_phrase,
    format_words,
    part_label,
)
from showfacts.views import best


#: schema.org terms of the model's kinds, and the kinds that go together.
_BILLING = {
    Billing.MAIN: "main",
    Billing.RECURRING: "recurring",
    Billing.GUEST: "guest",
    Billing.SPECIAL_GUEST: "special guest",
    Billing.CROSSOVER: "crossover",
    Billing.VOICE: "voice",
}
_STATUS = {
    CastStatus.RETURNING: "returning",
    CastStatus.NEW: "new",
    CastStatus.RECAST: "recast",
    CastStatus.DEPARTING: "departing",
    CastStatus.NOT_RETURNING: "not returning",
    CastStatus.KILLED_OFF: "killed off",
}
_EVENT_TYPES = {
    OrgKind.STREAMER: "OnDemandEvent",
    OrgKind.NETWORK: "BroadcastEvent",
}
_WORK_TYPES = {
    WorkKind.BOOK: "Book",
    WorkKind.BOOK_SERIES: "BookSeries",
    WorkKind.COMIC: "ComicSeries",
    WorkKind.GAME: "VideoGame",
    WorkKind.SHOW: "TVSeries",
    WorkKind.FILM: "Movie",
    WorkKind.SPECIAL: "CreativeWork",
}
#: Relations that make the other show a source of this one.
_DERIVED_FROM = (
    RelationKind.SPIN_OFF_OF,
    RelationKind.PREQUEL_OF,
    RelationKind.SEQUEL_OF,
)
#: Relations that make the other show or work a source of this one, and
#: those that make this one a source of the other (``isBasedOn`` on the
#: other node).  Same franchise, same universe and crossovers have no
#: schema.org term: they are claims.
_SOURCE_OF_THIS = (*_DERIVED_FROM, RelationKind.ADAPTATION_OF)
_BASED_ON_THIS = (
    RelationKind.HAS_SPIN_OFF,
    RelationKind.HAS_PREQUEL,
    RelationKind.HAS_SEQUEL,
    RelationKind.ADAPTED_AS,
)
#: Crew roles that stay true once held: a creator who steps back still
#: created the show.
_LASTING_ROLES = (CrewRole.CREATOR, CrewRole.DEVELOPER,
                  CrewRole.SOURCE_AUTHOR)
_FILMING = (MilestoneKind.FILMING_STARTED, MilestoneKind.FILMING_WRAPPED)
#: Milestones that end a show.
_ENDINGS = (MilestoneKind.ENDED, MilestoneKind.FINALE)
#: How a crew credit is stated: the series' or season's property, and
#: the role name of the ``Role`` that holds the person (``None``: the
#: person is the value).  Source authors are authors of the work instead.
_CREW_PROPERTIES = {
    CrewRole.CREATOR: ("creator", None),
    CrewRole.DIRECTOR: ("director", None),
    CrewRole.DEVELOPER: ("creator", "developer"),
    CrewRole.WRITER: ("author", "writer"),
    CrewRole.SHOWRUNNER: ("producer", "showrunner"),
    CrewRole.EXECUTIVE_PRODUCER: ("producer", "executive producer"),
    CrewRole.PRODUCER: ("producer", None),
}

# Enum members the mapping compares every fact with, read once: on
# Python 3.11, reading a member from its class (``Certainty.CONFIRMED``)
# is a descriptor call that costs more than the rest of the test.
_CONFIRMED = Certainty.CONFIRMED
_PREMIERE = MilestoneKind.PREMIERE
_FINALE = MilestoneKind.FINALE
_PART = MilestoneKind.PART_RELEASE
_FINAL_SEASON = MilestoneKind.FINAL_SEASON
_SOURCE_AUTHOR = CrewRole.SOURCE_AUTHOR
_DAY = Precision.DAY


#: Where TMDb and TVmaze pages of a kind of thing are: their ids are
#: numbers, which say nothing of what they are the id of.
_NUMBERED_URLS = {
    "tv": ("https://www.themoviedb.org/tv/", "https://www.tvmaze.com/shows/"),
    "person": ("https://www.themoviedb.org/person/",
               "https://www.tvmaze.com/people/"),
    # Each service's pages by id, as it publishes them; ``None`` where it
    # has no page for that kind of thing (the id is then kept in the
    # data only).  TMDb seasons and episodes have pages by show and
    # number only.
    "season": (None, "https://www.tvmaze.com/seasons/"),
    "episode": (None, "https://www.tvmaze.com/episodes/"),
    "character": (None, "https://www.tvmaze.com/characters/"),
    "film": ("https://www.themoviedb.org/movie/", None),
    OrgKind.NETWORK.value: ("https://www.themoviedb.org/network/",
                            "https://www.tvmaze.com/networks/"),
    OrgKind.STREAMER.value: ("https://www.themoviedb.org/network/",
                             "https://www.tvmaze.com/webchannels/"),
    OrgKind.STUDIO.value: ("https://www.themoviedb.org/company/", None),
}
#: TheTVDB's pages by id: its dereferrer for series, seasons, episodes and
#: films, and its people pages.
_TVDB_URLS = {
    "tv": "https://thetvdb.com/dereferrer/series/",
    "season": "https://thetvdb.com/dereferrer/season/",
    "episode": "https://thetvdb.com/dereferrer/episode/",
    "film": "https://thetvdb.com/dereferrer/movie/",
    "person": "https://thetvdb.com/people/",
}
#: The kind of page a work's numbered ids lead to.
_WORK_PAGES = {WorkKind.SHOW: "tv", WorkKind.FILM: "film"}


def _same_as(ids: ExternalIds, kind: str | None = None) -> Sequence[str]:
    """``sameAs`` URLs; TMDb, TVmaze, TheTVDB only where the kind is known."""
    urls = ids.urls()
    if kind is None or not (ids.tmdb or ids.tvmaze or ids.tvdb):
        return urls
    tmdb, tvmaze = _NUMBERED_URLS.get(kind, (None, None))
    tvdb = _TVDB_URLS.get(kind)
    return [
        *urls,
        *((f"{tmdb}{ids.tmdb}",) if ids.tmdb and tmdb else ()),
        *((f"{tvmaze}{ids.tvmaze}",) if ids.tvmaze and tvmaze else ()),
        *((f"{tvdb}{ids.tvdb}",) if ids.tvdb and tvdb else ()),
    ]


def _image(url: str | None, credit: str | None, alt: str | None, *,
           pending: bool) -> Any:
    """
    An image: its URL, or an ``ImageObject``.

    The object has the text alternative (``caption``) and, with the
    pending terms, the credit (``creditText``).
    """
    if url is None:
        return None
    alt = _text(alt)
    credit = _text(credit) if pending else None
    if not alt and not credit:
        return url
    node: dict[str, Any] = {"@type": "ImageObject"}
    if alt:
        node["caption"] = alt
    node["contentUrl"] = url
    if credit:
        node["creditText"] = credit
    return node


#: EDTF values that are plain ISO 8601 dates: a year, a month or a day,
#: without qualifier (months 21 to 41 are seasons and the like).
_PLAIN_DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-[0-9]{2})?)?")


def _iso(date: FuzzyDate) -> str | None:
    """
    :meth:`FuzzyDate.iso`, without parsing most values.

    Most dates are plain ISO 8601 dates already, and valid (a fuzzy date
    checks its value when it is made): they are their own ISO form.
    """
    if _PLAIN_DATE.fullmatch(date.edtf):
        return date.edtf
    return date.iso()


def _date_time(fact: Milestone) -> str | None:
    """The milestone's start as a date-time with its offset, if known."""
    date = fact.date
    if (date is None or fact.time is None or fact.timezone is None
            or not date.is_exact or date.precision is not _DAY):
        return None
    day = date.earliest
    hour, minute = (int(part) for part in fact.time.split(":"))
    try:
        zone = zoneinfo.ZoneInfo(fact.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    moment = dt.datetime(day.year, day.month, day.day, hour, minute,
                         tzinfo=zone)
    return moment.isoformat()


class _SeasonFacts:
    """
    The current confirmed facts of one season, sorted out once per graph.

    Only confirmed facts become typed statements (claims go through
    :meth:`~showfacts.models.Show.facts`), so the rest of a season is
    passed over with one look at its certainty.  The premiere and the
    finale are the best confirmed ones: certainty ranks first in
    :func:`~showfacts.views.best`, so when the best current premiere is
    confirmed it is this one, and when it is not, nothing is stated.
    """

    __slots__ = (
        "additional_cast",
        "awards",
        "based_on",
        "cast",
        "crew",
        "episode_count",
        "episodes",
        "filming",
        "final",
        "finale",
        "parts",
        "premiere",
        "premieres",
        "release_plans",
        "season",
        "start",
        "typed",
    )

    def __init__(self, show: Show, season: Season) -> None:
        is_current = show.is_current
        self.season = season
        milestones = _confirmed(season.milestones, is_current)
        self.release_plans = _confirmed(season.release_plans, is_current)
        cast = _confirmed(season.cast, is_current)
        crew = _confirmed(season.crew, is_current)
        self.cast = _current_cast(cast, show)
        self.crew = _current_crew(crew)
        self.episodes = _confirmed(season.episodes, is_current)
        self.based_on = _confirmed(season.based_on, is_current)
        additional = _confirmed(season.additional_cast, is_current)
        self.additional_cast = [
            f for f in additional if f.characters and f.status not in GONE
        ]
        awards = _confirmed(season.awards, is_current)
        self.awards = _won(awards)
        if len(self.episodes) > 1:
            self.episodes.sort(key=_episode_number)
        premieres = []
        finales = []
        parts = []
        #: Whether a confirmed current milestone says it is the last season.
        self.final = False
        #: Where the season was made.
        self.filming: list[Milestone] = []
        for m in milestones:
            kind = m.kind
            if kind is _PREMIERE:
                premieres.append(m)
            elif kind is _FINALE:
                finales.append(m)
            elif kind is _PART:
                parts.append(m)
            elif kind in _FILMING:
                self.filming.append(m)
            elif kind is _FINAL_SEASON:
                self.final = True
        #: The best premiere of each region and platform, and the best
        #: release of each part of each region and platform.
        self.premieres = _best_each(premieres)
        self.parts = _best_each(parts)
        self.premiere = (
            _earliest(self.premieres) if len(self.premieres) > 1
            else self.premieres[0] if self.premieres else None
        )
        #: The season's start: its earliest confirmed release.
        self.start = _earliest([*self.premieres, *self.parts])
        self.finale = _best(finales) if finales else None
        self.episode_count = None
        if self.release_plans:
            plan = _best([p for p in self.release_plans
                          if p.episodes is not None])
            if plan is not None:
                self.episode_count = plan.episodes
        if self.episode_count is None and season.episodes_complete:
            self.episode_count = len(season.episodes) or None
        #: Whether a current confirmed fact is about the season: whether
        #: it is a node.
        self.typed = bool(
            milestones or self.release_plans or cast or crew
            or self.episodes or _confirmed(season.teases, is_current)
            or self.based_on or additional or awards
        )


def _confirmed(facts: tuple[F, ...], is_current: Callable[[str], bool]) -> (
    list[F]
):
    """
    The confirmed current facts among these, in their order.

    A fact with a public qualifier ("CBS has yet to confirm") is left out:
    a typed statement has no room for the caveat, so it is a claim.
    """
    # A loop, not a comprehension: most of these tuples are short or
    # empty, and a comprehension is a function call of its own.
    found = []
    for fact in facts:
        if (fact.certainty is _CONFIRMED and fact.qualifier is None
                and is_current(fact.id)):
            found.append(fact)  # noqa: PERF401 - see above
    return found


def _current_cast(cast: list[CastCredit], show: Show) -> (
    list[CastCredit]
):
    """
    The credits of a cast that say who is in it now.

    Those who will not return, or whose character is killed off, are not
    (whatever other credit of the same list says); nor is a person a
    recast in the same cast replaces.
    """
    if not cast:
        return cast
    replaced = {c.person for c in cast if c.status in GONE}
    for credit in cast:
        if credit.status is CastStatus.RECAST:
            if credit.replaces is not None:
                replaced.add(credit.replaces)
            if credit.replaces_credit is not None:
                before = show.fact(credit.replaces_credit)
                if isinstance(before, CastCredit):
                    replaced.add(before.person)
    return [
        c for c in cast
        if c.status not in GONE
        and (c.person not in replaced or c.status is CastStatus.RECAST)
    ]


def _current_crew(crew: list[CrewCredit]) -> list[CrewCredit]:
    """
    The credits of a crew that say who holds a role now.

    A departure or a step back is not a current role, and it ends the
    other credits for the same person and role in the same list (a
    creator who steps back still created the show).
    """
    left = {(c.person, c.role) for c in crew if c.status in LEFT}
    if not left:
        return crew
    return [
        c for c in crew
        if c.status not in LEFT
        and ((c.person, c.role) not in left or c.role in _LASTING_ROLES)
    ]


def _won(awards: list[Award]) -> list[Award]:
    """The awards won: nominations are no schema.org ``award``."""
    return [a for a in awards if a.outcome is AwardOutcome.WON]


def _best(facts: list[F]) -> F | None:
    """:func:`~showfacts.views.best`, without ranking a single fact."""
    if len(facts) > 1:
        return best(facts)
    return facts[0] if facts else None


def _best_each(releases: list[Milestone]) -> list[Milestone]:
    """The best release of each part, region and platform, in file order."""
    if len(releases) <= 1:
        return releases
    groups: dict[tuple[int | None, str | None, str | None],
                 list[Milestone]] = {}
    for m in releases:
        groups.setdefault((m.part, m.region, m.platform), []).append(m)
    chosen = {id(_best(group)) for group in groups.values()}
    return [m for m in releases if id(m) in chosen]


def _earliest(releases: list[Milestone]) -> Milestone | None:
    """The release with the earliest ISO date (the first of equals)."""
    dated = [(m.date.earliest, i, m) for i, m in enumerate(releases)
             if m.date is not None and _iso(m.date) is not None]
    if not dated:
        return None
    return min(dated, key=lambda t: (t[0], t[1]))[2]


def _season_total(show: Show, typed: Mapping[int, _SeasonFacts]) -> (
    int | None
):
    """How many seasons the show has, when the file says so."""
    numbered = sorted(n for n in typed if n >= 1)
    if show.seasons_complete:
        # Seasons known only from unconfirmed facts are not nodes, and
        # are not counted; the rest must be numbered 1 to N.
        if numbered and numbered == list(range(1, len(numbered) + 1)):
            return len(numbered)
        return None
    finals = [n for n, facts in typed.items() if facts.final]
    if len(finals) == 1 and 1 <= finals[0] <= MAX_ORDINAL:
        return finals[0]
    return None

def _episode_number(episode: Episode) -> tuple[bool, int]:
    """Numbered episodes by number, then those known by title only."""
    number = episode.number
    return (number is None, number or 0)


def _season_number(season: Season) -> int:
    return season.number


#: The last show whose seasons were sorted out, and what was found: a
#: site maps a show once, then each of its seasons, and each season's
#: graph needs every season's facts.  Shows are frozen, so what was found
#: holds for as long as the show is the same object.
_LAST_TYPED: list[tuple[Show, dict[int, _SeasonFacts]]] = []


def _typed_seasons(show: Show) -> dict[int, _SeasonFacts]:
    """The seasons of a show that are nodes, by number (read only)."""
    last = _LAST_TYPED[0] if _LAST_TYPED else None
    if last is not None and last[0] is show:
        return last[1]
    typed = {
        facts.season.number: facts
        for facts in (
            _SeasonFacts(show, season) for season in
            sorted(show.seasons, key=_season_number)
        )
        if facts.typed
    }
    _LAST_TYPED[:] = [(show, typed)]
    return typed


class _ShowMapper:
    """Maps one show (or one of its seasons) into a :class:`_Graph`."""

    def __init__(self, graph: _Graph, show: Show, scope: int | None) -> None:
        self.g = graph
        self.site = graph.site
        self.show = show
        self.scope = scope
        is_current = show.is_current
        self.series = self.site.show_iri(show.id)
        #: The show's current confirmed facts that typed statements come
        #: from (as for a season, the best confirmed status or premiere
        #: is the best current one, when that one is confirmed).
        self.based_on = _confirmed(show.based_on, is_current)
        self.relations = _confirmed(show.relations, is_current)
        self.crew_credits = _current_crew(_confirmed(show.crew, is_current))
        self.milestones = _confirmed(show.milestones, is_current)
        self.cast_credits = _current_cast(_confirmed(show.cast, is_current),
                                          show)
        self.additional_cast = [
            f for f in _confirmed(show.additional_cast, is_current)
            if f.characters and f.status not in GONE
        ]
        self.awards = _won(_confirmed(show.awards, is_current))
        #: People's awards won, with the season they are for, mapped last.
        self.person_awards: list[tuple[Award, str, int | None]] = []
        #: Facts whose statement the typed graph makes in full.
        self.expressed: set[str] = set()
        #: IRIs this show has already described.
        self.done: set[str] = set()
        #: The seasons that are nodes, by number.
        self.typed = _typed_seasons(show)
        self.works = self._works_in_graph()
        #: The IRIs of the people and organizations met so far, by id.
        self._person_iris: dict[str, str] = {}
        self._organization_iris: dict[str, str] = {}
        #: Characters' IRIs and names, by id.
        self._characters: dict[str, tuple[str, str | None]] = {}

    # -- shared nodes ---------------------------------------------------------

    def _first(self, iri: str, kind: str) -> bool:
        """Create the node; whether this show has yet to describe it."""
        self.g.node(iri, kind)
        if iri in self.done:
            return False
        self.done.add(iri)
        return True

    def person(self, person_id: str) -> dict[str, Any]:
        iri = self._person_iris.get(person_id)
        if iri is None:
            # The first call for a person describes it (this show has not:
            # person IRIs come only from here); later ones refer to it.
            iri = self._person_iris[person_id] = self.site.person_iri(
                person_id
            )
            self.g.people[iri] = None
            person = self.show.person(person_id)
            node = self.g.named(iri, "Person", _text(person.name))
            for url in _same_as(person.external_ids, "person"):
                self.g.put(node, "sameAs", url)
            if person.image is not None:
                self.g.put(node, "image", _image(
                    person.image, person.image_credit, person.image_alt,
                    pending=self.g.options.pending,
                ))
        return {"@id": iri}

    def author(self, author_id: str) -> dict[str, Any]:
        """A work's author: a person, or an organization (a studio)."""
        try:
            self.show.person(author_id)
        except KeyError:
            return self.organization(author_id)
        return self.person(author_id)

    def organization(self, org_id: str) -> dict[str, Any]:
        iri = self._organization_iris.get(org_id)
        if iri is None:
            iri = self._organization_iris[org_id] = (
                self.site.organization_iri(org_id)
            )
            if self._first(iri, "Organization"):
                org = self.show.organization(org_id)
                self.g.add(iri, "name", _text(org.name))
                self.g.add(iri, "url", org.url)
                self.g.add(iri, "logo", org.logo)
                self.g.add_all(iri, "sameAs", _same_as(org.external_ids,
                                                       org.kind.value))
                if org.parent is not None:
                    self.g.add(iri, "parentOrganization",
                               self.organization(org.parent))
        return {"@id": iri}

    def character(self, character_id: str) -> tuple[dict[str, Any],
                                                    str | None]:
        """A reference to the character, and the name roles give it."""
        known = self._characters.get(character_id)
        if known is None:
            # As for a person: only the first call describes it.
            iri = self.site.character_iri(character_id)
            character = self.show.character(character_id)
            name = _text(character.names[0])
            known = self._characters[character_id] = (iri, name)
            g = self.g
            node = g.named(iri, "Person", name)
            if len(character.names) > 1:
                g.add_all(iri, "alternateName",
                          [_text(n) for n in character.names[1:]])
            if character.description is not None:
                g.add(iri, "description", _text(character.description))
            g.add(iri, "image", _image(
                character.image, character.image_credit,
                character.image_alt, pending=g.options.pending,
            ))
            g.add_all(iri, "sameAs",
                      _same_as(character.external_ids, "character"))
            home = character.home_show
            if home is not None and home != self.show.id:
                g.put(node, "subjectOf", self.other_series(home))
        return {"@id": known[0]}, known[1]

    def work(self, work_id: str) -> dict[str, Any]:
        iri = self.site.work_iri(work_id)
        work = self.show.work(work_id)
        if self._first(iri, _WORK_TYPES[work.kind]):
            self.g.add(iri, "name", _text(work.title))
            for author in work.authors:
                self.g.add(iri, "author", self.author(author))
            if work.year is not None:
                self.g.add(iri, "datePublished", f"{work.year:04d}")
            self.g.add(iri, "url", work.url)
            self.g.add_all(iri, "sameAs", _same_as(
                work.external_ids, _WORK_PAGES.get(work.kind)))
            if work.part_of is not None:
                self.g.add(iri, "isPartOf", self.work(work.part_of))
        return _ref(iri)

    def other_series(self, show_id: str) -> dict[str, Any]:
        """Another show: its node if it is in the graph, else a stub."""
        iri = self.site.show_iri(show_id)
        self.g.series[iri] = None
        if show_id in self.g.shows or show_id == self.show.id:
            return _ref(iri)
        if self._first(iri, "TVSeries"):
            titles = [
                _text(r.title) for r in self.show.relations
                if r.show == show_id and r.title
            ]
            self.g.add_all(iri, "name", titles)
        return _ref(iri)

    def source(self, source_id: str) -> dict[str, Any]:
        iri = self.site.source_iri(self.show.id, source_id)
        if self._first(iri, "CreativeWork"):
            source = self.show.source(source_id)
            self.g.add(iri, "name", _text(source.title))
            self.g.add(iri, "url", source.url)
            publisher = _text(source.publisher)
            if publisher:
                self.g.add(iri, "publisher",
                           {"@type": "Organization", "name": publisher})
            author = _text(source.author)
            if author:
                self.g.add(iri, "author", {"@type": "Person", "name": author})
            if source.published is not None:
                self.g.add(iri, "datePublished", _iso(source.published))
            relayed = _text(source.via)
            if relayed:
                # "As reported by Deadline": the report it is based on.
                self.g.add(iri, "isBasedOn", {
                    "@type": "CreativeWork",
                    "publisher": {"@type": "Organization", "name": relayed},
                })
        return _ref(iri)

    # -- the show -------------------------------------------------------------

    def _works_in_graph(self) -> set[str]:
        """The works typed statements refer to, and what they are part of."""
        found: set[str] = set()
        todo = [a.work for a in self.based_on]
        todo.extend(
            r.work for r in self.relations
            if r.work is not None
            and (r.kind in _SOURCE_OF_THIS or r.kind in _BASED_ON_THIS)
        )
        for number, facts in self.typed.items():
            if self.scope is None or number == self.scope:
                todo.extend(a.work for a in facts.based_on)
        while todo:
            work_id = todo.pop()
            if work_id in found:
                continue
            found.add(work_id)
            part_of = self.show.work(work_id).part_of
            if part_of is not None:
                todo.append(part_of)
        return found

    def run(self) -> None:
        seasons = {
            number: self.site.season_iri(self.show.id, number)
            for number in sorted(self.typed)
            if self.scope is None or number == self.scope
        }
        self.series_node(list(seasons.values()))
        for number, iri in seasons.items():
            self.season_node(iri, self.typed[number])
        self.awards_of_people()
        if self.g.options.claims:
            self.claims()

    def series_node(self, seasons: list[str]) -> None:
        """
        The series' node, its properties set in the order they are written.

        Show ids are unique in a graph (other shows refer to this one by
        IRI only), so the node is new: as for a season, a property with
        one value is set as it is.  Crew credits come out of order, and
        :meth:`_Graph.finish` sorts the node then.
        """
        show, g, iri = self.show, self.g, self.series
        g.series[iri] = None
        node = g.node(iri, "TVSeries")
        put = g.put
        for credit in self.crew_credits:
            self.crew(node, credit)
        for cast in self.cast_credits:
            self.cast(node, cast)
        self.people_facts(node, self.additional_cast, self.awards, None)
        if seasons:
            node["containsSeason"] = _one_or_all(
                [{"@id": season} for season in seasons]
            )
        for country in show.countries:
            put(node, "countryOfOrigin", {"@type": "Country", "name": country})
        if self.g.options.pending:
            status = _best(_confirmed(show.statuses, show.is_current))
            if status is not None:
                node["creativeWorkStatus"] = SCHEMA_ORG_STATUSES[status.status]
                self.expressed.add(status.id)
        description = _text(show.description)
        if show.format is not None:
            description = (format_words(show.format)
                           + (f" {description}" if description else ""))
        if show.fictional:
            description = ("Fictional: not a real show."
                           + (f" {description}" if description else ""))
        if description is not None:
            node["description"] = description
        start, end = self.series_dates()
        if end is not None:
            node["endDate"] = end
        for genre in show.genres:
            text = _text(genre)
            if text is not None:
                put(node, "genre", text)
        if show.image is not None:
            node["image"] = show.image
        for language in show.languages:
            put(node, "inLanguage", language)
        for adaptation in self.based_on:
            put(node, "isBasedOn", self.work(adaptation.work))
            self.expressed.add(adaptation.id)
        for relation in self.relations:
            self.relation(node, relation)
        if show.franchise is not None:
            franchise = self.site.franchise_iri(show.franchise.id)
            g.node(franchise, "CreativeWorkSeries")
            g.add(franchise, "name", _text(show.franchise.name))
            g.add(franchise, "hasPart", {"@id": iri})
            node["isPartOf"] = {"@id": franchise}
        self.locations(node, self.milestones)
        name = _text(show.title)
        if name is not None:
            node["name"] = name
        self.season_counts(node)
        for org in show.studios:
            put(node, "productionCompany", self.organization(org))
        for org in show.networks:
            put(node, "publisher", self.organization(org))
        for url in _same_as(show.external_ids, "tv"):
            put(node, "sameAs", url)
        if start is not None:
            node["startDate"] = start
        node["url"] = self.site.show_url(show.id)

    def series_dates(self) -> tuple[str | None, str | None]:
        """The series' start and end dates, as ISO dates."""
        milestones = self.milestones
        start = _dated(_best([m for m in milestones if m.kind is _PREMIERE]))
        if start is not None:
            self.expressed.add(start[0])
        elif 1 in self.typed:
            # The first season's premiere starts the series, but does not
            # say all a premiere milestone of the show would.
            start = _dated(self.typed[1].start)
        end = _dated(_best([m for m in milestones if m.kind in _ENDINGS]))
        if end is not None:
            self.expressed.add(end[0])
        return (start[1] if start else None, end[1] if end else None)

    def season_counts(self, node: dict[str, Any]) -> None:
        """
        ``numberOfEpisodes`` and ``numberOfSeasons``, in that order.

        A partial file never claims a total: the seasons are counted only
        when the file declares its list complete (``seasons_complete``:
        the seasons that are nodes, which must be numbered 1 to N),
        or when a confirmed milestone says which season is the final one
        (its number, when it is an ordinal, up to :data:`MAX_ORDINAL`).
        The episodes are counted only when every season counted has a
        count.
        """
        last = _season_total(self.show, self.typed)
        if last is None:
            return
        total = 0
        for number in range(1, last + 1):
            facts = self.typed.get(number)
            count = facts.episode_count if facts is not None else None
            if count is None:
                break
            total += count
        else:  # every season counted
            node["numberOfEpisodes"] = total
        node["numberOfSeasons"] = last


    def locations(self, node: dict[str, Any],
                  milestones: Iterable[Milestone]) -> None:
        """Where the filming milestones among these took place."""
        for m in milestones:
            if m.kind in _FILMING:
                place = _text(m.location)
                if place:
                    self.g.put(node, "locationCreated",
                               {"@type": "Place", "name": place})

    def relation(self, node: dict[str, Any], relation: Relation) -> None:
        """A relation as ``isBasedOn`` one way or the other, if it is one."""
        kind = relation.kind
        if kind not in _SOURCE_OF_THIS and kind not in _BASED_ON_THIS:
            return  # a claim: no schema.org term says it
        if relation.work is not None:
            other = self.work(relation.work)
        elif relation.show is not None:
            other = self.other_series(relation.show)
        else:  # pragma: no cover - the invariants refuse it
            return
        if kind in _SOURCE_OF_THIS:
            self.g.put(node, "isBasedOn", other)
        else:
            self.g.add(other["@id"], "isBasedOn", _ref(self.series))
        self.expressed.add(relation.id)

    def people_facts(self, node: dict[str, Any],
                     additional: list[AdditionalCast], awards: list[Award],
                     season: int | None) -> None:
        """Characters whose actors are not yet named, and awards won."""
        put = self.g.put
        for fact in additional:
            for character_id in fact.characters:
                put(node, "character", self.character(character_id)[0])
            if fact.count is None and fact.text is None:
                self.expressed.add(fact.id)
        show = self.show
        for award in awards:
            person = pw.award_winner(award, show)
            if person is None:
                put(node, "award", _text(pw.award_text(
                    award, show.title, for_person=False)))
                self.expressed.add(award.id)
            else:
                self.person_awards.append((award, person, season))

    def awards_of_people(self) -> None:
        """
        People's awards, on the people the graph already holds.

        Run after every credit is mapped: an award is no reason to put a
        person in the graph, who would stand there alone.
        """
        show = self.show
        for award, person, season in self.person_awards:
            iri = self.site.person_iri(person)
            if iri not in self.g.people:
                continue
            self.g.add(iri, "award", _text(pw.award_text(
                award, _season_label(show, season), for_person=True)))
            self.expressed.add(award.id)

    def crew(self, node: dict[str, Any], credit: CrewCredit) -> None:
        g = self.g
        role = credit.role
        if role is _SOURCE_AUTHOR:
            if credit.work is not None and credit.work in self.works:
                g.add(self.work(credit.work)["@id"], "author",
                      self.person(credit.person))
                self.expressed.add(credit.id)
            return
        prop, name = _CREW_PROPERTIES[role]
        person = self.person(credit.person)
        share = credit.share
        if share is not None:
            # "sole showrunner", "co-creator": the share is part of the
            # role's name, beside the plain one cards look for.
            shared = pw.role_noun(role, share)
            g.put(node, prop, {"@type": "Role", prop: person, "roleName":
                               shared if name is None else [name, shared]})
            self.expressed.add(credit.id)
            return
        # A Role's keys in the order they are written: each property
        # sorts before "roleName".
        g.put(node, prop, person if name is None else
              {"@type": "Role", prop: person, "roleName": name})
        self.expressed.add(credit.id)

    # -- seasons --------------------------------------------------------------

    def season_node(self, iri: str, sv: _SeasonFacts) -> None:
        """
        The season's node, its properties set in the order they are written.

        Season numbers are unique in a show, so the node is new: a
        property with one value is set as it is, and only those that
        gather values from several facts go through :meth:`_Graph.put`.
        (Season crew credits come out of order; :meth:`_Graph.finish`
        sorts such a node.)
        """
        g, show, season = self.g, self.show, sv.season
        number = season.number
        put = g.put
        premiere = _dated(sv.start)
        finale = _dated(sv.finale)
        events = self.release_events(sv, _dated(sv.premiere))
        node = g.node(iri, "TVSeason")
        for credit in sv.cast:
            self.cast(node, credit)
        for crew in sv.crew:
            self.crew(node, crew)
        self.people_facts(node, sv.additional_cast, sv.awards, number)
        for adaptation in sv.based_on:
            put(node, "isBasedOn", self.work(adaptation.work))
            self.expressed.add(adaptation.id)
        if season.description is not None:
            description = _text(season.description)
            if description is not None:
                node["description"] = description
        if finale is not None:
            node["endDate"] = finale[1]
            self.expressed.add(finale[0])
        if sv.episodes:
            node["episode"] = _one_or_all([
                self.episode(iri, number, episode)
                for episode in sv.episodes
            ])
        if season.image is not None:
            node["image"] = _image(season.image, season.image_credit,
                                   season.image_alt,
                                   pending=g.options.pending)
        self.locations(node, sv.filming)
        name = _text(season.name)
        if name is not None:
            node["name"] = name
        if sv.episode_count is not None:
            node["numberOfEpisodes"] = sv.episode_count
        node["partOfSeries"] = {"@id": self.series}
        for event in events:
            put(node, "releasedEvent", event)
        for url in _same_as(season.external_ids, "season"):
            put(node, "sameAs", url)
        node["seasonNumber"] = number
        if premiere is not None:
            node["startDate"] = premiere[1]
            self.expressed.add(premiere[0])
        node["url"] = self.site.season_url(show.id, number)

    def release_events(
        self, sv: _SeasonFacts, premiere: tuple[str, str] | None
    ) -> list[dict[str, Any]]:
        """
        The season's release events, from confirmed dated release plans.

        A confirmed premiere with a platform or a region is an event too,
        one for each region and platform, unless a plan already gives that
        day, platform and region; a confirmed undated plan for the same
        platform, everywhere, describes it.  A confirmed part release
        known to the day is an event named after the part.
        """
        events = self._plan_and_premiere_events(sv, premiere)
        for fact in sv.premieres:
            if fact is sv.premiere:
                continue
            dated = _dated(fact)
            if dated is not None and (fact.platform or fact.region):
                events.extend(self._plan_and_premiere_events(
                    sv, dated, fact=fact, plans=False, seen=events,
                ))
        for part in sv.parts:
            dated = _dated(part)
            if (dated is None or part.date is None
                    or part.date.precision is not _DAY):
                continue
            description = episodes_phrase(part)
            event = self.event(
                _date_time(part) or dated[1], part.platform, part.region,
                _text(_sentence(description[:1].upper() + description[1:]))
                if description else None,
                _text(part_label(part)),
            )
            # A premiere recorded for the same day, platform and region is
            # the same release: one event, named after the part.
            same = [i for i, e in enumerate(events)
                    if e["startDate"][:10] == event["startDate"][:10]
                    and e.get("publishedBy") == event.get("publishedBy")
                    and e.get("location") == event.get("location")
                    and "name" not in e]
            if same:
                events[same[0]] = event
            else:
                events.append(event)
            self.expressed.add(part.id)
        return _sorted_events(events)

    def _plan_and_premiere_events(
        self, sv: _SeasonFacts, premiere: tuple[str, str] | None, *,
        fact: Milestone | None = None, plans: bool = True,
        seen: list[dict[str, Any]] | None = None,
    ) -> list[dict[str, Any]]:
        show = self.show
        if fact is None:
            fact = sv.premiere
        moment = _date_time(fact) if premiere is not None and fact else None
        events: list[dict[str, Any]] = []
        undated: list[ReleasePlan] = []
        for plan in sv.release_plans if plans else ():
            date = _iso(plan.date) if plan.date is not None else None
            if date is None:
                undated.append(plan)
                continue
            if (moment is not None and fact is not None
                    and premiere is not None and date == premiere[1]
                    and plan.platform == fact.platform):
                date = moment
            events.append(self.event(
                date, plan.platform, plan.region,
                _text(_describe_plan(show, plan)),
            ))
            self.expressed.add(plan.id)
        if premiere is None or fact is None or (
            fact.platform is None and fact.region is None
        ):
            return events
        publisher = (None if fact.platform is None
                     else _ref(self.site.organization_iri(fact.platform)))
        location = (None if fact.region is None
                    else {"@type": "Country", "name": fact.region})
        if not any(e["startDate"][:len(premiere[1])] == premiere[1]
                   and e.get("publishedBy") == publisher
                   and (location is None or e.get("location") == location)
                   for e in (*events, *(seen or ()))):
            described_by = [p for p in undated if p.region is None
                            and p.platform in (None, fact.platform)]
            described = " ".join(_describe_plan(show, p)
                                 for p in described_by)
            events.append(self.event(moment or premiere[1],
                                     fact.platform, fact.region,
                                     _text(described)))
            self.expressed.update(p.id for p in described_by)
        self.expressed.add(fact.id)
        return events

    def event(self, start: str, platform: str | None, region: str | None,
              description: str | None,
              name: str | None = None) -> dict[str, Any]:
        """A release event, its keys in the order they are written."""
        kind = "PublicationEvent"
        if platform is not None:
            kind = _EVENT_TYPES.get(self.show.organization(platform).kind,
                                    kind)
        event: dict[str, Any] = {"@type": kind}
        if description:
            event["description"] = description
        if region is not None:
            event["location"] = {"@type": "Country", "name": region}
        if name:
            event["name"] = name
        if platform is not None:
            event["publishedBy"] = self.organization(platform)
        event["startDate"] = start
        return event

    def cast(self, node: dict[str, Any], credit: CastCredit) -> None:
        """A season's ``actor`` roles, then the characters they play."""
        put = self.g.put
        person = self.person(credit.person)
        # Only what the source gave: no billing, no roleName for it.
        names = [] if credit.billing is None else [_BILLING[credit.billing]]
        if credit.status is not None:
            names.append(_STATUS[credit.status])
        described = _text(credit.role)
        for character_id in credit.characters or (None,):
            # Keys in the order they are written.
            role: dict[str, Any] = {"@type": "PerformanceRole",
                                    "actor": person}
            if character_id is None:
                character = None
            else:
                character, name = self.character(character_id)
                if name:
                    role["characterName"] = name
            if described:
                role["description"] = described
            if names:
                role["roleName"] = _one_or_all(list(names))
            put(node, "actor", role)
            if character is not None:
                put(node, "character", character)
        self.expressed.add(credit.id)

    def episode(self, season_iri: str, season: int,
                episode: Episode) -> dict[str, Any]:
        """
        The episode's node, built whole; a reference to it.

        Episode numbers are unique in a season, so the node is new; its
        keys are set in the order they are written.
        """
        iri = (
            self.site.episode_iri(self.show.id, season, episode.number)
            if episode.number is not None
            else f"{self.site.season_url(self.show.id, season)}"
            f"#episode-fact-{episode.id}"
        )
        node = self.g.node(iri, "TVEpisode")
        air = episode.air_date
        iso = _iso(air) if air is not None else None
        if air is None or iso is not None:
            self.expressed.add(episode.id)
        if iso is not None:
            node["datePublished"] = iso
        description = _text(episode.synopsis)
        if description is not None:
            node["description"] = description
        if episode.runtime is not None:
            node["duration"] = f"PT{episode.runtime}M"
        if episode.number is not None:
            node["episodeNumber"] = episode.number
        if episode.image is not None:
            node["image"] = _image(episode.image, episode.image_credit,
                                   episode.image_alt,
                                   pending=self.g.options.pending)
        name = _text(episode.title)
        if name is not None:
            node["name"] = name
        node["partOfSeason"] = {"@id": season_iri}
        node["partOfSeries"] = {"@id": self.series}
        if iso is not None and (episode.region or episode.platform):
            node["releasedEvent"] = self.event(
                iso, episode.platform, episode.region, None
            )
        for url in _same_as(episode.external_ids, "episode"):
            self.g.put(node, "sameAs", url)
        return {"@id": iri}

    # -- claims ---------------------------------------------------------------

    def claims(self) -> None:
        options = self.g.options
        is_current = self.show.is_current
        for ref in self.show.facts():
            if not is_current(ref.fact.id):
                continue
            fact = ref.fact
            if self.scope is not None and ref.season != self.scope:
                continue
            if (fact.id in self.expressed and fact.confirmed
                    and fact.qualifier is None):
                continue
            spoiler = isinstance(fact, Tease) and fact.spoiler
            if spoiler and not options.spoilers:
                continue
            self.claim(ref, spoiler=spoiler)

    def claim(self, ref: FactRef, *, spoiler: bool) -> None:
        fact = ref.fact
        g, show = self.g, self.show
        iri = self.site.fact_iri(show.id, fact.id)
        g.node(iri, "Claim")
        if ref.season is not None and ref.season in self.typed:
            about = self.site.season_iri(show.id, ref.season)
        else:
            about = self.series
        g.add(iri, "about", _ref(about))
        g.add(iri, "text", claim_text(show, fact.id))
        for source in fact.sources:
            g.add(iri, "appearance", self.source(source))
        if fact.announced is not None:
            g.add(iri, "datePublished", _iso(fact.announced))
        if spoiler:
            g.add(iri, "keywords", "spoiler")


def _sorted_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Release events in a fixed order: by their JSON text."""
    if len(events) > 1:
        events.sort(key=_CANONICAL)
    return events


def _dated(fact: Milestone | None) -> tuple[str, str] | None:
    """``(fact id, ISO date)`` of a milestone with an ISO date."""
    if fact is None or fact.date is None:
        return None
    iso = _iso(fact.date)
    return None if iso is None else (fact.id, iso)


# -- public entry points ------------------------------------------------------


def _site(base_url: str | Site) -> Site:
    return base_url if isinstance(base_url, Site) else Site(base_url)


def _build(subject: Subject, site: Site, options: _Options) -> _Graph:
    if isinstance(subject, Catalog):
        graph = _Graph(site, subject.shows, options)
        for show in subject.shows:
            _ShowMapper(graph, show, None).run()
        return graph
    if isinstance(subject, Show):
        graph = _Graph(site, (subject,), options)
        _ShowMapper(graph, subject, None).run()
        return graph
    if (isinstance(subject, tuple) and len(subject) == 2
            and isinstance(subject[0], Show)
            and isinstance(subject[1], int)
            and not isinstance(subject[1], bool)):
        show, number = subject
        numbers = [s.number for s in show.seasons]
        if number not in numbers:
            listed = ", ".join(str(n) for n in sorted(numbers)) or "none"
            raise RenderError(
                f"show {show.id!r} has no season {number} "
                f"(its seasons: {listed})"
            )
        graph = _Graph(site, (show,), options)
        _ShowMapper(graph, show, number).run()
        return graph
    msg = ("to_jsonld takes a Show, a (Show, season number) pair or a "
           f"Catalog, not {type(subject).__name__}")
    raise TypeError(msg)


def to_jsonld(
    subject: Subject,
    base_url: str | Site = DEFAULT_BASE_URL,
    *,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
) -> JSONObject:
    """
    The schema.org graph of a show, one of its seasons, or a catalog.

    Only confirmed, current facts become typed statements.  A season's
    graph holds the series (listing only that season), the season, its
    episodes, and the nodes they refer to.

    Args:
        subject: A :class:`~showfacts.models.Show`, a ``(show, season
            number)`` pair, or a :class:`~showfacts.models.Catalog`.
        base_url: The absolute URL the IRIs are built under, or a
            :class:`~showfacts.iris.Site`.
        claims: Also publish every current fact the typed graph does not
            state (unconfirmed facts, teases, confirmed facts schema.org
            has no term for) as a ``Claim`` whose text says how sure it is,
            citing its sources as ``appearance``.  ``Claim`` and
            ``appearance`` are pending schema.org terms.
        spoilers: With ``claims``, include teases marked as spoilers
            (their text starts "Spoiler," and they have the keyword
            ``spoiler``).
        pending: Use the pending term ``creativeWorkStatus`` for the
            show's confirmed status.

    Returns:
        ``{"@context": "https://schema.org", "@graph": [...]}``, nodes
        sorted by ``@id``.

    Raises:
        InputError: If ``base_url`` is not an absolute http(s) URL.
        RenderError: If the show has no such season.
        TypeError: If ``subject`` is none of the above.

    .. versionadded:: 0.1.0
    """
    options = _Options(claims=claims, spoilers=spoilers, pending=pending)
    return _build(subject, _site(base_url), options).finish()
