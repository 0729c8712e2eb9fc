"""
The typed core: shows, seasons, people, credits, milestones and teases.

Every class is a frozen attrs class; collections are tuples.  Nothing here
knows about files, JSON-LD, feeds or HTML.

Everything that can turn out to be wrong is a :class:`Fact`: it carries a
:class:`Certainty`, the ids of its :class:`Source` s, when it was announced,
and may supersede an earlier fact or be retracted.  Nothing is ever deleted:
:func:`showfacts.current` answers what holds now, and :meth:`Show.history`
what was said before.

A :class:`Show` checks its invariants whenever it is built, from a file or
in code: unique season numbers and ids, references that exist, supersede
chains without cycles.  A broken show raises
:class:`~showfacts.exceptions.InvalidDataError` listing every problem.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol, TypeVar

import attrs

from showfacts import _invariants, _paths
from showfacts._coerce import Invalid, checked, fuzzy_date, to_enum
from showfacts._readers import MAX_NUMBER
from showfacts.dates import FuzzyDate
from showfacts.exceptions import InvalidDataError, Problem


__all__ = [
    "Adaptation",
    "AdditionalCast",
    "Attribution",
    "Award",
    "AwardOutcome",
    "AwardOutcomeName",
    "Billing",
    "BillingName",
    "CastCredit",
    "CastStatus",
    "CastStatusName",
    "Catalog",
    "Certainty",
    "CertaintyName",
    "Character",
    "CrewCredit",
    "CrewRole",
    "CrewRoleName",
    "CrewShare",
    "CrewShareName",
    "CrewStatus",
    "CrewStatusName",
    "Episode",
    "ExternalIds",
    "Fact",
    "FactRef",
    "Franchise",
    "Milestone",
    "MilestoneKind",
    "MilestoneKindName",
    "OrgKind",
    "OrgKindName",
    "Organization",
    "Person",
    "Relation",
    "RelationKind",
    "RelationKindName",
    "ReleasePattern",
    "ReleasePatternName",
    "ReleasePlan",
    "Retraction",
    "Season",
    "Show",
    "ShowFormat",
    "ShowFormatName",
    "ShowStatus",
    "ShowStatusName",
    "Source",
    "SourceWork",
    "StatusFact",
    "Tease",
    "Weekday",
    "WeekdayName",
    "WorkKind",
    "WorkKindName",
    "eidr_check_character",
]

#: Ids are lower-case words of letters and digits joined by ``-``, ``_`` or
#: ``.``; they become parts of URLs and fragment identifiers.
ID_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$"
#: Absolute http(s) URLs, without spaces, controls or characters that
#: RFC 3986 does not allow.
URL_PATTERN = r"^https?://[^\x00-\x20\x7f\"<>\\^`{|}/?#]+[^\x00-\x20\x7f\"<>\\^`{|}]*$"
TIME_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

_ID_RE = re.compile(ID_PATTERN)
_URL_RE = re.compile(URL_PATTERN)



class _HasId(Protocol):
    @property
    def id(self) -> str: ...


H = TypeVar("H", bound=_HasId)


# -- enumerations -------------------------------------------------------------


class Certainty(str, enum.Enum):
    """
    How sure a fact is, from most to least sure.

    Certainties are ordered: ``Certainty.CONFIRMED > Certainty.REPORTED``.

    * ``confirmed``: announced by the network, studio or showrunner;
    * ``reported``: trade press reports it as fact;
    * ``expected``: a reasoned forecast from the schedule or habit;
    * ``rumored``: unverified;
    * ``speculative``: the writer's guess.

    .. versionadded:: 0.1.0
    """

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    EXPECTED = "expected"
    RUMORED = "rumored"
    SPECULATIVE = "speculative"

    @property
    def rank(self) -> int:
        """4 for confirmed down to 0 for speculative."""
        return _CERTAINTY_RANK[self]

    @property
    def word(self) -> str:
        """The word a headline uses: "expected", "speculation", ..."""
        return "speculation" if self is Certainty.SPECULATIVE else self.value

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Certainty):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Certainty):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Certainty):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Certainty):
            return NotImplemented
        return self.rank >= other.rank


_CERTAINTY_RANK = {c: 4 - i for i, c in enumerate(Certainty)}


class MilestoneKind(str, enum.Enum):
    """
    What happened, or will happen, on a milestone's date.

    .. versionadded:: 0.1.0
    """

    IN_DEVELOPMENT = "in_development"
    RENEWED = "renewed"
    WRITING_STARTED = "writing_started"
    CASTING_ANNOUNCED = "casting_announced"
    FILMING_STARTED = "filming_started"
    FILMING_WRAPPED = "filming_wrapped"
    TRAILER_RELEASED = "trailer_released"
    PREMIERE = "premiere"
    PART_RELEASE = "part_release"
    FINALE = "finale"
    CANCELLED = "cancelled"
    ENDED = "ended"
    #: The season is the show's last ("the fifth and final season").
    #:
    #: .. versionadded:: 0.2.0
    FINAL_SEASON = "final_season"


class ReleasePattern(str, enum.Enum):
    """
    How a season's episodes are released.

    .. versionadded:: 0.1.0
    """

    ALL_AT_ONCE = "all_at_once"
    WEEKLY = "weekly"
    IN_PARTS = "in_parts"
    BATCH_THEN_WEEKLY = "batch_then_weekly"


class ShowStatus(str, enum.Enum):
    """
    Where a show stands.

    See :mod:`showfacts.crosswalk` for the mapping to TMDb and TVmaze.

    .. versionadded:: 0.1.0
    """

    IN_DEVELOPMENT = "in_development"
    PILOT = "pilot"
    PLANNED = "planned"
    IN_PRODUCTION = "in_production"
    RETURNING = "returning"
    UNDETERMINED = "undetermined"
    ENDED = "ended"
    CANCELLED = "cancelled"
    #: A season is being released now.
    #:
    #: .. versionadded:: 0.2.0
    AIRING = "airing"
    #: A season released in parts is between two of them.
    #:
    #: .. versionadded:: 0.2.0
    BETWEEN_PARTS = "between_parts"
    #: The show ends after the current or next season.
    #:
    #: .. versionadded:: 0.2.0
    ENDING = "ending"


class ShowFormat(str, enum.Enum):
    """
    What kind of series a show is, when it is not an open-ended one.

    See :mod:`showfacts.crosswalk` for TMDb's words for these.

    .. versionadded:: 0.2.0
    """

    LIMITED_SERIES = "limited_series"
    MINISERIES = "miniseries"
    ANTHOLOGY = "anthology"


class Weekday(str, enum.Enum):
    """
    A day of the week, for schedules.

    .. versionadded:: 0.2.0
    """

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday to 6 for Sunday, as :meth:`datetime.date.weekday`."""
        return list(Weekday).index(self)


