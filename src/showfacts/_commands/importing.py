"""``showfacts import SERVICE INPUT...``: a show from TMDb, TVmaze, ..."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
from collections.abc import Mapping
from typing import Any

from showfacts import loading
from showfacts._atomic import write_atomic
from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    examples,
    read_stdin,
    say,
    write_output,
)
from showfacts._readers import DEFAULT_LIMITS
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.importers import SERVICES, Imported, ShapeError
from showfacts.loading import FileFormat


_SUFFIXES: dict[str, FileFormat] = {
    ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml",
}


def _read(path: str) -> tuple[str, str]:
    """A file's text (``-``: standard input), no larger than the limit."""
    most = DEFAULT_LIMITS.max_file_size
    if path == "-":
        raw = read_stdin(DEFAULT_LIMITS)
        name = "<stdin>"
    else:
        try:
            with pathlib.Path(path).open("rb") as handle:
                raw = handle.read(most + 1)
        except OSError as exc:
            msg = f"{path}: {exc.strerror or exc}"
            raise InputError(msg) from None
        name = path
    if len(raw) > most:
        msg = f"{name}: larger than {most:,} bytes; not a saved response"
        raise ShapeError(msg)
    try:
        return raw.decode("utf-8-sig"), name
    except UnicodeDecodeError as exc:
        msg = f"{name}: byte {exc.start}: not UTF-8 text"
        raise ShapeError(msg) from None


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = (f"{name}: line {exc.lineno}, column {exc.colno}: not JSON "
               f"({exc.msg}); the file may be cut off")
        raise ShapeError(msg) from None
    except RecursionError:
        msg = f"{name}: nested too deeply to be a saved response"
        raise ShapeError(msg) from None


def _tmdb_part(main: dict[str, Any], part: Any, name: str) -> None:
    if isinstance(part, Mapping) and isinstance(
        part.get("season_number"), int
    ) and "episodes" in part:
        main[f"season/{part['season_number']}"] = part
    elif isinstance(part, Mapping) and "cast" in part:
        aggregate = any(isinstance(c, Mapping) and "roles" in c
                        for c in part.get("cast") or [])
        main["aggregate_credits" if aggregate else "credits"] = part
    elif isinstance(part, Mapping) and "imdb_id" in part:
        main["external_ids"] = part
    else:
        msg = (f"{name}: $ is not a TMDb season, credits or external ids "
               "response to add to the show")
        raise ShapeError(msg)


_TVMAZE_LISTS = (
    ("cast", ("person", "character")),
    ("crew", ("person", "type")),
    ("seasons", ("episodeOrder",)),
    ("episodes", ("airdate",)),
)


def _tvmaze_part(main: dict[str, Any], part: Any, name: str) -> None:
    if isinstance(part, list) and part and all(
        isinstance(x, Mapping) for x in part
    ):
        for key, needs in _TVMAZE_LISTS:
            if all(n in part[0] for n in needs):
                embedded = main.setdefault("_embedded", {})
                embedded[key] = part
                return
    msg = (f"{name}: $ is not a TVmaze cast, crew, seasons or episodes list "
           "to add to the show")
    raise ShapeError(msg)


def _combine(service: str, texts: list[tuple[str, str]],
             base_url: str | None) -> tuple[Any, str]:
    """One response from the inputs, and the name errors give."""
    from showfacts.importers import jsonld  # noqa: PLC0415

    first_name = texts[0][1]
    if service == "jsonld":
        nodes: list[Any] = []
        for text, name in texts:
            found = jsonld.read_text(text, name, base_url)
            nodes += found if isinstance(found, list) else [found]
        return nodes, first_name
    parts = [(_json(text, name), name) for text, name in texts]
    main, _ = parts[0]
    if len(parts) == 1:
        return main, first_name
    if not isinstance(main, dict):
        msg = f"{first_name}: $ must be a JSON object"
        raise ShapeError(msg)
    main = dict(main)
    for part, name in parts[1:]:
        if service == "tmdb":
            _tmdb_part(main, part, name)
        elif service == "tvmaze":
            _tvmaze_part(main, part, name)
        else:
            entities = part.get("entities") if isinstance(part, dict) else None
            if not isinstance(entities, dict):
                msg = f"{name}: $.entities is missing: not Wikidata JSON"
                raise ShapeError(msg)
            merged = dict(main.get("entities") or {})
            for qid, entity in entities.items():
                merged.setdefault(qid, entity)
            main["entities"] = merged
    return main, first_name


