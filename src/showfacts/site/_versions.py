"""
A version folder being written, and what a finished one is known to hold.

A site is swapped whole (``showfacts.site._folder``), but a rebuild should
cost what changed, not what the catalog holds.  So a site keeps two
version folders: the live one, and a *spare*, the site as it was before
the last build.  A build brings the spare up to date in place and links
it in: files whose bytes it already holds stay, the others are written
(or linked from the live version, which holds them when they changed in
the last build), and those the new site no longer has are deleted.  The
live version is not touched, so a reader still finds a complete site at
every instant; it becomes the next build's spare.

What a finished version holds is kept beside it in the store, in
``{version}.state``: each file's digest, size, time and inode as written,
and each folder's time.  The times are how a build knows, in a stat per
folder rather than a walk of the tree, that nobody added a file to a
version, and, in a stat per file, that nobody edited one in place (files
are shared between versions as hard links, so an edit shows in both).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import pathlib
from collections.abc import Iterable, Iterator

import attrs

from showfacts._atomic import write_atomic


__all__ = ["FileRecord", "State", "Version", "build_heap",
           "collector_paused", "digest", "foreign", "identity", "write_file"]

#: A written file: its digest, size, time (ns) and inode.
FileRecord = tuple[str, int, int, int]
_FORMAT = "showfacts version state 2"


#: Whether a build asked for what collector_paused() makes to be frozen.
_FREEZING = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    Pause Python's cyclic garbage collector while making many objects.

    Reading a large catalog's state or build cache, or looking up ten
    thousand shows in it, makes millions of tuples and strings and none
    of them in a cycle; the collector would walk the growing heap again
    and again (a rebuild spent a seventh of its time there).  Within
    :func:`build_heap`, what is alive at the end is also frozen
    (:func:`gc.freeze`): left out of every later collection of the build.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZING:
            gc.freeze()
        if was:
            gc.enable()


@contextlib.contextmanager
def build_heap() -> Iterator[None]:
    """
    A build's span: objects frozen by :func:`collector_paused` thaw at its end.

    Does nothing if the process keeps frozen objects of its own (a
    server that froze its heap before forking, say), or within another
    build: their freezing is theirs to undo.
    """
    global _FREEZING  # noqa: PLW0603 - one switch for the process's collector
    if _FREEZING or gc.get_freeze_count():
        yield
        return
    _FREEZING = True
    try:
        yield
    finally:
        _FREEZING = False
        gc.unfreeze()


def digest(raw: bytes) -> str:
    """The digest a version keeps of a file's bytes."""
    return hashlib.sha256(raw).hexdigest()[:32]


@attrs.frozen
class State:
    """
    What a finished version folder holds, as it was written.

    Attributes:
        files: Each file (its path in the site) and how it was written.
        folders: Each folder (``""`` is the version's own) and its time.
        previous: The version that was live before this one, kept as the
            next build's spare.
        manifest: The manifest's size, time and inode as written: a
            manifest that still has them need not be read to be trusted.
    """

    files: dict[str, FileRecord]
    folders: dict[str, int]
    previous: str = ""
    manifest: tuple[int, ...] = ()

    @classmethod
    def read(cls, path: pathlib.Path) -> State | None:
        """A state kept at ``path``; ``None`` if missing or damaged."""
        try:
            with collector_paused():
                value = marshal.loads(path.read_bytes())  # noqa: S302 - ours
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if (not isinstance(value, tuple) or len(value) != 5
                or value[0] != _FORMAT):
            return None
        _, files, folders, previous, manifest = value
        if not (isinstance(files, dict) and isinstance(folders, dict)
                and isinstance(previous, str)
                and isinstance(manifest, tuple)):
            return None
        return cls(files, folders, previous, manifest)

    def write(self, path: pathlib.Path) -> None:
        """Keep this state at ``path``, replaced whole."""
        write_atomic(path, marshal.dumps(
            (_FORMAT, self.files, self.folders, self.previous,
             self.manifest)
        ))

    def holds_manifest(self, folder: pathlib.Path, name: str) -> bool:
        """Whether ``folder/name`` is the manifest as it was written."""
        return bool(self.manifest) and identity(folder / name) == self.manifest


