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
the new site is written beside the old one and swapped in at the end, so a
build that fails leaves the previous site as it was.  Shows are loaded and
rendered one file at a time, so memory does not grow with the catalog;
``jobs`` renders files in parallel processes.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import heapq
import itertools
import os
import pathlib
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from showfacts import _pages, calendar, feeds, jsonld, markup, news
from showfacts._discovery import Skipped
from showfacts._pages import Crumb, e
from showfacts._readers import DEFAULT_LIMITS, Limits
from showfacts.exceptions import InputError, InvalidDataError, Problem
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.loading import collect_show_files, load
from showfacts.models import Catalog, Show, check_catalog


__all__ = ["BuildResult", "build_site"]

#: How many of the newest items the catalog's feeds carry.
CATALOG_FEED_ITEMS = 100
#: The most URLs one sitemap file may list (sitemaps.org).
SITEMAP_LIMIT = 50_000

Progress = Callable[[int, int], None]

_FEED_TYPES = {
    "rss": ("application/rss+xml", "RSS"),
    "atom": ("application/atom+xml", "Atom"),
    "json": ("application/feed+json", "JSON Feed"),
}


@attrs.frozen(kw_only=True)
class BuildResult:
    """
    What a build wrote.

    Attributes:
        out: The site's folder.
        shows: How many shows it holds.
        files: How many files it holds.

    .. versionadded:: 0.1.0
    """

    out: pathlib.Path
    shows: int
    files: int


@attrs.frozen(kw_only=True)
class _Options:
    base_url: str
    title: str
    claims: bool
    spoilers: bool
    limits: Limits


@attrs.frozen(kw_only=True)
class _Rendered:
    """What one show file left behind for the catalog pages."""

    file: str
    show: Show | None = None
    problems: tuple[Problem, ...] = ()
    pages: tuple[str, ...] = ()
    files: int = 0
    events: tuple[calendar.Event, ...] = ()
    status: str = ""
    premiere: str = ""


