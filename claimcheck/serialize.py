"""The result model at the boundaries: JSON out, validated data in, the JSON Schema.

    to_data(report) -> JSON-ready dicts and lists (what `--format json` prints)
    dumps(report, indent=2) -> str
    from_data(Claim, data) / from_json(Claim, text) -> a validated model
    json_schema() -> the JSON Schema of the report

Dumping is plain Python (the hot path never imports pydantic); validating foreign
or stored data and the schema use pydantic's TypeAdapter over the dataclasses,
imported on first use. Working-state fields (`EXCLUDED` in models.py) are left out
of JSON unless `working_state=True` (the claim store keeps them); infinite interval
ends (`BOUND`) are written as null.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from claimcheck.models import Report

T = TypeVar("T")


@cache
def _plan(cls: type) -> tuple[tuple[str, bool, bool], ...]:
    """(name, excluded, bound) of each field, in declaration order."""
    return tuple(
        (item.name, bool(item.metadata.get("exclude")), bool(item.metadata.get("bound")))
        for item in fields(cls)
    )


def _moment(value: date) -> str:
    if isinstance(value, datetime) and value.utcoffset() == timedelta(0):
        # UTC is written "Z", as pydantic and most feeds write it.
        return value.replace(tzinfo=None).isoformat() + "Z"
    return value.isoformat()


def to_data(value: Any, *, working_state: bool = False) -> Any:
    """JSON-ready data: dataclasses as dicts in field order, dates as ISO text."""
    if is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {}
        for name, excluded, bound in _plan(type(value)):
            if excluded and not working_state:
                continue
            item = getattr(value, name)
            if bound and isinstance(item, (int, float)) and not isinstance(item, bool):
                # A number, written as a float however it was computed ("40" is 40.0).
                data[name] = float(item) if math.isfinite(item) else None
            else:
                data[name] = to_data(item, working_state=working_state)
        return data
    if isinstance(value, (list, tuple)):
        return [to_data(item, working_state=working_state) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item, working_state=working_state) for key, item in value.items()}
    if isinstance(value, date):
        return _moment(value)
    return value


def dumps(value: Any, *, indent: int | None = None, working_state: bool = False) -> str:
    """JSON text; UTF-8 kept as is, and any non-finite number outside a bound is an error."""
    data = to_data(value, working_state=working_state)
    return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)


@cache
def _adapter(cls: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def from_data(cls: type[T], data: Any) -> T:
    """A model from JSON-like data, validated (unknown keys and bad values raise ValueError)."""
    result: T = _adapter(cls).validate_python(data)  # type: ignore[arg-type]
    return result


def from_json(cls: type[T], text: str | bytes) -> T:
    result: T = _adapter(cls).validate_json(text)  # type: ignore[arg-type]
    return result


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the report as `--format json` writes it (working state left out)."""
    schema: dict[str, Any] = _adapter(Report).json_schema(mode="serialization")
    models = {cls.__name__: cls for cls in _model_classes(Report)}
    for name, definition in [("Report", schema), *schema.get("$defs", {}).items()]:
        cls = models.get(name)
        if cls is None:
            continue
        hidden = {field_name for field_name, excluded, _bound in _plan(cls) if excluded}
        properties = definition.get("properties", {})
        for field_name in hidden:
            properties.pop(field_name, None)
        if "required" in definition:
            definition["required"] = [item for item in definition["required"] if item not in hidden]
    return schema


def _model_classes(cls: type, seen: set[type] | None = None) -> list[type]:
    """The dataclass and every dataclass its fields hold."""
    import typing

    seen = seen if seen is not None else set()
    if cls in seen:
        return []
    seen.add(cls)
    found = [cls]
    hints = typing.get_type_hints(cls)
    for item in fields(cls):
        stack = [hints[item.name]]
        while stack:
            hint = stack.pop()
            if isinstance(hint, type) and is_dataclass(hint):
                found.extend(_model_classes(hint, seen))
            stack.extend(typing.get_args(hint))
    return found
