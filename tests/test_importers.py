"""
Importers: TMDb, TVmaze, Wikidata and JSON-LD responses to show files.

The fixtures in ``tests/data/importers/`` are made-up shows written in the
shapes each service documents.  Each is imported through the command line,
then validated, linted and published; the JSON-LD is compared with the
input field by field.
"""

from __future__ import annotations

import difflib
import json
import pathlib
from typing import Any

import pytest

from showfacts import jsonld, loading
from showfacts.dates import FuzzyDate
from showfacts.importers import jsonld as jsonld_importer
from showfacts.importers import tmdb, tvmaze, wikidata
from showfacts.models import Billing, Certainty, OrgKind
from tests.test_cli import run
from tests.test_jsonld import sdo_check, sdo_problems


DATA = pathlib.Path(__file__).parent / "data" / "importers"
BASE = "https://example.org/tv/"
PAGE = "https://guide.example.com/shows/brass-meridian/season-2/"

#: Each fixture, its service, and extra arguments.
FIXTURES = {
    "tmdb-running.json": ("tmdb", []),
    "tmdb-ended.json": ("tmdb", []),
    "tmdb-planned.json": ("tmdb", []),
    "tvmaze-running.json": ("tvmaze", []),
    "tvmaze-ended.json": ("tvmaze", []),
    "tvmaze-in-development.json": ("tvmaze", []),
    "wikidata-series.json": ("wikidata", []),
    "jsonld-page.html": ("jsonld", ["--base-url", PAGE]),
    "jsonld-series.jsonld": ("jsonld", []),
}


def _load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _import(name: str, target: pathlib.Path, capsys: Any,
            *more: str) -> tuple[int, str, str]:
    service, extra = FIXTURES[name]
    return run(["import", service, str(DATA / name), "-o", str(target),
                *extra, *more], capsys=capsys)


def _series(graph: dict[str, Any]) -> dict[str, Any]:
    [node] = [n for n in graph["@graph"] if n["@type"] == "TVSeries"]
    return node


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# -- the command: import, validate, lint, publish ----------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_import_validate_lint(name, tmp_path, capsys):
    """Each fixture imports, validates, and lints with no error."""
    target = tmp_path / "show.yaml"
    status, out, err = _import(name, target, capsys)
    assert (0, "") == (status, out), err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert (0, "", "") == run(["validate", str(target)], capsys=capsys)
    status, _, err = run(["lint", str(target), "--today", "2026-12-06"],
                         capsys=capsys)
    assert 0 == status, err
    assert ": error:" not in err


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_unmapped_fields_are_listed_on_stderr_and_in_the_file(
    name, tmp_path, capsys
):
    """What cannot be mapped is on stderr and in the file's header."""
    target = tmp_path / "show.yaml"
    _, _, err = _import(name, target, capsys)
    header = [line for line in target.read_text().splitlines()
              if line.startswith("#   ")]
    listed = [line.strip() for line in err.splitlines()[1:]]
    assert [h[4:] for h in header] == listed


def test_imports_are_deterministic(tmp_path, capsys):
    """The same input gives the same bytes."""
    for name in FIXTURES:
        _import(name, tmp_path / "a.yaml", capsys)
        _import(name, tmp_path / "b.yaml", capsys, "--force")
        assert (tmp_path / "a.yaml").read_bytes() == (
            tmp_path / "b.yaml").read_bytes(), name
        (tmp_path / "a.yaml").unlink()
        (tmp_path / "b.yaml").unlink()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_published_jsonld_passes_sdo_check(name, tmp_path, capsys):
    """The JSON-LD of every import has no schema.org problem."""
    if sdo_check() is None:
        pytest.skip("../shared is not here")
    target = tmp_path / "show.yaml"
    _import(name, target, capsys)
    graph = jsonld.to_jsonld(loading.load(target), BASE)
    assert [] == sdo_problems(graph)


