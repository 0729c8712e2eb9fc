"""News items from facts, feeds of them, and the text safety policy."""

from __future__ import annotations

import datetime as dt
import doctest
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import showfacts as sf
from showfacts import news
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError
from showfacts.iris import Site
from showfacts.news import (
    EPOCH,
    NEWS_KINDS,
    NewsItem,
    build_feed,
    items_for_show,
    publication_date,
    xml_safe,
)
from tests.conftest import EXAMPLES, ROOT
from tests.strategies import wild_text


SITE = Site("https://example.org/tv/")
UTC = dt.timezone.utc

#: What XML 1.0 can carry (its Char production).
XML_CHARS = re.compile(
    "^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$"
)


def midnight(year: int, month: int, day: int) -> dt.datetime:
    """00:00 UTC on a day."""
    return dt.datetime(year, month, day, tzinfo=UTC)


def by_fact(items: tuple[NewsItem, ...]) -> dict[str, NewsItem]:
    """Items keyed by the id of the fact they come from."""
    return {i.guid.rsplit("#fact-", 1)[1]: i for i in items}


@pytest.fixture(scope="module")
def ballard() -> sf.Show:
    """The Ballard example."""
    return sf.load(EXAMPLES / "ballard.yaml")


@pytest.fixture(scope="module")
def lantern() -> sf.Show:
    """The Lantern Keepers (fictional): a premiere narrowed twice."""
    return sf.load(EXAMPLES / "lantern-keepers.toml")


@pytest.fixture(scope="module")
def harbor() -> sf.Show:
    """Harbor Lights (fictional): a moved window and a retracted rumor."""
    return sf.load(EXAMPLES / "harbor-lights.json")


@pytest.fixture(scope="module")
def catalog() -> sf.Catalog:
    """Every example."""
    return sf.load_catalog([EXAMPLES])


def tiny(**season_facts: object) -> sf.Show:
    """A made-up show with one season holding the facts given."""
    return sf.Show(
        id="tiny",
        title="Tiny",
        fictional=True,
        sources=(
            sf.Source(id="press", title="Press release",
                      url="https://example.org/press",
                      published=FuzzyDate.of("2026-03-04")),
            sf.Source(id="undated", title="A blog post"),
        ),
        people=(sf.Person(id="ann", name="Ann Lee"),),
        characters=(sf.Character(id="kit", names=("Kit",)),),
        seasons=(sf.Season(number=1, **season_facts),),  # type: ignore[arg-type]
    )


def premiere(fact_id: str, edtf: str | None, certainty: str, *,
             announced: str | None = None, supersedes: str | None = None,
             sources: tuple[str, ...] = ("press",)) -> sf.Milestone:
    """A premiere milestone."""
    return sf.Milestone(
        id=fact_id, kind="premiere", certainty=certainty, sources=sources,
        date=None if edtf is None else FuzzyDate.of(edtf),
        announced=None if announced is None else FuzzyDate.of(announced),
        supersedes=supersedes,
    )


# -- text safety --------------------------------------------------------------


class TestXmlSafe:
    """The text policy: what XML 1.0 cannot carry never gets through."""

    def test_removes_c0_controls(self):
        """C0 controls other than tab, LF and CR are removed."""
        assert "Law & Order: SVU" == xml_safe("Law\x00 & \x1bOrder\x0b: SVU")

    def test_keeps_tab_line_feed_carriage_return(self):
        """Tab, LF and CR are legal XML and are kept."""
        assert "a\tb\nc\r\nd" == xml_safe("a\tb\nc\r\nd")

    def test_replaces_surrogates_and_noncharacters(self):
        """Lone surrogates, U+FFFE and U+FFFF become U+FFFD."""
        assert "a\ufffdb\ufffdc\ufffd\ufffd" == xml_safe(
            "a\ud800b\udfffc\ufffe\uffff"
        )

    def test_joins_surrogate_pairs(self):
        """A high surrogate followed by a low one is the character."""
        assert "\U0001f600!" == xml_safe("\ud83d\ude00!")

    def test_keeps_legal_text(self):
        """Markup, C1 controls and astral characters are not XML's problem."""
        text = "<b>Renée</b> & \x85\x9f \U0010ffff \ufdd0 \u2028"
        assert text == xml_safe(text)

    @given(wild_text)
    def test_any_text_becomes_xml_and_utf8(self, text):
        """Whatever goes in, XML 1.0 and UTF-8 can carry what comes out."""
        safe = xml_safe(text)
        assert XML_CHARS.match(safe)
        safe.encode("utf-8")
        assert safe == xml_safe(safe)

    @given(st.text())
    def test_legal_text_is_unchanged(self, text):
        """Text XML can already carry is left exactly as it is."""
        if XML_CHARS.match(text):
            assert text == xml_safe(text)


