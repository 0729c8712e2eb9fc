"""
Tests of the script tag, the fact card and ``showfacts html``.

The breakout proof: pages built from the script tag and the fact card,
with a corpus of hostile payloads and with Hypothesis text in every text
field, parsed by html5lib and by headless Chromium, hold exactly one
ld+json script whose JSON is the graph, and a card whose text is the
data.  The card's microdata, read by extruct, states nothing the JSON-LD
graph does not (compared as RDF).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import showfacts
from showfacts import cli, loading
from showfacts.exceptions import RenderError
from showfacts.iris import Site
from showfacts.jsonld import (
    check_graph,
    dumps_jsonld,
    publishable,
    to_jsonld,
)
from showfacts.markup import fact_card, page_fragment, script_tag
from showfacts.models import GONE, CastStatus, Catalog, Show
from tests import browser, strategies
from tests.conftest import EXAMPLES
from tests.test_jsonld import rdf


#: Commands that publish addresses need the base URL.
ADDRESS = ["--base-url", "https://example.org/tv/"]


BASE = "https://example.org/tv/"
SITE = Site(BASE)

#: Strings that break pages whose JSON or HTML is escaped wrongly.
PAYLOADS = (
    "</script>",
    "</SCRIPT >",
    "</script\t\n>",
    "</scRipt/>",
    "<!--",
    "<!-- <script>",
    "<script>alert(1)</script>",
    "-->",
    "]]>",
    "<![CDATA[",
    "\u2028",
    "\u2029",
    "&amp;",
    "&lt;/script&gt;",
    "&#x3C;/script&#x3E;",
    "Law & Order",
    '"',
    "'",
    '" onmouseover="alert(1)',
    "\x00",
    "</scr\x00ipt>",
    "\r",
    "\r\n",
    "\\",
    "\\u003c/script>",
    "<",
    ">",
    "</style></title></textarea>",
    "\x85\ufdd0\U0001f600",
)

#: The keys of a show document whose values are free text.
TEXT_KEYS = frozenset({
    "title", "description", "name", "names", "genres", "publisher",
    "author", "quote", "note", "location", "detail", "text", "synopsis",
    "reason",
})


def _map_text(value: Any, change: Callable[[str], str],
              key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _map_text(v, change, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_text(v, change, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return change(value)
    return value


def with_text(show: Show, change: Callable[[str], str]) -> Show:
    """The show with every free-text field changed."""
    return loading.from_dict(_map_text(loading.to_dict(show), change))


def wrapped(payload: str) -> Callable[[str], str]:
    """Put the payload around a text, and in its middle."""
    def change(text: str) -> str:
        half = len(text) // 2
        return f"{payload}{text[:half]}{payload}{text[half:]}{payload}"

    return change


@functools.cache
def ballard() -> Show:
    """The Ballard example, loaded once."""
    return showfacts.load(EXAMPLES / "ballard.yaml")


def page(body_head: str, body: str) -> str:
    """A whole HTML document around a head fragment and a body."""
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>showfacts test</title>\n{body_head}\n</head>\n<body>\n"
            f"<main>{body}</main>\n</body></html>\n")


def build(show: Show, *, claims: bool = True,
          spoilers: bool = True) -> tuple[dict[str, Any], str]:
    """The graph of a show, and a page with its script tag and card."""
    graph = to_jsonld(show, BASE, claims=claims, spoilers=spoilers)
    html = page(script_tag(graph),
                fact_card(show, None, BASE, claims=claims,
                          spoilers=spoilers))
    return graph, html


# -- what a parsed page holds -------------------------------------------------


def _classes(element: Any) -> list[str]:
    return (element.get("class") or "").split()


def _text(element: Any) -> str:
    return "".join(element.itertext())


def inspect_html5lib(html: str) -> dict[str, Any]:
    """What html5lib finds in a page (same shape as the browser's)."""
    import html5lib

    root = html5lib.parse(html, treebuilder="etree",
                          namespaceHTMLElements=False)
    everything = list(root.iter())
    return {
        "scripts": [_text(e) for e in everything if e.tag == "script"
                    and e.get("type") == "application/ld+json"],
        "all_scripts": sum(1 for e in everything if e.tag == "script"),
        "cards": sum(1 for e in everything
                     if "showfacts-card" in _classes(e)),
        "data": [[e.get("itemprop"), e.get("value"), _text(e)]
                 for e in everything if e.tag == "data"],
        "claims": [_text(e) for e in everything
                   if "showfacts-claim" in _classes(e)],
        "titles": [_text(e) for e in everything
                   if "showfacts-title" in _classes(e)],
    }


#: The same inspection, in the browser.
INSPECT_JS = """
const inspect = (doc) => {
  const all = (q) => Array.from(doc.querySelectorAll(q));
  return {
    scripts: all('script').filter(
      (s) => s.getAttribute('type') === 'application/ld+json'
    ).map((s) => s.textContent),
    all_scripts: all('script').length,
    cards: all('.showfacts-card').length,
    data: all('data').map(
      (d) => [d.getAttribute('itemprop'), d.getAttribute('value'),
              d.textContent]
    ),
    claims: all('.showfacts-claim').map((c) => c.textContent),
    titles: all('.showfacts-title').map((c) => c.textContent),
  };
};
"""


def graph_strings(graph: Mapping[str, Any]) -> set[str]:
    """Every literal in a graph, as text."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if key != "@id":
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif not isinstance(value, bool) and isinstance(value, (str, int)):
            found.add(str(value))

    walk(graph["@graph"])
    return found


def _left_cast(cast: Any) -> set[str]:
    """People a season's confirmed credits say are gone or replaced."""
    confirmed = [c for c in cast if c.confirmed]
    return {c.person for c in confirmed if c.status in GONE} | {
        c.replaces for c in confirmed
        if c.status is CastStatus.RECAST and c.replaces
    }


def expect_page(found: dict[str, Any], graph: Mapping[str, Any],
                show: Show) -> None:
    """
    One ld+json script, equal to the graph; a card whose text is the data.

    Every ``<data>`` element shows exactly its value, which is a value of
    the graph; the title is the show's title; the people named are the
    show's people; the claims listed are the graph's claims.
    """
    assert [] == check_graph(graph)
    assert 1 == found["all_scripts"]
    assert 1 == len(found["scripts"])
    assert graph == json.loads(found["scripts"][0])
    assert 1 == found["cards"]
    literals = graph_strings(graph)
    for prop, value, text in found["data"]:
        assert value == text
        assert value in literals, (prop, value)
    title = publishable(show.title)
    if title.strip():
        assert [title] == found["titles"]
    names = {value for prop, value, _ in found["data"] if prop == "name"}
    credited = {publishable(show.person(c.person).name)
                for s in showfacts.current(show).seasons for c in s.cast
                if c.confirmed and c.qualifier is None
                and c.person not in _left_cast(s.cast)}
    assert {n for n in credited if n.strip()} <= names
    claims = sorted(
        n["text"] for n in graph["@graph"] if n["@type"] == "Claim"
    )
    assert claims == sorted(found["claims"])


# -- the script tag -----------------------------------------------------------


def _body(tag: str) -> str:
    match = re.fullmatch(
        r'<script type="application/ld\+json"(?: nonce="[^"]*")?>'
        r"\n?(.*?)\n?</script>", tag, flags=re.DOTALL,
    )
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize("pretty", [False, True])
def test_script_tag_escapes_as_json_never_as_entities(pretty):
    """No <, >, &, U+2028 or U+2029 in the element; the JSON is intact."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@id": f"https://x.example/#{i}", "@type": "Thing", "name": p}
        for i, p in enumerate(PAYLOADS)
    ]}
    body = _body(script_tag(graph, pretty=pretty))
    for character in "<>&\u2028\u2029":
        assert character not in body
    assert graph == json.loads(body)
    assert "\\u003c/script\\u003e" in body
    assert "Law \\u0026 Order" in body
    assert "&amp;" not in body.replace("\\u0026amp;", "")


def test_script_tag_json_is_the_compact_serialization():
    """The element holds dumps_jsonld's text, escaped, and nothing else."""
    graph = to_jsonld(ballard(), BASE, claims=True)
    body = _body(script_tag(graph))
    unescaped = body
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"),
                              ("&", "\\u0026")):
        unescaped = unescaped.replace(escape, character)
    assert dumps_jsonld(graph) == unescaped
    assert "\n" not in script_tag(graph)


