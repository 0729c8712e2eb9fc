"""
How long `showfacts validate` takes to answer each file of the bad-input
corpus (tests/bad_inputs/), and an oversized file, in a fresh process;
then how long and how much memory the hostile files of tests/hostile.py
take, beside a normal show.

    python bench/bad_inputs.py

Prints the slowest answers and the largest time; each includes starting
Python and importing showfacts.  Not a test: times depend on the machine.
Exits 1 if a corpus answer took a second or more, if a hostile file took
more than the floor (2 s, a normal show's time included) or if a build's
peak memory went over 200 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import pathlib
import subprocess
import sys
import tempfile
import time


ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_inputs"
sys.path.insert(0, str(ROOT))

from tests import hostile


#: Seconds a hostile file may take to be answered, process start included.
FLOOR = 2.0
#: Peak memory a build may reach, in MB.
MEMORY = 200


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


#: Hostile files: name, text, and the command that is timed.
HOSTILE = (
    ("normal show (examples/ballard.yaml)", None, "validate"),
    ("supersede chain, 4,000 links", hostile.supersede_chain(4_000),
     "validate"),
    ("supersede cycle, 4,000 facts", hostile.supersede_loop(4_000),
     "validate"),
    ("5,000 unknown references", hostile.unknown_references(5_000),
     "validate"),
    ("30,000 genres led by a number", hostile.many_genres(30_000),
     "validate"),
    ("3,000 expected premieres (lint)", hostile.expected_premieres(3_000),
     "lint"),
    ("1,000 empty seasons (build)", hostile.empty_seasons(1_000), "build"),
    ("9,000 aliases of 99,000 characters (build)",
     hostile.aliased_text(9_000), "build"),
    ("99,000-character title cited 9,000 times (build)",
     hostile.cited_title(9_000), "build"),
)

_PROBE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "print(done.returncode, resource.getrusage("
    "resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _in_process(args: list[str]) -> float:
    """Seconds ``showfacts`` takes once started and imported."""
    from showfacts.cli import main

    sink = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        main(args)
    return time.perf_counter() - start


def _hostile(tmp: pathlib.Path) -> bool:
    """
    Time each hostile file and measure its peak memory; all within?

    "ms" is a fresh process, start and import included; "in ms" the
    command alone, in this process.
    """
    within = True
    print(f"\n{'file':52} {'bytes':>9} {'ms':>6} {'in ms':>6} {'MB':>4} "
          "exit")
    for number, (name, text, command) in enumerate(HOSTILE):
        if text is None:
            path = ROOT / "examples" / "ballard.yaml"
        else:
            suffix = ".json" if text.startswith("{") else ".yaml"
            path = tmp / f"hostile-{number}{suffix}"
            path.write_text(text, encoding="utf-8")
        args = [command, str(path)]
        if command == "build":
            args += ["--out", str(tmp / f"site-{number}")]
        if command == "lint":
            args += ["--today", "2027-01-01"]
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, sys.executable, "-m",
             "showfacts", *args],
            capture_output=True, text=True, check=True,
        )
        elapsed = time.perf_counter() - start
        status, peak = (int(x) for x in done.stdout.split())
        megabytes = peak / 1024
        if command == "build":
            args[-1] += "-again"
        inside = _in_process(args)
        print(f"{name:52} {path.stat().st_size:9,} {elapsed * 1000:6.0f} "
              f"{inside * 1000:6.0f} {megabytes:4.0f} {status}")
        within = (within and elapsed < FLOOR and megabytes < MEMORY
                  and (command != "validate" or inside < 1))
    return within


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
    with tempfile.TemporaryDirectory() as tmp:
        within = _hostile(pathlib.Path(tmp))
    return 0 if worst < 1 and within else 1


if __name__ == "__main__":
    sys.exit(main())
