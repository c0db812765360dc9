"""Level names and the pack a card belongs to: what the table, the summary and the level
bar show. Pure data: no pydantic, no YAML (the game's start reads them from cached decks).

GAME.md, "Level names": the default names are the interface's (translated); a pack's own
names belong to that pack's cards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from deckgame.i18n import _
from deckgame.kinds import ALL_AUDIENCES as ALL_AUDIENCES
from deckgame.kinds import DEFAULT_LEVEL_NAMES, Card
from deckgame.kinds import IntimacyType as IntimacyType

__all__ = [
    "NO_PACK",
    "LevelNames",
    "PackOf",
    "bar_level_names",
    "card_level_names",
    "level_label",
    "level_name",
]


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


def card_level_names(card: Card) -> dict[int, str]:
    """The level names as ``card`` shows them: the defaults, with its own pack's name for
    its level (GAME.md: a pack's names belong to that pack's cards).

    >>> card = Card(id="a", kind="ask", text="?", type=IntimacyType.EMOTIONAL, level=1,
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

    >>> from dataclasses import replace
    >>> core = Card(id="c", kind="ask", text="?", type=IntimacyType.EMOTIONAL, level=1,
    ...             audience=ALL_AUDIENCES, pack="Core")
    >>> spark = replace(core, id="s", pack="Sparks", level_name="Sparks")
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
