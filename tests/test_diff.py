"""What changed: kinds, summaries, ids, outputs, git, the command."""

from __future__ import annotations

import collections
import json
import os
import pathlib
import shutil
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings

import showfacts as sf
from showfacts.calendar import to_calendar
from showfacts.cli import main
from showfacts.dates import FuzzyDate
from showfacts.diff import (
    FALLBACK_DATE,
    Change,
    ChangeKind,
    diff,
    feed_url,
    guid,
    load_revision,
    to_feed,
    to_json,
    to_news,
    to_text,
)
from showfacts.exceptions import InputError
from showfacts.iris import Site
from tests import strategies
from tests.conftest import EXAMPLES, ROOT, declared


SITE = Site("https://example.org/tv/")
DATA = ROOT / "tests" / "data" / "diff"
PAIR = DATA / "confirmed"
EVERY = DATA / "every-kind"
DOCS = ROOT / "docs" / "diff.md"


def catalog(path: pathlib.Path) -> sf.Catalog:
    """Load a fixture folder."""
    return sf.load_catalog(path)


def every_kind() -> tuple[Change, ...]:
    """The changes of the fixture pair that has one of every kind."""
    return diff(catalog(EVERY / "old"), catalog(EVERY / "new"))


def premiere(**kwargs: object) -> sf.Milestone:
    """A Season 1 premiere milestone with defaults."""
    values: dict[str, object] = {
        "id": "s1-premiere", "kind": "premiere", "certainty": "expected",
        "date": FuzzyDate.of("2026-23", "fall 2026"),
    }
    values.update(kwargs)
    return sf.Milestone(**values)  # type: ignore[arg-type]


def show(*milestones: sf.Milestone, **kwargs: object) -> sf.Show:
    """A made-up show whose Season 1 has these milestones."""
    return sf.Show(
        id="demo", title="Demo", fictional=True,
        seasons=(sf.Season(number=1, milestones=milestones),),
        **kwargs,  # type: ignore[arg-type]
    )


# -- the acceptance pair ------------------------------------------------------


class TestConfirmedPair:
    """A premiere window superseded by a confirmed date."""

    def test_exactly_one_premiere_date_confirmed(self):
        """One change, of the specific kind, reporting the new fact."""
        (change,) = diff(catalog(PAIR / "old"), catalog(PAIR / "new"))
        assert ChangeKind.DATE_CONFIRMED is change.kind
        assert ("kestrel-bay", 1, ("s1-premiere",), "s1-premiere-window") == (
            change.show, change.season, change.fact_ids, change.replaces
        )
        assert (
            "Kestrel Bay Season 1 premiere date confirmed: September 18, "
            "2026 (was expected: fall 2026)"
        ) == change.summary
        assert "premiere date confirmed" in change.summary
        assert ("expected: fall 2026",
                "confirmed: September 18, 2026 on Tidewater") == (
            change.old, change.new
        )
        assert sf.Certainty.CONFIRMED is change.certainty

    def test_published_is_the_announced_date(self):
        """The change is dated when the confirmed date was announced."""
        (change,) = diff(catalog(PAIR / "old"), catalog(PAIR / "new"))
        assert "2026-06-15" == change.published.isoformat()
        assert ("press-2026-06",) == tuple(s.id for s in change.sources)

    def test_calendar_sequence_goes_up(self):
        """The same pair: the calendar event keeps its UID, SEQUENCE + 1."""
        import icalendar

        def sequence(path: pathlib.Path) -> dict[str, int]:
            data = to_calendar(catalog(path), SITE, tentative=True)
            return {
                str(e["UID"]): int(e["SEQUENCE"])
                for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
            }

        uid = "kestrel-bay/season-1/premiere@example.org"
        assert {uid: 0} == sequence(PAIR / "old")
        assert {uid: 1} == sequence(PAIR / "new")

    def test_reverse_is_a_removal(self):
        """From new back to old, the confirmed date was removed."""
        (change,) = diff(catalog(PAIR / "new"), catalog(PAIR / "old"))
        assert (ChangeKind.REMOVED, ("s1-premiere",)) == (change.kind,
                                                          change.fact_ids)


