"""What a player can do at the table, and the errors raised when they cannot.

Actions are small frozen values; :meth:`deckgame.engine.Game.apply` checks one against the
rules and either applies it or raises an :class:`IllegalAction` subclass without touching
the state. Seats are 0-based indexes into ``Settings.players`` (the UI shows them 1-8).

>>> Warmth(giver=1)
Warmth(giver=1)
>>> action_from_dict(action_to_dict(Veto(index=0))) == Veto(index=0)
True
>>> action_from_dict({"action": "away", "seat": 2}), action_to_dict(Hold(now=12.5))
(Away(seat=2), {'action': 'hold', 'now': 12.5})
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any, ClassVar

from deckgame.engine.saved import MAX_SECONDS, SaveError, describe, read_int, read_number

Seat = int
"""A player's seat: 0-based position in ``Settings.players``, clockwise in entry order."""


# --- errors ---------------------------------------------------------------------------


class IllegalAction(ValueError):
    """The action is not allowed now; the game state is exactly as it was before."""


class WrongPhase(IllegalAction):
    """The action does not belong to the current phase (e.g. ``Done`` with no card shown)."""


class WrongPlayer(IllegalAction):
    """This seat may not act now: out of seat order, or warmth/``{other}`` to oneself."""


class UnknownSeat(IllegalAction):
    """The seat number is not one of the players' seats."""


class AlreadyGiven(IllegalAction):
    """This player already gave warmth for the card on the table."""


class InvalidChoice(IllegalAction):
    """A value out of range: a pick index, a veto index, a timer on a question card."""


class NothingToUndo(IllegalAction):
    """There is no earlier action to take back."""


class NoLevel(IllegalAction):
    """No level to move to: stepping back from the lowest level."""


class PlayerAway(WrongPlayer):
    """The seat is away: away players give no warmth, are not ``{other}``, do not vote.

    Also raised for ``Away`` of a seat already away and for agree/not yet while anyone is
    away (going deeper asks everyone). ``Back`` of a seat that is present is a plain
    :class:`WrongPlayer`.
    """


class OnHold(IllegalAction):
    """The game is on hold: nothing counts until ``Resume`` (not even undo)."""


# --- actions --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pick:
    """Offer phase: the active player keeps offered card ``index`` (0 or 1)."""

    index: int
    name: ClassVar[str] = "pick"


@dataclass(frozen=True, slots=True)
class ChooseOther:
    """The active player chooses who ``{other}`` is (offer or card phase; not themself)."""

    seat: Seat
    name: ClassVar[str] = "other"


@dataclass(frozen=True, slots=True)
class Done:
    """Card phase: the card was answered or completed; the after phase (warmth) follows."""

    name: ClassVar[str] = "done"


@dataclass(frozen=True, slots=True)
class Next:
    """After phase: the turn ends and the next player is dealt a card (primary action)."""

    name: ClassVar[str] = "next"


@dataclass(frozen=True, slots=True)
class Pass:
    """Offer/card phase: the card(s) go under their piles and fresh ones are dealt."""

    name: ClassVar[str] = "pass"


@dataclass(frozen=True, slots=True)
class Skip:
    """Offer/card phase: the active player skips the turn (the card goes under its pile)."""

    name: ClassVar[str] = "skip"


@dataclass(frozen=True, slots=True)
class Veto:
    """X-card, by anyone, whenever a card is shown: the card is gone for the session.

    In the offer phase ``index`` names one offered card; ``None`` removes every card shown.
    A fresh card replaces it for the same player; turn and round are not broken. In the
    after phase (card already done) the card is hidden and the turn ends.
    """

    index: int | None = None
    name: ClassVar[str] = "veto"


@dataclass(frozen=True, slots=True)
class Warmth:
    """After phase: player ``giver`` gives the answerer one warmth (once per done card)."""

    giver: Seat
    name: ClassVar[str] = "warmth"


@dataclass(frozen=True, slots=True)
class Star:
    """Card/after phase: star the card on the table, or unstar it (a toggle)."""

    name: ClassVar[str] = "star"


@dataclass(frozen=True, slots=True)
class TimerStart:
    """Card phase, challenge cards only: start (or resume) the timer at time ``now`` (s)."""

    now: float
    name: ClassVar[str] = "timer_start"


@dataclass(frozen=True, slots=True)
class TimerPause:
    """Card phase: pause a running timer at time ``now`` (seconds, same clock as start)."""

    now: float
    name: ClassVar[str] = "timer_pause"


@dataclass(frozen=True, slots=True)
class Agree:
    """Deeper (or dry) phase: ``seat`` agrees to go deeper; seats vote in seat order."""

    seat: Seat
    name: ClassVar[str] = "agree"


@dataclass(frozen=True, slots=True)
class NotYet:
    """Deeper (or dry) phase: ``seat`` says not yet; the level stays (in seat order)."""

    seat: Seat
    name: ClassVar[str] = "not_yet"


@dataclass(frozen=True, slots=True)
class StepBack:
    """Any phase but ended, above the lowest level: go back one level."""

    name: ClassVar[str] = "step_back"


@dataclass(frozen=True, slots=True)
class Away:
    """Any phase but ended: player ``seat`` steps away (undoable).

    An away player is not dealt cards, gives no warmth, is not ``{other}``. Away during
    their own turn hands the card back (under its pile, as a pass) and the turn moves on.
    """

    seat: Seat
    name: ClassVar[str] = "away"


@dataclass(frozen=True, slots=True)
class Back:
    """Any phase but ended: player ``seat``, away until now, is back (undoable)."""

    seat: Seat
    name: ClassVar[str] = "back"


@dataclass(frozen=True, slots=True)
class Hold:
    """Any phase but ended: hold the game at time ``now`` (s); a running timer pauses.

    While held every action but :class:`Resume` is refused (:class:`OnHold`). Hold and
    resume are logged but never undone: undo steps over them.
    """

    now: float
    name: ClassVar[str] = "hold"


@dataclass(frozen=True, slots=True)
class Resume:
    """On hold only: play resumes at time ``now``; a paused timer stays paused."""

    now: float
    name: ClassVar[str] = "resume"


@dataclass(frozen=True, slots=True)
class Undo:
    """Take back the last action (repeatable, up to ``UNDO_DEPTH`` actions back)."""

    name: ClassVar[str] = "undo"


@dataclass(frozen=True, slots=True)
class End:
    """End the session (any phase but ended); the summary follows. Undo can reopen it."""

    name: ClassVar[str] = "end"


Action = (
    Pick
    | ChooseOther
    | Done
    | Next
    | Pass
    | Skip
    | Veto
    | Warmth
    | Star
    | TimerStart
    | TimerPause
    | Agree
    | NotYet
    | StepBack
    | Away
    | Back
    | Hold
    | Resume
    | Undo
    | End
)
"""Any action :meth:`Game.apply` accepts."""

ACTION_TYPES: dict[str, type[Action]] = {
    cls.name: cls
    for cls in (
        Pick,
        ChooseOther,
        Done,
        Next,
        Pass,
        Skip,
        Veto,
        Warmth,
        Star,
        TimerStart,
        TimerPause,
        Agree,
        NotYet,
        StepBack,
        Away,
        Back,
        Hold,
        Resume,
        Undo,
        End,
    )
}

_MAX_INDEX = 2**31  # a saved seat or index: out of range is the rules' business, huge is not

PASSIVE: tuple[type[Action], ...] = (Hold, Resume)
"""Actions undo steps over: it takes back the last action that is not one of these."""


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
