"""
What a site build keeps to build again fast: the build cache.

A show's files depend on the show file's bytes and on the build's recipe
(the showfacts version and its libraries', the options, the theme), and
on nothing else: no page of a show reads another show.  So a build keeps,
for each show file, an *entry* under the digest of the recipe and the
file's bytes: what the catalog's pages need of the show (its light model,
pages, calendar events, newest news items) and the files it wrote, each
as a *blob* named by the digest of its bytes.  The next build checks and
renders only the files whose digest has no entry and links (or copies)
the blobs of the others into the new version folder; the catalog's own
pages (index, catalog feeds and calendar, sitemaps) are written anew.

The cache sits in the site's store, beside the version folders and never
in one, so it is never a file of the site::

    .public.showfacts/
        cache/
            entries/3f/3f9c...    one per show file, pickled
            entries/3f/3f9c....items   its news items, read when needed
            blobs/a0/a07e...      one per distinct output file
            calendar              the catalog's calendar, with its key

Every write is a new file renamed into place, so a reader finds whole
entries and blobs or none.  After a build, entries and blobs it did not
use are deleted: the cache holds the last build.  A blob whose size or
time is not what its entry says (a published file edited in place: they
are hard links) is a miss, and its show is rendered again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pathlib
import pickle
import re
import secrets
import shutil
from collections.abc import Iterable
from typing import Any

import attrs


__all__ = ["Cache", "Entry", "recipe"]

#: Bumped when what an entry holds changes shape.
_FORMAT = b"showfacts build cache 3\n"
_ENTRIES = "entries"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_BLOBS = "blobs"


@attrs.frozen(kw_only=True)
class Entry:
    """
    What a show file made, for a build that finds it unchanged.

    Attributes:
        summary: What the catalog's pages need of the show (the site's
            own record of it).
        files: Each written file: its path in the site, the digest of its
            bytes, and the size and time (ns) of its blob when written.
    """

    summary: Any
    files: tuple[tuple[str, str, int, int], ...]


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

    def _entry_path(self, key: str) -> pathlib.Path:
        return self.folder / _ENTRIES / key[:2] / key

    def _blob_path(self, digest: str) -> pathlib.Path:
        return self.folder / _BLOBS / digest[:2] / digest

    def get(self, key: str) -> Entry | None:
        """The entry of a key, if the cache has a whole one."""
        try:
            data = self._entry_path(key).read_bytes()
        except OSError:
            return None
        try:
            entry = pickle.loads(data)  # noqa: S301 - our own store
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None
        return entry if isinstance(entry, Entry) else None

    def put_items(self, key: str, items: object) -> None:
        """
        Keep a show's news items beside its entry.

        Apart, because only the few that make the catalog's feed are
        ever read again, and they are most of an entry's bytes.
        """
        with contextlib.suppress(OSError):
            _write_new(self._items_path(key),
                       pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))

    def has_items(self, key: str) -> bool:
        """Whether a show's news items are kept."""
        return self._items_path(key).is_file()

    def items(self, key: str) -> Any:
        """
        A show's news items, kept by :meth:`put_items`.

        Raises:
            OSError: If they are not there (or cannot be read).
        """
        data = self._items_path(key).read_bytes()
        try:
            return pickle.loads(data)  # noqa: S301 - our own store
        except Exception as exc:
            raise FileNotFoundError(self._items_path(key)) from exc

    def _items_path(self, key: str) -> pathlib.Path:
        return self.folder / _ENTRIES / key[:2] / f"{key}.items"

    def put(self, key: str, entry: Entry) -> None:
        """Keep an entry; a cache that cannot be written is no error."""
        with contextlib.suppress(OSError):
            _write_new(self._entry_path(key),
                       pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def store(self, raw: bytes,
              target: pathlib.Path) -> tuple[str, int, int]:
        """
        Write a site file as a blob linked at ``target``.

        The blob is always written anew: one of the same name may have
        been changed through a site file linked to it.  Where the cache
        cannot be written or linked from, ``target`` is written directly.

        Returns:
            The digest of the bytes, and the blob's size and time (ns).
        """
        digest = hashlib.sha256(raw).hexdigest()
        blob = self._blob_path(digest)
        try:
            _write_new(blob, raw)
            found = blob.stat()
            _link(blob, target)
        except OSError:
            target.write_bytes(raw)
            return digest, -1, -1
        return digest, found.st_size, found.st_mtime_ns

    def place(self, entry: Entry, staging: pathlib.Path) -> bool:
        """
        Put an entry's files into ``staging``, from their blobs.

        Returns:
            Whether every file was there, unchanged (the size and time it
            had when written: a site file edited in place changes its
            blob too); if not, the files placed are removed again and the
            show must be rendered.
        """
        # Strings, not path objects: a rebuild places every file of the
        # site, and making a path object cost more than linking the file.
        root = os.fspath(staging)
        blobs = os.fspath(self.folder / _BLOBS)
        made: set[str] = set()
        placed: list[str] = []
        try:
            for path, digest, size, written in entry.files:
                if not (_DIGEST.fullmatch(digest) and _relative(path)):
                    raise FileNotFoundError(path)  # not an entry we wrote
                blob = f"{blobs}/{digest[:2]}/{digest}"
                found = os.stat(blob)  # noqa: PTH116 - see below
                if (found.st_size, found.st_mtime_ns) != (size, written):
                    raise FileNotFoundError(blob)
                target = f"{root}/{path}"
                folder = target.rpartition("/")[0]
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)  # noqa: PTH103
                    made.add(folder)
                _link(blob, target)
                placed.append(target)
        except OSError:
            for target in placed:
                with contextlib.suppress(OSError):
                    os.unlink(target)  # noqa: PTH108
            return False
        return True

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

    def sweep(self, keys: Iterable[str], blobs: Iterable[str]) -> None:
        """Delete the entries and blobs the last build did not use."""
        keep_keys = set(keys)
        keep_blobs = set(blobs)
        for kind, keep in ((_ENTRIES, keep_keys), (_BLOBS, keep_blobs)):
            _sweep(self.folder / kind, keep)


def _sweep(folder: pathlib.Path, keep: set[str]) -> None:
    try:
        shards = sorted(p for p in folder.iterdir()
                        if p.is_dir() and not p.is_symlink())
    except OSError:
        return
    for shard in shards:
        with contextlib.suppress(OSError):
            for path in list(shard.iterdir()):
                # an entry's items go with it: "{key}.items"
                if path.name.partition(".")[0] not in keep:
                    _remove(path)
        with contextlib.suppress(OSError):
            shard.rmdir()  # only if empty


def _remove(path: pathlib.Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


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


def _relative(path: str) -> bool:
    """A path inside the site: no empty, ``.`` or ``..`` part."""
    return bool(path) and not {"", ".", ".."} & set(path.split("/"))


def _link(blob: str | os.PathLike[str],
          target: str | os.PathLike[str]) -> None:
    """A hard link to a blob, or a copy where links cannot be made."""
    try:
        os.link(blob, target)
    except OSError:
        shutil.copyfile(blob, target)

