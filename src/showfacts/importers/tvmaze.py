"""
TVmaze: a show response (``/shows/{id}``) to a show.

The response may embed ``cast``, ``crew``, ``seasons``, ``episodes``,
``nextepisode`` and ``previousepisode`` (``?embed[]=...``).  See
``docs/importers.md`` for every field.

Certainty: what has aired (on or before the previous episode's date, the
show's end date or the retrieval day) and the past (an ended status, the
network, creators) is ``confirmed``; a date still to come and the status of
a show in development are ``reported``: TVmaze is edited by its users.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from showfacts import crosswalk
from showfacts.dates import FuzzyDate
from showfacts.importers._build import (
    Builder,
    Imported,
    ShapeError,
    html_text,
    is_aired,
    iso_date,
    items,
    language_code,
    need,
    need_mapping,
    slug,
    text,
)
from showfacts.models import (
    TIME_PATTERN,
    Billing,
    CastCredit,
    Certainty,
    CrewCredit,
    CrewRole,
    Episode,
    ExternalIds,
    Milestone,
    MilestoneKind,
    OrgKind,
    ReleasePattern,
    ReleasePlan,
    Source,
    StatusFact,
)


__all__ = ["record_url", "to_show"]

_CREW_ROLES = {
    "Creator": CrewRole.CREATOR,
    "Developer": CrewRole.DEVELOPER,
    "Executive Producer": CrewRole.EXECUTIVE_PRODUCER,
    "Showrunner": CrewRole.SHOWRUNNER,
}
_IGNORED = {
    "rating": "a user rating, not a fact about the show",
    "weight": "TVmaze's own popularity score",
    "updated": "when TVmaze last edited the record",
    "dvdCountry": "a home-video release; no field holds it",
    "runtime": "runtimes are kept per episode",
    "averageRuntime": "runtimes are kept per episode",
    "_links": "links inside TVmaze",
    "type": "a TVmaze category (Scripted, Reality, ...); no field holds it",
}
_KNOWN = {
    "id", "url", "name", "language", "genres", "status", "premiered",
    "ended", "officialSite", "schedule", "network", "webChannel",
    "externals", "image", "summary", "_embedded",
}


def record_url(tvmaze_id: int) -> str:
    """The TVmaze page of a show."""
    return f"https://www.tvmaze.com/shows/{tvmaze_id}"


def to_show(data: Any, *, name: str = "<tvmaze>",
            retrieved: FuzzyDate | None = None,
            show_id: str | None = None) -> Imported:
    """
    A show from a TVmaze show response.

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
    data = need_mapping(data, "a TVmaze show response", name)
    tvmaze_id = need(data, "id", int, name, "TVmaze show")
    title = text(need(data, "name", str, name, "TVmaze show"))
    if "premiered" not in data and "status" not in data:
        msg = (
            f"{name}: $.status is missing: this is not a TVmaze show "
            "response (a person or episode?), or it is cut off"
        )
        raise ShapeError(msg)
    url = data.get("url")
    source = Source(
        id=f"tvmaze-{tvmaze_id}", title=f"{title or tvmaze_id} on TVmaze",
        publisher="TVmaze",
        url=url if isinstance(url, str) and url.startswith("https://")
        else record_url(tvmaze_id),
        retrieved=retrieved,
    )
    b = Builder(show_id=show_id or slug(title or "") or f"tvmaze-{tvmaze_id}",
                title=title or str(tvmaze_id), source=source)
    embedded = data.get("_embedded")
    embedded = embedded if isinstance(embedded, Mapping) else {}
    aired_until = _aired_until(data, embedded, retrieved)
    _show_fields(b, data, tvmaze_id)
    _status(b, data, name, aired_until)
    _channel(b, data)
    _crew(b, embedded)
    _cast(b, embedded, Certainty.REPORTED
          if data.get("status") == "In Development" else Certainty.CONFIRMED)
    _seasons(b, embedded, aired_until)
    _episodes(b, embedded, aired_until)
    _schedule(b, data, embedded, aired_until)
    for key in sorted(data):
        if key in _IGNORED:
            b.drop(f"$.{key}", _IGNORED[key])
        elif key not in _KNOWN:
            b.drop(f"$.{key}", "not a field showfacts maps")
    return b.result()


