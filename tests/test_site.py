"""The static site: complete, valid, deterministic and atomic."""

from __future__ import annotations

import html
import json
import pathlib
import re
import subprocess
import sys

import feedparser
import html5lib
import pytest

import showfacts as sf
from showfacts import site as site_module
from showfacts.iris import Site
from showfacts.site import build_site
from tests.conftest import EXAMPLES, SHARED, declared, examples_in
from tests.test_cli import run


BASE = "https://example.org/tv/"


def _tree(root: pathlib.Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> pathlib.Path:
    """The example site, built once for the module."""
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(EXAMPLES, out, base_url=BASE)
    return out


SDO_CHECK = SHARED / "tools" / "sdo_check.py"


class TestContents:
    """What the site holds."""

    def test_every_expected_file(self, built):
        """Index, pages, feeds, calendars, JSON-LD, sitemap, style."""
        files = set(_tree(built))
        for show in ("ballard", "bosch", "harbor-lights",
                     "the-lantern-keepers"):
            for name in ("index.html", "show.jsonld", "feed.xml",
                         "atom.xml", "feed.json", "premieres.ics"):
                assert f"shows/{show}/{name}" in files
        for name in ("index.html", "feed.xml", "atom.xml", "feed.json",
                     "premieres.ics", "sitemap.xml", "style.css"):
            assert name in files
        assert "shows/ballard/season-2/index.html" in files
        assert "shows/bosch/season-7/index.html" in files
        assert not any(name.endswith(".js") for name in files)

    def test_every_page_has_one_graph(self, built):
        """Each page embeds exactly one JSON-LD script."""
        for page in sorted(built.rglob("*.html")):
            assert 1 == len(re.findall(
                '<script type="application/ld[+]json"', page.read_text()
            )), page

    @pytest.mark.skipif(not SDO_CHECK.exists(),
                        reason="../shared/tools/sdo_check.py is not there")
    def test_pages_pass_the_schema_org_check(self, built):
        """Running ../shared/tools/sdo_check.py: 0 errors on every page."""
        pages = [str(p) for p in sorted(built.rglob("*.html"))]
        done = subprocess.run(
            [sys.executable, str(SDO_CHECK), *pages],
            capture_output=True, text=True, check=False,
        )
        assert 0 == done.returncode, done.stdout + done.stderr
        assert re.search(r" 0 errors, 0 warnings$", done.stdout.strip())

    def test_pages_are_well_formed_html(self, built):
        """html5lib in strict mode finds no parse error in any page."""
        parser = html5lib.HTMLParser(strict=True)
        for page in sorted(built.rglob("*.html")):
            parser.parse(page.read_bytes())

    def test_feeds_parse(self, built):
        """Every RSS and Atom feed parses without error; JSON feeds load."""
        for feed in sorted(built.rglob("*.xml")):
            if feed.name.startswith("sitemap"):
                continue
            parsed = feedparser.parse(feed.read_bytes())
            assert 0 == parsed.bozo, (feed, parsed.get("bozo_exception"))
        for feed in sorted(built.rglob("feed.json")):
            assert "https://jsonfeed.org/version/1.1" == json.loads(
                feed.read_bytes())["version"]

    def test_internal_links_resolve(self, built):
        """Every link into the site points at a file it holds."""
        files = set(_tree(built))
        for page in sorted(built.rglob("*.html")):
            for href in re.findall(r'href="([^"#]*)', page.read_text()):
                if not href.startswith(BASE):
                    continue
                path = href[len(BASE):]
                if path == "" or path.endswith("/"):
                    path += "index.html"
                assert path in files, (page, href)

    def test_jsonld_files_equal_the_library_graph(self, built):
        """show.jsonld is the library's graph of the show."""
        show = sf.load(EXAMPLES / "ballard.yaml")
        graph = json.loads((built / "shows/ballard/show.jsonld").read_text())
        assert sf_jsonld().to_jsonld(show, BASE) == graph

    def test_timeline_shows_history_and_certainty(self, built):
        """Superseded facts stay visible as history, with certainty words."""
        page = (built / "shows/the-lantern-keepers/index.html").read_text()
        entry = re.search(
            r'<li class="fact superseded" id="fact-s1-premiere-window">.*?'
            r"</li>\n", page, re.DOTALL,
        )
        assert entry is not None
        assert "Superseded by" in entry.group()
        assert "certainty-reported" in entry.group()
        ballard = (built / "shows/ballard/season-2/index.html").read_text()
        assert "Spoiler: show the plot point" in ballard
        assert ">Expected<" in ballard

    def test_sitemap_lists_every_page(self, built):
        """sitemap.xml lists the index and every show and season page."""
        text = (built / "sitemap.xml").read_text()
        pages = {
            BASE + p.relative_to(built).as_posix()[: -len("index.html")]
            for p in built.rglob("index.html")
        }
        assert pages == set(re.findall(r"<loc>([^<]+)</loc>", text))

    def test_sitemap_addresses_are_escaped_one_by_one(self):
        """Escaped together, each address is as if escaped alone."""
        written = {}

        class Folder:
            def write(self, path, raw):
                written[path] = raw

        urls = [(BASE + "a&b/", "2026-01-02"), (BASE + "line\nbreak/", None),
                (BASE + "<c>/", None), (BASE + "d/", "2026-03-04")]
        for chosen in (urls, [u for u in urls if "\n" not in u[0]]):
            site_module._write_sitemaps(Folder(), Site(BASE), chosen)
            locs = re.findall(r"<loc>([^<]*)</loc>",
                              written["sitemap.xml"].decode())
            assert [html.escape(u, quote=True) for u, _ in chosen] == locs
            assert written["sitemap.xml"].decode().count("<lastmod>") == 2

    def test_big_sitemaps_are_split(self, tmp_path, monkeypatch):
        """Past the per-file limit, sitemap.xml is an index of sitemaps."""
        monkeypatch.setattr(site_module, "SITEMAP_LIMIT", 5)
        build_site(EXAMPLES, tmp_path / "s", base_url=BASE)
        index = (tmp_path / "s" / "sitemap.xml").read_text()
        assert "<sitemapindex" in index
        parts = re.findall(r"<loc>([^<]+)</loc>", index)
        assert len(parts) >= 3
        assert all((tmp_path / "s" / p[len(BASE):]).exists() for p in parts)


def sf_jsonld():
    """The JSON-LD module (imported late: it is large)."""
    from showfacts import jsonld

    return jsonld


class TestBuild:
    """Deterministic, parallel, atomic."""

    def test_building_twice_gives_identical_trees(self, tmp_path):
        """The same input gives byte-identical trees."""
        build_site(EXAMPLES, tmp_path / "a", base_url=BASE)
        build_site(sorted(EXAMPLES.iterdir(), reverse=True), tmp_path / "b",
                   base_url=BASE)
        assert _tree(tmp_path / "a") == _tree(tmp_path / "b")

    def test_jobs_give_the_same_tree(self, tmp_path):
        """Rendering in parallel processes writes the same bytes."""
        build_site(EXAMPLES, tmp_path / "one", base_url=BASE)
        build_site(EXAMPLES, tmp_path / "two", base_url=BASE, jobs=2)
        assert _tree(tmp_path / "one") == _tree(tmp_path / "two")

    def test_a_failed_build_leaves_the_previous_site(self, tmp_path,
                                                     monkeypatch):
        """A build that fails half-way leaves the old site byte-identical."""
        out = tmp_path / "site"
        build_site(EXAMPLES, out, base_url=BASE)
        before = _tree(out)
        real = site_module._write_show
        calls = []

        def failing(*args, **kwargs):
            calls.append(1)
            if len(calls) == 3:
                raise RuntimeError("disk full (injected)")
            return real(*args, **kwargs)

        monkeypatch.setattr(site_module, "_write_show", failing)
        with pytest.raises(RuntimeError, match="injected"):
            build_site(EXAMPLES, out, base_url=BASE, cache=False)
        assert before == _tree(out)
        assert {"site", ".site.showfacts"} == {
            p.name for p in tmp_path.iterdir()
        }
        live = out.readlink().name
        assert {".lock", "cache", live, f"{live}.state"} == {
            p.name for p in (tmp_path / ".site.showfacts").iterdir()
        }

    def test_invalid_data_leaves_the_previous_site(self, tmp_path):
        """Invalid files: every problem reported, nothing replaced."""
        data = examples_in(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        before = _tree(out)
        (data / "zz-broken.yaml").write_text(declared("id: x\ntitel: X\n"))
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, out, base_url=BASE)
        assert {"$", "$.titel"} == {p.path for p in info.value.problems}
        assert before == _tree(out)
        assert {"data", "site", ".site.showfacts"} == {
            p.name for p in tmp_path.iterdir()
        }

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_the_catalog_checks_see_works_and_franchises(self, tmp_path,
                                                         jobs):
        """Two files that name one work two ways: the build refuses."""
        data = tmp_path / "data"
        data.mkdir()
        for name, title in (("a", "The Book"), ("b", "Another Book")):
            (data / f"{name}.yaml").write_text(declared(
                f"id: {name}\ntitle: Show {name.upper()}\n"
                "franchise: {id: verse, name: Verse " + name + "}\n"
                f"works:\n  - {{id: book, kind: book, title: {title}}}\n"
            ))
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, tmp_path / "site", base_url=BASE, jobs=jobs)
        assert {("b.yaml", "$.works[0].title"),
                ("b.yaml", "$.franchise.name")} == {
            (pathlib.Path(p.file).name, p.path)
            for p in info.value.problems
        }
        assert not (tmp_path / "site").exists()

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_progress_is_reported_with_any_jobs(self, tmp_path, jobs):
        """Every show is counted once a pass, in order, whatever the jobs."""
        seen = []
        build_site(EXAMPLES, tmp_path / "s", base_url=BASE, jobs=jobs,
                   progress=lambda done, total: seen.append((done, total)))
        second = seen.index((0, 4), 1)
        for one in (seen[:second], seen[second:]):
            assert (0, 4) == one[0]
            assert (4, 4) == one[-1]
            assert [d for d, _ in one] == sorted(d for d, _ in one)

    def test_progress_is_reported(self, tmp_path):
        """The progress callback sees every show."""
        seen = []
        build_site(EXAMPLES, tmp_path / "s", base_url=BASE,
                   progress=lambda done, total: seen.append((done, total)))
        assert (0, 4) == seen[0]
        assert (4, 4) == seen[-1]


