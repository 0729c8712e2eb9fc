"""
Say only what a source said: no default asserts, dates keep their words.

Every example is a made-up show.  Each class covers one finding: billing
and roles, fuzzy source dates, the words beside a date, phrases resolved
and checked, weekdays, qualifiers and attribution; then one property over
any show.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from typing import Any, ClassVar

import attrs
import feedparser
import pytest
from hypothesis import given, settings
from lxml import etree

import showfacts as sf
from showfacts import models, phrases
from showfacts.calendar import to_calendar
from showfacts.dates import FuzzyDate, RelativeDateError
from showfacts.feeds import to_atom, to_json_feed, to_rss
from showfacts.iris import Site
from showfacts.jsonld import claim_text, to_jsonld
from showfacts.lint import lint
from showfacts.markup import fact_card
from showfacts.news import build_feed, items_for_show, publication_date
from showfacts.site import build_site
from tests import strategies
from tests.test_jsonld import sdo_check, sdo_problems


SITE = Site("https://example.org/tv/")
UTC = dt.timezone.utc


def load(text: str) -> sf.Show:
    """A show from YAML text."""
    return sf.loads(textwrap.dedent(text), "yaml", name="show.yaml")


def season_page(text: str, tmp_path: Any) -> str:
    """The Season 1 page of a site built from one show file."""
    path = tmp_path / "show.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    build_site([path], tmp_path / "site", base_url="https://example.org/tv/",
               claims=True)
    show = load(text)
    return (tmp_path / "site" / "shows" / show.id / "season-1"
            / "index.html").read_text(encoding="utf-8")


def listed(value: Any) -> list[Any]:
    """A property's values as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def nodes(graph: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of a graph, nested ones included."""
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            found.append(value)
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(graph["@graph"])
    return found


MARSHALS = """\
    id: high-plains-marshals
    title: High Plains Marshals
    fictional: true
    countries: [US]
    sources:
      - id: wire
        title: Marshals adds four
        publisher: Trade Wire
        published: 2025-11-18
        via: Deadline
    people:
      - {id: ava-stone, name: Ava Stone}
      - {id: cal-reyes, name: Cal Reyes}
      - {id: dee-park, name: Dee Park}
      - {id: eli-moss, name: Eli Moss}
    characters:
      - {id: june-hollis, names: [June Hollis]}
    seasons:
      - number: 1
        cast:
          - id: s1-ava
            person: ava-stone
            characters: [june-hollis]
            status: new
            certainty: confirmed
            sources: [wire]
          - id: s1-cal
            person: cal-reyes
            role: one of Kayce's fellow marshals
            status: new
            certainty: confirmed
            sources: [wire]
          - id: s1-dee
            person: dee-park
            undisclosed: true
            status: new
            certainty: confirmed
            sources: [wire]
          - id: s1-eli
            person: eli-moss
            status: new
            certainty: confirmed
            sources: [wire]
        milestones:
          - id: s1-premiere
            kind: premiere
            date: {relative: "Sunday, March 1", text: "Sunday, March 1"}
            certainty: reported
            sources: [wire]
            qualifier: CBS has yet to confirm
            attribution:
              name: Nora Vance
              role: the network's head of drama
              quote: We will be back in the spring.
          - id: s1-finale
            kind: finale
            date: {edtf: 2025-12-25, text: Christmas Day}
            certainty: confirmed
            sources: [wire]
    """


@pytest.fixture(scope="module")
def marshals() -> sf.Show:
    """The made-up Marshals show: four credits, two dated milestones."""
    return load(MARSHALS)


# -- 1. billing ---------------------------------------------------------------


class TestBilling:
    """A credit without billing has no billing anywhere."""

    def test_no_billing_no_role_name(self, marshals):
        """No roleName but the status; no "(main)" on the card."""
        graph = to_jsonld(marshals, SITE)
        roles = [n for n in nodes(graph)
                 if n.get("@type") == "PerformanceRole"]
        assert roles
        for role in roles:
            assert role.get("roleName") == "new"
        card = fact_card(marshals, base_url=SITE)
        assert "main" not in card

    def test_given_billing_is_published(self):
        """A billing the source gave is shown, main included."""
        show = load(MARSHALS.replace(
            "        status: new\n            certainty: confirmed\n"
            "            sources: [wire]\n          - id: s1-cal",
            "        billing: main\n            status: new\n"
            "            certainty: confirmed\n            sources: [wire]\n"
            "          - id: s1-cal", 1))
        items = {i.guid.split("#fact-")[1]: i
                 for i in items_for_show(show, SITE)}
        assert items["s1-ava"].title == (
            "Ava Stone joins High Plains Marshals Season 1 as June Hollis "
            "(main cast)"
        )
        graph = to_jsonld(show, SITE)
        assert ["main", "new"] in [n.get("roleName") for n in nodes(graph)]

    def test_credit_without_billing_round_trips_without_one(self, marshals):
        """Writing the file back adds no billing."""
        data = sf.to_dict(marshals)
        for credit in data["seasons"][0]["cast"]:
            assert "billing" not in credit


