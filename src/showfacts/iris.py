"""
Addresses: the IRIs of nodes and the URLs of pages, all from one base URL.

Every output (JSON-LD, feeds, calendars, the static site) derives its
addresses here, so the same show always gets the same IRIs and the JSON-LD
``@id`` of a season is its page's URL plus a fragment.  Ids are lower-case
words of ``[a-z0-9._-]``, so addresses need no escaping.

===============================  ==========================================
what                             address
===============================  ==========================================
a show's page                    ``{base}shows/{show}/``
the TVSeries node                ``{base}shows/{show}/#series``
a season's page                  ``{base}shows/{show}/season-{n}/``
the TVSeason node                ``{base}shows/{show}/season-{n}/#season``
an episode node                  ``{base}shows/{show}/season-{n}/#episode-{e}``
a fact (timeline entry, guid)    ``{base}shows/{show}/#fact-{fact}``
a source (CreativeWork)          ``{base}shows/{show}/#source-{source}``
a person                         ``{base}people/{person}#person``
an organization                  ``{base}organizations/{org}#organization``
a character                      ``{base}characters/{character}#character``
a work                           ``{base}works/{work}#work``
a franchise                      ``{base}franchises/{franchise}#franchise``
a show's feeds                   ``{base}shows/{show}/feed.xml`` (RSS),
                                 ``atom.xml``, ``feed.json``
a season's feeds                 the same names under the season's page
the catalog's feeds              the same names under ``{base}``
the "what changed" feeds         the same names under ``{base}changes/``
a show's JSON-LD                 ``{base}shows/{show}/show.jsonld``
a show's calendar                ``{base}shows/{show}/premieres.ics``
===============================  ==========================================

People, organizations, characters, works and franchises are shared across
shows: two shows that name the same person id share one node.
"""

from __future__ import annotations

import re

import attrs

from showfacts.exceptions import InputError


__all__ = ["DEFAULT_BASE_URL", "FEED_FILES", "Site"]

#: The base URL the library's functions (``to_jsonld``, ``fact_card``)
#: use when none is given, for experiments.  The commands, the site and
#: the Jinja2 and Django integrations never fall back to it: they require
#: a base URL.
DEFAULT_BASE_URL = "http://localhost:8000/"

#: The file names of the feeds in each folder.
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}

_BASE = re.compile(
    r"^https?://[^\s/?#\"<>\\^`{|}]+(?:/[^\s?#\"<>\\^`{|}]*)?$"
)


def _normalize(base: str) -> str:
    if not _BASE.fullmatch(base):
        raise InputError(
            f"{base!r} is not an absolute http(s) base URL without query or "
            "fragment, such as https://example.org/tv/"
        )
    return base if base.endswith("/") else base + "/"


@attrs.frozen
class Site:
    """
    The addresses of everything under one base URL.

    >>> site = Site("https://example.org/tv")
    >>> site.base
    'https://example.org/tv/'
    >>> site.season_iri("ballard", 2)
    'https://example.org/tv/shows/ballard/season-2/#season'

    Raises:
        InputError: If the base is not an absolute http(s) URL.

    .. versionadded:: 0.1.0
    """

    base: str = attrs.field(converter=_normalize)

    # -- pages -------------------------------------------------------------

    def show_url(self, show: str) -> str:
        """The show's page."""
        return f"{self.base}shows/{show}/"

    def season_url(self, show: str, season: int) -> str:
        """The season's page."""
        return f"{self.show_url(show)}season-{season}/"

    # -- nodes -------------------------------------------------------------

    def show_iri(self, show: str) -> str:
        """The TVSeries node."""
        return f"{self.show_url(show)}#series"

    def season_iri(self, show: str, season: int) -> str:
        """The TVSeason node."""
        return f"{self.season_url(show, season)}#season"

    def episode_iri(self, show: str, season: int, episode: int) -> str:
        """The TVEpisode node."""
        return f"{self.season_url(show, season)}#episode-{episode}"

    def fact_iri(self, show: str, fact: str) -> str:
        """A fact: its timeline entry on the show page, and its guid."""
        return f"{self.show_url(show)}#fact-{fact}"

    def source_iri(self, show: str, source: str) -> str:
        """A source, as a CreativeWork node."""
        return f"{self.show_url(show)}#source-{source}"

    def person_iri(self, person: str) -> str:
        """A person, shared across shows."""
        return f"{self.base}people/{person}#person"

    def organization_iri(self, org: str) -> str:
        """An organization, shared across shows."""
        return f"{self.base}organizations/{org}#organization"

    def character_iri(self, character: str) -> str:
        """A character, shared across shows."""
        return f"{self.base}characters/{character}#character"

    def work_iri(self, work: str) -> str:
        """A work, shared across shows."""
        return f"{self.base}works/{work}#work"

    def franchise_iri(self, franchise: str) -> str:
        """A franchise, shared across shows."""
        return f"{self.base}franchises/{franchise}#franchise"

    # -- files ---------------------------------------------------------------

    def folder_url(self, show: str | None = None,
                   season: int | None = None) -> str:
        """The catalog's, a show's or a season's folder."""
        if show is None:
            return self.base
        if season is None:
            return self.show_url(show)
        return self.season_url(show, season)

    def feed_url(self, fmt: str, show: str | None = None,
                 season: int | None = None) -> str:
        """
        Where a feed is published: ``fmt`` is ``rss``, ``atom`` or ``json``.

        Raises:
            ValueError: For another format.
        """
        try:
            name = FEED_FILES[fmt]
        except KeyError:
            msg = f"unknown feed format {fmt!r}; use rss, atom or json"
            raise ValueError(msg) from None
        return self.folder_url(show, season) + name

    def changes_url(self, fmt: str) -> str:
        """
        Where the "what changed" feed is published, in ``fmt``.

        Raises:
            ValueError: For a format other than rss, atom or json.
        """
        return self.feed_url(fmt).replace(self.base, f"{self.base}changes/",
                                          1)

    def calendar_url(self, show: str | None = None) -> str:
        """Where a premiere calendar is published."""
        return self.folder_url(show) + "premieres.ics"

    def jsonld_url(self, show: str | None = None) -> str:
        """Where a show's (or the catalog's) JSON-LD file is published."""
        return self.folder_url(show) + (
            "show.jsonld" if show else "catalog.jsonld"
        )
