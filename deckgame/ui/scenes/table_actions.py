"""What the table's buttons and keys mean to the engine: a command's name to its action."""

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


def action_for(game: Game, name: str, clock: Callable[[], float]) -> Action | None:
    """The engine action the command ``name`` stands for now (timers and holds read the
    ``clock``), or None: a command the scene handles itself (warmth, away, the menu)."""
    if name in _SIMPLE:
        return _SIMPLE[name]
    if name == "timer":
        now = clock()
        return TimerPause(now) if game.timer_running else TimerStart(now)
    if name == "hold":
        return Hold(clock())
    if name.startswith("pick_"):
        return Pick(int(name[5:]))
    if name.startswith("veto_"):
        return Veto(int(name[5:]))
    if name == "other":
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