# -- 2. roles -----------------------------------------------------------------


class TestRoles:
    """Named, described, undisclosed, or not stated: each reads right."""

    EXPECTED: ClassVar[dict[str, str]] = {
        "s1-ava": "Ava Stone joins High Plains Marshals Season 1 as June "
                  "Hollis",
        "s1-cal": "Cal Reyes joins High Plains Marshals Season 1 as one of "
                  "Kayce's fellow marshals",
        "s1-dee": "Dee Park joins High Plains Marshals Season 1 in an "
                  "undisclosed role",
        "s1-eli": "Eli Moss joins the cast of High Plains Marshals Season 1",
    }

    def test_feed_titles(self, marshals):
        """Each kind of role has its own words; "undisclosed" only once."""
        items = {i.guid.split("#fact-")[1]: i.title
                 for i in items_for_show(marshals, SITE)}
        assert self.EXPECTED == {k: items[k] for k in self.EXPECTED}

    def test_claims(self, marshals):
        """Claim texts say the same, and never "undisclosed" by default."""
        texts = {k: claim_text(marshals, k) for k in self.EXPECTED}
        assert "undisclosed" in texts["s1-dee"]
        assert all("undisclosed" not in t for k, t in texts.items()
                   if k != "s1-dee")
        assert "as one of Kayce's fellow marshals" in texts["s1-cal"]
        assert "joins the cast of" in texts["s1-eli"]

    def test_described_role_is_no_character(self, marshals):
        """The described role is the role's description, not a name."""
        graph = to_jsonld(marshals, SITE)
        (cal,) = [n for n in nodes(graph)
                  if n.get("description") == "one of Kayce's fellow marshals"]
        assert cal["@type"] == "PerformanceRole"
        assert "characterName" not in cal
        card = fact_card(marshals, base_url=SITE)
        assert ('Cal Reyes</data></span> as <data itemprop="description"'
                in card)
        assert "one of Kayce's fellow marshals</data>" in card

    def test_schema_org_valid(self, marshals):
        """The roles, with claims, pass sdo_check with no error."""
        if sdo_check() is None:
            pytest.skip("../shared is not here")
        for claims in (False, True):
            graph = to_jsonld(marshals, SITE, claims=claims)
            assert [] == [p for p in sdo_problems(graph, frozenset({
                "Claim", "appearance"})) if p.startswith("ERROR")]

    def test_relayed_source_is_based_on_its_outlet(self, marshals):
        """With claims, the relaying source is based on Deadline's report."""
        graph = to_jsonld(marshals, SITE, claims=True)
        (source,) = [n for n in nodes(graph) if n.get("name") ==
                     "Marshals adds four"]
        assert {"@type": "CreativeWork", "publisher": {
            "@type": "Organization", "name": "Deadline"}} == (
            source["isBasedOn"])

    def test_lint_warns_only_where_nothing_is_said(self, marshals):
        """Only the credit that says nothing of the role gets a warning."""
        found = [f for f in lint(marshals, today=dt.date(2025, 11, 20))
                 if f.check == "no-character"]
        assert ["$.seasons[0].cast[3].characters"] == [f.path for f in found]

    def test_undisclosed_with_characters_is_an_error(self):
        """A secret role cannot also be named."""
        with pytest.raises(sf.InvalidDataError, match="undisclosed"):
            load(MARSHALS.replace("characters: [june-hollis]",
                                  "characters: [june-hollis]\n"
                                  "            undisclosed: true"))


# -- 3. fuzzy source dates ----------------------------------------------------