# -- every kind ---------------------------------------------------------------


def test_every_kind_once_at_least():
    """The every-kind pair gives each kind of change."""
    kinds = collections.Counter(c.kind for c in every_kind())
    assert set(ChangeKind) == set(kinds)
    assert 2 == kinds[ChangeKind.CAST_DEPARTED]
    assert len(kinds) + 1 == sum(kinds.values())


def test_every_kind_text_is_as_expected():
    """The text output of the every-kind pair, line by line."""
    expected = (EVERY / "expected.txt").read_text(encoding="utf-8")
    assert expected == to_text(every_kind())


def test_docs_show_every_line():
    """docs/diff.md quotes every line of the every-kind output."""
    docs = DOCS.read_text(encoding="utf-8")
    for line in to_text(every_kind()).splitlines():
        assert line in docs


def test_every_kind_json_is_as_expected():
    """The JSON output of the every-kind pair, key by key."""
    expected = (EVERY / "expected.json").read_text(encoding="utf-8")
    assert expected == to_json(every_kind())


def test_spoilers_stay_out_of_the_words():
    """A spoiler tease's text is in no summary, old or new value."""
    (change,) = [c for c in every_kind() if c.kind is ChangeKind.SUPERSEDED]
    assert change.spoiler
    words = " ".join([change.summary, change.old or "", change.new or ""])
    assert "ferry" not in words
    assert "ferry" not in to_json([change])
    (item,) = to_news([change], SITE)
    assert item.spoiler
    assert "ferry" not in item.title + item.summary + item.content_html


class TestInPlace:
    """Facts edited under the same id."""

    def test_note_alone_is_not_a_change(self):
        """The editor's note is not published, so not a change."""
        old = show(premiere())
        new = show(premiere(note="checked again"))
        assert () == diff(old, new)

    def test_certainty_and_date_together(self):
        """A window becoming a confirmed day is one change, not two."""
        old = show(premiere())
        new = show(premiere(certainty="confirmed",
                            date=FuzzyDate.of("2026-10-02")))
        (change,) = diff(old, new)
        assert ChangeKind.DATE_CONFIRMED is change.kind
        assert change.replaces is None

    def test_same_bounds_other_words(self):
        """The same window in other words is a revision, not a move."""
        old = show(premiere(date=FuzzyDate.of("2026-09/2026-11")))
        new = show(premiere(date=FuzzyDate.of("2026-23", "autumn")))
        (change,) = diff(old, new)
        assert ChangeKind.REVISED is change.kind

    def test_date_given_is_narrowed(self):
        """No date, then a date: the window narrowed from everything."""
        old = show(premiere(date=None))
        new = show(premiere())
        (change,) = diff(old, new)
        assert ChangeKind.DATE_NARROWED is change.kind
        assert (
            "Demo Season 1 premiere date narrowed to fall 2026 "
            "(expected; was expected: no date)"
        ) == change.summary

    def test_a_day_moved_is_moved(self):
        """A confirmed day replaced by another confirmed day: moved."""
        old = show(premiere(certainty="confirmed",
                            date=FuzzyDate.of("2026-10-02")))
        new = show(premiere(certainty="confirmed",
                            date=FuzzyDate.of("2026-10-09")))
        (change,) = diff(old, new)
        assert ChangeKind.DATE_MOVED is change.kind


