"""RSS, Atom and JSON Feed writers, and the ``feed`` command."""

from __future__ import annotations

import ast
import calendar
import datetime as dt
import html
import json
import os
import pathlib
import re
import subprocess
import sys

import attrs
import feedparser
import jsonschema
import pytest
from hypothesis import given
from lxml import etree

import showfacts as sf
from showfacts.cli import main
from showfacts.exceptions import RenderError
from showfacts.feeds import (
    JSON_FEED_VERSION,
    RENDERERS,
    _Stamp,
    render,
    to_atom,
    to_json_feed,
    to_rss,
)
from showfacts.iris import Site
from showfacts.news import EPOCH, Feed, NewsItem, build_feed, items_for_show
from tests.conftest import EXAMPLES, ROOT
from tests.strategies import wild_shows


#: Commands that publish addresses need the base URL.
ADDRESS = ["--base-url", "https://example.org/tv/"]


SITE = Site("https://example.org/tv/")
UTC = dt.timezone.utc
SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "jsonfeed-1.1.schema.json").read_text(
        encoding="utf-8"
    )
)
JSON_FEED = jsonschema.Draft202012Validator(SCHEMA)
ATOM = "{http://www.w3.org/2005/Atom}"
#: A parser as strict as the XML specification, that fetches nothing.
STRICT = etree.XMLParser(resolve_entities=False, no_network=True,
                         recover=False)


def parse_xml(data: bytes) -> etree._Element:
    """Parse a feed as well-formed XML, or fail."""
    return etree.fromstring(data, STRICT)


def seconds(parsed) -> int:
    """A feedparser UTC time tuple as a POSIX time."""
    return calendar.timegm(parsed)


def scopes() -> list[tuple[str, dict[str, object]]]:
    """Every feed the examples give: catalog, each show, each season."""
    catalog = sf.load_catalog([EXAMPLES])
    found: list[tuple[str, dict[str, object]]] = [("catalog", {})]
    for show in catalog:
        found.append((show.id, {"show": show.id}))
        found.extend(
            (f"{show.id}-{s.number}", {"show": show.id, "season": s.number})
            for s in show.seasons
        )
    return found


SCOPES = scopes()


@pytest.fixture(scope="module")
def catalog() -> sf.Catalog:
    """Every example."""
    return sf.load_catalog([EXAMPLES])


# -- the house rule -----------------------------------------------------------


def test_feedgen_is_imported_by_one_module_only():
    """Only showfacts.feeds imports feedgen."""
    importers = set()
    for path in (ROOT / "src" / "showfacts").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n == "feedgen" or n.startswith("feedgen.")
                   for n in names):
                importers.add(path.relative_to(ROOT).as_posix())
    assert {"src/showfacts/feeds.py"} == importers


# -- the examples through real clients ----------------------------------------


