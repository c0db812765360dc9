"""The whole session as plain data: settings, the phase, counters, piles and the table.

``State`` is mutable and owned by a :class:`deckgame.engine.Game`; it serialises to a
JSON-safe dict and back exactly (cards are referenced by id).

>>> s = Settings(players=(" Ana ", "Bo"))
>>> s.players, s.unlock_rounds, s.offered
(('Ana', 'Bo'), 2, 1)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from deckgame.engine.saved import (
    MAX_COUNT,
    MAX_ID,
    MAX_SECONDS,
    MAX_SEED,
    Fields,
    SaveError,
    describe,
    read_choice,
    read_int,
    read_list,
    read_text,
)
from deckgame.model import MAX_LEVEL, MAX_PLAYERS, MIN_LEVEL, MIN_PLAYERS, Audience, IntimacyType

MAX_NAME = 24
MIN_UNLOCK_ROUNDS = 1
MAX_UNLOCK_ROUNDS = 10
MAX_LINES = 10_000  # excluded tags a saved session may hold
PileKey = tuple[str, int]
"""A pile: (intimacy type value, level)."""
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


class Phase(StrEnum):
    """Where the session is; each phase accepts its own actions.

    - ``offer``: two cards offered; the active player picks one (``Pick``).
    - ``card``: one card on the table: ``Done``, ``Pass``, ``Skip``, ``Veto``, ``Star``,
      ``ChooseOther``, ``TimerStart``/``TimerPause``.
    - ``after``: the card is done: ``Warmth`` from each other player, ``Star``, ``Next``.
    - ``deeper``: the go-deeper question: ``Agree``/``NotYet`` in seat order.
    - ``dry``: no card left at this level: ``Agree``/``NotYet`` to go deeper (when a
      deeper level has cards), ``StepBack`` or ``End``.
    - ``waiting``: fewer than two players present: ``Back``, ``Away``, ``StepBack``,
      ``End``; play resumes when a second player is back.
    - ``ended``: the summary; only ``Undo``.

    ``Hold``/``Resume`` and ``Away``/``Back`` belong to every phase but ``ended``.
    """

    OFFER = "offer"
    CARD = "card"
    AFTER = "after"
    DEEPER = "deeper"
    DRY = "dry"
    WAITING = "waiting"
    ENDED = "ended"


_PHASES = frozenset(p.value for p in Phase)

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


@dataclass(frozen=True, slots=True)
class Settings:
    """Session settings, chosen before play. Validated and normalised on creation.

    Names are stripped (NFC) and must be unique ignoring case. Excluded tags match
    without regard to case (stored casefolded). ``decks`` lists the deck names in play
    (``None`` = every deck loaded).

    >>> Settings(players=("Ana",))
    Traceback (most recent call last):
    ...
    deckgame.engine.state.PlayerCountError: 2 to 8 players are needed, not 1
    """

    players: tuple[str, ...]
    audience: Audience = Audience.FRIENDS
    types: frozenset[IntimacyType] = frozenset(IntimacyType)
    excluded: frozenset[str] = frozenset()
    unlock_rounds: int = 2
    offered: int = 1
    decks: frozenset[str] | None = None

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
        return {
            "players": list(self.players),
            "audience": self.audience.value,
            "types": sorted(t.value for t in self.types),
            "excluded": sorted(self.excluded),
            "unlock_rounds": self.unlock_rounds,
            "offered": self.offered,
            "decks": None if self.decks is None else sorted(self.decks),
        }

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        """Settings from ``to_dict`` output, read strictly (:mod:`deckgame.engine.saved`)
        and validated again; ``ValueError`` for anything else."""
        fields = Fields(data, "settings")
        decks = fields.raw("decks", None)
        return cls(
            players=tuple(fields.texts("players", items=MAX_PLAYERS)),
            audience=Audience(fields.choice("audience", _AUDIENCES)),
            types=frozenset(IntimacyType(t) for t in fields.choices("types", _TYPES)),
            excluded=frozenset(fields.texts("excluded", items=MAX_LINES, default=[])),
            unlock_rounds=fields.integer("unlock_rounds", MIN_UNLOCK_ROUNDS, MAX_UNLOCK_ROUNDS, 2),
            offered=fields.integer("offered", 1, 2, 1),
            decks=None if decks is None else frozenset(fields.texts("decks", MAX_ID)),
        )


@dataclass(slots=True)
class State:
    """The live session. Read it freely; change it only through ``Game.apply``.

    Seats are 0-based. ``piles`` map (type, level) to card ids, the top of a pile being
    the END of its list. ``offered`` holds the cards of the offer phase; ``card`` the one
    on the table in the card and after phases.

    ``away`` says per seat who stepped away; ``round_away`` who was away when their turn
    came this round (or handed their turn back by going away): they do not spoil the
    round's trust. ``deeper_waiting``: the go-deeper question is due but waits for the
    away players. ``held``: the game is on hold. Per-seat lists left empty are filled
    with ``False`` on creation.
    """

    settings: Settings
    seed: int
    draws: int = 0  # position of the counter-based RNG: how many numbers were drawn
    phase: Phase = Phase.CARD
    level: int = 1
    deepest: int = 1
    turn: int = 1  # the current turn, counted from 1 over the session
    round: int = 1  # the current round, counted from 1
    seat: int = 0  # the active player's seat
    trust_rounds: int = 0  # trust-building rounds at this level since it was reached
    round_done: list[bool] = field(default_factory=list)  # per seat: done a card this round
    piles: dict[PileKey, list[str]] = field(default_factory=dict)
    mix: dict[str, int] = field(default_factory=dict)  # cards dealt per type at this level
    offered: list[str] = field(default_factory=list)
    card: str | None = None
    other: int | None = None
    timer_started: float | None = None  # caller's clock when the running timer started
    timer_elapsed: float = 0.0  # seconds counted before the last start
    votes: int = 0  # how many seats (from seat 0) agreed at the current question
    warmth_from: list[int] = field(default_factory=list)  # givers for the card on the table
    warmth_given: list[int] = field(default_factory=list)
    warmth_received: list[int] = field(default_factory=list)
    starred: list[str] = field(default_factory=list)
    done_by_type: dict[str, int] = field(default_factory=dict)
    dealt: dict[str, None] = field(default_factory=dict)  # every id shown, in order (a set)
    gone: set[str] = field(default_factory=set)  # done or vetoed: never dealt again
    away: list[bool] = field(default_factory=list)  # per seat: stepped away
    round_away: list[bool] = field(default_factory=list)  # per seat: away at their turn
    held: bool = False
    deeper_waiting: bool = False

    def __post_init__(self) -> None:
        count = len(self.settings.players)
        if not self.away:
            self.away = [False] * count
        if not self.round_away:
            self.round_away = [False] * count

    @property
    def players(self) -> tuple[str, ...]:
        return self.settings.players

    @property
    def active_player(self) -> str:
        return self.settings.players[self.seat]

    def copy(self) -> State:
        """An independent copy (lists and dicts copied; cards are ids, so this is cheap)."""
        return State(
            settings=self.settings,
            seed=self.seed,
            draws=self.draws,
            phase=self.phase,
            level=self.level,
            deepest=self.deepest,
            turn=self.turn,
            round=self.round,
            seat=self.seat,
            trust_rounds=self.trust_rounds,
            round_done=list(self.round_done),
            piles={key: list(pile) for key, pile in self.piles.items()},
            mix=dict(self.mix),
            offered=list(self.offered),
            card=self.card,
            other=self.other,
            timer_started=self.timer_started,
            timer_elapsed=self.timer_elapsed,
            votes=self.votes,
            warmth_from=list(self.warmth_from),
            warmth_given=list(self.warmth_given),
            warmth_received=list(self.warmth_received),
            starred=list(self.starred),
            done_by_type=dict(self.done_by_type),
            dealt=dict(self.dealt),
            gone=set(self.gone),
            away=list(self.away),
            round_away=list(self.round_away),
            held=self.held,
            deeper_waiting=self.deeper_waiting,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe data; ``State.from_dict(state.to_dict()) == state``."""
        return {
            "settings": self.settings.to_dict(),
            "seed": self.seed,
            "draws": self.draws,
            "phase": self.phase.value,
            "level": self.level,
            "deepest": self.deepest,
            "turn": self.turn,
            "round": self.round,
            "seat": self.seat,
            "trust_rounds": self.trust_rounds,
            "round_done": list(self.round_done),
            "piles": [[t, lv, list(pile)] for (t, lv), pile in self.piles.items()],
            "mix": dict(self.mix),
            "offered": list(self.offered),
            "card": self.card,
            "other": self.other,
            "timer_started": self.timer_started,
            "timer_elapsed": self.timer_elapsed,
            "votes": self.votes,
            "warmth_from": list(self.warmth_from),
            "warmth_given": list(self.warmth_given),
            "warmth_received": list(self.warmth_received),
            "starred": list(self.starred),
            "done_by_type": dict(self.done_by_type),
            "dealt": list(self.dealt),
            "gone": sorted(self.gone),
            "away": list(self.away),
            "round_away": list(self.round_away),
            "held": self.held,
            "deeper_waiting": self.deeper_waiting,
        }

    @classmethod
    def from_dict(cls, data: object) -> State:
        """The state ``to_dict`` wrote, every field read strictly (see
        :mod:`deckgame.engine.saved`): ``ValueError`` for anything else.

        Saves from before away and hold load with everyone present and nothing held.
        The parts are checked one by one here; how they fit together is the game's check.
        """
        fields = Fields(data, "state")
        settings = Settings.from_dict(fields.raw("settings"))
        count = len(settings.players)
        last = count - 1
        piles: dict[PileKey, list[str]] = {}
        for key, pile in read_list(fields.raw("piles"), "state.piles", _read_pile, longest=99):
            if key in piles:
                raise SaveError(f"state.piles: two piles for {key[0]} level {key[1]}")
            piles[key] = pile
        return cls(
            settings=settings,
            seed=fields.integer("seed", -MAX_SEED, MAX_SEED),
            draws=fields.integer("draws", 0, MAX_COUNT * 1000),
            phase=Phase(fields.choice("phase", _PHASES)),
            level=fields.integer("level", MIN_LEVEL, MAX_LEVEL),
            deepest=fields.integer("deepest", MIN_LEVEL, MAX_LEVEL),
            turn=fields.integer("turn", 1, MAX_COUNT),
            round=fields.integer("round", 1, MAX_COUNT),
            seat=fields.integer("seat", 0, last),
            trust_rounds=fields.integer("trust_rounds", 0, MAX_COUNT),
            round_done=fields.flags("round_done", length=count),
            piles=piles,
            mix=fields.counts("mix", _TYPES),
            offered=fields.texts("offered", MAX_ID, items=2),
            card=fields.optional_text("card", MAX_ID),
            other=fields.optional_integer("other", 0, last),
            timer_started=fields.optional_number("timer_started", -MAX_SECONDS, MAX_SECONDS),
            timer_elapsed=fields.number("timer_elapsed", 0.0, MAX_SECONDS),
            votes=fields.integer("votes", 0, last),
            warmth_from=fields.integers("warmth_from", 0, last, items=last),
            warmth_given=fields.integers("warmth_given", 0, MAX_COUNT, length=count),
            warmth_received=fields.integers("warmth_received", 0, MAX_COUNT, length=count),
            starred=fields.texts("starred", MAX_ID),
            done_by_type=fields.counts("done_by_type", _TYPES),
            dealt=dict.fromkeys(fields.texts("dealt", MAX_ID)),
            gone=set(fields.texts("gone", MAX_ID)),
            # Older saves have no away state: everyone present (filled in on creation).
            away=fields.flags("away", length=count) if fields.has("away") else [],
            round_away=(
                fields.flags("round_away", length=count) if fields.has("round_away") else []
            ),
            held=fields.flag("held", False),
            deeper_waiting=fields.flag("deeper_waiting", False),
        )


def _read_pile(value: object, what: str) -> tuple[PileKey, list[str]]:
    """A saved pile: ``[type, level, [card id, ...]]``."""
    if not isinstance(value, list) or len(value) != 3:
        raise SaveError(f"{what}: [type, level, cards] is needed, not {describe(value)}")
    type_ = read_choice(value[0], f"{what}[0]", _TYPES)
    level = read_int(value[1], f"{what}[1]", MIN_LEVEL, MAX_LEVEL)
    cards = read_list(value[2], f"{what}[2]", lambda v, w: read_text(v, w, MAX_ID))
    return (type_, level), cards


def seats_other_than(seat: int, count: int) -> Iterable[int]:
    """Every seat but ``seat``, clockwise starting after it."""
    return ((seat + step) % count for step in range(1, count))
