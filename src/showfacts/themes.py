"""
Themes: the Jinja2 templates and static files of the static site.

A theme is a folder with ``templates/`` and ``static/``.  The default theme
ships in the package (``showfacts/theme/``); a theme of your own needs only
the files it changes, and every other file comes from the default::

    my-theme/
        templates/show.html     # replaces the show page
        static/style.css        # replaces the stylesheet
        static/logo.svg         # an extra file, copied to the site's root

The templates are rendered with autoescaping on: every text from a show
file is escaped, and the HTML showfacts builds (the JSON-LD script tag and
the fact card of :mod:`showfacts.markup`, timeline entries) comes in as
:class:`markupsafe.Markup`.  ``docs/site.md`` lists the templates and what
each one is given.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Iterator
from typing import Any

import jinja2

from showfacts.exceptions import InputError


__all__ = ["DEFAULT_THEME", "Theme"]

#: The default theme's folder, inside the package.
DEFAULT_THEME = pathlib.Path(__file__).parent / "theme"


class Theme:
    """
    A theme folder over the default theme.

    Args:
        folder: The theme's folder, or ``None`` for the default theme.

    Raises:
        InputError: If ``folder`` is not a folder.

    .. versionadded:: 0.1.0
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folders = [DEFAULT_THEME]
        if folder is not None:
            path = pathlib.Path(folder)
            if not path.is_dir():
                raise InputError(f"{path}: the theme is not a folder")
            self.folders.insert(0, path)
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(
                [str(f / "templates") for f in self.folders]
            ),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def render(self, template: str, context: dict[str, Any]) -> str:
        """
        Render one template.

        Raises:
            InputError: If a theme's template is missing or broken.
        """
        try:
            return self.environment.get_template(template).render(context)
        except jinja2.TemplateError as exc:
            where = getattr(exc, "filename", None) or template
            line = getattr(exc, "lineno", None)
            at = f"{where}:{line}" if line else where
            raise InputError(f"{at}: template error: {exc}") from None

    def static_files(self) -> Iterator[tuple[str, pathlib.Path]]:
        """
        Every static file as (its path in the site, the file), sorted.

        A file of the theme replaces the default theme's file of the same
        path.
        """
        found: dict[str, pathlib.Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if not static.is_dir():
                continue
            for path in static.rglob("*"):
                relative = path.relative_to(static)
                if path.is_file() and not any(
                    part.startswith(".") for part in relative.parts
                ):
                    found[relative.as_posix()] = path
        yield from sorted(found.items())
