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

import datetime as dt
import json
import re
import zoneinfo
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeAlias, TypeVar

import attrs

from showfacts import _people_words as pw
from showfacts import _wording
from showfacts._json import dumps_indented
from showfacts._text import publishable
from showfacts.crosswalk import SCHEMA_ORG_STATUSES
from showfacts.dates import FuzzyDate, Precision
from showfacts.exceptions import InvalidDataError, Problem, RenderError
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.models import (
    GONE,
    LEFT,
    URL_PATTERN,
    Adaptation,
    AdditionalCast,
    Award,
    AwardOutcome,
    Billing,
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    CrewCredit,
    CrewRole,
    Episode,
    ExternalIds,
    Fact,
    FactRef,
    Milestone,
    MilestoneKind,
    OrgKind,
    Relation,
    RelationKind,
    ReleasePattern,
    ReleasePlan,
    Season,
    Show,
    ShowStatus,
    StatusFact,
    Tease,
    WorkKind,
)
from showfacts.releases import (
    MAX_ORDINAL,
    episodes_phrase,
    format_words,
    in_region,
    part_label,
    region_name,
    schedule_phrase,
)
from showfacts.views import best


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

#: The ``@context`` of every graph.
CONTEXT = "https://schema.org"

#: The pending (not yet stable) schema.org terms showfacts can emit, each
#: only behind an option: ``Claim`` and ``appearance`` with ``claims=True``,
#: ``creativeWorkStatus`` with ``pending=True``.
#: ``creditText`` (an image's credit) with ``pending=True`` too.
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

_URL_RE = re.compile(URL_PATTERN)

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


# -- words --------------------------------------------------------------------

_BILLING = {
    Billing.MAIN: "main",
    Billing.RECURRING: "recurring",
    Billing.GUEST: "guest",
    Billing.SPECIAL_GUEST: "special guest",
    Billing.CROSSOVER: "crossover",
    Billing.VOICE: "voice",
}
_STATUS = {
    CastStatus.RETURNING: "returning",
    CastStatus.NEW: "new",
    CastStatus.RECAST: "recast",
    CastStatus.DEPARTING: "departing",
    CastStatus.NOT_RETURNING: "not returning",
    CastStatus.KILLED_OFF: "killed off",
}
_STATUS_PHRASE = {
    ShowStatus.IN_DEVELOPMENT: "is in development",
    ShowStatus.PILOT: "is at the pilot stage",
    ShowStatus.PLANNED: "is planned",
    ShowStatus.IN_PRODUCTION: "is in production",
    ShowStatus.RETURNING: "is a returning series",
    ShowStatus.UNDETERMINED: "has an undetermined future",
    ShowStatus.ENDED: "has ended",
    ShowStatus.CANCELLED: "is cancelled",
    ShowStatus.AIRING: "is airing",
    ShowStatus.BETWEEN_PARTS: "is between parts of a season",
    ShowStatus.ENDING: "is ending",
}
_CREW_PHRASE = {
    CrewRole.SHOWRUNNER: "is a showrunner of",
    CrewRole.CREATOR: "is a creator of",
    CrewRole.DEVELOPER: "developed",
    CrewRole.WRITER: "is a writer of",
    CrewRole.DIRECTOR: "is a director of",
    CrewRole.EXECUTIVE_PRODUCER: "is an executive producer of",
    CrewRole.SOURCE_AUTHOR: "wrote the source material of",
    CrewRole.PRODUCER: "is a producer of",
}
_RELATION_PHRASE = {
    **pw.RELATION_PHRASES,
    RelationKind.SPIN_OFF_OF: "is a spin-off of",
    RelationKind.SAME_FRANCHISE: "is in the same franchise as",
    RelationKind.CROSSOVER_WITH: "has crossovers with",
    RelationKind.PREQUEL_OF: "is a prequel to",
    RelationKind.SEQUEL_OF: "is a sequel to",
}
_PATTERN_PHRASE = {
    ReleasePattern.ALL_AT_ONCE: "all at once",
    ReleasePattern.WEEKLY: "weekly",
    ReleasePattern.IN_PARTS: "in parts",
    ReleasePattern.BATCH_THEN_WEEKLY: "in a batch, then weekly",
}
_EVENT_TYPES = {
    OrgKind.STREAMER: "OnDemandEvent",
    OrgKind.NETWORK: "BroadcastEvent",
}
_WORK_TYPES = {
    WorkKind.BOOK: "Book",
    WorkKind.BOOK_SERIES: "BookSeries",
    WorkKind.COMIC: "ComicSeries",
    WorkKind.GAME: "VideoGame",
    WorkKind.SHOW: "TVSeries",
    WorkKind.FILM: "Movie",
    WorkKind.SPECIAL: "CreativeWork",
}
#: Relations that make the other show a source of this one.
_DERIVED_FROM = (
    RelationKind.SPIN_OFF_OF,
    RelationKind.PREQUEL_OF,
    RelationKind.SEQUEL_OF,
)
#: Relations that make the other show or work a source of this one, and
#: those that make this one a source of the other (``isBasedOn`` on the
#: other node).  Same franchise, same universe and crossovers have no
#: schema.org term: they are claims.
_SOURCE_OF_THIS = (*_DERIVED_FROM, RelationKind.ADAPTATION_OF)
_BASED_ON_THIS = (
    RelationKind.HAS_SPIN_OFF,
    RelationKind.HAS_PREQUEL,
    RelationKind.HAS_SEQUEL,
    RelationKind.ADAPTED_AS,
)
#: Crew roles that stay true once held: a creator who steps back still
#: created the show.
_LASTING_ROLES = (CrewRole.CREATOR, CrewRole.DEVELOPER,
                  CrewRole.SOURCE_AUTHOR)
_FILMING = (MilestoneKind.FILMING_STARTED, MilestoneKind.FILMING_WRAPPED)
#: Milestones that end a show.
_ENDINGS = (MilestoneKind.ENDED, MilestoneKind.FINALE)
#: How a crew credit is stated: the series' or season's property, and
#: the role name of the ``Role`` that holds the person (``None``: the
#: person is the value).  Source authors are authors of the work instead.
_CREW_PROPERTIES = {
    CrewRole.CREATOR: ("creator", None),
    CrewRole.DIRECTOR: ("director", None),
    CrewRole.DEVELOPER: ("creator", "developer"),
    CrewRole.WRITER: ("author", "writer"),
    CrewRole.SHOWRUNNER: ("producer", "showrunner"),
    CrewRole.EXECUTIVE_PRODUCER: ("producer", "executive producer"),
    CrewRole.PRODUCER: ("producer", None),
}

# Enum members the mapping compares every fact with, read once: on
# Python 3.11, reading a member from its class (``Certainty.CONFIRMED``)
# is a descriptor call that costs more than the rest of the test.
_CONFIRMED = Certainty.CONFIRMED
_PREMIERE = MilestoneKind.PREMIERE
_FINALE = MilestoneKind.FINALE
_PART = MilestoneKind.PART_RELEASE
_FINAL_SEASON = MilestoneKind.FINAL_SEASON
_SOURCE_AUTHOR = CrewRole.SOURCE_AUTHOR
_DAY = Precision.DAY


