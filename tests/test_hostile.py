"""
Hostile and careless input: clear errors, bounded work, safe output.

Each test makes its own small made-up files (``tests/hostile.py``), the
way a careless editor or an attacker would, and checks the clean outcome:
an ``InvalidDataError`` at the right place and exit status 1, a refusal
with exit status 2, or outputs that every client parses.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import re
import subprocess
import sys

import attrs
import html5lib
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

import showfacts as sf
from showfacts import _text, lint
from showfacts import site as site_module
from showfacts.jsonld import _mapping
from showfacts.site import build_site
from tests import hostile
from tests.conftest import declared
from tests.strategies import wild_shows
from tests.test_cli import run


#: A base URL for the commands that publish addresses.
ADDRESS = ("--base-url", "https://example.org/tv/")


ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ballard.yaml"

#: What a file holds, and words of the answer each must get (line too).
BAD_VALUES = {
    "surrogate-text.json": (
        '{"id": "demo", "title": "A\\ud800B", "fictional": true}',
        1, "$.title", "a lone surrogate (U+D800)",
    ),
    "surrogate-key.json": (
        '{"id": "demo", "title": "A", "fictional": true, "x\\udc00": 1}',
        1, "$['x\udc00']", "a lone surrogate (U+DC00) in a key",
    ),
    "hex-digits.yaml": (
        hostile.HEAD + "seasons:\n  - number: 0x" + "f" * 4000 + "\n",
        5, "$.seasons[0].number", "over the limit of 9,007,199,254,740,991",
    ),
    "decimal-digits.yaml": (
        hostile.HEAD + "seasons:\n  - number: " + "9" * 5000 + "\n",
        5, "$.seasons[0].number", "a number of 5,000 digits",
    ),
    "toml-digits.toml": (
        'id = "demo"\ntitle = "Demo"\nfictional = true\n[[seasons]]\n'
        "number = " + "9" * 5000 + "\n",
        5, "$", "a number of 5,000 digits",
    ),
    "json-digits.json": (
        '{"id": "demo", "title": "Demo", "seasons": [{"number": '
        + "9" * 5000 + "}]}",
        1, "$", "a number of 5,000 digits",
    ),
    "float-season.yaml": (
        hostile.HEAD + "seasons: [{number: 1e300}]\n",
        4, "$.seasons[0].number", "the number 1e+300, over the limit",
    ),
    "url-ipv6.yaml": (
        hostile.HEAD + "external_ids: {official_site: 'https://[x'}\n",
        4, "$.external_ids.official_site", "Invalid IPv6 URL",
    ),
    "url-port.yaml": (
        hostile.HEAD + "image: 'https://example.com:99999/a.png'\n",
        4, "$.image", "is not a valid url",
    ),
    "url-nel.json": (
        json.dumps({"id": "demo", "title": "Demo", "sources": [
            {"id": "s", "title": "S", "url": "https://example.com/a\x85b"},
        ]}),
        1, "$.sources[0].url", "it holds U+0085",
    ),
    "premiere-late.yaml": (
        hostile.premiere_at("9999-12-31", "23:00", "Pacific/Honolulu"),
        9, "$.seasons[0].milestones[0].time",
        "falls outside the years 1 to 9999 in UTC",
    ),
    "premiere-early.yaml": (
        hostile.premiere_at("0001-01-01", "00:00", "Asia/Tokyo"),
        9, "$.seasons[0].milestones[0].time",
        "falls outside the years 1 to 9999 in UTC",
    ),
    "id-con.yaml": (
        "id: con\ntitle: Con\nfictional: true\n",
        1, "$.id", "'con' is a name Windows reserves",
    ),
    "id-com1-ext.yaml": (
        hostile.HEAD + "sources:\n  - {id: com1.x, title: S}\n",
        5, "$.sources[0].id", "'com1.x' is a name Windows reserves",
    ),
    "id-lpt9-fact.yaml": (
        hostile.HEAD + hostile.SOURCE + "teases:\n  - {id: lpt9, text: T,"
        " certainty: confirmed, sources: [s]}\n",
        7, "$.teases[0].id", "'lpt9' is a name Windows reserves",
    ),
    "long-key.yaml": (
        hostile.HEAD + "? " + "k" * 100_001 + "\n: 1\n",
        4, "$", "a key of 100,001 characters, over the limit of 100,000",
    ),
    "long-key.json": (
        json.dumps({"id": "demo", "title": "D", "k" * 100_001: 1}),
        None, "$", "a key of 100,001 characters",
    ),
}

COMMANDS = (
    ["validate"], ["lint", "--today", "2027-01-01"], ["jsonld", *ADDRESS],
    ["html", *ADDRESS], ["feed", "--to", "rss", *ADDRESS],
    ["calendar", *ADDRESS],
)


@pytest.fixture
def bad_file(request, tmp_path) -> tuple[pathlib.Path, int | None, str,
                                         str]:
    """The file of a BAD_VALUES case, and what it must produce."""
    name = request.param
    text, line, path, words = BAD_VALUES[name]
    file = tmp_path / name
    file.write_bytes(text.encode("utf-8"))
    return file, line, path, words


@pytest.mark.parametrize("bad_file", sorted(BAD_VALUES), indirect=True)
def test_bad_values_are_invalid_data(bad_file, capsys):
    """Each value gets its problem at its place; no command crashes."""
    file, line, path, words = bad_file
    problems = sf.validate(file)
    matching = [p for p in problems if words in p.message]
    assert matching, [str(p) for p in problems]
    assert (line, path) == (matching[0].line, matching[0].path)
    with pytest.raises(sf.InvalidDataError):
        sf.load(file)
    for command in [*COMMANDS, ["build", *ADDRESS, "--out",
                                str(file.parent / "site")]]:
        status, _, err = run([*command, str(file)], capsys=capsys)
        assert 1 == status, (command, err)
        assert words in _unescaped(err), command
        assert "Traceback" not in err
    assert not (file.parent / "site").exists()


def _unescaped(text: str) -> str:
    """Terminal text with its escapes read back (backslash-x85: U+0085)."""
    return re.sub(r"\\x([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)),
                  text)


def test_models_built_in_code_get_the_same_checks():
    """A show built in code cannot hold what a file may not."""
    with pytest.raises(sf.InvalidDataError, match="Invalid IPv6 URL"):
        sf.Source(id="s", title="S", url="https://[x")
    with pytest.raises(sf.InvalidDataError, match="reserves"):
        sf.Show(id="nul", title="Nul", fictional=True)
    with pytest.raises(sf.InvalidDataError, match="must be at most 9,007"):
        sf.Season(number=10**300)
    for value, words in ((10**5000, "about 5,001 digits"),
                         (float("nan"), "must be finite")):
        with pytest.raises(sf.InvalidDataError, match=words) as caught:
            sf.from_dict({"id": "x", "title": "X", "seasons": [
                {"number": value}]})
        assert "$.seasons[0].number" == caught.value.problems[0].path


# -- bounded work -------------------------------------------------------------


def test_aliased_and_cited_text_is_refused_before_any_work(tmp_path, capsys):
    """
    A long string aliased or cited thousands of times is refused.

    Both files are well under the size limit, but would make every page
    carry hundreds of millions of characters.
    """
    aliased = tmp_path / "aliased.yaml"
    aliased.write_text(hostile.aliased_text())
    cited = tmp_path / "cited.json"
    cited.write_text(hostile.cited_title())
    assert aliased.stat().st_size < 600_000
    assert cited.stat().st_size < 800_000
    for file in (aliased, cited):
        [problem] = sf.validate(file)
        assert "characters of text, over the limit of 8,000,000" in (
            problem.message
        )
        status, _, err = run(["build", *ADDRESS, str(file), "--out",
                              str(tmp_path / "site")], capsys=capsys)
        assert 1 == status
        assert "over the limit of 8,000,000" in err
    assert not (tmp_path / "site").exists()
    # The limit is an option: a small one refuses a small show.
    small = sf.Limits(max_expanded_text=10)
    text = hostile.HEAD + "description: a description of some length\n"
    with pytest.raises(sf.InvalidDataError, match="over the limit of 10 "):
        sf.loads(text, limits=small)


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
def test_builds_over_the_alias_and_citation_files_stay_small(tmp_path):
    """
    The peak memory of a build over either file stays under 200 MB.

    Each build runs in a child of a child, whose peak resident memory the
    middle process reads: nothing else this test process ran counts.
    """
    aliased = tmp_path / "aliased.yaml"
    aliased.write_text(hostile.aliased_text(uses=9_000))
    cited = tmp_path / "cited.json"
    cited.write_text(hostile.cited_title(cites=9_000))
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "print(done.returncode, resource.getrusage("
        "resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    for file in (aliased, cited):
        done = subprocess.run(
            [sys.executable, "-c", probe, sys.executable, "-m", "showfacts",
             "build", *ADDRESS, str(file), "--out", str(tmp_path / "site")],
            capture_output=True, text=True, check=True,
        )
        status, kilobytes = (int(x) for x in done.stdout.split())
        assert 1 == status
        assert kilobytes < 200 * 1024
    assert not (tmp_path / "site").exists()


def test_counts_per_show_are_limited(tmp_path):
    """Seasons, facts and references each have a limit and an option."""
    seasons = sf.loads(hostile.empty_seasons(20))
    assert 20 == len(seasons.seasons)
    with pytest.raises(sf.InvalidDataError, match="20 seasons, over the "
                       "limit of 19 seasons per show"):
        sf.loads(hostile.empty_seasons(20), limits=sf.Limits(max_seasons=19))
    chain = hostile.supersede_chain(30)
    with pytest.raises(sf.InvalidDataError, match="30 facts, over the limit"):
        sf.loads(chain, limits=sf.Limits(max_facts=29))
    with pytest.raises(sf.InvalidDataError, match="30 references, over the"):
        sf.loads(chain, limits=sf.Limits(max_references=29))
    [problem] = sf.validate(_write(tmp_path, "s.yaml",
                                   hostile.empty_seasons(1_001)))
    assert "1,001 seasons, over the limit of 1,000" in problem.message
    assert "$.seasons" == problem.path


def _write(folder: pathlib.Path, name: str, text: str) -> pathlib.Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_long_supersede_chains_and_cycles(tmp_path):
    """
    A 4,000-link chain is valid; a 4,000-fact cycle is told, briefly.

    Each fact of the cycle gets one problem that names the cycle's
    length and a few of its ids, not all 4,000.
    """
    assert () == sf.validate(_write(tmp_path, "chain.yaml",
                                    hostile.supersede_chain(4_000)))
    problems = sf.validate(_write(tmp_path, "loop.yaml",
                                  hostile.supersede_loop(4_000)))
    assert 4_000 == len(problems)
    assert all("supersede cycle of 4,000 facts" in p.message
               for p in problems)
    assert max(len(p.message) for p in problems) < 300


def test_thousands_of_unknown_ids(tmp_path, capsys):
    """
    5,000 unknown sources: each is told, without a search for hints.

    A few unknown ids still get "did you mean"; the command line prints
    the first 100 problems and says how many more there are.
    """
    path = _write(tmp_path, "unknown.yaml", hostile.unknown_references(5_000))
    problems = sf.validate(path)
    assert 5_000 == len(problems)
    assert all("(declared: s)" in p.message for p in problems)
    assert not any("did you mean" in p.message for p in problems)
    status, _, err = run(["validate", str(path)], capsys=capsys)
    assert 1 == status
    lines = err.splitlines()
    assert 101 == len(lines)
    assert "and 4,900 more problems" in lines[-1]
    status, _, err = run(["validate", str(path), "--max-problems", "3"],
                         capsys=capsys)
    assert 4 == len(err.splitlines())
    few = hostile.unknown_references(2).replace("missing-0", "ss")
    [problem, _] = sf.validate(_write(tmp_path, "few.yaml", few))
    assert "did you mean 's'?" in problem.message


def test_unique_items_are_checked_by_hashing(tmp_path):
    """
    30,000 genres of mixed types are checked; JSON equality holds.

    The list cannot be sorted (a number leads it), which made the Python
    validator compare every pair.
    """
    path = _write(tmp_path, "genres.yaml", hostile.many_genres(30_000))
    [problem] = sf.validate(path)
    assert "$.genres[0]" == problem.path
    validator = sf._schema._validator()
    unique = {"type": "array", "uniqueItems": True}
    cases = [
        ([1, 1.0], False), ([1, True], True), ([0, False], True),
        (["1", 1], True), ([{"a": [1]}, {"a": [1.0]}], False),
        ([{"a": 1, "b": 2}, {"b": 2, "a": 1}], False), ([None, None], False),
        ([[1, 2], [2, 1]], True),
    ]
    for items, valid in cases:
        assert valid == validator.evolve(schema=unique).is_valid(items), items


def test_season_pages_share_the_show_s_season_facts(tmp_path, monkeypatch):
    """
    Each season's page does not sort out every season again.

    With many seasons that was quadratic: 10,000 empty seasons took
    minutes to build.
    """
    made = []
    real = _mapping._SeasonFacts

    def counting(*args: object) -> object:
        made.append(1)
        return real(*args)

    monkeypatch.setattr(_mapping, "_SeasonFacts", counting)
    path = _write(tmp_path, "seasons.yaml", hostile.empty_seasons(60))
    build_site(path, tmp_path / "site", base_url=ADDRESS[1])
    assert len(made) <= 2 * 60
    assert 60 == len(list((tmp_path / "site").glob("shows/demo/*/")))


def test_lint_groups_contradictions():
    """3,000 expected premieres give at most one finding each, not pairs."""
    show = sf.loads(hostile.expected_premieres(3_000))
    findings = lint.lint([show], today=sf.FuzzyDate.of("2025-01-01").earliest)
    contradictions = [f for f in findings if f.check == "contradiction"]
    assert 0 < len(contradictions) < 3_000


def test_git_blobs_over_the_limit_are_not_read(tmp_path, monkeypatch):
    """`diff --git` sizes each blob first and never reads a large one."""
    repo = tmp_path / "repo"
    repo.mkdir()
    big = hostile.HEAD + "description: " + "x" * 5_000 + "\n"
    _write(repo, "big.yaml", big)
    _write(repo, "small.yaml", "id: small\ntitle: Small\nfictional: true\n")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(["git", *command], cwd=repo, check=True, env=env)
    from showfacts import diff

    read: list[list[str]] = []
    real = diff._git

    def spy(args: list[str], cwd: pathlib.Path) -> bytes:
        read.append(args)
        return real(args, cwd)

    monkeypatch.setattr(diff, "_git", spy)
    with pytest.raises(sf.InvalidDataError) as caught:
        diff.load_revision(repo, "HEAD", limits=sf.Limits(max_file_size=1_000))
    [problem] = caught.value.problems
    assert "HEAD:big.yaml" == problem.file
    assert "over the limit of 1,000 bytes" in problem.message
    blobs = [a for a in read if a[0] == "cat-file"]
    assert [["cat-file", "blob", blobs[0][2]]] == blobs
    assert blobs[0][2].endswith(":small.yaml")


def test_standard_input_is_read_up_to_the_limit(monkeypatch, capsys):
    """`validate -` stops reading past the size limit."""
    data = io.BytesIO(b"id: demo\n" + b"#" * 100_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(data))
    status, _, err = run(["validate", "-", "--max-file-size", "100"],
                         capsys=capsys)
    assert 1 == status
    assert "over the limit of 100" in err
    assert data.tell() <= 8192  # one buffered read, not 100 KB


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifos_are_refused(tmp_path, capsys):
    """A FIFO in a folder, or named, is refused at once (exit 2)."""
    _write(tmp_path, "a.yaml", "id: a\ntitle: A\nfictional: true\n")
    os.mkfifo(tmp_path / "pipe.yaml")
    for target in (tmp_path, tmp_path / "pipe.yaml"):
        status, _, err = run(["validate", str(target)], capsys=capsys)
        assert 2 == status
        assert "pipe.yaml: a FIFO (named pipe), not a show file" in err


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need rights")
def test_symlinks_leaving_the_folder_are_refused(tmp_path, capsys):
    """
    A link out of an input folder is refused; its contents never shown.

    Links that stay inside the folder, and links named on the command
    line, are read as before.
    """
    secret = _write(tmp_path, "secret.yaml", "root:x:0:0:SECRET-LINE\n")
    data = tmp_path / "data"
    data.mkdir()
    _write(data, "a.yaml", declared("id: a\ntitle: A\nfictional: true\n"))
    (data / "passwd.yaml").symlink_to(secret)
    for command in (["validate"],
                    ["build", *ADDRESS, "--out", str(tmp_path / "o")]):
        status, out, err = run([*command, str(data)], capsys=capsys)
        assert 2 == status
        assert "passwd.yaml: a symbolic link that leads outside" in err
        assert "SECRET" not in err + out
    (data / "passwd.yaml").unlink()
    (data / "sub").mkdir()
    (data / "sub" / "b.yaml").symlink_to(data / "a.yaml")
    [problem] = sf.validate(data)
    assert "is used by" in problem.message
    status, _, err = run(["validate", str(data / "sub" / "b.yaml")],
                         capsys=capsys)
    assert 0 == status


# -- escaping -----------------------------------------------------------------


def test_rss_channel_description_is_escaped(tmp_path, capsys):
    """The channel's description is HTML-escaped like an item's."""
    path = _write(tmp_path, "x.yaml", "id: x\ntitle: <img src=x "
                  "onerror=alert(1)>\nfictional: true\n")
    status, out, _ = run(["feed", "--to", "rss", *ADDRESS, str(path)],
                         capsys=capsys)
    assert 0 == status
    channel = etree.fromstring(out.encode()).find("channel")
    description = channel.findtext("description")
    assert "<img" not in description
    assert "&lt;img" in description


def test_every_output_of_a_build_follows_the_text_rule(tmp_path):
    """NUL, VT, FF, ESC and U+FFFE never reach a file of the site."""
    path = _write(tmp_path, "x.json", json.dumps({
        "id": "x", "title": "A\x00B\x0bC\x0cD\x1bE\ufffeF",
        "description": "d\x1b[2J\x07", "fictional": True,
        "sources": [{"id": "s", "title": "S\x1b", "published": "2026-01"}],
        "seasons": [{"number": 1, "description": "S\x00", "milestones": [{
            "id": "p", "kind": "premiere", "date": "2026-05-01",
            "certainty": "confirmed", "sources": ["s"]}]}],
    }))
    build_site(path, tmp_path / "site", base_url=ADDRESS[1])
    files = [f for f in (tmp_path / "site").rglob("*") if f.is_file()]
    assert len(files) > 10
    for file in files:
        _assert_no_controls(file.read_bytes(), file)


_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
)


def _assert_no_controls(data: bytes, where: object) -> None:
    text = data.decode("utf-8")
    found = _FORBIDDEN.search(text)
    assert found is None, (where, found)


def test_terminal_output_escapes_controls(tmp_path, capsys):
    """
    Data and file names cannot drive the terminal or forge a line.

    ESC, bidi overrides and line breaks print as escapes, in `lint`
    findings (standard output) and in problems (standard error).
    """
    text = (
        hostile.HEAD + hostile.SOURCE
        + "seasons:\n  - number: 1\n    milestones:\n"
        "      - {id: p, kind: premiere, date: {edtf: '2026-05', text: "
        '"\\e[2J\\u202e x\\nforged.yaml:1: error"}, certainty: expected, '
        "sources: [s]}\n"
    )
    path = _write(tmp_path, "show.yaml", text)
    status, out, _ = run(["lint", str(path), "--today", "2027-01-01"],
                         capsys=capsys)
    assert 1 == status
    # The line break is folded (a date's words are one line) or escaped.
    assert ("\\x1b[2J\\u202e x forged.yaml:1: error" in out
            or "\\x1b[2J\\u202e x\\x0aforged.yaml:1: error" in out)
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert all(line.startswith(str(path)) for line in out.splitlines())
    odd = _write(tmp_path, "a\u202eb\x1b.yaml", "id: demo\ntitl: X\n")
    status, _, err = run(["validate", str(odd)], capsys=capsys)
    assert 1 == status
    assert "a\\u202eb\\x1b.yaml:2:1: $.titl" in err
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "a\\x1bb" == _text.terminal("a\x1bb")
    assert "tab\tkept, \\x85 \\u2028 \\ud800" == _text.terminal(
        "tab\tkept, \x85 \u2028 \ud800"
    )


# -- any text at all ----------------------------------------------------------


#: Characters at every edge the output rule has: controls, surrogates (lone
#: and paired), noncharacters of every plane, and characters whose UTF-8
#: looks like theirs (U+00A0, U+FDF0, U+FFBE, U+1FFFD).
_EDGES = [
    "\x00", "\x1f", "\t", "\n", "\r", "\x7f", "\x80", "\x9f", "\xa0",
    "\ud83d", "\ude00", "\ud83d\ude00", "\ufdd0", "\ufdef", "\ufdf0",
    "\uffbe", "\ufffe", "\uffff", "\U0001fffd", "\U0001fffe",
    "\U0010ffff", "é", "a",
]


def _both_ways(text: str, html: bool) -> None:
    """output_bytes with its UTF-8 look, and with the rules alone, agree."""
    fast = _text.output_bytes(text, html=html)
    raw = text.encode("utf-8", "surrogatepass")
    fast_raw = _text.output_bytes(raw, html=html)
    saved = _text._clean_utf8
    _text._clean_utf8 = lambda _raw, *, html: False  # noqa: ARG005
    try:
        assert fast == _text.output_bytes(text, html=html)
        assert fast_raw == _text.output_bytes(raw, html=html)
    finally:
        _text._clean_utf8 = saved


@pytest.mark.parametrize("html", [True, False])
@pytest.mark.parametrize("edge", _EDGES)
def test_output_bytes_at_each_edge(edge, html):
    """Each edge alone in a page: the rules decide, and agree."""
    _both_ways(f"<p>{edge}</p>\n", html)


@given(st.lists(st.one_of(st.characters(codec=None), st.sampled_from(_EDGES)))
       .map("".join), st.booleans())
def test_output_bytes_says_at_once_what_the_rules_would(text, html):
    """The UTF-8 look at a whole output agrees with the rules run on it."""
    _both_ways(text, html)


def _outputs_parse(folder: pathlib.Path) -> None:
    """Every file of a site parses with its client and has no C0 control."""
    for file in sorted(folder.rglob("*")):
        if not file.is_file():
            continue
        data = file.read_bytes()
        _assert_no_controls(data, file)
        suffix = file.suffix
        if suffix == ".html":
            parser = html5lib.HTMLParser()
            parser.parse(data.decode("utf-8"))
            # Cards write a carriage return as &#13; so that it is kept:
            # the one parse error allowed.
            assert [] == [
                (code, values) for _, code, values in parser.errors
                if values != {"charAsInt": 13}
            ], file
            tree = lxml_html.fromstring(data)
            for script in tree.iter("script"):
                if script.get("type") == "application/ld+json":
                    json.loads(script.text)
        elif suffix == ".xml":
            etree.fromstring(data)
        elif suffix == ".ics":
            icalendar.Calendar.from_ical(data)
        elif suffix in (".json", ".jsonld"):
            json.loads(data)


@settings(
    # A site per example: a quarter of the profile's examples (50 in CI),
    # at least 10.
    max_examples=max(10, settings().max_examples // 4),
    suppress_health_check=[HealthCheck.too_slow,
                           HealthCheck.function_scoped_fixture],
)
@given(wild_shows())
def test_sites_from_any_text_parse(tmp_path_factory, monkeypatch, show):
    """
    A site of a show with any Unicode in every text field parses.

    The show is built in code (files refuse lone surrogates, code may
    hold them); every page, feed, calendar and JSON-LD file parses with
    html5lib (strictly), lxml, icalendar and json, and holds no C0
    control but tab and line breaks.
    """
    folder = tmp_path_factory.mktemp("wild")
    placeholder = _write(folder, "show.yaml", "id: x\ntitle: X\n")
    monkeypatch.setattr(site_module, "load_bytes",
                        lambda *_, **__: attrs.evolve(show))
    build_site(placeholder, folder / "site", base_url=ADDRESS[1])
    _outputs_parse(folder / "site")


def test_new_takes_any_title_and_refuses_reserved_ids(capsys):
    """`new` writes any title so that it reads back; `new con` is refused."""
    for title in ("Law & Order: SVU", "#1 Show", "a\x1bb\nc", "yes", "123",
                  "A & B", "Renée: \"quoted\" 'too'", " padded "):
        status, out, err = run(["new", "x", "--title", title, "-o", "-"],
                               capsys=capsys)
        assert (0, "") == (status, err), title
        assert title == sf.loads(out).title
    status, out, err = run(["new", "con", "-o", "-"], capsys=capsys)
    assert (2, "") == (status, out)
    assert "'con' is a name Windows reserves" in err


def test_outputs_over_their_limit_are_refused(tmp_path, capsys):
    """Every output has a byte limit; past it nothing is written."""
    path = EXAMPLE
    for command in (["feed", "--to", "rss", *ADDRESS],
                    ["calendar", *ADDRESS], ["jsonld", *ADDRESS],
                    ["html", *ADDRESS],
                    ["build", *ADDRESS, "--out", str(tmp_path / "site")]):
        status, out, err = run([*command, str(path), "--max-output-bytes",
                                "100"], capsys=capsys)
        assert (1, "") == (status, out), command
        assert "bytes, over the limit of 100 bytes per file" in err, command
    assert not (tmp_path / "site").exists()
    status, _, _ = run(["feed", "--to", "rss", *ADDRESS, str(path)],
                       capsys=capsys)
    assert 0 == status


def test_ndjson_from_standard_input_is_read_up_to_the_limit(monkeypatch,
                                                           capsys):
    """`jsonld --ndjson -` stops reading past the size limit too."""
    data = io.BytesIO(b"id: demo\n" + b"#" * 100_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(data))
    status, _, err = run(["jsonld", "--ndjson", "-", *ADDRESS,
                          "--max-file-size",
                          "100"], capsys=capsys)
    assert 1 == status
    assert "over the limit of 100" in err
    assert data.tell() <= 8192
