"""Lint: stale speculation, contradictions, unsourced, old; and `new`."""

from __future__ import annotations

import datetime as dt

import pytest

import showfacts as sf
from showfacts import _schema
from showfacts.lint import Level, lint
from tests.conftest import EXAMPLES
from tests.test_cli import run


D = dt.date


def _show(*milestones: sf.Milestone, **kw: object) -> sf.Show:
    fields: dict[str, object] = {
        "id": "demo", "title": "Demo", "fictional": True,
        "sources": (sf.Source(id="s", title="S",
                              published=sf.FuzzyDate.of("2026-01-10")),),
        "seasons": (sf.Season(number=1, milestones=milestones),),
    }
    fields.update(kw)
    return sf.Show(**fields)


def _premiere(fact_id: str, edtf: str, certainty: str = "expected",
              **kw: object) -> sf.Milestone:
    return sf.Milestone(id=fact_id, kind="premiere", certainty=certainty,
                        date=sf.FuzzyDate.of(edtf), sources=("s",), **kw)


FEB_2026 = D(2026, 2, 1)


def _checks(show: sf.Show, today: D = FEB_2026, **kw: object) -> list[
    tuple[str, str, str]
]:
    return [(f.level.value, f.check, f.path)
            for f in lint(show, today=today, **kw)]


class TestStale:
    """Expected or rumored windows that have passed."""

    def test_ballard_window_is_stale_in_2027(self):
        """The acceptance example: stale on 2027-01-01, not on 2026-01-01."""
        ballard = sf.load(EXAMPLES / "ballard.yaml")
        late = [f for f in lint(ballard, today=D(2027, 1, 1))
                if f.check == "stale"]
        assert [("s2", "$.seasons[1].milestones[2]", Level.ERROR)] == [
            ("s2", f.path, f.level) for f in late
        ]
        assert "summer or fall 2026" in late[0].message
        assert [] == [f for f in lint(ballard, today=D(2026, 1, 1))
                      if f.check == "stale"]

    def test_the_last_day_is_not_stale(self):
        """A window is stale only after its last day."""
        show = _show(_premiere("p", "2026-05"))
        assert not _checks(show, D(2026, 5, 31))
        assert [("error", "stale", "$.seasons[0].milestones[0]")] == (
            _checks(show, D(2026, 6, 1))
        )

    def test_confirmed_and_superseded_are_not_stale(self):
        """Confirmed dates and superseded windows are history, not stale."""
        show = _show(
            _premiere("window", "2026-03"),
            _premiere("day", "2026-04-02", "confirmed", supersedes="window"),
        )
        assert [] == _checks(show, D(2026, 9, 1))

    def test_reported_is_not_speculation(self):
        """Reported facts are not stale speculation (but may be old)."""
        show = _show(_premiere("p", "2026-03", "reported"))
        assert "stale" not in {c for _, c, _ in _checks(show, D(2026, 4, 1))}


class TestOtherChecks:
    """Contradictions, unsourced, old, no character, season gaps."""

    def test_contradicting_premieres(self):
        """Two current premiere dates that cannot both hold."""
        show = _show(_premiere("a", "2026-09-12", "confirmed"),
                     _premiere("b", "2026-10-01", "reported"))
        assert [("error", "contradiction", "$.seasons[0].milestones[1]")] == (
            _checks(show)
        )

    def test_overlapping_windows_agree(self):
        """A narrower window inside a wider one is no contradiction."""
        show = _show(_premiere("a", "2026-22/2026-23"),
                     _premiere("b", "2026-09", "rumored"))
        assert [] == _checks(show)

    def test_contradicting_statuses(self):
        """Two current statuses that differ."""
        show = _show(statuses=(
            sf.StatusFact(id="a", status="returning", certainty="confirmed",
                          sources=("s",)),
            sf.StatusFact(id="b", status="cancelled", certainty="reported",
                          sources=("s",)),
        ))
        assert [("error", "contradiction", "$.statuses[1]")] == _checks(show)

    def test_contradicting_release_plans(self):
        """Two plans for the same platform and region that disagree."""
        show = _show(seasons=(sf.Season(number=1, release_plans=(
            sf.ReleasePlan(id="a", pattern="weekly", certainty="confirmed",
                           sources=("s",)),
            sf.ReleasePlan(id="b", pattern="all_at_once",
                           certainty="rumored", sources=("s",)),
        )),))
        assert [("error", "contradiction",
                 "$.seasons[0].release_plans[1]")] == _checks(show)

    def test_unsourced(self):
        """A fact with no source is a warning."""
        show = _show(sf.Milestone(id="r", kind="renewed",
                                  certainty="confirmed"))
        assert [("warning", "unsourced",
                 "$.seasons[0].milestones[0].sources")] == _checks(show)

    def test_old_unconfirmed(self):
        """An unconfirmed fact older than max_age, with nothing newer."""
        show = _show(_premiere("p", "2027", announced=sf.FuzzyDate.of(
            "2026-01-01")))
        assert [] == _checks(show, D(2026, 6, 1))
        assert [("warning", "old", "$.seasons[0].milestones[0]")] == (
            _checks(show, D(2026, 8, 1))
        )
        assert [] == _checks(show, D(2026, 8, 1), max_age=365)

    def test_undated_news(self):
        """News with no date to publish it under is a warning."""
        show = _show(
            sf.Milestone(id="r", kind="renewed", certainty="reported",
                         sources=("undated",)),
            sources=(sf.Source(id="undated", title="Undated"),),
        )
        assert [("warning", "undated", "$.seasons[0].milestones[0]")] == (
            _checks(show)
        )
        bosch = sf.load(EXAMPLES / "bosch.yaml")
        assert {"undated"} == {
            f.check for f in lint(bosch, today=FEB_2026)
        }

    def test_cast_without_character(self):
        """A credit that names no character is a warning."""
        show = _show(
            people=(sf.Person(id="p", name="P"),),
            seasons=(sf.Season(number=1, cast=(sf.CastCredit(
                id="c", person="p", certainty="confirmed", sources=("s",),
            ),)),),
        )
        assert [("warning", "no-character",
                 "$.seasons[0].cast[0].characters")] == _checks(show)

    def test_departure_without_character(self):
        """A departure needs no character; a killed-off credit does."""
        def credit(status):
            return _show(
                people=(sf.Person(id="p", name="P"),),
                seasons=(sf.Season(number=1, cast=(sf.CastCredit(
                    id="c", person="p", certainty="confirmed",
                    sources=("s",), status=status,
                ),)),),
            )

        assert [] == _checks(credit("not_returning"))
        assert [] == _checks(credit("departing"))
        assert [("warning", "no-character",
                 "$.seasons[0].cast[0].characters")] == _checks(
            credit("killed_off"))

    def test_season_gap(self):
        """Seasons 1 and 3 without 2."""
        show = _show(seasons=(sf.Season(number=3), sf.Season(number=1),
                              sf.Season(number=0)))
        assert [("warning", "season-gap", "$.seasons[0].number")] == (
            _checks(show)
        )