def _season_name(show: Show, number: int) -> str:
    """"Season 2", "Specials", or the season's title."""
    try:
        return show.season(number).name
    except KeyError:  # pragma: no cover - facts live in seasons
        return f"Season {number}"


def _season_label(show: Show, number: int | None) -> str:
    """What a statement is about: "Ballard" or "Ballard Season 2"."""
    if number is None:
        return show.title
    return f"{show.title} {_season_name(show, number)}"


def _sentence(text: str) -> str:
    """End with a full stop, unless the text ends a sentence already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _when(date: FuzzyDate | None) -> str:
    return f" {date.label()}" if date is not None else ""


def _org_name(show: Show, org_id: str | None) -> str | None:
    if org_id is None:
        return None
    try:
        return show.organization(org_id).name
    except KeyError:
        return org_id


def _milestone_statement(show: Show, number: int | None,
                         fact: Milestone) -> str:
    kind = fact.kind
    subject = _season_label(show, number)
    date = fact.date
    platform = _org_name(show, fact.platform)
    on = f" on {platform}" if platform else ""
    at = ""
    if fact.time:
        at = f" at {fact.time}" + (f" ({fact.timezone})" if fact.timezone
                                   else "")
    where = f" in {fact.location}" if fact.location else ""
    detail = f" ({fact.detail})" if fact.detail else ""
    dated = f", {date.label()}" if date is not None else ""
    on += in_region(fact.region)
    episodes = episodes_phrase(fact)
    if episodes:
        detail = f" ({episodes})" + detail
    if kind is MilestoneKind.PREMIERE:
        return f"{subject} premieres{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.FINALE:
        return f"The finale of {subject} airs{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.PART_RELEASE:
        part = part_label(fact)
        part = part[:1].upper() + part[1:]
        return f"{part} of {subject} is released{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.FINAL_SEASON:
        return f"{subject} is the final season of {show.title}{detail}{dated}"
    if kind is MilestoneKind.RENEWED:
        if number is not None:
            name = _season_name(show, number)
            return f"{show.title} is renewed for {name}{on}{detail}{dated}"
        return f"{show.title} is renewed{on}{detail}{dated}"
    if kind is MilestoneKind.IN_DEVELOPMENT:
        return f"{subject} is in development{on}{detail}{dated}"
    if kind is MilestoneKind.WRITING_STARTED:
        return f"Writing of {subject} starts{_when(date)}{detail}"
    if kind is MilestoneKind.CASTING_ANNOUNCED:
        return f"Casting for {subject} is announced{detail}{dated}"
    if kind is MilestoneKind.FILMING_STARTED:
        return f"Filming of {subject} starts{where}{_when(date)}{detail}"
    if kind is MilestoneKind.FILMING_WRAPPED:
        return f"Filming of {subject} wraps{where}{_when(date)}{detail}"
    if kind is MilestoneKind.TRAILER_RELEASED:
        return f"A trailer for {subject} is released{_when(date)}{detail}"
    if kind is MilestoneKind.CANCELLED:
        return f"{subject} is cancelled{on}{detail}{dated}"
    return f"{subject} ends{_when(date)}{on}{detail}"


def _release_phrase(show: Show, fact: ReleasePlan) -> str:
    parts = []
    if fact.pattern is not None:
        parts.append(_PATTERN_PHRASE[fact.pattern])
    platform = _org_name(show, fact.platform)
    if platform:
        parts.append(f"on {platform}")
    if fact.region:
        parts.append(f"in {region_name(fact.region)}")
    if fact.date is not None:
        parts.append(f"from {fact.date.label()}")
    schedule = schedule_phrase(fact)
    if schedule:
        parts.append(f"({schedule})")
    counts = []
    if fact.episodes:
        counts.append(f"{fact.episodes} episode"
                      f"{'s' if fact.episodes != 1 else ''}")
    if fact.initial_episodes and not schedule:
        counts.append(f"{fact.initial_episodes} on the first day")
    if fact.parts:
        counts.append(f"in {fact.parts} part{'s' if fact.parts != 1 else ''}")
    phrase = " ".join(parts)
    if counts:
        phrase += ("; " if phrase else "") + ", ".join(counts)
    return phrase


def _describe_plan(show: Show, fact: ReleasePlan) -> str:
    """A release plan as the description of its event: "Weekly on ..."."""
    phrase = _release_phrase(show, fact)
    return _sentence(phrase[:1].upper() + phrase[1:])


def _name(show: Show) -> pw.Name:
    """Names as claims write them: a character's first name."""
    def name(kind: str, item_id: str) -> str:
        try:
            if kind == "person":
                return show.person(item_id).name
            if kind == "character":
                return show.character(item_id).names[0]
            if kind == "organization":
                return show.organization(item_id).name
            return show.work(item_id).title
        except KeyError:
            return item_id

    return name


def _cast_statement(show: Show, subject: str, fact: CastCredit) -> str:
    person = show.person(fact.person).name
    names = [show.character(c).names[0] for c in fact.characters]
    roles = " and ".join(names)
    gone = pw.gone_statement(fact, subject, roles, person)
    if gone is not None:
        return gone
    role = _wording.role(fact, roles)
    words = _wording.billing(fact)
    billing = f" ({words})" if words else ""
    if fact.status is CastStatus.RETURNING:
        verb = f"returns {role} in" if role else "returns to"
    elif fact.status is CastStatus.NEW:
        verb = (f"joins {subject} {role}" if role
                else f"joins the cast of {subject}")
        return f"{person} {verb}{billing}"
    elif fact.status is CastStatus.RECAST:
        verb = (f"takes over {role}"
                f"{pw.recast_from(fact, show, _name(show))} in"
                if role and not fact.undisclosed
                else "takes over a role"
                f"{pw.recast_from(fact, show, _name(show))} in")
    elif fact.status is CastStatus.DEPARTING:
        verb = f"leaves {subject}" + (f", where they play {roles}"
                                       if roles else "")
        return f"{person} {verb}{billing}"
    elif role and (roles or fact.role):
        verb = f"plays {role.removeprefix('as ')} in"
    elif role:
        verb = f"is cast {role} in"
    else:
        verb = "is in the cast of"
    return f"{person} {verb} {subject}{billing}"


def _crew_statement(show: Show, subject: str, fact: CrewCredit) -> str:
    person = show.person(fact.person).name
    changed = pw.crew_statement(fact, subject, person)
    if changed is not None:
        return changed
    if fact.role is CrewRole.SOURCE_AUTHOR and fact.work is not None:
        return (f"{person} wrote {show.work(fact.work).title}, the source "
                f"of {subject}")
    return f"{person} {_CREW_PHRASE[fact.role]} {subject}"


def _episode_statement(subject: str, fact: Episode) -> str:
    clauses = []
    if fact.title and fact.number is not None:
        clauses.append(f"is titled “{fact.title}”")
    if fact.air_date is not None:
        clauses.append(f"airs {fact.air_date.label()}")
    if fact.runtime:
        clauses.append(f"runs {fact.runtime} minutes")
    if fact.finale:
        clauses.insert(0, "is the finale")
    if fact.region:
        clauses.append(f"is for {region_name(fact.region)}")
    label = fact.label
    base = f"{label[:1].upper()}{label[1:]} of {subject}"
    if not clauses:
        return f"{subject} has an {label}"
    if len(clauses) == 1:
        return f"{base} {clauses[0]}"
    return f"{base} {', '.join(clauses[:-1])} and {clauses[-1]}"


