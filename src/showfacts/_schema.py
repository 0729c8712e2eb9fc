"""
The input contract: check a JSON-like value against ``show.schema.json``.

The schema ships inside the package as a byte-identical copy of the
repository's ``schemas/show.schema.json``.  Errors are turned into plain
English with "did you mean" hints for misspelled keys and enum values.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from showfacts._paths import Path


if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError


SCHEMA_FILE = "show.schema.json"


@functools.cache
def schema_bytes() -> bytes:
    """The packaged schema file, byte for byte."""
    return (
        resources.files("showfacts")
        .joinpath("schemas")
        .joinpath(SCHEMA_FILE)
        .read_bytes()
    )


@functools.cache
def schema() -> dict[str, Any]:
    """The packaged schema, parsed."""
    value: dict[str, Any] = json.loads(schema_bytes())
    return value


@functools.cache
def _validator() -> Draft202012Validator:
    # jsonschema is needed only to explain a document that failed the fast
    # check, so it is imported then (it takes a while to import).
    from jsonschema import Draft202012Validator, validators  # noqa: PLC0415

    # jsonschema compares the items of a list pair by pair when they cannot
    # be sorted (mixed types): quadratic in the length of the list.  Items
    # are compared by a hashable form instead, in one pass.
    checker = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"uniqueItems": _unique_items}
    )
    validator: Draft202012Validator = checker(schema())
    return validator


def _hashable(value: Any) -> Any:
    """A form of a JSON value equal exactly when JSON Schema says equal."""
    if isinstance(value, bool):
        return ("bool", value)  # True is not 1 in JSON Schema
    if isinstance(value, (int, float)):
        return ("number", value)  # 1 is 1.0
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("list", tuple(_hashable(v) for v in value))
    if isinstance(value, dict):
        return ("dict", frozenset(
            (k, _hashable(v)) for k, v in value.items()
        ))
    return ("null", None)


def _unique_items(validator: Any, unique: Any, instance: Any,
                  schema: Any) -> Any:  # noqa: ARG001 - jsonschema's call
    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[Any] = set()
    for item in instance:
        key = _hashable(item)
        if key in seen:
            from jsonschema import ValidationError  # noqa: PLC0415

            yield ValidationError(f"{instance!r} has non-unique elements")
            return
        seen.add(key)


@functools.cache
def fast_check() -> Callable[[Any], bool] | None:
    """
    A fast yes-or-no check, or ``None`` when jsonschema-rs is missing.

    jsonschema-rs answers "valid?" a hundred times faster than jsonschema;
    a differential test shows they accept and reject the same documents.
    Only when it says no does jsonschema find every problem, with paths.
    """
    try:
        import jsonschema_rs  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a platform without wheels
        return None
    check: Callable[[Any], bool] = jsonschema_rs.validator_for(
        schema()
    ).is_valid
    return check


def problems(value: Any) -> list[tuple[Path, str]]:
    """Every schema violation in ``value``, as ``(path, message)`` pairs."""
    fast = fast_check()
    if fast is not None and fast(value):
        return []
    validator = _validator()
    found: list[tuple[Path, str]] = []
    for error in validator.iter_errors(value):
        found.extend(_explain(error))
    return sorted(set(found), key=lambda pm: (_sortable(pm[0]), pm[1]))


def _sortable(path: Path) -> tuple[tuple[int, str], ...]:
    return tuple(
        (0, f"{p:09d}") if isinstance(p, int) else (1, p) for p in path
    )


def _path(error: ValidationError) -> Path:
    return tuple(error.absolute_path)


def _preview(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_TYPE_NAMES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping of keys",
    "array": "a list",
    "null": "null",
}


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {_preview(value)}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {_preview(value)}"
    if isinstance(value, str):
        return f"the string {_preview(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _name(error: ValidationError) -> str:
    schema = error.schema
    title = schema.get("title") if isinstance(schema, Mapping) else None
    return title.lower() if isinstance(title, str) else "value"


def _explain(error: ValidationError) -> list[tuple[Path, str]]:
    path = _path(error)
    kind: Any = error.validator
    value: Any = error.instance
    expected: Any = error.validator_value
    schema: dict[str, Any] = (
        dict(error.schema) if isinstance(error.schema, Mapping) else {}
    )
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(value) - set(allowed))
        return [((*path, key), _unknown_key(key, allowed)) for key in extras]
    if kind == "required":
        names = [k for k in expected if k not in value]
        return [
            (path, f"missing required key {key!r}") for key in names
        ]
    if kind == "enum":
        options = [str(o) for o in expected]
        message = f"{_preview(value)} is not a valid {_name(error)}"
        if isinstance(value, str):
            close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean {close[0]!r}?"
        return [(path, f"{message} (valid: {', '.join(options)})")]
    if kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(t, str(t)) for t in types)
        return [(path, f"expected {wanted}, found {_found(value)}")]
    if kind == "pattern":
        what = _name(error)
        description = schema.get("description", "")
        hint = f": {description}" if description else ""
        return [(path, f"{_preview(value)} is not a valid {what}{hint}")]
    if kind == "minimum":
        return [
            (path, f"must be at least {expected}, found {value}")
        ]
    if kind == "minLength":
        return [(path, "must not be empty")]
    if kind == "maxLength":
        return [(
            path,
            (f"is {len(value):,} characters long; the most allowed is "
            f"{error.validator_value:,}"),
        )]
    if kind == "minItems":
        return [(path, f"needs at least {expected} item(s)")]
    if kind == "uniqueItems":
        return [(path, f"has duplicate items: {_preview(value)}")]
    if kind == "oneOf":
        return _explain_one_of(error)
    if kind == "not" and expected == {"pattern": "\n"}:
        return [(path, f"{_preview(value)} must be on one line")]
    if kind == "anyOf" and isinstance(value, dict):
        keys = " or ".join(
            repr(k) for sub in expected for k in sub.get("required", [])
        )
        return [(path, f"needs {keys}")]
    return [(path, error.message)]


def _explain_one_of(error: ValidationError) -> list[tuple[Path, str]]:
    """
    Explain a failed ``oneOf`` by the branch whose type fits the value.

    Fuzzy dates are ``oneOf`` a string and an object: a wrong string is
    explained as a string, a wrong object as an object.
    """
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.schema_path[0], []).append(sub)
    fitting = [
        errors for errors in branches.values()
        if not any(e.validator == "type" and not e.relative_path
                   for e in errors)
    ]
    if len(fitting) == 1:
        result: list[tuple[Path, str]] = []
        for sub in fitting[0]:
            result.extend(_explain(sub))
        return result
    return [(
        _path(error),
        (f"expected an EDTF date string, a year or a date object, found "
        f"{_found(error.instance)}"),
    )]


def _unknown_key(key: str, allowed: list[str]) -> str:
    message = f"unknown key {key!r}"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean {close[0]!r}?"
    return f"{message} (valid keys: {', '.join(allowed)})"
