"""
Hypothesis strategies for every model class.

Shows are drawn whole, so that their references hold: facts cite declared
sources, credits name declared people and characters, supersede chains
point backwards at facts of the same kind.  Serializer tests reuse these.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import strategies as st

import showfacts as sf
from showfacts._invariants import reserved_name
from showfacts.dates import FuzzyDate, Hemisphere


# -- scalars ---------------------------------------------------------------

_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_words = st.text(alphabet=_ALNUM, min_size=1, max_size=6)
ids = st.builds(
    lambda first, rest: first + "".join(rest),
    _words,
    st.lists(st.builds(str.__add__, st.sampled_from("-_."), _words),
             max_size=2),
).filter(lambda i: not reserved_name(i))  # "nul", "con.x": not file names

#: Text as editors and scrapers produce it: any Unicode a UTF-8 file can
#: carry (no surrogates), at least one non-space character.
text = st.text(min_size=1, max_size=20).filter(
    lambda s: any(c.isprintable() and not c.isspace() for c in s)
)
optional_text = st.none() | text

urls = st.builds(
    "https://{}.example/{}".format,
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.text(alphabet=_ALNUM + "ABCXYZ_.~-", max_size=12),
)
optional_urls = st.none() | urls


@st.composite
def _points(draw: st.DrawFn, year_range: tuple[int, int] = (1950, 2040)) -> (
    tuple[str, tuple[int, int, int]]
):
    """An EDTF point and a sortable (year, month, day) of its start."""
    year = draw(st.integers(*year_range))
    kind = draw(st.sampled_from(["year", "month", "day", "season", "xx"]))
    if kind == "year":
        value, start = f"{year:04d}", (year, 1, 1)
    elif kind == "xx":
        value, start = f"{year:04d}-XX", (year, 1, 1)
    elif kind == "season":
        code = draw(st.integers(21, 41))
        value, start = f"{year:04d}-{code}", (year, 1, 1)
    else:
        month = draw(st.integers(1, 12))
        if kind == "month":
            value, start = f"{year:04d}-{month:02d}", (year, month, 1)
        else:
            last = calendar.monthrange(year, month)[1]
            day = draw(st.integers(1, last))
            value = f"{year:04d}-{month:02d}-{day:02d}"
            start = (year, month, day)
    qualifier = draw(st.sampled_from(["", "", "", "~", "?", "%"]))
    return value + qualifier, start


@st.composite
def edtf_values(draw: st.DrawFn) -> str:
    """A valid EDTF value of the subset showfacts reads."""
    shape = draw(st.sampled_from(["point", "point", "interval", "open"]))
    if shape == "point":
        return draw(_points())[0]
    if shape == "open":
        point = draw(_points())[0]
        return draw(st.sampled_from([f"../{point}", f"{point}/..",
                                     f"/{point}", f"{point}/"]))
    first = draw(_points(year_range=(1950, 2000)))[0]
    second = draw(_points(year_range=(2001, 2040)))[0]
    return f"{first}/{second}"


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    """A FuzzyDate, with or without words and a southern hemisphere."""
    return FuzzyDate(
        edtf=draw(edtf_values()),
        text=draw(optional_text),
        hemisphere=draw(st.sampled_from(list(Hemisphere))),
    )


optional_dates = st.none() | fuzzy_dates()


@st.composite
def exact_days(draw: st.DrawFn) -> FuzzyDate:
    """A date known to the day."""
    year = draw(st.integers(1990, 2040))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return FuzzyDate(edtf=f"{year:04d}-{month:02d}-{day:02d}")


external_ids = st.builds(
    sf.ExternalIds,
    imdb=st.none() | st.builds("{}{:07d}".format,
                               st.sampled_from(["tt", "nm", "co"]),
                               st.integers(0, 9_999_999)),
    tmdb=st.none() | st.integers(1, 10**7),
    tvmaze=st.none() | st.integers(1, 10**6),
    wikidata=st.none() | st.integers(1, 10**7).map("Q{}".format),
    official_site=optional_urls,
    eidr=st.none() | st.text("0123456789ABCDEF", min_size=20,
                             max_size=20).map(
        lambda d: "10.5240/" + "-".join(
            [d[i:i + 4] for i in range(0, 20, 4)]
            + [sf.models.eidr_check_character(d)]
        )
    ),
    tvdb=st.none() | st.integers(1, 10**7),
)

countries = st.lists(st.sampled_from(["US", "GB", "CA", "AU", "NZ", "DE"]),
                     unique=True, max_size=2).map(tuple)
languages = st.lists(st.sampled_from(["en", "en-GB", "fr", "de", "es"]),
                     unique=True, max_size=2).map(tuple)


# -- entities ----------------------------------------------------------------


def sources(source_id: str) -> st.SearchStrategy[sf.Source]:
    """A source with that id."""
    return st.builds(
        sf.Source,
        id=st.just(source_id),
        title=text,
        publisher=optional_text,
        author=optional_text,
        url=optional_urls,
        published=optional_dates,
        quote=optional_text,
        via=optional_text,
    )


def people(person_id: str, name: str | None = None) -> st.SearchStrategy[
    sf.Person
]:
    """A person with that id (and name, if given)."""
    return st.builds(
        sf.Person,
        id=st.just(person_id),
        name=st.just(name) if name else text,
        external_ids=external_ids,
        image=optional_urls,
        image_credit=optional_text,
        image_alt=optional_text,
    )


def organizations(org_id: str, others: list[str]) -> st.SearchStrategy[
    sf.Organization
]:
    """An organization with that id, maybe part of another."""
    return st.builds(
        sf.Organization,
        id=st.just(org_id),
        name=text,
        kind=st.sampled_from(list(sf.OrgKind)),
        url=optional_urls,
        logo=optional_urls,
        parent=st.none() | st.sampled_from(others) if others else st.none(),
        external_ids=external_ids,
    )


def characters(character_id: str) -> st.SearchStrategy[sf.Character]:
    """A character with that id."""
    return st.builds(
        sf.Character,
        id=st.just(character_id),
        names=st.lists(text, min_size=1, max_size=2).map(tuple),
        home_show=st.none() | ids,
        description=optional_text,
        external_ids=external_ids,
        image=optional_urls,
        image_alt=optional_text,
    )


def works(work_id: str, authors: list[str], others: list[str]) -> (
    st.SearchStrategy[sf.SourceWork]
):
    """A work with that id, by some of the authors."""
    return st.builds(
        sf.SourceWork,
        id=st.just(work_id),
        kind=st.sampled_from(list(sf.WorkKind)),
        title=text,
        authors=st.lists(st.sampled_from(authors), unique=True,
                         max_size=2).map(tuple) if authors else st.just(()),
        year=st.none() | st.integers(1800, 2030),
        part_of=st.none() | st.sampled_from(others) if others else st.none(),
        url=optional_urls,
        external_ids=external_ids,
    )


# -- facts -------------------------------------------------------------------


_BOOLEANS = st.booleans()
_RARELY = st.integers(0, 4).map(lambda n: n == 0)


class _Context:
    """What a show's facts may refer to, and the facts drawn so far."""

    def __init__(self, draw: st.DrawFn, *, sources: list[str],
                 people: list[str], orgs: list[str], characters: list[str],
                 works: list[str], fact_ids: list[str]) -> None:
        self.draw = draw
        self.sources = sources
        self.people = people
        self.orgs = orgs
        self.characters = characters
        self.works = works
        self.fact_ids = iter(fact_ids)
        self.by_kind: dict[str, list[str]] = {}

    def pick(self, items: list[str]) -> st.SearchStrategy[str | None]:
        if not items:
            return st.none()
        return st.none() | st.sampled_from(tuple(items))

    def some(self, items: list[str], max_size: int = 2) -> tuple[str, ...]:
        chosen = tuple(i for i in items if self.draw(_BOOLEANS))
        return chosen[:max_size]

    def meta(self, kind: str) -> dict[str, Any]:
        """The fields every fact has, with a backward supersede link."""
        draw = self.draw
        fact_id = next(self.fact_ids)
        earlier = self.by_kind.setdefault(kind, [])
        supersedes = draw(self.pick(earlier))
        earlier.append(fact_id)
        retracted = None
        if draw(_RARELY):
            retracted = sf.Retraction(
                date=draw(optional_dates),
                reason=draw(optional_text),
                sources=self.some(self.sources),
            )
        return {
            "id": fact_id,
            "certainty": draw(st.sampled_from(list(sf.Certainty))),
            "sources": self.some(self.sources),
            "announced": draw(optional_dates),
            "supersedes": supersedes,
            "retracted": retracted,
            "qualifier": draw(optional_text) if draw(_RARELY) else None,
            "attribution": sf.Attribution(
                name=draw(text), role=draw(optional_text),
                quote=draw(optional_text),
            ) if draw(_RARELY) else None,
            "note": draw(optional_text),
        }


