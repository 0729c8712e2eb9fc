"""
showfacts benchmarks: every figure measured beside its floor, in one run.

    python bench/run.py --quick            # a minute or two: ratios + targets
    python bench/run.py                    # the full run (10,000 / 100,000)
    python bench/run.py --quick --json out.json

Each comparison runs its two sides interleaved, several rounds, and keeps
each side's best round, so machine noise hits both alike.  Peak memory is
the maximum resident set size of a child process doing only that work.
Catalogs come from bench/generate.py (deterministic) and are cached in
bench/.cache/.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import io
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs


HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate

import showfacts
from showfacts import _converter, _text, feeds, jsonld, news
from showfacts.iris import Site
from showfacts.models import Show


SITE = Site("https://example.org/tv/")
CACHE = HERE / ".cache"


@attrs.frozen(kw_only=True)
class Result:
    """One figure: what was measured, its value, and its target."""

    name: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None
    detail: str = ""


def cold() -> None:
    """
    Forget what showfacts remembered of earlier rounds.

    showfacts remembers cleaned text (names and titles recur across a
    show's pages); a round over shows it has already seen would find
    every string there, which no real first build does.
    """
    _text.forget()


def best_of(rounds: int, *sides: Callable[[], object]) -> list[float]:
    """
    Each side's best wall time over interleaved rounds, in seconds.

    Every side starts cold (see :func:`cold`), outside the timing.
    """
    best = [float("inf")] * len(sides)
    for _ in range(rounds):
        for i, side in enumerate(sides):
            cold()
            start = time.perf_counter()
            side()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def catalog(shows: int, fmt: str = "json", *, small: bool = False) -> (
    pathlib.Path
):
    """A cached synthetic catalog folder."""
    # "declared": files declare the show schema (older caches do not).
    name = f"{'small' if small else 'shows'}-{shows}-{fmt}-declared"
    folder = CACHE / name
    done = folder / ".done"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        if small:
            folder.mkdir(parents=True)
            for i in range(shows):
                value = generate.show(i)
                value["seasons"] = value["seasons"][:1]
                value["crew"] = []
                (folder / f"show-{i:06d}.{fmt}").write_text(
                    generate.text(value, fmt, generate.SCHEMA),
                    encoding="utf-8")
        else:
            generate.write(folder, shows, fmt)
        done.write_text("")
    return folder


#: Runs a command and reports its wall time and peak RSS.  A child forked
#: from the benchmark process starts with that process's pages, and Linux
#: counts them in the child's peak until it execs; a small interpreter in
#: between forks the command from itself instead.
_MEASURE = """\
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak)
sys.exit(code)
"""


def child_peak(args: list[str]) -> tuple[float, int]:
    """Run a command; return its wall time and its own peak RSS in bytes."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        msg = f"{' '.join(args)} failed with status {done.returncode}"
        raise RuntimeError(msg)
    elapsed, peak = done.stdout.split()
    return float(elapsed), int(peak) * 1024


# -- load --------------------------------------------------------------------


def _load_times(fmt: str, n: int, rounds: int) -> tuple[float, ...]:
    """Best times of parsing, structuring and loading ``n`` shows."""
    texts = [generate.text(generate.show(i), fmt) for i in range(n)]
    values = [json.loads(generate.text(generate.show(i), "json"))
              for i in range(n)]
    if fmt == "json":
        def parse() -> object:
            return [json.loads(t) for t in texts]
    else:
        from showfacts import _fastyaml

        def parse() -> object:
            return [_fastyaml.loads(t) for t in texts]

    def structure() -> object:
        return [_converter.structure(v, Show) for v in values]

    def full() -> object:
        return [showfacts.loads(t, fmt) for t in texts]

    return tuple(best_of(rounds, parse, structure, full))


def _event_reader(n: int, rounds: int) -> str:
    """The full YAML load through the event reader alone, for the record."""
    from showfacts import _fastyaml

    texts = [generate.text(generate.show(i), "yaml") for i in range(n)]
    unsure = sum(_fastyaml.loads(t) is _fastyaml.UNSURE for t in texts)
    saved = _fastyaml.yaml_rs
    _fastyaml.yaml_rs = None
    try:
        [t_events] = best_of(rounds, lambda: [showfacts.loads(t, "yaml")
                                              for t in texts])
    finally:
        _fastyaml.yaml_rs = saved
    return (f"; event reader alone {t_events / n * 1e3:.2f} ms/show; "
            f"{unsure} of {n} files left to it")


