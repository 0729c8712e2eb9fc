"""
The HTML of the static site: plain, accessible pages with no JavaScript.

Every text from a data file goes through :func:`html.escape` (with quotes,
so it is safe in attributes too); URLs come from :class:`~showfacts.iris.Site`
or from data that the schema has already held to absolute http(s) URLs.
JSON-LD and fact cards come from :mod:`showfacts.markup`, the one safe path
for embedding JSON in a page.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

import attrs

from showfacts import news, views
from showfacts.dates import FuzzyDate
from showfacts.iris import Site
from showfacts.models import (
    Certainty,
    Fact,
    FactRef,
    Show,
    Source,
)


def e(text: object) -> str:
    """Escape text for HTML content and attribute values alike."""
    return html.escape(str(text), quote=True)


@attrs.frozen(kw_only=True)
class Crumb:
    """One step of the breadcrumb trail."""

    label: str
    url: str | None = None


STYLE = """\
:root { color-scheme: light dark; --ink: #1b1b1b; --paper: #fdfdfb;
  --muted: #5a5a5a; --line: #d6d6d0; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --ink: #ececec;
  --paper: #16171a; --muted: #b0b0b0; --line: #3a3b40;
  --accent: #7db4f0; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, sans-serif; color: var(--ink);
  background: var(--paper); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper);
  padding: .5rem; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid var(--line); }
footer { border-top: 1px solid var(--line); color: var(--muted);
  font-size: .9rem; }
nav ol { list-style: none; margin: 0; padding: 0; display: flex;
  flex-wrap: wrap; gap: .25rem .5rem; }
nav li + li::before { content: "\\203a"; margin-right: .5rem;
  color: var(--muted); }
h1 { line-height: 1.2; }
.notice { border-left: 4px solid var(--accent); padding: .25rem .75rem; }
.shows { list-style: none; padding: 0; }
.shows li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
.timeline { list-style: none; padding: 0; }
.fact { padding: .75rem 0; border-bottom: 1px solid var(--line); }
.fact p { margin: .2rem 0; }
.fact .when { color: var(--muted); font-size: .95rem; }
.fact.superseded .what, .fact.retracted .what {
  text-decoration: line-through; }
.certainty { display: inline-block; padding: 0 .45rem; border-radius: .3rem;
  border: 1px solid currentColor; font-size: .85rem; font-weight: 600; }
