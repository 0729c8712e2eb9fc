"""
The folder a build replaces: what it may delete, and how it swaps.

``build_site(..., out="public")`` makes ``public`` a symbolic link to a
version folder kept in a hidden sibling, ``.public.showfacts/``::

    public -> .public.showfacts/3f9c0e1a2b4d5c6e
    .public.showfacts/
        .lock                          held while a build runs
        3f9c0e1a2b4d5c6e/              the site
            .showfacts-site.json       the manifest: every file written
            index.html, shows/, ...

A build writes a new version folder (marked ``.showfacts-building`` until
it is complete), lists its files in the folder's manifest, and replaces
the link with one ``rename``, which is atomic: at every instant ``public``
is the complete old site or the complete new one.  Then the old version
is deleted file by file from its manifest, so only what showfacts wrote
is ever deleted.  The next build removes what a killed build left in the
hidden folder (version folders still marked as building, or complete but
never swapped in).

Before anything is written, ``out`` is checked: it may not be, hold or be
inside an input, nor be the current folder; it must be missing, an empty
folder, a site showfacts built (the link above, or a folder with a
manifest), or a site of the older layout that showfacts recognises
strictly; and a site may hold only the files its manifest lists.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator

import attrs

from showfacts._atomic import (
    cannot_write,
    make_folders,
    remove_folders,
    write_atomic,
)
from showfacts.exceptions import OutputError, ShowfactsError
from showfacts.site._versions import (
    State,
    Version,
    foreign,
    identity,
    mirror,
)


if sys.platform != "win32":
    import fcntl

__all__ = ["CACHE", "MANIFEST", "die_with_parent", "replace_site",
           "store_of"]

#: In every site folder: the files the build wrote, as JSON.
MANIFEST = ".showfacts-site.json"
#: In a version folder while it is being written.
BUILDING = ".showfacts-building"
_LOCK = ".lock"
#: In the store: the build cache (``showfacts.site._buildcache``), never a
#: version folder's name.
CACHE = "cache"
_VERSION = re.compile(r"[0-9a-f]{16}")
_NEW_LINK = re.compile(r"[0-9a-f]{16}\.link")
#: Beside each finished version: what it holds (``_versions.State``).
_STATE = ".state"
_OLD_STATE = re.compile(r"[0-9a-f]{16}\.state")
#: A state being written (``write_atomic``) when its build was killed.
_STATE_TEMP = re.compile(r"\.[0-9a-f]{16}\.state\.[0-9a-f]{8}\.tmp")
#: The files a site of the layout before manifests could hold.
_OLD_LAYOUT = re.compile(
    r"(?:index\.html|style\.css|feed\.xml|atom\.xml|feed\.json"
    r"|premieres\.ics|sitemap(?:-[0-9]+)?\.xml"
    r"|shows/[^/]+/(?:index\.html|show\.jsonld|feed\.xml|atom\.xml"
    r"|feed\.json|premieres\.ics)"
    r"|shows/[^/]+/season-[0-9]+/index\.html)"
)
_OLD_REQUIRED = ("index.html", "style.css", "sitemap.xml")
#: Words every index page of that layout carries in its footer.
_OLD_FOOTER = b": facts with how sure they are and where they were read."


@attrs.frozen(kw_only=True)
class _Place:
    """Where the site goes: ``out`` with its folder resolved, and its store."""

    given: str
    out: pathlib.Path
    store: pathlib.Path


@attrs.frozen(kw_only=True)
class _Current:
    """What is at ``out`` now."""

    #: The version folder the link points to.
    version: str | None = None
    #: A real folder at ``out``: empty, or a site with these files.
    folder: bool = False
    files: tuple[str, ...] = ()
    #: The folder has no manifest (the older layout): write one first.
    old_layout: bool = False
    #: What the linked version holds, if its state was kept and read.
    state: State | None = None


def check_place(out: str | os.PathLike[str],
                inputs: Iterable[str | os.PathLike[str]]) -> None:
    """
    Refuse an ``out`` that :func:`replace_site` would refuse, changing nothing.

    Raises:
        OutputError: If ``out`` is unsafe to replace (see the module).
    """
    _survey(_check_inputs_at(out, inputs), walk=False)


def store_of(out: str | os.PathLike[str]) -> pathlib.Path:
    """
    The hidden folder beside ``out`` that holds its versions.

    A build keeps its cache there too, in :data:`CACHE`: a name no
    version folder has, so :func:`replace_site` never cleans it away.
    """
    return _place(out).store


def _check_inputs_at(out: str | os.PathLike[str],
                     inputs: Iterable[str | os.PathLike[str]]) -> _Place:
    place = _place(out)
    _check_inputs(place, inputs)
    return place


@contextlib.contextmanager
def replace_site(out: str | os.PathLike[str],
                 inputs: Iterable[str | os.PathLike[str]],
                 ) -> Iterator[Version]:
    """
    A version folder that replaces the site at ``out`` if the block ends.

    It is the site's spare brought up to date where there is one
    (``showfacts.site._versions``), else a new, empty folder; the block
    puts every file of the new site in through it.  If the block raises,
    the folder is removed and ``out`` is left as it was.

    Raises:
        OutputError: If ``out`` is unsafe to replace (see the module), or
            cannot be written; an ``OSError`` of the block becomes one too.
    """
    place = _check_inputs_at(out, inputs)
    lock = -1
    made: list[pathlib.Path] = []
    staging: pathlib.Path | None = None
    done = False
    try:
        _survey(place, walk=False)  # refuse before making anything
        made = make_folders(place.out.parent)
        if place.store.is_symlink() or (
            place.store.exists() and not place.store.is_dir()
        ):
            raise OutputError(f"{place.store}: is in the way of the site's "
                              "versions; remove it")
        if not place.store.exists():
            place.store.mkdir()
            made.append(place.store)
        lock = _lock(place)
        current = _survey(place)
        live = current.state
        spare = _spare(place.store, live)
        _clean(place.store, keep={
            v for v in (current.version, spare and live and live.previous)
            if v
        })
        if spare is not None and live is not None:
            staging = place.store / live.previous
            _mark_building(staging)
        else:
            staging = _new_version(place.store)
        version = Version(
            staging, spare=spare,
            live=None if current.version is None
            else place.store / current.version,
            live_state=live,
        )
        yield version
        old = _swap(place, current, version, keep_live=live is not None)
        done = True
        for folder, files in old:
            with contextlib.suppress(OSError):  # left for the next build
                _delete(folder, files)
        if live is None:
            with contextlib.suppress(OSError):  # the next build makes one
                _make_spare(place.store, staging)
    except OSError as exc:
        if isinstance(exc, ShowfactsError):
            raise
        raise cannot_write(place.given, exc) from None
    finally:
        if not done:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
                with contextlib.suppress(OSError):
                    _state_path(place.store, staging.name).unlink()
                with contextlib.suppress(OSError):
                    _new_link(staging).unlink()
            if place.store in made:
                # A store this build made goes whole, its cache with it.
                shutil.rmtree(place.store / CACHE, ignore_errors=True)
                with contextlib.suppress(OSError):
                    (place.store / _LOCK).unlink()
            remove_folders(made)
        if lock != -1:
            os.close(lock)


def _state_path(store: pathlib.Path, version: str) -> pathlib.Path:
    return store / f"{version}{_STATE}"


def _state(store: pathlib.Path, version: str | None) -> State | None:
    """What a finished version holds, if it was kept."""
    if version is None:
        return None
    return State.read(_state_path(store, version))


def _spare(store: pathlib.Path, live: State | None) -> State | None:
    """
    The spare's state, if there is a spare to update in place.

    The version that was live before the live one, finished, listed by
    its manifest and holding nothing its state does not list (a file
    added to it while it was live is left where it is, with it).
    """
    if live is None or not _VERSION.fullmatch(live.previous):
        return None
    folder = store / live.previous
    if folder.is_symlink() or (folder / BUILDING).exists():
        return None
    state = _state(store, live.previous)
    if (state is None or not state.holds_manifest(folder, MANIFEST)
            or foreign(folder, state, also={MANIFEST}) != []):
        return None
    return state


def _mark_building(folder: pathlib.Path) -> None:
    """
    Mark a spare as being built, before anything in it changes.

    Its state goes first: a build killed now leaves a folder marked as
    being built, which the next build removes.  It holds only what
    showfacts wrote: its state was just found to list all it held.
    """
    (folder / BUILDING).write_bytes(b"")
    _state_path(folder.parent, folder.name).unlink(missing_ok=True)


def _make_spare(store: pathlib.Path, live: pathlib.Path) -> None:
    """
    Leave a spare beside a live version that has none: hard links.

    A first build pays for it (a link a file), so that the next one
    updates only what changed.
    """
    state = State.read(_state_path(store, live.name))
    if state is None:
        return
    spare = _new_version(store)
    try:
        mirror(live, state, spare)
        _write_manifest(spare, state.files)
        (spare / BUILDING).unlink()
        folders = {
            f: os.stat(spare / f if f else spare).st_mtime_ns  # noqa: PTH116
            for f in state.folders
        }
        State(files=state.files, folders=folders, previous=state.previous,
              manifest=identity(spare / MANIFEST),
              ).write(_state_path(store, spare.name))
        attrs.evolve(state, previous=spare.name).write(
            _state_path(store, live.name))
    except BaseException:
        shutil.rmtree(spare, ignore_errors=True)
        raise


def _place(out: str | os.PathLike[str]) -> _Place:
    given = os.fspath(out)
    if not given.strip():
        raise OutputError("the site's folder is an empty path; name one, "
                          "such as 'site'")
    path = pathlib.Path(given).absolute()
    if path.name in {"", ".", ".."}:
        path = path.resolve()
    else:
        path = path.parent.resolve() / path.name
    here = pathlib.Path.cwd().resolve()
    if path == here or path in here.parents:
        raise OutputError(
            f"{given}: is the current folder, or holds it; a build replaces "
            "the whole folder, so name a folder of its own, such as 'site'"
        )
    for folder in (path, *path.parents):
        if (folder.name.startswith(".") and folder.name.endswith(".showfacts")
                and (folder / _LOCK).exists()):
            raise OutputError(
                f"{given}: is inside {folder.name}, where showfacts keeps a "
                "site's versions; build into the site's own name instead"
            )
    return _Place(given=given, out=path,
                  store=path.parent / f".{path.name}.showfacts")


def _check_inputs(place: _Place,
                  inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse a site folder that is, holds or is inside an input."""
    for given in inputs:
        real = pathlib.Path(given).resolve()
        for mine in (place.out, place.store):
            if real == mine:
                raise OutputError(
                    f"{place.given}: is the input {os.fspath(given)} too; "
                    "a build replaces the whole folder, so build the site "
                    "into a folder of its own"
                )
            if mine in real.parents:
                raise OutputError(
                    f"{place.given}: holds the input {os.fspath(given)}; a "
                    "build replaces the whole folder, so build the site "
                    "into a folder of its own"
                )
            if real in mine.parents:
                raise OutputError(
                    f"{place.given}: is inside the input {os.fspath(given)}, "
                    "where the site would be read back as show files; "
                    "build it outside the input"
                )


