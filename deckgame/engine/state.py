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

from deckgame.model import MAX_PLAYERS, MIN_PLAYERS, Audience, IntimacyType

MAX_NAME = 24
MIN_UNLOCK_ROUNDS = 1
MAX_UNLOCK_ROUNDS = 10
PileKey = tuple[str, int]
"""A pile: (intimacy type value, level)."""


class SettingsError(ValueError):
    """The session settings are not valid."""


class PlayerCountError(SettingsError):
    """Fewer than 2 or more than 8 players."""


class PlayerNameError(SettingsError):
    """A name is empty, longer than 24 characters, has control characters, or repeats."""


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


_JOINERS = frozenset({"\u200c", "\u200d"})  # zero-width non-joiner and joiner


def _clean_name(raw: str) -> str:
    name = unicodedata.normalize("NFC", str(raw)).strip()
    if not name:
        raise PlayerNameError("a player name cannot be empty")
    if len(name) > MAX_NAME:
        raise PlayerNameError(f"the name {name[:MAX_NAME]!r}... is longer than {MAX_NAME}")
    # Zero-width joiners belong to names in Persian, Indic scripts and emoji sequences;
    # other format characters (direction overrides among them) could disguise a name.
    if any(
        unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _JOINERS for ch in name
    ):
        raise PlayerNameError(f"the name {name!r} contains control characters")
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
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from ``to_dict`` output (validated again)."""
        decks = data.get("decks")
        return cls(
            players=tuple(data["players"]),
            audience=Audience(data["audience"]),
            types=frozenset(IntimacyType(t) for t in data["types"]),
            excluded=frozenset(data.get("excluded", ())),
            unlock_rounds=int(data.get("unlock_rounds", 2)),
            offered=int(data.get("offered", 1)),
            decks=None if decks is None else frozenset(decks),
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
    def from_dict(cls, data: dict[str, Any]) -> State:
        """The state ``to_dict`` wrote. ``KeyError``/``ValueError``/``TypeError`` if foreign.

        Saves from before away and hold load with everyone present and nothing held.
        """
        started = data["timer_started"]
        return cls(
            settings=Settings.from_dict(data["settings"]),
            seed=int(data["seed"]),
            draws=int(data["draws"]),
            phase=Phase(data["phase"]),
            level=int(data["level"]),
            deepest=int(data["deepest"]),
            turn=int(data["turn"]),
            round=int(data["round"]),
            seat=int(data["seat"]),
            trust_rounds=int(data["trust_rounds"]),
            round_done=[bool(x) for x in data["round_done"]],
            piles={(str(t), int(lv)): [str(c) for c in pile] for t, lv, pile in data["piles"]},
            mix={str(k): int(v) for k, v in data["mix"].items()},
            offered=[str(c) for c in data["offered"]],
            card=None if data["card"] is None else str(data["card"]),
            other=None if data["other"] is None else int(data["other"]),
            timer_started=None if started is None else float(started),
            timer_elapsed=float(data["timer_elapsed"]),
            votes=int(data["votes"]),
            warmth_from=[int(x) for x in data["warmth_from"]],
            warmth_given=[int(x) for x in data["warmth_given"]],
            warmth_received=[int(x) for x in data["warmth_received"]],
            starred=[str(c) for c in data["starred"]],
            done_by_type={str(k): int(v) for k, v in data["done_by_type"].items()},
            dealt=dict.fromkeys(str(c) for c in data["dealt"]),
            gone={str(c) for c in data["gone"]},
            away=[_flag(x) for x in data.get("away", ())],
            round_away=[_flag(x) for x in data.get("round_away", ())],
            held=_flag(data.get("held", False)),
            deeper_waiting=_flag(data.get("deeper_waiting", False)),
        )


def _flag(value: object) -> bool:
    """A saved boolean; anything else is foreign data (``"false"`` must not read as true)."""
    if not isinstance(value, bool):
        raise TypeError(f"not a boolean: {value!r}")
    return value


def seats_other_than(seat: int, count: int) -> Iterable[int]:
    """Every seat but ``seat``, clockwise starting after it."""
    return ((seat + step) % count for step in range(1, count))
