"""
The site's folder: what ``build`` may replace, and how it swaps.

A build deletes or replaces only what showfacts wrote, refuses an ``--out``
that would take the user's files with it, keeps a complete site at
``--out`` at every instant (even when killed), and cleans what killed
builds left behind.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from showfacts import site as site_module
from showfacts._commands.new import starter
from showfacts.exceptions import OutputError
from showfacts.site import _folder, build_site
from showfacts.site._folder import CACHE
from showfacts.site._versions import State
from tests.conftest import ROOT
from tests.test_cli import run


BASE = "https://example.org/tv/"
SHOWS = {"harbor-town": "Harbor Town", "night-ferry": "Night Ferry",
         "salt-marsh": "Salt Marsh"}
MANIFEST = ".showfacts-site.json"


def _shows(folder: pathlib.Path) -> pathlib.Path:
    """Three made-up shows, as ``showfacts new`` starts them."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, title in SHOWS.items():
        (folder / f"{slug}.yaml").write_text(starter(slug, title=title))
    return folder


def _snapshot(root: pathlib.Path) -> dict[str, object]:
    """Every entry under ``root``: file bytes, link targets, folders."""
    found: dict[str, object] = {}
    for here, dirs, files in os.walk(root):
        for name in dirs + files:
            path = pathlib.Path(here, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = ("link", path.readlink().as_posix())
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = path.read_bytes()
    return found


def _tree(root: pathlib.Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def _older_site(tmp_path: pathlib.Path) -> tuple[pathlib.Path,
                                                pathlib.Path]:
    """Show files, and a site as builds wrote it before the manifest."""
    data = _shows(tmp_path / "data")
    legacy = tmp_path / "legacy"
    footer = ("<footer>TV facts: facts with how sure they are and where "
              "they were read.</footer>")
    for name in _OLDER_FILES:
        path = legacy / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<html>{footer}</html>\n"
                        if name.endswith(".html") else "old\n")
    return data, legacy


#: The files the layout before manifests wrote for one show.
_OLDER_FILES = (
    "index.html", "style.css", "sitemap.xml", "feed.xml", "atom.xml",
    "feed.json", "premieres.ics", "shows/harbor-town/index.html",
    "shows/harbor-town/show.jsonld", "shows/harbor-town/feed.xml",
    "shows/harbor-town/atom.xml", "shows/harbor-town/feed.json",
    "shows/harbor-town/premieres.ics",
    "shows/harbor-town/season-1/index.html",
)


def _store(out: pathlib.Path) -> pathlib.Path:
    return out.parent / f".{out.name}.showfacts"


def _kept(live: str, spare: str | None) -> set[str]:
    """What a store holds after a build: the live version, the spare."""
    return {".lock", live, f"{live}.state"} | (
        {spare, f"{spare}.state"} if spare else set()
    )


def _manifest_lists(out: pathlib.Path) -> bool:
    """Whether the live version's manifest lists exactly its files."""
    listed = json.loads((out / MANIFEST).read_text())["files"]
    return sorted(listed) == sorted(set(_tree(out)) - {MANIFEST})


def _spare(out: pathlib.Path) -> str:
    """The version kept as the next build's spare."""
    state = State.read(_store(out) / f"{out.readlink().name}.state")
    assert state is not None
    return state.previous


def _assert_clean(out: pathlib.Path) -> None:
    """A whole site at ``out``, its spare, and nothing else in its store."""
    assert out.is_symlink()
    listed = json.loads((out / MANIFEST).read_text())["files"]
    assert "index.html" in listed
    assert all((out / name).is_file() for name in listed)
    assert sorted(listed) == sorted(set(_tree(out)) - {MANIFEST})
    spare = _store(out) / _spare(out)
    assert sorted(json.loads((spare / MANIFEST).read_text())["files"]) == (
        sorted(set(_tree(spare)) - {MANIFEST}))
    assert _kept(out.readlink().name, spare.name) == {
        p.name for p in _store(out).iterdir()
    } - {CACHE}


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run a build that must be refused: exit 2, one line, no traceback."""
    status, out, err = run(args, capsys=capsys)
    assert (2, "") == (status, out)
    assert err.startswith("showfacts: ")
    assert err.endswith("\n")
    assert 1 == err.count("\n"), err
    return err


class TestRefused:
    """An --out that would take the user's files with it: exit 2."""

    @pytest.mark.parametrize(("where", "inputs", "out", "words"), [
        ("proj", ["shows"], "shows", "is the input shows too"),
        ("proj", ["shows"], "./shows/", "is the input shows too"),
        (".", ["proj/data"], "proj", "holds the input proj/data"),
        ("proj", ["shows"], "shows/site", "is inside the input shows"),
        (".", ["proj/data/harbor-town.yaml"], "proj/data",
         "holds the input proj/data/harbor-town.yaml"),
        ("proj", ["shows"], ".", "is the current folder"),
        ("proj", ["shows"], "", "empty path"),
        ("proj", ["shows"], "..", "is the current folder, or holds it"),
        ("proj", ["shows"], "public", "is a folder showfacts did not build "
         "(it holds 'notes.txt')"),
        ("proj", ["shows"], "afile", "exists and is not a folder"),
        ("proj", ["shows"], "afile/sub", "a part of the path is a file"),
        ("proj", ["shows"], "elsewhere", "is a symbolic link showfacts did "
         "not make"),
    ])
    def test_refused_and_nothing_changes(  # noqa: PLR0917 - parametrized
        self, tmp_path, monkeypatch, capsys, where, inputs, out, words,
    ):
        """Data files, a user's folder and a file all survive, untouched."""
        project = tmp_path / "proj"
        _shows(project / "data")
        _shows(project / "shows")
        (project / "public").mkdir()
        (project / "public" / "notes.txt").write_text("my notes\n")
        (project / "afile").write_text("a file\n")
        (project / "elsewhere").symlink_to("public")
        monkeypatch.chdir(tmp_path / where)
        before = _snapshot(tmp_path)
        err = _refused(["build", *inputs, "--out", out], capsys)
        assert words in err
        assert before == _snapshot(tmp_path)

    def test_out_of_the_current_folder_by_another_name(self, tmp_path,
                                                       monkeypatch, capsys):
        """``--out ../proj`` from inside proj is proj itself: refused."""
        project = tmp_path / "proj"
        _shows(project / "shows")
        other = _shows(tmp_path / "other")
        monkeypatch.chdir(project)
        before = _snapshot(tmp_path)
        for source in ("shows", str(other)):
            err = _refused(["build", source, "--out", "../proj"], capsys)
            assert "../proj: is the current folder" in err
        assert before == _snapshot(tmp_path)

    def test_the_input_through_a_link(self, tmp_path, monkeypatch, capsys):
        """A link to the input folder is the input folder."""
        _shows(tmp_path / "shows")
        (tmp_path / "mirror").symlink_to("shows")
        monkeypatch.chdir(tmp_path)
        before = _snapshot(tmp_path)
        err = _refused(["build", "mirror", "--out", "shows/site"], capsys)
        assert "inside the input mirror" in err
        assert before == _snapshot(tmp_path)

    def test_a_site_that_holds_a_users_file(self, tmp_path, capsys):
        """A file added to a built site is never deleted: the build stops."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        (out / "CNAME").write_text("tv.example.org\n")
        (out / "shows" / "notes").mkdir()
        (out / "shows" / "notes" / "todo.txt").write_text("todo\n")
        before = _snapshot(tmp_path)
        err = _refused(["build", str(data), "--out", str(out)], capsys)
        assert ("holds 'CNAME', 'shows/notes/todo.txt', which showfacts "
                "did not write") in err
        assert before == _snapshot(tmp_path)

    def test_a_manifest_cannot_name_files_outside(self, tmp_path, capsys):
        """A manifest listing ``../x`` is not one: the folder is refused."""
        data = _shows(tmp_path / "data")
        (tmp_path / "keep.txt").write_text("keep\n")
        out = tmp_path / "site"
        out.mkdir()
        (out / MANIFEST).write_text(json.dumps(
            {"generator": "showfacts", "files": ["../keep.txt"]}
        ))
        before = _snapshot(tmp_path)
        err = _refused(["build", str(data), "--out", str(out)], capsys)
        assert "is a folder showfacts did not build" in err
        assert before == _snapshot(tmp_path)

    @given(st.lists(st.one_of(
        st.text(alphabet="ab./\\\0", max_size=6),
        st.sampled_from(["shows/x/index.html", "a/../b", "./a", "a//b",
                         "..", ".", "", "a/", "/a", ".x/y", "a/..."]),
    ), max_size=5))
    def test_manifest_paths_are_checked_one_by_one(self, files):
        """The manifest's check at once agrees with checking each path."""
        def one(path: str) -> bool:
            return ("\\" not in path and "\0" not in path and all(
                part not in {"", ".", ".."} for part in path.split("/")))

        assert all(map(one, files)) == _folder._all_safe_relative(files)

    def test_a_version_folder_by_its_own_name(self, tmp_path, capsys):
        """``--out .site.showfacts/<version>`` would move the live site."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        before = _snapshot(tmp_path)
        for inside in (out.resolve(), out.resolve() / "shows"):
            err = _refused(["build", str(data), "--out", str(inside)],
                           capsys)
            assert "is inside .site.showfacts, where showfacts keeps" in err
        assert before == _snapshot(tmp_path)

    def test_library_raises_output_error(self, tmp_path):
        """``build_site`` raises OutputError, an InputError and OSError."""
        data = _shows(tmp_path / "data")
        with pytest.raises(OutputError, match="is inside the input"):
            build_site(data, data / "site")
        assert not (data / "site").exists()


class TestReplaced:
    """What a build may replace, and how it leaves the folder."""

    def test_out_is_a_link_to_a_complete_version(self, tmp_path):
        """The link, its version folder, the manifest and the lock."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        first = out.readlink()
        assert first.parent.name == ".site.showfacts"
        spare = _spare(out)
        build_site(data, out, base_url=BASE, title="Other")
        assert first != out.readlink()
        assert first.name == _spare(out)
        assert spare == out.readlink().name  # brought up to date in place
        _assert_clean(out)
        build_site(data, out, base_url=BASE)
        assert first == out.readlink()
        _assert_clean(out)
        assert {"data", "site", ".site.showfacts"} == {
            p.name for p in tmp_path.iterdir()
        }

    def test_a_spare_whose_manifest_changed_is_not_trusted(self, tmp_path):
        """
        A spare's manifest edited by hand: a new version, a whole site.

        The spare is not brought up to date in place, and only what its
        manifest still names is deleted from it.
        """
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        spare = _store(out) / _spare(out)
        listed = json.loads((spare / MANIFEST).read_text())
        listed["files"] = listed["files"][:1]  # the rest not ours, it says
        (spare / MANIFEST).write_text(json.dumps(listed))
        unlisted = sorted(set(_tree(spare)) - {MANIFEST, *listed["files"]})
        build_site(data, out, base_url=BASE, title="Other")
        assert out.readlink().name != spare.name  # not brought up to date
        assert "Other" in (out / "index.html").read_text()
        assert _manifest_lists(out)
        # Only what its manifest still names was deleted from it.
        assert unlisted == sorted(_tree(spare))

    def test_manifest_is_deterministic(self, tmp_path):
        """Two builds of the same files: the same manifest bytes."""
        data = _shows(tmp_path / "data")
        build_site(data, tmp_path / "a", base_url=BASE)
        build_site(data, tmp_path / "b", base_url=BASE, jobs=2)
        assert _tree(tmp_path / "a") == _tree(tmp_path / "b")

    def test_an_empty_folder_is_replaced(self, tmp_path, capsys):
        """An empty folder holds nothing to lose."""
        data = _shows(tmp_path / "data")
        (tmp_path / "public").mkdir()
        assert 0 == run(["build", str(data), "--out",
                         str(tmp_path / "public")], capsys=capsys)[0]
        _assert_clean(tmp_path / "public")

    def test_a_site_of_the_older_layout_is_replaced(self, tmp_path):
        """A site without manifest is recognised by its files, strictly."""
        data, legacy = _older_site(tmp_path)
        build_site(data, legacy, base_url=BASE, title="Rebuilt")
        _assert_clean(legacy)
        assert "<h1>Rebuilt</h1>" in (legacy / "index.html").read_text()

    @pytest.mark.parametrize("extra", ["notes.txt", "shows/x/draft.md",
                                       "shows/harbor-town/season-1/a.html"])
    def test_an_older_site_with_other_files_is_refused(self, tmp_path,
                                                       capsys, extra):
        """One file the older layout never had: not recognised."""
        data, legacy = _older_site(tmp_path)
        (legacy / extra).parent.mkdir(parents=True, exist_ok=True)
        (legacy / extra).write_text("mine\n")
        before = _snapshot(tmp_path)
        err = _refused(["build", str(data), "--out", str(legacy)], capsys)
        assert "is a folder showfacts did not build" in err
        assert before == _snapshot(tmp_path)

    def test_a_copied_site_with_its_manifest_is_replaced(self, tmp_path):
        """A real folder with a manifest (``cp -rL`` of a site)."""
        data = _shows(tmp_path / "data")
        build_site(data, tmp_path / "new", base_url=BASE)
        copy = tmp_path / "copy"
        shutil.copytree(tmp_path / "new", copy)
        build_site(data, copy, base_url=BASE)
        _assert_clean(copy)

    def test_leftovers_are_cleaned_and_nothing_else(self, tmp_path):
        """Killed builds' folders and links go; a stranger's folder stays."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        store = _store(out)
        building = store / "00000000000000aa"
        (building / "shows").mkdir(parents=True)
        (building / ".showfacts-building").write_bytes(b"")
        (building / "shows" / "half.html").write_text("<p>")
        complete = store / "00000000000000bb"
        shutil.copytree(out, complete)
        link = store / "00000000000000bb.link"
        link.symlink_to("00000000000000bb")
        stranger = store / "photos"
        stranger.mkdir()
        (stranger / "cat.jpg").write_bytes(b"\xff\xd8")
        build_site(data, out, base_url=BASE)
        assert {"photos", CACHE} | _kept(out.readlink().name,
                                         _spare(out)) == {
            p.name for p in store.iterdir()
        }
        assert b"\xff\xd8" == (stranger / "cat.jpg").read_bytes()

    def test_an_old_version_that_cannot_be_deleted(self, tmp_path,
                                                   monkeypatch):
        """The new site stays live; the next build deletes the old one."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        first = out.readlink().name

        def busy(*_args: object) -> None:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))

        monkeypatch.setattr(_folder, "_delete", busy)
        build_site(data, out, base_url=BASE, title="Newer")
        assert "<h1>Newer</h1>" in (out / "index.html").read_text()
        assert first in {p.name for p in _store(out).iterdir()}
        monkeypatch.undo()
        build_site(data, out, base_url=BASE, title="Newest")
        _assert_clean(out)

    def test_a_failed_first_swap_puts_the_old_site_back(self, tmp_path,
                                                        monkeypatch, capsys):
        """Replacing an older site's folder fails: the folder is back."""
        data, legacy = _older_site(tmp_path)
        before = _tree(legacy)
        real = pathlib.Path.replace

        def failing(self: pathlib.Path, target: object) -> pathlib.Path:
            if self.name.endswith(".link"):
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real(self, target)

        monkeypatch.setattr(pathlib.Path, "replace", failing)
        err = _refused(["build", str(data), "--out", str(legacy)], capsys)
        assert "Input/output error" in err
        assert not legacy.is_symlink()
        assert before == {k: v for k, v in _tree(legacy).items()
                          if k != MANIFEST}
        assert not _store(legacy).exists()

    def test_a_second_build_at_once_is_refused(self, tmp_path, capsys):
        """While a build holds the site's lock, another one waits its turn."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        before = _snapshot(tmp_path)
        with (_store(out) / ".lock").open("rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            err = _refused(["build", str(data), "--out", str(out)], capsys)
        assert "another build is writing this site" in err
        assert before == _snapshot(tmp_path)


class TestEnvironment:
    """Full disks and read-only folders: exit 2, the old site intact."""

    def test_a_full_disk(self, tmp_path, monkeypatch, capsys):
        """ENOSPC half-way: one line, exit 2, old site and store as before."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        build_site(data, out, base_url=BASE)
        before = _snapshot(tmp_path)
        real = site_module._write
        calls = []

        def full(*args: object) -> None:
            calls.append(1)
            if len(calls) == 5:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(*args)

        monkeypatch.setattr(site_module, "_write", full)
        err = _refused(["build", str(data), "--out", str(out)], capsys)
        assert f"{out}: cannot be written (No space left on device)" in err
        # The build cache may have learnt something, and the spare being
        # brought up to date is gone; nothing else changed.
        spare = f".site.showfacts/{_spare(out)}"

        def outside(snapshot: dict[str, object]) -> dict[str, object]:
            return {k: v for k, v in snapshot.items()
                    if not k.startswith((f".site.showfacts/{CACHE}", spare))}

        assert outside(before) == outside(_snapshot(tmp_path))
        assert not (tmp_path / spare).exists()

    def test_a_read_only_folder(self, tmp_path, monkeypatch, capsys):
        """The site's folder cannot be made: exit 2, nothing left behind."""
        data = _shows(tmp_path / "data")
        locked = tmp_path / "locked"
        locked.mkdir()
        real = pathlib.Path.mkdir

        def refuse(self: pathlib.Path, *args: object, **kwargs: object):
            if locked in self.parents:
                raise PermissionError(errno.EROFS, os.strerror(errno.EROFS),
                                      str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "mkdir", refuse)
        before = _snapshot(tmp_path)
        err = _refused(["build", str(data), "--out",
                        str(locked / "site")], capsys)
        assert "cannot be written (Read-only file system)" in err
        assert before == _snapshot(tmp_path)

    @pytest.mark.skipif(os.geteuid() == 0,
                        reason="root writes to read-only folders")
    def test_a_really_read_only_folder(self, tmp_path, capsys):
        """The same with the folder's permissions."""
        data = _shows(tmp_path / "data")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            err = _refused(["build", str(data), "--out",
                            str(locked / "site")], capsys)
        finally:
            locked.chmod(0o755)
        assert "Permission denied" in err
        assert [] == list(locked.iterdir())


