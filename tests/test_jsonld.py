"""
Tests of the schema.org JSON-LD graph, its checks and ``showfacts jsonld``.

The first part holds the checks every graph goes through, which
``test_markup`` reuses:

* :func:`check_graph` (showfacts' own: no dangling @id, duplicate or orphan
  node);
* a check of every type and property against :data:`TERMS`, a small table
  of the schema.org terms showfacts emits with their domains and ranges
  (not a copy of the vocabulary: only the terms we use, and only the
  domains and ranges we rely on; a test checks the table against the real
  vocabulary when ``../shared`` exists);
* ``../shared/tools/sdo_check.py`` in-process, when ``../shared`` exists;
* pyld expansion and rdflib parsing, with the schema.org context served
  from ``../shared/vocab`` (or a minimal context with the same
  ``@vocab``), never from the network.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import io
import json
import os
import random
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import showfacts
from showfacts import cli, loading
from showfacts.exceptions import InputError, InvalidDataError, RenderError
from showfacts.iris import Site
from showfacts.jsonld import (
    CONTEXT,
    Article,
    Author,
    Publisher,
    article_jsonld,
    check_graph,
    claim_text,
    dumps_jsonld,
    publishable,
    to_jsonld,
)
from showfacts.models import Catalog, Tease
from tests import strategies
from tests.conftest import EXAMPLES, ROOT, SHARED, declared


#: Commands that publish addresses need the base URL.
ADDRESS = ["--base-url", "https://example.org/tv/"]


SDO_CHECK = SHARED / "tools" / "sdo_check.py"
CONTEXT_FILE = SHARED / "vocab" / "schemaorgcontext.jsonld"
SCHEMA_IRIS = ("http://schema.org/", "https://schema.org/")

# -- the table of terms -------------------------------------------------------

#: Each type showfacts emits, with its direct parents among these types.
TYPES: dict[str, tuple[str, ...]] = {
    "Thing": (),
    "CreativeWork": ("Thing",),
    "Article": ("CreativeWork",),
    "NewsArticle": ("Article",),
    "Claim": ("CreativeWork",),
    "CreativeWorkSeries": ("CreativeWork",),
    "TVSeries": ("CreativeWorkSeries",),
    "BookSeries": ("CreativeWorkSeries",),
    "ComicSeries": ("CreativeWorkSeries",),
    "CreativeWorkSeason": ("CreativeWork",),
    "TVSeason": ("CreativeWorkSeason",),
    "Episode": ("CreativeWork",),
    "TVEpisode": ("Episode",),
    "Book": ("CreativeWork",),
    "VideoGame": ("CreativeWork",),
    "Movie": ("CreativeWork",),
    "MediaObject": ("CreativeWork",),
    "ImageObject": ("MediaObject",),
    "Person": ("Thing",),
    "Organization": ("Thing",),
    "Place": ("Thing",),
    "Country": ("Place",),
    "Role": ("Thing",),
    "PerformanceRole": ("Role",),
    "Event": ("Thing",),
    "PublicationEvent": ("Event",),
    "OnDemandEvent": ("PublicationEvent",),
    "BroadcastEvent": ("PublicationEvent",),
}

_CW = frozenset({"CreativeWork"})
_AGENT = frozenset({"Organization", "Person"})
_SEASONAL = frozenset({"CreativeWorkSeason", "Episode", "TVSeries"})
_DATES = frozenset({"Date", "DateTime"})

#: Each property showfacts emits: (domains, ranges) as schema.org states
#: them, limited to what showfacts uses.  Data types: Text, URL, Integer,
#: Date, DateTime, Duration.
TERMS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "about": (_CW, frozenset({"Thing"})),
    "actor": (_SEASONAL, frozenset({"Person"})),
    "alternateName": (frozenset({"Thing"}), frozenset({"Text"})),
    "appearance": (frozenset({"Claim"}), _CW),
    "articleSection": (frozenset({"Article"}), frozenset({"Text"})),
    "author": (_CW, _AGENT),
    "award": (_CW | _AGENT, frozenset({"Text"})),
    "caption": (frozenset({"ImageObject"}), frozenset({"Text"})),
    "contentUrl": (frozenset({"MediaObject"}), frozenset({"URL"})),
    "creditText": (_CW, frozenset({"Text"})),
    "character": (_CW, frozenset({"Person"})),
    "characterName": (frozenset({"PerformanceRole"}), frozenset({"Text"})),
    "containsSeason": (frozenset({"TVSeries"}),
                       frozenset({"CreativeWorkSeason"})),
    "countryOfOrigin": (_CW, frozenset({"Country"})),
    "creativeWorkStatus": (_CW, frozenset({"Text"})),
    "creator": (_CW, _AGENT),
    "dateModified": (_CW, _DATES),
    "datePublished": (_CW, _DATES),
    "description": (frozenset({"Thing"}), frozenset({"Text"})),
    "director": (_SEASONAL, frozenset({"Person"})),
    "duration": (frozenset({"Episode", "Event"}), frozenset({"Duration"})),
    "endDate": (frozenset({"CreativeWorkSeason", "CreativeWorkSeries",
                           "Event", "Role"}), _DATES),
    "episode": (frozenset({"CreativeWorkSeason", "TVSeries"}),
                frozenset({"Episode"})),
    "episodeNumber": (frozenset({"Episode"}), frozenset({"Integer"})),
    "genre": (_CW, frozenset({"Text"})),
    "hasPart": (_CW, _CW),
    "headline": (_CW, frozenset({"Text"})),
    "image": (frozenset({"Thing"}), frozenset({"URL", "ImageObject"})),
    "inLanguage": (frozenset({"CreativeWork", "Event"}),
                   frozenset({"Text"})),
    "isBasedOn": (_CW, _CW),
    "isPartOf": (_CW, _CW),
    "keywords": (_CW, frozenset({"Text"})),
    "location": (frozenset({"Event", "Organization"}),
                 frozenset({"Place"})),
    "locationCreated": (_CW, frozenset({"Place"})),
    "logo": (frozenset({"Organization"}), frozenset({"URL"})),
    "mainEntityOfPage": (frozenset({"Thing"}), frozenset({"URL"})),
    "mentions": (_CW, frozenset({"Thing"})),
    "name": (frozenset({"Thing"}), frozenset({"Text"})),
    "numberOfEpisodes": (frozenset({"CreativeWorkSeason", "TVSeries"}),
                         frozenset({"Integer"})),
    "numberOfSeasons": (frozenset({"TVSeries"}), frozenset({"Integer"})),
    "parentOrganization": (frozenset({"Organization"}),
                           frozenset({"Organization"})),
    "partOfSeason": (frozenset({"Episode"}),
                     frozenset({"CreativeWorkSeason"})),
    "partOfSeries": (frozenset({"CreativeWorkSeason", "Episode"}),
                     frozenset({"CreativeWorkSeries"})),
    "producer": (_CW, _AGENT),
    "productionCompany": (_SEASONAL, frozenset({"Organization"})),
    "publishedBy": (frozenset({"PublicationEvent"}), _AGENT),
    "publisher": (_CW, _AGENT),
    "releasedEvent": (_CW, frozenset({"PublicationEvent"})),
    "roleName": (frozenset({"Role"}), frozenset({"Text"})),
    "sameAs": (frozenset({"Thing"}), frozenset({"URL"})),
    "seasonNumber": (frozenset({"CreativeWorkSeason"}),
                     frozenset({"Integer"})),
    "startDate": (frozenset({"CreativeWorkSeason", "CreativeWorkSeries",
                             "Event", "Role"}), _DATES),
    "subjectOf": (frozenset({"Thing"}), frozenset({"CreativeWork", "Event"})),
    "text": (_CW, frozenset({"Text"})),
    "url": (frozenset({"Thing"}), frozenset({"URL"})),
}

#: The pending terms among them.
PENDING = frozenset({"Claim", "appearance", "creativeWorkStatus",
                     "creditText"})

DATATYPES = frozenset({"Text", "URL", "Integer", "Date", "DateTime",
                       "Duration"})

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:\d{2})$"
)
_DURATION = re.compile(r"^PT\d+M$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


@functools.cache
def ancestors(kind: str) -> frozenset[str]:
    """A type and every type above it in :data:`TYPES`."""
    found = {kind}
    for parent in TYPES.get(kind, ()):
        found |= ancestors(parent)
    return frozenset(found)


def _types(node: Mapping[str, Any]) -> list[str]:
    kind = node.get("@type", [])
    return kind if isinstance(kind, list) else [kind]


def _literal_ok(value: Any, ranges: frozenset[str]) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return "Integer" in ranges
    if not isinstance(value, str):
        return False
    return any((
        "Text" in ranges,
        "URL" in ranges and bool(_URL.match(value)),
        "Date" in ranges and bool(_DATE.match(value)),
        "DateTime" in ranges and bool(_DATETIME.match(value)),
        "Duration" in ranges and bool(_DURATION.match(value)),
    ))


def table_problems(graph: Mapping[str, Any]) -> list[str]:
    """Every use of a term against :data:`TYPES` and :data:`TERMS`."""
    problems: list[str] = []
    defined = {n["@id"]: _types(n) for n in graph["@graph"]}

    def node(value: Mapping[str, Any], path: str, role_of: str | None) -> (
        None
    ):
        kinds = _types(value)
        above: set[str] = set()
        for kind in kinds:
            if kind not in TYPES:
                problems.append(f"{path}: type {kind!r} is not in the table")
            above |= ancestors(kind)
        for prop, values in value.items():
            if prop.startswith("@"):
                continue
            if prop not in TERMS:
                problems.append(f"{path}.{prop}: not in the table")
                continue
            domains, ranges = TERMS[prop]
            if not above & domains and not (
                "Role" in above and prop == role_of
            ):
                problems.append(f"{path}.{prop}: not for {kinds}")
            for i, item in enumerate(
                values if isinstance(values, list) else [values]
            ):
                where = f"{path}.{prop}[{i}]"
                if isinstance(item, Mapping):
                    if set(item) == {"@id"}:
                        target = defined.get(item["@id"], [])
                        if not any(ancestors(t) & ranges for t in target):
                            problems.append(f"{where}: {target} for {prop}")
                        continue
                    inner = set().union(*(ancestors(t)
                                          for t in _types(item)))
                    if not inner & ranges and not (
                        "Role" in inner and prop in item
                    ):
                        problems.append(f"{where}: {_types(item)} for {prop}")
                    node(item, where, prop)
                elif not _literal_ok(item, ranges):
                    problems.append(f"{where}: {item!r} is not {ranges}")

    for i, top in enumerate(graph["@graph"]):
        node(top, f"$.@graph[{i}]", None)
    return problems


def pending_terms(graph: Mapping[str, Any]) -> set[str]:
    """The pending terms a graph uses."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            found.update(t for t in _types(value) if t in PENDING)
            for key, item in value.items():
                if key in PENDING:
                    found.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(graph.get("@graph", []))
    return found


