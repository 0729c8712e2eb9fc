"""
TMDb: a TV details response (``/3/tv/{id}``) to a show.

The response may carry ``append_to_response`` parts: ``external_ids``,
``credits``, ``aggregate_credits``, ``videos`` and season details
(``season/1``, ...).  See ``docs/importers.md`` for every field.

Certainty: what has aired (a season or episode whose date is on or before
the last aired episode, or the retrieval day) and the past (an ended or
cancelled status, networks, creators, companies) is ``confirmed``; a date
still to come, and a status of a show not yet released, is ``reported``:
TMDb is edited by its users and does not say who announced it.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from showfacts import crosswalk
from showfacts.dates import FuzzyDate
from showfacts.importers._build import (
    Builder,
    Imported,
    ShapeError,
    is_aired,
    iso_date,
    items,
    need,
    need_mapping,
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
    ShowFormat,
    Source,
    StatusFact,
)


__all__ = ["IMAGE_BASE", "POSTER_SIZE", "record_url", "to_show"]

#: TMDb's documented image base (``/3/configuration``: ``secure_base_url``).
IMAGE_BASE = "https://image.tmdb.org/t/p/"
#: The poster size used for show and season images.
POSTER_SIZE = "w500"
#: The size used for logos (``original``: logos are often SVG).
LOGO_SIZE = "original"

_SERVICE = "TMDb"
#: Statuses of shows that have not been released: their status is
#: reported, not confirmed.
_UNRELEASED = {"Planned", "In Production", "Pilot"}
#: Fields that are about TMDb itself (votes, popularity) or that the show
#: holds another way.
_IGNORED = {
    "adult": "an adult-content flag; showfacts holds no ratings",
    "popularity": "TMDb's own popularity score, not a fact about the show",
    "vote_average": "a user rating, not a fact about the show",
    "vote_count": "a user rating count, not a fact about the show",
    "backdrop_path": "one image per show is kept: the poster",
    "in_production": "told by the status",
    "type": "a TMDb category (Scripted, Reality, ...); only Miniseries "
    "is a show format",
    "origin_country": "kept as the show's countries",
    "original_name": "kept as the title when it differs from the name",
    "number_of_seasons": "a count, derived from the seasons (season 0 "
    "never counted)",
    "number_of_episodes": "a count, derived from the episodes",
    "episode_run_time": "runtimes are kept per episode",
    "last_air_date": "kept as the last aired episode's date",
    "languages": "kept as the show's languages",
    "production_countries": "where it was made; the show's countries come "
    "from origin_country",
}


def record_url(tmdb_id: int) -> str:
    """The TMDb page of a show."""
    return f"https://www.themoviedb.org/tv/{tmdb_id}"


def image(path: Any, size: str = POSTER_SIZE) -> str | None:
    """An image address from a TMDb ``*_path``."""
    if not isinstance(path, str) or not path.startswith("/"):
        return None
    return f"{IMAGE_BASE}{size}{path}"


def to_show(data: Any, *, name: str = "<tmdb>",
            retrieved: FuzzyDate | None = None,
            show_id: str | None = None) -> Imported:
    """
    A show from a TMDb TV details response.

    Args:
        data: The parsed JSON.
        name: The file name, for errors.
        retrieved: When the response was read, if known.
        show_id: The show's id (default: a slug of its name).

    Raises:
        ShapeError: For a response of another shape (exit status 1).
        InvalidDataError: If the values make no valid show.

    .. versionadded:: 0.1.0
    """
    data = need_mapping(data, "a TMDb TV details response", name)
    tmdb_id = need(data, "id", int, name, "TMDb TV details")
    title = text(need(data, "name", str, name, "TMDb TV details"))
    if "first_air_date" not in data and "seasons" not in data:
        msg = (
            f"{name}: $.seasons is missing: this is not a TMDb TV details "
            "response (a movie or search result?), or it is cut off"
        )
        raise ShapeError(msg)
    source = Source(
        id=f"tmdb-{tmdb_id}", title=f"{title or tmdb_id} on TMDb",
        publisher="TMDb", url=record_url(tmdb_id), retrieved=retrieved,
    )
    b = Builder(show_id=show_id or slug(title or "") or f"tmdb-{tmdb_id}",
                title=title or str(tmdb_id), source=source)
    aired_until = _aired_until(data, retrieved)
    _show_fields(b, data, tmdb_id)
    _status(b, data, name)
    _companies(b, data)
    _creators(b, data)
    _seasons(b, data, aired_until)
    _next_and_last(b, data, aired_until)
    first = iso_date(data.get("first_air_date"))
    if first is not None and 1 not in b.seasons:
        b.fact("milestones", Milestone, id=b.fact_id("tmdb-premiere"),
               kind=MilestoneKind.PREMIERE, date=first,
               certainty=_date_certainty(first, aired_until))
    _credits(b, data)
    if data.get("type") == "Miniseries":
        b.fields["format"] = ShowFormat.MINISERIES
    for key, reason in _IGNORED.items():
        if key == "type" and data.get("type") == "Miniseries":
            continue
        if key in data and key not in {"origin_country", "languages",
                                       "last_air_date", "original_name"}:
            b.drop(f"$.{key}", reason)
    for key in sorted(data):
        if key.startswith("season/"):
            continue
        if key not in _KNOWN and key not in _IGNORED:
            b.drop(f"$.{key}", "not a field showfacts maps")
    return b.result()


_KNOWN = {
    "id", "name", "overview", "genres", "homepage", "poster_path",
    "first_air_date", "status", "networks", "production_companies",
    "created_by", "seasons", "next_episode_to_air", "last_episode_to_air",
    "external_ids", "credits", "aggregate_credits", "videos",
    "original_language", "spoken_languages", "tagline",
}


def _aired_until(data: Mapping[str, Any],
                 retrieved: FuzzyDate | None) -> str | None:
    last = data.get("last_episode_to_air")
    dates = []
    if isinstance(last, Mapping) and isinstance(last.get("air_date"), str):
        dates.append(last["air_date"][:10])
    if retrieved is not None and len(retrieved.edtf) >= 10:
        dates.append(retrieved.edtf[:10])
    return max(dates) if dates else None


def _show_fields(b: Builder, data: Mapping[str, Any], tmdb_id: int) -> None:
    original = text(data.get("original_name"))
    if original and original != b.title:
        b.drop("$.original_name", f"{original!r}: only one title is kept")
    b.fields["description"] = text(data.get("overview"))
    if data.get("tagline"):
        b.drop("$.tagline", "a slogan, not a description")
    b.fields["genres"] = tuple(
        g["name"] for g in items(data, "genres")
        if isinstance(g, Mapping) and text(g.get("name"))
    )
    countries = [c for c in items(data, "origin_country")
                 if isinstance(c, str) and len(c) == 2 and c.isupper()]
    b.fields["countries"] = tuple(dict.fromkeys(countries))
    languages = []
    if isinstance(data.get("original_language"), str):
        languages.append(data["original_language"])
    languages += [
        lang.get("iso_639_1") for lang in items(data, "spoken_languages")
        if isinstance(lang, Mapping) and isinstance(lang.get("iso_639_1"),
                                                    str)
    ]
    b.fields["languages"] = tuple(
        dict.fromkeys(x for x in languages if x and x != "xx")
    )
    b.fields["image"] = image(data.get("poster_path"))
    ids = data.get("external_ids")
    ids = ids if isinstance(ids, Mapping) else {}
    homepage = data.get("homepage")
    b.fields["external_ids"] = ExternalIds(
        tmdb=tmdb_id,
        imdb=ids.get("imdb_id") or None,
        wikidata=ids.get("wikidata_id") or None,
        tvdb=ids.get("tvdb_id") if isinstance(ids.get("tvdb_id"), int)
        and ids["tvdb_id"] > 0 else None,
        official_site=homepage if isinstance(homepage, str) and homepage
        else None,
    )
    for key in sorted(ids):
        if key not in {"id", "imdb_id", "wikidata_id", "tvdb_id"} and ids[
            key
        ]:
            b.drop(f"$.external_ids.{key}", "showfacts holds IMDb, TMDb, "
                   "TVmaze, Wikidata, EIDR and TheTVDB ids")


def _status(b: Builder, data: Mapping[str, Any], name: str) -> None:
    status = data.get("status")
    if status is None:
        return
    try:
        mapped = crosswalk.from_tmdb(status)
    except ValueError as exc:
        msg = f"{name}: $.status: {exc}"
        raise ShapeError(msg) from None
    certainty = (Certainty.REPORTED if status in _UNRELEASED
                 else Certainty.CONFIRMED)
    b.fact("statuses", StatusFact, id=b.fact_id("tmdb-status"),
           status=mapped, certainty=certainty)


def _companies(b: Builder, data: Mapping[str, Any]) -> None:
    networks = []
    for i, net in enumerate(items(data, "networks")):
        if not isinstance(net, Mapping) or not text(net.get("name")):
            b.drop(f"$.networks[{i}]", "a network without a name")
            continue
        networks.append(b.organization(
            text(net["name"]) or "", OrgKind.NETWORK,
            logo=image(net.get("logo_path"), LOGO_SIZE),
        ))
    if networks:
        b.drop("$.networks[*]", "kept as networks: TMDb does not tell a "
               "broadcast network from a streamer; set kind: streamer by "
               "hand where it is one")
    b.fields["networks"] = tuple(dict.fromkeys(networks))
    studios = []
    for i, com in enumerate(items(data, "production_companies")):
        if not isinstance(com, Mapping) or not text(com.get("name")):
            b.drop(f"$.production_companies[{i}]",
                   "a company without a name")
            continue
        studios.append(b.organization(
            text(com["name"]) or "", OrgKind.STUDIO,
            logo=image(com.get("logo_path"), LOGO_SIZE),
        ))
    b.fields["studios"] = tuple(dict.fromkeys(studios))


def _creators(b: Builder, data: Mapping[str, Any]) -> None:
    for i, who in enumerate(items(data, "created_by")):
        name = text(who.get("name")) if isinstance(who, Mapping) else None
        if not name:
            b.drop(f"$.created_by[{i}]", "a creator without a name")
            continue
        person = b.person(name, tmdb=_tmdb_id(who))
        b.fact("crew", CrewCredit, id=b.fact_id("tmdb-creator", person),
               person=person, role=CrewRole.CREATOR,
               certainty=Certainty.CONFIRMED)


def _tmdb_id(record: Mapping[str, Any]) -> int | None:
    value = record.get("id")
    return value if isinstance(value, int) and value > 0 else None


def _date_certainty(date: FuzzyDate | None,
                    aired_until: str | None) -> Certainty:
    return (Certainty.CONFIRMED if is_aired(date, aired_until)
            else Certainty.REPORTED)


def _seasons(b: Builder, data: Mapping[str, Any],
             aired_until: str | None) -> None:
    for i, season in enumerate(items(data, "seasons")):
        path = f"$.seasons[{i}]"
        if not isinstance(season, Mapping) or not isinstance(
            season.get("season_number"), int
        ) or season["season_number"] < 0:
            b.drop(path, "a season without a number")
            continue
        number = season["season_number"]
        name = text(season.get("name"))
        default = "Specials" if number == 0 else f"Season {number}"
        b.season(
            number,
            title=name if name and name != default else None,
            description=text(season.get("overview")),
            image=image(season.get("poster_path")),
        )
        if season.get("episode_count"):
            b.drop(f"{path}.episode_count", "a count, derived from the "
                   "episodes when they are given")
        date = iso_date(season.get("air_date"))
        if date is not None and number > 0:
            b.fact("milestones", Milestone, season=number,
                   id=b.fact_id("tmdb", f"s{number}", "premiere"),
                   kind=MilestoneKind.PREMIERE, date=date,
                   certainty=_date_certainty(date, aired_until))
        elif date is not None:
            b.drop(f"{path}.air_date", "specials have no premiere; their "
                   "episodes keep their own dates")
        details = data.get(f"season/{number}")
        if isinstance(details, Mapping):
            for j, episode in enumerate(items(details, "episodes")):
                _episode(b, episode, f"$['season/{number}'].episodes[{j}]",
                         number, aired_until)


def _episode(b: Builder, episode: Any, path: str, season: int,
             aired_until: str | None, *, is_next: bool = False) -> None:
    if not isinstance(episode, Mapping) or not isinstance(
        episode.get("episode_number"), int
    ):
        b.drop(path, "an episode without a number")
        return
    number = episode["episode_number"]
    fact_id = f"tmdb-s{season}e{number}"
    known = b.season(season).get("episodes", [])
    for i, found in enumerate(known):
        if found.id == fact_id:
            if is_next:
                known[i] = attrs.evolve(found, next=True)
            return
    date = iso_date(episode.get("air_date"))
    runtime = episode.get("runtime")
    b._ids.add(fact_id)  # noqa: SLF001
    b.fact(
        "episodes", Episode, season=season, id=fact_id, number=number,
        title=text(episode.get("name")), air_date=date,
        runtime=runtime if isinstance(runtime, int) and runtime > 0
        else None,
        synopsis=text(episode.get("overview")),
        # TMDb's episode_type "finale" is a season's (or the show's) last.
        finale=True if episode.get("episode_type") == "finale" else None,
        next=True if is_next else None,
        certainty=_date_certainty(date, aired_until),
    )


def _next_and_last(b: Builder, data: Mapping[str, Any],
                   aired_until: str | None) -> None:
    for key in ("last_episode_to_air", "next_episode_to_air"):
        episode = data.get(key)
        if not isinstance(episode, Mapping):
            continue
        season = episode.get("season_number")
        if not isinstance(season, int) or season < 0:
            b.drop(f"$.{key}", "an episode without a season number")
            continue
        _episode(b, episode, f"$.{key}", season, aired_until,
                 is_next=key == "next_episode_to_air")


#: TMDb crew jobs that are show-level crew roles.
_JOBS = {
    "Executive Producer": CrewRole.EXECUTIVE_PRODUCER,
    "Showrunner": CrewRole.SHOWRUNNER,
    "Developer": CrewRole.DEVELOPER,
    "Director": CrewRole.DIRECTOR,
    "Writer": CrewRole.WRITER,
    "Creator": CrewRole.CREATOR,
    "Novel": CrewRole.SOURCE_AUTHOR,
}
#: TMDb's documented profile size for people.
PROFILE_SIZE = "w185"


def _credits(b: Builder, data: Mapping[str, Any]) -> None:
    """Series-wide cast and crew: ``aggregate_credits``, else ``credits``."""
    unreleased = data.get("status") in _UNRELEASED
    certainty = Certainty.REPORTED if unreleased else Certainty.CONFIRMED
    keys = [k for k in ("aggregate_credits", "credits")
            if isinstance(data.get(k), Mapping)]
    for key in keys[1:]:
        b.drop(f"$.{key}", f"the same people as {keys[0]}, which is used")
    for key in keys[:1]:
        credits_ = data[key]
        for i, who in enumerate(items(credits_, "cast")):
            path = f"$.{key}.cast[{i}]"
            name = text(who.get("name")) if isinstance(who, Mapping) else None
            if not name:
                b.drop(path, "a cast member without a name")
                continue
            roles = [text(r.get("character")) for r in items(who, "roles")
                     if isinstance(r, Mapping)] if "roles" in who else [
                         text(who.get("character"))]
            person = b.person(name, image=image(who.get("profile_path"),
                                                PROFILE_SIZE),
                              tmdb=_tmdb_id(who))
            # Every character, each name whole ("Young Ewan / Narrator").
            characters = tuple(dict.fromkeys(
                b.character(r) for r in roles if r
            ))
            b.fact("cast", CastCredit, id=b.fact_id("tmdb-cast", person),
                   person=person, characters=characters,
                   certainty=certainty)
            if who.get("total_episode_count"):
                b.drop(f"{path}.total_episode_count", "a count of episodes, "
                       "not which ones")
        for i, who in enumerate(items(credits_, "crew")):
            path = f"$.{key}.crew[{i}]"
            name = text(who.get("name")) if isinstance(who, Mapping) else None
            jobs = [text(j.get("job")) for j in items(who, "jobs")
                    if isinstance(j, Mapping)] if isinstance(
                        who, Mapping) and "jobs" in who else [
                            text(who.get("job")) if isinstance(who, Mapping)
                            else None]
            for job in jobs:
                role = _JOBS.get(job or "")
                if not name or role is None:
                    b.drop(path, f"{name} ({job}): not a role showfacts "
                           "holds for a whole show")
                    continue
                person = b.person(name, image=image(who.get("profile_path"),
                                                    PROFILE_SIZE),
                                  tmdb=_tmdb_id(who))
                fact_id = f"tmdb-{role.value.replace('_', '-')}-{person}"
                if fact_id in b._ids:  # noqa: SLF001
                    continue
                b._ids.add(fact_id)  # noqa: SLF001
                b.fact("crew", CrewCredit, id=fact_id, person=person,
                       role=role, certainty=certainty)
    if isinstance(data.get("videos"), Mapping):
        b.drop("$.videos", "trailers and clips are not facts the show holds")
