"""JSONPath-like locations: ``$.seasons[1].cast[3].character``."""

from __future__ import annotations

import re
from collections.abc import Iterable


Path = tuple[str | int, ...]

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PART = re.compile(
    r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\['((?:[^'\\]|\\.)*)'\]"
)


def render(path: Iterable[str | int]) -> str:
    """Render a path as ``$.a[0].b``; odd keys as ``['odd key']``."""
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _NAME.match(part):
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out.append(f"['{escaped}']")
    return "".join(out)


def parse(text: str) -> Path:
    """Parse what :func:`render` writes back into a tuple."""
    if not text.startswith("$"):
        return ()
    parts: list[str | int] = []
    pos = 1
    while pos < len(text):
        match = _PART.match(text, pos)
        if match is None:
            break
        name, index, quoted = match.groups()
        if name is not None:
            parts.append(name)
        elif index is not None:
            parts.append(int(index))
        else:
            parts.append(re.sub(r"\\(.)", r"\1", quoted))
        pos = match.end()
    return tuple(parts)
