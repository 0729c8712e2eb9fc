"""
The shape of real releases, one made-up show per pattern.

Each file in ``tests/data/releases/`` holds one pattern that entertainment
news uses all the time:

1. ``two-countries.yaml``: a premiere in the UK, then in the US;
2. ``volumes.yaml``: a season released in three named volumes;
3. ``hybrid-schedule.yaml``: three episodes, then weekly on Fridays;
4. ``episodes.yaml``: a finale known by title only, a next episode;
5. ``final-season.yaml``: the final season of an anthology, "ending";
6. ``counts.yaml``: a partial file and a year-named season;
7. ``supersedes.yaml``: one date replacing two sources' windows.

Every file goes through every output with real clients: JSON-LD through
``sdo_check.py`` (0 errors), RSS and Atom through feedparser (``bozo ==
0``), JSON Feed through its JSON Schema, the calendar through icalendar,
the card through html5lib, and ``lint``.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import zoneinfo

import feedparser
import html5lib
import icalendar
import jsonschema
import pytest

import showfacts as sf
from showfacts import crosswalk, schedules
from showfacts.calendar import to_calendar
from showfacts.diff import diff
from showfacts.exceptions import InvalidDataError
from showfacts.feeds import to_atom, to_json_feed, to_rss
from showfacts.iris import Site
from showfacts.jsonld import to_jsonld
from showfacts.lint import Level, lint
from showfacts.markup import fact_card, script_tag
from showfacts.news import build_feed, statement
from showfacts.releases import (
    episodes_phrase,
    part_label,
    region_name,
    schedule_phrase,
)
from showfacts.site import build_site
from tests.conftest import ROOT
from tests.test_jsonld import sdo_check, sdo_problems


DATA = ROOT / "tests" / "data" / "releases"
FILES = sorted(p.name for p in DATA.glob("*.yaml"))
SITE = Site("https://example.org/tv/")
TODAY = dt.date(2026, 3, 10)
JSON_FEED = jsonschema.Draft202012Validator(json.loads(
    (ROOT / "tests" / "data" / "jsonfeed-1.1.schema.json").read_text(
        encoding="utf-8"
    )
))
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
day = sf.FuzzyDate.of


def load(name: str) -> sf.Show:
    """One of the pattern files."""
    return sf.load(DATA / name)


def nodes(graph: dict, kind: str) -> list[dict]:
    """The graph's nodes of one type."""
    return [n for n in graph["@graph"] if n["@type"] == kind]


def as_list(value: object) -> list:
    """A JSON-LD value that may be one or several, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def vevents(data: bytes) -> list[icalendar.Event]:
    """The events of a calendar, parsed by icalendar."""
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def start_of(event: icalendar.Event) -> dt.date | dt.datetime:
    """An event's ``DTSTART``."""
    return event.decoded("dtstart")


def test_the_seven_patterns_are_here():
    """One file per pattern, as the module says."""
    assert [
        "counts.yaml", "episodes.yaml", "final-season.yaml",
        "hybrid-schedule.yaml", "supersedes.yaml", "two-countries.yaml",
        "volumes.yaml",
    ] == FILES


# -- every output, every pattern ----------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_jsonld_passes_sdo_check(name):
    """The whole graph, with claims and pending terms, has no problems."""
    if sdo_check() is None:
        pytest.skip("../shared is not here")
    show = load(name)
    for graph in (
        to_jsonld(show, SITE),
        to_jsonld(show, SITE, claims=True, pending=True),
    ):
        assert [] == sdo_problems(graph, frozenset({
            "Claim", "appearance", "creativeWorkStatus",
        }))


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feeds_parse_without_errors(name, fmt):
    """Feedparser reads the RSS and Atom feeds cleanly."""
    show = load(name)
    feed = build_feed(show, SITE, fmt)
    data = to_rss(feed) if fmt == "rss" else to_atom(feed)
    parsed = feedparser.parse(data)
    assert 0 == parsed.bozo
    assert [i.title for i in feed.items] == [e.title for e in parsed.entries]
    assert parsed.entries