class TestCommand:
    """showfacts build."""

    def test_builds_quietly_when_not_a_terminal(self, tmp_path, capsys):
        """Exit 0; no progress display, one summary line on stderr."""
        out = tmp_path / "site"
        status, stdout, err = run(
            ["build", str(EXAMPLES), "--out", str(out), "--base-url", BASE],
            capsys=capsys,
        )
        assert (0, "") == (status, stdout)
        assert re.fullmatch(
            rf"built {re.escape(str(out))}: 4 shows, \d+ files in "
            r"\d+\.\d s\n", err,
        )
        assert "\r" not in err
        assert (out / "index.html").exists()
        assert (0, "", "") == run(
            ["build", str(EXAMPLES), "--out", str(out), "--base-url", BASE,
             "--quiet"], capsys=capsys,
        )

    def test_verbose_says_what_was_built(self, tmp_path, capsys):
        """-v reports shows and files."""
        status, out, _ = run(["build", str(EXAMPLES), "--out",
                              str(tmp_path / "s"), "-v"], capsys=capsys)
        assert 0 == status
        assert re.match(r"built .*: 4 shows, \d+ files\n", out)

    def test_invalid_data_exits_1(self, tmp_path, capsys):
        """Invalid files: exit 1, problems on stderr, no site."""
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "bad.yaml").write_text(declared("id: x\n"))
        status, _, err = run(["build", str(tmp_path / "data"), "--out",
                              str(tmp_path / "site")], capsys=capsys)
        assert 1 == status
        assert "missing required key 'title'" in err
        assert ["data"] == [p.name for p in tmp_path.iterdir()]

    @pytest.mark.parametrize("args", [
        ["build", str(EXAMPLES)],
        ["build", str(EXAMPLES), "--out", "x", "--jobs", "0"],
        ["build", "/nonexistent", "--out", "x"],
        ["build", str(EXAMPLES), "--out", "x", "--base-url", "ftp://x/"],
    ])
    def test_usage_errors_exit_2(self, args, capsys, tmp_path,
                                 monkeypatch):
        """Missing options, bad values and paths exit 2."""
        monkeypatch.chdir(tmp_path)
        assert 2 == run(args, capsys=capsys)[0]


def test_progress_shows_on_a_terminal(tmp_path):
    """On a terminal, build shows its progress on one line; -q hides it."""
    import os
    import pty

    def stderr_of(*extra: str) -> bytes:
        leader, follower = pty.openpty()
        try:
            done = subprocess.run(
                [sys.executable, "-m", "showfacts", "build", str(EXAMPLES),
                 "--out", str(tmp_path / "site"), *extra],
                stdout=subprocess.DEVNULL, stderr=follower, check=True,
            )
            os.close(follower)
            follower = -1
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            assert 0 == done.returncode
            return b"".join(chunks)
        finally:
            os.close(leader)
            if follower != -1:
                os.close(follower)

    shown = stderr_of()
    assert b"\rchecking: 0/4 shows" in shown
    assert b"\rrendering: 4/4 shows" in shown
    assert re.search(rb"rendering: 4/4 shows, [0-9,]+ shows/s, "
                     rb"\d+:\d\d elapsed, 0:00 left", shown)
    # the line ends before the summary, which is a line of its own
    assert re.search(rb"\r?\nbuilt [^\r\n]*: 4 shows, \d+ files in "
                     rb"\d+\.\d s\r?\n", shown)
    assert b"" == stderr_of("--quiet")