class TestModes:
    """Files 0666 & ~umask, folders 0777 & ~umask, as ``cp`` would."""

    @pytest.mark.parametrize(("umask", "file", "folder"),
                             [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)])
    def test_modes_follow_the_umask(self, tmp_path, umask, file, folder):
        """Every file and folder of the site, the store and the lock."""
        data = _shows(tmp_path / "data")
        out = tmp_path / "site"
        old = os.umask(umask)
        try:
            build_site(data, out, base_url=BASE)
            build_site(data, out, base_url=BASE, jobs=2)
        finally:
            os.umask(old)
        modes = {}
        for here, dirs, files in os.walk(_store(out)):
            for names, wanted in ((dirs, folder), (files, file)):
                for name in names:
                    path = pathlib.Path(here, name)
                    modes[str(path)] = (path.stat().st_mode & 0o7777, wanted)
        modes["store"] = (_store(out).stat().st_mode & 0o7777, folder)
        assert len(modes) > 20
        wrong = {k: (oct(m), oct(w)) for k, (m, w) in modes.items() if m != w}
        assert {} == wrong


# -- killed builds ------------------------------------------------------------

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="uses fork and /proc"
)


def _harness(mode: str, tmp_path: pathlib.Path, seed: int = 0) -> dict:
    """Run ``tests/site_kill.py`` in a process of its own."""
    data = _shows(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "tests.site_kill", mode, str(data),
         str(tmp_path / "site"), str(seed)],
        capture_output=True, text=True, cwd=ROOT, check=False,
        timeout=600,
    )
    assert 0 == done.returncode, done.stderr
    result: dict = json.loads(done.stdout)
    return result


