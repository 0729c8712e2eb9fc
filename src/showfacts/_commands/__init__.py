"""
The subcommands of ``showfacts``, one module each.

Each module has ``register(commands)``, which adds its parser and sets
``handler`` to a function ``(args) -> exit status``.  Handlers raise
:class:`~showfacts.exceptions.ShowfactsError` for problems; the main
function turns those into messages and exit statuses.
"""

from __future__ import annotations

from showfacts._commands import (
    build,
    calendar,
    completion,
    diff,
    feed,
    html,
    importing,
    jsonld,
    lint,
    new,
    schema,
    serve,
    validate,
)


#: In the order ``showfacts --help`` lists them: the main job first.
MODULES = (
    build, serve, validate, lint, new, importing, jsonld, html, feed,
    calendar, diff, schema, completion,
)