class TestExamplesThroughFeedparser:
    """feedparser reads every RSS and Atom feed the examples give."""

    @pytest.mark.parametrize("fmt", ["rss", "atom"])
    @pytest.mark.parametrize(("name", "scope"), SCOPES,
                             ids=[n for n, _ in SCOPES])
    def test_parses_with_expected_values(self, catalog, fmt, name, scope):
        """No bozo; titles, guids, dates, links, categories as built."""
        feed = build_feed(catalog, SITE, fmt, **scope)  # type: ignore[arg-type]
        parsed = feedparser.parse(render(feed, fmt))
        assert 0 == parsed.bozo, parsed.get("bozo_exception")
        assert ("rss20" if fmt == "rss" else "atom10") == parsed.version
        assert feed.title == parsed.feed.title
        assert seconds(feed.updated.timetuple()) == seconds(
            parsed.feed.updated_parsed
        )
        links = {(ln["rel"], ln["href"]) for ln in parsed.feed.links}
        assert {("self", feed.feed_url), ("alternate", feed.link)} <= links
        assert [
            (i.title, i.guid, i.link, list(i.categories),
             int(i.published.timestamp()))
            for i in feed.items
        ] == [
            (e.title, e.id, e.link, [t.term for t in e.tags],
             seconds(e.published_parsed))
            for e in parsed.entries
        ]
        for item, entry in zip(feed.items, parsed.entries, strict=True):
            assert item.summary == html.unescape(entry.summary)
            content = entry.content[0].value
            if item.spoiler:
                # feedparser's sanitizer drops <summary> tags (their text
                # stays); the warning still comes first.
                assert content.index("Spoiler warning") < content.index(
                    "Show the spoiler"
                )
            else:
                assert item.content_html == content
            if fmt == "atom":
                assert seconds(entry.updated_parsed) == int(
                    (item.updated or item.published).timestamp()
                )
        if name.startswith("ballard"):
            assert feed.items

    def test_rss_guids_are_not_permalinks(self, catalog):
        """isPermaLink="false" on every guid; the channel links to itself."""
        feed = build_feed(catalog, SITE, "rss", show="ballard")
        root = parse_xml(to_rss(feed))
        guids = root.findall("channel/item/guid")
        assert len(feed.items) == len(guids)
        assert {"false"} == {g.get("isPermaLink") for g in guids}
        (self_link,) = root.findall(f"channel/{ATOM}link")
        assert (feed.feed_url, "self", "application/rss+xml") == (
            self_link.get("href"), self_link.get("rel"), self_link.get("type")
        )
        assert "Tue, 31 Mar 2026 00:00:00 +0000" == root.findtext(
            "channel/lastBuildDate"
        )
        assert "en" == root.findtext("channel/language")

    def test_atom_ids_and_author(self, catalog):
        """Entry ids are the guids; the feed has an id and an author."""
        feed = build_feed(catalog, SITE, "atom", show="the-lantern-keepers")
        root = parse_xml(to_atom(feed))
        assert feed.feed_url == root.findtext(f"{ATOM}id")
        assert feed.title == root.findtext(f"{ATOM}author/{ATOM}name")
        assert [i.guid for i in feed.items] == [
            e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")
        ]
        assert "2026-10-20T00:00:00+00:00" == root.findtext(f"{ATOM}updated")

    def test_updates_in_the_feed(self, catalog):
        """The update item and the superseded item are both there."""
        feed = build_feed(catalog, SITE, "atom", show="the-lantern-keepers",
                          kinds=["premiere"])
        parsed = feedparser.parse(to_atom(feed))
        assert [
            ("The Lantern Keepers Season 1 premiere window narrowed from "
             "mid-to-late 2026 (between June and December 2026) to "
            "September 12, 2026",
             "#fact-s1-premiere", None),
            ("Superseded (reported): The Lantern Keepers Season 1 premiere "
             "window narrowed from next year (2026) to mid-to-late 2026 "
             "(between June and December 2026)",
             "#fact-s1-premiere-window", "2026-06-15T00:00:00Z"),
            ("Superseded (expected): The Lantern Keepers Season 1 premieres "
             "next year (2026)",
             "#fact-s1-premiere-next-year", "2026-02-10T00:00:00Z"),
        ] == [
            (e.title, e.id[e.id.index("#"):],
             None if e.updated == e.published else
             dt.datetime.fromtimestamp(seconds(e.updated_parsed), UTC)
             .isoformat().replace("+00:00", "Z"))
            for e in parsed.entries
        ]


