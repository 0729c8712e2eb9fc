"""Premiere calendars: events, UIDs, SEQUENCE, DTSTAMP, bytes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import attrs
import icalendar
import pytest
from hypothesis import given, settings

import showfacts as sf
from showfacts.calendar import FALLBACK_STAMP, PRODID, events, to_calendar
from showfacts.cli import main
from showfacts.dates import FuzzyDate
from showfacts.iris import Site
from tests import strategies
from tests.conftest import EXAMPLES, ROOT


SITE = Site("https://example.org/tv/")
PAIR = ROOT / "tests" / "data" / "diff" / "confirmed"
UTC = dt.timezone.utc


def parse(data: bytes) -> list[icalendar.Event]:
    """The events of a calendar, as icalendar reads them back."""
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def by_uid(data: bytes) -> dict[str, icalendar.Event]:
    """The events of a calendar by UID."""
    return {str(e["UID"]): e for e in parse(data)}


def prop(event: icalendar.Event, name: str) -> object:
    """A property's decoded value."""
    return event.decoded(name)


def milestone(**kwargs: object) -> sf.Milestone:
    """A premiere milestone with defaults."""
    values: dict[str, object] = {
        "id": "s1-premiere", "kind": "premiere", "certainty": "confirmed",
    }
    values.update(kwargs)
    return sf.Milestone(**values)  # type: ignore[arg-type]


def show_with(*milestones: sf.Milestone, **kwargs: object) -> sf.Show:
    """A made-up show whose Season 1 has these milestones."""
    return sf.Show(
        id="demo", title="Demo", fictional=True,
        seasons=(sf.Season(number=1, milestones=milestones),),
        **kwargs,  # type: ignore[arg-type]
    )


# -- the examples -------------------------------------------------------------


