r"""
HTML: the JSON-LD script tag and a fact card with schema.org microdata.

:func:`script_tag` is the only way showfacts puts JSON in a page.  It
serializes the graph itself and then escapes ``<``, ``>``, ``&``, U+2028
and U+2029 as the JSON escapes ``\u003c``, ``\u003e``, ``\u0026``,
``\u2028`` and ``\u2029``.  Inside a JSON string these escapes mean the
very same characters, so the data is unchanged ("Law & Order" stays
"Law & Order", where HTML entities would turn it into "Law &amp; Order"),
while the HTML parser never sees a ``<``: no ``</script>``, ``<!--`` or
``<script`` in any data can end or confuse the element.

>>> tag = script_tag({"@context": "https://schema.org",
...                   "@graph": [{"@id": "https://x.example/#s",
...                               "@type": "TVSeries",
...                               "name": "</script><b>Law & Order"}]})
>>> print(tag[tag.index('"name"'):])
"name":"\u003c/script\u003e\u003cb\u003eLaw \u0026 Order"}]}</script>

:func:`fact_card` renders the same graph :func:`showfacts.jsonld.to_jsonld`
builds, as accessible HTML whose microdata states only what the graph
states (it reads its values from the graph, not from the show).  With
``claims=True`` it also lists what is not confirmed, in words that say how
sure each item is, as plain text without microdata.  Every text is escaped
for HTML (``&``, ``<``, ``>``, quotes; a carriage return as ``&#13;`` so
the parser keeps it).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from showfacts import _people_card
from showfacts._text import inline
from showfacts.dates import FuzzyDate
from showfacts.exceptions import RenderError
from showfacts.iris import DEFAULT_BASE_URL, Site
from showfacts.jsonld import Subject, dumps_jsonld, to_jsonld
from showfacts.models import Catalog, Show


__all__ = ["fact_card", "page_fragment", "script_tag"]

#: The characters a CSP nonce may hold (base64), all that
#: :func:`script_tag` puts in its attribute.
NONCE = re.compile(r"[A-Za-z0-9+/_=-]+")
_SDO = "https://schema.org/"

#: What a script element must never see in its text, and the JSON escape
#: that means the same character.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def _escape_json(text: str) -> str:
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group()], text)


def script_tag(graph: Mapping[str, Any], *, nonce: str | None = None,
               pretty: bool = False) -> str:
    r"""
    A ``<script type="application/ld+json">`` element holding the graph.

    The graph is serialized here, never taken as text, and every ``<``,
    ``>``, ``&``, U+2028 and U+2029 in the JSON is written as its ``\u``
    escape, whether the JSON is compact or ``pretty``.  Parsing the
    element's text as JSON gives back the graph exactly.

    Args:
        graph: A JSON-LD document, such as
            :func:`showfacts.jsonld.to_jsonld` returns.
        nonce: A Content-Security-Policy nonce for the element (base64
            characters only).
        pretty: Indent the JSON.

    Returns:
        The element, on one line unless ``pretty``.

    Raises:
        RenderError: If the graph is not a JSON object, or the nonce has
            characters a nonce cannot have.

    .. versionadded:: 0.1.0
    """
    if not isinstance(graph, Mapping):
        raise RenderError(
            "script_tag embeds a JSON-LD graph (a mapping), not "
            f"{type(graph).__name__}; pass the graph, not its JSON text"
        )
    attributes = 'type="application/ld+json"'
    if nonce is not None:
        if not isinstance(nonce, str) or not NONCE.fullmatch(nonce):
            raise RenderError(
                f"a CSP nonce is base64 text ([A-Za-z0-9+/_=-]), not "
                f"{nonce!r}"
            )
        attributes += f' nonce="{nonce}"'
    body = _escape_json(dumps_jsonld(graph, pretty=pretty))
    if pretty:
        return f"<script {attributes}>\n{body}\n</script>"
    return f"<script {attributes}>{body}</script>"


# -- HTML text ----------------------------------------------------------------


def _t(text: str) -> str:
    """Escape text for an element's content."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _a(text: str) -> str:
    """Escape text for a double-quoted attribute value."""
    return html.escape(text, quote=True).replace("\r", "&#13;")


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: Mapping[str, Any]) -> list[str]:
    return [t for t in _list(node.get("@type")) if isinstance(t, str)]


def _itemtype(node: Mapping[str, Any]) -> str:
    return " ".join(_SDO + t for t in _types(node))


