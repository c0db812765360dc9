"""The table with a game controller: choosing a seat, or one of two cards, with the D-pad.

After RB (warmth) or the Away button the table asks for a seat; a keyboard answers with the
seat's number, a controller points at a seat with the D-pad or the left stick (the seat gets
the focus ring) and presses A. B closes the question as Esc does; any other button goes
ahead as its key would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Phase
from deckgame.i18n import _
from deckgame.ui.input.controller import DPAD_STEPS, PadInput

if TYPE_CHECKING:
    from deckgame.ui.scenes.table import TableScene


def seats_asked(scene: TableScene) -> list[int]:
    """The seats the question is about: who may still give warmth, or everyone (away)."""
    if scene.prompt == "warmth":
        return scene._givers()
    if scene.prompt == "away":
        return list(range(len(scene.session.game.players)))
    return []


def seat_pad(scene: TableScene, pad: PadInput, otherwise: Callable[[PadInput], None]) -> None:
    """``pad`` on the table: a seat chosen while the table asks for one, else ``otherwise``
    (the scene's focus and bindings); a question it opens starts on its first seat."""
    if _offer_pick(scene, pad):
        return
    if scene.prompt is None or not _answer(scene, pad):
        otherwise(pad)
    seats = seats_asked(scene)
    if scene.prompt is None or not seats:
        scene.seat_cursor = None
    elif scene.seat_cursor not in seats:
        scene.seat_cursor = seats[0]
    scene.version += 1  # the ring moved: the kept picture of the table is stale


def _offer_pick(scene: TableScene, pad: PadInput) -> bool:
    """A with nothing focused while two cards are offered: the focus goes to the first
    card's Pick button (a keyboard picks with 1 or 2; a controller points, then presses)."""
    offered = scene.session.game.phase is Phase.OFFER and scene.prompt is None
    if not offered or pad.button != pygame.CONTROLLER_BUTTON_A or scene.focus.current:
        return False
    picks = [b for b in scene.pick_buttons if b.action == "pick"]
    if picks:
        scene.focus.focus(picks[0])
        scene.say(_("Two cards: choose one with the D-pad, then A"))
    return bool(picks)


def _answer(scene: TableScene, pad: PadInput) -> bool:
    """Whether ``pad`` answered the seat question (moved the ring, chose, or closed it)."""
    step = pad.move if pad.move is not None else DPAD_STEPS.get(pad.button or -1)
    seats = seats_asked(scene)
    if step is not None:
        if seats and scene.seat_cursor in seats:
            at = seats.index(scene.seat_cursor)
            scene.seat_cursor = seats[(at + (1 if sum(step) > 0 else -1)) % len(seats)]
        return True
    if pad.button == pygame.CONTROLLER_BUTTON_A:
        if scene.seat_cursor is not None:
            scene.choose_seat(scene.seat_cursor)
        return True
    if pad.button == pygame.CONTROLLER_BUTTON_B:
        scene.cancel_prompt()
        return True
    return False