def _statement(show: Show, ref: FactRef) -> str:
    fact = ref.fact
    subject = _season_label(show, ref.season)
    if isinstance(fact, Tease):
        return fact.text
    if isinstance(fact, Milestone):
        return _milestone_statement(show, ref.season, fact)
    if isinstance(fact, ReleasePlan):
        phrase = _release_phrase(show, fact)
        return f"{subject} is released" + (f" {phrase}" if phrase else "")
    if isinstance(fact, CastCredit):
        return _cast_statement(show, subject, fact)
    if isinstance(fact, CrewCredit):
        return _crew_statement(show, subject, fact)
    if isinstance(fact, StatusFact):
        return f"{show.title} {_STATUS_PHRASE[fact.status]}"
    if isinstance(fact, Relation):
        if fact.work is not None:
            return pw.relation_statement(fact, show, show.title,
                                         _name(show))
        other = fact.title or fact.show
        return f"{show.title} {_RELATION_PHRASE[fact.kind]} {other}"
    if isinstance(fact, Adaptation):
        work = show.work(fact.work)
        name = _name(show)
        authors = " and ".join(pw.author_name(show, a, name)
                               for a in work.authors)
        by = f" by {authors}" if authors else ""
        return f"{subject} is based on {work.title}{by}"
    if isinstance(fact, Award):
        return pw.award_statement(fact, show, subject, _name(show))
    if isinstance(fact, AdditionalCast):
        return pw.additional_cast_statement(fact, subject, _name(show))
    if isinstance(fact, Episode):
        return _episode_statement(subject, fact)
    return f"{subject}: {fact.id}"  # pragma: no cover - every kind is above


def claim_text(show: Show, fact_id: str) -> str:
    """
    A fact in one sentence that starts with how sure it is.

    Spoilers say so first.  This is the ``text`` of the fact's ``Claim``,
    and what fact cards show for it.

    >>> import showfacts
    >>> show = showfacts.load("examples/ballard.yaml")
    >>> print(claim_text(show, "s2-premiere-window"))
    Expected: Ballard Season 2 premieres summer or fall 2026 (mid-to-late \
2026); no official premiere date yet.

    Raises:
        KeyError: If the show has no such fact.

    .. versionadded:: 0.1.0
    """
    ref = show.ref(fact_id)
    fact = ref.fact
    word = fact.certainty.word
    prefix = word.capitalize()
    if isinstance(fact, Tease):
        subject = _season_label(show, ref.season)
        prefix = (f"Spoiler, {word}" if fact.spoiler else prefix)
        prefix += f" for {subject}"
    said = _wording.qualified(_statement(show, ref), fact)
    text = f"{prefix}: {_sentence(said)}"
    who = _wording.attribution(fact)
    if who is not None:
        text += f" Said by {_sentence(who)}"
    return publishable(text)


# -- the mapping --------------------------------------------------------------


#: Where TMDb and TVmaze pages of a kind of thing are: their ids are
#: numbers, which say nothing of what they are the id of.
_NUMBERED_URLS = {
    "tv": ("https://www.themoviedb.org/tv/", "https://www.tvmaze.com/shows/"),
    "person": ("https://www.themoviedb.org/person/",
               "https://www.tvmaze.com/people/"),
    # Each service's pages by id, as it publishes them; ``None`` where it
    # has no page for that kind of thing (the id is then kept in the
    # data only).  TMDb seasons and episodes have pages by show and
    # number only.
    "season": (None, "https://www.tvmaze.com/seasons/"),
    "episode": (None, "https://www.tvmaze.com/episodes/"),
    "character": (None, "https://www.tvmaze.com/characters/"),
    "film": ("https://www.themoviedb.org/movie/", None),
    OrgKind.NETWORK.value: ("https://www.themoviedb.org/network/",
                            "https://www.tvmaze.com/networks/"),
    OrgKind.STREAMER.value: ("https://www.themoviedb.org/network/",
                             "https://www.tvmaze.com/webchannels/"),
    OrgKind.STUDIO.value: ("https://www.themoviedb.org/company/", None),
}
#: TheTVDB's pages by id: its dereferrer for series, seasons, episodes and
#: films, and its people pages.
_TVDB_URLS = {
    "tv": "https://thetvdb.com/dereferrer/series/",
    "season": "https://thetvdb.com/dereferrer/season/",
    "episode": "https://thetvdb.com/dereferrer/episode/",
    "film": "https://thetvdb.com/dereferrer/movie/",
    "person": "https://thetvdb.com/people/",
}
#: The kind of page a work's numbered ids lead to.
_WORK_PAGES = {WorkKind.SHOW: "tv", WorkKind.FILM: "film"}


def _same_as(ids: ExternalIds, kind: str | None = None) -> Sequence[str]:
    """``sameAs`` URLs; TMDb, TVmaze, TheTVDB only where the kind is known."""
    urls = ids.urls()
    if kind is None or not (ids.tmdb or ids.tvmaze or ids.tvdb):
        return urls
    tmdb, tvmaze = _NUMBERED_URLS.get(kind, (None, None))
    tvdb = _TVDB_URLS.get(kind)
    return [
        *urls,
        *((f"{tmdb}{ids.tmdb}",) if ids.tmdb and tmdb else ()),
        *((f"{tvmaze}{ids.tvmaze}",) if ids.tvmaze and tvmaze else ()),
        *((f"{tvdb}{ids.tvdb}",) if ids.tvdb and tvdb else ()),
    ]


def _image(url: str | None, credit: str | None, alt: str | None, *,
           pending: bool) -> Any:
    """
    An image: its URL, or an ``ImageObject``.

    The object has the text alternative (``caption``) and, with the
    pending terms, the credit (``creditText``).
    """
    if url is None:
        return None
    alt = _text(alt)
    credit = _text(credit) if pending else None
    if not alt and not credit:
        return url
    node: dict[str, Any] = {"@type": "ImageObject"}
    if alt:
        node["caption"] = alt
    node["contentUrl"] = url
    if credit:
        node["creditText"] = credit
    return node


#: EDTF values that are plain ISO 8601 dates: a year, a month or a day,
#: without qualifier (months 21 to 41 are seasons and the like).
_PLAIN_DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-[0-9]{2})?)?")


def _iso(date: FuzzyDate) -> str | None:
    """
    :meth:`FuzzyDate.iso`, without parsing most values.

    Most dates are plain ISO 8601 dates already, and valid (a fuzzy date
    checks its value when it is made): they are their own ISO form.
    """
    if _PLAIN_DATE.fullmatch(date.edtf):
        return date.edtf
    return date.iso()


