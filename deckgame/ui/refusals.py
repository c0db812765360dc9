"""A refused action in words a player reads: one sentence per reason, in their language.

The engine's ``str(error)`` is English for logs and the command line; the screen says
:func:`describe` instead, which turns the error's :class:`~deckgame.engine.Reason` and
details (a player's name...) into words through :func:`deckgame.i18n._`.

>>> from deckgame.engine import PlayerAway, Reason
>>> describe(PlayerAway("Bo is away: already away", Reason.ALREADY_AWAY, player="Bo"))
'Bo is away already.'
"""

from __future__ import annotations

from collections.abc import Mapping

from deckgame.engine import IllegalAction, Reason
from deckgame.i18n import N_, _

_NOT_NOW = N_("That is not possible right now.")

WORDS: Mapping[Reason, str] = {
    Reason.UNKNOWN_ACTION: _NOT_NOW,
    Reason.ON_HOLD: N_("The game is on hold: resume it first."),
    Reason.WRONG_PHASE: _NOT_NOW,
    Reason.SEAT_NOT_A_NUMBER: N_("There is no such player."),
    Reason.NO_SUCH_SEAT: N_("There is no such player."),
    Reason.OTHER_AWAY: N_("{player} is away and cannot be chosen."),
    Reason.OTHER_IS_ACTIVE: N_("Choose someone other than the player whose turn it is."),
    Reason.BAD_PICK: N_("There is no such card to keep."),
    Reason.BAD_VETO: N_("There is no such card to set aside."),
    Reason.GIVER_AWAY: N_("{player} is away: only players at the table give warmth."),
    Reason.WARMTH_TO_SELF: N_("Warmth comes from the other players."),
    Reason.ALREADY_GAVE: N_("{player} already gave warmth for this card."),
    Reason.TIME_NOT_A_NUMBER: N_("The clock gave no time: try again."),
    Reason.TIME_OUT_OF_RANGE: N_("The clock gave no time: try again."),
    Reason.NOT_TIMED: N_("This card has no timer."),
    Reason.TIMER_RUNNING: N_("The timer is running already."),
    Reason.TIMER_NOT_RUNNING: N_("The timer is not running."),
    Reason.NO_DEEPER_LEVEL: N_("There is no deeper level with cards: step back or end."),
    Reason.WAITING_FOR_AWAY: N_("Going deeper asks everyone: waiting for {players}."),
    Reason.NOT_YOUR_VOTE: N_("It is {player}'s turn to answer."),
    Reason.FIRST_LEVEL: N_("This is the first level already."),
    Reason.ALREADY_AWAY: N_("{player} is away already."),
    Reason.NOT_AWAY: N_("{player} is not away."),
    Reason.NOT_ON_HOLD: N_("The game is not on hold."),
    Reason.NOTHING_TO_UNDO: N_("There is nothing to undo."),
    Reason.X_CARD_FLOOR: N_("A card set aside with the X-card stays out: it cannot be undone."),
}
"""Every reason's words, in English (the catalogue key); each ``{name}`` is a detail."""


def describe(error: IllegalAction) -> str:
    """``error`` in words for the screen, in the player's language (never empty)."""
    words = _(WORDS.get(error.reason, _NOT_NOW))
    details = {key: _detail(value) for key, value in error.details.items()}
    try:
        return words.format(**details)
    except (KeyError, IndexError, ValueError):
        # Raised without the details its words name: say it without them.
        return _(_NOT_NOW)


def _detail(value: object) -> str:
    """A detail as shown: names joined in a list, anything else as text."""
    if isinstance(value, tuple | list):
        return _(", ").join(str(item) for item in value)
    return str(value)