# -- publication dates --------------------------------------------------------


class TestPublicationDate:
    """When a piece of news broke."""

    def test_announced_date_first(self, ballard):
        """The fact's announced date, at 00:00 UTC on its news day."""
        renewal = ballard.fact("s2-renewed")
        # "October 2025": by October 31 it had certainly been announced.
        assert midnight(2025, 10, 31) == publication_date(ballard, renewal)

    def test_then_earliest_source_date(self, ballard):
        """Without one, the earliest news day of its sources."""
        fact = ballard.fact("s1-premiere")
        assert fact.announced is None
        # The article is dated "early 2026" (2026-01/2026-03).
        assert midnight(2026, 3, 31) == publication_date(ballard, fact)

    def test_fuzzy_dates_count_from_their_last_day(self):
        """Summer 2026 counts from August 31st, never before."""
        show = tiny(milestones=(premiere("p", None, "expected",
                                         announced="2026-22"),))
        assert midnight(2026, 8, 31) == publication_date(show,
                                                         show.fact("p"))

    def test_open_start_counts_from_its_end(self):
        """``../2026-05``: by May 31 it had been announced."""
        show = tiny(milestones=(premiere("p", None, "expected",
                                         announced="../2026-05"),))
        assert midnight(2026, 5, 31) == publication_date(show,
                                                         show.fact("p"))

    def test_open_end_counts_from_its_start(self):
        """``2026-05/..``: the only day known is its first."""
        show = tiny(milestones=(premiere("p", None, "expected",
                                         announced="2026-05/.."),))
        assert midnight(2026, 5, 1) == publication_date(show,
                                                        show.fact("p"))

    def test_no_date_no_item(self):
        """Unconfirmed, no announced date, no dated source: left out."""
        show = tiny(milestones=(
            premiere("p", "2026-09", "expected", sources=("undated",)),
            premiere("q", "2026-10", "confirmed", announced="2026-01-02"),
        ))
        assert publication_date(show, show.fact("p")) is None
        assert ["q"] == list(by_fact(items_for_show(show, SITE)))

    def test_a_confirmed_event_is_news_on_its_day(self):
        """Confirmed, undated news of a dated event: the event's date."""
        show = tiny(milestones=(
            premiere("day", "2015-02-13", "confirmed", sources=("undated",)),
            premiere("window", "2026-22/2026-23", "confirmed",
                     sources=("undated",)),
        ))
        assert midnight(2015, 2, 13) == publication_date(
            show, show.fact("day"))
        assert publication_date(show, show.fact("window")) is None

    def test_bosch_is_dated_by_its_events(self):
        """Bosch cites an undated source: its confirmed premieres date it."""
        bosch = sf.load(EXAMPLES / "bosch.yaml")
        items = by_fact(items_for_show(bosch, SITE))
        assert midnight(2015, 2, 13) == items["s1-premiere"].published
        assert midnight(2021, 6, 25) == items["s7-premiere"].published
        assert "s1-cast-titus-welliver" not in items


# -- the Ballard feed ---------------------------------------------------------