def _time(draw: st.DrawFn) -> str:
    return f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"


def _milestone(ctx: _Context) -> sf.Milestone:
    draw = ctx.draw
    kind = draw(st.sampled_from(list(sf.MilestoneKind)))
    timed = draw(st.booleans())
    date = draw(exact_days()) if timed else draw(optional_dates)
    return sf.Milestone(
        **ctx.meta("milestone"),
        kind=kind,
        date=date,
        part=draw(st.none() | st.integers(1, 4))
        if kind is sf.MilestoneKind.PART_RELEASE else None,
        location=draw(optional_text),
        time=_time(draw) if timed else None,
        timezone=draw(st.sampled_from(["America/New_York", "Europe/London",
                                       "UTC", "Australia/Sydney"]))
        if timed else None,
        platform=draw(ctx.pick(ctx.orgs)),
        url=draw(optional_urls),
        detail=draw(optional_text),
    )


def _release_plan(ctx: _Context) -> sf.ReleasePlan:
    draw = ctx.draw
    episodes = draw(st.none() | st.integers(1, 30))
    initial = draw(st.none() | st.integers(1, episodes or 30))
    return sf.ReleasePlan(
        **ctx.meta("release plan"),
        date=draw(optional_dates),
        platform=draw(ctx.pick(ctx.orgs)),
        region=draw(st.none() | st.sampled_from(["US", "GB", "CA"])),
        pattern=draw(st.none() | st.sampled_from(list(sf.ReleasePattern))),
        episodes=episodes,
        initial_episodes=initial,
        parts=draw(st.none() | st.integers(1, 4)),
    )