class TestExamples:
    """Calendars of the bundled examples parse back with icalendar."""

    def test_catalog_confirmed_days_only(self):
        """By default: confirmed dates known to the day, nothing else."""
        catalog = sf.load_catalog(EXAMPLES)
        events = by_uid(to_calendar(catalog, SITE))
        assert {
            "bosch/season-1/premiere@example.org",
            "bosch/season-7/premiere@example.org",
            "harbor-lights/season-1/premiere@example.org",
            # Part 1 comes out on the premiere's day: one release, one
            # event (the premiere's, which names the part).
            "harbor-lights/season-2/premiere@example.org",
            "harbor-lights/season-2/part-2@example.org",
            "the-lantern-keepers/season-1/premiere@example.org",
            "the-lantern-keepers/season-1/finale@example.org",
        } == set(events)
        assert {"CONFIRMED"} == {str(e["STATUS"]) for e in events.values()}

    def test_calendar_properties(self):
        """PRODID, VERSION, a name, and where the calendar lives."""
        data = to_calendar(sf.load(EXAMPLES / "bosch.yaml"), SITE)
        calendar = icalendar.Calendar.from_ical(data)
        assert PRODID == str(calendar["PRODID"])
        assert "2.0" == str(calendar["VERSION"])
        assert "PUBLISH" == str(calendar["METHOD"])
        assert "Bosch: premieres and finales" == str(
            calendar["X-WR-CALNAME"]
        )
        assert "https://example.org/tv/shows/bosch/premieres.ics" == str(
            calendar["SOURCE"]
        )
        assert data.endswith(b"END:VCALENDAR\r\n")

    def test_all_day_event(self):
        """A confirmed day: DTSTART;VALUE=DATE, DTEND the next day."""
        data = to_calendar(sf.load(EXAMPLES / "bosch.yaml"), SITE)
        event = by_uid(data)["bosch/season-1/premiere@example.org"]
        assert dt.date(2015, 2, 13) == prop(event, "DTSTART")
        assert dt.date(2015, 2, 14) == prop(event, "DTEND")
        assert "Bosch Season 1 premiere" == str(event["SUMMARY"])
        assert "https://example.org/tv/shows/bosch/season-1/" == str(
            event["URL"]
        )
        assert b"DTSTART;VALUE=DATE:20150213\r\n" in data

    def test_no_source_date_gives_the_fallback_stamp(self):
        """Bosch's facts are not dated anywhere: DTSTAMP is the fallback."""
        data = to_calendar(sf.load(EXAMPLES / "bosch.yaml"), SITE)
        event = by_uid(data)["bosch/season-1/premiere@example.org"]
        assert FALLBACK_STAMP == prop(event, "DTSTAMP")

    def test_timed_event_in_utc(self):
        """A day, a time and a zone: a timed event, written in UTC."""
        data = to_calendar(sf.load(EXAMPLES / "lantern-keepers.toml"),
                           SITE)
        event = by_uid(data)[
            "the-lantern-keepers/season-1/premiere@example.org"
        ]
        # 21:00 in New York on September 12, 2026 (EDT, UTC-4).
        assert dt.datetime(2026, 9, 13, 1, 0, tzinfo=UTC) == prop(
            event, "DTSTART"
        )
        assert "DTEND" not in event
        assert b"DTSTART:20260913T010000Z\r\n" in data
        description = str(event["DESCRIPTION"])
        assert "21:00 America/New_York time" in description
        assert "made-up show" in description

    def test_sequence_counts_revisions(self):
        """Next year, then a window, then a day: SEQUENCE 2."""
        data = to_calendar(sf.load(EXAMPLES / "lantern-keepers.toml"),
                           SITE)
        events = by_uid(data)
        premiere = events["the-lantern-keepers/season-1/premiere@example.org"]
        finale = events["the-lantern-keepers/season-1/finale@example.org"]
        assert (2, 0) == (premiere["SEQUENCE"], finale["SEQUENCE"])

    def test_stamp_is_the_announced_date(self):
        """DTSTAMP: the current milestone's announced day, 00:00 UTC."""
        data = to_calendar(sf.load(EXAMPLES / "lantern-keepers.toml"),
                           SITE)
        event = by_uid(data)[
            "the-lantern-keepers/season-1/premiere@example.org"
        ]
        assert dt.datetime(2026, 6, 15, tzinfo=UTC) == prop(event,
                                                            "DTSTAMP")

    def test_part_releases(self):
        """Part releases: one event per part, each with its own UID."""
        data = to_calendar(sf.load(EXAMPLES / "harbor-lights.json"), SITE)
        events = by_uid(data)
        part = events["harbor-lights/season-2/part-2@example.org"]
        assert "Harbor Lights Season 2 Part 2 release" == str(
            part["SUMMARY"]
        )
        assert dt.date(2025, 7, 11) == prop(part, "DTSTART")
        assert 1 == events[
            "harbor-lights/season-2/premiere@example.org"
        ]["SEQUENCE"]


class TestBallard:
    """Ballard's Season 2 premiere is only expected."""

    def test_absent_by_default(self):
        """No confirmed day anywhere: the calendar has no events."""
        data = to_calendar(sf.load(EXAMPLES / "ballard.yaml"), SITE)
        assert [] == parse(data)

    def test_tentative_with_the_option(self):
        """With tentative=True: TENTATIVE, the window in words."""
        data = to_calendar(sf.load(EXAMPLES / "ballard.yaml"), SITE,
                           tentative=True)
        event = by_uid(data)["ballard/season-2/premiere@example.org"]
        assert "TENTATIVE" == str(event["STATUS"])
        assert (
            "Ballard Season 2 premiere (expected: summer or fall 2026 "
            "(mid-to-late 2026))"
        ) == str(event["SUMMARY"])
        # The whole window: summer and fall 2026, June 1 to November 30.
        assert dt.date(2026, 6, 1) == prop(event, "DTSTART")
        assert dt.date(2026, 12, 1) == prop(event, "DTEND")
        assert "Expected, not confirmed" in str(event["DESCRIPTION"])

    def test_confirmed_month_is_tentative(self):
        """Season 1 premiered in July 2025, confirmed, day unknown."""
        data = to_calendar(sf.load(EXAMPLES / "ballard.yaml"), SITE,
                           tentative=True)
        event = by_uid(data)["ballard/season-1/premiere@example.org"]
        assert "TENTATIVE" == str(event["STATUS"])
        assert "Ballard Season 1 premiere (confirmed: July 2025)" == str(
            event["SUMMARY"]
        )
        assert "the day has not been announced" in str(event["DESCRIPTION"])
        assert (dt.date(2025, 7, 1), dt.date(2025, 8, 1)) == (
            prop(event, "DTSTART"), prop(event, "DTEND")
        )