def _aired_until(data: Mapping[str, Any], embedded: Mapping[str, Any],
                 retrieved: FuzzyDate | None) -> str | None:
    dates = []
    previous = embedded.get("previousepisode")
    if isinstance(previous, Mapping) and isinstance(
        previous.get("airdate"), str
    ):
        dates.append(previous["airdate"][:10])
    if data.get("status") == "Ended" and isinstance(data.get("ended"), str):
        dates.append(data["ended"][:10])
    if retrieved is not None and len(retrieved.edtf) >= 10:
        dates.append(retrieved.edtf[:10])
    return max(dates) if dates else None


def _show_fields(b: Builder, data: Mapping[str, Any], tvmaze_id: int) -> None:
    b.fields["description"] = html_text(data.get("summary"))
    b.fields["genres"] = tuple(
        g for g in items(data, "genres") if isinstance(g, str) and g.strip()
    )
    language = data.get("language")
    code = language_code(language)
    if code:
        b.fields["languages"] = (code,)
    elif language:
        b.drop("$.language", f"{language!r} is not a language name "
               "showfacts knows")
    picture = data.get("image")
    if isinstance(picture, Mapping):
        b.fields["image"] = picture.get("original") or picture.get("medium")
    externals = data.get("externals")
    externals = externals if isinstance(externals, Mapping) else {}
    site = data.get("officialSite")
    b.fields["external_ids"] = ExternalIds(
        tvmaze=tvmaze_id,
        imdb=externals.get("imdb") or None,
        tvdb=externals.get("thetvdb")
        if isinstance(externals.get("thetvdb"), int)
        and externals["thetvdb"] > 0 else None,
        official_site=site if isinstance(site, str) and site else None,
    )
    for key in sorted(externals):
        if key not in {"imdb", "thetvdb"} and externals[key]:
            b.drop(f"$.externals.{key}", "showfacts holds IMDb, TMDb, "
                   "TVmaze, Wikidata, EIDR and TheTVDB ids")


def _status(b: Builder, data: Mapping[str, Any], name: str,
            aired_until: str | None) -> None:
    status = data.get("status")
    if status is not None:
        try:
            mapped = crosswalk.from_tvmaze(status)
        except ValueError as exc:
            msg = f"{name}: $.status: {exc}"
            raise ShapeError(msg) from None
        certainty = (Certainty.REPORTED if status == "In Development"
                     else Certainty.CONFIRMED)
        b.fact("statuses", StatusFact, id=b.fact_id("tvmaze-status"),
               status=mapped, certainty=certainty)
    premiered = iso_date(data.get("premiered"))
    embedded = data.get("_embedded")
    seasons = items(embedded, "seasons") if isinstance(
        embedded, Mapping) else []
    if premiered is not None and any(
        isinstance(s, Mapping) and s.get("number") == 1
        and s.get("premiereDate") for s in seasons
    ):
        pass  # the first season's premiere says it
    elif premiered is not None:
        b.fact("milestones", Milestone, id=b.fact_id("tvmaze-premiere"),
               kind=MilestoneKind.PREMIERE, date=premiered,
               certainty=Certainty.CONFIRMED
               if is_aired(premiered, aired_until) else Certainty.REPORTED)
    ended = iso_date(data.get("ended"))
    if ended is not None and status == "Ended":
        b.fact("milestones", Milestone, id=b.fact_id("tvmaze-ended"),
               kind=MilestoneKind.ENDED, date=ended,
               certainty=Certainty.CONFIRMED)


def _channel(b: Builder, data: Mapping[str, Any]) -> None:
    found = []
    for key, kind in (("network", OrgKind.NETWORK),
                      ("webChannel", OrgKind.STREAMER)):
        channel = data.get(key)
        if not isinstance(channel, Mapping):
            continue
        name = text(channel.get("name"))
        if not name:
            b.drop(f"$.{key}", "a channel without a name")
            continue
        site = channel.get("officialSite")
        found.append(b.organization(
            name, kind, url=site if isinstance(site, str) and site else None,
        ))
        country = channel.get("country")
        if isinstance(country, Mapping) and country.get("timezone"):
            b.drop(f"$.{key}.country", f"{country.get('name')} "
                   f"({country.get('timezone')}): the channel's country, "
                   "not the show's; its time zone only frames the schedule")
    b.fields["networks"] = tuple(dict.fromkeys(found))


