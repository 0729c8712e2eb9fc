"""The references in docs/reference/ are generated, committed and fresh."""

from __future__ import annotations

import argparse
import subprocess
import sys

from showfacts import _docs
from showfacts.cli import build_parser
from tests.conftest import ROOT


def test_the_committed_references_equal_the_generated_ones():
    """Regenerate with: python -m showfacts._docs."""
    for relative, content in _docs.generated().items():
        committed = (ROOT / relative).read_text(encoding="utf-8")
        assert content == committed, (
            f"{relative} is stale: run python -m showfacts._docs"
        )


def test_check_mode_fails_on_a_stale_file(tmp_path):
    """--check exits 1 and names the stale file; without, it writes."""
    (tmp_path / "docs" / "reference").mkdir(parents=True)
    for relative, content in _docs.generated().items():
        (tmp_path / relative).write_text(content, encoding="utf-8")
    stale = tmp_path / "docs" / "reference" / "cli.md"
    stale.write_text("old\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "showfacts._docs", "--check", "--root",
         str(tmp_path)], capture_output=True, text=True, check=False,
    )
    assert (1, "stale: docs/reference/cli.md\n") == (done.returncode,
                                                     done.stderr)
    assert 0 == _docs.main(["--root", str(tmp_path)])
    assert _docs.generated()["docs/reference/cli.md"] == stale.read_text(
        encoding="utf-8")


def test_every_command_and_option_is_in_the_cli_reference():
    """Each command has its section; each visible option is listed."""
    page = _docs.cli_reference()
    parser = build_parser()
    commands = next(a.choices for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.items():
        assert f"\n## showfacts {name}\n" in page
        section = page.split(f"\n## showfacts {name}\n", 1)[1].split(
            "\n## ", 1)[0]
        for action in sub._actions:
            if action.help == argparse.SUPPRESS or isinstance(
                    action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                assert option in section, (name, option)
    assert "## The option scheme" in page
    assert "--input-format" in page.split("## The option scheme")[1]


def test_text_from_the_sources_never_becomes_markup():
    """Markdown characters in descriptions are escaped; code is code."""
    schema = {
        "title": "T", "type": "object",
        "properties": {"x": {"type": "string",
                             "description": "a *b* <script> [c](d) `e`"}},
        "$defs": {},
    }
    page = _docs.input_reference(schema)
    assert r"a \*b\* \<script\> \[c\](d) \`e\`" in page
    assert "`` `e` ``" == _docs.code("`e`")
    assert "`--to`" in _docs.prose("use --to rss")


def test_the_option_scheme_is_documented_in_the_committed_page():
    """docs/reference/cli.md names the scheme and the renamed options."""
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(
        encoding="utf-8")
    for words in ("--input-format yaml|json|toml", "`--to`",
                  "now `--input-format`", "NO_COLOR",
                  "showfacts completion bash"):
        assert words in page, words
