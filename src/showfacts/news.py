"""
News: the unit that feeds publish.

A :class:`NewsItem` is one piece of news about a show (a renewal, a date set
or moved, a casting, a change between two versions of the data), already in
words and with a stable id; a :class:`Feed` is a channel of them, newest
first.  Feed writers (RSS, Atom, JSON Feed) render a :class:`Feed` and know
nothing about shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from showfacts.models import Certainty


__all__ = ["Feed", "NewsItem"]


def _aware(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value.utcoffset() is None:
        msg = f"'{attribute.name}' must be a datetime with a time zone"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class NewsItem:
    """
    One piece of news, ready to publish.

    Attributes:
        guid: Never changes for the same news; an IRI.
        title: Plain text; says how sure the news is below "confirmed".
        summary: Plain text.
        content_html: HTML that cites the sources as links, escaped.
        published: When the news was announced (time-zone aware).
        updated: When it last changed, if it did.
        link: The page to read more on.
        categories: Show, season and kind.
        show: The show's id.
        season: The season number, if the news is about one.
        kind: What kind of news ("renewed", "premiere", "cast", ...).
        certainty: How sure the news is.
        spoiler: Whether it gives away a plot point.
        image: An image to enclose, if any.
        permalink: Whether ``guid`` is also the item's permanent URL.

    .. versionadded:: 0.1.0
    """

    guid: str
    title: str
    summary: str
    content_html: str
    published: dt.datetime = attrs.field(validator=_aware)
    updated: dt.datetime | None = attrs.field(default=None, validator=_aware)
    link: str
    categories: tuple[str, ...] = ()
    show: str
    season: int | None = None
    kind: str
    certainty: Certainty
    spoiler: bool = False
    image: str | None = None
    permalink: bool = False


@attrs.frozen(kw_only=True)
class Feed:
    """
    A channel of news items, newest first.

    Attributes:
        title: The channel's title.
        link: The channel's home page.
        feed_url: Where the feed itself is published (``rel="self"``).
        description: What the channel is.
        language: A BCP 47 tag.
        image: The channel's image URL.
        updated: When the newest item changed: derived from the data, never
            the clock.
        items: The items, newest first.

    .. versionadded:: 0.1.0
    """

    title: str
    link: str
    feed_url: str
    description: str
    language: str | None = None
    image: str | None = None
    updated: dt.datetime = attrs.field(validator=_aware)
    items: tuple[NewsItem, ...] = ()
