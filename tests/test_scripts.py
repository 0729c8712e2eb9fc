"""Every script's --help explains every option."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


SCRIPTS = sorted([*ROOT.glob("bench/*.py"), *ROOT.glob("fuzz/*.py")])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_help_explains_every_option(script):
    """--help exits 0, and no option or argument is listed bare."""
    done = subprocess.run([sys.executable, str(script), "--help"],
                          capture_output=True, text=True, check=False,
                          cwd=ROOT, timeout=120)
    assert (0, "") == (done.returncode, done.stderr)
    assert len(done.stdout.strip().splitlines()) >= 3
    # An argparse entry without help is a line of its own followed by the
    # next entry or the end of its section.
    lines = done.stdout.splitlines()
    for i, line in enumerate(lines):
        entry = re.match(r"^  (-\S+|[A-Z_]+|[a-z_]+)(?: \S+)?(,|$)", line)
        if not entry or line.strip().startswith("-h, --help"):
            continue
        if len(line.strip().split("  ")) > 1:
            continue  # the help is on the same line
        following = lines[i + 1] if i + 1 < len(lines) else ""
        assert following.startswith("    "), (script.name, line)
