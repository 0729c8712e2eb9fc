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
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, cast

import attrs
import tomli_w

from showfacts import (
    _bounds,
    _converter,
    _discovery,
    _invariants,
    _readers,
    _schema,
    phrases,
)
from showfacts._atomic import write_atomic
from showfacts._discovery import Skipped
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
    "FileFormat",
    "Limits",
    "Skipped",
    "collect_show_files",
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
#: The formats of show files.
FileFormat = Literal["yaml", "json", "toml"]


# -- reading -----------------------------------------------------------------


def loads(
    text: str | bytes,
    format: FileFormat = "yaml",  # noqa: A002 - the natural name for callers
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

    ``value`` is not modified.  Problems name ``name``, or else the input
    as ``<show 'ID'>`` (or ``<dict>`` without an id), and give no line or
    column: a mapping has none.

    .. versionadded:: 0.1.0
    """
    if name is None:
        show_id = value.get("id") if isinstance(value, dict) else None
        name = f"<show {show_id!r}>" if isinstance(show_id, str) \
            else "<dict>"
    # No text, so no lines or columns: problems give the path only.
    return _build(_readers.Document(copy.deepcopy(value), name, "", "json",
                                    {}), limits)


def to_dict(show: Show) -> dict[str, Any]:
    """
    A show as the JSON-like mapping a file would hold.

    ``from_dict(to_dict(show)) == show``.

    .. versionadded:: 0.1.0
    """
    return _converter.to_dict(show)


def show_files(
    path: StrPath,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> tuple[pathlib.Path, ...]:
    """
    The show files in a folder, or the file itself, in a stable order.

    A file given itself is always a show file.  In a folder, searched
    recursively, a file is a show file when it declares the show schema
    (``$schema``, or YAML's ``# yaml-language-server: $schema=`` comment,
    naming ``show.schema.json``) or matches one of the ``include``
    patterns, and matches none of the ``exclude`` patterns.  Patterns are
    globs over the path relative to the folder (``*`` within a name,
    ``**/`` across folders; one without ``/`` matches a name anywhere).
    Hidden files and folders (whose name starts with a dot) and a site's
    ``showfacts.toml`` are skipped,
    and symbolic links to folders are not followed.

    Args:
        path: A file or folder.
        include: Globs of files that are shows whether or not they declare
            the schema (a site's configuration).
        exclude: Globs of files that are never shows.
        on_skip: Called with each YAML, JSON or TOML file of the folder
            that is not a show file, and why.

    Raises:
        InputError: If the path does not exist, or a file has another
            suffix.

    .. versionadded:: 0.1.0
    """
    return _files(path, include, exclude, on_skip, None)


def _files(path: StrPath, include: Sequence[str],
           exclude: Sequence[str],
           on_skip: Callable[[Skipped], object] | None,
           memo: _discovery.Memo | None) -> tuple[pathlib.Path, ...]:
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
    return tuple(root / name for name in sorted(_names(
        root, include, exclude, on_skip, memo,
    )))


#: A site's configuration file (:mod:`showfacts.config`): never a show.
SITE_CONFIG = "showfacts.toml"


def show_file_names(
    folder: StrPath,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> Iterator[str]:
    """
    The show files in a folder as :func:`show_files` finds them, unsorted.

    Each is a POSIX path relative to ``folder``, yielded as a walk meets
    it: for callers that keep them their own way (sorted, without a path
    object each).  The arguments are those of :func:`show_files`.

    Raises:
        InputError: If ``folder`` is not a folder.

    .. versionadded:: 0.1.0
    """
    return _names(folder, include, exclude, on_skip, None)


def _names(folder: StrPath, include: Sequence[str],
           exclude: Sequence[str],
           on_skip: Callable[[Skipped], object] | None,
           memo: _discovery.Memo | None) -> Iterator[str]:
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
                fmt = SUFFIXES.get(name[dot:].lower()) if dot > 0 else None
                if name == SITE_CONFIG or fmt is None:
                    continue
                if entry.is_symlink():
                    real = real or root.resolve()
                    _inside(pathlib.Path(entry.path), real, root)
                if _chosen(root, prefix + name, fmt, include, exclude,
                           on_skip, memo):
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


#: How a file's head is opened to see whether it is a show file.
_OPEN_HEAD = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)


def _chosen(root: pathlib.Path, name: str, fmt: str,  # noqa: PLR0917
            include: Sequence[str], exclude: Sequence[str],
            on_skip: Callable[[Skipped], object] | None,
            memo: _discovery.Memo | None) -> bool:
    """Whether ``root/name`` is a show file; report it to on_skip if not."""
    if exclude and _discovery.matches(name, exclude):
        if on_skip is not None:
            on_skip(Skipped(str(root / name), "excluded by a pattern"))
        return False
    if include and _discovery.matches(name, include):
        return True
    # One open, no path objects: a catalog has thousands of files.
    path = f"{os.fspath(root)}/{name}"
    if memo is not None and memo.declares(path):
        return True
    try:
        # Non-blocking, so that a FIFO is not waited on.
        fd = os.open(path, _OPEN_HEAD)
    except OSError:
        return True  # unreadable: let reading it say why
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            return True  # a FIFO or device: reading refuses it, unread
        head = os.read(fd, _discovery.HEAD_BYTES)
    except OSError:
        return True
    finally:
        os.close(fd)
    reason = _discovery.examine(head, fmt)
    if reason is None:
        if memo is not None:
            memo.saw(path, found)
        return True
    if on_skip is not None:
        on_skip(Skipped(str(root / name), reason,
                        _discovery.show_like(head, fmt)))
    return False


def collect_show_files(
    paths: StrPath | Iterable[StrPath],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> list[pathlib.Path]:
    """
    The show files of files and folders, once each, in POSIX path order.

    Files are chosen as :func:`show_files` chooses them, whatever order
    the paths were given in.

    Raises:
        InputError: If no path is given, a path cannot be read, or a
            folder holds no show file (the message names it, and says how
            many files there do not declare the show schema).

    .. versionadded:: 0.1.0
    """
    return collect_remembered(paths, include=include, exclude=exclude,
                              on_skip=on_skip, memo=None)


def collect_remembered(
    paths: StrPath | Iterable[StrPath],
    *,
    include: Sequence[str],
    exclude: Sequence[str],
    on_skip: Callable[[Skipped], object] | None,
    memo: _discovery.Memo | None,
) -> list[pathlib.Path]:
    """
    :func:`collect_show_files`, where ``memo`` may know files' heads.

    A file in a folder that ``memo`` says declares the show schema is
    not opened to see; one found to declare it is told to ``memo``.
    """
    roots = _as_paths(paths)
    if not roots:
        raise InputError("no paths given: name show files or folders")
    found: set[pathlib.Path] = set()
    for root in roots:
        skipped: list[Skipped] = []

        def note(item: Skipped, skipped: list[Skipped] = skipped) -> None:
            skipped.append(item)
            if on_skip is not None:
                on_skip(item)

        files = _files(root, include, exclude, note, memo)
        if not files:
            raise InputError(_discovery.nothing_found(root, skipped))
        found.update(files)
    return sorted(found, key=lambda file: file.as_posix())


def load_catalog(
    paths: StrPath | Iterable[StrPath],
    *,
    limits: Limits = DEFAULT_LIMITS,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> Catalog:
    """
    Load every show in one or more files or folders, as one catalog.

    Problems in every file are reported together.  Across files, show ids
    must be unique, and people, organizations and characters that share
    an id must share a name.  Folders are searched, and ``include``,
    ``exclude`` and ``on_skip`` applied, as in :func:`show_files`.

    Raises:
        InputError: If a path cannot be read, or holds no show file.
        InvalidDataError: With every problem in every file.

    .. versionadded:: 0.1.0
    """
    loaded, problems = load_many(paths, limits, include=include,
                                 exclude=exclude, on_skip=on_skip)
    problems += catalog_problems(loaded)
    if problems:
        raise InvalidDataError(problems)
    return Catalog(shows=[show for show, _ in loaded])


def validate(
    paths: StrPath | Iterable[StrPath],
    *,
    limits: Limits = DEFAULT_LIMITS,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> tuple[Problem, ...]:
    """
    Check files or folders and return every problem; empty when valid.

    Folders are searched as in :func:`load_catalog`.

    Raises:
        InputError: If a path cannot be read, or holds no show file.

    .. versionadded:: 0.1.0
    """
    loaded, problems = load_many(paths, limits, include=include,
                                 exclude=exclude, on_skip=on_skip)
    problems += catalog_problems(loaded)
    return tuple(problems)


def _as_paths(paths: StrPath | Iterable[StrPath]) -> list[pathlib.Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [pathlib.Path(paths)]
    return [pathlib.Path(p) for p in paths]


def load_many(
    paths: StrPath | Iterable[StrPath],
    limits: Limits = DEFAULT_LIMITS,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    on_skip: Callable[[Skipped], object] | None = None,
) -> tuple[list[tuple[Show, Document]], list[Problem]]:
    """
    Load every show file, keeping going past files with problems.

    Files are read in the order of their paths, whatever order the paths
    were given in.  Returns each show with its document (to locate paths in
    it later), and the problems of the files that failed.
    """
    # Whatever order the paths come in, files are read in one order, so
    # every output (and every list of problems) is the same.
    files = collect_show_files(paths, include=include, exclude=exclude,
                               on_skip=on_skip)
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
    """The problems across files, located in the file each is in."""
    first: dict[str, Document] = {}
    for show, document in loaded:
        first.setdefault(show.id, document)
    problems = []
    for index, problem in check_catalog([show for show, _ in loaded]):
        show, document = loaded[index]
        message = problem.message
        other = first[show.id].name
        if problem.path == "$.id" and other and other != document.name:
            message = f"the show id {show.id!r} is used by {other} too"
        problems.append(document.problem(parse_path(problem.path), message))
    return problems


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
    Resolve ``{relative: "next year"}`` dates in place, and check them.

    Each is resolved against its ``anchor`` when it gives one, else the
    published date of the first source of its fact that has one (see
    :mod:`showfacts.phrases`).  A date that gives ``edtf`` too must lie
    within what its phrase means.
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
    countries = value.get("countries") or ()
    for path, fact in _raw_facts(value):
        # Most facts have no relative date: look before making anything.
        places: list[tuple[Path, dict[str, Any], str, list[str]]] = [
            (path, fact, field, fact.get("sources", []))
            for field in _DATE_FIELDS if _relative(fact.get(field))
        ]
        retraction = fact.get("retracted")
        if isinstance(retraction, dict) and _relative(retraction.get("date")):
            places.append((
                (*path, "retracted"), retraction, "date",
                retraction.get("sources") or fact.get("sources", []),
            ))
        if not places:
            continue
        region = fact.get("region")
        country = region if isinstance(region, str) else (
            countries[0] if countries else None
        )
        for where, holder, field, sources in places:
            date = holder[field]
            try:
                holder[field] = _resolve(date, sources, published, country)
            except (RelativeDateError, ValueError, InvalidDataError) as exc:
                message = (
                    "; ".join(p.message for p in exc.problems)
                    if isinstance(exc, InvalidDataError) else str(exc)
                )
                problems.append(((*where, field), message))
    return problems


def _relative(date: object) -> bool:
    return isinstance(date, dict) and "relative" in date


def _resolve(
    date: dict[str, Any], sources: list[str], published: dict[str, Any],
    country: str | None,
) -> Any:
    phrase = date["relative"]
    anchor = None
    for source in sources:
        raw = published.get(source)
        if raw is not None:
            anchor = _converter.structure(raw, FuzzyDate)
            break
    if date.get("anchor") is not None:
        given = _converter.structure(date["anchor"], FuzzyDate)
        if anchor is not None and not given.overlaps(anchor):
            msg = (
                f"the anchor {given.edtf!r} of {phrase!r} is not when its "
                f"source was published ({anchor.edtf!r})"
            )
            raise RelativeDateError(msg)
        anchor = given
    if anchor is None:
        msg = (
            f"the phrase {phrase!r} needs a source with a published date "
            "(or an anchor) to be resolved against"
        )
        raise RelativeDateError(msg)
    resolved = FuzzyDate.resolve(
        phrase,
        anchor,
        text=date.get("text"),
        hemisphere=date.get("hemisphere", "north"),
        country=country,
    )
    if "edtf" in date:
        stated = _converter.structure(date["edtf"], FuzzyDate)
        if not phrases.agrees(stated, resolved):
            msg = (
                f"the phrase {phrase!r} said {anchor.label()} means "
                f"{resolved.describe()} (edtf {resolved.edtf!r}), but edtf "
                f"is {stated.edtf!r}: they disagree; fix one of them"
            )
            raise RelativeDateError(msg)
        resolved = attrs.evolve(resolved, edtf=stated.edtf)
    return _converter.unstructure(resolved)


# -- writing -----------------------------------------------------------------


def dumps(
    show: Show,
    format: FileFormat = "yaml",  # noqa: A002
    *,
    schema: str | None = None,
) -> str:
    """
    Write a show as the text of a YAML, JSON or TOML file.

    ``loads(dumps(show, f), f) == show`` for every format.  With
    ``schema``, the text declares it as its ``$schema`` (YAML as a
    ``# yaml-language-server`` comment), which makes the file a show file
    in folders.

    .. versionadded:: 0.1.0
    """
    value = to_dict(show)
    if format == "yaml":
        # ruamel.yaml writes; reading never needs it.
        from showfacts import _yamlfile  # noqa: PLC0415

        return _yamlfile.dumps(value, schema)
    if schema is not None:
        value = {"$schema": schema, **value}
    if format == "json":
        return dumps_indented(value) + "\n"
    if format == "toml":
        return tomli_w.dumps(value)
    # Callers without a type checker can pass anything.
    msg = f"unknown format {format!r}; use yaml, json or toml"  # type: ignore[unreachable]
    raise ValueError(msg)


def dump(
    show: Show, path: StrPath, format: FileFormat | None = None,  # noqa: A002
) -> None:
    """
    Write a show to a file, atomically: the file is whole or untouched.

    The format follows the suffix unless given.  If the file holds the
    same show already (the same ``id``), it is edited rather than
    replaced: a YAML file keeps its comments, key order, quoting, flow
    style and indentation for everything that did not change, and new
    facts are written in the style of their neighbours; a JSON or TOML
    file keeps its ``$schema``.  A new file declares the show schema: the
    ``show.schema.json`` near it (as ``showfacts new`` finds it), or the
    schema's ``$id``.

    A new file gets the mode ``open()`` would give it (``0644`` under
    umask 022); a replaced file keeps its mode.

    Raises:
        OutputError: If the file cannot be written; it is then as it was.

    .. versionadded:: 0.1.0
    """
    target = pathlib.Path(path)
    fmt = format or cast(
        "FileFormat | None", SUFFIXES.get(target.suffix.lower())
    )
    if fmt is None:
        raise InputError(f"{target}: say which format to write")
    write_atomic(target, _edited(show, target, fmt).encode("utf-8"))


def _edited(show: Show, target: pathlib.Path, fmt: FileFormat) -> str:
    """The text to write over ``target``, kept in its style if it is ours."""
    try:
        old = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        old = None
    if old is not None and fmt == "yaml":
        from showfacts import _yamlfile  # noqa: PLC0415

        edited = _yamlfile.edit(old, to_dict(show))
        if edited is not None:
            return edited
    declared = None
    if old is not None:
        head = old.encode("utf-8")[:_discovery.HEAD_BYTES]
        declared = _discovery.declared_schema(head, fmt)
    if declared is None:
        declared = _discovery.declaration_for(target)
    return dumps(show, fmt, schema=declared)