# -- sdo_check ----------------------------------------------------------------


@functools.cache
def sdo_check() -> Any:
    """``../shared/tools/sdo_check.py``, loaded once, or ``None``."""
    if not SDO_CHECK.exists():
        return None
    spec = importlib.util.spec_from_file_location("sdo_check", SDO_CHECK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def vocabulary() -> Any:
    """The schema.org vocabulary, loaded once per session."""
    module = sdo_check()
    return None if module is None else module.Vocab()


def sdo_report(graph: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """sdo_check's findings: (severity, source, path, message)."""
    module = sdo_check()
    checker = module.Checker(vocabulary())
    return list(checker.check_document(json.loads(json.dumps(graph))).items)


def sdo_problems(graph: Mapping[str, Any],
                 allowed: frozenset[str] = frozenset()) -> list[str]:
    """Errors, and warnings other than pending terms that were asked for."""
    problems = []
    for severity, _, path, message in sdo_report(graph):
        if severity == "WARN" and "is pending" in message and any(
            re.search(rf"\b{term}\b is pending", message) for term in allowed
        ):
            continue
        problems.append(f"{severity} {path}: {message}")
    return problems


# -- pyld and rdflib ----------------------------------------------------------

#: The least of the schema.org context that matters here, for when
#: ``../shared`` is absent.
_MINIMAL_CONTEXT = {"@context": {
    "@vocab": "http://schema.org/",
    "url": {"@type": "@id"},
    "sameAs": {"@type": "@id"},
    "image": {"@type": "@id"},
    "logo": {"@type": "@id"},
    "mainEntityOfPage": {"@type": "@id"},
}}


@functools.cache
def schema_context() -> dict[str, Any]:
    """The document ``https://schema.org`` serves as a context."""
    if CONTEXT_FILE.exists():
        loaded: dict[str, Any] = json.loads(
            CONTEXT_FILE.read_text(encoding="utf-8")
        )
        return loaded
    return _MINIMAL_CONTEXT


def _loader(url: str, options: Any = None) -> dict[str, Any]:  # noqa: ARG001
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": schema_context()}
    msg = f"the tests fetch nothing from the network: {url}"
    raise AssertionError(msg)


def expand(graph: Mapping[str, Any]) -> list[Any]:
    """The expansion by pyld, with the context served locally."""
    from pyld import jsonld

    expanded: list[Any] = jsonld.expand(
        json.loads(json.dumps(graph)), {"documentLoader": _loader}
    )
    return expanded


def _expanded_nodes(value: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        if "@value" not in value:
            yield value
        for item in value.values():
            yield from _expanded_nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _expanded_nodes(item)


def pyld_problems(graph: Mapping[str, Any]) -> list[str]:
    """Expanded property and type IRIs that are not schema.org's."""
    problems = []
    for node in _expanded_nodes(expand(graph)):
        problems.extend(
            f"property {key!r}" for key in node
            if not key.startswith("@") and not key.startswith(SCHEMA_IRIS)
        )
        problems.extend(
            f"type {kind!r}" for kind in node.get("@type", [])
            if not kind.startswith(SCHEMA_IRIS)
        )
        iri = node.get("@id")
        if iri is not None and not iri.startswith(("http://", "https://")):
            problems.append(f"relative @id {iri!r}")
    return problems


def _terms(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            found.add(key)
            if key == "@type":
                found.update(item if isinstance(item, list) else [item])
            _terms(item, found)
    elif isinstance(value, list):
        for item in value:
            _terms(item, found)
    return found


def context_for(graph: Mapping[str, Any]) -> dict[str, Any]:
    """
    The schema.org context, cut down to the terms a graph uses.

    Same meaning for that graph; rdflib processes the whole context on
    every parse, which is slow.
    """
    used = _terms(graph.get("@graph", []), set())
    full = schema_context()["@context"]
    return {k: v for k, v in full.items()
            if k.startswith("@") or k in used or k == "schema"}


def rdf(graph: Mapping[str, Any]) -> Any:
    """The graph as an rdflib Graph, the context substituted inline."""
    import rdflib

    document = dict(graph)
    document["@context"] = context_for(graph)
    parsed = rdflib.Graph()
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph.
        warnings.filterwarnings("ignore", category=DeprecationWarning,
                                module="rdflib")
        parsed.parse(data=json.dumps(document), format="json-ld")
    return parsed


def check_all(graph: Mapping[str, Any], *, claims: bool = False,
              pending: bool = False, rdf_too: bool = True) -> None:
    """Every check at once; fails with every problem found."""
    problems = [f"graph: {p}" for p in check_graph(graph)]
    problems += [f"table: {p}" for p in table_problems(graph)]
    allowed = set()
    if claims:
        allowed |= {"Claim", "appearance"}
    if pending:
        allowed |= {"creativeWorkStatus", "creditText"}
    extra = pending_terms(graph) - allowed
    problems += [f"pending term {t!r} without its option" for t in extra]
    if sdo_check() is not None:
        problems += [f"sdo_check: {p}"
                     for p in sdo_problems(graph, frozenset(allowed))]
    if rdf_too:
        problems += [f"pyld: {p}" for p in pyld_problems(graph)]
        assert len(rdf(graph)) > 0
    assert [] == problems


# == the tests ================================================================



BASE = "https://example.org/tv/"
SITE = Site(BASE)
EXAMPLE_FILES = sorted(
    p for p in EXAMPLES.iterdir()
    if p.suffix in (".yaml", ".json", ".toml")
)
needs_shared = pytest.mark.skipif(
    not SDO_CHECK.exists(), reason=f"{SDO_CHECK} is not here"
)


@functools.cache
def ballard() -> showfacts.Show:
    """The Ballard example, loaded once."""
    return showfacts.load(EXAMPLES / "ballard.yaml")


@functools.cache
def examples_catalog() -> Catalog:
    """Every example, as one catalog."""
    return showfacts.load_catalog([EXAMPLES])


def nodes(graph: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The graph's nodes by @id."""
    return {n["@id"]: n for n in graph["@graph"]}


def values(node: Mapping[str, Any], prop: str) -> list[Any]:
    """A property's values as a list."""
    value = node.get(prop)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def of_type(graph: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    """The nodes of a type."""
    return [n for n in graph["@graph"] if kind in _types(n)]


# -- every example, with every option -----------------------------------------


OPTIONS = [
    {},
    {"claims": True},
    {"claims": True, "spoilers": False},
    {"claims": True, "pending": True},
    {"pending": True},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or
                         "default")
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_pass_every_check(path, options):
    """Each example, whole and season by season, passes every check."""
    show = showfacts.load(path)
    claims = options.get("claims", False)
    pending = options.get("pending", False)
    check_all(to_jsonld(show, BASE, **options), claims=claims,
              pending=pending)
    for season in show.seasons:
        check_all(to_jsonld((show, season.number), BASE, **options),
                  claims=claims, pending=pending, rdf_too=False)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or
                         "default")
def test_catalog_of_examples_passes_every_check(options):
    """The examples as one catalog pass every check."""
    check_all(to_jsonld(examples_catalog(), BASE, **options),
              claims=options.get("claims", False),
              pending=options.get("pending", False))


def _honest(show, graph):
    """Typed dates, roles and episodes are confirmed current facts."""
    view = showfacts.current(show)
    by_id = nodes(graph)
    for season in show.seasons:
        iri = SITE.season_iri(show.id, season.number)
        sv = view.season(season.number)
        # A qualified fact is a claim, never a typed statement.
        people_facts = [f for f in (*season.based_on,
                                    *season.additional_cast,
                                    *season.awards)
                        if show.is_current(f.id)]
        confirmed = [f for f in (*sv.milestones(), *sv.release_plans,
                                 *sv.cast, *sv.crew, *sv.teases,
                                 *sv.episodes, *people_facts)
                     if f.confirmed and f.qualifier is None]
        assert (iri in by_id) == bool(confirmed), iri
        if iri not in by_id:
            continue
        node = by_id[iri]
        # The start is the earliest confirmed release (a premiere of any
        # region or platform, or a part release), not only the best
        # premiere: a season released in volumes, or first in another
        # country, starts with that release.
        releases = [
            m for m in (*sv.milestones(showfacts.MilestoneKind.PREMIERE),
                        *sv.milestones(showfacts.MilestoneKind.PART_RELEASE))
            if m.confirmed and m.qualifier is None and m.date is not None
            and m.date.iso() is not None
        ]
        if "startDate" in node:
            assert node["startDate"] in {m.date.iso() for m in releases}
        else:
            assert not releases
        credited = {SITE.person_iri(c.person) for c in sv.cast
                    if c.confirmed}
        for role in values(node, "actor"):
            assert role["actor"]["@id"] in credited
        episodes = {e.number: e for e in sv.episodes if e.confirmed}
        for ref in values(node, "episode"):
            episode = by_id[ref["@id"]]
            fact = episodes[episode["episodeNumber"]]
            if "datePublished" in episode:
                assert fact.air_date.iso() == episode["datePublished"]


def _claims_cover(show, graph, *, claims, spoilers):
    """
    Claims: every current fact not typed, none superseded or retracted.

    Each says its certainty first and cites its sources; spoilers only
    when asked for; without the option, no Claim and no source node.
    """
    by_id = nodes(graph)
    if not claims:
        assert [] == of_type(graph, "Claim")
        assert not any(SITE.source_iri(show.id, s.id) in by_id
                       for s in show.sources)
        return
    for ref in show.facts():
        fact = ref.fact
        iri = SITE.fact_iri(show.id, fact.id)
        if not show.is_current(fact.id):
            assert iri not in by_id
            continue
        spoiler = isinstance(fact, Tease) and fact.spoiler
        if spoiler and not spoilers:
            assert iri not in by_id
            continue
        if (not fact.confirmed or fact.qualifier is not None
                or isinstance(fact, Tease)):
            assert iri in by_id
        if iri in by_id:
            text = by_id[iri]["text"]
            assert text.lower().startswith(
                ("spoiler, " if spoiler else "") + fact.certainty.word
            )
            assert [{"@id": SITE.source_iri(show.id, s)}
                    for s in dict.fromkeys(fact.sources)] == \
                values(by_id[iri], "appearance")


@settings(max_examples=500)
@given(show=strategies.shows(), claims=st.booleans(), pending=st.booleans(),
       spoilers=st.booleans())
def test_generated_shows(show, claims, pending, spoilers):
    """
    500 generated shows give valid, honest graphs.

    For each: sdo_check finds no error (when ``../shared`` exists), and
    warns only about the pending terms an option asked for; every term is
    used as the term table allows; the graph has no dangling, duplicate or
    orphan node, and neither has each season's graph; only confirmed,
    current facts are typed; with claims, what is not typed is a Claim
    that says how sure it is.
    """
    graph = to_jsonld(show, BASE, claims=claims, pending=pending,
                      spoilers=spoilers)
    allowed = frozenset(
        ({"Claim", "appearance"} if claims else set())
        | ({"creativeWorkStatus", "creditText"} if pending else set())
    )
    if sdo_check() is not None:
        assert [] == sdo_problems(graph, allowed)
    assert [] == check_graph(graph)
    assert [] == table_problems(graph)
    assert set() == pending_terms(graph) - allowed
    _honest(show, graph)
    _claims_cover(show, graph, claims=claims, spoilers=spoilers)
    for season in show.seasons:
        part = to_jsonld((show, season.number), BASE, claims=claims)
        assert [] == check_graph(part)


@settings(max_examples=50)
@given(catalog=strategies.catalogs(), claims=st.booleans(),
       seed=st.integers(0, 2**16))
def test_generated_catalogs(catalog, claims, seed):
    """
    Catalogs are one sound graph, whatever the order of their shows.

    Shared people appear once; the bytes do not depend on the order.
    """
    graph = to_jsonld(catalog, BASE, claims=claims)
    assert [] == check_graph(graph)
    assert [] == table_problems(graph)
    shuffled = list(catalog.shows)
    random.Random(seed).shuffle(shuffled)  # noqa: S311 - not a secret
    assert dumps_jsonld(graph) == dumps_jsonld(
        to_jsonld(Catalog(shows=shuffled), BASE, claims=claims)
    )


@settings(max_examples=50)
@given(show=strategies.shows(), claims=st.booleans())
def test_generated_shows_expand_and_parse(show, claims):
    """Generated graphs expand to schema.org IRIs; rdflib parses them."""
    graph = to_jsonld(show, BASE, claims=claims)
    assert [] == pyld_problems(graph)
    assert len(rdf(graph)) >= len(graph["@graph"])


@needs_shared
def test_term_table_agrees_with_the_vocabulary():
    """Every domain and range in the table is the vocabulary's."""
    vocab = vocabulary()
    problems = []
    for kind, parents in TYPES.items():
        if kind not in vocab.classes:
            problems.append(f"unknown type {kind}")
        problems.extend(
            f"{parent} is not above {kind}" for parent in parents
            if parent not in vocab.ancestors(kind)
        )
    for prop, (domains, ranges) in TERMS.items():
        real_domain = vocab.prop_domain[prop]
        real_range = vocab.prop_range[prop]
        problems.extend(
            f"{prop}: {d} is not in its domain" for d in domains
            if not vocab.ancestors(d) & real_domain
        )
        problems.extend(
            f"{prop}: {r} is not in its range" for r in ranges
            if r not in real_range and not vocab.ancestors(r) & real_range
        )
        pending = vocab.section.get(prop) == "pending"
        if pending != (prop in PENDING):
            problems.append(f"{prop}: pending is {pending}")
    assert [] == problems


# -- the Ballard acceptance ---------------------------------------------------


def test_ballard_season_dates():
    """Season 1 starts 2025-07 (a month); Season 2 has no start date."""
    graph = nodes(to_jsonld(ballard(), BASE))
    one = graph[SITE.season_iri("ballard", 1)]
    two = graph[SITE.season_iri("ballard", 2)]
    assert "2025-07" == one["startDate"]
    assert "startDate" not in two
    assert "2025-07" == graph[SITE.show_iri("ballard")]["startDate"]


def test_ballard_cast_are_performance_roles_with_characters():
    """The six cast members and the crossover are PerformanceRoles."""
    graph = nodes(to_jsonld(ballard(), BASE))
    roles = values(graph[SITE.season_iri("ballard", 1)], "actor")
    found = {
        (graph[r["actor"]["@id"]]["name"], r["characterName"],
         r.get("roleName"))
        for r in roles if r["@type"] == "PerformanceRole"
    }
    # The article bills no one but the crossover: no "main" is made up.
    assert {
        ("Maggie Q", "Renée Ballard", None),
        ("Courtney Taylor", "Zamira Parker", None),
        ("John Carroll Lynch", "Thomas Laffont", None),
        ("Rebecca Field", "Colleen Hatteras", None),
        ("Victoria Moroles", "Martina Castro", None),
        ("Amy Hill", "Tutu", None),
        ("Titus Welliver", "Harry Bosch", "crossover"),
    } == found


def test_ballard_crossover_links_to_bosch():
    """Harry Bosch is a character of the season whose subject is Bosch."""
    graph = nodes(to_jsonld(ballard(), BASE))
    season = graph[SITE.season_iri("ballard", 1)]
    harry = SITE.character_iri("harry-bosch")
    assert {"@id": harry} in values(season, "character")
    bosch = SITE.show_iri("bosch")
    assert {"@id": bosch} == graph[harry]["subjectOf"]
    assert {"@id": bosch, "@type": "TVSeries", "name": "Bosch"} == \
        graph[bosch]


def test_ballard_showrunners_platform_and_source():
    """Showrunners are producer Roles; Prime Video publishes; novels."""
    graph = nodes(to_jsonld(ballard(), BASE))
    series = graph[SITE.show_iri("ballard")]
    assert [
        {"@type": "Role",
         "producer": {"@id": SITE.person_iri("michael-alaimo")},
         "roleName": "showrunner"},
        {"@type": "Role",
         "producer": {"@id": SITE.person_iri("kendall-sherwood")},
         "roleName": "showrunner"},
    ] == series["producer"]
    prime = SITE.organization_iri("prime-video")
    assert {"@id": prime} == series["publisher"]
    assert "Prime Video" == graph[prime]["name"]
    novels = SITE.work_iri("renee-ballard-novels")
    assert {"@id": novels} in series["isBasedOn"]
    assert "BookSeries" == graph[novels]["@type"]
    assert {"@id": SITE.person_iri("michael-connelly")} == \
        graph[novels]["author"]
    assert "Michael Connelly" == \
        graph[SITE.person_iri("michael-connelly")]["name"]


def test_ballard_spin_off_and_franchise():
    """The spin-off is isBasedOn Bosch; both sit in the franchise."""
    graph = nodes(to_jsonld(examples_catalog(), BASE))
    ballard_iri, bosch_iri = (SITE.show_iri("ballard"),
                              SITE.show_iri("bosch"))
    assert {"@id": bosch_iri} in graph[ballard_iri]["isBasedOn"]
    franchise = SITE.franchise_iri("bosch-universe")
    assert {"@id": franchise} == graph[ballard_iri]["isPartOf"]
    assert {"@id": franchise} == graph[bosch_iri]["isPartOf"]
    assert [{"@id": ballard_iri}, {"@id": bosch_iri}] == \
        graph[franchise]["hasPart"]
    # In a catalog Bosch is the full node, not a stub.
    assert 7 == graph[bosch_iri]["numberOfSeasons"]


def test_ballard_reported_facts_stay_out_of_typed_properties():
    """Season 2's reported cast and expected window are not typed."""
    graph = nodes(to_jsonld(ballard(), BASE))
    two = graph[SITE.season_iri("ballard", 2)]
    assert {"@id", "@type", "name", "partOfSeries", "seasonNumber",
            "url"} == set(two)
    assert [] == of_type(to_jsonld(ballard(), BASE), "Claim")


def test_ballard_window_is_an_expected_claim_about_season_two():
    """With claims, the premiere window is an "expected" Claim."""
    graph = nodes(to_jsonld(ballard(), BASE, claims=True))
    claim = graph[SITE.fact_iri("ballard", "s2-premiere-window")]
    assert "Claim" == claim["@type"]
    assert {"@id": SITE.season_iri("ballard", 2)} == claim["about"]
    assert ("Expected: Ballard Season 2 premieres summer or fall 2026 "
            "(mid-to-late 2026); no official premiere date yet.") == (
                claim["text"])
    source = SITE.source_iri("ballard", "article")
    assert {"@id": source} == claim["appearance"]
    assert {
        "@id": source, "@type": "CreativeWork",
        "name": "When Does Ballard Season 2 Drop? Latest Release "
        "Speculation",
    } == graph[source]


def test_claim_text_says_how_sure_in_words():
    """Every certainty has its word at the start of the claim."""
    show = ballard()
    assert claim_text(show, "s2-cast-maggie-q").startswith("Reported: ")
    assert claim_text(show, "s2-new-cast").startswith(
        "Speculation for Ballard Season 2: "
    )
    assert claim_text(show, "s1-finale-framed").startswith(
        "Spoiler, confirmed for Ballard Season 1: The finale ends"
    )
    assert ("Confirmed: Ballard is renewed for Season 2 on Prime Video, "
            "October 2025.") == claim_text(show, "s2-renewed")


def test_spoilers_are_marked_and_can_be_left_out():
    """Spoiler claims carry the keyword; spoilers=False drops them."""
    with_spoilers = nodes(to_jsonld(ballard(), BASE, claims=True))
    framed = with_spoilers[SITE.fact_iri("ballard", "s1-finale-framed")]
    assert "spoiler" == framed["keywords"]
    without = nodes(to_jsonld(ballard(), BASE, claims=True,
                              spoilers=False))
    spoiler_ids = {
        SITE.fact_iri("ballard", r.fact.id) for r in ballard().facts()
        if isinstance(r.fact, Tease) and r.fact.spoiler
    }
    assert 2 == len(spoiler_ids)
    assert spoiler_ids <= set(with_spoilers)
    assert set() == spoiler_ids & set(without)
    assert all("spoiler" not in values(n, "keywords")
               for n in without.values())


def test_pending_terms_only_behind_their_option():
    """The pending terms need their options: pending=True, claims=True."""
    show = showfacts.load(EXAMPLES / "bosch.yaml")
    assert set() == pending_terms(to_jsonld(show, BASE))
    assert {"creativeWorkStatus"} == pending_terms(
        to_jsonld(show, BASE, pending=True)
    )
    series = nodes(to_jsonld(show, BASE, pending=True))[
        SITE.show_iri("bosch")
    ]
    assert "Ended" == series["creativeWorkStatus"]
    assert {"Claim", "appearance"} == pending_terms(
        to_jsonld(ballard(), BASE, claims=True)
    )


def test_fictional_shows_say_so():
    """A made-up show's description starts by saying it is fictional."""
    show = showfacts.load(EXAMPLES / "lantern-keepers.toml")
    series = nodes(to_jsonld(show, BASE))[
        SITE.show_iri("the-lantern-keepers")
    ]
    assert series["description"].startswith("Fictional: not a real show. ")
    assert "Fictional" not in nodes(to_jsonld(ballard(), BASE))[
        SITE.show_iri("ballard")
    ]["description"]


def test_exact_premiere_time_goes_into_the_release_event():
    """A premiere known to the minute gives a date-time with its offset."""
    show = showfacts.load(EXAMPLES / "lantern-keepers.toml")
    season = nodes(to_jsonld(show, BASE))[
        SITE.season_iri("the-lantern-keepers", 1)
    ]
    assert "2026-09-12" == season["startDate"]
    assert "2026-09-12T21:00:00-04:00" == \
        season["releasedEvent"]["startDate"]
    assert "BroadcastEvent" == season["releasedEvent"]["@type"]


# -- honesty, for any show ----------------------------------------------------


def _evolve_fact(show, fact_id, **changes):
    """The show with one fact changed (found wherever it is)."""
    data = loading.to_dict(show)
    ref = show.ref(fact_id)
    target = data if ref.season is None else next(
        s for s in data["seasons"] if s["number"] == ref.season
    )
    for fact in target[ref.collection]:
        if fact["id"] == fact_id:
            fact.update(changes)
    return loading.from_dict(data)


def test_confirming_the_window_still_gives_no_date():
    """A confirmed window is still not a date: ISO 8601 cannot say it."""
    show = _evolve_fact(ballard(), "s2-premiere-window",
                        certainty="confirmed")
    two = nodes(to_jsonld(show, BASE))[SITE.season_iri("ballard", 2)]
    assert "startDate" not in two
    claim = nodes(to_jsonld(show, BASE, claims=True))[
        SITE.fact_iri("ballard", "s2-premiere-window")
    ]
    assert claim["text"].startswith("Confirmed: ")


def test_a_confirmed_date_that_supersedes_the_window_is_typed():
    """The day, confirmed, becomes startDate; the old window is gone."""
    data = loading.to_dict(ballard())
    season = next(s for s in data["seasons"] if s["number"] == 2)
    season["milestones"].append({
        "id": "s2-premiere-date", "kind": "premiere",
        "date": "2026-09-12", "certainty": "confirmed",
        "supersedes": "s2-premiere-window", "sources": ["article"],
    })
    show = loading.from_dict(data)
    graph = nodes(to_jsonld(show, BASE, claims=True))
    assert "2026-09-12" == graph[SITE.season_iri("ballard", 2)]["startDate"]
    assert SITE.fact_iri("ballard", "s2-premiere-window") not in graph
    assert SITE.fact_iri("ballard", "s2-premiere-date") not in graph


def test_a_season_known_only_from_rumors_is_not_a_node():
    """A season with only unconfirmed facts is not asserted to exist."""
    data = loading.to_dict(ballard())
    data["seasons"].append({"number": 3, "milestones": [{
        "id": "s3-rumor", "kind": "renewed", "certainty": "rumored",
        "sources": ["article"],
    }]})
    show = loading.from_dict(data)
    graph = nodes(to_jsonld(show, BASE, claims=True))
    assert SITE.season_iri("ballard", 3) not in graph
    claim = graph[SITE.fact_iri("ballard", "s3-rumor")]
    assert {"@id": SITE.show_iri("ballard")} == claim["about"]
    assert claim["text"].startswith("Rumored: ")
    assert 2 == graph[SITE.show_iri("ballard")]["numberOfSeasons"]


# -- ids and determinism ------------------------------------------------------


def _reversed_keys(value):
    if isinstance(value, dict):
        return {k: _reversed_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed_keys(v) for v in value]
    return value


@settings(max_examples=50)
@given(show=strategies.shows())
def test_field_order_does_not_change_the_output(show):
    """Keys given in another order give the same bytes."""
    again = loading.from_dict(_reversed_keys(loading.to_dict(show)))
    assert dumps_jsonld(to_jsonld(show, BASE, claims=True)) == \
        dumps_jsonld(to_jsonld(again, BASE, claims=True))


def test_nodes_and_keys_come_in_a_fixed_order():
    """Nodes are sorted by @id; keys are @id, @type, then alphabetical."""
    graph = to_jsonld(examples_catalog(), BASE, claims=True)
    ids = [n["@id"] for n in graph["@graph"]]
    assert sorted(ids) == ids
    assert ["@context", "@graph"] == list(graph)

    def check(value):
        if isinstance(value, dict):
            keys = list(value)
            ats = [k for k in ("@id", "@type") if k in keys]
            assert ats + sorted(k for k in keys if not k.startswith("@")) \
                == keys
            for item in value.values():
                check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)

    check(graph["@graph"])
    assert dumps_jsonld(graph) == dumps_jsonld(json.loads(
        dumps_jsonld(_reversed_keys(graph))
    ))


def test_iris_are_absolute_and_from_the_site():
    """Every @id is under the base URL and follows the iris scheme."""
    graph = to_jsonld(examples_catalog(), BASE, claims=True)
    patterns = [
        r"shows/[^/]+/#series", r"shows/[^/]+/season-\d+/#season",
        r"shows/[^/]+/season-\d+/#episode-\d+", r"shows/[^/]+/#fact-.+",
        r"shows/[^/]+/#source-.+", r"people/[^/]+#person",
        r"organizations/[^/]+#organization", r"characters/[^/]+#character",
        r"works/[^/]+#work", r"franchises/[^/]+#franchise",
    ]
    for node in graph["@graph"]:
        rest = node["@id"].removeprefix(BASE)
        assert rest != node["@id"]
        assert any(re.fullmatch(p, rest) for p in patterns), rest


def test_shared_nodes_appear_once_across_shows():
    """Titus Welliver and Harry Bosch are one node each in a catalog."""
    graph = to_jsonld(examples_catalog(), BASE)
    ids = [n["@id"] for n in graph["@graph"]]
    titus = SITE.person_iri("titus-welliver")
    harry = SITE.character_iri("harry-bosch")
    assert 1 == ids.count(titus)
    assert 1 == ids.count(harry)
    by_id = nodes(graph)
    bosch_s1 = by_id[SITE.season_iri("bosch", 1)]
    ballard_s1 = by_id[SITE.season_iri("ballard", 1)]
    assert {"@id": harry} in values(bosch_s1, "character")
    assert {"@id": harry} in values(ballard_s1, "character")
    assert "LAPD homicide detective" == by_id[harry]["description"]


def test_the_same_show_alone_and_in_a_catalog_has_the_same_ids():
    """A show's own node IRIs do not depend on what else is loaded."""
    alone = {n["@id"] for n in to_jsonld(ballard(), BASE)["@graph"]}
    together = {n["@id"] for n in
                to_jsonld(examples_catalog(), BASE)["@graph"]}
    assert alone <= together


def _run_cli(args, env_extra):
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "showfacts", *args],
        capture_output=True, check=True, env=env, cwd=ROOT,
    ).stdout


def test_output_is_byte_identical_whatever_the_environment(tmp_path):
    """Hash seed, time zone, locale and file order do not change bytes."""
    # The same files, named so that they load in the reverse order.
    for i, path in enumerate(EXAMPLE_FILES):
        name = f"{len(EXAMPLE_FILES) - i}-{path.name}"
        (tmp_path / name).write_bytes(path.read_bytes())
    assert [p.name for p in EXAMPLE_FILES][::-1] == [
        p.name.split("-", 1)[1] for p in loading.show_files(tmp_path)
    ]
    first = _run_cli(["jsonld", *ADDRESS, str(EXAMPLES), "--claims"],
                     {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"})
    second = _run_cli(
        ["jsonld", *ADDRESS, str(tmp_path), "--claims"],
        {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati",
         "LC_ALL": "C.UTF-8"},
    )
    assert first == second
    assert first.endswith(b"\n")
    assert b": " not in first.split(b"\n")[0][:200]


# -- serialization ------------------------------------------------------------


def test_dumps_is_compact_by_default_and_indents_when_pretty():
    """Compact JSON has no spaces between tokens; pretty indents by 2."""
    graph = {"@graph": [{"name": "A & B", "@type": "X", "@id": "u"}],
             "@context": CONTEXT}
    assert ('{"@context":"https://schema.org","@graph":[{"@id":"u",'
            '"@type":"X","name":"A & B"}]}') == dumps_jsonld(graph)
    assert dumps_jsonld(graph, pretty=True).startswith(
        '{\n  "@context": "https://schema.org",\n  "@graph": [\n'
    )


def test_dumps_keeps_non_ascii_as_it_is():
    """Non-ASCII characters are written as themselves."""
    assert '{"name":"Renée \u2028"}' == dumps_jsonld({"name": "Renée \u2028"})


def _in_itself() -> dict[str, object]:
    graph: dict[str, object] = {"@graph": []}
    graph["@graph"] = [graph]
    return graph


@pytest.mark.parametrize("pretty", [False, True])
@pytest.mark.parametrize("bad", [
    {"x": float("nan")}, {"x": [float("-inf")]}, {"x": {1, 2}},
    {"x": object()}, _in_itself(),
])
def test_dumps_refuses_what_json_cannot_say(bad, pretty):
    """NaN, sets, objects and cycles are a RenderError, not a traceback."""
    with pytest.raises(RenderError, match="not JSON"):
        dumps_jsonld(bad, pretty=pretty)


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=20,
))
def test_pretty_is_json_indented_with_sorted_keys(value):
    """The pretty text is what json writes with indent=2 and sorted keys."""
    graph = {"@graph": value}
    assert json.dumps(graph, ensure_ascii=False, sort_keys=True,
                      indent=2) == dumps_jsonld(graph, pretty=True)


def test_dumps_refuses_text():
    """A string is not a graph."""
    with pytest.raises(RenderError, match="mapping"):
        dumps_jsonld('{"@context": "https://schema.org"}')


def test_publishable_text():
    """Controls XML cannot carry go; broken surrogates become U+FFFD."""
    assert "ab\t\n\r" == publishable("a\x00b\x0b\x1f\t\n\r")
    assert "\U0001f600" == publishable("\ud83d\ude00")
    assert "x\ufffd\ufffd\ufffd" == publishable("x\ud800\ufffe\uffff")
    assert "\x85\ufdd0" == publishable("\x85\ufdd0")


def test_text_that_is_only_control_characters_is_left_out():
    """A description of NULs is no description."""
    show = attrs.evolve(ballard(), description="\x00\x01")
    assert "description" not in nodes(to_jsonld(show, BASE))[
        SITE.show_iri("ballard")
    ]


# -- errors -------------------------------------------------------------------


def test_a_missing_season_is_a_render_error():
    """Asking for a season the show lacks names the seasons it has."""
    with pytest.raises(RenderError, match=r"no season 9 .*: 1, 2\)"):
        to_jsonld((ballard(), 9), BASE)


@pytest.mark.parametrize("base", ["/tv/", "https://example.org/tv\n"])
def test_a_bad_base_url_is_an_input_error(base):
    """Relative base URLs are refused, and a trailing line break."""
    with pytest.raises(InputError, match="absolute"):
        to_jsonld(ballard(), base)


@pytest.mark.parametrize("subject", [
    "ballard", None, (ballard(), "2"), (ballard(), True), [ballard()],
])
def test_other_subjects_are_a_type_error(subject):
    """Only a Show, a (Show, int) or a Catalog make a graph."""
    with pytest.raises(TypeError, match="to_jsonld takes"):
        to_jsonld(subject, BASE)


# -- the graph checker --------------------------------------------------------


def _g(*graph_nodes):
    return {"@context": CONTEXT, "@graph": list(graph_nodes)}


def test_check_graph_finds_dangling_references():
    """A reference to no node is reported with its path."""
    assert ["$.@graph[0].actor[1].actor: dangling reference to 'u:p2'"] == \
        check_graph(_g(
            {"@id": "u:s", "@type": "TVSeries", "actor": [
                {"@type": "PerformanceRole", "actor": {"@id": "u:p"}},
                {"@type": "PerformanceRole", "actor": {"@id": "u:p2"}},
            ]},
            {"@id": "u:p", "@type": "Person"},
        ))


def test_check_graph_finds_duplicates_and_orphans():
    """Two nodes with one @id, and a node nothing refers to."""
    assert [
        "$.@graph[1]: duplicate node 'u:s' (first at $.@graph[0])",
        "$.@graph[2]: orphan node 'u:p': nothing refers to it",
    ] == check_graph(_g(
        {"@id": "u:s", "@type": "TVSeries"},
        {"@id": "u:s", "@type": "TVSeries"},
        {"@id": "u:p", "@type": "Person", "knows": {"@id": "u:p"}},
    ))


def test_check_graph_finds_nodes_defined_inside_others():
    """A node with an @id belongs at the top, referred to by @id."""
    assert [
        "$.@graph[0].publisher: node 'u:o' is defined inside another; "
        "refer to it by @id",
    ] == check_graph(_g({"@id": "u:s", "@type": "TVSeries",
                         "publisher": {"@id": "u:o", "name": "O"}}))


def test_check_graph_wants_the_context_and_a_graph():
    """The document shape itself is checked."""
    assert ["$.@context: must be 'https://schema.org'",
            "$.@graph: must be a list of nodes"] == check_graph({})
    assert ["$.@graph[0]: a node needs an @id",
            "$.@graph[1]: node 'u:x' has no @type",
            "$.@graph[1]: orphan node 'u:x': nothing refers to it",
            "$: unexpected keys ['name']"] == sorted(check_graph({
                "@context": CONTEXT, "name": "x",
                "@graph": [{"@type": "TVSeries"}, {"@id": "u:x"}],
            }))


# -- articles -----------------------------------------------------------------


PAGE = Article(
    url="https://news.example/tv/ballard-season-2",
    headline="When Does Ballard Season 2 Drop?",
    published=dt.datetime(2026, 2, 3, 9, 30,
                          tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    modified=dt.datetime(2026, 2, 4, 8, 0, tzinfo=dt.timezone.utc),
    authors=[Author(name="Dana Writer",
                    url="https://news.example/staff/dana")],
    publisher=Publisher(name="News Example",
                        url="https://news.example/",
                        logo="https://news.example/logo.png"),
    images=["https://news.example/img/ballard-16x9.jpg"],
    section="TV",
    language="en",
)


def test_article_is_about_the_season_and_mentions_people_and_series():
    """A NewsArticle with dates, author, publisher logo, about, mentions."""
    graph = article_jsonld(PAGE, (ballard(), 2), BASE)
    check_all(graph)
    [article] = of_type(graph, "NewsArticle")
    assert {
        "@id": "https://news.example/tv/ballard-season-2#article",
        "@type": "NewsArticle",
        "about": {"@id": SITE.season_iri("ballard", 2)},
        "articleSection": "TV",
        "author": {"@type": "Person", "name": "Dana Writer",
                   "url": "https://news.example/staff/dana"},
        "dateModified": "2026-02-04T08:00:00+00:00",
        "datePublished": "2026-02-03T09:30:00-05:00",
        "headline": "When Does Ballard Season 2 Drop?",
        "image": "https://news.example/img/ballard-16x9.jpg",
        "inLanguage": "en",
        "mainEntityOfPage": "https://news.example/tv/ballard-season-2",
        "mentions": [
            {"@id": SITE.person_iri("kendall-sherwood")},
            {"@id": SITE.person_iri("michael-alaimo")},
            {"@id": SITE.person_iri("michael-connelly")},
            {"@id": SITE.show_iri("ballard")},
            {"@id": SITE.show_iri("bosch")},
        ],
        "publisher": {"@type": "Organization", "logo":
                      "https://news.example/logo.png",
                      "name": "News Example",
                      "url": "https://news.example/"},
        "url": "https://news.example/tv/ballard-season-2",
    } == article


def test_article_that_is_a_source_is_what_claims_cite():
    """With source=, the article takes the source's IRI."""
    page = attrs.evolve(PAGE, source="article")
    graph = article_jsonld(page, (ballard(), 2), BASE, claims=True)
    check_all(graph, claims=True)
    by_id = nodes(graph)
    iri = SITE.source_iri("ballard", "article")
    assert "NewsArticle" == by_id[iri]["@type"]
    claim = by_id[SITE.fact_iri("ballard", "s2-premiere-window")]
    assert {"@id": iri} == claim["appearance"]
    assert 1 == len(of_type(graph, "NewsArticle"))


def test_article_about_a_show_mentions_its_cast():
    """About the series, the article mentions every credited person."""
    graph = article_jsonld(PAGE, ballard(), BASE)
    check_all(graph)
    [article] = of_type(graph, "NewsArticle")
    assert {"@id": SITE.show_iri("ballard")} == article["about"]
    assert {"@id": SITE.person_iri("maggie-q")} in article["mentions"]
    assert {"@id": SITE.show_iri("ballard")} not in article["mentions"]


def test_article_about_an_unconfirmed_season_is_about_the_series():
    """A season that is not a node cannot be what an article is about."""
    data = loading.to_dict(ballard())
    data["seasons"].append({"number": 3})
    show = loading.from_dict(data)
    [article] = of_type(article_jsonld(PAGE, (show, 3), BASE), "NewsArticle")
    assert {"@id": SITE.show_iri("ballard")} == article["about"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"published": dt.datetime(2026, 2, 3, 9, 30)},  # noqa: DTZ001
     "time zone"),
    ({"url": "/tv/ballard"}, "absolute"),
    ({"headline": " "}, "non-empty"),
    ({"images": ["img.jpg"]}, "absolute"),
])
def test_article_fields_are_checked(changes, message):
    """Naive datetimes, relative URLs and empty headlines are refused."""
    fields = attrs.asdict(PAGE, recurse=False)
    fields.update(changes)
    with pytest.raises(InvalidDataError, match=message):
        Article(**fields)


