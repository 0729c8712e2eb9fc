"""
What must hold for any show, however it was built.

The checks read a :class:`~showfacts.models.Show` or the raw mapping of a
show file alike, so a file with schema errors still gets its references,
dates and supersede chains checked, and all problems come out together.
On raw data every check is tolerant: a value of the wrong shape is skipped
(the schema check reports it).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import urllib.parse
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
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


#: Unknown ids get "did you mean" hints while there are at most this many
#: in a show: each hint compares the id with every declared one, so a file
#: of thousands of unknown ids gets the declared ids listed instead.
MAX_HINTS = 50


def _declared(known: Any) -> str:
    shown = sorted(known)
    return ", ".join(shown[:8]) + (", ..." if len(shown) > 8 else "")


def _unknown(kind: str, value: str, known: Any, *, hint: bool = True,
             declared: str | None = None) -> str:
    message = f"unknown {kind} {value!r}"
    if not known:
        return f"{message}; none is declared"
    if hint:
        close = difflib.get_close_matches(value, sorted(known), n=1)
        if close:
            return f"{message}; did you mean {close[0]!r}?"
    listed = _declared(known) if declared is None else declared
    return f"{message} (declared: {listed})"


class _Unknowns:
    """Unknown references, explained once all are found."""

    def __init__(self) -> None:
        self.found: list[tuple[int, Path, str, str, set[Any]]] = []

    def add(self, at: int, path: Path, kind: str, value: str,
            known: set[Any]) -> None:
        self.found.append((at, path, kind, value, known))

    def explain(self, found: Found) -> None:
        """Put each problem at its place in ``found``, in order."""
        hint = len(self.found) <= MAX_HINTS
        listed: dict[int, str] = {}
        for at, path, kind, value, known in reversed(self.found):
            declared = None
            if not hint:
                # One sorted list per set of ids, not one per reference.
                declared = listed.get(id(known))
                if declared is None:
                    declared = listed[id(known)] = _declared(known)
            found.insert(at, (path, _unknown(kind, value, known, hint=hint,
                                             declared=declared)))


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

    unknowns = _Unknowns()

    def ref(value: Any, known: set[Any], kind: str, base: Path,
            *rest: str | int) -> None:
        # The path is built only for a problem: this runs for every
        # reference of every show.
        if type(value) is str and value not in known:
            unknowns.add(len(found), (*base, *rest), kind, value, known)

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

    cycles = _cycles(index)
    fact_ids = set(index)
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
        for field in ("announced", "date", "air_date", "until"):
            _check_date(_get(fact, field), (*path, field), found)
        if _targets(_get(fact, "supersedes")):
            found.extend(_check_supersedes(
                fact, path, collection, index, cycles,
                lambda at, where, value: unknowns.add(
                    at, where, "fact", value, fact_ids),
                len(found),
            ))
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
            found.extend(_check_schedule(fact, path))
        elif collection == "based_on":
            ref(_get(fact, "work"), works, "work", path, "work")
        elif collection == "milestones":
            ref(_get(fact, "platform"), orgs, "organization", path,
                "platform")
            found.extend(_check_milestone(fact, path))
            found.extend(_check_episode_range(fact, path))
        elif collection == "episodes":
            ref(_get(fact, "platform"), orgs, "organization", path,
                "platform")
    unknowns.explain(found)
    found.extend(_check_urls(show))
    found.extend(_check_ids(show))
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
    found.extend(_check_time_zone(time, zone, path))
    if isinstance(zone, str) and isinstance(time, str) and not found:
        found.extend(_check_instant(_get(fact, "date"), time, zone, path))
    return found


def _check_instant(date: Any, time: str, zone: str, path: Path) -> Found:
    """A day, time and zone must name an instant of the years 1 to 9999."""
    try:
        parsed = _parse_date(date)
        point = parsed.start if parsed else None
        day = point.lower if point else None
        if not isinstance(day, dt.date):
            return []
        hour, minute = (int(p) for p in time.split(":"))
        local = dt.datetime(day.year, day.month, day.day, hour, minute,
                            tzinfo=zoneinfo.ZoneInfo(zone))
        local.astimezone(dt.timezone.utc)
    except OverflowError:
        return [((*path, "time"), (
            f"{time} in {zone} on that day falls outside the years 1 to "
            "9999 in UTC, where calendars and feeds place it"
        ))]
    except (EDTFError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        return []  # reported by the other checks
    return []


def _int(value: Any) -> int | None:
    return value if type(value) is int else None


def _check_episode_range(fact: Any, path: Path) -> Found:
    """A release's first and last episode and its count agree."""
    first = _int(_get(fact, "first_episode"))
    last = _int(_get(fact, "last_episode"))
    count = _int(_get(fact, "episode_count"))
    if first is not None and last is not None:
        if first > last:
            return [((*path, "last_episode"),
                     (f"the last episode ({last}) comes before the first "
                     f"({first})"))]
        if count is not None and count != last - first + 1:
            return [((*path, "episode_count"),
                     (f"{count} episodes, but episodes {first} to {last} "
                     f"are {last - first + 1}"))]
    return []


