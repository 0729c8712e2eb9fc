"""
What a site build keeps to build again fast: the build cache.

A show's files depend on the show file's bytes and on the build's recipe
(the showfacts version and its libraries', the options, the theme), and
on nothing else: no page of a show reads another show.  So a build keeps,
for each show file, an *entry* under the digest of the recipe and the
file's bytes: a :class:`Record` of what the catalog's pages need of the
show, and the digest of each file it wrote.  The next build checks and
renders only the files whose digest has no entry; the site's folder
(``showfacts.site._versions``) already holds the others' files, or links
them from the live version.

A rebuild of a large catalog must not read ten thousand entries, so the
cache also keeps an *index* of the last build: each show file's size,
time and inode with its entry's key, and every record.  A file that
stat()s as it did is not read at all; one that does not is read and
hashed, and its record looked up by key.

The cache sits in the site's store, beside the version folders and never
in one, so it is never a file of the site::

    .public.showfacts/
        cache/
            index                 the last build's files and records
            entries/3f/3f9c...    one per show file: its record
            entries/3f/3f9c....items   its news items, read when needed
            entries/3f/3f9c....ics     its calendar events, as written
            calendar              the catalog's calendar, with its key

Every write is a new file renamed into place, so a reader finds whole
entries or none.  After a build, the entries of the files it no longer
has are deleted: the cache holds the last build.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import marshal
import operator
import os
import pathlib
import pickle
import re
import secrets
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from showfacts.site._versions import collector_paused


if TYPE_CHECKING:
    from showfacts.models import CatalogNames


__all__ = ["Cache", "Index", "Record", "pack_names", "packed_ids",
           "recipe"]

#: Bumped when what an entry holds changes shape.
_FORMAT = b"showfacts build cache 4\n"
_ENTRIES = "entries"
_INDEX = "index"
#: What an entry's files add to its key.
_SUFFIXES = ("", ".items", ".ics")

#: A calendar event's place in the catalog's calendar: the day's ordinal
#: and the event's uid, and how many bytes its text takes.
EventText = tuple[int, str, int]


@attrs.frozen(kw_only=True)
class Record:
    """
    What the catalog's pages need of a show, kept for the next build.

    Plain values only (strings, numbers, tuples), and few of them: ten
    thousand records are read and written at every build, and each
    object costs.  A show's 50-odd names, as tuples, were half of the
    index's objects: they are packed in two strings.

    Attributes:
        show: The show's id.
        title: Its title.
        fictional: Whether it is a fictional show (the index says so).
        ids: The ids of its catalog names, a line each, for a quick look
            (see :func:`pack_names`).
        names: What the catalog checks across shows, packed by
            :func:`pack_names`: each ``(collection, position, id, name)``
            of its people, organizations, characters, works and
            franchise.  :meth:`catalog_names` unpacks them.
        pages: Each page's URL and the newest date (ISO) the data gives it.
        files: Each file written: its path in the site and its digest.
        count: How many files it wrote.
        status: The index's status line.
        premiere: The index's premiere line.
        events: The calendar's events, in order, as :data:`EventText`.
        events_digest: The digest of the events' written text.
        newest: The sort key of its newest news item, if any.
    """

    show: str
    title: str
    fictional: bool
    ids: str
    names: str
    pages: tuple[tuple[str, str | None], ...]
    files: tuple[tuple[str, str], ...]
    count: int
    status: str
    premiere: str
    events: tuple[EventText, ...] = ()
    events_digest: str = ""
    newest: tuple[float, str] | None = None

    def plain(self) -> tuple[Any, ...]:
        """As a tuple of plain values, for :mod:`marshal`."""
        return _PLAIN(self)

    @classmethod
    def from_plain(cls, value: object) -> Record | None:
        """
        Back from :meth:`plain`; ``None`` if it is not one.

        A record kept before names were packed (one field fewer: the names
        as tuples, no ids) is read too, so that entries and indexes of
        earlier builds still count.  Earlier code finds no record in the
        newer, longer tuples and renders the show again.
        """
        if not isinstance(value, tuple):
            return None
        if len(value) == _FIELDS - 1:
            try:
                value = (*value[:_AT_IDS], *pack_names(value[_AT_IDS]),
                         *value[_AT_IDS + 1:])
            except (TypeError, ValueError):
                return None
        if (len(value) != _FIELDS or not isinstance(value[_AT_IDS], str)
                or not isinstance(value[_AT_IDS + 1], str)):
            return None
        try:
            return cls(**dict(zip(_NAMES, value, strict=True)))
        except TypeError:
            return None

    def catalog_names(self) -> CatalogNames:
        """Its names as :func:`showfacts.models.catalog_names` gave them."""
        return tuple(_name(line) for line in self.names.split("\n")[1:])

    def names_of(self, wanted: set[str]) -> CatalogNames:
        """
        Its names whose id is one of ``wanted`` (see :func:`packed_ids`).

        Most shows share no id with a rebuild's edited show, and are told
        by one split and one set operation; only a shared id's lines are
        unpacked.
        """
        found = wanted.intersection(self.ids.split("\n"))
        if not found:
            return ()
        names = self.names
        lines = []
        for item_id in found:
            mark = f"\n{item_id}\t"
            at = names.find(mark)
            while at != -1:
                end = names.find("\n", at + 1)
                lines.append((at, names[at + 1:end if end != -1 else None]))
                at = -1 if end == -1 else names.find(mark, end)
        return tuple(_name(line) for _, line in sorted(lines))


_NAMES = tuple(a.name for a in attrs.fields(Record))
_FIELDS = len(_NAMES)
_AT_IDS = _NAMES.index("ids")
#: A record's fields, read in one call: a build keeps ten thousand.
_PLAIN = operator.attrgetter(*_NAMES)


def pack_names(names: Iterable[tuple[str, int, str, str]]) -> tuple[str, str]:
    """
    A show's catalog names as a record keeps them: ``(ids, names)``.

    ``ids`` holds each name's id, a line each.  ``names`` holds each name
    on a line of its own, opened by a line break, its id, collection,
    position and name apart by tabs: the lines of one id are found by a
    search for it.  Backslashes, tabs and line breaks in any part are
    escaped (ids, as the schema allows them, have none).
    """
    ids = []
    lines = []
    for collection, position, item_id, name in names:
        packed = _escape(item_id)
        ids.append(packed)
        lines.append(
            f"\n{packed}\t{_escape(collection)}\t{position:d}\t"
            f"{_escape(name)}"
        )
    return "\n".join(ids), "".join(lines)


def packed_ids(ids: Iterable[str]) -> set[str]:
    """Names' ids as :func:`pack_names` writes them."""
    return {_escape(item_id) for item_id in ids}


