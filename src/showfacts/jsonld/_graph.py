"""The graph under construction, and its JSON text."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, NamedTuple, TypeAlias, TypeVar

from showfacts._json import dumps_indented
from showfacts._text import publishable
from showfacts.exceptions import RenderError
from showfacts.iris import Site
from showfacts.models import Catalog, Fact, Show


#: The ``@context`` of every graph.
CONTEXT = "https://schema.org"

#: The pending schema.org terms showfacts can emit, each behind an option.
PENDING_TERMS = frozenset({"Claim", "appearance", "creativeWorkStatus",
                           "creditText"})

#: Node types that may stand in a graph without being referenced: the
#: series, the claims about them, the article that is the page.
ENTRY_TYPES = frozenset({"TVSeries", "Claim", "NewsArticle"})

#: Any JSON value, as :mod:`json` reads and writes it.
JSONValue: TypeAlias = (
    str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"]
    | None
)
#: A JSON object, such as the graph :func:`to_jsonld` returns.
JSONObject: TypeAlias = dict[str, JSONValue]

#: What :func:`to_jsonld` accepts: a show, a show and a season number, or
#: a catalog.
Subject: TypeAlias = Show | tuple[Show, int] | Catalog

F = TypeVar("F", bound=Fact)


# -- text ---------------------------------------------------------------------

def _text(value: str | None) -> str | None:
    """Publishable text, or ``None`` when nothing visible is left."""
    if value is None:
        return None
    # Printable ASCII is publishable as it is: skip the regular expressions.
    if not (value.isascii() and value.isprintable()):
        value = publishable(value)
    return value if value.strip() else None


# -- serialization ------------------------------------------------------------

_COMPACT = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                            separators=(",", ":"), allow_nan=False).encode


def dumps_jsonld(graph: Mapping[str, Any], *, pretty: bool = False) -> str:
    """
    Serialize a graph as JSON text, in a fixed key order.

    Keys come in the order ``@context``, ``@graph``, ``@id``, ``@type``,
    then alphabetically, at every level; lists keep their order.  The text
    is compact (no spaces) unless ``pretty``, which indents by two.
    Non-ASCII characters are written as they are.

    This text is for files and HTTP responses.  To put a graph in an HTML
    page, use :func:`showfacts.markup.script_tag`, which escapes it.

    Args:
        graph: A JSON-LD document, such as :func:`to_jsonld` returns.
        pretty: Indent for people to read.

    Returns:
        The JSON text, without a final newline.

    Raises:
        RenderError: If the graph holds something JSON cannot represent.

    .. versionadded:: 0.1.0
    """
    if not isinstance(graph, Mapping):
        raise RenderError(
            f"a JSON-LD graph is a mapping, not {type(graph).__name__}"
        )
    # Alphabetical order puts @context, @graph, @id and @type ("@" comes
    # before every letter) first: json sorts in C.
    try:
        if pretty:
            return dumps_indented(graph, sort_keys=True, allow_nan=False)
        return _COMPACT(graph)
    except (TypeError, ValueError) as exc:
        raise RenderError(f"the graph is not JSON: {exc}") from None
    except RecursionError:
        msg = "the graph is not JSON: it is nested too deeply, or in itself"
        raise RenderError(msg) from None


#: JSON text with sorted keys: equal for equal values.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _canon(value: Any) -> Hashable:
    """A key that is equal for equal values: to keep each value once."""
    kind = type(value)
    if kind is str or kind is int:
        scalar: str | int = value
        return scalar
    if kind is dict and len(value) == 1 and "@id" in value:
        return ("@id", value["@id"])
    return ("json", _CANONICAL(value))


# -- the graph under construction ---------------------------------------------


def _ref(iri: str) -> dict[str, Any]:
    return {"@id": iri}


def _one_or_all(values: list[Any]) -> Any:
    """A property's value as the graph keeps it: one value, or a list."""
    return values[0] if len(values) == 1 else values


class _Options(NamedTuple):
    """What to publish besides typed statements (a tuple: made per call)."""

    claims: bool
    spoilers: bool
    pending: bool


