"""
How long `showfacts validate` takes to answer each file of the bad-input
corpus (tests/bad_inputs/), and an oversized file, in a fresh process.

    python bench/bad_inputs.py

Prints the slowest answers and the largest time; each includes starting
Python and importing showfacts.  Not a test: times depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import subprocess
import sys
import tempfile
import time


ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_inputs"


def _targets() -> list[pathlib.Path]:
    with (CORPUS / "expected.csv").open(encoding="utf-8") as handle:
        files = [row["file"] for row in csv.DictReader(handle)]
    targets = []
    for file in files:
        first = file.split("/")[0]
        target = CORPUS / first if first.startswith("catalog-") else (
            CORPUS / file
        )
        if target not in targets:
            targets.append(target)
    return targets


def main(argv: list[str] | None = None) -> int:
    """Time each answer; return 1 if any took a second or more."""
    argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="It takes no options: every corpus file is timed, and the "
        "exit status is 1 if an answer took a second or more.",
    ).parse_args(argv)
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        big = pathlib.Path(tmp) / "big.yaml"
        with big.open("wb") as handle:
            handle.truncate(2 * 1024**3)  # 2 GiB, sparse
        for target in [*_targets(), big]:
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "showfacts", "validate", str(target)],
                capture_output=True, check=False,
            )
            elapsed = time.perf_counter() - start
            timings.append((elapsed, target.name, done.returncode))
    timings.sort(reverse=True)
    for elapsed, name, status in timings[:8]:
        print(f"{elapsed * 1000:7.0f} ms  exit {status}  {name}")
    worst = timings[0][0]
    print(f"{len(timings)} answers, slowest {worst * 1000:.0f} ms, median "
          f"{timings[len(timings) // 2][0] * 1000:.0f} ms")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
