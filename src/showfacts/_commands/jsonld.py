"""
``showfacts jsonld PATH...``: print the schema.org JSON-LD graph.

By default every show in the paths goes into one graph (a catalog), where
shows share their people, organizations, characters and works by IRI.
With ``--ndjson``, files are read, checked and written one at a time, one
compact graph per line, so memory stays flat however many shows there
are; each line is a graph of its own, and the lines link up only through
the IRIs they share (the same person id is the same IRI in every line).
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import pathlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from showfacts import loading
from showfacts._atomic import replacing
from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_base_url,
    add_command,
    add_output,
    add_paths,
    add_verbose,
    examples,
    limits,
    load_paths,
    read_stdin,
    season_number,
    site,
    skips,
    write_output,
)
from showfacts._compact import DigestSet, SortedNames
from showfacts._discovery import Skipped, nothing_found
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.iris import Site
from showfacts.models import Catalog, Show


if TYPE_CHECKING:
    from showfacts.jsonld import Subject


def subject(catalog: Catalog, season: int | None) -> Subject:
    """
    The catalog, or its one show's season.

    Raises:
        InputError: If ``season`` is given and the paths hold several
            shows, or the show has no such season.
    """
    if season is None:
        return catalog
    if len(catalog) != 1:
        raise InputError(
            f"--season needs exactly one show, and the paths hold "
            f"{len(catalog)}: {', '.join(s.id for s in catalog)}"
        )
    show = catalog.shows[0]
    numbers = sorted(s.number for s in show.seasons)
    if season not in numbers:
        listed = ", ".join(str(n) for n in numbers) or "none"
        raise InputError(
            f"show {show.id!r} has no season {season} (its seasons: "
            f"{listed})"
        )
    return (show, season)


def add_graph_options(parser: argparse.ArgumentParser) -> None:
    """The options ``jsonld`` and ``html`` share."""
    parser.add_argument(
        "--claims", action="store_true",
        help="also publish what is not a confirmed fact (and teases) as "
        "Claim nodes that say how sure each is; Claim is a pending "
        "schema.org term",
    )
    parser.add_argument(
        "--no-spoilers", action="store_true",
        help="with --claims, leave out teases marked as spoilers",
    )
    parser.add_argument(
        "--pending", action="store_true",
        help="use the pending schema.org term creativeWorkStatus for the "
        "show's confirmed status",
    )
    parser.add_argument(
        "--season", type=season_number, metavar="N",
        help="only this season of the one show in PATH",
    )


@contextlib.contextmanager
def _sink(target: str) -> Iterator[BinaryIO]:
    """
    Standard output, or a temporary file renamed over ``target`` at the end.

    If anything fails, the temporary file is removed and ``target`` is left
    as it was.
    """
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with replacing(target) as handle:
        yield handle


class _ShowFiles:
    """
    The show files of ``paths``, in the order of their POSIX paths, once.

    Each folder's files are kept as :class:`SortedNames` relative to it,
    so 100,000 files cost about a megabyte; iterating merges the folders.
    """

    def __init__(self, paths: list[str],
                 on_skip: Callable[[Skipped], object] | None = None) -> None:
        self.parts: list[tuple[str, SortedNames | tuple[str, ...]]] = []
        for path in paths:
            root = pathlib.Path(path)
            if root.is_dir():
                prefix = root.as_posix()
                prefix = "" if prefix == "." else f"{prefix}/"
                skipped: list[Skipped] = []

                def note(item: Skipped,
                         skipped: list[Skipped] = skipped) -> None:
                    skipped.append(item)
                    if on_skip is not None:
                        on_skip(item)

                names = SortedNames(
                    loading.show_file_names(root, on_skip=note)
                )
                if not len(names):
                    raise InputError(nothing_found(root, skipped))
                self.parts.append((prefix, names))
            else:
                self.parts.append(("", tuple(
                    f.as_posix() for f in loading.show_files(root)
                )))

    def __iter__(self) -> Iterator[str]:
        last = None
        for name in heapq.merge(*(
            _prefixed(prefix, names) for prefix, names in self.parts
        )):
            if name != last:
                yield name
                last = name


def _prefixed(prefix: str, names: Iterable[str]) -> Iterator[str]:
    for name in names:
        yield prefix + name


def _first_files(files: _ShowFiles, stop: str,
                 args: argparse.Namespace) -> dict[str, str]:
    """Each show id's first file among the files before ``stop``."""
    first: dict[str, str] = {}
    for file in files:
        if file == stop:
            break
        try:
            show = loading.load(file, limits=limits(args))
        except InvalidDataError:
            continue
        first.setdefault(show.id, file)
    return first


