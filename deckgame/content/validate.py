"""A parsed deck or pack file validated as its model, every error worded and placed.

A deck whose problems all lie inside cards is *salvaged*: validated again without those
cards, so tools such as the workshop can preview the rest (the deck itself stays out of
play). Cards are validated one by one, so a file of a hundred thousand bad cards never
holds all their errors at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from deckgame.content.deck_nodes import (
    Loc,
    card_holders,
    card_loc,
    card_nodes,
    children,
    level_of,
    walk,
)
from deckgame.content.problems import Document, Problem
from deckgame.content.specs import CardSpec, ClosingCardSpec, DeckSpec, PackSpec
from deckgame.content.text import quoted
from deckgame.content.yaml_values import NodeFinder, is_refused, key_value, loc_key, refuse
from deckgame.messages import message_for

__all__ = ["MAX_LIST_ITEMS", "deck_keys", "pack_keys", "validate"]

Model = TypeVar("Model", bound=BaseModel)

_DECK_KEYS = list(DeckSpec.model_fields)
_CARD_KEYS = list(CardSpec.model_fields)
_CLOSING_KEYS = list(ClosingCardSpec.model_fields)
_PACK_KEYS = list(PackSpec.model_fields)


def deck_keys(loc: Loc) -> list[str]:
    """The keys allowed in the mapping that holds ``loc``'s last step."""
    parent = loc[:-1]
    if len(parent) == 3 and parent[0] == "levels":
        return _CARD_KEYS
    if len(parent) == 2 and parent[0] == "closing":
        return _CLOSING_KEYS
    return _DECK_KEYS if not parent else []


def pack_keys(loc: Loc) -> list[str]:
    """The keys allowed in a ``pack.yaml`` (only its top level has any)."""
    del loc
    return _PACK_KEYS


KeysAt = Callable[[Loc], list[str]]
# Takes pydantic's errors for the part of a file at a location (the whole file: ``()``).
Take = Callable[[list[Any], Loc], None]


def validate(
    doc: Document, model: type[Model], keys_at: KeysAt
) -> tuple[Model | None, list[Problem], set[Loc]]:
    """Validate ``doc`` as ``model``.

    Returns the spec (for a deck with bad cards: the spec without them, or None when the
    deck itself is at fault), every problem, and the locations of the dropped cards.
    """
    root = _mapping_root(doc, model)
    if root is None:
        return None, doc.listed(), set()
    finder = NodeFinder(root)  # one index of each mapping's keys for all the errors
    errors = _Errors(doc, finder, keys_at)
    data = doc.data
    assert isinstance(data, dict)  # as _mapping_root checked
    if model is DeckSpec:
        _refuse_long_lists(doc, root)
        data = _checked_cards(data, errors.take)
    try:
        spec: Model | None = model.model_validate(data)
    except ValidationError as exc:
        spec = None
        errors.take(exc.errors(include_url=False), ())
        del exc
    clashes = _level_clashes(doc, root, finder)
    for problem in clashes:
        doc.add(problem)
    problems = doc.listed()
    if clashes:
        return None, problems, set()
    if not problems:
        return spec, problems, set()
    if model is not DeckSpec:
        return None, problems, set()
    return _salvage(doc, data, errors.bad_locs, problems)


def _mapping_root(doc: Document, model: type[BaseModel]) -> MappingNode | None:
    """The document's root mapping; None, with the problem reported, when it has none."""
    root = doc.root
    if isinstance(root, ScalarNode) and doc.data == "" and root.style in (None, ""):
        root = None  # "---" and nothing else: a document with no content
    if root is None:
        if not doc.problems:
            doc.add(
                Problem(doc.path, 1, 1, f"the file is empty: a {_what(model)} is a mapping of keys")
            )
        return None
    if not isinstance(root, MappingNode) or not isinstance(doc.data, dict):
        if not isinstance(root, MappingNode):
            shown = "a list" if isinstance(root, SequenceNode) else "a single value"
            doc.report(
                root,
                f"a {_what(model)} file must be a mapping of keys such as 'name:', not {shown}",
            )
        return None
    return root


class _Errors:
    """Pydantic's errors for one file, located in its node graph, worded and listed."""

    def __init__(self, doc: Document, finder: NodeFinder, keys_at: KeysAt) -> None:
        self.doc = doc
        self.finder = finder
        self.keys_at = keys_at
        self.bad_locs: list[Loc] = []  # every error's location, listed or not

    def take(self, errors: list[Any], prefix: Loc) -> None:
        """Locate, word and list each error (``prefix``: where the validated part stands)."""
        doc = self.doc
        for error in errors:
            loc: Loc = (*prefix, *error["loc"])
            self.bad_locs.append(loc)
            if is_refused(error.get("input")):
                continue  # the converter already reported this value
            if doc.unlisted:
                doc.unlisted += 1  # past the list, and its place is known: only counted
                continue
            if prefix:
                error = {**error, "loc": loc}
            chain, key_node = self.finder.find(loc)
            if any(id(node) in doc.reported for node in chain):
                continue  # inside a value already reported
            if error["type"] in ("extra_forbidden", "invalid_key") or loc[-1:] == ("[key]",):
                anchor = key_node if key_node is not None else chain[-1]
            else:
                anchor = chain[-1]
            if doc.full:
                doc.count_unlisted(anchor)  # not worded: that is what a problem costs
            else:
                doc.problems.append(doc.at(anchor, message_for(error, self.keys_at(loc))))


