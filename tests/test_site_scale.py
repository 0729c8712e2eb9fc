"""Catalog-scale building: check first, feed choices, pages of the index."""

from __future__ import annotations

import gc
import os
import pathlib
import re

import feedparser
import pytest
from lxml import etree, html

import showfacts as sf
from showfacts import site as site_module
from showfacts.config import load_config
from showfacts.models import Catalog
from showfacts.site import _pages, build_site
from tests.conftest import EXAMPLES, declared, examples_in
from tests.test_cli import run
from tests.test_site_folder import _spare


BASE = "https://example.org/tv/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _tree(root: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _links(page: pathlib.Path, rel: str) -> list[str]:
    doc = html.fromstring(page.read_bytes())
    return [a.get("href") for a in doc.iter("link", "a")
            if rel in (a.get("rel") or "").split()]


def _catalog(folder: pathlib.Path, count: int) -> pathlib.Path:
    """Made-up shows, one file each: show-000.yaml, show-001.yaml, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"show-{n:03d}.yaml").write_text(
            declared(f"id: show-{n:03d}\n"
                     f"title: Harbour Lights {n:03d}\n"),
            encoding="utf-8",
        )
    return folder


class TestCheckFirst:
    """Every file is loaded and checked before any page is rendered."""

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_a_bad_last_file_fails_before_rendering(self, tmp_path,
                                                    monkeypatch, jobs):
        """No page is rendered and no version folder is made."""
        data = _catalog(tmp_path / "data", 12)
        (data / "zz-broken.yaml").write_text(
            declared("id: broken\ntitel: X\n"))
        (data / "zz-worse.yaml").write_text(declared("title: No Id\n"))
        rendered = []

        def spy(*_args: object, **_kwargs: object) -> None:
            rendered.append(1)
            raise AssertionError("a page was rendered")

        monkeypatch.setattr(_pages.Pages, "show_pages", spy)
        monkeypatch.setattr(site_module, "_write_show", spy)
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, tmp_path / "site", base_url=BASE, jobs=jobs)
        found = {(pathlib.Path(p.file).name, p.path)
                 for p in info.value.problems}
        # every problem of every bad file, not only the first
        assert {"zz-broken.yaml", "zz-worse.yaml"} == {f for f, _ in found}
        assert ("zz-broken.yaml", "$.titel") in found
        assert [] == rendered
        assert ["data"] == sorted(p.name for p in tmp_path.iterdir())

    def test_a_show_a_writer_refuses_is_named(self, tmp_path, monkeypatch,
                                             capsys):
        """A writer's refusal names the show file; the old site stays."""
        from showfacts import feeds

        data = _catalog(tmp_path / "data", 3)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        before = _tree(out)
        real = feeds.render

        def refusing(feed, fmt):
            if "Harbour Lights 001" in feed.title:
                raise sf.RenderError("the rss feed cannot be written: no")
            return real(feed, fmt)

        monkeypatch.setattr(feeds, "render", refusing)
        (data / "show-001.yaml").write_text(declared(
            "id: show-001\ntitle: Harbour Lights 001\ndescription: New.\n"))
        status, _, err = run(["build", str(data), "--out", str(out),
                              "--base-url", BASE, "--jobs", "1"],
                             capsys=capsys)
        assert 1 == status
        assert "show-001.yaml: $: cannot be published: the rss feed" in err
        assert "Traceback" not in err
        assert before == _tree(out)

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_what_is_rendered_is_what_was_checked(self, tmp_path, jobs):
        """A file edited once checked is not read again: no unchecked id."""
        data = _catalog(tmp_path / "data", 12)
        calls: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> None:
            calls.append((done, total))
            if calls.count((0, total)) == 2:  # rendering starts
                # Checked alone this would be refused: show-000 is taken.
                (data / "show-005.yaml").write_text(declared(
                    "id: show-000\ntitle: Harbour Lights Taken\n"))

        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, jobs=jobs, progress=progress,
                   cache=False)
        assert calls.count((0, 12)) == 2
        page = (out / "shows" / "show-005" / "index.html").read_text()
        assert "Harbour Lights 005" in page
        assert "Taken" not in (out / "shows" / "show-000" /
                               "index.html").read_text()

    def test_catalog_problems_fail_before_rendering(self, tmp_path,
                                                    monkeypatch):
        """Two files with one id: refused before any page is written."""
        data = _catalog(tmp_path / "data", 3)
        (data / "zz-again.yaml").write_text(
            declared("id: show-000\ntitle: Harbour Lights Again\n")
        )
        monkeypatch.setattr(site_module, "_write_show", None)
        with pytest.raises(sf.InvalidDataError) as info:
            build_site(data, tmp_path / "site", base_url=BASE)
        assert any(pathlib.Path(p.file).name == "zz-again.yaml"
                   for p in info.value.problems)
        assert ["data"] == sorted(p.name for p in tmp_path.iterdir())


    def test_a_rebuild_finds_what_a_cold_build_finds(self, tmp_path):
        """
        A rebuild's catalog check finds what a whole check finds.

        After a build, only the new shows are checked against the rest:
        the same problems, in the same order.
        """
        data = _catalog(tmp_path / "data", 4)
        for n in range(2):
            (data / f"cast-{n}.yaml").write_text(declared(
                f"id: cast-{n}\ntitle: Cast {n}\n"
                "people:\n  - {id: ann-lee, name: Ann Lee}\n"
                f"  - {{id: only-{n}, name: Only {n}}}\n"
            ))
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)

        def problems(**options: object) -> list[tuple[str, str, str]]:
            with pytest.raises(sf.InvalidDataError) as info:
                build_site(data, out, base_url=BASE, **options)
            return [(pathlib.Path(p.file).name, p.path, p.message)
                    for p in info.value.problems]

        for name, text in [
            # an edited show names a person the others know otherwise
            ("show-001.yaml", "id: show-001\ntitle: X\n"
             "people:\n  - {id: ann-lee, name: Anne Lee}\n"),
            # a new show takes an unchanged show's id
            ("zz-again.yaml", "id: cast-0\ntitle: Again\n"),
            # two new shows disagree with each other only
            ("zz-new.yaml", "id: zz-new\ntitle: New\n"
             "people:\n  - {id: fresh, name: One}\n"),
        ]:
            (data / name).write_text(declared(text))
            if name == "zz-new.yaml":
                (data / "zz-newer.yaml").write_text(declared(
                    "id: zz-newer\ntitle: Newer\n"
                    "people:\n  - {id: fresh, name: Two}\n"))
            found = problems()
            assert found == problems(cache=False)
            assert found, name
            for made in ("zz-again.yaml", "zz-new.yaml", "zz-newer.yaml"):
                (data / made).unlink(missing_ok=True)
            _catalog(data, 4)  # show-001 as it was
        assert 6 == build_site(data, out, base_url=BASE).reused

    def test_a_shared_id_is_looked_up_in_its_own_collection(self, tmp_path):
        """
        A kept show with the id in another collection does not answer it.

        The rebuild's check takes one kept show's name for each id a new
        show gives, collection by collection; names with tabs, line breaks
        and backslashes (packed in the build cache) compare as they are.
        """
        data = tmp_path / "data"
        data.mkdir()
        name = '"Ann\\tLee\\\\ \\n"'  # a tab, a backslash, a line break
        (data / "a.yaml").write_text(declared(
            "id: a\ntitle: A\ncharacters:\n  - {id: ann, names: [Ann]}\n"))
        (data / "b.yaml").write_text(declared(
            f"id: b\ntitle: B\npeople:\n  - {{id: ann, name: {name}}}\n"))
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        for given, fails in [(name, False), ('"Ann Lee"', True)]:
            (data / "c.yaml").write_text(declared(
                f"id: c\ntitle: C\npeople:\n  - {{id: ann, name: {given}}}\n"))
            if fails:
                with pytest.raises(sf.InvalidDataError) as info:
                    build_site(data, out, base_url=BASE)
                assert ["$.people[0].name"] == [
                    p.path for p in info.value.problems]
            else:
                assert 2 == build_site(data, out, base_url=BASE).reused


