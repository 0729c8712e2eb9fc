"""
Premiere calendars: premieres, part releases and finales as iCalendar.

Tracker users subscribe to these calendars, so an event must keep its
``UID`` for as long as it is the same event, and its ``SEQUENCE`` must rise
whenever the facts behind it are revised, or subscribed calendars never
update.  Both come from the data, like every other property: the same data
gives the same bytes, whatever the clock, time zone or locale.

What becomes an event, and how (see ``docs/calendar.md``):

==========================================  ===================================
current milestone                           event
==========================================  ===================================
confirmed, known to the day                 all-day, ``STATUS:CONFIRMED``
confirmed, day plus ``time`` and zone       timed (UTC), ``STATUS:CONFIRMED``
anything less certain or less precise       left out; with ``tentative=True``
                                            ``STATUS:TENTATIVE``, all-day over
                                            the whole window (timed for a day
                                            with a time), the window and the
                                            certainty in words
==========================================  ===================================

>>> import showfacts
>>> from showfacts.iris import Site
>>> ballard = showfacts.load("examples/ballard.yaml")
>>> [e.summary for e in events(ballard, Site("https://example.org/"))]
[]
>>> [e.summary for e in events(ballard, Site("https://example.org/"),
...                            tentative=True)][-1]
'Ballard Season 2 premiere (expected: summer or fall 2026 (mid-to-late 2026))'
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
import zoneinfo
from collections.abc import Iterable, Iterator, Sequence

import attrs
import icalendar

from showfacts import _wording, schedules, views
from showfacts._edtf import Precision
from showfacts._text import publishable
from showfacts.dates import FuzzyDate
from showfacts.exceptions import RenderError
from showfacts.iris import Site
from showfacts.models import (
    Catalog,
    Certainty,
    Episode,
    Fact,
    Milestone,
    MilestoneKind,
    ReleasePlan,
    Show,
    Source,
)
from showfacts.releases import (
    episodes_phrase,
    in_region,
    part_label,
    release_key,
    schedule_phrase,
)


__all__ = [
    "CALENDAR_END",
    "CALENDAR_KINDS",
    "FALLBACK_STAMP",
    "PRODID",
    "Event",
    "assemble",
    "assembled_head",
    "event_text",
    "events",
    "to_calendar",
]

#: The milestone kinds that become calendar events.
CALENDAR_KINDS = (
    MilestoneKind.PREMIERE,
    MilestoneKind.PART_RELEASE,
    MilestoneKind.FINALE,
)

#: ``DTSTAMP`` of an event whose fact has no announced date and cites no
#: source with a published date.
FALLBACK_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

#: The calendar's ``PRODID``; it names no version, so that upgrading
#: showfacts does not change calendars whose data did not change.
PRODID = "-//showfacts//Premiere calendar//EN"

#: Month names, in English whatever the process locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

#: Line breaks of every kind, and characters iCalendar TEXT may not hold
#: (controls other than tab, and lone surrogates).
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@attrs.frozen(kw_only=True)
class Event:
    """
    One calendar event, before it is written as iCalendar.

    Attributes:
        uid: Never changes for the same event (see :func:`events`).
        show: The show's id.
        season: The season number, or ``None`` for a series premiere or
            finale recorded on the show.
        kind: Premiere, part release or finale; ``"episode"`` for a next
            episode, ``"airing"`` for a day of a weekly schedule.
        part: The part number, for part releases.
        fact: The id of the current milestone the event shows.
        certainty: How sure that milestone is.
        sequence: How many revisions the event has had, from 0.
        stamp: ``DTSTAMP``: when the milestone was announced (UTC).
        start: The day, or for a timed event the UTC start.
        end: The day after the last day, for all-day events; ``None`` for
            timed events, which have no known end.
        confirmed: ``STATUS:CONFIRMED`` rather than ``TENTATIVE``.
        summary: The title, with the certainty and window in words unless
            confirmed.
        description: Plain text: what, when, how sure, and the sources.
        url: The season's (or show's) page.

    .. versionadded:: 0.1.0
    """

    uid: str
    show: str
    season: int | None
    kind: MilestoneKind | str
    part: int | None
    fact: str
    certainty: Certainty
    sequence: int
    stamp: dt.datetime
    start: dt.date | dt.datetime
    end: dt.date | None
    confirmed: bool
    summary: str
    description: str
    url: str
    #: The release's region (ISO 3166-1), if it has one.
    region: str | None = None
    #: Id of the platform, if the release names one.
    platform: str | None = None
    #: For a day worked out from a weekly schedule: it was not announced.
    derived: bool = False
    #: An iCalendar ``RRULE`` value, for an open-ended weekly schedule.
    rrule: str | None = None

    @property
    def timed(self) -> bool:
        """Whether the event has a start time."""
        return isinstance(self.start, dt.datetime)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        """Events are listed by day, then UID."""
        start = self.start
        day = start.date() if isinstance(start, dt.datetime) else start
        return (day, self.uid)


def events(
    data: Show | Catalog, site: Site, *, tentative: bool = False
) -> tuple[Event, ...]:
    """
    The calendar events of a show or of every show in a catalog.

    For each premiere, part release and finale of each season (and the
    series premiere or finale, if recorded on the show), the most
    trustworthy current milestone with a date (:func:`showfacts.best`)
    gives at most one event.

    * ``UID`` is ``{show}/season-{n}/{kind}@{host}`` (``kind`` is
      ``premiere``, ``finale`` or ``part-{p}``; ``{show}/{kind}@{host}``
      for the series), ``host`` being the base URL's host.  It depends on
      which event it is, not on which fact currently dates it, so it
      survives any revision.
    * ``SEQUENCE`` counts the revisions: every milestone ever recorded for
      that event and every fact they supersede, directly or not, each
      counting once, plus one per retraction, minus one.  A fact that
      supersedes the current one raises it by one; as files only add facts
      and retractions, it never falls.
    * ``DTSTAMP`` is the current milestone's announced date (its earliest
      day, 00:00 UTC), else the earliest published date of its sources,
      else :data:`FALLBACK_STAMP`.

    Args:
        data: A show, or a catalog.
        site: The site the calendar and pages are published on.
        tentative: Also list dates that are unconfirmed or known less
            precisely than the day, as tentative events.

    Returns:
        The events, by day, then UID.

    .. versionadded:: 0.1.0
    """
    shows = (data,) if isinstance(data, Show) else data.shows
    host = urllib.parse.urlsplit(site.base).hostname or "localhost"
    found = [
        event
        for show in shows
        for event in _show_events(show, site, host, tentative=tentative)
    ]
    return tuple(sorted(found, key=lambda e: e.sort_key))


def to_calendar(
    data: Show | Catalog,
    site: Site,
    *,
    tentative: bool = False,
    found: Iterable[Event] | None = None,
) -> bytes:
    """
    A premiere calendar as iCalendar (RFC 5545) bytes.

    A show gives that show's calendar, published at
    ``site.calendar_url(show.id)``; a catalog gives one calendar of every
    show, at ``site.calendar_url()``.  See :func:`events` for what becomes
    an event.  Timed events are written in UTC, which every client reads
    the same way; the local time and zone are in the description.

    Args:
        data: A show, or a catalog.
        site: The site the calendar and pages are published on.
        tentative: Also list unconfirmed or imprecise dates, as
            ``STATUS:TENTATIVE`` events.
        found: The events, when they were gathered already (a site build
            gathers them show by show, without holding every show); they
            are written in :func:`events`' order.

    Returns:
        The calendar, UTF-8 with CRLF line ends, lines folded at 75 octets.

    Raises:
        RenderError: If icalendar cannot write the calendar.

    .. versionadded:: 0.1.0
    """
    if isinstance(data, Show):
        title = _line(data.title)
        name = f"{title}: premieres and finales"
        url = site.calendar_url(data.id)
        about = f"Premiere, part release and finale dates of {title}"
    else:
        name = "Premieres and finales"
        url = site.calendar_url()
        about = "Premiere, part release and finale dates"
    if tentative:
        about += (
            ", confirmed or not: unconfirmed dates and windows are marked "
            "tentative and say how sure they are."
        )
    else:
        about += ": confirmed dates known to the day only."
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", icalendar.vText(name))
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("description", icalendar.vText(about))
    cal.add("x-wr-caldesc", icalendar.vText(about))
    cal.add("source", icalendar.vUri(url))
    cal.add("refresh-interval", dt.timedelta(days=1),
            parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vText("P1D"))
    written_events = (
        events(data, site, tentative=tentative) if found is None
        else sorted(found, key=lambda e: e.sort_key)
    )
    for event in written_events:
        cal.add_component(_vevent(event))
    try:
        written: bytes = cal.to_ical()
    except (ValueError, AssertionError) as exc:  # pragma: no cover
        msg = f"the calendar could not be written: {exc}"
        raise RenderError(msg) from exc
    return written


def event_text(event: Event) -> bytes:
    """One event as a calendar writes it: its ``VEVENT``, folded, CRLF."""
    return bytes(_vevent(event).to_ical())


def assemble(data: Show | Catalog, site: Site,
             texts: Iterable[bytes]) -> bytes:
    """
    A calendar of events already written by :func:`event_text`.

    The same bytes as :func:`to_calendar` gives for those events, given
    in :func:`events`' order: a site build writes each show's events once,
    for the show's calendar and the catalog's.
    """
    return assembled_head(data, site) + b"".join(texts) + CALENDAR_END


#: The line every calendar ends with.
CALENDAR_END = b"END:VCALENDAR\r\n"


def assembled_head(data: Show | Catalog, site: Site) -> bytes:
    """What :func:`assemble` writes before the events."""
    return to_calendar(data, site, found=())[:-len(CALENDAR_END)]


# -- events -------------------------------------------------------------------


_Key = tuple[int | None, MilestoneKind, int | None, str | None, str | None]


def _key(season: int | None, milestone: Milestone) -> _Key:
    return release_key(season, milestone)


def _show_events(
    show: Show, site: Site, host: str, *, tentative: bool
) -> Iterator[Event]:
    everything: dict[_Key, list[Milestone]] = {}
    for ref in show.facts():
        fact = ref.fact
        if (
            ref.collection == "milestones"
            and isinstance(fact, Milestone)
            and fact.kind in CALENDAR_KINDS
        ):
            everything.setdefault(_key(ref.season, fact), []).append(fact)
    now = views.current(show)
    candidates: dict[_Key, list[Milestone]] = {}
    current = [(None, m) for m in now.milestones] + [
        (view.season.number, m)
        for view in now.seasons
        for m in view.milestones()
    ]
    for season, milestone in current:
        if milestone.kind in CALENDAR_KINDS and milestone.date is not None:
            candidates.setdefault(_key(season, milestone), []).append(
                milestone
            )
    platforms: dict[tuple[object, ...], set[str | None]] = {}
    for season, kind, part, region, platform in candidates:
        platforms.setdefault((season, kind, part, region), set()).add(
            platform
        )
    made: list[Event] = []
    for key, facts in candidates.items():
        chosen = views.best(facts)
        assert chosen is not None  # noqa: S101 - facts is never empty
        event = _event(show, site, host=host, key=key, fact=chosen,
                       revisions=everything[key], tentative=tentative,
                       by_platform=len(platforms[key[:4]]) > 1)
        if event is not None:
            made.append(event)
    made = _one_per_release(show, made)
    yield from made
    for view in now.seasons:
        for episode in view.episodes:
            if episode.next and episode.air_date is not None:
                found = _episode_event(show, site, host, view.season.number,
                                       episode, tentative=tentative)
                if found is not None:
                    yield found
        for plan in view.release_plans:
            if schedules.is_schedule(plan):
                yield from _airing_events(
                    show, site, host, view.season.number, plan,
                    made=made, tentative=tentative,
                )


def _event(
    show: Show,
    site: Site,
    *,
    host: str,
    key: _Key,
    fact: Milestone,
    revisions: list[Milestone],
    tentative: bool,
    by_platform: bool = False,
) -> Event | None:
    season, kind, part, region, platform = key
    date = fact.date
    assert date is not None  # noqa: S101 - only dated facts get here
    day_exact = date.is_exact and date.precision is Precision.DAY
    confirmed = fact.confirmed and day_exact
    if not (confirmed or tentative):
        return None
    end: dt.date | None
    start: dt.date | dt.datetime
    if day_exact and fact.time is not None and fact.timezone is not None:
        start = _utc(date.earliest, fact.time, fact.timezone)
        end = None
    else:
        first, last = date.earliest, date.latest
        if first == dt.date.min or last == dt.date.max:
            return None  # an open window cannot be placed on a calendar
        start, end = first, last + dt.timedelta(days=1)
    what = _what(show, season, kind, part, fact)
    summary = f"{_line(show.title)} {what}{in_region(region)}"
    if not confirmed:
        summary += f" ({fact.certainty.word}: {_line(date.label())})"
    uid = _uid(show.id, season, kind, part, host)
    uid = _qualified(uid, region, platform if by_platform else None)
    return Event(
        uid=uid,
        show=show.id,
        season=season,
        kind=kind,
        part=part,
        fact=fact.id,
        certainty=fact.certainty,
        sequence=_sequence(show, revisions),
        stamp=_stamp(show, fact),
        start=start,
        end=end,
        confirmed=confirmed,
        summary=summary,
        description=_description(show, season, kind, part, fact,
                                 confirmed=confirmed, start=start, end=end),
        url=(site.show_url(show.id) if season is None
             else site.season_url(show.id, season)),
        region=region,
        platform=platform,
    )


def _one_per_release(show: Show, made: list[Event]) -> list[Event]:
    """
    A part release on its season's premiere day is that premiere.

    A season that starts with "Volume 1" is often recorded with a premiere
    too; the calendar keeps one event, the premiere's (its UID came
    first), and names the part in it.
    """
    premieres: dict[tuple[int | None, dt.date, str | None], Event] = {
        (e.season, _local_day(show, e), e.region): e for e in made
        if e.kind is MilestoneKind.PREMIERE and e.season is not None
    }
    kept: list[Event] = []
    named: dict[str, Event] = {}
    for event in made:
        premiere = premieres.get(
            (event.season, _local_day(show, event), event.region)
        ) if event.kind is MilestoneKind.PART_RELEASE else None
        if premiere is not None and premiere.platform in (
            None, event.platform
        ):
            fact = show.fact(event.fact)
            assert isinstance(fact, Milestone)  # noqa: S101
            named[premiere.uid] = attrs.evolve(
                premiere,
                summary=f"{premiere.summary} ({_line(part_label(fact))})",
            )
            continue
        kept.append(event)
    return [named.get(e.uid, e) for e in kept]


def _qualified(uid: str, *words: str | None) -> str:
    """A UID made specific to a region or platform: ``...-gb@host``."""
    suffix = "".join(f"-{w.lower()}" for w in words if w)
    if not suffix:
        return uid
    where, at, host = uid.rpartition("@")
    return f"{where}{suffix}{at}{host}"


def _day_exact(fact_date: object) -> bool:
    return (isinstance(fact_date, FuzzyDate) and fact_date.is_exact
            and fact_date.precision is Precision.DAY)


def _episode_event(show: Show, site: Site, host: str, season: int,
                   episode: Episode, *, tentative: bool) -> Event | None:
    """The next episode: an event like a premiere's, with its certainty."""
    date = episode.air_date
    assert date is not None  # noqa: S101
    confirmed = episode.confirmed and _day_exact(date)
    if not (confirmed or tentative):
        return None
    first, last = date.earliest, date.latest
    if first == dt.date.min or last == dt.date.max:
        return None
    name = _line(show.season(season).name)
    label = _line(episode.label)
    summary = f"{_line(show.title)} {name} {label}{in_region(episode.region)}"
    if not confirmed:
        summary += f" ({episode.certainty.word}: {_line(date.label())})"
    lines = [f"Next episode of {name} of {_line(show.title)}: {label}"
             + (f" on {_line(show.organization(episode.platform).name)}"
                if episode.platform else "") + "."]
    when = _line(date.label())
    lines.append(f"Confirmed: {when}." if confirmed else
                 f"{episode.certainty.word.capitalize()}, not confirmed: "
                 f"{when}.")
    lines.extend("Source: " + _cite(s) for s in show.cited(episode))
    if show.fictional:
        lines.append(f"{_line(show.title)} is a made-up show: an example, "
                     "not news.")
    which = episode.id if episode.number is None else episode.number
    uid = _qualified(f"{show.id}/season-{season}/episode-{which}@{host}",
                     episode.region)
    return Event(
        uid=uid, show=show.id, season=season, kind="episode", part=None,
        fact=episode.id, certainty=episode.certainty,
        sequence=_sequence(show, [episode]), stamp=_stamp(show, episode),
        start=first, end=last + dt.timedelta(days=1), confirmed=confirmed,
        summary=summary, description="\n".join(lines),
        url=site.season_url(show.id, season), region=episode.region,
        platform=episode.platform,
    )


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _airing_events(
    show: Show, site: Site, host: str, season: int, plan: ReleasePlan, *,
    made: list[Event], tentative: bool,
) -> Iterator[Event]:
    """
    The days of a weekly schedule, one event each.

    A day that already has a premiere, part release or finale event of
    the season for the same region and platform (or for none) is that
    event, not an airing.  An open-ended schedule is one event that
    repeats (``RRULE``) from its first day without one.
    """
    confirmed = plan.confirmed
    if not (confirmed or tentative):
        return
    taken = {
        _local_day(show, e)
        for e in made
        if e.season == season and e.region in (None, plan.region)
        and e.platform in (None, plan.platform)
    }
    name = _line(show.season(season).name)
    title = _line(show.title)
    platform = (_line(show.organization(plan.platform).name)
                if plan.platform else None)
    open_ended = schedules.open_ended(plan)
    found = schedules.airings(plan)
    if open_ended:
        found = tuple(a for a in found if a.first) or found[:1]
    for airing in found:
        if airing.day in taken:
            continue
        start: dt.date | dt.datetime = airing.day
        end: dt.date | None = airing.day + dt.timedelta(days=1)
        if airing.start is not None:
            start = airing.start.astimezone(dt.timezone.utc)
            end = None
        episodes = ""
        if airing.episodes:
            first, last = airing.episodes[0], airing.episodes[-1]
            episodes = (f" episode {first}" if first == last
                        else f" episodes {first} to {last}")
        summary = f"{title} {name}{episodes}{in_region(plan.region)}"
        if airing.derived:
            summary += " (weekly schedule)"
        if not confirmed:
            summary += f" ({plan.certainty.word})"
        schedule_words = _schedule_words(plan)
        lines = [f"{name} of {title}"
                 + (f" on {platform}" if platform else "")
                 + f": {schedule_words}."]
        if airing.derived:
            lines.append(
                f"{_day(airing.day)} is worked out from the "
                f"{'confirmed' if confirmed else plan.certainty.word} weekly "
                "schedule; it was not announced on its own."
            )
        else:
            lines.append(f"{_day(airing.day)} is "
                         + ("the first day" if airing.first else
                            "the last day") + " of the schedule.")
        if airing.start is not None:
            utc = airing.start.astimezone(dt.timezone.utc)
            lines.append(f"{plan.time} {plan.timezone} time "
                         f"({utc:%Y-%m-%d %H:%M} UTC).")
        lines.extend("Source: " + _cite(s) for s in show.cited(plan))
        if show.fictional:
            lines.append(f"{title} is a made-up show: an example, not news.")
        rrule = None
        if open_ended:
            days = ",".join(_WEEKDAY_CODES[d.number] for d in plan.weekdays)
            rrule = f"FREQ=WEEKLY;BYDAY={days}"
        yield Event(
            uid=_qualified(
                f"{show.id}/season-{season}/airing-{airing.day.isoformat()}"
                f"@{host}", plan.region, plan.platform),
            show=show.id, season=season, kind="airing", part=None,
            fact=plan.id, certainty=plan.certainty,
            sequence=_sequence(show, [plan]), stamp=_stamp(show, plan),
            start=start, end=end, confirmed=confirmed, summary=summary,
            description="\n".join(lines),
            url=site.season_url(show.id, season), region=plan.region,
            platform=plan.platform, derived=airing.derived, rrule=rrule,
        )


