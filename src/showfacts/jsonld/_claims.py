"""
What a claim says: each fact as a sentence, with how sure it is.

The words a typed graph cannot hold (an expected date, a rumoured
recast) go into a ``Claim``'s ``text``; these are the phrases.
"""

from __future__ import annotations

from showfacts import _people_words as pw
from showfacts import _wording
from showfacts._text import publishable
from showfacts.dates import FuzzyDate
from showfacts.models import (
    Adaptation,
    AdditionalCast,
    Award,
    CastCredit,
    CastStatus,
    CrewCredit,
    CrewRole,
    Episode,
    FactRef,
    Milestone,
    MilestoneKind,
    Relation,
    RelationKind,
    ReleasePattern,
    ReleasePlan,
    Show,
    ShowStatus,
    StatusFact,
    Tease,
)
from showfacts.releases import (
    episodes_phrase,
    in_region,
    part_label,
    region_name,
    schedule_phrase,
)


_STATUS_PHRASE = {
    ShowStatus.IN_DEVELOPMENT: "is in development",
    ShowStatus.PILOT: "is at the pilot stage",
    ShowStatus.PLANNED: "is planned",
    ShowStatus.IN_PRODUCTION: "is in production",
    ShowStatus.RETURNING: "is a returning series",
    ShowStatus.UNDETERMINED: "has an undetermined future",
    ShowStatus.ENDED: "has ended",
    ShowStatus.CANCELLED: "is cancelled",
    ShowStatus.AIRING: "is airing",
    ShowStatus.BETWEEN_PARTS: "is between parts of a season",
    ShowStatus.ENDING: "is ending",
}
_CREW_PHRASE = {
    CrewRole.SHOWRUNNER: "is a showrunner of",
    CrewRole.CREATOR: "is a creator of",
    CrewRole.DEVELOPER: "developed",
    CrewRole.WRITER: "is a writer of",
    CrewRole.DIRECTOR: "is a director of",
    CrewRole.EXECUTIVE_PRODUCER: "is an executive producer of",
    CrewRole.SOURCE_AUTHOR: "wrote the source material of",
    CrewRole.PRODUCER: "is a producer of",
}
_RELATION_PHRASE = {
    **pw.RELATION_PHRASES,
    RelationKind.SPIN_OFF_OF: "is a spin-off of",
    RelationKind.SAME_FRANCHISE: "is in the same franchise as",
    RelationKind.CROSSOVER_WITH: "has crossovers with",
    RelationKind.PREQUEL_OF: "is a prequel to",
    RelationKind.SEQUEL_OF: "is a sequel to",
}
_PATTERN_PHRASE = {
    ReleasePattern.ALL_AT_ONCE: "all at once",
    ReleasePattern.WEEKLY: "weekly",
    ReleasePattern.IN_PARTS: "in parts",
    ReleasePattern.BATCH_THEN_WEEKLY: "in a batch, then weekly",
}


def _season_name(show: Show, number: int) -> str:
    """"Season 2", "Specials", or the season's title."""
    try:
        return show.season(number).name
    except KeyError:  # pragma: no cover - facts live in seasons
        return f"Season {number}"


def _season_label(show: Show, number: int | None) -> str:
    """What a statement is about: "Ballard" or "Ballard Season 2"."""
    if number is None:
        return show.title
    return f"{show.title} {_season_name(show, number)}"