class TestFeedChoice:
    """--feeds rss,atom,json: only the chosen formats are written."""

    def test_only_the_chosen_feeds_are_written_and_linked(self, tmp_path):
        """Atom alone: no RSS or JSON Feed files, links or alternates."""
        out = tmp_path / "site"
        build_site(EXAMPLES, out, base_url=BASE, feeds=["atom"])
        files = _tree(out)
        assert "atom.xml" in files
        assert "shows/ballard/atom.xml" in files
        assert not [f for f in files
                    if f.endswith(("feed.xml", "feed.json"))]
        parsed = feedparser.parse(files["shows/ballard/atom.xml"])
        assert not parsed.bozo
        assert parsed.version == "atom10"
        for page in ("index.html", "shows/ballard/index.html"):
            text = files[page].decode()
            assert "application/atom+xml" in text
            assert "application/rss+xml" not in text
            assert "feed.json" not in text
            assert "feed.xml" not in text

    def test_no_feeds(self, tmp_path):
        """An empty choice: no feeds at all, the calendars stay."""
        out = tmp_path / "site"
        result = build_site(EXAMPLES, out, base_url=BASE, feeds=[])
        files = _tree(out)
        assert not [f for f in files
                    if f.endswith(("feed.xml", "atom.xml", "feed.json"))]
        assert "premieres.ics" in files
        assert len(files) == result.files + 1  # and the manifest

    def test_all_feeds_by_default_and_in_any_order(self, tmp_path):
        """The default is all three; the order given does not matter."""
        build_site(EXAMPLES, tmp_path / "a", base_url=BASE)
        build_site(EXAMPLES, tmp_path / "b", base_url=BASE,
                   feeds=["json", "rss", "atom", "rss"])
        assert _tree(tmp_path / "a") == _tree(tmp_path / "b")

    def test_an_unknown_format_is_refused(self, tmp_path):
        """A ValueError before anything is written."""
        with pytest.raises(ValueError, match="'rdf'"):
            build_site(EXAMPLES, tmp_path / "site", base_url=BASE,
                       feeds=["rss", "rdf"])
        assert [] == list(tmp_path.iterdir())

    def test_the_config_chooses_and_the_option_wins(self, tmp_path,
                                                    capsys):
        """The feeds key of showfacts.toml; --feeds overrides it."""
        data = _catalog(tmp_path / "data", 2)
        (data / "showfacts.toml").write_text('feeds = ["json"]\n')
        assert ("json",) == load_config(data / "showfacts.toml").feeds
        out = tmp_path / "site"
        assert 0 == run(["build", str(data), "--out", str(out),
                         "--base-url", BASE, "-q"], capsys=capsys)[0]
        assert {"feed.json"} == {
            f.rpartition("/")[2] for f in _tree(out)
            if f.endswith(("feed.xml", "atom.xml", "feed.json"))
        }
        assert 0 == run(["build", str(data), "--out", str(out),
                         "--base-url", BASE, "-q", "--feeds", "rss,atom"],
                        capsys=capsys)[0]
        assert {"feed.xml", "atom.xml"} == {
            f.rpartition("/")[2] for f in _tree(out)
            if f.endswith(("feed.xml", "atom.xml", "feed.json"))
        }

    @pytest.mark.parametrize("text", ['feeds = ["rdf"]', 'feeds = "rss"',
                                      "per_page = 0", "per_page = true"])
    def test_bad_config_values_exit_2(self, tmp_path, capsys, text):
        """A wrong feeds or per_page value in showfacts.toml: exit 2."""
        data = _catalog(tmp_path / "data", 1)
        (data / "showfacts.toml").write_text(text + "\n")
        status, _, err = run(["build", str(data), "--out",
                              str(tmp_path / "site")], capsys=capsys)
        assert 2 == status
        assert "showfacts.toml" in err

    @pytest.mark.parametrize("args", [["--feeds", "rss,rdf"],
                                      ["--feeds", ""],
                                      ["--per-page", "0"]])
    def test_bad_options_exit_2(self, tmp_path, capsys, args):
        """An unknown format or a page of no shows is a usage error."""
        status, _, err = run(["build", str(EXAMPLES), "--out",
                              str(tmp_path / "site"), *args],
                             capsys=capsys)
        assert 2 == status
        assert "--" in err
        assert not (tmp_path / "site").exists()