def identity(path: str | os.PathLike[str]) -> tuple[int, ...]:
    """A file's size, time and inode; ``()`` if it is not there."""
    try:
        found = os.stat(path)  # noqa: PTH116 - strings: one per site file
    except OSError:
        return ()
    return (found.st_size, found.st_mtime_ns, found.st_ino)


def write_file(root: str, path: str, raw: bytes) -> FileRecord:
    """
    Write a site file at ``root/path``, a new file in place of any there.

    The old file is unlinked, never written through: it may be a hard
    link to the same file in another version.  Missing folders are made.
    """
    target = f"{root}/{path}"
    folder = target.rpartition("/")[0]
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)  # noqa: PTH108 - strings: a build writes many
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)  # noqa: PTH103
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
        found = os.fstat(fd)
    finally:
        os.close(fd)
    return digest(raw), found.st_size, found.st_mtime_ns, found.st_ino


def foreign(root: pathlib.Path, state: State, *,
            also: Iterable[str] = ()) -> list[str] | None:
    """
    The files in a finished version that its state does not list.

    Only folders whose time changed since are read; ``also`` names files
    at the top that are not listed but expected (the manifest).  ``None``
    if a folder it lists is gone, or is not a folder any more.
    """
    changed = []
    for folder, written in state.folders.items():
        try:
            found = os.stat(f"{root}/{folder}" if folder else root)  # noqa: PTH116
        except OSError:
            return None
        if found.st_mtime_ns != written:
            changed.append(folder)
    if not changed:
        return []
    expected = _children(state)
    expected.setdefault("", set()).update(also)
    extra: list[str] = []
    for folder in changed:
        here = root / folder if folder else root
        wanted = expected.get(folder, set())
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.name in wanted:
                    continue
                name = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    extra.extend(_files_in(entry.path, name))
                else:
                    extra.append(name)
    return sorted(extra)


def _files_in(path: str, name: str) -> Iterator[str]:
    """The files in a folder nobody listed, by their path in the site."""
    for here, _, files in os.walk(path):
        inside = os.path.relpath(here, path)
        prefix = name if inside == "." else f"{name}/{inside}"
        for file in files:
            yield f"{prefix}/{file}"


def _children(state: State) -> dict[str, set[str]]:
    """What each folder of a state holds: its files and folders' names."""
    found: dict[str, set[str]] = {}
    for path in (*state.files, *state.folders):
        if path:
            folder, _, name = path.rpartition("/")
            found.setdefault(folder, set()).add(name)
    return found


