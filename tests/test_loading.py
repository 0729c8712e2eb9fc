"""Loading and writing show files: round trips, examples, broken input."""

from __future__ import annotations

import json
import pathlib

import jsonschema
import pytest
from hypothesis import given

import showfacts as sf
from showfacts import _schema
from showfacts.loading import write_atomic
from tests.conftest import EXAMPLES, ROOT, declared
from tests.strategies import shows


EXAMPLE_FILES = sorted(EXAMPLES.iterdir())


# -- round trips -------------------------------------------------------------


_VALIDATOR = jsonschema.Draft202012Validator(_schema.schema())


@given(shows())
def test_round_trips(show):
    """
    Five properties of every show, checked on the same examples.

    structure(unstructure(x)) == x; the schema accepts every unstructured
    show (so the schema and the model cannot drift apart); and YAML, JSON
    and TOML written by showfacts load back to the same show.
    """
    value = sf.to_dict(show)
    assert show == sf.from_dict(value)
    assert [] == [e.message for e in _VALIDATOR.iter_errors(value)]
    for fmt in ("yaml", "json", "toml"):
        assert show == sf.loads(sf.dumps(show, fmt), fmt), fmt


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_file_round_trip(tmp_path, fmt):
    """dump() then load() through a real file gives the same show."""
    show = sf.load(EXAMPLES / "ballard.yaml")
    target = tmp_path / f"ballard.{fmt}"
    sf.dump(show, target)
    assert show == sf.load(target)


def test_yaml_strings_that_look_like_other_things():
    """Strings that YAML 1.1 or 1.2 would misread are quoted when written."""
    show = sf.Show(id="x", title="NO", genres=("2025-07-09", "0o17", "yes",
                                               "~", "1e3", ".inf"))
    text = sf.dumps(show, "yaml")
    assert show == sf.loads(text, "yaml")
    assert "title: 'NO'" in text


# -- examples ----------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_load_and_round_trip(path):
    """Every example loads, and writes back to an equal show."""
    show = sf.load(path)
    fmt = {".yaml": "yaml", ".json": "json", ".toml": "toml"}[path.suffix]
    assert show == sf.loads(sf.dumps(show, fmt), fmt)


def test_examples_catalog_resolves_relations():
    """Ballard is a spin-off of Bosch, resolved in the catalog."""
    catalog = sf.load_catalog(EXAMPLES)
    ballard = catalog.show("ballard")
    related = {
        relation.kind.value: target and target.id
        for relation, target in catalog.related(ballard)
    }
    assert {"spin_off_of": "bosch", "crossover_with": "bosch"} == related


def test_fictional_examples_say_so():
    """Examples that are not real shows say so in their data."""
    catalog = sf.load_catalog(EXAMPLES)
    made_up = {s.id for s in catalog if s.fictional}
    assert {"harbor-lights", "the-lantern-keepers"} == made_up
    for show in catalog:
        if show.fictional:
            assert "Not a real show" in (show.description or "")


def test_relative_dates_resolve_against_their_source():
    """'next year' in a source published 2025-11-03 means 2026."""
    show = sf.load(EXAMPLES / "lantern-keepers.toml")
    date = show.fact("s1-premiere-next-year").date
    assert ("2026", "next year", "next year", "2025-11-03") == (
        date.edtf, date.text, date.relative, date.anchor
    )


def test_current_premiere_of_ballard_season_2():
    """The current view answers the question the article asks."""
    premiere = sf.current(sf.load(EXAMPLES / "ballard.yaml")).season(2)
    premiere = premiere.premiere
    assert ("expected", "2026-22/2026-23") == (
        premiere.certainty.value, premiere.date.edtf
    )


# -- the schema ships with the package ---------------------------------------


def test_packaged_schema_is_byte_identical():
    """The installed package validates with a copy of schemas/."""
    top = (ROOT / "schemas" / _schema.SCHEMA_FILE).read_bytes()
    assert top == _schema.schema_bytes()


