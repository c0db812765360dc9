"""The whole session as plain data: the phase, counters, piles and the table.

``State`` is mutable and owned by a :class:`deckgame.engine.Game`; it serialises to a
JSON-safe dict and back exactly (cards are referenced by id). Copying, saving and reading
follow from its fields: each field's type has a codec (:mod:`deckgame.engine.codec`: how it is
copied and written) and each field says how it is read strictly (its ``read`` metadata).
A new field is one line here.

>>> state = State(settings=Settings(players=("Ana", "Bo")), seed=7, round_done=[False, True],
...               warmth_given=[0, 0], warmth_received=[0, 0])
>>> state.to_dict()["phase"], state.to_dict()["away"]
('card', [False, False])
>>> State.from_dict(state.to_dict()) == state and state.copy() == state
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from typing import Any

from deckgame.engine.codec import Reader, copied, dump, field_codecs, load, reads
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
from deckgame.engine.settings import MAX_LINES as MAX_LINES
from deckgame.engine.settings import MAX_NAME as MAX_NAME
from deckgame.engine.settings import MAX_UNLOCK_ROUNDS as MAX_UNLOCK_ROUNDS
from deckgame.engine.settings import MIN_UNLOCK_ROUNDS as MIN_UNLOCK_ROUNDS
from deckgame.engine.settings import OptionError as OptionError
from deckgame.engine.settings import PlayerCountError as PlayerCountError
from deckgame.engine.settings import PlayerNameError as PlayerNameError
from deckgame.engine.settings import Settings as Settings
from deckgame.engine.settings import SettingsError as SettingsError
from deckgame.engine.settings import TypesError as TypesError
from deckgame.engine.settings import is_visible as is_visible
from deckgame.kinds import MAX_LEVEL, MIN_LEVEL, IntimacyType

PileKey = tuple[str, int]
"""A pile: (intimacy type value, level)."""


class IdLog(set[str]):
    """A set of card ids that also keeps the order they were added in (``order``).

    Play only ever adds to it (:meth:`add`), so a checkpoint shares it and keeps just
    its length. Saved sorted, as a set.
    """

    __slots__ = ("order",)

    def __init__(self, ids: Iterable[str] = ()) -> None:
        order = list(dict.fromkeys(ids))
        super().__init__(order)
        self.order: list[str] = order

    def add(self, element: str) -> None:
        if element not in self:
            super().add(element)
            self.order.append(element)

    def first(self, count: int) -> IdLog:
        """A new log of the first ``count`` ids added."""
        order = self.order[:count]
        log = IdLog.__new__(IdLog)
        set.__init__(log, order)  # the order holds no id twice: nothing to check
        log.order = order
        return log


_TYPES = frozenset(t.value for t in IntimacyType)


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

_PHASES = frozenset(p.value for p in Phase)


def _number_in(low: int, high: int) -> dict[str, Reader]:
    return reads(lambda saved, key, players: saved.integer(key, low, high))


def _seat_in(saved: Fields, key: str, players: int) -> int:
    return saved.integer(key, 0, players - 1)


def _per_seat(saved: Fields, key: str, players: int) -> list[bool]:
    return saved.flags(key, length=players)


def _per_seat_since_v2(saved: Fields, key: str, players: int) -> list[bool]:
    # Older saves have no away state: everyone present (filled in on creation).
    return saved.flags(key, length=players) if saved.has(key) else []


def _warmth(saved: Fields, key: str, players: int) -> list[int]:
    return saved.integers(key, 0, MAX_COUNT, length=players)


def _flag_since_v2(saved: Fields, key: str, players: int) -> bool:
    return saved.flag(key, False)


def _settings(saved: Fields, key: str) -> Settings:
    return Settings.from_dict(saved.raw(key))


def _counts(saved: Fields, key: str, players: int) -> dict[str, int]:
    return saved.counts(key, _TYPES)


def _ids(saved: Fields, key: str, players: int = 0) -> list[str]:
    return saved.texts(key, MAX_ID)


def _read_piles(saved: Fields, key: str, players: int) -> dict[PileKey, list[str]]:
    piles: dict[PileKey, list[str]] = {}
    for pile_key, pile in read_list(saved.raw(key), saved.name(key), _read_pile, longest=99):
        if pile_key in piles:
            raise SaveError(f"state.piles: two piles for {pile_key[0]} level {pile_key[1]}")
        piles[pile_key] = pile
    return piles


def _read_pile(value: object, what: str) -> tuple[PileKey, list[str]]:
    """A saved pile: ``[type, level, [card id, ...]]``."""
    if not isinstance(value, list) or len(value) != 3:
        raise SaveError(f"{what}: [type, level, cards] is needed, not {describe(value)}")
    type_ = read_choice(value[0], f"{what}[0]", _TYPES)
    level = read_int(value[1], f"{what}[1]", MIN_LEVEL, MAX_LEVEL)
    cards = read_list(value[2], f"{what}[2]", lambda v, w: read_text(v, w, MAX_ID))
    return (type_, level), cards


class _Sharing:
    """Not a field (neither saved nor compared): the piles a state still shares with a
    :class:`Checkpoint`, copied before their first change."""

    _shared: set[PileKey]


@dataclass(slots=True)
class State(_Sharing):
    """The live session. Read it freely; change it only through ``Game.apply``.

    Seats are 0-based. ``piles`` map (type, level) to card ids, the top of a pile being
    the END of its list. ``offered`` holds the cards of the offer phase; ``card`` the one
    on the table in the card and after phases.

    ``away`` says per seat who stepped away; ``round_away`` who was away when their turn
    came this round (or handed their turn back by going away): they do not spoil the
    round's trust. ``deeper_waiting``: the go-deeper question is due but waits for the
    away players. ``held``: the game is on hold. Per-seat lists left empty are filled
    with ``False`` on creation.

    Each field's metadata says how a save is read back (bounds, lengths, defaults for
    older saves); its type says how it is copied and written (:mod:`deckgame.engine.codec`).
    """

    settings: Settings = field(metadata=reads(lambda saved, key, _: _settings(saved, key)))
    seed: int = field(metadata=_number_in(-MAX_SEED, MAX_SEED))
    # Position of the counter-based RNG: how many numbers were drawn.
    draws: int = field(default=0, metadata=_number_in(0, MAX_COUNT * 1000))
    phase: Phase = field(
        default=Phase.CARD, metadata=reads(lambda saved, key, _: Phase(saved.choice(key, _PHASES)))
    )
    level: int = field(default=1, metadata=_number_in(MIN_LEVEL, MAX_LEVEL))
    deepest: int = field(default=1, metadata=_number_in(MIN_LEVEL, MAX_LEVEL))
    # The current turn, counted from 1 over the session; the current round, from 1.
    turn: int = field(default=1, metadata=_number_in(1, MAX_COUNT))
    round: int = field(default=1, metadata=_number_in(1, MAX_COUNT))
    seat: int = field(default=0, metadata=reads(_seat_in))  # the active player's seat
    # Trust-building rounds at this level since it was reached.
    trust_rounds: int = field(default=0, metadata=_number_in(0, MAX_COUNT))
    # Per seat: done a card this round.
    round_done: list[bool] = field(default_factory=list, metadata=reads(_per_seat))
    piles: dict[PileKey, list[str]] = field(default_factory=dict, metadata=reads(_read_piles))
    # Cards dealt per type at this level.
    mix: dict[str, int] = field(default_factory=dict, metadata=reads(_counts))
    offered: list[str] = field(
        default_factory=list,
        metadata=reads(lambda saved, key, _: saved.texts(key, MAX_ID, items=2)),
    )
    card: str | None = field(
        default=None, metadata=reads(lambda saved, key, _: saved.optional_text(key, MAX_ID))
    )
    other: int | None = field(
        default=None,
        metadata=reads(lambda saved, key, players: saved.optional_integer(key, 0, players - 1)),
    )
    # The caller's clock when the running timer started; seconds counted before that.
    timer_started: float | None = field(
        default=None,
        metadata=reads(lambda saved, key, _: saved.optional_number(key, -MAX_SECONDS, MAX_SECONDS)),
    )
    timer_elapsed: float = field(
        default=0.0, metadata=reads(lambda saved, key, _: saved.number(key, 0.0, MAX_SECONDS))
    )
    # How many seats (from seat 0) agreed at the current question.
    votes: int = field(default=0, metadata=reads(_seat_in))
    # The givers for the card on the table.
    warmth_from: list[int] = field(
        default_factory=list,
        metadata=reads(
            lambda saved, key, players: saved.integers(key, 0, players - 1, items=players - 1)
        ),
    )
    warmth_given: list[int] = field(default_factory=list, metadata=reads(_warmth))
    warmth_received: list[int] = field(default_factory=list, metadata=reads(_warmth))
    starred: list[str] = field(default_factory=list, metadata=reads(_ids))
    done_by_type: dict[str, int] = field(default_factory=dict, metadata=reads(_counts))
    # Every id shown, in order (a set).
    dealt: dict[str, None] = field(
        default_factory=dict, metadata=reads(lambda saved, key, _: dict.fromkeys(_ids(saved, key)))
    )
    # Done or vetoed: never dealt again. Only ever added to, in order: a checkpoint
    # shares it (and ``dealt``) up to the length it had.
    gone: IdLog = field(
        default_factory=IdLog, metadata=reads(lambda saved, key, _: IdLog(_ids(saved, key)))
    )
    # Per seat: stepped away; away at their turn this round.
    away: list[bool] = field(default_factory=list, metadata=reads(_per_seat_since_v2))
    round_away: list[bool] = field(default_factory=list, metadata=reads(_per_seat_since_v2))
    held: bool = field(default=False, metadata=reads(_flag_since_v2))
    deeper_waiting: bool = field(default=False, metadata=reads(_flag_since_v2))

    def __post_init__(self) -> None:
        self._shared = set()
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
        return State(**copied(self, _FIELDS))

    def pile_to_change(self, key: PileKey) -> list[str]:
        """The pile ``key`` (made if missing) to change in place: a pile still shared with
        a checkpoint is copied first, once."""
        pile = self.piles.get(key)
        if pile is None:
            pile = self.piles[key] = []
        elif key in self._shared:
            pile = self.piles[key] = list(pile)
            self._shared.discard(key)
        return pile

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe data; ``State.from_dict(state.to_dict()) == state``."""
        return dump(self, _FIELDS)

    @classmethod
    def from_dict(cls, data: object) -> State:
        """The state ``to_dict`` wrote, every field read strictly (see
        :mod:`deckgame.engine.saved`): ``ValueError`` for anything else.

        Saves from before away and hold load with everyone present and nothing held.
        The parts are checked one by one here; how they fit together is the game's check.
        """
        saved = Fields(data, "state")
        settings = load(saved, _FIELDS[:1])["settings"]
        return cls(settings=settings, **load(saved, _FIELDS[1:], len(settings.players)))


