# ruff: noqa: INP001 - Sphinx loads this file by path
"""
Generated references for the showfacts docs.

Two directives build their content from the live sources at every docs
build, so the references cannot drift from the code:

``showfacts-input-reference``
    Every field of the show file, from ``schemas/show.schema.json`` (the
    top level, then every definition in ``$defs``): its name, its type
    (linked to the definition it refers to), whether it is required, its
    description, its constraints (allowed values, patterns, bounds) and
    its examples.

``showfacts-cli-reference``
    Every command of ``showfacts``, from the parser
    :func:`showfacts.cli.build_parser` returns: its usage, description,
    arguments and options (with their choices, defaults and the options
    they cannot be combined with) and the examples of its ``--help``.

Both produce docutils nodes directly: no generated file is written, and
no text from the schema or the parser is ever parsed as markup, so nothing
in them can change the page's structure.  Every definition and command is
a section with a label (``input-<definition>``, ``cli-<command>``) that
other pages can link to with ``{ref}``.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


__all__ = ["setup"]

#: The JSON Schema keywords shown as constraints, in this order.
_BOUNDS = (
    ("minimum", "at least {}", ""),
    ("maximum", "at most {}", ""),
    ("minLength", "at least {}", "character"),
    ("maxLength", "at most {}", "character"),
    ("minItems", "at least {}", "item"),
    ("maxItems", "at most {}", "item"),
)

#: JSON Schema types, as a list's items are named.
_PLURALS = {"string": "strings", "integer": "whole numbers",
            "number": "numbers", "boolean": "booleans",
            "object": "mappings", "array": "lists"}
_SINGULARS = {"integer": "whole number", "object": "mapping",
              "array": "list"}


def _bound(words: str, unit: str, value: Any) -> str:
    text = words.format(value)
    if unit:
        text += f" {unit}" + ("" if value == 1 else "s")
    return text


def _humane(name: str) -> str:
    """``episodeNumbers`` → ``Episode numbers``."""
    spaced = "".join(f" {c.lower()}" if c.isupper() else c for c in name)
    return spaced[:1].upper() + spaced[1:]


def _text(value: str) -> nodes.Text:
    return nodes.Text(value)


def _literal(value: str) -> nodes.literal:
    return nodes.literal(value, value)


def _paragraph(*children: nodes.Node) -> nodes.paragraph:
    return nodes.paragraph("", "", *children)


def _section(document: nodes.document, label: str,
             title: str) -> nodes.section:
    """A section that other pages can link to as ``{ref}`label```."""
    section = nodes.section("", ids=[label], names=[label])
    section += nodes.title(title, title)
    document.note_explicit_target(section, section)
    return section


def _joined(parts: Sequence[list[nodes.Node]], word: str) -> list[nodes.Node]:
    """``a``, ``a or b``, ``a, b or c`` (``word`` is "or" or "and")."""
    out: list[nodes.Node] = []
    for i, part in enumerate(parts):
        if i:
            out.append(_text(f" {word} " if i == len(parts) - 1 else ", "))
        out.extend(part)
    return out


def _locate(out: list[nodes.Node], directive: SphinxDirective) -> list[
    nodes.Node
]:
    """Give every generated node the directive's place, for messages."""
    source, line = directive.get_source_info()
    for top in out:
        for node in top.findall(nodes.Element):
            if node.source is None:
                node.source = source
            if node.line is None:
                node.line = line
    return out


def _only_required(branches: Iterable[Mapping[str, Any]]) -> bool:
    """Whether ``anyOf`` branches only say which fields are required."""
    return all(set(b) == {"required"} for b in branches)


def _yaml(value: Any) -> str:
    """An example as YAML, the format show files are usually written in."""
    text: str = yaml.safe_dump(value, sort_keys=False, allow_unicode=True,
                               default_flow_style=False, width=72)
    return text.removesuffix("...\n").rstrip("\n")


# -- the input reference ------------------------------------------------------


