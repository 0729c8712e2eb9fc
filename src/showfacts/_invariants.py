"""
What must hold for any show, however it was built.

The checks read a :class:`~showfacts.models.Show` or the raw mapping of a
show file alike, so a file with schema errors still gets its references,
dates and supersede chains checked, and all problems come out together.
On raw data every check is tolerant: a value of the wrong shape is skipped
(the schema check reports it).
"""

from __future__ import annotations

import difflib
import zoneinfo
from collections.abc import Iterator, Sequence
from typing import Any

from showfacts import _edtf, _people_facts
from showfacts._edtf import EDTFError, Hemisphere, Precision
from showfacts._paths import Path, render


#: Fact collections of a show and of a season, in document order.
SHOW_FACTS = (
    "statuses", "relations", "based_on", "crew", "milestones", "teases",
    "cast", "additional_cast", "awards",
)
SEASON_FACTS = (
    "milestones", "release_plans", "cast", "crew", "teases", "episodes",
    "based_on", "additional_cast", "awards",
)
#: The kind of fact each collection holds; a fact may only supersede a
#: fact of the same kind.
KINDS = {
    "statuses": "status",
    "relations": "relation",
    "based_on": "adaptation",
    "crew": "crew credit",
    "milestones": "milestone",
    "teases": "tease",
    "release_plans": "release plan",
    "cast": "cast credit",
    "episodes": "episode",
    "additional_cast": "additional cast",
    "awards": "award",
}

Found = list[tuple[Path, str]]


def _get(obj: Any, name: str) -> Any:
    if type(obj) is dict:
        return obj.get(name)
    return getattr(obj, name, None)


def _items(obj: Any, name: str) -> Sequence[Any]:
    value: Any = (
        obj.get(name) if type(obj) is dict else getattr(obj, name, None)
    )
    kind = type(value)
    return value if kind is tuple or kind is list else ()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def iter_facts(show: Any) -> Iterator[tuple[Path, str, Any]]:
    """Every fact with its path and collection, in document order."""
    for name in SHOW_FACTS:
        for i, fact in enumerate(_items(show, name)):
            yield (name, i), name, fact
    for s, season in enumerate(_items(show, "seasons")):
        for name in SEASON_FACTS:
            for i, fact in enumerate(_items(season, name)):
                yield ("seasons", s, name, i), name, fact


def _unknown(kind: str, value: str, known: Any) -> str:
    message = f"unknown {kind} {value!r}"
    close = difflib.get_close_matches(value, sorted(known), n=1)
    if close:
        return f"{message}; did you mean {close[0]!r}?"
    if not known:
        return f"{message}; none is declared"
    shown = sorted(known)
    listed = ", ".join(shown[:8]) + (", ..." if len(shown) > 8 else "")
    return f"{message} (declared: {listed})"


def _ids(items: Sequence[Any], attr: str, path: Path, what: str,
         found: Found, *, kind: type = str) -> set[Any]:
    seen: dict[Any, int] = {}
    for i, item in enumerate(items):
        key = _get(item, attr)
        if isinstance(key, bool) or not isinstance(key, kind):
            continue  # the schema check reports the wrong type
        if key in seen:
            found.append((
                (*path, i, attr),
                (f"duplicate {what} {key!r}, first at "
                f"{render((*path, seen[key]))}"),
            ))
        else:
            seen[key] = i
    return set(seen)


def check(show: Any) -> Found:
    """Every broken invariant of a show (model or raw mapping)."""
    found: Found = []
    sources = _ids(_items(show, "sources"), "id", ("sources",),
                   "source id", found)
    people = _ids(_items(show, "people"), "id", ("people",),
                  "person id", found)
    orgs = _ids(_items(show, "organizations"), "id", ("organizations",),
                "organization id", found)
    characters = _ids(_items(show, "characters"), "id", ("characters",),
                      "character id", found)
    works = _ids(_items(show, "works"), "id", ("works",), "work id", found)
    _ids(_items(show, "seasons"), "number", ("seasons",), "season number",
         found, kind=int)

    def ref(value: Any, known: set[Any], kind: str, base: Path,
            *rest: str | int) -> None:
        # The path is built only for a problem: this runs for every
        # reference of every show.
        if type(value) is str and value not in known:
            found.append(((*base, *rest), _unknown(kind, value, known)))

    for key in ("networks", "studios"):
        for i, org in enumerate(_items(show, key)):
            ref(org, orgs, "organization", (key, i))
    for i, org in enumerate(_items(show, "organizations")):
        ref(_get(org, "parent"), orgs, "organization",
            ("organizations", i, "parent"))
    for i, work in enumerate(_items(show, "works")):
        for j, author in enumerate(_items(work, "authors")):
            # An author is a person or an organization (a game's studio).
            ref(author, people | orgs, "person or organization",
                ("works", i, "authors", j))
        ref(_get(work, "part_of"), works, "work", ("works", i, "part_of"))
    for s, season in enumerate(_items(show, "seasons")):
        _ids(_items(season, "episodes"), "number",
             ("seasons", s, "episodes"), "episode number", found, kind=int)
    for i, source in enumerate(_items(show, "sources")):
        _check_date(_get(source, "published"), ("sources", i, "published"),
                    found)

    index: dict[str, tuple[Path, str, Any]] = {}
    for path, collection, fact in iter_facts(show):
        fact_id = _get(fact, "id")
        if not isinstance(fact_id, str):
            continue
        if fact_id in index:
            first = index[fact_id][0]
            found.append((
                (*path, "id"),
                (f"duplicate fact id {fact_id!r}, first used at "
                f"{render(first)}"),
            ))
            continue
        index[fact_id] = (path, collection, fact)

    for path, collection, fact in iter_facts(show):
        for j, source in enumerate(_items(fact, "sources")):
            ref(source, sources, "source", path, "sources", j)
        retracted = _get(fact, "retracted")
        if retracted is not None:
            for j, source in enumerate(_items(retracted, "sources")):
                ref(source, sources, "source", path, "retracted",
                    "sources", j)
            _check_date(_get(retracted, "date"), (*path, "retracted", "date"),
                        found)
        for field in ("announced", "date", "air_date"):
            _check_date(_get(fact, field), (*path, field), found)
        supersedes = _get(fact, "supersedes")
        if isinstance(supersedes, str):
            found.extend(_check_supersedes(fact, path, collection, index))
        if collection == "cast":
            ref(_get(fact, "person"), people, "person", path, "person")
            for j, character in enumerate(_items(fact, "characters")):
                ref(character, characters, "character", path,
                    "characters", j)
            found.extend(_people_facts.check_recast(
                fact, path, people, index))
        elif collection == "crew":
            ref(_get(fact, "person"), people, "person", path, "person")
            ref(_get(fact, "work"), works, "work", path, "work")
        elif collection == "relations":
            found.extend(_people_facts.check_relation(fact, path, works))
        elif collection == "additional_cast":
            for j, character in enumerate(_items(fact, "characters")):
                ref(character, characters, "character", path,
                    "characters", j)
            found.extend(_people_facts.check_additional_cast(fact, path))
        elif collection == "awards":
            found.extend(_people_facts.check_award(fact, path, people,
                                                   index))
        elif collection == "release_plans":
            ref(_get(fact, "platform"), orgs, "organization", path,
                "platform")
            found.extend(_check_release_plan(fact, path))
        elif collection == "based_on":
            ref(_get(fact, "work"), works, "work", path, "work")
        elif collection == "milestones":
            ref(_get(fact, "platform"), orgs, "organization", path,
                "platform")
            found.extend(_check_milestone(fact, path))
    return found


