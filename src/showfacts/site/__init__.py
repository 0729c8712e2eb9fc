"""
The static site, built from a folder of show files.

It holds pages with JSON-LD and fact cards, feeds, calendars and a sitemap.

======================================  ======================================
file                                    what
======================================  ======================================
``index.html``                          every show, with its status and next
                                        premiere
``shows/{show}/index.html``             the show: JSON-LD, fact card, the
                                        timeline of every fact
``shows/{show}/season-{n}/index.html``  a season, the same way
``shows/{show}/show.jsonld``            the show's JSON-LD graph
``shows/{show}/feed.xml``,              the show's RSS, Atom and JSON feeds
``atom.xml``, ``feed.json``
``shows/{show}/premieres.ics``          the show's premiere calendar
``feed.xml``, ``atom.xml``,             the whole catalog's newest news
``feed.json``
``premieres.ics``                       every show's premieres
``sitemap.xml``                         every page (an index of sitemaps past
                                        50,000 pages)
``style.css``                           the one stylesheet; no JavaScript
======================================  ======================================

A build is deterministic (the same files give the same bytes) and atomic:
the site's folder is a link to a version folder kept beside it, the new
site is written into a new version folder and the link is swapped with one
rename at the end, so a reader always finds a whole site and a build that
fails leaves the previous site as it was.  A build deletes only what an
earlier build wrote (:doc:`/site-folder`).  Every file is loaded
and checked before anything is rendered: a bad file fails the build at
once, with every problem of every file.  The check keeps each show as a
compressed pickle of a few kilobytes, and shows are rendered from it one
at a time, so memory grows little with the catalog; ``jobs`` checks and
renders files in parallel processes.

The build's parts live beside this module: ``_pages`` makes the pages
(the theme's templates fed with each show's timeline, card and JSON-LD),
``_folder`` guards and swaps the site's folder, ``_versions`` keeps the
version folders a rebuild updates in place, and ``_buildcache`` keeps
what unchanged show files made last time.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import hashlib
import heapq
import itertools
import os
import pathlib
import pickle
import time
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from showfacts import _text, calendar, feeds, jsonld, news
from showfacts._discovery import Skipped
from showfacts._readers import DEFAULT_LIMITS, Limits
from showfacts.config import SiteConfig
from showfacts.exceptions import (
    InputError,
    InvalidDataError,
    Problem,
    RenderError,
)
from showfacts.iris import Site
from showfacts.loading import collect_remembered, file_bytes, load_bytes
from showfacts.models import (
    Catalog,
    CatalogNames,
    Show,
    catalog_names,
    check_catalog_names,
)
from showfacts.site import _buildcache, _pages
from showfacts.site._folder import (
    CACHE,
    check_place,
    die_with_parent,
    replace_site,
    store_of,
)
from showfacts.site._pages import e
from showfacts.site._versions import (
    FileRecord,
    Version,
    build_heap,
    collector_paused,
    write_file,
)
from showfacts.themes import DEFAULT_THEME


__all__ = ["BuildResult", "build_site", "cpus"]

#: How many of the newest items the catalog's feeds carry.
CATALOG_FEED_ITEMS = 100
#: With ``jobs`` left to the build, the fewest files worth a process of
#: their own: starting a worker and passing it its work costs about as
#: much as loading and rendering this many files.
FILES_PER_WORKER = 32
#: The most URLs one sitemap file may list (sitemaps.org).
SITEMAP_LIMIT = 50_000

Progress = Callable[[int, int], None]

@attrs.frozen(kw_only=True)
class BuildResult:
    """
    What a build wrote.

    Attributes:
        out: The site's folder.
        shows: How many shows it holds.
        files: How many files it holds.
        preview: Built without a base URL: no feeds, calendars, sitemap,
            ``robots.txt`` or JSON-LD, which need absolute addresses.
        reused: How many shows' files came from the build cache, their
            show files unchanged since the last build.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``reused``.
    """

    out: pathlib.Path
    shows: int
    files: int
    preview: bool = False
    reused: int = 0


@attrs.frozen(kw_only=True)
class _Options:
    pages: _pages.Options
    limits: Limits

    @property
    def preview(self) -> bool:
        return self.pages.base_url is None

    @property
    def spoilers(self) -> bool:
        return self.pages.spoilers

    @property
    def claims(self) -> bool:
        return self.pages.claims


@attrs.frozen(kw_only=True)
class _Rendered:
    """What one show file left behind for the catalog pages."""

    file: str
    #: What the catalog's pages need of the show; none if it failed.
    record: _buildcache.Record | None = None
    problems: tuple[Problem, ...] = ()
    #: Its entry in the build cache, if one is kept.
    key: str = ""
    #: The files a worker wrote, for the version folder's list.
    written: tuple[tuple[str, FileRecord], ...] = ()
    #: Its calendar events as written, for the catalog's calendar.
    events: bytes = b""
    #: Its files came from the build cache.
    reused: bool = False


def build_site(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    base_url: str | None = None,
    title: str | None = None,
    language: str | None = None,
    theme: str | os.PathLike[str] | None = None,
    config: SiteConfig | None = None,
    jobs: int | None = None,
    claims: bool = False,
    spoilers: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    on_skip: Callable[[Skipped], object] | None = None,
    feeds: Iterable[str] | None = None,
    per_page: int | None = None,
    cache: bool = True,
) -> BuildResult:
    """
    Build the static site of every show in ``paths`` into ``out``.

    Args:
        paths: Show files or folders.
        out: The site's folder, which becomes a symbolic link to a version
            folder in ``.{name}.showfacts/`` beside it; replaced whole, in
            one atomic rename, when the build succeeds, untouched when it
            fails.  It must be missing, an empty folder or a site
            showfacts built, and may not be, hold or be inside one of
            ``paths``: only files an earlier build wrote (and listed in
            its manifest, ``.showfacts-site.json``) are ever deleted.
            Files under it are never read as show files.
        base_url: The absolute URL the site is published at.  Without one
            (here or in ``config``) the build is a preview: pages that
            link to each other relatively, without the feeds, calendars,
            sitemap, ``robots.txt`` and JSON-LD that need absolute
            addresses.
        title: The site's name (default: "TV facts").
        language: The pages' language, a BCP 47 tag (default: "en").
        theme: A theme folder whose templates and static files replace
            the default theme's (:mod:`showfacts.themes`).
        config: A site configuration (:func:`showfacts.config.find_config`)
            for what the arguments leave out, and which files are shows.
        jobs: Processes that check and render shows in parallel; 1
            works in this process alone.  By default as many as the
            processes this one may run on, but no more than the catalog
            keeps busy (:data:`FILES_PER_WORKER` files each): a small
            catalog is built in this process.
        claims: Publish unconfirmed facts and teases as ``Claim`` nodes in
            the JSON-LD too (pending schema.org terms).
        spoilers: Include spoiler teases (always behind a "show" control).
        limits: Bounds on what each file may make showfacts do.
        feeds: The feed formats to publish, of ``rss``, ``atom`` and
            ``json`` (default: ``config``'s, or all three); none at all is
            an empty list.
        per_page: Split the index into pages of this many shows: the
            first is ``index.html``, the others ``page/2/index.html`` and
            on, linked with ``rel="prev"`` and ``rel="next"`` (default:
            ``config``'s, or every show on one page).
        cache: Keep a build cache beside the site (in
            ``.{name}.showfacts/cache/``) and reuse the files of shows
            whose file, options and showfacts are as in the last build;
            the site is the same, byte for byte, as without it.
        progress: Called with (files done, files in all) as the files
            are checked, then again from ``(0, files in all)`` as they
            are rendered.
        on_skip: Called with each file in a folder that is not a show file
            (see :func:`showfacts.loading.show_files`).

    Returns:
        What was written.

    Raises:
        InputError: If a path cannot be read or holds no show file.
        OutputError: If ``out`` is refused (see above), is being built by
            another build, or cannot be written (read-only, full disk);
            the previous site is then as it was.
        InvalidDataError: With every problem of every file; nothing is
            written then.
        ValueError: For an unknown feed format or a ``per_page`` below 1.

    .. versionadded:: 0.1.0
    """
    config = config or SiteConfig()
    base_url = base_url or config.base_url
    theme = theme if theme is not None else config.theme
    options = _Options(
        pages=_pages.Options(
            base_url=Site(base_url).base if base_url else None,
            title=title or config.title or "TV facts",
            language=language or config.language or "en",
            theme=None if theme is None else str(theme),
            claims=claims, spoilers=spoilers,
            feeds=_feed_formats(config.feeds if feeds is None else feeds),
            per_page=_per_page(config.per_page if per_page is None
                               else per_page),
        ),
        limits=limits,
    )
    renderer = _pages.pages(options.pages)
    site = renderer.site
    roots = (
        [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    )
    target = pathlib.Path(out)
    # What a build reads of its site and cache lives to its end: see
    # collector_paused.
    with build_heap():
        check_place(out, roots)  # the site is never one of its own inputs
        store = _buildcache.Cache(
            store_of(out) / CACHE,
            _buildcache.recipe(
                options,
                _buildcache.folder_digest(DEFAULT_THEME),
                _buildcache.folder_digest(
                    None if theme is None else pathlib.Path(theme)
                ),
            ),
        ) if cache else None
        last = store.index() if store is not None else _buildcache.Index()
        # A file changed within these two seconds may change again unseen.
        settled = time.time_ns() - 2_000_000_000
        heads = (None if store is None
                 else _buildcache.Heads(last.heads, settled))
        files = [
            str(f) for f in collect_remembered(
                roots, include=config.include, exclude=config.exclude,
                on_skip=on_skip, memo=heads,
            )
            if config.selects(f)
        ]
        if not files:
            raise InputError("no show files (.yaml, .yml, .json, .toml) found")
        jobs = _workers(len(files)) if jobs is None else jobs
        index = _buildcache.Index(heads={} if heads is None else heads.now)
        # Check first: every file is loaded and the catalog checked before
        # anything is rendered, so a bad file fails fast, with every problem.
        checked = _check_all(files, options, jobs, progress, store, last,
                             index, settled)
        _refuse([p for c in checked for p in c.problems])
        with collector_paused():
            _refuse(_catalog_problems(checked, last.records.keys()))
        with replace_site(out, roots) as version:
            problems: list[Problem] = []
            shows: list[_Rendered] = []
            newest = _Newest(CATALOG_FEED_ITEMS)
            for result in _render_all(checked, version, options, jobs,
                                      progress, store, newest):
                problems.extend(result.problems)
                for path, record in result.written:
                    version.add(path, record)
                if result.record is not None:
                    shows.append(result)
                    if result.reused:
                        newest.add_later(result.record.newest, result.key)
            _refuse(problems)
            count = sum(r.record.count for r in shows if r.record)
            # The catalog's pages in one stretch without collections: what
            # cyclic garbage a template leaves is collected after the build.
            with collector_paused():
                count += _write_catalog(version, site, options, shows,
                                        newest.items(store), store, last)
                if store is not None:  # under the site's lock
                    index.records.update(
                        (r.key, r.record) for r in shows if r.record and r.key)
                    store.keep_index(index, last)
        return BuildResult(out=target, shows=len(shows), files=count,
                           preview=options.preview,
                           reused=sum(r.reused for r in shows))


def _feed_formats(
    formats: Iterable[str] | None,
) -> tuple[feeds.FeedFormat, ...]:
    """
    The feed formats a site publishes, in their usual order.

    ``None`` is all of them.

    Raises:
        ValueError: For a format other than ``rss``, ``atom`` or ``json``.
    """
    if formats is None:
        return feeds.FORMATS
    chosen = set()
    for fmt in formats:
        if fmt not in feeds.FORMATS:
            msg = (f"unknown feed format {fmt!r}; the formats are "
                   + ", ".join(feeds.FORMATS))
            raise ValueError(msg)
        chosen.add(fmt)
    return tuple(f for f in feeds.FORMATS if f in chosen)


def _per_page(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or value < 1):
        msg = f"per_page must be a whole number above 0, not {value!r}"
        raise ValueError(msg)
    return value


def cpus() -> int:
    """
    How many processors this process may run on.

    .. versionadded:: 0.2.0
    """
    count = getattr(os, "process_cpu_count", None)
    if count is not None:  # Python 3.13
        return int(count() or 1)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers(files: int) -> int:
    """The processes a build of ``files`` files keeps busy, at most all."""
    return max(1, min(cpus(), files // FILES_PER_WORKER))


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise InvalidDataError(problems)


class _Newest:
    """The newest items of many shows, without holding all of them."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.found: list[news.NewsItem] = []
        #: Cached shows not read yet: their newest item's key, and entry.
        self.later: list[tuple[tuple[float, str], str]] = []

    @staticmethod
    def sort_key(item: news.NewsItem) -> tuple[float, str]:
        """Where an item stands: newest first, ties by guid."""
        return (-item.published.timestamp(), item.guid)

    def add(self, items: Iterable[news.NewsItem]) -> None:
        self.found.extend(items)
        if len(self.found) > 10 * self.keep:
            self.found = heapq.nsmallest(self.keep, self.found,
                                         key=self.sort_key)

    def add_later(self, newest: tuple[float, str] | None, key: str) -> None:
        """A cached show, whose items are read only if they may count."""
        if newest is not None:
            self.later.append((tuple(newest), key))  # type: ignore[arg-type]

    def items(
        self, cache: _buildcache.Cache | None = None,
    ) -> tuple[news.NewsItem, ...]:
        """
        The newest ``keep`` items, newest first, ties by guid.

        A cached show's items are read from ``cache`` only while its
        newest item is newer than the ``keep``-th found so far.
        """
        found = heapq.nsmallest(self.keep, self.found, key=self.sort_key)
        later = sorted(self.later)
        for newest, key in later:
            if len(found) >= self.keep and newest > self.sort_key(found[-1]):
                break
            if cache is None:  # pragma: no cover - never without one
                msg = "a cached show without its cache"
                raise AssertionError(msg)
            found = heapq.nsmallest(self.keep, [*found, *cache.items(key)],
                                    key=self.sort_key)
        return tuple(found)


_T = TypeVar("_T")
_R = TypeVar("_R")


@attrs.frozen(kw_only=True)
class _Checked:
    """What checking one file left: what the catalog checks, or problems."""

    file: str
    show: str = ""
    #: Its names, when it was loaded: a kept record has them packed.
    names: CatalogNames = ()
    problems: tuple[Problem, ...] = ()
    #: The file's entry in the build cache, and its record if kept.
    key: str = ""
    record: _buildcache.Record | None = None
    #: The show as loaded, pickled and compressed, for rendering it.
    frozen: bytes = b""

    def catalog_names(self) -> CatalogNames:
        """What the catalog checks of the show."""
        if self.record is None:
            return self.names
        return self.record.catalog_names()


def _batches(files: Sequence[_T], jobs: int) -> list[Sequence[_T]]:
    """
    The files in runs for the workers: a few per worker, not one by one.

    Each run costs one message each way, so runs are long enough that
    passing them costs little beside the work, and short enough (about
    eight per worker) that a slow run does not leave the others idle.
    """
    total = len(files)
    size = 1 if jobs <= 1 else max(1, min(64, total // (jobs * 8)))
    return [files[i:i + size] for i in range(0, total, size)]


def _in_parallel(
    work: Callable[..., tuple[list[_R], Any]],
    files: Sequence[Any], jobs: int, progress: Progress | None,
    *args: object,
) -> Iterator[tuple[list[_R], Any]]:
    """
    Run ``work(batch, *args)`` over the files' batches, in order.

    With ``jobs`` above 1 in worker processes that end with this one,
    unless there is only one batch (a rebuild's one changed file, say):
    nothing runs beside it, so starting workers would only cost time.
    """
    total = len(files)
    if progress:
        progress(0, total)
    batches = _batches(files, jobs)
    done = 0
    with contextlib.ExitStack() as stack:
        if jobs <= 1 or len(batches) <= 1:
            results: Iterable[tuple[list[_R], Any]] = (
                work(batch, *args) for batch in batches
            )
        else:
            pool = stack.enter_context(
                concurrent.futures.ProcessPoolExecutor(
                    max_workers=min(jobs, len(batches)),
                    initializer=die_with_parent,
                    initargs=(os.getpid(),),
                )
            )
            results = pool.map(work, batches,
                               *(itertools.repeat(a) for a in args))
        for batch in results:
            done += len(batch[0])
            if progress:
                progress(done, total)
            yield batch


def _check_all(  # noqa: PLR0917 - the build's parts, in one order
    files: Sequence[str], options: _Options, jobs: int,
    progress: Progress | None, cache: _buildcache.Cache | None,
    last: _buildcache.Index, index: _buildcache.Index, settled: int,
) -> list[_Checked]:
    """
    Load and check every file; render nothing.

    Files the build cache knows are looked up here, in this process: a
    file that is as the last build found it (size, time, inode) is not
    even read; one whose bytes have an entry is not loaded.  Neither goes
    to a worker.  ``index`` gets each file's key, for the next build.
    """
    found: dict[str, _Checked] = {}
    stats: dict[str, tuple[int, int, int, int]] = {}
    if progress:
        progress(0, len(files))
    if cache is not None:
        seen = index.heads  # stats taken to find the files, by their path
        with collector_paused():  # many objects, no cycles
            for file in files:
                stat = seen.get(file) or _buildcache.file_stat(file)
                if stat is not None and stat[1] < settled:
                    stats[file] = stat
                hit = _lookup(file, stat, options.limits, cache, last)
                if hit is not None:
                    found[file] = hit
    rest = [f for f in files if f not in found]
    for batch, _ in _in_parallel(_check_batch, rest, jobs,
                                 _after(progress, len(found), len(files)),
                                 options.limits, cache):
        found.update((c.file, c) for c in batch)
    checked = [found[f] for f in files]
    for one in checked:
        stat = stats.get(one.file)
        if stat is not None and one.key:
            index.inputs[one.file] = (*stat, "", one.key)
    return checked


def _after(progress: Progress | None, before: int,
           total: int) -> Progress | None:
    """
    A progress callback for the rest, once ``before`` files are done.

    ``(0, total)`` was reported already: the rest's own start is not.
    """
    if progress is None:
        return None
    if before:
        progress(before, total)
    reported = progress

    def rest(done: int, _total: int) -> None:
        if done:
            reported(before + done, total)

    return rest


def _lookup(
    file: str, stat: tuple[int, int, int, int] | None, limits: Limits,
    cache: _buildcache.Cache, last: _buildcache.Index,
) -> _Checked | None:
    """A file the build cache knows, or ``None``."""
    kept = last.inputs.get(file)
    if stat is not None and kept is not None and kept[:4] == stat:
        record = last.records.get(kept[5])
        if record is not None:
            return _hit(file, kept[5], record)
    try:
        fmt, data = file_bytes(pathlib.Path(file), limits)
    except InvalidDataError as exc:
        return _Checked(file=file, problems=exc.problems)
    key = cache.key(fmt, data)
    record = last.records.get(key) or cache.get(key)
    return None if record is None else _hit(file, key, record)


def _hit(file: str, key: str, record: _buildcache.Record) -> _Checked:
    return _Checked(file=file, show=record.show, key=key, record=record)


def _check_batch(files: Sequence[str], limits: Limits,
                 cache: _buildcache.Cache | None,
                 ) -> tuple[list[_Checked], None]:
    """Load some files: what the catalog checks of each, or problems."""
    return [_check_file(file, limits, cache) for file in files], None


def _check_file(file: str, limits: Limits,
                cache: _buildcache.Cache | None) -> _Checked:
    """Load and check one file."""
    try:
        show, key = _load(file, limits, cache)
    except InvalidDataError as exc:
        return _Checked(file=file, problems=exc.problems)
    return _Checked(file=file, show=show.id, names=catalog_names(show),
                    key=key, frozen=_freeze(show))


def _load(file: str, limits: Limits,
          cache: _buildcache.Cache | None) -> tuple[Show, str]:
    """
    A show file's show, and its entry's key in the build cache (or "").

    Raises:
        InvalidDataError: If the file cannot be read or loaded.
    """
    fmt, data = file_bytes(pathlib.Path(file), limits)
    show = load_bytes(pathlib.Path(file), fmt, data, limits)
    return show, "" if cache is None else cache.key(fmt, data)


def _freeze(show: Show) -> bytes:
    """
    A checked show, kept small until it is rendered.

    Unpickling a show costs a third of loading it again (parsing, the
    schema check, structuring and the invariants), and the compressed
    pickle of a large show is a few kilobytes: a catalog's worth fits
    where its shows would not.
    """
    return zlib.compress(pickle.dumps(show, pickle.HIGHEST_PROTOCOL), 1)


def _thaw(frozen: bytes) -> Show:
    """The show :func:`_freeze` kept."""
    show: Show = pickle.loads(zlib.decompress(frozen))  # noqa: S301 - ours
    return show


def _render_all(  # noqa: PLR0917 - the build's parts, in one order
    checked: Sequence[_Checked], version: Version, options: _Options,
    jobs: int, progress: Progress | None, cache: _buildcache.Cache | None,
    newest: _Newest,
) -> list[_Rendered]:
    """
    Render every file, in batches; what each left, in the files' order.

    Each batch comes with its newest news items: a worker process sends
    back the catalog feed's candidates of its whole batch, not every item
    of every show, which would cost more to pass than to render.  They go
    to ``newest`` as they come, so that no more than the feed's candidates
    are ever held.  The files of shows found in the build cache are kept
    or linked here, in this process; only the others go to the workers.
    """
    done: dict[str, _Rendered] = {}
    if progress:
        progress(0, len(checked))
    with collector_paused():  # many objects, no cycles
        complete = cache.complete() if cache is not None and any(
            one.record is not None for one in checked) else set()
        for one in checked:
            if one.record is not None and one.key in complete:
                placed = _reuse(one, one.record, version)
                if placed is not None:
                    done[one.file] = placed
    rest = [c for c in checked if c.file not in done]
    for rendered, items in _in_parallel(
        _render_batch, rest, jobs,
        _after(progress, len(done), len(checked)), version.root, options,
        cache,
    ):
        newest.add(items)
        done.update((r.file, r) for r in rendered)
    return [done[one.file] for one in checked]


def _reuse(
    checked: _Checked, record: _buildcache.Record, version: Version,
) -> _Rendered | None:
    """Have a cached show's files in the version; what the catalog needs."""
    if not version.keep_all(record.files):
        return None
    return _Rendered(file=checked.file, record=record, key=checked.key,
                     reused=True)


def _render_batch(
    checked: Sequence[_Checked], root: str, options: _Options,
    cache: _buildcache.Cache | None,
) -> tuple[list[_Rendered], tuple[news.NewsItem, ...]]:
    """Render some files; keep the newest items among all of theirs."""
    newest = _Newest(CATALOG_FEED_ITEMS)
    rendered = []
    for one in checked:
        result, items = _render_file(one, root, options, cache)
        newest.add(items)
        rendered.append(result)
    return rendered, newest.items()


def _render_file(
    checked: _Checked, root: str, options: _Options,
    cache: _buildcache.Cache | None,
) -> tuple[_Rendered, Sequence[news.NewsItem]]:
    """
    Write one checked show's files; keep what the index needs.

    The show is the one the check loaded (kept by :func:`_freeze`), not
    the file read again: what is rendered is what was checked, even if
    the file changed since.
    """
    file = checked.file
    if checked.frozen:
        show, key = _thaw(checked.frozen), checked.key
    else:  # a cached show whose files were not at hand
        try:
            show, key = _load(file, options.limits, cache)
        except InvalidDataError as exc:
            return _Rendered(file=file, problems=exc.problems), ()
    site = options.pages.site
    writer = _Writer(root)
    try:
        items = news.items_for_show(show, site, spoilers=options.spoilers)
        events = () if options.preview else tuple(
            sorted(calendar.events(show, site), key=lambda e: e.sort_key))
        texts = [calendar.event_text(e) for e in events]
        pages = _write_show(show, writer, site, options, items, texts)
    except InvalidDataError as exc:  # an output over its limit
        return _Rendered(file=file, problems=tuple(
            attrs.evolve(p, file=p.file or file) for p in exc.problems
        )), ()
    except RenderError as exc:  # a writer refused what the data holds
        return _Rendered(file=file, problems=(
            Problem(message=f"cannot be published: {exc}", file=file),
        )), ()
    status, premiere = _pages.show_summary(show)
    newest = min((_Newest.sort_key(i) for i in items), default=None)
    events_text = b"".join(texts)
    ids, names = _buildcache.pack_names(catalog_names(show))
    record = _buildcache.Record(
        show=show.id, title=show.title, fictional=show.fictional,
        ids=ids, names=names,
        pages=tuple((u, None if d is None else d.isoformat())
                    for u, d in pages),
        files=tuple((path, rec[0]) for path, rec in writer.written),
        count=len(writer.written),
        status=status, premiere=premiere,
        events=tuple((e.sort_key[0].toordinal(), e.uid, len(t))
                     for e, t in zip(events, texts, strict=True)),
        events_digest=hashlib.sha256(events_text).hexdigest(),
        newest=newest,
    )
    if cache is not None:
        keep = _Newest(CATALOG_FEED_ITEMS)
        keep.add(items)
        cache.put(key, record, keep.items(), events_text)
    return _Rendered(file=file, record=record, key=key,
                     written=tuple(writer.written),
                     events=events_text), items


class _Writer:
    """Writes a show's files into a version folder, and lists them."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.written: list[tuple[str, FileRecord]] = []

    def write(self, path: str, raw: bytes) -> None:
        self.written.append((path, write_file(self.root, path, raw)))


def _output(path: str, data: str | bytes,
            most: int = DEFAULT_LIMITS.max_output_bytes) -> bytes:
    """A file's bytes, refused if over the limit."""
    raw = _text.output_bytes(data, html=path.endswith(".html"))
    if len(raw) > most:
        raise InvalidDataError([Problem(message=(
            f"the output {path} would be {len(raw):,} bytes, over the limit "
            f"of {most:,} bytes per file"
        ))])
    return raw


def _write(to: _Writer | Version, path: str, data: str | bytes,
           most: int = DEFAULT_LIMITS.max_output_bytes) -> None:
    to.write(path, _output(path, data, most))


def _relative(site: Site, url: str) -> str:
    """The file of a URL under the site: pages are ``.../index.html``."""
    path = url[len(site.base):]
    return path + "index.html" if path.endswith("/") or not path else path


def _write_show(  # noqa: PLR0917 - the show's parts, in one order
    show: Show, to: _Writer, site: Site, options: _Options,
    items: tuple[news.NewsItem, ...], events: Sequence[bytes],
) -> tuple[tuple[str, dt.date | None], ...]:
    """Write a show's pages and, with a base URL, its feeds and files."""
    most = options.limits.max_output_bytes
    renderer = _pages.pages(options.pages)
    graph = jsonld.to_jsonld(show, site, claims=options.claims,
                             spoilers=options.spoilers)
    pages = renderer.show_pages(show, graph, items)
    for page in pages:
        _write(to, _relative(site, site.base + page.path), page.html, most)
    if not options.preview:
        _write(to, _relative(site, site.jsonld_url(show.id)),
               jsonld.dumps_jsonld(graph, pretty=True) + "\n", most)
        feed = news.build_feed(show, site, "rss", show=show.id,
                               spoilers=options.spoilers, computed=items)
        for fmt in options.pages.feeds:
            one = attrs.evolve(feed, feed_url=site.feed_url(fmt, show.id))
            _write(to, _relative(site, one.feed_url),
                   feeds.render(one, fmt), most)
        _write(to, _relative(site, site.calendar_url(show.id)),
               calendar.assemble(show, site, events), most)
    return tuple((site.base + p.path, p.lastmod) for p in pages)


def _catalog_problems(shows: Sequence[_Checked],
                      agreed: Collection[str] = ()) -> list[Problem]:
    """
    What the catalog check finds, each problem with its file.

    ``agreed`` are the entry keys of the last build's shows, whose names
    were found to agree then.  If the other shows' names agree with
    them, and among themselves, there is no problem, and the catalog's
    hundreds of thousands of names need not be gathered again (a rebuild
    after one edit, where that would be much of its time).
    """
    if agreed and _only_known_agree(shows, agreed):
        return []
    found = []
    for index, problem in check_catalog_names(
        [(c.show, c.catalog_names()) for c in shows]
    ):
        file = shows[index].file
        found.append(attrs.evolve(problem, file=file))
    return found


def _only_known_agree(shows: Sequence[_Checked],
                      agreed: Collection[str]) -> bool:
    """
    Whether the catalog surely has no problem, from the new shows alone.

    Shows whose names agreed last time still agree; a problem needs a
    new show and one of its ids.  So the new shows are checked with the
    name the others give each of those ids (a network many shows share,
    say): the name of one of them is every one's, so the others are not
    unpacked once an id's name is found.  ``False`` means "check the
    whole catalog", for exact problems.
    """
    if len({c.show for c in shows}) != len(shows):
        return False
    new: list[tuple[str, CatalogNames]] = []
    kept: list[tuple[str, _buildcache.Record]] = []
    for c in shows:
        if c.key in agreed and c.record is not None:
            kept.append((c.show, c.record))
        else:
            new.append((c.show, c.catalog_names()))
    unnamed = {(n[0], n[2]) for _, names in new for n in names}
    wanted = _buildcache.packed_ids(item_id for _, item_id in unnamed)
    involved = []
    for show, record in kept:
        shared = record.names_of(wanted)  # () for most shows
        if shared:
            involved.append((show, shared))
            unnamed.difference_update((n[0], n[2]) for n in shared)
            wanted = _buildcache.packed_ids(i for _, i in unnamed)
    return not check_catalog_names([*new, *involved])


def _write_catalog(  # noqa: PLR0917 - the build's parts, in one order
    version: Version, site: Site, options: _Options,
    shows: Sequence[_Rendered], newest: tuple[news.NewsItem, ...],
    cache: _buildcache.Cache | None, last: _buildcache.Index,
) -> int:
    """
    Write the index and the theme's static files.

    With a base URL, also the catalog's feeds and calendar, the sitemaps
    and ``robots.txt``.
    """
    renderer = _pages.pages(options.pages)
    most = options.limits.max_output_bytes
    records = [r.record for r in shows if r.record is not None]
    ordered = sorted(zip(records, shows, strict=True),
                     key=lambda x: (x[0].title.casefold(), x[1].file))
    entries = [
        (_pages.IndexShow(id=r.show, title=r.title, fictional=r.fictional),
         "; ".join(x for x in (r.status, r.premiere) if x))
        for r, _ in ordered
    ]
    newest_day = max((d for r in records for _, d in r.pages
                      if d is not None), default=None)
    lastmod = None if newest_day is None else dt.date.fromisoformat(
        newest_day)
    per_page = options.pages.per_page or max(1, len(entries))
    chunks = [entries[i:i + per_page]
              for i in range(0, len(entries), per_page)]
    index_urls = []
    for number, chunk in enumerate(chunks, start=1):
        index = renderer.index_page(
            chunk, lastmod, number=number, count=len(chunks),
            first=(number - 1) * per_page + 1,
        )
        _write(version, _relative(site, site.base + index.path),
               index.html, most)
        index_urls.append((site.base + index.path, newest_day))
    files = len(chunks)
    for name, path in renderer.theme.static_files():
        _write(version, name, path.read_bytes())
        files += 1
    if options.preview:
        return files
    updated = max(
        (i.updated or i.published for i in newest), default=news.EPOCH
    )
    for fmt in options.pages.feeds:
        feed = news.Feed(
            title=f"{options.pages.title}: news",
            link=site.base,
            feed_url=site.feed_url(fmt),
            description="Renewals, premiere dates, casting and teases, "
            "each marked with how sure it is.",
            language=options.pages.language,
            updated=updated,
            items=newest,
        )
        _write(version, _relative(site, feed.feed_url),
               feeds.render(feed, fmt), most)
        files += 1
    _write(version, _relative(site, site.calendar_url()),
           _catalog_calendar(site, shows, cache, last), most)
    files += 1
    urls = index_urls + [u for r in records for u in r.pages]
    files += _write_sitemaps(version, site, urls)
    _write(version, "robots.txt", (
        "User-agent: *\n"
        "Allow: /\n"
        f"Sitemap: {site.base}sitemap.xml\n"
    ))
    return files + 1


def _catalog_calendar(site: Site, shows: Sequence[_Rendered],
                      cache: _buildcache.Cache | None,
                      last: _buildcache.Index) -> bytes:
    """
    Every show's premieres in one calendar, from each show's events.

    Kept in the build cache under the digest of its events: an edit that
    changes no event (most do not) writes the kept bytes again.  When
    one does, cached shows' events are cut out of the last build's
    calendar, or read from their entries.
    """
    records = [r.record for r in shows if r.record is not None]
    key = _calendar_key(site, records)
    before: dict[str, bytes] = {}
    if cache is not None:
        kept = cache.remembered("calendar", key)
        if kept is not None:
            return kept
        before = _last_calendar_events(site, cache, last)
    found = []
    for result in shows:
        record = result.record
        if record is None or not record.events:
            continue
        text = result.events
        if result.reused and cache is not None:
            text = before.get(result.key) or cache.events(result.key)
        at = 0
        for day, uid, size in record.events:
            found.append((day, uid, text[at:at + size]))
            at += size
    found.sort(key=lambda e: (e[0], e[1]))
    raw = _output("premieres.ics", calendar.assemble(
        Catalog(shows=()), site, (t for _, _, t in found)))
    if cache is not None:
        cache.remember("calendar", key, raw)
    return raw


def _calendar_key(site: Site, records: Iterable[_buildcache.Record]) -> str:
    """What the catalog's calendar is kept under: its shows' events."""
    return hashlib.sha256("\n".join(
        [site.base, *sorted(r.events_digest for r in records)]
    ).encode("utf-8", "surrogatepass")).hexdigest()


def _last_calendar_events(site: Site, cache: _buildcache.Cache,
                          last: _buildcache.Index) -> dict[str, bytes]:
    """
    Each show's events in the last build's calendar, by entry key.

    One read of that calendar, cut where the last build's records put
    each event (in day and uid order, each its size), rather than one
    read a show.  A show whose cut is not what its digest says is left
    out: its entry is read instead.
    """
    records = last.records
    raw = cache.remembered("calendar", _calendar_key(site, records.values()))
    if raw is None:
        return {}
    at = len(calendar.assembled_head(Catalog(shows=()), site))
    placed = sorted(
        ((day, uid, size, key, i)
         for key, record in records.items()
         for i, (day, uid, size) in enumerate(record.events)),
        key=lambda e: (e[0], e[1]),
    )
    parts: dict[str, dict[int, bytes]] = {}
    for _, _, size, key, i in placed:
        parts.setdefault(key, {})[i] = raw[at:at + size]
        at += size
    if raw[at:] != calendar.CALENDAR_END:
        return {}
    found = {}
    for key, events in parts.items():
        text = b"".join(events[i] for i in range(len(events)))
        if hashlib.sha256(text).hexdigest() == records[key].events_digest:
            found[key] = text
    return found


def _write_sitemaps(version: Version, site: Site,
                    urls: Sequence[tuple[str, str | None]]) -> int:
    """
    The sitemap; ``lastmod`` is the newest date the data gives a page.

    Dates come as ISO text, as the build cache keeps them.
    """
    def urlset(chunk: Sequence[tuple[str, str | None]]) -> str:
        # Escaped all at once: tens of thousands of addresses, each on a
        # line (one that holds a line break is escaped on its own).
        locs = e("\n".join(u for u, _ in chunk)).split("\n")
        if len(locs) != len(chunk):
            locs = [e(u) for u, _ in chunk]
        rows = "".join(
            f"<url><loc>{loc}</loc><lastmod>{d}</lastmod></url>\n" if d
            else f"<url><loc>{loc}</loc></url>\n"
            for loc, (_, d) in zip(locs, chunk, strict=True)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}</urlset>\n"
        )

    if len(urls) <= SITEMAP_LIMIT:
        _write(version, "sitemap.xml", urlset(urls))
        return 1
    chunks = [urls[i:i + SITEMAP_LIMIT]
              for i in range(0, len(urls), SITEMAP_LIMIT)]
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks, strict=True):
        _write(version, name, urlset(chunk))
    rows = "".join(
        f"<sitemap><loc>{e(site.base + n)}</loc></sitemap>\n" for n in names
    )
    _write(version, "sitemap.xml", (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"\n{rows}</sitemapindex>\n"
    ))
    return len(names) + 1
