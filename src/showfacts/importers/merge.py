"""
Sync: merge an import into an existing show file without losing history.

A merge only adds.  Records (sources, people, organizations, characters,
works) and show or season fields the file lacks are added; an imported
fact whose id the file holds already is compared with the current fact of
its line (the fact of that id, or the latest ``ID-2``, ``ID-3``, ...
superseding it): the same value changes nothing, a changed value becomes a
new fact that supersedes it.  Facts the file holds that the import no
longer lists are left alone, and so is everything written by hand.

The command writes the result the way :func:`showfacts.dump` edits a
file: in YAML, everything that did not change keeps its bytes (order,
comments, quoting, line breaks); JSON and TOML files are written again in
showfacts' own layout.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs

from showfacts import loading
from showfacts._invariants import SEASON_FACTS, SHOW_FACTS
from showfacts.models import Show


__all__ = ["Addition", "additions", "apply_to_data"]

_RECORDS = ("sources", "people", "organizations", "characters", "works")
_FIELDS = ("description", "genres", "countries", "languages", "image",
           "external_ids", "networks", "studios")
_SEASON_FIELDS = ("title", "description", "image")

Path = tuple[str | int, ...]


@attrs.frozen
class Addition:
    """
    One thing a merge adds.

    Attributes:
        path: Where: a list to append to, or a mapping to add a key to.
        key: The key to add, or ``None`` to append to a list.
        value: What is added.
    """

    path: Path
    key: str | None
    value: Any


def _facts(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = [f for c in SHOW_FACTS for f in _list(data, c)]
    for season in _list(data, "seasons"):
        found += [f for c in SEASON_FACTS for f in _list(season, c)]
    return [f for f in found if isinstance(f, dict)]


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _supersedes(fact: dict[str, Any]) -> list[str]:
    value = fact.get("supersedes")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _current_of(base: str, facts: dict[str, dict[str, Any]]) -> str:
    """The latest fact of ``base``'s line: follow what supersedes it."""
    line = re.compile(re.escape(base) + r"(?:-\d+)?$")
    current = base
    for _ in range(len(facts)):
        newer = [
            fid for fid, fact in facts.items()
            if line.match(fid) and current in _supersedes(fact)
        ]
        if not newer:
            break
        current = newer[0]
    return current


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    skip = {"id", "supersedes", "sources"}
    return ({k: v for k, v in old.items() if k not in skip}
            == {k: v for k, v in new.items() if k not in skip})


def _plain(value: Any) -> Any:
    """YAML-read values as JSON-like ones (dates as strings)."""
    return json.loads(json.dumps(value, default=str))


def additions(existing: dict[str, Any], imported: Show) -> list[Addition]:
    """
    What merging ``imported`` into ``existing`` (a file's data) adds.

    .. versionadded:: 0.1.0
    """
    new = loading.to_dict(imported)
    old = _plain(existing)
    later = _later_source(old, new)
    found: list[Addition] = []
    for key in _RECORDS:
        have = {r.get("id") for r in _list(old, key) if isinstance(r, dict)}
        records = [r for r in new.get(key, []) if r["id"] not in have]
        if key in old:
            found += [Addition((key,), None, r) for r in records]
        elif records:
            found.append(Addition((), key, records))
    for key in _FIELDS:
        if key in new and key not in old:
            found.append(Addition((), key, new[key]))
    facts = {f["id"]: f for f in _facts(old) if isinstance(f.get("id"), str)}
    taken = set(facts)

    def merge_facts(place: dict[str, Any], path: Path,
                    collections: Sequence[str],
                    incoming: dict[str, Any]) -> None:
        for collection in collections:
            todo = []
            for fact in incoming.get(collection, []):
                if fact["id"] not in facts:
                    taken.add(fact["id"])
                    todo.append(fact)
                    continue
                current = _current_of(fact["id"], facts)
                if _same(facts[current], fact):
                    continue
                n = 2
                while f"{fact['id']}-{n}" in taken:
                    n += 1
                fresh = {"id": f"{fact['id']}-{n}", **{
                    k: v for k, v in fact.items() if k != "id"
                }, "supersedes": current}
                taken.add(fresh["id"])
                todo.append(fresh)
            if collection in place:
                found.extend(Addition((*path, collection), None, f)
                             for f in todo)
            elif todo:
                found.append(Addition(path, collection, todo))

    merge_facts(old, (), SHOW_FACTS, new)
    seasons = {s.get("number"): i for i, s in enumerate(_list(old, "seasons"))
               if isinstance(s, dict)}
    fresh_seasons = []
    for season in new.get("seasons", []):
        index = seasons.get(season["number"])
        if index is None:
            fresh_seasons.append(season)
            continue
        place = old["seasons"][index]
        path: Path = ("seasons", index)
        found.extend(Addition(path, key, season[key])
                     for key in _SEASON_FIELDS
                     if key in season and key not in place)
        merge_facts(place, path, SEASON_FACTS, season)
    if "seasons" in old:
        found += [Addition(("seasons",), None, s) for s in fresh_seasons]
    elif fresh_seasons:
        found.append(Addition((), "seasons", fresh_seasons))
    if later is not None and any(
        later["id"] in json.dumps(a.value) for a in found
    ):
        found.insert(0, Addition(("sources",), None, later))
    return found


def _later_source(old: dict[str, Any],
                  new: dict[str, Any]) -> dict[str, Any] | None:
    """
    A later reading of a record the file cites already, or ``None``.

    When the file's source for the record was read on another day than
    this import, the facts this import adds cite a new source,
    ``ID-DAY``, so each fact keeps the day it was read; ``new`` is changed
    to cite it.
    """
    [source] = new.get("sources") or [None]
    if source is None or "retrieved" not in source:
        return None
    known = {s.get("id"): s for s in _list(old, "sources")
             if isinstance(s, dict)}
    mine = known.get(source["id"])
    if mine is None or mine.get("retrieved") == source["retrieved"]:
        return None
    day = str(source["retrieved"]).replace("/", "-")
    later = {**source, "id": f"{source['id']}-{day}"}
    if later["id"] in known:
        return None
    new["sources"] = []
    _recite(new, source["id"], later["id"])
    return later


def _recite(value: Any, old_id: str, new_id: str) -> None:
    """Make every fact in ``value`` that cites ``old_id`` cite ``new_id``."""
    if isinstance(value, dict):
        sources = value.get("sources")
        if isinstance(sources, list) and "id" in value:
            value["sources"] = [new_id if s == old_id else s
                                for s in sources]
        for item in value.values():
            if isinstance(item, (dict, list)):
                _recite(item, old_id, new_id)
    elif isinstance(value, list):
        for item in value:
            _recite(item, old_id, new_id)


def apply_to_data(existing: Any, found: Sequence[Addition]) -> Any:
    """The file's data with the additions made (for JSON and TOML)."""
    data = copy.deepcopy(existing)
    for addition in found:
        place = data
        for step in addition.path:
            place = place[step]
        if addition.key is None:
            place.append(addition.value)
        else:
            place[addition.key] = addition.value
    return data