# Stand in for a card that failed validation while the deck around it is validated.
_PLACEHOLDER = CardSpec(ask="a card that failed validation")
_CLOSING_PLACEHOLDER = ClosingCardSpec(ask="a closing card that failed validation")


def _checked_cards(data: dict[Any, Any], take: Take) -> dict[Any, Any]:
    """``data`` with every card validated on its own and replaced by its ``CardSpec``
    (a bad card by a placeholder, its errors given to ``take``).

    Card by card, so the errors of a file with a hundred thousand bad cards never all
    exist at once; the deck is then validated around cards that are already models.
    """
    checked = dict(data)

    def cards_of(prefix: Loc, cards: list[Any]) -> list[Any]:
        spec, placeholder = (
            (ClosingCardSpec, _CLOSING_PLACEHOLDER)
            if prefix == ("closing",)
            else (CardSpec, _PLACEHOLDER)
        )
        result: list[Any] = []
        for i, card in enumerate(cards):
            if not isinstance(card, dict):  # pydantic's answer, without raising for it
                take([{"type": "model_type", "loc": (), "input": card}], (*prefix, i))
                result.append(placeholder)
                continue
            try:
                result.append(spec.model_validate(card))
            except ValidationError as exc:
                take(exc.errors(include_url=False), (*prefix, i))
                result.append(placeholder)
        return result

    levels = data.get("levels")
    if isinstance(levels, dict):
        checked["levels"] = {
            level: cards_of(("levels", loc_key(level)), cards) if isinstance(cards, list) else cards
            for level, cards in levels.items()
        }
    closing = data.get("closing")
    if isinstance(closing, list):
        checked["closing"] = cards_of(("closing",), closing)
    return checked


# Tags or audiences one deck or card lists. Not in the schema: a sanity bound, so that a
# list of a million bad tags is one problem, not a million checks and error records.
MAX_LIST_ITEMS = 100
_SHORT_LISTS = ("tags", "audience")


def _refuse_long_lists(doc: Document, root: MappingNode) -> None:
    """Refuse, before validation, the deck's and cards' tag and audience lists that are
    longer than any deck needs."""
    data = doc.data
    assert isinstance(data, dict)
    holders: list[tuple[Node, dict[Any, Any]]] = [(root, data)]
    for key, value in children(root, data):
        if key == "levels":
            for level, cards in children(value, data[key]):
                holders += card_holders(cards, data[key][level])
        elif key == "closing":
            holders += card_holders(value, data[key])
    for node, mapping in holders:
        for key, value in children(node, mapping):
            items = mapping[key]
            if key in _SHORT_LISTS and isinstance(items, list) and len(items) > MAX_LIST_ITEMS:
                mapping[key] = refuse(
                    doc,
                    value,
                    f"'{key}' lists {len(items):,} values: a deck or a card needs a few, "
                    f"at most {MAX_LIST_ITEMS}",
                )


def _level_clashes(doc: Document, root: MappingNode, finder: NodeFinder) -> list[Problem]:
    """Keys of ``levels:`` written differently that name one level (``1:`` and ``"01":``).

    Pydantic reads both as level 1 and would silently keep only the cards of the last.
    """
    problems: list[Problem] = []
    found = finder.keys(root).get("levels")
    if found is not None and isinstance(found[1], MappingNode):
        value = found[1]
        first: dict[int, Node] = {}
        for key_node, _ in value.value:
            if not isinstance(key_node, ScalarNode) or id(key_node) in doc.reported:
                continue
            level = level_of(key_value(key_node))
            if level is None:
                continue
            earlier = first.setdefault(level, key_node)
            if earlier is not key_node:
                mark = earlier.start_mark
                problems.append(
                    doc.at(
                        key_node,
                        f"duplicate level {quoted(key_node.value)}: level {level} is already "
                        f"at line {mark.line + 1}, column {mark.column + 1}; each level once",
                    )
                )
    return problems


def _what(model: type[BaseModel]) -> str:
    return "pack" if model is PackSpec else "deck"


def _salvage(
    doc: Document, checked: dict[Any, Any], bad_locs: list[Loc], problems: list[Problem]
) -> tuple[Any, list[Problem], set[Loc]]:
    """The deck without its bad cards, when every problem lies inside a card.

    ``checked``: the deck's data with its cards validated (see ``_checked_cards``).
    """
    assert isinstance(doc.data, dict) and doc.root is not None
    dropped: set[Loc] = set()
    for loc in bad_locs:
        card = card_loc(loc)
        if card is None:
            return None, problems, set()
        dropped.add(card)
    converter_problems = len(doc.reported)
    in_cards = 0
    for loc, node in card_nodes(doc.root, doc.data) if converter_problems else ():
        found = sum(1 for inner in walk(node) if id(inner) in doc.reported)
        if found:
            dropped.add(loc)
            in_cards += found
    if in_cards < converter_problems:
        return None, problems, set()
    data = dict(checked)
    levels = data.get("levels")
    if isinstance(levels, dict):
        data["levels"] = {
            level: [c for i, c in enumerate(cards) if ("levels", loc_key(level), i) not in dropped]
            if isinstance(cards, list)
            else cards
            for level, cards in levels.items()
        }
    closing = data.get("closing")
    if isinstance(closing, list):
        data["closing"] = [c for i, c in enumerate(closing) if ("closing", i) not in dropped]
    try:
        return DeckSpec.model_validate(data), problems, dropped
    except ValidationError:
        return None, problems, set()