def _sentence(text: str) -> str:
    """End with a full stop, unless the text ends a sentence already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def _when(date: FuzzyDate | None) -> str:
    return f" {date.label()}" if date is not None else ""


def _org_name(show: Show, org_id: str | None) -> str | None:
    if org_id is None:
        return None
    try:
        return show.organization(org_id).name
    except KeyError:
        return org_id


def _milestone_statement(show: Show, number: int | None,
                         fact: Milestone) -> str:
    kind = fact.kind
    subject = _season_label(show, number)
    date = fact.date
    platform = _org_name(show, fact.platform)
    on = f" on {platform}" if platform else ""
    at = ""
    if fact.time:
        at = f" at {fact.time}" + (f" ({fact.timezone})" if fact.timezone
                                   else "")
    where = f" in {fact.location}" if fact.location else ""
    detail = f" ({fact.detail})" if fact.detail else ""
    dated = f", {date.label()}" if date is not None else ""
    on += in_region(fact.region)
    episodes = episodes_phrase(fact)
    if episodes:
        detail = f" ({episodes})" + detail
    if kind is MilestoneKind.PREMIERE:
        return f"{subject} premieres{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.FINALE:
        return f"The finale of {subject} airs{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.PART_RELEASE:
        part = part_label(fact)
        part = part[:1].upper() + part[1:]
        return f"{part} of {subject} is released{_when(date)}{at}{on}{detail}"
    if kind is MilestoneKind.FINAL_SEASON:
        return f"{subject} is the final season of {show.title}{detail}{dated}"
    if kind is MilestoneKind.RENEWED:
        if number is not None:
            name = _season_name(show, number)
            return f"{show.title} is renewed for {name}{on}{detail}{dated}"
        return f"{show.title} is renewed{on}{detail}{dated}"
    if kind is MilestoneKind.IN_DEVELOPMENT:
        return f"{subject} is in development{on}{detail}{dated}"
    if kind is MilestoneKind.WRITING_STARTED:
        return f"Writing of {subject} starts{_when(date)}{detail}"
    if kind is MilestoneKind.CASTING_ANNOUNCED:
        return f"Casting for {subject} is announced{detail}{dated}"
    if kind is MilestoneKind.FILMING_STARTED:
        return f"Filming of {subject} starts{where}{_when(date)}{detail}"
    if kind is MilestoneKind.FILMING_WRAPPED:
        return f"Filming of {subject} wraps{where}{_when(date)}{detail}"
    if kind is MilestoneKind.TRAILER_RELEASED:
        return f"A trailer for {subject} is released{_when(date)}{detail}"
    if kind is MilestoneKind.CANCELLED:
        return f"{subject} is cancelled{on}{detail}{dated}"
    return f"{subject} ends{_when(date)}{on}{detail}"


def _release_phrase(show: Show, fact: ReleasePlan) -> str:
    parts = []
    if fact.pattern is not None:
        parts.append(_PATTERN_PHRASE[fact.pattern])
    platform = _org_name(show, fact.platform)
    if platform:
        parts.append(f"on {platform}")
    if fact.region:
        parts.append(f"in {region_name(fact.region)}")
    if fact.date is not None:
        parts.append(f"from {fact.date.label()}")
    schedule = schedule_phrase(fact)
    if schedule:
        parts.append(f"({schedule})")
    counts = []
    if fact.episodes:
        counts.append(f"{fact.episodes} episode"
                      f"{'s' if fact.episodes != 1 else ''}")
    if fact.initial_episodes and not schedule:
        counts.append(f"{fact.initial_episodes} on the first day")
    if fact.parts:
        counts.append(f"in {fact.parts} part{'s' if fact.parts != 1 else ''}")
    phrase = " ".join(parts)
    if counts:
        phrase += ("; " if phrase else "") + ", ".join(counts)
    return phrase


def _describe_plan(show: Show, fact: ReleasePlan) -> str:
    """A release plan as the description of its event: "Weekly on ..."."""
    phrase = _release_phrase(show, fact)
    return _sentence(phrase[:1].upper() + phrase[1:])


def _name(show: Show) -> pw.Name:
    """Names as claims write them: a character's first name."""
    def name(kind: str, item_id: str) -> str:
        try:
            if kind == "person":
                return show.person(item_id).name
            if kind == "character":
                return show.character(item_id).names[0]
            if kind == "organization":
                return show.organization(item_id).name
            return show.work(item_id).title
        except KeyError:
            return item_id

    return name


def _cast_statement(show: Show, subject: str, fact: CastCredit) -> str:
    person = show.person(fact.person).name
    names = [show.character(c).names[0] for c in fact.characters]
    roles = " and ".join(names)
    gone = pw.gone_statement(fact, subject, roles, person)
    if gone is not None:
        return gone
    role = _wording.role(fact, roles)
    words = _wording.billing(fact)
    billing = f" ({words})" if words else ""
    if fact.status is CastStatus.RETURNING:
        verb = f"returns {role} in" if role else "returns to"
    elif fact.status is CastStatus.NEW:
        verb = (f"joins {subject} {role}" if role
                else f"joins the cast of {subject}")
        return f"{person} {verb}{billing}"
    elif fact.status is CastStatus.RECAST:
        verb = (f"takes over {role}"
                f"{pw.recast_from(fact, show, _name(show))} in"
                if role and not fact.undisclosed
                else "takes over a role"
                f"{pw.recast_from(fact, show, _name(show))} in")
    elif fact.status is CastStatus.DEPARTING:
        verb = f"leaves {subject}" + (f", where they play {roles}"
                                       if roles else "")
        return f"{person} {verb}{billing}"
    elif role and (roles or fact.role):
        verb = f"plays {role.removeprefix('as ')} in"
    elif role:
        verb = f"is cast {role} in"
    else:
        verb = "is in the cast of"
    return f"{person} {verb} {subject}{billing}"


