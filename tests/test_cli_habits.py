"""The command line people expect: options, errors, show files, colour."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from showfacts.cli import build_parser, main
from tests.conftest import EXAMPLES, declared
from tests.test_cli import run


#: A base URL for the commands that publish addresses.
ADDRESS = ("--base-url", "https://example.org/tv/")


# -- one option scheme --------------------------------------------------------


@pytest.mark.parametrize(("args", "hint"), [
    (["validate", "--format", "json", "-"], "--input-format"),
    (["jsonld", "--format", "json", "-"], "--input-format"),
    (["html", "--format", "toml", "-"], "--input-format"),
    (["calendar", "--format", "yaml", "-"], "--input-format"),
    (["feed", "PATH", "--format", "rss"], "--to (rss, atom or json)"),
    (["diff", "a", "b", "--format", "json"], "--to (text, json"),
])
def test_old_spellings_are_refused_with_a_hint(args, hint, capsys):
    """The renamed options exit 2, name the new spelling, show usage."""
    status, out, err = run(args, capsys=capsys)
    assert (2, "") == (status, out)
    assert f"usage: showfacts {args[0]}" in err
    assert "--format is no longer an option here" in err
    assert hint in err


def test_input_is_input_format_everywhere():
    """Every command that reads standard input spells it --input-format."""
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        options = {o for a in sub._actions for o in a.option_strings}
        if any(a.dest == "paths" and "standard input" in (a.help or "")
               for a in sub._actions):
            assert "--input-format" in options, name
        shown = {o for a in sub._actions for o in a.option_strings
                 if a.help != "==SUPPRESS=="}
        assert "--format" not in shown, name


def test_output_format_is_to(capsys):
    """Feed --to and diff --to choose the output format."""
    status, out, _ = run(["feed", str(EXAMPLES / "ballard.yaml"),
                          "--to", "json", *ADDRESS], capsys=capsys)
    assert 0 == status
    assert '"version": "https://jsonfeed.org/version/1.1"' in out
    # diff spells JSON Feed json-feed; feed takes that spelling too.
    assert (0, out) == run(["feed", str(EXAMPLES / "ballard.yaml"),
                            "--to", "json-feed", *ADDRESS],
                           capsys=capsys)[:2]


def test_a_bad_option_prints_the_commands_usage(capsys):
    """An unknown option: the subcommand's usage and a suggestion."""
    status, _, err = run(["validate", "--verbos3", str(EXAMPLES)],
                         capsys=capsys)
    assert 2 == status
    assert err.startswith("usage: showfacts validate")
    assert "unrecognized arguments: --verbos3; did you mean --verbose?" \
        in err


def test_did_you_mean_a_command(capsys):
    """A mistyped command gets the nearest one."""
    status, _, err = run(["biuld"], capsys=capsys)
    assert 2 == status
    assert "did you mean 'build'?" in err


def test_did_you_mean_a_choice(capsys):
    """A mistyped choice gets the nearest one."""
    status, _, err = run(["feed", str(EXAMPLES), "--to", "rs"],
                         capsys=capsys)
    assert 2 == status
    assert "did you mean 'rss'?" in err


def test_limits_are_grouped_and_out_of_the_usage(capsys):
    """The limit options are listed once, in their group, not in usage."""
    status, out, _ = run(["jsonld", "--help"], capsys=capsys)
    assert 0 == status
    usage, _, rest = out.partition("\n\n")
    assert "--max-depth" not in usage
    assert "limit options:" in rest
    assert rest.index("limit options:") < rest.index("--max-depth")


# -- empty inputs and which files are shows -----------------------------------


@pytest.mark.parametrize("command", [
    ["validate"], ["lint"], ["jsonld", *ADDRESS],
    ["jsonld", "--ndjson", *ADDRESS], ["html", *ADDRESS],
    ["feed", "--to", "rss", *ADDRESS], ["calendar", *ADDRESS],
])
def test_an_empty_folder_exits_2_naming_it(command, tmp_path, capsys):
    """A folder without show files is a usage error that names it."""
    empty = tmp_path / "data"
    empty.mkdir()
    status, out, err = run([*command, str(empty)], capsys=capsys)
    assert (2, "") == (status, out)
    assert f"{empty}: no show files here" in err


def test_build_of_an_empty_folder_exits_2(tmp_path, capsys):
    """Build too: and no site is written."""
    (tmp_path / "data").mkdir()
    status, _, err = run(["build", str(tmp_path / "data"), "--out",
                          str(tmp_path / "site")], capsys=capsys)
    assert 2 == status
    assert "data: no show files here" in err
    assert not (tmp_path / "site").exists()


