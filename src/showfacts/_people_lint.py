"""
Lint checks for people, awards and identifiers.

=======================  =======  ============================================
check                    level    finding
=======================  =======  ============================================
``recast-replaces``      warning  a current recast that says neither whom nor
                                  which credit it replaces
``still-cast``           error    a current confirmed credit for the person a
                                  recast replaces, for the same character in
                                  the same season; or for a person the same
                                  list says will not return
``crew-left``            warning  a current credit for a role its holder has
                                  left (departing or stepped back) in the
                                  same list, not superseded: outputs leave
                                  it out, say so in the data
``id-without-page``      warning  a TMDb, TVmaze or TheTVDB id on something
                                  the service has no page for: it is kept,
                                  but never becomes ``sameAs``
=======================  =======  ============================================
"""

from __future__ import annotations

from collections.abc import Iterator

from showfacts.models import (
    GONE,
    LEFT,
    CastCredit,
    CastStatus,
    CrewCredit,
    CrewRole,
    ExternalIds,
    FactRef,
    OrgKind,
    Show,
)


#: Roles that stay true once held.
_LASTING = (CrewRole.CREATOR, CrewRole.DEVELOPER, CrewRole.SOURCE_AUTHOR)

#: Which numbered ids have pages, for each kind of thing that has ids:
#: (TMDb, TVmaze, TheTVDB).  Mirrors :mod:`showfacts.jsonld`.
_PAGES = {
    "season": (False, True, True),
    "episode": (False, True, True),
    "character": (False, True, False),
    OrgKind.NETWORK.value: (True, True, False),
    OrgKind.STREAMER.value: (True, True, False),
    OrgKind.STUDIO.value: (True, False, False),
}

def findings(show: Show, current: list[FactRef]) -> Iterator[
    tuple[str, str, str, str]
]:
    """``(level, check, path, message)`` for each finding."""
    yield from _recasts(show, current)
    yield from _crew_left(current)
    yield from _pageless_ids(show)


def _recasts(show: Show, current: list[FactRef]) -> Iterator[
    tuple[str, str, str, str]
]:
    cast = [r for r in current if isinstance(r.fact, CastCredit)]
    gone = {
        (r.season, r.fact.person): r.fact.id for r in cast
        if isinstance(r.fact, CastCredit) and r.fact.status in GONE
        and r.fact.confirmed
    }
    for ref in cast:
        fact = ref.fact
        assert isinstance(fact, CastCredit)  # noqa: S101
        left = gone.get((ref.season, fact.person))
        if left is not None and fact.status not in GONE and fact.confirmed:
            yield ("error", "still-cast", ref.path,
                   (f"{fact.id!r} casts {fact.person!r}, but {left!r} says "
                    "they do not return; supersede or retract one"))
        if fact.status is not CastStatus.RECAST:
            continue
        replaced = fact.replaces
        if replaced is None and fact.replaces_credit is not None:
            before = show.fact(fact.replaces_credit)
            replaced = before.person if isinstance(before, CastCredit) else (
                None
            )
        if replaced is None:
            yield ("warning", "recast-replaces", ref.path,
                   (f"recast {fact.id!r} does not say whom it replaces; "
                    "add 'replaces' (a person) or 'replaces_credit' so "
                    "readers see who played the role before"))
            continue
        for other in cast:
            credit = other.fact
            assert isinstance(credit, CastCredit)  # noqa: S101
            if (
                credit.person == replaced
                and other.season == ref.season
                and credit.confirmed
                and set(credit.characters) & set(fact.characters)
            ):
                yield ("error", "still-cast", other.path,
                       (f"{credit.id!r} still casts {replaced!r} as a "
                        f"character {fact.id!r} recasts; supersede or "
                        "retract it"))


def _crew_left(current: list[FactRef]) -> Iterator[
    tuple[str, str, str, str]
]:
    crew = [r for r in current if isinstance(r.fact, CrewCredit)]
    left = {
        (r.season, r.fact.person, r.fact.role): r.fact.id
        for r in crew
        if isinstance(r.fact, CrewCredit) and r.fact.status in LEFT
    }
    for ref in crew:
        fact = ref.fact
        assert isinstance(fact, CrewCredit)  # noqa: S101
        key = (ref.season, fact.person, fact.role)
        if (key in left and fact.status not in LEFT
                and fact.role not in _LASTING
                and ref.collection == "crew"):
            yield ("warning", "crew-left", ref.path,
                   (f"{fact.id!r} is current, but {left[key]!r} says "
                    f"{fact.person!r} left the role; outputs leave it "
                    f"out: make {left[key]!r} supersede it"))


def _pageless_ids(show: Show) -> Iterator[tuple[str, str, str, str]]:
    def check(ids: ExternalIds, kind: str, path: str) -> Iterator[
        tuple[str, str, str, str]
    ]:
        pages = _PAGES[kind]
        for has_page, name, value in zip(
            pages, ("tmdb", "tvmaze", "tvdb"),
            (ids.tmdb, ids.tvmaze, ids.tvdb), strict=True,
        ):
            if value is not None and not has_page:
                yield ("warning", "id-without-page",
                       f"{path}.external_ids.{name}",
                       (f"{name} has no page for a "
                        f"{kind.replace('_', ' ')} by id: the id is kept, "
                        "but no sameAs link is made"))

    for i, org in enumerate(show.organizations):
        yield from check(org.external_ids, org.kind.value,
                         f"$.organizations[{i}]")
    for i, character in enumerate(show.characters):
        yield from check(character.external_ids, "character",
                         f"$.characters[{i}]")
    for s, season in enumerate(show.seasons):
        yield from check(season.external_ids, "season", f"$.seasons[{s}]")
        for e, episode in enumerate(season.episodes):
            yield from check(episode.external_ids, "episode",
                             f"$.seasons[{s}].episodes[{e}]")