FUZZY = """\
    id: north-light
    title: North Light
    fictional: true
    sources:
      - id: undated
        title: An undated listicle
        published:
          {edtf: 2025-01-01/2025-10-29, text: "2025, before 30 October"}
      - id: halfyear
        title: A second-half roundup
        published: 2025-07/2025-12
      - id: open
        title: A page last seen on 29 October
        published: ../2025-10-29
      - id: dated
        title: A dated report
        published: 2025-09-15
    seasons:
      - number: 1
        teases:
          - {id: t1, text: One., certainty: reported, sources: [undated]}
          - {id: t2, text: Two., certainty: reported, sources: [halfyear]}
          - {id: t3, text: Three., certainty: reported, sources: [open]}
          - {id: t4, text: Four., certainty: reported, sources: [dated]}
    """


class TestFuzzySources:
    """Items are never dated before their source could be published."""

    def test_never_before_the_source(self):
        """Each item's day is the last day its source's date allows."""
        show = load(FUZZY)
        days = {
            ref.fact.id: publication_date(show, ref.fact).date()
            for ref in show.facts()
        }
        assert {
            "t1": dt.date(2025, 10, 29),
            "t2": dt.date(2025, 12, 31),
            "t3": dt.date(2025, 10, 29),
            "t4": dt.date(2025, 9, 15),
        } == days
        for ref in show.facts():
            (source,) = show.cited(ref.fact)
            assert days[ref.fact.id] >= source.published.earliest

    def test_open_range_keeps_its_items(self):
        """``../2025-10-29`` no longer drops the item."""
        show = load(FUZZY)
        assert 4 == len(items_for_show(show, SITE))

    def test_item_says_the_sources_date_in_words(self):
        """The derived day is never shown as the source's date."""
        show = load(FUZZY)
        items = {i.guid.split("#fact-")[1]: i
                 for i in items_for_show(show, SITE)}
        assert ("Source published 2025, before 30 October (between "
                "January 1 and October 29, 2025).") in items["t1"].summary
        assert "Source published" not in items["t4"].summary

    def test_lint_and_feeds_agree(self):
        """Lint's "dates from" is the feed's day."""
        show = load(FUZZY)
        found = {
            f.path: f.message
            for f in lint(show, today=dt.date(2027, 1, 1), max_age=30)
            if f.check == "old"
        }
        for index, ref in enumerate(show.facts()):
            day = publication_date(show, ref.fact).date().isoformat()
            assert f"dates from {day}" in found[
                f"$.seasons[0].teases[{index}]"
            ]

    def test_rss_atom_json_agree(self):
        """The three formats carry the same day for the fuzzy item."""
        show = load(FUZZY)
        feed = build_feed(show, SITE, "rss")
        rss = feedparser.parse(to_rss(feed))
        atom = feedparser.parse(to_atom(build_feed(show, SITE, "atom")))
        jfeed = json.loads(to_json_feed(build_feed(show, SITE, "json")))
        first = {e.id: e.published_parsed[:3] for e in rss.entries}
        assert first == {e.id: e.published_parsed[:3] for e in atom.entries}
        assert {i["id"]: i["date_published"][:10] for i in jfeed["items"]}[
            SITE.fact_iri("north-light", "t2")
        ] == "2025-12-31"


# -- 4. words beside the date -------------------------------------------------


class TestWordsAndDate:
    """"Christmas Day" shows its year everywhere."""

    def test_label(self):
        """The words, then the normalised date with its year."""
        assert "Christmas Day (December 25, 2025)" == FuzzyDate(
            edtf="2025-12-25", text="Christmas Day").label()
        assert "Sunday, March 1 (March 1, 2026)" == FuzzyDate(
            edtf="2026-03-01", text="Sunday, March 1").label()
        assert "July 2025" == FuzzyDate(edtf="2025-07",
                                        text="July 2025").label()

    def test_everywhere(self, marshals, tmp_path):
        """Feed titles, claims, calendar descriptions and pages."""
        words = "Christmas Day (December 25, 2025)"
        items = {i.guid.split("#fact-")[1]: i
                 for i in items_for_show(marshals, SITE)}
        assert words in items["s1-finale"].title
        assert words in claim_text(marshals, "s1-finale")
        card = fact_card(marshals, base_url=SITE)
        assert f'datetime="2025-12-25">{words}</time>' in card
        calendar = to_calendar(marshals, SITE, tentative=True).decode()
        assert "Christmas Day (December 25\\, 2025)" in calendar.replace(
            "\r\n ", "")
        assert words in season_page(MARSHALS, tmp_path)