def _survey(place: _Place, *, walk: bool = True) -> _Current:
    """
    What is at ``out``; refuse anything showfacts did not make.

    Without ``walk``, a site at the link is not yet searched for files
    its manifest does not list (done once, under the lock).
    """
    out = place.out
    if out.is_symlink():
        version = _linked_version(place)
        if version is None:
            raise OutputError(
                f"{place.given}: is a symbolic link showfacts did not make; "
                "remove it or choose another folder"
            )
        state = None
        if walk:
            folder = place.store / version
            state = _state(place.store, version)
            extra = (None if state is None
                     else foreign(folder, state, also={MANIFEST}))
            if extra is None:
                _check_own(place.given, folder, _manifest(folder) or ())
            else:
                _refuse_extra(place.given, extra)
        return _Current(version=version, state=state)
    if not os.path.lexists(out):
        return _Current()
    if not out.is_dir():
        raise OutputError(f"{place.given}: exists and is not a folder")
    entries = sorted(p.name for p in out.iterdir())
    if not entries:
        return _Current(folder=True)
    found = _files(out)
    listed = _manifest(out)
    if listed is not None:
        _check_own(place.given, out, listed)
        return _Current(folder=True, files=listed)
    if _is_old_layout(out, found):
        return _Current(folder=True, files=tuple(found), old_layout=True)
    raise OutputError(
        f"{place.given}: is a folder showfacts did not build (it holds "
        f"{_some(found or entries)}); a build replaces the whole folder, "
        "so choose a "
        "new or empty one"
    )


