"""
Wikidata: the entity JSON of a series item to a show.

The input is ``Special:EntityData/Q….json`` or a ``wbgetentities``
response: ``{"entities": {"Q…": {...}, ...}}``.  The first entity that is
an instance of a television series (or the one asked for) is the show;
the others lend their labels to the items its statements name (people,
networks, works).  An item without a label is not guessed at: it is
reported as unmapped.

Certainty follows the statement's rank: ``preferred`` is ``confirmed``,
``normal`` is ``reported``; a ``deprecated`` statement is never current:
it becomes a fact superseded by the current statement of the same
property, or, when there is none, a retracted fact (with the "reason for
deprecated rank" qualifier as its reason).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from showfacts.dates import FuzzyDate
from showfacts.importers._build import (
    Builder,
    Imported,
    ShapeError,
    items,
    need_mapping,
    slug,
    text,
)
from showfacts.models import (
    Adaptation,
    CastCredit,
    Certainty,
    CrewCredit,
    CrewRole,
    ExternalIds,
    Milestone,
    MilestoneKind,
    OrgKind,
    Retraction,
    Source,
)


__all__ = ["record_url", "to_show"]

#: Instances of these are series.
_SERIES = {"Q5398426", "Q1259759", "Q21191270", "Q526877", "Q117467246"}
_CREW = {
    "P57": CrewRole.DIRECTOR,
    "P58": CrewRole.WRITER,
    "P170": CrewRole.CREATOR,
    "P1431": CrewRole.EXECUTIVE_PRODUCER,
}
_DATES = {"P580": MilestoneKind.PREMIERE, "P582": MilestoneKind.ENDED}
#: Precision codes of Wikidata time values that EDTF can say.
_PRECISION = {9: 4, 10: 7, 11: 10}
_HANDLED = {
    "P31", "P1476", "P161", "P57", "P58", "P170", "P1431", "P162", "P449",
    "P580", "P582", "P2437", "P1113", "P144", "P345", "P4983", "P8600",
    "P856", "P2704", "P4835", "P136", "P495", "P364", "P18",
}
_RANKS = {"preferred": Certainty.CONFIRMED, "normal": Certainty.REPORTED}


def record_url(qid: str) -> str:
    """The Wikidata page of an item."""
    return f"https://www.wikidata.org/wiki/{qid}"


def to_show(data: Any, *, name: str = "<wikidata>",
            retrieved: FuzzyDate | None = None,
            show_id: str | None = None,
            language: str = "en") -> Imported:
    """
    A show from Wikidata entity JSON.

    Args:
        data: The parsed JSON.
        name: The file name, for errors.
        retrieved: When the response was read, if known.
        show_id: The show's id (default: a slug of its label).
        language: The language of the labels to use.

    Raises:
        ShapeError: For JSON of another shape (exit status 1).
        InvalidDataError: If the values make no valid show.

    .. versionadded:: 0.1.0
    """
    data = need_mapping(data, "Wikidata entity JSON", name)
    entities = data.get("entities")
    if not isinstance(entities, Mapping) or not entities:
        msg = (
            f"{name}: $.entities is missing: this is not Wikidata entity "
            "JSON (Special:EntityData/Q….json), or it is cut off"
        )
        raise ShapeError(msg)
    qid, entity = _series(entities, name)
    reader = _Reader(entities, language)
    title = reader.label(qid)
    if not title:
        msg = f"{name}: $.entities.{qid}.labels.{language} is missing"
        raise ShapeError(msg)
    source = Source(
        id=f"wikidata-{qid.lower()}", title=f"{title} on Wikidata",
        publisher="Wikidata", url=record_url(qid), retrieved=retrieved,
    )
    b = Builder(show_id=show_id or slug(title) or qid.lower(), title=title,
                source=source)
    claims = entity.get("claims")
    claims = claims if isinstance(claims, Mapping) else {}
    base = f"$.entities.{qid}.claims"
    b.fields["description"] = reader.description(qid)
    b.fields["external_ids"] = _ids(claims, qid)
    _networks(b, reader, claims, base)
    _crew(b, reader, claims, base)
    _dates(b, claims, base)
    _based_on(b, reader, claims, base)
    _cast(b, reader, claims, base)
    _season_items(b, entities, qid)
    for prop in ("P162", "P2437", "P1113", "P136", "P495", "P364",
                 "P18"):
        for i, claim in enumerate(_claims(claims, prop)):
            b.drop(f"{base}.{prop}[{i}]", _why(prop, reader, claim))
    for prop in sorted(claims):
        if prop not in _HANDLED:
            b.drop(f"{base}.{prop}", "not a property showfacts maps")
    return b.result()


def _why(prop: str, reader: _Reader, claim: Mapping[str, Any]) -> str:
    value = _value(claim)
    if isinstance(value, Mapping) and "amount" in value:
        value = str(value["amount"]).lstrip("+")
    label = (reader.label(value) if isinstance(value, str) else None) or value
    reasons = {
        "P162": "producer {}: showfacts has no plain producer role",
        "P2437": "number of seasons {}: a count, derived from the seasons",
        "P1113": "number of episodes {}: a count, derived from the episodes",
        "P136": "genre {}: Wikidata genres are items, not the words a show "
        "file uses",
        "P495": "country of origin {}: an item, not an ISO code",
        "P364": "original language {}: an item, not a BCP 47 tag",
        "P18": "image {}: a Commons file name, not an address",
    }
    return reasons[prop].format(label)


class _Reader:
    def __init__(self, entities: Mapping[str, Any], language: str) -> None:
        self.entities = entities
        self.language = language

    def _words(self, qid: str, field: str) -> str | None:
        entity = self.entities.get(qid)
        if not isinstance(entity, Mapping):
            return None
        values = entity.get(field)
        if not isinstance(values, Mapping):
            return None
        value = values.get(self.language)
        if isinstance(value, Mapping):
            return text(value.get("value"))
        return None

    def label(self, qid: str) -> str | None:
        return self._words(qid, "labels")

    def description(self, qid: str) -> str | None:
        return self._words(qid, "descriptions")


def _series(entities: Mapping[str, Any], name: str) -> tuple[
    str, Mapping[str, Any]
]:
    first = None
    for qid, entity in entities.items():
        if not isinstance(entity, Mapping):
            continue
        first = first or (qid, entity)
        claims = entity.get("claims")
        if isinstance(claims, Mapping) and any(
            _value(c) in _SERIES for c in _claims(claims, "P31")
        ):
            return qid, entity
    if first is None:
        msg = f"{name}: $.entities holds no entity"
        raise ShapeError(msg)
    return first


def _claims(claims: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    return [c for c in items(claims, prop) if isinstance(c, Mapping)]


def _datavalue(snak: Any) -> Any:
    if not isinstance(snak, Mapping) or snak.get("snaktype") != "value":
        return None
    value = snak.get("datavalue")
    return value.get("value") if isinstance(value, Mapping) else None


def _value(claim: Mapping[str, Any]) -> Any:
    value = _datavalue(claim.get("mainsnak"))
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return value["id"]
    return value


def _qualifier_items(claim: Mapping[str, Any], prop: str) -> list[str]:
    qualifiers = claim.get("qualifiers")
    if not isinstance(qualifiers, Mapping):
        return []
    found = []
    for snak in items(qualifiers, prop):
        value = _datavalue(snak)
        if isinstance(value, Mapping) and isinstance(value.get("id"), str):
            found.append(value["id"])
    return found


def _rank(claim: Mapping[str, Any]) -> str:
    rank = claim.get("rank")
    return rank if rank in {"preferred", "normal", "deprecated"} else "normal"


def _certainty(claim: Mapping[str, Any]) -> Certainty:
    return _RANKS.get(_rank(claim), Certainty.REPORTED)


def _ids(claims: Mapping[str, Any], qid: str) -> ExternalIds:
    def first(prop: str) -> Any:
        for claim in _claims(claims, prop):
            if _rank(claim) != "deprecated" and _value(claim) is not None:
                return _value(claim)
        return None

    tmdb, tvmaze = first("P4983"), first("P8600")
    tvdb, eidr = first("P4835"), first("P2704")
    site = first("P856")
    return ExternalIds(
        wikidata=qid,
        imdb=first("P345"),
        tmdb=int(tmdb) if isinstance(tmdb, str) and tmdb.isdigit() else None,
        tvmaze=int(tvmaze)
        if isinstance(tvmaze, str) and tvmaze.isdigit() else None,
        official_site=site if isinstance(site, str) else None,
        tvdb=int(tvdb) if isinstance(tvdb, str) and tvdb.isdigit() else None,
        eidr=eidr if isinstance(eidr, str) else None,
    )


def _labelled(b: Builder, reader: _Reader, claim: Mapping[str, Any],
              path: str) -> tuple[str, str] | None:
    value = _value(claim)
    if not isinstance(value, str):
        b.drop(path, "no value (unknown or none)")
        return None
    label = reader.label(value)
    if not label:
        b.drop(path, f"{value} has no label here; add its entity JSON to "
               "the input to import it")
        return None
    return value, label


def _retraction(reader: _Reader, claim: Mapping[str, Any]) -> Retraction:
    reasons = [reader.label(q) or q
               for q in _qualifier_items(claim, "P2241")]
    return Retraction(reason="deprecated on Wikidata" + (
        f": {', '.join(r for r in reasons if r)}" if reasons else ""
    ))


def _cast(b: Builder, reader: _Reader, claims: Mapping[str, Any],
          base: str) -> None:
    """P161 cast members, with their P453 character roles."""
    for i, claim in enumerate(_claims(claims, "P161")):
        path = f"{base}.P161[{i}]"
        found = _labelled(b, reader, claim, path)
        if found is None:
            continue
        person = b.person(found[1], wikidata=found[0])
        characters = []
        for qid in _qualifier_items(claim, "P453"):
            label = reader.label(qid)
            if label:
                characters.append(b.character(label, wikidata=qid))
            else:
                b.drop(f"{path}.qualifiers.P453", f"{qid} has no label "
                       "here; add its entity JSON to the input")
        b.fact("cast", CastCredit, id=b.fact_id("wikidata-cast", person),
               person=person, characters=tuple(dict.fromkeys(characters)),
               certainty=_certainty(claim),
               retracted=_retraction(reader, claim)
               if _rank(claim) == "deprecated" else None)


def _networks(b: Builder, reader: _Reader, claims: Mapping[str, Any],
              base: str) -> None:
    networks = []
    for i, claim in enumerate(_claims(claims, "P449")):
        path = f"{base}.P449[{i}]"
        found = _labelled(b, reader, claim, path)
        if found is None:
            continue
        if _rank(claim) == "deprecated":
            b.drop(path, f"{found[1]}: a deprecated original broadcaster")
            continue
        networks.append(b.organization(found[1], OrgKind.NETWORK))
    b.fields["networks"] = tuple(dict.fromkeys(networks))


def _crew(b: Builder, reader: _Reader, claims: Mapping[str, Any],
          base: str) -> None:
    for prop, role in _CREW.items():
        for i, claim in enumerate(_claims(claims, prop)):
            found = _labelled(b, reader, claim, f"{base}.{prop}[{i}]")
            if found is None:
                continue
            person = b.person(found[1])
            deprecated = _rank(claim) == "deprecated"
            b.fact("crew", CrewCredit,
                   id=b.fact_id("wikidata", role.value, person),
                   person=person, role=role, certainty=_certainty(claim),
                   retracted=_retraction(reader, claim) if deprecated
                   else None)


def _time(claim: Mapping[str, Any]) -> FuzzyDate | None:
    value = _datavalue(claim.get("mainsnak"))
    if not isinstance(value, Mapping):
        return None
    stamp, precision = value.get("time"), value.get("precision")
    size = _PRECISION.get(precision) if isinstance(precision, int) else None
    if not isinstance(stamp, str) or not stamp.startswith("+") or not size:
        return None
    try:
        return FuzzyDate(edtf=stamp[1:1 + size])
    except (ValueError, TypeError):
        return None


def _dates(b: Builder, claims: Mapping[str, Any], base: str) -> None:
    for prop, kind in _DATES.items():
        current: list[str] = []
        deprecated: list[tuple[FuzzyDate, Mapping[str, Any]]] = []
        for i, claim in enumerate(_claims(claims, prop)):
            date = _time(claim)
            if date is None:
                b.drop(f"{base}.{prop}[{i}]", "not a date to the day, month "
                       "or year")
                continue
            if _rank(claim) == "deprecated":
                deprecated.append((date, claim))
                continue
            fact_id = b.fact_id("wikidata", kind.value)
            current.append(fact_id)
            b.fact("milestones", Milestone, id=fact_id, kind=kind, date=date,
                   certainty=_certainty(claim))
        for date, claim in deprecated:
            fact_id = b.fact_id("wikidata", kind.value, "deprecated")
            if current:
                b.fact("milestones", Milestone, id=fact_id, kind=kind,
                       date=date, certainty=Certainty.REPORTED)
                _supersede(b, current[0], fact_id)
            else:
                b.fact("milestones", Milestone, id=fact_id, kind=kind,
                       date=date, certainty=Certainty.REPORTED,
                       retracted=_retraction(_Reader({}, ""), claim))


def _supersede(b: Builder, newer: str, older: str) -> None:
    import attrs  # noqa: PLC0415

    facts = b.show_facts["milestones"]
    for i, fact in enumerate(facts):
        if fact.id == newer:
            facts[i] = attrs.evolve(fact, supersedes=older)
    # The older fact goes first: history reads in order.
    older_fact = next(f for f in facts if f.id == older)
    facts.remove(older_fact)
    facts.insert(0, older_fact)


def _based_on(b: Builder, reader: _Reader, claims: Mapping[str, Any],
              base: str) -> None:
    from showfacts.models import SourceWork, WorkKind  # noqa: PLC0415

    works = []
    for i, claim in enumerate(_claims(claims, "P144")):
        found = _labelled(b, reader, claim, f"{base}.P144[{i}]")
        if found is None:
            continue
        qid, label = found
        kind = _work_kind(reader, qid)
        if kind is None:
            b.drop(f"{base}.P144[{i}]", f"{label}: what kind of work it is "
                   "(book, comic, game, show) is not said; add its entity "
                   "JSON to the input")
            continue
        work_id = slug(label) or qid.lower()
        works.append(SourceWork(
            id=work_id, kind=WorkKind(kind), title=label,
            external_ids=ExternalIds(wikidata=qid),
        ))
        b.fact("based_on", Adaptation,
               id=b.fact_id("wikidata-based-on", work_id), work=work_id,
               certainty=_certainty(claim),
               retracted=_retraction(reader, claim)
               if _rank(claim) == "deprecated" else None)
    b.fields["works"] = tuple(works)


#: Instances of these items are kinds of work a show is based on.
_WORK_KINDS = {
    "Q571": "book", "Q7725634": "book", "Q47461344": "book",
    "Q8261": "book", "Q277759": "book_series", "Q1667921": "book_series",
    "Q1004": "comic", "Q14406742": "comic", "Q725377": "comic",
    "Q7889": "game", "Q5398426": "show",
}


def _work_kind(reader: _Reader, qid: str) -> str | None:
    entity = reader.entities.get(qid)
    claims = entity.get("claims") if isinstance(entity, Mapping) else None
    if not isinstance(claims, Mapping):
        return None
    for claim in _claims(claims, "P31"):
        kind = _WORK_KINDS.get(str(_value(claim)))
        if kind:
            return kind
    return None


#: Instances of this are seasons of a series.
_SEASON_ITEM = "Q3464665"


def _ordinal(claim: Mapping[str, Any]) -> int | None:
    qualifiers = claim.get("qualifiers")
    if not isinstance(qualifiers, Mapping):
        return None
    for snak in items(qualifiers, "P1545"):
        value = _datavalue(snak)
        if isinstance(value, str) and value.isdigit():
            return int(value)
    return None


def _season_items(b: Builder, entities: Mapping[str, Any],
                  series: str) -> None:
    """Season items (P179 the series, with its P1545 ordinal)."""
    for qid in sorted(entities):
        entity = entities[qid]
        claims = entity.get("claims") if isinstance(entity, Mapping) else None
        if not isinstance(claims, Mapping) or not any(
            _value(c) == _SEASON_ITEM for c in _claims(claims, "P31")
        ):
            continue
        base = f"$.entities.{qid}.claims"
        numbers = [_ordinal(c) for c in _claims(claims, "P179")
                   if _value(c) == series]
        number = next((n for n in numbers if n is not None), None)
        if number is None:
            b.drop(f"$.entities.{qid}", "a season item without its place "
                   "in the series (P179 with a P1545 ordinal)")
            continue
        b.season(number)
        for prop, kind in (("P580", MilestoneKind.PREMIERE),
                           ("P582", MilestoneKind.FINALE)):
            for i, claim in enumerate(_claims(claims, prop)):
                date = _time(claim)
                if date is None or _rank(claim) == "deprecated":
                    b.drop(f"{base}.{prop}[{i}]", "deprecated, or not a "
                           "date to the day, month or year")
                    continue
                b.fact("milestones", Milestone, season=number,
                       id=b.fact_id("wikidata", f"s{number}", kind.value),
                       kind=kind, date=date, certainty=_certainty(claim))
        for i, _ in enumerate(_claims(claims, "P1113")):
            b.drop(f"{base}.P1113[{i}]", "a count, derived from the "
                   "episodes")