class TestAdded:
    """Facts only in the new data."""

    def test_a_status_that_changes_nothing_is_added(self):
        """A new status equal to the current one is just added."""
        status = sf.StatusFact(id="status", status="returning",
                               certainty="confirmed")
        again = sf.StatusFact(id="status-again", status="returning",
                              certainty="reported")
        (change,) = diff(show(statuses=(status,)),
                         show(statuses=(status, again)))
        assert ChangeKind.ADDED is change.kind

    def test_a_first_status_is_a_status_change(self):
        """The first status: changed from not known."""
        status = sf.StatusFact(id="status", status="returning",
                               certainty="reported")
        (change,) = diff(show(), show(statuses=(status,)))
        assert ChangeKind.STATUS_CHANGED is change.kind
        assert (
            "Demo status changed to returning (reported; was not known)"
        ) == change.summary

    def test_arriving_retracted(self):
        """A fact that arrives already retracted is reported retracted."""
        gone = premiere(retracted=sf.Retraction(
            date=FuzzyDate.of("2026-03-04"), reason="a hoax"))
        (change,) = diff(show(), show(gone))
        assert ChangeKind.RETRACTED is change.kind
        assert "2026-03-04" == change.published.isoformat()
        assert change.summary.endswith("; reason: a hoax")

    def test_a_chain_added_at_once(self):
        """A window and the date superseding it, both new: two changes."""
        window = premiere()
        day = premiere(id="s1-day", certainty="confirmed",
                       date=FuzzyDate.of("2026-10-02"),
                       supersedes="s1-premiere")
        changes = diff(show(), show(window, day))
        assert [
            (ChangeKind.ADDED, ("s1-premiere",), None),
            (ChangeKind.DATE_CONFIRMED, ("s1-day",), "s1-premiere"),
        ] == [(c.kind, c.fact_ids, c.replaces) for c in changes]


def test_undated_changes_take_the_newest_date_of_the_new_data():
    """A removal has no date of its own: the new data's newest date."""
    source = sf.Source(id="s", title="S",
                       published=FuzzyDate.of("2026-02-03"))
    old = show(premiere(), premiere(id="other"), sources=(source,))
    new = show(premiere(announced=FuzzyDate.of("2026-01")),
               sources=(source,))
    changes = {c.kind: c for c in diff(old, new)}
    assert "2026-02-03" == changes[ChangeKind.REMOVED].published.isoformat()
    # "2026-01" is dated by its news day, as feeds date it.
    assert "2026-01-31" == changes[ChangeKind.REVISED].published.isoformat()


def test_nothing_dated_gives_the_fallback():
    """Nothing dated anywhere: the fallback date."""
    (change,) = diff(show(premiere(), premiere(id="other")),
                     show(premiere()))
    assert FALLBACK_DATE == change.published


def test_shows_added_and_removed():
    """Shows only on one side are one change each, listing their facts."""
    ballard = sf.load(EXAMPLES / "ballard.yaml")
    bosch = sf.load(EXAMPLES / "bosch.yaml")
    changes = diff(sf.Catalog(shows=[ballard]), sf.Catalog(shows=[bosch]))
    assert [ChangeKind.SHOW_REMOVED, ChangeKind.SHOW_ADDED] == [
        c.kind for c in changes
    ]
    assert tuple(r.fact.id for r in bosch.facts()) == changes[1].fact_ids
    assert "New show: Bosch (20 facts)" == changes[1].summary


def test_examples_against_themselves():
    """The examples compared with themselves: no changes."""
    examples = sf.load_catalog(EXAMPLES)
    assert () == diff(examples, examples)


# -- ids and guids ------------------------------------------------------------


def test_ids_are_stable_and_distinct():
    """The same diff gives the same ids; no two changes share one."""
    first = every_kind()
    assert [c.id for c in first] == [c.id for c in every_kind()]
    assert len(first) == len({c.id for c in first})


def test_id_follows_the_content():
    """A different new value gives a different id, the same one the same."""
    old = show(premiere())
    one = diff(old, show(premiere(certainty="reported")))
    two = diff(old, show(premiere(certainty="reported")))
    other = diff(old, show(premiere(certainty="confirmed")))
    assert one[0].id == two[0].id != other[0].id


