"""
Django template tags for the JSON-LD script tag and fact cards.

Needs the ``django`` extra (``pip install 'showfacts[django]'``);
``import showfacts`` never imports Django.

Add the app and the base URL your pages are published under to the
settings::

    INSTALLED_APPS = [..., "showfacts.django"]
    SHOWFACTS_BASE_URL = "https://example.org/tv/"

then load the tag library in a template::

    {% load showfacts %}
    <head>{% showfacts_jsonld show season=2 nonce=csp_nonce %}</head>
    <main>{% showfacts_card show season=2 claims=True %}</main>

============================  ===============================================
tag or filter                 what it gives
============================  ===============================================
``{% showfacts_jsonld %}``    the ``<script type="application/ld+json">``
                              element of a show, a season (``season=N``), a
                              catalog, or a graph you built yourself (such
                              as :func:`showfacts.jsonld.article_jsonld`
                              returns); ``claims=``, ``spoilers=``,
                              ``pending=``, ``nonce=``, ``pretty=``,
                              ``base_url=``
``{% showfacts_card %}``      a show's or season's fact card; ``claims=``,
                              ``spoilers=``, ``heading=``, ``base_url=``
``{% showfacts_page %}``      the script element, then a card per show
                              (:func:`showfacts.markup.page_fragment`)
``{% showfacts_graph %}``     the graph itself, for ``{% ... as graph %}``
``|showfacts_script``         the script element, with defaults; the
                              argument is a season number
``|showfacts_card``           the fact card, with defaults; the argument is
                              a season number
============================  ===============================================

Every tag and filter returns HTML built by :func:`showfacts.markup.script_tag`
and :func:`showfacts.markup.fact_card`, the only way showfacts writes HTML,
and marks only that HTML safe: no text from a show file is ever marked
safe on its own, so autoescaping neither skips nor doubles any escaping.

The base URL is the ``base_url=`` argument when given, else the
``SHOWFACTS_BASE_URL`` setting; without either, rendering raises
:class:`ConfigurationError`, rather than publishing addresses under
``localhost``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from showfacts.exceptions import ShowfactsError
from showfacts.iris import Site


try:
    from django.conf import settings  # type: ignore[import-untyped]
    from django.core.exceptions import (  # type: ignore[import-untyped]
        ImproperlyConfigured,
    )
except ImportError as exc:  # pragma: no cover - the extra is installed
    msg = ("showfacts.django needs Django; install it with "
           "pip install 'showfacts[django]'")
    raise ImportError(msg) from exc


__all__ = ["SETTING", "ConfigurationError", "site"]

#: The Django setting that holds the base URL.
SETTING = "SHOWFACTS_BASE_URL"


class ConfigurationError(ShowfactsError, ImproperlyConfigured):  # type: ignore[misc]
    """
    showfacts is not set up in the Django settings.

    It is both a :class:`~showfacts.exceptions.ShowfactsError` and
    Django's ``ImproperlyConfigured``.

    .. versionadded:: 0.1.0
    """


def site(base_url: str | Site | None = None) -> Site:
    """
    The addresses to publish under: ``base_url``, else the setting.

    Args:
        base_url: A base URL (or a :class:`~showfacts.iris.Site`) that
            overrides ``SHOWFACTS_BASE_URL``.

    Returns:
        The site.

    Raises:
        ConfigurationError: If neither ``base_url`` nor the setting is
            given.
        InputError: If the base URL is not an absolute http(s) URL.

    .. versionadded:: 0.1.0
    """
    if isinstance(base_url, Site):
        return base_url
    if base_url is None:
        base_url = getattr(settings, SETTING, None)
    if base_url is None or base_url == "":
        raise ConfigurationError(
            f"showfacts needs the base URL pages are published under: set "
            f"{SETTING} in the Django settings (for example "
            f"{SETTING} = 'https://example.org/tv/'), or pass base_url= "
            "to the tag"
        )
    if not isinstance(base_url, str):
        raise ConfigurationError(
            f"{SETTING} must be a URL string such as "
            f"'https://example.org/tv/', not {type(base_url).__name__}"
        )
    return Site(base_url)
