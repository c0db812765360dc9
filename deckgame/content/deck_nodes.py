"""Where a deck's cards stand in its node graph: their locations as pydantic names them,
their nodes, and the line and column each resolved card's id is reported at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import TypeAdapter, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from deckgame.content.specs import DeckSpec, LevelNumber
from deckgame.content.yaml_values import is_refused, key_value, loc_key

__all__ = [
    "Loc",
    "card_holders",
    "card_loc",
    "card_nodes",
    "card_places",
    "children",
    "level_of",
    "walk",
]

Loc = tuple[int | str, ...]


def card_holders(node: Node, cards: object) -> list[tuple[Node, dict[Any, Any]]]:
    """(node, data) of each card in a list of cards that are mappings."""
    if not isinstance(node, SequenceNode) or not isinstance(cards, list):
        return []
    return [
        (card_node, card)
        for card_node, card in zip(node.value, cards, strict=False)
        if isinstance(card, dict)
    ]


_LEVEL = TypeAdapter(LevelNumber)


def level_of(key: object) -> int | None:
    """The level a ``levels:`` key names, read as pydantic reads it (1, "1", "01", 1.0)."""
    if is_refused(key):
        return None
    try:
        return _LEVEL.validate_python(key)
    except ValidationError:
        return None


def card_loc(loc: Loc) -> Loc | None:
    """The location of the card an error is in, or None for an error outside any card."""
    if len(loc) >= 3 and loc[0] == "levels" and isinstance(loc[2], int):
        return loc[:3]
    if len(loc) >= 2 and loc[0] == "closing" and isinstance(loc[1], int):
        return loc[:2]
    return None


def walk(node: Node) -> Iterator[Node]:
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)


def children(node: Node, data: object) -> Iterator[tuple[object, Node]]:
    """(key as converted, value node) of a mapping node whose converted form is ``data``.

    A key written twice counts once, at its first place (the converter refused the second).
    """
    if not isinstance(node, MappingNode) or not isinstance(data, dict):
        return
    done: set[object] = set()
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            key = key_value(key_node)
            if key in data and key not in done:
                done.add(key)
                yield key, value_node


def card_nodes(root: Node, data: dict[Any, Any]) -> Iterator[tuple[Loc, Node]]:
    """Every card's location (as pydantic names it) and node, in file order."""
    for key, value in children(root, data):
        if key == "levels":
            for level, cards in children(value, data.get("levels")):
                if isinstance(cards, SequenceNode):
                    for i, card in enumerate(cards.value):
                        yield ("levels", loc_key(level), i), card
        elif key == "closing" and isinstance(value, SequenceNode):
            for i, card in enumerate(value.value):
                yield ("closing", i), card


def card_places(root: Node, spec: DeckSpec, dropped: set[Loc]) -> list[tuple[int, int]]:
    """(line, column) of each resolved card, in the order of resolve_cards + closing.

    An explicit id is placed at its value; a derived id at the card itself.
    """
    by_level: dict[int, list[Node]] = {}
    closing: list[Node] = []
    for key, value in children(root, {"levels": 0, "closing": 0}):
        if key == "levels" and isinstance(value, MappingNode):
            # Later keys of one level replace earlier ones, as in the validated spec
            # (and _level_clashes reports them).
            for key_node, cards in value.value:
                if not isinstance(key_node, ScalarNode) or not isinstance(cards, SequenceNode):
                    continue
                raw = key_value(key_node)
                level = level_of(raw)
                if level is None:
                    continue
                by_level[level] = [
                    card
                    for i, card in enumerate(cards.value)
                    if ("levels", loc_key(raw), i) not in dropped
                ]
        elif key == "closing" and isinstance(value, SequenceNode):
            closing = [c for i, c in enumerate(value.value) if ("closing", i) not in dropped]
    ordered = [node for level in sorted(spec.levels) for node in by_level.get(level, [])]
    return [_id_place(node) for node in [*ordered, *closing]]


def _id_place(card: Node) -> tuple[int, int]:
    if isinstance(card, MappingNode):
        for key_node, value_node in card.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "id":
                card = value_node
                break
    return card.start_mark.line + 1, card.start_mark.column + 1