def _cast(ctx: _Context) -> sf.CastCredit:
    draw = ctx.draw
    person = draw(st.sampled_from(ctx.people))
    others = [p for p in ctx.people if p != person]
    characters = ctx.some(ctx.characters)
    return sf.CastCredit(
        **ctx.meta("cast credit"),
        person=person,
        characters=characters,
        role=None if characters else draw(st.none() | text),
        undisclosed=False if characters else draw(_RARELY),
        billing=draw(st.none() | st.sampled_from(list(sf.Billing))),
        status=draw(st.none() | st.sampled_from(list(sf.CastStatus))),
        episodes=tuple(draw(st.lists(st.integers(1, 12), unique=True,
                                     max_size=2))),
        replaces=draw(ctx.pick(others)) if draw(_RARELY) else None,
    )


def _crew(ctx: _Context) -> sf.CrewCredit:
    draw = ctx.draw
    return sf.CrewCredit(
        **ctx.meta("crew credit"),
        person=draw(st.sampled_from(ctx.people)),
        role=draw(st.sampled_from(list(sf.CrewRole))),
        work=draw(ctx.pick(ctx.works)),
        episodes=tuple(draw(st.lists(st.integers(1, 12), unique=True,
                                     max_size=2))),
        status=draw(st.none() | st.sampled_from(list(sf.CrewStatus))),
        date=draw(optional_dates) if draw(_RARELY) else None,
        share=draw(st.none() | st.sampled_from(list(sf.CrewShare))),
    )


def _tease(ctx: _Context) -> sf.Tease:
    draw = ctx.draw
    return sf.Tease(**ctx.meta("tease"), text=draw(text),
                    spoiler=draw(st.booleans()))


