"""
The ``showfacts`` template tag library: ``{% load showfacts %}``.

See :mod:`showfacts.django` for the settings and a summary; each tag and
filter is described below.  All of them return HTML made by
:mod:`showfacts.markup`, marked safe as a whole; nothing from a show file
is marked safe on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template  # type: ignore[import-untyped]
from django.utils.safestring import mark_safe  # type: ignore[import-untyped]

from showfacts.django import site
from showfacts.exceptions import RenderError
from showfacts.iris import Site
from showfacts.jsonld import JSONObject, Subject, to_jsonld
from showfacts.markup import fact_card, page_fragment, script_tag
from showfacts.models import Catalog, Show


__all__ = [
    "register",
    "showfacts_card",
    "showfacts_card_filter",
    "showfacts_graph",
    "showfacts_jsonld",
    "showfacts_page",
    "showfacts_script",
]

#: The library Django finds as ``{% load showfacts %}``.
register = template.Library()


def _subject(value: Any, season: int | None, tag: str) -> Subject:
    """A show, a ``(show, n)`` pair or a catalog, checked."""
    if isinstance(value, Show):
        return value if season is None else (value, _season(season, tag))
    if season is not None:
        raise RenderError(
            f"{tag}: season= needs a show, not {type(value).__name__}"
        )
    if isinstance(value, Catalog):
        return value
    if (
        isinstance(value, tuple) and len(value) == 2
        and isinstance(value[0], Show)
    ):
        return (value[0], _season(value[1], tag))
    raise RenderError(
        f"{tag} takes a show, a (show, season number) pair or a catalog, "
        f"not {_kind(value)}"
    )


def _season(value: Any, tag: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RenderError(
            f"{tag}: a season number is a whole number, not {value!r}"
        )
    return value


def _kind(value: Any) -> str:
    if value is None or value == "":
        return "nothing (is the variable in the template's context?)"
    if isinstance(value, str):
        return f"the text {str(value)!r}"
    return type(value).__name__


def _safe(html: str) -> str:
    """Mark HTML from :mod:`showfacts.markup` safe, and only that."""
    safe: str = mark_safe(html)  # noqa: S308 - escaped by showfacts.markup
    return safe


def showfacts_graph(
    subject: Show | tuple[Show, int] | Catalog,
    season: int | None = None,
    *,
    base_url: str | Site | None = None,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
) -> JSONObject:
    """
    ``{% showfacts_graph show season=2 as graph %}``: the JSON-LD graph.

    Args:
        subject: A show, a ``(show, season number)`` pair or a catalog.
        season: Only this season of a show.
        base_url: Overrides the ``SHOWFACTS_BASE_URL`` setting.
        claims: As for :func:`showfacts.jsonld.to_jsonld`.
        spoilers: Idem.
        pending: Idem.

    Returns:
        The graph, a dict, to pass to ``showfacts_jsonld`` or read.

    Raises:
        ConfigurationError: Without a base URL.
        RenderError: For anything that is not a show, pair or catalog,
            or a season the show does not have.

    .. versionadded:: 0.1.0
    """
    tag = "showfacts_graph"
    return to_jsonld(_subject(subject, season, tag), site(base_url),
                     claims=claims, spoilers=spoilers, pending=pending)


def showfacts_jsonld(
    subject: Show | tuple[Show, int] | Catalog | Mapping[str, Any],
    season: int | None = None,
    *,
    base_url: str | Site | None = None,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
    nonce: str | None = None,
    pretty: bool = False,
) -> str:
    """
    ``{% showfacts_jsonld show %}``: the JSON-LD script element.

    ``subject`` may also be a graph (a mapping), such as
    ``showfacts_graph`` or :func:`showfacts.jsonld.article_jsonld`
    return; it is embedded as it is.

    Args:
        subject: A show, a ``(show, season number)`` pair, a catalog or a
            graph.
        season: Only this season of a show.
        base_url: Overrides the ``SHOWFACTS_BASE_URL`` setting.
        claims: As for :func:`showfacts.jsonld.to_jsonld`.
        spoilers: Idem.
        pending: Idem.
        nonce: A Content-Security-Policy nonce for the element.
        pretty: Indent the JSON.

    Returns:
        The ``<script type="application/ld+json">`` element, marked safe.

    Raises:
        ConfigurationError: Without a base URL.
        RenderError: For a subject of another kind, a season the show
            does not have, or a nonce with characters a nonce cannot have.

    .. versionadded:: 0.1.0
    """
    tag = "showfacts_jsonld"
    if isinstance(subject, Mapping):
        if season is not None:
            raise RenderError(f"{tag}: season= needs a show, not a graph")
        graph: Mapping[str, Any] = subject
    else:
        graph = to_jsonld(_subject(subject, season, tag), site(base_url),
                          claims=claims, spoilers=spoilers, pending=pending)
    return _safe(script_tag(graph, nonce=nonce, pretty=pretty))


def showfacts_card(
    show: Show,
    season: int | None = None,
    *,
    base_url: str | Site | None = None,
    claims: bool = False,
    spoilers: bool = True,
    heading: int = 2,
) -> str:
    """
    ``{% showfacts_card show season=2 %}``: a fact card with microdata.

    Args:
        show: The show.
        season: Only this season.
        base_url: Overrides the ``SHOWFACTS_BASE_URL`` setting.
        claims: As for :func:`showfacts.markup.fact_card`.
        spoilers: Idem.
        heading: Idem (1 to 4).

    Returns:
        The card, marked safe.

    Raises:
        ConfigurationError: Without a base URL.
        RenderError: If ``show`` is not a show, the show has no such
            season, or ``heading`` is out of range.

    .. versionadded:: 0.1.0
    """
    tag = "showfacts_card"
    if not isinstance(show, Show):
        raise RenderError(f"{tag} takes a show, not {_kind(show)}")
    number = None if season is None else _season(season, tag)
    return _safe(fact_card(show, number, site(base_url), claims=claims,
                           spoilers=spoilers, heading=heading))


def showfacts_page(
    subject: Show | tuple[Show, int] | Catalog,
    season: int | None = None,
    *,
    base_url: str | Site | None = None,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
    nonce: str | None = None,
    heading: int = 2,
) -> str:
    """
    ``{% showfacts_page show %}``: the script element, then the cards.

    Args:
        subject: A show, a ``(show, season number)`` pair or a catalog.
        season: Only this season of a show.
        base_url: Overrides the ``SHOWFACTS_BASE_URL`` setting.
        claims: As for :func:`showfacts.markup.page_fragment`.
        spoilers: Idem.
        pending: Idem.
        nonce: Idem.
        heading: Idem.

    Returns:
        The HTML, marked safe.

    Raises:
        ConfigurationError: Without a base URL.
        RenderError: As ``showfacts_jsonld`` and ``showfacts_card`` do.

    .. versionadded:: 0.1.0
    """
    tag = "showfacts_page"
    return _safe(page_fragment(
        _subject(subject, season, tag), site(base_url), claims=claims,
        spoilers=spoilers, pending=pending, nonce=nonce, heading=heading,
    ))


def showfacts_script(value: Any, season: int | None = None) -> str:
    """
    ``{{ show|showfacts_script }}``, ``{{ show|showfacts_script:2 }}``.

    The script element of a show (or of one season), a pair, a catalog or
    a graph, with the default options and the ``SHOWFACTS_BASE_URL``.

    .. versionadded:: 0.1.0
    """
    return showfacts_jsonld(value, season)


def showfacts_card_filter(value: Any, season: int | None = None) -> str:
    """
    ``{{ show|showfacts_card }}``, ``{{ show|showfacts_card:2 }}``.

    The fact card of a show (or of one season), with the default options
    and the ``SHOWFACTS_BASE_URL``.

    .. versionadded:: 0.1.0
    """
    return showfacts_card(value, season)


register.simple_tag(showfacts_graph, name="showfacts_graph")
register.simple_tag(showfacts_jsonld, name="showfacts_jsonld")
register.simple_tag(showfacts_card, name="showfacts_card")
register.simple_tag(showfacts_page, name="showfacts_page")
register.filter("showfacts_script", showfacts_script)
register.filter("showfacts_card", showfacts_card_filter)