def _crew(b: Builder, embedded: Mapping[str, Any]) -> None:
    for i, credit in enumerate(items(embedded, "crew")):
        if not isinstance(credit, Mapping):
            continue
        person = credit.get("person")
        name = _name_of(person)
        kind = credit.get("type")
        role = _CREW_ROLES.get(kind) if isinstance(kind, str) else None
        if not name or role is None:
            b.drop(f"$._embedded.crew[{i}]",
                   f"{name or 'no name'} ({kind}): not a role showfacts "
                   "holds for a whole show")
            continue
        person_id = person.get("id") if isinstance(person, Mapping) else None
        pid = b.person(name, image=_picture(person), tvmaze=person_id
                       if isinstance(person_id, int) else None)
        b.fact("crew", CrewCredit, id=b.fact_id("tvmaze", role.value, pid),
               person=pid, role=role, certainty=Certainty.CONFIRMED)


def _picture(record: Any) -> str | None:
    picture = record.get("image") if isinstance(record, Mapping) else None
    if not isinstance(picture, Mapping):
        return None
    found = picture.get("original") or picture.get("medium")
    return found if isinstance(found, str) else None


def _tvmaze_id(record: Any) -> int | None:
    value = record.get("id") if isinstance(record, Mapping) else None
    return value if isinstance(value, int) and value > 0 else None


def _cast(b: Builder, embedded: Mapping[str, Any],
          certainty: Certainty) -> None:
    """Series-wide cast: one credit per person, every character kept."""
    credits_: dict[tuple[str, bool], list[str]] = {}
    for i, credit in enumerate(items(embedded, "cast")):
        if not isinstance(credit, Mapping):
            continue
        person = credit.get("person")
        name = _name_of(person)
        if not name:
            b.drop(f"$._embedded.cast[{i}]", "a cast member without a name")
            continue
        pid = b.person(name, image=_picture(person),
                       tvmaze=_tvmaze_id(person))
        character = credit.get("character")
        role = _name_of(character)
        found = credits_.setdefault((pid, credit.get("voice") is True), [])
        if role:
            found.append(b.character(role, image=_picture(character),
                                     tvmaze=_tvmaze_id(character)))
    for (pid, voice), characters in credits_.items():
        b.fact("cast", CastCredit,
               id=b.fact_id("tvmaze-cast", pid, "voice" if voice else ""),
               person=pid, characters=tuple(dict.fromkeys(characters)),
               # TVmaze marks voice roles; it says nothing of billing else.
               billing=Billing.VOICE if voice else None,
               certainty=certainty)


def _seasons(b: Builder, embedded: Mapping[str, Any],
             aired_until: str | None) -> None:
    for i, season in enumerate(items(embedded, "seasons")):
        path = f"$._embedded.seasons[{i}]"
        if not isinstance(season, Mapping) or not isinstance(
            season.get("number"), int
        ) or season["number"] < 0:
            b.drop(path, "a season without a number")
            continue
        number = season["number"]
        picture = season.get("image")
        name = text(season.get("name"))
        b.season(
            number, title=name or None,
            description=html_text(season.get("summary")),
            image=picture.get("original")
            if isinstance(picture, Mapping) else None,
        )
        date = iso_date(season.get("premiereDate"))
        if date is not None:
            b.fact("milestones", Milestone, season=number,
                   id=b.fact_id("tvmaze", f"s{number}", "premiere"),
                   kind=MilestoneKind.PREMIERE, date=date,
                   certainty=Certainty.CONFIRMED
                   if is_aired(date, aired_until) else Certainty.REPORTED)
        end = iso_date(season.get("endDate"))
        if end is not None and is_aired(end, aired_until):
            b.fact("milestones", Milestone, season=number,
                   id=b.fact_id("tvmaze", f"s{number}", "finale"),
                   kind=MilestoneKind.FINALE, date=end,
                   certainty=Certainty.CONFIRMED)
        elif end is not None:
            b.drop(f"{path}.endDate", "a planned last day; kept as the last "
                   "episode's date")
        if season.get("episodeOrder"):
            b.drop(f"{path}.episodeOrder", "a count, derived from the "
                   "episodes when they are given")


