"""
Feed writers: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

Each writer renders a :class:`~showfacts.news.Feed` to bytes and knows
nothing about shows.  RSS and Atom go through feedgen, and this is the only
module of showfacts that imports it: every call builds a fresh
``FeedGenerator``, adds the items in the feed's order
(``order="append"``), sets every date from the data (never the clock) and
turns feedgen's ``ValueError`` into :class:`~showfacts.exceptions.RenderError`.
JSON Feed is written by a small writer of our own, indented.

Every string passes through :func:`showfacts.news.xml_safe` first, so no
text can make a feed ill-formed, and the same feed always gives the same
bytes.

>>> import showfacts
>>> from showfacts.iris import Site
>>> from showfacts.news import build_feed
>>> show = showfacts.load("examples/ballard.yaml")
>>> feed = build_feed(show, Site("https://example.org/tv/"), "rss")
>>> to_rss(feed)[:38]
b"<?xml version='1.0' encoding='UTF-8'?>"
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable
from typing import Any, Literal

from feedgen.ext.base import (  # type: ignore[import-untyped]
    BaseEntryExtension,
)
from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]
from feedgen.util import xml_elem  # type: ignore[import-untyped]

from showfacts._json import dumps_indented
from showfacts._text import is_publishable
from showfacts.exceptions import RenderError
from showfacts.news import Feed, NewsItem, xml_safe


__all__ = [
    "JSON_FEED_VERSION",
    "MEDIA_TYPES",
    "RENDERERS",
    "render",
    "to_atom",
    "to_json_feed",
    "to_rss",
]

#: The ``version`` of the JSON Feeds we write.
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

#: The media type of each format, for ``type`` attributes and servers.
MEDIA_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}

#: What a feed calls its generator.
_GENERATOR = "showfacts"

#: Image media types by file extension; our own table, so the output does
#: not depend on the machine's ``mime.types``.
_IMAGE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
           "Oct", "Nov", "Dec")
_FEEDGEN_RFC822 = "%a, %d %b %Y %H:%M:%S %z"


class _Stamp(dt.datetime):
    """
    A datetime whose RFC 822 form does not depend on the C library.

    feedgen formats RSS dates with ``strftime``, whose day and month names
    follow the locale and whose ``%Y`` is not padded to four digits on
    every platform; this class writes that one format itself.
    """

    def strftime(self, fmt: str) -> str:
        """Format; feedgen's RFC 822 format is written in English."""
        if fmt != _FEEDGEN_RFC822:
            return super().strftime(fmt)
        return self.rfc822

    @functools.cached_property
    def rfc822(self) -> str:
        """The date in RFC 822 form, as RSS writes it."""
        offset = self.utcoffset() or dt.timedelta()
        sign = "-" if offset < dt.timedelta() else "+"
        minutes = abs(int(offset.total_seconds())) // 60
        return (
            f"{_DAYS[self.weekday()]}, {self.day:02d} "
            f"{_MONTHS[self.month - 1]} {self.year:04d} "
            f"{self.hour:02d}:{self.minute:02d}:{self.second:02d} "
            f"{sign}{minutes // 60:02d}{minutes % 60:02d}"
        )


def _stamp(value: dt.datetime) -> _Stamp:
    if value.utcoffset() is None:
        raise RenderError(f"{value!r} has no time zone")
    return _Stamp(
        value.year, value.month, value.day, value.hour, value.minute,
        value.second, value.microsecond, tzinfo=value.tzinfo,
        fold=value.fold,
    )