def _local_day(show: Show, event: Event) -> dt.date:
    """The day an event is on where it happens (its fact's own day)."""
    date = getattr(show.fact(event.fact), "date", None)
    if isinstance(date, FuzzyDate):
        return date.earliest
    start = event.start
    return start.date() if isinstance(start, dt.datetime) else start


def _schedule_words(plan: ReleasePlan) -> str:
    return _line(schedule_phrase(plan) or "weekly")


def _uid(show: str, season: int | None, kind: MilestoneKind,
         part: int | None, host: str) -> str:
    if kind is MilestoneKind.PART_RELEASE:
        name = "part" if part is None else f"part-{part}"
    else:
        name = kind.value
    where = show if season is None else f"{show}/season-{season}"
    return f"{where}/{name}@{host}"


def _sequence(show: Show, revisions: Sequence[Fact]) -> int:
    """
    The revisions of an event, from 0.

    Every milestone recorded for the event and every fact they supersede,
    directly or not, counts once, and every retraction among them once
    more.  Files only ever add facts and retractions, so this never falls.
    """
    counted: dict[str, Fact] = {}
    for fact in revisions:
        for earlier in show.history(fact.id):
            counted.setdefault(earlier.id, earlier)
    retractions = sum(1 for f in counted.values() if f.retracted is not None)
    return len(counted) + retractions - 1