def test_article_source_must_exist():
    """An unknown source id is reported with the ones declared."""
    with pytest.raises(InvalidDataError, match="declared: 'article'"):
        article_jsonld(attrs.evolve(PAGE, source="nope"), ballard(), BASE)


# -- the jsonld command -------------------------------------------------------


def test_cli_prints_the_compact_graph(capsys):
    """`showfacts jsonld FILE` prints the graph and a newline."""
    assert 0 == cli.main(["jsonld", *ADDRESS, str(EXAMPLES / "ballard.yaml"),
                          "--base-url", BASE])
    out = capsys.readouterr().out
    assert dumps_jsonld(to_jsonld(ballard(), BASE)) + "\n" == out


def test_cli_options(capsys):
    """--claims, --no-spoilers, --pending, --season and --pretty."""
    assert 0 == cli.main(["jsonld", *ADDRESS, str(EXAMPLES / "ballard.yaml"),
                          "--base-url", BASE, "--claims", "--no-spoilers",
                          "--season", "2", "--pretty"])
    out = capsys.readouterr().out
    expected = to_jsonld((ballard(), 2), BASE, claims=True, spoilers=False)
    assert dumps_jsonld(expected, pretty=True) + "\n" == out


def test_cli_writes_a_file_whole(tmp_path, capsys):
    """-o writes the file; nothing goes to standard output."""
    target = tmp_path / "out" / "graph.jsonld"
    assert 0 == cli.main(["jsonld", *ADDRESS, str(EXAMPLES), "-o",
                          str(target)])
    assert "" == capsys.readouterr().out
    graph = json.loads(target.read_text(encoding="utf-8"))
    assert [] == check_graph(graph)