class _Schema:
    """Renders a JSON Schema whose definitions live in ``$defs``."""

    def __init__(self, schema: Mapping[str, Any],
                 document: nodes.document) -> None:
        self.schema = schema
        self.defs: Mapping[str, Mapping[str, Any]] = schema.get("$defs", {})
        self.document = document

    @staticmethod
    def label(name: str) -> str:
        return f"input-{name.lower()}"

    def title(self, name: str) -> str:
        title = self.defs[name].get("title")
        return str(title) if title else _humane(name)

    def ref_name(self, schema: Mapping[str, Any]) -> str | None:
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return None
        prefix = "#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix):] not in self.defs:
            msg = f"the schema refers to {ref!r}, which is not in $defs"
            raise ValueError(msg)
        return ref[len(prefix):]

    def link(self, name: str) -> nodes.reference:
        title = self.title(name)
        return nodes.reference("", title, internal=True,
                               refid=self.label(name))

    # -- types ------------------------------------------------------------

    def type_of(self, schema: Mapping[str, Any]) -> list[nodes.Node]:
        """What a value is, in words, with links to definitions."""
        name = self.ref_name(schema)
        if name is not None:
            return [self.link(name)]
        for key in ("oneOf", "anyOf"):
            if key in schema and not _only_required(schema[key]):
                return _joined([self.type_of(s) for s in schema[key]], "or")
        if "enum" in schema:
            values = [[_literal(json.dumps(v))] for v in schema["enum"]]
            return [_text("one of "), *_joined(values, "or")]
        kind = schema.get("type")
        if kind == "array":
            items = schema.get("items", {})
            inner = items.get("type")
            if isinstance(inner, str) and set(items) <= {
                "type", "minLength", "pattern", "not", "minimum",
                "maximum", "maxLength",
            }:
                return [_text("list of " + _PLURALS.get(inner, inner))]
            return [_text("list of "), *self.type_of(items)]
        if isinstance(kind, list):
            return _joined([[_text(_SINGULARS.get(k, str(k)))]
                            for k in kind], "or")
        if kind is None:
            return [_text("any value")]
        return [_text(_SINGULARS.get(kind, str(kind)))]

    def constraints(self, schema: Mapping[str, Any]) -> list[nodes.Node]:
        """Patterns, bounds and uniqueness, in words."""
        parts: list[list[nodes.Node]] = []
        if "pattern" in schema:
            parts.append([_text("matches "), _literal(schema["pattern"])])
        parts.extend(
            [_text(_bound(words, unit, schema[key]))]
            for key, words, unit in _BOUNDS if key in schema
        )
        if schema.get("uniqueItems"):
            parts.append([_text("no repeated items")])
        if "default" in schema:
            parts.append([_text("default "),
                          _literal(json.dumps(schema["default"]))])
        if not parts:
            return []
        return _joined(parts, "and")

    # -- fields ------------------------------------------------------------

    def fields(self, schema: Mapping[str, Any]) -> nodes.definition_list:
        """Every property of an object schema, in schema order."""
        required = set(schema.get("required", ()))
        items = nodes.definition_list(classes=["showfacts-fields"])
        for name, prop in schema.get("properties", {}).items():
            item = nodes.definition_list_item()
            term = nodes.term("", "", _literal(name))
            item += term
            item += nodes.classifier(
                "", "required" if name in required else "optional"
            )
            item += self.field_body(prop)
            items += item
        return items

    def field_body(self, prop: Mapping[str, Any]) -> nodes.definition:
        body = nodes.definition()
        description = prop.get("description")
        target = self.ref_name(prop)
        if description is None and target is not None:
            description = self.defs[target].get("description")
        if description:
            body += _paragraph(_text(str(description)))
        body += self.details(prop)
        body.extend(self.alternatives(prop))
        if prop.get("type") == "object" and "properties" in prop:
            body += self.fields(prop)
        items = prop.get("items", {})
        if items.get("type") == "object" and "properties" in items:
            body += _paragraph(_text("Each item has:"))
            body += self.fields(items)
        body.extend(self.examples(prop, inline=False))
        return body

    def details(self, schema: Mapping[str, Any]) -> nodes.paragraph:
        """Type, constraints and simple examples, in one paragraph."""
        line = _paragraph(_text("Type: "), *self.type_of(schema),
                          _text("."))
        constraints = self.constraints(schema)
        if constraints:
            line += _text(" ")
            first = constraints[0]
            if isinstance(first, nodes.Text) and str(first):
                constraints = [_text(str(first)[0].upper()
                                     + str(first)[1:]),
                               *constraints[1:]]
            line.extend(constraints)
            line += _text(".")
        line.extend(self.examples(schema, inline=True))
        return line

    def alternatives(self, schema: Mapping[str, Any]) -> Iterator[nodes.Node]:
        """The branches of a ``oneOf``/``anyOf``, each with its fields."""
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if not branches or _only_required(branches) or all(
                "$ref" in b and len(b) == 1 for b in branches
            ):
                continue
            listing = nodes.bullet_list()
            for branch in branches:
                entry = nodes.list_item()
                if branch.get("description"):
                    entry += _paragraph(_text(str(branch["description"])))
                entry += self.details(branch)
                if "properties" in branch:
                    entry += self.fields(branch)
                    entry.extend(self.requirements(branch))
                    entry.extend(self.examples(branch, inline=False))
                listing += entry
            yield _paragraph(_text("One of:"))
            yield listing

    def requirements(self, schema: Mapping[str, Any]) -> Iterator[nodes.Node]:
        """``anyOf: [{required: [a]}, {required: [b]}]`` in words."""
        groups = [b.get("required") for b in schema.get("anyOf", ())]
        if groups and all(groups):
            alternatives = [
                _joined([[_literal(n)] for n in group], "and")
                for group in groups
            ]
            yield _paragraph(_text("Needs "), *_joined(alternatives, "or"),
                             _text("."))

    @staticmethod
    def simple(examples: Iterable[Any]) -> bool:
        """Whether the examples read well inline (no mappings)."""
        return all(
            not isinstance(e, dict)
            and not (isinstance(e, list) and any(isinstance(i, (dict, list))
                                                 for i in e))
            for e in examples
        )

    def examples(self, schema: Mapping[str, Any], *,
                 inline: bool) -> Iterator[nodes.Node]:
        """The examples: inline in a sentence, or as YAML blocks."""
        examples = list(schema.get("examples", ()))
        if not examples or self.simple(examples) != inline:
            return
        word = "Example" if len(examples) == 1 else "Examples"
        if inline:
            values = [[_literal(json.dumps(e, ensure_ascii=False))]
                      for e in examples]
            yield _text(f" {word}: ")
            yield from _joined(values, "and")
            yield _text(".")
            return
        yield _paragraph(_text(f"{word}:"))
        for example in examples:
            text = _yaml(example)
            yield nodes.literal_block(text, text, language="yaml")

    # -- sections ------------------------------------------------------------

    def top_level(self) -> nodes.section:
        schema = self.schema
        section = _section(self.document, "input-show-file",
                           str(schema.get("title", "Show file")))
        if schema.get("description"):
            section += _paragraph(_text(str(schema["description"])))
        if schema.get("$id"):
            section += _paragraph(_text("Schema id: "),
                                  _literal(str(schema["$id"])),
                                  _text("; JSON Schema "),
                                  _literal(str(schema.get("$schema", ""))))
        section += self.fields(schema)
        section.extend(self.examples(schema, inline=False))
        return section

    def definition(self, name: str) -> nodes.section:
        schema = self.defs[name]
        section = _section(self.document, self.label(name), self.title(name))
        section += _paragraph(_text("Defined as "),
                              _literal(f"#/$defs/{name}"), _text("."))
        if schema.get("description"):
            section += _paragraph(_text(str(schema["description"])))
        if "properties" in schema:
            section += self.fields(schema)
            section.extend(self.requirements(schema))
            inline = list(self.examples(schema, inline=True))
            if inline:
                section += _paragraph(*inline[1:])
        else:
            section += self.details(schema)
            section.extend(self.alternatives(schema))
        section.extend(self.examples(schema, inline=False))
        return section

    def sections(self) -> list[nodes.Node]:
        objects = [n for n, d in self.defs.items() if "properties" in d]
        values = [n for n in self.defs if n not in objects]
        out: list[nodes.Node] = [self.top_level()]
        for label, title, names in (
            ("input-objects", "Objects", objects),
            ("input-values", "Values", values),
        ):
            group = _section(self.document, label, title)
            for name in names:
                group += self.definition(name)
            out.append(group)
        return out