class TestJsonFeed:
    """Our own JSON Feed 1.1 writer."""

    def test_schema_is_a_valid_schema(self):
        """The JSON Feed 1.1 schema kept in the tests is itself valid."""
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_schema_refuses_what_the_spec_refuses(self):
        """No id, no content, a wrong version or a bad date are errors."""
        good = {"version": JSON_FEED_VERSION, "title": "t", "items": [
            {"id": "1", "content_text": "x",
             "date_published": "2026-01-01T00:00:00Z"},
        ]}
        assert JSON_FEED.is_valid(good)
        for broken in (
            {**good, "version": "https://jsonfeed.org/version/1"},
            {**good, "items": [{"content_text": "x"}]},
            {**good, "items": [{"id": "1"}]},
            {**good, "items": [{"id": "1", "content_text": "x",
                                "date_published": "2026-01-01"}]},
            {**good, "items": [{"id": 1, "content_text": "x"}]},
            {**good, "authors": [{}]},
            {**good, "itmes": []},
        ):
            assert not JSON_FEED.is_valid(broken), broken

    @pytest.mark.parametrize(("name", "scope"), SCOPES,
                             ids=[n for n, _ in SCOPES])
    def test_examples_validate_and_parse_back(self, catalog, name, scope):
        """Valid JSON Feed 1.1; ids, titles and dates read back."""
        feed = build_feed(catalog, SITE, "json", **scope)  # type: ignore[arg-type]
        data = to_json_feed(feed)
        assert data.endswith(b"}\n")
        doc = json.loads(data)
        JSON_FEED.validate(doc)
        assert (feed.title, feed.link, feed.feed_url) == (
            doc["title"], doc["home_page_url"], doc["feed_url"]
        )
        assert [
            (i.guid, i.title, i.link, i.summary, i.content_html,
             list(i.categories), i.published, i.updated, i.certainty.value,
             i.kind, i.season, i.spoiler)
            for i in feed.items
        ] == [
            (e["id"], e["title"], e["url"], e["summary"], e["content_html"],
             e.get("tags", []),
             dt.datetime.fromisoformat(
                 e["date_published"].replace("Z", "+00:00")
             ),
             dt.datetime.fromisoformat(
                 e["date_modified"].replace("Z", "+00:00")
             ) if "date_modified" in e else None,
             e["_showfacts"]["certainty"], e["_showfacts"]["kind"],
             e["_showfacts"]["season"], e["_showfacts"]["spoiler"])
            for e in doc["items"]
        ]
        assert name  # every scope renders


# -- reproducible bytes -------------------------------------------------------


class TestReproducible:
    """Same data, same bytes: whatever the seed, zone, locale or order."""

    def test_cli_byte_identical(self, tmp_path):
        """Two processes, different environments, paths reversed."""
        paths = sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file())
        script = (
            "import sys\n"
            "from showfacts.cli import main\n"
            "out, one, *paths = sys.argv[1:]\n"
            "for fmt in ('rss', 'atom', 'json'):\n"
            "    for season in ([], ['--season', '2']):\n"
            "        args = [one] if season else paths\n"
            "        name = f'{out}/{fmt}{len(season)}'\n"
            "        assert 0 == main(['feed', *args, '--to', fmt,\n"
            "                          '--base-url', 'https://example.org/',\n"
            "                          *season, '-o', name])\n"
        )
        runs = []
        for seed, zone, locale, order in (
            ("1", "Pacific/Kiritimati", "C.UTF-8", paths),
            ("4242", "America/Los_Angeles", "C", paths[::-1]),
        ):
            folder = tmp_path / seed
            folder.mkdir()
            env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone,
                   "LC_ALL": locale}
            subprocess.run(
                [sys.executable, "-c", script, str(folder),
                 str(EXAMPLES / "ballard.yaml"), *order],
                check=True, env=env, cwd=ROOT,
            )
            runs.append({p.name: p.read_bytes()
                         for p in sorted(folder.iterdir())})
        assert 6 == len(runs[0])
        assert runs[0] == runs[1]
        assert b"Ballard Season 2 renewed" in runs[0]["rss0"]

    def test_same_feed_twice(self, catalog):
        """Rendering never reads the clock."""
        feed = build_feed(catalog, SITE, "rss")
        assert to_rss(feed) == to_rss(feed)
        assert to_atom(feed) == to_atom(feed)


#: What XML 1.0 can carry (its Char production).
XML_CHARS = re.compile(
    "^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$"
)


