"""
Files written with ``-o`` and ``showfacts.dump()``.

Each is replaced whole or not at all, gets the mode ``open()`` would give
it (``0666 & ~umask``), keeps its mode when replaced, and an output that
cannot be written is one line on standard error with exit status 2.
"""

from __future__ import annotations

import errno
import os
import pathlib
import stat

import pytest

import showfacts as sf
from showfacts._commands.new import starter
from tests.test_cli import run


def _show(folder: pathlib.Path, slug: str = "harbor-town",
          title: str = "Harbor Town") -> pathlib.Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yaml"
    path.write_text(starter(slug, title=title))
    return path


def _commands(tmp_path: pathlib.Path) -> dict[str, list[str]]:
    """Every command that writes ``-o FILE``, with its other arguments."""
    show = str(_show(tmp_path / "data"))
    older = _show(tmp_path / "older")
    older.write_text(older.read_text().replace("certainty: reported",
                                               "certainty: rumored"))
    return {
        "feed": ["feed", show, "--to", "rss", "--base-url", "https://example.org/tv/"],
        "calendar": ["calendar", show, "--base-url", "https://example.org/tv/"],
        "jsonld": ["jsonld", show, "--base-url", "https://example.org/tv/"],
        "ndjson": ["jsonld", "--ndjson", show, "--base-url", "https://example.org/tv/"],
        "html": ["html", show, "--base-url", "https://example.org/tv/"],
        "diff": ["diff", str(older), show],
        "new": ["new", "salt-marsh", "--force"],
        "schema": ["schema"],
    }


COMMANDS = ("feed", "calendar", "jsonld", "ndjson", "html", "diff", "new",
            "schema")


def _mode(path: pathlib.Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Set the umask for one test; restore it after."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _write(args: list[str], target: pathlib.Path, capsys) -> None:
    status, _, err = run([*args, "-o", str(target)], capsys=capsys)
    assert (0, "") == (status, err)
    assert target.stat().st_size > 0


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600),
                                            (0o002, 0o664)])
def test_a_new_file_follows_the_umask(  # noqa: PLR0917 - parametrized
    tmp_path, capsys, umask, name, mask, mode,
):
    """0666 & ~umask, as any program that opens a file gets."""
    args = _commands(tmp_path)[name]
    umask(mask)
    target = tmp_path / "out" / "result"
    _write(args, target, capsys)
    assert oct(mode) == oct(_mode(target))
    # ``new`` also writes the schema its file declares, when none is near.
    also = ["show.schema.json"] if name == "new" else []
    assert sorted([target.name, *also]) == sorted(
        p.name for p in target.parent.iterdir()
    )
    for path in target.parent.iterdir():
        assert oct(mode) == oct(_mode(path))


@pytest.mark.parametrize("name", COMMANDS)
def test_a_replaced_file_keeps_its_mode(tmp_path, capsys, umask, name):
    """A 0640 file (a web server's group may read it) stays 0640."""
    args = _commands(tmp_path)[name]
    umask(0o077)
    target = tmp_path / "result"
    target.write_text("old\n")
    target.chmod(0o640)
    _write(args, target, capsys)
    assert "old\n" != target.read_text()
    assert oct(0o640) == oct(_mode(target))


def test_missing_folders_are_made(tmp_path, capsys, umask):
    """``-o public/feeds/x.xml`` makes the folders, 0755 under umask 022."""
    args = _commands(tmp_path)["feed"]
    umask(0o022)
    target = tmp_path / "public" / "feeds" / "x.xml"
    _write(args, target, capsys)
    assert (0o755, 0o755, 0o644) == (
        _mode(tmp_path / "public"), _mode(target.parent), _mode(target)
    )


def test_a_link_is_followed_and_kept(tmp_path, capsys):
    """``-o`` a symbolic link: the file it points to is replaced."""
    args = _commands(tmp_path)["calendar"]
    real = tmp_path / "real.ics"
    real.write_text("old\n")
    real.chmod(0o604)
    link = tmp_path / "link.ics"
    link.symlink_to("real.ics")
    _write(args, link, capsys)
    assert link.is_symlink()
    assert real.read_text().startswith("BEGIN:VCALENDAR")
    assert 0o604 == _mode(real)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_dump_follows_the_umask_and_keeps_modes(tmp_path, umask, mask, mode):
    """``showfacts.dump`` writes as the commands do."""
    show = sf.load(_show(tmp_path / "data"))
    umask(mask)
    sf.dump(show, tmp_path / "new.yaml")
    assert oct(mode) == oct(_mode(tmp_path / "new.yaml"))
    old = tmp_path / "old.json"
    old.write_text("{}")
    old.chmod(0o640)
    sf.dump(show, old)
    assert sf.load(old) == show
    assert oct(0o640) == oct(_mode(old))