_FIELDS = field_codecs(State)
assert _FIELDS[0][0] == "settings"  # read first: the other fields' bounds depend on it
_LOGS = ("dealt", "gone")  # only ever added to: shared with checkpoints up to a length
_COPIED = tuple(f for f in _FIELDS if f[0] not in (*_LOGS, "piles"))


def _first(ids: dict[str, None], count: int) -> dict[str, None]:
    return dict.fromkeys(islice(ids, count))


class Checkpoint:
    """A state as it was, taken in time independent of the deck's size (undo keeps one
    every few actions).

    It shares with the live state what did not change: the piles (the live state copies
    a pile before its first change since, :meth:`State.pile_to_change`) and ``dealt`` and
    ``gone``, which play only adds to, so a length says where this checkpoint's part of
    them ends. Everything else is a few values per seat or type, copied.

    >>> state = State(settings=Settings(players=("Ana", "Bo")), seed=1,
    ...               piles={("emotional", 1): ["a", "b"]}, dealt={"c": None})
    >>> checkpoint = Checkpoint(state)
    >>> state.pile_to_change(("emotional", 1)).pop(); state.dealt["b"] = None
    'b'
    >>> checkpoint.state().piles, list(checkpoint.state().dealt), list(state.dealt)
    ({('emotional', 1): ['a', 'b']}, ['c'], ['c', 'b'])
    """

    __slots__ = ("_lengths", "_piles", "_state")

    def __init__(self, state: State) -> None:
        self._state = State(
            **copied(state, _COPIED),
            piles=dict(state.piles),
            dealt=state.dealt,
            gone=state.gone,
        )
        self._lengths = (len(state.dealt), len(state.gone))
        state._shared = set(state.piles)

    def state(self) -> State:
        """The state as it was: an independent copy to play on."""
        kept = self._state
        dealt, gone = self._lengths
        return State(
            **copied(kept, _COPIED),
            piles={key: list(pile) for key, pile in kept.piles.items()},
            dealt=dict(kept.dealt) if dealt == len(kept.dealt) else _first(kept.dealt, dealt),
            gone=kept.gone.first(gone),
        )

    def to_dict(self) -> dict[str, Any]:
        """The state as it was, as :meth:`State.to_dict` writes it."""
        return self.state().to_dict()


def seats_other_than(seat: int, count: int) -> Iterable[int]:
    """Every seat but ``seat``, clockwise starting after it."""
    return ((seat + step) % count for step in range(1, count))
