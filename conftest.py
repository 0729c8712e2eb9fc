r"""
Docs are tests: every code block in the docs and every docstring example.

Sybil collects, when ``pytest`` runs from the top of the repository:

* ``README.md`` and every page in ``docs/`` (Markdown), and
* every ``>>>`` example in the docstrings of ``src/showfacts``.

What happens to a fenced code block depends on its info string, the words
after the opening fence.  The first word is the language; the others are
options.  Every block must have a language this file knows, so that no
block can go unchecked by accident:

=====================  ======================================================
info string            what the tests do
=====================  ======================================================
``python``             run it; ``>>>`` blocks are doctests (ELLIPSIS on)
``console``            run each ``$ `` line with bash (``pipefail``) in the
                       page's scratch folder, where ``showfacts`` and
                       ``python`` are this interpreter's; a line ending with
                       ``\`` continues on the next; every command must exit
                       0 (write ``|| echo "exit status $?"`` to show a
                       failure); lines after a command are its expected
                       output (standard output and error together, ``...``
                       matches anything), and a command shown without
                       output may print anything
``yaml``, ``json``,    parse it; with ``showfacts``, load it as a show file,
``toml``               which must be valid; with ``workflow`` (a CI
                       workflow), every ``showfacts`` command its ``run``
                       steps hold must be accepted by the command line
``jinja``,             compile it with the showfacts Jinja2 filters
``html+jinja``         installed (an unknown filter fails)
``django``,            compile it with the showfacts Django tag library (an
``html+django``        unknown tag, filter or option fails)
``html``               parse it with html5lib in strict mode
``sh``                 check its syntax with ``bash -n``; not run: these
                       are commands that install things or never end
``text``               nothing: output samples and patterns, not code
``{directive}``        nothing here: MyST directives, checked by the docs
                       build (``tests/test_docs.py``)
=====================  ======================================================

Options, on any block but ``console``, ``python`` without options, and
``text``:

* ``file=PATH`` writes the block to ``PATH`` in the scratch folder (after
  checking it), so later blocks and commands can use it;
* ``append=PATH`` appends the block to ``PATH`` first; with ``showfacts``,
  the whole file is then loaded, so each step of a file built in pieces
  must leave it valid;
* ``python file=PATH`` compiles the code and writes it, without running
  it here (a command runs it).

Each page gets its own scratch folder, the current directory while its
blocks run, holding copies of ``examples/``, ``schemas/`` and the diff
fixtures of ``tests/data/diff/``: what a reader has in a clone of the
repository.  Docstring examples run from the top of the repository.

Sybil's ``<!-- skip: next "reason" -->`` comments skip a block; the
namespace has ``installed(name)`` for conditions, as in
``<!-- skip: start if(not installed("flask"), reason="...") -->``.
"""

# ruff: noqa: PLC0415 - each kind of block imports the tools it needs

from __future__ import annotations

import atexit
import doctest
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

import attrs
from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection


ROOT = pathlib.Path(__file__).resolve().parent

#: A local docs build is not documentation to test.
collect_ignore = ["docs/_build"]

#: What each page's scratch folder holds: copies of these.
SCRATCH_COPIES = ("examples", "schemas", "tests/data/diff")

#: No command shown in the docs may run longer than this.
COMMAND_LIMIT = 600

OPTIONFLAGS = doctest.ELLIPSIS

_SHOW_FORMATS = {"yaml": "yaml", "json": "json", "toml": "toml"}


@attrs.frozen
class Block:
    """A fenced code block: its language, options and text."""

    language: str
    flags: frozenset[str]
    options: dict[str, str]
    source: str
    info: str


def _block(info: str, source: str) -> Block:
    words = info.split()
    flags = set()
    options = {}
    for word in words[1:]:
        key, equals, value = word.partition("=")
        if equals:
            options[key] = value
        else:
            flags.add(word)
    return Block(language=words[0] if words else "", flags=frozenset(flags),
                 options=options, source=source, info=info)


# -- the scratch folder -------------------------------------------------------