def _linked_version(place: _Place) -> str | None:
    """The version folder ``out`` links to, if showfacts made the link."""
    try:
        target = place.out.readlink().as_posix()
    except OSError:
        return None
    store, _, version = target.partition("/")
    if store != place.store.name or not _VERSION.fullmatch(version):
        return None
    folder = place.store / version
    # A state kept beside it says showfacts finished it, as a manifest
    # does, without reading the catalog's worth of names the manifest
    # holds; what it holds is checked under the lock (_survey).
    if _state_path(place.store, version).is_file() and (
            folder / MANIFEST).is_file():
        return version
    return version if _manifest(folder) is not None else None


def _files(folder: pathlib.Path) -> list[str]:
    """Everything but folders under ``folder``, relative, sorted."""
    found: list[str] = []
    for here, dirs, files in os.walk(folder):
        # A link to a folder is listed, not followed.
        links = [d for d in dirs if pathlib.Path(here, d).is_symlink()]
        dirs[:] = [d for d in dirs if d not in links]
        inside = pathlib.Path(here).relative_to(folder).as_posix()
        prefix = "" if inside == "." else f"{inside}/"
        found.extend(prefix + name for name in (*files, *links))
    return sorted(found)


def _manifest(folder: pathlib.Path) -> tuple[str, ...] | None:
    """The files a folder's manifest lists, if it has a valid one."""
    try:
        value = json.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(value, dict) or value.get("generator") != "showfacts":
        return None
    files = value.get("files")
    if not isinstance(files, list) or not _all_safe_relative(files):
        return None
    return tuple(files)