class TestCommand:
    """showfacts lint."""

    def test_stale_exits_1_with_file_and_line(self, capsys):
        """Errors exit 1, one file:line: $.path: level: message per line."""
        path = EXAMPLES / "ballard.yaml"
        status, out, _ = run(["lint", str(path), "--today", "2027-01-01"],
                             capsys=capsys)
        assert 1 == status
        stale = [line for line in out.splitlines() if "[stale]" in line]
        line = path.read_text().splitlines().index(
            "      - id: s2-premiere-window") + 1
        assert [f"{path}:{line}: $.seasons[1].milestones[2]: error: "] == [
            s[: s.index("error: ") + len("error: ")] for s in stale
        ]

    def test_warnings_exit_0_unless_strict(self, tmp_path, capsys):
        """Warnings alone exit 0; --strict makes them count."""
        text = (EXAMPLES / "lantern-keepers.toml").read_text(encoding="utf-8")
        # A credit that says nothing of its role: the one warning.
        text = text.replace("undisclosed = true\n", "", 1)
        path = str(tmp_path / "lantern-keepers.toml")
        (tmp_path / "lantern-keepers.toml").write_text(text, encoding="utf-8")
        status, out, _ = run(["lint", path, "--today", "2026-11-24"],
                             capsys=capsys)
        assert (0, 1) == (status, out.count("warning: "))
        status, _, _ = run(["lint", path, "--today", "2026-11-24",
                            "--strict"], capsys=capsys)
        assert 1 == status

    def test_clean_data_exits_0(self, capsys):
        """No findings: exit 0, no output."""
        assert (0, "", "") == run(
            ["lint", str(EXAMPLES / "harbor-lights.json"), "--today",
             "2026-11-24"],
            capsys=capsys,
        )

    def test_invalid_data_exits_1(self, tmp_path, capsys):
        """Invalid files are reported like validate does."""
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\n")
        status, _, err = run(["lint", str(bad)], capsys=capsys)
        assert 1 == status
        assert "missing required key 'title'" in err

    @pytest.mark.parametrize("args", [
        ["lint", str(EXAMPLES), "--today", "tomorrow"],
        ["lint", str(EXAMPLES), "--max-age", "-3"],
        ["lint", "/nonexistent/path"],
    ])
    def test_usage_errors_exit_2(self, args, capsys):
        """Bad options and missing paths exit 2."""
        assert 2 == run(args, capsys=capsys)[0]


class TestNewAndSchema:
    """The new and schema commands."""

    def test_new_writes_a_valid_starter(self, tmp_path, capsys, monkeypatch):
        """The starter file validates and says how to check it."""
        monkeypatch.chdir(tmp_path)
        assert 0 == run(["new", "my-show"], capsys=capsys)[0]
        text = (tmp_path / "my-show.yaml").read_text()
        assert "showfacts validate my-show.yaml" in text
        show = sf.load(tmp_path / "my-show.yaml")
        assert ("my-show", "My Show") == (show.id, show.title)
        assert (0, "", "") == run(["validate", "my-show.yaml"], capsys=capsys)

    def test_new_refuses_to_overwrite(self, tmp_path, capsys):
        """An existing file is kept unless --force."""
        target = tmp_path / "x.yaml"
        target.write_text("mine")
        status, _, err = run(["new", "x", "-o", str(target)], capsys=capsys)
        assert (2, "mine") == (status, target.read_text())
        assert "exists already" in err
        assert 0 == run(["new", "x", "-o", str(target), "--force"],
                        capsys=capsys)[0]
        assert "id: x" in target.read_text()

    def test_new_to_stdout(self, capsys):
        """-o - prints the starter."""
        status, out, _ = run(["new", "a-b", "--title", "A & B", "-o", "-"],
                             capsys=capsys)
        assert 0 == status
        assert "title: A & B" in out

    def test_new_rejects_bad_slugs(self, capsys):
        """A slug that is not an id is a usage error."""
        status, _, err = run(["new", "My Show!"], capsys=capsys)
        assert 2 == status
        assert "not a valid show id" in err

    def test_schema_prints_the_packaged_schema(self, tmp_path, capsys):
        """Showfacts schema writes the schema byte for byte."""
        target = tmp_path / "show.schema.json"
        assert 0 == run(["schema", "-o", str(target)], capsys=capsys)[0]
        assert _schema.schema_bytes() == target.read_bytes()
