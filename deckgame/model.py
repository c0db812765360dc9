"""The deck format as pydantic models: cards, decks and packs.

Pure data, no I/O. ``CardSpec``/``DeckSpec``/``PackSpec`` are what a YAML file holds;
``Card`` is a card resolved against its deck (id, type, level, audience and tags filled
in) and is what the engine deals.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi {player}?"}]}}
... )
>>> [card.text for card in resolve_cards(deck)]
['Hi {player}?']
>>> render_text("Hi {player}, meet {other} {{x}}", player="Ana", other="{0}")
'Hi Ana, meet {0} {x}'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


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

MIN_LEVEL = 1
MAX_LEVEL = 9
MIN_PLAYERS = 2
MAX_PLAYERS = 8
MIN_SECONDS = 5
MAX_SECONDS = 3600
MAX_TEXT = 500

DEFAULT_LEVEL_NAMES: dict[int, str] = {
    1: "Warmth",
    2: "Confidentiality",
    3: "Vulnerability",
    4: "Authenticity",
}
ALL_AUDIENCES: frozenset[Audience] = frozenset(Audience)
PLACEHOLDERS: frozenset[str] = frozenset({"player", "other"})

TAG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"

Tag = Annotated[
    str,
    Field(
        pattern=TAG_PATTERN,
        max_length=40,
        description="A content tag: a lowercase slug such as `touch` or `past-relationships`.",
    ),
]
PlayerCount = Annotated[int, Field(ge=MIN_PLAYERS, le=MAX_PLAYERS)]


# How much of a value a designer-facing message quotes: enough to recognise it.
SHOWN_CHARS = 60
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def clipped(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as one line of at most ``limit`` characters (and an ellipsis).

    Line breaks and other characters that do not print are escaped, so a message that
    shows a value is always one line, whatever the value held.

    >>> clipped("two\\nlines"), clipped("x" * 80, 10)
    ('two\\\\nlines', 'xxxxxxx...')
    """
    head = text[: limit + 1]  # never more of a (perhaps huge) value than can be shown
    if not head.isprintable():
        head = "".join(ch if ch.isprintable() else _escaped(ch) for ch in head)
    if len(head) > limit or len(text) > limit:
        return head[: max(limit - 3, 1)] + "..."
    return head