# -- 5 and 6. phrases --------------------------------------------------------


class TestPhrases:
    """Year-less days, holidays and open phrases, resolved and checked."""

    @pytest.mark.parametrize(("phrase", "said", "country", "edtf"), [
        ("March 1", "2025-11-18", None, "2026-03-01"),
        ("Sunday, March 1", "2025-11-18", None, "2026-03-01"),
        ("January 4", "2014-08-30", None, "2015-01-04"),
        ("4 January", "2014-08-30", None, "2015-01-04"),
        ("Christmas Day", "2025-11-18", "US", "2025-12-25"),
        ("Christmas Day", "2025-12-26", "GB", "2026-12-25"),
        ("Boxing Day", "2025-11-18", "GB", "2025-12-26"),
        ("New Year's Eve", "2025-11-18", "US", "2025-12-31"),
        ("Thanksgiving", "2025-11-01", "US", "2025-11-27"),
        ("not until next year", "2026-03-02", None, "2027/.."),
        ("later this year", "2026-03-02", None, "2026-03/2026-12"),
        ("early next year", "2026-03-02", None, "2027-01/2027-04"),
    ])
    def test_resolved(self, phrase, said, country, edtf):
        """Each phrase means the next such day, or a range."""
        date = FuzzyDate.resolve(phrase, FuzzyDate.of(said), country=country)
        assert (edtf, phrase, said) == (date.edtf, date.relative,
                                        date.anchor)

    def test_file_records_phrase_anchor_and_result(self, marshals):
        """The loaded date keeps the phrase, its anchor and its value."""
        date = marshals.fact("s1-premiere").date
        assert ("2026-03-01", "Sunday, March 1", "2025-11-18") == (
            date.edtf, date.relative, date.anchor)
        assert {"edtf": "2026-03-01", "text": "Sunday, March 1",
                "relative": "Sunday, March 1",
                "anchor": "2025-11-18"} == sf.to_dict(marshals)["seasons"][
                    0]["milestones"][0]["date"]

    def test_holidays_follow_the_show_country(self):
        """A holiday resolves in the show's own calendar."""
        show = load(MARSHALS.replace("countries: [US]", "countries: [GB]")
                    .replace('{relative: "Sunday, March 1", text: "Sunday, '
                             'March 1"}', "{relative: Boxing Day}"))
        assert "2025-12-26" == show.fact("s1-premiere").date.edtf

    def test_an_anchor_in_the_file(self):
        """``anchor`` stands in for an undated source, and is checked."""
        text = MARSHALS.replace(
            '{relative: "Sunday, March 1", text: "Sunday, March 1"}',
            "{relative: January 4, anchor: 2014-08-30}").replace(
            "        published: 2025-11-18\n", "")
        assert "2015-01-04" == load(text).fact("s1-premiere").date.edtf
        with pytest.raises(sf.InvalidDataError, match="anchor"):
            load(MARSHALS.replace(
                '{relative: "Sunday, March 1", text: "Sunday, March 1"}',
                "{relative: January 4, anchor: 2014-08-30}"))

    def test_a_release_plans_region_picks_the_calendar(self):
        """A plan for GB resolves "Boxing Day" in the GB calendar."""
        text = MARSHALS.replace("        milestones:\n", """\
        release_plans:
          - id: s1-uk
            region: GB
            date: {relative: Boxing Day}
            certainty: reported
            sources: [wire]
        milestones:
""", 1)
        assert "2025-12-26" == load(text).fact("s1-uk").date.edtf

    def test_phrase_and_edtf_must_agree(self):
        """``{relative: next year, edtf: 2030}`` names both in its error."""
        text = MARSHALS.replace(
            '{relative: "Sunday, March 1", text: "Sunday, March 1"}',
            '{relative: next year, edtf: "2030"}')
        with pytest.raises(sf.InvalidDataError) as info:
            load(text)
        (problem,) = info.value.problems
        assert "'next year'" in problem.message
        assert "'2030'" in problem.message
        assert "2026" in problem.message

    def test_agreeing_phrase_and_edtf(self):
        """A value within what the phrase means is kept."""
        show = load(MARSHALS.replace(
            '{relative: "Sunday, March 1", text: "Sunday, March 1"}',
            '{relative: next year, edtf: "2026-04"}'))
        date = show.fact("s1-premiere").date
        assert ("2026-04", "next year", "2025-11-18") == (
            date.edtf, date.relative, date.anchor)
        assert "next year (April 2026)" == date.label()

    def test_a_fuzzy_anchor_that_leaves_the_day_open(self):
        """"March 1" said sometime in early 2026: which March 1?"""
        with pytest.raises(RelativeDateError, match="2026-03-01 or "
                           "2027-03-01"):
            FuzzyDate.resolve("March 1", FuzzyDate.of("2026-01/2026-03"))

    def test_unknown_holiday(self):
        """A holiday the country does not keep is an error naming it."""
        with pytest.raises(RelativeDateError, match="GB's calendar"):
            phrases.resolve_on("Thanksgiving", dt.date(2025, 1, 1),
                               country="GB")