def test_script_tag_with_a_nonce():
    """A CSP nonce is an attribute of the element."""
    tag = script_tag({"@context": "https://schema.org"}, nonce="r4nd0m+/=")
    assert tag.startswith(
        '<script type="application/ld+json" nonce="r4nd0m+/=">'
    )


@pytest.mark.parametrize("nonce", ['"><script>', "a b", "", "é", 3, "a\n"])
def test_script_tag_refuses_a_bad_nonce(nonce):
    """A nonce that could break out of its attribute is refused."""
    with pytest.raises(RenderError, match="nonce"):
        script_tag({"@context": "https://schema.org"}, nonce=nonce)


@pytest.mark.parametrize("graph", [
    '{"@context": "https://schema.org"}', b"{}", ["x"], None,
])
def test_script_tag_takes_only_a_graph(graph):
    """Text cannot be passed in: the tag always serializes it itself."""
    with pytest.raises(RenderError, match="mapping"):
        script_tag(graph)


def test_law_and_order_stays_law_and_order():
    """An ampersand survives as itself, not as &amp;."""
    from tests.test_jsonld import nodes

    show = with_text(ballard(), lambda t: "Law & Order" if t == "Ballard"
                     else t)
    _, html = build(show)
    found = inspect_html5lib(html)
    series = nodes(json.loads(found["scripts"][0]))[SITE.show_iri("ballard")]
    assert "Law & Order" == series["name"]
    assert ["Law & Order"] == found["titles"]
    assert "Law &amp; Order" in html