def build_site(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    base_url: str = DEFAULT_BASE_URL,
    title: str = "TV facts",
    jobs: int = 1,
    claims: bool = False,
    spoilers: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    on_skip: Callable[[Skipped], object] | None = None,
) -> BuildResult:
    """
    Build the static site of every show in ``paths`` into ``out``.

    Args:
        paths: Show files or folders.
        out: The site's folder; replaced whole when the build succeeds,
            untouched when it fails.
        base_url: The absolute URL the site is published at.
        title: The site's name.
        jobs: Processes that render shows in parallel.
        claims: Publish unconfirmed facts and teases as ``Claim`` nodes in
            the JSON-LD too (pending schema.org terms).
        spoilers: Include spoiler teases (always behind a "show" control).
        limits: Bounds on what each file may make showfacts do.
        progress: Called with (shows done, shows in all) as the build goes.
        on_skip: Called with each file in a folder that is not a show file
            (see :func:`showfacts.loading.show_files`).

    Returns:
        What was written.

    Raises:
        InputError: If a path cannot be read or holds no show file, or
            ``out`` cannot be written.
        InvalidDataError: With every problem of every file; nothing is
            written then.

    .. versionadded:: 0.1.0
    """
    site = Site(base_url)
    options = _Options(base_url=site.base, title=title, claims=claims,
                       spoilers=spoilers, limits=limits)
    roots = (
        [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    )
    files = [str(f) for f in collect_show_files(roots, on_skip=on_skip)]
    target = pathlib.Path(out)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = pathlib.Path(tempfile.mkdtemp(
        prefix=f".{target.name}.building-", dir=target.parent
    ))
    try:
        problems: list[Problem] = []
        shows: list[_Rendered] = []
        newest = _Newest(CATALOG_FEED_ITEMS)
        for rendered, items in _render_all(files, staging, options, jobs,
                                           progress):
            newest.add(items)
            for result in rendered:
                problems.extend(result.problems)
                if result.show is not None:
                    shows.append(result)
        _refuse(problems)
        _refuse(_catalog_problems(shows))
        count = sum(r.files for r in shows)
        count += _write_catalog(staging, site, options, shows,
                                newest.items())
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(out=target, shows=len(shows), files=count)


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise InvalidDataError(problems)


class _Newest:
    """The newest items of many shows, without holding all of them."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.found: list[news.NewsItem] = []

    @staticmethod
    def _key(item: news.NewsItem) -> tuple[float, str]:
        return (-item.published.timestamp(), item.guid)

    def add(self, items: Iterable[news.NewsItem]) -> None:
        self.found.extend(items)
        if len(self.found) > 10 * self.keep:
            self.found = heapq.nsmallest(self.keep, self.found,
                                         key=self._key)

    def items(self) -> tuple[news.NewsItem, ...]:
        """The newest ``keep`` items, newest first, ties by guid."""
        return tuple(heapq.nsmallest(self.keep, self.found, key=self._key))


def _render_all(
    files: Sequence[str], staging: pathlib.Path, options: _Options,
    jobs: int, progress: Progress | None,
) -> Iterator[tuple[list[_Rendered], tuple[news.NewsItem, ...]]]:
    """
    Render every file, in order, in batches.

    Each batch comes with its newest news items: a worker process sends
    back the catalog feed's candidates of its whole batch, not every item
    of every show, which would cost more to pass than to render.
    """
    total = len(files)
    if progress:
        progress(0, total)
    size = 1 if jobs <= 1 else max(1, min(64, total // (jobs * 8)))
    batches = [files[i:i + size] for i in range(0, total, size)]
    done = 0
    with contextlib.ExitStack() as stack:
        if jobs <= 1:
            rendered: Iterable[tuple[list[_Rendered],
                                     tuple[news.NewsItem, ...]]] = (
                _render_batch(batch, staging, options) for batch in batches
            )
        else:
            pool = stack.enter_context(
                concurrent.futures.ProcessPoolExecutor(max_workers=jobs)
            )
            rendered = pool.map(_render_batch, batches,
                                itertools.repeat(staging),
                                itertools.repeat(options))
        for batch in rendered:
            done += len(batch[0])
            if progress:
                progress(done, total)
            yield batch


def _render_batch(
    files: Sequence[str], staging: pathlib.Path, options: _Options,
) -> tuple[list[_Rendered], tuple[news.NewsItem, ...]]:
    """Render some files; keep the newest items among all of theirs."""
    newest = _Newest(CATALOG_FEED_ITEMS)
    rendered = []
    for file in files:
        result, items = _render_file(file, staging, options)
        newest.add(items)
        rendered.append(result)
    return rendered, newest.items()


def _render_file(
    file: str, staging: pathlib.Path, options: _Options,
) -> tuple[_Rendered, Sequence[news.NewsItem]]:
    """Load one file and write its show's files; keep what the index needs."""
    try:
        show = load(file, limits=options.limits)
    except InvalidDataError as exc:
        return _Rendered(file=file, problems=exc.problems), ()
    site = Site(options.base_url)
    items = news.items_for_show(show, site, spoilers=options.spoilers)
    written = _write_show(show, staging, site, options, items)
    status, premiere = _pages.show_summary(show)
    return _Rendered(
        file=file,
        show=_light(show),
        pages=written[0],
        files=written[1],
        events=calendar.events(show, site),
        status=status,
        premiere=premiere,
    ), items


def _light(show: Show) -> Show:
    """What the catalog checks and the index need of a show: no facts."""
    return Show(
        id=show.id, title=show.title, fictional=show.fictional,
        franchise=show.franchise, people=show.people,
        organizations=show.organizations, characters=show.characters,
        works=show.works,
    )


def _write(staging: pathlib.Path, path: str, data: str | bytes) -> None:
    target = staging / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.encode("utf-8") if isinstance(data, str)
                       else data)


def _relative(site: Site, url: str) -> str:
    """The file of a URL under the site: pages are ``.../index.html``."""
    path = url[len(site.base):]
    return path + "index.html" if path.endswith("/") or not path else path


