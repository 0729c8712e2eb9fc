"""
The documentation: built without a warning, complete, and checked.

Its generated references cover the schema, the command line and the API,
every code block in it is checked, and the tutorial's own show gives valid
JSON-LD.  The code blocks themselves run through Sybil (``conftest.py``
at the top of the repository); the tests here check the docs build, the
references, and that the Sybil checks really fail when the docs are
wrong.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

import showfacts
from showfacts._docs import slug
from showfacts.cli import build_parser
from showfacts.exceptions import InvalidDataError
from tests.conftest import ROOT


DOCS = ROOT / "docs"

#: The public modules the API reference documents.
PUBLIC_MODULES = (
    "showfacts.loading", "showfacts.models", "showfacts.editing",
    "showfacts.views", "showfacts.dates", "showfacts.phrases",
    "showfacts.iris", "showfacts.exceptions",
    "showfacts.jsonld", "showfacts.markup", "showfacts.news",
    "showfacts.feeds", "showfacts.calendar", "showfacts.diff",
    "showfacts.lint", "showfacts.site", "showfacts.crosswalk",
    "showfacts.jinja2", "showfacts.django",
    "showfacts.django.templatetags.showfacts", "showfacts.cli",
    "showfacts.importers", "showfacts.importers.tmdb",
    "showfacts.importers.tvmaze", "showfacts.importers.wikidata",
    "showfacts.importers.jsonld", "showfacts.importers.merge",
    "showfacts.importers.fetch",
)


# -- the build ----------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> pathlib.Path:
    """The HTML docs, built as CI builds them: any warning fails."""
    pytest.importorskip("sphinx", reason="the docs extra is not installed")
    pytest.importorskip("myst_parser",
                        reason="the docs extra is not installed")
    out = tmp_path_factory.mktemp("html")
    doctrees = tmp_path_factory.mktemp("doctrees")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q",
         "-b", "html", "-d", str(doctrees), str(DOCS), str(out)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0 or "WARNING" in done.stderr:
        pytest.fail(f"the docs build failed:\n{done.stdout}\n{done.stderr}")
    return out


def _page(built: pathlib.Path, name: str) -> Any:
    import html5lib

    text = (built / name).read_text(encoding="utf-8")
    return html5lib.parse(text, treebuilder="etree",
                          namespaceHTMLElements=False)


def _text(element: Any) -> str:
    return _plain("".join(element.itertext()))


def _plain(text: str) -> str:
    """Text as written, whatever smart quotes made of it."""
    for fancy, plain in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'),
                         ("\u201d", '"'), ("\u2026", "..."),
                         ("\u2013", "--"), ("\u2014", "---")):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def _sections(root: Any) -> dict[str, Any]:
    return {e.get("id"): e for e in root.iter("section") if e.get("id")}


def test_the_docs_build_without_warnings(built):
    """`sphinx-build -W` succeeds and writes every page."""
    for page in ("index.html", "tutorial.html", "concepts.html",
                 "howto/django.html", "reference/input.html",
                 "reference/cli.html", "reference/api.html", "jsonld.html",
                 "feeds.html", "calendar.html", "diff.html"):
        assert (built / page).is_file(), page


def _properties(schema: Mapping[str, Any], where: str) -> Iterator[
    tuple[str, str, Mapping[str, Any]]
]:
    """Every (place, name, schema) of a property, nested ones included."""
    for name, prop in schema.get("properties", {}).items():
        yield where, name, prop
        yield from _properties(prop, where)
        yield from _properties(prop.get("items", {}), where)
    for key in ("oneOf", "anyOf"):
        for branch in schema.get(key, ()):
            yield from _properties(branch, where)


def test_the_input_reference_has_every_field(built):
    """Every definition, field, description and example of the schema."""
    schema = json.loads((ROOT / "schemas" / "show.schema.json").read_text(
        encoding="utf-8"
    ))
    sections = _sections(_page(built, "reference/input.html"))
    places = {slug(schema["title"]): schema}
    places.update({slug(d.get("title") or name): d
                   for name, d in schema["$defs"].items()})
    for label, definition in places.items():
        assert label in sections, label
        text = _text(sections[label])
        if "description" in definition:
            assert _plain(definition["description"]) in text, label
        for _, name, prop in _properties(definition, label):
            terms = {_text(li.find(".//code"))
                     for li in sections[label].iter("li")
                     if li.find(".//code") is not None}
            assert name in terms, (label, name)
            if "description" in prop:
                assert _plain(prop["description"]) in text, (label, name)
            for value in prop.get("enum", ()):
                assert json.dumps(value) in text, (label, name, value)
        for example in definition.get("examples", ()):
            shown = (json.dumps(example, ensure_ascii=False)
                     if not isinstance(example, dict)
                     else _plain(yaml.safe_dump(example, sort_keys=False,
                                                allow_unicode=True)))
            # Scalars among mappings are shown as YAML, without quotes.
            assert (
                shown in text or _plain(shown) in text
                or (not isinstance(example, (dict, list))
                    and _plain(str(example)) in text)
            ), (label, example)


def _subparsers(parser: argparse.ArgumentParser) -> dict[
    str, argparse.ArgumentParser
]:
    return next(
        action.choices for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )


def test_the_cli_reference_has_every_option(built):
    """Every command, argument, option, choice and help text."""
    sections = _sections(_page(built, "reference/cli.html"))
    for name, sub in _subparsers(build_parser()).items():
        label = slug(f"showfacts {name}")
        assert label in sections, label
        text = _text(sections[label])
        assert _plain(sub.description or "") in text, name
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or (
                    action.help == argparse.SUPPRESS):
                continue  # help, and renamed options that are refused
            for option in action.option_strings:
                assert option in text, (name, option)
            if action.help:
                expanded = _plain(action.help % {
                    "default": action.default, "prog": sub.prog,
                })
                assert expanded[1:] in text, (name, action.dest)
            for choice in action.choices or ():
                assert str(choice) in text, (name, action.dest, choice)
        for example in (sub.epilog or "").splitlines()[1:]:
            assert _plain(example) in text, (name, example)


def test_the_api_reference_documents_the_public_api(built):
    """Every name in each public module's __all__, and in showfacts's."""
    html = (built / "reference" / "api.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', html))
    missing = []
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        public = getattr(module, "__all__", None) or [
            member for member, value in vars(module).items()
            if not member.startswith("_")
            and getattr(value, "__module__", None) == name
        ]
        missing.extend(f"{name}.{member}" for member in public
                       if f"{name}.{member}" not in ids)
    missing.extend(
        f"showfacts.{member}" for member in showfacts.__all__
        if not any(f"{name}.{member}" in ids for name in PUBLIC_MODULES)
    )
    assert [] == missing


def test_every_page_is_reachable_from_the_index(built):
    """The index's navigation links every page of the docs."""
    pages = {p.relative_to(DOCS).with_suffix(".html").as_posix()
             for p in DOCS.rglob("*.md") if "_build" not in p.parts}
    found = {a.get("href").split("#")[0]
             for a in _page(built, "index.html").iter("a")
             if a.get("href")}
    assert set() == pages - found - {"index.html"}


