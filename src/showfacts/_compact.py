"""
Per-show bookkeeping small enough for catalogs of any size.

``showfacts jsonld --ndjson`` streams one show at a time, but it still has
to know every file's name (to read them in a stable order) and every show
id it has seen (to refuse a duplicate).  As Python objects that is about
half a kilobyte a show: 50 MB for 100,000 shows, more than the rest of
the command needs.  These two classes keep the same answers in a few bytes
a show.
"""

from __future__ import annotations

import array
import hashlib
from collections.abc import Iterable, Iterator


class SortedNames:
    """
    Distinct strings in sorted order, front-coded in one string.

    Sorted file names share long prefixes (their folders, most of their
    names): each is kept as the length it shares with the one before and
    the rest, so 100,000 names take about 1 MB.  Strings must not contain
    NUL, which no file name does.
    """

    __slots__ = ("_count", "_data")

    def __init__(self, names: Iterable[str]) -> None:
        # Joined as it goes: a list of every part would cost what the
        # names themselves cost.
        chunks: list[str] = []
        parts: list[str] = []
        previous = ""
        count = 0
        for name in sorted(names):
            if count and name == previous:
                continue
            shared = 0
            limit = min(len(previous), len(name))
            while shared < limit and previous[shared] == name[shared]:
                shared += 1
            parts.append(f"{shared}\0{name[shared:]}\0")
            if len(parts) == 1024:
                chunks.append("".join(parts))
                parts.clear()
            previous = name
            count += 1
        chunks.append("".join(parts))
        self._data = "".join(chunks)
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        data = self._data
        name = ""
        at = 0
        while at < len(data):
            mid = data.index("\0", at)
            end = data.index("\0", mid + 1)
            name = name[:int(data[at:mid])] + data[mid + 1:end]
            yield name
            at = end + 1


class DigestSet:
    """
    A set of strings kept as their 64-bit digests: 16 to 32 bytes each.

    :meth:`add` says whether a string's digest was new.  Two different
    strings share a digest with a chance of about one in 10^19 per pair;
    a caller that must be exact confirms a repeat another way (it is rare:
    repeats are what it is looking for).
    """

    __slots__ = ("_mask", "_slots", "_used")

    def __init__(self) -> None:
        self._slots = array.array("Q", bytes(8 * 1024))
        self._mask = 1023
        self._used = 0

    def __len__(self) -> int:
        return self._used

    @staticmethod
    def _digest(text: str) -> int:
        value = int.from_bytes(hashlib.blake2b(
            text.encode("utf-8", "surrogatepass"), digest_size=8
        ).digest(), "little")
        return value or 1  # 0 marks an empty slot

    def add(self, text: str) -> bool:
        """Add ``text``; whether its digest was not in the set yet."""
        if self._insert(self._digest(text)):
            self._used += 1
            if self._used * 2 > len(self._slots):
                self._grow()
            return True
        return False

    def _insert(self, digest: int) -> bool:
        slots, mask = self._slots, self._mask
        at = digest & mask
        while True:
            found = slots[at]
            if found == 0:
                slots[at] = digest
                return True
            if found == digest:
                return False
            at = (at + 1) & mask

    def _grow(self) -> None:
        old = self._slots
        self._slots = array.array("Q", bytes(16 * len(old)))
        self._mask = len(self._slots) - 1
        for digest in old:
            if digest:
                self._insert(digest)
