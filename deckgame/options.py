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
from collections.abc import Iterable
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
    "PlayerCountProblem",
    "PlayerNameProblem",
    "SessionOptions",
    "check_players",
    "clean_name",
    "is_visible",
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


class PlayerCountProblem(ValueError):
    """Fewer than 2 or more than 8 players."""


class PlayerNameProblem(ValueError):
    """A name no player could read or tell apart from another (see :func:`clean_name`)."""


_JOINERS = frozenset({"\u200c", "\u200d"})  # zero-width non-joiner and joiner

# Characters that leave no mark of their own. Unicode's Default_Ignorable_Code_Point
# (DerivedCoreProperties.txt; Python's unicodedata does not carry it), as ranges: the
# soft hyphen, the combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
# inherent vowels, Mongolian variation selectors and vowel separator, zero-width and
# direction marks, invisible operators, variation selectors, the byte order mark,
# shorthand format controls, musical symbol formatting, tags and their selectors.
_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Marks that draw on another character, spaces and separators, controls and formats:
# none of them is seen alone.
_UNSEEN_CATEGORIES = frozenset({"Mn", "Me", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs"})
_BLANK_GLYPHS = frozenset({"\u2800"})  # BRAILLE PATTERN BLANK: a letter-sized nothing


def is_visible(ch: str) -> bool:
    """Whether the character ``ch`` leaves a mark of its own on the screen.

    Not visible: combining and enclosing marks (``Mn``, ``Me``), spaces and separators
    (``Zs``, ``Zl``, ``Zp``), controls, format characters and surrogates (``Cc``, ``Cf``,
    ``Cs``), the default-ignorable code points (variation selectors, the combining grapheme
    joiner, Hangul fillers, tags...) and the blank Braille pattern. Everything else is:
    letters and digits of every script, punctuation, symbols and emoji, spacing marks, and
    code points this Python's Unicode tables do not know yet (newer emoji).

    >>> [is_visible(c) for c in ("a", "日", "😀", "\u200c", "\ufe0f", "\u034f", "\U000e0100")]
    [True, True, True, False, False, False, False]
    """
    point = ord(ch)
    if any(low <= point <= high for low, high in _IGNORABLE) or ch in _BLANK_GLYPHS:
        return False
    return unicodedata.category(ch) not in _UNSEEN_CATEGORIES


def _code_points(text: str) -> str:
    return " ".join(f"U+{ord(ch):04X}" for ch in text)


def clean_name(raw: str) -> str:
    """A player name trimmed (NFC) and checked: ``PlayerNameProblem`` when no player could
    read or tell it apart.

    >>> clean_name("  Ana ")
    'Ana'
    """
    name = unicodedata.normalize("NFC", str(raw)).strip()
    if not name:
        raise PlayerNameProblem("a player name cannot be empty")
    if len(name) > MAX_NAME:
        raise PlayerNameProblem(f"the name {name[:MAX_NAME]!r}... is longer than {MAX_NAME}")
    # Zero-width joiners belong to names in Persian, Indic scripts and emoji sequences;
    # other format characters (direction overrides among them) could disguise a name,
    # and a lone surrogate (from a JSON escape) is no character at all.
    if any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in _JOINERS
        for ch in name
    ):
        raise PlayerNameProblem(f"the name {name!r} contains control characters")
    if not any(is_visible(ch) for ch in name):
        # Shown as code points: the name itself would print as nothing.
        raise PlayerNameProblem(
            f"a player name needs at least one visible character, not only {_code_points(name)}"
        )
    return name


def check_players(names: Iterable[str]) -> tuple[str, ...]:
    """The names of a table, cleaned (:func:`clean_name`), counted and unique ignoring
    case; the engine's ``Settings`` and ``deckgame play`` (before any window) both ask here.

    >>> check_players(["Ana", "ana"])
    Traceback (most recent call last):
    ...
    deckgame.options.PlayerNameProblem: two players are called 'ana'
    """
    cleaned = tuple(clean_name(name) for name in names)
    if not MIN_PLAYERS <= len(cleaned) <= MAX_PLAYERS:
        raise PlayerCountProblem(
            f"{MIN_PLAYERS} to {MAX_PLAYERS} players are needed, not {len(cleaned)}"
        )
    folded = [name.casefold() for name in cleaned]
    for index, key in enumerate(folded):
        if key in folded[:index]:
            raise PlayerNameProblem(f"two players are called {cleaned[index]!r}")
    return cleaned


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
    lang: str | None = None  # --lang: the interface language (None: saved, else the system's)

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
