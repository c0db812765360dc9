"""What a card is, without pydantic: the enums, bounds and text helpers the engine needs.

The engine (:mod:`deckgame.engine`) imports only this module for cards, so a session runs
without pydantic or yaml ever loading; :mod:`deckgame.model` (the pydantic deck format)
builds on the same enums and re-exports every name here. A card the engine deals is a
:class:`Card` (what the loader makes of a deck file, plain data), or any object with
:class:`CardData`'s attributes.

>>> card = Card(id="a", kind="ask", text="Hi {other}?", type=IntimacyType.EMOTIONAL,
...             level=1, audience=ALL_AUDIENCES)
>>> card.suits(Audience.FRIENDS, 3, frozenset()), render_text(card.text, player="A", other="B")
(True, 'Hi B?')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, Literal, Protocol

from deckgame import options
from deckgame.i18n import N_

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
    "PLACEHOLDERS",
    "TAG_PATTERN",
    "Audience",
    "Card",
    "CardData",
    "CardId",
    "CardKind",
    "IntimacyType",
    "Level",
    "Who",
    "render_text",
]


class IntimacyType(StrEnum):
    """The five kinds of connection a card can explore (a fixed set)."""

    PHYSICAL = "physical"
    EMOTIONAL = "emotional"
    EXPERIENTIAL = "experiential"
    SPIRITUAL = "spiritual"
    INTELLECTUAL = "intellectual"


class Audience(StrEnum):
    """Who a session is for; a card lists the audiences it suits."""

    COUPLES = "couples"
    FRIENDS = "friends"
    FAMILY = "family"


class Who(StrEnum):
    """Who answers a card."""

    PLAYER = "player"
    OTHER = "other"
    EVERYONE = "everyone"


CardKind = Literal["ask", "do"]
CardId = str
Level = int

MIN_LEVEL = options.MIN_LEVEL
MAX_LEVEL = options.MAX_LEVEL
MIN_PLAYERS = options.MIN_PLAYERS
MAX_PLAYERS = options.MAX_PLAYERS
MIN_SECONDS = options.MIN_SECONDS
MAX_SECONDS = options.MAX_SECONDS
MAX_TEXT = 500

DEFAULT_LEVEL_NAMES: dict[int, str] = {  # in English: shown through deckgame.i18n._
    1: N_("Warmth"),
    2: N_("Confidentiality"),
    3: N_("Vulnerability"),
    4: N_("Authenticity"),
}
ALL_AUDIENCES: frozenset[Audience] = frozenset(Audience)

TAG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"

PLACEHOLDERS: frozenset[str] = frozenset({"player", "other"})
_TOKEN = re.compile(r"\{\{|\}\}|\{player\}|\{other\}")


def render_text(text: str, *, player: str, other: str) -> str:
    """Fill ``{player}``/``{other}`` with names as plain text and unescape ``{{``/``}}``.

    A name is inserted verbatim: a player called ``{other}`` stays ``{other}``.

    >>> render_text("Hi {player}, meet {other} {{x}}", player="Ana", other="{0}")
    'Hi Ana, meet {0} {x}'
    """

    def sub(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return player if token == "{player}" else other

    return _TOKEN.sub(sub, text)


class CardData(Protocol):
    """What the engine reads of a card (read-only): :class:`Card` has all of it."""

    @property
    def id(self) -> CardId: ...
    @property
    def kind(self) -> CardKind: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> IntimacyType: ...
    @property
    def level(self) -> int | None: ...
    @property
    def seconds(self) -> int | None: ...
    @property
    def follow_up(self) -> str | None: ...
    @property
    def audience(self) -> frozenset[Audience]: ...
    @property
    def tags(self) -> frozenset[str]: ...
    @property
    def who(self) -> Who: ...
    @property
    def min_players(self) -> int: ...
    @property
    def max_players(self) -> int: ...
    @property
    def deck(self) -> str: ...
    @property
    def closing_level(self) -> int | None: ...

    def suits(self, audience: Audience, players: int, excluded: frozenset[str]) -> bool: ...


def suits(card: CardData, audience: Audience, players: int, excluded: frozenset[str]) -> bool:
    """Whether ``card`` may be dealt to this audience, player count and lines."""
    return (
        audience in card.audience
        and card.min_players <= players <= card.max_players
        and not (card.tags & excluded)
    )


@dataclass(frozen=True, slots=True)
class Card:
    """A card resolved against its deck and pack: what the engine deals and the screen
    shows. Plain data, trusted as given: the loader builds it from validated specs, and
    tests and tools may build one directly (with enum and frozenset values).
    """

    id: CardId  # unique across everything loaded
    kind: CardKind  # "ask" (a question) or "do" (a challenge)
    text: str  # with its placeholders unfilled
    type: IntimacyType
    level: int | None  # None for a closing card
    audience: frozenset[Audience]
    seconds: int | None = None  # a challenge's timer
    follow_up: str | None = None
    tags: frozenset[str] = frozenset()
    who: Who = Who.PLAYER
    min_players: int = MIN_PLAYERS
    max_players: int = MAX_PLAYERS
    deck: str = ""  # the name of the deck it came from
    pack: str = ""  # the name of its deck's pack, if any
    level_name: str = ""  # its own pack's name for its level; empty: the default name
    closing_level: int | None = None  # a closing card's deepest level reached; None: any

    def suits(self, audience: Audience, players: int, excluded: frozenset[str]) -> bool:
        """Whether the card may be dealt to this audience, player count and lines."""
        return suits(self, audience, players, excluded)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its values in field order, rebuilt by calling Card: half the time of
        # the slots dataclass's own __setstate__, which walks fields() for every card (the
        # deck cache reads thousands at each start).
        return (Card, tuple(getattr(self, name) for name in _CARD_FIELDS))


_CARD_FIELDS = tuple(field.name for field in fields(Card))
