"""The Dask recipe (bench/dask_jsonld.py) in Dask's local mode."""

from __future__ import annotations

import importlib.util
import pathlib
import subprocess
import sys

import pytest

import showfacts as sf
from tests.conftest import EXAMPLES, ROOT, declared, examples_in


pytest.importorskip("dask.bag")

BASE = "https://example.org/tv/"


def _recipe():
    path = ROOT / "bench" / "dask_jsonld.py"
    spec = importlib.util.spec_from_file_location("dask_jsonld", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ndjson(paths: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "showfacts", "jsonld", *paths, "--ndjson",
         "--base-url", BASE],
        capture_output=True, text=True, check=True,
    )
    return done.stdout.splitlines()


@pytest.mark.parametrize("scheduler", ["synchronous", "threads",
                                       "processes"])
def test_same_lines_as_the_command(scheduler):
    """Partitions joined in order are `showfacts jsonld --ndjson`."""
    parts = _recipe().jsonld_partitions([str(EXAMPLES)], BASE,
                                        npartitions=3, scheduler=scheduler)
    assert len(parts) >= 2  # dask picks sizes; we only asked for three
    assert _ndjson([str(EXAMPLES)]) == [line for part in parts
                                        for line in part]


def test_problems_stop_the_run(tmp_path):
    """Every problem of every file is reported, nothing else returned."""
    examples_in(tmp_path)
    (tmp_path / "bad.yaml").write_text(declared("id: x\n"))
    (tmp_path / "copy.yaml").write_bytes(
        (EXAMPLES / "ballard.yaml").read_bytes())
    with pytest.raises(sf.InvalidDataError) as info:
        _recipe().jsonld_partitions([str(tmp_path)], BASE, npartitions=2,
                                    scheduler="synchronous")
    messages = [p.message for p in info.value.problems]
    assert any("missing required key 'title'" in m for m in messages)
    assert any("'ballard' is used by" in m for m in messages)


def test_the_script_writes_part_files(tmp_path):
    """The script writes one NDJSON file per partition."""
    out = tmp_path / "out"
    assert 0 == _recipe().main([str(EXAMPLES), str(out), "--base-url",
                                BASE, "--partitions", "2"])
    lines = [line for part in sorted(out.glob("part-*.ndjson"))
             for line in part.read_text().splitlines()]
    assert _ndjson([str(EXAMPLES)]) == lines
    assert [pathlib.Path(out / "part-0000.ndjson"),
            pathlib.Path(out / "part-0001.ndjson")] == sorted(out.iterdir())
