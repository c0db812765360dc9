"""Saving a dataclass from its fields: a codec per field type, a strict reader per field.

A field's *type* (as annotated) says how its value is copied and written to JSON
(:data:`CODECS`); the field's ``read`` metadata says how a saved value is read back
strictly (:mod:`deckgame.engine.saved`), bounds and defaults for older saves included.
So a new field is one line where it is declared, and a field of a type without a codec
fails at import.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class Clock:
...     ticks: list[int] = field(metadata=reads(lambda saved, key, _: saved.integers(key, 0, 9)))
>>> table = field_codecs(Clock)
>>> dump(Clock([3, 4]), table), Clock(**load(Fields({"ticks": [5]}, "clock"), table))
({'ticks': [3, 4]}, Clock(ticks=[5]))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, NamedTuple

from deckgame.engine.saved import Fields

Reader = Callable[[Fields, str, int], Any]
"""Reads one saved field strictly: (the saved mapping, the field's key, how many players)."""


def reads(reader: Reader) -> dict[str, Reader]:
    """A field's metadata: how its saved value is read back."""
    return {"read": reader}


class Codec(NamedTuple):
    """How values of one field type are copied and written as JSON."""

    copy: Callable[[Any], Any]
    dump: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _sorted_or_none(values: Any) -> Any:
    return None if values is None else sorted(values)


_PLAIN = Codec(_same, _same)  # immutable values JSON writes as they are
_ENUM = Codec(_same, lambda member: member.value)
_LIST = Codec(list, list)
CODECS: dict[str, Codec] = {
    "Settings": Codec(_same, lambda settings: settings.to_dict()),  # frozen
    "Phase": _ENUM,
    "Audience": _ENUM,
    "tuple[str, ...]": Codec(_same, list),
    "frozenset[str]": Codec(_same, sorted),  # sorted: equal values, equal saves
    "frozenset[str] | None": Codec(_same, _sorted_or_none),
    "frozenset[IntimacyType]": Codec(_same, lambda types: sorted(t.value for t in types)),
    "list[bool]": _LIST,
    "list[int]": _LIST,
    "list[str]": _LIST,
    "dict[str, int]": Codec(dict, dict),
    "dict[str, None]": Codec(dict, list),  # an ordered set, saved as a list
    "set[str]": Codec(set, sorted),
    "IdLog": Codec(lambda ids: ids.first(len(ids.order)), sorted),  # a set that keeps its order
    "dict[PileKey, list[str]]": Codec(
        lambda piles: {key: list(pile) for key, pile in piles.items()},
        lambda piles: [[type_, level, list(pile)] for (type_, level), pile in piles.items()],
    ),
    **dict.fromkeys(["int", "float", "bool", "str | None", "int | None", "float | None"], _PLAIN),
}
"""Field type (as annotated) -> its codec."""

FieldCodec = tuple[str, Codec, Reader]


def field_codecs(cls: type[Any]) -> tuple[FieldCodec, ...]:
    """(name, codec, reader) of each field of the dataclass ``cls``, in field order."""
    return tuple((f.name, CODECS[str(f.type)], f.metadata["read"]) for f in fields(cls))


def dump(value: object, table: tuple[FieldCodec, ...]) -> dict[str, Any]:
    """The JSON-safe dict of ``value``: its fields in order, each written by its codec."""
    return {name: codec.dump(getattr(value, name)) for name, codec, _ in table}


def copied(value: object, table: tuple[FieldCodec, ...]) -> dict[str, Any]:
    """The fields of ``value`` as keyword arguments of an independent copy."""
    return {name: codec.copy(getattr(value, name)) for name, codec, _ in table}


def load(saved: Fields, table: tuple[FieldCodec, ...], players: int = 0) -> dict[str, Any]:
    """Every field of ``table`` read strictly from ``saved``, as keyword arguments."""
    return {name: read(saved, name, players) for name, _, read in table}