# -- the breakout proof: html5lib ---------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_payloads_cannot_break_out_html5lib(payload):
    """Each payload, in every text field, stays data (html5lib)."""
    show = with_text(ballard(), wrapped(payload))
    graph, html = build(show)
    expect_page(inspect_html5lib(html), graph, show)


_payload_text = st.sampled_from(PAYLOADS) | strategies.text


@settings(max_examples=100)
@given(show=strategies.shows(), payload=_payload_text,
       claims=st.booleans())
def test_generated_text_cannot_break_out_html5lib(show, payload, claims):
    """Hypothesis text and payloads in every text field stay data."""
    show = with_text(show, wrapped(payload))
    graph, html = build(show, claims=claims)
    expect_page(inspect_html5lib(html), graph, show)


# -- the breakout proof: Chromium ---------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with browser.chromium() as driver:
        yield driver


def _in_browser(driver: Any) -> dict[str, Any]:
    found: dict[str, Any] = driver.execute_script(
        INSPECT_JS + "return inspect(document);"
    )
    return found


@browser.needs_chromium
@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_payloads_cannot_break_out_chromium(payload, chromium, tmp_path):
    """Each payload, in every text field, stays data in a real page."""
    show = with_text(ballard(), wrapped(payload))
    graph, html = build(show)
    browser.open_html(chromium, html, tmp_path)
    expect_page(_in_browser(chromium), graph, show)


@browser.needs_chromium
@settings(max_examples=100)
@given(show=strategies.shows(), payload=_payload_text)
def test_generated_text_cannot_break_out_chromium(show, payload, chromium):
    """
    Hypothesis text stays data in Chromium's HTML parser.

    Pages are parsed with the browser's DOMParser (its HTML parser,
    without navigating); the payload corpus above loads real pages.
    """
    show = with_text(show, wrapped(payload))
    graph, html = build(show)
    found = chromium.execute_script(
        INSPECT_JS + "return inspect(new DOMParser().parseFromString("
        "arguments[0], 'text/html'));", html,
    )
    expect_page(found, graph, show)


