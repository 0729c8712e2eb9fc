"""
Every command, every exit status: 0 done, 1 invalid data, 2 usage.

The per-command tests check what each command writes; this module checks
the contract they share: ``--help`` with examples, ``python -m showfacts``,
standard input where it makes sense, errors on stderr, no traceback.
"""

from __future__ import annotations

import pytest

from showfacts.cli import build_parser
from tests.conftest import EXAMPLES
from tests.test_cli import run


BALLARD = str(EXAMPLES / "ballard.yaml")

#: Each command with arguments that succeed (PATH stands for a show file).
BASE = ["--base-url", "https://example.org/tv/"]

GOOD = {
    "build": ["PATH", "--out", "OUT", *BASE],
    "validate": ["PATH"],
    "lint": ["PATH", "--today", "2026-01-01"],
    "new": ["my-show", "-o", "OUT"],
    "jsonld": ["PATH", *BASE],
    "html": ["PATH", *BASE],
    "feed": ["PATH", "--to", "rss", *BASE],
    "calendar": ["PATH", *BASE],
    "diff": ["PATH", "PATH"],
    "schema": [],
    "import": ["jsonld", str(EXAMPLES.parent / "tests" / "data" / "importers"
                             / "jsonld-series.jsonld"), "-o", "OUT"],
    "completion": ["bash"],
}

#: Commands that run until stopped, tested in their own modules.
SERVERS = ("serve",)

#: Commands whose output holds absolute addresses: no guessed base URL.
ADDRESSED = ("jsonld", "html", "feed", "calendar")

#: Commands that read show files, and so can meet invalid data.
READERS = ("build", "validate", "lint", "jsonld", "html", "feed",
           "calendar", "diff")

#: Commands that read a show from standard input with ``-``.
STDIN = ("validate", "jsonld", "html", "feed", "calendar")


def _args(command: str, path: str, out: str) -> list[str]:
    return [command] + [
        path if a == "PATH" else out if a == "OUT" else a
        for a in GOOD[command]
    ]


def test_every_command_is_covered():
    """The lists above name every command the parser has."""
    parser = build_parser()
    [commands] = [a for a in parser._actions
                  if isinstance(a.choices, dict) and "validate" in a.choices]
    assert set(GOOD) | set(SERVERS) == set(commands.choices)


@pytest.mark.parametrize("command", ADDRESSED)
def test_no_base_url_no_output(command, tmp_path, capsys):
    """Without --base-url: exit 2, saying why; never a localhost address."""
    args = [a for a in _args(command, BALLARD, str(tmp_path / "out"))
            if a not in BASE]
    status, out, err = run(args, capsys=capsys)
    assert (2, "") == (status, out)
    assert "--base-url is required" in err


@pytest.mark.parametrize("command", sorted([*GOOD, *SERVERS]))
def test_help_has_examples(command, capsys):
    """--help exits 0 and shows examples."""
    status, out, _ = run([command, "--help"], capsys=capsys)
    assert 0 == status
    assert "examples:\n  showfacts " + command in out


@pytest.mark.parametrize("command", sorted(GOOD))
def test_exit_0(command, tmp_path, capsys):
    """Good arguments: exit 0, nothing on stderr but build's summary."""
    status, _, err = run(_args(command, BALLARD, str(tmp_path / "out")),
                         capsys=capsys)
    if command == "build":  # its one summary line, terminal or not
        assert err.startswith("built ")
        assert 1 == err.count("\n")
        err = ""
    assert (0, "") == (status, err)


@pytest.mark.parametrize("command", READERS)
def test_exit_1_on_invalid_data(command, tmp_path, capsys):
    """Invalid data: exit 1, the problem on stderr, no output file."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: demo\ntitel: Demo\n")
    out = tmp_path / "out"
    args = _args(command, str(bad), str(out))
    if command in ("jsonld", "html", "feed", "calendar"):
        args += ["-o", str(out)]
    status, stdout, err = run(args, capsys=capsys)
    assert 1 == status
    assert "unknown key 'titel'; did you mean 'title'?" in err
    assert "" == stdout
    assert not out.exists()


@pytest.mark.parametrize("command", READERS)
def test_exit_2_on_a_missing_path(command, tmp_path, capsys):
    """A path that does not exist: exit 2."""
    status, _, err = run(_args(command, str(tmp_path / "nope.yaml"),
                               str(tmp_path / "out")), capsys=capsys)
    assert 2 == status
    assert "no such file" in err


@pytest.mark.parametrize("command", sorted(GOOD))
def test_exit_2_on_an_unknown_option(command, capsys, tmp_path, monkeypatch):
    """An unknown option: exit 2 with the usage."""
    monkeypatch.chdir(tmp_path)
    args = _args(command, BALLARD, "out")
    status, _, err = run([*args, "--no-such-option"], capsys=capsys)
    assert 2 == status
    assert "usage: showfacts" in err
    assert "--no-such-option" in err


def test_schema_to_an_unwritable_place_exits_2(tmp_path, capsys):
    """An output that cannot be written: exit 2."""
    target = tmp_path / "missing" / "dir" / "x.json"
    (tmp_path / "missing").write_text("a file, not a folder")
    status, _, err = run(["schema", "-o", str(target)], capsys=capsys)
    assert 2 == status
    assert "cannot be written" in err


@pytest.mark.parametrize("command", STDIN)
def test_standard_input(command, monkeypatch, capsys):
    """'-' reads a show from standard input."""
    data = (EXAMPLES / "ballard.yaml").read_bytes()
    extra = ["--to", "rss"] if command == "feed" else []
    if command in ADDRESSED:
        extra += BASE
    status, out, err = run([command, "-", *extra], stdin=data,
                           monkeypatch=monkeypatch, capsys=capsys)
    assert (0, "") == (status, err)
    if command != "validate":
        assert out


def test_diff_exit_3_with_exit_code(tmp_path, capsys):
    """With --exit-code, diff exits 3 when something changed, 0 when not."""
    same = ["diff", BALLARD, BALLARD, "--exit-code"]
    assert 0 == run(same, capsys=capsys)[0]
    changed = tmp_path / "ballard.yaml"
    changed.write_text((EXAMPLES / "ballard.yaml").read_text().replace(
        "certainty: expected", "certainty: reported", 1))
    assert 3 == run(["diff", BALLARD, str(changed), "--exit-code"],
                    capsys=capsys)[0]
