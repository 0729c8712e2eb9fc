"""
Show statuses to and from TMDb and TVmaze.

showfacts' :class:`~showfacts.models.ShowStatus` is finer than either
service's vocabulary, so the mapping out of showfacts is many-to-one; the
mapping in is one-to-one, and ``to_x(from_x(value)) == value`` for every
value a service uses.

=================  ====================  ==================
showfacts          TMDb                  TVmaze
=================  ====================  ==================
in_development     Planned               In Development
pilot              Pilot                 In Development
planned            Planned               In Development
in_production      In Production         In Development
returning          Returning Series      Running
undetermined       Returning Series      To Be Determined
ended              Ended                 Ended
cancelled          Canceled              Ended
airing             Returning Series      Running
between_parts      Returning Series      Running
ending             Returning Series      Running
=================  ====================  ==================

Neither service has a status for a season being released, a break between
parts or an announced ending: they show such a show as returning or
running, and so does the mapping.  schema.org has no status vocabulary
either; :mod:`showfacts.jsonld` writes ``creativeWorkStatus`` (a pending
term, behind its ``pending`` option) as text, from :data:`SCHEMA_ORG_STATUSES`.

A show's format maps to TMDb's ``type`` (TVmaze's ``type`` has no word for
these formats, nor has schema.org):

==============  ==========
showfacts       TMDb type
==============  ==========
limited_series  Miniseries
miniseries      Miniseries
anthology       Scripted
==============  ==========

and back, ``Miniseries`` is ``miniseries``; TMDb's other types say nothing
about the format (``None``).  A final season has no term in TMDb, TVmaze
or schema.org: it is a ``final_season`` milestone, published as a claim.

=====================  =============
TMDb                   showfacts
=====================  =============
Returning Series       returning
Planned                planned
In Production          in_production
Ended                  ended
Canceled               cancelled
Pilot                  pilot
=====================  =============

=================  ==============
TVmaze             showfacts
=================  ==============
Running            returning
Ended              ended
To Be Determined   undetermined
In Development     in_development
=================  ==============

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from showfacts.models import ShowFormat, ShowStatus


__all__ = [
    "SCHEMA_ORG_STATUSES",
    "TMDB_STATUSES",
    "TMDB_TYPES",
    "TVMAZE_STATUSES",
    "from_tmdb",
    "from_tmdb_type",
    "from_tvmaze",
    "to_tmdb",
    "to_tmdb_type",
    "to_tvmaze",
]

#: The text of ``creativeWorkStatus`` for each status.
SCHEMA_ORG_STATUSES = {
    ShowStatus.IN_DEVELOPMENT: "In development",
    ShowStatus.PILOT: "Pilot",
    ShowStatus.PLANNED: "Planned",
    ShowStatus.IN_PRODUCTION: "In production",
    ShowStatus.RETURNING: "Returning series",
    ShowStatus.UNDETERMINED: "Undetermined",
    ShowStatus.ENDED: "Ended",
    ShowStatus.CANCELLED: "Cancelled",
    ShowStatus.AIRING: "Airing",
    ShowStatus.BETWEEN_PARTS: "Between parts",
    ShowStatus.ENDING: "Ending",
}

_TO_TMDB_TYPE = {
    ShowFormat.LIMITED_SERIES: "Miniseries",
    ShowFormat.MINISERIES: "Miniseries",
    ShowFormat.ANTHOLOGY: "Scripted",
}
#: Every show type TMDb uses.
TMDB_TYPES = ("Documentary", "News", "Miniseries", "Reality", "Scripted",
              "Talk Show", "Video")

_TO_TMDB = {
    ShowStatus.IN_DEVELOPMENT: "Planned",
    ShowStatus.PILOT: "Pilot",
    ShowStatus.PLANNED: "Planned",
    ShowStatus.IN_PRODUCTION: "In Production",
    ShowStatus.RETURNING: "Returning Series",
    ShowStatus.UNDETERMINED: "Returning Series",
    ShowStatus.ENDED: "Ended",
    ShowStatus.CANCELLED: "Canceled",
    ShowStatus.AIRING: "Returning Series",
    ShowStatus.BETWEEN_PARTS: "Returning Series",
    ShowStatus.ENDING: "Returning Series",
}
_FROM_TMDB = {
    "Returning Series": ShowStatus.RETURNING,
    "Planned": ShowStatus.PLANNED,
    "In Production": ShowStatus.IN_PRODUCTION,
    "Ended": ShowStatus.ENDED,
    "Canceled": ShowStatus.CANCELLED,
    "Pilot": ShowStatus.PILOT,
}
_TO_TVMAZE = {
    ShowStatus.IN_DEVELOPMENT: "In Development",
    ShowStatus.PILOT: "In Development",
    ShowStatus.PLANNED: "In Development",
    ShowStatus.IN_PRODUCTION: "In Development",
    ShowStatus.RETURNING: "Running",
    ShowStatus.UNDETERMINED: "To Be Determined",
    ShowStatus.ENDED: "Ended",
    ShowStatus.CANCELLED: "Ended",
    ShowStatus.AIRING: "Running",
    ShowStatus.BETWEEN_PARTS: "Running",
    ShowStatus.ENDING: "Running",
}
_FROM_TVMAZE = {
    "Running": ShowStatus.RETURNING,
    "Ended": ShowStatus.ENDED,
    "To Be Determined": ShowStatus.UNDETERMINED,
    "In Development": ShowStatus.IN_DEVELOPMENT,
}

#: Every status TMDb uses.
TMDB_STATUSES = tuple(_FROM_TMDB)
#: Every status TVmaze uses.
TVMAZE_STATUSES = tuple(_FROM_TVMAZE)


def to_tmdb(status: ShowStatus) -> str:
    """The TMDb status for a showfacts status."""
    return _TO_TMDB[ShowStatus(status)]


def from_tmdb(status: str) -> ShowStatus:
    """
    The showfacts status for a TMDb status.

    Raises:
        ValueError: For a status TMDb does not use.
    """
    try:
        return _FROM_TMDB[status]
    except KeyError:
        msg = (
            f"{status!r} is not a TMDb status (known: "
            f"{', '.join(TMDB_STATUSES)})"
        )
        raise ValueError(msg) from None


def to_tvmaze(status: ShowStatus) -> str:
    """The TVmaze status for a showfacts status."""
    return _TO_TVMAZE[ShowStatus(status)]


def from_tvmaze(status: str) -> ShowStatus:
    """
    The showfacts status for a TVmaze status.

    Raises:
        ValueError: For a status TVmaze does not use.
    """
    try:
        return _FROM_TVMAZE[status]
    except KeyError:
        msg = (
            f"{status!r} is not a TVmaze status (known: "
            f"{', '.join(TVMAZE_STATUSES)})"
        )
        raise ValueError(msg) from None


def to_tmdb_type(show_format: ShowFormat) -> str:
    """
    TMDb's show ``type`` for a format.

    .. versionadded:: 0.2.0
    """
    return _TO_TMDB_TYPE[ShowFormat(show_format)]


def from_tmdb_type(kind: str) -> ShowFormat | None:
    """
    The format a TMDb show ``type`` says, if it says one.

    Raises:
        ValueError: For a type TMDb does not use.

    .. versionadded:: 0.2.0
    """
    if kind not in TMDB_TYPES:
        known = ", ".join(TMDB_TYPES)
        msg = f"{kind!r} is not a TMDb show type (known: {known})"
        raise ValueError(msg)
    return ShowFormat.MINISERIES if kind == "Miniseries" else None