# -- reproducible bytes -------------------------------------------------------


def test_rebuilding_gives_identical_bytes():
    """The same data twice, in any file order: the same bytes."""
    paths = sorted(EXAMPLES.iterdir())
    first = to_calendar(sf.load_catalog(paths), SITE, tentative=True)
    again = to_calendar(sf.load_catalog(reversed(paths)), SITE,
                        tentative=True)
    assert first == again


def test_bytes_do_not_depend_on_the_environment():
    """Hash seed, TZ and locale variables do not change the bytes."""
    outputs = set()
    for seed, tz, lang in (
        ("0", "UTC", "C"),
        ("1", "Pacific/Kiritimati", "C.UTF-8"),
        ("4242", "America/Los_Angeles", "POSIX"),
    ):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LC_ALL=lang,
                   LANG=lang)
        done = subprocess.run(
            [sys.executable, "-m", "showfacts", "calendar", "--tentative",
             "--base-url", "https://example.org/tv/", str(EXAMPLES)],
            capture_output=True, check=True, env=env, cwd=ROOT,
        )
        outputs.add(done.stdout)
    assert 1 == len(outputs)
    (data,) = outputs
    assert data == to_calendar(sf.load_catalog(EXAMPLES), SITE,
                               tentative=True)


# -- UID, SEQUENCE, DTSTAMP ---------------------------------------------------


class TestRevisions:
    """The same event keeps its UID; SEQUENCE rises with each revision."""

    def test_window_then_confirmed_date(self):
        """The fixture pair: the premiere's SEQUENCE goes from 0 to 1."""
        old = by_uid(to_calendar(sf.load_catalog(PAIR / "old"), SITE,
                                 tentative=True))
        new = by_uid(to_calendar(sf.load_catalog(PAIR / "new"), SITE,
                                 tentative=True))
        uid = "kestrel-bay/season-1/premiere@example.org"
        assert [uid] == list(old) == list(new)
        assert (0, "TENTATIVE") == (old[uid]["SEQUENCE"],
                                    str(old[uid]["STATUS"]))
        assert (1, "CONFIRMED") == (new[uid]["SEQUENCE"],
                                    str(new[uid]["STATUS"]))
        assert dt.date(2026, 9, 18) == prop(new[uid], "DTSTART")

    def test_default_calendar_gains_the_event(self):
        """Without --tentative the window is absent, the date present."""
        old = parse(to_calendar(sf.load_catalog(PAIR / "old"), SITE))
        new = by_uid(to_calendar(sf.load_catalog(PAIR / "new"), SITE))
        assert [] == old
        assert ["kestrel-bay/season-1/premiere@example.org"] == list(new)

    def test_uid_does_not_depend_on_the_fact(self):
        """Two unrelated facts for the same premiere give the same UID."""
        one = show_with(milestone(date=FuzzyDate.of("2026-09-18")))
        other = show_with(milestone(id="another-id",
                                    date=FuzzyDate.of("2026-10-02")))
        assert [e.uid for e in events(one, SITE)] == [
            e.uid for e in events(other, SITE)
        ]

    def test_a_new_fact_without_supersedes_still_counts(self):
        """A competing, more certain fact raises SEQUENCE too."""
        window = milestone(id="window", certainty="expected",
                           date=FuzzyDate.of("2026-23"))
        day = milestone(id="day", date=FuzzyDate.of("2026-09-18"))
        (before,) = events(show_with(window), SITE, tentative=True)
        (after,) = events(show_with(window, day), SITE, tentative=True)
        assert before.uid == after.uid
        assert (0, 1) == (before.sequence, after.sequence)
        assert "day" == after.fact

    def test_a_retraction_raises_sequence(self):
        """Retracting the current date is a revision as well."""
        day = milestone(id="day", date=FuzzyDate.of("2026-09-18"))
        window = milestone(id="window", certainty="reported",
                           date=FuzzyDate.of("2026-09"))
        retracted = attrs.evolve(day, retracted=sf.Retraction())
        (before,) = events(show_with(window, day), SITE, tentative=True)
        (after,) = events(show_with(window, retracted), SITE,
                          tentative=True)
        assert ("day", 1, True) == (before.fact, before.sequence,
                                    before.confirmed)
        assert ("window", 2, False) == (after.fact, after.sequence,
                                        after.confirmed)

    def test_stamp_falls_back_to_the_sources(self):
        """No announced date: the sources' earliest news day (April 30)."""
        sources = (
            sf.Source(id="late", title="Late",
                      published=FuzzyDate.of("2026-05-02")),
            sf.Source(id="early", title="Early",
                      published=FuzzyDate.of("2026-04")),
        )
        show = show_with(
            milestone(date=FuzzyDate.of("2026-09-18"),
                      sources=("late", "early")),
            sources=sources,
        )
        (event,) = events(show, SITE)
        assert dt.datetime(2026, 4, 30, tzinfo=UTC) == event.stamp

    def test_host_comes_from_the_base_url(self):
        """The UID's domain is the base URL's host."""
        show = show_with(milestone(date=FuzzyDate.of("2026-09-18")))
        (event,) = events(show, Site("https://Shows.Example.net:8443/a/"))
        assert "demo/season-1/premiere@shows.example.net" == event.uid

    def test_series_finale_on_the_show(self):
        """A finale recorded on the show is the series finale."""
        show = sf.Show(id="demo", title="Demo", milestones=(
            sf.Milestone(id="finale", kind="finale", certainty="confirmed",
                         date=FuzzyDate.of("2027-01-08")),
        ))
        (event,) = events(show, SITE)
        assert ("demo/finale@example.org", "Demo series finale") == (
            event.uid, event.summary
        )
        assert "https://example.org/tv/shows/demo/" == event.url