def _check_time_zone(time: Any, zone: Any, path: Path) -> Found:
    """A time and a time zone come together, and the zone is IANA's."""
    found: Found = []
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


def _check_schedule(fact: Any, path: Path) -> Found:
    """A schedule's days, time and zone fit together."""
    found: Found = []
    found.extend(_check_time_zone(_get(fact, "time"), _get(fact, "timezone"),
                                  path))
    pattern = _get(fact, "pattern")
    pattern = getattr(pattern, "value", pattern)
    if _items(fact, "weekdays") and pattern not in (
        None, "weekly", "batch_then_weekly"
    ):
        found.append((
            (*path, "weekdays"),
            f"weekdays make a weekly schedule, not a {pattern} release",
        ))
    return found


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _targets(value: Any) -> tuple[str, ...]:
    """The ids a fact supersedes: one (a string) or several (a list)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def _check_supersedes(  # noqa: PLR0917
    fact: Any, path: Path, collection: str,
    index: dict[str, tuple[Path, str, Any]],
    cycles: dict[str, tuple[list[str], int]],
    unknown: Callable[[int, Path, str], None],
    at: int,
) -> Found:
    fact_id = _get(fact, "id")
    value = _get(fact, "supersedes")
    targets = _targets(value)
    listed = isinstance(value, list) or len(targets) > 1
    found: Found = []
    for j, target in enumerate(targets):
        where = (*path, "supersedes", j) if listed else (*path, "supersedes")
        if target == fact_id:
            found.append((where, "a fact cannot supersede itself"))
        elif target not in index:
            unknown(at, where, target)
        elif KINDS[index[target][1]] != KINDS[collection]:
            other_collection = index[target][1]
            found.append((
                where,
                (f"a {KINDS[collection]} can only supersede another "
                f"{KINDS[collection]}, but {target!r} is a "
                f"{KINDS[other_collection]}"),
            ))
    if found or not isinstance(fact_id, str):
        return found
    on_cycle = cycles.get(fact_id)
    if on_cycle is None:
        return []
    where = (*path, "supersedes")
    cycle, start = on_cycle
    size = len(cycle)
    if size + 1 > _SHOWN_LOOP:
        # Only the ids shown are gathered: a long cycle is not copied for
        # each of its facts.
        shown = [cycle[(start + i) % size] for i in range(_SHOWN_LOOP - 2)]
        return [(where, f"supersede cycle of {size:,} facts: "
                 + " -> ".join(repr(s) for s in shown)
                 + f" -> ... -> {fact_id!r}")]
    loop = [*cycle[start:], *cycle[:start], fact_id]
    return [(where, "supersede cycle: " + " -> ".join(repr(s) for s in loop))]


#: The most ids a supersede cycle's message names.
_SHOWN_LOOP = 12


def _cycles(index: dict[str, tuple[Path, str, Any]]) -> dict[
    str, tuple[list[str], int]
]:
    """
    Each fact on a supersede cycle, with one cycle it is on and its place.

    One depth-first walk over every fact and every id it supersedes:
    each fact and each link is visited once, however long the chains.
    """
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    cycles: dict[str, tuple[list[str], int]] = {}
    for start in index:
        if start in state:
            continue
        walk = [start]
        state[start] = 1
        stack = [iter(_targets(_get(index[start][2], "supersedes")))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                state[walk.pop()] = 2
                continue
            if step not in index:
                continue
            seen = state.get(step)
            if seen == 1:
                cycle = walk[walk.index(step):]
                if len(cycle) > 1:  # a fact superseding itself is told apart
                    for place, member in enumerate(cycle):
                        cycles.setdefault(member, (cycle, place))
                continue
            if seen == 2:
                continue
            state[step] = 1
            walk.append(step)
            stack.append(iter(_targets(_get(index[step][2], "supersedes"))))
    return cycles


#: Keys whose values are URLs, wherever they are in a show.
_URL_KEYS = frozenset({"url", "image", "logo", "official_site"})


def _check_urls(show: Any) -> Found:
    """URLs the schema's pattern lets through but no URL parser takes."""
    found: Found = []
    if type(show) is not dict:
        return found  # a model's URLs were checked when it was built
    stack: list[tuple[Any, Path]] = [(show, ())]
    while stack:
        node, path = stack.pop()
        pairs = node.items() if type(node) is dict else enumerate(node)
        for key, value in pairs:
            if type(value) is dict or type(value) is list:
                stack.append((value, (*path, key)))
            elif key in _URL_KEYS and type(value) is str:
                problem = url_problem(value)
                if problem:
                    found.append(((*path, key), quoted(value, problem)))
    return sorted(found)


