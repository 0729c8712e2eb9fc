"""
What every importer shares: ids, text clean-up and the record it builds.

An importer reads one saved response and fills a :class:`Builder`: one
source for the record, people, characters and organizations by id, facts
with ids derived from the record (the same response always gives the same
ids), and a list of what could not be mapped, each with the field's path
and why.  :meth:`Builder.result` checks the show like a file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

import attrs

from showfacts.dates import FuzzyDate
from showfacts.exceptions import InvalidDataError, ShowfactsError
from showfacts.models import (
    Certainty,
    Character,
    Organization,
    OrgKind,
    Person,
    Season,
    Show,
    Source,
)


__all__ = ["Imported", "Unmapped"]


@attrs.frozen
class Unmapped:
    """
    A field of the response that the show does not hold.

    Attributes:
        path: Where it is in the response, such as ``$.networks[0].id``.
        reason: Why it is left out.

    .. versionadded:: 0.1.0
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@attrs.frozen
class Imported:
    """
    What an importer made of one response.

    Attributes:
        show: The show, checked like a file.
        unmapped: Every field left out, with the reason.

    .. versionadded:: 0.1.0
    """

    show: Show
    unmapped: tuple[Unmapped, ...] = ()


class ShapeError(ShowfactsError, ValueError):
    """A response that is not the shape the service documents."""


def slug(text: str) -> str:
    """An id from a name: ``"Renée Ballard"`` becomes ``renee-ballard``."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:  # noqa: ARG002
        if tag in {"br", "p", "div", "li"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "div", "li"}:
            self.parts.append(" ")


def text(value: Any) -> str | None:
    """
    Plain text: entities decoded, spaces collapsed; ``None`` when empty.

    Not HTML: ``<`` stays as written.
    """
    if not isinstance(value, str):
        return None
    cleaned = " ".join(html.unescape(value).split())
    return cleaned or None


def html_text(value: Any) -> str | None:
    """The text of an HTML fragment (a TVmaze summary), tags dropped."""
    if not isinstance(value, str):
        return None
    parser = _TextOnly()
    parser.feed(value)
    parser.close()
    return text("".join(parser.parts).replace("&", "&amp;"))


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def iso_date(value: Any) -> FuzzyDate | None:
    """
    A date as precise as written: ``2026-09-12``, ``2026-09`` or ``2026``.

    Anything else (a time stamp is cut to its day) is ``None``.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) > 10 and _DAY.match(value[:10]) and value[10] in "T ":
        value = value[:10]
    if _DAY.match(value) or _MONTH.match(value) or _YEAR.match(value):
        try:
            return FuzzyDate(edtf=value)
        except (InvalidDataError, ValueError):
            return None
    return None


def is_aired(date: FuzzyDate | None, aired_until: str | None) -> bool:
    """Whether a date is on or before the last day known to have aired."""
    if date is None or aired_until is None:
        return False
    return date.edtf[:10] <= aired_until