def _whole(seen: dict) -> bool:
    return (seen["exists"] and seen["manifest"] and not seen["missing"]
            and seen["index_complete"] and seen["title"] is not None)


@linux_only
@pytest.mark.parametrize("seed", [1, 2])
def test_killed_at_random_moments(tmp_path, seed):
    """12 builds killed with SIGKILL: always the whole old or new site."""
    result = _harness("random", tmp_path, seed)
    assert result["killed"] >= 10
    assert [s for s in result["seen"] if not _whole(s)] == []
    after = result["after"]
    assert _whole(after["site"])
    assert {CACHE} | _kept(after["live"].split("/")[1],
                           after["spare"]) == set(after["store"])
    assert ["data", "site", ".site.showfacts"] == sorted(
        after["siblings"], key=lambda n: (n.startswith("."), n)
    )


@linux_only
def test_killed_at_each_step_of_the_swap(tmp_path):
    """A build that dies before each step of the swap, one step at a time."""
    result = _harness("steps", tmp_path)
    # At least the four steps of swapping in an updated spare (unmark it,
    # keep its state, make the link, rename it over the site) each killed.
    assert result["steps"] > 4
    assert [s for s in result["seen"] if not _whole(s)] == []
    # Killed before the rename, a build leaves the old site; the build
    # that got through swapped in the new one.
    titles = [s["title"] for s in result["seen"]]
    assert "Old facts" == titles[0]
    assert "New facts" == titles[-1]
    after = result["after"]
    assert _whole(after["site"])
    assert {CACHE} | _kept(after["live"].split("/")[1],
                           after["spare"]) == set(after["store"])