# -- microdata states nothing the JSON-LD does not ----------------------------

_SDO_HTTPS = "https://schema.org/"
_SDO_HTTP = "http://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _norm(iri: str) -> str:
    return _SDO_HTTP + iri[len(_SDO_HTTPS):] if iri.startswith(
        _SDO_HTTPS
    ) else iri


Term = tuple[str, str]
Triple = tuple[Term, str, Term]


def microdata_triples(html: str) -> set[Triple]:
    """The card's microdata, as extruct reads it, as triples."""
    import extruct

    items = extruct.extract(html, syntaxes=["microdata"],
                            uniform=False)["microdata"]
    triples: set[Triple] = set()
    blanks = itertools.count()

    def item(value: Mapping[str, Any]) -> Term:
        subject = (("iri", _norm(value["id"])) if "id" in value
                   else ("_", f"m{next(blanks)}"))
        kinds = value.get("type", [])
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            triples.add((subject, RDF_TYPE, ("v", _norm(kind))))
        for name, found in value.get("properties", {}).items():
            for one in found if isinstance(found, list) else [found]:
                target = (item(one) if isinstance(one, Mapping)
                          else ("v", one))
                triples.add((subject, _SDO_HTTP + name, target))
        return subject

    for top in items:
        item(top)
    return triples


def jsonld_triples(graph: Mapping[str, Any]) -> set[Triple]:
    """The graph's triples, as rdflib reads them."""
    import rdflib

    triples: set[Triple] = set()

    def term(node: Any) -> Term:
        if isinstance(node, rdflib.BNode):
            return ("_", f"j{node}")
        if isinstance(node, rdflib.URIRef):
            return ("iri", _norm(str(node)))
        return ("v", str(node))

    for s, p, o in rdf(graph):
        obj = term(o)
        if obj[0] == "iri":
            obj = ("v", obj[1])
        triples.add((term(s), _norm(str(p)), obj))
    return triples


def _ground(term: Term, mapping: Mapping[str, str]) -> Term:
    if term[0] == "_":
        return ("_", mapping[term[1]])
    if term[0] == "iri":
        return ("v", term[1])
    return term


def missing_statements(card: set[Triple], graph: set[Triple]) -> list[str]:
    """
    The card's statements the graph lacks, blank nodes matched.

    Each blank node of the card must map to a blank node of the graph so
    that every card triple, so mapped, is a graph triple (a subgraph
    match, found by backtracking).
    """
    graph_index = {(s if s[0] != "iri" else ("v", s[1]), p, o)
                   for s, p, o in graph}
    blank_ids = sorted({t[1] for s, _, o in card for t in (s, o)
                        if t[0] == "_"})
    targets = sorted({t[1] for s, _, o in graph for t in (s, o)
                      if t[0] == "_"})

    def holds(mapping: Mapping[str, str]) -> list[Triple]:
        missing = []
        for s, p, o in card:
            if any(t[0] == "_" and t[1] not in mapping for t in (s, o)):
                continue
            if (_ground(s, mapping), p, _ground(o, mapping)) not in \
                    graph_index:
                missing.append((s, p, o))
        return missing

    def search(i: int, mapping: dict[str, str]) -> dict[str, str] | None:
        if holds(mapping):
            return None
        if i == len(blank_ids):
            return mapping
        for target in targets:
            found = search(i + 1, {**mapping, blank_ids[i]: target})
            if found is not None:
                return found
        return None

    if search(0, {}) is not None:
        return []
    ground = holds({})
    return sorted(str(t) for t in ground) or ["no match for blank nodes"]


def _card_page(show: Show, season: int | None, *, claims: bool) -> str:
    return page("", fact_card(show, season, BASE, claims=claims))


EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir()
                       if p.suffix in (".yaml", ".json", ".toml"))


