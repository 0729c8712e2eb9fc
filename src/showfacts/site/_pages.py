"""
The pages of the static site, rendered with the theme's templates.

Python works out what each page says (the answer first, cast and crew,
the grouped timeline, the sharing tags and the page's JSON-LD graph) and
the templates (:mod:`showfacts.themes`) lay it out, with autoescaping on.
HTML made here is escaped by :func:`e`, or comes from
:mod:`showfacts.markup`, the one safe path for JSON in a page.

Links between pages and to assets are relative (``../style.css``,
``season-2/index.html``), so a site works from any host, port, sub-path
and from disk; only the canonical address, the sharing tags and the
JSON-LD are absolute, and only when the site has a base URL.  Without one
(a preview) the pages leave those out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import babel
import markupsafe

from showfacts import _wording, jsonld, markup, news, views
from showfacts._text import publishable
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InputError
from showfacts.feeds import FeedFormat
from showfacts.iris import Site
from showfacts.markup import _Card, _itemtype, _list, _t
from showfacts.models import (
    Certainty,
    Fact,
    FactRef,
    Milestone,
    ReleasePlan,
    Show,
    Source,
)
from showfacts.themes import Theme


#: The addresses a preview renders with; none of them is ever written.
PREVIEW = Site("http://showfacts.preview.invalid/")

#: The index page's description, also its lead paragraph.
INDEX_DESCRIPTION = (
    "What is known about each show, with how sure it is and where it was "
    "read."
)

#: The longest meta description, in characters (what search results show).
DESCRIPTION_LENGTH = 160


def e(text: object) -> str:
    """
    Escape text for HTML content and attribute values alike.

    The text is made publishable first (:func:`showfacts._text.publishable`),
    as in every other output.
    """
    return html.escape(publishable(str(text)), quote=True)


def m(text: str) -> markupsafe.Markup:
    """HTML made here, for a template."""
    return markupsafe.Markup(text)  # noqa: S704 - escaped where it is made


@attrs.frozen(kw_only=True)
class IndexShow:
    """What the index lists of a show: its id, title and whether fictional."""

    id: str
    title: str
    fictional: bool = True


@attrs.frozen(kw_only=True)
class Crumb:
    """One step of the breadcrumb trail: ``path`` is under the site."""

    label: str
    path: str | None = None


@attrs.frozen(kw_only=True)
class Options:
    """How pages are rendered; picklable, for worker processes."""

    base_url: str | None
    title: str
    language: str = "en"
    theme: str | None = None
    claims: bool = False
    spoilers: bool = True
    #: The feed formats the site publishes, in ``FEED_FILES`` order.
    feeds: tuple[FeedFormat, ...] = ("rss", "atom", "json")
    #: Shows on each page of the index; ``None``: all on one page.
    per_page: int | None = None

    @property
    def site(self) -> Site:
        """The addresses: the base URL's, or the preview's."""
        return Site(self.base_url) if self.base_url else PREVIEW


@attrs.frozen(kw_only=True)
class Page:
    """A rendered page: its path under the site and its HTML."""

    path: str
    html: str
    lastmod: dt.date | None = None


def _description(text: str) -> str:
    """At most :data:`DESCRIPTION_LENGTH` characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


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


def _cite(source: Source) -> str:
    """A source inline: its title (linked), publisher and date."""
    title = f"<cite>{e(source.title)}</cite>"
    if source.url:
        title = f'<a href="{e(source.url)}">{title}</a>'
    extra = [e(x) for x in (source.publisher,) if x]
    if source.published is not None:
        extra.append(_time(source.published))
    relayed = _wording.via(source)
    if relayed:
        extra.append(e(relayed))
    return title + (f" ({', '.join(extra)})" if extra else "")


def _words(value: str) -> str:
    return value.replace("_", " ")


def _sort_key(show: Show, ref: FactRef) -> tuple[int, dt.date]:
    fact = ref.fact
    date = news.fact_date(fact)
    if date is not None:
        return (0, date.earliest)
    # When it was said: its news day, as feeds date it.
    said = fact.announced.news_day if fact.announced else None
    if said is None:
        days = [
            day for s in show.cited(fact)
            if s.published and (day := s.published.news_day) is not None
        ]
        said = min(days) if days else None
    if said is None:
        return (1, dt.date.max)
    return (0, said)


