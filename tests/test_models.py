"""The model: invariants for data built in code, the current view, history."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import showfacts as sf
from showfacts import crosswalk, jsonld
from tests.strategies import catalogs, shows


def _source(source_id: str = "src") -> sf.Source:
    return sf.Source(id=source_id, title="A source")


def _premiere(fact_id: str, edtf: str, certainty: str = "confirmed",
              **kw: object) -> sf.Milestone:
    return sf.Milestone(
        id=fact_id, kind="premiere", date=sf.FuzzyDate.of(edtf),
        certainty=certainty, sources=("src",), **kw,
    )


def _show(**kw: object) -> sf.Show:
    fields: dict[str, object] = {
        "id": "demo", "title": "Demo", "fictional": True,
        "sources": (_source(),),
    }
    fields.update(kw)
    return sf.Show(**fields)


def _problems(**kw: object) -> list[str]:
    with pytest.raises(sf.InvalidDataError) as info:
        _show(**kw)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


class TestCertainty:
    """The certainty ladder."""

    def test_order(self):
        """Confirmed is the most certain, speculative the least."""
        ladder = sorted(sf.Certainty, reverse=True)
        assert [
            "confirmed", "reported", "expected", "rumored", "speculative"
        ] == [c.value for c in ladder]
        assert sf.Certainty.REPORTED > sf.Certainty.RUMORED
        assert sf.Certainty.RUMORED <= sf.Certainty.RUMORED

    def test_words(self):
        """Headlines say 'speculation', not 'speculative'."""
        assert "speculation" == sf.Certainty.SPECULATIVE.word
        assert "expected" == sf.Certainty.EXPECTED.word

    def test_strings_convert(self):
        """Facts built in code may name certainties by their value."""
        fact = sf.Tease(id="t", text="x", certainty="rumored")
        assert sf.Certainty.RUMORED is fact.certainty


class TestInvariants:
    """A show built in code is checked like a file."""

    def test_unique_season_numbers(self):
        """Two seasons cannot share a number."""
        assert [
            "$.seasons[1].number: duplicate season number 1, first at "
            "$.seasons[0]"
        ] == _problems(seasons=(sf.Season(number=1), sf.Season(number=1)))

    def test_unique_fact_ids(self):
        """Fact ids are unique across the whole show."""
        problems = _problems(
            milestones=(_premiere("x", "2026"),),
            seasons=(sf.Season(number=1, milestones=(_premiere("x", "2027"),
                                                     )),),
        )
        assert [
            "$.seasons[0].milestones[0].id: duplicate fact id 'x', first "
            "used at $.milestones[0]"
        ] == problems

    def test_sources_exist(self):
        """A fact may cite only declared sources, with a hint."""
        problems = _problems(milestones=(sf.Milestone(
            id="m", kind="renewed", certainty="confirmed",
            sources=("sorce",),
        ),))
        assert [
            "$.milestones[0].sources[0]: unknown source 'sorce'; did you "
            "mean 'src'?"
        ] == problems

    def test_people_characters_orgs_works_exist(self):
        """Credits, plans and adaptations name declared entities."""
        problems = _problems(
            networks=("nowhere",),
            based_on=(sf.Adaptation(id="a", work="book",
                                    certainty="confirmed"),),
            seasons=(sf.Season(
                number=1,
                cast=(sf.CastCredit(id="c", person="p", characters=("ch",),
                                    certainty="reported"),),
                release_plans=(sf.ReleasePlan(id="r", platform="net",
                                              certainty="expected"),),
            ),),
        )
        assert {
            "$.networks[0]: unknown organization 'nowhere'; none is "
            "declared",
            "$.based_on[0].work: unknown work 'book'; none is declared",
            "$.seasons[0].cast[0].person: unknown person 'p'; none is "
            "declared",
            "$.seasons[0].cast[0].characters[0]: unknown character 'ch'; "
            "none is declared",
            "$.seasons[0].release_plans[0].platform: unknown organization "
            "'net'; none is declared",
        } == set(problems)

    def test_supersede_target_exists(self):
        """A fact can only supersede a fact that exists."""
        assert [
            "$.milestones[0].supersedes: unknown fact 'onee'; did you mean "
            "'one'?"
        ] == _problems(milestones=(_premiere("one", "2026",
                                             supersedes="onee"),))
        assert [
            "$.milestones[0].supersedes: unknown fact 'x' (declared: one)"
        ] == _problems(milestones=(_premiere("one", "2026",
                                             supersedes="x"),))

    def test_supersede_same_kind(self):
        """A milestone cannot supersede a tease."""
        problems = _problems(
            teases=(sf.Tease(id="t", text="x", certainty="rumored"),),
            milestones=(_premiere("m", "2026", supersedes="t"),),
        )
        assert [
            "$.milestones[0].supersedes: a milestone can only supersede "
            "another milestone, but 't' is a tease"
        ] == problems

    def test_supersede_cycles(self):
        """Supersede chains cannot loop."""
        problems = _problems(milestones=(
            _premiere("a", "2026", supersedes="b"),
            _premiere("b", "2026", supersedes="a"),
        ))
        assert [
            "$.milestones[0].supersedes: supersede cycle: 'a' -> 'b' -> 'a'",
            "$.milestones[1].supersedes: supersede cycle: 'b' -> 'a' -> 'b'",
        ] == problems

    def test_supersede_self(self):
        """A fact cannot supersede itself."""
        assert [
            "$.milestones[0].supersedes: a fact cannot supersede itself"
        ] == _problems(milestones=(_premiere("a", "2026", supersedes="a"),))

    def test_times_need_days_and_zones(self):
        """A time needs a date known to the day and a time zone."""
        problems = _problems(milestones=(
            _premiere("a", "2026-09", time="21:00",
                      timezone="America/New_York"),
            _premiere("b", "2026-09-12", time="21:00"),
            _premiere("c", "2026-09-12", time="21:00", timezone="Mars/Base"),
        ))
        assert [
            "$.milestones[0].time: a time needs a date known to the day",
            "$.milestones[1].timezone: time and timezone go together: give "
            "both or neither",
            "$.milestones[2].timezone: 'Mars/Base' is not an IANA time zone "
            "(e.g. America/New_York, Europe/London, UTC)",
        ] == problems

    def test_field_validators(self):
        """Field validators say which field and what was wrong."""
        with pytest.raises(ValueError, match="'id' must be an id"):
            sf.Person(id="Not An Id", name="x")
        with pytest.raises(ValueError, match="'url' must be an absolute"):
            sf.Source(id="s", title="t", url="javascript:alert(1)")
        with pytest.raises(ValueError, match="'title' must be a non-empty"):
            sf.Source(id="s", title="  ")
        with pytest.raises(ValueError, match="'title' must be a non-empty"):
            sf.Source(id="s", title="\x00\u200b")
        with pytest.raises(ValueError, match="from 0"):
            sf.Season(number=-1)

    def test_patterns_hold_to_the_end_of_the_text(self):
        """A trailing line break fails a pattern (Python's ``$`` allows it)."""
        with pytest.raises(ValueError, match="'id' must be an id"):
            sf.Person(id="abc\n", name="x")
        with pytest.raises(ValueError, match="'networks' must be"):
            _show(networks=("abc\n",))
        with pytest.raises(ValueError, match="'time' must be HH:MM"):
            sf.Milestone(id="m", kind="premiere", certainty="confirmed",
                         time="20:00\n")
        with pytest.raises(ValueError, match="'eidr' must be an EIDR id"):
            sf.ExternalIds(eidr="10.5240/1489-49A2-3956-4B2D-FE16-5\n")
        with pytest.raises(ValueError, match="'url' must be an absolute"):
            jsonld.Author(name="A", url="https://example.org/a\n")

    @given(shows())
    def test_evolve_rechecks(self, show):
        """attrs.evolve builds a new show, checked like any other."""
        assert show == attrs.evolve(show)
        if show.sources:
            with pytest.raises(sf.InvalidDataError, match="duplicate source"):
                attrs.evolve(show, sources=show.sources * 2)


class TestCurrentView:
    """What is current, and what was said before."""

    @pytest.fixture
    def show(self) -> sf.Show:
        """A premiere window narrowed twice, and a retracted rumor."""
        return _show(seasons=(sf.Season(
            number=2,
            milestones=(
                _premiere("window", "2026", "expected"),
                _premiere("narrowed", "2026-22/2026-23", "reported",
                          supersedes="window"),
                _premiere("day", "2026-09-12", supersedes="narrowed"),
                sf.Milestone(
                    id="rumor", kind="finale", certainty="rumored",
                    retracted=sf.Retraction(reason="wrong"),
                ),
            ),
        ),))

    def test_current_premiere(self, show):
        """The newest link of the chain is current."""
        premiere = sf.current(show).season(2).premiere
        assert ("day", sf.Certainty.CONFIRMED) == (
            premiere.id, premiere.certainty
        )

    def test_history(self, show):
        """History runs from the oldest statement to the newest."""
        assert ["window", "narrowed", "day"] == [
            f.id for f in show.history("day")
        ]
        assert ["narrowed"] == [f.id for f in show.superseded_by("window")]

    def test_retracted_is_not_current(self, show):
        """A retracted fact drops out of the current view, not the data."""
        assert sf.current(show).season(2).finale is None
        assert not show.is_current("rumor")
        assert "rumor" in [r.fact.id for r in show.facts()]

    def test_best_of_several(self):
        """Several current answers: the most certain wins."""
        show = _show(seasons=(sf.Season(number=1, milestones=(
            _premiere("a", "2026-05", "rumored"),
            _premiere("b", "2026-06", "reported"),
            _premiere("c", "2026-07", "expected"),
        )),))
        assert "b" == sf.current(show).season(1).premiere.id

    def test_fact_refs(self, show):
        """Every fact knows where it lives."""
        ref = show.ref("narrowed")
        assert (2, "milestones", "$.seasons[0].milestones[1]") == (
            ref.season, ref.collection, ref.path
        )

    def test_missing_season(self, show):
        """Asking for a season that does not exist is a KeyError."""
        with pytest.raises(KeyError):
            sf.current(show).season(9)


class TestCatalog:
    """Several shows together."""

    def test_sorted_and_resolved(self):
        """Shows sort by id; relations resolve to shows in the catalog."""
        parent = _show(id="parent", title="Parent")
        child = _show(id="child", title="Child", relations=(sf.Relation(
            id="r", kind="spin_off_of", show="parent", certainty="confirmed",
        ),))
        catalog = sf.Catalog(shows=[parent, child])
        assert ["child", "parent"] == [s.id for s in catalog]
        [(relation, target)] = catalog.related(child)
        assert (relation.show, target) == ("parent", parent)

    def test_one_id_one_name(self):
        """A person id names the same person in every show."""
        a = _show(id="a", people=(sf.Person(id="p", name="Ann"),))
        b = _show(id="b", people=(sf.Person(id="p", name="Anne"),))
        with pytest.raises(sf.InvalidDataError, match="one id, one name"):
            sf.Catalog(shows=[a, b])

    def test_one_work_one_title_one_franchise_one_name(self):
        """Works and franchises shared by id must agree too."""
        work = sf.SourceWork(id="w", kind="book", title="One")
        a = _show(id="a", works=(work,),
                  franchise=sf.Franchise(id="f", name="F"))
        b = _show(id="b", works=(attrs.evolve(work, title="Two"),),
                  franchise=sf.Franchise(id="f", name="G"))
        with pytest.raises(sf.InvalidDataError) as info:
            sf.Catalog(shows=[a, b])
        assert {"$.works[0].title", "$.franchise.name"} == {
            p.path for p in info.value.problems
        }

    def test_unique_show_ids(self):
        """Two files cannot define the same show."""
        with pytest.raises(sf.InvalidDataError, match="used by another"):
            sf.Catalog(shows=[_show(), _show()])

    @given(catalogs(max_shows=2))
    def test_generated_catalogs_hold(self, catalog):
        """Generated catalogs are valid and sorted."""
        ids = [s.id for s in catalog]
        assert sorted(ids) == ids


class TestCrosswalk:
    """Statuses to and from TMDb and TVmaze."""

    @pytest.mark.parametrize("status", crosswalk.TMDB_STATUSES)
    def test_tmdb_round_trip(self, status):
        """Every TMDb status comes back unchanged."""
        assert status == crosswalk.to_tmdb(crosswalk.from_tmdb(status))

    @pytest.mark.parametrize("status", crosswalk.TVMAZE_STATUSES)
    def test_tvmaze_round_trip(self, status):
        """Every TVmaze status comes back unchanged."""
        assert status == crosswalk.to_tvmaze(crosswalk.from_tvmaze(status))

    @pytest.mark.parametrize("status", list(sf.ShowStatus))
    def test_every_status_maps_out(self, status):
        """Every showfacts status has a TMDb and a TVmaze status."""
        assert crosswalk.to_tmdb(status) in crosswalk.TMDB_STATUSES
        assert crosswalk.to_tvmaze(status) in crosswalk.TVMAZE_STATUSES

    @pytest.mark.parametrize(
        ("ours", "tmdb", "tvmaze"),
        [
            ("returning", "Returning Series", "Running"),
            ("undetermined", "Returning Series", "To Be Determined"),
            ("cancelled", "Canceled", "Ended"),
            ("in_development", "Planned", "In Development"),
            ("pilot", "Pilot", "In Development"),
        ],
    )
    def test_documented_rows(self, ours, tmdb, tvmaze):
        """The rows the module documents hold."""
        status = sf.ShowStatus(ours)
        assert (tmdb, tvmaze) == (
            crosswalk.to_tmdb(status), crosswalk.to_tvmaze(status)
        )

    def test_unknown_values(self):
        """Values the services do not use are refused, with the list."""
        with pytest.raises(ValueError, match="known: Returning Series"):
            crosswalk.from_tmdb("Renewed")
        with pytest.raises(ValueError, match="known: Running"):
            crosswalk.from_tvmaze("Returning Series")


class TestSite:
    """Base URLs."""

    @pytest.mark.parametrize("base", [
        "ftp://example.org/", "example.org", "https://example.org/?q=1",
        "https://example.org/#top", 'https://example.org/"><script>',
        "https://exa mple.org/", "https://example.org/a<b/",
    ])
    def test_bad_base_urls(self, base):
        """Only absolute http(s) URLs without query, fragment or markup."""
        from showfacts.iris import Site

        with pytest.raises(sf.InputError, match="base URL"):
            Site(base)

    def test_a_slash_is_added(self):
        """The base always ends with a slash."""
        from showfacts.iris import Site

        assert "https://example.org/tv/" == Site("https://example.org/tv").base


# -- conversion at construction -----------------------------------------------


def test_constructors_convert_iso_strings_and_dates():
    """A string or a date where a FuzzyDate belongs becomes one."""
    import datetime as dt

    from showfacts import FuzzyDate, Milestone, MilestoneKind, Source

    for value in ("2026-03-01", dt.date(2026, 3, 1),
                  dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.timezone.utc),
                  FuzzyDate(edtf="2026-03-01")):
        milestone = Milestone(id="m", kind="premiere", certainty="confirmed",
                              date=value)
        assert FuzzyDate(edtf="2026-03-01") == milestone.date
        assert MilestoneKind.PREMIERE is milestone.kind
    assert FuzzyDate(edtf="2026-22") == Source(id="s", title="S",
                                               published="2026-22").published


