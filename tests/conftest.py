"""
Test configuration.

Hypothesis runs 200 examples per property by default, as CI does; set
``HYPOTHESIS_PROFILE=dev`` for a quick local run.
"""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings


settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def examples_dir() -> pathlib.Path:
    """The bundled examples."""
    return EXAMPLES


#: The comment that makes a YAML file in a folder a show file.
DECLARATION = "# yaml-language-server: $schema=show.schema.json\n"


def examples_in(folder: pathlib.Path) -> pathlib.Path:
    """The example shows copied into ``folder`` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES.iterdir():
        (folder / example.name).write_bytes(example.read_bytes())
    return folder


def declared(text: str, fmt: str = "yaml") -> str:
    """
    A show file's text that declares the show schema.

    Files in folders are read as shows only when they declare it.  The
    YAML comment goes last and the JSON key first on the first line, so
    problems keep their lines; TOML's key goes first.
    """
    if fmt == "json":
        return text.replace("{", '{"$schema": "show.schema.json", ', 1)
    if fmt == "toml":
        return '"$schema" = "show.schema.json"\n' + text
    return text + ("" if text.endswith("\n") else "\n") + DECLARATION