def test_tmdb_jsonld_says_what_tmdb_said(tmp_path, capsys):
    """Field by field, the published series is the TMDb record."""
    data = _load("tmdb-running.json")
    target = tmp_path / "show.yaml"
    _import("tmdb-running.json", target, capsys)
    series = _series(jsonld.to_jsonld(loading.load(target), BASE))
    assert data["name"] == series["name"]
    assert "on it & fears it" in series["description"]
    assert [g["name"] for g in data["genres"]] == series["genre"]
    assert data["original_language"] == series["inLanguage"]
    assert series["image"] == (
        "https://image.tmdb.org/t/p/w500" + data["poster_path"]
    )
    assert data["first_air_date"] == series["startDate"]
    same_as = _listed(series["sameAs"])
    assert "https://www.imdb.com/title/tt9900001/" in same_as
    assert "https://www.themoviedb.org/tv/990001" in same_as
    assert data["homepage"] in same_as
    # Seasons 1 and 2 have aired: season 0 (specials) is not a season,
    # and season 3 is only announced; no total is claimed.
    graph = jsonld.to_jsonld(loading.load(target), BASE)
    assert "numberOfSeasons" not in series
    assert [1, 2] == sorted(n["seasonNumber"] for n in graph["@graph"]
                            if n["@type"] == "TVSeason")
    episodes = {n["name"]: n for n in graph["@graph"]
                if n["@type"] == "TVEpisode"}
    assert "Salt & Iron" in episodes
    assert "2025-10-09" == episodes["Salt & Iron"]["datePublished"]
    assert "High Tide" not in episodes  # next episode: reported only


def test_tvmaze_jsonld_says_what_tvmaze_said(tmp_path, capsys):
    """Field by field, the published series is the TVmaze record."""
    data = _load("tvmaze-running.json")
    target = tmp_path / "show.yaml"
    _import("tvmaze-running.json", target, capsys)
    graph = jsonld.to_jsonld(loading.load(target), BASE)
    series = _series(graph)
    assert data["name"] == series["name"]
    assert series["description"] == (
        "Quiet Harbour follows a harbourmaster who finds the town's "
        "ledgers don\u2019t add up & nobody wants them to."
    )
    assert data["genres"] == series["genre"]
    assert "en" == series["inLanguage"]
    assert data["image"]["original"] == series["image"]
    assert data["premiered"] == series["startDate"]
    assert data["officialSite"] in _listed(series["sameAs"])
    [publisher] = [n for n in graph["@graph"]
                   if n["@id"] == series["publisher"]["@id"]]
    assert data["webChannel"]["name"] == publisher["name"]


def test_jsonld_round_trips(tmp_path, capsys):
    """A page's JSON-LD, imported and published, says the same things."""
    target = tmp_path / "show.yaml"
    _import("jsonld-page.html", target, capsys)
    graph = jsonld.to_jsonld(loading.load(target), BASE)
    series = _series(graph)
    assert "Brass Meridian" == series["name"]
    assert ("An airship crew runs cargo & secrets between floating cities."
            == series["description"])
    assert "https://guide.example.com/img/brass-meridian.jpg" == (
        series["image"]
    )
    assert "2024-05-03" == series["startDate"]
    assert ["Adventure", "Science Fiction"] == series["genre"]
    roles = [n for n in graph["@graph"] if n["@type"] == "TVSeason"]
    season_1 = next(s for s in roles if s["seasonNumber"] == 1)
    names = {a["characterName"] for a in _listed(season_1["actor"])}
    assert {"Captain Ilse Marr", "Pike & Wren"} == names


# -- re-import and sync -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_reimporting_changes_nothing(name, tmp_path, capsys):
    """--into with the same input: nothing changes, not a byte."""
    target = tmp_path / "show.yaml"
    _import(name, target, capsys)
    before = target.read_bytes()
    service, extra = FIXTURES[name]
    status, out, _ = run(["import", service, str(DATA / name), "--into",
                          str(target), *extra], capsys=capsys)
    assert 0 == status
    assert "nothing changed" in out
    assert before == target.read_bytes()


HAND = """\
# Quiet Harbour, kept by hand.  Do not reflow this comment.
teases:
  - {id: hand-tease, text: "The ledgers will burn.", certainty: rumored,
     sources: [tvmaze-880101]}   # an odd break, kept as written
  - id: hand-tease-2   # a second tease
    text: 'Nell leaves town.'
    certainty: speculative
"""