class TestBallard:
    """The feed of the show the seed article is about."""

    def test_acceptance_items(self, ballard):
        """Renewal, premiere, filming, window, returning cast, crossover."""
        items = by_fact(items_for_show(ballard, SITE))
        expected = {
            "s2-renewed": "Ballard Season 2 renewed",
            "s1-premiere": "Ballard Season 1 premieres July 2025",
            "s2-filming-started":
                "Reported: Ballard Season 2 starts filming soon, early 2026 "
                "(between January and March 2026)",
            "s2-premiere-window":
                "Expected: Ballard Season 2 premieres summer or fall 2026 "
                "(mid-to-late 2026); no official premiere date yet",
            "s2-cast-maggie-q":
                "Reported: Maggie Q returns as Renée Ballard in Ballard "
                "Season 2",
            "s2-cast-courtney-taylor":
                "Reported: Courtney Taylor returns as Zamira Parker in "
                "Ballard Season 2",
            "s2-cast-john-carroll-lynch":
                "Reported: John Carroll Lynch returns as Thomas Laffont in "
                "Ballard Season 2",
            "s2-cast-rebecca-field":
                "Reported: Rebecca Field returns as Colleen Hatteras in "
                "Ballard Season 2",
            "s2-cast-victoria-moroles":
                "Reported: Victoria Moroles returns as Martina Castro in "
                "Ballard Season 2",
            "s2-cast-amy-hill":
                "Reported: Amy Hill returns as Tutu in Ballard Season 2",
            "s2-cast-titus-welliver":
                "Reported: Titus Welliver returns as Harry Bosch in Ballard "
                "Season 2 (crossover)",
        }
        assert expected == {k: items[k].title for k in expected}

    def test_every_item_below_confirmed_says_so_in_its_title(self, ballard):
        """"Reported", "Expected", "Speculation" lead the title."""
        items = items_for_show(ballard, SITE)
        below = [i for i in items if i.certainty < sf.Certainty.CONFIRMED]
        assert len(below) == 18
        for item in below:
            word = item.certainty.word
            assert item.title.startswith(
                (f"{word.capitalize()}: ", f"Spoiler ({word}): ")
            ), item.title
            assert f"{word.capitalize()}, not confirmed." in item.summary
            assert f"<strong>{word}</strong> (not confirmed)" in (
                item.content_html
            )

    def test_confirmed_current_facts_are_plain(self, ballard):
        """Confirmed, current, non-spoiler news has no label at all."""
        items = items_for_show(ballard, SITE)
        plain = [i for i in items if i.certainty is sf.Certainty.CONFIRMED
                 and not i.spoiler]
        assert len(plain) == 14
        for item in plain:
            assert ":" not in item.title.split(" ")[0]
            assert "Confirmed." in item.summary

    def test_guids_links_and_categories(self, ballard):
        """Guids are fact IRIs; links are the season or show page."""
        items = by_fact(items_for_show(ballard, SITE))
        window = items["s2-premiere-window"]
        assert (
            "https://example.org/tv/shows/ballard/#fact-s2-premiere-window",
            "https://example.org/tv/shows/ballard/season-2/",
            ("Ballard", "Ballard Season 2", "premiere"),
            "premiere", 2, "ballard",
        ) == (window.guid, window.link, window.categories, window.kind,
              window.season, window.show)
        showrunner = items["showrunner-michael-alaimo"]
        assert (
            "https://example.org/tv/shows/ballard/",
            ("Ballard", "crew"),
            None,
        ) == (showrunner.link, showrunner.categories, showrunner.season)
        assert not any(i.permalink for i in items.values())

    def test_source_without_url_is_named_not_linked(self, ballard):
        """The article has no address: cited by title, never linked."""
        for item in items_for_show(ballard, SITE):
            assert "<a " not in item.content_html
            assert (
                "<cite>When Does Ballard Season 2 Drop? Latest Release "
                "Speculation</cite>"
            ) in item.content_html

    def test_notes_are_never_published(self, ballard):
        """Editors' notes stay in the data."""
        for item in items_for_show(ballard, SITE):
            for text in (item.title, item.summary, item.content_html):
                assert "binge-worthy" not in text
                assert "Prime Video's habit" not in text

    def test_spoilers_are_marked_and_hidden(self, ballard):
        """The finale twist is only in the content, after a warning."""
        items = by_fact(items_for_show(ballard, SITE))
        finale = items["s1-finale-framed"]
        assert "Spoiler: Ballard Season 1 plot point" == finale.title
        assert finale.spoiler
        assert "spoiler" in finale.categories
        assert "Olivas" not in finale.title + finale.summary
        assert "Olivas" in finale.content_html
        assert finale.content_html.index("Spoiler warning") < (
            finale.content_html.index("Olivas")
        )
        assert "Spoiler (expected): Ballard Season 2 plot point" == items[
            "s2-picks-up"
        ].title

    def test_spoilers_can_be_left_out(self, ballard):
        """spoilers=False drops exactly the spoiler items."""
        every = items_for_show(ballard, SITE)
        safe = items_for_show(ballard, SITE, spoilers=False)
        assert {"s1-finale-framed", "s2-picks-up"} == (
            set(by_fact(every)) - set(by_fact(safe))
        )
        assert not any(i.spoiler for i in safe)

    def test_teases_and_crew(self, ballard):
        """Teases carry their text; crew credits say the role."""
        items = by_fact(items_for_show(ballard, SITE))
        assert (
            "Speculation: Ballard Season 2 tease: Higher stakes and "
            "personal fallout"
        ) == items["s2-higher-stakes"].title
        assert "Michael Alaimo is showrunner of Ballard" == items[
            "showrunner-michael-alaimo"
        ].title
        assert "Ballard is based on Renée Ballard by Michael Connelly" == (
            items["source-author-michael-connelly"].title
        )
        assert (
            "Ballard Season 1 releases all episodes at once on Prime "
            "Video"
        ) == items["s1-release"].title

    def test_newest_first_ties_by_guid(self, ballard):
        """The renewal (October 2025) is oldest; same dates sort by guid."""
        items = items_for_show(ballard, SITE)
        assert "s2-renewed" == list(by_fact(items))[-1]
        rest = items[:-1]
        assert [i.guid for i in rest] == sorted(i.guid for i in rest)


