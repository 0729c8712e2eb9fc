"""``showfacts serve SRC...``: build, serve and rebuild a preview."""

from __future__ import annotations

import argparse
import sys

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    add_limits,
    examples,
    whole_number,
)
from showfacts._commands.build import add_site_options, site_options


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from showfacts.serve import Preview  # noqa: PLC0415

    site_options(args)  # a bad showfacts.toml stops here, exit 2
    with Preview(args.paths, port=args.port,
                 options=lambda: site_options(args)) as preview:
        print(f"serving {preview.url} (Ctrl-C stops); "  # noqa: T201
              "rebuilding when show files change", flush=True)
        try:
            preview.serve_forever()
        except KeyboardInterrupt:
            print(file=sys.stderr)  # noqa: T201
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``serve``."""
    parser = add_command(
        commands, "serve",
        help="preview the site on 127.0.0.1, rebuilt on every change",
        description="Build the static site into a temporary folder and "
        "serve it on 127.0.0.1 with its own address as the base URL, so "
        "every page, feed and sitemap is there.  When a show file, the "
        "theme or showfacts.toml changes, the site is rebuilt and open "
        "pages reload.  A build that fails keeps the last good one.",
        epilog=examples(
            "showfacts serve examples          # http://127.0.0.1:8000/",
            "showfacts serve data/ --port 0    # any free port",
            "showfacts serve data/ --theme my-theme",
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="SRC",
                        help="show files or folders")
    parser.add_argument("--port", type=whole_number("a port", 0),
                        default=8000,
                        help="the port (default: 8000; 0 picks a free one)")
    add_site_options(parser, base_url=False)
    add_limits(parser)
    parser.set_defaults(handler=run)