def _hand_file(tmp_path: pathlib.Path, capsys: Any) -> pathlib.Path:
    target = tmp_path / "show.yaml"
    _import("tvmaze-running.json", target, capsys)
    with target.open("a", encoding="utf-8") as handle:
        handle.write(HAND)
    return target


def _ended(tmp_path: pathlib.Path) -> pathlib.Path:
    data = _load("tvmaze-running.json")
    data["status"] = "Ended"
    path = tmp_path / "ended.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_changed_status_supersedes(tmp_path, capsys):
    """Running to Ended: one superseding fact, one 'what changed' item."""
    target = _hand_file(tmp_path, capsys)
    before = target.read_text(encoding="utf-8")
    status, out, _ = run(["import", "tvmaze", str(_ended(tmp_path)),
                          "--into", str(target)], capsys=capsys)
    assert 0 == status
    assert 1 == len(out.splitlines()), out
    assert "status changed to ended" in out
    assert "was confirmed: returning" in out
    show = loading.load(target)
    assert ["tvmaze-status", "tvmaze-status-2"] == [
        s.id for s in show.statuses
    ]
    assert ("tvmaze-status",) == show.statuses[1].supersedes
    after = target.read_text(encoding="utf-8")
    # Only insertions: every byte of the file as it was is still there,
    # in order, hand-written facts and comments included.
    ops = difflib.SequenceMatcher(None, before, after,
                                  autojunk=False).get_opcodes()
    assert {"equal", "insert"} >= {op[0] for op in ops}
    assert HAND in after


def test_a_moved_date_supersedes(tmp_path, capsys):
    """A moved premiere is a new fact that supersedes the old date."""
    target = _hand_file(tmp_path, capsys)
    data = _load("tvmaze-running.json")
    data["_embedded"]["seasons"][1]["premiereDate"] = "2027-03-05"
    moved = tmp_path / "moved.json"
    moved.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(["import", "tvmaze", str(moved), "--into",
                          str(target)], capsys=capsys)
    assert 0 == status
    assert "moved" in out
    season = loading.load(target).season(2)
    assert ("tvmaze-s2-premiere",) == season.milestones[-1].supersedes


def test_dry_run_writes_nothing(tmp_path, capsys):
    """--dry-run prints what would change and leaves the file alone."""
    target = _hand_file(tmp_path, capsys)
    before = target.read_bytes()
    status, out, _ = run(["import", "tvmaze", str(_ended(tmp_path)),
                          "--into", str(target), "--dry-run"],
                         capsys=capsys)
    assert 0 == status
    assert "status changed to ended" in out
    assert before == target.read_bytes()


def test_merge_into_json(tmp_path, capsys):
    """A JSON show file is merged too (in showfacts' own layout)."""
    target = tmp_path / "show.json"
    run(["import", "tvmaze", str(DATA / "tvmaze-running.json"), "-o",
         str(target)], capsys=capsys)
    status, out, _ = run(["import", "tvmaze", str(_ended(tmp_path)),
                          "--into", str(target)], capsys=capsys)
    assert 0 == status
    assert "status changed" in out
    assert 2 == len(loading.load(target).statuses)


# -- bad input ----------------------------------------------------------------


def test_wrong_service(tmp_path, capsys):
    """A TVmaze response given as TMDb: exit 1, file and field named."""
    target = tmp_path / "out.yaml"
    status, out, err = run(["import", "tmdb", str(DATA /
                            "tvmaze-running.json"), "-o", str(target)],
                           capsys=capsys)
    assert (1, "") == (status, out)
    assert "tvmaze-running.json: $.seasons is missing" in err
    assert 1 == len(err.splitlines())
    assert not target.exists()


def test_truncated_file(tmp_path, capsys):
    """A cut-off response: exit 1, the file and line named."""
    cut = tmp_path / "cut.json"
    cut.write_bytes((DATA / "tmdb-running.json").read_bytes()[:700])
    target = tmp_path / "out.yaml"
    status, _, err = run(["import", "tmdb", str(cut), "-o", str(target)],
                         capsys=capsys)
    assert 1 == status
    assert "cut.json: line" in err
    assert "cut off" in err
    assert not target.exists()