@pytest.mark.parametrize("name", FILES)
def test_json_feed_is_valid(name):
    """The JSON Feed follows its schema, with a stable id per item."""
    show = load(name)
    document = json.loads(to_json_feed(build_feed(show, SITE, "json")))
    JSON_FEED.validate(document)
    ids = [item["id"] for item in document["items"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", FILES)
def test_calendar_parses_and_tentative_stays_below_confirmed(name):
    """Icalendar reads it; the default calendar has no tentative event."""
    show = load(name)
    confirmed = vevents(to_calendar(show, SITE))
    everything = vevents(to_calendar(show, SITE, tentative=True))
    assert all(str(e["status"]) == "CONFIRMED" for e in confirmed)
    uids = [str(e["uid"]) for e in everything]
    assert len(uids) == len(set(uids))
    assert {str(e["uid"]) for e in confirmed} <= set(uids)
    for event in everything:
        summary = str(event["summary"])
        if str(event["status"]) == "TENTATIVE":
            assert "(" in summary  # how sure, in words


@pytest.mark.parametrize("name", FILES)
def test_card_is_valid_html(name):
    """The fact card parses in strict html5lib, with and without claims."""
    show = load(name)
    parser = html5lib.HTMLParser(strict=True)
    for claims in (False, True):
        parser.parseFragment(fact_card(show, None, SITE, claims=claims))


@pytest.mark.parametrize("name", FILES)
def test_lint_finds_no_errors(name):
    """No contradiction, no stale fact: the patterns are honest data."""
    show = load(name)
    assert [] == [
        str(f) for f in lint(show, today=TODAY) if f.level is Level.ERROR
    ]


@pytest.mark.parametrize("name", FILES)
def test_rebuilds_are_byte_identical(name):
    """Same file, same bytes, in every output."""
    outputs = []
    for _ in range(2):
        show = load(name)
        outputs.append((
            json.dumps(to_jsonld(show, SITE, claims=True)),
            to_calendar(show, SITE, tentative=True),
            to_rss(build_feed(show, SITE, "rss")),
            fact_card(show, None, SITE, claims=True),
        ))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("name", FILES)
def test_round_trips(name):
    """Dumping a pattern file and loading it back gives the same show."""
    show = load(name)
    assert show == sf.loads(sf.dumps(show, "yaml"), "yaml")


# -- 1. premieres in two countries --------------------------------------------


class TestTwoCountries:
    """ITV-like in the UK on September 21, PBS-like in the US on January 4."""

    def test_lint_is_clean(self):
        """Different regions never contradict each other."""
        assert () == lint(load("two-countries.yaml"), today=TODAY)

    def test_calendar_has_both_premieres(self):
        """One event per region, with its own UID."""
        events = {
            str(e["uid"]): e
            for e in vevents(to_calendar(load("two-countries.yaml"), SITE))
        }
        gb = events["fenwick-hall/season-1/premiere-gb@example.org"]
        us = events["fenwick-hall/season-1/premiere-us@example.org"]
        assert dt.date(2025, 9, 21) == start_of(gb)
        assert dt.date(2026, 1, 4) == start_of(us)
        assert "in the United Kingdom" in str(gb["summary"])
        assert "in the United States" in str(us["summary"])

    def test_unconfirmed_finale_is_tentative(self):
        """The reported US finale is a tentative event, not a confirmed one."""
        events = vevents(to_calendar(load("two-countries.yaml"), SITE,
                                     tentative=True))
        finale = next(e for e in events if "finale" in str(e["uid"]))
        assert "TENTATIVE" == str(finale["status"])
        assert "reported" in str(finale["summary"])

    def test_jsonld_has_an_event_per_region(self):
        """Each release event names its country and platform."""
        graph = to_jsonld(load("two-countries.yaml"), SITE)
        season = nodes(graph, "TVSeason")[0]
        events = as_list(season["releasedEvent"])
        assert [("GB", "2025-09-21"), ("US", "2026-01-04")] == sorted(
            (e["location"]["name"], e["startDate"]) for e in events
        )
        assert all("publishedBy" in e for e in events)
        assert "2025-09-21" == season["startDate"]  # the earliest

    def test_a_plan_for_a_region_is_not_repeated(self):
        """A release plan giving the US premiere makes no second event."""
        data = sf.to_dict(load("two-countries.yaml"))
        data["seasons"][0]["release_plans"] = [{
            "id": "s1-plan-us", "date": "2026-01-04", "region": "US",
            "platform": "eastern-public", "pattern": "weekly",
            "certainty": "confirmed", "sources": ["eastern-press"],
        }]
        graph = to_jsonld(sf.from_dict(data), SITE)
        events = as_list(nodes(graph, "TVSeason")[0]["releasedEvent"])
        assert ["2025-09-21", "2026-01-04"] == sorted(
            e["startDate"] for e in events
        )

    def test_card_lists_each_release(self):
        """The card shows both countries."""
        card = fact_card(load("two-countries.yaml"), None, SITE)
        assert "2025-09-21" in card
        assert "2026-01-04" in card
        assert ">GB<" in card
        assert ">US<" in card

    def test_feeds_name_the_region(self):
        """Feed titles say where."""
        titles = [i.title for i in build_feed(
            load("two-countries.yaml"), SITE, "rss").items]
        assert ("Fenwick Hall Season 1 premieres September 21, 2025 in the "
                "United Kingdom") in titles

    def test_same_region_still_contradicts(self):
        """Two premieres for one region and platform that disagree do."""
        show = load("two-countries.yaml")
        season = show.seasons[0]
        clash = sf.Milestone(
            id="s1-premiere-gb-other", kind="premiere",
            date=day("2025-10-05"), region="GB", platform="northlight",
            certainty="confirmed", sources=("northlight-press",),
            announced=day("2025-08-02"),
        )
        changed = sf.Show(**{
            **{a: getattr(show, a) for a in (
                "id", "title", "fictional", "sources", "organizations",
                "networks",
            )},
            "seasons": (type(season)(
                number=1, milestones=(*season.milestones, clash),
            ),),
        })
        found = [f for f in lint(changed, today=TODAY)
                 if f.check == "contradiction"]
        assert 1 == len(found)
        assert "s1-premiere-gb" in found[0].message


# -- 2. parts and volumes -----------------------------------------------------


class TestVolumes:
    """Four episodes on November 26, three on Christmas Day, one on NYE."""

    def test_season_has_a_start_and_three_release_events(self):
        """The first volume starts the season; each volume is an event."""
        graph = to_jsonld(load("volumes.yaml"), SITE)
        season = next(n for n in nodes(graph, "TVSeason")
                      if n["seasonNumber"] == 2)
        assert "2025-11-26" == season["startDate"]
        events = as_list(season["releasedEvent"])
        assert 3 == len(events)
        assert [
            ("2025-11-26", "Volume 1", "Episodes 1 to 4."),
            ("2025-12-25", "Volume 2", "Episodes 5 to 7."),
            ("2025-12-31", "The Finale", "Episode 8."),
        ] == sorted((e["startDate"], e["name"], e["description"])
                    for e in events)
        assert {"OnDemandEvent"} == {e["@type"] for e in events}

    def test_calendar_has_one_event_per_volume(self):
        """Three events, named after the volumes."""
        events = vevents(to_calendar(load("volumes.yaml"), SITE))
        season_2 = sorted(
            (start_of(e), str(e["summary"])) for e in events
            if "season-2" in str(e["uid"])
        )
        assert [
            (dt.date(2025, 11, 26),
             "The Hollow Signal Season 2 Volume 1 release"),
            (dt.date(2025, 12, 25),
             "The Hollow Signal Season 2 Volume 2 release"),
            (dt.date(2025, 12, 31),
             "The Hollow Signal Season 2 The Finale release"),
        ] == season_2

    def test_feed_titles_use_the_part_names(self):
        """'Volume 2', never 'Part 2'."""
        titles = [i.title for i in build_feed(load("volumes.yaml"), SITE,
                                              "rss").items]
        assert any("Volume 2 releases" in t for t in titles)
        assert not any("Part 2" in t for t in titles)

    def test_card_shows_the_volumes(self):
        """The card lists each volume by name."""
        card = fact_card(load("volumes.yaml"), None, SITE)
        for name in ("Volume 1", "Volume 2", "The Finale"):
            assert name in card

    def test_words(self):
        """Part labels and episode ranges read naturally."""
        show = load("volumes.yaml")
        one, two, three = show.season(2).milestones
        assert "Volume 1" == part_label(one)
        assert "episodes 1 to 4" == episodes_phrase(one)
        assert "episode 8" == episodes_phrase(three)
        unnamed = sf.Milestone(id="p", kind="part_release", part=2,
                               episode_count=4, certainty="confirmed")
        assert "Part 2" == part_label(unnamed)
        assert "4 episodes" == episodes_phrase(unnamed)
        assert two.part_name == "Volume 2"

    def test_range_and_count_must_agree(self):
        """A count that contradicts the range is an error, with its path."""
        with pytest.raises(InvalidDataError) as caught:
            sf.Show(id="x", title="X", seasons=(sf.Season(
                number=1, milestones=(sf.Milestone(
                    id="p", kind="part_release", part=1, first_episode=5,
                    last_episode=7, episode_count=4, certainty="confirmed",
                ),),
            ),))
        assert "$.seasons[0].milestones[0].episode_count" in str(
            caught.value)


# -- 3. weekly and hybrid schedules -------------------------------------------


class TestHybridSchedule:
    """Three episodes on Friday, September 4, then weekly; finale Oct 9."""

    def test_calendar_has_premiere_airings_and_finale(self):
        """Every Friday at 21:00 in New York, each day once."""
        events = vevents(to_calendar(load("hybrid-schedule.yaml"), SITE))
        local = sorted(
            (start_of(e).astimezone(NEW_YORK), str(e["summary"]))
            for e in events
        )
        days = [moment.date() for moment, _ in local]
        assert [
            dt.date(2026, 9, 4), dt.date(2026, 9, 11), dt.date(2026, 9, 18),
            dt.date(2026, 9, 25), dt.date(2026, 10, 2), dt.date(2026, 10, 9),
        ] == days
        assert all(m.weekday() == 4 for m, _ in local)  # Fridays
        assert all((m.hour, m.minute) == (21, 0) for m, _ in local)
        summaries = [s for _, s in local]
        assert "Night Ferry Season 1 premiere" == summaries[0]
        assert "Night Ferry Season 1 finale" == summaries[-1]
        assert ("Night Ferry Season 1 episode 4 (weekly schedule)"
                == summaries[1])

    def test_derived_days_are_marked(self):
        """Worked-out days say so; announced ones do not."""
        events = vevents(to_calendar(load("hybrid-schedule.yaml"), SITE))
        derived = [e for e in events if "X-SHOWFACTS-DERIVED" in e]
        assert 4 == len(derived)
        for event in derived:
            assert "not announced on its own" in str(event["description"])
            assert "weekly schedule" in str(event["summary"])

    def test_feeds_announce_the_schedule_once(self):
        """One item for the plan; none per derived episode."""
        items = build_feed(load("hybrid-schedule.yaml"), SITE, "rss").items
        assert 3 == len(items)  # premiere, finale, the plan
        plan = next(i for i in items if "weekly" in i.title)
        assert ("Schedule: 3 episodes on the first day, then weekly on "
                "Fridays at 21:00 (America/New_York), until October 9, "
                "2026.") in plan.summary

    def test_airings(self):
        """The schedule module numbers episodes only as far as stated."""
        plan = load("hybrid-schedule.yaml").season(1).release_plans[0]
        found = schedules.airings(plan)
        assert [(1, 2, 3), (4,), (5,), (6,), (7,), (8,)] == [
            a.episodes for a in found
        ]
        assert [False, True, True, True, True, False] == [
            a.derived for a in found
        ]
        assert found[0].start == dt.datetime(2026, 9, 4, 21, 0,
                                             tzinfo=NEW_YORK)
        unnumbered = sf.ReleasePlan(id="p", certainty="confirmed",
                                    date=day("2026-09-06"),
                                    weekdays=["sunday"], pattern="weekly",
                                    until=day("2026-09-27"))
        assert [()] * 4 == [a.episodes for a in schedules.airings(unnumbered)]

    def test_open_ended_schedule_repeats(self):
        """Sundays at 8 p.m. ET, no end: one event with an RRULE."""
        show = sf.Show(
            id="open", title="Open", fictional=True,
            organizations=(sf.Organization(id="cbx", name="CBX",
                                           kind="network"),),
            seasons=(sf.Season(number=1, release_plans=(sf.ReleasePlan(
                id="p", certainty="confirmed", date=day("2026-09-20"),
                pattern="weekly", weekdays=["sunday"], time="20:00",
                timezone="America/New_York", platform="cbx",
            ),)),),
        )
        assert schedules.open_ended(show.season(1).release_plans[0])
        events = vevents(to_calendar(show, SITE))
        assert 1 == len(events)
        rule = events[0]["rrule"]
        assert ["WEEKLY"] == rule["FREQ"]
        assert ["SU"] == rule["BYDAY"]
        assert "weekly on Sundays at 20:00 (America/New_York)" == (
            schedule_phrase(show.season(1).release_plans[0])
        )

    def test_bad_schedules_are_refused(self):
        """A time without a zone, or weekdays for a one-day drop."""
        with pytest.raises(InvalidDataError) as caught:
            sf.Show(id="x", title="X", seasons=(sf.Season(
                number=1, release_plans=(sf.ReleasePlan(
                    id="p", certainty="confirmed", date=day("2026-09-20"),
                    pattern="all_at_once", weekdays=["sunday"],
                    time="20:00",
                ),),
            ),))
        text = str(caught.value)
        assert "time and timezone go together" in text
        assert "weekdays make a weekly schedule" in text


# -- 4. episodes --------------------------------------------------------------


class TestEpisodes:
    """A finale known by title only; a next episode."""

    def test_finale_title_without_number(self):
        """It loads, and its claim names it by title."""
        show = load("episodes.yaml")
        finale = show.fact("s1-finale-title")
        assert finale.number is None
        graph = to_jsonld(show, SITE, claims=True)
        texts = [n["text"] for n in nodes(graph, "Claim")]
        assert any("The Last Shift" in t and "finale" in t for t in texts)

    def test_next_episode_in_feeds_and_calendar(self):
        """The next episode is news, and an event, with its certainty."""
        show = load("episodes.yaml")
        titles = [i.title for i in build_feed(show, SITE, "rss").items]
        assert ("Next: Copper Valley Season 1 episode 5, \u201cThe Assay\u201d"
                ", March 12, 2026") in titles
        events = {str(e["uid"]): e for e in vevents(to_calendar(show, SITE))}
        event = events["copper-valley/season-1/episode-5@example.org"]
        assert dt.date(2026, 3, 12) == start_of(event)
        assert "CONFIRMED" == str(event["status"])

    def test_unconfirmed_next_episode_is_tentative(self):
        """A rumored next episode only shows in a tentative calendar."""
        show = load("episodes.yaml")
        data = sf.to_dict(show)
        episodes = data["seasons"][0]["episodes"]
        episodes[1]["next"] = False
        episodes[3]["next"] = True
        changed = sf.loads(json.dumps(data), "json")
        assert not any("episode-6" in str(e["uid"])
                       for e in vevents(to_calendar(changed, SITE)))
        tentative = [e for e in vevents(to_calendar(changed, SITE,
                                                    tentative=True))
                     if "episode-6" in str(e["uid"])]
        assert 1 == len(tentative)
        assert "TENTATIVE" == str(tentative[0]["status"])
        assert "rumored" in str(tentative[0]["summary"])


# -- 5. final seasons, formats and statuses -----------------------------------


class TestFinalSeason:
    """Season 5 greenlit as the final season of an anthology."""

    def test_final_season_counts_the_seasons(self):
        """A confirmed final Season 5 means five seasons."""
        graph = to_jsonld(load("final-season.yaml"), SITE)
        series = nodes(graph, "TVSeries")[0]
        assert 5 == series["numberOfSeasons"]
        assert "An anthology series" in series["description"]

    def test_feeds_and_claims_say_final(self):
        """The final-season fact is news and a claim."""
        show = load("final-season.yaml")
        titles = [i.title for i in build_feed(show, SITE, "rss").items]
        assert "Saltmarsh Season 5 is the final season" in titles
        graph = to_jsonld(show, SITE, claims=True, pending=True)
        assert "Ending" == nodes(graph, "TVSeries")[0]["creativeWorkStatus"]
        texts = [n["text"] for n in nodes(graph, "Claim")]
        assert any("final season of Saltmarsh" in t for t in texts)

    def test_crosswalk(self):
        """New statuses and formats map to TMDb and TVmaze."""
        assert "Returning Series" == crosswalk.to_tmdb(sf.ShowStatus.ENDING)
        assert "Running" == crosswalk.to_tvmaze(sf.ShowStatus.BETWEEN_PARTS)
        assert "Running" == crosswalk.to_tvmaze(sf.ShowStatus.AIRING)
        assert "Miniseries" == crosswalk.to_tmdb_type(
            sf.ShowFormat.LIMITED_SERIES)
        assert sf.ShowFormat.MINISERIES == crosswalk.from_tmdb_type(
            "Miniseries")
        assert crosswalk.from_tmdb_type("Scripted") is None
        with pytest.raises(ValueError, match="not a TMDb show type"):
            crosswalk.from_tmdb_type("Telenovela")
        assert set(sf.ShowStatus) == set(crosswalk.SCHEMA_ORG_STATUSES)


# -- 6. counts ----------------------------------------------------------------


class TestCounts:
    """Season 14 alone, and a year-named season."""

    def test_partial_file_claims_no_total(self):
        """Neither 14 nor 2021 seasons; Season 14's listed episodes count."""
        graph = to_jsonld(load("counts.yaml"), SITE)
        series = nodes(graph, "TVSeries")[0]
        assert "numberOfSeasons" not in series
        assert "numberOfEpisodes" not in series
        season = next(n for n in nodes(graph, "TVSeason")
                      if n["seasonNumber"] == 14)
        assert 3 == season["numberOfEpisodes"]

    def test_year_named_seasons_make_no_gap(self):
        """Lint does not ask for seasons 15 to 2020."""
        assert not [f for f in lint(load("counts.yaml"), today=TODAY)
                    if f.check == "season-gap"]

    def test_complete_file_counts(self):
        """A file that declares its seasons complete is counted."""
        graph = to_jsonld(load("two-countries.yaml"), SITE)
        assert 1 == nodes(graph, "TVSeries")[0]["numberOfSeasons"]


# -- 7. supersedes several ----------------------------------------------------


class TestSupersedesSeveral:
    """Two windows from two sources, replaced by one date."""

    def test_neither_window_is_current(self):
        """The exact date supersedes both windows."""
        show = load("supersedes.yaml")
        assert not show.is_current("s2-window-fall")
        assert not show.is_current("s2-window-late")
        assert show.is_current("s2-premiere")
        assert ("s2-window-fall", "s2-window-late") == (
            show.fact("s2-premiere").supersedes
        )
        assert ["s2-window-fall", "s2-window-late", "s2-premiere"] == [
            f.id for f in show.history("s2-premiere")
        ]

    def test_one_id_stays_a_string_in_files(self):
        """Existing files keep writing one id as a string."""
        fact = sf.Milestone(id="b", kind="premiere", supersedes="a",
                            certainty="confirmed")
        assert ("a",) == fact.supersedes
        dumped = sf.to_dict(sf.Show(id="x", title="X", milestones=(
            sf.Milestone(id="a", kind="premiere", certainty="expected"),
            fact,
        )))
        assert "a" == dumped["milestones"][1]["supersedes"]
        again = load("supersedes.yaml")
        assert [
            "s2-window-fall", "s2-window-late",
        ] == sf.to_dict(again)["seasons"][1]["milestones"][2]["supersedes"]

    def test_calendar_and_lint(self):
        """One current premiere: no contradiction, one event."""
        show = load("supersedes.yaml")
        assert not [f for f in lint(show, today=TODAY)
                    if f.check == "contradiction"]
        season_2 = [e for e in vevents(to_calendar(show, SITE,
                                                   tentative=True))
                    if "season-2" in str(e["uid"])]
        assert 1 == len(season_2)
        assert dt.date(2026, 10, 16) == start_of(season_2[0])

    def test_errors_point_at_the_listed_id(self):
        """An unknown id in a list is reported at its index."""
        text = (DATA / "supersedes.yaml").read_text(encoding="utf-8")
        bad = text.replace("[s2-window-fall, s2-window-late]",
                           "[s2-window-fall, s2-window-lat]")
        with pytest.raises(InvalidDataError) as caught:
            sf.loads(bad, "yaml")
        assert "$.seasons[1].milestones[2].supersedes[1]" in str(
            caught.value)
        assert "did you mean 's2-window-late'" in str(caught.value)

    def test_cycles_through_lists(self):
        """A cycle through a list of ids is found."""
        with pytest.raises(InvalidDataError, match="supersede cycle"):
            sf.Show(id="x", title="X", milestones=(
                sf.Milestone(id="a", kind="premiere", certainty="expected",
                             supersedes=("b", "c")),
                sf.Milestone(id="b", kind="premiere", certainty="expected"),
                sf.Milestone(id="c", kind="premiere", certainty="expected",
                             supersedes="a"),
            ))

    def test_long_chain_is_checked(self):
        """A long chain of single ids loads (the walk is linear)."""
        chain = [sf.Milestone(id="m0", kind="premiere",
                              certainty="expected")]
        chain.extend(
            sf.Milestone(id=f"m{i}", kind="premiere", certainty="expected",
                         supersedes=(f"m{i - 1}", ) if i % 2 else
                         (f"m{i - 1}", "m0"))
            for i in range(1, 3000)
        )
        show = sf.Show(id="x", title="X", milestones=tuple(chain))
        assert show.is_current("m2999")


def test_region_names():
    """CLDR names, with an article where English uses one."""
    assert "the United Kingdom" == region_name("GB")
    assert "Germany" == region_name("DE")


def test_pattern_files_are_fictional():
    """Made-up shows only."""
    for name in FILES:
        assert load(name).fictional
    assert isinstance(DATA, pathlib.Path)


@pytest.mark.parametrize("name", FILES)
def test_every_fact_has_words(name):
    """Each fact of each pattern has a statement, for pages and timelines."""
    show = load(name)
    for ref in show.facts():
        assert statement(show, ref, SITE).text


def test_site_builds(tmp_path):
    """A site of every pattern builds, twice to the same bytes."""
    folders = []
    for run in ("a", "b"):
        out = tmp_path / run
        build_site(DATA, out, base_url=SITE.base, claims=True)
        folders.append(out)
    first = {p.relative_to(folders[0]): p.read_bytes()
             for p in sorted(folders[0].rglob("*")) if p.is_file()}
    second = {p.relative_to(folders[1]): p.read_bytes()
              for p in sorted(folders[1].rglob("*")) if p.is_file()}
    assert first == second
    page = folders[0] / "shows" / "the-hollow-signal" / "index.html"
    assert "Volume 2" in page.read_text(encoding="utf-8")


def test_diff_of_new_release_facts():
    """A diff that adds a final season and a volume says so in words."""
    old = load("volumes.yaml")
    new = load("volumes.yaml")
    data = sf.to_dict(new)
    data["seasons"][1]["milestones"].append({
        "id": "s2-final", "kind": "final_season", "certainty": "confirmed",
        "sources": ["streamflix-press"], "announced": "2025-08-20",
    })
    changed = sf.from_dict(data)
    summaries = [c.summary for c in diff(old, changed)]
    assert any("final season" in s for s in summaries)


def test_premiere_and_first_volume_are_one_release():
    """A premiere recorded beside Volume 1 on its day is one event."""
    data = sf.to_dict(load("volumes.yaml"))
    data["seasons"][1]["milestones"].append({
        "id": "s2-premiere", "kind": "premiere", "date": "2025-11-26",
        "platform": "streamflix", "certainty": "confirmed",
        "sources": ["streamflix-press"], "announced": "2025-08-20",
    })
    show = sf.from_dict(data)
    events = [e for e in vevents(to_calendar(show, SITE))
              if "season-2" in str(e["uid"])]
    assert [
        "The Hollow Signal Season 2 premiere (Volume 1)",
        "The Hollow Signal Season 2 Volume 2 release",
        "The Hollow Signal Season 2 The Finale release",
    ] == [str(e["summary"]) for e in events]
    season = next(n for n in nodes(to_jsonld(show, SITE), "TVSeason")
                  if n["seasonNumber"] == 2)
    released = as_list(season["releasedEvent"])
    assert 3 == len(released)
    assert "2025-11-26" == season["startDate"]
    assert {"Volume 1", "Volume 2", "The Finale"} == {
        e["name"] for e in released
    }


def test_hostile_part_names_stay_text():
    """A part name with markup and controls breaks out of nothing."""
    data = sf.to_dict(load("volumes.yaml"))
    hostile = "</script><b>Vol & 2\x0b\u2028\r\nBEGIN:VEVENT"
    data["seasons"][1]["milestones"][1]["part_name"] = hostile
    show = sf.from_dict(data)
    graph = to_jsonld(show, SITE)
    tag = script_tag(graph)
    assert "</script>" not in tag[:-len("</script>")]
    html5lib.HTMLParser(strict=True).parseFragment(
        fact_card(show, None, SITE))
    for fmt in ("rss", "atom"):
        feed = build_feed(show, SITE, fmt)
        data_out = to_rss(feed) if fmt == "rss" else to_atom(feed)
        assert 0 == feedparser.parse(data_out).bozo
    calendar = to_calendar(show, SITE)
    assert 4 == len(vevents(calendar))
    assert 4 == calendar.split(b"\r\n").count(b"BEGIN:VEVENT")
