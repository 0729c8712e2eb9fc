"""
Bounds on the work a show file can ask for, beyond what it holds.

A file within the size limit can still make every output huge: a YAML
alias repeats a long string wherever it is used, and a source's title is
printed again for every fact that cites it.  These checks measure what a
show would make showfacts carry, on the parsed value, in one pass and
before any model or output is built:

* expanded text: every string counts once for every place it lands,
  through aliases (the parsed value shares the object) and through
  references (the referenced record's text counts again at each
  reference);
* seasons, facts and references per show.
"""

from __future__ import annotations

from typing import Any

from showfacts import _readers
from showfacts._invariants import SEASON_FACTS, SHOW_FACTS
from showfacts._paths import Path
from showfacts._readers import Limits


#: Keys whose values are ids of a show's records, and the records.
REFERENCE_KEYS = {
    "sources": "sources",
    "person": "people",
    "authors": "people",
    "characters": "characters",
    "platform": "organizations",
    "networks": "organizations",
    "studios": "organizations",
    "parent": "organizations",
    "work": "works",
    "part_of": "works",
}
RECORDS = ("sources", "people", "organizations", "characters", "works")

Found = list[tuple[Path, str]]


def _text_size(value: Any) -> int:
    """Characters of every string in a value, keys included."""
    total = 0
    stack = [value]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is str:
            total += len(node)
        elif kind is dict:
            for key, item in node.items():
                total += len(key) if type(key) is str else 0
                stack.append(item)
        elif kind is list:
            stack.extend(node)
    return total


def _records(value: dict[str, Any]) -> dict[str, dict[str, int]]:
    """The text size of each record, by kind and id."""
    sizes: dict[str, dict[str, int]] = {}
    for kind in RECORDS:
        items = value.get(kind)
        found = sizes.setdefault(kind, {})
        if type(items) is not list:
            continue
        for item in items:
            if type(item) is dict and type(item.get("id")) is str:
                found[item["id"]] = _text_size(item)
    return sizes


def _count_facts(value: dict[str, Any]) -> int:
    total = 0
    for name in SHOW_FACTS:
        items = value.get(name)
        total += len(items) if type(items) is list else 0
    seasons = value.get("seasons")
    for season in seasons if type(seasons) is list else ():
        if type(season) is not dict:
            continue
        for name in SEASON_FACTS:
            items = season.get(name)
            total += len(items) if type(items) is list else 0
    return total


def check(value: Any, limits: Limits) -> Found:
    """
    What a show file would make showfacts do beyond its limits.

    Tolerant of any shape: values of the wrong type are skipped (the
    schema check reports them).  Returns at most one problem per limit.
    """
    if type(value) is not dict:
        return []
    found: Found = []
    seasons = value.get("seasons")
    if type(seasons) is list and len(seasons) > limits.max_seasons:
        found.append((("seasons",), (
            f"{len(seasons):,} seasons, over the limit of "
            f"{limits.max_seasons:,} seasons per show"
        )))
    facts = _count_facts(value)
    if facts > limits.max_facts:
        found.append(((), (
            f"{facts:,} facts, over the limit of {limits.max_facts:,} "
            "facts per show"
        )))
    sizes = _records(value)
    text = 0
    references = 0
    number: str | None = None
    largest = _readers.MAX_NUMBER
    # Only containers go on the stack; leaves are counted where they are
    # met: every node of every show passes here.
    stack: list[Any] = [value] if type(value) is dict else []
    while stack:
        node = stack.pop()
        if type(node) is dict:
            items = node.values()
            for key, item in node.items():
                if type(key) is str:
                    text += len(key)
                records = REFERENCE_KEYS.get(key)
                if records is not None:
                    targets = sizes[records]
                    for ref in item if type(item) is list else (item,):
                        if type(ref) is str:
                            references += 1
                            text += targets.get(ref, 0)
        else:
            items = node
        for item in items:
            kind = type(item)
            if kind is str:
                text += len(item)
            elif kind is dict or kind is list:
                stack.append(item)
            elif ((kind is int or kind is float) and number is None
                  and not -largest <= item <= largest):  # NaN too
                # Files are held to this as they are read; a mapping built
                # in code is held to it here, before a number is printed.
                number = _readers.number_problem(item)
                if number is not None:
                    found.append((_readers.path_of(value, item), number))
    if references > limits.max_references:
        found.append(((), (
            f"{references:,} references, over the limit of "
            f"{limits.max_references:,} references per show"
        )))
    if text > limits.max_expanded_text:
        found.append(((), (
            f"the show expands to {text:,} characters of text, over the "
            f"limit of {limits.max_expanded_text:,} (each string counts "
            "wherever it is used: through YAML aliases, and a record's "
            "text again for every reference to it)"
        )))
    return found
