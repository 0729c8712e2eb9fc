"""
What must hold for recasts, relations, awards and cast news without names.

Called by :mod:`showfacts._invariants` for each fact of these kinds; like
the rest of the checks, these read a model or the raw mapping of a file
alike, and pass over values of the wrong shape (the schema check reports
them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from showfacts._paths import Path, render


Found = list[tuple[Path, str]]
Index = Mapping[str, tuple[Path, str, Any]]


def _get(obj: Any, name: str) -> Any:
    if type(obj) is dict:
        return obj.get(name)
    return getattr(obj, name, None)


def _has(value: Any) -> bool:
    return value is not None and value not in ((), [])


def check_recast(fact: Any, path: Path, people: set[str],
                 index: Index) -> Found:
    """A recast names a declared person, and a cast credit, it replaces."""
    found: Found = []
    replaces = _get(fact, "replaces")
    if type(replaces) is str:
        if replaces not in people:
            found.append(((*path, "replaces"),
                          f"unknown person {replaces!r}"))
        elif replaces == _get(fact, "person"):
            found.append(((*path, "replaces"),
                          "a recast cannot replace the same person"))
    credit = _get(fact, "replaces_credit")
    if type(credit) is not str:
        return found
    where = (*path, "replaces_credit")
    if credit == _get(fact, "id"):
        return [*found, (where, "a credit cannot replace itself")]
    target = index.get(credit)
    if target is None:
        return [*found, (where, f"unknown fact {credit!r}")]
    if target[1] != "cast":
        return [*found, (where, (
            f"a recast replaces a cast credit, but {credit!r} is at "
            f"{render(target[0])}"
        ))]
    before = _get(target[2], "person")
    if type(replaces) is str and type(before) is str and before != replaces:
        found.append((where, (
            f"{credit!r} credits {before!r}, but 'replaces' says "
            f"{replaces!r}"
        )))
    return found


def check_relation(fact: Any, path: Path, works: set[str]) -> Found:
    """A relation names another show or a declared work: one of the two."""
    show, work = _get(fact, "show"), _get(fact, "work")
    if show is None and work is None:
        return [(path, ("a relation needs 'show' (another show's id) or "
                        "'work' (a declared work's id)"))]
    if show is not None and work is not None:
        return [((*path, "work"), ("a relation is to a show or to a work, "
                                   "not both"))]
    if type(work) is str and work not in works:
        return [((*path, "work"), f"unknown work {work!r}")]
    return []


def check_additional_cast(fact: Any, path: Path) -> Found:
    """Cast news without names still says something."""
    if any(_has(_get(fact, f)) for f in ("characters", "count", "text")):
        return []
    return [(path, ("additional cast needs characters, a count or the "
                    "source's words ('text'); it never invents people"))]


def check_award(fact: Any, path: Path, people: set[str],
                index: Index) -> Found:
    """An award is for a declared person or a cast or crew credit."""
    person, credit = _get(fact, "person"), _get(fact, "credit")
    if person is not None and credit is not None:
        return [((*path, "credit"), ("an award is for a person or for a "
                                     "credit, not both (the credit names "
                                     "its person)"))]
    if type(person) is str and person not in people:
        return [((*path, "person"), f"unknown person {person!r}")]
    if type(credit) is str:
        target = index.get(credit)
        if target is None:
            return [((*path, "credit"), f"unknown fact {credit!r}")]
        if target[1] not in ("cast", "crew"):
            return [((*path, "credit"), (
                f"an award is for a cast or crew credit, but {credit!r} "
                f"is at {render(target[0])}"
            ))]
    return []