def _date_label(value: str) -> str:
    """A date or date-time in words: "July 2025", "September 12, 2026"."""
    if "T" in value:
        moment = dt.datetime.fromisoformat(value)
        day = FuzzyDate.of(moment.date().isoformat()).describe()
        offset = moment.strftime("%z")
        zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
        return f"{day}, {moment.strftime('%H:%M')}" + (
            f" ({zone})" if zone else ""
        )
    return FuzzyDate.of(value).describe()


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


class _Card:
    """Renders the series (and seasons) of one graph."""

    def __init__(self, graph: Mapping[str, Any], *, heading: int,
                 words: Mapping[str, str] | None = None) -> None:
        self.nodes: dict[str, Mapping[str, Any]] = {
            n["@id"]: n for n in graph["@graph"]
        }
        self.heading = heading
        #: The source's words for typed dates, by ISO value.
        self.words = words or {}
        self.claims: dict[str, list[Mapping[str, Any]]] = {}
        for node in graph["@graph"]:
            if "Claim" in _types(node):
                for about in _list(node.get("about")):
                    self.claims.setdefault(about["@id"], []).append(node)

    # -- values ---------------------------------------------------------------

    def text(self, prop: str, value: Any, tag: str = "data") -> str:
        shown = str(value)
        return (f'<{tag} itemprop="{prop}" value="{_a(shown)}">'
                f"{_t(shown)}</{tag}>")

    def texts(self, node: Mapping[str, Any], prop: str,
              sep: str = ", ") -> str:
        return sep.join(self.text(prop, v) for v in _list(node.get(prop)))

    def date(self, prop: str, value: str) -> str:
        shown = _date_label(value)
        said = self.words.get(value.split("T", maxsplit=1)[0])
        if said:
            # The source's words first, as every output shows a date.
            shown = f"{said} ({shown})"
        return (f'<time itemprop="{prop}" datetime="{_a(value)}">'
                f"{_t(shown)}</time>")

    def name(self, node: Mapping[str, Any]) -> str:
        names = _list(node.get("name"))
        if not names:
            return '<span class="showfacts-unnamed">(no name)</span>'
        return self.texts(node, "name", " / ")

    def item(self, prop: str, value: Any, tag: str = "span") -> str:
        """A node, nested (blank) or referred to by ``@id``."""
        node = value
        attrs = f'itemprop="{prop}" itemscope'
        if set(value) == {"@id"}:
            node = self.nodes[value["@id"]]
            attrs += f' itemid="{_a(value["@id"])}"'
        attrs += f' itemtype="{_a(_itemtype(node))}"'
        return f"<{tag} {attrs}>{self.summary(node)}</{tag}>"

    def items(self, node: Mapping[str, Any], prop: str,
              sep: str = ", ") -> str:
        return sep.join(self.item(prop, v) for v in _list(node.get(prop)))

    def summary(self, node: Mapping[str, Any]) -> str:
        """What a nested node shows: its name, and what makes it itself."""
        types = _types(node)
        if "PerformanceRole" in types:
            out = self.items(node, "actor")
            if node.get("characterName") is not None:
                out += " as " + self.texts(node, "characterName", " / ")
            elif node.get("description") is not None:
                # A role the source describes but does not name.
                out += " as " + self.texts(node, "description", " ")
            return out + self.role_names(node)
        if "Role" in types:
            prop = next(k for k in node if not k.startswith("@")
                        and k != "roleName")
            return self.items(node, prop) + self.role_names(node)
        if any(t.endswith("Event") for t in types):
            return self.event(node)
        out = _people_card.portrait(node) + self.name(node)
        authors = _list(node.get("author"))
        if authors:
            out = f"<cite>{out}</cite> by " + self.items(node, "author")
        return out

    def role_names(self, node: Mapping[str, Any]) -> str:
        if node.get("roleName") is None:
            return ""  # no billing or status was given: none is shown
        return (' <span class="showfacts-role">('
                + self.texts(node, "roleName") + ")</span>")

    def event(self, node: Mapping[str, Any]) -> str:
        parts = [self.date("startDate", node["startDate"])]
        if node.get("name") is not None:
            parts.insert(0, self.texts(node, "name", " / ") + ":")
        if node.get("publishedBy") is not None:
            parts.append("on " + self.items(node, "publishedBy"))
        if node.get("location") is not None:
            parts.append("in " + self.items(node, "location"))
        out = " ".join(parts)
        if node.get("description") is not None:
            out += ": " + self.texts(node, "description", " ")
        return out

    # -- blocks ---------------------------------------------------------------

    def row(self, label: str, value: str) -> str:
        return f"<dt>{_t(label)}</dt><dd>{value}</dd>" if value else ""

    def roles(self, node: Mapping[str, Any], prop: str,
              role_name: str | None) -> str:
        """
        The values of ``prop`` that are people, or roles of that name.

        With no role name, a shared plain role ("co-creator") counts too.
        """
        chosen = []
        shared = f"co-{prop}"
        for value in _list(node.get(prop)):
            if "@id" in value and set(value) == {"@id"}:
                if role_name is None:
                    chosen.append(self.item(prop, value))
            elif role_name in _list(value.get("roleName")) or (
                role_name is None and _list(value.get("roleName")) == [shared]
            ):
                chosen.append(self.item(prop, value))
        return ", ".join(chosen)

    def dates(self, node: Mapping[str, Any], prop: str) -> str:
        return ", ".join(self.date(prop, v) for v in _list(node.get(prop)))

    def crew_rows(self, node: Mapping[str, Any]) -> str:
        return "".join([
            self.row("Created by", self.roles(node, "creator", None)),
            self.row("Developed by", self.roles(node, "creator",
                                                "developer")),
            self.row("Showrunners", self.roles(node, "producer",
                                               "showrunner")),
            self.row("Executive producers", self.roles(
                node, "producer", "executive producer")),
            self.row("Producers", self.roles(node, "producer", None)),
            self.row("Written by", self.roles(node, "author", "writer")),
            self.row("Directed by", self.roles(node, "director", None)),
        ])

    def unconfirmed(self, iri: str, level: int) -> str:
        claims = self.claims.get(iri, [])
        plain = [c for c in claims
                 if "spoiler" not in _list(c.get("keywords"))]
        spoilers = [c for c in claims if c not in plain]
        if not claims:
            return ""
        out = ['<div class="showfacts-claims">',
               f"<h{level}>What else is said</h{level}>"]
        if plain:
            out.append("<ul>")
            out.extend(f"<li>{self.claim(c)}</li>" for c in plain)
            out.append("</ul>")
        out.extend(
            '<details class="showfacts-spoiler"><summary>Spoiler</summary>'
            f"<p>{self.claim(claim)}</p></details>"
            for claim in spoilers
        )
        out.append("</div>")
        return "".join(out)

    def claim(self, claim: Mapping[str, Any]) -> str:
        out = "".join(
            f'<span class="showfacts-claim">{_t(text)}</span>'
            for text in _list(claim.get("text"))
        )
        cited = []
        for ref in _list(claim.get("appearance")):
            source = self.nodes[ref["@id"]]
            title = "".join(_t(n) for n in _list(source.get("name"))[:1])
            url = source.get("url")
            if isinstance(url, str):
                title = f'<a href="{_a(url)}">{title}</a>'
            cited.append(f"<cite>{title}</cite>")
        if cited:
            out += " (source: " + "; ".join(cited) + ")"
        return out

    def series_rows(self, node: Mapping[str, Any]) -> str:
        """The rows of a series' facts."""
        return "".join([
            self.row("Genre", self.texts(node, "genre")),
            self.row("Platform", self.items(node, "publisher")),
            self.row("Production", self.items(node, "productionCompany")),
            self.crew_rows(node),
            self.row("Based on", self.items(node, "isBasedOn")),
            self.row("Part of", self.items(node, "isPartOf")),
            self.row("Cast", _people_card.cast(self, node)),
            self.row("Characters", _people_card.characters(self, node)),
            self.row("Awards", self.texts(node, "award", "; ")),
            self.row("Premiered", self.dates(node, "startDate")),
            self.row("Ended", self.dates(node, "endDate")),
            self.row("Seasons", self.texts(node, "numberOfSeasons")),
            self.row("Episodes", self.texts(node, "numberOfEpisodes")),
            self.country_row(node),
            self.language_row(node),
            self.row("Elsewhere", ", ".join(
                f'<a itemprop="sameAs" href="{_a(u)}">{_t(_host(u))}</a>'
                for u in _list(node.get("sameAs"))
            )),
        ])

    def country_row(self, node: Mapping[str, Any]) -> str:
        """The countries of origin."""
        return self.row("Country", self.items(node, "countryOfOrigin"))

    def language_row(self, node: Mapping[str, Any]) -> str:
        """The languages."""
        return self.row("Language", self.texts(node, "inLanguage"))

    def season_rows(self, node: Mapping[str, Any]) -> str:
        """The rows of a season's facts."""
        cast = "".join(f"<li>{self.item('actor', r)}</li>"
                       for r in _list(node.get("actor")))
        episodes = "".join(f"<li>{self.episode(e)}</li>"
                           for e in _list(node.get("episode")))
        return "".join([
            self.row("Premiere", self.dates(node, "startDate")),
            self.row("Finale", self.dates(node, "endDate")),
            self.row("Episodes", self.texts(node, "numberOfEpisodes")),
            self.row("Release", self.items(node, "releasedEvent", "; ")),
            self.row("Filmed in", self.items(node, "locationCreated")),
            self.row("Cast", f"<ul>{cast}</ul>" if cast else ""),
            self.row("Characters", _people_card.characters(self, node)),
            self.crew_rows(node),
            self.row("Based on", self.items(node, "isBasedOn")),
            self.row("Awards", self.texts(node, "award", "; ")),
            self.row("Episode list", f"<ol>{episodes}</ol>" if episodes
                     else ""),
        ])

    def series(self, iri: str, title_id: str) -> str:
        node = self.nodes[iri]
        h = self.heading
        out = [
            (f'<section class="showfacts-card" aria-labelledby="{title_id}"'
             f' itemscope itemtype="{_a(_itemtype(node))}"'
             f' itemid="{_a(iri)}">'),
            f'<h{h} id="{title_id}" class="showfacts-title">'
            + self.linked(node) + f"</h{h}>",
        ]
        out.extend(_people_card.image(image)
                   for image in _list(node.get("image")))
        if node.get("description") is not None:
            out.append('<p class="showfacts-description">'
                       + self.texts(node, "description", " ") + "</p>")
        rows = self.series_rows(node)
        if rows:
            out.append(f'<dl class="showfacts-facts">{rows}</dl>')
        out.append(self.unconfirmed(iri, h + 1))
        out.extend(self.season(ref["@id"], h + 1)
                   for ref in _list(node.get("containsSeason")))
        out.append("</section>")
        return "\n".join(part for part in out if part)

    def linked(self, node: Mapping[str, Any]) -> str:
        name = self.name(node)
        url = node.get("url")
        if isinstance(url, str):
            return f'<a itemprop="url" href="{_a(url)}">{name}</a>'
        return name

    def season(self, iri: str, h: int) -> str:
        node = self.nodes[iri]
        out = [
            ('<section class="showfacts-season" itemprop="containsSeason"'
             f' itemscope itemtype="{_a(_itemtype(node))}"'
             f' itemid="{_a(iri)}">'),
            f"<h{h}>{self.linked(node)}</h{h}>",
        ]
        out.extend(_people_card.image(image)
                   for image in _list(node.get("image")))
        if node.get("description") is not None:
            out.append('<p class="showfacts-description">'
                       + self.texts(node, "description", " ") + "</p>")
        rows = self.season_rows(node)
        if rows:
            out.append(f'<dl class="showfacts-facts">{rows}</dl>')
        out.append(self.unconfirmed(iri, h + 1))
        out.append("</section>")
        return "\n".join(part for part in out if part)

    def episode(self, ref: Mapping[str, Any]) -> str:
        iri = ref["@id"]
        node = self.nodes[iri]
        number = (self.text("episodeNumber", node["episodeNumber"])
                  if node.get("episodeNumber") is not None else "")
        parts = [part for part in (_people_card.portrait(node) + number,)
                 if part]
        if node.get("name") is not None:
            parts.append("“" + self.texts(node, "name", " / ") + "”")
        if node.get("datePublished") is not None:
            parts.append(self.dates(node, "datePublished"))
        if node.get("duration") is not None:
            parts.append(self.text("duration", node["duration"]))
        if node.get("description") is not None:
            parts.append(self.texts(node, "description", " "))
        return (f'<span itemprop="episode" itemscope itemid="{_a(iri)}"'
                f' itemtype="{_a(_itemtype(node))}">'
                + " ".join(parts) + "</span>")


