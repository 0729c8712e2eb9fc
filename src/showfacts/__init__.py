"""
showfacts: typed, sourced facts about TV shows, published honestly.

Load a show file, ask what is current, and publish it::

    import showfacts

    show = showfacts.load("examples/ballard.yaml")
    season = showfacts.current(show).season(2)
    season.premiere.date.label()   # 'summer or fall 2026 (mid-to-late 2026)'
    season.premiere.certainty      # Certainty.EXPECTED
"""

from __future__ import annotations

from showfacts.dates import FuzzyDate, Hemisphere, Precision
from showfacts.editing import replace_fact
from showfacts.exceptions import (
    InputError,
    InvalidDataError,
    OutputError,
    Problem,
    RenderError,
    ShowfactsError,
)
from showfacts.loading import (
    Limits,
    dump,
    dumps,
    from_dict,
    load,
    load_catalog,
    loads,
    to_dict,
    validate,
)
from showfacts.models import (
    Adaptation,
    AdditionalCast,
    Attribution,
    Award,
    AwardOutcome,
    Billing,
    CastCredit,
    CastStatus,
    Catalog,
    Certainty,
    Character,
    CrewCredit,
    CrewRole,
    CrewShare,
    CrewStatus,
    Episode,
    ExternalIds,
    Fact,
    FactRef,
    Franchise,
    Milestone,
    MilestoneKind,
    Organization,
    OrgKind,
    Person,
    Relation,
    RelationKind,
    ReleasePattern,
    ReleasePlan,
    Retraction,
    Season,
    Show,
    ShowFormat,
    ShowStatus,
    Source,
    SourceWork,
    StatusFact,
    Tease,
    Weekday,
    WorkKind,
)
from showfacts.views import SeasonView, ShowView, current


__all__ = [
    "Adaptation",
    "AdditionalCast",
    "Attribution",
    "Award",
    "AwardOutcome",
    "Billing",
    "CastCredit",
    "CastStatus",
    "Catalog",
    "Certainty",
    "Character",
    "CrewCredit",
    "CrewRole",
    "CrewShare",
    "CrewStatus",
    "Episode",
    "ExternalIds",
    "Fact",
    "FactRef",
    "Franchise",
    "FuzzyDate",
    "Hemisphere",
    "InputError",
    "InvalidDataError",
    "Limits",
    "Milestone",
    "MilestoneKind",
    "OrgKind",
    "Organization",
    "OutputError",
    "Person",
    "Precision",
    "Problem",
    "Relation",
    "RelationKind",
    "ReleasePattern",
    "ReleasePlan",
    "RenderError",
    "Retraction",
    "Season",
    "SeasonView",
    "Show",
    "ShowFormat",
    "ShowStatus",
    "ShowView",
    "ShowfactsError",
    "Source",
    "SourceWork",
    "StatusFact",
    "Tease",
    "Weekday",
    "WorkKind",
    "current",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_catalog",
    "loads",
    "replace_fact",
    "to_dict",
    "validate",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("showfacts")
    msg = f"module 'showfacts' has no attribute {name!r}"
    raise AttributeError(msg)