#: A part of a path that is not a name: empty, ``.`` or ``..``.
_NOT_A_NAME = re.compile(r"(?:^|[/\0])\.{0,2}(?=$|[/\0])")


def _all_safe_relative(files: list[object]) -> bool:
    """Whether every item is a relative path of names, checked at once."""
    if not files:
        return True
    if not all(type(f) is str for f in files):
        return False
    joined = "\0".join(files)  # type: ignore[arg-type]
    return (joined.count("\0") == len(files) - 1  # none holds a NUL
            and "\\" not in joined
            and _NOT_A_NAME.search(joined) is None)


def _check_own(given: str, folder: pathlib.Path,
               listed: Iterable[str]) -> None:
    """Refuse a site that holds files its manifest does not list."""
    _refuse_extra(given, sorted(set(_files(folder)) - set(listed)
                                - {MANIFEST}))


def _refuse_extra(given: str, extra: list[str]) -> None:
    if extra:
        raise OutputError(
            f"{given}: holds {_some(extra)}, which showfacts did not write; "
            "move it out of the site's folder (a build replaces the folder "
            "whole)"
        )


def _some(names: list[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:3])
    more = len(names) - 3
    return f"{shown} and {more} more" if more > 0 else shown


def _is_old_layout(folder: pathlib.Path, found: list[str]) -> bool:
    """A site written before sites had a manifest, recognised strictly."""
    if not all(name in found for name in _OLD_REQUIRED):
        return False
    if not all(_OLD_LAYOUT.fullmatch(name) for name in found):
        return False
    if any((folder / name).is_symlink() for name in found):
        return False
    try:
        with (folder / "index.html").open("rb") as index:
            return _OLD_FOOTER in index.read(1 << 20)
    except OSError:
        return False


