"""Cards resolved against their deck and pack: ids, defaults, level names.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi {player}?"}]}}
... )
>>> [card.text for card in resolve_cards(deck)]
['Hi {player}?']
"""

from __future__ import annotations

import hashlib
from typing import Any

from deckgame.content.specs import (
    ALL_AUDIENCES,
    MAX_PLAYERS,
    MIN_PLAYERS,
    Audience,
    Card,
    CardId,
    CardKind,
    CardSpec,
    ClosingCardSpec,
    DeckSpec,
    IntimacyType,
)
from deckgame.content.text import normalise_text
from deckgame.levels import NO_PACK as NO_PACK
from deckgame.levels import LevelNames as LevelNames
from deckgame.levels import PackOf as PackOf
from deckgame.levels import bar_level_names as bar_level_names
from deckgame.levels import card_level_names as card_level_names
from deckgame.levels import level_label as level_label
from deckgame.levels import level_name as level_name

__all__ = [
    "ALL_AUDIENCES",
    "NO_PACK",
    "LevelNames",
    "PackOf",
    "bar_level_names",
    "card_level_names",
    "derive_card_id",
    "level_label",
    "level_name",
    "resolve_card",
    "resolve_cards",
    "resolve_closing",
]


def derive_card_id(kind: CardKind, text: str, type_: IntimacyType, level: int | None) -> CardId:
    """A stable id from the card's own content: the same text gives the same id in any order.

    >>> derive_card_id("ask", "What made you smile?", IntimacyType.EMOTIONAL, 1)[:12]
    'emotional-1-'
    """
    digest = hashlib.blake2b(
        f"{kind}\x00{normalise_text(text)}".encode(), digest_size=5
    ).hexdigest()
    where = "closing" if level is None else str(level)
    return f"{type_.value}-{where}-{digest}"


def resolve_card(spec: CardSpec, deck: DeckSpec, level: int | None, pack: PackOf = NO_PACK) -> Card:
    """Fill a card's defaults from its deck (and its level's name from its pack)."""
    return _resolve(spec, deck, level, frozenset(deck.audience), frozenset(deck.tags), pack)


def _resolve(
    spec: CardSpec,
    deck: DeckSpec,
    level: int | None,
    audience: frozenset[Audience],
    tags: frozenset[str],
    pack: PackOf,
) -> Card:
    type_ = spec.type or deck.type
    return _card(
        {
            "id": spec.id or derive_card_id(spec.kind, spec.text, type_, level),
            "kind": spec.kind,
            "text": spec.text,
            "type": type_,
            "level": level,
            "seconds": spec.seconds,
            "follow_up": spec.follow_up,
            "audience": frozenset(spec.audience) if spec.audience is not None else audience,
            "tags": tags.union(spec.tags) if spec.tags else tags,
            "who": spec.who,
            "min_players": spec.min_players or MIN_PLAYERS,
            "max_players": spec.max_players or MAX_PLAYERS,
            "deck": deck.name,
            "pack": pack.name,
            "level_name": pack.level_name(level),
            "closing_level": spec.level if isinstance(spec, ClosingCardSpec) else None,
        }
    )


def _card(values: dict[str, Any]) -> Card:
    """A ``Card`` of every field's value: trusted, as pydantic has just validated every
    one of them in the specs (the hot path of loading)."""
    return Card(**values)


def resolve_cards(deck: DeckSpec, pack: PackOf = NO_PACK) -> list[Card]:
    """The deck's playable cards, level by level, in file order."""
    audience, tags = frozenset(deck.audience), frozenset(deck.tags)
    return [
        _resolve(spec, deck, level, audience, tags, pack)
        for level in sorted(deck.levels)
        for spec in deck.levels[level]
    ]


def resolve_closing(deck: DeckSpec, pack: PackOf = NO_PACK) -> list[Card]:
    """The deck's closing cards (``level`` None; a card's own ``level:`` is its
    ``closing_level``)."""
    audience, tags = frozenset(deck.audience), frozenset(deck.tags)
    return [_resolve(spec, deck, None, audience, tags, pack) for spec in deck.closing]
