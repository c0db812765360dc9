"""Why an action is refused: :class:`IllegalAction` and its subclasses, each with a reason.

A refusal is a value: ``error.reason`` says why (a :class:`Reason`), ``error.details`` the
names and numbers involved (a seat's name, the phase...), so the UI can say it in the
player's language. ``str(error)`` stays plain English, for logs and the command line.

>>> error = WrongPlayer("Bo is not away", Reason.NOT_AWAY, player="Bo")
>>> str(error), error.reason.value, dict(error.details)
('Bo is not away', 'not_away', {'player': 'Bo'})
>>> isinstance(error, IllegalAction) and isinstance(error, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Reason(StrEnum):
    """Every reason the engine refuses an action (the details each one carries).

    One value per refusal a player can meet, so each has its own words on the screen.
    """

    UNKNOWN_ACTION = "unknown_action"  # not an action the rules know (action)
    ON_HOLD = "on_hold"  # the game is held: resume first
    WRONG_PHASE = "wrong_phase"  # not in this phase (phase, allowed: phase values)
    SEAT_NOT_A_NUMBER = "seat_not_a_number"  # a seat is a number (seat)
    NO_SUCH_SEAT = "no_such_seat"  # no such seat (seat, players: how many)
    OTHER_AWAY = "other_away"  # an away player is not {other} (player)
    OTHER_IS_ACTIVE = "other_is_active"  # {other} is someone else than the active player
    BAD_PICK = "bad_pick"  # pick index out of range (index, choices: how many)
    BAD_VETO = "bad_veto"  # veto index out of range (index, choices: how many)
    GIVER_AWAY = "giver_away"  # away players give no warmth (player)
    WARMTH_TO_SELF = "warmth_to_self"  # the answerer gives no warmth to themself (player)
    ALREADY_GAVE = "already_gave"  # warmth once per card (player)
    TIME_NOT_A_NUMBER = "time_not_a_number"  # the clock reading is not a number
    TIME_OUT_OF_RANGE = "time_out_of_range"  # the clock reading is not finite or huge
    NOT_TIMED = "not_timed"  # only a challenge with a timer can be timed
    TIMER_RUNNING = "timer_running"  # the timer already runs
    TIMER_NOT_RUNNING = "timer_not_running"  # the timer is not running
    NO_DEEPER_LEVEL = "no_deeper_level"  # dry, and no deeper level has cards
    WAITING_FOR_AWAY = "waiting_for_away"  # going deeper asks everyone (players: names)
    NOT_YOUR_VOTE = "not_your_vote"  # seat order (player: whose answer is awaited)
    FIRST_LEVEL = "first_level"  # no level below this one
    ALREADY_AWAY = "already_away"  # the player is away already (player)
    NOT_AWAY = "not_away"  # back, but the player is here (player)
    NOT_ON_HOLD = "not_on_hold"  # resume, but the game is not held
    NOTHING_TO_UNDO = "nothing_to_undo"  # no earlier action to take back
    X_CARD_FLOOR = "x_card_floor"  # undo stops at an X-card: that card stays out


_NO_DETAILS: Mapping[str, object] = MappingProxyType({})


class IllegalAction(ValueError):
    """The action is not allowed now; the game state is exactly as it was before.

    ``reason`` says why and ``details`` what it concerns; ``str()`` is the English message.
    """

    reason: Reason = Reason.UNKNOWN_ACTION
    details: Mapping[str, object] = _NO_DETAILS

    def __init__(self, message: str, reason: Reason | None = None, **details: object) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        if details:
            self.details = details  # refusals are frequent (can() tries every action): no copy


class WrongPhase(IllegalAction):
    """The action does not belong to the current phase (e.g. ``Done`` with no card shown)."""

    reason = Reason.WRONG_PHASE


class WrongPlayer(IllegalAction):
    """This seat may not act now: out of seat order, or warmth/``{other}`` to oneself."""

    reason = Reason.NOT_YOUR_VOTE


class UnknownSeat(IllegalAction):
    """The seat number is not one of the players' seats."""

    reason = Reason.NO_SUCH_SEAT


class AlreadyGiven(IllegalAction):
    """This player already gave warmth for the card on the table."""

    reason = Reason.ALREADY_GAVE


class InvalidChoice(IllegalAction):
    """A value out of range: a pick index, a veto index, a timer on a question card."""

    reason = Reason.BAD_PICK


class NothingToUndo(IllegalAction):
    """There is no earlier action to take back."""

    reason = Reason.NOTHING_TO_UNDO


class NoLevel(IllegalAction):
    """No level to move to: stepping back from the lowest level."""

    reason = Reason.FIRST_LEVEL


class PlayerAway(WrongPlayer):
    """The seat is away: away players give no warmth, are not ``{other}``, do not vote.

    Also raised for ``Away`` of a seat already away and for agree/not yet while anyone is
    away (going deeper asks everyone). ``Back`` of a seat that is present is a plain
    :class:`WrongPlayer`.
    """

    reason = Reason.ALREADY_AWAY


class OnHold(IllegalAction):
    """The game is on hold: nothing counts until ``Resume`` (not even undo)."""

    reason = Reason.ON_HOLD