def test_a_mistyped_path_exits_2_naming_it(tmp_path, capsys):
    """A path that does not exist names itself."""
    status, _, err = run(["lint", str(tmp_path / "exmaples")],
                         capsys=capsys)
    assert 2 == status
    assert f"{tmp_path / 'exmaples'}: no such file or folder" in err


def test_the_schema_beside_the_data_is_skipped(tmp_path, capsys):
    """A JSON Schema, a site's output and other data are not shows."""
    data = tmp_path / "data"
    shutil.copytree(EXAMPLES, data)
    assert 0 == main(["schema", "-o", str(data / "show.schema.json")])
    (data / "site").mkdir()
    (data / "site" / "feed.json").write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "T",\n'
        ' "items": [{"id": "x"}]}\n')
    (data / "config.yaml").write_text("theme: dark\n")
    capsys.readouterr()
    status, out, err = run(["validate", str(data)], capsys=capsys)
    assert (0, "", "") == (status, out, err)
    status, out, err = run(["validate", "-v", str(data)], capsys=capsys)
    assert (0, "4 files valid\n") == (status, out)
    assert sorted(err.splitlines()) == sorted([
        f"showfacts: skipped {data / 'config.yaml'}: does not declare the "
        "show schema",
        f"showfacts: skipped {data / 'show.schema.json'}: declares another "
        "schema (https://json-schema.org/draft/2020-12/schema)",
        f"showfacts: skipped {data / 'site' / 'feed.json'}: does not "
        "declare the show schema",
    ])


def test_an_undeclared_show_is_not_skipped_in_silence(tmp_path, capsys):
    """A show that forgot its declaration is named, even without -v."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(EXAMPLES / "bosch.yaml", data)
    (data / "old.yaml").write_text("id: old\ntitle: Old\n")
    status, _, err = run(["validate", str(data)], capsys=capsys)
    assert 0 == status
    assert f"note: skipped {data / 'old.yaml'}: it looks like a show" in err
    (data / "bosch.yaml").unlink()
    status, _, err = run(["validate", str(data)], capsys=capsys)
    assert 2 == status
    assert f"{data}: no show files here" in err
    assert "old.yaml looks like a show: add" in err


def test_a_file_named_is_read_whatever_it_declares(tmp_path, capsys):
    """Naming a file says it is a show."""
    show = tmp_path / "plain.yaml"
    show.write_text("id: plain\ntitle: Plain\nfictional: true\n")
    assert (0, "", "") == run(["validate", str(show)], capsys=capsys)


@pytest.mark.parametrize(("fmt", "text"), [
    ("yaml", "$schema: ../show.schema.json\nid: a\ntitle: A\n"),
    ("yaml", "'$schema': 'https://example.org/s/show.schema.json'\n"
     "id: a\ntitle: A\n"),
    ("yaml", "# yaml-language-server: $schema=urn:showfacts:schema:show:1\n"
     "id: a\ntitle: A\n"),
    ("json", '{"id": "a", "title": "A",\n'
     ' "$schema": "./schemas/show.schema.json"}'),
    ("toml", '"$schema" = "show.schema.json"\nid = "a"\ntitle = "A"\n'),
    ("toml", '#:schema ./show.schema.json\nid = "a"\ntitle = "A"\n'),
])
def test_each_way_of_declaring_counts(fmt, text, tmp_path, capsys):
    """The comment, or the $schema key in each format."""
    (tmp_path / f"a.{fmt}").write_text(text)
    status, out, _ = run(["validate", "-v", str(tmp_path)], capsys=capsys)
    assert (0, "1 file valid\n") == (status, out)


def test_include_and_exclude_patterns(tmp_path):
    """A site's patterns choose shows beyond their declarations."""
    from showfacts import loading

    (tmp_path / "shows").mkdir()
    (tmp_path / "shows" / "a.yaml").write_text("id: a\ntitle: A\n")
    (tmp_path / "shows" / "b.yaml").write_text(declared("id: b\ntitle: B\n"))
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "c.yaml").write_text(
        declared("id: c\ntitle: C\n"))
    skipped = []
    files = loading.show_files(tmp_path, include=["shows/*.yaml"],
                               exclude=["drafts/"], on_skip=skipped.append)
    assert ["shows/a.yaml", "shows/b.yaml"] == [
        f.relative_to(tmp_path).as_posix() for f in files
    ]
    assert [("c.yaml", "excluded by a pattern")] == [
        (s.path.rsplit("/", 1)[-1], s.reason) for s in skipped
    ]
    assert ["shows/b.yaml"] == sorted(loading.show_file_names(
        tmp_path, exclude=["*.toml", "drafts/**"]))


