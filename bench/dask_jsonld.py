"""
JSON-LD for catalogs larger than one machine: a Dask bag over show files.

showfacts loads and renders one show file at a time, so a catalog splits
into partitions of files that any number of workers handle on their own;
only the show-id check spans the whole catalog, and it needs one small
value per show.  The same function runs on a laptop (Dask's local
scheduler) and on a cluster (a ``distributed.Client`` pointed at it).

    pip install 'dask[bag]'
    python bench/dask_jsonld.py SHOWS_DIR OUT_DIR --base-url https://example.org/

writes ``OUT_DIR/part-0000.ndjson`` ... : one compact graph per show and
line, the same lines ``showfacts jsonld SHOWS_DIR --ndjson`` writes, split
by partition in file order.  Problems in any file stop the run before
anything is written, listed like ``showfacts validate`` lists them.

On Spark the same shape is ``sc.parallelize(files, n).mapPartitions(
render_partition)``; ``render_partition`` below is engine-neutral.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Iterable

import showfacts
from showfacts.jsonld import dumps_jsonld, to_jsonld
from showfacts.loading import collect_show_files


Outcome = tuple[str, str, str]  # (show id or "", file, line or problem)


def render_partition(files: Iterable[str], base_url: str) -> list[Outcome]:
    """
    Load and render each file; problems come back as values.

    A list, not a generator: process-based schedulers pickle the result.
    """
    outcomes: list[Outcome] = []
    for file in files:
        try:
            show = showfacts.load(file)
        except showfacts.InvalidDataError as exc:
            outcomes.extend(("", file, str(p)) for p in exc.problems)
            continue
        outcomes.append(
            (show.id, file, dumps_jsonld(to_jsonld(show, base_url)))
        )
    return outcomes


def jsonld_partitions(paths: Iterable[str], base_url: str, *,
                      npartitions: int = 8,
                      scheduler: str | None = None) -> list[list[str]]:
    """
    The NDJSON lines of every show, per partition, with Dask.

    Raises:
        showfacts.InvalidDataError: Listing every problem of every file,
            or shows that share an id.
    """
    import dask
    import dask.bag as db

    files = [str(f) for f in collect_show_files(paths)]
    bag = db.from_sequence(files, npartitions=max(1, min(npartitions,
                                                        len(files))))
    rendered = bag.map_partitions(render_partition, base_url)
    outcomes: list[list[Outcome]] = [
        list(part) for part in dask.compute(*rendered.to_delayed(),
                                            scheduler=scheduler)
    ]
    problems = [line for part in outcomes for (sid, _, line) in part
                if not sid]
    seen: dict[str, str] = {}
    for part in outcomes:
        for sid, file, _ in part:
            if sid and sid in seen:
                problems.append(f"{file}: $.id: the show id {sid!r} is "
                                f"used by {seen[sid]} too")
            elif sid:
                seen[sid] = file
    if problems:
        raise showfacts.InvalidDataError(
            [showfacts.Problem(message=p) for p in problems]
        )
    return [[line for sid, _, line in part if sid] for part in outcomes]


def main(argv: list[str] | None = None) -> int:
    """Write one NDJSON file per partition."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="show files or folders")
    parser.add_argument("out", type=pathlib.Path, metavar="OUT",
                        help="the folder to write part-N.ndjson files into")
    parser.add_argument("--base-url", required=True, metavar="URL",
                        help="the absolute URL the graphs are published "
                        "under")
    parser.add_argument("--partitions", type=int, default=8, metavar="N",
                        help="how many partitions (and so files) Dask "
                        "splits the shows into (default: 8)")
    args = parser.parse_args(argv)
    try:
        parts = jsonld_partitions(args.paths, args.base_url,
                                  npartitions=args.partitions)
    except showfacts.InvalidDataError as exc:
        for problem in exc.problems:
            print(problem.message, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for index, lines in enumerate(parts):
        (args.out / f"part-{index:04d}.ndjson").write_text(
            "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