class _Names:
    """Countries and languages by name, in the page's language (babel)."""

    def __init__(self, language: str) -> None:
        try:
            self.locale = babel.Locale.parse(language, sep="-")
        except (ValueError, babel.UnknownLocaleError):
            raise InputError(
                f"{language!r} is not a language babel knows; use a BCP 47 "
                "tag such as en, de or pt-BR"
            ) from None

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one per build
    def country(self, code: str) -> str:
        name = self.locale.territories.get(code.upper())
        return str(name) if name else code

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one per build
    def language(self, tag: str) -> str:
        try:
            name = babel.Locale.parse(tag, sep="-").get_display_name(
                self.locale
            )
        except (ValueError, babel.UnknownLocaleError):
            name = self.locale.languages.get(tag)
        return str(name) if name else tag


class _PageCard(_Card):
    """
    The fact card of a page, under the heading "At a glance".

    The page's own heading and lead paragraph say the title and the
    description, so the card leaves them out, names countries and
    languages in words, and shows a season only where it has something to
    say.
    """

    def __init__(self, graph: Mapping[str, Any], names: _Names, *,
                 seasons: bool) -> None:
        super().__init__(graph, heading=2)
        self.names = names
        self.with_seasons = seasons

    def country(self, value: Mapping[str, Any]) -> str:
        code = str(_list(value.get("name"))[0])
        return (
            '<span itemprop="countryOfOrigin" itemscope '
            f'itemtype="{_itemtype(value)}">'
            f'<data itemprop="name" value="{e(code)}">'
            f"{_t(self.names.country(code))}</data></span>"
        )

    def country_row(self, node: Mapping[str, Any]) -> str:
        """Countries of origin by name, their codes kept as data."""
        return self.row("Country", ", ".join(
            self.country(v) for v in _list(node.get("countryOfOrigin"))
            if "@id" not in v
        ))

    def language_row(self, node: Mapping[str, Any]) -> str:
        """Languages by name, their tags kept as data."""
        return self.row("Language", ", ".join(
            self.language(str(v)) for v in _list(node.get("inLanguage"))
        ))

    def language(self, tag: str) -> str:
        return (f'<data itemprop="inLanguage" value="{e(tag)}">'
                f"{_t(self.names.language(tag))}</data>")

    def series(self, iri: str, title_id: str) -> str:
        node = self.nodes[iri]
        out = [
            (f'<section class="showfacts-card" aria-labelledby="{title_id}"'
             f' itemscope itemtype="{e(_itemtype(node))}"'
             f' itemid="{e(iri)}">'),
            f'<h2 id="{title_id}">At a glance</h2>',
            f'<meta itemprop="name" content="{e(_list(node["name"])[0])}">'
            if node.get("name") else "",
        ]
        rows = self.series_rows(node)
        if rows:
            out.append(f'<dl class="showfacts-facts">{rows}</dl>')
        out.append(self.unconfirmed(iri, 3))
        if self.with_seasons:
            out.extend(self.season(ref["@id"], 3)
                       for ref in _list(node.get("containsSeason")))
        out.append("</section>")
        return "\n".join(part for part in out if part)

    def season(self, iri: str, h: int) -> str:
        node = self.nodes[iri]
        rows = self.season_rows(node)
        claims = self.unconfirmed(iri, h + 1)
        if not rows and not claims:
            return ""
        out = [
            ('<section class="showfacts-season" itemprop="containsSeason"'
             f' itemscope itemtype="{e(_itemtype(node))}"'
             f' itemid="{e(iri)}">'),
            f"<h{h}>{self.linked(node)}</h{h}>",
        ]
        if rows:
            out.append(f'<dl class="showfacts-facts">{rows}</dl>')
        out.append(claims)
        out.append("</section>")
        return "\n".join(part for part in out if part)


