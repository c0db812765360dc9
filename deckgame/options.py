"""The fixed choices and ranges of a session and a deck, and one session's options.

One source for each: the audiences, the intimacy type ids, how many players, levels,
seconds and trust-building rounds, the rules a player name follows, the window size.
This module imports nothing heavy (no pydantic, pygame or yaml), so the command line can
check ``--players`` and ``--windowed`` before anything else loads; ``deckgame.model``
builds its enums and bounds from it, and a test checks that they agree.

>>> parse_size("1280 x 720")
(1280, 720)
>>> SessionOptions(players=("Ana", "Ben")).with_defaults().audience
'friends'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = [
    "AUDIENCE_IDS",
    "DEFAULT_AUDIENCE",
    "DEFAULT_OFFERED",
    "DEFAULT_UNLOCK_ROUNDS",
    "MAX_LEVEL",
    "MAX_NAME",
    "MAX_PLAYERS",
    "MAX_SECONDS",
    "MAX_UNLOCK_ROUNDS",
    "MIN_LEVEL",
    "MIN_PLAYERS",
    "MIN_SECONDS",
    "MIN_UNLOCK_ROUNDS",
    "MIN_WINDOW",
    "OFFERED_CHOICES",
    "TYPE_IDS",
    "WHO_IDS",
    "SessionOptions",
    "name_key",
    "parse_size",
]

# Who a session is for, and the five kinds of connection a card explores, in the order
# every list and chart shows them.
AUDIENCE_IDS: tuple[str, ...] = ("couples", "friends", "family")
TYPE_IDS: tuple[str, ...] = ("physical", "emotional", "experiential", "spiritual", "intellectual")
WHO_IDS: tuple[str, ...] = ("player", "other", "everyone")

MIN_PLAYERS, MAX_PLAYERS = 2, 8
MIN_LEVEL, MAX_LEVEL = 1, 9
MIN_SECONDS, MAX_SECONDS = 5, 3600  # a challenge's timer
MIN_UNLOCK_ROUNDS, MAX_UNLOCK_ROUNDS = 1, 10
OFFERED_CHOICES: tuple[int, ...] = (1, 2)  # cards offered per draw

DEFAULT_AUDIENCE = "friends"
DEFAULT_UNLOCK_ROUNDS = 2
DEFAULT_OFFERED = 1

# A player's name: at most this many characters once trimmed (NFC); two names are one
# when their keys (see name_key) are equal.
MAX_NAME = 24

MIN_WINDOW = (320, 240)
_SIZE = re.compile(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*")


def name_key(name: str) -> str:
    """A name as the engine compares names: NFC, trimmed, without regard to case.

    >>> name_key(" ANA ") == name_key("ana")
    True
    """
    return unicodedata.normalize("NFC", name).strip().casefold()


def parse_size(text: str) -> tuple[int, int]:
    """A window size written ``WIDTHxHEIGHT`` (``1280x720``, ``1280 x 720``, ``1280×720``).

    Raises ``ValueError`` with a sentence to show after the option's name.

    >>> parse_size("200x100")
    Traceback (most recent call last):
    ...
    ValueError: the window must be at least 320x240
    """
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"expected WIDTHxHEIGHT such as 1280x720, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if width < MIN_WINDOW[0] or height < MIN_WINDOW[1]:
        raise ValueError(f"the window must be at least {MIN_WINDOW[0]}x{MIN_WINDOW[1]}")
    return width, height


@dataclass(frozen=True)
class SessionOptions:
    """What the command line chose for a session; ``None`` means "ask in setup".

    Built once by the command (``deckgame play``), handed to the window and on to every
    scene through the context. Ids are plain strings (``"couples"``, ``"physical"``), so
    holding one loads nothing; the engine's ``Settings`` are made from them when play
    starts.
    """

    decks: tuple[Path, ...] = ()
    players: tuple[str, ...] | None = None
    audience: str | None = None
    types: tuple[str, ...] | None = None
    excluded: tuple[str, ...] | None = None  # lines, folded as deck tags are
    unlock_rounds: int | None = None
    offered: int | None = None
    seed: int | None = None
    log: Path | None = None
    size: tuple[int, int] | None = None  # a window of this size (not fullscreen)
    fullscreen: bool | None = None  # None: as the player's settings say

    def with_defaults(self) -> SessionOptions:
        """The options with every game choice filled in as setup fills it when not given.

        >>> SessionOptions().with_defaults().unlock_rounds
        2
        """
        return replace(
            self,
            audience=self.audience or DEFAULT_AUDIENCE,
            types=self.types or TYPE_IDS,
            excluded=self.excluded or (),
            unlock_rounds=self.unlock_rounds or DEFAULT_UNLOCK_ROUNDS,
            offered=self.offered or DEFAULT_OFFERED,
        )
