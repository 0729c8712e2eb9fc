"""
Loading and writing show files.

Data flows one way: file, then schema check, then structuring into the
model, whose invariants are checked as it is built.  Every stage reports
every problem it finds, with the file, line, column and path, in one
:class:`~showfacts.exceptions.InvalidDataError`.
"""

from __future__ import annotations

import copy
import os
import pathlib
import re
import stat
from collections.abc import Iterable, Iterator
from typing import Any

import tomli_w
import yaml

from showfacts import _bounds, _converter, _invariants, _readers, _schema
from showfacts._atomic import write_atomic
from showfacts._json import dumps_indented
from showfacts._paths import Path
from showfacts._paths import parse as parse_path
from showfacts._readers import DEFAULT_LIMITS, SUFFIXES, Document, Limits
from showfacts.dates import FuzzyDate, RelativeDateError
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.models import (
    SEASON_FACTS,
    SHOW_FACTS,
    Catalog,
    Show,
    check_catalog,
)


__all__ = [
    "Limits",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_catalog",
    "loads",
    "show_file_names",
    "show_files",
    "to_dict",
    "validate",
]

StrPath = str | os.PathLike[str]


# -- reading -----------------------------------------------------------------


def loads(
    text: str | bytes,
    format: str = "yaml",  # noqa: A002 - the natural name for callers
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Show:
    r"""
    Load a show from the text of a YAML, JSON or TOML file.

    Args:
        text: The file's text, or its bytes (decoded as UTF-8).
        format: ``"yaml"``, ``"json"`` or ``"toml"``.
        name: A file name to report problems under.
        limits: Bounds on size, nesting, strings and YAML aliases.

    Raises:
        InvalidDataError: With every problem found.

    >>> show = loads("id: demo\ntitle: Demo\nfictional: true\n")
    >>> show.title
    'Demo'

    .. versionadded:: 0.1.0
    """
    if isinstance(text, bytes):
        if len(text) > limits.max_file_size:
            raise _too_big(name, len(text), limits)
        text = _readers.decode(text, name)
    document = _readers.read_text(text, format, name, limits)
    return _build(document, limits)


def load(path: StrPath, *, limits: Limits = DEFAULT_LIMITS) -> Show:
    """
    Load the show in a ``.yaml``, ``.yml``, ``.json`` or ``.toml`` file.

    Raises:
        InputError: If the file cannot be read or has another suffix.
        InvalidDataError: With every problem found.

    .. versionadded:: 0.1.0
    """
    return _build(_read_file(pathlib.Path(path), limits), limits)


def from_dict(value: Any, *, name: str | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Show:
    """
    Build a show from a JSON-like mapping, checked like a file.

    ``value`` is not modified.

    .. versionadded:: 0.1.0
    """
    return _build(_readers.Document(copy.deepcopy(value), name, "", "json"),
                  limits)


def to_dict(show: Show) -> dict[str, Any]:
    """
    A show as the JSON-like mapping a file would hold.

    ``from_dict(to_dict(show)) == show``.

    .. versionadded:: 0.1.0
    """
    return _converter.to_dict(show)


def show_files(path: StrPath) -> tuple[pathlib.Path, ...]:
    """
    The show files in a folder, or the file itself, in a stable order.

    Folders are searched recursively; hidden files and folders (whose name
    starts with a dot) and a site's ``showfacts.toml`` are skipped, and
    symbolic links to folders are not followed.

    Raises:
        InputError: If the path does not exist, or a file has another
            suffix.

    .. versionadded:: 0.1.0
    """
    root = pathlib.Path(path)
    if root.is_file():
        if root.suffix.lower() not in SUFFIXES:
            raise InputError(
                f"{root}: not a show file; show files end in "
                f"{', '.join(SUFFIXES)}"
            )
        return (root,)
    if root.exists() and not root.is_dir():
        _regular(root, root.stat().st_mode)
    return tuple(root / name for name in sorted(show_file_names(root)))


#: A site's configuration file (:mod:`showfacts.config`): never a show.
SITE_CONFIG = "showfacts.toml"


def show_file_names(folder: StrPath) -> Iterator[str]:
    """
    The show files in a folder as :func:`show_files` finds them, unsorted.

    Each is a POSIX path relative to ``folder``, yielded as a walk meets
    it: for callers that keep them their own way (sorted, without a path
    object each).

    Raises:
        InputError: If ``folder`` is not a folder.

    .. versionadded:: 0.1.0
    """
    root = pathlib.Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: no such file or folder")
    real: pathlib.Path | None = None
    stack = [("", os.fspath(root))]
    while stack:
        prefix, here = stack.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                if entry.is_dir():
                    if not entry.is_symlink():
                        stack.append((f"{prefix}{name}/", entry.path))
                    continue
                dot = name.rfind(".")
                if name == SITE_CONFIG or name[dot:].lower() not in SUFFIXES:
                    continue
                if entry.is_symlink():
                    real = real or root.resolve()
                    _inside(pathlib.Path(entry.path), real, root)
                yield prefix + name


def _inside(link: pathlib.Path, real: pathlib.Path,
            root: pathlib.Path) -> None:
    """Refuse a symbolic link that leads out of the folder it is in."""
    target = link.resolve()
    if not target.is_relative_to(real):
        raise InputError(
            f"{link}: a symbolic link that leads outside {root}; showfacts "
            "reads only files inside the folders it is given (copy the "
            "file in, or name it on the command line)"
        )


def load_catalog(
    paths: StrPath | Iterable[StrPath], *, limits: Limits = DEFAULT_LIMITS
) -> Catalog:
    """
    Load every show in one or more files or folders, as one catalog.

    Problems in every file are reported together.  Across files, show ids
    must be unique, and people, organizations and characters that share
    an id must share a name.

    Raises:
        InputError: If a path cannot be read.
        InvalidDataError: With every problem in every file.

    .. versionadded:: 0.1.0
    """
    loaded, problems = load_many(paths, limits)
    problems += catalog_problems(loaded)
    if problems:
        raise InvalidDataError(problems)
    return Catalog(shows=[show for show, _ in loaded])


def validate(
    paths: StrPath | Iterable[StrPath], *, limits: Limits = DEFAULT_LIMITS
) -> tuple[Problem, ...]:
    """
    Check files or folders and return every problem; empty when valid.

    Raises:
        InputError: If a path cannot be read.

    .. versionadded:: 0.1.0
    """
    loaded, problems = load_many(paths, limits)
    problems += catalog_problems(loaded)
    return tuple(problems)


def _as_paths(paths: StrPath | Iterable[StrPath]) -> list[pathlib.Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [pathlib.Path(paths)]
    return [pathlib.Path(p) for p in paths]


def load_many(
    paths: StrPath | Iterable[StrPath], limits: Limits = DEFAULT_LIMITS
) -> tuple[list[tuple[Show, Document]], list[Problem]]:
    """
    Load every show file, keeping going past files with problems.

    Files are read in the order of their paths, whatever order the paths
    were given in.  Returns each show with its document (to locate paths in
    it later), and the problems of the files that failed.
    """
    # Whatever order the paths come in, files are read in one order, so
    # every output (and every list of problems) is the same.
    files = sorted(
        {file for root in _as_paths(paths) for file in show_files(root)},
        key=lambda file: file.as_posix(),
    )
    loaded: list[tuple[Show, Document]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            document = _read_file(file, limits)
            show = _build(document, limits)
        except InvalidDataError as exc:
            problems.extend(exc.problems)
            continue
        loaded.append((show, document))
    return loaded, problems


def catalog_problems(loaded: list[tuple[Show, Document]]) -> list[Problem]:
    return [
        loaded[index][1].problem(parse_path(problem.path), problem.message)
        for index, problem in check_catalog([show for show, _ in loaded])
    ]


def _too_big(name: str | None, size: int, limits: Limits) -> InvalidDataError:
    return InvalidDataError([Problem(
        file=name,
        message=f"the file is {size:,} bytes, over the limit of "
        f"{limits.max_file_size:,} bytes",
    )])


def _regular(path: pathlib.Path, mode: int) -> None:
    """Refuse what is not a regular file: reading it might never end."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a folder, not a show file")
    kind = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    raise InputError(
        f"{path}: {kind}, not a show file; showfacts reads regular files "
        "only"
    )


def _read_file(path: pathlib.Path, limits: Limits) -> Document:
    fmt, data = file_bytes(path, limits)
    name = str(path)
    return _readers.read_text(_readers.decode(data, name), fmt, name, limits)


def file_bytes(path: pathlib.Path, limits: Limits) -> tuple[str, bytes]:
    """
    A show file's format and bytes, read as :func:`load` reads them.

    Raises:
        InputError: If the file cannot be read or has another suffix.
        InvalidDataError: If it is over ``limits.max_file_size``.
    """
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: not a show file; show files end in "
            f"{', '.join(SUFFIXES)}"
        )
    name = str(path)
    try:
        status = path.stat()
        _regular(path, status.st_mode)
        size = status.st_size
        if size > limits.max_file_size:
            raise _too_big(name, size, limits)
        # Not blocking: a FIFO put in place since the check cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            _regular(path, os.fstat(handle.fileno()).st_mode)
            data = handle.read(limits.max_file_size + 1)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a show file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(data) > limits.max_file_size:
        raise _too_big(name, len(data), limits)
    return fmt, data


def load_bytes(path: pathlib.Path, fmt: str, data: bytes,
               limits: Limits) -> Show:
    """
    The show in bytes :func:`file_bytes` read from ``path``.

    Raises:
        InvalidDataError: With every problem found.
    """
    name = str(path)
    return _build(
        _readers.read_text(_readers.decode(data, name), fmt, name, limits),
        limits,
    )


def _build(document: Document, limits: Limits = DEFAULT_LIMITS) -> Show:
    value = document.value
    # What the file would make showfacts do comes first: past a limit,
    # nothing else is worth the work.
    found = _bounds.check(value, limits)
    if found:
        raise InvalidDataError(_located(document, found))
    found = _schema.problems(value)
    if not found:
        # "$schema" is for editors; the model does not keep it.
        value.pop("$schema", None)
        found = _resolve_relative_dates(value)
    if not found:
        try:
            return _converter.structure(value, Show)
        except InvalidDataError as exc:
            found = [(parse_path(p.path), p.message) for p in exc.problems]
    # Whatever failed, check references, dates and supersede chains too, so
    # that one run reports every problem.
    if isinstance(value, dict):
        found += _invariants.check(value)
    raise InvalidDataError(_located(document, found))


def _located(document: Document, found: list[tuple[Path, str]]) -> list[
    Problem
]:
    unique = list(dict.fromkeys(found))
    problems = [document.problem(path, message) for path, message in unique]
    return sorted(
        problems,
        key=lambda p: (
            p.line is None, p.line or 0, p.column or 0, p.path, p.message
        ),
    )


# -- relative dates ----------------------------------------------------------

_DATE_FIELDS = ("announced", "date", "air_date")


def _raw_facts(value: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for name in SHOW_FACTS:
        for i, fact in enumerate(value.get(name, ())):
            yield (name, i), fact
    for s, season in enumerate(value.get("seasons", ())):
        for name in SEASON_FACTS:
            for i, fact in enumerate(season.get(name, ())):
                yield ("seasons", s, name, i), fact


def _resolve_relative_dates(value: dict[str, Any]) -> list[tuple[Path, str]]:
    """
    Resolve ``{relative: "next year"}`` dates in place.

    Each is resolved against the published date of the first source of its
    fact that has one.
    """
    problems: list[tuple[Path, str]] = []
    published = {
        source["id"]: source.get("published")
        for source in value.get("sources", ())
    }
    for i, source in enumerate(value.get("sources", ())):
        date = source.get("published")
        if isinstance(date, dict) and "relative" in date:
            problems.append((
                ("sources", i, "published"),
                ("a source's published date cannot be relative: it is what "
                "relative dates are resolved against"),
            ))
    for path, fact in _raw_facts(value):
        places: list[tuple[Path, dict[str, Any], str, list[str]]] = [
            (path, fact, field, fact.get("sources", []))
            for field in _DATE_FIELDS
        ]
        retraction = fact.get("retracted")
        if isinstance(retraction, dict):
            places.append((
                (*path, "retracted"), retraction, "date",
                retraction.get("sources") or fact.get("sources", []),
            ))
        for where, holder, field, sources in places:
            date = holder.get(field)
            if not (isinstance(date, dict) and "relative" in date):
                continue
            if "edtf" in date:
                continue
            try:
                holder[field] = _resolve(date, sources, published)
            except (RelativeDateError, ValueError) as exc:
                problems.append(((*where, field), str(exc)))
    return problems


def _resolve(
    date: dict[str, Any], sources: list[str], published: dict[str, Any]
) -> Any:
    anchor = None
    for source in sources:
        raw = published.get(source)
        if raw is not None:
            anchor = _converter.structure(raw, FuzzyDate)
            break
    if anchor is None:
        msg = (
            f"the relative date {date['relative']!r} needs a source with a "
            "published date to be resolved against"
        )
        raise RelativeDateError(msg)
    resolved = FuzzyDate.resolve(
        date["relative"],
        anchor,
        text=date.get("text"),
        hemisphere=date.get("hemisphere", "north"),
    )
    return _converter.unstructure(resolved)


# -- writing -----------------------------------------------------------------


#: Characters a YAML reader would not give back unchanged in a plain or
#: single-quoted scalar: controls, line breaks YAML 1.1 knows (NEL, LS, PS),
#: the byte-order mark and non-characters.  Such strings are double-quoted,
#: where the emitter escapes them.
_NEEDS_ESCAPES = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if _NEEDS_ESCAPES.search(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


class _Dumper(yaml.SafeDumper):
    """
    Write YAML that any YAML reader reads back the same.

    Every string that YAML 1.1 or 1.2 would read as something else is
    quoted.
    """

    def increase_indent(
        self, flow: bool = False, indentless: bool = False  # noqa: ARG002
    ) -> Any:
        # Indent list items under their key, as people write them.
        return super().increase_indent(flow, indentless=False)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(  # type: ignore[no-untyped-call]
            kind, value, implicit
        )
        if kind is yaml.ScalarNode and implicit[0] and tag.endswith(":str"):
            try:
                plain = _readers._yaml_plain(value)  # noqa: SLF001
            except ValueError:
                plain = None
            if not isinstance(plain, str):
                return "tag:yaml.org,2002:int"
        return tag


_Dumper.add_representer(str, _represent_str)


def dumps(show: Show, format: str = "yaml") -> str:  # noqa: A002
    """
    Write a show as the text of a YAML, JSON or TOML file.

    ``loads(dumps(show, f), f) == show`` for every format.

    .. versionadded:: 0.1.0
    """
    value = to_dict(show)
    if format == "yaml":
        text: str = yaml.dump(
            value,
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
            width=79,
        )
        return text
    if format == "json":
        return dumps_indented(value) + "\n"
    if format == "toml":
        return tomli_w.dumps(value)
    msg = f"unknown format {format!r}; use yaml, json or toml"
    raise ValueError(msg)


def dump(show: Show, path: StrPath, format: str | None = None) -> None:  # noqa: A002
    """
    Write a show to a file, atomically: the file is whole or untouched.

    The format follows the suffix unless given.  A new file gets the mode
    ``open()`` would give it (``0644`` under umask 022); a replaced file
    keeps its mode.

    Raises:
        OutputError: If the file cannot be written; it is then as it was.

    .. versionadded:: 0.1.0
    """
    target = pathlib.Path(path)
    fmt = format or SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise InputError(f"{target}: say which format to write")
    write_atomic(target, dumps(show, fmt).encode("utf-8"))
