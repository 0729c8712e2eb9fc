"""
Every output is byte-identical whatever the environment.

Each command runs twice in a fresh process: once with one hash seed, time
zone and locale and the paths in one order, once with others and the
paths reversed.  JSON-LD, NDJSON, HTML, feeds, calendars, the diff, lint's
findings, validation's messages and the whole built site must not differ
by a single byte.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES


ROOT = pathlib.Path(__file__).resolve().parent.parent
DIFF = ROOT / "tests" / "data" / "diff" / "every-kind"
BAD = ROOT / "tests" / "bad_inputs"

ENVIRONMENTS = (
    {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LANG": "C",
     "LC_ALL": "C"},
    {"PYTHONHASHSEED": "4242", "TZ": "America/Los_Angeles",
     "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
)

EXAMPLE_FILES = [str(p) for p in sorted(EXAMPLES.iterdir())]
BASE = ["--base-url", "https://example.org/tv/"]

#: Each command, with the paths it reads (reversed in the second run).
COMMANDS = {
    "jsonld": (["jsonld", *BASE, "--claims"], EXAMPLE_FILES),
    "ndjson": (["jsonld", *BASE, "--ndjson"], EXAMPLE_FILES),
    "html": (["html", *BASE, "--claims"], EXAMPLE_FILES[:1]),
    "rss": (["feed", "--to", "rss", *BASE], EXAMPLE_FILES),
    "atom": (["feed", "--to", "atom", *BASE], EXAMPLE_FILES),
    "json-feed": (["feed", "--to", "json", *BASE], EXAMPLE_FILES),
    "calendar": (["calendar", "--tentative", *BASE], EXAMPLE_FILES),
    "diff": (["diff", "--to", "json", *BASE],
             [str(DIFF / "old"), str(DIFF / "new")]),
    "diff-rss": (["diff", "--to", "rss", *BASE],
                 [str(DIFF / "old"), str(DIFF / "new")]),
    "lint": (["lint", "--today", "2027-01-01"], EXAMPLE_FILES),
    "validate": (["validate"], [str(BAD / "enum-kind.yaml"),
                                str(BAD / "dup-key-json.json"),
                                str(BAD / "toml-duplicate-key.toml")]),
}

#: Commands whose inputs must keep their order (OLD before NEW).
ORDERED = {"diff", "diff-rss"}


def _run(args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    full = {**os.environ, **env}
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", *args],
        capture_output=True, env=full, check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_output_is_identical(name):
    """Two environments, two path orders: the same bytes."""
    options, paths = COMMANDS[name]
    first = _run([*options, *paths], ENVIRONMENTS[0])
    order = paths if name in ORDERED else list(reversed(paths))
    second = _run([*options, *order], ENVIRONMENTS[1])
    assert first == second
    assert first[1] or first[2]


def test_built_site_is_identical(tmp_path):
    """The whole site tree, file by file."""
    trees = []
    for index, env in enumerate(ENVIRONMENTS):
        out = tmp_path / f"site-{index}"
        paths = EXAMPLE_FILES if index == 0 else list(reversed(EXAMPLE_FILES))
        status, _, err = _run(["build", *paths, "--out", str(out), *BASE,
                               "--quiet"], env)
        assert (0, b"") == (status, err)
        trees.append({
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file()
        })
    assert trees[0] == trees[1]
