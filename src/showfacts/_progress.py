"""
What ``showfacts build`` tells while it works, and when it is done.

On a terminal, one line rewritten in place::

    rendering: 1200/2000 shows, 310 shows/s, 0:04 elapsed, 0:03 left

A build checks every file, then renders them: the line says which.  At
the end, terminal or not, one line sums the build up::

    built public: 2000 shows (1999 unchanged), 14000 files in 1.2 s

The line holds numbers and the site's name only, escaped for the terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from showfacts import _text


__all__ = ["Progress", "duration", "summary"]

#: The stages of a build, in order: each starts with ``(0, total)``.
STAGES = ("checking", "rendering")
#: The least time between two redraws of the line, in seconds.
EVERY = 0.1


def duration(seconds: float) -> str:
    """A duration as ``m:ss`` (``h:mm:ss`` from an hour)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


class Progress:
    """
    A build's progress callback that draws one line on a terminal.

    Args:
        stream: Where the line goes (standard error).
        enabled: Draw at all (``--quiet`` is not); only on a terminal.
        clock: Seconds, monotonic (for tests).
    """

    def __init__(self, stream: TextIO, *, enabled: bool,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.clock = clock
        self.started = clock()
        self.stage = -1
        self.stage_started = self.started
        self.drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        """Take the news of ``done`` files of ``total``."""
        now = self.clock()
        if done == 0:
            self.stage = min(self.stage + 1, len(STAGES) - 1)
            self.stage_started = now
        if not self.enabled:
            return
        if done != total and now - self.drawn < EVERY:
            return
        self.drawn = now
        self.stream.write("\r" + self.line(done, total, now) + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def line(self, done: int, total: int, now: float) -> str:
        """The progress line, without the carriage return."""
        stage = STAGES[max(self.stage, 0)]
        spent = now - self.stage_started
        words = [f"{stage}: {done}/{total} shows"]
        if done and spent > 0:
            rate = done / spent
            words.append(f"{rate:,.0f} shows/s")
            words.append(f"{duration(now - self.started)} elapsed")
            words.append(f"{duration((total - done) / rate)} left")
        else:
            words.append(f"{duration(now - self.started)} elapsed")
        return ", ".join(words)

    def close(self) -> None:
        """End the line, if one was drawn."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False

    def elapsed(self) -> float:
        """Seconds since the build started."""
        return self.clock() - self.started


def summary(out: str, shows: int, files: int, seconds: float,
            reused: int = 0) -> str:
    """The one line that sums a build up."""
    unchanged = f" ({reused} unchanged)" if reused else ""
    return _text.terminal(
        f"built {out}: {shows} show{'' if shows == 1 else 's'}{unchanged}, "
        f"{files} file{'' if files == 1 else 's'} in {seconds:.1f} s"
    )
