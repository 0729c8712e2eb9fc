"""
The site's pages as readers, search engines and sharers meet them.

The answer first, no internal ids, names instead of codes, relative links
that work from anywhere, sharing and search metadata, a preview without a
base URL that publishes no guessed address, themes and ``showfacts.toml``.
"""

from __future__ import annotations

import json
import pathlib
import posixpath
import re
import shutil
import subprocess
import sys
import urllib.parse

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from showfacts.config import SiteConfig, find_config, load_config
from showfacts.exceptions import InputError
from showfacts.site import build_site
from showfacts.site._pages import Pages
from tests.conftest import EXAMPLES, SHARED
from tests.test_cli import run


BASE = "https://example.org/tv/"
SDO_CHECK = SHARED / "tools" / "sdo_check.py"


def _files(root: pathlib.Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> pathlib.Path:
    """The example site with a base URL."""
    out = tmp_path_factory.mktemp("published") / "site"
    build_site(EXAMPLES, out, base_url=BASE)
    return out


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> pathlib.Path:
    """The example site without a base URL."""
    out = tmp_path_factory.mktemp("preview") / "site"
    result = build_site(EXAMPLES, out)
    assert result.preview
    return out


def _doc(path: pathlib.Path):
    return lxml_html.fromstring(path.read_bytes())


def _graph(doc) -> dict:
    [script] = doc.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


#: Parts of paths under a site, and the odd ones relpath makes sense of.
_SEGMENTS = st.sampled_from(["a", "b", "page", "2", "index.html", "x.ics",
                             ".hidden", ".", "..", ""])


class TestTheAnswerFirst:
    """What a reader came for comes before everything else."""

    def test_the_show_page_opens_with_the_next_release(self, published):
        """Season 2's window, its certainty and its source lead the page."""
        doc = _doc(published / "shows/ballard/index.html")
        main = doc.xpath("//main")[0]
        first = [el.tag for el in main.iterchildren()][:2]
        assert ["h1", "div"] == first
        line = doc.get_element_by_id("next-release").text_content()
        assert "Season 2 premiere:" in line
        assert "summer or fall 2026" in line
        assert "Expected" in line
        assert "Read in When Does Ballard Season 2 Drop?" in line
        glance = doc.xpath('//dl[@class="at-a-glance"]')[0].text_content()
        assert "Returning" in glance
        assert "Prime Video" in glance

    def test_a_season_page_leads_with_its_own_release(self, published):
        """Season 1's page says its premiere, not Season 2's."""
        doc = _doc(published / "shows/ballard/season-1/index.html")
        line = doc.get_element_by_id("next-release").text_content()
        assert line.startswith("Premiere: July 2025")
        assert "Confirmed" in line

    def test_cast_and_crew_are_readable_lists(self, published):
        """Actor as character, with certainty only below confirmed."""
        doc = _doc(published / "shows/ballard/index.html")
        cast = [li.text_content() for li in doc.xpath('//ul[@class="cast"]'
                                                      "/li")]
        assert "Maggie Q as Renée Ballard" in cast
        assert ("Maggie Q as Renée Ballard (returning) Reported" in cast)
        crew = [li.text_content() for li in doc.xpath('//ul[@class="crew"]'
                                                      "/li")]
        assert "Michael Alaimo, showrunner" in crew
        assert "Michael Connelly, author of Renée Ballard" in crew

    def test_no_duplicated_headings_or_descriptions(self, published):
        """Each heading once per level and the description once a page."""
        for page in sorted(published.rglob("index.html")):
            doc = _doc(page)
            assert 1 == len(doc.xpath("//h1")), page
            headings = [
                (h.tag, h.text_content().strip(),
                 h.getparent().get("class"))
                for h in doc.xpath("//main//h2 | //main//h3")
            ]
            assert len(headings) == len(set(headings)), page
            lead = doc.xpath('//p[@class="lead"]')
            if lead:
                text = lead[0].text_content()
                body = doc.xpath("//main")[0].text_content()
                assert 1 == body.count(text), page

    def test_no_empty_season_sections(self, published):
        """A season heading in the card always has something under it."""
        for page in sorted(published.rglob("index.html")):
            for section in _doc(page).xpath(
                '//section[@class="showfacts-season"]'
            ):
                assert len(section) > 1, page

    def test_no_internal_ids_in_reader_facing_text(self, published):
        """A superseded fact says what superseded it, in words."""
        doc = _doc(published / "shows/the-lantern-keepers/index.html")
        entry = doc.get_element_by_id("fact-s1-premiere-window")
        text = entry.text_content()
        assert "Superseded by:" in text
        show = doc.xpath("//main")[0].text_content()
        ids = re.findall(r'id="fact-([^"]+)"',
                         (published / "shows/the-lantern-keepers/index.html")
                         .read_text())
        for fact_id in ids:
            if "-" in fact_id:
                assert fact_id not in show, fact_id

    def test_history_links_lead_to_the_show_page_from_every_page(
            self, published):
        """History links work from the show page and the season page."""
        show = published / "shows/the-lantern-keepers"
        for page, prefix in ((show / "index.html", ""),
                             (show / "season-1/index.html", "../index.html")):
            entry = _doc(page).get_element_by_id("fact-s1-premiere-window")
            links = entry.xpath('.//p[@class="how"]/a/@href')
            assert links == [f"{prefix}#fact-s1-premiere",
                             f"{prefix}#fact-s1-premiere-next-year"], page

    def test_countries_and_languages_by_name(self, published):
        """Babel's names: "United States", "English", codes in values."""
        doc = _doc(published / "shows/ballard/index.html")
        card = doc.xpath('//section[@class="showfacts-card"]')[0]
        text = card.text_content()
        assert "United States" in text
        assert "English" in text
        assert card.xpath('.//data[@itemprop="inLanguage"]/@value') == ["en"]

    def test_names_follow_the_site_language(self, tmp_path):
        """--language de names the country and language in German."""
        out = tmp_path / "site"
        build_site(EXAMPLES / "ballard.yaml", out, base_url=BASE,
                   language="de")
        page = (out / "shows/ballard/index.html").read_text()
        assert '<html lang="de">' in page
        assert "Vereinigte Staaten" in page
        assert "Englisch" in page

    def test_an_unknown_language_is_refused(self, tmp_path):
        """A language babel does not know: an InputError, nothing written."""
        with pytest.raises(InputError, match="not a language"):
            build_site(EXAMPLES, tmp_path / "site", language="xx-nope")
        assert not (tmp_path / "site").exists()


class TestTimeline:
    """Grouped by source, the source line said once, history folded."""

    def test_the_source_line_is_said_once_per_group(self, published):
        """Ballard's 40 facts cite one article: one source line."""
        doc = _doc(published / "shows/ballard/index.html")
        groups = doc.xpath('//section[@class="source-group"]')
        assert 1 == len(groups)
        title = "When Does Ballard Season 2 Drop?"
        timeline = doc.xpath('//section[@class="timeline"]')[0]
        assert 1 == timeline.text_content().count(title)
        assert len(groups[0].xpath('.//li[contains(@class, "fact")]')) > 30

    def test_superseded_facts_are_folded(self, published):
        """History stays, in a closed <details> after the current facts."""
        doc = _doc(published / "shows/the-lantern-keepers/index.html")
        entry = doc.get_element_by_id("fact-s1-premiere-window")
        details = entry.xpath("ancestor::details")
        assert details
        assert details[0].get("open") is None
        for current in doc.xpath('//li[@class="fact current"]'):
            assert not current.xpath("ancestor::details")


class TestAddresses:
    """Relative links everywhere; absolute ones only from the base URL."""

    @given(st.lists(_SEGMENTS, max_size=5).map("/".join),
           st.lists(_SEGMENTS, max_size=5).map("/".join))
    def test_a_link_is_what_relpath_makes_of_it(self, here, path):
        """Links between site paths, without asking for the current folder."""
        if path == "" or path.endswith("/"):
            path += "index.html"
        assert posixpath.relpath(path, here or ".") == Pages.relative(
            here, path)

    @pytest.mark.parametrize("fixture", ["published", "preview"])
    def test_internal_links_are_relative_and_resolve(self, fixture,
                                                     request):
        """Every href and src into the site resolves to a file in it."""
        root = request.getfixturevalue(fixture)
        files = set(_files(root))
        for page in sorted(root.rglob("*.html")):
            doc = _doc(page)
            folder = page.parent.relative_to(root).as_posix()
            for el, attr, link, _ in doc.iterlinks():
                if attr not in ("href", "src") or el.get("rel") == \
                        "canonical":
                    continue
                if link.startswith(("#", "data:")):
                    continue
                parts = urllib.parse.urlsplit(link)
                if parts.scheme:
                    assert not link.startswith(BASE), (page, link)
                    continue
                target = urllib.parse.unquote(parts.path)
                resolved = pathlib.PurePosixPath(folder, target).as_posix()
                normal = _normal(resolved)
                assert normal in files, (page, link)

    def test_absolute_addresses_come_from_the_base_url(self, published):
        """canonical, og:url, JSON-LD ids and the sitemap use the base."""
        doc = _doc(published / "shows/ballard/season-2/index.html")
        canonical = BASE + "shows/ballard/season-2/"
        assert [canonical] == doc.xpath('//link[@rel="canonical"]/@href')
        assert [canonical] == doc.xpath('//meta[@property="og:url"]/@content')
        nodes = {n["@id"]: n for n in _graph(doc)["@graph"]}
        assert canonical in nodes

    def test_a_preview_holds_no_localhost_anywhere(self, preview):
        """Without a base URL: no localhost, no guessed address at all."""
        for name, data in _files(preview).items():
            assert b"localhost" not in data, name
            assert b"preview.invalid" not in data, name
            assert b"127.0.0.1" not in data, name
            assert b"example.org/tv" not in data, name

    def test_a_preview_leaves_out_what_needs_an_absolute_address(
        self, preview,
    ):
        """Pages and style only; no canonical, JSON-LD, feeds or sitemap."""
        names = set(_files(preview)) - {".showfacts-site.json"}  # manifest
        assert {"index.html", "style.css"} <= names
        assert not any(n.endswith((".xml", ".json", ".ics", ".jsonld",
                                   ".txt")) for n in names)
        for page in sorted(preview.rglob("*.html")):
            doc = _doc(page)
            assert not doc.xpath('//link[@rel="canonical"]'), page
            assert not doc.xpath('//script[@type="application/ld+json"]')
            assert ["noindex"] == doc.xpath(
                '//meta[@name="robots"]/@content'
            ), page
            assert "A preview" in doc.xpath("//footer")[0].text_content()

    def test_the_command_says_it_built_a_preview(self, tmp_path, capsys):
        """Exit 0, and stderr says what a preview leaves out."""
        status, _, err = run(["build", str(EXAMPLES), "--out",
                              str(tmp_path / "site")], capsys=capsys)
        assert 0 == status
        assert "is a preview" in err
        assert "no feeds, calendars, sitemap or JSON-LD" in err

    def test_the_build_never_reads_its_own_output(self, tmp_path):
        """A site inside the catalog is refused, so never read back."""
        from showfacts.exceptions import OutputError

        catalog = tmp_path / "catalog"
        shutil.copytree(EXAMPLES, catalog)
        with pytest.raises(OutputError, match="is inside the input"):
            build_site(catalog, catalog / "site", base_url=BASE)
        assert not (catalog / "site").exists()


class TestSearchAndSharing:
    """What search engines and link previews read."""

    def test_meta_description_and_sharing_tags(self, published):
        """description, OpenGraph and Twitter tags on every page."""
        for page in sorted(published.rglob("*.html")):
            doc = _doc(page)
            [description] = doc.xpath('//meta[@name="description"]/@content')
            assert 0 < len(description) <= 160, page
            for prop in ("og:title", "og:description", "og:type",
                         "og:site_name", "og:url"):
                assert doc.xpath(f'//meta[@property="{prop}"]/@content'), \
                    (page, prop)
            assert ["summary"] == doc.xpath(
                '//meta[@name="twitter:card"]/@content'
            ), page

    def test_the_show_image_is_shared(self, tmp_path):
        """With an image: og:image, twitter:image and a large card."""
        source = (EXAMPLES / "ballard.yaml").read_text()
        show = tmp_path / "ballard.yaml"
        show.write_text(source.replace(
            "genres:", "image: https://img.example.com/ballard.jpg\ngenres:",
            1,
        ))
        out = tmp_path / "site"
        build_site(show, out, base_url=BASE)
        doc = _doc(out / "shows/ballard/index.html")
        image = "https://img.example.com/ballard.jpg"
        assert [image] == doc.xpath('//meta[@property="og:image"]/@content')
        assert [image] == doc.xpath('//meta[@name="twitter:image"]/@content')
        assert ["summary_large_image"] == doc.xpath(
            '//meta[@name="twitter:card"]/@content'
        )

    def test_each_graph_has_the_page_and_its_breadcrumbs(self, published):
        """WebPage (mainEntity: the series) and a BreadcrumbList."""
        doc = _doc(published / "shows/ballard/index.html")
        nodes = {n["@id"]: n for n in _graph(doc)["@graph"]}
        url = BASE + "shows/ballard/"
        page = nodes[url]
        assert "WebPage" == page["@type"]
        assert {"@id": url + "#series"} == page["mainEntity"]
        trail = nodes[page["breadcrumb"]["@id"]]
        assert "BreadcrumbList" == trail["@type"]
        assert [(1, "TV facts", BASE), (2, "Ballard", url)] == [
            (i["position"], i["name"], i["item"]["@id"])
            for i in trail["itemListElement"]
        ]
        season = _graph(_doc(published
                             / "shows/ballard/season-1/index.html"))
        nodes = {n["@id"]: n for n in season["@graph"]}
        assert {"@id": url + "season-1/#season"} == nodes[
            url + "season-1/"]["mainEntity"]

    @pytest.mark.skipif(not SDO_CHECK.exists(),
                        reason="../shared/tools/sdo_check.py is not there")
    def test_every_page_passes_the_schema_org_check(self, published):
        """sdo_check: 0 errors and 0 warnings over every page."""
        pages = [str(p) for p in sorted(published.rglob("*.html"))]
        done = subprocess.run([sys.executable, str(SDO_CHECK), *pages],
                              capture_output=True, text=True, check=False)
        assert 0 == done.returncode, done.stdout
        assert done.stdout.strip().endswith(" 0 errors, 0 warnings")

    def test_sitemap_lastmod_comes_from_the_data(self, published, tmp_path,
                                                 monkeypatch):
        """Lastmod is a data date: the same whatever the clock says."""
        text = (published / "sitemap.xml").read_text()
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        rows = {
            u.findtext("s:loc", namespaces=ns):
            u.findtext("s:lastmod", namespaces=ns)
            for u in etree.fromstring(text.encode()).findall("s:url", ns)
        }
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d or "2000-01-01")
                   for d in rows.values())
        assert rows[BASE] == max(d for d in rows.values() if d)
        monkeypatch.setenv("TZ", "Pacific/Kiritimati")
        again = tmp_path / "again"
        build_site(EXAMPLES, again, base_url=BASE)
        assert text == (again / "sitemap.xml").read_text()

    def test_robots_txt_points_at_the_sitemap(self, published):
        """robots.txt allows all and names the sitemap's address."""
        assert (
            "User-agent: *\nAllow: /\nSitemap: " + BASE + "sitemap.xml\n"
        ) == (published / "robots.txt").read_text()

    def test_pages_are_well_formed(self, preview):
        """html5lib in strict mode: no parse error in a preview page."""
        parser = html5lib.HTMLParser(strict=True)
        for page in sorted(preview.rglob("*.html")):
            parser.parse(page.read_bytes())