class _TimelineMemo:
    """
    What a show's timelines share across its pages.

    Each fact is listed on the show's page and on its season's, and each
    group's source line on several pages.
    """

    __slots__ = ("entries", "sort_keys", "sources")

    def __init__(self) -> None:
        #: A fact's state and HTML before its links, by fact id.
        self.entries: dict[str, tuple[str, str, bool]] = {}
        #: A fact's place in date order, by fact id.
        self.sort_keys: dict[str, tuple[int, dt.date]] = {}
        #: The "From ..." line of the sources a group cites, by their ids.
        self.sources: dict[tuple[str, ...], str] = {}

    def sort_key(self, show: Show, ref: FactRef) -> tuple[int, dt.date]:
        key = self.sort_keys.get(ref.fact.id)
        if key is None:
            key = self.sort_keys[ref.fact.id] = _sort_key(show, ref)
        return key


class Pages:
    """
    Renders the pages of one site.

    Args:
        options: The site's options.
    """

    def __init__(self, options: Options) -> None:
        self.options = options
        self.site = options.site
        self.preview = options.base_url is None
        self.theme = Theme(options.theme)
        self.names = _Names(options.language)
        base = re.escape(e(self.site.base))
        self._absolute = re.compile(
            rf'(href|src)="{base}([^"#]*)(#[^"]*)?"'
        )
        self._itemid = re.compile(rf' itemid="{base}[^"]*"')

    # -- addresses ------------------------------------------------------------

    @staticmethod
    def relative(here: str, path: str) -> str:
        """
        The link from the page at ``here`` to ``path``, both under the site.

        Folders link to their ``index.html``, so links work from disk too.
        """
        if path == "" or path.endswith("/"):
            path += "index.html"
        if not (_plain_path(here) and _plain_path(path)):
            return posixpath.relpath(path, here or ".")
        # relpath's own steps, without making the paths absolute (which
        # asks the system for the current folder, for every link).
        start = [part for part in here.split("/") if part]
        parts = [part for part in path.split("/") if part]
        common = 0
        for mine, theirs in zip(start, parts, strict=False):
            if mine != theirs:
                break
            common += 1
        return "/".join([".."] * (len(start) - common) + parts[common:]) or "."

    def absolute(self, path: str) -> str | None:
        """The absolute URL of a path, or ``None`` in a preview."""
        return None if self.preview else self.site.base + path

    def path(self, url: str) -> str:
        """The path under the site of one of its URLs."""
        return url[len(self.site.base):]

    def relativize(self, here: str, fragment: str) -> str:
        """Make the site's absolute links in HTML relative to ``here``."""
        def link(match: re.Match[str]) -> str:
            path = html.unescape(match.group(2))
            target = self.relative(here, path)
            return f'{match.group(1)}="{e(target)}{match.group(3) or ""}"'

        out = self._absolute.sub(link, fragment)
        if self.preview:
            out = self._itemid.sub("", out)
        return out

    # -- shared parts ---------------------------------------------------------

    def _common(self, *, here: str, title: str, description: str,
                crumbs: Sequence[Crumb], graph: Mapping[str, Any],
                main: str, image: str | None, og_type: str,
                feeds_of: str | None) -> dict[str, Any]:
        description = _description(description)
        canonical = self.absolute(here)
        jsonld = ""
        if canonical is not None:
            jsonld = markup.script_tag(self._page_graph(
                graph, url=canonical, title=title, description=description,
                crumbs=crumbs, main=main,
                kind=("CollectionPage"
                      if here == "" or here.startswith("page/")
                      else "WebPage"),
            ))
        alternates = []
        follow = []
        if not self.preview:
            show = feeds_of
            for fmt, (kind, label) in _FEED_TYPES.items():
                if fmt not in self.options.feeds:
                    continue
                href = self.relative(
                    here, self.path(self.site.feed_url(fmt, show))
                )
                alternates.append({"type": kind, "href": href,
                                   "title": f"{title} ({label})"})
                follow.append({"href": href, "label": label})
            follow.append({
                "href": self.relative(
                    here, self.path(self.site.calendar_url(show))
                ),
                "label": "Premiere calendar (iCalendar)",
            })
            if show is not None:
                href = self.relative(
                    here, self.path(self.site.jsonld_url(show))
                )
                alternates.append({"type": "application/ld+json",
                                   "href": href,
                                   "title": f"{title} (JSON-LD)"})
                follow.append({"href": href, "label": "JSON-LD"})
        return {
            "site_title": self.options.title,
            "language": self.options.language,
            "og_locale": str(self.names.locale),
            "title": title,
            "description": description,
            "canonical": canonical,
            "og_type": og_type,
            "image": image,
            "preview": self.preview,
            "root": "../" * here.count("/"),
            "crumbs": [
                {"label": c.label,
                 "href": None if c.path is None
                 else self.relative(here, c.path)}
                for c in crumbs
            ],
            "alternates": alternates,
            "follow": follow,
            "jsonld": m(jsonld),
        }

    def _page_graph(self, graph: Mapping[str, Any], *, url: str,
                    title: str, description: str, crumbs: Sequence[Crumb],
                    main: str, kind: str) -> dict[str, Any]:
        """The graph, with the page and its breadcrumb trail."""
        nodes = list(graph["@graph"])
        page = {
            "@id": url,
            "@type": kind,
            "url": url,
            "name": title,
            "description": description,
            "inLanguage": self.options.language,
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
            "mainEntity": {"@id": main},
        }
        items = []
        for position, crumb in enumerate(crumbs, start=1):
            item: dict[str, Any] = {"@id": url}
            if crumb.path is not None:
                item = {"@id": self.site.base + crumb.path,
                        "@type": "WebPage", "name": crumb.label}
            items.append({
                "@type": "ListItem",
                "position": position,
                "name": crumb.label,
                "item": item,
            })
        trail = {
            "@id": f"{url}#breadcrumb",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }
        return {"@context": graph["@context"],
                "@graph": [*nodes, page, trail]}

    # -- the answer -----------------------------------------------------------

    def _sources(self, show: Show, fact: Fact) -> str:
        return "; ".join(_cite(s) for s in show.cited(fact))

    def _release(self, show: Show,
                 seasons: Sequence[views.SeasonView],
                 shown: bool) -> dict[str, Any] | None:
        """The newest season's premiere (or release), with its sources."""
        for view in reversed(seasons):
            found: Milestone | ReleasePlan | None = view.premiere
            what = "premiere"
            if found is None or found.date is None:
                found, what = view.release_plan, "release"
            if found is None or found.date is None:
                continue
            label = (f"{view.season.name} {what}" if shown
                     else what.capitalize())
            return {
                "label": label,
                "when": m(_time(found.date)),
                "badge": m(badge(found.certainty)),
                "sources": m(self._sources(show, found)),
            }
        return None

    def _status(self, show: Show) -> dict[str, Any] | None:
        status = views.current(show).status
        if status is None:
            return None
        return {"text": _words(status.status.value).capitalize(),
                "badge": m(badge(status.certainty))}

    def _platforms(self, show: Show) -> list[str]:
        return [show.organization(n).name for n in show.networks]

    # -- cast and crew --------------------------------------------------------

    def _credits(self, show: Show, heading: str | None,
                 cast: Iterable[Any], crew: Iterable[Any]) -> dict[str, Any]:
        people = []
        for credit in cast:
            names = " / ".join(
                show.character(c).name for c in credit.characters
            )
            notes = [_wording.billing(credit),
                     _words(credit.status.value) if credit.status else None]
            people.append({
                "person": show.person(credit.person).name,
                "characters": names,
                # "as Zamira Parker", "as one of the marshals", "in an
                # undisclosed role", or nothing when the source said nothing.
                "role": _wording.role(credit, names) or "",
                "note": ", ".join(n for n in notes if n),
                "badge": "" if credit.certainty is Certainty.CONFIRMED
                else m(badge(credit.certainty)),
            })
        staff = []
        for credit in crew:
            role = _words(credit.role.value)
            if credit.work is not None:
                work = show.work(credit.work).title
                role = (f"author of {work}" if role == "source author"
                        else f"{role} ({work})")
            staff.append({
                "person": show.person(credit.person).name,
                "role": role,
                "badge": "" if credit.certainty is Certainty.CONFIRMED
                else m(badge(credit.certainty)),
            })
        return {"heading": heading, "cast": people, "crew": staff}

    # -- the timeline ---------------------------------------------------------

    def _timeline(self, show: Show, refs: Sequence[FactRef], here: str,
                  memo: _TimelineMemo) -> list[dict[str, Any]]:
        """
        Facts grouped by the sources they cite, each line said once.

        Groups come in the order their first fact does; in a group, the
        current facts, then (folded) the superseded and retracted ones, in
        date order.  Each entry keeps the anchor ``fact-{id}``, its feed
        guid's fragment.  ``memo`` keeps what does not depend on the page
        for the show's other pages: each fact is on the show's page and
        on its season's.
        """
        order = sorted(range(len(refs)), key=lambda i: (*memo.sort_key(
            show, refs[i]), i))
        groups: dict[tuple[str, ...], dict[str, Any]] = {}
        show_page = self.path(self.site.show_url(show.id))
        for i in order:
            ref = refs[i]
            cited = show.cited(ref.fact)
            key = tuple(s.id for s in cited)
            group = groups.get(key)
            if group is None:
                line = memo.sources.get(key)
                if line is None:
                    line = memo.sources[key] = (
                        "From " + "; ".join(_cite(s) for s in cited)
                        if cited else "No source cited"
                    )
                group = groups[key] = {"source": m(line), "current": [],
                                       "history": []}
            entry = self._entry(show, ref, here, show_page, memo)
            current = (ref.fact.retracted is None
                       and show.is_current(ref.fact.id))
            group["current" if current else "history"].append(m(entry))
        return list(groups.values())

    def _fact_link(self, show: Show, fact: Fact, here: str,
                   show_page: str) -> str:
        said = news.statement(show, show.ref(fact.id), self.site)
        target = "" if here == show_page else self.relative(here, show_page)
        return f'<a href="{e(target)}#fact-{e(fact.id)}">{e(said.text)}</a>'

    def _entry(self, show: Show, ref: FactRef, here: str,
               show_page: str, memo: _TimelineMemo) -> str:
        fact = ref.fact
        found = memo.entries.get(fact.id)
        if found is None:
            found = memo.entries[fact.id] = self._entry_body(show, ref)
        state, head, linked = found
        status = ""
        if linked:
            if state == "superseded":
                newer = show.superseded_by(fact.id)
                status = " Superseded by: " + "; ".join(
                    self._fact_link(show, f, here, show_page) for f in newer
                ) + "."
            older = []
            for earlier in fact.supersedes:
                with contextlib.suppress(KeyError):
                    older.append(show.fact(earlier))
            if older:
                status += " Replaces: " + "; ".join(
                    self._fact_link(show, f, here, show_page) for f in older
                ) + "."
        return self.relativize(here, f"{head}{status}</p></li>\n")

    def _entry_body(self, show: Show, ref: FactRef) -> tuple[str, str, bool]:
        """
        A timeline entry's state, and its HTML up to the links to others.

        What comes after depends on the page (the links to the facts it
        supersedes or is superseded by): the flag says whether there are
        any to add.
        """
        fact = ref.fact
        said = news.statement(show, ref, self.site)
        state = "current"
        status = ""
        if fact.retracted is not None:
            state = "retracted"
            reason = fact.retracted.reason
            status = " Retracted" + (f": {e(reason)}" if reason else ".")
        elif not show.is_current(fact.id):
            state = "superseded"
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
        head = (
            f'<li class="fact {state}" id="fact-{e(fact.id)}">'
            f"{when}{what}{spoiler}{details}"
            f'<p class="how">{badge(fact.certainty)}{announced}{status}'
        )
        return state, head, state == "superseded" or bool(fact.supersedes)

    # -- pages ----------------------------------------------------------------

    def _card(self, graph: Mapping[str, Any], show: Show,
              season: int | None, here: str) -> str:
        card = _PageCard(graph, self.names, seasons=season is not None)
        title_id = "glance"
        return self.relativize(
            here, card.series(self.site.show_iri(show.id), title_id)
        )

    def show_pages(self, show: Show, graph: Mapping[str, Any],
                   items: Sequence[news.NewsItem]) -> list[Page]:
        """The show's page and its seasons' pages."""
        site = self.site
        here = self.path(site.show_url(show.id))
        current = views.current(show)
        seasons = current.seasons
        refs = show.facts()
        memo = _TimelineMemo()
        home = Crumb(label=self.options.title, path="")
        description = show.description or (
            f"{show.title}: premiere dates, cast, crew and news, each with "
            "how sure it is and where it was read."
        )
        people = []
        if current.crew:
            people.append(self._credits(show, "The series", (),
                                        current.crew))
        people.extend(
            self._credits(show, view.season.name, view.cast, view.crew)
            for view in seasons if view.cast or view.crew
        )
        links = []
        for view in seasons:
            found = self._release(show, [view], shown=False)
            links.append({
                "name": view.season.name,
                "href": self.relative(here, self.path(
                    site.season_url(show.id, view.season.number)
                )),
                "release": m(f"{found['label'].lower()} {found['when']} "
                             f"{found['badge']}") if found else "",
            })
        context = self._common(
            here=here, title=show.title, description=description,
            crumbs=[home, Crumb(label=show.title)], graph=graph,
            main=site.show_iri(show.id), image=show.image,
            og_type="video.tv_show", feeds_of=show.id,
        )
        context.update({
            "show": show,
            "release": self._release(show, seasons, shown=True),
            "status": self._status(show),
            "platforms": self._platforms(show),
            "people": people,
            "seasons": links,
            "card": m(self._card(graph, show, None, here)),
            "timeline": self._timeline(show, refs, here, memo),
        })
        pages = [Page(path=here, html=self.theme.render("show.html", context),
                      lastmod=_lastmod(items))]
        pages.extend(self._season_page(show, view, refs, items, memo)
                     for view in seasons)
        return pages

    def _season_page(self, show: Show, view: views.SeasonView,
                     refs: Sequence[FactRef],
                     items: Sequence[news.NewsItem],
                     memo: _TimelineMemo) -> Page:
        site = self.site
        season = view.season
        here = self.path(site.season_url(show.id, season.number))
        title = f"{show.title}: {season.name}"
        graph = jsonld.to_jsonld((show, season.number), site,
                                 claims=self.options.claims,
                                 spoilers=self.options.spoilers)
        description = season.description or (
            f"{show.title} {season.name}: release date, cast, crew and "
            "news, each with how sure it is and where it was read."
        )
        main = site.season_iri(show.id, season.number)
        nodes: list[Any] = list(_list(graph["@graph"]))
        if not any(node["@id"] == main for node in nodes):
            # A season with nothing confirmed has no node: the page is
            # about the series then.
            main = site.show_iri(show.id)
        crumbs = [Crumb(label=self.options.title, path=""),
                  Crumb(label=show.title,
                        path=self.path(site.show_url(show.id))),
                  Crumb(label=season.name)]
        context = self._common(
            here=here, title=title, description=description, crumbs=crumbs,
            graph=graph, main=main,
            image=season.image or show.image,
            og_type="video.tv_show", feeds_of=show.id,
        )
        people = ([self._credits(show, None, view.cast, view.crew)]
                  if view.cast or view.crew else [])
        context.update({
            "show": show,
            "season": season,
            "release": self._release(show, [view], shown=False),
            "status": self._status(show),
            "platforms": self._platforms(show),
            "people": people,
            "card": m(self._card(graph, show, season.number, here)),
            "timeline": self._timeline(
                show, [r for r in refs if r.season == season.number], here,
                memo,
            ),
        })
        return Page(
            path=here, html=self.theme.render("season.html", context),
            lastmod=_lastmod(i for i in items if i.season == season.number),
        )

    def index_page(self, shows: Sequence[tuple[IndexShow | Show, str]],
                   lastmod: dt.date | None, *, number: int = 1,
                   count: int = 1, first: int = 1) -> Page:
        """
        The front page, or one page of it: each show with its summary.

        Args:
            shows: The shows of this page, with their summary lines.
            lastmod: The newest date the data gives the shows.
            number: Which page of the index this is, from 1.
            count: How many pages the index has.
            first: The position in the whole list of this page's first
                show.
        """
        site = self.site
        here = index_path(number)
        entries = []
        elements = []
        for position, (show, summary) in enumerate(shows, start=first):
            path = self.path(site.show_url(show.id))
            entries.append({"title": show.title, "summary": summary,
                            "fictional": show.fictional,
                            "href": self.relative(here, path)})
            elements.append({
                "@type": "ListItem",
                "position": position,
                "name": show.title,
                "url": site.show_url(show.id),
            })
        site_title = self.options.title
        title = (site_title if number == 1
                 else f"{site_title}: page {number} of {count}")
        graph = index_graph(site, elements, here)
        crumbs = [Crumb(label=site_title)]
        if number > 1:
            crumbs = [Crumb(label=site_title, path=""),
                      Crumb(label=f"Page {number}")]
        context = self._common(
            here=here, title=title, description=INDEX_DESCRIPTION,
            crumbs=crumbs, graph=graph,
            main=f"{site.base}{here}#shows", image=None,
            og_type="website", feeds_of=None,
        )
        context["shows"] = entries
        context["pager"] = self._pager(here, number, count)
        return Page(path=here,
                    html=self.theme.render("index.html", context),
                    lastmod=lastmod)

    def _pager(self, here: str, number: int,
               count: int) -> dict[str, Any] | None:
        """The links between the index's pages; ``None`` with one page."""
        if count <= 1:
            return None

        def link(n: int) -> dict[str, Any]:
            return {"number": n,
                    "href": self.relative(here, index_path(n)),
                    "current": n == number}

        return {
            "prev": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if number < count else None,
            "pages": [link(n) for n in range(1, count + 1)],
            "number": number,
            "count": count,
        }


