"""
How a credit, a caveat and a speaker read, in every output alike.

Feeds, JSON-LD claims, cards, pages, calendars and diffs word facts in
their own sentences, but these pieces read the same everywhere, and each
says only what the source said:

* a cast credit's role: a named character ("as Renée Ballard"), a role the
  source describes without naming ("as one of Kayce's fellow marshals"), a
  role the source says is undisclosed ("in an undisclosed role"), or
  nothing at all when the source did not say;
* billing only when the source gave it ("main cast", "guest");
* a fact's public qualifier, after what it qualifies ("...; CBS has yet to
  confirm");
* who said it ("Casey Bloys, HBO's chief content officer, said: “...”");
* whom a source relays ("via Deadline").

Every function returns plain text; callers escape it for their output.
"""

from __future__ import annotations

from showfacts._text import inline
from showfacts.models import Billing, CastCredit, Fact, Source


__all__ = [
    "BILLING_WORDS",
    "attribution",
    "billing",
    "qualified",
    "role",
    "via",
]

#: How each billing reads, when the source gave one.
BILLING_WORDS = {
    Billing.MAIN: "main cast",
    Billing.RECURRING: "recurring",
    Billing.GUEST: "guest",
    Billing.SPECIAL_GUEST: "special guest",
    Billing.CROSSOVER: "crossover",
    Billing.VOICE: "voice",
}


def role(credit: CastCredit, names: str) -> str | None:
    """
    The role of a credit after its verb: "as Renée Ballard", or ``None``.

    Args:
        credit: The credit.
        names: Its characters' names, joined ("Zamira Parker and Tutu"),
            or "" when it names none.

    Returns:
        "as ..." for a named or described role, "in an undisclosed role"
        when the source says it is undisclosed, ``None`` when the source
        did not say.
    """
    if names:
        return f"as {names}"
    described = inline(credit.role)
    if described:
        return f"as {described}"
    if credit.undisclosed:
        return "in an undisclosed role"
    return None


def billing(credit: CastCredit) -> str | None:
    """The credit's billing in words, or ``None`` when none was given."""
    if credit.billing is None:
        return None
    return BILLING_WORDS[credit.billing]


def qualified(text: str, fact: Fact) -> str:
    """
    The text with the fact's public qualifier after it, if it has one.

    >>> from showfacts.models import Tease
    >>> fact = Tease(id="t", certainty="reported", text="x",
    ...              qualifier="CBS has yet to confirm")
    >>> qualified("Marshals Season 2 premieres March 1, 2026", fact)
    'Marshals Season 2 premieres March 1, 2026; CBS has yet to confirm'
    """
    caveat = inline(fact.qualifier)
    if not caveat:
        return text
    return f"{text.rstrip().rstrip('.')}; {caveat}"


def attribution(fact: Fact) -> str | None:
    """
    Who said the fact, or ``None``: what follows "Said by".

    "Casey Bloys, HBO's chief content officer — “We're not rushing it.”"
    """
    said = fact.attribution
    if said is None:
        return None
    who = inline(said.name) or "someone unnamed"
    position = inline(said.role)
    if position:
        who = f"{who}, {position}"
    quote = inline(said.quote)
    return f"{who} — “{quote}”" if quote else who


def via(source: Source) -> str | None:
    """"via Deadline" for a source that relays another outlet."""
    outlet = inline(source.via)
    return f"via {outlet}" if outlet else None
