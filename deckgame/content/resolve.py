"""Cards resolved against their deck and pack: ids, defaults, level names.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi {player}?"}]}}
... )
>>> [card.text for card in resolve_cards(deck)]
['Hi {player}?']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from deckgame.content.specs import (
    ALL_AUDIENCES,
    DEFAULT_LEVEL_NAMES,
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
from deckgame.i18n import _

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


_CARD_FIELDS = tuple(Card.model_fields)
_set = object.__setattr__


def _card(values: dict[str, object]) -> Card:
    """A ``Card`` of every field's value, built without a second validation.

    Every value comes from specs pydantic has just validated, and this is the hot path of
    loading (ten thousand cards cost more to re-validate than to parse). It sets what
    ``Card.model_construct`` sets for a full set of fields, without its per-field default
    handling (a third of its time). A test checks the result equals a validated Card.
    """
    card = Card.__new__(Card)
    _set(card, "__dict__", values)
    _set(card, "__pydantic_fields_set__", set(_CARD_FIELDS))
    _set(card, "__pydantic_extra__", None)
    _set(card, "__pydantic_private__", None)
    return card


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
    if names and level in names and names[level] != DEFAULT_LEVEL_NAMES.get(level):
        return names[level]  # the pack's own name, as it wrote it
    default = DEFAULT_LEVEL_NAMES.get(level)
    # Translators: a level of intimacy with no name of its own; {n} is its number (1-9).
    return _(default) if default is not None else _("Level {n}").format(n=level)


def level_label(level: int, names: Mapping[int, str] | None = None) -> str:
    """A level as players see it: its number and, when it has one, its name.

    >>> level_label(1), level_label(6), level_label(6, {6: "Home"})
    ('Level 1 · Warmth', 'Level 6', 'Level 6 · Home')
    """
    name = level_name(level, names)
    number = _("Level {n}").format(n=level)
    return number if name == number else _("{level} · {name}").format(level=number, name=name)