# -- weekdays ---------------------------------------------------------------


class TestWeekday:
    """A weekday the date does not fall on is a lint warning."""

    def test_mismatch_is_a_warning_quoting_the_words(self):
        """"Tuesday, September 3" for 3 September 2025, a Wednesday."""
        show = load(MARSHALS.replace(
            '{relative: "Sunday, March 1", text: "Sunday, March 1"}',
            '{edtf: 2025-09-03, text: "Tuesday, September 3"}'))
        (found,) = [f for f in lint(show, today=dt.date(2025, 9, 1))
                    if f.check == "weekday"]
        assert found.level.value == "warning"
        assert found.path == "$.seasons[0].milestones[0].date"
        assert '"Tuesday, September 3"' in found.message
        assert "Wednesday" in found.message
        # The words are kept as the source gave them.
        date = show.fact("s1-premiere").date
        assert "Tuesday, September 3 (September 3, 2025)" == date.label()

    def test_a_matching_weekday_is_quiet(self, marshals):
        """March 1, 2026 is a Sunday."""
        assert not [f for f in lint(marshals, today=dt.date(2025, 11, 20))
                    if f.check == "weekday"]


# -- 7. qualifiers and attribution -------------------------------------------


class TestQualifierAndAttribution:
    """Caveats and speakers are published with the fact."""

    CAVEAT = "CBS has yet to confirm"

    def test_in_every_feed_format(self, marshals):
        """RSS, Atom and JSON Feed carry the caveat and the speaker."""
        for fmt, write in (("rss", to_rss), ("atom", to_atom),
                           ("json", to_json_feed)):
            text = write(build_feed(marshals, SITE, fmt))
            text = text.decode() if isinstance(text, bytes) else text
            assert self.CAVEAT in text, fmt
            assert "Nora Vance, the network" in text, fmt
            assert "via Deadline" in text, fmt
        rss = feedparser.parse(to_rss(build_feed(marshals, SITE, "rss")))
        (entry,) = [e for e in rss.entries if e.id.endswith("s1-premiere")]
        assert entry.title.endswith("; " + self.CAVEAT)

    def test_on_the_card_and_in_claims(self, marshals):
        """A qualified fact is a claim whose text carries the caveat."""
        text = claim_text(marshals, "s1-premiere")
        assert self.CAVEAT in text
        assert "Said by Nora Vance" in text
        card = fact_card(marshals, base_url=SITE, claims=True)
        assert self.CAVEAT in card

    def test_in_the_calendar(self, marshals):
        """A tentative event's description carries caveat and speaker."""
        calendar = to_calendar(marshals, SITE, tentative=True).decode()
        unfolded = calendar.replace("\r\n ", "")
        assert f"Caveat: {self.CAVEAT}." in unfolded
        assert "Said by Nora Vance" in unfolded
        assert "via Deadline" in unfolded

    def test_on_the_timeline(self, tmp_path):
        """The season page's timeline shows caveat, speaker and relay."""
        root = etree.HTML(season_page(MARSHALS, tmp_path))
        (entry,) = root.xpath('//li[@id="fact-s1-premiere"]')
        words = " ".join(entry.itertext())
        assert self.CAVEAT in words
        assert "Nora Vance" in words
        assert "via Deadline" in " ".join(root.itertext())

    def test_a_qualified_confirmed_fact_is_not_typed(self, marshals):
        """Confirmed with a caveat: a claim, never a plain statement."""
        show = attrs.evolve(marshals, seasons=(attrs.evolve(
            marshals.seasons[0], milestones=(attrs.evolve(
                marshals.seasons[0].milestones[1],
                qualifier="the date may move"),),
        ),))
        graph = to_jsonld(show, SITE)
        assert "2025-12-25" not in json.dumps(graph)
        plain = to_jsonld(marshals, SITE)
        assert "2025-12-25" in json.dumps(plain)

    def test_note_stays_private(self):
        """``note`` is in no output."""
        show = load(MARSHALS.replace(
            "qualifier: CBS has yet to confirm",
            "qualifier: CBS has yet to confirm\n"
            "            note: SECRET-EDITOR-NOTE"))
        texts = [to_rss(build_feed(show, SITE, "rss")),
                 json.dumps(to_jsonld(show, SITE, claims=True)),
                 fact_card(show, base_url=SITE, claims=True)]
        assert all("SECRET-EDITOR-NOTE" not in str(t) for t in texts)