class TestPagination:
    """--per-page N: the index in pages linked by rel prev and next."""

    def test_pages_hold_every_show_once_in_order(self, tmp_path):
        """Seven shows, three a page: index.html, page/2/, page/3/."""
        data = _catalog(tmp_path / "data", 7)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, per_page=3)
        pages = [out / "index.html", out / "page/2/index.html",
                 out / "page/3/index.html"]
        assert not (out / "page/4").exists()
        assert not (out / "page/1").exists()
        titles = []
        for page in pages:
            doc = html.fromstring(page.read_bytes())
            titles.append([a.text for a in
                           doc.xpath("//ul[@class='shows']//a")])
        assert [3, 3, 1] == [len(t) for t in titles]
        assert [f"Harbour Lights {n:03d}" for n in range(7)] == [
            t for group in titles for t in group
        ]
        # the links of each page lead to the shows, relatively
        doc = html.fromstring(pages[1].read_bytes())
        hrefs = [a.get("href") for a in doc.xpath("//ul[@class='shows']//a")]
        assert "../../shows/show-003/index.html" == hrefs[0]
        assert (out / "page/2" / hrefs[0]).resolve().is_file()

    def test_rel_prev_and_next(self, tmp_path):
        """Head links and pager links: first no prev, last no next."""
        data = _catalog(tmp_path / "data", 7)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, per_page=3)
        first, middle, last = (out / "index.html", out / "page/2/index.html",
                               out / "page/3/index.html")
        assert [] == _links(first, "prev")
        assert {"page/2/index.html"} == set(_links(first, "next"))
        assert {"../../index.html"} == set(_links(middle, "prev"))
        assert {"../3/index.html"} == set(_links(middle, "next"))
        assert {"../2/index.html"} == set(_links(last, "prev"))
        assert [] == _links(last, "next")
        canonical = html.fromstring(middle.read_bytes()).xpath(
            '//link[@rel="canonical"]')[0].get("href")
        assert BASE + "page/2/" == canonical
        assert "page 2 of 3" in html.fromstring(
            middle.read_bytes()).findtext(".//title")

    def test_positions_continue_across_pages(self, tmp_path):
        """The ItemList of page 2 starts where page 1 ended."""
        import json

        data = _catalog(tmp_path / "data", 5)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, per_page=2)
        text = (out / "page/2/index.html").read_text()
        graph = json.loads(re.search(
            r'<script type="application/ld\+json">(.*?)</script>', text,
            re.DOTALL).group(1))
        lists = [n for n in graph["@graph"] if n["@type"] == "ItemList"]
        assert [3, 4] == [i["position"]
                          for i in lists[0]["itemListElement"]]
        assert BASE + "page/2/#shows" == lists[0]["@id"]

    def test_pages_are_in_the_sitemap(self, tmp_path):
        """Every page of the index is listed, once."""
        data = _catalog(tmp_path / "data", 5)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, per_page=2)
        sitemap = etree.parse(str(out / "sitemap.xml"))
        locs = [e.text for e in sitemap.iter(SITEMAP + "loc")]
        assert [BASE, BASE + "page/2/", BASE + "page/3/"] == [
            u for u in locs if not u.startswith(BASE + "shows/")
        ]
        assert len(locs) == len(set(locs))

    def test_one_page_is_the_plain_index(self, tmp_path):
        """per_page at or above the catalog: the site of no per_page."""
        build_site(EXAMPLES, tmp_path / "a", base_url=BASE)
        build_site(EXAMPLES, tmp_path / "b", base_url=BASE, per_page=4)
        assert _tree(tmp_path / "a") == _tree(tmp_path / "b")

    def test_a_preview_is_paginated_too(self, tmp_path, capsys):
        """Without a base URL: the pages link relatively, from disk."""
        data = _catalog(tmp_path / "data", 3)
        out = tmp_path / "site"
        assert 0 == run(["build", str(data), "--out", str(out),
                         "--per-page", "2", "-q"], capsys=capsys)[0]
        assert {"page/2/index.html"} == set(_links(out / "index.html", "next"))
        assert (out / "page/2/index.html").is_file()

    def test_a_bad_per_page_is_refused(self, tmp_path):
        """Zero shows a page is a ValueError."""
        with pytest.raises(ValueError, match="per_page"):
            build_site(EXAMPLES, tmp_path / "s", base_url=BASE, per_page=0)


