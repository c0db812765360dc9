"""Session settings, chosen before play: players, audience, types, lines, pace, decks.

Validated and normalised on creation; a name must be one a player can read.

>>> s = Settings(players=(" Ana ", "Bo"))
>>> s.players, s.unlock_rounds, s.offered
(('Ana', 'Bo'), 2, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from deckgame.engine.codec import dump, field_codecs, load, reads
from deckgame.engine.saved import MAX_ID, Fields
from deckgame.kinds import MAX_PLAYERS, Audience, IntimacyType
from deckgame.options import MAX_NAME as MAX_NAME
from deckgame.options import PlayerCountProblem, PlayerNameProblem, check_players
from deckgame.options import is_visible as is_visible

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
        try:
            names = check_players(self.players)
        except PlayerCountProblem as error:
            raise PlayerCountError(str(error)) from None
        except PlayerNameProblem as error:
            raise PlayerNameError(str(error)) from None
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