@linux_only
def test_a_reader_never_finds_the_site_missing(tmp_path):
    """index.html, read over and over during 12 builds: always whole."""
    result = _harness("poll", tmp_path)
    assert result["reads"] > 12
    assert (0, 0) == (result["missing"], result["partial"])
    assert ["New facts", "Old facts"] == result["titles"]
    after = result["after"]
    assert {CACHE} | _kept(after["live"].split("/")[1],
                           after["spare"]) == set(after["store"])


@linux_only
def test_workers_die_with_the_build(tmp_path):
    """Killing ``build --jobs 2`` ends its worker processes too."""
    result = _harness("workers", tmp_path)
    assert 2 == result["workers"]
    assert 0 == result["left"]


def test_die_with_parent_ends_an_orphan():
    """A worker whose build is already gone ends as it starts."""
    script = (
        "import os, sys\n"
        "from showfacts.site._folder import die_with_parent\n"
        "die_with_parent(int(sys.argv[1]))\n"
        "print('alive')\n"
    )
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    done = subprocess.run(
        [sys.executable, "-c", script, str(gone.pid)],
        capture_output=True, text=True, check=False,
    )
    assert ("", 1) == (done.stdout, done.returncode)
    done = subprocess.run(
        [sys.executable, "-c", script, str(os.getpid())],
        capture_output=True, text=True, check=False,
    )
    assert ("alive\n", 0) == (done.stdout, done.returncode)

