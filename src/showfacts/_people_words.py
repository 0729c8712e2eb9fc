"""
Words for people, works and awards, shared by every output.

What JSON-LD claims, feeds, pages and diffs say about recasts, crew
changes, cast news without names, relations and awards.

Every function takes a ``name`` callable, ``name(kind, id)``, that gives the
name of a ``person``, ``character``, ``organization`` or ``work`` the way
its caller writes names, so the sentences read the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from showfacts._wording import BILLING_WORDS
from showfacts.models import (
    AdditionalCast,
    Award,
    AwardOutcome,
    CastCredit,
    CastStatus,
    CrewCredit,
    CrewRole,
    CrewShare,
    CrewStatus,
    Episode,
    Relation,
    RelationKind,
    Show,
)


Name = Callable[[str, str], str]

#: A crew role in words: the noun, and its article.
ROLE_NOUNS = {
    CrewRole.SHOWRUNNER: "showrunner",
    CrewRole.CREATOR: "creator",
    CrewRole.DEVELOPER: "developer",
    CrewRole.WRITER: "writer",
    CrewRole.DIRECTOR: "director",
    CrewRole.EXECUTIVE_PRODUCER: "executive producer",
    CrewRole.SOURCE_AUTHOR: "source author",
    CrewRole.PRODUCER: "producer",
}

#: How each relation reads: "{show} {phrase} {other}".
RELATION_PHRASES = {
    RelationKind.SPIN_OFF_OF: "is a spin-off of",
    RelationKind.SAME_FRANCHISE: "shares a franchise with",
    RelationKind.CROSSOVER_WITH: "crosses over with",
    RelationKind.PREQUEL_OF: "is a prequel to",
    RelationKind.SEQUEL_OF: "is a sequel to",
    RelationKind.HAS_SPIN_OFF: "has a spin-off,",
    RelationKind.HAS_PREQUEL: "has a prequel,",
    RelationKind.HAS_SEQUEL: "has a sequel,",
    RelationKind.ADAPTATION_OF: "is an adaptation of",
    RelationKind.ADAPTED_AS: "is adapted as",
    RelationKind.SAME_UNIVERSE: "is set in the same universe as",
}

_KIND_WORDS = {
    "book": "book",
    "book_series": "book series",
    "comic": "comic",
    "game": "game",
    "show": "show",
    "film": "film",
    "special": "special",
}

def and_list(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def role_noun(role: CrewRole, share: CrewShare | None) -> str:
    """"showrunner", "sole showrunner", "co-creator"."""
    noun = ROLE_NOUNS[role]
    if share is CrewShare.SOLE:
        return f"sole {noun}"
    if share is CrewShare.CO:
        return f"co-{noun}"
    return noun


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def recast_from(fact: CastCredit, show: Show, name: Name) -> str:
    """" from Henry Cavill" for a recast that says whom it replaces."""
    person = fact.replaces
    if person is None and fact.replaces_credit is not None:
        try:
            before = show.fact(fact.replaces_credit)
        except KeyError:
            before = None
        if isinstance(before, CastCredit):
            person = before.person
    return f" from {name('person', person)}" if person else ""


def gone_statement(fact: CastCredit, subject: str, roles: str,
                   person: str) -> str | None:
    """A departure that keeps a person out of a cast, in words."""
    if fact.status is CastStatus.NOT_RETURNING:
        played = f" as {roles}" if roles else ""
        return f"{person} will not return{played} in {subject}"
    if fact.status is CastStatus.KILLED_OFF:
        who = roles or "their character"
        return (f"{who} is killed off: {person} does not return in "
                f"{subject}")
    return None


def crew_statement(fact: CrewCredit, subject: str, person: str) -> (
    str | None
):
    """A crew credit with a status or a share, in words; else ``None``."""
    if fact.status is None and fact.share is None:
        return None
    noun = role_noun(fact.role, fact.share)
    when = ""
    if fact.date is not None:
        when = f", {fact.date.label()}"
    status = fact.status
    if status is CrewStatus.DEPARTING:
        return f"{person} leaves {subject} as {noun}{when}"
    if status is CrewStatus.STEPPED_BACK:
        return f"{person} steps back as {noun} of {subject}{when}"
    if status is CrewStatus.JOINING:
        return f"{person} joins {subject} as {noun}{when}"
    if status is CrewStatus.CONTINUING:
        return f"{person} continues as {noun} of {subject}{when}"
    article = "the" if fact.share is CrewShare.SOLE else _article(noun)
    return f"{person} is {article} {noun} of {subject}{when}"


def work_phrase(show: Show, work_id: str, name: Name) -> str:
    """"Tide: The Game, a game by Northlight Games"."""
    title = name("work", work_id)
    try:
        work = show.work(work_id)
    except KeyError:
        return title
    kind = _KIND_WORDS[work.kind.value]
    authors = and_list([author_name(show, a, name) for a in work.authors])
    by = f" by {authors}" if authors else ""
    return f"{title}, {_article(kind)} {kind}{by}"


def author_name(show: Show, author: str, name: Name) -> str:
    """A work's author: a person, or an organization (a game's studio)."""
    try:
        show.person(author)
    except KeyError:
        return name("organization", author)
    return name("person", author)


def relation_statement(fact: Relation, show: Show, title: str,
                       name: Name) -> str:
    """"The Lantern Keepers has a prequel, Tide, a film"."""
    if fact.work is not None:
        other = work_phrase(show, fact.work, name)
    else:
        other = fact.title or fact.show or ""
    return f"{title} {RELATION_PHRASES[fact.kind]} {other}"


def award_label(fact: Award) -> str:
    """"Golden Globe Award (Best Supporting Actress, 2025)"."""
    extra = [fact.category.strip() if fact.category else ""]
    if fact.year is not None:
        extra.append(str(fact.year))
    shown = ", ".join(p for p in extra if p)
    award = fact.award.strip()
    return f"{award} ({shown})" if shown else award


def award_winner(fact: Award, show: Show) -> str | None:
    """The id of the person an award is for, if it is for one."""
    if fact.person is not None:
        return fact.person
    if fact.credit is not None:
        try:
            credit = show.fact(fact.credit)
        except KeyError:
            return None
        if isinstance(credit, (CastCredit, CrewCredit)):
            return credit.person
    return None


def award_statement(fact: Award, show: Show, subject: str,
                    name: Name) -> str:
    """"Mara Quill won the Golden Globe Award ... for The Lantern Keepers"."""
    person = award_winner(fact, show)
    who = name("person", person) if person is not None else subject
    label = award_label(fact)
    if fact.outcome is AwardOutcome.WON:
        said = f"{who} won the {label}" if not label.lower().startswith(
            "the "
        ) else f"{who} won {label}"
    else:
        said = f"{who} is nominated for the {label}"
    return f"{said} for {subject}" if person is not None else said


def award_text(fact: Award, show_title: str, *, for_person: bool) -> str:
    """The schema.org ``award`` text: the label, and for a person, the show."""
    label = award_label(fact)
    return f"{label}, for {show_title}" if for_person else label


def additional_cast_statement(fact: AdditionalCast, subject: str,
                              name: Name) -> str:
    """Cast news that names no actor, in words that invent no one."""
    billing = (f" ({BILLING_WORDS[fact.billing]})"
               if fact.billing is not None else "")
    if fact.characters:
        roles = and_list([name("character", c) for c in fact.characters])
        verb = {
            CastStatus.NEW: "joins",
            CastStatus.RETURNING: "returns in",
            CastStatus.DEPARTING: "leaves",
            CastStatus.NOT_RETURNING: "does not return in",
            CastStatus.KILLED_OFF: "is killed off in",
            CastStatus.RECAST: "is recast in",
        }.get(fact.status, "is in") if fact.status else "is in"
        many = len(fact.characters) > 1
        if many:
            verb = {"joins": "join", "leaves": "leave",
                    "is in": "are in", "returns in": "return in",
                    "does not return in": "do not return in",
                    "is killed off in": "are killed off in",
                    "is recast in": "are recast in"}[verb]
        actor = "actors are" if many else "actor is"
        said = f"{roles} {verb} {subject}{billing}; the {actor} not yet named"
        if fact.text:
            said += f" ({fact.text.strip()})"
        return said
    if fact.count is not None:
        people = "member" if fact.count == 1 else "members"
        status = {
            CastStatus.NEW: "new ", CastStatus.RETURNING: "returning ",
        }.get(fact.status, "") if fact.status else ""
        said = (f"{fact.count} {status}cast {people}, not yet named, in "
                f"{subject}{billing}")
        if fact.text:
            said += f" ({fact.text.strip()})"
        return said
    return (f"More cast for {subject}{billing}, not named: "
            f"“{(fact.text or '').strip()}”")


def fact_image(show: Show, fact: object) -> str | None:
    """
    The image of what a fact is about, when it has one of its own.

    A cast or crew credit's person (else the first character's image), an
    award's person, a character news' character, an episode's still.
    Feed items enclose it instead of the season's or show's key art.
    """
    person: str | None = None
    characters: tuple[str, ...] = ()
    if isinstance(fact, (CastCredit, CrewCredit)):
        person = fact.person
        characters = fact.characters if isinstance(fact, CastCredit) else ()
    elif isinstance(fact, Award):
        person = award_winner(fact, show)
    elif isinstance(fact, AdditionalCast):
        characters = fact.characters
    elif isinstance(fact, Episode):
        return fact.image
    try:
        if person is not None and show.person(person).image:
            return show.person(person).image
        for character in characters:
            image = show.character(character).image
            if image:
                return image
    except KeyError:
        return None
    return None