def _episodes(b: Builder, embedded: Mapping[str, Any],
              aired_until: str | None) -> None:
    todo = [(f"$._embedded.episodes[{i}]", e)
            for i, e in enumerate(items(embedded, "episodes"))]
    todo.extend(
        (f"$._embedded.{key}", embedded[key])
        for key in ("previousepisode", "nextepisode")
        if isinstance(embedded.get(key), Mapping)
    )
    seen: set[str] = set()
    for path, episode in todo:
        if not isinstance(episode, Mapping):
            continue
        season, number = episode.get("season"), episode.get("number")
        if not isinstance(season, int) or season < 0:
            b.drop(path, f"{text(episode.get('name'))}: an episode without "
                   "a season")
            continue
        if isinstance(number, int) and number >= 0:
            fact_id = f"tvmaze-s{season}e{number}"
        elif isinstance(episode.get("id"), int) and text(episode.get("name")):
            # A special without a number: kept by its name and TVmaze id.
            number = None
            fact_id = f"tvmaze-s{season}-episode-{episode['id']}"
        else:
            b.drop(path, "an episode with neither a number nor a name")
            continue
        if fact_id in seen:
            if path == "$._embedded.nextepisode":
                _mark_next(b, season, fact_id)
            continue
        seen.add(fact_id)
        b._ids.add(fact_id)  # noqa: SLF001
        date = iso_date(episode.get("airdate"))
        runtime = episode.get("runtime")
        b.fact(
            "episodes", Episode, season=season, id=fact_id, number=number,
            title=text(episode.get("name")), air_date=date,
            runtime=runtime if isinstance(runtime, int) and runtime > 0
            else None,
            synopsis=html_text(episode.get("summary")),
            certainty=Certainty.CONFIRMED if is_aired(date, aired_until)
            else Certainty.REPORTED,
            next=True if path == "$._embedded.nextepisode" else None,
        )
        if episode.get("airtime"):
            b.drop(f"{path}.airtime", "times are not kept per episode yet")


def _name_of(record: Any) -> str | None:
    return text(record.get("name")) if isinstance(record, Mapping) else None


def _mark_next(b: Builder, season: int, fact_id: str) -> None:
    import attrs  # noqa: PLC0415

    episodes = b.season(season).get("episodes", [])
    for i, episode in enumerate(episodes):
        if episode.id == fact_id:
            episodes[i] = attrs.evolve(episode, next=True)


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday"}


def _schedule(b: Builder, data: Mapping[str, Any],
              embedded: Mapping[str, Any], aired_until: str | None) -> None:
    """The weekly schedule, as the release plan of the season it is for."""
    schedule = data.get("schedule")
    if not isinstance(schedule, Mapping):
        return
    days = [d.lower() for d in items(schedule, "days")
            if isinstance(d, str) and d.lower() in _WEEKDAYS]
    time = schedule.get("time") if isinstance(schedule.get("time"), str) \
        and schedule.get("time") else None
    if not days and not time:
        return
    season = _schedule_season(data, embedded)
    if season is None or not days:
        b.drop("$.schedule", f"{', '.join(days) or 'no day'} at "
               f"{time or 'no time'}: no weekday, or no season it is for "
               "(embed the seasons or the next episode)")
        return
    channel = data.get("network") or data.get("webChannel")
    country = channel.get("country") if isinstance(channel, Mapping) \
        else None
    country = country if isinstance(country, Mapping) else {}
    code = country.get("code")
    zone = country.get("timezone")
    platform = slug(text(channel.get("name")) or "") \
        if isinstance(channel, Mapping) else ""
    b.fact(
        "release_plans", ReleasePlan, season=season,
        id=b.fact_id("tvmaze", f"s{season}", "schedule"),
        pattern=ReleasePattern.WEEKLY, weekdays=tuple(days),
        time=time if time and re.fullmatch(TIME_PATTERN, time) else None,
        # The network's zone frames its time; without a time it says
        # nothing.
        timezone=zone if time and isinstance(zone, str) and zone else None,
        region=code if isinstance(code, str) and len(code) == 2 else None,
        platform=platform if platform in b.organizations else None,
        # A run that has started is confirmed; one to come is reported.
        certainty=Certainty.CONFIRMED
        if is_aired(_premiere(embedded, season), aired_until)
        else Certainty.REPORTED,
    )


def _premiere(embedded: Mapping[str, Any], number: int) -> FuzzyDate | None:
    for season in items(embedded, "seasons"):
        if isinstance(season, Mapping) and season.get("number") == number:
            return iso_date(season.get("premiereDate"))
    return None


def _schedule_season(data: Mapping[str, Any],
                     embedded: Mapping[str, Any]) -> int | None:
    """The season a show's schedule is for: the one airing or next."""
    for key in ("nextepisode", "previousepisode"):
        episode = embedded.get(key)
        if isinstance(episode, Mapping) and isinstance(
            episode.get("season"), int
        ) and (key == "nextepisode" or data.get("status") != "Running"
               or not isinstance(embedded.get("nextepisode"), Mapping)):
            return int(episode["season"])
    numbers: list[int] = [
        int(s["number"]) for s in items(embedded, "seasons")
        if isinstance(s, Mapping) and isinstance(s.get("number"), int)
    ]
    return max(numbers) if numbers else None