def _date_time(fact: Milestone) -> str | None:
    """The milestone's start as a date-time with its offset, if known."""
    date = fact.date
    if (date is None or fact.time is None or fact.timezone is None
            or not date.is_exact or date.precision is not _DAY):
        return None
    day = date.earliest
    hour, minute = (int(part) for part in fact.time.split(":"))
    try:
        zone = zoneinfo.ZoneInfo(fact.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    moment = dt.datetime(day.year, day.month, day.day, hour, minute,
                         tzinfo=zone)
    return moment.isoformat()


class _SeasonFacts:
    """
    The current confirmed facts of one season, sorted out once per graph.

    Only confirmed facts become typed statements (claims go through
    :meth:`~showfacts.models.Show.facts`), so the rest of a season is
    passed over with one look at its certainty.  The premiere and the
    finale are the best confirmed ones: certainty ranks first in
    :func:`~showfacts.views.best`, so when the best current premiere is
    confirmed it is this one, and when it is not, nothing is stated.
    """

    __slots__ = (
        "additional_cast",
        "awards",
        "based_on",
        "cast",
        "crew",
        "episode_count",
        "episodes",
        "filming",
        "final",
        "finale",
        "parts",
        "premiere",
        "premieres",
        "release_plans",
        "season",
        "start",
        "typed",
    )

    def __init__(self, show: Show, season: Season) -> None:
        is_current = show.is_current
        self.season = season
        milestones = _confirmed(season.milestones, is_current)
        self.release_plans = _confirmed(season.release_plans, is_current)
        cast = _confirmed(season.cast, is_current)
        crew = _confirmed(season.crew, is_current)
        self.cast = _current_cast(cast, show)
        self.crew = _current_crew(crew)
        self.episodes = _confirmed(season.episodes, is_current)
        self.based_on = _confirmed(season.based_on, is_current)
        additional = _confirmed(season.additional_cast, is_current)
        self.additional_cast = [
            f for f in additional if f.characters and f.status not in GONE
        ]
        awards = _confirmed(season.awards, is_current)
        self.awards = _won(awards)
        if len(self.episodes) > 1:
            self.episodes.sort(key=_episode_number)
        premieres = []
        finales = []
        parts = []
        #: Whether a confirmed current milestone says it is the last season.
        self.final = False
        #: Where the season was made.
        self.filming: list[Milestone] = []
        for m in milestones:
            kind = m.kind
            if kind is _PREMIERE:
                premieres.append(m)
            elif kind is _FINALE:
                finales.append(m)
            elif kind is _PART:
                parts.append(m)
            elif kind in _FILMING:
                self.filming.append(m)
            elif kind is _FINAL_SEASON:
                self.final = True
        #: The best premiere of each region and platform, and the best
        #: release of each part of each region and platform.
        self.premieres = _best_each(premieres)
        self.parts = _best_each(parts)
        self.premiere = (
            _earliest(self.premieres) if len(self.premieres) > 1
            else self.premieres[0] if self.premieres else None
        )
        #: The season's start: its earliest confirmed release.
        self.start = _earliest([*self.premieres, *self.parts])
        self.finale = _best(finales) if finales else None
        self.episode_count = None
        if self.release_plans:
            plan = _best([p for p in self.release_plans
                          if p.episodes is not None])
            if plan is not None:
                self.episode_count = plan.episodes
        if self.episode_count is None and season.episodes_complete:
            self.episode_count = len(season.episodes) or None
        #: Whether a current confirmed fact is about the season: whether
        #: it is a node.
        self.typed = bool(
            milestones or self.release_plans or cast or crew
            or self.episodes or _confirmed(season.teases, is_current)
            or self.based_on or additional or awards
        )


def _confirmed(facts: tuple[F, ...], is_current: Callable[[str], bool]) -> (
    list[F]
):
    """
    The confirmed current facts among these, in their order.

    A fact with a public qualifier ("CBS has yet to confirm") is left out:
    a typed statement has no room for the caveat, so it is a claim.
    """
    # A loop, not a comprehension: most of these tuples are short or
    # empty, and a comprehension is a function call of its own.
    found = []
    for fact in facts:
        if (fact.certainty is _CONFIRMED and fact.qualifier is None
                and is_current(fact.id)):
            found.append(fact)  # noqa: PERF401 - see above
    return found


def _current_cast(cast: list[CastCredit], show: Show) -> (
    list[CastCredit]
):
    """
    The credits of a cast that say who is in it now.

    Those who will not return, or whose character is killed off, are not
    (whatever other credit of the same list says); nor is a person a
    recast in the same cast replaces.
    """
    if not cast:
        return cast
    replaced = {c.person for c in cast if c.status in GONE}
    for credit in cast:
        if credit.status is CastStatus.RECAST:
            if credit.replaces is not None:
                replaced.add(credit.replaces)
            if credit.replaces_credit is not None:
                before = show.fact(credit.replaces_credit)
                if isinstance(before, CastCredit):
                    replaced.add(before.person)
    return [
        c for c in cast
        if c.status not in GONE
        and (c.person not in replaced or c.status is CastStatus.RECAST)
    ]


def _current_crew(crew: list[CrewCredit]) -> list[CrewCredit]:
    """
    The credits of a crew that say who holds a role now.

    A departure or a step back is not a current role, and it ends the
    other credits for the same person and role in the same list (a
    creator who steps back still created the show).
    """
    left = {(c.person, c.role) for c in crew if c.status in LEFT}
    if not left:
        return crew
    return [
        c for c in crew
        if c.status not in LEFT
        and ((c.person, c.role) not in left or c.role in _LASTING_ROLES)
    ]


def _won(awards: list[Award]) -> list[Award]:
    """The awards won: nominations are no schema.org ``award``."""
    return [a for a in awards if a.outcome is AwardOutcome.WON]


def _best(facts: list[F]) -> F | None:
    """:func:`~showfacts.views.best`, without ranking a single fact."""
    if len(facts) > 1:
        return best(facts)
    return facts[0] if facts else None


def _best_each(releases: list[Milestone]) -> list[Milestone]:
    """The best release of each part, region and platform, in file order."""
    if len(releases) <= 1:
        return releases
    groups: dict[tuple[int | None, str | None, str | None],
                 list[Milestone]] = {}
    for m in releases:
        groups.setdefault((m.part, m.region, m.platform), []).append(m)
    chosen = {id(_best(group)) for group in groups.values()}
    return [m for m in releases if id(m) in chosen]


def _earliest(releases: list[Milestone]) -> Milestone | None:
    """The release with the earliest ISO date (the first of equals)."""
    dated = [(m.date.earliest, i, m) for i, m in enumerate(releases)
             if m.date is not None and _iso(m.date) is not None]
    if not dated:
        return None
    return min(dated, key=lambda t: (t[0], t[1]))[2]


def _season_total(show: Show, typed: Mapping[int, _SeasonFacts]) -> (
    int | None
):
    """How many seasons the show has, when the file says so."""
    numbered = sorted(n for n in typed if n >= 1)
    if show.seasons_complete:
        # Seasons known only from unconfirmed facts are not nodes, and
        # are not counted; the rest must be numbered 1 to N.
        if numbered and numbered == list(range(1, len(numbered) + 1)):
            return len(numbered)
        return None
    finals = [n for n, facts in typed.items() if facts.final]
    if len(finals) == 1 and 1 <= finals[0] <= MAX_ORDINAL:
        return finals[0]
    return None

def _episode_number(episode: Episode) -> tuple[bool, int]:
    """Numbered episodes by number, then those known by title only."""
    number = episode.number
    return (number is None, number or 0)


def _season_number(season: Season) -> int:
    return season.number


#: The last show whose seasons were sorted out, and what was found: a
#: site maps a show once, then each of its seasons, and each season's
#: graph needs every season's facts.  Shows are frozen, so what was found
#: holds for as long as the show is the same object.
_LAST_TYPED: list[tuple[Show, dict[int, _SeasonFacts]]] = []


def _typed_seasons(show: Show) -> dict[int, _SeasonFacts]:
    """The seasons of a show that are nodes, by number (read only)."""
    last = _LAST_TYPED[0] if _LAST_TYPED else None
    if last is not None and last[0] is show:
        return last[1]
    typed = {
        facts.season.number: facts
        for facts in (
            _SeasonFacts(show, season) for season in
            sorted(show.seasons, key=_season_number)
        )
        if facts.typed
    }
    _LAST_TYPED[:] = [(show, typed)]
    return typed


class _ShowMapper:
    """Maps one show (or one of its seasons) into a :class:`_Graph`."""

    def __init__(self, graph: _Graph, show: Show, scope: int | None) -> None:
        self.g = graph
        self.site = graph.site
        self.show = show
        self.scope = scope
        is_current = show.is_current
        self.series = self.site.show_iri(show.id)
        #: The show's current confirmed facts that typed statements come
        #: from (as for a season, the best confirmed status or premiere
        #: is the best current one, when that one is confirmed).
        self.based_on = _confirmed(show.based_on, is_current)
        self.relations = _confirmed(show.relations, is_current)
        self.crew_credits = _current_crew(_confirmed(show.crew, is_current))
        self.milestones = _confirmed(show.milestones, is_current)
        self.cast_credits = _current_cast(_confirmed(show.cast, is_current),
                                          show)
        self.additional_cast = [
            f for f in _confirmed(show.additional_cast, is_current)
            if f.characters and f.status not in GONE
        ]
        self.awards = _won(_confirmed(show.awards, is_current))
        #: People's awards won, with the season they are for, mapped last.
        self.person_awards: list[tuple[Award, str, int | None]] = []
        #: Facts whose statement the typed graph makes in full.
        self.expressed: set[str] = set()
        #: IRIs this show has already described.
        self.done: set[str] = set()
        #: The seasons that are nodes, by number.
        self.typed = _typed_seasons(show)
        self.works = self._works_in_graph()
        #: The IRIs of the people and organizations met so far, by id.
        self._person_iris: dict[str, str] = {}
        self._organization_iris: dict[str, str] = {}
        #: Characters' IRIs and names, by id.
        self._characters: dict[str, tuple[str, str | None]] = {}

    # -- shared nodes ---------------------------------------------------------

    def _first(self, iri: str, kind: str) -> bool:
        """Create the node; whether this show has yet to describe it."""
        self.g.node(iri, kind)
        if iri in self.done:
            return False
        self.done.add(iri)
        return True

    def person(self, person_id: str) -> dict[str, Any]:
        iri = self._person_iris.get(person_id)
        if iri is None:
            # The first call for a person describes it (this show has not:
            # person IRIs come only from here); later ones refer to it.
            iri = self._person_iris[person_id] = self.site.person_iri(
                person_id
            )
            self.g.people[iri] = None
            person = self.show.person(person_id)
            node = self.g.named(iri, "Person", _text(person.name))
            for url in _same_as(person.external_ids, "person"):
                self.g.put(node, "sameAs", url)
            if person.image is not None:
                self.g.put(node, "image", _image(
                    person.image, person.image_credit, person.image_alt,
                    pending=self.g.options.pending,
                ))
        return {"@id": iri}

    def author(self, author_id: str) -> dict[str, Any]:
        """A work's author: a person, or an organization (a studio)."""
        try:
            self.show.person(author_id)
        except KeyError:
            return self.organization(author_id)
        return self.person(author_id)

    def organization(self, org_id: str) -> dict[str, Any]:
        iri = self._organization_iris.get(org_id)
        if iri is None:
            iri = self._organization_iris[org_id] = (
                self.site.organization_iri(org_id)
            )
            if self._first(iri, "Organization"):
                org = self.show.organization(org_id)
                self.g.add(iri, "name", _text(org.name))
                self.g.add(iri, "url", org.url)
                self.g.add(iri, "logo", org.logo)
                self.g.add_all(iri, "sameAs", _same_as(org.external_ids,
                                                       org.kind.value))
                if org.parent is not None:
                    self.g.add(iri, "parentOrganization",
                               self.organization(org.parent))
        return {"@id": iri}

    def character(self, character_id: str) -> tuple[dict[str, Any],
                                                    str | None]:
        """A reference to the character, and the name roles give it."""
        known = self._characters.get(character_id)
        if known is None:
            # As for a person: only the first call describes it.
            iri = self.site.character_iri(character_id)
            character = self.show.character(character_id)
            name = _text(character.names[0])
            known = self._characters[character_id] = (iri, name)
            g = self.g
            node = g.named(iri, "Person", name)
            if len(character.names) > 1:
                g.add_all(iri, "alternateName",
                          [_text(n) for n in character.names[1:]])
            if character.description is not None:
                g.add(iri, "description", _text(character.description))
            g.add(iri, "image", _image(
                character.image, character.image_credit,
                character.image_alt, pending=g.options.pending,
            ))
            g.add_all(iri, "sameAs",
                      _same_as(character.external_ids, "character"))
            home = character.home_show
            if home is not None and home != self.show.id:
                g.put(node, "subjectOf", self.other_series(home))
        return {"@id": known[0]}, known[1]

    def work(self, work_id: str) -> dict[str, Any]:
        iri = self.site.work_iri(work_id)
        work = self.show.work(work_id)
        if self._first(iri, _WORK_TYPES[work.kind]):
            self.g.add(iri, "name", _text(work.title))
            for author in work.authors:
                self.g.add(iri, "author", self.author(author))
            if work.year is not None:
                self.g.add(iri, "datePublished", f"{work.year:04d}")
            self.g.add(iri, "url", work.url)
            self.g.add_all(iri, "sameAs", _same_as(
                work.external_ids, _WORK_PAGES.get(work.kind)))
            if work.part_of is not None:
                self.g.add(iri, "isPartOf", self.work(work.part_of))
        return _ref(iri)

    def other_series(self, show_id: str) -> dict[str, Any]:
        """Another show: its node if it is in the graph, else a stub."""
        iri = self.site.show_iri(show_id)
        self.g.series[iri] = None
        if show_id in self.g.shows or show_id == self.show.id:
            return _ref(iri)
        if self._first(iri, "TVSeries"):
            titles = [
                _text(r.title) for r in self.show.relations
                if r.show == show_id and r.title
            ]
            self.g.add_all(iri, "name", titles)
        return _ref(iri)

    def source(self, source_id: str) -> dict[str, Any]:
        iri = self.site.source_iri(self.show.id, source_id)
        if self._first(iri, "CreativeWork"):
            source = self.show.source(source_id)
            self.g.add(iri, "name", _text(source.title))
            self.g.add(iri, "url", source.url)
            publisher = _text(source.publisher)
            if publisher:
                self.g.add(iri, "publisher",
                           {"@type": "Organization", "name": publisher})
            author = _text(source.author)
            if author:
                self.g.add(iri, "author", {"@type": "Person", "name": author})
            if source.published is not None:
                self.g.add(iri, "datePublished", _iso(source.published))
            relayed = _text(source.via)
            if relayed:
                # "As reported by Deadline": the report it is based on.
                self.g.add(iri, "isBasedOn", {
                    "@type": "CreativeWork",
                    "publisher": {"@type": "Organization", "name": relayed},
                })
        return _ref(iri)

    # -- the show -------------------------------------------------------------

    def _works_in_graph(self) -> set[str]:
        """The works typed statements refer to, and what they are part of."""
        found: set[str] = set()
        todo = [a.work for a in self.based_on]
        todo.extend(
            r.work for r in self.relations
            if r.work is not None
            and (r.kind in _SOURCE_OF_THIS or r.kind in _BASED_ON_THIS)
        )
        for number, facts in self.typed.items():
            if self.scope is None or number == self.scope:
                todo.extend(a.work for a in facts.based_on)
        while todo:
            work_id = todo.pop()
            if work_id in found:
                continue
            found.add(work_id)
            part_of = self.show.work(work_id).part_of
            if part_of is not None:
                todo.append(part_of)
        return found

    def run(self) -> None:
        seasons = {
            number: self.site.season_iri(self.show.id, number)
            for number in sorted(self.typed)
            if self.scope is None or number == self.scope
        }
        self.series_node(list(seasons.values()))
        for number, iri in seasons.items():
            self.season_node(iri, self.typed[number])
        self.awards_of_people()
        if self.g.options.claims:
            self.claims()

    def series_node(self, seasons: list[str]) -> None:
        """
        The series' node, its properties set in the order they are written.

        Show ids are unique in a graph (other shows refer to this one by
        IRI only), so the node is new: as for a season, a property with
        one value is set as it is.  Crew credits come out of order, and
        :meth:`_Graph.finish` sorts the node then.
        """
        show, g, iri = self.show, self.g, self.series
        g.series[iri] = None
        node = g.node(iri, "TVSeries")
        put = g.put
        for credit in self.crew_credits:
            self.crew(node, credit)
        for cast in self.cast_credits:
            self.cast(node, cast)
        self.people_facts(node, self.additional_cast, self.awards, None)
        if seasons:
            node["containsSeason"] = _one_or_all(
                [{"@id": season} for season in seasons]
            )
        for country in show.countries:
            put(node, "countryOfOrigin", {"@type": "Country", "name": country})
        if self.g.options.pending:
            status = _best(_confirmed(show.statuses, show.is_current))
            if status is not None:
                node["creativeWorkStatus"] = SCHEMA_ORG_STATUSES[status.status]
                self.expressed.add(status.id)
        description = _text(show.description)
        if show.format is not None:
            description = (format_words(show.format)
                           + (f" {description}" if description else ""))
        if show.fictional:
            description = ("Fictional: not a real show."
                           + (f" {description}" if description else ""))
        if description is not None:
            node["description"] = description
        start, end = self.series_dates()
        if end is not None:
            node["endDate"] = end
        for genre in show.genres:
            text = _text(genre)
            if text is not None:
                put(node, "genre", text)
        if show.image is not None:
            node["image"] = show.image
        for language in show.languages:
            put(node, "inLanguage", language)
        for adaptation in self.based_on:
            put(node, "isBasedOn", self.work(adaptation.work))
            self.expressed.add(adaptation.id)
        for relation in self.relations:
            self.relation(node, relation)
        if show.franchise is not None:
            franchise = self.site.franchise_iri(show.franchise.id)
            g.node(franchise, "CreativeWorkSeries")
            g.add(franchise, "name", _text(show.franchise.name))
            g.add(franchise, "hasPart", {"@id": iri})
            node["isPartOf"] = {"@id": franchise}
        self.locations(node, self.milestones)
        name = _text(show.title)
        if name is not None:
            node["name"] = name
        self.season_counts(node)
        for org in show.studios:
            put(node, "productionCompany", self.organization(org))
        for org in show.networks:
            put(node, "publisher", self.organization(org))
        for url in _same_as(show.external_ids, "tv"):
            put(node, "sameAs", url)
        if start is not None:
            node["startDate"] = start
        node["url"] = self.site.show_url(show.id)

    def series_dates(self) -> tuple[str | None, str | None]:
        """The series' start and end dates, as ISO dates."""
        milestones = self.milestones
        start = _dated(_best([m for m in milestones if m.kind is _PREMIERE]))
        if start is not None:
            self.expressed.add(start[0])
        elif 1 in self.typed:
            # The first season's premiere starts the series, but does not
            # say all a premiere milestone of the show would.
            start = _dated(self.typed[1].start)
        end = _dated(_best([m for m in milestones if m.kind in _ENDINGS]))
        if end is not None:
            self.expressed.add(end[0])
        return (start[1] if start else None, end[1] if end else None)

    def season_counts(self, node: dict[str, Any]) -> None:
        """
        ``numberOfEpisodes`` and ``numberOfSeasons``, in that order.

        A partial file never claims a total: the seasons are counted only
        when the file declares its list complete (``seasons_complete``:
        the seasons that are nodes, which must be numbered 1 to N),
        or when a confirmed milestone says which season is the final one
        (its number, when it is an ordinal, up to :data:`MAX_ORDINAL`).
        The episodes are counted only when every season counted has a
        count.
        """
        last = _season_total(self.show, self.typed)
        if last is None:
            return
        total = 0
        for number in range(1, last + 1):
            facts = self.typed.get(number)
            count = facts.episode_count if facts is not None else None
            if count is None:
                break
            total += count
        else:  # every season counted
            node["numberOfEpisodes"] = total
        node["numberOfSeasons"] = last


    def locations(self, node: dict[str, Any],
                  milestones: Iterable[Milestone]) -> None:
        """Where the filming milestones among these took place."""
        for m in milestones:
            if m.kind in _FILMING:
                place = _text(m.location)
                if place:
                    self.g.put(node, "locationCreated",
                               {"@type": "Place", "name": place})

    def relation(self, node: dict[str, Any], relation: Relation) -> None:
        """A relation as ``isBasedOn`` one way or the other, if it is one."""
        kind = relation.kind
        if kind not in _SOURCE_OF_THIS and kind not in _BASED_ON_THIS:
            return  # a claim: no schema.org term says it
        if relation.work is not None:
            other = self.work(relation.work)
        elif relation.show is not None:
            other = self.other_series(relation.show)
        else:  # pragma: no cover - the invariants refuse it
            return
        if kind in _SOURCE_OF_THIS:
            self.g.put(node, "isBasedOn", other)
        else:
            self.g.add(other["@id"], "isBasedOn", _ref(self.series))
        self.expressed.add(relation.id)

    def people_facts(self, node: dict[str, Any],
                     additional: list[AdditionalCast], awards: list[Award],
                     season: int | None) -> None:
        """Characters whose actors are not yet named, and awards won."""
        put = self.g.put
        for fact in additional:
            for character_id in fact.characters:
                put(node, "character", self.character(character_id)[0])
            if fact.count is None and fact.text is None:
                self.expressed.add(fact.id)
        show = self.show
        for award in awards:
            person = pw.award_winner(award, show)
            if person is None:
                put(node, "award", _text(pw.award_text(
                    award, show.title, for_person=False)))
                self.expressed.add(award.id)
            else:
                self.person_awards.append((award, person, season))

    def awards_of_people(self) -> None:
        """
        People's awards, on the people the graph already holds.

        Run after every credit is mapped: an award is no reason to put a
        person in the graph, who would stand there alone.
        """
        show = self.show
        for award, person, season in self.person_awards:
            iri = self.site.person_iri(person)
            if iri not in self.g.people:
                continue
            self.g.add(iri, "award", _text(pw.award_text(
                award, _season_label(show, season), for_person=True)))
            self.expressed.add(award.id)

    def crew(self, node: dict[str, Any], credit: CrewCredit) -> None:
        g = self.g
        role = credit.role
        if role is _SOURCE_AUTHOR:
            if credit.work is not None and credit.work in self.works:
                g.add(self.work(credit.work)["@id"], "author",
                      self.person(credit.person))
                self.expressed.add(credit.id)
            return
        prop, name = _CREW_PROPERTIES[role]
        person = self.person(credit.person)
        share = credit.share
        if share is not None:
            # "sole showrunner", "co-creator": the share is part of the
            # role's name, beside the plain one cards look for.
            shared = pw.role_noun(role, share)
            g.put(node, prop, {"@type": "Role", prop: person, "roleName":
                               shared if name is None else [name, shared]})
            self.expressed.add(credit.id)
            return
        # A Role's keys in the order they are written: each property
        # sorts before "roleName".
        g.put(node, prop, person if name is None else
              {"@type": "Role", prop: person, "roleName": name})
        self.expressed.add(credit.id)

    # -- seasons --------------------------------------------------------------

    def season_node(self, iri: str, sv: _SeasonFacts) -> None:
        """
        The season's node, its properties set in the order they are written.

        Season numbers are unique in a show, so the node is new: a
        property with one value is set as it is, and only those that
        gather values from several facts go through :meth:`_Graph.put`.
        (Season crew credits come out of order; :meth:`_Graph.finish`
        sorts such a node.)
        """
        g, show, season = self.g, self.show, sv.season
        number = season.number
        put = g.put
        premiere = _dated(sv.start)
        finale = _dated(sv.finale)
        events = self.release_events(sv, _dated(sv.premiere))
        node = g.node(iri, "TVSeason")
        for credit in sv.cast:
            self.cast(node, credit)
        for crew in sv.crew:
            self.crew(node, crew)
        self.people_facts(node, sv.additional_cast, sv.awards, number)
        for adaptation in sv.based_on:
            put(node, "isBasedOn", self.work(adaptation.work))
            self.expressed.add(adaptation.id)
        if season.description is not None:
            description = _text(season.description)
            if description is not None:
                node["description"] = description
        if finale is not None:
            node["endDate"] = finale[1]
            self.expressed.add(finale[0])
        if sv.episodes:
            node["episode"] = _one_or_all([
                self.episode(iri, number, episode)
                for episode in sv.episodes
            ])
        if season.image is not None:
            node["image"] = _image(season.image, season.image_credit,
                                   season.image_alt,
                                   pending=g.options.pending)
        self.locations(node, sv.filming)
        name = _text(season.name)
        if name is not None:
            node["name"] = name
        if sv.episode_count is not None:
            node["numberOfEpisodes"] = sv.episode_count
        node["partOfSeries"] = {"@id": self.series}
        for event in events:
            put(node, "releasedEvent", event)
        for url in _same_as(season.external_ids, "season"):
            put(node, "sameAs", url)
        node["seasonNumber"] = number
        if premiere is not None:
            node["startDate"] = premiere[1]
            self.expressed.add(premiere[0])
        node["url"] = self.site.season_url(show.id, number)

    def release_events(
        self, sv: _SeasonFacts, premiere: tuple[str, str] | None
    ) -> list[dict[str, Any]]:
        """
        The season's release events, from confirmed dated release plans.

        A confirmed premiere with a platform or a region is an event too,
        one for each region and platform, unless a plan already gives that
        day, platform and region; a confirmed undated plan for the same
        platform, everywhere, describes it.  A confirmed part release
        known to the day is an event named after the part.
        """
        events = self._plan_and_premiere_events(sv, premiere)
        for fact in sv.premieres:
            if fact is sv.premiere:
                continue
            dated = _dated(fact)
            if dated is not None and (fact.platform or fact.region):
                events.extend(self._plan_and_premiere_events(
                    sv, dated, fact=fact, plans=False, seen=events,
                ))
        for part in sv.parts:
            dated = _dated(part)
            if (dated is None or part.date is None
                    or part.date.precision is not _DAY):
                continue
            description = episodes_phrase(part)
            event = self.event(
                _date_time(part) or dated[1], part.platform, part.region,
                _text(_sentence(description[:1].upper() + description[1:]))
                if description else None,
                _text(part_label(part)),
            )
            # A premiere recorded for the same day, platform and region is
            # the same release: one event, named after the part.
            same = [i for i, e in enumerate(events)
                    if e["startDate"][:10] == event["startDate"][:10]
                    and e.get("publishedBy") == event.get("publishedBy")
                    and e.get("location") == event.get("location")
                    and "name" not in e]
            if same:
                events[same[0]] = event
            else:
                events.append(event)
            self.expressed.add(part.id)
        return _sorted_events(events)

    def _plan_and_premiere_events(
        self, sv: _SeasonFacts, premiere: tuple[str, str] | None, *,
        fact: Milestone | None = None, plans: bool = True,
        seen: list[dict[str, Any]] | None = None,
    ) -> list[dict[str, Any]]:
        show = self.show
        if fact is None:
            fact = sv.premiere
        moment = _date_time(fact) if premiere is not None and fact else None
        events: list[dict[str, Any]] = []
        undated: list[ReleasePlan] = []
        for plan in sv.release_plans if plans else ():
            date = _iso(plan.date) if plan.date is not None else None
            if date is None:
                undated.append(plan)
                continue
            if (moment is not None and fact is not None
                    and premiere is not None and date == premiere[1]
                    and plan.platform == fact.platform):
                date = moment
            events.append(self.event(
                date, plan.platform, plan.region,
                _text(_describe_plan(show, plan)),
            ))
            self.expressed.add(plan.id)
        if premiere is None or fact is None or (
            fact.platform is None and fact.region is None
        ):
            return events
        publisher = (None if fact.platform is None
                     else _ref(self.site.organization_iri(fact.platform)))
        location = (None if fact.region is None
                    else {"@type": "Country", "name": fact.region})
        if not any(e["startDate"][:len(premiere[1])] == premiere[1]
                   and e.get("publishedBy") == publisher
                   and (location is None or e.get("location") == location)
                   for e in (*events, *(seen or ()))):
            described_by = [p for p in undated if p.region is None
                            and p.platform in (None, fact.platform)]
            described = " ".join(_describe_plan(show, p)
                                 for p in described_by)
            events.append(self.event(moment or premiere[1],
                                     fact.platform, fact.region,
                                     _text(described)))
            self.expressed.update(p.id for p in described_by)
        self.expressed.add(fact.id)
        return events

    def event(self, start: str, platform: str | None, region: str | None,
              description: str | None,
              name: str | None = None) -> dict[str, Any]:
        """A release event, its keys in the order they are written."""
        kind = "PublicationEvent"
        if platform is not None:
            kind = _EVENT_TYPES.get(self.show.organization(platform).kind,
                                    kind)
        event: dict[str, Any] = {"@type": kind}
        if description:
            event["description"] = description
        if region is not None:
            event["location"] = {"@type": "Country", "name": region}
        if name:
            event["name"] = name
        if platform is not None:
            event["publishedBy"] = self.organization(platform)
        event["startDate"] = start
        return event

    def cast(self, node: dict[str, Any], credit: CastCredit) -> None:
        """A season's ``actor`` roles, then the characters they play."""
        put = self.g.put
        person = self.person(credit.person)
        # Only what the source gave: no billing, no roleName for it.
        names = [] if credit.billing is None else [_BILLING[credit.billing]]
        if credit.status is not None:
            names.append(_STATUS[credit.status])
        described = _text(credit.role)
        for character_id in credit.characters or (None,):
            # Keys in the order they are written.
            role: dict[str, Any] = {"@type": "PerformanceRole",
                                    "actor": person}
            if character_id is None:
                character = None
            else:
                character, name = self.character(character_id)
                if name:
                    role["characterName"] = name
            if described:
                role["description"] = described
            if names:
                role["roleName"] = _one_or_all(list(names))
            put(node, "actor", role)
            if character is not None:
                put(node, "character", character)
        self.expressed.add(credit.id)

    def episode(self, season_iri: str, season: int,
                episode: Episode) -> dict[str, Any]:
        """
        The episode's node, built whole; a reference to it.

        Episode numbers are unique in a season, so the node is new; its
        keys are set in the order they are written.
        """
        iri = (
            self.site.episode_iri(self.show.id, season, episode.number)
            if episode.number is not None
            else f"{self.site.season_url(self.show.id, season)}"
            f"#episode-fact-{episode.id}"
        )
        node = self.g.node(iri, "TVEpisode")
        air = episode.air_date
        iso = _iso(air) if air is not None else None
        if air is None or iso is not None:
            self.expressed.add(episode.id)
        if iso is not None:
            node["datePublished"] = iso
        description = _text(episode.synopsis)
        if description is not None:
            node["description"] = description
        if episode.runtime is not None:
            node["duration"] = f"PT{episode.runtime}M"
        if episode.number is not None:
            node["episodeNumber"] = episode.number
        if episode.image is not None:
            node["image"] = _image(episode.image, episode.image_credit,
                                   episode.image_alt,
                                   pending=self.g.options.pending)
        name = _text(episode.title)
        if name is not None:
            node["name"] = name
        node["partOfSeason"] = {"@id": season_iri}
        node["partOfSeries"] = {"@id": self.series}
        if iso is not None and (episode.region or episode.platform):
            node["releasedEvent"] = self.event(
                iso, episode.platform, episode.region, None
            )
        for url in _same_as(episode.external_ids, "episode"):
            self.g.put(node, "sameAs", url)
        return {"@id": iri}

    # -- claims ---------------------------------------------------------------

    def claims(self) -> None:
        options = self.g.options
        is_current = self.show.is_current
        for ref in self.show.facts():
            if not is_current(ref.fact.id):
                continue
            fact = ref.fact
            if self.scope is not None and ref.season != self.scope:
                continue
            if (fact.id in self.expressed and fact.confirmed
                    and fact.qualifier is None):
                continue
            spoiler = isinstance(fact, Tease) and fact.spoiler
            if spoiler and not options.spoilers:
                continue
            self.claim(ref, spoiler=spoiler)

    def claim(self, ref: FactRef, *, spoiler: bool) -> None:
        fact = ref.fact
        g, show = self.g, self.show
        iri = self.site.fact_iri(show.id, fact.id)
        g.node(iri, "Claim")
        if ref.season is not None and ref.season in self.typed:
            about = self.site.season_iri(show.id, ref.season)
        else:
            about = self.series
        g.add(iri, "about", _ref(about))
        g.add(iri, "text", claim_text(show, fact.id))
        for source in fact.sources:
            g.add(iri, "appearance", self.source(source))
        if fact.announced is not None:
            g.add(iri, "datePublished", _iso(fact.announced))
        if spoiler:
            g.add(iri, "keywords", "spoiler")


def _sorted_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Release events in a fixed order: by their JSON text."""
    if len(events) > 1:
        events.sort(key=_CANONICAL)
    return events


def _dated(fact: Milestone | None) -> tuple[str, str] | None:
    """``(fact id, ISO date)`` of a milestone with an ISO date."""
    if fact is None or fact.date is None:
        return None
    iso = _iso(fact.date)
    return None if iso is None else (fact.id, iso)


# -- public entry points ------------------------------------------------------


def _site(base_url: str | Site) -> Site:
    return base_url if isinstance(base_url, Site) else Site(base_url)


def _build(subject: Subject, site: Site, options: _Options) -> _Graph:
    if isinstance(subject, Catalog):
        graph = _Graph(site, subject.shows, options)
        for show in subject.shows:
            _ShowMapper(graph, show, None).run()
        return graph
    if isinstance(subject, Show):
        graph = _Graph(site, (subject,), options)
        _ShowMapper(graph, subject, None).run()
        return graph
    if (isinstance(subject, tuple) and len(subject) == 2
            and isinstance(subject[0], Show)
            and isinstance(subject[1], int)
            and not isinstance(subject[1], bool)):
        show, number = subject
        numbers = [s.number for s in show.seasons]
        if number not in numbers:
            listed = ", ".join(str(n) for n in sorted(numbers)) or "none"
            raise RenderError(
                f"show {show.id!r} has no season {number} "
                f"(its seasons: {listed})"
            )
        graph = _Graph(site, (show,), options)
        _ShowMapper(graph, show, number).run()
        return graph
    msg = ("to_jsonld takes a Show, a (Show, season number) pair or a "
           f"Catalog, not {type(subject).__name__}")
    raise TypeError(msg)


def to_jsonld(
    subject: Subject,
    base_url: str | Site = DEFAULT_BASE_URL,
    *,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
) -> JSONObject:
    """
    The schema.org graph of a show, one of its seasons, or a catalog.

    Only confirmed, current facts become typed statements.  A season's
    graph holds the series (listing only that season), the season, its
    episodes, and the nodes they refer to.

    Args:
        subject: A :class:`~showfacts.models.Show`, a ``(show, season
            number)`` pair, or a :class:`~showfacts.models.Catalog`.
        base_url: The absolute URL the IRIs are built under, or a
            :class:`~showfacts.iris.Site`.
        claims: Also publish every current fact the typed graph does not
            state (unconfirmed facts, teases, confirmed facts schema.org
            has no term for) as a ``Claim`` whose text says how sure it is,
            citing its sources as ``appearance``.  ``Claim`` and
            ``appearance`` are pending schema.org terms.
        spoilers: With ``claims``, include teases marked as spoilers
            (their text starts "Spoiler," and they have the keyword
            ``spoiler``).
        pending: Use the pending term ``creativeWorkStatus`` for the
            show's confirmed status.

    Returns:
        ``{"@context": "https://schema.org", "@graph": [...]}``, nodes
        sorted by ``@id``.

    Raises:
        InputError: If ``base_url`` is not an absolute http(s) URL.
        RenderError: If the show has no such season.
        TypeError: If ``subject`` is none of the above.

    .. versionadded:: 0.1.0
    """
    options = _Options(claims=claims, spoilers=spoilers, pending=pending)
    return _build(subject, _site(base_url), options).finish()


# -- articles -----------------------------------------------------------------


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


# -- checking -----------------------------------------------------------------


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