def quoted(value: str, problem: str) -> str:
    """A value, quoted and cut short, before what is wrong with it."""
    text = json.dumps(value, ensure_ascii=False)
    return f"{text if len(text) <= 60 else text[:57] + '...'} {problem}"


def url_problem(url: str) -> str | None:
    """Why an http(s) URL cannot be read back, or ``None``."""
    bad = next((c for c in url if not c.isprintable() or c.isspace()),
               None)
    if bad is not None:
        return (
            f"is not a valid url: it holds U+{ord(bad):04X}, a control or "
            "space character (write it percent-encoded)"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port
    except ValueError as exc:
        return f"is not a valid url: {exc}"
    if parts.scheme in ("http", "https") and not parts.hostname:
        return "is not a valid url: it has no host name"
    return None


#: Names Windows keeps for devices, in any case and with any extension:
#: an id becomes a folder or file name of the site.
_RESERVED = frozenset({
    "con", "prn", "aux", "nul",
    *(f"com{n}" for n in "0123456789\u00b9\u00b2\u00b3"),
    *(f"lpt{n}" for n in "0123456789\u00b9\u00b2\u00b3"),
})

#: Records whose ids become parts of file names.
_NAMED = ("sources", "people", "organizations", "characters", "works")


def reserved_name(value: str) -> bool:
    """Whether Windows reserves ``value`` (``con``, ``nul.txt``, ...)."""
    return value.split(".", 1)[0].casefold() in _RESERVED


def _check_ids(show: Any) -> Found:
    found: Found = []
    places: list[tuple[Path, Any]] = [(("id",), _get(show, "id"))]
    for name in _NAMED:
        places.extend(
            ((name, i, "id"), _get(item, "id"))
            for i, item in enumerate(_items(show, name))
        )
    places.extend(((*path, "id"), _get(fact, "id"))
                  for path, _, fact in iter_facts(show))
    found.extend(
        (path, (
            f"{value!r} is a name Windows reserves for a device (like con, "
            "nul, com1 and lpt1, with or without an extension): ids become "
            "file names, so choose another"
        ))
        for path, value in places
        if isinstance(value, str) and reserved_name(value)
    )
    return found