def _stamp(show: Show, fact: Fact) -> dt.datetime:
    # The news day of a fuzzy date, as feeds date the fact.
    day = fact.announced.news_day if fact.announced else None
    if day is None:
        days = [
            d for d in (_published(s) for s in show.cited(fact))
            if d is not None
        ]
        day = min(days) if days else None
    if day is None:
        return FALLBACK_STAMP
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _published(source: Source) -> dt.date | None:
    return source.published.news_day if source.published else None


def _utc(day: dt.date, time: str, zone: str) -> dt.datetime:
    hour, minute = (int(p) for p in time.split(":"))
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        msg = f"{zone!r} is not a time zone this system knows"
        raise RenderError(msg) from exc
    local = dt.datetime(day.year, day.month, day.day, hour, minute,
                        tzinfo=tz)
    return local.astimezone(dt.timezone.utc)


# -- words --------------------------------------------------------------------


def _what(show: Show, season: int | None, kind: MilestoneKind,
          part: int | None, fact: Milestone | None = None) -> str:
    name = "series" if season is None else _line(show.season(season).name)
    if kind is MilestoneKind.PART_RELEASE:
        if fact is not None and fact.part_name:
            return f"{name} {_line(part_label(fact))} release"
        return f"{name} Part {part} release" if part else (
            f"{name} part release"
        )
    return f"{name} {kind.value}"