@pytest.mark.parametrize("claims", [False, True])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_card_microdata_is_a_subset_of_the_graph(path, claims):
    """Each example's card states only statements of its graph."""
    show = showfacts.load(path)
    graph = to_jsonld(show, BASE, claims=claims)
    card = microdata_triples(_card_page(show, None, claims=claims))
    assert len(card) > 10
    assert [] == missing_statements(card, jsonld_triples(graph))


def test_season_card_microdata_is_a_subset_of_the_season_graph():
    """A season's card matches the season's graph."""
    for season in (1, 2):
        graph = to_jsonld((ballard(), season), BASE)
        card = microdata_triples(_card_page(ballard(), season,
                                            claims=False))
        assert [] == missing_statements(card, jsonld_triples(graph))


def test_the_subset_check_can_fail():
    """A statement the graph lacks is found, blank nodes included."""
    graph = jsonld_triples(to_jsonld(ballard(), BASE))
    card = microdata_triples(_card_page(ballard(), None, claims=False))
    season = ("iri", SITE.season_iri("ballard", 1))
    extra = ("_", "m-extra")
    wrong = card | {(season, _SDO_HTTP + "actor", extra),
                    (extra, _SDO_HTTP + "characterName", ("v", "Nobody"))}
    assert [] != missing_statements(wrong, graph)
    lie = card | {(season, _SDO_HTTP + "startDate", ("v", "2026"))}
    assert [str((season, _SDO_HTTP + "startDate", ("v", "2026")))] == \
        missing_statements(lie, graph)


@settings(max_examples=30)
@given(show=strategies.shows(), payload=_payload_text)
def test_generated_card_microdata_is_a_subset_of_the_graph(show, payload):
    """Generated shows' cards, with payloads, state only the graph."""
    show = with_text(show, wrapped(payload))
    graph = to_jsonld(show, BASE)
    card = microdata_triples(_card_page(show, None, claims=False))
    assert [] == missing_statements(card, jsonld_triples(graph))


# -- the card as HTML ---------------------------------------------------------


def _tree(html: str) -> Any:
    import html5lib

    return html5lib.parse(html, treebuilder="etree",
                          namespaceHTMLElements=False)


