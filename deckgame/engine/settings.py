"""Session settings, chosen before play: players, audience, types, lines, pace, decks.

Validated and normalised on creation; a name must be one a player can read.

>>> s = Settings(players=(" Ana ", "Bo"))
>>> s.players, s.unlock_rounds, s.offered
(('Ana', 'Bo'), 2, 1)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from deckgame.engine.codec import dump, field_codecs, load, reads
from deckgame.engine.saved import MAX_ID, Fields
from deckgame.model import MAX_PLAYERS, MIN_PLAYERS, Audience, IntimacyType

MAX_NAME = 24
MIN_UNLOCK_ROUNDS = 1
MAX_UNLOCK_ROUNDS = 10
MAX_LINES = 10_000  # excluded tags a saved session may hold
_TYPES = frozenset(t.value for t in IntimacyType)
_AUDIENCES = frozenset(a.value for a in Audience)


class SettingsError(ValueError):
    """The session settings are not valid."""


class PlayerCountError(SettingsError):
    """Fewer than 2 or more than 8 players."""


class PlayerNameError(SettingsError):
    """A name is empty, longer than 24 characters, has control characters, has no visible
    character (only zero-width or combining ones, see :func:`is_visible`), or repeats."""


class TypesError(SettingsError):
    """The intimacy types in play are empty or unknown."""


class OptionError(SettingsError):
    """``unlock_rounds`` not 1-10, ``offered`` not 1 or 2, or a bad tag/deck list."""


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


def _clean_name(raw: str) -> str:
    name = unicodedata.normalize("NFC", str(raw)).strip()
    if not name:
        raise PlayerNameError("a player name cannot be empty")
    if len(name) > MAX_NAME:
        raise PlayerNameError(f"the name {name[:MAX_NAME]!r}... is longer than {MAX_NAME}")
    # Zero-width joiners belong to names in Persian, Indic scripts and emoji sequences;
    # other format characters (direction overrides among them) could disguise a name,
    # and a lone surrogate (from a JSON escape) is no character at all.
    if any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in _JOINERS
        for ch in name
    ):
        raise PlayerNameError(f"the name {name!r} contains control characters")
    if not any(is_visible(ch) for ch in name):
        # Shown as code points: the name itself would print as nothing.
        raise PlayerNameError(
            f"a player name needs at least one visible character, not only {_code_points(name)}"
        )
    return name


def _tags(raw: Iterable[object]) -> frozenset[str]:
    """Excluded tags as decks spell them: deck tags are lowercase slugs, so ``Touch``
    (or `` touch ``) typed by the group excludes ``touch``. Blank entries drop out.

    >>> sorted(_tags(["Touch", " PAST ", ""]))
    ['past', 'touch']
    """
    tags = (str(tag).strip().casefold() for tag in raw)
    return frozenset(tag for tag in tags if tag)


def _read_decks(saved: Fields, key: str, players: int) -> frozenset[str] | None:
    """The deck names in play; absent or ``null``: every deck loaded."""
    if saved.raw(key, None) is None:
        return None
    return frozenset(saved.texts(key, MAX_ID))


@dataclass(frozen=True, slots=True)
class Settings:
    """Session settings, chosen before play. Validated and normalised on creation.

    Names are stripped (NFC) and must be unique ignoring case. Excluded tags match
    without regard to case (stored casefolded). ``decks`` lists the deck names in play
    (``None`` = every deck loaded). Saved and read back from the fields, as ``State`` is
    (:mod:`deckgame.engine.codec`).

    >>> Settings(players=("Ana",))
    Traceback (most recent call last):
    ...
    deckgame.engine.settings.PlayerCountError: 2 to 8 players are needed, not 1
    """

    players: tuple[str, ...] = field(
        metadata=reads(lambda saved, key, _: tuple(saved.texts(key, items=MAX_PLAYERS)))
    )
    audience: Audience = field(
        default=Audience.FRIENDS,
        metadata=reads(lambda saved, key, _: Audience(saved.choice(key, _AUDIENCES))),
    )
    types: frozenset[IntimacyType] = field(
        default=frozenset(IntimacyType),
        metadata=reads(
            lambda saved, key, _: frozenset(IntimacyType(t) for t in saved.choices(key, _TYPES))
        ),
    )
    excluded: frozenset[str] = field(
        default=frozenset(),
        metadata=reads(
            lambda saved, key, _: frozenset(saved.texts(key, items=MAX_LINES, default=[]))
        ),
    )
    unlock_rounds: int = field(
        default=2,
        metadata=reads(
            lambda saved, key, _: saved.integer(key, MIN_UNLOCK_ROUNDS, MAX_UNLOCK_ROUNDS, 2)
        ),
    )
    offered: int = field(
        default=1, metadata=reads(lambda saved, key, _: saved.integer(key, 1, 2, 1))
    )
    decks: frozenset[str] | None = field(default=None, metadata=reads(_read_decks))

    def __post_init__(self) -> None:
        names = tuple(_clean_name(name) for name in self.players)
        if not MIN_PLAYERS <= len(names) <= MAX_PLAYERS:
            raise PlayerCountError(
                f"{MIN_PLAYERS} to {MAX_PLAYERS} players are needed, not {len(names)}"
            )
        folded = [name.casefold() for name in names]
        for index, key in enumerate(folded):
            if key in folded[:index]:
                raise PlayerNameError(f"two players are called {names[index]!r}")
        try:
            audience = Audience(self.audience)
            types = frozenset(IntimacyType(t) for t in self.types)
        except ValueError as error:
            raise TypesError(str(error)) from error
        if not types:
            raise TypesError("at least one intimacy type must be in play")
        if isinstance(self.unlock_rounds, bool) or not (
            isinstance(self.unlock_rounds, int)
            and MIN_UNLOCK_ROUNDS <= self.unlock_rounds <= MAX_UNLOCK_ROUNDS
        ):
            raise OptionError(
                f"rounds to unlock must be {MIN_UNLOCK_ROUNDS}-{MAX_UNLOCK_ROUNDS},"
                f" not {self.unlock_rounds!r}"
            )
        if self.offered not in (1, 2) or isinstance(self.offered, bool):
            raise OptionError(f"cards offered must be 1 or 2, not {self.offered!r}")
        if isinstance(self.excluded, str) or (
            self.decks is not None and isinstance(self.decks, str)
        ):
            raise OptionError("excluded tags and decks are collections, not one string")
        # Frozen: normalised values are written once, here.
        object.__setattr__(self, "players", names)
        object.__setattr__(self, "audience", audience)
        object.__setattr__(self, "types", types)
        object.__setattr__(self, "excluded", _tags(self.excluded))
        if self.decks is not None:
            object.__setattr__(self, "decks", frozenset(str(d) for d in self.decks))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, with sorted lists so equal settings give equal dicts."""
        return dump(self, _FIELDS)

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        """Settings from ``to_dict`` output, read strictly (:mod:`deckgame.engine.saved`)
        and validated again; ``ValueError`` for anything else."""
        return cls(**load(Fields(data, "settings"), _FIELDS))


_FIELDS = field_codecs(Settings)
