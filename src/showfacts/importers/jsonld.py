"""
Published JSON-LD (``TVSeries``, ``TVSeason``, ``TVEpisode``) to a show.

The input is JSON-LD (a single node, a list, or a ``@graph``) or an HTML
page, whose structured data extruct extracts.  References by ``@id`` are
followed, relative URLs resolved against the page's address
(``base_url``), HTML entities decoded, and numbers written as strings
read as numbers.

Certainty: a page's plain statements are its publisher's statements (the
page is the source every fact cites), so people, crew and cast are
``confirmed``; a date is ``confirmed`` when it has passed (on or before the
retrieval day, or the last episode the page says was published) and
``reported`` otherwise: a future day stated as a fact is often a
placeholder, and schema.org has no word for "expected".

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any

from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError
from showfacts.importers._build import (
    Builder,
    Imported,
    ShapeError,
    iso_date,
    slug,
    text,
)
from showfacts.models import (
    CastCredit,
    Certainty,
    CrewCredit,
    CrewRole,
    Episode,
    ExternalIds,
    Milestone,
    MilestoneKind,
    OrgKind,
    Source,
)


__all__ = ["extract", "to_show"]

_SERIES, _SEASON, _EPISODE = "TVSeries", "TVSeason", "TVEpisode"
_SAME_AS = (
    (re.compile(r"^https?://(?:www\.|m\.)?imdb\.com/title/(tt\d+)"), "imdb"),
    (re.compile(r"^https?://(?:www\.)?themoviedb\.org/tv/(\d+)"), "tmdb"),
    (re.compile(r"^https?://(?:www\.)?tvmaze\.com/shows/(\d+)"), "tvmaze"),
    (re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q\d+)"),
     "wikidata"),
)
_CREW = {"creator": CrewRole.CREATOR, "director": CrewRole.DIRECTOR,
         "author": CrewRole.WRITER}
_SERIES_KNOWN = {
    "@context", "@type", "@id", "name", "description", "url", "sameAs",
    "image", "genre", "inLanguage", "startDate", "endDate",
    "containsSeason", "actor", "creator", "director", "author",
    "productionCompany", "publisher", "numberOfSeasons",
    "numberOfEpisodes", "producer",
}


def extract(page: str, base_url: str | None = None) -> list[Any]:
    """
    The JSON-LD blocks of an HTML page, as extruct reads them.

    .. versionadded:: 0.1.0
    """
    try:
        import extruct  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        msg = ("reading JSON-LD from HTML pages needs extruct: "
               "pip install 'showfacts[import]'")
        raise InputError(msg) from None

    found = extruct.extract(page, base_url=base_url, syntaxes=["json-ld"],
                            uniform=False)
    blocks: list[Any] = found.get("json-ld", [])
    return blocks


def read_text(raw: str, name: str, base_url: str | None) -> Any:
    """
    JSON-LD from a file's text: JSON as is, HTML through :func:`extract`.

    Raises:
        ShapeError: For text that is neither.
    """
    stripped = raw.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(raw)
        except RecursionError:
            msg = f"{name}: nested too deeply to be JSON-LD"
            raise ShapeError(msg) from None
        except json.JSONDecodeError as exc:
            msg = (f"{name}: line {exc.lineno}, column {exc.colno}: not "
                   f"JSON ({exc.msg}); the file may be cut off")
            raise ShapeError(msg) from None
    if "<" not in stripped[:1024]:
        msg = f"{name}: neither JSON-LD nor an HTML page"
        raise ShapeError(msg)
    return extract(raw, base_url)


class _Graph:
    def __init__(self, data: Any, base_url: str | None) -> None:
        self.base = base_url
        self.nodes: list[Mapping[str, Any]] = []
        self.by_id: dict[str, Mapping[str, Any]] = {}
        self._collect(data, 0)

    def _collect(self, data: Any, depth: int) -> None:
        if depth > 32:
            return
        if isinstance(data, list):
            for item in data:
                self._collect(item, depth + 1)
        elif isinstance(data, Mapping):
            if "@graph" in data:
                self._collect(data["@graph"], depth + 1)
            if "@type" in data:
                self.nodes.append(data)
                if isinstance(data.get("@id"), str):
                    self.by_id.setdefault(self.url(data["@id"]) or "", data)

    def url(self, value: Any) -> str | None:
        if isinstance(value, Mapping):
            value = value.get("url") or value.get("contentUrl") or value.get(
                "@id")
        value = text(value)
        if not value:
            return None
        if self.base:
            value = urllib.parse.urljoin(self.base, value)
        return value if value.startswith(("http://", "https://")) else None

    def deref(self, value: Any) -> Any:
        if isinstance(value, Mapping) and set(value) == {"@id"}:
            return self.by_id.get(self.url(value["@id"]) or "", value)
        return value

    def each(self, value: Any) -> Iterator[Any]:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is not None:
                yield self.deref(v)


def _types(node: Any) -> set[str]:
    if not isinstance(node, Mapping):
        return set()
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return text(value.get("name"))
    return text(value)


def to_show(data: Any, *, name: str = "<jsonld>",
            base_url: str | None = None,
            retrieved: FuzzyDate | None = None,
            show_id: str | None = None) -> Imported:
    """
    A show from JSON-LD, or from the JSON-LD blocks of a page.

    Args:
        data: The parsed JSON-LD (what :func:`extract` returns for a page).
        name: The file name, for errors.
        base_url: The page's address, for relative URLs.
        retrieved: When the page was read, if known.
        show_id: The show's id (default: a slug of its name).

    Raises:
        ShapeError: When there is no ``TVSeries``, ``TVSeason`` or
            ``TVEpisode`` node.
        InvalidDataError: If the values make no valid show.

    .. versionadded:: 0.1.0
    """
    graph = _Graph(data, base_url)
    series = next((n for n in graph.nodes if _SERIES in _types(n)), None)
    if series is None:
        for node in graph.nodes:
            if _types(node) & {_SEASON, _EPISODE}:
                parent = graph.deref(node.get("partOfSeries"))
                if isinstance(parent, Mapping):
                    series = parent
                    break
    if series is None:
        kinds = sorted({k for n in graph.nodes for k in _types(n)})
        msg = (
            f"{name}: $ holds no TVSeries, TVSeason or TVEpisode node "
            f"with its series (found: {', '.join(kinds) or 'nothing'})"
        )
        raise ShapeError(msg)
    title = _name(series)
    if not title:
        msg = f"{name}: the TVSeries node has no name"
        raise ShapeError(msg)
    page = graph.url(series.get("url")) or base_url
    source = Source(
        id=f"jsonld-{slug(title)}" if slug(title) else "jsonld",
        title=title, url=page if page and graph.url(page) else None,
        retrieved=retrieved,
    )
    b = Builder(show_id=show_id or slug(title) or "show", title=title,
                source=source)
    b.aired_until = _aired_until(graph, retrieved)
    _series(b, graph, series)
    seasons = list(graph.each(series.get("containsSeason")))
    seasons += [n for n in graph.nodes if _SEASON in _types(n)
                and n not in seasons]
    for i, season in enumerate(seasons):
        _season(b, graph, season, f"$.containsSeason[{i}]")
    episodes = [n for n in graph.nodes if _EPISODE in _types(n)
                and graph.deref(n.get("partOfSeason")) is not None]
    for i, episode in enumerate(episodes):
        season = graph.deref(episode.get("partOfSeason"))
        number = _number(season.get("seasonNumber")) if isinstance(
            season, Mapping) else None
        if number is None:
            b.drop(f"$[TVEpisode {i}]", "an episode of a season without a "
                   "number")
            continue
        _episode(b, episode, number, f"$[TVEpisode {i}]")
    return b.result()


def _aired_until(graph: _Graph, retrieved: FuzzyDate | None) -> str | None:
    """The retrieval day, or the last episode the page says was published."""
    days = [
        d.edtf[:10] for d in (
            iso_date(n.get("datePublished")) for n in graph.nodes
            if _EPISODE in _types(n)
        ) if d is not None and len(d.edtf) >= 10
    ]
    for season in graph.nodes:
        for episode in graph.each(season.get("episode")):
            date = iso_date(episode.get("datePublished")) if isinstance(
                episode, Mapping) else None
            if date is not None and len(date.edtf) >= 10:
                days.append(date.edtf[:10])
    if retrieved is not None and len(retrieved.edtf) >= 10:
        days.append(retrieved.edtf[:10])
    return max(days) if days else None


def _series(b: Builder, graph: _Graph, series: Mapping[str, Any]) -> None:
    b.fields["description"] = text(series.get("description"))
    b.fields["image"] = graph.url(series.get("image")) if not isinstance(
        series.get("image"), list) else graph.url(series["image"][0])
    b.fields["genres"] = tuple(
        g for g in (text(x) for x in graph.each(series.get("genre"))) if g
    )
    languages = []
    for lang in graph.each(series.get("inLanguage")):
        code = text(lang.get("name") if isinstance(lang, Mapping) else lang)
        if code and re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", code):
            languages.append(code)
        elif code:
            b.drop("$.inLanguage", f"{code!r}: not a BCP 47 tag")
    b.fields["languages"] = tuple(dict.fromkeys(languages))
    ids: dict[str, Any] = {}
    for same in graph.each(series.get("sameAs")):
        url = graph.url(same)
        for pattern, key in _SAME_AS:
            match = pattern.match(url or "")
            if match:
                ids.setdefault(key, match.group(1))
                break
        else:
            b.drop("$.sameAs", f"{url or same}: not an IMDb, TMDb, TVmaze "
                   "or Wikidata address")
    for key in ("tmdb", "tvmaze"):
        if key in ids:
            ids[key] = int(ids[key])
    b.fields["external_ids"] = ExternalIds(**ids)
    for key, kind in (("startDate", MilestoneKind.PREMIERE),
                      ("endDate", MilestoneKind.ENDED)):
        date = iso_date(series.get(key))
        if date is not None:
            b.fact("milestones", Milestone, id=b.fact_id("jsonld", kind.value),
                   kind=kind, date=date, certainty=b.dated(date))
        elif series.get(key):
            b.drop(f"$.{key}", f"{series[key]!r}: not an ISO 8601 date")
    b.fields["networks"] = _orgs(b, graph, series, "publisher",
                                 OrgKind.NETWORK)
    b.fields["studios"] = _orgs(b, graph, series, "productionCompany",
                                OrgKind.STUDIO)
    _crew(b, graph, series, None, "$")
    for i, actor in enumerate(graph.each(series.get("actor"))):
        person, character = _performer(graph, actor)
        if not person:
            b.drop(f"$.actor[{i}]", "an actor without a name")
            continue
        pid = b.person(person)
        b.fact("cast", CastCredit, id=b.fact_id("jsonld-cast", pid),
               person=pid,
               characters=(b.character(character),) if character else (),
               certainty=Certainty.CONFIRMED)
    for key in ("numberOfSeasons", "numberOfEpisodes"):
        if key in series:
            b.drop(f"$.{key}", f"{series[key]}: a count, derived from the "
                   "seasons and episodes")
    for key in sorted(series):
        if key not in _SERIES_KNOWN:
            b.drop(f"$.{key}", "not a property showfacts maps")


def _orgs(b: Builder, graph: _Graph, node: Mapping[str, Any], key: str,
          kind: OrgKind) -> tuple[str, ...]:
    found = []
    for org in graph.each(node.get(key)):
        name = _name(org)
        if name:
            found.append(b.organization(
                name, kind, url=graph.url(org.get("url"))
                if isinstance(org, Mapping) else None,
            ))
    if found and kind is OrgKind.NETWORK:
        b.drop(f"$.{key}", "kept as networks: the publisher property does "
               "not tell a network from a streamer")
    return tuple(dict.fromkeys(found))


def _performer(graph: _Graph, value: Any) -> tuple[str | None, str | None]:
    if _types(value) & {"PerformanceRole", "Role"}:
        inner = graph.deref(value.get("actor"))
        return _name(inner), text(value.get("characterName"))
    return _name(value), None


def _crew(b: Builder, graph: _Graph, node: Mapping[str, Any],
          season: int | None, path: str) -> None:
    for key, role in _CREW.items():
        for i, who in enumerate(graph.each(node.get(key))):
            if _types(who) & {"Role"} and isinstance(who, Mapping):
                who = graph.deref(who.get(key))  # noqa: PLW2901
            name = _name(who)
            if not name or "Organization" in _types(who):
                b.drop(f"{path}.{key}[{i}]", "not a person")
                continue
            person = b.person(name)
            b.fact("crew", CrewCredit, season=season,
                   id=b.fact_id("jsonld", role.value, season or "", person),
                   person=person, role=role, certainty=Certainty.CONFIRMED)
    for i, who in enumerate(graph.each(node.get("producer"))):
        role_name = text(who.get("roleName")) if isinstance(
            who, Mapping) else None
        inner = graph.deref(who.get("producer")) if isinstance(
            who, Mapping) else None
        if role_name == "showrunner" and _name(inner):
            person = b.person(_name(inner) or "")
            b.fact("crew", CrewCredit, season=season,
                   id=b.fact_id("jsonld-showrunner", season or "", person),
                   person=person, role=CrewRole.SHOWRUNNER,
                   certainty=Certainty.CONFIRMED)
        else:
            b.drop(f"{path}.producer[{i}]", "a producer: showfacts holds "
                   "showrunners and executive producers only")


def _season(b: Builder, graph: _Graph, season: Any, path: str) -> None:
    if not isinstance(season, Mapping):
        return
    number = _number(season.get("seasonNumber"))
    if number is None:
        b.drop(path, f"{_name(season)}: a season without a number")
        return
    name = _name(season)
    default = "Specials" if number == 0 else f"Season {number}"
    b.season(number, title=name if name and name != default else None,
             description=text(season.get("description")),
             image=graph.url(season.get("image")))
    date = iso_date(season.get("startDate"))
    if date is not None and number > 0:
        b.fact("milestones", Milestone, season=number,
               id=b.fact_id("jsonld", f"s{number}", "premiere"),
               kind=MilestoneKind.PREMIERE, date=date,
               certainty=b.dated(date))
    _crew(b, graph, season, number, path)
    for i, actor in enumerate(graph.each(season.get("actor"))):
        person, character = _performer(graph, actor)
        if not person:
            b.drop(f"{path}.actor[{i}]", "an actor without a name")
            continue
        pid = b.person(person)
        b.fact("cast", CastCredit, season=number,
               id=b.fact_id("jsonld", f"s{number}", "cast", pid),
               person=pid,
               characters=(b.character(character),) if character else (),
               certainty=Certainty.CONFIRMED)
    for i, episode in enumerate(graph.each(season.get("episode"))):
        _episode(b, episode, number, f"{path}.episode[{i}]")
    if "numberOfEpisodes" in season:
        b.drop(f"{path}.numberOfEpisodes", "a count, derived from the "
               "episodes")


def _episode(b: Builder, episode: Any, season: int, path: str) -> None:
    if not isinstance(episode, Mapping):
        return
    number = _number(episode.get("episodeNumber"))
    if number is None:
        b.drop(path, f"{_name(episode)}: an episode without a number")
        return
    fact_id = f"jsonld-s{season}e{number}"
    if fact_id in b._ids:  # noqa: SLF001
        return
    b._ids.add(fact_id)  # noqa: SLF001
    date = iso_date(episode.get("datePublished") or episode.get("startDate"))
    b.fact("episodes", Episode, season=season, id=fact_id, number=number,
           title=_name(episode), air_date=date,
           synopsis=text(episode.get("description")),
           certainty=Certainty.CONFIRMED if date is None else b.dated(date))