def bench_load(n: int, rounds: int) -> list[Result]:
    """Parse, schema check and structure, against their floors."""
    results = []
    for fmt in ("json", "yaml"):
        t_parse, t_structure, t_full = _load_times(fmt, n, rounds)
        ratio = t_full / t_structure
        times = (
            f"full {t_full / n * 1e3:.2f} ms/show, structuring "
            f"{t_structure / n * 1e3:.2f}, parse {t_parse / n * 1e3:.2f}"
        )
        if fmt == "json":
            results.append(Result(
                name="load JSON: full / structuring alone", value=ratio,
                unit="x", target="<= 1.5", ok=ratio <= 1.5, detail=times,
            ))
        else:
            results.append(Result(
                name="load YAML: full / structuring alone", value=ratio,
                unit="x", target="<= 1.5", ok=ratio <= 1.5,
                detail=times + " (yaml-rs)" + _event_reader(n, rounds),
            ))
        results.append(Result(
            name=f"load {fmt.upper()}: full / file parse alone",
            value=t_full / t_parse, unit="x",
        ))
    return results


# -- JSON-LD ------------------------------------------------------------------

_CONTEXT = {"@vocab": "https://schema.org/"}


def bench_jsonld(n: int, rounds: int) -> list[Result]:
    """Model to JSON-LD text, against json.dumps and against rdflib."""
    import rdflib

    shows = [showfacts.loads(generate.text(generate.show(i), "json"), "json")
             for i in range(n)]
    graphs = [jsonld.to_jsonld(s, SITE) for s in shows]

    def ours() -> object:
        return [jsonld.dumps_jsonld(jsonld.to_jsonld(s, SITE)) for s in shows]

    def floor() -> object:
        return [json.dumps(g, ensure_ascii=False, separators=(",", ":"))
                for g in graphs]

    plain = [json.dumps({**g, "@context": _CONTEXT}) for g in graphs]
    few = max(1, n // 10)

    def with_rdflib() -> object:
        out = []
        for text in plain[:few]:
            graph = rdflib.Graph()
            graph.parse(data=text, format="json-ld")
            out.append(graph.serialize(format="json-ld"))
        return out

    t_ours, t_floor = best_of(rounds, ours, floor)
    (t_rdflib,) = best_of(max(1, rounds // 2), with_rdflib)
    per_ours = t_ours / n
    per_rdflib = t_rdflib / few
    return [
        Result(name="JSON-LD: model to text / json.dumps of the dict",
               value=t_ours / t_floor, unit="x", target="<= 2.5",
               ok=t_ours / t_floor <= 2.5,
               detail=f"ours {per_ours * 1e3:.2f} ms/show, json.dumps "
               f"{t_floor / n * 1e3:.3f}"),
        Result(name="JSON-LD: rdflib / ours (build and serialize)",
               value=per_rdflib / per_ours, unit="x faster",
               target=">= 20", ok=per_rdflib / per_ours >= 20,
               detail=f"rdflib {per_rdflib * 1e3:.1f} ms/show"),
    ]


# -- feeds --------------------------------------------------------------------


def _entries(feed: news.Feed, fmt: str) -> tuple[news.Feed, list[Any]]:
    """
    A feed's entries, precomputed: every value feedgen is given, finished.

    Text is taken as it is (news items are publishable already), dates are
    plain aware datetimes, and the Atom links are the dicts our writer
    gives its link extension.
    """
    # The writer's own helpers, so the floor writes the same document.
    image_type = feeds._image_type  # noqa: SLF001
    entries = []
    for item in feed.items:
        updated = item.updated or item.published
        categories = [{"term": c} for c in item.categories]
        image = item.image
        if fmt == "rss":
            entries.append((
                item.guid, item.permalink, item.title, item.published,
                updated, categories, item.link,
                html.escape(item.summary, quote=False), item.content_html,
                (image, "0", image_type(image)) if image else None,
            ))
            continue
        links = [{"href": item.link, "rel": "alternate",
                  "type": "text/html"}]
        if image:
            links.append({"href": image, "rel": "enclosure",
                          "type": image_type(image)})
        entries.append((
            item.guid, item.permalink, item.title, item.published, updated,
            categories, item.summary, item.content_html, links,
        ))
    return feed, entries


def _raw_feedgen(ready: tuple[news.Feed, list[Any]], fmt: str) -> bytes:
    """
    feedgen fed with precomputed entries: the floor of our writers.

    The same calls our writer makes, with nothing left to work out, so the
    document is the same, byte for byte (:func:`bench_feeds` checks).
    """
    from feedgen.feed import FeedGenerator

    feed, entries = ready
    links = feeds._AtomLinks  # noqa: SLF001 - the writer's link extension
    fg = FeedGenerator()
    fg.title(feed.title)
    fg.id(feed.feed_url)
    fg.description(feed.description)
    fg.link(href=feed.feed_url, rel="self", type=feeds.MEDIA_TYPES[fmt])
    fg.link(href=feed.link, rel="alternate", type="text/html")
    if feed.language:
        fg.language(feed.language)
    if feed.image:
        fg.image(url=feed.image, title=feed.title, link=feed.link)
    if fmt == "atom":
        fg.author(name=feed.title, uri=feed.link)
    fg.generator("showfacts")
    fg.updated(feed.updated)
    for e in entries:
        entry = fg.add_entry(order="append")
        entry.guid(e[0], permalink=e[1])
        entry.title(e[2])
        entry.published(e[3])
        entry.updated(e[4])
        if e[5]:
            entry.category(e[5])
        if fmt == "rss":
            entry.link(href=e[6], rel="alternate")
            entry.summary(e[7])
            entry.content(e[8])
            if e[9]:
                entry.enclosure(*e[9])
            continue
        entry.summary(e[6], type="text")
        entry.content(e[7], type="html")
        entry.register_extension("showfacts_links", links, atom=True,
                                 rss=False)
        entry.showfacts_links.links.extend(e[8])
    out: bytes = (fg.rss_str(pretty=True) if fmt == "rss"
                  else fg.atom_str(pretty=True))
    return out if out.endswith(b"\n") else out + b"\n"


def bench_feeds(n: int, rounds: int) -> list[Result]:
    """Model to RSS/Atom against raw feedgen; JSON Feed against json.dumps."""
    shows = [showfacts.loads(generate.text(generate.show(i), "json"), "json")
             for i in range(n)]
    results = []
    for fmt, write in (("rss", feeds.to_rss), ("atom", feeds.to_atom)):
        built = [news.build_feed(s, SITE, fmt, show=s.id) for s in shows]
        ready = [_entries(f, fmt) for f in built]
        if any(_raw_feedgen(r, fmt) != write(f)
               for r, f in zip(ready, built, strict=True)):
            msg = f"the {fmt} floor does not write the same document"
            raise AssertionError(msg)

        def ours(fmt: str = fmt, write: Any = write) -> object:
            return [write(news.build_feed(s, SITE, fmt, show=s.id))
                    for s in shows]

        def floor(fmt: str = fmt, ready: Any = ready) -> object:
            return [_raw_feedgen(f, fmt) for f in ready]

        t_ours, t_floor = best_of(rounds, ours, floor)
        ratio = t_ours / t_floor
        results.append(Result(
            name=f"{fmt.upper()}: model to feed / raw feedgen", value=ratio,
            unit="x", target="<= 1.3", ok=ratio <= 1.3,
            detail=f"ours {t_ours / n * 1e3:.2f} ms/show, feedgen "
            f"{t_floor / n * 1e3:.2f}",
        ))
    ready = [news.build_feed(s, SITE, "json", show=s.id) for s in shows]
    dicts = [json.loads(feeds.to_json_feed(f)) for f in ready]

    def ours_json() -> object:
        return [feeds.to_json_feed(news.build_feed(s, SITE, "json",
                                                   show=s.id))
                for s in shows]

    def floor_json() -> object:
        return [json.dumps(d, ensure_ascii=False) for d in dicts]

    t_ours, t_floor = best_of(rounds, ours_json, floor_json)
    results.append(Result(
        name="JSON Feed: model to feed / json.dumps", value=t_ours / t_floor,
        unit="x", detail=f"ours {t_ours / n * 1e3:.2f} ms/show",
    ))
    return results


# -- site and NDJSON ----------------------------------------------------------


def remove_site(out: pathlib.Path) -> None:
    """Remove a built site: the link, and its versions beside it."""
    if out.is_symlink():
        out.unlink()
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.with_name(f".{out.name}.showfacts"), ignore_errors=True)


#: The catalog size the site targets are stated for.
TARGET_SHOWS = 10_000


def projected(small: tuple[int, float], large: tuple[int, float]) -> float:
    """
    A time at :data:`TARGET_SHOWS`, from two catalog sizes' times.

    A build costs a fixed part (starting the interpreter and the worker
    processes, rendering an edited show, reading the last build's feed)
    and a part per show; a line through the two sizes separates them,
    where a line through the origin would count the fixed part once per
    show.  At the target size itself the time is the one measured.
    """
    (n0, t0), (n1, t1) = small, large
    if n1 == TARGET_SHOWS:
        return t1
    return t0 + (t1 - t0) / (n1 - n0) * (TARGET_SHOWS - n0)


def _small(n: int) -> int:
    """The smaller size a projection from ``n`` shows is drawn with."""
    return max(10, n // 10)


def _site_build(folder: pathlib.Path, out: pathlib.Path,
                jobs: int, rounds: int = 1) -> tuple[float, int]:
    """
    A cold build in a child process: wall time and peak memory.

    The best time and the highest peak of ``rounds`` builds.
    """
    best, highest = float("inf"), 0
    for _ in range(rounds):
        remove_site(out)
        elapsed, peak = child_peak([
            sys.executable, "-m", "showfacts", "build", str(folder),
            "--out", str(out), "--base-url", SITE.base, "--jobs", str(jobs),
            "--quiet", "--no-cache",
        ])
        best, highest = min(best, elapsed), max(highest, peak)
    return best, highest


def bench_site(n: int, jobs: int) -> list[Result]:
    """
    Cold builds (no cache) with one job and several, in child processes.

    Beside them the floor, the ratio of the one-process build to it, and
    the speed-up of ``--jobs``, at :data:`TARGET_SHOWS` shows: measured
    there, or projected from ``n`` shows and a tenth as many.
    """
    folder = catalog(n)
    out = CACHE / "site-out"
    small = None if n == TARGET_SHOWS else catalog(_small(n))
    results = []
    at_target = {}
    floor = None
    # Quick sizes take seconds: the best of two steadies the projection.
    rounds = 1 if small is None else 2
    for j in sorted({1, jobs}):
        elapsed, peak = _site_build(folder, out, j, rounds)
        if floor is None:
            floor = site_floor(folder, out, n)
        at_target[j] = elapsed
        detail = f"{elapsed / n * 1e3:.1f} ms/show"
        if small is not None:
            n0 = _small(n)
            t0, _ = _site_build(small, out, j, rounds)
            at_target[j] = projected((n0, t0), (n, elapsed))
            detail += (f"; {n0} shows {t0:.2f} s; projected "
                       f"{TARGET_SHOWS:,}: {at_target[j]:.0f} s")
        results.append(Result(
            name=f"site build, {n:,} shows, --jobs {j}",
            value=elapsed, unit="s",
            target="peak <= 1 GB" if j == 1 else "",
            ok=peak <= 2**30 if j == 1 else None,
            detail=f"{detail}; peak {peak / 2**20:.0f} MiB",
        ))
    assert floor is not None  # the first build is --jobs 1
    results.append(floor)
    ratio = at_target[1] / floor.value
    results.append(Result(
        name=f"site build, one process / floor, {TARGET_SHOWS:,} shows",
        value=ratio, unit="x", target="<= 1.6", ok=ratio <= 1.6,
    ))
    if jobs > 1:
        speedup = at_target[1] / at_target[jobs]
        results.append(Result(
            name=f"site build, --jobs {jobs} speed-up over --jobs 1, "
            f"{TARGET_SHOWS:,} shows",
            value=speedup, unit="x", target=">= 1.7", ok=speedup >= 1.7,
        ))
    remove_site(out)
    return results


def _rebuild(n: int, rounds: int) -> tuple[float, float, int]:
    """
    A cold build of ``n`` shows, then rebuilds after one show changed.

    Both in this process (the interpreter's start is not the build's),
    with the build cache and the default jobs; the cold build starts
    without a cache.  Returns the cold build's time, the best of
    ``rounds`` rebuilds' (another show edited for each), and the shows
    the last one reused.
    """
    from showfacts.site import build_site

    source = catalog(n)
    work = CACHE / "rebuild-src"
    out = CACHE / "rebuild-out"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work)
    copied = time.time()
    remove_site(out)
    warm = CACHE / "rebuild-warm"
    remove_site(warm)
    build_site(sorted(work.glob("*.json"))[:2], warm, base_url=SITE.base)
    remove_site(warm)
    cold()
    start = time.perf_counter()
    build_site(work, out, base_url=SITE.base)
    t_cold = time.perf_counter() - start
    # A build trusts a file's stat only once it is two seconds old: a
    # small catalog's copies may not be yet.
    time.sleep(max(0.0, copied + 2.1 - time.time()))
    files = sorted(work.glob("*.json"))
    t_re = float("inf")
    for edit in range(rounds):  # the best of a few, one show edited each
        edited = files[(n // 2 + edit) % n]
        value = json.loads(edited.read_text(encoding="utf-8"))
        value["title"] += " (renamed)"
        edited.write_text(json.dumps(value), encoding="utf-8")
        cold()
        start = time.perf_counter()
        result = build_site(work, out, base_url=SITE.base)
        t_re = min(t_re, time.perf_counter() - start)
    remove_site(out)
    shutil.rmtree(work, ignore_errors=True)
    return t_cold, t_re, result.reused


def bench_rebuild(n: int) -> list[Result]:
    """
    A rebuild after one show file changed, against the cold build.

    At :data:`TARGET_SHOWS` shows: measured there, or projected from
    ``n`` shows and a tenth as many.
    """
    # A projection's slope is the difference of two small times: more
    # rounds at small sizes, where a round costs a fraction of a second.
    rounds = 3 if n == TARGET_SHOWS else 7
    t_cold, t_re, reused = _rebuild(n, rounds)
    detail = f"{reused} of {n} shows reused"
    re_target, cold_target = t_re, t_cold
    if n != TARGET_SHOWS:
        n0 = _small(n)
        c0, r0, _ = _rebuild(n0, rounds)
        re_target = projected((n0, r0), (n, t_re))
        cold_target = projected((n0, c0), (n, t_cold))
        detail += (f"; {n0} shows {r0:.2f} s; projected {TARGET_SHOWS:,}: "
                   f"{re_target:.2f} s")
    share = re_target / cold_target * 100
    return [
        Result(
            name=f"rebuild after one show changed, {n:,} shows",
            value=t_re, unit="s",
            target=f"{TARGET_SHOWS:,} shows <= 3 s", ok=re_target <= 3,
            detail=detail,
        ),
        Result(
            name=f"rebuild / cold build (with the cache), {TARGET_SHOWS:,} "
            "shows",
            value=share, unit="%", target="<= 2", ok=share <= 2,
            detail=f"cold {t_cold:.2f} s"
            + ("" if n == TARGET_SHOWS
               else f", projected {TARGET_SHOWS:,}: {cold_target:.0f} s"),
        ),
    ]


def site_floor(folder: pathlib.Path, built: pathlib.Path, n: int) -> Result:
    """
    What any build of this site costs before showfacts does anything.

    The sum of three floors, per show: parsing the show files, feedgen
    writing each show's RSS and Atom feeds from precomputed entries, and
    writing the built tree's bytes to disk (a sample of its files, scaled
    to all of them).
    """
    files = sorted(folder.glob("*.json"))[:200]
    texts = [f.read_bytes() for f in files]
    shows = [showfacts.loads(t.decode(), "json") for t in texts]
    ready = [(_entries(news.build_feed(s, SITE, "rss", show=s.id), "rss"),
              _entries(news.build_feed(s, SITE, "atom", show=s.id), "atom"))
             for s in shows]

    def parse() -> object:
        return [json.loads(t) for t in texts]

    def feedgen() -> object:
        return [(_raw_feedgen(r, "rss"), _raw_feedgen(a, "atom"))
                for r, a in ready]

    t_parse, t_feedgen = best_of(3, parse, feedgen)
    tree = sorted(p for p in built.rglob("*") if p.is_file())
    sample = tree[::max(1, len(tree) // 2000)]
    data = [(p.relative_to(built), p.read_bytes()) for p in sample]
    scratch = CACHE / "site-floor"
    shutil.rmtree(scratch, ignore_errors=True)
    start = time.perf_counter()
    for path, blob in data:
        target = scratch / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    t_write = (time.perf_counter() - start) / len(data) * len(tree)
    shutil.rmtree(scratch, ignore_errors=True)
    per = [t_parse / len(files), t_feedgen / len(files), t_write / n]
    total = sum(per)
    return Result(
        name="site build floor: parse + raw feedgen + file writes",
        value=total * TARGET_SHOWS, unit=f"s for {TARGET_SHOWS:,} shows",
        detail=f"{total * 1e3:.1f} ms/show: parse {per[0] * 1e3:.2f}, "
        f"feedgen RSS+Atom {per[1] * 1e3:.2f}, writing {len(tree):,} "
        f"files {per[2] * 1e3:.2f}",
    )


def bench_ndjson(small: int, large: int, *, realistic: bool) -> list[Result]:
    """Peak memory of `showfacts jsonld --ndjson` at two catalog sizes."""
    peaks = []
    for n in (small, large):
        folder = catalog(n, small=not realistic)
        elapsed, peak = child_peak([
            sys.executable, "-m", "showfacts", "jsonld", str(folder),
            "--ndjson", "--base-url", SITE.base, "-o", os.devnull,
        ])
        peaks.append((n, elapsed, peak))
    (n1, _, p1), (n2, t2, p2) = peaks
    growth = (p2 - p1) / p1 * 100
    return [Result(
        name=f"jsonld --ndjson peak memory, {n1:,} -> {n2:,} shows",
        value=growth, unit="% growth", target="< 10", ok=growth < 10,
        detail=f"{p1 / 2**20:.0f} MiB -> {p2 / 2**20:.0f} MiB; "
        f"{t2 / n2 * 1e3:.1f} ms/show"
        + ("" if realistic else " (one-season shows)"),
    )]


# -- main ---------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        "machine": platform.machine(),
        "cpus": str(os.cpu_count()),
        "showfacts": showfacts.__version__,
        "date": dt.datetime.now(tz=dt.timezone.utc).strftime("%Y-%m-%d"),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print a table; return 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="small sizes; a minute or two")
    parser.add_argument("--json", type=pathlib.Path, metavar="FILE",
                        help="also write the results as JSON")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                        metavar="N",
                        help="processes for the parallel site build "
                        "(default: the number of CPUs)")
    parser.add_argument("--only", action="append", default=[],
                        choices=["load", "jsonld", "feeds", "site", "rebuild",
                                 "ndjson"],
                        help="run only this group of benchmarks "
                        "(repeatable; default: all)")
    args = parser.parse_args(argv)
    quick = args.quick
    wanted = set(args.only) or {"load", "jsonld", "feeds", "site",
                                "rebuild", "ndjson"}
    plan: list[tuple[str, Callable[[], list[Result]]]] = [
        ("load", lambda: bench_load(100 if quick else 1000,
                                    3 if quick else 5)),
        ("jsonld", lambda: bench_jsonld(50 if quick else 500,
                                        3 if quick else 5)),
        ("feeds", lambda: bench_feeds(20 if quick else 200,
                                      3 if quick else 5)),
        ("site", lambda: bench_site(100 if quick else TARGET_SHOWS,
                                    args.jobs)),
        ("rebuild", lambda: bench_rebuild(300 if quick else TARGET_SHOWS)),
        ("ndjson", lambda: bench_ndjson(
            300 if quick else 10_000, 3_000 if quick else 100_000,
            realistic=not quick)),
    ]
    results: list[Result] = []
    started = time.perf_counter()
    for name, run in plan:
        if name not in wanted:
            continue
        with contextlib.redirect_stderr(io.StringIO()):
            found = run()
        for result in found:
            results.append(result)
            mark = {True: "ok  ", False: "MISS", None: "    "}[result.ok]
            target = f"(target {result.target})" if result.target else ""
            print(f"{mark} {result.name}: {result.value:.2f} {result.unit} "
                  f"{target}".rstrip())
            if result.detail:
                print(f"       {result.detail}")
    print(f"-- {time.perf_counter() - started:.0f} s, "
          f"{'quick' if quick else 'full'} run on {machine()['machine']} "
          f"({machine()['cpus']} CPUs), Python {machine()['python']}")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine(), "quick": quick,
            "results": [attrs.asdict(r) for r in results],
        }, indent=2) + "\n")
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
