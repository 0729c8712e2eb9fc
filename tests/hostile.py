"""
Hostile show files, made on demand: small files that ask for much work.

Shared by ``tests/test_hostile.py`` and ``bench/bad_inputs.py``.  Every
show is made up; each function returns the text of one file.
"""

from __future__ import annotations

import json


HEAD = "id: demo\ntitle: Demo\nfictional: true\n"
SOURCE = "sources:\n  - {id: s, title: Press release}\n"


def supersede_chain(links: int) -> str:
    """Teases each superseding the one before: a chain of ``links``."""
    teases = "".join(
        f"  - {{id: t{i}, text: Tease {i}, certainty: confirmed, "
        f"sources: [s]{f', supersedes: t{i - 1}' if i else ''}}}\n"
        for i in range(links)
    )
    return f"{HEAD}{SOURCE}teases:\n{teases}"


def supersede_loop(links: int) -> str:
    """A chain whose first tease supersedes the last: one long cycle."""
    text = supersede_chain(links)
    return text.replace(
        "{id: t0, text: Tease 0, certainty: confirmed, sources: [s]}",
        f"{{id: t0, text: Tease 0, certainty: confirmed, sources: [s], "
        f"supersedes: t{links - 1}}}",
    )


def unknown_references(count: int) -> str:
    """Teases each citing a source that is not declared."""
    teases = "".join(
        f"  - {{id: t{i}, text: Tease, certainty: confirmed, "
        f"sources: [missing-{i}]}}\n"
        for i in range(count)
    )
    return f"{HEAD}{SOURCE}teases:\n{teases}"


def aliased_text(uses: int = 5_000, length: int = 99_000) -> str:
    """One anchored string of ``length`` characters, aliased ``uses`` times."""
    first = (
        f"  - {{id: t0, text: &long {'x' * length}, certainty: confirmed, "
        "sources: [s]}\n"
    )
    rest = "".join(
        f"  - {{id: t{i}, text: *long, certainty: confirmed, sources: [s]}}\n"
        for i in range(1, uses)
    )
    return f"{HEAD}{SOURCE}teases:\n{first}{rest}"


def cited_title(cites: int = 9_000, length: int = 99_000) -> str:
    """JSON: one source with a long title, cited by ``cites`` teases."""
    return json.dumps({
        "id": "demo", "title": "Demo", "fictional": True,
        "sources": [{"id": "s", "title": "t" * length}],
        "teases": [
            {"id": f"t{i}", "text": "Tease", "certainty": "confirmed",
             "sources": ["s"]}
            for i in range(cites)
        ],
    })


def many_genres(count: int) -> str:
    """A list of genres led by a number: the schema's slow path."""
    genres = ", ".join(f"g{i}" for i in range(count))
    return f"{HEAD}genres: [1, {genres}]\n"


def empty_seasons(count: int) -> str:
    """Seasons with nothing in them but their number."""
    seasons = "".join(f"  - {{number: {n}}}\n" for n in range(1, count + 1))
    return f"{HEAD}seasons:\n{seasons}"


def expected_premieres(count: int) -> str:
    """Expected premieres of one season, on days that cannot all hold."""
    milestones = "".join(
        f"      - {{id: p{i}, kind: premiere, "
        f"date: '2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}', "
        "certainty: expected, sources: [s]}\n"
        for i in range(count)
    )
    return (f"{HEAD}{SOURCE}seasons:\n  - number: 1\n    milestones:\n"
            f"{milestones}")


def premiere_at(date: str, time: str, zone: str) -> str:
    """A confirmed premiere at a day, time and zone."""
    return (
        f"{HEAD}{SOURCE}seasons:\n  - number: 1\n    milestones:\n"
        f"      - {{id: p, kind: premiere, date: '{date}', time: '{time}', "
        f"timezone: {zone}, certainty: confirmed, sources: [s]}}\n"
    )
