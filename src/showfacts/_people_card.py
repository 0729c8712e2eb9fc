"""
The parts of a fact card about people, images and awards.

Images with their text alternative and credit, the series-wide cast,
characters whose actors are not yet named.

Each function reads the JSON-LD graph, as the rest of the card does, so a
card shows exactly what the typed graph says; :mod:`showfacts.markup`
calls them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from showfacts.markup import _Card


def _t(text: str) -> str:
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _a(text: str) -> str:
    return html.escape(text, quote=True).replace("\r", "&#13;")


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_text(value: Any) -> str:
    return next((v for v in _list(value) if isinstance(v, str)), "")


def image(value: Any, *, inline: bool = False) -> str:
    """
    An image: a plain ``<img>`` for a URL, else a figure.

    For an ``ImageObject``, the figure's ``alt`` is its caption (the text
    alternative) and its caption is its credit, when the graph has one.
    ``inline`` makes it a ``span`` that may stand inside a line of text.
    """
    cls = ' class="showfacts-portrait"' if inline else ""
    if isinstance(value, str):
        return f'<img{cls} itemprop="image" src="{_a(value)}" alt="">'
    if not isinstance(value, Mapping):
        return ""
    url = _first_text(value.get("contentUrl"))
    if not url:
        return ""
    alt = _first_text(value.get("caption"))
    credit = _first_text(value.get("creditText"))
    box, note = ("span", "small") if inline else ("figure", "figcaption")
    kind = "showfacts-portrait" if inline else "showfacts-image"
    out = [
        (f'<{box} class="{kind}" itemprop="image" itemscope '
         'itemtype="https://schema.org/ImageObject">'),
        f'<img itemprop="contentUrl" src="{_a(url)}" alt="{_a(alt)}">',
    ]
    if alt:
        out.append(f'<meta itemprop="caption" content="{_a(alt)}">')
    if credit:
        out.append(f'<{note} itemprop="creditText">{_t(credit)}</{note}>')
    out.append(f"</{box}>")
    return "".join(out)


def portrait(node: Mapping[str, Any]) -> str:
    """A person's, character's or episode's own image, before its name."""
    return "".join(image(value, inline=True)
                   for value in _list(node.get("image"))[:1])


def cast(card: _Card, node: Mapping[str, Any]) -> str:
    """The node's ``actor`` roles, as a list."""
    items = "".join(f"<li>{card.item('actor', role)}</li>"
                    for role in _list(node.get("actor")))
    return f"<ul>{items}</ul>" if items else ""


def characters(card: _Card, node: Mapping[str, Any]) -> str:
    """Characters no ``actor`` role names: actors not yet named."""
    played = {
        _first_text(role.get("characterName"))
        for role in _list(node.get("actor")) if isinstance(role, Mapping)
    }
    shown = []
    for ref in _list(node.get("character")):
        target = card.nodes.get(ref.get("@id", "")) if isinstance(
            ref, Mapping) else None
        if target is None:
            continue
        if _first_text(target.get("name")) in played:
            continue
        shown.append(card.item("character", ref)
                     + ' <span class="showfacts-role">(actor not yet named)'
                     "</span>")
    return ", ".join(shown)