@pytest.mark.parametrize(("args", "status", "message"), [
    (["--season", "9", "{ballard}"], 2, "no season 9"),
    (["--season", "1", "{examples}"], 2, "exactly one show"),
    (["--season", "x", "{ballard}"], 2, "not a season number"),
    (["--pretty", "--ndjson", "{ballard}"], 2, "not allowed with"),
    (["--ndjson", "--season", "1", "{ballard}"], 2, "--ndjson"),
    (["--base-url", "ftp://x", "{ballard}"], 2, "base URL"),
    (["{missing}"], 2, "no such file"),
])
def test_cli_usage_errors(args, status, message, capsys, tmp_path):
    """Usage errors exit 2 with a message, never a traceback."""
    paths = {"{ballard}": str(EXAMPLES / "ballard.yaml"),
             "{examples}": str(EXAMPLES),
             "{missing}": str(tmp_path / "nope.yaml")}
    assert status == cli.main(["jsonld", *ADDRESS,
                               *(paths.get(a, a) for a in args)])
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_cli_invalid_data_exits_1_and_writes_nothing(tmp_path, capsys):
    """An invalid file: exit 1, problems on stderr, no output file."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\ntitle: x\n", encoding="utf-8")
    target = tmp_path / "graph.jsonld"
    assert 1 == cli.main(["jsonld", *ADDRESS, str(bad), "-o", str(target)])
    assert "bad.yaml" in capsys.readouterr().err
    assert not target.exists()


# -- ndjson -------------------------------------------------------------------


def test_ndjson_is_one_graph_per_show(capsys):
    """Each line is the graph of one file's show, in file order."""
    assert 0 == cli.main(["jsonld", *ADDRESS, str(EXAMPLES), "--ndjson",
                          "--base-url", BASE, "--claims"])
    lines = capsys.readouterr().out.splitlines()
    expected = [
        dumps_jsonld(to_jsonld(showfacts.load(p), BASE, claims=True))
        for p in loading.show_files(EXAMPLES)
    ]
    assert expected == lines
    for line in lines:
        check_all(json.loads(line), claims=True, rdf_too=False)


