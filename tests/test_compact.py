"""The compact bookkeeping that keeps `jsonld --ndjson` in flat memory."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from showfacts._compact import DigestSet, SortedNames


names = st.lists(st.text(st.characters(blacklist_characters="\0"),
                         max_size=30))


@given(names)
def test_sorted_names_are_the_sorted_distinct_names(values):
    """Front coding gives back exactly ``sorted(set(values))``."""
    kept = SortedNames(values)
    assert sorted(set(values)) == list(kept)
    assert len(set(values)) == len(kept)
    # Iterating twice gives the same names.
    assert list(kept) == list(kept)


def test_sorted_names_of_a_big_folder_are_small():
    """100,000 file names in one folder take about a megabyte."""
    files = [f"catalog/shows/show-{i:06d}.json" for i in range(100_000)]
    kept = SortedNames(reversed(files))
    assert files == list(kept)
    assert len(kept._data) < 1_200_000


@given(st.lists(st.text(max_size=20)))
def test_digest_set_answers_like_a_set(values):
    """add() is True exactly the first time a string comes."""
    seen = DigestSet()
    plain: set[str] = set()
    for value in values:
        assert (value not in plain) == seen.add(value)
        plain.add(value)
    assert len(plain) == len(seen)


def test_digest_set_keeps_its_members_as_it_grows():
    """Growing the table keeps every member."""
    seen = DigestSet()
    ids = [f"show-{i}" for i in range(20_000)]
    assert all(seen.add(i) for i in ids)
    assert not any(seen.add(i) for i in ids)
    assert 20_000 == len(seen)
