"""What the table's buttons and keys mean to the engine: a command to its action."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from deckgame.engine import (
    Action,
    ChooseOther,
    Done,
    End,
    Hold,
    Next,
    Pass,
    Pick,
    Skip,
    Star,
    StepBack,
    TimerPause,
    TimerStart,
    Undo,
    Veto,
)
from deckgame.ui.bindings import Command

if TYPE_CHECKING:
    from deckgame.engine import Game

# Commands that are one action whatever the moment.
_SIMPLE: dict[str, Action] = {
    "done": Done(),
    "next": Next(),
    "pass": Pass(),
    "skip": Skip(),
    "veto": Veto(),
    "star": Star(),
    "undo": Undo(),
    "step_back": StepBack(),
    "end": End(),
}


def action_for(game: Game, command: Command | str, clock: Callable[[], float]) -> Action | None:
    """The engine action ``command`` stands for now (a plain name: the command without an
    argument; timers and holds read the ``clock``), or None: a command the scene handles
    itself (warmth, away, the menu)."""
    if isinstance(command, str):
        command = Command(command)
    match command:
        case Command("pick", int(index)):
            return Pick(index)
        case Command("veto", int(index)):  # the X-card under one of two offered cards
            return Veto(index)
        case Command(name, None) if name in _SIMPLE:
            return _SIMPLE[name]
        case Command("timer", None):
            now = clock()
            return TimerPause(now) if game.timer_running else TimerStart(now)
        case Command("hold", None):
            return Hold(clock())
        case Command("other", None):
            return ChooseOther(next_other(game))
    return None


def next_other(game: Game) -> int:
    """The next seat after the current ``{other}`` that is neither the player's own nor away."""
    count = len(game.players)
    seat = game.other_seat
    for _step in range(count):
        seat = (seat + 1) % count
        if seat != game.seat and not game.is_away(seat):
            return seat
    return seat
