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
=================  ====================  ==================

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

from showfacts.models import ShowStatus


__all__ = [
    "TMDB_STATUSES",
    "TVMAZE_STATUSES",
    "from_tmdb",
    "from_tvmaze",
    "to_tmdb",
    "to_tvmaze",
]

_TO_TMDB = {
    ShowStatus.IN_DEVELOPMENT: "Planned",
    ShowStatus.PILOT: "Pilot",
    ShowStatus.PLANNED: "Planned",
    ShowStatus.IN_PRODUCTION: "In Production",
    ShowStatus.RETURNING: "Returning Series",
    ShowStatus.UNDETERMINED: "Returning Series",
    ShowStatus.ENDED: "Ended",
    ShowStatus.CANCELLED: "Canceled",
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
