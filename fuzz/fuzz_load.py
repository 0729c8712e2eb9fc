"""
Coverage-guided fuzzing of the loaders with atheris.

Feeds arbitrary bytes to ``showfacts.loads`` in every format; the only
acceptable outcomes are a show or an ``InvalidDataError``.  Not part of
the test suite; run it for as long as you like:

    pip install atheris
    python fuzz/fuzz_load.py -max_total_time=3600 fuzz/corpus

Seed the corpus with the examples and the bad-input corpus for a head
start::

    mkdir -p fuzz/corpus && cp examples/* tests/bad_inputs/*.* fuzz/corpus
"""

from __future__ import annotations

import sys


OPTIONS = """\
options: every argument goes to libFuzzer; the common ones:
  CORPUS...              folders of inputs to start from and add to
  -max_total_time=S      stop after S seconds
  -runs=N                stop after N inputs
  -jobs=N -workers=N     run N fuzzing jobs in N processes
  -help=1                every libFuzzer option"""

if __name__ == "__main__" and {"-h", "--help"} & set(sys.argv[1:]):
    # Before atheris is imported: --help works without it.
    print(__doc__.strip() + "\n\n" + OPTIONS)  # noqa: T201
    sys.exit(0)

import atheris  # noqa: E402


with atheris.instrument_imports():
    import showfacts


FORMATS = ("yaml", "json", "toml")


def one_input(data: bytes) -> None:
    """Load the bytes in the format their first byte picks."""
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        showfacts.loads(data[1:], fmt, name="fuzz")
    except showfacts.InvalidDataError as exc:
        if not exc.problems:
            raise AssertionError("an error without problems") from exc


def main() -> None:
    """Run atheris on the loaders."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