def import_show(args: argparse.Namespace) -> tuple[Imported, str]:
    """Read or fetch the inputs and map them; the show and its name."""
    from showfacts import importers  # noqa: PLC0415

    service: str = args.service
    retrieved = _retrieved(args)
    base_url: str | None = args.base_url
    if args.fetch:
        from showfacts.importers import fetch  # noqa: PLC0415

        if args.inputs:
            msg = "give INPUT files or --fetch ID, not both"
            raise InputError(msg)
        response, where = fetch.fetch(
            service, args.fetch, base_url=args.api_url,
            timeout=args.timeout,
        )
        if service == "jsonld":
            base_url = base_url or where
            texts = [(response, where)]
            data, name = _combine(service, texts, base_url)
        else:
            data, name = response, where
    else:
        if not args.inputs:
            msg = "give one or more INPUT files (or - ), or --fetch ID"
            raise InputError(msg)
        data, name = _combine(
            service, [_read(p) for p in args.inputs], base_url
        )
    show_id: str | None = args.id
    if service == "tvmaze" and isinstance(data, list) and data and all(
        isinstance(x, Mapping) and "person" in x for x in data
    ):
        data, show_id = _cast_list(data, name, args.into)
    module = getattr(importers, service)
    kwargs: dict[str, Any] = {"name": name, "retrieved": retrieved,
                              "show_id": show_id}
    if service == "jsonld":
        kwargs["base_url"] = base_url
    try:
        imported: Imported = module.to_show(data, **kwargs)
    except InvalidDataError as exc:
        raise InvalidDataError([
            Problem(message=f"the {service} record makes no valid show: "
                    f"{p.message}", path=p.path, file=name)
            for p in exc.problems
        ]) from None
    return imported, name


def _cast_list(data: list[Any], name: str,
               into: str | None) -> tuple[dict[str, Any], str]:
    """
    A TVmaze cast list, as the show of the file it is merged into.

    Raises:
        ShapeError: Without ``--into``, or when that file's show has no
            TVmaze id.
    """
    if into is None:
        msg = (f"{name}: $ is a list: a TVmaze cast list needs its show; "
               "give the show response first, or merge it --into a show "
               "file with external_ids.tvmaze")
        raise ShapeError(msg)
    show = loading.load(into)
    if show.external_ids.tvmaze is None:
        msg = (f"{into}: $.external_ids.tvmaze is missing: say which TVmaze "
               f"show the cast list {name} is for")
        raise ShapeError(msg)
    response = {"id": show.external_ids.tvmaze, "name": show.title,
                "premiered": None, "_embedded": {}}
    _tvmaze_part(response, data, name)
    return response, show.id


def _retrieved(args: argparse.Namespace) -> FuzzyDate | None:
    if args.retrieved:
        try:
            return FuzzyDate(edtf=args.retrieved)
        except (InvalidDataError, ValueError):
            msg = f"--retrieved {args.retrieved!r}: not a date like 2026-12-06"
            raise InputError(msg) from None
    if args.fetch:
        return FuzzyDate(edtf=dt.datetime.now(dt.timezone.utc).date()
                         .isoformat())
    return None


def header(imported: Imported, service: str, name: str) -> str:
    """The comment block at the top of a new file: what was left out."""
    lines = [
        (f"# Imported from {service} "
         f"({_comment(pathlib.Path(name).name)}) by showfacts import."),
    ]
    if imported.unmapped:
        lines.append("# Not mapped (what the show file does not hold, and "
                     "why):")
        lines += ["#   " + _comment(str(u)) for u in imported.unmapped]
    return "".join(line + "\n" for line in lines)


def _comment(text: str) -> str:
    """Text for a comment line: no character of the data can end it."""
    return "".join(
        c if c.isprintable() else f"\\u{ord(c):04x}"
        for c in " ".join(text.split())
    )


def _report(imported: Imported, name: str) -> None:
    if imported.unmapped:
        say(f"showfacts: {len(imported.unmapped)} field"
            f"{'s' if len(imported.unmapped) != 1 else ''} of {name} not "
            "mapped:")
        for item in imported.unmapped:
            say(f"  {item}")


def _into(imported: Imported, target: str, *, dry_run: bool) -> None:
    from showfacts import diff  # noqa: PLC0415
    from showfacts.importers import merge  # noqa: PLC0415

    fmt = _SUFFIXES.get(pathlib.Path(target).suffix.lower())
    if fmt is None:
        msg = f"{target}: --into needs a .yaml, .yml, .json or .toml file"
        raise InputError(msg)
    text, _ = _read(target)
    old = loading.loads(text, fmt, name=target)
    if fmt == "yaml":
        import yaml  # noqa: PLC0415

        data = yaml.safe_load(text)
    elif fmt == "json":
        data = json.loads(text)
    else:
        data = loading.to_dict(old)
    found = merge.additions(data, imported.show)
    if not found:
        say(f"{target}: nothing changed", err=False)
        return
    value = merge.apply_to_data(data, found)
    declared = value.pop("$schema", None)
    merged = loading.from_dict(value, name=target)
    new_text = None
    if fmt == "yaml":
        from showfacts import _yamlfile  # noqa: PLC0415

        new_text = _yamlfile.edit(text, loading.to_dict(merged))
    if new_text is None:
        new_text = loading.dumps(merged, fmt, schema=declared)
    new = loading.loads(new_text, fmt, name=target)
    changes = diff.diff(old, new)
    listing = diff.to_text(changes) if changes else (
        f"{target}: records added, no fact changed\n"
    )
    for line in listing.splitlines():
        say(line, err=False)
    if not dry_run:
        write_atomic(target, new_text.encode("utf-8"))