class Billing(str, enum.Enum):
    """
    How a cast member is billed.

    .. versionadded:: 0.1.0
    """

    MAIN = "main"
    RECURRING = "recurring"
    GUEST = "guest"
    SPECIAL_GUEST = "special_guest"
    CROSSOVER = "crossover"
    VOICE = "voice"


class CastStatus(str, enum.Enum):
    """
    A cast member's status in one season.

    .. versionadded:: 0.1.0
    """

    RETURNING = "returning"
    NEW = "new"
    RECAST = "recast"
    DEPARTING = "departing"
    NOT_RETURNING = "not_returning"
    KILLED_OFF = "killed_off"


#: Cast statuses that say a person is not in a season's cast.
GONE = frozenset({CastStatus.NOT_RETURNING, CastStatus.KILLED_OFF})


class CrewRole(str, enum.Enum):
    """
    A crew credit's role.

    .. versionadded:: 0.1.0
    """

    SHOWRUNNER = "showrunner"
    CREATOR = "creator"
    DEVELOPER = "developer"
    WRITER = "writer"
    DIRECTOR = "director"
    EXECUTIVE_PRODUCER = "executive_producer"
    SOURCE_AUTHOR = "source_author"
    PRODUCER = "producer"


class CrewStatus(str, enum.Enum):
    """
    Where a crew member stands.

    Joining, continuing, departing, or stepped back (still credited, no
    longer running things).

    .. versionadded:: 0.2.0
    """

    JOINING = "joining"
    CONTINUING = "continuing"
    DEPARTING = "departing"
    STEPPED_BACK = "stepped_back"


#: Crew statuses that say a person no longer holds the role.
LEFT = frozenset({CrewStatus.DEPARTING, CrewStatus.STEPPED_BACK})


class CrewShare(str, enum.Enum):
    """
    Whether a crew member holds the role alone or with others.

    ``sole`` ("now sole showrunner"), ``co`` ("co-showrunner",
    "co-creator").

    .. versionadded:: 0.2.0
    """

    SOLE = "sole"
    CO = "co"


class AwardOutcome(str, enum.Enum):
    """
    Whether an award was won or a nomination received.

    .. versionadded:: 0.2.0
    """

    WON = "won"
    NOMINATED = "nominated"


class OrgKind(str, enum.Enum):
    """
    What an organization is to a show.

    .. versionadded:: 0.1.0
    """

    NETWORK = "network"
    STREAMER = "streamer"
    STUDIO = "studio"


class WorkKind(str, enum.Enum):
    """
    The kind of a work: one a show is based on, or one related to it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``film`` and ``special``.
    """

    BOOK = "book"
    BOOK_SERIES = "book_series"
    COMIC = "comic"
    GAME = "game"
    SHOW = "show"
    FILM = "film"
    SPECIAL = "special"


class RelationKind(str, enum.Enum):
    """
    How one show relates to another.

    .. versionadded:: 0.1.0
    """

    SPIN_OFF_OF = "spin_off_of"
    SAME_FRANCHISE = "same_franchise"
    CROSSOVER_WITH = "crossover_with"
    PREQUEL_OF = "prequel_of"
    SEQUEL_OF = "sequel_of"
    HAS_SPIN_OFF = "has_spin_off"
    HAS_PREQUEL = "has_prequel"
    HAS_SEQUEL = "has_sequel"
    ADAPTATION_OF = "adaptation_of"
    ADAPTED_AS = "adapted_as"
    SAME_UNIVERSE = "same_universe"


# -- names: the values of each enumeration, for type checkers -----------------
#
# A field that takes an enumeration also takes the string of one of its
# values; these ``Literal`` types let mypy and pyright catch a mistyped
# value such as ``kind="premeire"``.  A test keeps them equal to the
# enumerations.