class TestProgressLine:
    """The progress line's words, with a clock the test drives."""

    def test_rate_elapsed_and_left(self):
        """Shows done, rate, elapsed and remaining; stages in order."""
        import io

        from showfacts._progress import Progress

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        now = [100.0]
        screen = Terminal()
        progress = Progress(screen, enabled=True, clock=lambda: now[0])
        progress(0, 400)
        now[0] += 2
        progress(200, 400)
        now[0] += 2
        progress(400, 400)
        now[0] += 1
        progress(0, 400)
        now[0] += 10
        progress(100, 400)
        progress.close()
        lines = screen.getvalue().split("\r")
        assert "checking: 0/400 shows, 0:00 elapsed\x1b[K" == lines[1]
        assert ("checking: 200/400 shows, 100 shows/s, 0:02 elapsed, "
                "0:02 left\x1b[K") == lines[2]
        assert lines[3].startswith("checking: 400/400 shows, 100 shows/s")
        assert lines[4].startswith("rendering: 0/400 shows")
        assert ("rendering: 100/400 shows, 10 shows/s, 0:15 elapsed, "
                "0:30 left\x1b[K\n") == lines[5]

    def test_nothing_off_a_terminal(self):
        """Not a terminal: the callback counts but draws nothing."""
        import io

        from showfacts._progress import Progress

        screen = io.StringIO()
        progress = Progress(screen, enabled=True)
        progress(0, 3)
        progress(3, 3)
        progress.close()
        assert "" == screen.getvalue()

    def test_the_summary_is_one_safe_line(self):
        """A site name with controls cannot drive the terminal."""
        from showfacts._progress import duration, summary

        assert "built a\\x1b[2Jb: 1 show, 9 files in 0.3 s" == summary(
            "a\x1b[2Jb", 1, 9, 0.26)
        assert "1:01:05" == duration(3665)


