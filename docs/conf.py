# ruff: noqa: INP001 - Sphinx loads this file by path
"""
Sphinx configuration of the showfacts documentation.

Build it with warnings as errors, as CI does::

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

from importlib.metadata import version as _version



project = "showfacts"
author = "the showfacts developers"
copyright = "the showfacts developers"  # noqa: A001 - Sphinx's name
release = _version("showfacts")
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: Markdown pages; headings get anchors so pages can link to
# sections (`concepts.md#certainty`).
myst_heading_anchors = 3

# autodoc and napoleon: our docstrings are Google style.
autodoc_default_options = {
    "members": True,
    "member-order": "bysource",
    "show-inheritance": True,
}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# Built-in theme, no extra dependency; no build date, so the same sources
# give the same pages.
html_theme = "alabaster"
html_title = "showfacts"
html_last_updated_fmt: str | None = None
html_theme_options = {
    "description": "Typed, sourced TV-show facts, published honestly.",
    "fixed_sidebar": False,
}
html_show_sourcelink = False