def _lock(place: _Place) -> int:
    """Hold the site's lock, or refuse: another build is running."""
    fd = os.open(place.store / _LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    if sys.platform == "win32":
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in {errno.EAGAIN, errno.EACCES}:
            raise OutputError(
                f"{place.given}: another build is writing this site; try "
                "again when it is done"
            ) from None
        raise
    return fd


def _clean(store: pathlib.Path, *, keep: set[str]) -> None:
    """
    Remove what earlier builds left in the store, except the live site.

    Only what carries showfacts' marks: new links, version folders being
    built or listed by a manifest, empty version folders, the states of
    versions not kept and states half written.  What cannot be removed
    is left for the next build.
    """
    with os.scandir(store) as entries:
        found = [e for e in entries if e.name not in keep]
    for entry in found:
        path = pathlib.Path(entry.path)
        stale_state = (_OLD_STATE.fullmatch(entry.name)
                       and entry.name.removesuffix(_STATE) not in keep)
        new_link = (_NEW_LINK.fullmatch(entry.name)
                    and entry.is_symlink())
        if stale_state or new_link or _STATE_TEMP.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                path.unlink()
        elif (_VERSION.fullmatch(entry.name)
              and entry.is_dir(follow_symlinks=False)):
            if (path / BUILDING).exists():
                shutil.rmtree(path, ignore_errors=True)
            elif (listed := _manifest(path)) is not None:
                _delete(path, listed)
            else:
                with contextlib.suppress(OSError):
                    path.rmdir()


def _delete(folder: pathlib.Path, listed: Iterable[str]) -> None:
    """
    Delete the files of a site its manifest lists, then the manifest.

    Folders go only when empty, and nothing is reached through a link: a
    file the user added stays, with the folders that hold it.
    """
    real = folder.resolve()
    parents: set[str] = set()
    direct: dict[str, bool] = {}  # each folder resolved once
    for name in listed:
        path = folder / name
        inside, _, _ = name.rpartition("/")
        if inside not in direct:
            direct[inside] = (path.parent.resolve()
                              == real.joinpath(*inside.split("/")))
        if not direct[inside]:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
        while inside:
            parents.add(inside)
            inside = inside.rpartition("/")[0]
    for inside in sorted(parents, key=lambda p: -p.count("/")):
        with contextlib.suppress(OSError):
            (folder / inside).rmdir()
    with contextlib.suppress(OSError):
        (folder / MANIFEST).unlink()
        folder.rmdir()


def _new_version(store: pathlib.Path) -> pathlib.Path:
    """A new version folder, marked as being built."""
    while True:
        path = store / secrets.token_hex(8)
        try:
            path.mkdir()
        except FileExistsError:
            continue
        (path / BUILDING).write_bytes(b"")
        return path


def _swap(place: _Place, current: _Current, version: Version, *,
          keep_live: bool) -> list[tuple[pathlib.Path, tuple[str, ...]]]:
    """
    Finish the new version and link it in at ``out``.

    Returns:
        The folders and files to delete: ``out`` no longer leads there,
        and they are not the next build's spare.
    """
    staging = version.path
    version.prune()
    if not (version.same_files() and version.spare is not None
            and version.spare.holds_manifest(staging, MANIFEST)):
        _write_manifest(staging, version.files)
    (staging / BUILDING).unlink()
    state = version.state(previous=current.version or "",
                          manifest=identity(staging / MANIFEST))
    state.write(_state_path(place.store, staging.name))
    link = _new_link(staging)
    link.symlink_to(f"{place.store.name}/{staging.name}",
                    target_is_directory=True)
    moved: pathlib.Path | None = None
    if current.folder and not current.files:
        place.out.rmdir()  # empty: fails if anything appeared meanwhile
    elif current.folder:
        # A real folder cannot be swapped with a link in one step: move
        # it into the store first (once, the first build in this layout).
        if current.old_layout:
            _write_manifest(place.out, current.files)
        moved = _new_version(place.store)
        (moved / BUILDING).unlink()
        moved.rmdir()
        place.out.rename(moved)
    try:
        link.replace(place.out)
    except BaseException:
        if moved is not None:
            moved.rename(place.out)
        raise
    if current.version is not None and not keep_live:
        old = place.store / current.version
        return [(old, _manifest(old) or ())]
    if moved is not None:
        return [(moved, current.files)]
    return []


def _new_link(version: pathlib.Path) -> pathlib.Path:
    """Where the link to a new version is made before it is renamed."""
    return version.with_name(f"{version.name}.link")


def _write_manifest(folder: pathlib.Path, files: Iterable[str]) -> None:
    text = json.dumps({"generator": "showfacts", "files": sorted(files)},
                      indent=1)
    write_atomic(folder / MANIFEST, (text + "\n").encode("ascii"))


# -- worker processes ---------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """
    Make a worker process end when the build's process ends.

    A process pool's initializer: on Linux the kernel kills the worker when
    its parent dies (``PR_SET_PDEATHSIG``); elsewhere a thread watches the
    parent.  A worker whose parent is already gone ends at once.
    """
    first = os.getppid()
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(ctypes.c_int(_PR_SET_PDEATHSIG),
                   ctypes.c_ulong(signal.SIGKILL), ctypes.c_ulong(0),
                   ctypes.c_ulong(0), ctypes.c_ulong(0))
    else:
        threading.Thread(target=_watch, args=(first,), daemon=True).start()
    if os.getppid() != first or not _alive(parent):
        os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