.certainty-confirmed { color: #1d6b2f; }
.certainty-reported { color: #1f5b99; }
.certainty-expected { color: #7a5a00; }
.certainty-rumored { color: #9a3b00; }
.certainty-speculative { color: #8a1f4f; }
@media (prefers-color-scheme: dark) {
  .certainty-confirmed { color: #7fd08f; }
  .certainty-reported { color: #8fc0f0; }
  .certainty-expected { color: #e6c15a; }
  .certainty-rumored { color: #f2a36b; }
  .certainty-speculative { color: #f08fbd; } }
.sources { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .95rem; }
.fact-card { border: 1px solid var(--line); border-radius: .5rem;
  padding: .5rem 1rem; margin: 1rem 0; }
.fact-card dl { display: grid; grid-template-columns: max-content 1fr;
  gap: .25rem 1rem; }
.fact-card dt { font-weight: 600; }
.fact-card dd { margin: 0; }
details summary { cursor: pointer; }
"""


def page(*, site: Site, site_title: str, title: str, url: str,
         crumbs: Sequence[Crumb], body: str,
         alternates: Iterable[tuple[str, str, str]] = ()) -> str:
    """A whole HTML page."""
    links = "".join(
        f'<link rel="alternate" type="{e(kind)}" title="{e(label)}" '
        f'href="{e(href)}">\n'
        for kind, label, href in alternates
    )
    trail = "".join(
        f'<li><a href="{e(c.url)}">{e(c.label)}</a></li>' if c.url
        else f'<li aria-current="page">{e(c.label)}</li>'
        for c in crumbs
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, '
        'initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src '
        "'none'; style-src 'self'; img-src 'self' https: data:\">\n"
        f"<title>{e(title)}</title>\n"
        f'<link rel="canonical" href="{e(url)}">\n'
        '<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{e(site.base)}style.css">\n'
        f"{links}"
        "</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the content</a>\n'
        f'<header><nav aria-label="Breadcrumb"><ol>{trail}</ol></nav>'
        "</header>\n"
        f'<main id="main">\n{body}</main>\n'
        f"<footer><p>{e(site_title)}: facts with how sure they are and "
        "where they were read. Unconfirmed facts are labelled as such."
        "</p></footer>\n"
        "</body>\n</html>\n"
    )


def badge(certainty: Certainty) -> str:
    """The certainty as a labelled badge (the word, not only a colour)."""
    return (
        f'<span class="certainty certainty-{certainty.value}">'
        f"{e(certainty.value.capitalize())}</span>"
    )


def _time(date: FuzzyDate) -> str:
    iso = date.iso()
    label = e(date.label())
    if iso is None:
        return label
    return f'<time datetime="{e(iso)}">{label}</time>'


def _source(source: Source) -> str:
    """One source as a list item: title, link, publisher and date."""
    title = f"<cite>{e(source.title)}</cite>"
    if source.url:
        title = f'<a href="{e(source.url)}">{title}</a>'
    extra = [e(x) for x in (source.publisher,) if x]
    if source.published is not None:
        extra.append(_time(source.published))
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"<li>{title}{tail}</li>"


def _sort_key(show: Show, ref: FactRef) -> tuple[int, dt.date, int]:
    fact = ref.fact
    date = news.fact_date(fact) or fact.announced
    if date is None:
        published = [s.published for s in show.cited(fact) if s.published]
        date = min(published) if published else None
    if date is None:
        return (1, dt.date.max, 0)
    return (0, date.earliest, 0)


class Timeline:
    """
    The timelines of one show's pages: each fact is written once.

    A fact appears on the show's page and on its season's page with the
    same words; :meth:`section` renders the entries it has not rendered
    yet and reuses the others.
    """

    def __init__(self, show: Show, site: Site) -> None:
        self.show = show
        self.site = site
        self._entries: dict[str, str] = {}
        self._sources: dict[str, str] = {}

    def entry(self, ref: FactRef) -> str:
        """The timeline entry of one fact."""
        found = self._entries.get(ref.fact.id)
        if found is None:
            found = self._entries[ref.fact.id] = _entry(
                self.show, ref, self.site, self.sources(ref.fact)
            )
        return found

    def sources(self, fact: Fact) -> str:
        """The list of a fact's sources; each source is written once."""
        items = []
        for source in self.show.cited(fact):
            item = self._sources.get(source.id)
            if item is None:
                item = self._sources[source.id] = _source(source)
            items.append(item)
        if not items:
            return '<p class="sources-none">No source cited.</p>'
        return f'<ul class="sources">{"".join(items)}</ul>'


    def section(self, refs: Sequence[FactRef], *, heading: int = 2) -> str:
        """
        Every fact, with its certainty and sources; history stays visible.

        Facts are in date order (the fact's own date, else when it was
        announced, else when its first source was published); each has
        the anchor ``fact-{id}``, which is also its feed guid's fragment.
        """
        if not refs:
            return ""
        show = self.show
        order = sorted(
            range(len(refs)), key=lambda i: (*_sort_key(show, refs[i]), i)
        )
        h = f"h{heading}"
        return (
            f'<section aria-labelledby="timeline">\n<{h} id="timeline">'
            f"What is known</{h}>\n"
            '<ol class="timeline">\n'
            + "".join(self.entry(refs[i]) for i in order)
            + "</ol>\n</section>\n"
        )


def _entry(show: Show, ref: FactRef, site: Site, sources: str) -> str:
    fact = ref.fact
    said = news.statement(show, ref, site)
    state = "current"
    status = ""
    if fact.retracted is not None:
        state = "retracted"
        reason = fact.retracted.reason
        status = " Retracted" + (f": {e(reason)}" if reason else ".")
    elif not show.is_current(fact.id):
        state = "superseded"
        newer = show.superseded_by(fact.id)
        links = ", ".join(
            f'<a href="#fact-{e(f.id)}">{e(f.id)}</a>' for f in newer
        )
        status = f" Superseded by {links}."
    if fact.supersedes:
        status += " Replaces " + ", ".join(
            f'<a href="#fact-{e(earlier)}">{e(earlier)}</a>'
            for earlier in fact.supersedes
        ) + "."
    date = news.fact_date(fact)
    when = f'<p class="when">{_time(date)}</p>' if date else ""
    what = f'<p class="what">{e(said.text)}'
    if said.url:
        what += f' (<a href="{e(said.url)}">link</a>)'
    what += "</p>"
    spoiler = ""
    if said.spoiler:
        spoiler = (
            "<details><summary>Spoiler: show the plot point</summary>"
            f"<p>{e(said.spoiler)}</p></details>"
        )
    details = "".join(
        f"<p>{e(label)}: {e(value)}</p>" for label, value in said.details
    )
    announced = (
        f" Announced {_time(fact.announced)}." if fact.announced else ""
    )
    how = f'<p class="how">{badge(fact.certainty)}{announced}{status}</p>'
    return (
        f'<li class="fact {state}" id="fact-{e(fact.id)}">'
        f"{when}{what}{spoiler}{details}{how}"
        f"{sources}</li>\n"
    )


def show_summary(show: Show) -> tuple[str, str]:
    """The show's status and its next premiere, in words, for the index."""
    view = views.current(show)
    status = view.status
    words = []
    if status is not None:
        words.append(
            status.status.value.replace("_", " ").capitalize()
            + ("" if status.confirmed else f" ({status.certainty.word})")
        )
    premiere = ""
    for season in reversed(view.seasons):
        found = season.premiere
        if found is not None and found.date is not None:
            premiere = (
                f"{season.season.name} premiere: {found.date.label()} "
                f"({found.certainty.word})"
            )
            break
    return "; ".join(words), premiere
