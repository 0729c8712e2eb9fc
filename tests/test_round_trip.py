"""dump() edits a YAML file in place: only what changed changes."""

from __future__ import annotations

import difflib
import json
import shutil

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import showfacts as sf
from showfacts import loading
from tests import strategies
from tests.conftest import EXAMPLES


try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib


@pytest.fixture
def ballard(tmp_path):
    """A copy of examples/ballard.yaml to edit."""
    path = tmp_path / "ballard.yaml"
    shutil.copy(EXAMPLES / "ballard.yaml", path)
    return path


def _changed(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(
            before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_dumping_an_unchanged_show_changes_nothing(ballard):
    """Comments, flow style, key order: byte for byte."""
    before = ballard.read_bytes()
    sf.dump(sf.load(ballard), ballard)
    assert before == ballard.read_bytes()


def test_load_edit_dump_changes_only_the_edited_lines(ballard):
    """One changed certainty is one changed line."""
    before = ballard.read_text(encoding="utf-8")
    show = sf.load(ballard)
    sf.dump(sf.replace_fact(show, "s2-premiere-window",
                            certainty="reported"), ballard)
    after = ballard.read_text(encoding="utf-8")
    assert ["-        certainty: expected",
            "+        certainty: reported"] == _changed(before, after)
    assert after.startswith("# yaml-language-server: $schema=")
    assert sf.replace_fact(show, "s2-premiere-window",
                           certainty="reported") == sf.load(ballard)


def test_a_new_fact_is_written_in_the_files_style(ballard):
    """Adding a fact adds its lines, in the indentation of its siblings."""
    before = ballard.read_text(encoding="utf-8")
    show = sf.load(ballard)
    season = show.season(2)
    added = sf.Milestone(id="s2-trailer", kind="trailer_released",
                         certainty="confirmed", date="2026-05-01",
                         sources=("article",))
    new = attrs.evolve(show, seasons=tuple(
        attrs.evolve(s, milestones=(*s.milestones, added))
        if s is season else s for s in show.seasons
    ))
    sf.dump(new, ballard)
    after = ballard.read_text(encoding="utf-8")
    changes = _changed(before, after)
    assert all(line.startswith("+") for line in changes), changes
    assert "+      - id: s2-trailer" in changes
    assert new == sf.load(ballard)


def test_removing_and_changing_keep_the_comments(ballard):
    """A removed key goes, with its line; every comment stays."""
    before = ballard.read_text(encoding="utf-8")
    show = sf.load(ballard)
    new = attrs.evolve(show, description="A crime drama.")
    sf.dump(new, ballard)
    after = ballard.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines()
                if line.lstrip().startswith("#")]
    assert comments == [line for line in after.splitlines()
                        if line.lstrip().startswith("#")]
    assert new == sf.load(ballard)
    assert len(_changed(before, after)) < 6


def test_another_show_replaces_the_file(ballard):
    """A file holding another show is replaced, not merged."""
    bosch = sf.load(EXAMPLES / "bosch.yaml")
    sf.dump(bosch, ballard)
    assert bosch == sf.load(ballard)
    assert "Ballard" not in ballard.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_json_and_toml_keep_their_schema(tmp_path, fmt):
    """A $schema the file declared is written back."""
    source = {"json": "harbor-lights.json",
              "toml": "lantern-keepers.toml"}[fmt]
    target = tmp_path / source
    shutil.copy(EXAMPLES / source, target)
    show = sf.load(target)
    sf.dump(show, target)
    text = target.read_text(encoding="utf-8")
    value = json.loads(text) if fmt == "json" else tomllib.loads(text)
    assert "../schemas/show.schema.json" == value["$schema"]
    assert show == sf.load(target)


def test_a_new_file_declares_the_schema(tmp_path):
    """A file dump() creates is a show file in its folder."""
    show = sf.load(EXAMPLES / "bosch.yaml")
    for fmt in ("yaml", "json", "toml"):
        sf.dump(show, tmp_path / fmt / f"bosch.{fmt}")
        assert [tmp_path / fmt / f"bosch.{fmt}"] == list(
            loading.show_files(tmp_path / fmt))
    (tmp_path / "yaml" / "show.schema.json").write_bytes(b"{}")
    sf.dump(show, tmp_path / "yaml" / "again.yaml")
    assert (tmp_path / "yaml" / "again.yaml").read_text(
        encoding="utf-8").startswith(
        "# yaml-language-server: $schema=show.schema.json\n")


def test_new_yaml_is_written_by_ruamel_and_quoted_safely():
    """Strings that read as other things are quoted; output reads back."""
    show = sf.Show(id="x", title="yes", genres=("on", "0x1F", "null",
                                               "2026-01-01", "a: b"))
    text = sf.dumps(show, "yaml")
    assert "title: 'yes'" in text
    assert show == sf.loads(text)


@settings(deadline=None, max_examples=40)
@given(show=strategies.shows(), data=st.data())
def test_any_show_edits_back_to_itself(tmp_path_factory, show, data):
    """Any show, written then edited, reads back as the edited show."""
    path = tmp_path_factory.mktemp("edit") / "show.yaml"
    sf.dump(show, path)
    before = path.read_bytes()
    sf.dump(sf.load(path), path)
    assert before == path.read_bytes()
    refs = show.facts()
    if refs:
        ref = data.draw(st.sampled_from(refs))
        certainty = data.draw(st.sampled_from(list(sf.Certainty)))
        edited = sf.replace_fact(show, ref.fact.id, certainty=certainty)
        sf.dump(edited, path)
        assert edited == sf.load(path)