def _escaped(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def quoted(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value in single quotes, on one line and cut to ``limit`` characters.

    >>> quoted("emo tional\\n"), quoted(3)
    ("'emo tional\\\\n'", "'3'")
    """
    return f"'{clipped(str(value), limit)}'"


class PlaceholderError(ValueError):
    """A card text uses a placeholder other than ``{player}``/``{other}`` or a stray brace."""


def check_placeholders(text: str) -> list[str]:
    """Return the placeholder problems in ``text`` (empty when it is fine).

    >>> check_placeholders("Ask {other} about {{braces}}")
    []
    >>> check_placeholders("Hi {name}")
    ['unknown placeholder {name}: use {player} or {other} (write {{ and }} for literal braces)']
    """
    if "{" not in text and "}" not in text:  # most card texts: nothing to scan
        return []
    problems: list[str] = []
    i = 0
    while (brace := _BRACE.search(text, i)) is not None:  # from brace to brace
        i = brace.start()
        ch = text[i]
        if ch == "{":
            if text.startswith("{{", i):
                i += 2
                continue
            end = text.find("}", i + 1)
            nxt = text.find("{", i + 1)
            if end == -1 or (nxt != -1 and nxt < end):
                problems.append("unmatched '{': write {{ for a literal brace")
                i += 1
                continue
            name = text[i + 1 : end]
            if name not in PLACEHOLDERS:
                problems.append(
                    f"unknown placeholder {{{clipped(name)}}}: use {{player}} or {{other}}"
                    " (write {{ and }} for literal braces)"
                )
            i = end + 1
        elif ch == "}":
            if text.startswith("}}", i):
                i += 2
                continue
            problems.append("unmatched '}': write }} for a literal brace")
            i += 1
    return problems


_BRACE = re.compile(r"[{}]")
# Neither alphanumeric (str.isalnum: \w without "_") nor a space nor a brace. One regex,
# not a Python loop over every character: deriving ids is on the hot path of loading.
_PUNCTUATION = re.compile(r"[^\w\s{}]|_")
_TOKEN = re.compile(r"\{\{|\}\}|\{player\}|\{other\}")


def render_text(text: str, *, player: str, other: str) -> str:
    """Fill ``{player}``/``{other}`` with names as plain text and unescape ``{{``/``}}``.

    A name is inserted verbatim: a player called ``{other}`` stays ``{other}``.
    """

    def sub(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return player if token == "{player}" else other

    return _TOKEN.sub(sub, text)


def normalise_text(text: str) -> str:
    """Text folded for comparison: NFKC, case-folded, punctuation dropped, spaces squeezed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


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


LevelNumber = Annotated[int, Field(ge=MIN_LEVEL, le=MAX_LEVEL)]


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
    closing: list[CardSpec] = Field(
        default_factory=list, description="Cards offered at the end of a session."
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


class Card(_Frozen):
    """A card resolved against its deck: what the engine deals and the screen shows."""

    id: CardId = Field(description="Unique id across everything loaded.")
    kind: CardKind = Field(description="`ask` (a question) or `do` (a challenge).")
    text: str = Field(description="The question or challenge, with placeholders unfilled.")
    type: IntimacyType = Field(description="The card's intimacy type.")
    level: int | None = Field(description="Depth level; None for a closing card.")
    seconds: int | None = Field(default=None, description="Challenge timer, in seconds.")
    follow_up: str | None = Field(default=None, description="Optional follow-up question.")
    audience: frozenset[Audience] = Field(description="Audiences the card suits.")
    tags: frozenset[str] = Field(default=frozenset(), description="Content tags.")
    who: Who = Field(default=Who.PLAYER, description="Who answers.")
    min_players: int = Field(default=MIN_PLAYERS, description="Fewest players.")
    max_players: int = Field(default=MAX_PLAYERS, description="Most players.")
    deck: str = Field(default="", description="Name of the deck the card came from.")
    pack: str = Field(default="", description="Name of the pack the deck belongs to, if any.")
    level_name: str = Field(
        default="",
        description="The name the card's own pack gives its level; empty: the default name.",
    )

    def suits(self, audience: Audience, players: int, excluded: frozenset[str]) -> bool:
        """Whether the card may be dealt to this audience, player count and lines."""
        return (
            audience in self.audience
            and self.min_players <= players <= self.max_players
            and not (self.tags & excluded)
        )


LevelNames = Mapping[int, str]  # level number -> name, as a pack's `levels:` gives them


@dataclass(frozen=True)
class PackOf:
    """The pack a deck belongs to, as its cards need it: its name and its own level names."""

    name: str = ""
    levels: LevelNames = field(default_factory=dict)

    def level_name(self, level: int | None) -> str:
        """The pack's own name for ``level``; empty when it keeps the default name (a
        default name is the interface's, translated, even when a pack repeats it)."""
        if level is None:
            return ""
        name = self.levels.get(level, "")
        return "" if name == DEFAULT_LEVEL_NAMES.get(level) else name


NO_PACK = PackOf()


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
    # Built without a second validation: every value comes from specs pydantic has just
    # validated, and this is the hot path of loading (ten thousand cards cost more to
    # re-validate than to parse). A test checks the result equals a validated Card.
    type_ = spec.type or deck.type
    return Card.model_construct(
        id=spec.id or derive_card_id(spec.kind, spec.text, type_, level),
        kind=spec.kind,
        text=spec.text,
        type=type_,
        level=level,
        seconds=spec.seconds,
        follow_up=spec.follow_up,
        audience=frozenset(spec.audience) if spec.audience is not None else audience,
        tags=tags.union(spec.tags) if spec.tags else tags,
        who=spec.who,
        min_players=spec.min_players or MIN_PLAYERS,
        max_players=spec.max_players or MAX_PLAYERS,
        deck=deck.name,
        pack=pack.name,
        level_name=pack.level_name(level),
    )


def resolve_cards(deck: DeckSpec, pack: PackOf = NO_PACK) -> list[Card]:
    """The deck's playable cards, level by level, in file order."""
    audience, tags = frozenset(deck.audience), frozenset(deck.tags)
    return [
        _resolve(spec, deck, level, audience, tags, pack)
        for level in sorted(deck.levels)
        for spec in deck.levels[level]
    ]


def resolve_closing(deck: DeckSpec, pack: PackOf = NO_PACK) -> list[Card]:
    """The deck's closing cards."""
    audience, tags = frozenset(deck.audience), frozenset(deck.tags)
    return [_resolve(spec, deck, None, audience, tags, pack) for spec in deck.closing]


def card_level_names(card: Card) -> dict[int, str]:
    """The level names as ``card`` shows them: the defaults, with its own pack's name for
    its level (GAME.md: a pack's names belong to that pack's cards).

    >>> card = Card(id="a", kind="ask", text="?", type="emotional", level=1,
    ...             audience=ALL_AUDIENCES, pack="Sparks", level_name="Sparks")
    >>> card_level_names(card)[1], card_level_names(card)[2]
    ('Sparks', 'Confidentiality')
    """
    names = dict(DEFAULT_LEVEL_NAMES)
    if card.level is not None and card.level_name:
        names[card.level] = card.level_name
    return names


def bar_level_names(cards: Iterable[Card]) -> dict[int, str]:
    """The level bar's names for the cards in play: the defaults, unless every one of them
    comes from one pack; then that pack's names (those its cards carry).

    >>> core = Card(id="c", kind="ask", text="?", type="emotional", level=1,
    ...             audience=ALL_AUDIENCES, pack="Core")
    >>> spark = core.model_copy(update={"id": "s", "pack": "Sparks", "level_name": "Sparks"})
    >>> bar_level_names([spark])[1], bar_level_names([spark, core])[1]
    ('Sparks', 'Warmth')
    """
    names = dict(DEFAULT_LEVEL_NAMES)
    packs: set[str] = set()
    for card in cards:
        packs.add(card.pack)
        if len(packs) > 1:
            return dict(DEFAULT_LEVEL_NAMES)
        if card.level is not None and card.level_name:
            names[card.level] = card.level_name
    return names


def level_name(level: int, names: Mapping[int, str] | None = None) -> str:
    """The display name of a level: the pack's name, the default, or ``Level N``."""
    if names and level in names:
        return names[level]
    return DEFAULT_LEVEL_NAMES.get(level, f"Level {level}")


def level_label(level: int, names: Mapping[int, str] | None = None) -> str:
    """A level as players see it: its number and, when it has one, its name.

    >>> level_label(1), level_label(6), level_label(6, {6: "Home"})
    ('Level 1 · Warmth', 'Level 6', 'Level 6 · Home')
    """
    name = level_name(level, names)
    number = f"Level {level}"
    return number if name == number else f"{number} · {name}"
