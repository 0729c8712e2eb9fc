"""
Builds killed at chosen or random moments, for ``test_site_folder.py``.

Run as ``python -m tests.site_kill MODE DATA OUT SEED`` in a process of its
own: it forks each build (a fork costs far less than starting Python),
kills it with SIGKILL, looks at ``OUT`` and prints what it saw as JSON.
The test asserts on that; nothing here decides pass or fail.

Modes:
    random: builds killed at random moments.
    steps: a build that dies at each step of the swap in turn.
    poll: a reader polls ``OUT/index.html`` while builds follow each other.
    workers: a ``jobs=2`` build killed; are its workers still running?
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import pathlib
import random
import signal
import sys
import time
import traceback
from typing import Any

from showfacts import site as site_module
from showfacts.site import _folder, build_site
from showfacts.site._versions import State


TITLES = ("Old facts", "New facts")
BASE = "https://example.org/tv/"


def build(data: str, out: str, title: str) -> None:
    """One build, as the command would run it."""
    build_site(data, out, base_url=BASE, title=title)


def look(out: pathlib.Path) -> dict[str, Any]:
    """What a reader finds at ``out``: a whole site or not, and which."""
    seen: dict[str, Any] = {"exists": out.is_dir(), "missing": [],
                            "title": None}
    if not seen["exists"]:
        return seen
    listed = _folder._manifest(out)
    seen["manifest"] = listed is not None
    seen["missing"] = [f for f in listed or () if not (out / f).is_file()]
    index = out / "index.html"
    text = index.read_text("utf-8") if index.is_file() else ""
    seen["index_complete"] = text.endswith("</html>\n")
    seen["title"] = next((t for t in TITLES if f"<h1>{t}</h1>" in text),
                         None)
    return seen


def _fork(work: Any) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            work()
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    return pid


def _kill(pid: int) -> int:
    """Kill ``pid`` and reap it; return its wait status."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def random_kills(data: str, out: pathlib.Path, seed: int) -> dict[str, Any]:
    """Ten or more builds killed at random moments, then a whole build."""
    rng = random.Random(seed)  # noqa: S311 - moments, not secrets
    start = time.monotonic()
    build(data, str(out), TITLES[0])
    span = time.monotonic() - start
    seen = []
    killed = 0
    for number in range(12):
        title = TITLES[(number + 1) % 2]

        def loop(title: str = title) -> None:
            while True:
                build(data, str(out), title)

        pid = _fork(loop)
        time.sleep(rng.uniform(0, 2.5 * span))
        status = _kill(pid)
        killed += os.WIFSIGNALED(status)
        seen.append(look(out))
    build(data, str(out), TITLES[0])
    return {"killed": killed, "seen": seen, "after": _after(out)}


def _after(out: pathlib.Path) -> dict[str, Any]:
    """The state after a whole build: the site, and the store's entries."""
    store = out.parent / f".{out.name}.showfacts"
    live = out.readlink().name
    state = State.read(store / f"{live}.state")
    return {
        "site": look(out),
        "store": sorted(p.name for p in store.iterdir()),
        "live": out.readlink().as_posix(),
        "spare": state.previous if state is not None else None,
        "siblings": sorted(p.name for p in out.parent.iterdir()),
    }


def step_kills(data: str, out: pathlib.Path) -> dict[str, Any]:
    """A build that dies before each filesystem step of the swap in turn."""
    build(data, str(out), TITLES[0])
    steps = ("unlink", "symlink_to", "replace", "rename", "rmdir", "mkdir",
             "write_bytes")
    seen = []
    step = 1
    while True:
        def dying(step: int = step) -> None:
            count = [0]
            real_swap = _folder._swap

            def counted(name: str) -> Any:
                real = getattr(pathlib.Path, name)

                def call(*args: Any, **kwargs: Any) -> Any:
                    count[0] += 1
                    if count[0] == step:
                        os._exit(9)
                    return real(*args, **kwargs)

                return call

            def swap(*args: Any, **kwargs: Any) -> Any:
                for name in steps:
                    setattr(pathlib.Path, name, counted(name))
                return real_swap(*args, **kwargs)

            _folder._swap = swap
            build(data, str(out), TITLES[1])

        pid = _fork(dying)
        status = os.waitpid(pid, 0)[1]
        seen.append(look(out))
        if os.WEXITSTATUS(status) != 9:
            break
        step += 1
    build(data, str(out), TITLES[0])
    return {"steps": step, "seen": seen, "after": _after(out)}


def poll(data: str, out: pathlib.Path) -> dict[str, Any]:
    """Read ``OUT/index.html`` over and over while builds replace it."""
    build(data, str(out), TITLES[0])

    def builds() -> None:
        for number in range(12):
            build(data, str(out), TITLES[(number + 1) % 2])

    pid = _fork(builds)
    reads = missing = partial = 0
    titles = set()
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        try:
            text = (out / "index.html").read_text("utf-8")
        except FileNotFoundError:
            missing += 1
            continue
        reads += 1
        partial += not text.endswith("</html>\n")
        titles.update(t for t in TITLES if f"<h1>{t}</h1>" in text)
    return {"reads": reads, "missing": missing, "partial": partial,
            "titles": sorted(titles), "after": _after(out)}


def _children(pid: int) -> list[int]:
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in {"Z", "X"}


def workers(data: str, out: pathlib.Path) -> dict[str, Any]:
    """Kill a ``jobs=2`` build while its workers render; do they end?"""
    multiprocessing.set_start_method("fork", force=True)
    real = site_module._render_file

    def slow(*args: Any) -> Any:
        time.sleep(0.2)
        return real(*args)

    site_module._render_file = slow

    def parallel() -> None:
        build_site(data, str(out), base_url=BASE, jobs=2)

    pid = _fork(parallel)
    found: list[int] = []
    deadline = time.monotonic() + 60
    while len(found) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
        found = _children(pid)
    _kill(pid)
    deadline = time.monotonic() + 30
    while any(_running(w) for w in found) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in found if _running(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    return {"workers": len(found), "left": len(left)}


def main() -> None:
    """``MODE DATA OUT SEED``: print what was seen as JSON."""
    mode, data, out, seed = sys.argv[1:5]
    target = pathlib.Path(out)
    if mode == "random":
        result = random_kills(data, target, int(seed))
    elif mode == "steps":
        result = step_kills(data, target)
    elif mode == "poll":
        result = poll(data, target)
    else:
        result = workers(data, target)
    print(json.dumps(result))  # noqa: T201


if __name__ == "__main__":
    main()