def test_card_is_a_labelled_section_with_definition_lists():
    """The section is labelled by its heading; facts are dt/dd pairs."""
    root = _tree(fact_card(ballard(), None, BASE))
    section = root.find(".//section")
    assert ["showfacts-card"] == _classes(section)
    label = section.get("aria-labelledby")
    heading = root.find(f".//*[@id='{label}']")
    assert "h2" == heading.tag
    assert "Ballard" == _text(heading)
    for dl in root.iter("dl"):
        tags = [child.tag for child in dl]
        assert tags == ["dt", "dd"] * (len(tags) // 2)
    assert ["h3", "h3"] == [e.tag for e in root.iter()
                            if e.tag in ("h3", "h4")]
    times = {(t.get("datetime"), _text(t)) for t in root.iter("time")}
    assert ("2025-07", "July 2025") in times


def test_card_heading_level():
    """The heading level can be set; seasons use the next one."""
    root = _tree(fact_card(ballard(), 1, BASE, heading=3))
    assert ["h3", "h4"] == [e.tag for e in root.iter()
                            if e.tag in ("h2", "h3", "h4")]


@pytest.mark.parametrize("level", [0, 5, True, "2"])
def test_card_heading_level_is_checked(level):
    """Only levels 1 to 4."""
    with pytest.raises(RenderError, match="heading"):
        fact_card(ballard(), None, BASE, heading=level)


def test_card_without_claims_says_nothing_unconfirmed():
    """Without claims, no window, rumour or tease is on the card."""
    html = fact_card(ballard(), None, BASE)
    assert "summer or fall 2026" not in html
    assert "showfacts-claim" not in html
    assert "Season 2" in html


def test_card_with_claims_says_how_sure_without_microdata():
    """Claims are listed with their certainty, outside the microdata."""
    html = fact_card(ballard(), 2, BASE, claims=True)
    root = _tree(html)
    claims = [e for e in root.iter() if "showfacts-claim" in _classes(e)]
    texts = [_text(e) for e in claims]
    assert ("Expected: Ballard Season 2 premieres summer or fall 2026 "
            "(mid-to-late 2026); no official premiere date yet.") in texts
    for block in root.iter("div"):
        assert not any(e.get("itemprop") for e in block.iter())
    assert "When Does Ballard Season 2 Drop?" in html


def test_card_folds_spoilers_and_can_leave_them_out():
    """Spoilers sit in a <details> labelled Spoiler, or are left out."""
    root = _tree(fact_card(ballard(), None, BASE, claims=True))
    details = list(root.iter("details"))
    assert 2 == len(details)
    assert all("Spoiler" == _text(d.find("summary")) for d in details)
    assert "framed for killing" in _text(details[0])
    hidden = fact_card(ballard(), None, BASE, claims=True, spoilers=False)
    assert "<details" not in hidden
    assert "framed for killing" not in hidden


def test_card_links_sources_that_have_an_address():
    """A claim's source is cited, linked when it has a URL."""
    show = showfacts.load(EXAMPLES / "harbor-lights.json")
    html = fact_card(show, None, BASE, claims=True)
    assert ('(source: <cite><a href="https://example.org/meridian/press/'
            'harbor-lights-cancelled">Meridian+ will not continue Harbor '
            "Lights</a></cite>)") in html
    assert "(source: <cite>When Does" in fact_card(ballard(), None, BASE,
                                                   claims=True)


def test_card_for_a_missing_season():
    """A season the show lacks is a RenderError."""
    with pytest.raises(RenderError, match="no season 7"):
        fact_card(ballard(), 7, BASE)


def test_page_fragment_for_a_catalog():
    """One script tag for the catalog, then a card per show."""
    catalog = Catalog(shows=[showfacts.load(p) for p in EXAMPLE_FILES])
    html = page_fragment(catalog, BASE, claims=True, nonce="n0nce")
    found = inspect_html5lib(page("", html))
    assert 1 == len(found["scripts"])
    assert to_jsonld(catalog, BASE, claims=True) == \
        json.loads(found["scripts"][0])
    assert 4 == found["cards"]
    assert 'nonce="n0nce"' in html


# -- showfacts html -----------------------------------------------------------


def test_cli_html(capsys):
    """`showfacts html` prints the script tag, then the card."""
    assert 0 == cli.main(["html", *ADDRESS, str(EXAMPLES / "ballard.yaml"),
                          "--base-url", BASE, "--season", "2", "--claims",
                          "--no-spoilers", "--nonce", "abc", "--heading",
                          "3"])
    out = capsys.readouterr().out
    assert page_fragment((ballard(), 2), BASE, claims=True, spoilers=False,
                         nonce="abc", heading=3) == out
    assert out.startswith('<script type="application/ld+json" nonce="abc">')
    assert '<h3 id="showfacts-ballard-season-2"' in out


@pytest.mark.parametrize(("args", "message"), [
    (["--nonce", '"><script>'], "nonce"),
    (["--heading", "7"], "heading level"),
    (["--season", "5"], "no season 5"),
])
def test_cli_html_usage_errors(args, message, capsys):
    """Bad options exit 2 with a message."""
    assert 2 == cli.main(["html", *ADDRESS, str(EXAMPLES / "ballard.yaml"),
                          *args])
    assert message in capsys.readouterr().err


def test_cli_html_to_a_file(tmp_path):
    """-o writes the fragment whole."""
    target = tmp_path / "card.html"
    assert 0 == cli.main(["html", *ADDRESS, str(EXAMPLES), "-o", str(target)])
    found = inspect_html5lib(page("", target.read_text(encoding="utf-8")))
    assert 4 == found["cards"]
    assert 1 == len(found["scripts"])