def _status(ctx: _Context) -> sf.StatusFact:
    return sf.StatusFact(**ctx.meta("status"),
                         status=ctx.draw(st.sampled_from(list(sf.ShowStatus))))


def _relation(ctx: _Context) -> sf.Relation:
    draw = ctx.draw
    if ctx.works and draw(_BOOLEANS):
        return sf.Relation(
            **ctx.meta("relation"),
            kind=draw(st.sampled_from(list(sf.RelationKind))),
            work=draw(st.sampled_from(ctx.works)),
        )
    return sf.Relation(
        **ctx.meta("relation"),
        kind=draw(st.sampled_from(list(sf.RelationKind))),
        show=draw(ids),
        title=draw(optional_text),
    )


def _award(ctx: _Context) -> sf.Award:
    draw = ctx.draw
    return sf.Award(
        **ctx.meta("award"),
        award=draw(text),
        outcome=draw(st.sampled_from(list(sf.AwardOutcome))),
        category=draw(optional_text),
        year=draw(st.none() | st.integers(1950, 2030)),
        person=draw(ctx.pick(ctx.people)),
    )


def _additional_cast(ctx: _Context) -> sf.AdditionalCast:
    draw = ctx.draw
    characters = ctx.some(ctx.characters)
    count = draw(st.none() | st.integers(1, 9))
    words = draw(optional_text)
    if not (characters or count or words):
        count = 2
    return sf.AdditionalCast(
        **ctx.meta("additional cast"),
        characters=characters,
        count=count,
        text=words,
        billing=draw(st.none() | st.sampled_from(list(sf.Billing))),
        status=draw(st.none() | st.sampled_from(list(sf.CastStatus))),
    )


def _adaptation(ctx: _Context) -> sf.Adaptation:
    return sf.Adaptation(**ctx.meta("adaptation"),
                         work=ctx.draw(st.sampled_from(ctx.works)))


def _episode(ctx: _Context, number: int) -> sf.Episode:
    draw = ctx.draw
    return sf.Episode(
        **ctx.meta("episode"),
        number=number,
        title=draw(optional_text),
        air_date=draw(optional_dates),
        runtime=draw(st.none() | st.integers(1, 120)),
        synopsis=draw(optional_text),
        image=draw(optional_urls),
        image_alt=draw(optional_text),
        external_ids=draw(external_ids),
    )


def _several(ctx: _Context, make: Any, max_size: int = 2) -> tuple[Any, ...]:
    count = ctx.draw(st.integers(0, max_size))
    return tuple(make(ctx) for _ in range(count))