# -- what cannot be written ---------------------------------------------------


def _refused(args: list[str], capsys) -> str:
    status, out, err = run(args, capsys=capsys)
    assert (2, "") == (status, out)
    assert err.startswith("showfacts: ")
    assert 1 == err.count("\n"), err
    return err


def _entries(root: pathlib.Path) -> dict[str, bytes | None]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file()
                                         else None)
        for p in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_disk(tmp_path, monkeypatch, capsys, name):
    """ENOSPC: exit 2, one line, the old file intact, no temporary file."""
    args = _commands(tmp_path)[name]
    target = tmp_path / "result"
    target.write_text("old\n")
    before = _entries(tmp_path)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    err = _refused([*args, "-o", str(target)], capsys)
    written = tmp_path / "show.schema.json" if name == "new" else target
    assert f"{written}: cannot be written (No space left on device)" in err
    assert before == _entries(tmp_path)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_read_only_folder(tmp_path, monkeypatch, capsys, name):
    """The folder refuses new files: exit 2, nothing written."""
    args = _commands(tmp_path)[name]
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "result").write_text("old\n")
    real = os.open

    def refuse(path, flags, *args, **kwargs):
        if locked in pathlib.Path(path).parents and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES),
                                  str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    before = _entries(tmp_path)
    err = _refused([*args, "-o", str(locked / "result")], capsys)
    assert "cannot be written (Permission denied)" in err
    err = _refused([*args, "-o", str(locked / "new" / "result")], capsys)
    assert before == _entries(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0,
                    reason="root writes to read-only folders")
def test_a_really_read_only_folder(tmp_path, capsys):
    """The same with the folder's permissions."""
    args = _commands(tmp_path)["calendar"]
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        err = _refused([*args, "-o", str(locked / "x.ics")], capsys)
    finally:
        locked.chmod(0o755)
    assert "Permission denied" in err
    assert [] == list(locked.iterdir())


@pytest.mark.parametrize(("target", "words"), [
    ("", "the output file name is empty"),
    ("afolder", "afolder: is a folder; name a file"),
    ("afile/x.json", "afile/x.json: cannot be written (a part of the path "
     "is a file, not a folder)"),
])
@pytest.mark.parametrize("name", ["jsonld", "ndjson", "schema"])
def test_impossible_targets(  # noqa: PLR0917 - parametrized
    tmp_path, monkeypatch, capsys, target, words, name,
):
    """Clear one-line errors, exit 2, nothing made."""
    args = _commands(tmp_path)[name]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afolder").mkdir()
    (tmp_path / "afile").write_text("a file\n")
    before = _entries(tmp_path)
    err = _refused([*args, "-o", target], capsys)
    assert words in err
    assert before == _entries(tmp_path)


def test_dump_raises_output_error(tmp_path, monkeypatch):
    """The library: OutputError (an InputError, an OSError), file intact."""
    show = sf.load(_show(tmp_path / "data"))
    target = tmp_path / "show.yaml"
    target.write_text("old\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(sf.OutputError, match="No space left") as info:
        sf.dump(show, target)
    assert isinstance(info.value, sf.InputError)
    assert isinstance(info.value, OSError)
    assert "old\n" == target.read_text()
    assert ["data", "show.yaml"] == sorted(p.name for p in tmp_path.iterdir())


def test_any_system_error_is_exit_2(monkeypatch, capsys):
    """An OSError no command foresaw is still one line and exit 2."""
    from showfacts import _schema

    def busy() -> bytes:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), "schema.json")

    monkeypatch.setattr(_schema, "schema_bytes", busy)
    err = _refused(["schema"], capsys)
    assert "showfacts: error: schema.json: Device or resource busy\n" == err
