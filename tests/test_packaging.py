"""What users install: the wheel carries the schema, byte for byte."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from showfacts import _schema
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """A wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-cache-dir",
         "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"pip wheel failed:\n{done.stderr}")
    [built] = out.glob("showfacts-*.whl")
    return built


def test_wheel_schema_is_byte_identical(wheel):
    """The schema in the wheel equals schemas/ at the top of the repo."""
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("showfacts/schemas/show.schema.json")
    assert (ROOT / "schemas" / _schema.SCHEMA_FILE).read_bytes() == shipped


def test_wheel_is_typed(wheel):
    """The wheel marks the package as typed."""
    with zipfile.ZipFile(wheel) as archive:
        assert "showfacts/py.typed" in archive.namelist()


def test_installed_package_reads_its_own_copy():
    """The package in use (editable here) finds its schema as a resource."""
    assert (ROOT / "schemas" / _schema.SCHEMA_FILE).read_bytes() == (
        _schema.schema_bytes()
    )