def _heading(level: int) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not (
        1 <= level <= 4
    ):
        raise RenderError(f"a card's heading level is 1 to 4, not {level!r}")
    return level


def fact_card(
    show: Show,
    season: int | None = None,
    base_url: str | Site = DEFAULT_BASE_URL,
    *,
    claims: bool = False,
    spoilers: bool = True,
    heading: int = 2,
) -> str:
    """
    An accessible HTML fact card with schema.org microdata.

    The card is a ``<section>`` titled by a heading, with definition lists
    of what is confirmed.  Its microdata uses the same ``itemid`` IRIs and
    values as the JSON-LD (it is rendered from that graph), so it states
    nothing the JSON-LD does not.  Dates are ``<time>`` elements; exact
    values sit in ``<data value>`` attributes.

    Args:
        show: The show.
        season: Only this season, if given.
        base_url: As for :func:`showfacts.jsonld.to_jsonld`.
        claims: Also list, without microdata, what is current but not a
            typed fact, each line saying how sure it is ("Expected: ...")
            and citing its sources.
        spoilers: With ``claims``, show spoilers, folded in a
            ``<details>`` element labelled "Spoiler"; without, leave them
            out.
        heading: The level of the card's heading (1 to 4); seasons use the
            next level.

    Returns:
        The HTML fragment.

    Raises:
        RenderError: If the show has no such season, or ``heading`` is out
            of range.

    .. versionadded:: 0.1.0
    """
    level = _heading(heading)
    site = base_url if isinstance(base_url, Site) else Site(base_url)
    subject: Subject = show if season is None else (show, season)
    graph = to_jsonld(subject, site, claims=claims, spoilers=spoilers)
    return _card(show, season, site, graph, level)