def run(args: argparse.Namespace) -> int:
    """Import; write a new file, merge into one, or print the show."""
    imported, name = import_show(args)
    _report(imported, name)
    if args.into:
        _into(imported, args.into, dry_run=args.dry_run)
        return EXIT_OK
    target: str = args.output
    fmt: FileFormat = _SUFFIXES.get(pathlib.Path(target).suffix.lower(),
                                    "yaml")
    from showfacts import _discovery  # noqa: PLC0415

    place = pathlib.Path("show.yaml" if target == "-" else target)
    text = loading.dumps(imported.show, fmt,
                         schema=_discovery.declaration_for(place))
    if fmt == "yaml":
        first, _, rest = text.partition("\n")
        text = f"{first}\n{header(imported, args.service, name)}{rest}"
    # What is written must read back as the show: nothing in the data can
    # break out of a comment or a value.
    loading.loads(text, fmt, name=target)
    if args.dry_run:
        return EXIT_OK
    if target != "-" and pathlib.Path(target).exists() and not args.force:
        msg = (f"{target}: exists already (use --into {target} to merge, or "
               "--force to replace it)")
        raise InputError(msg)
    write_output(text, target)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``import``."""
    parser = add_command(
        commands, "import",
        help="make or update a show file from TMDb, TVmaze, Wikidata or "
        "JSON-LD",
        description="Make a show file from a saved TMDb, TVmaze or Wikidata "
        "response, or from the JSON-LD of a page; or fetch the record "
        "(--fetch).  The record is the source every imported fact cites.  "
        "Fields the show file cannot hold are listed on standard error "
        "(and, with -o, in a comment at the top of the file).  With --into, "
        "the import is merged into an existing show file: a changed value "
        "becomes a new fact that supersedes the old one, and everything "
        "else in the file stays as it was; what changed is printed as "
        "`showfacts diff` says it.  Exit status 1 for a response of the "
        "wrong shape, 2 for files or services that cannot be read.",
        epilog=examples(
            "showfacts import tmdb saved/tv-1399.json -o shows/my-show.yaml",
            "showfacts import tmdb tv.json season-1.json season-2.json",
            "showfacts import tvmaze show.json cast.json -o my-show.yaml",
            "showfacts import wikidata Q12345.json people.json",
            "showfacts import jsonld page.html \\",
            "    --base-url https://example.com/shows/my-show/",
            "TMDB_API_KEY=... showfacts import tmdb --fetch 1399 \\",
            "    --into shows/my-show.yaml --dry-run",
            "showfacts import tvmaze --fetch 82 --into shows/my-show.yaml",
        ),
    )
    parser.add_argument("service", choices=SERVICES, metavar="SERVICE",
                        help="tmdb, tvmaze, wikidata or jsonld")
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="saved responses (- for standard input): the show first, then "
        "parts to add (TMDb season or credits responses, TVmaze cast, crew, "
        "seasons or episodes lists, more Wikidata entities, more pages)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", default="-",
                       help="write a new show file (.yaml, .json or .toml)")
    where.add_argument("--into", metavar="FILE",
                       help="merge into this existing show file")
    parser.add_argument("--dry-run", action="store_true",
                        help="write nothing; say what would change")
    parser.add_argument("--force", action="store_true",
                        help="replace the -o file if it exists")
    parser.add_argument("--id", metavar="ID",
                        help="the show's id (default: from its title)")
    parser.add_argument(
        "--base-url", metavar="URL",
        help="the page's address, for relative URLs in JSON-LD",
    )
    parser.add_argument(
        "--retrieved", metavar="DATE",
        help="when the saved response was read (default: today with "
        "--fetch, unsaid otherwise)",
    )
    parser.add_argument(
        "--fetch", metavar="ID",
        help="fetch the record: a TMDb or TVmaze number, a Wikidata item "
        "(Q…), or a page's URL for jsonld; TMDb reads its key from "
        "TMDB_API_KEY",
    )
    parser.add_argument("--api-url", metavar="URL",
                        help="the service's address (default: its public "
                        "API)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        metavar="SECONDS",
                        help="give up on a request after this long "
                        "(default: 10)")
    parser.set_defaults(handler=run)