def _stream(args: argparse.Namespace, where: Site) -> int:
    """Write one graph per show per line, reading one file at a time."""
    from showfacts.jsonld import dumps_jsonld, to_jsonld  # noqa: PLC0415
    options = {"claims": args.claims, "spoilers": not args.no_spoilers,
               "pending": args.pending}
    paths: list[str] = args.paths
    if paths == ["-"]:
        one = loading.loads(read_stdin(limits(args)), args.input_format,
                            name="<stdin>", limits=limits(args))
        text = dumps_jsonld(to_jsonld(one, where, **options))
        write_output(text + "\n", args.output, most=args.max_output_bytes)
        return EXIT_OK
    if "-" in paths:
        raise InputError("'-' (standard input) cannot be mixed with paths")
    # Names and ids are kept compact: memory stays flat with the catalog.
    files = _ShowFiles(paths, skips(args))
    problems: list[Problem] = []
    seen = DigestSet()
    #: Each id's first file, once a repeated id has been seen.
    first: dict[str, str] | None = None
    with _sink(args.output) as out:
        for file in files:
            try:
                show: Show = loading.load(file, limits=limits(args))
            except InvalidDataError as exc:
                problems.extend(exc.problems)
                continue
            if not seen.add(show.id):
                if first is None:
                    first = _first_files(files, file, args)
                if show.id in first:
                    problems.append(Problem(
                        file=file, path="$.id",
                        message=f"the show id {show.id!r} is used by "
                        f"{first[show.id]} too",
                    ))
                    continue
            if first is not None:
                first[show.id] = file
            line = dumps_jsonld(to_jsonld(show, where, **options)) + "\n"
            out.write(line.encode("utf-8"))
        if problems:
            raise InvalidDataError(problems)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print the graph."""
    where = site(args)
    if args.ndjson:
        if args.season is not None:
            raise InputError("--season cannot be used with --ndjson")
        return _stream(args, where)
    from showfacts.jsonld import dumps_jsonld, to_jsonld  # noqa: PLC0415

    catalog = load_paths(args.paths, args.input_format, limits=limits(args),
                         on_skip=skips(args))
    graph = to_jsonld(subject(catalog, args.season), where,
                      claims=args.claims, spoilers=not args.no_spoilers,
                      pending=args.pending)
    write_output(dumps_jsonld(graph, pretty=args.pretty) + "\n", args.output,
                 most=args.max_output_bytes)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``jsonld``."""
    parser = add_command(
        commands, "jsonld",
        help="print the schema.org JSON-LD graph",
        description="Print the schema.org JSON-LD of a show file, or of "
        "every show in files and folders as one linked graph.  Only "
        "confirmed, current facts become typed statements; --claims adds "
        "the rest as Claim nodes that say how sure they are.  The output "
        "is compact JSON (--pretty indents it); the same input always "
        "gives the same bytes.  With --ndjson, each show is a graph of its "
        "own on one line, written as each file is read.",
        epilog=examples(
            "showfacts jsonld examples/ballard.yaml --pretty",
            "showfacts jsonld examples/ --base-url https://example.org/tv/",
            "showfacts jsonld ballard.yaml --season 2 --claims",
            "showfacts jsonld shows/ --ndjson -o shows.ndjson",
        ),
    )
    add_paths(parser)
    add_verbose(parser, "nothing else")
    add_base_url(parser)
    add_graph_options(parser)
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--pretty", action="store_true",
                        help="indent the JSON")
    layout.add_argument(
        "--ndjson", action="store_true",
        help="one compact graph per show per line, one file at a time; "
        "lines link through shared IRIs",
    )
    add_output(parser)
    parser.set_defaults(handler=run)