def test_duplicate_ids_name_both_files(tmp_path, capsys):
    """The second file's problem names the first file."""
    (tmp_path / "a.yaml").write_text(declared("id: same\ntitle: A\n"))
    (tmp_path / "b.yaml").write_text(declared("id: same\ntitle: B\n"))
    status, _, err = run(["validate", str(tmp_path)], capsys=capsys)
    assert 1 == status
    assert (f"{tmp_path / 'b.yaml'}:1:1: $.id: the show id 'same' is used "
            f"by {tmp_path / 'a.yaml'} too\n") == err


def test_from_dict_problems_have_no_made_up_positions():
    """A mapping has no lines: problems give the path, not 1:1."""
    import showfacts as sf

    with pytest.raises(sf.InvalidDataError) as info:
        sf.from_dict({"id": "x", "title": 3})
    [problem] = info.value.problems
    assert (None, None, "$.title") == (problem.line, problem.column,
                                       problem.path)
    assert str(problem).startswith("<show 'x'>: $.title: ")
    with pytest.raises(sf.InvalidDataError) as info:
        sf.from_dict({"title": "T"}, name="row 7")
    assert str(info.value.problems[0]).startswith("row 7: $: ")


# -- new ----------------------------------------------------------------------


def test_new_says_what_it_wrote_and_declares_a_schema_that_exists(
        tmp_path, monkeypatch, capsys):
    """The schema it declares is there, written beside it if need be."""
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["new", "my-show"], capsys=capsys)
    assert 0 == status
    assert out.splitlines()[:2] == [
        "wrote my-show.yaml",
        "wrote show.schema.json (the JSON Schema my-show.yaml declares, "
        "for editors)",
    ]
    first = (tmp_path / "my-show.yaml").read_text().splitlines()[0]
    assert "# yaml-language-server: $schema=show.schema.json" == first
    assert (tmp_path / "show.schema.json").is_file()
    # A second file reuses the schema; the folder validates.
    (tmp_path / "shows").mkdir()
    status, out, _ = run(["new", "other", "-o", "shows/other.yaml"],
                         capsys=capsys)
    assert "wrote show.schema.json" not in out
    assert "$schema=../show.schema.json" in (
        tmp_path / "shows" / "other.yaml").read_text()
    status, out, _ = run(["validate", "-v", "."], capsys=capsys)
    assert (0, "2 files valid\n") == (status, out)


# -- completion and colour ----------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_scripts(shell, capsys):
    """A script that knows the commands and the new options."""
    status, out, _ = run(["completion", shell], capsys=capsys)
    assert 0 == status
    assert "validate" in out
    assert "--input-format" in out
    if shell == "bash" and shutil.which("bash"):
        done = subprocess.run(["bash", "-n"], input=out, text=True,
                              capture_output=True, check=False)
        assert (0, "") == (done.returncode, done.stderr)


def _stderr_on_a_terminal(args, env):
    """Run the command with standard error on a pseudo-terminal."""
    import os
    import pty

    parent, child = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", *args], stderr=child,
        stdout=subprocess.DEVNULL, env={**os.environ, **env}, check=False,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(parent)
    return done.returncode, b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_colour_on_a_terminal_only_and_never_with_no_color(tmp_path):
    """Errors are red on a terminal, plain with NO_COLOR or in a pipe."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n")
    status, err = _stderr_on_a_terminal(["validate", str(bad)],
                                        {"NO_COLOR": "", "TERM": "xterm"})
    assert 1 == status
    assert "\x1b[1m" in err
    status, err = _stderr_on_a_terminal(["validate", str(bad)],
                                        {"NO_COLOR": "1", "TERM": "xterm"})
    assert 1 == status
    assert "\x1b[" not in err
    assert "missing required key 'title'" in err
    done = subprocess.run([sys.executable, "-m", "showfacts", "biuld"],
                          capture_output=True, text=True, check=False)
    assert "\x1b[" not in done.stderr


def test_shows_built_in_code_say_which_show_a_problem_is_in():
    """No file, so the problem names the show (or catalog member)."""
    import showfacts as sf

    with pytest.raises(sf.InvalidDataError) as info:
        sf.Show(id="demo", title="Demo", seasons=(
            sf.Season(number=1), sf.Season(number=1)))
    assert all(p.file == "<show 'demo'>" for p in info.value.problems)
    with pytest.raises(sf.InvalidDataError) as info:
        sf.Catalog(shows=(sf.Show(id="a", title="A"),
                          sf.Show(id="a", title="B")))
    assert str(info.value.problems[0]).startswith("<show 'a'>: $.id: ")