def _card(show: Show, season: int | None, site: Site,
          graph: Mapping[str, Any], level: int) -> str:
    """The card of a show or season, rendered from its graph."""
    card = _Card(graph, heading=level, words=_date_words(show))
    title_id = f"showfacts-{show.id}" + (
        f"-season-{season}" if season is not None else ""
    )
    return card.series(site.show_iri(show.id), title_id)


def _date_words(show: Show) -> dict[str, str]:
    """
    The source's words of a show's dated facts, by ISO value.

    Typed dates carry no words; the card shows them beside the date when
    one value has one set of words ("Christmas Day"), and none when two
    facts give the same day different words.
    """
    found: dict[str, str | None] = {}
    for ref in show.facts():
        fact = ref.fact
        # Only facts that can be typed: their dates are the card's.
        if not (fact.confirmed and fact.qualifier is None
                and show.is_current(fact.id)):
            continue
        for date in (getattr(fact, "date", None),
                     getattr(fact, "air_date", None)):
            if not isinstance(date, FuzzyDate) or date.words is None:
                continue
            iso = date.iso()
            if iso is None or date.label() == date.describe():
                continue
            words = inline(date.words)
            if found.setdefault(iso, words) != words:
                found[iso] = None
    return {iso: words for iso, words in found.items() if words}