def _write_show(show: Show, staging: pathlib.Path, site: Site,
                options: _Options,
                items: tuple[news.NewsItem, ...]) -> tuple[tuple[str, ...],
                                                           int]:
    """Write a show's pages, JSON-LD, feeds and calendar."""
    pages: list[str] = []
    files = 0
    show_url = site.show_url(show.id)
    alternates = _alternates(site, show.id, show.title)
    graph = jsonld.to_jsonld(show, site, claims=options.claims,
                             spoilers=options.spoilers)
    _write(staging, _relative(site, site.jsonld_url(show.id)),
           jsonld.dumps_jsonld(graph, pretty=True) + "\n")
    files += 1
    seasons = sorted(show.seasons, key=lambda s: s.number)
    refs = show.facts()
    body = [f"<h1>{e(show.title)}</h1>\n"]
    if show.fictional:
        body.append('<p class="notice">Not a real show: an example.</p>\n')
    if show.description:
        body.append(f"<p>{e(show.description)}</p>\n")
    body.append(markup.graph_fragment(graph, show, None, site))
    if seasons:
        links = "".join(
            f'<li><a href="{e(site.season_url(show.id, s.number))}">'
            f"{e(s.name)}</a></li>"
            for s in seasons
        )
        body.append(
            '<section aria-labelledby="seasons"><h2 id="seasons">Seasons'
            f"</h2><ul>{links}</ul></section>\n"
        )
    timeline = _pages.Timeline(show, site)
    body.append(timeline.section(refs))
    body.append(_follow(site, show.id))
    crumbs = [Crumb(label=options.title, url=site.base),
              Crumb(label=show.title)]
    _write(staging, _relative(site, show_url), _pages.page(
        site=site, site_title=options.title, title=show.title,
        url=show_url, crumbs=crumbs, body="".join(body),
        alternates=alternates,
    ))
    pages.append(show_url)
    files += 1
    for season in seasons:
        url = site.season_url(show.id, season.number)
        season_refs = [r for r in refs if r.season == season.number]
        name = f"{show.title}: {season.name}"
        parts = [f"<h1>{e(name)}</h1>\n"]
        if show.fictional:
            parts.append(
                '<p class="notice">Not a real show: an example.</p>\n'
            )
        if season.description:
            parts.append(f"<p>{e(season.description)}</p>\n")
        parts.append(markup.page_fragment(
            (show, season.number), site, claims=options.claims,
            spoilers=options.spoilers,
        ))
        parts.append(timeline.section(season_refs))
        crumbs = [Crumb(label=options.title, url=site.base),
                  Crumb(label=show.title, url=show_url),
                  Crumb(label=season.name)]
        _write(staging, _relative(site, url), _pages.page(
            site=site, site_title=options.title, title=name, url=url,
            crumbs=crumbs, body="".join(parts), alternates=alternates,
        ))
        pages.append(url)
        files += 1
    feed = news.build_feed(show, site, "rss", show=show.id,
                           spoilers=options.spoilers, computed=items)
    for fmt in feeds.FORMATS:
        one = attrs.evolve(feed, feed_url=site.feed_url(fmt, show.id))
        _write(staging, _relative(site, one.feed_url),
               feeds.render(one, fmt))
        files += 1
    _write(staging, _relative(site, site.calendar_url(show.id)),
           calendar.to_calendar(show, site))
    files += 1
    return tuple(pages), files


def _alternates(site: Site, show: str | None,
                title: str) -> list[tuple[str, str, str]]:
    links = [
        (kind, f"{title} ({label})", site.feed_url(fmt, show))
        for fmt, (kind, label) in _FEED_TYPES.items()
    ]
    if show is not None:
        links.append(("application/ld+json", f"{title} (JSON-LD)",
                      site.jsonld_url(show)))
    return links


def _follow(site: Site, show: str | None) -> str:
    feeds_list = "".join(
        f'<li><a href="{e(site.feed_url(fmt, show))}">{e(label)}</a></li>'
        for fmt, (_, label) in _FEED_TYPES.items()
    )
    extra = (
        f'<li><a href="{e(site.jsonld_url(show))}">JSON-LD</a></li>'
        if show is not None else ""
    )
    return (
        '<section aria-labelledby="follow"><h2 id="follow">Follow</h2>'
        f"<ul>{feeds_list}"
        f'<li><a href="{e(site.calendar_url(show))}">Premiere calendar '
        f"(iCalendar)</a></li>{extra}</ul></section>\n"
    )


def _catalog_problems(shows: Sequence[_Rendered]) -> list[Problem]:
    found = []
    for index, problem in check_catalog([r.show for r in shows if r.show]):
        file = shows[index].file
        found.append(attrs.evolve(problem, file=file))
    return found