def check_items(show: sf.Show, items: tuple[NewsItem, ...]) -> None:
    """What must hold of the items of any show, whatever its text."""
    guids = [i.guid for i in items]
    assert len(set(guids)) == len(guids)
    keys = [(-i.published.timestamp(), i.guid) for i in items]
    assert sorted(keys) == keys
    for item in items:
        fact_id = item.guid.rsplit("#fact-", 1)[1]
        fact = show.fact(fact_id)
        assert SITE.fact_iri(show.id, fact_id) == item.guid
        assert fact.certainty is item.certainty
        assert dt.timedelta(0) == item.published.utcoffset()
        word = item.certainty.word
        if item.certainty is not sf.Certainty.CONFIRMED:
            assert f"({word}): " in item.title or item.title.startswith(
                f"{word.capitalize()}: "
            )
            assert f"{word.capitalize()}, not confirmed." in item.summary
        elif show.is_current(fact_id) and not item.spoiler:
            assert not item.title.startswith(
                ("Superseded", "Retracted", "Spoiler")
            )
        for text in (item.title, item.summary, *item.categories):
            assert XML_CHARS.match(text)
            assert " ".join(text.split()) == text
            assert text
        assert XML_CHARS.match(item.content_html)


# -- any text at all ----------------------------------------------------------


class TestHostileText:
    """No data file can make a feed fail to render or come out ill-formed."""

    @given(wild_shows())
    def test_every_feed_parses(self, show):
        """
        RSS and Atom parse with lxml and feedparser; JSON Feed is valid.

        The items hold too: guids are fact IRIs, the order is total, every
        title below "confirmed" says so, and all text is XML-safe.
        """
        check_items(show, items_for_show(show, SITE))
        for fmt in ("rss", "atom"):
            feed = build_feed(show, SITE, fmt)
            data = RENDERERS[fmt](feed)
            parse_xml(data)
            parsed = feedparser.parse(data)
            assert 0 == parsed.bozo, parsed.get("bozo_exception")
            assert len(feed.items) == len(parsed.entries)
            assert [i.guid for i in feed.items] == [
                e.id for e in parsed.entries
            ]
        feed = build_feed(show, SITE, "json")
        doc = json.loads(to_json_feed(feed))
        JSON_FEED.validate(doc)
        assert [i.title for i in feed.items] == [
            e["title"] for e in doc["items"]
        ]

    def test_items_from_elsewhere_are_cleaned_too(self):
        """A NewsItem built by hand with bad characters still renders."""
        item = NewsItem(
            guid="https://example.org/x", title="A\x00B\ud800",
            summary="<b>\x1b</b>", content_html="<p>\uffff</p>",
            published=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
            link="https://example.org/", show="x", kind="premiere",
            certainty=sf.Certainty.CONFIRMED, permalink=True,
        )
        feed = Feed(title="T\x01", link="https://example.org/",
                    feed_url="https://example.org/feed", description="D",
                    updated=item.published, items=(item,))
        for fmt in ("rss", "atom"):
            parsed = feedparser.parse(render(feed, fmt))
            assert 0 == parsed.bozo
            assert "AB\ufffd" == parsed.entries[0].title
        rss = parse_xml(to_rss(feed))
        assert "true" == rss.find("channel/item/guid").get("isPermaLink")
        doc = json.loads(to_json_feed(feed))
        assert ("AB\ufffd", "<p>\ufffd</p>", "2026-01-02T03:04:05Z") == (
            doc["items"][0]["title"], doc["items"][0]["content_html"],
            doc["items"][0]["date_published"],
        )


# -- details ------------------------------------------------------------------