def test_guid_rule():
    """Fact changes hang off the fact's IRI, show changes off the page."""
    (change,) = diff(catalog(PAIR / "old"), catalog(PAIR / "new"))
    assert (
        "https://example.org/tv/shows/kestrel-bay/#fact-s1-premiere/change-"
        + change.id
    ) == guid(change, SITE)
    added = diff(sf.Catalog(shows=[]), catalog(PAIR / "new"))[0]
    assert (
        f"https://example.org/tv/shows/kestrel-bay/#change-{added.id}"
        == guid(added, SITE)
    )


# -- outputs ------------------------------------------------------------------


def test_json_shape():
    """JSON: a list of changes, with every field."""
    value = json.loads(to_json(diff(catalog(PAIR / "old"),
                                    catalog(PAIR / "new"))))
    (item,) = value["changes"]
    assert [
        "id", "kind", "show", "show_title", "season", "season_name",
        "fact_ids", "replaces", "old", "new", "summary", "certainty",
        "spoiler", "published", "sources",
    ] == list(item)
    assert ["id", "title", "publisher", "url", "published"] == list(
        item["sources"][0]
    )
    assert {"changes": []} == json.loads(to_json(()))


def test_empty_text():
    """No changes, no text."""
    assert "" == to_text(())


def test_news_items_newest_first():
    """News items: newest first, guids from the rule, aware dates."""
    changes = every_kind()
    items = to_news(changes, SITE)
    assert len(changes) == len(items)
    dates = [i.published for i in items]
    assert sorted(dates, reverse=True) == dates
    assert {guid(c, SITE) for c in changes} == {i.guid for i in items}
    assert all(not i.permalink for i in items)
    by_guid = {i.guid: i for i in items}
    for change in changes:
        item = by_guid[guid(change, SITE)]
        assert (change.kind.value, change.certainty, change.show) == (
            item.kind, item.certainty, item.show
        )


def test_feed_dates_from_the_data():
    """The feed's updated date is the newest change's, never the clock."""
    feed = to_feed(every_kind(), SITE, fmt="atom", title="Gull Island")
    assert "2026-06-02T00:00:00+00:00" == feed.updated.isoformat()
    assert "https://example.org/tv/changes/atom.xml" == feed.feed_url
    empty = to_feed((), SITE)
    assert "1970-01-01T00:00:00+00:00" == empty.updated.isoformat()


def test_feed_url_formats():
    """Feed addresses follow the site's feed file names."""
    assert "https://example.org/tv/changes/feed.json" == feed_url(SITE,
                                                                  "json")
    with pytest.raises(ValueError, match="unknown feed format"):
        feed_url(SITE, "ics")


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feeds_parse_with_feedparser(fmt, capsys):
    """RSS and Atom parse with feedparser, with the stable guids."""
    pytest.importorskip("showfacts.feeds")
    feedparser = pytest.importorskip("feedparser")
    status = main(["diff", str(EVERY / "old"), str(EVERY / "new"),
                   "--to", fmt, "--base-url", SITE.base])
    out = capsys.readouterr().out
    assert 0 == status
    parsed = feedparser.parse(out.encode("utf-8"))
    assert not parsed.bozo
    changes = every_kind()
    assert [i.guid for i in to_news(changes, SITE)] == [
        e.id for e in parsed.entries
    ]
    assert {c.summary for c in changes} == {e.title for e in parsed.entries}


def test_json_feed(capsys):
    """JSON Feed 1.1 (feedparser 6.0 does not read it): ids and titles."""
    pytest.importorskip("showfacts.feeds")
    status = main(["diff", str(EVERY / "old"), str(EVERY / "new"),
                   "--to", "json-feed", "--base-url", SITE.base])
    value = json.loads(capsys.readouterr().out)
    assert 0 == status
    assert "https://jsonfeed.org/version/1.1" == value["version"]
    assert "https://example.org/tv/changes/feed.json" == value["feed_url"]
    changes = every_kind()
    assert [
        (i.guid, i.title) for i in to_news(changes, SITE)
    ] == [(item["id"], item["title"]) for item in value["items"]]


