"""``showfacts completion SHELL``: a tab-completion script for a shell."""

from __future__ import annotations

import argparse

from showfacts._commands._common import (
    EXIT_OK,
    Commands,
    add_command,
    add_output,
    examples,
    write_output,
)


#: The shells a script can be written for.
SHELLS = ("bash", "zsh", "tcsh")


def run(args: argparse.Namespace) -> int:
    """Write the script, generated from the parser of every command."""
    import shtab  # noqa: PLC0415 - only this command needs it

    from showfacts.cli import build_parser  # noqa: PLC0415 - a cycle

    script = shtab.complete(build_parser(), shell=args.shell)
    write_output(script if script.endswith("\n") else script + "\n",
                 args.output)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add ``completion``."""
    parser = add_command(
        commands, "completion",
        help="print a tab-completion script for bash, zsh or tcsh",
        description="Print a script that completes showfacts commands, "
        "options, their choices and file names when Tab is pressed.  The "
        "script is static: it knows this version's commands, so write it "
        "again after an upgrade.",
        epilog=examples(
            "showfacts completion bash > "
            "~/.local/share/bash-completion/completions/showfacts",
            "showfacts completion zsh > ~/.zfunc/_showfacts   "
            "# with fpath+=(~/.zfunc) before compinit",
            'eval "$(showfacts completion bash)"   # this shell only',
        ),
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL",
                        help="bash, zsh or tcsh")
    add_output(parser)
    parser.set_defaults(handler=run)