@st.composite
def shows(draw: st.DrawFn, show_id: str | None = None,
          pool: dict[str, str] | None = None) -> sf.Show:
    """
    A show whose references all hold.

    ``pool`` maps person ids to names, for catalogs whose shows share
    people.
    """
    source_ids = draw(st.lists(ids, unique=True, max_size=3))
    if pool:
        person_ids = draw(st.lists(st.sampled_from(sorted(pool)),
                                   unique=True, min_size=1, max_size=4))
    else:
        person_ids = draw(st.lists(ids, unique=True, min_size=1, max_size=4))
    # In a catalog, organizations, characters, works and franchises are
    # the show's own.
    prefix = f"{show_id}-" if pool else ""
    org_ids = [prefix + i for i in draw(st.lists(ids, unique=True,
                                                 max_size=2))]
    character_ids = [prefix + i for i in draw(st.lists(ids, unique=True,
                                                       max_size=3))]
    work_ids = [prefix + i for i in draw(st.lists(ids, unique=True,
                                                  max_size=2))]
    # Fact ids need only be unique; their spelling is tested elsewhere.
    fact_ids = [f"f{i}" for i in range(60)]
    ctx = _Context(draw, sources=source_ids, people=person_ids, orgs=org_ids,
                   characters=character_ids, works=work_ids,
                   fact_ids=fact_ids)

    numbers = draw(st.lists(st.integers(0, 8), unique=True, max_size=2))
    seasons = []
    for number in numbers:
        episode_numbers = draw(st.lists(st.integers(1, 12), unique=True,
                                        max_size=2))
        seasons.append(sf.Season(
            number=number,
            title=draw(optional_text),
            description=draw(optional_text),
            image=draw(optional_urls),
            milestones=_several(ctx, _milestone),
            release_plans=_several(ctx, _release_plan, 1),
            cast=_several(ctx, _cast),
            crew=_several(ctx, _crew, 1),
            teases=_several(ctx, _tease, 1),
            episodes=tuple(_episode(ctx, n) for n in episode_numbers),
            image_credit=draw(optional_text),
            image_alt=draw(optional_text),
            external_ids=draw(external_ids),
            based_on=_several(ctx, _adaptation, 1) if work_ids else (),
            additional_cast=_several(ctx, _additional_cast, 1),
            awards=_several(ctx, _award, 1),
        ))
    return sf.Show(
        id=show_id or draw(ids),
        title=draw(text),
        fictional=draw(st.booleans()),
        description=draw(optional_text),
        genres=tuple(draw(st.lists(text, unique=True, max_size=2))),
        countries=draw(countries),
        languages=draw(languages),
        image=draw(optional_urls),
        external_ids=draw(external_ids),
        networks=ctx.some(org_ids),
        studios=ctx.some(org_ids),
        franchise=draw(st.none() | st.builds(
            sf.Franchise, id=ids.map(lambda i: prefix + i), name=text,
        )),
        sources=tuple(draw(sources(i)) for i in source_ids),
        people=tuple(
            draw(people(i, pool[i] if pool else None)) for i in person_ids
        ),
        organizations=tuple(
            draw(organizations(i, [o for o in org_ids if o != i]))
            for i in org_ids
        ),
        characters=tuple(draw(characters(i)) for i in character_ids),
        works=tuple(
            draw(works(i, person_ids, [w for w in work_ids if w != i]))
            for i in work_ids
        ),
        statuses=_several(ctx, _status),
        relations=_several(ctx, _relation, 1),
        based_on=_several(ctx, _adaptation, 1) if work_ids else (),
        crew=_several(ctx, _crew),
        milestones=_several(ctx, _milestone, 1),
        teases=_several(ctx, _tease, 1),
        cast=_several(ctx, _cast, 1),
        additional_cast=_several(ctx, _additional_cast, 1),
        awards=_several(ctx, _award, 1),
        seasons=tuple(seasons),
    )


@st.composite
def catalogs(draw: st.DrawFn, max_shows: int = 3) -> sf.Catalog:
    """A catalog of shows that share a pool of people."""
    pool_ids = draw(st.lists(ids, unique=True, min_size=1, max_size=5))
    pool = {i: draw(text) for i in pool_ids}
    show_ids = draw(st.lists(ids, unique=True, min_size=1,
                             max_size=max_shows))
    return sf.Catalog(shows=[draw(shows(i, pool)) for i in show_ids])


# -- hostile text ------------------------------------------------------------

#: Pieces of text that break XML, JSON, HTML or UTF-8 when nobody checks:
#: C0 and C1 controls, lone surrogates, the noncharacters XML excludes,
#: line separators, markup.
NASTY = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85",
    "\x9f", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00",
    "\ufffe", "\uffff", "\ufffd", "\ufdd0", "\U0010ffff", "\u2028",
    "\u2029", "\r", "\r\n", "\t", "<", ">", "&", '"', "'", "]]>",
    "</script>", "<!--", "&amp;", "&#0;",
)

#: Any code points at all, surrogates and controls included, with at least
#: one visible character (so titles stay valid).
wild_text = st.lists(
    st.characters(exclude_categories=()) | st.sampled_from(NASTY),
    min_size=1, max_size=8,
).map("".join).filter(
    lambda s: any(c.isprintable() and not c.isspace() for c in s)
)

#: The free-text fields of the model; ids, URLs, codes and dates are
#: checked by the model and keep their values.
WILD_FIELDS = frozenset({
    "author", "description", "detail", "genres", "location", "name",
    "names", "note", "publisher", "quote", "reason", "synopsis", "text",
    "title",
})


