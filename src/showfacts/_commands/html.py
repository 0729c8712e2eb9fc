"""``showfacts html PATH...``: print the JSON-LD script tag and fact cards."""

from __future__ import annotations

import argparse

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_base_url,
    add_command,
    add_output,
    add_paths,
    add_verbose,
    examples,
    limits,
    load_paths,
    site,
    skips,
    write_output,
)
from showfacts._commands.jsonld import add_graph_options, subject


def _nonce(text: str) -> str:
    # The card's own rule; imported only when a nonce is given (slow).
    from showfacts.markup import NONCE  # noqa: PLC0415

    if not NONCE.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"a CSP nonce is base64 text ([A-Za-z0-9+/_=-]), not {text!r}"
        )
    return text


def _heading(text: str) -> int:
    if text not in ("1", "2", "3", "4"):
        raise argparse.ArgumentTypeError(
            f"a heading level is 1, 2, 3 or 4, not {text!r}"
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Print the HTML fragment."""
    catalog = load_paths(args.paths, args.input_format, limits=limits(args),
                         on_skip=skips(args))
    from showfacts.markup import page_fragment  # noqa: PLC0415 - slow

    fragment = page_fragment(
        subject(catalog, args.season), site(args),
        claims=args.claims, spoilers=not args.no_spoilers,
        pending=args.pending, nonce=args.nonce, heading=args.heading,
    )
    write_output(fragment, args.output, most=args.max_output_bytes)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``html``."""
    parser = add_command(
        commands, "html",
        help="print the JSON-LD script tag and a fact card",
        description="Print an HTML fragment to paste into a page: a "
        "<script type=\"application/ld+json\"> element with the show's "
        "graph, escaped so that no data can end it, then an accessible "
        "fact card per show whose microdata states only what the graph "
        "states.  With --claims the card also lists what is not "
        "confirmed, saying how sure each item is.",
        epilog=examples(
            "showfacts html examples/ballard.yaml",
            "showfacts html ballard.yaml --season 2 --claims --no-spoilers",
            'showfacts html ballard.yaml --nonce "$CSP_NONCE" -o card.html',
        ),
    )
    add_paths(parser)
    add_verbose(parser, "nothing else")
    add_base_url(parser)
    add_graph_options(parser)
    parser.add_argument(
        "--nonce", type=_nonce, metavar="NONCE",
        help="a Content-Security-Policy nonce for the script element",
    )
    parser.add_argument(
        "--heading", type=_heading, default=2, metavar="LEVEL",
        help="the heading level of each card, 1 to 4 (default: 2)",
    )
    add_output(parser)
    parser.set_defaults(handler=run)