# -- updates, supersession, retraction ----------------------------------------


class TestUpdates:
    """A fact that supersedes another is an update item."""

    def test_premiere_narrowed_twice(self, lantern):
        """Next year, then mid-to-late 2026, then September 12."""
        items = by_fact(items_for_show(lantern, SITE))
        assert {
            "s1-premiere-next-year":
                "Superseded (expected): The Lantern Keepers Season 1 "
                "premieres next year (2026)",
            "s1-premiere-window":
                "Superseded (reported): The Lantern Keepers Season 1 "
                "premiere window narrowed from next year (2026) to "
                "mid-to-late 2026 (between June and December 2026)",
            "s1-premiere":
                "The Lantern Keepers Season 1 premiere window narrowed from "
                "mid-to-late 2026 (between June and December 2026) to "
            "September 12, 2026",
        } == {k: items[k].title for k in (
            "s1-premiere-next-year", "s1-premiere-window", "s1-premiere",
        )}

    def test_update_item_says_what_changed(self, lantern):
        """Certainty change, time and the earlier versions are given."""
        final = by_fact(items_for_show(lantern, SITE))["s1-premiere"]
        assert final.summary.startswith(
            "The Lantern Keepers Season 1 premiere window narrowed from "
            "mid-to-late 2026 (between June and December 2026) to "
            "September 12, 2026. Time: 21:00 "
            "America/New_York. Platform: Northlight. Confirmed. Certainty "
            "raised from reported to confirmed."
        )
        assert (
            "<p>Earlier versions:</p><ol><li>The Lantern Keepers Season 1 "
            "premieres next year (2026) (expected, 2025-11-03)</li><li>The "
            "Lantern Keepers Season 1 premieres mid-to-late 2026 (between "
            "June and December 2026) (reported, 2026-02-10)</li></ol>"
        ) in final.content_html
        assert "fictional show" in final.summary

    def test_superseded_items_keep_guid_and_date(self, lantern):
        """The original stays, same guid, updated when it was replaced."""
        items = by_fact(items_for_show(lantern, SITE))
        first = items["s1-premiere-next-year"]
        assert SITE.fact_iri(lantern.id, "s1-premiere-next-year") == (
            first.guid
        )
        assert (midnight(2025, 11, 3), midnight(2026, 2, 10)) == (
            first.published, first.updated
        )
        assert (
            "Superseded by: The Lantern Keepers Season 1 premieres "
            "mid-to-late 2026 (between June and December 2026) (reported, "
            "2026-02-10)."
        ) in first.summary

    def test_window_moved(self, harbor):
        """Spring 2025 and June 6 do not overlap: the window moved."""
        items = by_fact(items_for_show(harbor, SITE))
        assert (
            "Harbor Lights Season 2 premiere window moved from spring "
            "2025 to June 6, 2025"
        ) == items["s2-premiere"].title
        assert (
            "Superseded (expected): Harbor Lights Season 2 premieres "
            "spring 2025"
        ) == items["s2-premiere-spring"].title

    def test_retracted_rumor(self, harbor):
        """The rumor stays, labelled, updated on the retraction date."""
        rumor = by_fact(items_for_show(harbor, SITE))["s3-renewed-rumor"]
        assert "Retracted (rumored): Harbor Lights Season 3 renewed" == (
            rumor.title
        )
        assert (midnight(2025, 8, 30), midnight(2025, 10, 1)) == (
            rumor.published, rumor.updated
        )
        assert (
            "Retracted October 1, 2025: Meridian+ cancelled the show "
            "after two seasons."
        ) in rumor.summary
        assert "Sources of the retraction:" in rumor.content_html

    def test_new_superseding_fact_keeps_the_original_guid(self, ballard):
        """Adding a confirmed date makes an update and keeps the old item."""
        season = ballard.season(2)
        confirmed = premiere(
            "s2-premiere-date", "2026-09-12", "confirmed",
            announced="2026-05-01", supersedes="s2-premiere-window",
            sources=("article",),
        )
        later = attrs.evolve(ballard, seasons=(
            ballard.season(1),
            attrs.evolve(season, milestones=(*season.milestones, confirmed)),
        ))
        before = by_fact(items_for_show(ballard, SITE))
        after = by_fact(items_for_show(later, SITE))
        assert set(before) | {"s2-premiere-date"} == set(after)
        assert before["s2-premiere-window"].guid == (
            after["s2-premiere-window"].guid
        )
        assert (
            "Ballard Season 2 premiere window narrowed from summer or "
            "fall 2026 (mid-to-late 2026) to September 12, 2026"
        ) == (
                after["s2-premiere-date"].title
            )
        assert after["s2-premiere-window"].title.startswith(
            "Superseded (expected): "
        )
        assert midnight(2026, 5, 1) == after["s2-premiere-window"].updated
        assert after["s2-premiere-date"] == next(
            iter(items_for_show(later, SITE))
        )

    def test_certainty_only(self):
        """Same credit, surer source: "now confirmed"."""
        show = tiny(cast=(
            sf.CastCredit(id="a", person="ann", characters=("kit",),
                          certainty="rumored", sources=("press",)),
            sf.CastCredit(id="b", person="ann", characters=("kit",),
                          certainty="confirmed", supersedes="a",
                          sources=("press",)),
        ))
        item = by_fact(items_for_show(show, SITE))["b"]
        assert (
            "Ann Lee cast as Kit in Tiny Season 1, now confirmed (was "
            "rumored)"
        ) == item.title

    def test_date_set_and_widened(self):
        """No date, then a date; a window that grows."""
        show = tiny(milestones=(
            premiere("a", None, "expected"),
            premiere("b", "2026-10", "reported", supersedes="a"),
            premiere("c", "2026-09/2026-12", "reported", supersedes="b"),
        ))
        items = by_fact(items_for_show(show, SITE))
        assert (
            "Superseded (reported): Tiny Season 1 premiere date set: "
            "October 2026"
        ) == items["b"].title
        assert (
            "Reported: Tiny Season 1 premiere window widened from "
            "October 2026 to between September and December 2026"
        ) == (
                items["c"].title
            )
        assert (
            "Superseded (expected): Tiny Season 1 premieres, date not "
            "yet known"
        ) == items["a"].title