def _wildly(value: Any, pool: Iterator[str]) -> Any:
    """``value`` with every free-text string in it taken from ``pool``."""
    if isinstance(value, tuple):
        return tuple(_wildly(v, pool) for v in value)
    if not attrs.has(type(value)):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        current = getattr(value, field.name)
        if field.name in WILD_FIELDS and isinstance(current, str):
            new = next(pool)
        elif field.name in WILD_FIELDS and isinstance(current, tuple):
            new = tuple(next(pool) for _ in current)
        else:
            new = _wildly(current, pool)
        if new is not current:
            changes[field.alias or field.name] = new
    return attrs.evolve(value, **changes) if changes else value


@st.composite
def wild_shows(draw: st.DrawFn) -> sf.Show:
    """
    A show from :func:`shows` whose free text is anything at all.

    Every title, name, description, quote, note, tease and date label is
    drawn from :data:`wild_text`: control characters, lone surrogates,
    U+FFFE/U+FFFF and markup included.  A show built in code can hold such
    strings, so every output must survive them.  The fields take turns
    through a few drawn strings, which keeps the strategy fast and lets
    Hypothesis shrink a failure to one string.
    """
    show = draw(shows())
    pool = draw(st.lists(wild_text, min_size=1, max_size=6))
    return _wildly(show, itertools.cycle(pool))


# -- later versions ----------------------------------------------------------

def _grown_show(draw: st.DrawFn, show: sf.Show) -> sf.Show:
    """``show`` with new facts (fresh ids ``new0``, ``new1``, ...) only."""
    from showfacts._invariants import KINDS

    ctx = _Context(
        draw,
        sources=[s.id for s in show.sources],
        people=[p.id for p in show.people],
        orgs=[o.id for o in show.organizations],
        characters=[c.id for c in show.characters],
        works=[w.id for w in show.works],
        fact_ids=[f"new{i}" for i in range(60)],
    )
    # New facts may supersede old ones, and each other.
    for ref in show.facts():
        ctx.by_kind.setdefault(KINDS[ref.collection], []).append(
            ref.fact.id
        )
    seasons = []
    for season in show.seasons:
        used = {e.number for e in season.episodes}
        numbers = draw(st.lists(
            st.integers(1, 30).filter(lambda n, used=used: n not in used),
            unique=True, max_size=1,
        ))
        seasons.append(attrs.evolve(
            season,
            milestones=season.milestones + _several(ctx, _milestone),
            release_plans=season.release_plans + _several(
                ctx, _release_plan, 1
            ),
            cast=season.cast + _several(ctx, _cast),
            crew=season.crew + _several(ctx, _crew, 1),
            teases=season.teases + _several(ctx, _tease, 1),
            episodes=season.episodes + tuple(
                _episode(ctx, n) for n in numbers
            ),
        ))
    return attrs.evolve(
        show,
        statuses=show.statuses + _several(ctx, _status),
        relations=show.relations + _several(ctx, _relation, 1),
        based_on=show.based_on + (
            _several(ctx, _adaptation, 1) if ctx.works else ()
        ),
        crew=show.crew + _several(ctx, _crew, 1),
        milestones=show.milestones + _several(ctx, _milestone, 1),
        teases=show.teases + _several(ctx, _tease, 1),
        seasons=tuple(seasons),
    )


@st.composite
def grown_catalogs(draw: st.DrawFn, max_shows: int = 3) -> tuple[
    sf.Catalog, sf.Catalog
]:
    """
    A catalog and a later version of it that only adds facts.

    The later version keeps every fact of the first unchanged and adds new
    ones with fresh ids to some shows: at the show level and in seasons,
    some superseding earlier facts (old or new) of their kind, some
    arriving retracted.  It may also hold a new show.
    """
    old = draw(catalogs(max_shows))
    grown = [
        _grown_show(draw, show) if draw(st.booleans()) else show
        for show in old.shows
    ]
    if draw(st.booleans()):
        taken = {show.id for show in old.shows}
        pool = {p.id: p.name for show in old.shows for p in show.people}
        new_id = draw(ids.filter(lambda i: i not in taken))
        grown.append(draw(shows(new_id, pool)))
    return old, sf.Catalog(shows=grown)