def test_ndjson_reads_and_writes_one_file_at_a_time(monkeypatch, tmp_path):
    """Lines are written as files are read; no catalog is built."""
    def no_catalog(*_args, **_kwargs):
        raise AssertionError("--ndjson must not build a catalog")

    monkeypatch.setattr(loading, "load_catalog", no_catalog)
    monkeypatch.setattr(showfacts.models, "Catalog", no_catalog)
    target = tmp_path / "shows.ndjson"
    written_before = []
    real_load = loading.load

    def load(path, **kwargs):
        partial = list(tmp_path.glob(".shows.ndjson.*"))
        written_before.append(partial[0].stat().st_size if partial else 0)
        return real_load(path, **kwargs)

    monkeypatch.setattr(loading, "load", load)
    assert 0 == cli.main(["jsonld", *ADDRESS, str(EXAMPLES), "--ndjson", "-o",
                          str(target)])
    assert 4 == len(target.read_text(encoding="utf-8").splitlines())
    assert 0 == written_before[0]
    # The temporary file grows between reads: nothing waits for the end.
    assert written_before == sorted(written_before)
    assert written_before[-1] > 0


def test_ndjson_reports_every_bad_file_and_writes_no_file(tmp_path, capsys):
    """Bad files and duplicate ids: exit 1, every problem, no file."""
    folder = tmp_path / "shows"
    folder.mkdir()
    (folder / "a.yaml").write_text(declared("id: a\ntitle: A\n"),
                                   encoding="utf-8")
    (folder / "b.yaml").write_text(declared("id: a\ntitle: B\n"),
                                   encoding="utf-8")
    (folder / "c.yaml").write_text(declared("id: C!\ntitle: C\n"),
                                   encoding="utf-8")
    target = tmp_path / "out.ndjson"
    target.write_text("old\n", encoding="utf-8")
    assert 1 == cli.main(["jsonld", *ADDRESS, str(folder), "--ndjson", "-o",
                          str(target)])
    err = capsys.readouterr().err
    assert (f"b.yaml: $.id: the show id 'a' is used by "
            f"{folder.as_posix()}/a.yaml too") in err
    assert "c.yaml" in err
    assert "old\n" == target.read_text(encoding="utf-8")
    assert [target] == list(tmp_path.glob("*.ndjson"))
    assert [] == list(tmp_path.glob(".out.ndjson.*"))