def _plain_path(path: str) -> bool:
    """Whether a path under the site has no ``.``, ``..`` or empty part."""
    inside = f"/{path}/"
    return (not path.startswith("/") and "//" not in path
            and "/./" not in inside and "/../" not in inside)


def index_path(number: int) -> str:
    """The path of a page of the index: ``""``, ``page/2/``, ..."""
    return "" if number == 1 else f"page/{number}/"


_FEED_TYPES = {
    "rss": ("application/rss+xml", "RSS"),
    "atom": ("application/atom+xml", "Atom"),
    "json": ("application/feed+json", "JSON Feed"),
}


def index_graph(site: Site, elements: Sequence[Mapping[str, Any]],
                here: str = "") -> dict[str, Any]:
    """The index's JSON-LD before the page nodes: the list of shows."""
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@id": f"{site.base}{here}#shows",
                "@type": "ItemList",
                "name": "Shows",
                "numberOfItems": len(elements),
                "itemListElement": list(elements),
            },
        ],
    }


def _lastmod(items: Iterable[news.NewsItem]) -> dt.date | None:
    """The newest date the data gives the items (never the clock)."""
    dates = [(i.updated or i.published).date() for i in items]
    return max(dates, default=None)


@functools.lru_cache(maxsize=4)
def pages(options: Options) -> Pages:
    """The renderer of a site's pages, made once per process."""
    return Pages(options)


def show_summary(show: Show) -> tuple[str, str]:
    """The show's status and its next premiere, in words, for the index."""
    view = views.current(show)
    status = view.status
    words = []
    if status is not None:
        words.append(_wording.qualified(
            status.status.value.replace("_", " ").capitalize()
            + ("" if status.confirmed else f" ({status.certainty.word})"),
            status,
        ))
    premiere = ""
    for season in reversed(view.seasons):
        found = season.premiere
        if found is not None and found.date is not None:
            premiere = _wording.qualified(
                f"{season.season.name} premiere: {found.date.label()} "
                f"({found.certainty.word})", found,
            )
            break
    return "; ".join(words), premiere
