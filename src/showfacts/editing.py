"""
Changing a show in code.

Models are frozen: a change gives a new show.  :func:`replace_fact`
changes one fact, wherever it sits (in the show, a season or an
episode), without a chain of ``attrs.evolve`` calls.
"""

from __future__ import annotations

from typing import Any

import attrs

from showfacts.models import Fact, Show


__all__ = ["replace_fact"]


def replace_fact(show: Show, fact_id: str, **changes: Any) -> Show:
    """
    The show with one fact changed: ``attrs.evolve(fact, **changes)``.

    The fact is found by id anywhere in the show.  Values are converted
    and checked as at construction (an ISO string for a date, a string
    for an enumeration), and the new show checks its invariants.

    >>> import showfacts
    >>> show = showfacts.load("examples/ballard.yaml")
    >>> new = showfacts.replace_fact(show, "s2-premiere-window",
    ...                              certainty="reported")
    >>> new.fact("s2-premiere-window").certainty.value
    'reported'

    Raises:
        KeyError: If the show has no fact with that id.
        InvalidDataError: If a change is invalid, naming the field.

    .. versionadded:: 0.1.0
    """
    show.fact(fact_id)  # KeyError, with the show's own message
    found = [False]

    def visit(value: Any) -> Any:
        if isinstance(value, Fact) and value.id == fact_id:
            found[0] = True
            return attrs.evolve(value, **changes)
        if isinstance(value, tuple):
            items = tuple(visit(v) for v in value)
            same = all(a is b for a, b in zip(items, value, strict=True))
            return value if same else items
        if attrs.has(type(value)) and not found[0]:
            updates = {}
            for field in attrs.fields(type(value)):
                if not field.init:
                    continue
                old = getattr(value, field.name)
                if isinstance(old, (tuple, Fact)) or attrs.has(type(old)):
                    new = visit(old)
                    if new is not old:
                        updates[field.alias or field.name] = new
            return attrs.evolve(value, **updates) if updates else value
        return value

    changed: Show = visit(show)
    return changed
