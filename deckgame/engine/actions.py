"""What a player can do at the table: every action type, declared once.

Actions are small frozen values; :meth:`deckgame.engine.Game.apply` checks one against the
rules and either applies it or raises an :class:`IllegalAction` subclass without touching
the state. Seats are 0-based indexes into ``Settings.players`` (the UI shows them 1-8).

>>> Warmth(giver=1)
Warmth(giver=1)
>>> action_from_dict(action_to_dict(Veto(index=0))) == Veto(index=0)
True
>>> action_from_dict({"action": "away", "seat": 2}), action_to_dict(Hold(now=12.5))
(Away(seat=2), {'action': 'hold', 'now': 12.5})

A new action is a class here (a frozen dataclass deriving from :class:`Action`) and its rule
(:func:`deckgame.engine.registry.rule`); its saved name, its place among the legal actions
and its export from :mod:`deckgame.engine` follow. The candidates of an action with seats:

>>> list(Agree.candidates(players=3))
[Agree(seat=0), Agree(seat=1), Agree(seat=2)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, fields
from itertools import product
from typing import TYPE_CHECKING, Any, ClassVar

from deckgame.engine.errors import AlreadyGiven as AlreadyGiven
from deckgame.engine.errors import IllegalAction as IllegalAction
from deckgame.engine.errors import InvalidChoice as InvalidChoice
from deckgame.engine.errors import NoLevel as NoLevel
from deckgame.engine.errors import NothingToUndo as NothingToUndo
from deckgame.engine.errors import OnHold as OnHold
from deckgame.engine.errors import PlayerAway as PlayerAway
from deckgame.engine.errors import UnknownSeat as UnknownSeat
from deckgame.engine.errors import WrongPhase as WrongPhase
from deckgame.engine.errors import WrongPlayer as WrongPlayer
from deckgame.engine.saved import MAX_SECONDS, SaveError, describe, read_int, read_number

Seat = int
"""A player's seat: 0-based position in ``Settings.players``, clockwise in entry order."""

# What legal_actions tries for a field, by its annotation: every seat, or time 0.0 (the
# caller passes its own clock).
_FIELD_CANDIDATES: dict[str, Callable[[int], Sequence[object]]] = {
    "Seat": range,
    "float": lambda players: (0.0,),
}


# --- actions --------------------------------------------------------------------------


ACTION_TYPES: dict[str, type[Action]] = {}
"""Every action type by its saved name, in the order :meth:`Game.legal_actions` lists them
(the order the classes are defined in). Filled by :class:`Action` itself."""


@dataclass(frozen=True, slots=True)
class Action:
    """Any action :meth:`Game.apply` accepts: the base of every action type.

    A subclass is a frozen dataclass with a ``name`` (how saves and events call it); it is
    registered in :data:`ACTION_TYPES` when defined. Its candidates for
    :meth:`Game.legal_actions` follow from its fields (see :meth:`candidates`); ``passive``
    ones are logged but never undone.
    """

    name: ClassVar[str]
    passive: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super(Action, cls).__init_subclass__(**kwargs)  # slots: no bare super()
        known = ACTION_TYPES.get(cls.name)
        # ``dataclass(slots=True)`` builds the class a second time: same name, same place.
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise TypeError(f"two actions are called {cls.name!r}")
        ACTION_TYPES[cls.name] = cls

    @classmethod
    def candidates(cls, players: int) -> Iterable[Action]:
        """Every value of this type :meth:`Game.legal_actions` tries with ``players`` seats.

        From the fields: a ``Seat`` takes each seat, a time (``float``) ``0.0``; no field,
        the one value. Types with an index say their own.
        """
        options = [_FIELD_CANDIDATES[str(field.type)](players) for field in fields(cls)]
        return [cls(*values) for values in product(*options)]


@dataclass(frozen=True, slots=True)
class Pick(Action):
    """Offer phase: the active player keeps offered card ``index`` (0 or 1)."""

    index: int
    name: ClassVar[str] = "pick"

    @classmethod
    def candidates(cls, players: int) -> Iterable[Action]:
        return (cls(0), cls(1))


@dataclass(frozen=True, slots=True)
class ChooseOther(Action):
    """The active player chooses who ``{other}`` is (offer or card phase; not themself)."""

    seat: Seat
    name: ClassVar[str] = "other"


@dataclass(frozen=True, slots=True)
class Done(Action):
    """Card phase: the card was answered or completed; the after phase (warmth) follows."""

    name: ClassVar[str] = "done"


@dataclass(frozen=True, slots=True)
class Next(Action):
    """After phase: the turn ends and the next player is dealt a card (primary action)."""

    name: ClassVar[str] = "next"


@dataclass(frozen=True, slots=True)
class Pass(Action):
    """Offer/card phase: the card(s) go under their piles and fresh ones are dealt."""

    name: ClassVar[str] = "pass"


@dataclass(frozen=True, slots=True)
class Skip(Action):
    """Offer/card phase: the active player skips the turn (the card goes under its pile)."""

    name: ClassVar[str] = "skip"


@dataclass(frozen=True, slots=True)
class Veto(Action):
    """X-card, by anyone, whenever a card is shown: the card is gone for the session.

    In the offer phase ``index`` names one offered card; ``None`` removes every card shown.
    A fresh card replaces it for the same player; turn and round are not broken. In the
    after phase (card already done) the card is hidden and the turn ends.
    """

    index: int | None = None
    name: ClassVar[str] = "veto"

    @classmethod
    def candidates(cls, players: int) -> Iterable[Action]:
        return (cls(), cls(0), cls(1))