class TestWhatIsLeftOut:
    """Only current, dated premieres, part releases and finales."""

    def test_other_kinds(self):
        """Renewals and filming dates are not calendar events."""
        show = show_with(milestone(kind="renewed",
                                   date=FuzzyDate.of("2026-01-05")))
        assert () == events(show, SITE, tentative=True)

    def test_superseded_and_retracted(self):
        """Only the current fact speaks; a retracted one alone gives none."""
        gone = milestone(date=FuzzyDate.of("2026-09-18"),
                         retracted=sf.Retraction(reason="wrong"))
        assert () == events(show_with(gone), SITE, tentative=True)

    def test_undated(self):
        """A premiere without a date gives no event."""
        assert () == events(show_with(milestone()), SITE, tentative=True)

    def test_open_windows(self):
        """A window without a start or an end cannot be placed."""
        show = show_with(milestone(certainty="expected",
                                   date=FuzzyDate.of("2026-09/..")))
        assert () == events(show, SITE, tentative=True)

    def test_reported_day_is_tentative(self):
        """A reported day is tentative, and only with the option."""
        show = show_with(milestone(certainty="reported",
                                   date=FuzzyDate.of("2026-09-18")))
        assert () == events(show, SITE)
        (event,) = events(show, SITE, tentative=True)
        assert (False, dt.date(2026, 9, 18), dt.date(2026, 9, 19)) == (
            event.confirmed, event.start, event.end
        )
        assert "Demo Season 1 premiere (reported: September 18, 2026)" == (
            event.summary
        )


# -- safety -------------------------------------------------------------------


def test_hostile_text_stays_in_its_property():
    """Line breaks and controls in titles cannot start new properties."""
    title = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:x\x00\x1b;,\\\u2028"
    show = attrs.evolve(
        show_with(milestone(date=FuzzyDate.of("2026-09-18"),
                            detail=title)),
        title=title,
    )
    data = to_calendar(show, SITE)
    (event,) = parse(data)
    assert "Evil END:VEVENT BEGIN:VEVENT UID:x;,\\ Season 1 premiere" == str(
        event["SUMMARY"]
    )
    assert "demo/season-1/premiere@example.org" == str(event["UID"])
    assert b"\x00" not in data
    assert b"\x1b" not in data