def test_schema_is_valid_draft_2020_12():
    """The schema itself is a valid 2020-12 schema with an $id."""
    schema = json.loads((ROOT / "schemas" / _schema.SCHEMA_FILE).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"]
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


def test_schema_documents_every_field():
    """Every property in the schema has a description or a reference."""
    schema = json.loads((ROOT / "schemas" / _schema.SCHEMA_FILE).read_text())

    def walk(node: object, path: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if not ("description" in sub or "$ref" in sub):
                    missing.append(f"{path}.{name}")
            for key, sub in node.items():
                missing += walk(sub, f"{path}/{key}")
        return missing

    assert [] == walk(schema, "#")


# -- broken documents --------------------------------------------------------

BALLARD = (EXAMPLES / "ballard.yaml").read_text(encoding="utf-8")


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def test_acceptance_three_problems_in_ballard(tmp_path):
    """A misspelled key, an unknown source and a bad date: all reported."""
    broken = (
        BALLARD.replace("genres:", "genre:", 1)
        .replace("sources: [article]", "sources: [artcle]", 1)
        .replace("date: {edtf: 2025-07, text: July 2025}",
                 "date: {edtf: 2025-13, text: July 2025}", 1)
    )
    path = tmp_path / "ballard.yaml"
    path.write_text(broken, encoding="utf-8")
    problems = sf.validate(path)
    found = {(p.line, p.path) for p in problems}
    assert {
        (_line_of(broken, "genre:"), "$.genre"),
        (_line_of(broken, "sources: [artcle]"),
         "$.statuses[0].sources[0]"),
        (_line_of(broken, "2025-13"), "$.seasons[0].milestones[1].date"),
    } == found
    messages = " ".join(p.message for p in problems)
    assert "did you mean 'genres'" in messages
    assert "did you mean 'article'" in messages
    assert "month 13" not in messages or "13 is neither a month" in messages


BROKEN: list[tuple[str, str, str, int | None, str]] = [
    # (name, format, text, expected path, expected line, words in message)
    ("unknown key", "yaml", "id: x\ntitle: X\ntitel: Y\n",
     "$.titel", 3, "did you mean 'title'"),
    ("missing id", "yaml", "title: X\n", "$", 1, "missing required key 'id'"),
    ("bad id", "yaml", "id: Not Valid\ntitle: X\n", "$.id", 1,
     "is not a valid id"),
    ("empty title", "yaml", "id: x\ntitle: ''\n", "$.title", 2,
     "must not be empty"),
    ("blank title", "yaml", "id: x\ntitle: '   '\n", "$.title", 2,
     "non-empty"),
    ("title not a string", "yaml", "id: x\ntitle: [a]\n", "$.title", 2,
     "expected a string, found a list"),
    ("fictional not bool", "yaml", "id: x\ntitle: X\nfictional: maybe\n",
     "$.fictional", 3, "expected true or false"),
    ("yaml 1.1 boolean stays a string", "yaml",
     "id: x\ntitle: X\nfictional: yes\n", "$.fictional", 3,
     'found the string "yes"'),
    ("season number negative", "yaml",
     "id: x\ntitle: X\nseasons:\n  - number: -1\n",
     "$.seasons[0].number", 4, "at least 0"),
    ("season number text", "yaml",
     "id: x\ntitle: X\nseasons:\n  - number: two\n",
     "$.seasons[0].number", 4, "expected a whole number"),
    ("misspelled enum", "yaml",
     "id: x\ntitle: X\nseasons:\n  - number: 1\n    milestones:\n"
     "      - {id: m, kind: renwed, certainty: confirmed}\n",
     "$.seasons[0].milestones[0].kind", 6, "did you mean 'renewed'"),
    ("misspelled certainty", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - {id: m, kind: renewed, certainty: confimred}\n",
     "$.milestones[0].certainty", 4, "did you mean 'confirmed'"),
    ("missing certainty", "yaml",
     "id: x\ntitle: X\nmilestones:\n  - {id: m, kind: renewed}\n",
     "$.milestones[0]", 4, "missing required key 'certainty'"),
    ("invalid edtf", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - id: m\n    kind: premiere\n    date: summer 2026\n"
     "    certainty: expected\n",
     "$.milestones[0].date", 6, "is not a valid EDTF date"),
    ("impossible date", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - id: m\n    kind: premiere\n    date: 2026-02-30\n"
     "    certainty: expected\n",
     "$.milestones[0].date", 6, "February 2026 has 28 days"),
    ("reversed interval", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - id: m\n    kind: premiere\n    date: 2026-12/2026-05\n"
     "    certainty: expected\n",
     "$.milestones[0].date", 6, "starts (2026-12) after it ends"),
    ("date object without edtf", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - id: m\n    kind: premiere\n    date: {text: soon}\n"
     "    certainty: expected\n",
     "$.milestones[0].date", 6, "needs 'edtf' or 'relative'"),
    ("unknown date key", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - id: m\n    kind: premiere\n    date: {edtf: '2026', txt: a}\n"
     "    certainty: expected\n",
     "$.milestones[0].date.txt", 6, "did you mean 'text'"),
    ("unknown relative phrase", "yaml",
     "id: x\ntitle: X\nsources:\n  - {id: s, title: S, published: 2026-01}\n"
     "milestones:\n  - id: m\n    kind: premiere\n"
     "    date: {relative: soonish}\n    certainty: expected\n"
     "    sources: [s]\n",
     "$.milestones[0].date", 8, "not a phrase showfacts can resolve"),
    ("relative date without a dated source", "yaml",
     "id: x\ntitle: X\nmilestones:\n  - id: m\n    kind: premiere\n"
     "    date: {relative: next year}\n    certainty: expected\n",
     "$.milestones[0].date", 6, "needs a source with a published date"),
    ("relative published date", "yaml",
     "id: x\ntitle: X\nsources:\n"
     "  - {id: s, title: S, published: {relative: next year}}\n",
     "$.sources[0].published", 4, "cannot be relative"),
    ("unknown source", "yaml",
     "id: x\ntitle: X\nsources:\n  - {id: press, title: P}\nmilestones:\n"
     "  - {id: m, kind: renewed, certainty: confirmed, sources: [pres]}\n",
     "$.milestones[0].sources[0]", 6, "did you mean 'press'"),
    ("unknown person", "yaml",
     "id: x\ntitle: X\nseasons:\n  - number: 1\n    cast:\n"
     "      - {id: c, person: nobody, certainty: reported}\n",
     "$.seasons[0].cast[0].person", 6, "unknown person 'nobody'"),
    ("unknown character", "yaml",
     "id: x\ntitle: X\npeople: [{id: p, name: P}]\nseasons:\n  - number: 1\n"
     "    cast:\n      - id: c\n        person: p\n        characters: [q]\n"
     "        certainty: reported\n",
     "$.seasons[0].cast[0].characters[0]", 9, "unknown character 'q'"),
    ("duplicate season number", "yaml",
     "id: x\ntitle: X\nseasons:\n  - number: 1\n  - number: 1\n",
     "$.seasons[1].number", 5, "duplicate season number 1"),
    ("duplicate fact id", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - {id: m, kind: renewed, certainty: confirmed}\n"
     "  - {id: m, kind: ended, certainty: confirmed}\n",
     "$.milestones[1].id", 5, "duplicate fact id 'm'"),
    ("supersede cycle", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - {id: a, kind: renewed, certainty: confirmed, supersedes: b}\n"
     "  - {id: b, kind: renewed, certainty: confirmed, supersedes: a}\n",
     "$.milestones[0].supersedes", 4, "supersede cycle"),
    ("supersede unknown", "yaml",
     "id: x\ntitle: X\nmilestones:\n"
     "  - {id: a, kind: renewed, certainty: confirmed, supersedes: zz}\n",
     "$.milestones[0].supersedes", 4, "unknown fact 'zz'"),
    ("javascript url", "yaml",
     "id: x\ntitle: X\nimage: 'javascript:alert(1)'\n", "$.image", 3,
     "is not a valid url"),
    ("relative url", "yaml",
     "id: x\ntitle: X\nsources:\n  - {id: s, title: S, url: /press}\n",
     "$.sources[0].url", 4, "is not a valid url"),
    ("data url", "yaml",
     "id: x\ntitle: X\nimage: 'data:text/html,<script>'\n", "$.image", 3,
     "is not a valid url"),
    ("time without a day", "yaml",
     "id: x\ntitle: X\nmilestones:\n  - id: m\n    kind: premiere\n"
     "    date: 2026-09\n    time: '21:00'\n    timezone: UTC\n"
     "    certainty: confirmed\n",
     "$.milestones[0].time", 7, "needs a date known to the day"),
    ("bad time zone", "yaml",
     "id: x\ntitle: X\nmilestones:\n  - id: m\n    kind: premiere\n"
     "    date: 2026-09-12\n    time: '21:00'\n    timezone: Eastern\n"
     "    certainty: confirmed\n",
     "$.milestones[0].timezone", 8, "not an IANA time zone"),
    ("duplicate yaml key", "yaml", "id: x\ntitle: X\ntitle: Y\n",
     "$.title", 3, "duplicate key 'title'"),
    ("yaml syntax", "yaml", "id: x\ntitle: [unclosed\n", "$", 3,
     "invalid YAML"),
    ("yaml tab", "yaml", "id: x\n\ttitle: X\n", "$", 2, "invalid YAML"),
    ("yaml python tag", "yaml",
     "id: x\ntitle: !!python/object:os.system X\n", "$.title", 2,
     "unsupported YAML tag"),
    ("yaml two documents", "yaml", "id: x\ntitle: X\n---\nid: y\n", "$", 3,
     "one show per file"),
    ("yaml merge key", "yaml",
     "base: &b {id: x}\n<<: *b\ntitle: X\n", "$", 2, "merge keys"),
    ("not a mapping", "yaml", "- a\n- b\n", "$", 1,
     "expected a mapping of keys, found a list"),
    ("empty file", "yaml", "# only a comment\n", "$", None,
     "the file is empty"),
    ("json syntax", "json", '{"id": "x",\n "title": }\n', "$", 2,
     "invalid JSON"),
    ("duplicate json key", "json",
     '{"id": "x",\n "title": "X",\n "title": "Y"}\n', "$.title", 3,
     "duplicate key 'title' (first at line 2)"),
    ("json wrong type", "json",
     '{"id": "x",\n "title": "X",\n "seasons": [\n  {"number": "1"}\n ]}\n',
     "$.seasons[0].number", 4, "expected a whole number"),
    ("toml syntax", "toml", 'id = "x"\ntitle = \n', "$", 2,
     "invalid TOML"),
    ("toml wrong type", "toml",
     'id = "x"\ntitle = "X"\n\n[[seasons]]\nnumber = 1\n\n[[seasons]]\n'
     'number = "two"\n',
     "$.seasons[1].number", 8, "expected a whole number"),
    ("toml unknown key in table", "toml",
     'id = "x"\ntitle = "X"\n\n[[seasons]]\nnumber = 1\nnumbr = 2\n',
     "$.seasons[0].numbr", 6, "did you mean 'number'"),
]


@pytest.mark.parametrize(
    ("fmt", "text", "path", "line", "words"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_documents(fmt, text, path, line, words):
    """Each broken document gives its problem, at its path and line."""
    with pytest.raises(sf.InvalidDataError) as info:
        sf.loads(text, fmt, name=f"doc.{fmt}")
    problems = info.value.problems
    matching = [p for p in problems if words in p.message]
    assert matching, [str(p) for p in problems]
    assert (path, line) == (matching[0].path, matching[0].line)
    assert f"doc.{fmt}" == matching[0].file


def test_there_are_at_least_30_broken_documents():
    """The issue asks for at least 30."""
    assert len(BROKEN) >= 30


def test_every_problem_at_once():
    """Problems from every stage come out together, sorted by line."""
    text = (
        "id: x\ntitle: X\ntitel: Y\nmilestones:\n"
        "  - {id: m, kind: premiere, date: 2026-13, certainty: expected,\n"
        "     sources: [nope]}\n"
    )
    with pytest.raises(sf.InvalidDataError) as info:
        sf.loads(text)
    assert [3, 5, 6] == [p.line for p in info.value.problems]


def test_problem_renders_like_a_compiler():
    """A problem prints as file:line:col: path: message."""
    problem = sf.Problem(file="a.yaml", line=3, column=1, path="$.titel",
                         message="unknown key")
    assert "a.yaml:3:1: $.titel: unknown key" == str(problem)
    assert "$: x" == str(sf.Problem(message="x"))


def test_from_dict_leaves_its_input_alone():
    """from_dict does not modify the mapping it is given."""
    value = {
        "id": "x", "title": "X",
        "sources": [{"id": "s", "title": "S", "published": "2026-01-01"}],
        "milestones": [{"id": "m", "kind": "premiere", "certainty": "expected",
                        "sources": ["s"], "date": {"relative": "next year"}}],
    }
    before = json.dumps(value, sort_keys=True)
    show = sf.from_dict(value)
    assert "2027" == show.fact("m").date.edtf
    assert before == json.dumps(value, sort_keys=True)


# -- files and folders -------------------------------------------------------


def test_load_catalog_reports_every_file(tmp_path):
    """Problems in several files are reported together, file by file."""
    (tmp_path / "a.yaml").write_text(declared("id: a\ntitel: A\n"))
    (tmp_path / "b.json").write_text(declared('{"id": "b"}', "json"))
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / ".hidden.yaml").write_text("ignored: true")
    with pytest.raises(sf.InvalidDataError) as info:
        sf.load_catalog(tmp_path)
    files = {pathlib.Path(p.file).name for p in info.value.problems}
    assert {"a.yaml", "b.json"} == files


def test_catalog_conflicts_name_the_file(tmp_path):
    """Cross-file problems point at the file and line."""
    (tmp_path / "a.yaml").write_text(declared(
        "id: a\ntitle: A\npeople:\n  - {id: p, name: Ann}\n"))
    (tmp_path / "b.yaml").write_text(declared(
        "id: b\ntitle: B\npeople:\n  - {id: p, name: Anne}\n"))
    problems = sf.validate(tmp_path)
    assert [("b.yaml", 4, "$.people[0].name")] == [
        (pathlib.Path(p.file).name, p.line, p.path) for p in problems
    ]


def test_missing_path_is_an_input_error(tmp_path):
    """A path that does not exist is an InputError, not a data problem."""
    with pytest.raises(sf.InputError, match="no such file or folder"):
        sf.validate(tmp_path / "missing")
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(sf.InputError, match="not a show file"):
        sf.load(tmp_path / "a.txt")


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    """Atomic writes leave only the target behind."""
    target = tmp_path / "out" / "file.txt"
    write_atomic(target, b"hello")
    assert [target] == list(target.parent.iterdir())
    assert b"hello" == target.read_bytes()


# -- the acceptance examples ------------------------------------------------


def _certainties(show: sf.Show, *fact_ids: str) -> set[str]:
    return {show.fact(i).certainty.value for i in fact_ids}


def test_ballard_holds_every_fact_of_the_guide_table():
    """Each row of GUIDE.md section 1, with the certainty shown there."""
    ballard = sf.load(EXAMPLES / "ballard.yaml")
    network = ballard.organization(ballard.networks[0]).name
    assert "Prime Video" == network
    # A Prime Video series, a spin-off of Bosch, based on the novels.
    assert {"confirmed"} == _certainties(
        ballard, "spin-off-of-bosch", "based-on-renee-ballard-novels")
    novels = ballard.work("renee-ballard-novels")
    assert ["Michael Connelly"] == [ballard.person(a).name
                                    for a in novels.authors]
    # Season 1 wrapped late 2024, premiered July 2025: confirmed.
    wrapped = ballard.fact("s1-filming-wrapped")
    premiere = ballard.fact("s1-premiere")
    assert ("late 2024", "July 2025") == (wrapped.date.text,
                                          premiere.date.text)
    assert {"confirmed"} == _certainties(ballard, "s1-filming-wrapped",
                                         "s1-premiere")
    # Season 2 renewed October 2025: confirmed.
    assert ("2025-10", "confirmed") == (
        ballard.fact("s2-renewed").date.edtf,
        ballard.fact("s2-renewed").certainty.value,
    )
    # Filming starts soon, early 2026, in Los Angeles: reported.
    filming = ballard.fact("s2-filming-started")
    assert ("Los Angeles", "reported") == (filming.location,
                                           filming.certainty.value)
    # No premiere date; summer or fall 2026, mid-to-late 2026: expected.
    window = ballard.fact("s2-premiere-window")
    assert "expected" == window.certainty.value
    assert "summer or fall 2026" in window.date.text
    assert "mid-to-late 2026" in window.date.text
    # Full-season drop: expected.
    release = ballard.fact("s2-release")
    assert ("all_at_once", "expected") == (release.pattern.value,
                                           release.certainty.value)
    # The six returning cast members: reported, returning.
    cast = {
        ballard.person(c.person).name: (
            tuple(ballard.character(x).name for x in c.characters),
            c.status and c.status.value, c.certainty.value,
        )
        for c in ballard.season(2).cast
    }
    for person, character in [
        ("Maggie Q", "Renée Ballard"), ("Courtney Taylor", "Zamira Parker"),
        ("John Carroll Lynch", "Thomas Laffont"),
        ("Rebecca Field", "Colleen Hatteras"),
        ("Victoria Moroles", "Martina Castro"), ("Amy Hill", "Tutu"),
    ]:
        assert ((character,), "returning", "reported") == cast[person]
    # Titus Welliver as Harry Bosch, crossover appearances: reported.
    welliver = ballard.fact("s2-cast-titus-welliver")
    assert ("crossover", "reported") == (welliver.billing.value,
                                         welliver.certainty.value)
    assert "bosch" == ballard.character("harry-bosch").home_show
    # No new cast; shady LAPD types might come in: speculative.
    assert "speculative" == ballard.fact("s2-new-cast").certainty.value
    # Showrunners Michael Alaimo and Kendall Sherwood: confirmed.
    runners = {ballard.person(c.person).name for c in ballard.crew
               if c.role.value == "showrunner" and c.confirmed}
    assert {"Michael Alaimo", "Kendall Sherwood"} == runners
    # Season 1 finale: framed for killing Robert Olivas, a spoiler.
    finale = ballard.fact("s1-finale-framed")
    assert (True, "confirmed") == (finale.spoiler, finale.certainty.value)
    assert "Robert Olivas" in finale.text
    # Season 2 teases: expected.
    assert {"expected"} == _certainties(
        ballard, "s2-picks-up", "s2-lapd-corruption",
        "s2-cold-cases-and-serial", "s2-bosch-ties", "s2-the-waiting")
    # The article has no address: its source has no URL.
    assert ballard.source("article").url is None


def test_the_examples_show_every_hard_case():
    """
    The hard cases each appear in an example.

    A recast, an actor with two characters, a relative date, a split
    season and a superseded release window.
    """
    harbor = sf.load(EXAMPLES / "harbor-lights.json")
    lantern = sf.load(EXAMPLES / "lantern-keepers.toml")
    recast = harbor.fact("s2-cast-joanna-pike")
    assert "recast" == recast.status.value
    assert recast.characters == harbor.fact(
        "s1-cast-renata-calloway").characters
    assert 2 == len(lantern.fact("s1-cast-ines-okafor").characters)
    assert "next year" == lantern.fact("s1-premiere-next-year").date.relative
    parts = [m.part for m in harbor.season(2).milestones
             if m.kind.value == "part_release"]
    assert [1, 2] == parts
    assert "in_parts" == harbor.fact("s2-release").pattern.value
    assert not harbor.is_current("s2-premiere-spring")
    assert ["s2-premiere-spring", "s2-premiere"] == [
        f.id for f in harbor.history("s2-premiere")
    ]


def test_every_schema_example_is_valid():
    """Editors show the schema's examples: each must validate."""
    schema = json.loads((ROOT / "schemas" / _schema.SCHEMA_FILE).read_text())
    invalid = []
    for name, definition in [("(top)", schema), *schema["$defs"].items()]:
        checker = jsonschema.Draft202012Validator(
            {**definition, "$defs": schema["$defs"]}
        )
        invalid += [
            (name, example) for example in definition.get("examples", [])
            if not checker.is_valid(example)
        ]
        for field, sub in definition.get("properties", {}).items():
            field_checker = jsonschema.Draft202012Validator(
                {**sub, "$defs": schema["$defs"]}
            )
            invalid += [
                (f"{name}.{field}", example)
                for example in sub.get("examples", [])
                if not field_checker.is_valid(example)
            ]
    assert [] == invalid