def test_wrong_shape(tmp_path, capsys):
    """A list where a show belongs; an unknown status."""
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    status, _, err = run(["import", "tvmaze", str(bad)], capsys=capsys)
    assert 1 == status
    assert "bad.json: $ must be a TVmaze show response" in err
    data = _load("tvmaze-ended.json")
    data["status"] = "Paused"
    bad.write_text(json.dumps(data))
    status, _, err = run(["import", "tvmaze", str(bad)], capsys=capsys)
    assert 1 == status
    assert "bad.json: $.status: 'Paused' is not a TVmaze status" in err


def test_unknown_service_and_missing_file(tmp_path, capsys):
    """Usage errors exit 2."""
    assert 2 == run(["import", "imdb", "x.json"], capsys=capsys)[0]
    status, _, err = run(["import", "tmdb", str(tmp_path / "nope.json")],
                         capsys=capsys)
    assert 2 == status
    assert "nope.json" in err


def test_existing_output_is_not_replaced(tmp_path, capsys):
    """-o never replaces a file without --force: --into merges."""
    target = tmp_path / "show.yaml"
    target.write_text("id: mine\ntitle: Mine\n")
    status, _, err = _import("tvmaze-ended.json", target, capsys)
    assert 2 == status
    assert "--into" in err
    assert "id: mine\ntitle: Mine\n" == target.read_text()


# -- the mappings -------------------------------------------------------------


def test_tmdb_mapping():
    """Season 0 kept as specials; image base; certainty by date."""
    show = tmdb.to_show(_load("tmdb-running.json")).show
    assert [0, 1, 2, 3] == [s.number for s in show.seasons]
    specials = show.season(0)
    assert "Specials" == specials.name
    assert () == specials.milestones
    assert (Certainty.CONFIRMED
            == show.season(2).milestones[0].certainty)
    [s3] = show.season(3).milestones
    assert Certainty.REPORTED == s3.certainty
    [next_episode] = show.season(3).episodes
    assert ("High Tide", Certainty.REPORTED) == (
        next_episode.title, next_episode.certainty)
    [network] = [o for o in show.organizations if o.id == "northlight"]
    assert "https://image.tmdb.org/t/p/original/northlight.png" == (
        network.logo
    )
    assert ("tmdb-990001",) == show.crew[0].sources
    assert all(f.sources == ("tmdb-990001",)
               for s in show.seasons for f in (*s.milestones, *s.episodes))


def test_tmdb_several_characters_kept_whole():
    """One actor with several roles: one credit, every role, names whole."""
    show = tmdb.to_show(_load("tmdb-running.json")).show
    [credit] = show.cast
    names = [show.character(c).names[0] for c in credit.characters]
    assert ["Ewan Pryce", "Young Ewan Pryce / Narrator"] == names
    assert credit.billing is None
    assert 9100010 == show.person(credit.person).external_ids.tmdb
    assert 880001 == show.external_ids.tvdb


def test_tmdb_statuses():
    """Canceled is confirmed; Planned is reported; no date is invented."""
    ended = tmdb.to_show(_load("tmdb-ended.json")).show
    assert ("cancelled", Certainty.CONFIRMED) == (
        ended.statuses[0].status.value, ended.statuses[0].certainty)
    planned = tmdb.to_show(_load("tmdb-planned.json")).show
    assert ("planned", Certainty.REPORTED) == (
        planned.statuses[0].status.value, planned.statuses[0].certainty)
    assert () == planned.milestones
    assert () == planned.seasons


def test_tvmaze_mapping():
    """WebChannel is a streamer, network a network; HTML to text."""
    running = tvmaze.to_show(_load("tvmaze-running.json")).show
    assert [OrgKind.STREAMER] == [o.kind for o in running.organizations]
    assert "<" not in (running.description or "")
    assert ("en",) == running.languages
    ended = tvmaze.to_show(_load("tvmaze-ended.json")).show
    assert [OrgKind.NETWORK] == [o.kind for o in ended.organizations]
    assert () == ended.countries  # the channel's country is not the show's
    welsh = tvmaze.to_show(_load("tvmaze-in-development.json")).show
    assert ("cy",) == welsh.languages
    assert Certainty.REPORTED == welsh.statuses[0].certainty


