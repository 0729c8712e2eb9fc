"""
People, works, awards, identifiers and images, as TV news states them.

One made-up show, ``tests/data/people/tidewater.yaml``, says each kind of
fact once:

1. crew changes (a co-creator steps back, a producer leaves, a sole
   showrunner, a game by a studio);
2. a recast that names whom it replaces;
3. series-wide cast, departures, a character whose actor is not yet
   named, unnamed cast as a count and as a phrase;
4. works of every kind related either way, a season's own source work;
5. awards won and nominations;
6. EIDR, TheTVDB, TMDb and TVmaze ids, on everything that has them;
7. images with credits and text alternatives.

Each is checked in every output: JSON-LD (sdo_check, with and without
claims), feeds (feedparser), the fact card, the site's timeline, the
calendar, lint, and ``showfacts diff`` with its "what changed" feed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import feedparser
import icalendar
import pytest

import showfacts as sf
from showfacts import _converter, diff
from showfacts.calendar import to_calendar
from showfacts.exceptions import InvalidDataError
from showfacts.feeds import render
from showfacts.iris import Site
from showfacts.jsonld import claim_text, dumps_jsonld, to_jsonld
from showfacts.lint import lint
from showfacts.markup import fact_card
from showfacts.models import ExternalIds, eidr_check_character
from showfacts.news import build_feed
from showfacts.site import build_site
from tests.conftest import ROOT
from tests.test_jsonld import check_all, sdo_check, sdo_problems


DATA = ROOT / "tests" / "data" / "people"
TIDEWATER = DATA / "tidewater.yaml"
BASE = "https://example.org/tv/"
SITE = Site(BASE)
SERIES = SITE.show_iri("tidewater")


@pytest.fixture(scope="module")
def show() -> sf.Show:
    """The made-up show."""
    return sf.load(TIDEWATER)


def _nodes(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["@id"]: n for n in graph["@graph"]}


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _people(node: dict[str, Any], prop: str) -> list[str]:
    """The person IRIs a property holds, directly or through a role."""
    found = []
    for value in _list(node.get(prop)):
        if set(value) == {"@id"}:
            found.append(value["@id"])
        else:
            found.append(value[prop]["@id"])
    return found


def _graph(show: sf.Show, **options: bool) -> dict[str, Any]:
    graph = to_jsonld(show, BASE, **options)
    check_all(graph, claims=options.get("claims", False),
              pending=options.get("pending", False))
    return graph


def _changed(show: sf.Show, edit: Any) -> sf.Show:
    raw = sf.to_dict(show)
    edit(raw)
    return _converter.structure(raw, sf.Show)


def _claims(graph: dict[str, Any]) -> list[str]:
    return [
        text for n in graph["@graph"] if n["@type"] == "Claim"
        for text in _list(n.get("text"))
    ]


@pytest.fixture(scope="module")
def feed(show: sf.Show) -> Any:
    """The show's RSS feed, parsed by feedparser."""
    parsed = feedparser.parse(render(build_feed(show, SITE, "rss"), "rss"))
    assert 0 == parsed.bozo
    return parsed


def _titles(parsed: Any) -> list[str]:
    return [e.title for e in parsed.entries]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The built site of the made-up show."""
    out = tmp_path_factory.mktemp("site") / "site"
    build_site([TIDEWATER], out, base_url=BASE)
    return out


# -- every output passes every check ------------------------------------------


@pytest.mark.parametrize("options", [
    {}, {"claims": True}, {"pending": True},
    {"claims": True, "pending": True},
], ids=["default", "claims", "pending", "claims+pending"])
def test_jsonld_passes_every_check(show, options):
    """sdo_check finds no error, with claims and pending terms or not."""
    graph = _graph(show, **options)
    if sdo_check() is not None:
        allowed = frozenset({"Claim", "appearance", "creditText"})
        assert [] == [p for p in sdo_problems(graph, allowed)
                      if not p.startswith("WARN")]


@pytest.mark.parametrize("season", [2, 3, 4])
def test_season_graphs_pass_every_check(show, season):
    """Each season's own graph too."""
    check_all(to_jsonld((show, season), BASE, claims=True), claims=True,
              rdf_too=False)