#: The values of :class:`Certainty`, for type checkers.
CertaintyName = Literal[
    "confirmed",
    "reported",
    "expected",
    "rumored",
    "speculative",
]
#: The values of :class:`MilestoneKind`, for type checkers.
MilestoneKindName = Literal[
    "in_development",
    "renewed",
    "writing_started",
    "casting_announced",
    "filming_started",
    "filming_wrapped",
    "trailer_released",
    "premiere",
    "part_release",
    "finale",
    "cancelled",
    "ended",
    "final_season",
]
#: The values of :class:`ReleasePattern`, for type checkers.
ReleasePatternName = Literal[
    "all_at_once",
    "weekly",
    "in_parts",
    "batch_then_weekly",
]
#: The values of :class:`ShowStatus`, for type checkers.
ShowStatusName = Literal[
    "in_development",
    "pilot",
    "planned",
    "in_production",
    "returning",
    "undetermined",
    "ended",
    "cancelled",
    "airing",
    "between_parts",
    "ending",
]
#: The values of :class:`Billing`, for type checkers.
BillingName = Literal[
    "main",
    "recurring",
    "guest",
    "special_guest",
    "crossover",
    "voice",
]
#: The values of :class:`CastStatus`, for type checkers.
CastStatusName = Literal[
    "returning",
    "new",
    "recast",
    "departing",
    "not_returning",
    "killed_off",
]
#: The values of :class:`CrewRole`, for type checkers.
CrewRoleName = Literal[
    "showrunner",
    "creator",
    "developer",
    "writer",
    "director",
    "executive_producer",
    "source_author",
    "producer",
]
#: The values of :class:`OrgKind`, for type checkers.
OrgKindName = Literal[
    "network",
    "streamer",
    "studio",
]
#: The values of :class:`WorkKind`, for type checkers.
WorkKindName = Literal[
    "book",
    "book_series",
    "comic",
    "game",
    "show",
    "film",
    "special",
]
#: The values of :class:`RelationKind`, for type checkers.
RelationKindName = Literal[
    "spin_off_of",
    "same_franchise",
    "crossover_with",
    "prequel_of",
    "sequel_of",
    "has_spin_off",
    "has_prequel",
    "has_sequel",
    "adaptation_of",
    "adapted_as",
    "same_universe",
]
#: The values of :class:`Weekday`, for type checkers.
WeekdayName = Literal[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
#: The values of :class:`ShowFormat`, for type checkers.
ShowFormatName = Literal[
    "limited_series",
    "miniseries",
    "anthology",
]
#: The values of :class:`CrewStatus`, for type checkers.
CrewStatusName = Literal[
    "joining",
    "continuing",
    "departing",
    "stepped_back",
]
#: The values of :class:`CrewShare`, for type checkers.
CrewShareName = Literal[
    "sole",
    "co",
]
#: The values of :class:`AwardOutcome`, for type checkers.
AwardOutcomeName = Literal[
    "won",
    "nominated",
]


def _certainty(value: Certainty | CertaintyName) -> Certainty:
    return to_enum(Certainty, value)


def _milestone_kind(value: MilestoneKind | MilestoneKindName) -> MilestoneKind:
    return to_enum(MilestoneKind, value)


def _show_status(value: ShowStatus | ShowStatusName) -> ShowStatus:
    return to_enum(ShowStatus, value)


def _crew_role(value: CrewRole | CrewRoleName) -> CrewRole:
    return to_enum(CrewRole, value)


def _org_kind(value: OrgKind | OrgKindName) -> OrgKind:
    return to_enum(OrgKind, value)


def _work_kind(value: WorkKind | WorkKindName) -> WorkKind:
    return to_enum(WorkKind, value)


def _relation_kind(value: RelationKind | RelationKindName) -> RelationKind:
    return to_enum(RelationKind, value)


def _optional_release_pattern(
    value: ReleasePattern | ReleasePatternName | None,
) -> ReleasePattern | None:
    return None if value is None else to_enum(ReleasePattern, value)


def _optional_cast_status(
    value: CastStatus | CastStatusName | None,
) -> CastStatus | None:
    return None if value is None else to_enum(CastStatus, value)


# -- field helpers ------------------------------------------------------------


def field_error(attribute: attrs.Attribute[Any], message: str) -> (
    InvalidDataError
):
    """An error about one field, with the field as its path."""
    return InvalidDataError([
        Problem(path=f"$.{attribute.name}", message=message)
    ])


def _matches(pattern: re.Pattern[str], what: str) -> Callable[
    [Any, attrs.Attribute[Any], Any], None
]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise field_error(
                attribute, f"'{attribute.name}' must be {what}, not {value!r}"
            )

    return check


def _optional_matches(pattern: re.Pattern[str], what: str) -> Callable[
    [Any, attrs.Attribute[Any], Any], None
]:
    check = _matches(pattern, what)

    def optional(instance: Any, attribute: attrs.Attribute[Any],
                 value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _each_matches(pattern: re.Pattern[str], what: str) -> Callable[
    [Any, attrs.Attribute[Any], Any], None
]:
    check = _matches(pattern, what)

    def each(instance: Any, attribute: attrs.Attribute[Any],
             value: Any) -> None:
        if not isinstance(value, tuple):
            raise field_error(
                attribute, f"'{attribute.name}' must be a tuple, not {value!r}"
            )
        for item in value:
            check(instance, attribute, item)

    return each


_is_id = _matches(_ID_RE, "an id (lower-case words joined by - _ or .)")
_is_ids = _each_matches(_ID_RE, "a tuple of ids")
_is_optional_id = _optional_matches(_ID_RE, "an id")
_is_optional_url_text = _optional_matches(_URL_RE, "an absolute http(s) URL")


def _is_optional_url(instance: Any, attribute: attrs.Attribute[Any],
                     value: Any) -> None:
    """An absolute http(s) URL that a URL parser reads back, or ``None``."""
    _is_optional_url_text(instance, attribute, value)
    problem = None if value is None else _invariants.url_problem(value)
    if problem:
        raise field_error(attribute, _invariants.quoted(value, problem))


def _visible(value: str) -> bool:
    """Whether any character would show: not only spaces and controls."""
    return any(c.isprintable() and not c.isspace() for c in value)


def _non_empty(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _visible(value):
        raise field_error(
            attribute, f"'{attribute.name}' must be a non-empty string"
        )


def _names(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value or not all(
        isinstance(n, str) and n.strip() for n in value
    ):
        raise field_error(
            attribute, f"'{attribute.name}' must be one or more names"
        )


def _too_big(attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a whole number past 2**53 - 1 (it becomes names and JSON)."""
    if isinstance(value, int) and value > MAX_NUMBER:
        raise field_error(
            attribute,
            f"'{attribute.name}' must be at most {MAX_NUMBER:,} (2**53 - 1)",
        )


def _optional_count(
    _: Any, attribute: attrs.Attribute[Any], value: Any
) -> None:
    _too_big(attribute, value)
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or value < 1
    ):
        raise field_error(
            attribute,
            f"'{attribute.name}' must be a positive whole number, "
            f"not {value!r}",
        )


def _number(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _too_big(attribute, value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise field_error(
            attribute,
            f"'{attribute.name}' must be a whole number from 0, "
            f"not {value!r}",
        )


def _optional_number(
    instance: Any, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None:
        _number(instance, attribute, value)


def _supersedes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One id, several ids or none, as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _weekdays(
    value: Iterable[Weekday | WeekdayName],
) -> tuple[Weekday, ...]:
    days: tuple[Any, ...] = tuple(to_enum(Weekday, v) for v in value)
    # One day that is not a weekday refuses them all (``checked``).
    bad: Any = next((d for d in days if isinstance(d, Invalid)), None)
    return days if bad is None else bad


def _optional_format(
    value: ShowFormat | ShowFormatName | None,
) -> ShowFormat | None:
    return None if value is None else to_enum(ShowFormat, value)


_is_optional_region = _optional_matches(
    re.compile(COUNTRY_PATTERN), "an ISO 3166-1 country code"
)




def _optional_billing(value: Billing | BillingName | None) -> Billing | None:
    return None if value is None else to_enum(Billing, value)


def _optional_text(
    _: Any, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None and (not isinstance(value, str)
                              or not _visible(value)):
        raise field_error(
            attribute, f"'{attribute.name}' must be a non-empty string"
        )


def _role_unnamed(instance: Any, attribute: attrs.Attribute[Any],
                  value: Any) -> None:
    if value is not None and instance.characters:
        raise field_error(
            attribute,
            "'role' describes a role the source does not name; this credit "
            "names its characters already (describe them under characters)",
        )


def _role_unsaid(instance: Any, attribute: attrs.Attribute[Any],
                 value: Any) -> None:
    if not isinstance(value, bool):
        raise field_error(
            attribute, f"'undisclosed' must be true or false, not {value!r}"
        )
    if value and instance.characters:
        raise field_error(
            attribute,
            "'undisclosed' says the source keeps the role secret, but this "
            "credit names its characters",
        )


def _award_outcome(value: AwardOutcome | AwardOutcomeName) -> AwardOutcome:
    return to_enum(AwardOutcome, value)


def _optional_crew_status(value: CrewStatus | CrewStatusName | None) -> (
    CrewStatus | None
):
    return None if value is None else to_enum(CrewStatus, value)


def _optional_share(
    value: CrewShare | CrewShareName | None,
) -> CrewShare | None:
    return None if value is None else to_enum(CrewShare, value)


_EIDR_RE = re.compile(
    r"^10\.5240/(?:[0-9A-F]{4}-){5}[0-9A-Z]$"
)
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def eidr_check_character(suffix: str) -> str:
    """
    The check character of an EIDR id's 20 hex digits (ISO 7064 Mod 37,36).

    >>> eidr_check_character("77918534" "2C239030" "8610")
    '5'

    .. versionadded:: 0.2.0
    """
    product = 36
    for char in suffix:
        total = (product + _BASE36.index(char)) % 36 or 36
        product = (total * 2) % 37
    return _BASE36[(37 - product) % 36]


def _optional_eidr(_: Any, attribute: attrs.Attribute[Any],
                   value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _EIDR_RE.fullmatch(value):
        raise field_error(
            attribute,
            "'eidr' must be an EIDR id, 10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C "
            f"(hex digits, then a check character), not {value!r}",
        )
    digits = value[8:].replace("-", "")
    expected = eidr_check_character(digits[:-1])
    if digits[-1] != expected:
        raise field_error(
            attribute,
            f"{value!r} is not an EIDR id: its check character is "
            f"{digits[-1]!r}, but its digits give {expected!r}",
        )


# -- plain records ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ExternalIds:
    """
    Identifiers of a show, person, organization or work elsewhere.

    They become schema.org ``sameAs`` links.

    Attributes:
        imdb: IMDb id (``tt…`` for titles, ``nm…`` for people, ``co…`` for
            companies), 7 or more digits.
        tmdb: The Movie Database numeric id.
        tvmaze: TVmaze numeric id.
        wikidata: Wikidata item (``Q…``).
        official_site: The official web site.
        eidr: EIDR content id (``10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C``),
            its check character checked.
        tvdb: TheTVDB numeric id.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``eidr`` and ``tvdb``.
    """

    imdb: str | None = attrs.field(
        default=None,
        validator=_optional_matches(
            re.compile(r"^(?:tt|nm|co)[0-9]{7,}$"), "an IMDb id"
        ),
    )
    tmdb: int | None = attrs.field(default=None, validator=_optional_count)
    tvmaze: int | None = attrs.field(default=None, validator=_optional_count)
    wikidata: str | None = attrs.field(
        default=None,
        validator=_optional_matches(
            re.compile(r"^Q[1-9][0-9]*$"), "a Wikidata item id"
        ),
    )
    official_site: str | None = attrs.field(
        default=None, validator=_is_optional_url
    )
    eidr: str | None = attrs.field(default=None, validator=_optional_eidr)
    tvdb: int | None = attrs.field(default=None, validator=_optional_count)

    def urls(self) -> tuple[str, ...]:
        """
        The identifiers whose URL needs no kind, as URLs, in a fixed order.

        TMDb, TVmaze and TheTVDB ids are numbers whose pages depend on
        what they are the id of: :mod:`showfacts.jsonld` adds those.
        """
        urls = []
        if self.imdb:
            kind = {"tt": "title", "nm": "name", "co": "company"}[
                self.imdb[:2]
            ]
            urls.append(f"https://www.imdb.com/{kind}/{self.imdb}/")
        if self.wikidata:
            urls.append(f"https://www.wikidata.org/wiki/{self.wikidata}")
        if self.eidr:
            urls.append(f"https://doi.org/{self.eidr}")
        if self.official_site:
            urls.append(self.official_site)
        return tuple(urls)


@attrs.frozen(kw_only=True)
class Source:
    """
    A citation: where a fact was read.

    Attributes:
        id: Referenced by facts' ``sources``.
        title: The title of the article, post or announcement.
        publisher: Who published it.
        author: Who wrote it.
        url: Its address, if it has one (never invent one).
        published: When it was published; relative dates in facts that
            cite it are resolved against this date.
        quote: The words of the source that matter.
        via: The outlet this source relays, when it reports another's
            news ("Deadline" for "as reported by Deadline"); published as
            "via Deadline" beside the source.
        retrieved: When a database record or page that changes over time
            was read (set by ``showfacts import --fetch``).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_is_id)
    title: str = attrs.field(validator=_non_empty)
    publisher: str | None = None
    author: str | None = None
    url: str | None = attrs.field(default=None, validator=_is_optional_url)
    published: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    quote: str | None = None
    via: str | None = attrs.field(default=None, validator=_optional_text)
    retrieved: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )


@attrs.frozen(kw_only=True)
class Attribution:
    """
    Who said a fact, as its source tells it.

    Attributes:
        name: The person (or body) who said it: "Casey Bloys".
        role: Their role, as the source gives it: "HBO's chief content
            officer".
        quote: Their words.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=_non_empty)
    role: str | None = attrs.field(default=None, validator=_optional_text)
    quote: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Person:
    """
    A real person: actor, showrunner, writer, author.

    Person ids are shared across shows: the same id in two files is the
    same person.

    Attributes:
        image: A photo's URL; cards, pages and feed items show it.
        image_credit: Who to credit for it ("Photo: Jane Roe/Netflix").
        image_alt: Its text alternative.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``image``, ``image_credit``, ``image_alt``.
    """

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_non_empty)
    external_ids: ExternalIds = ExternalIds()
    image: str | None = attrs.field(default=None, validator=_is_optional_url)
    image_credit: str | None = None
    image_alt: str | None = None


@attrs.frozen(kw_only=True)
class Organization:
    """
    A network, streamer or studio.

    Attributes:
        parent: Id of the organization this one belongs to.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_non_empty)
    kind: OrgKind = attrs.field(converter=_org_kind, validator=checked)
    url: str | None = attrs.field(default=None, validator=_is_optional_url)
    logo: str | None = attrs.field(default=None, validator=_is_optional_url)
    parent: str | None = attrs.field(default=None, validator=_is_optional_id)
    external_ids: ExternalIds = ExternalIds()


@attrs.frozen(kw_only=True)
class Character:
    """
    A fictional character.

    Attributes:
        names: One or more names ("Dream", "Morpheus").
        home_show: Id of the show the character comes from, when it is not
            this one (a crossover).
        external_ids: Ids of the character elsewhere.
        image: An image's URL, with ``image_credit`` and ``image_alt``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``external_ids`` and the image fields.
    """

    id: str = attrs.field(validator=_is_id)
    names: tuple[str, ...] = attrs.field(validator=_names)
    home_show: str | None = attrs.field(
        default=None, validator=_is_optional_id
    )
    description: str | None = None
    external_ids: ExternalIds = ExternalIds()
    image: str | None = attrs.field(default=None, validator=_is_optional_url)
    image_credit: str | None = None
    image_alt: str | None = None

    @property
    def name(self) -> str:
        """All the names, joined by " / "."""
        return " / ".join(self.names)


@attrs.frozen(kw_only=True)
class SourceWork:
    """
    A work a show is based on, or one related to it.

    A book, a book series, a comic, a game, a show, a film or a special.
    ``authors`` are ids of people or of organizations (a game by a
    studio).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_is_id)
    kind: WorkKind = attrs.field(converter=_work_kind, validator=checked)
    title: str = attrs.field(validator=_non_empty)
    authors: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    year: int | None = attrs.field(default=None, validator=_optional_count)
    part_of: str | None = attrs.field(default=None, validator=_is_optional_id)
    url: str | None = attrs.field(default=None, validator=_is_optional_url)
    external_ids: ExternalIds = ExternalIds()


@attrs.frozen(kw_only=True)
class Franchise:
    """
    A franchise or shared universe ("Bosch universe").

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_is_id)
    name: str = attrs.field(validator=_non_empty)


@attrs.frozen(kw_only=True)
class Retraction:
    """
    A fact was withdrawn: it was wrong, and is no longer current.

    .. versionadded:: 0.1.0
    """

    date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    reason: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)