def test_tvmaze_next_episode_and_schedule():
    """The next episode is reported; the schedule is reported unmapped."""
    imported = tvmaze.to_show(_load("tvmaze-running.json"))
    [episode] = imported.show.season(2).episodes
    assert ("Second Tide", Certainty.REPORTED) == (
        episode.title, episode.certainty)
    assert not any(u.path == "$.schedule" for u in imported.unmapped)
    assert imported.show.season(2).release_plans
    show = imported.show
    [rafe] = [c for c in show.cast if c.person == "rafe-oduya"]
    assert ["Silas Venn / The Auditor", "Old Man Venn"] == [
        show.character(c).names[0] for c in rafe.characters
    ]
    assert all(c.billing is None for c in show.cast)
    assert 770101 == show.external_ids.tvdb


def test_no_billing_and_no_season_for_series_wide_cast():
    """Nothing invented: no billing, no guessed season for cast."""
    for name, (service, _) in FIXTURES.items():
        if service == "jsonld":
            continue
        module = {"tmdb": tmdb, "tvmaze": tvmaze, "wikidata": wikidata}[
            service]
        show = module.to_show(_load(name)).show
        for season in show.seasons:
            assert () == season.cast, name
    page = jsonld_importer.read_text(
        (DATA / "jsonld-page.html").read_text(), "page", PAGE)
    show = jsonld_importer.to_show(page, base_url=PAGE).show
    billings: list[Billing | None] = [
        c.billing for s in show.seasons for c in s.cast
    ]
    assert billings
    assert all(b is None for b in billings)


def test_wikidata_ranks():
    """Preferred confirmed, normal reported, deprecated never current."""
    show = wikidata.to_show(_load("wikidata-series.json")).show
    milestones = {m.id: m for m in show.milestones}
    old = milestones["wikidata-premiere-deprecated"]
    new = milestones["wikidata-premiere"]
    assert ("wikidata-premiere-deprecated",) == new.supersedes
    assert Certainty.CONFIRMED == new.certainty
    assert "2023-10" == old.date.edtf
    assert "2025" == milestones["wikidata-ended"].date.edtf  # year only
    crew = {c.person: c for c in show.crew}
    assert crew["carl-imrie"].retracted is not None
    assert "misattributed" in (crew["carl-imrie"].retracted.reason or "")
    assert crew["lotte-verhoeven"].retracted is None
    assert Certainty.REPORTED == crew["lotte-verhoeven"].certainty
    assert Certainty.CONFIRMED == crew["bram-ostrowski"].certainty
    current = {f.id for f in loading_current(show)}
    assert "wikidata-premiere-deprecated" not in current
    assert "wikidata-director-carl-imrie" not in current
    ids = show.external_ids
    assert ("tt9900201", 990201, 880201, "Q990000101") == (
        ids.imdb, ids.tmdb, ids.tvmaze, ids.wikidata)


def loading_current(show: Any) -> list[Any]:
    """The current facts of a show."""
    import showfacts

    now = showfacts.current(show)
    return [*now.milestones, *now.crew]


def test_wikidata_needs_labels():
    """An item without a label is reported, never guessed."""
    data = _load("wikidata-series.json")
    del data["entities"]["Q990000203"]
    imported = wikidata.to_show(data)
    assert "lotte-verhoeven" not in {p.id for p in imported.show.people}
    assert any("Q990000203 has no label" in u.reason
               for u in imported.unmapped)


def test_jsonld_shapes():
    """@graph, relative URLs, entities, string numbers, a single node."""
    page = jsonld_importer.read_text(
        (DATA / "jsonld-page.html").read_text(), "page", PAGE)
    show = jsonld_importer.to_show(page, base_url=PAGE).show
    assert "https://guide.example.com/shows/brass-meridian/" == (
        show.sources[0].url)
    assert [1, 2] == [s.number for s in show.seasons]
    assert [1, 2] == [e.number for e in show.season(1).episodes]
    assert "Pike & Wren" in {c.names[0] for c in show.characters}
    assert ("tt9900301", 880301) == (show.external_ids.imdb,
                                     show.external_ids.tvmaze)
    single = jsonld_importer.to_show(_load("jsonld-series.jsonld")).show
    assert "Gallows Hill \u2013 The Reckoning" == single.title
    assert "Series 1" == single.season(1).title
    assert ("en-GB",) == single.languages