# -- escaping -----------------------------------------------------------------


class TestContent:
    """Content HTML cites its sources and escapes every piece of data."""

    def test_data_cannot_become_markup(self):
        """Names with markup come out as text, sources as links."""
        import html5lib

        show = attrs.evolve(
            tiny(cast=(sf.CastCredit(id="a", person="ann",
                                     characters=("kit",),
                                     certainty="confirmed",
                                     sources=("press",)),)),
            title='<script>alert("x")</script> & Co',
            people=(sf.Person(id="ann", name="Ann <b>Lee</b>"),),
        )
        item = items_for_show(show, SITE)[0]
        tree = html5lib.parse(item.content_html, namespaceHTMLElements=False)
        assert [] == tree.findall(".//script") + tree.findall(".//b")
        text = "".join(tree.itertext())
        assert (
            'Ann <b>Lee</b> cast as Kit in <script>alert("x")</script> '
            "& Co Season 1."
        ) in text
        links = [(a.get("href"), a.text) for a in tree.iter("a")]
        assert [("https://example.org/press", "Press release")] == links


# -- feeds --------------------------------------------------------------------


class TestBuildFeed:
    """Feeds of a show, a season and a catalog."""

    def test_show_feed(self, ballard):
        """Channel metadata comes from the site and the data."""
        feed = build_feed(ballard, SITE, "rss")
        assert (
            "Ballard news",
            "https://example.org/tv/shows/ballard/",
            "https://example.org/tv/shows/ballard/feed.xml",
            "en",
            midnight(2026, 3, 31),
            33,
        ) == (feed.title, feed.link, feed.feed_url, feed.language,
              feed.updated, len(feed.items))
        assert feed.description.startswith(
            "Renewals, premiere dates, casting and teases for Ballard"
        )

    def test_season_feed(self, ballard):
        """Only that season's items; the season's addresses."""
        feed = build_feed(ballard, SITE, "atom", season=1)
        assert (
            "Ballard Season 1 news",
            "https://example.org/tv/shows/ballard/season-1/",
            "https://example.org/tv/shows/ballard/season-1/atom.xml",
        ) == (feed.title, feed.link, feed.feed_url)
        assert {1} == {i.season for i in feed.items}

    def test_catalog_feed(self, catalog):
        """Every show, newest first; fictional shows are named as such."""
        feed = build_feed(catalog, SITE, "json")
        assert "https://example.org/tv/feed.json" == feed.feed_url
        assert "https://example.org/tv/" == feed.link
        assert {"ballard", "bosch", "harbor-lights",
                "the-lantern-keepers"} == {
            i.show for i in feed.items
        }
        assert (
            "Harbor Lights and The Lantern Keepers are fictional "
            "shows"
        ) in feed.description
        dates = [i.published for i in feed.items]
        assert sorted(dates, reverse=True) == dates
        assert midnight(2026, 10, 20) == feed.updated

    def test_one_show_of_a_catalog(self, catalog):
        """show= picks one show out of a catalog."""
        feed = build_feed(catalog, SITE, "rss", show="harbor-lights",
                          season=2)
        assert {("harbor-lights", 2)} == {(i.show, i.season)
                                          for i in feed.items}

    def test_filters(self, catalog):
        """Kinds, minimum certainty, spoilers and a limit."""
        feed = build_feed(catalog, SITE, "rss", kinds=["premiere", "cast"],
                          min_certainty="reported", spoilers=False, limit=5)
        assert 5 == len(feed.items)
        assert {"premiere", "cast"} >= {i.kind for i in feed.items}
        assert all(i.certainty >= sf.Certainty.REPORTED for i in feed.items)
        everything = build_feed(catalog, SITE, "rss",
                                kinds=["premiere", "cast"],
                                min_certainty=sf.Certainty.REPORTED)
        assert everything.items[:5] == feed.items
        assert "Spoilers are left out." in feed.description
        assert "Only news that is at least reported." in feed.description

    def test_updated_comes_from_the_items_kept(self, harbor):
        """The newest published or updated date, never the clock."""
        feed = build_feed(harbor, SITE, "rss", kinds=["premiere"])
        assert midnight(2025, 3, 20) == feed.updated

    def test_empty_feed_is_dated_at_the_epoch(self, ballard):
        """No items: a fixed date."""
        feed = build_feed(ballard, SITE, "rss", kinds=["cancelled"])
        assert ((), EPOCH) == (feed.items, feed.updated)

    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"season": 9}, "'ballard' has no season 9; it has 1 and 2"),
        ({"kinds": ["premier"]}, "unknown kind 'premier'"),
        ({"min_certainty": "sure"}, "'sure' is not a certainty"),
        ({"limit": 0}, "a limit must be 1 or more"),
        ({"show": "bosch"}, "the show is 'ballard', not 'bosch'"),
    ])
    def test_bad_requests(self, ballard, kwargs, message):
        """Bad arguments raise InputError with a clear message."""
        with pytest.raises(InputError, match=re.escape(message)):
            build_feed(ballard, SITE, "rss", **kwargs)

    def test_bad_format_and_catalog_requests(self, catalog):
        """Unknown format, unknown show, season without a show."""
        with pytest.raises(InputError, match="unknown feed format 'xml'"):
            build_feed(catalog, SITE, "xml")
        with pytest.raises(InputError, match="no show 'nope'"):
            build_feed(catalog, SITE, "rss", show="nope")
        with pytest.raises(InputError, match="a season feed needs one show"):
            build_feed(catalog, SITE, "rss", season=1)

    def test_news_kinds(self):
        """Milestone kinds, then the other collections, then episodes."""
        # "award" came with awards, "episode" with next episodes.
        assert ("release_plan", "cast", "crew", "tease", "award",
                "episode") == NEWS_KINDS[-6:]
        assert set(NEWS_KINDS) >= {k.value for k in sf.MilestoneKind}


def test_doctests(monkeypatch):
    """The examples in the module's docstrings run."""
    monkeypatch.chdir(ROOT)
    assert 0 == doctest.testmod(news).failed