# -- the Sybil checks ---------------------------------------------------------


@pytest.fixture(scope="module")
def checks():
    """The top-level conftest.py, loaded as a module of its own."""
    spec = importlib.util.spec_from_file_location("docs_checks",
                                                  ROOT / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A namespace like a page's: a scratch folder as the current one."""
    namespace = {"__scratch__": tmp_path}
    (tmp_path / "examples").mkdir()
    for name in ("ballard.yaml", "bosch.yaml"):
        (tmp_path / "examples" / name).write_bytes(
            (ROOT / "examples" / name).read_bytes()
        )
    monkeypatch.chdir(tmp_path)
    return namespace


def evaluate(checks, scratch, info: str, source: str) -> None:
    """Check a block as Sybil would."""
    example = SimpleNamespace(parsed=checks._block(info, source),
                              namespace=scratch)
    checks._evaluate(example)


def test_console_blocks_run_and_compare_output(checks, scratch):
    """Shown output must match; `...` matches anything."""
    evaluate(checks, scratch, "console",
             "$ showfacts validate examples/ -v\n2 files valid\n"
             "$ echo one; echo two; echo three\none\n...\nthree\n")
    with pytest.raises(AssertionError, match="expected:\n3 files valid"):
        evaluate(checks, scratch, "console",
                 "$ showfacts validate examples/ -v\n3 files valid\n")


def test_console_commands_must_succeed(checks, scratch):
    """A failing command fails the block, output shown or not."""
    (scratch["__scratch__"] / "bad.yaml").write_text("id: Bad\ntitle: x\n")
    with pytest.raises(AssertionError, match="exited with status 1"):
        evaluate(checks, scratch, "console", "$ showfacts validate bad.yaml\n")
    with pytest.raises(AssertionError, match="exited with status 1"):
        evaluate(checks, scratch, "console",
                 "$ showfacts validate bad.yaml | head -1\n")
    evaluate(checks, scratch, "console",
             '$ showfacts validate bad.yaml || echo "exit status $?"\n'
             "...\nexit status 1\n")


def test_console_lines_continue_after_a_backslash(checks):
    """A command may span lines; lines before any command are refused."""
    assert [("a \\\n  b", ["out"]), ("c", [])] == checks._commands(
        "$ a \\\n  b\nout\n$ c\n"
    )
    with pytest.raises(ValueError, match="starts with a"):
        checks._commands("output first\n$ a\n")


@pytest.mark.parametrize("info", ["", "pyhton", "yml", "yaml showfact",
                                  "yaml file=x.yaml nope", "console file=x"])
def test_unknown_languages_and_options_fail(checks, scratch, info):
    """No block goes unchecked because of a typo in its info string."""
    with pytest.raises(ValueError, match=r"language|option"):
        evaluate(checks, scratch, info, "x: 1\n")


def test_show_files_must_be_valid(checks, scratch):
    """`showfacts` blocks are loaded; each appended piece must be valid."""
    evaluate(checks, scratch, "yaml showfacts file=a.yaml",
             "id: a\ntitle: A\n")
    evaluate(checks, scratch, "yaml showfacts append=a.yaml",
             "seasons:\n  - number: 1\n")
    assert 1 == len(showfacts.load("a.yaml").seasons)
    with pytest.raises(InvalidDataError, match="unknown source"):
        evaluate(checks, scratch, "yaml showfacts append=a.yaml",
                 "statuses:\n  - {id: s, status: returning, "
                 "certainty: confirmed, sources: [nope]}\n")
    with pytest.raises(InvalidDataError):
        evaluate(checks, scratch, "json showfacts", '{"id": "A"}')
    with pytest.raises(ValueError, match="outside the scratch"):
        evaluate(checks, scratch, "yaml file=../escape.yaml", "a: 1\n")


def test_data_blocks_must_parse(checks, scratch):
    """YAML, JSON and TOML blocks must at least be well formed."""
    for info, source in (("yaml", "a: [1\n"), ("json", "{'a': 1}"),
                         ("toml", "a = \n")):
        with pytest.raises(Exception):  # noqa: B017, PT011 - any parser's
            evaluate(checks, scratch, info, source)


def test_workflows_run_real_commands(checks, scratch):
    """A CI workflow's showfacts commands must parse."""
    workflow = ("on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n"
                "    steps:\n      - run: showfacts lint data/ {}\n")
    evaluate(checks, scratch, "yaml workflow", workflow.format("--strict"))
    with pytest.raises(AssertionError, match="not valid showfacts commands"):
        evaluate(checks, scratch, "yaml workflow", workflow.format("--strikt"))


def test_templates_are_compiled(checks, scratch):
    """Jinja2 and Django templates with an unknown filter or tag fail."""
    evaluate(checks, scratch, "html+jinja file=t.html",
             "{{ show | jsonld_script(claims=True) }}")
    assert (scratch["__scratch__"] / "t.html").exists()
    with pytest.raises(Exception, match="jsonld_scrpt"):
        evaluate(checks, scratch, "jinja", "{{ show | jsonld_scrpt }}")
    evaluate(checks, scratch, "html+django",
             "{% load showfacts %}{% showfacts_jsonld show season=2 %}")
    with pytest.raises(Exception, match="clams"):
        evaluate(checks, scratch, "django",
                 "{% load showfacts %}{% showfacts_card show clams=1 %}")


def test_html_and_shell_blocks_are_checked(checks, scratch):
    """HTML is parsed strictly; shell blocks are syntax-checked."""
    evaluate(checks, scratch, "html", "<p>fine</p>")
    with pytest.raises(Exception):  # noqa: B017, PT011 - html5lib's
        evaluate(checks, scratch, "html", "<p>fine</q>")
    evaluate(checks, scratch, "sh", "cd site && python3 -m http.server\n")
    with pytest.raises(AssertionError):
        evaluate(checks, scratch, "sh", "if then fi (\n")


_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")


def _fences(text: str) -> Iterator[tuple[int, int, str]]:
    """Each fenced block's (first line, last line, info string)."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match:
            _, fence, info = match.groups()
            end = i + 1
            while end < len(lines) and not (
                lines[end].strip().startswith(fence)
                and not lines[end].strip()[len(fence):].strip()
            ):
                end += 1
            yield i + 1, end + 1, info.strip()
            i = end
        i += 1


def _documents() -> list[pathlib.Path]:
    return sorted([ROOT / "README.md",
                   *(p for p in DOCS.rglob("*.md")
                     if "_build" not in p.parts)])


@pytest.mark.parametrize("path", _documents(),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_code_block_is_collected(checks, path):
    """Sybil finds a check in every block that is code."""
    from sybil import Document

    text = path.read_text(encoding="utf-8")
    sybil = checks._markdown(str(path.parent))
    document = Document.parse(str(path), *sybil.parsers)
    starts = sorted(text.count("\n", 0, start) + 1
                    for start, _ in document.regions)
    for first, last, info in _fences(text):
        language = info.split()[0] if info else ""
        if language in checks.NOT_CODE or language.startswith("{"):
            continue
        assert any(first <= line <= last for line in starts), (
            f"{path.name}:{first}: ```{info} is not checked"
        )


# -- the acceptance: a show of your own ---------------------------------------


def _tutorial_block(name: str) -> str:
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    match = re.search(rf"```yaml showfacts file={re.escape(name)}\n(.*?)```",
                      text, re.DOTALL)
    assert match is not None, name
    return match.group(1)


def test_the_tutorials_own_show_gives_a_site_and_valid_jsonld(tmp_path):
    """
    The reader's own show, built as the tutorial says, is valid JSON-LD.

    The file is the tutorial's; the site is built by the command line, as
    the reader builds it, and its JSON-LD passes every check the JSON-LD
    tests make (showfacts' graph check, the schema.org vocabulary, pyld
    and rdflib).  The page embeds exactly that graph.
    """
    from tests.test_jsonld import check_all
    from tests.test_markup import inspect_html5lib

    (tmp_path / "my-show.yaml").write_text(_tutorial_block("my-show.yaml"),
                                           encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", "build", "my-show.yaml",
         "--out", "site", "--base-url", "https://example.org/tv/"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert 0 == done.returncode, done.stderr
    graph = json.loads((tmp_path / "site" / "shows" / "my-show" /
                        "show.jsonld").read_text(encoding="utf-8"))
    check_all(graph)
    series = next(n for n in graph["@graph"] if n["@type"] == "TVSeries")
    assert "2026-09-12" == series["startDate"]
    page = (tmp_path / "site" / "shows" / "my-show" / "index.html").read_text(
        encoding="utf-8"
    )
    scripts = inspect_html5lib(page)["scripts"]
    assert 1 == len(scripts)
    embedded = json.loads(scripts[0])
    assert {n["@id"] for n in graph["@graph"]} <= {
        n["@id"] for n in embedded["@graph"]
    }
