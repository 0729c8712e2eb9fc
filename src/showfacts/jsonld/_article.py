"""The graph of a news article page about a show or a season."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from showfacts.exceptions import InvalidDataError, Problem
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.jsonld._graph import JSONObject, _Options, _ref, _text
from showfacts.jsonld._mapping import _build, _site
from showfacts.models import URL_PATTERN, Show


_URL_RE = re.compile(URL_PATTERN)


def _problem(attribute: attrs.Attribute[Any], message: str) -> (
    InvalidDataError
):
    return InvalidDataError([Problem(path=f"$.{attribute.name}",
                                     message=message)])


def _url(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _URL_RE.fullmatch(value):
        raise _problem(attribute, f"'{attribute.name}' must be an absolute "
                       f"http(s) URL, not {value!r}")


def _optional_url(instance: Any, attribute: attrs.Attribute[Any],
                  value: Any) -> None:
    if value is not None:
        _url(instance, attribute, value)


def _urls(instance: Any, attribute: attrs.Attribute[Any],
          value: Any) -> None:
    for url in value:
        _url(instance, attribute, url)


def _named(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _problem(attribute,
                       f"'{attribute.name}' must be a non-empty string")


def _aware(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise _problem(attribute, f"'{attribute.name}' must be a datetime "
                       f"with a time zone, not {value!r}")


@attrs.frozen(kw_only=True)
class Author:
    """
    Who wrote an article.

    Attributes:
        name: The name, as the byline gives it.
        url: The author's page.
        organization: ``True`` when the author is an organization (a
            desk, an agency), not a person.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_named)
    url: str | None = attrs.field(default=None, validator=_optional_url)
    organization: bool = False


@attrs.frozen(kw_only=True)
class Publisher:
    """
    The organization that publishes an article.

    Attributes:
        name: Its name.
        url: Its home page.
        logo: Its logo's URL (Google asks for one).

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_named)
    url: str | None = attrs.field(default=None, validator=_optional_url)
    logo: str | None = attrs.field(default=None, validator=_optional_url)


def _authors(value: Iterable[Author]) -> tuple[Author, ...]:
    return tuple(value)


def _images(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Article:
    """
    A news article page about a show or a season.

    Attributes:
        url: The page's absolute URL (its ``mainEntityOfPage``); the
            article's ``@id`` is this URL with the fragment ``#article``.
        headline: The headline.
        published: When it was first published, with a time zone.
        modified: When it last changed, with a time zone.
        authors: The byline.
        publisher: The publishing organization, with its logo.
        images: Absolute image URLs (Google suggests 16x9, 4x3 and 1x1).
        section: The section it appears in.
        language: Its BCP 47 language tag.
        source: The id of the show's source that *is* this article: the
            article then takes that source's IRI, so the claims it backs
            cite the article node.

    Raises:
        InvalidDataError: For a relative URL, a naive datetime or an
            empty headline.

    .. versionadded:: 0.1.0
    """

    url: str = attrs.field(validator=_url)
    headline: str = attrs.field(validator=_named)
    published: dt.datetime = attrs.field(validator=_aware)
    modified: dt.datetime | None = attrs.field(default=None,
                                               validator=_aware)
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    publisher: Publisher | None = None
    images: tuple[str, ...] = attrs.field(default=(), converter=_images,
                                          validator=_urls)
    section: str | None = None
    language: str | None = None
    source: str | None = None


def article_jsonld(
    article: Article,
    subject: Show | tuple[Show, int],
    base_url: str | Site = DEFAULT_BASE_URL,
    *,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
) -> JSONObject:
    """
    The graph of an article page: a ``NewsArticle`` and what it is about.

    The article is ``about`` the season (when the season is a node) or the
    series, and ``mentions`` the people and the other series the graph
    names.  Its dates carry their time zone.

    >>> import datetime as dt, showfacts
    >>> show = showfacts.load("examples/ballard.yaml")
    >>> page = Article(
    ...     url="https://news.example/ballard-season-2",
    ...     headline="When does Ballard Season 2 drop?",
    ...     published=dt.datetime(2026, 2, 1, 9, tzinfo=dt.timezone.utc),
    ... )
    >>> graph = article_jsonld(page, (show, 2), "https://example.org/tv/")
    >>> node = next(n for n in graph["@graph"] if n["@type"] == "NewsArticle")
    >>> node["about"], node["datePublished"]
    ({'@id': 'https://example.org/tv/shows/ballard/season-2/#season'}, \
'2026-02-01T09:00:00+00:00')

    Args:
        article: The page.
        subject: The show, or a ``(show, season number)`` pair.
        base_url: As for :func:`to_jsonld`.
        claims: As for :func:`to_jsonld`.
        spoilers: As for :func:`to_jsonld`.
        pending: As for :func:`to_jsonld`.

    Returns:
        One graph holding the article and the show's or season's nodes.

    Raises:
        InvalidDataError: If ``article.source`` is not one of the show's
            sources.
        RenderError: If the show has no such season.

    .. versionadded:: 0.1.0
    """
    site = _site(base_url)
    options = _Options(claims=claims, spoilers=spoilers, pending=pending)
    graph = _build(subject, site, options)
    show = subject if isinstance(subject, Show) else subject[0]
    series = site.show_iri(show.id)
    about = series
    if isinstance(subject, tuple):
        season = site.season_iri(show.id, subject[1])
        if season in graph.nodes:
            about = season
    if article.source is not None:
        try:
            show.source(article.source)
        except KeyError:
            known = ", ".join(repr(s.id) for s in show.sources) or "none"
            raise InvalidDataError([Problem(
                path="$.source",
                message=f"unknown source {article.source!r} of show "
                f"{show.id!r} (declared: {known})",
            )]) from None
        iri = site.source_iri(show.id, article.source)
    else:
        iri = article.url.split("#", 1)[0] + "#article"
    graph.replace(iri, "NewsArticle")
    add = graph.add
    add(iri, "headline", _text(article.headline))
    add(iri, "url", article.url)
    add(iri, "mainEntityOfPage", article.url)
    add(iri, "datePublished", article.published.isoformat())
    if article.modified is not None:
        add(iri, "dateModified", article.modified.isoformat())
    # Nested nodes are built with their keys in the order they are written.
    for author in article.authors:
        node: dict[str, Any] = {
            "@type": "Organization" if author.organization else "Person",
            "name": _text(author.name),
        }
        if author.url:
            node["url"] = author.url
        add(iri, "author", node)
    if article.publisher is not None:
        publisher = article.publisher
        node = {"@type": "Organization"}
        if publisher.logo:
            node["logo"] = publisher.logo
        node["name"] = _text(publisher.name)
        if publisher.url:
            node["url"] = publisher.url
        add(iri, "publisher", node)
    graph.add_all(iri, "image", article.images)
    add(iri, "articleSection", _text(article.section))
    add(iri, "inLanguage", article.language)
    add(iri, "about", _ref(about))
    mentions = [i for i in graph.people if i in graph.nodes]
    mentions += [i for i in graph.series if i in graph.nodes and i != about]
    for mention in sorted(mentions):
        add(iri, "mentions", _ref(mention))
    return graph.finish()