def _crew_statement(show: Show, subject: str, fact: CrewCredit) -> str:
    person = show.person(fact.person).name
    changed = pw.crew_statement(fact, subject, person)
    if changed is not None:
        return changed
    if fact.role is CrewRole.SOURCE_AUTHOR and fact.work is not None:
        return (f"{person} wrote {show.work(fact.work).title}, the source "
                f"of {subject}")
    return f"{person} {_CREW_PHRASE[fact.role]} {subject}"


def _episode_statement(subject: str, fact: Episode) -> str:
    clauses = []
    if fact.title and fact.number is not None:
        clauses.append(f"is titled “{fact.title}”")
    if fact.air_date is not None:
        clauses.append(f"airs {fact.air_date.label()}")
    if fact.runtime:
        clauses.append(f"runs {fact.runtime} minutes")
    if fact.finale:
        clauses.insert(0, "is the finale")
    if fact.region:
        clauses.append(f"is for {region_name(fact.region)}")
    label = fact.label
    base = f"{label[:1].upper()}{label[1:]} of {subject}"
    if not clauses:
        return f"{subject} has an {label}"
    if len(clauses) == 1:
        return f"{base} {clauses[0]}"
    return f"{base} {', '.join(clauses[:-1])} and {clauses[-1]}"


def _statement(show: Show, ref: FactRef) -> str:
    fact = ref.fact
    subject = _season_label(show, ref.season)
    if isinstance(fact, Tease):
        return fact.text
    if isinstance(fact, Milestone):
        return _milestone_statement(show, ref.season, fact)
    if isinstance(fact, ReleasePlan):
        phrase = _release_phrase(show, fact)
        return f"{subject} is released" + (f" {phrase}" if phrase else "")
    if isinstance(fact, CastCredit):
        return _cast_statement(show, subject, fact)
    if isinstance(fact, CrewCredit):
        return _crew_statement(show, subject, fact)
    if isinstance(fact, StatusFact):
        return f"{show.title} {_STATUS_PHRASE[fact.status]}"
    if isinstance(fact, Relation):
        if fact.work is not None:
            return pw.relation_statement(fact, show, show.title,
                                         _name(show))
        other = fact.title or fact.show
        return f"{show.title} {_RELATION_PHRASE[fact.kind]} {other}"
    if isinstance(fact, Adaptation):
        work = show.work(fact.work)
        name = _name(show)
        authors = " and ".join(pw.author_name(show, a, name)
                               for a in work.authors)
        by = f" by {authors}" if authors else ""
        return f"{subject} is based on {work.title}{by}"
    if isinstance(fact, Award):
        return pw.award_statement(fact, show, subject, _name(show))
    if isinstance(fact, AdditionalCast):
        return pw.additional_cast_statement(fact, subject, _name(show))
    if isinstance(fact, Episode):
        return _episode_statement(subject, fact)
    return f"{subject}: {fact.id}"  # pragma: no cover - every kind is above


def claim_text(show: Show, fact_id: str) -> str:
    """
    A fact in one sentence that starts with how sure it is.

    Spoilers say so first.  This is the ``text`` of the fact's ``Claim``,
    and what fact cards show for it.

    >>> import showfacts
    >>> show = showfacts.load("examples/ballard.yaml")
    >>> print(claim_text(show, "s2-premiere-window"))
    Expected: Ballard Season 2 premieres summer or fall 2026 (mid-to-late \
2026); no official premiere date yet.

    Raises:
        KeyError: If the show has no such fact.

    .. versionadded:: 0.1.0
    """
    ref = show.ref(fact_id)
    fact = ref.fact
    word = fact.certainty.word
    prefix = word.capitalize()
    if isinstance(fact, Tease):
        subject = _season_label(show, ref.season)
        prefix = (f"Spoiler, {word}" if fact.spoiler else prefix)
        prefix += f" for {subject}"
    said = _wording.qualified(_statement(show, ref), fact)
    text = f"{prefix}: {_sentence(said)}"
    who = _wording.attribution(fact)
    if who is not None:
        text += f" Said by {_sentence(who)}"
    return publishable(text)
