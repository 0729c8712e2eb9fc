"""
The site's configuration: ``showfacts.toml`` at the catalog's root.

Every key is optional; an option on the command line wins over the file.

.. code-block:: toml

    title = "TV facts"
    base_url = "https://example.org/tv/"
    language = "en"
    theme = "theme"                 # a folder, relative to this file
    include = ["shows/**"]          # which files are shows (glob patterns,
    exclude = ["shows/drafts/**"]   # relative to this file's folder)
    feeds = ["rss", "atom"]         # the feed formats (default: all three)
    per_page = 100                  # shows per page of the index

``base_url`` is where the site is published: without one (here or in
``--base-url``), ``showfacts build`` makes a preview that leaves out what
needs an absolute address.  Patterns are matched against each show file's
path relative to the folder that holds ``showfacts.toml``, with ``/``
between folders; ``**`` matches any number of folders.
"""

from __future__ import annotations

import pathlib
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from showfacts._discovery import matches
from showfacts.exceptions import InputError
from showfacts.iris import Site
from showfacts.loading import SITE_CONFIG


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


__all__ = ["CONFIG_FILE", "SiteConfig", "find_config", "load_config"]

#: The name of the configuration file at a catalog's root.
CONFIG_FILE = SITE_CONFIG

_KEYS = ("title", "base_url", "language", "theme", "include", "exclude",
         "feeds", "per_page")
#: The feed formats a site can publish.
_FEEDS = ("rss", "atom", "json")


@attrs.frozen(kw_only=True)
class SiteConfig:
    """
    What ``showfacts.toml`` says; ``None`` (or empty) where it is silent.

    Attributes:
        root: The folder that holds the file; patterns and the theme are
            relative to it.
        title: The site's name.
        base_url: The absolute URL the site is published at.
        language: The pages' language, as a BCP 47 tag ("en", "de-CH").
        theme: A theme folder that overrides templates and static files.
        include: Glob patterns of the show files (all of them when empty).
        exclude: Glob patterns of files that are not shows.
        feeds: The feed formats to publish (all when ``None``).
        per_page: Shows per page of the index (all on one when ``None``).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``feeds`` and ``per_page``.
    """

    root: pathlib.Path = pathlib.Path()
    title: str | None = None
    base_url: str | None = None
    language: str | None = None
    theme: pathlib.Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    feeds: tuple[str, ...] | None = None
    per_page: int | None = None

    def selects(self, file: pathlib.Path) -> bool:
        """Whether a file under :attr:`root` is a show by the patterns."""
        if not self.include and not self.exclude:
            return True
        try:
            relative = file.resolve().relative_to(self.root.resolve())
        except ValueError:
            return True
        path = relative.as_posix()
        if self.include and not matches(path, self.include):
            return False
        return not matches(path, self.exclude)



def _text(data: dict[str, Any], key: str, file: pathlib.Path) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{file}: {key} must be a non-empty string")
    return value


def _patterns(data: dict[str, Any], key: str,
              file: pathlib.Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(p, str) and p for p in value
    ):
        raise InputError(
            f"{file}: {key} must be a list of glob patterns (strings)"
        )
    return tuple(value)


def _feeds(data: dict[str, Any],
           file: pathlib.Path) -> tuple[str, ...] | None:
    value = data.get("feeds")
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(f, str) and f in _FEEDS for f in value
    ):
        raise InputError(
            f"{file}: feeds must be a list of feed formats, of "
            + ", ".join(repr(f) for f in _FEEDS)
        )
    return tuple(value)


def _positive(data: dict[str, Any], key: str,
              file: pathlib.Path) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{file}: {key} must be a whole number above 0")
    return value


def load_config(file: str | pathlib.Path) -> SiteConfig:
    """
    Read a ``showfacts.toml``.

    Raises:
        InputError: If the file cannot be read, is not TOML, or has an
            unknown key or a value of the wrong kind.

    .. versionadded:: 0.1.0
    """
    path = pathlib.Path(file)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") \
            from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a TOML file ({exc})") from None
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise InputError(
            f"{path}: unknown key {unknown[0]!r}; the keys are "
            + ", ".join(_KEYS)
        )
    base_url = _text(data, "base_url", path)
    if base_url is not None:
        try:
            base_url = Site(base_url).base
        except InputError as exc:
            raise InputError(f"{path}: base_url: {exc}") from None
    theme = _text(data, "theme", path)
    return SiteConfig(
        root=path.parent,
        title=_text(data, "title", path),
        base_url=base_url,
        language=_text(data, "language", path),
        theme=path.parent / theme if theme is not None else None,
        include=_patterns(data, "include", path),
        exclude=_patterns(data, "exclude", path),
        feeds=_feeds(data, path),
        per_page=_positive(data, "per_page", path),
    )


def find_config(paths: Iterable[str | pathlib.Path]) -> SiteConfig | None:
    """
    The ``showfacts.toml`` of a catalog, if it has one.

    A catalog given as one folder has its configuration in that folder;
    files and several folders have none.

    .. versionadded:: 0.1.0
    """
    roots: Sequence[str | pathlib.Path] = list(paths)
    if len(roots) != 1:
        return None
    root = pathlib.Path(roots[0])
    file = root / CONFIG_FILE
    if root.is_dir() and file.is_file():
        return load_config(file)
    return None