def _name(line: str) -> tuple[str, int, str, str]:
    item_id, collection, position, name = line.split("\t")
    return (_unescape(collection), int(position), _unescape(item_id),
            _unescape(name))


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n"}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text:
        return "".join(_ESCAPES.get(c, c) for c in text)
    return text


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(1)),
                        text)


@attrs.define
class Index:
    """
    The last build's show files and records.

    Attributes:
        inputs: Each show file's path, with its size, time (ns), inode,
            change time (ns), format and entry key when it was read.
        records: Each entry key's record.
        whole: Whether it was read whole, for this build's recipe: then
            it lists every entry the cache holds.
    """

    inputs: dict[str, tuple[int, int, int, int, str, str]] = attrs.Factory(
        dict)
    records: dict[str, Record] = attrs.Factory(dict)
    whole: bool = False
    heads: dict[str, FileStat] = attrs.Factory(dict)


#: What tells a file changed: size, time, inode, change time (ns).
FileStat = tuple[int, int, int, int]


class Heads:
    """
    Files in folders that declared the show schema, as the last build saw.

    A :class:`showfacts._discovery.Memo`: a file whose stat is as it was
    then, and older than ``settled`` (ns), still declares it, unread.
    :attr:`now` is what the next build may take as known.
    """

    def __init__(self, last: dict[str, FileStat], settled: int) -> None:
        self.last = last
        self.settled = settled
        self.now: dict[str, FileStat] = {}

    def declares(self, path: str) -> bool:
        kept = self.last.get(path)
        if kept is None:
            return False
        found = file_stat(path)
        if found != kept:
            return False
        self.now[path] = kept
        return True

    def saw(self, path: str, found: os.stat_result) -> None:
        if found.st_mtime_ns < self.settled:
            self.now[path] = _file_stat(found)