class TestThemes:
    """A theme folder overrides any template or static file."""

    def test_a_theme_replaces_the_show_page_and_the_css(self, tmp_path):
        """The theme's show.html and style.css win; the rest is default."""
        theme = tmp_path / "theme"
        (theme / "templates").mkdir(parents=True)
        (theme / "static").mkdir()
        (theme / "templates" / "show.html").write_text(
            '{% extends "base.html" %}\n'
            '{% block main %}<h1 class="mine">{{ show.title }}</h1>'
            "<p>{{ show.description }}</p>{{ card }}{% endblock %}\n"
        )
        (theme / "static" / "style.css").write_text("body { color: red }\n")
        (theme / "static" / "logo.svg").write_text("<svg></svg>\n")
        out = tmp_path / "site"
        build_site(EXAMPLES, out, base_url=BASE, theme=theme)
        page = (out / "shows/ballard/index.html").read_text()
        assert '<h1 class="mine">Ballard</h1>' in page
        assert "Michael Connelly&#39;s" in page  # autoescaped
        assert 'id="next-release"' not in page
        assert "body { color: red }\n" == (out / "style.css").read_text()
        assert (out / "logo.svg").exists()
        season = (out / "shows/ballard/season-1/index.html").read_text()
        assert 'id="next-release"' in season

    def test_data_cannot_break_out_of_a_template(self, tmp_path):
        """Autoescaping: markup in a title stays text everywhere."""
        show = tmp_path / "evil.yaml"
        show.write_text(
            "id: evil\ntitle: '</title><script>alert(1)</script>'\n"
            "description: '\"><img src=x onerror=alert(1)>'\n"
        )
        out = tmp_path / "site"
        build_site(show, out, base_url=BASE)
        for page in sorted(out.rglob("*.html")):
            doc = _doc(page)
            assert 1 == len(doc.xpath("//script")), page
            assert not doc.xpath("//img"), page

    def test_a_broken_template_is_a_clear_error(self, tmp_path):
        """A template error names the template; nothing is written."""
        theme = tmp_path / "theme"
        (theme / "templates").mkdir(parents=True)
        (theme / "templates" / "index.html").write_text("{% if %}\n")
        with pytest.raises(InputError, match=r"index\.html"):
            build_site(EXAMPLES, tmp_path / "site", theme=theme)
        assert not (tmp_path / "site").exists()

    def test_a_theme_that_is_not_a_folder(self, tmp_path, capsys):
        """--theme with no folder: exit 2."""
        status, _, err = run(["build", str(EXAMPLES), "--out",
                              str(tmp_path / "site"), "--theme",
                              str(tmp_path / "nope")], capsys=capsys)
        assert 2 == status
        assert "the theme is not a folder" in err