def test_feeds_are_reproducible():
    """The same diff gives the same feed bytes."""
    feeds = pytest.importorskip("showfacts.feeds")
    feed = to_feed(every_kind(), SITE)
    assert feeds.to_rss(feed) == feeds.to_rss(to_feed(every_kind(), SITE))


def test_output_does_not_depend_on_the_environment():
    """Hash seed, TZ and locale variables do not change the JSON."""
    outputs = set()
    for seed, tz, lang in (("0", "UTC", "C"),
                           ("77", "Asia/Kolkata", "C.UTF-8")):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LC_ALL=lang)
        done = subprocess.run(
            [sys.executable, "-m", "showfacts", "diff", "--to", "json",
             str(EVERY / "old"), str(EVERY / "new")],
            capture_output=True, check=True, env=env, cwd=ROOT,
        )
        outputs.add(done.stdout)
    assert {to_json(every_kind()).encode("utf-8")} == outputs


# -- properties ---------------------------------------------------------------


#: Each example draws whole catalogs (about half a second each), so these
#: properties run fewer examples than the profile's default.
EXAMPLES_CAP = min(50, settings().max_examples)


@settings(max_examples=EXAMPLES_CAP)
@given(strategies.catalogs(max_shows=2))
def test_a_catalog_against_itself_is_empty(data):
    """The diff of a catalog with itself is empty."""
    assert () == diff(data, data)


@settings(max_examples=EXAMPLES_CAP)
@given(strategies.grown_catalogs(max_shows=2))
def test_every_added_fact_is_reported_exactly_once(pair):
    """
    Each fact added is in exactly one change, and nothing else is.

    The later catalog only adds facts, so there is nothing else to report:
    no removal, revision or restoration.  Every change also has its own
    id, says how sure its fact is, fits on one line, and comes out of
    every output.
    """
    old, new = pair
    before = {(s.id, r.fact.id) for s in old for r in s.facts()}
    after = {(s.id, r.fact.id) for s in new for r in s.facts()}
    added = after - before
    changes = diff(old, new)
    reported = collections.Counter(
        (c.show, fact_id) for c in changes for fact_id in c.fact_ids
    )
    assert dict.fromkeys(added, 1) == dict(reported)
    assert set() == {c.kind for c in changes} & {
        ChangeKind.REMOVED, ChangeKind.SHOW_REMOVED, ChangeKind.REVISED,
        ChangeKind.RESTORED,
    }
    assert len(changes) == len({c.id for c in changes})
    for change in changes:
        assert "\n" not in change.summary
        if change.kind is not ChangeKind.SHOW_ADDED:
            fact = new.show(change.show).fact(change.fact_ids[0])
            assert fact.certainty.word in change.summary
    assert len(changes) == len(to_text(changes).splitlines())
    assert len(changes) == len(json.loads(to_json(changes))["changes"])
    assert len(changes) == len(to_news(changes, SITE))
    assert () == diff(new, new)


def test_text_that_utf8_cannot_carry():
    """Lone surrogates and controls in titles: outputs still encode."""
    old = show(premiere())
    new = attrs.evolve(show(premiere(certainty="reported")),
                       title="Demo\ud800\r\nEND\x00")
    (change,) = diff(old, new)
    assert (
        "Demo\ufffd END Season 1 premiere now reported: fall 2026 "
        "(was expected)"
    ) == change.summary
    assert "\ud800" not in to_json([change])
    to_json([change]).encode("utf-8")
    to_text([change]).encode("utf-8")


# -- git ----------------------------------------------------------------------


def git(repo: pathlib.Path, *args: str) -> None:
    """Run git in a test repository, with no user configuration."""
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(repo),
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
         *args],
        cwd=repo, check=True, capture_output=True, env=env,
    )