def test_retrieved_is_a_source_field(tmp_path, capsys):
    """--retrieved dates the source; the schema knows the field."""
    target = tmp_path / "show.yaml"
    _import("tvmaze-ended.json", target, capsys, "--retrieved",
            "2026-12-06")
    show = loading.load(target)
    assert "2026-12-06" == show.sources[0].retrieved.edtf
    schema = json.loads((pathlib.Path(__file__).parents[1] / "schemas" /
                         "show.schema.json").read_text())
    assert "retrieved" in schema["$defs"]["source"]["properties"]


def test_a_later_reading_is_its_own_source(tmp_path, capsys):
    """Facts from a later --retrieved day cite a source of that day."""
    target = tmp_path / "show.yaml"
    _import("tvmaze-running.json", target, capsys, "--retrieved",
            "2026-01-10")
    args = ["import", "tvmaze", str(_ended(tmp_path)), "--into",
            str(target), "--retrieved", "2026-12-06"]
    assert 0 == run(args, capsys=capsys)[0]
    show = loading.load(target)
    assert ["tvmaze-880101", "tvmaze-880101-2026-12-06"] == [
        s.id for s in show.sources
    ]
    assert ("tvmaze-880101",) == show.statuses[0].sources
    assert ("tvmaze-880101-2026-12-06",) == show.statuses[1].sources
    before = target.read_bytes()
    status, out, _ = run(args, capsys=capsys)
    assert (0, before) == (status, target.read_bytes())
    assert "nothing changed" in out


def test_jsonld_future_dates_are_reported():
    """A day after the retrieval day is reported, not confirmed."""
    data = {"@context": "https://schema.org", "@type": "TVSeries",
            "name": "Night Crossing", "startDate": "2024-03-08",
            "containsSeason": [{"@type": "TVSeason", "seasonNumber": 2,
                                "startDate": "2026-10-01"}]}
    show = jsonld_importer.to_show(
        data, retrieved=FuzzyDate(edtf="2025-06-01")).show
    assert Certainty.CONFIRMED == show.milestones[0].certainty
    assert Certainty.REPORTED == show.season(2).milestones[0].certainty
    undated = jsonld_importer.to_show(data).show
    assert Certainty.REPORTED == undated.milestones[0].certainty