def recipe(*parts: object) -> bytes:
    """
    What the bytes of a show's files depend on besides the show file.

    The versions of showfacts and of the libraries it renders with, and
    the ``parts`` given (options, theme digests), as bytes to hash.
    """
    names = ["showfacts"]
    for requirement in importlib.metadata.requires("showfacts") or ():
        if "extra ==" in requirement:
            continue
        name = requirement.split(";")[0]
        for mark in "<>=!~[ (":
            name = name.split(mark)[0]
        names.append(name.strip())
    versions = [f"{name}=={_version(name)}" for name in sorted(set(names))]
    text = "\n".join([*versions, *(repr(p) for p in parts)])
    return _FORMAT + text.encode("utf-8", "surrogatepass")


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def folder_digest(folder: pathlib.Path | None) -> str:
    """The digest of a folder's files, names and bytes (a theme's)."""
    if folder is None:
        return ""
    found = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix().encode("utf-8",
                                                          "surrogatepass")
        found.update(len(name).to_bytes(8, "big") + name)
        data = path.read_bytes()
        found.update(len(data).to_bytes(8, "big") + data)
    return found.hexdigest()


@attrs.frozen
class Cache:
    """
    A build cache in ``folder`` for one recipe; picklable, for workers.

    Attributes:
        folder: The cache's folder (``cache/`` in the site's store).
        recipe: What :func:`recipe` gave for this build.
    """

    folder: pathlib.Path
    recipe: bytes

    def key(self, fmt: str, data: bytes) -> str:
        """The entry's name for a show file's format and bytes."""
        found = hashlib.sha256(self.recipe)
        found.update(b"\0" + fmt.encode("ascii") + b"\0")
        found.update(data)
        return found.hexdigest()

    def _entry(self, key: str, suffix: str = "") -> str:
        # A string: a rebuild asks after every show's entry.
        return f"{self.folder}/{_ENTRIES}/{key[:2]}/{key}{suffix}"

    def _entry_path(self, key: str, suffix: str = "") -> pathlib.Path:
        return pathlib.Path(self._entry(key, suffix))

    # -- the index -----------------------------------------------------------

    def _recipe_digest(self) -> str:
        return hashlib.sha256(self.recipe).hexdigest()

    def index(self) -> Index:
        """The last build's index; empty if there is none for this recipe."""
        with collector_paused():
            return self._read_index()

    def _read_index(self) -> Index:
        try:
            value = marshal.loads(  # noqa: S302 - our own store
                (self.folder / _INDEX).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return Index()
        if (not isinstance(value, tuple) or len(value) not in {3, 4}
                or value[0] != self._recipe_digest()):
            return Index()
        _, inputs, plain, *more = value
        heads = more[0] if more else {}
        if not (isinstance(inputs, dict) and isinstance(plain, dict)
                and isinstance(heads, dict)):
            return Index()
        records = {}
        for key, one in plain.items():
            record = Record.from_plain(one)
            if record is not None:
                records[key] = record
        return Index(inputs=inputs, records=records,
                     whole=len(records) == len(plain), heads=heads)

    def keep_index(self, index: Index, old: Index) -> None:
        """
        Keep the index of this build; delete the entries it left behind.

        ``old`` is the index the build started from: entries it lists
        that this one does not are no longer any file's.  If it was not
        whole (a first build, another recipe, a damaged index), every
        entry is looked at instead.
        """
        with contextlib.suppress(OSError):
            _write_new(self.folder / _INDEX, marshal.dumps((
                self._recipe_digest(), index.inputs,
                {k: r.plain() for k, r in index.records.items()},
                index.heads,
            )))
        if not old.whole:
            self._sweep(index.records.keys())
            return
        for key in old.records.keys() - index.records.keys():
            for suffix in _SUFFIXES:
                with contextlib.suppress(OSError):
                    self._entry_path(key, suffix).unlink()

    def _sweep(self, keep: Collection[str]) -> None:
        """Delete every entry file (or half-written one) not of ``keep``."""
        with contextlib.suppress(OSError), os.scandir(
                self.folder / _ENTRIES) as shards:
            for shard in list(shards):
                with contextlib.suppress(OSError), os.scandir(
                        shard.path) as entries:
                    for entry in list(entries):
                        if entry.name.split(".")[0] not in keep:
                            with contextlib.suppress(OSError):
                                os.unlink(entry.path)  # noqa: PTH108

    # -- entries -------------------------------------------------------------

    def get(self, key: str) -> Record | None:
        """The record of a key, if the cache has a whole entry."""
        try:
            data = self._entry_path(key).read_bytes()
            return Record.from_plain(marshal.loads(data))  # noqa: S302
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def put(self, key: str, record: Record, items: object,
            events: bytes) -> None:
        """
        Keep a show's entry; a cache that cannot be written is no error.

        Its news items and calendar text go apart, because they are most
        of an entry's bytes and only read when the catalog's feed or
        calendar needs them.  The record goes last: an entry is whole
        when it is there.
        """
        with contextlib.suppress(OSError):
            _write_new(self._entry_path(key, ".items"),
                       pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))
            _write_new(self._entry_path(key, ".ics"), events)
            _write_new(self._entry_path(key), marshal.dumps(record.plain()))

    def items(self, key: str) -> Any:
        """
        A show's news items, kept by :meth:`put`.

        Raises:
            OSError: If they are not there (or cannot be read).
        """
        path = self._entry_path(key, ".items")
        data = path.read_bytes()
        try:
            return pickle.loads(data)  # noqa: S301 - our own store
        except Exception as exc:
            raise FileNotFoundError(path) from exc

    def events(self, key: str) -> bytes:
        """
        A show's calendar events as written, kept by :meth:`put`.

        Raises:
            OSError: If they are not there (or cannot be read).
        """
        with open(self._entry(key, ".ics"), "rb") as handle:  # noqa: PTH123
            return handle.read()

    def complete(self) -> set[str]:
        """
        The keys whose news items and events are kept.

        One listing of the cache's folders, where asking after each
        entry would cost a rebuild two looks a show.
        """
        found: dict[str, int] = {}
        extra = set(_SUFFIXES[1:])
        with contextlib.suppress(OSError), os.scandir(
                self.folder / _ENTRIES) as shards:
            for shard in shards:
                with contextlib.suppress(OSError), os.scandir(
                        shard.path) as entries:
                    for entry in entries:
                        key, dot, suffix = entry.name.partition(".")
                        if (dot and f".{suffix}" in extra
                                and entry.is_file(follow_symlinks=False)):
                            found[key] = found.get(key, 0) + 1
        return {key for key, count in found.items() if count == len(extra)}

    # -- catalog files -------------------------------------------------------

    def remembered(self, name: str, key: str) -> bytes | None:
        """
        The bytes kept under ``name`` if they were made for ``key``.

        For a catalog-wide file made from many shows (the catalog's
        calendar): one kept copy, replaced when its inputs change.
        """
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        head, _, rest = data.partition(b"\n")
        return rest if head == key.encode("ascii") else None

    def remember(self, name: str, key: str, data: bytes) -> None:
        """Keep ``data`` under ``name`` for ``key``; no error if not."""
        with contextlib.suppress(OSError):
            _write_new(self.folder / name, key.encode("ascii") + b"\n" + data)


def file_stat(path: str) -> FileStat | None:
    """What tells a show file changed: size, time, inode, change time."""
    try:
        found = os.stat(path)  # noqa: PTH116 - strings: one per show
    except OSError:
        return None
    return _file_stat(found)


def _file_stat(found: os.stat_result) -> FileStat:
    return (found.st_size, found.st_mtime_ns, found.st_ino,
            found.st_ctime_ns)


def _write_new(path: pathlib.Path, data: bytes) -> None:
    """Write a file under a private name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
