"""The deck format as pydantic models (decks and packs), and the cards made of them.

Pure data, no I/O. ``CardSpec``/``DeckSpec``/``PackSpec`` are what a YAML file holds;
``Card`` is a card resolved against its deck (id, type, level, audience and tags filled
in) and is what the engine deals: plain data from :mod:`deckgame.kinds`, so cached decks
come back without pydantic. The parts live in :mod:`deckgame.content` (``specs``: the
models; ``text``: placeholders and quoting; ``resolve``: cards from specs) and
:mod:`deckgame.levels` (level names); this module is their front door. The enums,
bounds and ``render_text`` come from :mod:`deckgame.kinds`, which the engine uses
without pydantic.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi {player}?"}]}}
... )
>>> [card.text for card in resolve_cards(deck)]
['Hi {player}?']
>>> render_text("Hi {player}, meet {other} {{x}}", player="Ana", other="{0}")
'Hi Ana, meet {0} {x}'
"""

from __future__ import annotations

from deckgame.content.resolve import (
    NO_PACK,
    LevelNames,
    PackOf,
    bar_level_names,
    card_level_names,
    derive_card_id,
    level_label,
    level_name,
    resolve_card,
    resolve_cards,
    resolve_closing,
)
from deckgame.content.specs import (
    ALL_AUDIENCES,
    DEFAULT_LEVEL_NAMES,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MAX_LEVEL,
    MAX_PLAYERS,
    MAX_SECONDS,
    MAX_TEXT,
    MIN_LEVEL,
    MIN_PLAYERS,
    MIN_SECONDS,
    TAG_PATTERN,
    Audience,
    Card,
    CardId,
    CardKind,
    CardSpec,
    ClosingCardSpec,
    DeckSpec,
    IntimacyType,
    Level,
    LevelNumber,
    PackSpec,
    PlayerCount,
    Tag,
    Who,
)
from deckgame.content.text import (
    PLACEHOLDERS,
    SHOWN_CHARS,
    PlaceholderError,
    check_placeholders,
    clipped,
    normalise_text,
    quoted,
    render_text,
)
from deckgame.kinds import CardData

__all__ = [
    "ALL_AUDIENCES",
    "DEFAULT_LEVEL_NAMES",
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "MAX_LEVEL",
    "MAX_PLAYERS",
    "MAX_SECONDS",
    "MAX_TEXT",
    "MIN_LEVEL",
    "MIN_PLAYERS",
    "MIN_SECONDS",
    "NO_PACK",
    "PLACEHOLDERS",
    "SHOWN_CHARS",
    "TAG_PATTERN",
    "Audience",
    "Card",
    "CardData",
    "CardId",
    "CardKind",
    "CardSpec",
    "ClosingCardSpec",
    "DeckSpec",
    "IntimacyType",
    "Level",
    "LevelNames",
    "LevelNumber",
    "PackOf",
    "PackSpec",
    "PlaceholderError",
    "PlayerCount",
    "Tag",
    "Who",
    "bar_level_names",
    "card_level_names",
    "check_placeholders",
    "clipped",
    "derive_card_id",
    "level_label",
    "level_name",
    "normalise_text",
    "quoted",
    "render_text",
    "resolve_card",
    "resolve_cards",
    "resolve_closing",
]
