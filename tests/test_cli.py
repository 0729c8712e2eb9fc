"""The command line: exit statuses, messages, and never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from showfacts.cli import main
from tests.conftest import EXAMPLES


def run(args: list[str], stdin: bytes | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None,
        capsys: pytest.CaptureFixture[str] | None = None) -> tuple[
    int, str, str
]:
    """Run the CLI in-process; return status, stdout and stderr."""
    if stdin is not None and monkeypatch is not None:
        buffer = io.BytesIO(stdin)
        fake = io.TextIOWrapper(buffer)
        monkeypatch.setattr(sys, "stdin", fake)
    status = main(args)
    out, err = capsys.readouterr() if capsys else ("", "")
    assert "Traceback" not in err
    return status, out, err


class TestValidate:
    """showfacts validate."""

    def test_examples_are_valid(self, capsys):
        """The bundled examples validate: exit 0, nothing on stderr."""
        assert (0, "", "") == run(["validate", str(EXAMPLES)],
                                  capsys=capsys)

    def test_verbose_counts(self, capsys):
        """-v says how many files were valid."""
        status, out, _ = run(["validate", "-v", str(EXAMPLES)],
                             capsys=capsys)
        assert (0, "4 files valid\n") == (status, out)

    def test_problems_one_line_each(self, tmp_path, capsys):
        """Invalid data: exit 1, one file:line:col: path: message line."""
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\ntitel: X\n")
        status, out, err = run(["validate", str(bad)], capsys=capsys)
        assert 1 == status
        assert "" == out
        assert [
            f"{bad}:1:1: $: missing required key 'title'",
            f"{bad}:2:1: $.titel: unknown key 'titel'; did you mean "
            "'title'?",
        ] == err.splitlines()

    def test_stdin(self, monkeypatch, capsys):
        """'-' reads standard input, in the format asked for."""
        status, _, err = run(
            ["validate", "-", "--input-format", "json"],
            stdin=b'{"id": "x", "title": 3}', monkeypatch=monkeypatch,
            capsys=capsys,
        )
        assert (1, "<stdin>:1:13: $.title: expected a string, found the "
                "number 3\n") == (status, err)

    def test_missing_file_is_a_usage_error(self, tmp_path, capsys):
        """A path that does not exist: exit 2."""
        status, _, err = run(["validate", str(tmp_path / "nope.yaml")],
                             capsys=capsys)
        assert 2 == status
        assert "no such file or folder" in err

    def test_no_arguments_is_a_usage_error(self, capsys):
        """Missing arguments: exit 2 with the usage."""
        status, _, err = run(["validate"], capsys=capsys)
        assert 2 == status
        assert "usage: showfacts validate" in err

    def test_unknown_command(self, capsys):
        """An unknown command: exit 2."""
        status, _, err = run(["frobnicate"], capsys=capsys)
        assert 2 == status
        assert "invalid choice" in err

    def test_help_has_examples(self, capsys):
        """--help shows examples and exits 0."""
        status, out, _ = run(["validate", "--help"], capsys=capsys)
        assert 0 == status
        assert "examples:\n  showfacts validate examples/" in out


def test_python_dash_m():
    """Python -m showfacts works and exits like the command."""
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", "validate", str(EXAMPLES)],
        capture_output=True, text=True, check=False,
    )
    assert (0, "") == (done.returncode, done.stderr)
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", "--version"],
        capture_output=True, text=True, check=False,
    )
    assert done.stdout.startswith("showfacts ")