@pytest.mark.parametrize("service", ["tmdb", "jsonld"])
def test_deep_nesting_is_refused(service, tmp_path, capsys):
    """Hostile nesting: exit 1 and one line, never a traceback."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    status, _, err = run(["import", service, str(deep)], capsys=capsys)
    assert 1 == status
    assert "deep.json: nested too deeply" in err


def test_hostile_text_stays_in_its_comment(tmp_path, capsys):
    """Line breaks YAML knows, in an unmapped field, cannot end a comment."""
    data = _load("tvmaze-ended.json")
    data["type"] = "Scripted\u2028id: hijacked\x85title: x\nz"
    data["dvdCountry"] = {"name": "\u2029- evil"}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data))
    target = tmp_path / "show.yaml"
    status, _, err = run(["import", "tvmaze", str(path), "-o", str(target)],
                         capsys=capsys)
    assert 0 == status, err
    show = loading.load(target)
    assert "the-orchard-line" == show.id
    assert "\u2028" not in target.read_text()


def test_tvmaze_schedule_is_a_release_plan():
    """Days and the network's zone become the season's weekly plan."""
    data = _load("tvmaze-ended.json")
    data["_embedded"] = {"seasons": [
        {"id": 1, "number": 1, "name": "", "premiereDate": "2018-01-08",
         "endDate": "2018-03-12"},
        {"id": 2, "number": 2, "name": "", "premiereDate": "2020-01-06",
         "endDate": "2021-03-22"},
    ]}
    show = tvmaze.to_show(data).show
    [plan] = show.season(2).release_plans
    assert ["monday"] == [d.value for d in plan.weekdays]
    assert ("21:00", "Europe/London", "GB", "channel-meridian") == (
        plan.time, plan.timezone, plan.region, plan.platform)
    assert Certainty.CONFIRMED == plan.certainty  # the run has started
    running = tvmaze.to_show(_load("tvmaze-running.json")).show
    [plan] = running.season(2).release_plans
    assert (None, None, Certainty.REPORTED) == (
        plan.time, plan.timezone, plan.certainty)


def test_next_episodes_finales_and_specials():
    """Next and finale flags; a special without a number keeps its name."""
    tm = tmdb.to_show(_load("tmdb-running.json")).show
    [nxt] = [e for s in tm.seasons for e in s.episodes if e.next]
    assert ("High Tide", 1) == (nxt.title, nxt.number)
    [last] = [e for s in tm.seasons for e in s.episodes if e.finale]
    assert "Low Water" == last.title
    tv = tvmaze.to_show(_load("tvmaze-running.json")).show
    [nxt] = [e for s in tv.seasons for e in s.episodes if e.next]
    assert "Second Tide" == nxt.title
    [special] = [e for e in tv.season(1).episodes if e.number is None]
    assert "Behind the Harbour" == special.title


def test_tmdb_miniseries_is_a_format():
    """TMDb's Miniseries type is the show's format; Scripted is not."""
    data = _load("tmdb-ended.json")
    assert tmdb.to_show(data).show.format is None
    data["type"] = "Miniseries"
    assert "miniseries" == tmdb.to_show(data).show.format.value


def test_pages_without_extruct(capsys, monkeypatch):
    """Without the import extra, a page is exit 2 saying what to install."""
    import sys

    monkeypatch.setitem(sys.modules, "extruct", None)
    status, _, err = run(["import", "jsonld", str(DATA / "jsonld-page.html"),
                          "--base-url", PAGE], capsys=capsys)
    assert 2 == status
    assert "showfacts[import]" in err


def test_wikidata_cast_and_ids():
    """P161 with its P453 roles; EIDR and TheTVDB ids."""
    show = wikidata.to_show(_load("wikidata-series.json")).show
    [credit] = show.cast
    assert "ines-kowalczyk" == credit.person
    assert ["Mara Quell", "The Ash Widow"] == [
        show.character(c).names[0] for c in credit.characters
    ]
    assert (770201, "10.5240/0000-0000-0000-0000-0000-X") == (
        show.external_ids.tvdb, show.external_ids.eidr)


def test_a_tvmaze_cast_list_merges_into_its_show(tmp_path, capsys):
    """/shows/ID/cast on its own: merged into the file of that show."""
    data = _load("tvmaze-running.json")
    cast = data["_embedded"].pop("cast")
    show_file = tmp_path / "show.json"
    show_file.write_text(json.dumps(data))
    cast_file = tmp_path / "cast.json"
    cast_file.write_text(json.dumps(cast))
    target = tmp_path / "show.yaml"
    run(["import", "tvmaze", str(show_file), "-o", str(target)],
        capsys=capsys)
    assert () == loading.load(target).cast
    status, out, _ = run(["import", "tvmaze", str(cast_file), "--into",
                          str(target)], capsys=capsys)
    assert 0 == status
    assert 2 == out.count("joins the cast")
    assert ["aiko-brennan", "rafe-oduya"] == [
        c.person for c in loading.load(target).cast
    ]
    status, _, err = run(["import", "tvmaze", str(cast_file)], capsys=capsys)
    assert 1 == status
    assert "a TVmaze cast list needs its show" in err


def test_wikidata_season_items():
    """A season item: its ordinal, premiere and finale."""
    show = wikidata.to_show(_load("wikidata-series.json")).show
    [season] = show.seasons
    assert 1 == season.number
    assert [("premiere", "2023-09-17"), ("finale", "2023-11-05")] == [
        (m.kind.value, m.date.edtf) for m in season.milestones
    ]