class InputReference(SphinxDirective):
    """Every field of the show file, from the JSON Schema."""

    has_content = False
    option_spec = {"schema": directives.unchanged}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        relative = self.options.get("schema") or self.config.showfacts_schema
        path = (pathlib.Path(self.env.app.confdir) / relative).resolve()
        self.env.note_dependency(str(path))
        schema = json.loads(path.read_text(encoding="utf-8"))
        return _locate(_Schema(schema, self.state.document).sections(),
                       self)


# -- the CLI reference --------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[
    tuple[str, str, argparse.ArgumentParser]
]:
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            helps = {a.dest: a.help or "" for a in action._choices_actions}  # noqa: SLF001
            for name, sub in action.choices.items():
                yield name, helps.get(name, ""), sub


#: Options in running text: ``--pretty``, ``-o``.
_OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def _prose(text: str) -> list[nodes.Node]:
    """Text whose options are literals (so ``--x`` never becomes a dash)."""
    out: list[nodes.Node] = []
    for i, part in enumerate(_OPTION.split(text)):
        if part:
            out.append(_literal(part) if i % 2 else _text(part))
    return out


def _usage(parser: argparse.ArgumentParser) -> str:
    """The usage line at a fixed width, whatever the terminal."""
    formatter = argparse.HelpFormatter(parser.prog, width=66)
    formatter.add_usage(parser.usage, parser._actions,  # noqa: SLF001
                        parser._mutually_exclusive_groups)  # noqa: SLF001
    return formatter.format_help().strip()


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    formatter = parser._get_formatter()  # noqa: SLF001
    return formatter._expand_help(action) if action.help else ""  # noqa: SLF001


