"""
A deterministic generator of synthetic show catalogs for benchmarks.

Each show has about 6 seasons, 25 cast credits and 40 other facts
(milestones, release plans, crew, teases, episodes), sources, people and
characters, like a well-documented real show.  The same seed gives the
same catalog, byte for byte.

    python bench/generate.py OUT --shows 1000 --format json

Each file declares the show schema, so that folders of them are read as
show files.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
from typing import Any

from showfacts import _yamlfile


KINDS = ["renewed", "filming_started", "filming_wrapped", "premiere",
         "finale", "trailer_released"]
CERTAINTIES = ["confirmed", "confirmed", "reported", "expected", "rumored",
               "speculative"]


def _date(rng: random.Random, year: int) -> Any:
    shape = rng.random()
    month = rng.randint(1, 12)
    if shape < 0.4:
        return f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"
    if shape < 0.7:
        return f"{year:04d}-{month:02d}"
    if shape < 0.85:
        return {"edtf": f"{year:04d}-22/{year:04d}-23",
                "text": f"summer or fall {year}"}
    return {"edtf": f"{year:04d}-{rng.randint(21, 24)}",
            "text": "sometime that season"}


def show(index: int, seed: int = 0) -> dict[str, Any]:
    """The show with this index: a JSON-like mapping, as a file holds."""
    rng = random.Random(f"{seed}-{index}")
    sid = f"show-{index:06d}"
    people = [{"id": f"person-{index:06d}-{i}", "name": f"Person {index} {i}"}
              for i in range(30)]
    characters = [{"id": f"character-{index:06d}-{i}",
                   "names": [f"Character {i}"]} for i in range(25)]
    sources = [
        {"id": f"source-{i}", "title": f"Article {i} about show {index}",
         "publisher": "Trade Weekly",
         "url": f"https://news.example/{sid}/{i}",
         "published": f"{2020 + i:04d}-0{1 + i}-15"}
        for i in range(4)
    ]
    seasons = []
    fact = 0
    cast_left = 25
    facts_left = 40
    for number in range(1, 7):
        year = 2018 + number
        milestones = []
        for kind in rng.sample(KINDS, 4):
            fact += 1
            milestones.append({
                "id": f"f{fact}", "kind": kind, "date": _date(rng, year),
                "certainty": rng.choice(CERTAINTIES),
                "sources": [f"source-{rng.randint(0, 3)}"],
                "announced": f"{year - 1:04d}-{rng.randint(1, 12):02d}",
            })
        facts_left -= len(milestones)
        if number > 1 and rng.random() < 0.5:
            fact += 1
            previous = milestones[0]["id"]
            milestones.append({
                "id": f"f{fact}", "kind": milestones[0]["kind"],
                "date": f"{year:04d}-09-12", "certainty": "confirmed",
                "supersedes": previous, "sources": ["source-3"],
                "announced": f"{year:04d}-03-01",
            })
            facts_left -= 1
        cast = []
        for _ in range(min(cast_left, 5 if number < 6 else cast_left)):
            fact += 1
            who = rng.randrange(25)
            cast.append({
                "id": f"f{fact}", "person": people[who]["id"],
                "characters": [characters[who]["id"]],
                "billing": rng.choice(["main", "recurring", "guest"]),
                "status": rng.choice(["returning", "new"]),
                "certainty": rng.choice(CERTAINTIES),
                "sources": [f"source-{rng.randint(0, 3)}"],
            })
        cast_left -= len(cast)
        teases = []
        if facts_left > 0:
            fact += 1
            teases.append({
                "id": f"f{fact}", "text": f"Season {number} goes darker.",
                "spoiler": rng.random() < 0.2,
                "certainty": rng.choice(CERTAINTIES),
                "sources": ["source-1"],
            })
            facts_left -= 1
        release = []
        if facts_left > 0:
            fact += 1
            release.append({
                "id": f"f{fact}", "platform": "network",
                "pattern": rng.choice(["weekly", "all_at_once"]),
                "episodes": rng.randint(6, 12), "region": "US",
                "certainty": "confirmed", "sources": ["source-0"],
            })
            facts_left -= 1
        seasons.append({"number": number, "milestones": milestones,
                        "release_plans": release, "cast": cast,
                        "teases": teases})
    crew = []
    while facts_left > 0:
        fact += 1
        person = people[25 + facts_left % 5]["id"]
        crew.append({"id": f"f{fact}", "person": person,
                     "role": rng.choice(["showrunner", "creator", "writer",
                                         "director"]),
                     "certainty": "confirmed", "sources": ["source-0"]})
        facts_left -= 1
    return {
        "id": sid,
        "title": f"Show {index}",
        "fictional": True,
        "description": "A synthetic show for benchmarks.",
        "genres": ["Drama"],
        "countries": ["US"],
        "languages": ["en"],
        "networks": ["network"],
        "sources": sources,
        "people": people,
        "organizations": [{"id": "network", "name": "Network",
                           "kind": "streamer"}],
        "characters": characters,
        "statuses": [{"id": "status", "status": "returning",
                      "certainty": "confirmed", "sources": ["source-0"]}],
        "crew": crew,
        "seasons": seasons,
    }


#: What each written file declares as its ``$schema``.
SCHEMA = "urn:showfacts:schema:show:1"


def text(value: dict[str, Any], fmt: str, schema: str | None = None) -> str:
    """A show mapping as the text of a file, declaring ``schema`` if given."""
    if fmt == "json":
        if schema is not None:
            value = {"$schema": schema, **value}
        return json.dumps(value, ensure_ascii=False, indent=1)
    return _yamlfile.dumps(value, schema)


def write(out: pathlib.Path, shows: int, fmt: str, seed: int = 0) -> None:
    """Write ``shows`` show files into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = "json" if fmt == "json" else "yaml"
    for i in range(shows):
        (out / f"show-{i:06d}.{suffix}").write_text(
            text(show(i, seed), fmt, SCHEMA), encoding="utf-8"
        )


def main() -> None:
    """Write a catalog."""
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=pathlib.Path, metavar="OUT",
                        help="the folder to write the show files into "
                        "(created if missing)")
    parser.add_argument("--shows", type=int, default=1000, metavar="N",
                        help="how many show files to write (default: 1000)")
    parser.add_argument("--format", choices=("json", "yaml"), default="json",
                        help="the files' format (default: json)")
    parser.add_argument("--seed", type=int, default=0, metavar="N",
                        help="the random seed; the same seed writes the "
                        "same bytes (default: 0)")
    args = parser.parse_args()
    write(args.out, args.shows, args.format, args.seed)


if __name__ == "__main__":
    main()
