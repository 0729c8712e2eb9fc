"""
schema.org JSON-LD: one linked ``@graph`` for a show, a season or a catalog.

>>> import showfacts
>>> from showfacts.jsonld import to_jsonld, dumps_jsonld
>>> show = showfacts.load("examples/ballard.yaml")
>>> graph = to_jsonld((show, 1), "https://example.org/tv/")
>>> season = next(n for n in graph["@graph"] if n["@type"] == "TVSeason")
>>> season["@id"], season["startDate"]
('https://example.org/tv/shows/ballard/season-1/#season', '2025-07')

The rules, in short (``docs/jsonld.md`` has the whole mapping):

* Only **confirmed, current** facts become typed schema.org statements;
  dates only at the precision ISO 8601 can say (``2025-07`` stays a month;
  "summer or fall 2026" is never a date).  Everything else is left out, or,
  with ``claims=True``, published as a ``Claim`` whose ``text`` says how
  sure it is ("Expected: ...").  ``Claim`` and ``appearance`` are pending
  schema.org terms, and so is ``creativeWorkStatus`` (``pending=True``).
* A season is a ``TVSeason`` node only when a current confirmed fact is
  about it; a season known only from rumours is not said to exist.
* Every node with an ``@id`` appears once, at the top of ``@graph``, sorted
  by ``@id``; people, organizations, characters, works and franchises are
  shared by IRI (see :mod:`showfacts.iris`) across seasons and shows.
  Roles, places, countries and release events are nested blank nodes.
* Output is deterministic: the same input gives the same graph, with keys
  in a fixed order (``@context``, ``@graph``, ``@id``, ``@type``, then
  alphabetical).  :func:`dumps_jsonld` writes it compact, or indented.
* Text from data files passes through :func:`publishable`: control
  characters that XML 1.0 cannot carry are removed and broken surrogates
  become U+FFFD, so the same text can go into HTML and XML too.  To embed
  a graph in a page, use :func:`showfacts.markup.script_tag`, never
  ``json.dumps``.
"""


from __future__ import annotations

from typing import TypeAlias

from showfacts._text import publishable
from showfacts.jsonld import _graph
from showfacts.jsonld._article import (
    Article,
    Author,
    Publisher,
    article_jsonld,
)
from showfacts.jsonld._check import check_graph
from showfacts.jsonld._claims import claim_text
from showfacts.jsonld._graph import dumps_jsonld
from showfacts.jsonld._mapping import to_jsonld


__all__ = [
    "CONTEXT",
    "ENTRY_TYPES",
    "PENDING_TERMS",
    "Article",
    "Author",
    "JSONObject",
    "JSONValue",
    "Publisher",
    "Subject",
    "article_jsonld",
    "check_graph",
    "claim_text",
    "dumps_jsonld",
    "publishable",
    "to_jsonld",
]

# The public constants, documented here (they are defined in _graph, which
# every part of the package imports).

#: The ``@context`` of every graph.
CONTEXT = _graph.CONTEXT

#: The pending (not yet stable) schema.org terms showfacts can emit, each
#: only behind an option: ``Claim`` and ``appearance`` with ``claims=True``,
#: ``creativeWorkStatus`` and ``creditText`` (an image's credit) with
#: ``pending=True``.
PENDING_TERMS = _graph.PENDING_TERMS

#: Node types that may stand in a graph without being referenced: the
#: series, the claims about them, the article that is the page.
ENTRY_TYPES = _graph.ENTRY_TYPES

#: Any JSON value, as :mod:`json` reads and writes it.
JSONValue: TypeAlias = _graph.JSONValue

#: A JSON object, such as the graph :func:`to_jsonld` returns.
JSONObject: TypeAlias = _graph.JSONObject

#: What :func:`to_jsonld` accepts: a show, a show and a season number, or
#: a catalog.
Subject: TypeAlias = _graph.Subject