def test_constructed_facts_publish():
    """What was converted at construction goes through the outputs."""
    from showfacts import Milestone, Season, Show, Source
    from showfacts.jsonld import to_jsonld

    show = Show(
        id="demo", title="Demo", fictional=True,
        sources=(Source(id="s", title="S"),),
        seasons=(Season(number=1, milestones=(Milestone(
            id="m", kind="premiere", certainty="confirmed",
            date="2026-03-01", sources=("s",)),)),),
    )
    assert "2026-03-01" in str(to_jsonld(show, "https://example.org/"))


@pytest.mark.parametrize(("kwargs", "path", "words"), [
    ({"kind": "premeire"}, "$.kind", "did you mean 'premiere'?"),
    ({"certainty": "confimed"}, "$.certainty", "did you mean 'confirmed'?"),
    ({"date": "2026-13"}, "$.date", "must be a fuzzy date"),
    ({"date": 2026}, "$.date", "not int 2026"),
    ({"announced": "soon"}, "$.announced", "must be a fuzzy date"),
])
def test_constructors_refuse_naming_the_field(kwargs, path, words):
    """What cannot be converted is an InvalidDataError at its field."""
    from showfacts import InvalidDataError, Milestone

    args = {"id": "m", "kind": "premiere", "certainty": "confirmed",
            **kwargs}
    with pytest.raises(InvalidDataError) as info:
        Milestone(**args)
    [problem] = info.value.problems
    assert path == problem.path
    assert words in problem.message


