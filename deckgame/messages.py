"""Pydantic's validation errors, reworded for a deck designer.

Pydantic speaks of "inputs" and "dictionaries"; a designer wrote keys, values, cards and
levels. Each function here takes one pydantic error and says what is wrong in the
designer's words, with a "did you mean" where a near miss is likely a typo.

>>> did_you_mean("secnds", ["seconds", "ask"])
" (did you mean 'seconds'?)"
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from deckgame.content.text import did_you_mean
from deckgame.model import (
    MAX_LEVEL,
    MAX_PLAYERS,
    MAX_SECONDS,
    MIN_LEVEL,
    MIN_PLAYERS,
    MIN_SECONDS,
    Audience,
    IntimacyType,
    Who,
    clipped,
    quoted,
)

__all__ = ["describe_input", "did_you_mean", "field_name", "message_for", "quoted"]

_RANGES: dict[str, tuple[int, int]] = {
    "level": (MIN_LEVEL, MAX_LEVEL),
    "seconds": (MIN_SECONDS, MAX_SECONDS),
    "min_players": (MIN_PLAYERS, MAX_PLAYERS),
    "max_players": (MIN_PLAYERS, MAX_PLAYERS),
}
_ENUM_NAMES: dict[str, str] = {
    "type": "intimacy type",
    "audience": "audience",
    "who": "'who' value",
}
_ENUM_VALUES: dict[str, list[str]] = {
    "type": [t.value for t in IntimacyType],
    "audience": [a.value for a in Audience],
    "who": [w.value for w in Who],
}
_PATTERNS: dict[str, str] = {
    "tags": "a tag must be a lowercase slug such as 'touch' or 'past-relationships'",
    "id": (
        "an id uses letters, digits, '.', '_' and '-' only, starts with a letter or digit "
        "and is at most 80 characters"
    ),
    "language": "'language' must be a language tag such as 'en' or 'pt-BR'",
}


def describe_input(value: object) -> str:
    """How a YAML value looks to the person who wrote it."""
    if value is None or value == "":
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text {quoted(value, 40)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"the value {_yaml_float(value)}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "an unreadable value"


def field_name(loc: tuple[int | str, ...]) -> str:
    """The last key named in a location (``levels.2.0.seconds`` -> ``seconds``)."""
    for step in reversed(loc):
        if isinstance(step, str) and step != "[key]":
            return step
    return ""


def message_for(error: Mapping[str, Any], keys: Iterable[str]) -> str:
    """One designer-facing sentence for one pydantic error.

    ``keys`` are the keys allowed in the mapping the error is in, for "did you mean".
    """
    kind: str = error["type"]
    loc: tuple[int | str, ...] = tuple(error["loc"])
    value = error.get("input")
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    name = field_name(loc)
    if loc and loc[-1] == "[key]":
        return _level_key(value)
    if kind == "extra_forbidden":
        if loc[-1] == "level" and loc[:1] == ("levels",):
            return (
                "'level' belongs on closing cards only: a card under 'levels:' takes its "
                "level from the number it is listed under"
            )
        return f"unknown key {quoted(loc[-1])}{did_you_mean(str(loc[-1]), keys)}"
    if kind == "invalid_key":
        return f"a key must be text, got {describe_input(value)}"
    if kind == "missing":
        return f"missing required key '{loc[-1]}'"
    if kind == "enum":
        return _enum(name, value, str(ctx.get("expected", "")))
    if kind in ("value_error", "assertion_error"):
        text = str(error.get("msg", ""))
        text = re.sub(r"^(Value|Assertion) error, ", "", text)
        return text.replace("`", "'")
    worded = _number_message(kind, name, value, ctx) or _shape_message(kind, name, value, ctx)
    if worded is not None:
        return worded
    # A kind the deck format does not lead to today: still our words, never pydantic's.
    where = f"'{name}'" if name else "this value"
    return f"{where} cannot be {describe_input(value)} here"


def _number_message(kind: str, name: str, value: object, ctx: Mapping[str, Any]) -> str | None:
    """The sentence for an error about a whole number, or None for another kind."""
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _RANGES.get(name, (ctx.get("ge", "?"), ctx.get("le", "?")))
        if isinstance(value, int) and not isinstance(value, bool):
            return f"'{name}' must be between {low} and {high}, got {value}"
        return f"'{name}' must be a whole number between {low} and {high}, got {_number(value)}"
    if kind in ("finite_number", "int_parsing_size"):
        # .inf, .nan, or more digits than any count of seconds or players has
        low, high = _RANGES.get(name, (ctx.get("ge", "?"), ctx.get("le", "?")))
        return f"'{name}' must be a whole number between {low} and {high}, got {_number(value)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{name}' must be a whole number, got {describe_input(value)}"
    return None


def _shape_message(kind: str, name: str, value: object, ctx: Mapping[str, Any]) -> str | None:
    """The sentence for an error about text, a list or a mapping, or None for another kind."""
    if kind == "string_type":
        if value is None:
            return f"'{name}' is empty: write its text after the colon"
        hint = " (put it in quotes)" if isinstance(value, bool | int | float) else ""
        return f"'{name}' must be text, got {describe_input(value)}{hint}"
    if kind == "string_too_short":
        return f"'{name}' must not be empty"
    if kind == "string_too_long":
        return (
            f"'{name}' is too long: {len(str(value))} characters, at most {ctx.get('max_length')}"
        )
    if kind == "string_pattern_mismatch":
        default = f"'{name}' has the wrong form"
        return f"{_PATTERNS.get(name, default)}, got {describe_input(value)}"
    if kind == "list_type":
        hint = f": write [{clipped(value)}]" if isinstance(value, str) and value.strip() else ""
        return f"'{name}' must be a list, got {describe_input(value)}{hint}"
    if kind in ("dict_type", "mapping_type"):
        if name == "levels":
            return "'levels' must map level numbers to lists of cards, e.g. '1:' then '- ask: ...'"
        return f"'{name}' must be a mapping, got {describe_input(value)}"
    if kind in ("model_type", "model_attributes_type"):
        hint = " (write '- ask: ...' or '- do: ...')" if isinstance(value, str) else ""
        return f"a card must be a mapping with 'ask' or 'do', got {describe_input(value)}{hint}"
    if kind == "too_short":
        if name == "levels":
            return "'levels' needs at least one level with cards"
        return f"'{name}' must list at least one value"
    return None


def _yaml_float(value: float) -> str:
    """A float as YAML writes it (.inf, -.inf, .nan), else as Python does."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


def _number(value: object) -> str:
    """A value given for a whole number, as the designer wrote it."""
    if isinstance(value, float):
        return _yaml_float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return quoted(value)


def _level_key(value: object) -> str:
    return (
        f"a level must be a whole number from {MIN_LEVEL} to {MAX_LEVEL}, "
        f"got {describe_input(value)}"
    )


def _enum(name: str, value: object, expected: str) -> str:
    choices = _ENUM_VALUES.get(name) or re.findall(r"'([^']*)'", expected)
    what = _ENUM_NAMES.get(name, f"'{name}' value")
    if not isinstance(value, str):
        return f"'{name}' must be one of {', '.join(choices)}, got {describe_input(value)}"
    return (
        f"unknown {what} {quoted(value)}{did_you_mean(value, choices)}; "
        f"use one of: {', '.join(choices)}"
    )