class _Stamps:
    """
    The dates of one feed, each converted (and written) once.

    A feed's items share a few dates.  Equal instants with equal offsets
    have the same fields, so they are written alike whatever their tzinfo
    objects.  One is made for each feed written, and forgets with it.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[tuple[dt.datetime, dt.timedelta], _Stamp] = {}

    def __call__(self, value: dt.datetime) -> _Stamp:
        offset = value.utcoffset()
        if offset is None:
            raise RenderError(f"{value!r} has no time zone")
        key = (value, offset)
        stamp = self._seen.get(key)
        if stamp is None:
            stamp = self._seen[key] = _stamp(value)
        return stamp


def _rfc3339(value: _Stamp) -> str:
    stamp = value.isoformat(timespec="seconds")
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


def _image_type(url: str) -> str:
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    for extension, media_type in _IMAGE_TYPES.items():
        if path.endswith(extension):
            return media_type
    return "application/octet-stream"


def _s(text: str | None) -> str:
    return xml_safe(text or "")


def _same(text: str) -> str:
    return text


def _cleaner(item: NewsItem) -> Callable[[str], str]:
    """
    What makes an item's text publishable.

    Items are nearly always publishable already (news builds them so):
    their text is checked in one pass, and cleaned field by field only if
    something needs it.
    """
    try:
        text = "".join((
            item.guid, item.title, item.summary, item.content_html,
            item.link, item.show, item.kind, item.image or "",
            *item.categories,
        ))
    except TypeError:  # a field that is not text: take each field apart
        return _s
    return _same if is_publishable(text) else _s


# -- RSS and Atom -------------------------------------------------------------


def _generator(feed: Feed, fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.title(_s(feed.title))
    fg.id(_s(feed.feed_url))
    # Readers take an RSS description as HTML, the channel's as an item's:
    # escape the text (Atom's subtitle is text and says so).
    fg.description(html.escape(_s(feed.description), quote=False)
                   if fmt == "rss" else _s(feed.description))
    # feedgen's RSS <link> is the last link given: the home page.
    fg.link(href=_s(feed.feed_url), rel="self", type=MEDIA_TYPES[fmt])
    fg.link(href=_s(feed.link), rel="alternate", type="text/html")
    if feed.language:
        fg.language(_s(feed.language))
    if feed.image:
        fg.image(url=_s(feed.image), title=_s(feed.title),
                 link=_s(feed.link))
    if fmt == "atom":
        fg.author(name=_s(feed.title), uri=_s(feed.link))
    fg.generator(_GENERATOR)
    fg.updated(_stamp(feed.updated))
    return fg


class _AtomLinks(BaseEntryExtension):  # type: ignore[misc]
    """
    Writes an Atom entry's links with all their attributes.

    feedgen 1.0 writes an entry's ``<link>`` with its ``href`` only, so an
    enclosure would come out as a second alternate link; this extension
    writes the links itself.
    """

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def extend_atom(self, entry: Any) -> Any:
        """Append the links to the entry element."""
        for attributes in self.links:
            # As one dict: lxml sets keyword attributes more slowly.
            xml_elem("link", entry, attrib=attributes)
        return entry


def _entry(
    fg: FeedGenerator, item: NewsItem, fmt: str, stamp: _Stamps
) -> None:
    s = _cleaner(item)
    entry = fg.add_entry(order="append")
    entry.guid(s(item.guid), permalink=item.permalink)
    entry.title(s(item.title))
    published = stamp(item.published)
    entry.published(published)
    entry.updated(
        published if item.updated is None else stamp(item.updated)
    )
    if item.categories:
        entry.category([{"term": s(c)} for c in item.categories])
    if fmt == "rss":
        entry.link(href=s(item.link), rel="alternate")
        # Readers take an RSS description as HTML: escape the text.
        entry.summary(html.escape(s(item.summary), quote=False))
        entry.content(s(item.content_html))
        if item.image:
            entry.enclosure(s(item.image), "0", _image_type(item.image))
        return
    entry.summary(s(item.summary), type="text")
    entry.content(s(item.content_html), type="html")
    entry.register_extension("showfacts_links", _AtomLinks, atom=True,
                             rss=False)
    links = entry.showfacts_links.links
    links.append({"href": s(item.link), "rel": "alternate",
                  "type": "text/html"})
    if item.image:
        links.append({"href": s(item.image), "rel": "enclosure",
                      "type": _image_type(item.image)})


def _render(feed: Feed, fmt: str) -> bytes:
    try:
        fg = _generator(feed, fmt)
        stamp = _Stamps()
        for item in feed.items:
            _entry(fg, item, fmt, stamp)
        out: bytes = (
            fg.rss_str(pretty=True) if fmt == "rss"
            else fg.atom_str(pretty=True)
        )
    except ValueError as exc:
        raise RenderError(f"the {fmt} feed cannot be written: {exc}") \
            from None
    return out if out.endswith(b"\n") else out + b"\n"


def to_rss(feed: Feed) -> bytes:
    """
    Write a feed as RSS 2.0, UTF-8.

    Items keep the feed's order; guids carry ``isPermaLink="false"``
    unless the item says its guid is a permalink; ``lastBuildDate`` is the
    feed's ``updated``; the channel links to itself with
    ``atom:link rel="self"``.  The summary goes into ``description`` (as
    escaped HTML, which is how readers take it) and the HTML content into
    ``content:encoded``.

    Args:
        feed: The feed.

    Returns:
        The XML document.

    Raises:
        RenderError: If feedgen refuses the feed (an empty title or link).

    .. versionadded:: 0.1.0
    """
    return _render(feed, "rss")


def to_atom(feed: Feed) -> bytes:
    """
    Write a feed as Atom 1.0, UTF-8.

    The feed's ``<id>`` is its own address and each entry's ``<id>`` is the
    item's guid; ``<updated>`` comes from the data.  Atom requires an
    author: the feed names itself (its title and home page).

    Args:
        feed: The feed.

    Returns:
        The XML document.

    Raises:
        RenderError: If feedgen refuses the feed (an empty title or id).

    .. versionadded:: 0.1.0
    """
    return _render(feed, "atom")


# -- JSON Feed ----------------------------------------------------------------


def _json_item(item: NewsItem, stamp: _Stamps) -> dict[str, Any]:
    s = _cleaner(item)
    out: dict[str, Any] = {
        "id": s(item.guid),
        "url": s(item.link),
        "title": s(item.title),
        "summary": s(item.summary),
        "content_html": s(item.content_html),
        "date_published": _rfc3339(stamp(item.published)),
    }
    if item.updated is not None:
        out["date_modified"] = _rfc3339(stamp(item.updated))
    if item.categories:
        out["tags"] = [s(c) for c in item.categories]
    if item.image:
        out["image"] = s(item.image)
    out["_showfacts"] = {
        "show": s(item.show),
        "season": item.season,
        "kind": s(item.kind),
        "certainty": item.certainty.value,
        "spoiler": item.spoiler,
    }
    return out


def to_json_feed(feed: Feed) -> bytes:
    """
    Write a feed as JSON Feed 1.1, UTF-8, with a final newline.

    Each item has ``id`` (the guid), ``url``, ``title``, ``summary``,
    ``content_html``, ``date_published``, and when there are some
    ``date_modified``, ``tags`` and ``image``; its ``_showfacts`` extension
    gives the show id, season number, kind, certainty and spoiler flag for
    apps.  Keys come in a fixed order.

    Args:
        feed: The feed.

    Returns:
        The JSON document.

    Raises:
        RenderError: If a date has no time zone.

    .. versionadded:: 0.1.0
    """
    doc: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": _s(feed.title),
        "home_page_url": _s(feed.link),
        "feed_url": _s(feed.feed_url),
        "description": _s(feed.description),
    }
    if feed.language:
        doc["language"] = _s(feed.language)
    doc["authors"] = [{"name": _s(feed.title), "url": _s(feed.link)}]
    stamp = _Stamps()
    doc["items"] = [_json_item(i, stamp) for i in feed.items]
    return (dumps_indented(doc) + "\n").encode("utf-8")


#: The writer of each format.
RENDERERS: dict[str, Callable[[Feed], bytes]] = {
    "rss": to_rss,
    "atom": to_atom,
    "json": to_json_feed,
}


#: A feed format.
FeedFormat = Literal["rss", "atom", "json"]
#: Every feed format, in the order a site writes them.
FORMATS: tuple[FeedFormat, ...] = ("rss", "atom", "json")


def render(feed: Feed, fmt: FeedFormat) -> bytes:
    """
    Write a feed in a format: ``rss``, ``atom`` or ``json``.

    Raises:
        RenderError: For another format, or if the writer fails.

    .. versionadded:: 0.1.0
    """
    try:
        writer = RENDERERS[fmt]
    except KeyError:
        raise RenderError(
            f"unknown feed format {fmt!r}; use rss, atom or json"
        ) from None
    return writer(feed)