def test_enumerations_refuse_in_every_class():
    """Each enumerated field converts its strings, or refuses by name."""
    from showfacts import (
        CastCredit,
        CrewCredit,
        InvalidDataError,
        Organization,
        StatusFact,
    )

    assert "network" == Organization(id="o", name="O", kind="network").kind
    credit = CastCredit(id="c", person="p", certainty="reported",
                        billing="guest", status="new")
    assert ("guest", "new") == (credit.billing.value, credit.status.value)
    for cls, kwargs, field in (
        (StatusFact, {"status": "renewd"}, "status"),
        (CrewCredit, {"person": "p", "role": "writter"}, "role"),
        (CastCredit, {"person": "p", "billing": "lead"}, "billing"),
    ):
        with pytest.raises(InvalidDataError) as info:
            cls(id="f", certainty="reported", **kwargs)
        assert f"$.{field}" == info.value.problems[0].path


def test_replace_fact_anywhere():
    """One fact changes by id, in a season or at the top, and nothing else."""
    import showfacts
    from tests.conftest import EXAMPLES

    show = showfacts.load(EXAMPLES / "ballard.yaml")
    new = showfacts.replace_fact(show, "s2-premiere-window",
                                 certainty="reported", date="2026-10")
    fact = new.fact("s2-premiere-window")
    assert ("reported", "2026-10") == (fact.certainty.value, fact.date.edtf)
    others = [r.fact for r in show.facts()
              if r.fact.id != "s2-premiere-window"]
    assert others == [r.fact for r in new.facts()
                      if r.fact.id != "s2-premiere-window"]
    with pytest.raises(KeyError):
        showfacts.replace_fact(show, "no-such-fact", certainty="reported")
    with pytest.raises(showfacts.InvalidDataError, match="did you mean"):
        showfacts.replace_fact(show, "s2-premiere-window", kind="premeire")