def _shims() -> pathlib.Path:
    """A folder with ``showfacts``, ``python`` and ``python3`` commands."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="showfacts-docs-bin-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, command in (
        ("showfacts", f'exec "{sys.executable}" -m showfacts "$@"'),
        ("python", f'exec "{sys.executable}" "$@"'),
        ("python3", f'exec "{sys.executable}" "$@"'),
    ):
        script = folder / name
        script.write_text(f"#!/bin/sh\n{command}\n", encoding="utf-8")
        script.chmod(0o755)
    return folder


_SHIMS: list[pathlib.Path] = []


def _environment() -> dict[str, str]:
    if not _SHIMS:
        _SHIMS.append(_shims())
    env = dict(os.environ)
    env["PATH"] = f"{_SHIMS[0]}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "80"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _setup_scratch(namespace: dict[str, Any]) -> None:
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="showfacts-docs-"))
    for relative in SCRATCH_COPIES:
        shutil.copytree(ROOT / relative, scratch / relative)
    namespace["__scratch__"] = scratch
    namespace["__cwd__"] = pathlib.Path.cwd()
    namespace["installed"] = _installed
    os.chdir(scratch)


def _teardown_scratch(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["__cwd__"])
    shutil.rmtree(namespace["__scratch__"], ignore_errors=True)


def _setup_root(namespace: dict[str, Any]) -> None:
    namespace["__cwd__"] = pathlib.Path.cwd()
    os.chdir(ROOT)


def _teardown_root(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["__cwd__"])


def _place(namespace: dict[str, Any], relative: str) -> pathlib.Path:
    """A path inside the page's scratch folder."""
    scratch: pathlib.Path = namespace["__scratch__"]
    path = (scratch / relative).resolve()
    if scratch.resolve() not in path.parents:
        msg = f"{relative!r} is outside the scratch folder"
        raise ValueError(msg)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# -- evaluators ---------------------------------------------------------------


def _commands(source: str) -> list[tuple[str, list[str]]]:
    """The ``$ `` commands of a console block, each with its output."""
    commands: list[tuple[str, list[str]]] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command += "\n" + lines[i]
            commands.append((command, []))
        elif commands:
            commands[-1][1].append(line)
        elif line.strip():
            msg = f"a console block starts with a '$ ' command, not {line!r}"
            raise ValueError(msg)
        i += 1
    if not commands:
        msg = "a console block has at least one '$ ' command"
        raise ValueError(msg)
    return commands


def _console(block: Block, namespace: dict[str, Any]) -> None:
    checker = doctest.OutputChecker()
    for command, shown in _commands(block.source):
        done = subprocess.run(  # noqa: S603 - commands written in our docs
            ["bash", "-o", "pipefail", "-c", command],  # noqa: S607
            cwd=namespace["__scratch__"], env=_environment(),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            timeout=COMMAND_LIMIT, check=False,
        )
        got = done.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
        got = "\n".join(line.rstrip() for line in got.splitlines())
        if done.returncode != 0:
            msg = (f"$ {command}\nexited with status {done.returncode}:\n"
                   f"{got}")
            raise AssertionError(msg)
        while shown and not shown[-1].strip():
            shown.pop()
        if not shown:
            continue
        want = "\n".join(line.rstrip() for line in shown) + "\n"
        if not checker.check_output(want, got + "\n", OPTIONFLAGS):
            msg = f"$ {command}\nexpected:\n{want}got:\n{got}\n"
            raise AssertionError(msg)


def _parse_data(block: Block) -> None:
    text = block.source
    if block.language == "yaml":
        import yaml

        list(yaml.safe_load_all(text))
    elif block.language == "json":
        json.loads(text)
    else:
        try:
            import tomllib
        except ImportError:  # Python 3.10
            import tomli as tomllib

        tomllib.loads(text)


def _workflow(block: Block) -> None:
    """Every ``showfacts`` command a CI workflow runs must parse."""
    import yaml

    from showfacts.cli import build_parser

    workflow = yaml.safe_load(block.source)
    runs = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "run" in step
    ]
    commands = [line.strip() for run in runs for line in run.splitlines()
                if line.strip().startswith("showfacts ")]
    if not commands:
        msg = "a workflow block runs no showfacts command"
        raise AssertionError(msg)
    parser = build_parser()
    refused = [c for c in commands if not _parses(parser, c)]
    if refused:
        msg = f"not valid showfacts commands: {refused}"
        raise AssertionError(msg)


def _parses(parser: Any, command: str) -> bool:
    import shlex

    try:
        parser.parse_args(shlex.split(command)[1:])
    except SystemExit:
        return False
    return True


def _data(block: Block, namespace: dict[str, Any]) -> None:
    import showfacts

    _parse_data(block)
    if "workflow" in block.flags:
        _workflow(block)
    target = block.options.get("file") or block.options.get("append")
    if target is None:
        if "showfacts" in block.flags:
            showfacts.loads(block.source, _SHOW_FORMATS[block.language],
                            name="<docs>")
        return
    path = _place(namespace, target)
    mode = "a" if "append" in block.options else "w"
    with path.open(mode, encoding="utf-8") as handle:
        handle.write(block.source)
    if "showfacts" in block.flags:
        showfacts.load(path)