@dataclass(frozen=True, slots=True)
class Warmth(Action):
    """After phase: player ``giver`` gives the answerer one warmth (once per done card)."""

    giver: Seat
    name: ClassVar[str] = "warmth"


@dataclass(frozen=True, slots=True)
class Star(Action):
    """Card/after phase: star the card on the table, or unstar it (a toggle)."""

    name: ClassVar[str] = "star"


@dataclass(frozen=True, slots=True)
class TimerStart(Action):
    """Card phase, challenge cards only: start (or resume) the timer at time ``now`` (s)."""

    now: float
    name: ClassVar[str] = "timer_start"


@dataclass(frozen=True, slots=True)
class TimerPause(Action):
    """Card phase: pause a running timer at time ``now`` (seconds, same clock as start)."""

    now: float
    name: ClassVar[str] = "timer_pause"


@dataclass(frozen=True, slots=True)
class Agree(Action):
    """Deeper (or dry) phase: ``seat`` agrees to go deeper; seats vote in seat order."""

    seat: Seat
    name: ClassVar[str] = "agree"


@dataclass(frozen=True, slots=True)
class NotYet(Action):
    """Deeper (or dry) phase: ``seat`` says not yet; the level stays (in seat order)."""

    seat: Seat
    name: ClassVar[str] = "not_yet"


@dataclass(frozen=True, slots=True)
class StepBack(Action):
    """Any phase but ended, above the lowest level: go back one level."""

    name: ClassVar[str] = "step_back"


@dataclass(frozen=True, slots=True)
class Away(Action):
    """Any phase but ended: player ``seat`` steps away (undoable).

    An away player is not dealt cards, gives no warmth, is not ``{other}``. Away during
    their own turn hands the card back (under its pile, as a pass) and the turn moves on.
    """

    seat: Seat
    name: ClassVar[str] = "away"


@dataclass(frozen=True, slots=True)
class Back(Action):
    """Any phase but ended: player ``seat``, away until now, is back (undoable)."""

    seat: Seat
    name: ClassVar[str] = "back"


@dataclass(frozen=True, slots=True)
class Hold(Action):
    """Any phase but ended: hold the game at time ``now`` (s); a running timer pauses.

    While held every action but :class:`Resume` is refused (:class:`OnHold`). Hold and
    resume are logged but never undone: undo steps over them.
    """

    now: float
    name: ClassVar[str] = "hold"
    passive: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Resume(Action):
    """On hold only: play resumes at time ``now``; a paused timer stays paused."""

    now: float
    name: ClassVar[str] = "resume"
    passive: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class Undo(Action):
    """Take back the last action (repeatable, up to ``UNDO_DEPTH`` actions back)."""

    name: ClassVar[str] = "undo"


@dataclass(frozen=True, slots=True)
class End(Action):
    """End the session (any phase but ended); the summary follows. Undo can reopen it."""

    name: ClassVar[str] = "end"


_MAX_INDEX = 2**31  # a saved seat or index: out of range is the rules' business, huge is not

PASSIVE: tuple[type[Action], ...] = tuple(cls for cls in ACTION_TYPES.values() if cls.passive)
"""Actions undo steps over (hold and resume): it takes back the last action that is not one."""


def action_to_dict(action: Action) -> dict[str, Any]:
    """A JSON-safe dict for an action: ``{"action": name, **fields}``."""
    data: dict[str, Any] = {"action": action.name}
    for field in fields(action):
        data[field.name] = getattr(action, field.name)
    return data


def action_from_dict(data: object) -> Action:
    """The action ``action_to_dict`` wrote; ``ValueError`` for an unknown or malformed one.

    Read strictly (:mod:`deckgame.engine.saved`): a seat or an index is a real integer, a
    time a finite number, and no field is missing or unknown.
    """
    if not isinstance(data, dict):
        raise SaveError(f"not an action: {describe(data)}")
    name = data.get("action")
    cls = ACTION_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise SaveError(f"not an action: {describe(name)}")
    known = {field.name: field for field in fields(cls)}
    unknown = [key for key in data if key != "action" and key not in known]
    if unknown:
        raise SaveError(f"{name}: unknown field {describe(unknown[0])}")
    values: dict[str, Any] = {}
    for key, field in known.items():
        what = f"{name}.{key}"
        if key not in data:
            if field.default is MISSING:
                raise SaveError(f"{what}: missing")
            continue
        value = data[key]
        if field.type == "float":
            values[key] = read_number(value, what, -MAX_SECONDS, MAX_SECONDS)
        elif value is None and field.type == "int | None":
            values[key] = None
        else:  # a seat or an index
            values[key] = read_int(value, what, -_MAX_INDEX, _MAX_INDEX)
    return cls(**values)


if not TYPE_CHECKING:  # mypy exports the public names; ``import *`` takes these at run time
    __all__ = [
        "ACTION_TYPES",
        "PASSIVE",
        "Action",
        "Seat",
        "action_from_dict",
        "action_to_dict",
        *(cls.__name__ for cls in ACTION_TYPES.values()),
    ]