class TestAllCores:
    """By default a build uses every processor the catalog keeps busy."""

    def test_the_default_uses_every_processor(self, tmp_path, monkeypatch):
        """Two processors, enough files: two workers; the same bytes."""
        import concurrent.futures

        made = []

        class Pool(concurrent.futures.ProcessPoolExecutor):
            def __init__(self, max_workers: int, **kwargs: object) -> None:
                made.append(max_workers)
                super().__init__(max_workers, **kwargs)

        data = _catalog(tmp_path / "data", 12)
        build_site(data, tmp_path / "one", base_url=BASE, jobs=1)
        assert [] == made
        monkeypatch.setattr(site_module, "cpus", lambda: 2)
        monkeypatch.setattr(site_module, "FILES_PER_WORKER", 4)
        monkeypatch.setattr(site_module.concurrent.futures,
                            "ProcessPoolExecutor", Pool)
        build_site(data, tmp_path / "all", base_url=BASE)
        assert [2, 2] == made  # one pool to check, one to render
        assert _tree(tmp_path / "one") == _tree(tmp_path / "all")

    def test_a_small_catalog_stays_in_this_process(self, monkeypatch):
        """Fewer files than a worker's worth: no worker processes."""
        monkeypatch.setattr(site_module, "cpus", lambda: 64)
        assert 1 == site_module._workers(site_module.FILES_PER_WORKER - 1)
        assert 3 == site_module._workers(3 * site_module.FILES_PER_WORKER)
        assert 64 == site_module._workers(10_000)

    def test_cpus_is_what_this_process_may_use(self):
        """At least one, at most the machine's."""
        import os

        assert 1 <= site_module.cpus() <= (os.cpu_count() or 1)

    def test_work_goes_in_batches(self):
        """Several files a message, about eight batches a worker."""
        files = [f"{n}.yaml" for n in range(1000)]
        batches = site_module._batches(files, 2)
        assert files == [f for b in batches for f in b]
        assert 16 <= len(batches) <= 20
        assert [[f] for f in files[:3]] == site_module._batches(files[:3], 1)