#: Up to this many values, a property's list is searched for a repeat;
#: past it, the values' keys are kept in a set (a season of hundreds of
#: episodes would make the search quadratic).
_SCAN = 16


class _Graph:
    """
    Nodes by IRI; values of each property kept once, in arrival order.

    A node is kept as the dict it will be written as: its ``@id``, its
    ``@type`` (one type, or a list of them), and each property's one value
    or list of values (no value the graph adds is itself a list), so that
    :meth:`finish` only has to sort the nodes and their keys.
    """

    def __init__(self, site: Site, shows: Iterable[Show],
                 options: _Options) -> None:
        self.site = site
        self.options = options
        self.shows = {s.id: s for s in shows}
        self.nodes: dict[str, dict[str, Any]] = {}
        #: The keys (see :func:`_canon`) of the long lists of values, by
        #: node IRI and property.
        self._keys: dict[tuple[str, str], set[Hashable]] = {}
        #: Nodes with several types, whose types finish() sorts.
        self._multityped: set[str] = set()
        #: IRIs of real people and of series, for an article's mentions.
        self.people: dict[str, None] = {}
        self.series: dict[str, None] = {}

    def node(self, iri: str, kind: str) -> dict[str, Any]:
        """The node, created if it is new, given that type."""
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = {"@id": iri, "@type": kind}
            return node
        types = node["@type"]
        if type(types) is list:
            if kind not in types:
                types.append(kind)
        elif types != kind:
            node["@type"] = [types, kind]
            self._multityped.add(iri)
        return node

    def named(self, iri: str, kind: str, name: str | None) -> dict[str, Any]:
        """
        The node, with that name: :meth:`node`, then :meth:`put`.

        Most named nodes are new, and are then made in one step.
        """
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = {"@id": iri, "@type": kind}
            if name is not None:
                node["name"] = name
            return node
        node = self.node(iri, kind)
        if name is not None:
            self.put(node, "name", name)
        return node

    def add(self, iri: str, prop: str, value: Any) -> None:
        """Add one value (ignoring ``None`` and repeats)."""
        if value is not None:
            self.put(self.nodes[iri], prop, value)

    def put(self, node: dict[str, Any], prop: str, value: Any) -> None:
        """Add one value, not ``None``, to a node (ignoring repeats)."""
        held = node.get(prop)
        if held is None:
            node[prop] = value
        elif type(held) is not list:
            # The graph holds strings, integers, and lists and dicts of
            # them (never booleans or floats), so == is JSON equality.
            if held != value:
                node[prop] = [held, value]
        elif len(held) < _SCAN:
            if value not in held:
                held.append(value)
        else:
            where = (node["@id"], prop)
            keys = self._keys.get(where)
            if keys is None:
                keys = self._keys[where] = {_canon(v) for v in held}
            key = _canon(value)
            if key not in keys:
                keys.add(key)
                held.append(value)

    def add_all(self, iri: str, prop: str, values: Iterable[Any]) -> None:
        for value in values:
            self.add(iri, prop, value)

    def replace(self, iri: str, kind: str) -> None:
        """Start the node afresh, as a node of that kind only."""
        self.nodes[iri] = {"@id": iri, "@type": kind}
        self._multityped.discard(iri)
        for where in [k for k in self._keys if k[0] == iri]:
            del self._keys[where]

    def finish(self) -> dict[str, Any]:
        """The graph: its nodes by IRI, each with its keys in order."""
        for iri in self._multityped:
            self.nodes[iri]["@type"].sort()
        # IRIs are unique: the sort never compares nodes.  "@id" and
        # "@type" come first ("@" sorts before letters), so a node with
        # one property is in order already.
        nodes = [node if len(node) <= 3 else _in_order(node)
                 for _, node in sorted(self.nodes.items())]
        return {"@context": CONTEXT, "@graph": nodes}


def _in_order(node: dict[str, Any]) -> dict[str, Any]:
    """The node, or a copy of it with its keys in order."""
    # Most nodes were built in order, which is cheaper to see than to
    # sort.  Keys are unique: the sort never compares values.
    keys = list(node)
    order = sorted(keys)
    return node if keys == order else {key: node[key] for key in order}
