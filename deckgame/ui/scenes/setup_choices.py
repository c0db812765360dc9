"""What setup knows without drawing anything: the words of its choices, the seat-name
checks and the count of cards the choices leave.

Ranges and defaults come from :mod:`deckgame.options` (the one place they are written),
so setup offers exactly what the command line and a session accept.

>>> sorted(OFFERED_LABELS) == list(OFFERED_CHOICES)
True
"""

from __future__ import annotations

from collections.abc import Iterable

from deckgame.engine import Settings
from deckgame.engine.dealer import playable
from deckgame.i18n import N_, _
from deckgame.kinds import Audience, Card
from deckgame.options import (
    MAX_PLAYERS,
    MAX_UNLOCK_ROUNDS,
    MIN_PLAYERS,
    MIN_UNLOCK_ROUNDS,
    OFFERED_CHOICES,
    name_key,
)

__all__ = [
    "AUDIENCE_HINTS",
    "AUDIENCE_LABELS",
    "MAX_LINE",
    "MAX_PLAYERS",
    "MAX_UNLOCK_ROUNDS",
    "MIN_PLAYERS",
    "MIN_UNLOCK_ROUNDS",
    "OFFERED_CHOICES",
    "OFFERED_LABELS",
    "PAGES",
    "cards_in_play",
    "duplicate_message",
    "duplicate_seat",
    "name_key",
    "player_placeholder",
    "sentence",
]

PAGES = 2  # who is playing, then what to play
MAX_LINE = 40  # a deck tag's longest form

AUDIENCE_LABELS: dict[Audience, str] = {
    Audience.COUPLES: N_("Couples"),
    Audience.FRIENDS: N_("Friends"),
    Audience.FAMILY: N_("Family"),
}
"""The audience toggles, in English: shown through ``_()``."""

AUDIENCE_HINTS: dict[Audience, str] = {
    Audience.COUPLES: N_("every card, romance included"),
    Audience.FRIENDS: N_("no couples-only cards"),
    Audience.FAMILY: N_("only family-friendly cards"),
}
"""What each audience lets in, under its toggles."""

OFFERED_LABELS: dict[int, str] = dict(
    zip(OFFERED_CHOICES, (N_("1 card"), N_("2 cards, pick one")), strict=True)
)
"""The choices of cards offered per turn (every value ``Settings.offered`` accepts)."""


def player_placeholder(index: int) -> str:
    """The grey text of an empty name field: ``Player 3`` for the third seat."""
    return _("Player {number}").format(number=index + 1)


def duplicate_seat(names: list[str]) -> tuple[int, int] | None:
    """The first two seats (indexes into ``names``) whose names are the same ignoring case;
    empty seats are left out.

    >>> duplicate_seat(["Ana", "", "Ben", "ANA"])
    (0, 3)
    """
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name_key(name)
        if not key:
            continue
        if key in seen:
            return seen[key], index
        seen[key] = index
    return None


def duplicate_message(first: str, second: str) -> str:
    """What setup says about two seats with one name, each name as it was typed.

    >>> duplicate_message("Ana ", "ANA")
    "'Ana' and 'ANA' count as the same name: change one of them"
    """
    first, second = first.strip(), second.strip()
    if first == second:
        return _("Two players are called '{name}': give one of them another name").format(
            name=second
        )
    return _("'{first}' and '{second}' count as the same name: change one of them").format(
        first=first, second=second
    )


def sentence(text: str) -> str:
    """``text`` with a capital first letter and every other letter as it was (names!).

    >>> sentence("ana's turn")
    "Ana's turn"
    """
    return text[:1].upper() + text[1:]


def cards_in_play(cards: Iterable[Card], settings: Settings) -> int:
    """How many of ``cards`` a session with ``settings`` deals from with everyone present:
    the engine's own filter (:func:`deckgame.engine.dealer.playable`), counted."""
    return sum(1 for card in cards if playable(card, settings))