@settings(max_examples=min(50, settings().max_examples))  # whole catalogs
@given(strategies.grown_catalogs(max_shows=2))
def test_generated_catalogs(pair):
    """
    Any catalog: the calendar parses back and says only what holds.

    In a later version that only adds facts, every event keeps its UID
    (unless a retraction took its only date away) and its SEQUENCE never
    falls.
    """
    old, new = pair
    default = to_calendar(new, SITE)
    tentative = to_calendar(new, SITE, tentative=True)
    confirmed = by_uid(default)
    everything = by_uid(tentative)
    assert len(parse(default)) == len(confirmed)
    assert len(parse(tentative)) == len(everything)
    assert set(confirmed) <= set(everything)
    assert {"CONFIRMED"} >= {str(e["STATUS"]) for e in confirmed.values()}
    lines = tentative.split(b"\r\n")
    assert (1, 1) == (lines.count(b"BEGIN:VCALENDAR"),
                      lines.count(b"END:VCALENDAR"))
    for event in events(new, SITE, tentative=True):
        show = new.show(event.show)
        fact = show.fact(event.fact)
        assert show.is_current(fact.id)
        assert event.sequence >= len(show.history(fact.id)) - 1
        if event.confirmed:
            assert fact.confirmed
            assert fact.date is not None
            assert fact.date.iso() is not None
            assert len(fact.date.iso()) == 10
        else:
            assert event.uid not in confirmed
    later = {e.uid: e.sequence for e in events(new, SITE, tentative=True)}
    for event in events(old, SITE, tentative=True):
        if event.uid in later:
            assert event.sequence <= later[event.uid]
    assert tentative == to_calendar(new, SITE, tentative=True)


# -- the command --------------------------------------------------------------


class TestCommand:
    """showfacts calendar."""

    def test_one_show(self, capsys):
        """One show: its own calendar on standard output."""
        status = main(["calendar", str(EXAMPLES / "ballard.yaml"),
                       "--tentative", "--base-url", SITE.base])
        out = capsys.readouterr().out
        assert 0 == status
        assert "X-WR-CALNAME:Ballard: premieres and finales" in out
        assert 2 == out.count("BEGIN:VEVENT")

    def test_to_a_file(self, tmp_path, capsys):
        """-o writes the same bytes as the library."""
        target = tmp_path / "out" / "premieres.ics"
        status = main(["calendar", str(EXAMPLES), "-o", str(target),
                       "--base-url", SITE.base])
        assert (0, "") == (status, capsys.readouterr().out)
        assert to_calendar(sf.load_catalog(EXAMPLES), SITE) == (
            target.read_bytes()
        )

    def test_invalid_data_writes_nothing(self, tmp_path, capsys):
        """Invalid data: exit 1, a message, and no file."""
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\n")
        target = tmp_path / "premieres.ics"
        status = main(["calendar", str(bad), "-o", str(target)])
        assert 1 == status
        assert "missing required key 'title'" in capsys.readouterr().err
        assert not target.exists()

    def test_bad_base_url(self, capsys):
        """A relative base URL is a usage error."""
        status = main(["calendar", str(EXAMPLES), "--base-url", "tv/"])
        assert 2 == status
        assert "base URL" in capsys.readouterr().err

    @pytest.mark.parametrize("args", [[], ["--nope", "x"]])
    def test_usage_errors(self, args, capsys):
        """Missing paths or unknown options: exit 2."""
        assert 2 == main(["calendar", *args])
        assert "usage: showfacts" in capsys.readouterr().err


def test_doctests(monkeypatch):
    """The examples in the module's docstrings run."""
    import doctest

    from showfacts import calendar

    monkeypatch.chdir(ROOT)
    assert 0 == doctest.testmod(calendar).failed
