"""
Jinja2 filters for the JSON-LD script tag and fact cards.

Needs the ``jinja2`` extra (``pip install 'showfacts[jinja2]'``);
``import showfacts`` never imports this module.

>>> import jinja2, showfacts
>>> from showfacts.jinja2 import install
>>> env = jinja2.Environment(autoescape=True)
>>> install(env, base_url="https://example.org/tv/")
>>> show = showfacts.load("examples/ballard.yaml")
>>> page = env.from_string(
...     "{{ show | jsonld_script }}{{ show | fact_card(season=1) }}"
... ).render(show=show)
>>> page.startswith('<script type="application/ld+json">{"@context":')
True

The filters return :class:`markupsafe.Markup`, so autoescaping leaves
them alone; the escaping they need is done by
:func:`showfacts.markup.script_tag` and :func:`showfacts.markup.fact_card`,
the only way they build HTML.

=================  ==========================================================
filter             what it gives
=================  ==========================================================
``jsonld``         the graph (a dict) of a show, ``(show, n)`` or catalog
``jsonld_script``  the ``<script type="application/ld+json">`` element, for
                   a graph or for anything ``jsonld`` takes; ``nonce=``
                   sets a CSP nonce
``fact_card``      a show's fact card (``season=``, ``claims=``, ...)
=================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from showfacts.exceptions import RenderError
from showfacts.iris import Site
from showfacts.jsonld import JSONObject, Subject, to_jsonld
from showfacts.markup import fact_card, script_tag
from showfacts.models import Show


try:
    import jinja2
    import markupsafe
except ImportError as exc:  # pragma: no cover - the extra is installed
    msg = ("showfacts.jinja2 needs Jinja2; install it with "
           "pip install 'showfacts[jinja2]'")
    raise ImportError(msg) from exc


__all__ = ["install"]


def install(environment: jinja2.Environment, *,
            base_url: str | Site | None = None) -> None:
    """
    Add the ``jsonld``, ``jsonld_script`` and ``fact_card`` filters.

    Args:
        environment: The Jinja2 environment.
        base_url: The base URL pages are published under, for the IRIs;
            each filter also takes ``base_url=``.  Without either, a
            filter raises :class:`~showfacts.exceptions.ConfigurationError`
            rather than publish a guessed address.

    Raises:
        InputError: If the base URL is not an absolute http(s) URL.

    .. versionadded:: 0.1.0
    """
    fallback = (base_url if isinstance(base_url, Site) or base_url is None
                else Site(base_url))

    def where(given: str | Site | None) -> Site:
        if given:
            return given if isinstance(given, Site) else Site(given)
        if fallback is None:
            raise RenderError(
                "showfacts needs the base URL pages are published under: "
                "install(env, base_url='https://example.org/tv/'), or pass "
                "base_url= to the filter"
            )
        return fallback

    def jsonld(subject: Subject, base_url: str | Site | None = None, *,
               claims: bool = False, spoilers: bool = True,
               pending: bool = False) -> JSONObject:
        return to_jsonld(subject, where(base_url), claims=claims,
                         spoilers=spoilers, pending=pending)

    def jsonld_script(value: Mapping[str, Any] | Subject,
                      base_url: str | Site | None = None, *,
                      nonce: str | None = None, claims: bool = False,
                      spoilers: bool = True, pending: bool = False,
                      pretty: bool = False) -> markupsafe.Markup:
        graph = value if isinstance(value, Mapping) else jsonld(
            value, base_url, claims=claims, spoilers=spoilers,
            pending=pending,
        )
        return markupsafe.Markup(  # noqa: S704 - escaped by script_tag
            script_tag(graph, nonce=nonce, pretty=pretty)
        )

    def card(show: Show, season: int | None = None,
             base_url: str | Site | None = None, *, claims: bool = False,
             spoilers: bool = True, heading: int = 2) -> markupsafe.Markup:
        return markupsafe.Markup(  # noqa: S704 - escaped by fact_card
            fact_card(show, season, where(base_url), claims=claims,
                      spoilers=spoilers, heading=heading)
        )

    environment.filters["jsonld"] = jsonld
    environment.filters["jsonld_script"] = jsonld_script
    environment.filters["fact_card"] = card