def test_rebuilds_are_byte_identical(show):
    """The same file gives the same bytes, graph, feed and calendar."""
    again = sf.load(TIDEWATER)
    for options in ({}, {"claims": True, "pending": True}):
        assert dumps_jsonld(to_jsonld(show, BASE, **options)) == (
            dumps_jsonld(to_jsonld(again, BASE, **options))
        )
    for fmt in ("rss", "atom", "json"):
        assert render(build_feed(show, SITE, fmt), fmt) == render(
            build_feed(again, SITE, fmt), fmt
        )
    assert to_calendar(show, SITE) == to_calendar(again, SITE)


def test_built_site_is_byte_identical(site, tmp_path):
    """Two builds of the site give the same files, byte for byte."""
    again = tmp_path / "again"
    build_site([TIDEWATER], again, base_url=BASE)
    first = {p.relative_to(site): p.read_bytes()
             for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes()
              for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_feeds_parse_in_every_format(show):
    """RSS, Atom and JSON Feed of the show and each season parse."""
    for fmt in ("rss", "atom"):
        for season in (None, 2, 4):
            body = render(build_feed(show, SITE, fmt, season=season), fmt)
            assert 0 == feedparser.parse(body).bozo
    items = json.loads(render(build_feed(show, SITE, "json"), "json"))
    assert len(items["items"]) == len({i["id"] for i in items["items"]})


def test_calendar_keeps_to_premieres(show):
    """The calendar parses; awards and casting news are not events."""
    calendar = icalendar.Calendar.from_ical(to_calendar(show, SITE))
    events = calendar.walk("VEVENT")
    assert ["Tidewater Season 2 premiere"] == [
        str(e["SUMMARY"]) for e in events
    ]
    assert "2025-09-14" == events[0].decoded("DTSTART").isoformat()
    body = to_calendar(show, SITE).decode()
    assert "Beacon" not in body
    assert "Stormcrow" not in body


def test_lint_of_the_show(show):
    """Lint says what the data leaves implicit, and nothing else new."""
    found = {(f.check, f.path) for f in lint(show, today=dt.date(2026, 4, 1))}
    assert ("crew-left", "$.crew[2]") in found  # hale-showrunner
    assert ("crew-left", "$.crew[5]") in found  # lind-producer
    assert not {c for c, _ in found} & {"still-cast", "recast-replaces",
                                        "id-without-page", "undated"}


# -- 1. crew changes ----------------------------------------------------------


def test_departed_crew_are_not_current_producers(show):
    """Stepped back and departed: out of typed roles; co-creators stay."""
    graph = _graph(show)
    series = _nodes(graph)[SERIES]
    producers = _people(series, "producer")
    assert SITE.person_iri("ada-hale") not in producers
    assert SITE.person_iri("bo-lind") not in producers
    assert [SITE.person_iri("ivo-rask")] == producers
    sole = _list(series["producer"])[0]
    assert ["showrunner", "sole showrunner"] == sole["roleName"]
    creators = {r["creator"]["@id"]: r["roleName"]
                for r in _list(series["creator"])}
    assert {SITE.person_iri("ada-hale"): "co-creator",
            SITE.person_iri("ivo-rask"): "co-creator"} == creators


def test_crew_changes_are_claims_and_news(show, feed):
    """The departures read as such, in claims and in feeds."""
    texts = _claims(_graph(show, claims=True))
    assert ("Confirmed: Ada Hale steps back as showrunner of Tidewater, "
            "before Season 3 (between October 2025 and February 2026).") \
        in texts
    assert "Confirmed: Bo Lind leaves Tidewater as producer." in texts
    titles = _titles(feed)
    assert "Ivo Rask is the sole showrunner of Tidewater" in titles
    assert "Bo Lind leaves Tidewater as producer" in titles


def test_a_departure_ends_only_its_own_list(show):
    """A season's departure leaves the show's credits alone."""
    def edit(raw: dict[str, Any]) -> None:
        raw["crew"] = [c for c in raw["crew"] if c["id"] != "lind-leaves"]
        raw["seasons"][1]["crew"] = [{
            "id": "s3-lind-leaves", "person": "bo-lind", "role": "producer",
            "status": "departing", "certainty": "confirmed",
        }]

    graph = _graph(_changed(show, edit))
    series = _nodes(graph)[SERIES]
    assert SITE.person_iri("bo-lind") in _people(series, "producer")
    season = _nodes(graph)[SITE.season_iri("tidewater", 3)]
    assert "producer" not in season


def test_a_studio_authors_a_game(show):
    """Organizations are authors of works."""
    nodes = _nodes(_graph(show))
    game = nodes[SITE.work_iri("tidewater-game")]
    assert "VideoGame" == game["@type"]
    assert {"@id": SITE.organization_iri("northlight-games")} == (
        game["author"]
    )


# -- 2. recasts ---------------------------------------------------------------


def test_the_replaced_actor_is_not_in_the_new_season(show):
    """Season 4's cast is the new actor, as a recast; Season 3 keeps its."""
    nodes = _nodes(_graph(show))
    s4 = nodes[SITE.season_iri("tidewater", 4)]
    assert [SITE.person_iri("tomas-vey")] == _people(s4, "actor")
    assert "recast" in s4["actor"]["roleName"]
    s3 = nodes[SITE.season_iri("tidewater", 3)]
    assert [SITE.person_iri("ivo-marsh")] == _people(s3, "actor")


def test_a_returning_credit_for_the_replaced_actor_is_dropped(show):
    """Even when a confirmed credit still lists them, and lint says so."""
    def edit(raw: dict[str, Any]) -> None:
        raw["seasons"][2]["cast"].append({
            "id": "s4-marsh-bram", "person": "ivo-marsh",
            "characters": ["keeper-bram"], "status": "returning",
            "certainty": "confirmed",
        })

    changed = _changed(show, edit)
    s4 = _nodes(_graph(changed))[SITE.season_iri("tidewater", 4)]
    assert [SITE.person_iri("tomas-vey")] == _people(s4, "actor")
    found = [f for f in lint(changed, today=dt.date(2026, 4, 1))
             if f.check == "still-cast"]
    assert ["$.seasons[2].cast[1]"] == [f.path for f in found]


def test_recasts_say_whom_they_replace(show, feed, site):
    """Pages and feeds: "takes over as Keeper Bram from Ivo Marsh"."""
    words = "Tomas Vey takes over as Keeper Bram from Ivo Marsh"
    assert f"{words} in Tidewater Season 4" in _titles(feed)
    page = (site / "shows" / "tidewater" / "season-4" / "index.html")
    assert words in page.read_text(encoding="utf-8")
    assert f"Confirmed: {words} in Tidewater Season 4." == claim_text(
        show, "s4-vey-bram"
    )


def test_a_recast_names_a_declared_person_and_a_cast_credit(show):
    """Unknown people, other kinds of fact and mismatches are refused."""
    def edit(raw: dict[str, Any]) -> None:
        credit = raw["seasons"][2]["cast"][0]
        credit["replaces"] = "nobody"
        credit["replaces_credit"] = "s2-premiere"

    with pytest.raises(InvalidDataError) as caught:
        _changed(show, edit)
    paths = {p.path for p in caught.value.problems}
    assert {"$.seasons[2].cast[0].replaces",
            "$.seasons[2].cast[0].replaces_credit"} <= paths


def test_lint_asks_whom_a_recast_replaces(show):
    """A recast without 'replaces' is a warning."""
    def edit(raw: dict[str, Any]) -> None:
        credit = raw["seasons"][2]["cast"][0]
        del credit["replaces"], credit["replaces_credit"]

    found = [f.check for f in lint(_changed(show, edit),
                                   today=dt.date(2026, 4, 1))]
    assert "recast-replaces" in found


# -- 3. cast without a season, departures, unnamed cast -----------------------


def test_series_wide_cast_is_on_the_series(show):
    """Series-wide credits: actor on the TVSeries, with their characters."""
    series = _nodes(_graph(show))[SERIES]
    assert [SITE.person_iri("mara-quill"), SITE.person_iri("sela-dunn")] == (
        _people(series, "actor")
    )
    assert {"@id": SITE.character_iri("nell")} in series["character"]


def test_departures_are_not_cast(show):
    """Not returning, killed off: no actor role; a claim says it."""
    graph = _graph(show, claims=True)
    s2 = _nodes(graph)[SITE.season_iri("tidewater", 2)]
    assert "actor" not in s2
    texts = _claims(graph)
    assert ("Confirmed: Pell Orrin will not return in Tidewater Season 2."
            in texts)
    assert ("Confirmed: Glass is killed off: Wren Coil does not return in "
            "Tidewater Season 2.") in texts


def test_a_character_without_an_actor(show, feed):
    """The character is in the season; no person is invented."""
    graph = _graph(show)
    s2 = _nodes(graph)[SITE.season_iri("tidewater", 2)]
    assert {"@id": SITE.character_iri("stormcrow")} == s2["character"]
    people = [n for n in graph["@graph"]
              if n["@id"].startswith(BASE + "people/")]
    assert len(people) == len({p["@id"] for p in people})
    assert all("Stormcrow" not in json.dumps(p) for p in people)
    assert ("Stormcrow joins Tidewater Season 2; the actor is not yet named"
            in _titles(feed))
    card = fact_card(show, 2, BASE)
    assert "(actor not yet named)" in card


def test_unnamed_cast_as_a_count_or_words(show, feed):
    """Counts and phrases are claims and news, never people."""
    texts = _claims(_graph(show, claims=True))
    assert ("Confirmed: 3 new cast members, not yet named, in Tidewater "
            "Season 2.") in texts
    assert ("Reported: More cast for Tidewater Season 2 (main cast), not "
            "named: “several Season 1 actors were promoted to series "
            "regular”.") in texts
    assert "Confirmed: More cast for Tidewater, not named: “and others”." in (
        texts
    )
    assert any("3 new cast members" in t for t in _titles(feed))


def test_additional_cast_needs_something_to_say(show):
    """No characters, count or words: refused by schema and model."""
    def edit(raw: dict[str, Any]) -> None:
        raw["additional_cast"] = [{"id": "empty", "certainty": "confirmed"}]

    with pytest.raises(InvalidDataError) as caught:
        _changed(show, edit)
    assert ["$.additional_cast[0]"] == [p.path for p in caught.value.problems]


def test_the_schema_refuses_empty_additional_cast(show, tmp_path):
    """The file check says where, as for any schema problem."""
    raw = sf.to_dict(show)
    raw["additional_cast"] = [{"id": "empty", "certainty": "confirmed"}]
    path = tmp_path / "tidewater.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    problems = sf.validate(path)
    assert problems
    assert all("additional_cast[0]" in p.path for p in problems)


# -- 4. works and relations ---------------------------------------------------


def test_relations_either_way(show):
    """A prequel film is based on the series; the series on the game."""
    nodes = _nodes(_graph(show))
    film = nodes[SITE.work_iri("undertow")]
    assert "Movie" == film["@type"]
    assert {"@id": SERIES} == film["isBasedOn"]
    assert {"@id": SITE.work_iri("tidewater-game")} in (
        nodes[SERIES]["isBasedOn"]
    )


def test_relations_without_a_term_are_claims(show):
    """Same universe and a reported spin-off: claims only."""
    texts = _claims(_graph(show, claims=True))
    assert ("Confirmed: Tidewater is set in the same universe as Tidewater: "
            "The Game, a game by Northlight Games.") in texts
    assert "Reported: Tidewater has a spin-off, Tidewater: Harbor." in texts
    series = _nodes(_graph(show))[SERIES]
    assert SITE.show_iri("tidewater-harbor") not in json.dumps(series)


def test_a_season_adapts_one_book(show):
    """Season 2 is based on Ebb, part of the book series."""
    nodes = _nodes(_graph(show))
    s2 = nodes[SITE.season_iri("tidewater", 2)]
    assert {"@id": SITE.work_iri("ebb")} == s2["isBasedOn"]
    assert {"@id": SITE.work_iri("tide-books")} == (
        nodes[SITE.work_iri("ebb")]["isPartOf"]
    )


def test_a_relation_names_a_show_or_a_work(show):
    """Both, neither, or an unknown work: refused."""
    def edit(raw: dict[str, Any]) -> None:
        raw["relations"][0]["show"] = "other"
        raw["relations"][1]["work"] = "no-such-work"
        del raw["relations"][2]["work"]

    with pytest.raises(InvalidDataError) as caught:
        _changed(show, edit)
    assert {"$.relations[0].work", "$.relations[1].work",
            "$.relations[2]"} == {p.path for p in caught.value.problems}


# -- 5. awards ----------------------------------------------------------------


def test_confirmed_wins_are_award_text_on_the_right_node(show):
    """The series' own win, a person's win for a credit; no nominations."""
    nodes = _nodes(_graph(show))
    assert "Golden Beacon Award (Best Drama Series, 2025)" == (
        nodes[SERIES]["award"]
    )
    assert "Golden Beacon Award (Best Actress, 2025), for Tidewater" == (
        nodes[SITE.person_iri("mara-quill")]["award"]
    )
    assert "award" not in nodes[SITE.person_iri("sela-dunn")]
    assert "award" not in nodes[SITE.season_iri("tidewater", 2)]


def test_unconfirmed_wins_are_claims(show):
    """A reported win is a claim, not award text."""
    def edit(raw: dict[str, Any]) -> None:
        raw["awards"][0]["certainty"] = "reported"

    graph = _graph(_changed(show, edit), claims=True)
    assert "award" not in _nodes(graph)[SERIES]
    assert ("Reported: Tidewater won the Golden Beacon Award (Best Drama "
            "Series, 2025).") in _claims(graph)


def test_awards_in_feeds_and_cards(show, feed):
    """Awards are news items of their own kind, and a card row."""
    award_items = [e for e in feed.entries
                   if any(t.term == "award" for t in e.tags)]
    assert 4 == len(award_items)
    assert "Golden Beacon Award (Best Drama Series, 2025)" in fact_card(
        show, None, BASE
    )


def test_an_award_is_for_a_person_or_a_credit(show):
    """Both at once, or a credit that is not a cast or crew credit."""
    def edit(raw: dict[str, Any]) -> None:
        raw["awards"][1]["person"] = "mara-quill"
        raw["awards"][2]["credit"] = "s2-premiere"
        del raw["awards"][2]["person"]

    with pytest.raises(InvalidDataError) as caught:
        _changed(show, edit)
    assert {"$.awards[1].credit", "$.awards[2].credit"} == {
        p.path for p in caught.value.problems
    }


# -- 6. identifiers -----------------------------------------------------------


def test_every_id_with_a_page_is_same_as(show):
    """EIDR, TheTVDB, TMDb and TVmaze, each where its service has pages."""
    nodes = _nodes(_graph(show))
    assert [
        "https://www.imdb.com/title/tt0654321/",
        "https://doi.org/10.5240/0A1B-2C3D-4E5F-6A7B-8C9D-7",
        "https://www.themoviedb.org/tv/90210",
        "https://www.tvmaze.com/shows/55501",
        "https://thetvdb.com/dereferrer/series/401234",
    ] == nodes[SERIES]["sameAs"]
    assert [
        "https://www.themoviedb.org/network/4321",
        "https://www.tvmaze.com/networks/77",
    ] == nodes[SITE.organization_iri("harbor-tv")]["sameAs"]
    assert "https://www.themoviedb.org/company/9876" == (
        nodes[SITE.organization_iri("gull-studios")]["sameAs"]
    )
    assert [
        "https://www.tvmaze.com/seasons/880002",
        "https://thetvdb.com/dereferrer/season/710002",
    ] == nodes[SITE.season_iri("tidewater", 2)]["sameAs"]
    assert [
        "https://www.tvmaze.com/episodes/1200001",
        "https://thetvdb.com/dereferrer/episode/9000001",
    ] == nodes[SITE.episode_iri("tidewater", 2, 1)]["sameAs"]
    assert "https://www.tvmaze.com/characters/99001" == (
        nodes[SITE.character_iri("keeper-bram")]["sameAs"]
    )
    assert [
        "https://www.themoviedb.org/movie/500100",
        "https://thetvdb.com/dereferrer/movie/8800",
    ] == nodes[SITE.work_iri("undertow")]["sameAs"]
    assert "https://thetvdb.com/people/7001" in (
        nodes[SITE.person_iri("ada-hale")]["sameAs"]
    )


@pytest.mark.parametrize("eidr", [
    "10.5240/7791-8534-2C23-9030-8610-5",
    "10.5240/7EC7-228A-510A-053E-CBB8-J",
    "10.5240/B752-5B47-DBBE-E5D4-5A3F-N",
])
def test_published_eidr_ids_are_accepted(eidr):
    """EIDR ids as EIDR publishes them, check characters and all."""
    assert eidr == ExternalIds(eidr=eidr).eidr
    assert eidr[-1] == eidr_check_character(eidr[8:].replace("-", "")[:-1])


@pytest.mark.parametrize(("eidr", "why"), [
    ("10.5240/7791-8534-2C23-9030-8610-6", "check character"),
    ("10.5240/7791-8534-2C23-9030-8610", "EIDR id"),
    ("10.5239/7791-8534-2C23-9030-8610-5", "EIDR id"),
    ("10.5240/7791-8534-2c23-9030-8610-5", "EIDR id"),
    ("10.5240/7791-8534-2C23-9030-8610-5\n", "EIDR id"),
])
def test_bad_eidr_ids_are_refused(eidr, why):
    """Wrong check character, shape, prefix, case: each refused."""
    with pytest.raises(InvalidDataError) as caught:
        ExternalIds(eidr=eidr)
    assert why in caught.value.problems[0].message


def test_eidr_check_is_reported_with_its_path(show):
    """A wrong check character in a file: its path and both characters."""
    def edit(raw: dict[str, Any]) -> None:
        raw["external_ids"]["eidr"] = "10.5240/0A1B-2C3D-4E5F-6A7B-8C9D-8"

    with pytest.raises(InvalidDataError) as caught:
        _changed(show, edit)
    problem = caught.value.problems[0]
    assert "$.external_ids.eidr" == problem.path
    assert "'8'" in problem.message
    assert "'7'" in problem.message


@pytest.mark.parametrize("imdb", ["tt0000001", "nm1234567", "tt12345678",
                                  "tt123456789012"])
def test_imdb_ids_of_seven_digits_or_more(imdb):
    """Seven digits (older ids) and more are IMDb ids; six are not."""
    assert imdb == ExternalIds(imdb=imdb).imdb
    with pytest.raises(InvalidDataError):
        ExternalIds(imdb=imdb[:2] + "123456")


def test_ids_without_pages_are_kept_and_linted(show):
    """A TVmaze id on a studio: kept in the data, no sameAs, a warning."""
    def edit(raw: dict[str, Any]) -> None:
        raw["organizations"][1]["external_ids"]["tvmaze"] = 12
        raw["characters"][0]["external_ids"]["tvdb"] = 34

    changed = _changed(show, edit)
    assert 12 == changed.organization("gull-studios").external_ids.tvmaze
    nodes = _nodes(_graph(changed))
    assert "https://www.themoviedb.org/company/9876" == (
        nodes[SITE.organization_iri("gull-studios")]["sameAs"]
    )
    found = {f.path for f in lint(changed, today=dt.date(2026, 4, 1))
             if f.check == "id-without-page"}
    assert {"$.organizations[1].external_ids.tvmaze",
            "$.characters[0].external_ids.tvdb"} == found


# -- 7. images ----------------------------------------------------------------


def test_images_with_credits_and_text_alternatives(show):
    """ImageObjects with a caption; the credit with the pending terms."""
    nodes = _nodes(_graph(show))
    quill = nodes[SITE.person_iri("mara-quill")]["image"]
    assert {"@type": "ImageObject",
            "caption": "Mara Quill in a keeper's oilskin coat",
            "contentUrl": "https://example.org/img/mara-quill.jpg"} == quill
    assert "https://example.org/img/tomas-vey.jpg" == (
        nodes[SITE.person_iri("tomas-vey")]["image"]
    )
    assert "Keeper Bram at the lamp" == (
        nodes[SITE.character_iri("keeper-bram")]["image"]["caption"]
    )
    assert "Nell lights the lamp" == (
        nodes[SITE.episode_iri("tidewater", 2, 1)]["image"]["caption"]
    )
    pending = _nodes(_graph(show, pending=True))
    assert "Key art: Harbor TV" == (
        pending[SITE.season_iri("tidewater", 2)]["image"]["creditText"]
    )


def test_cards_show_images_with_alt_and_credit(show):
    """The season's image has its text alternative, and its credit."""
    card = fact_card(show, 2, BASE)
    assert ('src="https://example.org/img/tidewater-s2.jpg" '
            'alt="A lighthouse in a storm"') in card
    graph = to_jsonld((show, 2), BASE, pending=True)
    from showfacts.markup import graph_fragment
    assert "Key art: Harbor TV" in graph_fragment(graph, show, 2, SITE)


def test_feed_items_enclose_their_own_images(feed):
    """A credit encloses its person's photo; others the season's art."""
    by_title = {e.title: e for e in feed.entries}
    recast = by_title["Tomas Vey takes over as Keeper Bram from Ivo Marsh in "
                      "Tidewater Season 4"]
    assert ["https://example.org/img/tomas-vey.jpg"] == [
        link.href for link in recast.links if link.rel == "enclosure"
    ]
    stormcrow = by_title[
        "Stormcrow joins Tidewater Season 2; the actor is not yet named"
    ]
    assert ["https://example.org/img/keeper-bram.jpg"] != [
        link.href for link in stormcrow.links if link.rel == "enclosure"
    ]


# -- diff and "what changed" --------------------------------------------------


def _next_version(show: sf.Show) -> sf.Show:
    def edit(raw: dict[str, Any]) -> None:
        raw["awards"][2]["outcome"] = "won"
        raw["crew"].append({
            "id": "quill-ep", "person": "mara-quill",
            "role": "executive_producer", "status": "joining",
            "certainty": "confirmed", "announced": "2026-04-01",
        })
        raw["crew"].append({
            "id": "rask-steps-back", "person": "ivo-rask",
            "role": "showrunner", "status": "stepped_back",
            "supersedes": "rask-sole-showrunner",
            "certainty": "reported", "announced": "2026-04-02",
        })
        season = raw["seasons"][2]
        season["cast"].append({
            "id": "s4-dunn-gone", "person": "sela-dunn",
            "status": "not_returning", "certainty": "confirmed",
            "announced": "2026-04-03",
        })
        raw["seasons"][0]["additional_cast"].append({
            "id": "s2-two-more", "count": 2, "certainty": "rumored",
        })
        raw["relations"].append({
            "id": "midwinter-special", "kind": "has_sequel",
            "work": "midwinter", "certainty": "confirmed",
        })
        raw["seasons"][1]["external_ids"] = {"tvdb": 710003}

    return _changed(show, edit)


def test_diff_reports_each_new_kind_of_fact(show):
    """Awards, crew, cast departures, unnamed cast and relations."""
    changes = diff.diff(show, _next_version(show))
    kinds = {c.fact_ids[0]: c.kind.value for c in changes}
    assert {
        "beacon-dunn-nominated": "award_won",
        "quill-ep": "crew_joined",
        "rask-steps-back": "crew_departed",
        "s4-dunn-gone": "cast_departed",
        "s2-two-more": "added",
        "midwinter-special": "added",
    } == kinds
    text = diff.to_text(changes)
    assert ("Sela Dunn won the Golden Beacon Award (Best Supporting Actress, "
            "2025) for Tidewater") in text
    assert "Ivo Rask steps back as showrunner of Tidewater" in text
    assert "Sela Dunn will not return in Tidewater Season 4" in text
    assert "2 cast members, not yet named" in text
    assert "has sequel Tidewater: Midwinter" in text


def test_diff_of_a_new_recast(show):
    """A recast added: its own kind, naming whom it replaces."""
    without = _changed(show, lambda raw: raw["seasons"][2].update(cast=[]))
    changes = diff.diff(without, show)
    assert ["cast_recast"] == [c.kind.value for c in changes]
    assert ("Tomas Vey takes over as Keeper Bram from Ivo Marsh"
            in changes[0].summary)


def test_what_changed_feed_includes_them(show):
    """The "what changed" feed parses and has an item for each change."""
    changes = diff.diff(show, _next_version(show))
    body = render(diff.to_feed(changes, SITE, fmt="atom"), "atom")
    parsed = feedparser.parse(body)
    assert 0 == parsed.bozo
    assert len(changes) == len(parsed.entries)
    assert {"award won", "crew joined", "crew departed", "cast departed",
            "added"} <= {t.term for e in parsed.entries for t in e.tags}


def test_the_new_fields_round_trip(show):
    """Writing the show and reading it back gives the same show."""
    assert show == _converter.structure(sf.to_dict(show), sf.Show)
    assert attrs.evolve(show) == show


@pytest.mark.parametrize("season", [None, 2, 4])
def test_card_microdata_states_only_the_graph(show, season):
    """Images, cast, characters and awards in the card are the graph's."""
    from tests.test_markup import (
        _card_page,
        jsonld_triples,
        microdata_triples,
        missing_statements,
    )

    subject = show if season is None else (show, season)
    graph = to_jsonld(subject, BASE)
    card = microdata_triples(_card_page(show, season, claims=False))
    assert len(card) > 10
    assert [] == missing_statements(card, jsonld_triples(graph))


def test_card_of_the_series(show):
    """Co-creators, the sole showrunner, no departed crew, every link."""
    card = fact_card(show, None, BASE)
    assert "Created by" in card
    assert card.count('value="co-creator"') == 2
    assert 'value="sole showrunner"' in card
    assert "Bo Lind" not in card
    assert "Ada Hale" in card  # as co-creator only
    assert card.count('itemprop="producer" itemscope') == 2  # role, person
    for url in ("https://doi.org/10.5240/0A1B-2C3D-4E5F-6A7B-8C9D-7",
                "https://thetvdb.com/dereferrer/series/401234"):
        assert f'href="{url}"' in card


def test_timeline_of_the_show_page(site):
    """The show page's timeline says every new kind of fact in words."""
    page = (site / "shows" / "tidewater" / "index.html").read_text(
        encoding="utf-8"
    )
    for words in (
        "Ada Hale steps back as showrunner of Tidewater, before Season 3 "
        "(between October 2025 and February 2026)",
        "Ivo Rask is the sole showrunner of Tidewater",
        "Mara Quill won the Golden Beacon Award (Best Actress, 2025) for "
        "Tidewater",
        "Tidewater has a prequel, Tidewater: Undertow, a film",
        "More cast for Tidewater, not named: “and others”",
    ):
        assert words in page, words


def test_a_departure_ends_the_same_lists_credits(show):
    """"Will not return": not a current actor, whatever else the list says."""
    def edit(raw: dict[str, Any]) -> None:
        raw["cast"].append({
            "id": "dunn-gone", "person": "sela-dunn",
            "status": "not_returning", "certainty": "confirmed",
        })

    series = _nodes(_graph(_changed(show, edit)))[SERIES]
    assert [SITE.person_iri("mara-quill")] == _people(series, "actor")
    found = [f.path for f in lint(_changed(show, edit),
                                  today=dt.date(2026, 4, 1))
             if f.check == "still-cast"]
    assert ["$.cast[1]"] == found