# -- facts --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Fact:
    """
    Base of everything that can turn out to be wrong.

    Attributes:
        id: Unique within the show; feeds, calendars and diffs key on it.
        certainty: How sure the fact is.
        sources: Ids of the show's sources that state it.
        announced: When it was announced.
        supersedes: Ids of earlier facts of the same kind that this one
            replaces (a narrowed date, a confirmed rumor; two sources'
            windows for the same premiere).  One id or several may be
            given; it is always a tuple.
        retracted: Set when the fact was withdrawn.
        qualifier: A short public caveat the source gives ("CBS has yet
            to confirm"); shown wherever the fact is shown.  A qualified
            fact is never a plain typed statement.
        attribution: Who said it, with their role and words, when the
            source names a speaker.
        note: An editor's note, never published.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_is_id)
    certainty: Certainty = attrs.field(converter=_certainty, validator=checked)
    sources: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    announced: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    supersedes: tuple[str, ...] = attrs.field(
        default=(), converter=_supersedes, validator=_is_ids
    )
    retracted: Retraction | None = None
    qualifier: str | None = attrs.field(
        default=None, validator=_optional_text
    )
    attribution: Attribution | None = None
    note: str | None = None

    @property
    def confirmed(self) -> bool:
        """Whether the fact is confirmed."""
        return self.certainty is Certainty.CONFIRMED


@attrs.frozen(kw_only=True)
class Milestone(Fact):
    """
    A dated step in a show's or season's life.

    Attributes:
        kind: What happens.
        date: When, as precisely as known.
        part: For part releases, the part or volume number.
        location: For filming, where.
        time: A local start time (``21:00``), with ``timezone``; needs a
            date known to the day.
        timezone: An IANA time zone (``America/New_York``).
        platform: Id of the organization that releases it.
        url: A link, e.g. to a trailer.
        detail: A short description ("first teaser").
        region: For releases, the ISO 3166-1 country it is in; ``None``
            when the source names none.  Releases in different regions,
            or on different platforms, are different events.
        part_name: For part releases, the name the platform uses
            ("Volume 2"); without it, "Part N".
        episode_count: For releases, how many episodes come out.
        first_episode: For releases, the number of the first episode.
        last_episode: For releases, the number of the last episode.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``region``, ``part_name``, ``episode_count``, ``first_episode``
       and ``last_episode``.
    """

    kind: MilestoneKind = attrs.field(
        converter=_milestone_kind, validator=checked
    )
    date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    part: int | None = attrs.field(default=None, validator=_optional_count)
    location: str | None = None
    time: str | None = attrs.field(
        default=None,
        validator=_optional_matches(re.compile(TIME_PATTERN), "HH:MM"),
    )
    timezone: str | None = None
    platform: str | None = attrs.field(
        default=None, validator=_is_optional_id
    )
    url: str | None = attrs.field(default=None, validator=_is_optional_url)
    detail: str | None = None
    region: str | None = attrs.field(
        default=None, validator=_is_optional_region
    )
    part_name: str | None = None
    episode_count: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    first_episode: int | None = attrs.field(
        default=None, validator=_optional_number
    )
    last_episode: int | None = attrs.field(
        default=None, validator=_optional_number
    )


@attrs.frozen(kw_only=True)
class ReleasePlan(Fact):
    """
    How, where and from when a season is released.

    Attributes:
        date: When the release starts.
        platform: Id of the network or streamer.
        region: ISO 3166-1 country code, or ``None`` for everywhere.
        pattern: All at once, weekly, in parts, or a batch then weekly.
        episodes: How many episodes in all.
        initial_episodes: How many on the first day.
        parts: For releases in parts, how many.
        weekdays: For weekly releases, the days episodes come out on.
        time: A local start time (``20:00``), with ``timezone``.
        timezone: An IANA time zone (``America/New_York``).
        per_airing: For weekly releases, how many episodes each airing
            holds, when the source says.
        until: When the weekly run ends (the finale's day), when known.

    A plan with ``weekdays`` is a schedule: :mod:`showfacts.schedules`
    derives the airing days from it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``weekdays``, ``time``, ``timezone``, ``per_airing`` and ``until``.
    """

    date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    platform: str | None = attrs.field(
        default=None, validator=_is_optional_id
    )
    region: str | None = attrs.field(
        default=None,
        validator=_optional_matches(
            re.compile(COUNTRY_PATTERN), "an ISO 3166-1 country code"
        ),
    )
    pattern: ReleasePattern | None = attrs.field(
        default=None,
        converter=_optional_release_pattern, validator=checked,
    )
    episodes: int | None = attrs.field(default=None, validator=_optional_count)
    initial_episodes: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    parts: int | None = attrs.field(default=None, validator=_optional_count)
    weekdays: tuple[Weekday, ...] = attrs.field(
        default=(), converter=_weekdays, validator=checked
    )
    time: str | None = attrs.field(
        default=None,
        validator=_optional_matches(re.compile(TIME_PATTERN), "HH:MM"),
    )
    timezone: str | None = None
    per_airing: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    until: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )


@attrs.frozen(kw_only=True)
class StatusFact(Fact):
    """
    The show's status, as of its announcement.

    .. versionadded:: 0.1.0
    """

    status: ShowStatus = attrs.field(converter=_show_status, validator=checked)


@attrs.frozen(kw_only=True)
class CastCredit(Fact):
    """
    A person playing one or more characters in a season.

    Attributes:
        person: Id of the person.
        characters: Ids of the named characters they play.
        role: The role in the source's words when it names no character
            ("one of Kayce's fellow marshals").
        undisclosed: The source says the role is undisclosed or kept
            secret.  With no characters, no role and no ``undisclosed``,
            the source simply did not say: nothing is published about the
            role.
        billing: Main, recurring, guest, ...; absent when the source did
            not say (never assumed).
        status: Returning, new, recast, departing, not returning or killed
            off, in this season (or for a series-wide credit, in the
            series).
        episodes: Episode numbers, for guests.
        replaces: For a recast, id of the person who played the role
            before.
        replaces_credit: For a recast, id of the cast credit it takes
            over from.

    A credit in a season's ``cast`` is about that season; one in the
    show's ``cast`` is series-wide (TVmaze and IMDb cast lists).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``replaces``, ``replaces_credit``, and the
       ``not_returning`` and ``killed_off`` statuses.
    """

    person: str = attrs.field(validator=_is_id)
    characters: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    role: str | None = attrs.field(
        default=None, validator=[_optional_text, _role_unnamed]
    )
    undisclosed: bool = attrs.field(default=False, validator=_role_unsaid)
    billing: Billing | None = attrs.field(
        default=None, converter=_optional_billing, validator=checked
    )
    status: CastStatus | None = attrs.field(
        default=None, converter=_optional_cast_status, validator=checked
    )
    episodes: tuple[int, ...] = ()
    replaces: str | None = attrs.field(default=None,
                                       validator=_is_optional_id)
    replaces_credit: str | None = attrs.field(default=None,
                                              validator=_is_optional_id)


@attrs.frozen(kw_only=True)
class CrewCredit(Fact):
    """
    A person's crew role on a show or season.

    Attributes:
        person: Id of the person.
        role: Showrunner, creator, writer, producer, ...
        work: For ``source_author``, id of the work.
        episodes: Episode numbers, for writers and directors.
        status: Joining, continuing, departing or stepped back.
        date: When the change takes effect, as the source gives it.
        share: ``sole`` or ``co`` ("sole showrunner", "co-creator").

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``status``, ``date``, ``share`` and the
       ``producer`` role.
    """

    person: str = attrs.field(validator=_is_id)
    role: CrewRole = attrs.field(converter=_crew_role, validator=checked)
    work: str | None = attrs.field(default=None, validator=_is_optional_id)
    episodes: tuple[int, ...] = ()
    status: CrewStatus | None = attrs.field(
        default=None, converter=_optional_crew_status, validator=checked
    )
    date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    share: CrewShare | None = attrs.field(
        default=None, converter=_optional_share, validator=checked
    )


@attrs.frozen(kw_only=True)
class Tease(Fact):
    """
    A hint about what is coming: plot, characters, tone.

    Attributes:
        text: The tease, in a sentence.
        spoiler: Whether it gives away a plot point.

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(validator=_non_empty)
    spoiler: bool = False


@attrs.frozen(kw_only=True)
class Relation(Fact):
    """
    A relation to another show, or to a work of any kind.

    Attributes:
        kind: How this show relates to the other: spin-off of, prequel
            of, sequel of, adaptation of; or the other way round: has a
            spin-off, a prequel or a sequel, adapted as; or same franchise,
            same universe, crossover with.
        show: Id of the other show (resolved in a catalog).
        work: Id of the other work (a film, a special, a book, a game),
            declared under ``works``; instead of ``show``.
        title: The other show's title, for when it is not in the catalog.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``work``, and the kinds that say the
       relation the other way round.
    """

    kind: RelationKind = attrs.field(
        converter=_relation_kind, validator=checked
    )
    show: str | None = attrs.field(default=None, validator=_is_optional_id)
    title: str | None = None
    work: str | None = attrs.field(default=None, validator=_is_optional_id)


@attrs.frozen(kw_only=True)
class Adaptation(Fact):
    """
    The show, or one season of it, is based on a work.

    .. versionadded:: 0.1.0
    """

    work: str = attrs.field(validator=_is_id)


@attrs.frozen(kw_only=True)
class Award(Fact):
    """
    An award won, or a nomination.

    For the show, a season, a person or a credit.

    Where it sits says what it is for: the show's ``awards`` (the series),
    a season's (that season); ``person`` or ``credit`` make it a person's
    award for their work on the show.

    Attributes:
        award: The award ("Golden Globe Award").
        outcome: ``won`` or ``nominated``.
        category: The category ("Best Supporting Actress, Television").
        year: The award's year (the ceremony's, as the source gives it).
        person: Id of the person it is for.
        credit: Id of the cast or crew credit it is for.

    .. versionadded:: 0.2.0
    """

    award: str = attrs.field(validator=_non_empty)
    outcome: AwardOutcome = attrs.field(
        converter=_award_outcome, validator=checked
    )
    category: str | None = None
    year: int | None = attrs.field(default=None, validator=_optional_count)
    person: str | None = attrs.field(default=None, validator=_is_optional_id)
    credit: str | None = attrs.field(default=None, validator=_is_optional_id)


@attrs.frozen(kw_only=True)
class AdditionalCast(Fact):
    """
    Cast news that names no actor: never an invented person.

    A character whose actor is not yet named ("Stormfront joins The
    Seven"), a count ("three new series regulars") or a phrase ("several
    Season 2 actors were promoted to series regular"); at least one of
    the three.

    Attributes:
        characters: Ids of the characters, actors not yet named.
        count: How many people, when the source counts them.
        text: The source's words, when it neither names nor counts.
        billing: Main, recurring, guest, ..., when the source says.
        status: New, returning, ..., when the source says.

    .. versionadded:: 0.2.0
    """

    characters: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    count: int | None = attrs.field(default=None, validator=_optional_count)
    text: str | None = None
    billing: Billing | None = attrs.field(
        default=None, converter=_optional_billing, validator=checked
    )
    status: CastStatus | None = attrs.field(
        default=None, converter=_optional_cast_status, validator=checked
    )


@attrs.frozen(kw_only=True)
class Episode(Fact):
    """
    An episode of a season.

    Attributes:
        number: Its number in the season; ``None`` while only its title is
            known (a finale announced by name).
        title: Its title.
        air_date: When it is released.
        runtime: Length in minutes.
        synopsis: A short summary.
        finale: It is the season's finale.
        next: It is the next episode to be released (TMDb's
            ``next_episode_to_air``): feeds and calendars show it.
        region: The ISO 3166-1 country the air date is for.
        platform: Id of the organization that releases it.

        image: A still's URL, with ``image_credit`` and ``image_alt``.
        external_ids: Ids of the episode elsewhere.


    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``number`` may be left out; ``finale``, ``next``, ``region``,
       ``platform``, the image fields and ``external_ids``.
    """

    number: int | None = attrs.field(default=None,
                                     validator=_optional_number)
    title: str | None = None
    air_date: FuzzyDate | None = attrs.field(
        default=None, converter=fuzzy_date, validator=checked
    )
    runtime: int | None = attrs.field(default=None, validator=_optional_count)
    synopsis: str | None = None
    image: str | None = attrs.field(default=None, validator=_is_optional_url)
    image_credit: str | None = None
    image_alt: str | None = None
    external_ids: ExternalIds = ExternalIds()
    finale: bool = False
    next: bool = False
    region: str | None = attrs.field(
        default=None, validator=_is_optional_region
    )
    platform: str | None = attrs.field(
        default=None, validator=_is_optional_id
    )

    @property
    def label(self) -> str:
        """``episode 3``, the title when the number is unknown, or both."""
        if self.number is not None:
            return f"episode {self.number}"
        if self.title:
            return f"episode \u201c{' '.join(self.title.split())}\u201d"
        return "an episode"


# -- show and season ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Season:
    """
    A season and everything known about it.

    Attributes:
        episodes_complete: The file lists every episode of the season, so
            the list's length is the season's episode count.

        image_credit: Who to credit for the image.
        image_alt: The image's text alternative.
        external_ids: Ids of the season elsewhere (TMDb, TVmaze, TheTVDB,
            EIDR, Wikidata).
        based_on: The season's own source work ("Season 4 adapts
            *Baptism of Fire*").
        additional_cast: Cast news that names no actor.
        awards: Awards and nominations for the season.


    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``episodes_complete``, ``image_credit``,
       ``image_alt``, ``external_ids``, ``based_on``, ``additional_cast``,
       ``awards``.
    """

    number: int = attrs.field(validator=_number)
    title: str | None = None
    description: str | None = None
    image: str | None = attrs.field(default=None, validator=_is_optional_url)
    milestones: tuple[Milestone, ...] = ()
    release_plans: tuple[ReleasePlan, ...] = ()
    cast: tuple[CastCredit, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    teases: tuple[Tease, ...] = ()
    episodes: tuple[Episode, ...] = ()
    episodes_complete: bool = False
    image_credit: str | None = None
    image_alt: str | None = None
    external_ids: ExternalIds = ExternalIds()
    based_on: tuple[Adaptation, ...] = ()
    additional_cast: tuple[AdditionalCast, ...] = ()
    awards: tuple[Award, ...] = ()

    @property
    def name(self) -> str:
        """``Season N``, or the season's title."""
        if self.title:
            return self.title
        return "Specials" if self.number == 0 else f"Season {self.number}"


#: The fact collections of a season and of a show, in document order.
SEASON_FACTS = _invariants.SEASON_FACTS
SHOW_FACTS = _invariants.SHOW_FACTS


@attrs.frozen(kw_only=True)
class FactRef:
    """
    A fact and where it lives in its show.

    Attributes:
        fact: The fact.
        season: The season number, or ``None`` for show-level facts.
        collection: The list it is in (``milestones``, ``cast``, ...).
        path: Its JSONPath in the show document.

    .. versionadded:: 0.1.0
    """

    fact: Fact
    season: int | None
    collection: str
    path: str


@attrs.frozen(kw_only=True)
class _Index:
    refs: dict[str, FactRef]
    order: tuple[str, ...]
    superseded_by: dict[str, tuple[str, ...]]
    current: frozenset[str]
    #: Seasons by number, and the rest by id: the first of equals wins.
    seasons: dict[int, Season]
    sources: dict[str, Source]
    people: dict[str, Person]
    organizations: dict[str, Organization]
    characters: dict[str, Character]
    works: dict[str, SourceWork]


@attrs.frozen(kw_only=True)
class Show:
    """
    One show: its identity, its seasons and every fact about it.

    Attributes:
        id: The show's id; it appears in every IRI and guid.
        title: Its title.
        fictional: ``True`` for made-up shows (examples, tests).
        description: A logline.
        genres: Genre words.
        countries: ISO 3166-1 codes of the countries of origin.
        languages: BCP 47 language tags.
        image: Key art URL.
        external_ids: Ids elsewhere (IMDb, TMDb, TVmaze, Wikidata, site).
        networks: Ids of the networks or streamers that carry it.
        studios: Ids of the production companies.
        franchise: The franchise or universe it belongs to.
        sources: Every source the file's facts cite.
        people: Every person its credits name.
        organizations: Every organization it names.
        characters: Every character its credits name.
        works: Works it, or its credits, refer to.
        statuses: Status facts.
        relations: Relations to other shows.
        based_on: Adaptation facts.
        crew: Show-wide crew credits.
        milestones: Show-wide milestones (in development, cancelled, ended).
        teases: Show-wide teases.
        cast: Series-wide cast credits, in no one season.
        additional_cast: Series-wide cast news that names no actor.
        awards: Awards and nominations for the series or its people.
        seasons: The seasons.
        format: A limited series, a miniseries or an anthology; ``None``
            for an open-ended series, or when no source says.
        seasons_complete: The file lists every season of the show, so
            their count is the show's season count.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``format``, ``seasons_complete``, ``cast``,
       ``additional_cast``, ``awards``.
    """

    id: str = attrs.field(validator=_is_id)
    title: str = attrs.field(validator=_non_empty)
    fictional: bool = False
    description: str | None = None
    genres: tuple[str, ...] = ()
    countries: tuple[str, ...] = attrs.field(
        default=(),
        validator=_each_matches(
            re.compile(COUNTRY_PATTERN), "ISO 3166-1 country codes"
        ),
    )
    languages: tuple[str, ...] = attrs.field(
        default=(),
        validator=_each_matches(
            re.compile(LANGUAGE_PATTERN), "BCP 47 language tags"
        ),
    )
    image: str | None = attrs.field(default=None, validator=_is_optional_url)
    external_ids: ExternalIds = ExternalIds()
    networks: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    studios: tuple[str, ...] = attrs.field(default=(), validator=_is_ids)
    franchise: Franchise | None = None
    sources: tuple[Source, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    characters: tuple[Character, ...] = ()
    works: tuple[SourceWork, ...] = ()
    statuses: tuple[StatusFact, ...] = ()
    relations: tuple[Relation, ...] = ()
    based_on: tuple[Adaptation, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    teases: tuple[Tease, ...] = ()
    cast: tuple[CastCredit, ...] = ()
    additional_cast: tuple[AdditionalCast, ...] = ()
    awards: tuple[Award, ...] = ()
    seasons: tuple[Season, ...] = ()
    format: ShowFormat | None = attrs.field(
        default=None, converter=_optional_format, validator=checked
    )
    seasons_complete: bool = False

    _index: _Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = _invariants.check(self)
        if problems:
            # Built in code, there is no file: the show says which input.
            raise InvalidDataError([
                Problem(path=_paths.render(path), message=message,
                        file=f"<show {self.id!r}>")
                for path, message in problems
            ])
        object.__setattr__(self, "_index", _build_index(self))

    # -- lookups -----------------------------------------------------------

    def season(self, number: int) -> Season:
        """
        The season with that number.

        Raises:
            KeyError: If there is none.
        """
        return self._index.seasons[number]

    def source(self, source_id: str) -> Source:
        """The source with that id (``KeyError`` if none)."""
        return self._index.sources[source_id]

    def person(self, person_id: str) -> Person:
        """The person with that id (``KeyError`` if none)."""
        return self._index.people[person_id]

    def organization(self, org_id: str) -> Organization:
        """The organization with that id (``KeyError`` if none)."""
        return self._index.organizations[org_id]

    def character(self, character_id: str) -> Character:
        """The character with that id (``KeyError`` if none)."""
        return self._index.characters[character_id]

    def work(self, work_id: str) -> SourceWork:
        """The work with that id (``KeyError`` if none)."""
        return self._index.works[work_id]

    # -- facts -------------------------------------------------------------

    def facts(self) -> tuple[FactRef, ...]:
        """Every fact with its place, in document order."""
        refs = self._index.refs
        return tuple(refs[i] for i in self._index.order)

    def ref(self, fact_id: str) -> FactRef:
        """The fact with that id and its place (``KeyError`` if none)."""
        return self._index.refs[fact_id]

    def fact(self, fact_id: str) -> Fact:
        """The fact with that id (``KeyError`` if none)."""
        return self._index.refs[fact_id].fact

    def superseded_by(self, fact_id: str) -> tuple[Fact, ...]:
        """The facts that supersede this one, in document order."""
        return tuple(
            self.fact(i) for i in self._index.superseded_by.get(fact_id, ())
        )

    def is_current(self, fact_id: str) -> bool:
        """
        Whether the fact holds now: neither retracted nor superseded.

        A superseded fact stays superseded even if the fact that replaced
        it is later retracted: the retraction does not bring it back.
        """
        if fact_id not in self._index.refs:
            raise KeyError(fact_id)
        return fact_id in self._index.current

    def history(self, fact_id: str) -> tuple[Fact, ...]:
        """
        What was said before: the supersede chain, oldest first.

        The chain ends with the fact itself.  A fact that supersedes
        several earlier ones has every fact they supersede, directly or
        not, before it, each once, in document order.
        """
        fact = self.fact(fact_id)
        if len(fact.supersedes) <= 1:
            chain = [fact]
            while len(chain[-1].supersedes) == 1:
                chain.append(self.fact(chain[-1].supersedes[0]))
            if not chain[-1].supersedes:
                return tuple(reversed(chain))
        seen: set[str] = set()
        todo = list(fact.supersedes)
        while todo:
            earlier = todo.pop()
            if earlier not in seen:
                seen.add(earlier)
                todo.extend(self.fact(earlier).supersedes)
        order = self._index.order
        return (*(self.fact(i) for i in order if i in seen), fact)

    def cited(self, fact: Fact) -> tuple[Source, ...]:
        """The sources a fact cites."""
        return tuple(self.source(s) for s in fact.sources)


def _find(items: tuple[H, ...], item_id: str) -> H:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _sorted_shows(shows: Iterable[Show]) -> tuple[Show, ...]:
    return tuple(sorted(shows, key=lambda s: s.id))


@attrs.frozen(kw_only=True)
class Catalog:
    """
    Several shows, with cross-show references resolved.

    Shows are kept sorted by id, whatever order they were given in.  People,
    organizations and characters with the same id in several shows are the
    same entity and must agree on their names.

    .. versionadded:: 0.1.0
    """

    shows: tuple[Show, ...] = attrs.field(converter=_sorted_shows)

    def __attrs_post_init__(self) -> None:
        problems = [
            attrs.evolve(p, file=f"<show {self.shows[i].id!r}>")
            for i, p in check_catalog(self.shows)
        ]
        if problems:
            raise InvalidDataError(problems)

    def show(self, show_id: str) -> Show:
        """The show with that id (``KeyError`` if none)."""
        return _find(self.shows, show_id)

    def related(self, show: Show) -> tuple[tuple[Relation, Show | None], ...]:
        """Each of the show's relations, with its target if in the catalog."""
        ids = {s.id: s for s in self.shows}
        return tuple(
            (r, ids.get(r.show) if r.show is not None else None)
            for r in show.relations
        )

    def __iter__(self) -> Iterator[Show]:
        return iter(self.shows)

    def __len__(self) -> int:
        return len(self.shows)


# -- invariants ---------------------------------------------------------------


def _build_index(show: Show) -> _Index:
    refs: dict[str, FactRef] = {}
    order: list[str] = []
    superseded_by: dict[str, list[str]] = {}
    for path, collection, fact in _invariants.iter_facts(show):
        season = (
            show.seasons[int(path[1])].number if path[0] == "seasons"
            else None
        )
        refs[fact.id] = FactRef(
            fact=fact, season=season, collection=collection,
            path=_paths.render(path),
        )
        order.append(fact.id)
        for earlier in fact.supersedes:
            superseded_by.setdefault(earlier, []).append(fact.id)
    return _Index(
        refs=refs,
        order=tuple(order),
        superseded_by={k: tuple(v) for k, v in superseded_by.items()},
        current=frozenset(
            fact_id for fact_id, ref in refs.items()
            if ref.fact.retracted is None and fact_id not in superseded_by
        ),
        seasons={s.number: s for s in reversed(show.seasons)},
        sources=_by_id(show.sources),
        people=_by_id(show.people),
        organizations=_by_id(show.organizations),
        characters=_by_id(show.characters),
        works=_by_id(show.works),
    )


def _by_id(items: tuple[H, ...]) -> dict[str, H]:
    """Items by id; the first of equal ids wins."""
    return {item.id: item for item in reversed(items)}


#: What :func:`check_catalog` compares across shows: each
#: ``(collection, position, id, name)``; the franchise's position is -1.
CatalogNames = tuple[tuple[str, int, str, str], ...]
_NAMED = (
    ("person", "people", "name"),
    ("organization", "organizations", "name"),
    ("character", "characters", "name"),
    ("work", "works", "title"),
)


def catalog_names(show: Show) -> CatalogNames:
    """The ids and names of a show that must agree across a catalog."""
    found = [
        (attr, j, item.id, getattr(item, field))
        for _, attr, field in _NAMED
        for j, item in enumerate(getattr(show, attr))
    ]
    if show.franchise is not None:
        found.append(("franchise", -1, show.franchise.id,
                      show.franchise.name))
    return tuple(found)


def check_catalog(shows: Sequence[Show]) -> list[tuple[int, Problem]]:
    """
    Check what must hold across shows, as ``(index, problem)`` pairs.

    ``index`` is the position in ``shows`` of the show the problem is in.
    Show ids are unique; people, organizations and characters that share
    an id share a name.
    """
    return check_catalog_names([(s.id, catalog_names(s)) for s in shows])


def check_catalog_names(
    shows: Sequence[tuple[str, CatalogNames]],
) -> list[tuple[int, Problem]]:
    """:func:`check_catalog` of each show's id and :func:`catalog_names`."""
    problems: list[tuple[int, Problem]] = []
    seen: set[str] = set()
    for index, (show_id, _) in enumerate(shows):
        if show_id in seen:
            problems.append((index, Problem(
                path="$.id",
                message=f"the show id {show_id!r} is used by another show "
                "too",
            )))
        seen.add(show_id)
    kinds = {attr: kind for kind, attr, _ in _NAMED}
    fields = {attr: field for _, attr, field in _NAMED}
    found: dict[str, list[tuple[int, Problem]]] = {
        attr: [] for attr in (*kinds, "franchise")
    }
    names: dict[str, dict[str, tuple[str, str]]] = {a: {} for a in found}
    for index, (show_id, given) in enumerate(shows):
        for attr, j, item_id, name in given:
            kept = names[attr]
            first = kept.get(item_id)
            if first is None:
                kept[item_id] = (name, show_id)
                continue
            if first[0] == name:
                continue
            if attr == "franchise":
                problem = Problem(
                    path="$.franchise.name",
                    message=f"franchise {item_id!r} is {name!r} here but "
                    f"{first[0]!r} in show {first[1]!r}: one id, one name",
                )
            else:
                problem = Problem(
                    path=f"$.{attr}[{j}].{fields[attr]}",
                    message=f"{kinds[attr]} {item_id!r} is {name!r} here "
                    f"but {first[0]!r} in show {first[1]!r}: one id, one "
                    "name",
                )
            found[attr].append((index, problem))
    for listed in found.values():
        problems.extend(listed)
    return problems