def _write_catalog(staging: pathlib.Path, site: Site, options: _Options,
                   shows: Sequence[_Rendered],
                   newest: tuple[news.NewsItem, ...]) -> int:
    """Write the index, the catalog's feeds and calendar, and sitemaps."""
    ordered = sorted(shows, key=lambda r: (r.show.title.casefold()
                                           if r.show else "", r.file))
    entries = []
    for result in ordered:
        show = result.show
        assert show is not None  # noqa: S101
        lines = [f'<a href="{e(site.show_url(show.id))}">{e(show.title)}</a>']
        if show.fictional:
            lines.append(" (not a real show)")
        facts = [x for x in (result.status, result.premiere) if x]
        if facts:
            lines.append(f"<br>{e('; '.join(facts))}")
        entries.append(f"<li>{''.join(lines)}</li>")
    body = (
        f"<h1>{e(options.title)}</h1>\n"
        "<p>What is known about each show, with how sure it is and where "
        "it was read.</p>\n"
        + markup.script_tag(_index_graph(site, options.title, ordered))
        + "\n"
        '<section aria-labelledby="shows"><h2 id="shows">Shows</h2>'
        f'<ul class="shows">{"".join(entries)}</ul></section>\n'
        + _follow(site, None)
    )
    _write(staging, "index.html", _pages.page(
        site=site, site_title=options.title, title=options.title,
        url=site.base, crumbs=[Crumb(label=options.title)], body=body,
        alternates=_alternates(site, None, options.title),
    ))
    _write(staging, "style.css", _pages.STYLE)
    files = 2
    updated = max(
        (i.updated or i.published for i in newest), default=news.EPOCH
    )
    for fmt in feeds.FORMATS:
        feed = news.Feed(
            title=f"{options.title}: news",
            link=site.base,
            feed_url=site.feed_url(fmt),
            description="Renewals, premiere dates, casting and teases, "
            "each marked with how sure it is.",
            language="en",
            updated=updated,
            items=newest,
        )
        _write(staging, _relative(site, feed.feed_url),
               feeds.render(feed, fmt))
        files += 1
    _write(staging, _relative(site, site.calendar_url()),
           calendar.to_calendar(Catalog(shows=()), site,
                                found=[ev for r in shows for ev in r.events]))
    files += 1
    urls = [site.base] + [u for r in shows for u in r.pages]
    files += _write_sitemaps(staging, site, urls)
    return files


def _index_graph(site: Site, title: str,
                 ordered: Sequence[_Rendered]) -> dict[str, object]:
    """The index page's JSON-LD: the page, and the list of its shows."""
    elements = []
    for position, result in enumerate(ordered, start=1):
        show = result.show
        assert show is not None  # noqa: S101
        elements.append({
            "@type": "ListItem",
            "position": position,
            "name": show.title,
            "url": site.show_url(show.id),
        })
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@id": f"{site.base}#page",
                "@type": "CollectionPage",
                "name": title,
                "url": site.base,
                "mainEntity": {"@id": f"{site.base}#shows"},
            },
            {
                "@id": f"{site.base}#shows",
                "@type": "ItemList",
                "name": "Shows",
                "numberOfItems": len(elements),
                "itemListElement": elements,
            },
        ],
    }


def _write_sitemaps(staging: pathlib.Path, site: Site,
                    urls: Sequence[str]) -> int:
    def urlset(chunk: Sequence[str]) -> str:
        rows = "".join(f"<url><loc>{e(u)}</loc></url>\n" for u in chunk)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}</urlset>\n"
        )

    if len(urls) <= SITEMAP_LIMIT:
        _write(staging, "sitemap.xml", urlset(urls))
        return 1
    chunks = [urls[i:i + SITEMAP_LIMIT]
              for i in range(0, len(urls), SITEMAP_LIMIT)]
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks, strict=True):
        _write(staging, name, urlset(chunk))
    rows = "".join(
        f"<sitemap><loc>{e(site.base + n)}</loc></sitemap>\n" for n in names
    )
    _write(staging, "sitemap.xml", (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"\n{rows}</sitemapindex>\n"
    ))
    return len(names) + 1


def _swap(staging: pathlib.Path, target: pathlib.Path) -> None:
    """Put the new site in place of the old one, then remove the old."""
    staging.chmod(0o755)
    if not target.exists():
        staging.rename(target)
        return
    old = pathlib.Path(tempfile.mkdtemp(
        prefix=f".{target.name}.old-", dir=target.parent
    ))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
