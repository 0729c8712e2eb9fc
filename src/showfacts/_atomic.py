"""
Output files replaced whole or not at all, with the modes users expect.

A new file gets ``0666 & ~umask`` (``0644`` under the usual umask 022), as
``open()`` would give it; a file that is replaced keeps its mode.  The
bytes go to a temporary file beside the target, which is renamed over it
once complete, so a reader sees the old file or the new one, never part
of one; if anything fails, the temporary file (and any folder made for
it) is removed and the old file is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pathlib
import secrets
import stat
from collections.abc import Iterator
from typing import BinaryIO

from showfacts.exceptions import OutputError, ShowfactsError


__all__ = ["cannot_write", "make_folders", "replacing", "write_atomic"]


def cannot_write(name: object, exc: OSError) -> OutputError:
    """The one-line error for an output that the system refused."""
    reason = exc.strerror or str(exc)
    return OutputError(f"{name}: cannot be written ({reason})")


def make_folders(folder: pathlib.Path) -> list[pathlib.Path]:
    """
    Make ``folder`` and its missing parents; return those made, deepest last.

    Raises:
        OSError: If a part of the path is a file, or cannot be made.
    """
    missing = []
    here = folder
    while not here.is_dir():
        if os.path.lexists(here):
            raise NotADirectoryError(errno.ENOTDIR, "a part of the path is "
                                     "a file, not a folder", str(here))
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    made = []
    try:
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
    except BaseException:
        remove_folders(made)
        raise
    return made


def remove_folders(made: list[pathlib.Path]) -> None:
    """Remove folders :func:`make_folders` made, if they are still empty."""
    for path in reversed(made):
        with contextlib.suppress(OSError):
            path.rmdir()


def _kept_mode(target: pathlib.Path) -> int | None:
    """The permission bits of the regular file being replaced, if any."""
    try:
        found = target.stat()
    except OSError:
        return None
    return stat.S_IMODE(found.st_mode) if stat.S_ISREG(found.st_mode) else None


def _create(folder: pathlib.Path, prefix: str) -> tuple[int, pathlib.Path]:
    """
    A new, empty, private-named file in ``folder``, open for writing.

    It is made with mode 0666 and the umask applies, as for ``open()``
    (``tempfile.mkstemp`` would make it 0600 whatever the umask).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        path = folder / f"{prefix}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """
    A binary file whose bytes replace ``target`` when the block succeeds.

    A symbolic link at ``target`` is followed: the file it points to is
    replaced, and the link stays.  Missing folders are made.

    Raises:
        OutputError: If the file cannot be written (read-only folder, full
            disk, a folder or a file in the way); ``target`` is then as it
            was.  Errors raised in the block pass through unchanged, except
            that an ``OSError`` becomes an ``OutputError`` too.
    """
    name = os.fspath(target)
    if not name:
        raise OutputError("the output file name is empty")
    path = pathlib.Path(os.path.realpath(name))
    if path.is_dir():
        raise OutputError(f"{name}: is a folder; name a file")
    made: list[pathlib.Path] = []
    try:
        made = make_folders(path.parent)
        fd, tmp = _create(path.parent, f".{path.name}.")
    except OSError as exc:
        remove_folders(made)
        raise cannot_write(name, exc) from None
    done = False
    try:
        mode = _kept_mode(path)
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        done = True
    except OSError as exc:
        if isinstance(exc, ShowfactsError):
            raise
        raise cannot_write(name, exc) from None
    finally:
        if not done:
            tmp.unlink(missing_ok=True)
            remove_folders(made)


def write_atomic(target: str | os.PathLike[str], data: bytes) -> None:
    """
    Replace ``target`` with ``data``, whole or not at all.

    Raises:
        OutputError: If the file cannot be written; it is then as it was.
    """
    with replacing(target) as handle:
        handle.write(data)
