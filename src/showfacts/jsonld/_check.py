"""What is wrong with a graph's shape."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from showfacts.jsonld._graph import CONTEXT, ENTRY_TYPES


def _references(value: Any, path: str) -> Iterable[tuple[str, str, bool]]:
    """``(iri, path, is a bare reference)`` for every nested ``@id``."""
    if isinstance(value, Mapping):
        iri = value.get("@id")
        if isinstance(iri, str):
            yield iri, path, set(value) == {"@id"}
        for key, item in value.items():
            if not key.startswith("@"):
                yield from _references(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _references(item, f"{path}[{i}]")


def check_graph(graph: Mapping[str, Any]) -> list[str]:
    """
    What is wrong with a graph's shape: one message per problem.

    Checks that the document has ``"@context": "https://schema.org"`` and
    one ``@graph`` list; that every node there has an ``@id`` and a
    ``@type`` and appears once (no duplicate node); that every ``{"@id":
    ...}`` reference points to a node of the graph (no dangling reference)
    and that nodes with an ``@id`` are not defined a second time inside
    another; and that every node is referred to by another, unless it is
    an entry (a ``TVSeries``, ``Claim`` or ``NewsArticle``) or refers to
    one (a film based on the series): no orphans.

    >>> check_graph({"@context": "https://schema.org", "@graph": [
    ...     {"@id": "https://x.example/#a", "@type": "TVSeries",
    ...      "publisher": {"@id": "https://x.example/#b"}}]})
    ["$.@graph[0].publisher: dangling reference to 'https://x.example/#b'"]

    Returns:
        The problems; empty when the graph is sound.

    .. versionadded:: 0.1.0
    """
    problems: list[str] = []
    if graph.get("@context") != CONTEXT:
        problems.append(f"$.@context: must be {CONTEXT!r}")
    nodes = graph.get("@graph")
    if not isinstance(nodes, list):
        return [*problems, "$.@graph: must be a list of nodes"]
    extra = sorted(set(graph) - {"@context", "@graph"})
    if extra:
        problems.append(f"$: unexpected keys {extra}")
    ids: dict[str, int] = {}
    types: dict[str, set[str]] = {}
    for i, node in enumerate(nodes):
        path = f"$.@graph[{i}]"
        if not isinstance(node, Mapping):
            problems.append(f"{path}: a node must be an object")
            continue
        iri = node.get("@id")
        kind = node.get("@type")
        if not isinstance(iri, str) or not iri:
            problems.append(f"{path}: a node needs an @id")
            continue
        if not kind:
            problems.append(f"{path}: node {iri!r} has no @type")
        if iri in ids:
            problems.append(
                f"{path}: duplicate node {iri!r} (first at "
                f"$.@graph[{ids[iri]}])"
            )
            continue
        ids[iri] = i
        kinds = kind if isinstance(kind, list) else [kind]
        types[iri] = {k for k in kinds if isinstance(k, str)}
    referenced: set[str] = set()
    #: Nodes that refer to an entry: works derived from a series.
    attached: set[str] = set()
    for i, node in enumerate(nodes):
        if not isinstance(node, Mapping):
            continue
        own = node.get("@id")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            for iri, path, bare in _references(
                value, f"$.@graph[{i}].{key}"
            ):
                if not bare:
                    problems.append(
                        f"{path}: node {iri!r} is defined inside another; "
                        "refer to it by @id"
                    )
                elif iri not in ids:
                    problems.append(f"{path}: dangling reference to {iri!r}")
                elif iri != own:
                    referenced.add(iri)
                    if types[iri] & ENTRY_TYPES and isinstance(own, str):
                        attached.add(own)
    for iri, i in ids.items():
        if (iri not in referenced and iri not in attached
                and not types[iri] & ENTRY_TYPES):
            problems.append(
                f"$.@graph[{i}]: orphan node {iri!r}: nothing refers to it"
            )
    return problems