class TestIncremental:
    """A rebuild reuses unchanged shows' files and equals a cold build."""

    @staticmethod
    def _cold(data: pathlib.Path, tmp_path: pathlib.Path,
              **options: object) -> dict[str, bytes]:
        cold = tmp_path / f"cold-{len(list(tmp_path.iterdir()))}"
        build_site(data, cold, base_url=BASE, cache=False, **options)
        return _tree(cold)

    @staticmethod
    def _entries(out: pathlib.Path) -> set[str]:
        cache = out.parent / f".{out.name}.showfacts" / "cache"
        return {p.name for p in (cache / "entries").glob("*/*")}

    def test_edit_add_rename_delete_and_options(self, tmp_path):
        """After each change the site equals a cold build, byte for byte."""
        data = examples_in(_catalog(tmp_path / "data", 6))
        out = tmp_path / "site"
        first = build_site(data, out, base_url=BASE)
        assert (10, 0) == (first.shows, first.reused)
        assert _tree(out) == self._cold(data, tmp_path)

        again = build_site(data, out, base_url=BASE)
        assert 10 == again.reused
        assert _tree(out) == self._cold(data, tmp_path)

        # edit one show: its title moves it in the index too
        (data / "show-002.yaml").write_text(declared(
            "id: show-002\ntitle: Aardvark Nights\n"
            "description: Renamed for its second season.\n"
        ))
        edited = build_site(data, out, base_url=BASE)
        assert 9 == edited.reused
        assert "Aardvark Nights" in (out / "index.html").read_text()
        assert _tree(out) == self._cold(data, tmp_path)

        # add one, rename one, delete one
        (data / "zz-new.yaml").write_text(
            declared("id: zz-new\ntitle: New One\n"))
        (data / "show-003.yaml").rename(data / "renamed.yaml")
        (data / "show-004.yaml").unlink()
        changed = build_site(data, out, base_url=BASE)
        assert (10, 9) == (changed.shows, changed.reused)
        assert not (out / "shows" / "show-004").exists()
        assert _tree(out) == self._cold(data, tmp_path)

        # an option: every show again, and the same as cold
        fewer = build_site(data, out, base_url=BASE, feeds=["atom"],
                           claims=True)
        assert 0 == fewer.reused
        assert _tree(out) == self._cold(data, tmp_path, feeds=["atom"],
                                        claims=True)
        # the cache holds what the last build used, no more
        assert 30 == len(self._entries(out))  # records, items, events

        # back to the defaults, in two processes
        back = build_site(data, out, base_url=BASE, jobs=2)
        assert 0 == back.reused
        assert _tree(out) == self._cold(data, tmp_path)

    def test_a_theme_change_renders_again(self, tmp_path):
        """The theme's files are part of what a page depends on."""
        data = _catalog(tmp_path / "data", 3)
        theme = tmp_path / "look"
        (theme / "static").mkdir(parents=True)
        (theme / "templates").mkdir()
        (theme / "static" / "style.css").write_text("p {}\n")
        template = theme / "templates" / "show.html"
        template.write_text(
            '{% extends "base.html" %}{% block main %}<p>Theirs: '
            "{{ show.title }}</p>{% endblock %}\n"
        )
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE, theme=theme)
        template.write_text(
            '{% extends "base.html" %}{% block main %}<p>Mine: '
            "{{ show.title }}</p>{% endblock %}\n"
        )
        os.utime(template, (1, 1))  # a new time, however coarse the clock
        rebuilt = build_site(data, out, base_url=BASE, theme=theme)
        assert 0 == rebuilt.reused
        assert "<p>Mine: Harbour Lights 001</p>" in (
            out / "shows/show-001/index.html").read_text()
        assert _tree(out) == self._cold(data, tmp_path, theme=theme)

    def test_the_catalog_calendar_is_cut_from_the_last_one(
        self, tmp_path, monkeypatch,
    ):
        """An edit that moves an event reads no other show's from its entry."""
        data = examples_in(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        read: list[str] = []
        cache_type = site_module._buildcache.Cache
        real = cache_type.events
        monkeypatch.setattr(cache_type, "events", lambda self, key: (
            read.append(key), real(self, key))[1])
        bosch = data / "bosch.yaml"

        def rename(title: str) -> None:
            text = bosch.read_text(encoding="utf-8")
            bosch.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}",
                                      text, count=1), encoding="utf-8")

        rename("Bosch Renamed")
        before = (out / "premieres.ics").read_bytes()
        rebuilt = build_site(data, out, base_url=BASE)
        assert 3 == rebuilt.reused
        assert before != (out / "premieres.ics").read_bytes()
        assert [] == read
        assert _tree(out) == self._cold(data, tmp_path)
        # the kept calendar damaged: the show it no longer matches is read
        kept = tmp_path / ".site.showfacts" / "cache" / "calendar"
        raw = kept.read_bytes()
        at = raw.index(b"SUMMARY:Harbor Lights")
        kept.write_bytes(raw[:at] + b"summary:" + raw[at + 8:])
        rename("Bosch Renamed Again")
        rebuilt = build_site(data, out, base_url=BASE)
        assert 1 == len(read)
        assert _tree(out) == self._cold(data, tmp_path)

    def test_unchanged_show_files_are_not_opened_to_be_found(
        self, tmp_path, monkeypatch,
    ):
        """A file that declared the schema and is as it was is not read."""
        from showfacts import _discovery, loading
        from showfacts.config import SiteConfig

        data = _catalog(tmp_path / "data", 4)
        (data / "plain.yaml").write_text("id: plain\ntitle: Plain\n")
        for file in data.iterdir():  # older than a build trusts
            os.utime(file, (1_000_000_000, 1_000_000_000))
        out = tmp_path / "site"
        config = SiteConfig(include=("plain.yaml",))
        build_site(data, out, base_url=BASE, config=config)
        looked: list[bytes] = []
        real = _discovery.examine
        monkeypatch.setattr(loading._discovery, "examine",
                            lambda head, fmt: (looked.append(head),
                                               real(head, fmt))[1])
        rebuilt = build_site(data, out, base_url=BASE, config=config)
        assert 5 == rebuilt.reused
        assert [] == looked
        # one edited, one no longer declaring the schema: both are read
        edited = data / "show-001.yaml"
        edited.write_text(edited.read_text() + "description: Edited.\n")
        undeclared = data / "show-002.yaml"
        undeclared.write_text("id: show-002\ntitle: Harbour Lights 002\n")
        for file in (edited, undeclared):
            os.utime(file, (1_000_000_000, 1_000_000_000))
        rebuilt = build_site(data, out, base_url=BASE, config=config)
        assert 2 == len(looked)
        assert (4, 3) == (rebuilt.shows, rebuilt.reused)
        # files that do not declare it (one included by a pattern) are
        # read again, and no longer shows without the pattern
        looked.clear()
        rebuilt = build_site(data, out, base_url=BASE)
        assert sorted(looked) == sorted(
            f.read_bytes() for f in (undeclared, data / "plain.yaml"))
        assert 3 == rebuilt.shows

    def test_a_published_file_edited_in_place_is_not_reused(self, tmp_path):
        """A damaged cache (a file edited through its hard link) is a miss."""
        data = _catalog(tmp_path / "data", 3)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        page = out / "shows/show-001/index.html"
        with page.open("ab") as handle:  # in place: the blob changes too
            handle.write(b"<!-- edited -->")
        rebuilt = build_site(data, out, base_url=BASE)
        assert 2 == rebuilt.reused
        assert _tree(out) == self._cold(data, tmp_path)

    def test_a_damaged_entry_is_a_miss(self, tmp_path):
        """A damaged index and entries: the shows are rendered again."""
        data = _catalog(tmp_path / "data", 2)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        cache = tmp_path / ".site.showfacts" / "cache"
        (cache / "index").write_bytes(b"not an index")
        for entry in (cache / "entries").glob("*/*"):
            if "." not in entry.name:
                entry.write_bytes(b"not a record")
        rebuilt = build_site(data, out, base_url=BASE)
        assert 0 == rebuilt.reused
        assert _tree(out) == self._cold(data, tmp_path)
        # a show's kept news items gone: that show is rendered again
        items = sorted((cache / "entries").glob("*/*.items"))
        assert 2 == len(items)
        items[0].unlink()
        rebuilt = build_site(data, out, base_url=BASE)
        assert 1 == rebuilt.reused
        assert _tree(out) == self._cold(data, tmp_path)

    def test_records_kept_before_names_were_packed_are_read(self, tmp_path):
        """
        An index and entries whose records hold names as tuples still count.

        The shape of the build cache before names were packed in two
        strings: a rebuild reuses every show, equals a cold build, and
        keeps the index in the new shape.
        """
        import marshal

        from showfacts.site._buildcache import Record

        def unpacked(plain: tuple[object, ...]) -> tuple[object, ...]:
            record = Record.from_plain(plain)
            assert record is not None
            at = plain.index(record.ids)
            return (*plain[:at], record.catalog_names(), *plain[at + 2:])

        data = examples_in(_catalog(tmp_path / "data", 2))
        out = tmp_path / "site"
        first = build_site(data, out, base_url=BASE)
        cache = tmp_path / ".site.showfacts/cache"
        recipe, inputs, records, heads = marshal.loads(  # noqa: S302
            (cache / "index").read_bytes())
        older = {k: unpacked(r) for k, r in records.items()}
        assert any(r[3] for r in older.values())  # names, as tuples
        (cache / "index").write_bytes(marshal.dumps((
            recipe, inputs, older, heads)))
        for path in (cache / "entries").glob("*/*"):
            if "." not in path.name:
                path.write_bytes(marshal.dumps(unpacked(
                    marshal.loads(path.read_bytes()))))  # noqa: S302
        rebuilt = build_site(data, out, base_url=BASE)
        assert first.shows == rebuilt.reused
        assert _tree(out) == self._cold(data, tmp_path)
        _, _, records, _ = marshal.loads(  # noqa: S302
            (cache / "index").read_bytes())
        assert {k: Record.from_plain(r) for k, r in older.items()} == {
            k: Record.from_plain(r) for k, r in records.items()}
        assert {len(r) for r in records.values()} == {
            len(r) + 1 for r in older.values()}

    def test_the_cache_is_not_part_of_the_site(self, tmp_path):
        """Outside every version folder; not in the manifest."""
        import json

        data = _catalog(tmp_path / "data", 2)
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        build_site(data, out, base_url=BASE)
        listed = json.loads((out / ".showfacts-site.json").read_text())
        assert not [f for f in listed["files"] if "cache" in f]
        store = tmp_path / ".site.showfacts"
        versions = {out.readlink().name, _spare(out)}
        assert {".lock", "cache"} | versions | {
            f"{v}.state" for v in versions
        } == {p.name for p in store.iterdir()}

    def test_a_failed_first_build_leaves_no_cache(self, tmp_path,
                                                  monkeypatch):
        """The store a failed build made goes whole, with its cache."""
        data = _catalog(tmp_path / "data", 3)
        real = site_module._write_catalog

        def failing(*args: object, **kwargs: object) -> int:
            real(*args, **kwargs)
            raise RuntimeError("injected")

        monkeypatch.setattr(site_module, "_write_catalog", failing)
        with pytest.raises(RuntimeError, match="injected"):
            build_site(data, tmp_path / "site", base_url=BASE)
        assert ["data"] == sorted(p.name for p in tmp_path.iterdir())

    def test_the_command_says_what_it_reused(self, tmp_path, capsys):
        """--no-cache renders all; the summary counts reused shows."""
        data = _catalog(tmp_path / "data", 2)
        out = str(tmp_path / "site")
        run(["build", str(data), "--out", out], capsys=capsys)
        _, _, err = run(["build", str(data), "--out", out], capsys=capsys)
        assert ": 2 shows (2 unchanged), " in err
        _, _, err = run(["build", str(data), "--out", out, "--no-cache"],
                        capsys=capsys)
        assert "unchanged" not in err