def _invocation(parser: argparse.ArgumentParser,
                action: argparse.Action) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=79)
    return formatter._format_action_invocation(action)  # noqa: SLF001


def _excluded(parser: argparse.ArgumentParser,
              action: argparse.Action) -> list[argparse.Action]:
    out = []
    for group in parser._mutually_exclusive_groups:  # noqa: SLF001
        actions = group._group_actions  # noqa: SLF001
        if action in actions:
            out.extend(a for a in actions if a is not action)
    return out


def _arguments(parser: argparse.ArgumentParser) -> nodes.definition_list:
    items = nodes.definition_list(classes=["showfacts-options"])
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._HelpAction):  # noqa: SLF001
            continue
        item = nodes.definition_list_item()
        item += nodes.term("", "", _literal(_invocation(parser, action)))
        if action.required and action.option_strings:
            item += nodes.classifier("", "required")
        body = nodes.definition()
        help_text = _help(parser, action)
        if help_text:
            sentence = help_text[0].upper() + help_text[1:]
            if not sentence.endswith("."):
                sentence += "."
            body += _paragraph(*_prose(sentence))
        details: list[list[nodes.Node]] = []
        if action.choices is not None and not isinstance(
            action, argparse._SubParsersAction  # noqa: SLF001
        ):
            details.append([
                _text("Choices: "),
                *_joined([[_literal(str(c))] for c in action.choices], "or"),
            ])
        if action.nargs in ("+", "*"):
            details.append([_text("Takes one or more values."
                                  if action.nargs == "+"
                                  else "Takes any number of values.")])
        if isinstance(action, argparse._AppendAction):  # noqa: SLF001
            details.append([_text("Can be given several times.")])
        default = action.default
        shown = (
            default not in (None, False, "-", argparse.SUPPRESS)
            and action.option_strings
            and "default" not in help_text.lower()
            and not isinstance(action, argparse._VersionAction)  # noqa: SLF001
        )
        if shown:
            details.append([_text("Default: "), _literal(str(default))])
        excluded = _excluded(parser, action)
        if excluded:
            details.append([
                _text("Cannot be combined with "),
                *_joined([[_literal(a.option_strings[-1])]
                          for a in excluded], "or"),
                _text("."),
            ])
        for detail in details:
            body += _paragraph(*detail)
        item += body
        items += item
    return items


def _epilog(text: str | None) -> nodes.Node | None:
    """The ``examples:`` epilog, as a shell block."""
    if not text:
        return None
    lines = text.splitlines()
    if lines and lines[0].strip() == "examples:":
        lines = lines[1:]
    body = "\n".join(line.removeprefix("  ") for line in lines).strip("\n")
    return nodes.literal_block(body, body, language="sh")


class CliReference(SphinxDirective):
    """Every command, argument and option of ``showfacts``."""

    has_content = False

    def command(self, name: str, summary: str,
                parser: argparse.ArgumentParser) -> nodes.section:
        section = _section(self.state.document, f"cli-{name}",
                           f"showfacts {name}")
        if summary:
            section += _paragraph(nodes.emphasis("", "", *_prose(summary)))
        usage = _usage(parser)
        section += nodes.literal_block(usage, usage, language="text")
        if parser.description:
            section += _paragraph(*_prose(parser.description))
        section += _arguments(parser)
        examples = _epilog(parser.epilog)
        if examples is not None:
            section += _paragraph(_text("Examples:"))
            section += examples
        return section

    def run(self) -> list[nodes.Node]:
        from showfacts.cli import build_parser  # noqa: PLC0415

        parser = build_parser()
        top = _section(self.state.document, "cli-showfacts", "showfacts")
        usage = _usage(parser)
        top += nodes.literal_block(usage, usage, language="text")
        if parser.description:
            top += _paragraph(*_prose(parser.description))
        top += _arguments(parser)
        commands = list(_subcommands(parser))
        listing = nodes.bullet_list()
        for name, summary, _ in commands:
            entry = nodes.list_item()
            entry += _paragraph(
                nodes.reference("", f"showfacts {name}", internal=True,
                                refid=f"cli-{name}"),
                _text(f": {summary}"),
            )
            listing += entry
        top += _paragraph(_text("Commands:"))
        top += listing
        examples = _epilog(parser.epilog)
        if examples is not None:
            top += _paragraph(_text("Examples:"))
            top += examples
        out: list[nodes.Node] = [top]
        out.extend(self.command(name, summary, sub)
                   for name, summary, sub in commands)
        return _locate(out, self)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the ``showfacts_schema`` setting."""
    app.add_config_value("showfacts_schema",
                         "../schemas/show.schema.json", "env")
    app.add_directive("showfacts-input-reference", InputReference)
    app.add_directive("showfacts-cli-reference", CliReference)
    return {"version": "0.1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
