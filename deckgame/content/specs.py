"""The deck format as pydantic models: what a deck file and a pack file hold. A card
resolved against its deck (``Card``, what the engine deals) is plain data, from
:mod:`deckgame.kinds`: the game's start reads cached cards without loading pydantic.

The enums, ranges and patterns come from :mod:`deckgame.kinds` (pydantic-free, so the
engine runs without this module), which takes them from :mod:`deckgame.options` (a test
checks they agree).

>>> DeckSpec.model_validate({"name": "T", "type": "emotional", "levels": {1: [{"ask": "?"}]}}).type
<IntimacyType.EMOTIONAL: 'emotional'>
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from deckgame.content.text import PlaceholderError, check_placeholders
from deckgame.kinds import (
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
    IntimacyType,
    Level,
    Who,
)

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
    "TAG_PATTERN",
    "Audience",
    "Card",
    "CardId",
    "CardKind",
    "CardSpec",
    "ClosingCardSpec",
    "DeckSpec",
    "IntimacyType",
    "Level",
    "LevelNumber",
    "PackSpec",
    "PlayerCount",
    "Tag",
    "Who",
]


Tag = Annotated[
    str,
    Field(
        pattern=TAG_PATTERN,
        max_length=40,
        description="A content tag: a lowercase slug such as `touch` or `past-relationships`.",
    ),
]
PlayerCount = Annotated[int, Field(ge=MIN_PLAYERS, le=MAX_PLAYERS)]
LevelNumber = Annotated[int, Field(ge=MIN_LEVEL, le=MAX_LEVEL)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class CardSpec(_Frozen):
    """One card as written in a deck file."""

    ask: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="A question. Exactly one of `ask` or `do`.",
    )
    do: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="A challenge: something to do. Exactly one of `ask` or `do`.",
    )
    id: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description="Stable id, unique across everything loaded. Default: derived from the text.",
    )
    type: IntimacyType | None = Field(
        default=None, description="The card's intimacy type, overriding the deck's."
    )
    seconds: int | None = Field(
        default=None,
        ge=MIN_SECONDS,
        le=MAX_SECONDS,
        description="A timer for a challenge, in seconds (5-3600); it starts only when asked.",
    )
    follow_up: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="An optional second question that takes the card further.",
    )
    audience: list[Audience] | None = Field(
        default=None,
        min_length=1,
        description="Audiences this card suits, overriding the deck's default.",
    )
    tags: list[Tag] = Field(
        default_factory=list,
        description="Content tags, added to the deck's tags; sessions can exclude them.",
    )
    who: Who = Field(default=Who.PLAYER, description="Who answers: player, other or everyone.")
    min_players: PlayerCount | None = Field(
        default=None, description="Fewest players this card works for (2-8)."
    )
    max_players: PlayerCount | None = Field(
        default=None, description="Most players this card works for (2-8)."
    )

    @field_validator("ask", "do", "follow_up")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        if value is not None:
            problems = check_placeholders(value)
            if problems:
                raise PlaceholderError("; ".join(problems))
        return value

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if (self.ask is None) == (self.do is None):
            raise ValueError("a card needs exactly one of `ask` (a question) or `do` (a challenge)")
        if self.seconds is not None and self.do is None:
            raise ValueError("`seconds` is a challenge timer: use it with `do`, not `ask`")
        if (
            self.min_players is not None
            and self.max_players is not None
            and self.min_players > self.max_players
        ):
            raise ValueError(
                f"min_players ({self.min_players}) is more than max_players ({self.max_players})"
            )
        return self

    @property
    def kind(self) -> CardKind:
        return "ask" if self.ask is not None else "do"

    @property
    def text(self) -> str:
        return self.ask if self.ask is not None else (self.do or "")


class ClosingCardSpec(CardSpec):
    """A closing card as written under `closing:`: a card, and the level it is for."""

    level: LevelNumber | None = Field(
        default=None,
        description="The deepest level reached that this closing card is for (1-9); "
        "without it, it suits any session.",
    )


class DeckSpec(_Frozen):
    """One deck file: cards of one intimacy type, per depth level."""

    name: str = Field(min_length=1, max_length=80, description="Display name of the deck.")
    type: IntimacyType = Field(description="The deck's intimacy type.")
    description: str | None = Field(
        default=None, max_length=1000, description="A sentence or two about the deck."
    )
    language: str = Field(
        default="en", pattern=LANGUAGE_PATTERN, description="BCP 47 language tag, e.g. `en`."
    )
    author: str | None = Field(default=None, max_length=200, description="Who wrote the deck.")
    license: str | None = Field(
        default=None, max_length=100, description="The deck's licence, e.g. `CC-BY-4.0`."
    )
    audience: list[Audience] = Field(
        default_factory=lambda: list(Audience),
        min_length=1,
        description="Default audiences for the deck's cards (default: all three).",
    )
    tags: list[Tag] = Field(
        default_factory=list, description="Content tags added to every card of the deck."
    )
    levels: dict[LevelNumber, list[CardSpec]] = Field(
        min_length=1, description="Depth level (1-9) -> the cards of that level."
    )
    closing: list[ClosingCardSpec] = Field(
        default_factory=list,
        description="Cards offered at the end of a session, each for any session or for "
        "one deepest level reached.",
    )

    @model_validator(mode="after")
    def _has_cards(self) -> Self:
        if not any(self.levels.values()):
            raise ValueError("the deck has no cards: add at least one under `levels`")
        return self


class PackSpec(_Frozen):
    """``pack.yaml``: a folder of decks with a name and, optionally, its own level names."""

    name: str = Field(min_length=1, max_length=80, description="Display name of the pack.")
    description: str | None = Field(
        default=None, max_length=1000, description="A sentence or two about the pack."
    )
    levels: dict[LevelNumber, Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=dict, description="Level number -> the name this pack gives it."
    )
