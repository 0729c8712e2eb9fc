"""
Code with typos that a type checker must catch.

tests/test_typing.py checks it with ``mypy --strict``.  Each line that
must be an error ends with ``# error``; every other line must pass.
"""

from __future__ import annotations

import datetime as dt

import showfacts
from showfacts import feeds, loading, news
from showfacts.iris import Site


def good(show: showfacts.Show, site: Site) -> None:
    """Right values: no errors."""
    showfacts.Milestone(id="a", kind="premiere", certainty="confirmed",
                        date="2026-07")
    showfacts.Milestone(id="a", kind=showfacts.MilestoneKind.PREMIERE,
                        certainty=showfacts.Certainty.CONFIRMED,
                        date=dt.date(2026, 7, 1))
    showfacts.StatusFact(id="s", status="returning", certainty="reported")
    showfacts.CastCredit(id="c", person="p", certainty="rumored",
                         billing="recurring", status="new")
    loading.dumps(show, "toml")
    feed = news.build_feed(show, site, "atom", min_certainty="reported")
    feeds.render(feed, "json")
    showfacts.replace_fact(show, "a", certainty="confirmed")


def bad(show: showfacts.Show, site: Site) -> None:
    """Typos: one error each."""
    showfacts.Milestone(id="a", kind="premeire", certainty="confirmed")  # error
    showfacts.Milestone(id="a", kind="premiere", certainty="confimed")  # error
    showfacts.StatusFact(id="s", status="renewed", certainty="reported")  # error
    showfacts.CastCredit(id="c", person="p", certainty="rumored", billing="lead")  # error
    showfacts.Milestone(id="a", kind="premiere", certainty="confirmed", date=2026)  # error
    loading.dumps(show, "yml")  # error
    feed = news.build_feed(show, site, "rss2")  # error
    feeds.render(feed, "jsonfeed")  # error
