"""
Data in: TMDb, TVmaze, Wikidata and published JSON-LD to shows.

One module per service, each with ``to_show(data, ...)``: a saved response
(parsed JSON; for JSON-LD, what :func:`showfacts.importers.jsonld.extract`
reads from a page) to an :class:`Imported`, the show and every field that
could not be mapped, with the reason.  Each import is one source (the
service, the record's address, when it was read if known) and every
imported fact cites it.  ``docs/importers.md`` lists every field.

    >>> from showfacts.importers import tvmaze
    >>> imported = tvmaze.to_show({"id": 1, "name": "Harbor Lights",
    ...                            "status": "Ended"})
    >>> imported.show.statuses[0].status.value
    'ended'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from showfacts.importers import (  # noqa: F401 - the services' modules
    jsonld,
    tmdb,
    tvmaze,
    wikidata,
)
from showfacts.importers._build import Imported, ShapeError, Unmapped


__all__ = [
    "SERVICES",
    "Imported",
    "ShapeError",
    "Unmapped",
]

#: The services ``showfacts import`` reads, by name.
SERVICES = ("tmdb", "tvmaze", "wikidata", "jsonld")