@pytest.fixture
def repo(tmp_path):
    """A git repository whose last commit holds the old Kestrel Bay."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    (root / "shows").mkdir(parents=True)
    shutil.copy(PAIR / "old" / "kestrel-bay.yaml", root / "shows")
    (root / "shows" / ".hidden.yaml").write_text("not: a show\n")
    (root / "README.txt").write_text("not a show\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "old")
    shutil.copy(PAIR / "new" / "kestrel-bay.yaml", root / "shows")
    return root


class TestGit:
    """--git REV reads the old version from a revision."""

    def test_folder(self, repo, capsys):
        """A folder against HEAD: the one change of the pair."""
        status = main(["diff", "--git", "HEAD", str(repo / "shows")])
        out = capsys.readouterr().out
        assert 0 == status
        assert out.startswith("~ [date_confirmed] Kestrel Bay Season 1 "
                              "premiere date confirmed")
        assert 1 == len(out.splitlines())

    def test_files_declared_since_rev_are_shows_at_rev(self, repo, capsys):
        """A file that declares the schema only now was a show at REV."""
        old = (PAIR / "old" / "kestrel-bay.yaml").read_text(encoding="utf-8")
        undeclared = old.split("\n", 1)[1]
        assert "yaml-language-server" not in undeclared.splitlines()[0]
        (repo / "shows" / "kestrel-bay.yaml").write_text(undeclared)
        git(repo, "commit", "-q", "-am", "before declarations")
        (repo / "shows" / "notes.yaml").write_text("id: n\ntitle: N\n")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "notes, not a show")
        shutil.copy(PAIR / "new" / "kestrel-bay.yaml", repo / "shows")
        status = main(["diff", "--git", "HEAD", str(repo / "shows")])
        out = capsys.readouterr().out
        assert 0 == status
        assert out.startswith("~ [date_confirmed] Kestrel Bay Season 1 ")
        assert 1 == len(out.splitlines())

    def test_file_from_inside(self, repo, monkeypatch, capsys):
        """A file, with a relative path from a subfolder."""
        monkeypatch.chdir(repo / "shows")
        status = main(["diff", "--git", "HEAD", "kestrel-bay.yaml",
                       "--to", "json"])
        (change,) = json.loads(capsys.readouterr().out)["changes"]
        assert (0, "date_confirmed") == (status, change["kind"])

    def test_library(self, repo):
        """load_revision gives the catalog as it was."""
        old = load_revision(repo / "shows", "HEAD")
        assert ["kestrel-bay"] == [s.id for s in old]
        assert 1 == len(old.show("kestrel-bay").facts())
        assert () == diff(old, catalog(PAIR / "old"))

    def test_new_file_is_a_new_show(self, repo, capsys):
        """A file that did not exist at REV: the show is added."""
        shutil.copy(EXAMPLES / "bosch.yaml", repo / "shows")
        status = main(["diff", "--git", "HEAD",
                       str(repo / "shows" / "bosch.yaml")])
        assert (0, "+ [show_added] New show: Bosch (20 facts)\n") == (
            status, capsys.readouterr().out
        )

    def test_unknown_revision(self, repo, capsys):
        """A revision that does not exist: exit 2, a clear message."""
        status = main(["diff", "--git", "no-such-branch",
                       str(repo / "shows")])
        assert 2 == status
        assert "'no-such-branch' is not a revision" in (
            capsys.readouterr().err
        )

    def test_option_like_revision(self, repo):
        """A revision that looks like an option is not passed as one."""
        with pytest.raises(InputError, match="is not a revision"):
            load_revision(repo / "shows", "--output=/tmp/x")

    def test_not_a_repository(self, tmp_path):
        """A folder outside any repository."""
        folder = tmp_path / "plain"
        folder.mkdir()
        outside = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder,
            capture_output=True, check=False,
        )
        if outside.returncode == 0:
            pytest.skip("the temporary folder is inside a git repository")
        with pytest.raises(InputError, match="not inside a git repository"):
            load_revision(folder, "HEAD")

    def test_git_missing(self, repo, monkeypatch, capsys):
        """No git on the PATH: exit 2 and say so."""
        monkeypatch.setattr(shutil, "which", lambda _: None)
        status = main(["diff", "--git", "HEAD", str(repo / "shows")])
        assert 2 == status
        assert "git is needed" in capsys.readouterr().err

    def test_invalid_old_data(self, repo, capsys):
        """Invalid data at REV: exit 1, problems named REV:path."""
        (repo / "shows" / "kestrel-bay.yaml").write_text(declared("id: x\n"))
        git(repo, "commit", "-q", "-am", "broken")
        shutil.copy(PAIR / "new" / "kestrel-bay.yaml", repo / "shows")
        status = main(["diff", "--git", "HEAD", str(repo / "shows")])
        assert 1 == status
        assert (
            "HEAD:shows/kestrel-bay.yaml:1:1: $: missing required key "
            "'title'"
        ) in capsys.readouterr().err

    def test_link_out_of_the_repository(self, repo, tmp_path):
        """A file that links outside the repository is refused."""
        outside = tmp_path / "elsewhere.yaml"
        shutil.copy(PAIR / "new" / "kestrel-bay.yaml", outside)
        link = repo / "shows" / "linked.yaml"
        link.symlink_to(outside)
        with pytest.raises(InputError, match="leads outside the git"):
            load_revision(link, "HEAD")

    def test_missing_path(self, repo):
        """A path that exists in no form."""
        with pytest.raises(InputError, match="no such file or folder"):
            load_revision(repo / "nope" / "x.yaml", "HEAD")


# -- the command --------------------------------------------------------------


class TestCommand:
    """showfacts diff."""

    def test_text(self, capsys):
        """Text: one line per change on standard output."""
        status = main(["diff", str(EVERY / "old"), str(EVERY / "new")])
        assert (0, to_text(every_kind())) == (status,
                                              capsys.readouterr().out)

    def test_no_changes(self, capsys):
        """No changes: nothing printed, exit 0."""
        status = main(["diff", str(EXAMPLES), str(EXAMPLES)])
        assert (0, "") == (status, capsys.readouterr().out)

    def test_exit_code(self, capsys):
        """--exit-code: 3 when something changed, 0 when nothing did."""
        assert 3 == main(["diff", "--exit-code", str(PAIR / "old"),
                          str(PAIR / "new")])
        assert 0 == main(["diff", "--exit-code", str(PAIR / "old"),
                          str(PAIR / "old")])
        capsys.readouterr()

    def test_output_file(self, tmp_path, capsys):
        """-o writes the file whole."""
        target = tmp_path / "changes.json"
        status = main(["diff", str(EVERY / "old"), str(EVERY / "new"),
                       "--to", "json", "-o", str(target)])
        assert (0, "") == (status, capsys.readouterr().out)
        assert to_json(every_kind()) == target.read_text(encoding="utf-8")

    @pytest.mark.parametrize("paths", [["one"], ["a", "b", "c"]])
    def test_two_paths_without_git(self, paths, capsys):
        """Without --git, exactly OLD and NEW."""
        assert 2 == main(["diff", *paths])
        assert "diff compares two paths" in capsys.readouterr().err

    def test_invalid_data(self, tmp_path, capsys):
        """Invalid data on either side: exit 1, nothing on stdout."""
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\ntitle: [1]\n")
        status = main(["diff", str(bad), str(PAIR / "new")])
        captured = capsys.readouterr()
        assert (1, "") == (status, captured.out)
        assert str(bad) in captured.err

    def test_unknown_format(self, capsys):
        """An unknown --to is a usage error."""
        assert 2 == main(["diff", "--to", "xml", "a", "b"])
        assert "invalid choice" in capsys.readouterr().err


def test_doctests(monkeypatch):
    """The examples in the module's docstrings run."""
    import doctest

    from showfacts import diff as module

    monkeypatch.chdir(ROOT)
    result = doctest.testmod(module)
    assert (0, True) == (result.failed, result.attempted > 0)