class Builder:
    """Collects one show's records and facts while a response is read."""

    def __init__(self, *, show_id: str, title: str, source: Source) -> None:
        self.show_id = show_id or "show"
        self.title = title
        self.source = source
        self.fields: dict[str, Any] = {}
        self.people: dict[str, Person] = {}
        self.characters: dict[str, Character] = {}
        self.organizations: dict[str, Organization] = {}
        self.show_facts: dict[str, list[Any]] = {}
        self.seasons: dict[int, dict[str, Any]] = {}
        self.unmapped: list[Unmapped] = []
        self._ids: set[str] = set()
        #: The last day known to have passed when the record was read.
        self.aired_until: str | None = None

    # -- records -------------------------------------------------------------

    def fact_id(self, *words: object) -> str:
        """A fact id unique in this show, from words of the record."""
        base = slug("-".join(str(w) for w in words)) or "fact"
        found, n = base, 1
        while found in self._ids:
            n += 1
            found = f"{base}-{n}"
        self._ids.add(found)
        return found

    def person(self, name: str, image: str | None = None,
               **ids: Any) -> str:
        """The id of a person, added on first use."""
        from showfacts.models import ExternalIds  # noqa: PLC0415

        key = slug(name) or "person"
        if key not in self.people:
            self.people[key] = Person(
                id=key, name=name, image=image,
                external_ids=ExternalIds(
                    **{k: v for k, v in ids.items() if v is not None}
                ),
            )
        return key

    def character(self, name: str, image: str | None = None,
                  **ids: Any) -> str:
        """The id of a character, added on first use; the name kept whole."""
        from showfacts.models import ExternalIds  # noqa: PLC0415

        key = slug(name) or "character"
        if key not in self.characters:
            self.characters[key] = Character(
                id=key, names=(name,), image=image,
                external_ids=ExternalIds(
                    **{k: v for k, v in ids.items() if v is not None}
                ),
            )
        return key

    def organization(self, name: str, kind: OrgKind, **more: Any) -> str:
        """The id of an organization, added on first use."""
        key = slug(name) or "organization"
        if key not in self.organizations:
            self.organizations[key] = Organization(
                id=key, name=name, kind=kind,
                **{k: v for k, v in more.items() if v is not None},
            )
        return key

    def fact(self, collection: str, cls: type[Any], *,
             certainty: Certainty, season: int | None = None,
             **fields: Any) -> None:
        """Add a fact citing this import's source."""
        fact = cls(
            certainty=certainty, sources=(self.source.id,),
            **{k: v for k, v in fields.items() if v is not None},
        )
        if season is None:
            self.show_facts.setdefault(collection, []).append(fact)
        else:
            self.season(season).setdefault(collection, []).append(fact)

    def season(self, number: int, **fields: Any) -> dict[str, Any]:
        """The fields of a season, made on first use."""
        found = self.seasons.setdefault(number, {"number": number})
        found.update({k: v for k, v in fields.items() if v is not None})
        return found

    def drop(self, path: str, reason: str) -> None:
        """Note a field that the show does not hold."""
        self.unmapped.append(Unmapped(path, reason))

    def dated(self, date: FuzzyDate | None) -> Certainty:
        """Confirmed for a date known to have passed, else reported."""
        return (Certainty.CONFIRMED if is_aired(date, self.aired_until)
                else Certainty.REPORTED)

    # -- the result ----------------------------------------------------------

    def result(self) -> Imported:
        """
        The show and what was left out.

        Raises:
            InvalidDataError: If what was read does not make a valid show.
        """
        seasons = []
        for number in sorted(self.seasons):
            values: dict[str, Any] = {
                k: tuple(v) if isinstance(v, list) else v
                for k, v in self.seasons[number].items()
            }
            seasons.append(Season(**values))
        facts: dict[str, Any] = {
            k: tuple(v) for k, v in self.show_facts.items()
        }
        fields: dict[str, Any] = {
            k: v for k, v in self.fields.items() if v not in (None, ())
        }
        show = Show(
            id=self.show_id,
            title=self.title,
            sources=(self.source,),
            people=tuple(self.people.values()),
            organizations=tuple(self.organizations.values()),
            characters=tuple(self.characters.values()),
            seasons=tuple(seasons),
            **facts,
            **fields,
        )
        return Imported(show=show, unmapped=tuple(self.unmapped))


def need_mapping(data: Any, what: str, name: str) -> Mapping[str, Any]:
    """
    ``data`` as a mapping, or a clear error naming the file.

    Raises:
        ShapeError: If ``data`` is not a JSON object.
    """
    if not isinstance(data, Mapping):
        msg = (
            f"{name}: $ must be {what} (a JSON object), not "
            f"{type(data).__name__}"
        )
        raise ShapeError(msg)
    return data


def need(  # noqa: PLR0917
    data: Mapping[str, Any], key: str, kind: type | tuple[type, ...],
    name: str, service: str, path: str = "$",
) -> Any:
    """
    A required field of the response.

    Raises:
        ShapeError: Naming the file and the field, when it is missing or
            of the wrong type (a response of another service, or cut off).
    """
    value = data.get(key)
    if value is None or isinstance(value, bool) or not isinstance(
        value, kind
    ):
        what = "missing" if value is None else f"{type(value).__name__}"
        msg = (
            f"{name}: {path}.{key} is {what}: this is not a {service} "
            "response, or it is cut off"
        )
        raise ShapeError(msg)
    return value


def items(data: Mapping[str, Any], key: str) -> list[Any]:
    """A list field, or nothing; entries that are not objects are skipped."""
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return value


def language_code(name: Any) -> str | None:
    """A BCP 47 tag for an English language name: ``English`` → ``en``."""
    if not isinstance(name, str) or not name.strip():
        return None
    return _language_codes().get(name.strip().casefold())


_CODES: dict[str, str] = {}


def _language_codes() -> dict[str, str]:
    if not _CODES:
        from babel import Locale  # noqa: PLC0415

        for code, label in Locale("en").languages.items():
            if "_" not in code and re.fullmatch(r"[a-z]{2,3}", code):
                _CODES.setdefault(label.casefold(), code)
    return _CODES