class TestConfig:
    """showfacts.toml at the catalog's root."""

    def _catalog(self, tmp_path: pathlib.Path, config: str) -> pathlib.Path:
        catalog = tmp_path / "catalog"
        (catalog / "shows").mkdir(parents=True)
        (catalog / "drafts").mkdir()
        for name in ("ballard.yaml", "bosch.yaml"):
            shutil.copy(EXAMPLES / name, catalog / "shows" / name)
        (catalog / "drafts" / "broken.yaml").write_text("id: [\n")
        (catalog / "showfacts.toml").write_text(config)
        return catalog

    def test_the_config_sets_the_site(self, tmp_path, capsys):
        """Title, base URL, language, theme and patterns from the file."""
        catalog = self._catalog(tmp_path, (
            'title = "Crime TV"\nbase_url = "https://tv.example.net/crime"\n'
            'language = "fr"\ntheme = "look"\n'
            'include = ["shows/**"]\nexclude = ["drafts/**"]\n'
        ))
        (catalog / "look" / "static").mkdir(parents=True)
        (catalog / "look" / "static" / "style.css").write_text("p {}\n")
        out = tmp_path / "site"
        status, _, err = run(["build", str(catalog), "--out", str(out),
                              "-q"], capsys=capsys)
        assert (0, "") == (status, err)
        index = (out / "index.html").read_text()
        assert "<h1>Crime TV</h1>" in index
        assert '<html lang="fr">' in index
        assert ('<link rel="canonical" href="https://tv.example.net/crime/">'
                in index)
        assert "p {}\n" == (out / "style.css").read_text()
        assert "États-Unis" in (out / "shows/ballard/index.html").read_text()

    def test_options_win_over_the_config(self, tmp_path, capsys):
        """--title and --base-url replace the file's values."""
        catalog = self._catalog(tmp_path, (
            'title = "Crime TV"\nbase_url = "https://tv.example.net/"\n'
            'exclude = ["drafts/*"]\n'
        ))
        out = tmp_path / "site"
        assert 0 == run(["build", str(catalog), "--out", str(out),
                         "--title", "Mine", "--base-url", BASE],
                        capsys=capsys)[0]
        index = (out / "index.html").read_text()
        assert "<h1>Mine</h1>" in index
        assert f'<link rel="canonical" href="{BASE}">' in index

    def test_patterns_choose_the_shows(self, tmp_path):
        """Without the exclude, the broken draft is read and refused."""
        catalog = self._catalog(tmp_path, 'include = ["**/*.yaml"]\n')
        config = find_config([catalog])
        assert config is not None
        files = sorted(p.name for p in catalog.rglob("*.yaml")
                       if config.selects(p))
        assert ["ballard.yaml", "bosch.yaml", "broken.yaml"] == files
        config = SiteConfig(root=catalog, exclude=("drafts/**",))
        assert not config.selects(catalog / "drafts" / "broken.yaml")
        assert config.selects(catalog / "shows" / "bosch.yaml")

    def test_the_config_file_is_never_a_show(self, tmp_path, capsys):
        """Validate and build skip showfacts.toml in a folder."""
        catalog = self._catalog(tmp_path, 'exclude = ["drafts/**"]\n')
        (catalog / "drafts" / "broken.yaml").unlink()
        assert (0, "", "") == run(["validate", str(catalog)],
                                  capsys=capsys)

    @pytest.mark.parametrize(("text", "message"), [
        ("title = 3\n", "title must be a non-empty string"),
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("base_url = '/tv/'\n", "absolute http(s) base URL"),
        ("include = 'x'\nexclude = [1]\n", "exclude must be a list"),
        ("title = \n", "not a TOML file"),
    ])
    def test_a_bad_config_is_a_clear_error(self, tmp_path, capsys, text,
                                           message):
        """Exit 2 with what is wrong and where."""
        catalog = self._catalog(tmp_path, text)
        status, _, err = run(["build", str(catalog), "--out",
                              str(tmp_path / "site")], capsys=capsys)
        assert 2 == status
        assert "showfacts.toml" in err
        assert message in err
        with pytest.raises(InputError, match=re.escape(message)):
            load_config(catalog / "showfacts.toml")


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