class Version:
    """
    A version folder a build writes: a new one, or the spare updated.

    Files are given by their path in the site.  :meth:`keep_all` takes
    files the build knows the digests of without making them (a cached
    show's); :meth:`write` writes one made now; :meth:`add` records one a
    worker process wrote with :func:`write_file`.  :meth:`prune`
    deletes what the spare held that the new site does not, and
    :meth:`state` says what the finished folder holds.
    """

    def __init__(self, path: pathlib.Path, *, spare: State | None = None,
                 live: pathlib.Path | None = None,
                 live_state: State | None = None) -> None:
        self.path = path
        self.root = os.fspath(path)
        #: The spare's state, if this folder is the spare brought up to date.
        self.spare = spare
        self._old = spare.files if spare is not None else {}
        self._old_folders = spare.folders if spare is not None else {}
        self._live = (os.fspath(live), live_state.files) if (
            live is not None and live_state is not None) else None
        self.files: dict[str, FileRecord] = {}
        #: Folders whose entries this build changed.
        self._touched: set[str] = set()

    def keep_all(self, files: Iterable[tuple[str, str]]) -> bool:
        """
        Have each ``(path, digest)``'s file here; whether all were at hand.

        A file is at hand if this folder (the spare) holds it already, or
        the live version does (then it is linked here), unchanged since
        it was written.  Stops at the first that is not: the caller
        writes them all.
        """
        kept, linked = self._kept, self._linked
        for path, wanted in files:
            if kept(path, wanted) is None and not linked(path, wanted):
                return False
        return True

    def _linked(self, path: str, wanted: str) -> bool:
        """Link the live version's file at ``path`` here, if it holds it."""
        if self._live is None:
            return False
        live_root, live_files = self._live
        there = live_files.get(path)
        if there is None or there[0] != wanted:
            return False
        source = f"{live_root}/{path}"
        if not _same(source, there):
            return False
        target = f"{self.root}/{path}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)  # noqa: PTH108
        try:
            try:
                os.link(source, target)
            except FileNotFoundError:
                os.makedirs(target.rpartition("/")[0], exist_ok=True)  # noqa: PTH103
                os.link(source, target)
        except OSError:  # no hard links here: the caller writes it
            return False
        self.add(path, there)
        return True

    def write(self, path: str, raw: bytes) -> FileRecord:
        """Have these bytes at ``path``: kept if there, else written."""
        kept = self._kept(path, digest(raw))
        if kept is not None:
            return kept
        record = write_file(self.root, path, raw)
        self.add(path, record)
        return record

    def _kept(self, path: str, wanted: str) -> FileRecord | None:
        """The spare's file at ``path``, kept if it holds ``wanted``."""
        old = self._old.get(path)
        if old is None or old[0] != wanted or not _same(
                f"{self.root}/{path}", old):
            return None
        self.files[path] = old
        return old

    def add(self, path: str, record: FileRecord) -> None:
        """Record a file written into this folder (by a worker, say)."""
        self.files[path] = record
        self._touch(path)

    def _touch(self, path: str) -> None:
        folder = path.rpartition("/")[0]
        while folder not in self._touched:
            self._touched.add(folder)
            if not folder:
                break
            folder = folder.rpartition("/")[0]

    def prune(self) -> None:
        """
        Delete what the spare held and the new site does not.

        Folders are removed only when empty.  Call once every file is in.
        """
        if self.same_files():  # most rebuilds: nothing to delete
            return
        for path in self._old:
            if path not in self.files:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.root}/{path}")  # noqa: PTH108
                self._touch(path)
        folders = _folders(self.files)
        for folder in sorted(set(self._old_folders) - folders,
                             key=lambda f: -f.count("/")):
            with contextlib.suppress(OSError):
                os.rmdir(f"{self.root}/{folder}")  # noqa: PTH106

    def state(self, previous: str, manifest: tuple[int, ...]) -> State:
        """
        What this folder now holds, once it is finished.

        Folders this build changed are read again; the others kept
        their times.  ``previous`` is the version that was live, and
        ``manifest`` the :func:`identity` of its manifest.
        """
        self._touched.add("")
        times = {}
        folders = (self._old_folders.keys() if self.same_files()
                   else _folders(self.files))
        for folder in folders:
            kept = self._old_folders.get(folder)
            if kept is None or folder in self._touched:
                kept = os.stat(  # noqa: PTH116
                    f"{self.root}/{folder}" if folder else self.root
                ).st_mtime_ns
            times[folder] = kept
        return State(files=self.files, folders=times, previous=previous,
                     manifest=manifest)

    def same_files(self) -> bool:
        """Whether the new site has exactly the spare's files."""
        return self.files.keys() == self._old.keys()


def _same(path: str, record: FileRecord) -> bool:
    """Whether a file is as it was written: size, time and inode."""
    # One stat, no tuple of its own: a rebuild asks this of every file.
    try:
        found = os.stat(path)  # noqa: PTH116 - strings: one per site file
    except OSError:
        return False
    return (found.st_size == record[1] and found.st_mtime_ns == record[2]
            and found.st_ino == record[3])


def _folders(files: Iterable[str]) -> set[str]:
    """Every folder that holds one of ``files``, the top one as ``""``."""
    found = {""}
    for path in files:
        folder = path.rpartition("/")[0]
        while folder and folder not in found:
            found.add(folder)
            folder = folder.rpartition("/")[0]
    return found


def mirror(source: pathlib.Path, state: State,
           target: pathlib.Path) -> None:
    """
    Make ``target`` hold ``source``'s files as hard links.

    The spare a first build leaves: the next build updates it in place.
    """
    src, dst = os.fspath(source), os.fspath(target)
    for folder in sorted(_folders(state.files)):
        if folder:
            os.mkdir(f"{dst}/{folder}")  # noqa: PTH102
    for path in state.files:
        os.link(f"{src}/{path}", f"{dst}/{path}")