def _parse_date(date: Any) -> _edtf.Parsed | None:
    """Parse a fuzzy date (model or raw); ``None`` if it is not one."""
    if date is None:
        return None
    if isinstance(date, str):
        return _edtf.parse(date)
    edtf = _text(_get(date, "edtf"))
    if edtf is None:
        return None
    hemisphere = _get(date, "hemisphere") or Hemisphere.NORTH
    try:
        hemisphere = Hemisphere(hemisphere)
    except ValueError:
        hemisphere = Hemisphere.NORTH
    return _edtf.parse(edtf, hemisphere)


def _check_date(date: Any, path: Path, found: Found) -> None:
    if not isinstance(date, (str, dict)):
        return  # models hold FuzzyDate, checked when built; years are fine
    try:
        _parse_date(date)
    except EDTFError as exc:
        found.append((path, str(exc)))


def _check_release_plan(fact: Any, path: Path) -> Found:
    initial = _get(fact, "initial_episodes")
    total = _get(fact, "episodes")
    if (
        isinstance(initial, int)
        and isinstance(total, int)
        and not isinstance(initial, bool)
        and initial > total
    ):
        return [(
            (*path, "initial_episodes"),
            (f"{initial} initial episodes exceed the {total} episodes of the "
            "season"),
        )]
    return []


def _check_milestone(fact: Any, path: Path) -> Found:
    found: Found = []
    kind = _get(fact, "kind")
    kind = getattr(kind, "value", kind)
    if _get(fact, "part") is not None and kind != "part_release":
        found.append((
            (*path, "part"),
            f"only part_release milestones have a part, not {kind}",
        ))
    time = _get(fact, "time")
    zone = _get(fact, "timezone")
    if time is not None:
        try:
            parsed = _parse_date(_get(fact, "date"))
        except EDTFError:
            parsed = None
        point = parsed.start if parsed else None
        if (
            parsed is None
            or parsed.interval
            or point is None
            or point.precision is not Precision.DAY
            or point.qualified
        ):
            found.append((
                (*path, "time"), "a time needs a date known to the day"
            ))
    if (time is None) != (zone is None):
        found.append((
            (*path, "timezone" if time is not None else "time"),
            "time and timezone go together: give both or neither",
        ))
    if isinstance(zone, str) and not _is_zone(zone):
        found.append((
            (*path, "timezone"),
            (f"{zone!r} is not an IANA time zone (e.g. America/New_York, "
            "Europe/London, UTC)"),
        ))
    return found


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _check_supersedes(
    fact: Any, path: Path, collection: str,
    index: dict[str, tuple[Path, str, Any]],
) -> Found:
    fact_id = _get(fact, "id")
    target = _get(fact, "supersedes")
    where = (*path, "supersedes")
    if target == fact_id:
        return [(where, "a fact cannot supersede itself")]
    if target not in index:
        return [(where, _unknown("fact", target, index))]
    other_collection = index[target][1]
    if KINDS[other_collection] != KINDS[collection]:
        return [(
            where,
            (f"a {KINDS[collection]} can only supersede another "
            f"{KINDS[collection]}, but {target!r} is a "
            f"{KINDS[other_collection]}"),
        )]
    chain = [fact_id]
    step: Any = target
    while isinstance(step, str) and step in index:
        if step in chain:
            loop = " -> ".join(repr(s) for s in [*chain, step])
            return [(where, f"supersede cycle: {loop}")]
        chain.append(step)
        step = _get(index[step][2], "supersedes")
    return []