def test_ndjson_from_standard_input(monkeypatch, capsys):
    """`-` reads one show from standard input."""
    data = (EXAMPLES / "ballard.yaml").read_bytes()

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert 0 == cli.main(["jsonld", "-", "--ndjson", "--base-url", BASE])
    assert dumps_jsonld(to_jsonld(ballard(), BASE)) + "\n" == \
        capsys.readouterr().out


def test_article_id_drops_the_page_fragment():
    """A page URL with a fragment still gives one fragment."""
    page = attrs.evolve(PAGE, url="https://news.example/a#comments")
    [article] = of_type(article_jsonld(page, ballard(), BASE), "NewsArticle")
    assert "https://news.example/a#article" == article["@id"]
    assert "https://news.example/a#comments" == article["url"]


def test_ndjson_names_the_first_file_of_each_repeated_id(tmp_path, capsys):
    """Repeats far apart, and three files with one id, are all found."""
    folder = tmp_path / "shows"
    folder.mkdir()
    for i in range(40):
        (folder / f"s{i:02d}.yaml").write_text(
            declared(f"id: show-{i % 37}\ntitle: Show {i}\n"),
            encoding="utf-8",
        )
    (folder / "t.yaml").write_text(declared("id: show-0\ntitle: T\n"),
                                   encoding="utf-8")
    assert 1 == cli.main(["jsonld", *ADDRESS, str(folder), "--ndjson", "-o",
                          str(tmp_path / "out.ndjson")])
    err = capsys.readouterr().err
    found = sorted(line.split(":")[0].rsplit("/", 1)[-1]
                   for line in err.splitlines() if "is used by" in line)
    assert ["s37.yaml", "s38.yaml", "s39.yaml", "t.yaml"] == found
    assert f"is used by {folder.as_posix()}/s00.yaml too" in err
    assert not (tmp_path / "out.ndjson").exists()


def test_ndjson_reads_files_in_path_order_from_several_folders(
        tmp_path, monkeypatch, capsys):
    """Folders, nested folders and files merge into one sorted order."""
    monkeypatch.chdir(tmp_path)
    files = ["b/z.yaml", "a/y.json", "a/sub/x.yaml", "a/sub.yaml",
             "b/.hidden/w.yaml", "b/notes.txt", "c.yaml"]
    for i, name in enumerate(files):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json"):
            path.write_text(declared(f'{{"id": "s{i}", "title": "S"}}',
                                     "json"), encoding="utf-8")
        else:
            path.write_text(declared(f"id: s{i}\ntitle: S\n"),
                            encoding="utf-8")
    assert 0 == cli.main(["jsonld", *ADDRESS, "b", "c.yaml", "./a",
                          "a/sub.yaml", "--ndjson"])
    ids = [json.loads(line)["@graph"][0]["@id"].rsplit("/", 2)[-2]
           for line in capsys.readouterr().out.splitlines()]
    # a/sub.yaml < a/sub/x.yaml < a/y.json < b/z.yaml < c.yaml
    assert ["s3", "s2", "s1", "s0", "s6"] == ids