def _shows(subject: Subject) -> Iterable[tuple[Show, int | None]]:
    if isinstance(subject, Catalog):
        return [(show, None) for show in subject.shows]
    if isinstance(subject, Show):
        return [(subject, None)]
    return [subject]


def page_fragment(
    subject: Subject,
    base_url: str | Site = DEFAULT_BASE_URL,
    *,
    claims: bool = False,
    spoilers: bool = True,
    pending: bool = False,
    nonce: str | None = None,
    heading: int = 2,
) -> str:
    """
    The script tag with the graph, then a fact card for each show.

    Args:
        subject: A show, a ``(show, season number)`` pair or a catalog.
        base_url: As for :func:`showfacts.jsonld.to_jsonld`.
        claims: As for :func:`showfacts.jsonld.to_jsonld` and
            :func:`fact_card`.
        spoilers: Idem.
        pending: As for :func:`showfacts.jsonld.to_jsonld`.
        nonce: As for :func:`script_tag`.
        heading: As for :func:`fact_card`.

    Returns:
        The HTML, ending with a newline.

    Raises:
        RenderError: As :func:`script_tag` and :func:`fact_card` do.

    .. versionadded:: 0.1.0
    """
    site = base_url if isinstance(base_url, Site) else Site(base_url)
    graph = to_jsonld(subject, site, claims=claims, spoilers=spoilers,
                      pending=pending)
    if isinstance(subject, Catalog) or pending:
        # The card shows one show at a time, without pending terms.
        parts = [script_tag(graph, nonce=nonce)]
        parts.extend(
            fact_card(show, season, site, claims=claims, spoilers=spoilers,
                      heading=heading)
            for show, season in _shows(subject)
        )
        return "\n".join(parts) + "\n"
    # The graph is the card's own: render it once.
    [(show, season)] = _shows(subject)
    return graph_fragment(graph, show, season, site, nonce=nonce,
                          heading=heading)


def graph_fragment(graph: Mapping[str, Any], show: Show, season: int | None,
                   site: Site, *, nonce: str | None = None,
                   heading: int = 2) -> str:
    """
    :func:`page_fragment` of one show or season whose graph is at hand.

    ``graph`` is what :func:`~showfacts.jsonld.to_jsonld` gave for the
    show or season without pending terms; the site, which writes the same
    graph to a file too, builds it once.
    """
    return (
        f"{script_tag(graph, nonce=nonce)}\n"
        f"{_card(show, season, site, graph, _heading(heading))}\n"
    )