# -- the property ------------------------------------------------------------


_DAY_WORDS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December) ([0-9]{1,2}), ([0-9]{4})\b"
)
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
_DATE_KEYS = ("startDate", "endDate", "datePublished", "dateCreated")


def _all_dates(show: sf.Show) -> list[FuzzyDate]:
    found = [s.published for s in show.sources if s.published]
    for ref in show.facts():
        fact = ref.fact
        for name in ("date", "air_date", "announced"):
            value = getattr(fact, name, None)
            if isinstance(value, FuzzyDate):
                found.append(value)
        if fact.retracted is not None and fact.retracted.date is not None:
            found.append(fact.retracted.date)
    return found


def _days_given(show: sf.Show) -> set[dt.date]:
    """Every day a date of the show names to the day."""
    days: set[dt.date] = set()
    for date in _all_dates(show):
        for point in date.parsed.points:
            if point.precision is sf.Precision.DAY:
                days.update((point.lower, point.upper))
    return days


def _only_plain_facts(show: sf.Show) -> sf.Show:
    """The show with only current, confirmed, unqualified facts."""
    keep = {
        ref.fact.id for ref in show.facts()
        if show.is_current(ref.fact.id) and ref.fact.confirmed
        and ref.fact.qualifier is None
    }

    def kept(facts: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(attrs.evolve(f, supersedes=()) for f in facts
                     if f.id in keep)

    changes = {name: kept(getattr(show, name)) for name in models.SHOW_FACTS}
    seasons = tuple(
        attrs.evolve(season, **{name: kept(getattr(season, name))
                                for name in models.SEASON_FACTS})
        for season in show.seasons
    )
    return attrs.evolve(show, seasons=seasons, **changes)


@settings(deadline=None, max_examples=60)
@given(strategies.shows())
def test_no_output_says_more_than_the_data(show):
    """
    No date more precise than the data; no typed statement but the plain.

    Typed JSON-LD is the same with every fact below confirmed, qualified,
    superseded or retracted taken out; every date in it is a date of the
    data at its own precision; roleName only says a billing or status the
    data gave; feed texts name no day the data does not name.
    """
    graph = to_jsonld(show, SITE)
    assert graph == to_jsonld(_only_plain_facts(show), SITE)

    given_iso = {d.iso() for d in _all_dates(show)} - {None}
    # A work's year is given as a year.
    given_iso |= {f"{w.year:04d}" for w in show.works if w.year}
    given_days = _days_given(show)
    for node in nodes(graph):
        for key in _DATE_KEYS:
            for value in listed(node.get(key)):
                day = value.split("T")[0]
                assert day in given_iso, (key, value)
                if "T" in value:
                    assert dt.date.fromisoformat(day) in given_days
        if node.get("@type") == "PerformanceRole":
            words = set(listed(node.get("roleName")))
            stated = {
                w for ref in show.facts()
                if isinstance(ref.fact, sf.CastCredit)
                for w in (
                    ref.fact.billing.value.replace("_", " ")
                    if ref.fact.billing else None,
                    ref.fact.status.value if ref.fact.status else None,
                ) if w
            }
            assert words <= stated

    data = json.dumps(sf.to_dict(show), ensure_ascii=False)
    for item in items_for_show(show, SITE):
        text = f"{item.title} {item.summary}"
        for month, day, year in _DAY_WORDS.findall(text):
            try:
                named = dt.date(int(year), _MONTHS.index(month) + 1,
                                int(day))
            except ValueError:
                continue
            # A day of the data, or words the data itself holds.
            assert named in given_days or (
                f"{month} {day}, {year}" in data
            ), (month, day, year)