def _jinja(block: Block, namespace: dict[str, Any]) -> None:
    import jinja2

    from showfacts.jinja2 import install

    environment = jinja2.Environment(autoescape=True)
    install(environment)
    environment.parse(block.source)
    environment.compile(block.source)
    _write(block, namespace)


def _django(block: Block, namespace: dict[str, Any]) -> None:
    from django.template import Engine

    engine = Engine(libraries={
        "showfacts": "showfacts.django.templatetags.showfacts",
    })
    engine.from_string(block.source)
    _write(block, namespace)


def _html(block: Block, namespace: dict[str, Any]) -> None:
    import html5lib

    parser = html5lib.HTMLParser(strict=True)
    if block.source.lstrip().lower().startswith("<!doctype"):
        parser.parse(block.source)
    else:
        parser.parseFragment(block.source)
    _write(block, namespace)


def _python_file(block: Block, namespace: dict[str, Any]) -> None:
    compile(block.source, block.options.get("file", "<docs>"), "exec")
    _write(block, namespace)


def _sh(block: Block, namespace: dict[str, Any]) -> None:  # noqa: ARG001
    done = subprocess.run(
        ["bash", "-n"], input=block.source.encode("utf-8"),  # noqa: S607
        capture_output=True, check=False,
    )
    if done.returncode != 0:
        raise AssertionError(done.stderr.decode("utf-8", "replace"))


def _write(block: Block, namespace: dict[str, Any]) -> None:
    if "file" in block.options:
        path = _place(namespace, block.options["file"])
        path.write_text(block.source, encoding="utf-8")


_EVALUATORS: dict[str, Callable[[Block, dict[str, Any]], None]] = {
    "console": _console,
    "yaml": _data,
    "json": _data,
    "toml": _data,
    "jinja": _jinja,
    "html+jinja": _jinja,
    "django": _django,
    "html+django": _django,
    "html": _html,
    "sh": _sh,
    "python": _python_file,
}

#: Languages of blocks that are not code, and so are not run.
NOT_CODE = frozenset({"text"})

_KNOWN_OPTIONS = frozenset({"file", "append"})
_KNOWN_FLAGS = frozenset({"showfacts", "workflow"})


def _evaluate(example: Example) -> None:
    block: Block = example.parsed
    namespace = example.namespace
    unknown = (set(block.options) - _KNOWN_OPTIONS) | (
        set(block.flags) - _KNOWN_FLAGS
    )
    if unknown:
        msg = (f"unknown option {sorted(unknown)} in ```{block.info}; "
               "see conftest.py")
        raise ValueError(msg)
    if "showfacts" in block.flags and block.language not in _SHOW_FORMATS:
        msg = f"only yaml, json and toml blocks are show files: {block.info}"
        raise ValueError(msg)
    if block.language == "console" and (block.options or block.flags):
        msg = f"console blocks take no options: {block.info}"
        raise ValueError(msg)
    evaluator = _EVALUATORS.get(block.language)
    if evaluator is None:
        known = ", ".join(sorted({*_EVALUATORS, *NOT_CODE}))
        msg = (f"a code block needs a language the tests know ({known}), "
               f"not {block.info!r}; see conftest.py")
        raise ValueError(msg)
    evaluator(block, namespace)


class CodeBlocks:
    """Every fenced block that is not plain ``python``, checked by language."""

    def __init__(self) -> None:
        self.lexer = RawFencedCodeBlockLexer(
            info_pattern=re.compile(r"(?P<info>[^\n]*)\n"),
        )

    def __call__(self, document: Document) -> list[Region]:
        """The regions of the document's blocks, each with its check."""
        regions = []
        for region in self.lexer(document):
            info = region.lexemes["info"].strip()
            if info == "python" or info.startswith("{"):
                continue
            block = _block(info, str(region.lexemes["source"]))
            if block.language in NOT_CODE:
                continue
            region.parsed = block
            region.evaluator = _evaluate
            regions.append(region)
        return regions


def _markdown(path: str, **kwargs: Any) -> Sybil:
    return Sybil(
        parsers=[
            PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
            SkipParser(),
            CodeBlocks(),
        ],
        path=path,
        setup=_setup_scratch,
        teardown=_teardown_scratch,
        **kwargs,
    )


pytest_collect_file = SybilCollection((
    _markdown("docs", patterns=["*.md"], excludes=["_build/*"],
              name="docs"),
    _markdown(".", patterns=["README.md"], excludes=["*/*"],
              name="readme"),
    Sybil(
        parsers=[DocTestParser(optionflags=OPTIONFLAGS)],
        path="src",
        patterns=["*.py"],
        setup=_setup_root,
        teardown=_teardown_root,
        name="docstrings",
    ),
)).pytest()