def _day(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _description(
    show: Show,
    season: int | None,
    kind: MilestoneKind,
    part: int | None,
    fact: Milestone,
    *,
    confirmed: bool,
    start: dt.date | dt.datetime,
    end: dt.date | None,
) -> str:
    date = fact.date
    assert date is not None  # noqa: S101
    title = _line(show.title)
    if kind is MilestoneKind.PART_RELEASE:
        noun = f"Release of Part {part}" if part else "Release of a part"
        if fact.part_name:
            noun = f"Release of {_line(part_label(fact))}"
    else:
        noun = kind.value.capitalize()
    of = title if season is None else (
        f"{_line(show.season(season).name)} of {title}"
    )
    what = f"{noun} of {of}"
    if fact.platform is not None:
        what += f" on {_line(show.organization(fact.platform).name)}"
    what += in_region(fact.region)
    lines = [what + "."]
    episodes = episodes_phrase(fact)
    if episodes:
        lines.append(f"{episodes[:1].upper()}{episodes[1:]}.")
    if isinstance(start, dt.datetime):
        when = (
            f"{_day(date.earliest)}, {fact.time} {fact.timezone} time "
            f"({start:%Y-%m-%d %H:%M} UTC)"
        )
    else:
        when = _line(date.label())
    if confirmed:
        lines.append(f"Confirmed: {when}.")
    elif fact.certainty is Certainty.CONFIRMED:
        lines.append(
            f"Confirmed for {when}; the day has not been announced."
        )
    else:
        lines.append(
            f"{fact.certainty.word.capitalize()}, not confirmed: {when}."
        )
    if end is not None and not isinstance(start, dt.datetime) and (
        end - start > dt.timedelta(days=1)
    ):
        last = end - dt.timedelta(days=1)
        lines.append(
            f"This entry spans the whole window, {_day(start)} to "
            f"{_day(last)}."
        )
    if fact.detail:
        lines.append(_text(fact.detail))
    if fact.qualifier:
        lines.append(f"Caveat: {_line(fact.qualifier)}.")
    who = _wording.attribution(fact)
    if who is not None:
        lines.append(f"Said by {_line(who)}")
    lines.extend("Source: " + _cite(source) for source in show.cited(fact))
    if show.fictional:
        lines.append(f"{title} is a made-up show: an example, not news.")
    return "\n".join(lines)


def _cite(source: Source) -> str:
    parts = []
    if source.publisher:
        parts.append(_line(source.publisher))
    parts.append(f"\u201c{_line(source.title)}\u201d")
    if source.published:
        parts.append(_line(source.published.label()))
    relayed = _wording.via(source)
    if relayed:
        parts.append(_line(relayed))
    text = ", ".join(parts)
    if source.url:
        text += f" <{_line(source.url)}>"
    return text


def _text(value: str) -> str:
    """Text iCalendar can carry: line breaks normalized, controls gone."""
    return _UNWRITABLE.sub("", _BREAKS.sub("\n", publishable(value)))


def _line(value: str) -> str:
    """Text on one line."""
    return " ".join(_text(value).split())


# -- iCalendar ----------------------------------------------------------------


def _vevent(event: Event) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", icalendar.vText(event.uid))
    vevent.add("dtstamp", event.stamp)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstart", event.start)
    if event.end is not None:
        vevent.add("dtend", event.end)
    if event.rrule is not None:
        vevent.add("rrule", icalendar.vRecur.from_ical(event.rrule))
    vevent.add("summary", icalendar.vText(event.summary))
    vevent.add("description", icalendar.vText(event.description))
    vevent.add("status", "CONFIRMED" if event.confirmed else "TENTATIVE")
    vevent.add("transp", "TRANSPARENT")
    vevent.add("categories", [_CATEGORIES[event.kind]])
    if event.derived:
        vevent.add("x-showfacts-derived", "TRUE")
    vevent.add("url", icalendar.vUri(event.url))
    return vevent


_CATEGORIES = {
    MilestoneKind.PREMIERE: "Premiere",
    MilestoneKind.PART_RELEASE: "Part release",
    MilestoneKind.FINALE: "Finale",
    "episode": "Episode",
    "airing": "Airing",
}