class TestCatalogCalendar:
    """The catalog's calendar is kept while no premiere changes."""

    def test_kept_and_made_again(self, tmp_path, monkeypatch):
        """An edit without premieres reuses it; a new date makes it anew."""
        from showfacts import calendar

        data = examples_in(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        made = []
        real = calendar.assemble

        def counting(data: object, *args: object) -> str:
            made.append(isinstance(data, Catalog))  # not one show's
            return real(data, *args)

        monkeypatch.setattr(calendar, "assemble", counting)
        ballard = data / "ballard.yaml"
        text = ballard.read_text(encoding="utf-8")
        ballard.write_text(text.replace(
            "description: >-", "description: >-\n  Edited.", 1),
            encoding="utf-8")
        build_site(data, out, base_url=BASE)
        assert True not in made  # the catalog's calendar was kept
        cold = tmp_path / "cold"
        build_site(data, cold, base_url=BASE, cache=False)
        assert _tree(out) == _tree(cold)

        bosch = data / "bosch.yaml"
        bosch.write_text(bosch.read_text(encoding="utf-8").replace(
            "date: 2015-02-13", "date: 2015-02-14"), encoding="utf-8")
        made.clear()
        build_site(data, out, base_url=BASE)
        assert True in made
        assert b"DTSTART;VALUE=DATE:20150214" in (
            out / "premieres.ics").read_bytes()
        build_site(data, cold, base_url=BASE, cache=False)
        assert _tree(out) == _tree(cold)


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """
    A build leaves the collector enabled or not, and thaws what it froze.

    It pauses and freezes the collector for its bulk reads; a process's
    own frozen objects stay frozen.
    """
    data = _catalog(tmp_path / "data", 3)
    out = tmp_path / "site"
    assert gc.isenabled()
    assert 0 == gc.get_freeze_count()
    for _ in range(2):  # a first build, and one with a cache and a spare
        build_site(data, out, base_url=BASE)
        assert gc.isenabled()
        assert 0 == gc.get_freeze_count()
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        build_site(data, out, base_url=BASE, title="Other")
        # Neither thawed (0) nor frozen more (some of its own died since).
        assert 0 < gc.get_freeze_count() <= mine
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        build_site(data, out, base_url=BASE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_entry_cannot_place_files_outside_the_site(tmp_path):
    """A tampered record naming ../ is a miss; nothing lands outside."""
    import marshal

    import attrs

    from showfacts.site._buildcache import Record

    def tampered(plain: object) -> object:
        record = Record.from_plain(plain)
        assert record is not None
        _, digest = record.files[0]
        return attrs.evolve(record, files=(
            ("../../escaped.html", digest), *record.files)).plain()

    data = _catalog(tmp_path / "data", 2)
    out = tmp_path / "site"
    build_site(data, out, base_url=BASE)
    cache = tmp_path / ".site.showfacts/cache"
    recipe, inputs, records, heads = marshal.loads(  # noqa: S302
        (cache / "index").read_bytes())
    (cache / "index").write_bytes(marshal.dumps((
        recipe, inputs, {k: tampered(r) for k, r in records.items()},
        heads)))
    for path in (cache / "entries").glob("*/*"):
        if "." not in path.name:
            path.write_bytes(marshal.dumps(tampered(
                marshal.loads(path.read_bytes()))))  # noqa: S302
    rebuilt = build_site(data, out, base_url=BASE)
    assert 0 == rebuilt.reused
    assert not list(tmp_path.rglob("escaped.html"))
    cold = tmp_path / "cold"
    build_site(data, cold, base_url=BASE, cache=False)
    assert _tree(out) == _tree(cold)
