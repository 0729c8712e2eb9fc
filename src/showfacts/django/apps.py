"""The Django app that provides the ``showfacts`` template tag library."""

from __future__ import annotations

from django.apps import AppConfig  # type: ignore[import-untyped]


class ShowfactsConfig(AppConfig):  # type: ignore[misc]
    """
    ``showfacts.django``, known to Django by the label ``showfacts``.

    .. versionadded:: 0.1.0
    """

    name = "showfacts.django"
    label = "showfacts"
    verbose_name = "showfacts"