class TestDetails:
    """Images, dates, errors."""

    def test_show_image_is_channel_image_and_enclosure(self, catalog):
        """RSS enclosure, Atom enclosure link, JSON image."""
        show = attrs.evolve(catalog.show("harbor-lights"),
                            image="https://img.example/key-art.png")
        rss = feedparser.parse(to_rss(build_feed(show, SITE, "rss")))
        assert "https://img.example/key-art.png" == rss.feed.image.href
        assert [{"href": "https://img.example/key-art.png", "length": "0",
                 "type": "image/png"}] == rss.entries[0].enclosures
        atom = feedparser.parse(to_atom(build_feed(show, SITE, "atom")))
        assert [("alternate", "text/html"), ("enclosure", "image/png")] == [
            (ln["rel"], ln["type"]) for ln in atom.entries[0].links
        ]
        doc = json.loads(to_json_feed(build_feed(show, SITE, "json")))
        assert "https://img.example/key-art.png" == doc["items"][0]["image"]

    def test_rfc822_dates_do_not_depend_on_the_c_library(self):
        """English names, four-digit years, the offset."""
        stamp = _Stamp(987, 6, 5, 4, 3, 2, tzinfo=dt.timezone(
            -dt.timedelta(hours=5, minutes=30)))
        assert "Tue, 05 Jun 0987 04:03:02 -0530" == stamp.strftime(
            "%a, %d %b %Y %H:%M:%S %z"
        )
        assert "04:03" == stamp.strftime("%H:%M")

    def test_empty_feeds_are_valid_and_dated_at_the_epoch(self, catalog):
        """Bosch has no teases: an empty, well-formed feed of them."""
        for fmt in ("rss", "atom"):
            feed = build_feed(catalog, SITE, fmt, show="bosch",
                              kinds=["tease"])
            parsed = feedparser.parse(render(feed, fmt))
            assert (0, []) == (parsed.bozo, parsed.entries)
            assert seconds(EPOCH.timetuple()) == seconds(
                parsed.feed.updated_parsed
            )
        doc = json.loads(to_json_feed(build_feed(catalog, SITE, "json",
                                                 show="bosch",
                                                 kinds=["tease"])))
        JSON_FEED.validate(doc)
        assert [] == doc["items"]

    def test_feedgen_errors_become_render_errors(self):
        """An empty title or link is a RenderError, not a ValueError."""
        feed = Feed(title="", link="", feed_url="", description="",
                    updated=EPOCH)
        for writer in (to_rss, to_atom):
            with pytest.raises(RenderError, match="cannot be written"):
                writer(feed)
        with pytest.raises(RenderError, match="unknown feed format"):
            render(feed, "rdf")


# -- the command --------------------------------------------------------------


def run(args: list[str], capsys: pytest.CaptureFixture[bytes]) -> tuple[
    int, bytes, str
]:
    """Run the CLI in-process; return status, stdout bytes and stderr."""
    status = main(args)
    out, err = capsys.readouterr()
    assert b"Traceback" not in err
    return status, out, err.decode()


class TestCommand:
    """showfacts feed."""

    def test_one_show_to_stdout(self, capsysbinary):
        """One show: its feed, on standard output."""
        status, out, _ = run(["feed", *ADDRESS, str(EXAMPLES / "ballard.yaml"),
                              "--to", "rss", "--base-url",
                              "https://example.org/tv"], capsysbinary)
        assert 0 == status
        parsed = feedparser.parse(out)
        assert "https://example.org/tv/shows/ballard/feed.xml" == next(
            ln.href for ln in parsed.feed.links if ln.rel == "self"
        )
        assert 33 == len(parsed.entries)

    def test_folder_is_a_catalog_feed(self, capsysbinary):
        """Several shows: the catalog's feed."""
        status, out, _ = run(["feed", *ADDRESS, str(EXAMPLES), "--to",
                              "json"], capsysbinary)
        doc = json.loads(out)
        assert (0, "https://example.org/tv/feed.json") == (
            status, doc["feed_url"]
        )

    def test_filters(self, capsysbinary):
        """--season, --kind, --min-certainty, --no-spoilers, --limit."""
        status, out, _ = run([
            "feed", *ADDRESS, str(EXAMPLES / "ballard.yaml"), "--to",
            "json", "--season", "2", "--kind", "tease", "--kind", "premiere",
            "--min-certainty", "expected", "--no-spoilers", "--limit", "3",
        ], capsysbinary)
        items = json.loads(out)["items"]
        assert 0 == status
        assert 3 == len(items)
        for item in items:
            ext = item["_showfacts"]
            assert ext["season"] == 2
            assert ext["kind"] in {"tease", "premiere"}
            assert ext["certainty"] in {"confirmed", "reported", "expected"}
            assert not ext["spoiler"]

    def test_output_file(self, tmp_path, capsysbinary):
        """-o writes the file, nothing on standard output."""
        target = tmp_path / "out" / "atom.xml"
        status, out, _ = run(["feed", *ADDRESS,
                              str(EXAMPLES / "harbor-lights.json"),
                              "--to", "atom", "-o", str(target)],
                             capsysbinary)
        assert (0, b"") == (status, out)
        assert 0 == feedparser.parse(target.read_bytes()).bozo

    def test_standard_input(self, monkeypatch, capsysbinary):
        """'-' reads a show from standard input."""
        data = (EXAMPLES / "harbor-lights.json").read_bytes()
        monkeypatch.setattr(sys, "stdin", _Stdin(data))
        status, out, _ = run(["feed", *ADDRESS, "-", "--input-format", "json",
                              "--to", "rss"], capsysbinary)
        assert 0 == status
        assert b"Harbor Lights news" in out

    @pytest.mark.parametrize(("args", "message"), [
        (["--to", "xml"], "invalid choice: 'xml'"),
        ([], "the following arguments are required: --to"),
        (["--to", "rss", "--limit", "0"], "must be 1 or more"),
        (["--to", "rss", "--kind", "premier"], "invalid choice"),
        (["--to", "rss", "--season", "9"],
         "'ballard' has no season 9; it has 1 and 2"),
        (["--to", "rss", "--base-url", "ftp://x"], "base URL"),
    ])
    def test_usage_errors(self, args, message, capsysbinary):
        """Bad options: exit 2, a message, no traceback."""
        status, out, err = run(["feed", *ADDRESS,
                                str(EXAMPLES / "ballard.yaml"), *args],
                               capsysbinary)
        assert (2, b"") == (status, out)
        assert message in err

    def test_season_needs_one_show(self, capsysbinary):
        """--season with several shows is a usage error."""
        status, _, err = run(["feed", *ADDRESS, str(EXAMPLES), "--to",
                              "rss", "--season", "1"], capsysbinary)
        assert 2 == status
        assert "--season needs exactly one show" in err

    def test_invalid_data_writes_nothing(self, tmp_path, capsysbinary):
        """Invalid data: exit 1, problems on stderr, no file."""
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\ntitle: 3\n", encoding="utf-8")
        target = tmp_path / "feed.xml"
        status, _, err = run(["feed", *ADDRESS, str(bad), "--to", "rss",
                              "-o", str(target)], capsysbinary)
        assert 1 == status
        assert "$.title" in err
        assert not target.exists()
        assert [bad] == list(tmp_path.iterdir())

    def test_help_lists_the_command(self, capsysbinary):
        """The command is listed in the help."""
        status, out, _ = run(["--help"], capsysbinary)
        assert 0 == status
        assert b"feed" in out


class _Stdin:
    """A stand-in for sys.stdin with a binary buffer."""

    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


def test_doctests(monkeypatch):
    """The examples in the module's docstrings run."""
    import doctest

    from showfacts import feeds

    monkeypatch.chdir(ROOT)
    assert 0 == doctest.testmod(feeds).failed


def test_media_types_and_files_agree():
    """Every format has a writer and a file name."""
    from showfacts.feeds import MEDIA_TYPES
    from showfacts.iris import FEED_FILES

    assert set(FEED_FILES) == set(RENDERERS) == set(MEDIA_TYPES)
    assert pathlib.PurePosixPath(SITE.feed_url("json")).name == "feed.json"
