"""Away and back, hold, and the table's lifetime, driven as people play: a player steps
away in their own turn, the group waits for someone to come back, the card is hidden
behind a hold, a window lets go of a finished table.

Shares the drivers of :mod:`test_table_group` (a game started, keys pressed).
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pygame
import pytest
from test_table_group import home, press, start, top
from ui_helpers import click, library, make_app

from deckgame.engine import Phase
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.hold import HoldScene
from deckgame.ui.scenes.table import TableScene

__all__ = ["home"]  # the fixture, used by name


# Hold ------------------------------------------------------------------------------------


def test_hold_hides_the_card_stops_the_timer_and_the_resuming_press_does_nothing_else(
    home: Path,
) -> None:
    app = make_app(home, lib=library(challenge=True))
    now = [10.0]
    table = start(app)
    table.clock = lambda: now[0]
    game = table.session.game
    card = game.state.card
    press(app, pygame.K_t)
    now[0] = 15.0
    press(app, pygame.K_h)
    assert isinstance(top(app), HoldScene)
    assert table.session.game.held and not table.session.game.timer_running
    now[0] = 100.0
    # Window-manager and modifier keys leave the hold in place.
    press(app, pygame.K_TAB, mod=pygame.KMOD_ALT)
    press(app, pygame.K_LALT, pygame.K_LSHIFT, pygame.K_LGUI)
    assert isinstance(top(app), HoldScene) and table.session.game.held
    press(app, pygame.K_F1)  # a key the window takes for itself resumes, and only resumes
    assert top(app) is table and not table.session.game.held
    press(app, pygame.K_h)
    press(app, pygame.K_x)  # X resumes: it does not also X-card the card
    assert top(app) is table
    game = table.session.game
    assert not game.held and game.state.card == card and card not in game.state.gone
    assert not game.timer_running  # a paused timer stays paused until started
    assert game.timer_remaining(now[0]) == pytest.approx(25.0)


def test_hold_by_button_and_resume_by_tap(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    app.step([click(table.button("hold").rect.center)])
    assert isinstance(top(app), HoldScene)
    app.step([click((5, 5))])
    assert top(app) is table and not table.session.game.held
    assert table.session.game.phase is Phase.CARD


def test_undo_does_not_undo_a_hold(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_h)
    press(app, pygame.K_SPACE)  # resumes only
    game = table.session.game
    assert game.phase is Phase.AFTER
    press(app, pygame.K_u)  # undoes the Done, not the hold or the resume
    phase: Phase = game.phase  # (read again: the press moved it)
    assert phase is Phase.CARD and not game.held


# Away and back ---------------------------------------------------------------------------


def test_away_in_your_own_turn_hands_the_card_back_and_rotation_skips_you(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_a, dt=5.0)
    press(app, pygame.K_1, dt=5.0)  # Ana steps away in her own turn
    game = table.session.game
    assert game.is_away(0) and game.seat == 1
    assert "Ana stepped away" in table.toast
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Ben
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Cy
    assert table.session.game.seat == 1  # Ana's seat is skipped
    press(app, pygame.K_a, pygame.K_1)
    assert not table.session.game.is_away(0) and "Welcome back, Ana" in table.toast


def test_tapping_a_seat_after_a_marks_it_away(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    app.step([click(table.button("away").rect.center)])
    app.step([click(table.seat_rects[2].center)])
    assert table.session.game.is_away(2)


def test_away_players_give_no_warmth(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_a, pygame.K_3)
    press(app, pygame.K_RETURN, pygame.K_w)
    # Ana, Ben present: one possible giver, given at once.
    assert table.session.game.state.warmth_given == [0, 1, 0]


def test_fewer_than_two_present_shows_the_waiting_screen_until_someone_is_back(
    home: Path,
) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_a, pygame.K_2)
    press(app, pygame.K_a, pygame.K_3)
    assert table.session.game.phase is Phase.WAITING
    press(app, pygame.K_RETURN, pygame.K_p)  # nothing to play: refused, no crash
    assert table.session.game.phase is Phase.WAITING
    press(app, pygame.K_a, pygame.K_3)
    assert table.session.game.phase in (Phase.CARD, Phase.OFFER)


def test_going_deeper_waits_for_the_player_who_is_away(home: Path) -> None:
    app = make_app(home)
    table = start(app, unlock_rounds=1)
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Ana
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Ben
    press(app, pygame.K_RETURN)  # Cy's card is done...
    press(app, pygame.K_a, pygame.K_2)  # ...and Ben steps away
    press(app, pygame.K_RETURN)  # the round ends: ready, but Ben is away
    assert top(app) is table and table.session.game.deeper_waiting
    assert table._progress_text().startswith("Ready to go deeper: waiting for Ben")
    press(app, pygame.K_a, pygame.K_2)  # Ben is back: asked once this card is finished
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    assert isinstance(top(app), DeeperScene)
    press(app, pygame.K_y, pygame.K_y, pygame.K_y)
    assert table.session.game.level == 2


def test_digits_mean_seats_while_the_table_asks_for_one(home: Path) -> None:
    app = make_app(home)
    table = start(app, offered=2)
    assert table.session.game.phase is Phase.OFFER
    press(app, pygame.K_a, dt=12.0)
    press(app, pygame.K_2, dt=12.0)  # seat 2, not the second card
    game = table.session.game
    assert game.is_away(1) and game.phase is Phase.OFFER


# Continue --------------------------------------------------------------------------------


def test_undo_works_after_continue(home: Path) -> None:
    app = make_app(home)
    start(app)
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Ana done, next: Ben's turn
    press(app, pygame.K_ESCAPE, pygame.K_l)
    again = make_app(home)  # a new window: Continue
    assert again.top is not None
    again.top.layout()
    press(again, pygame.K_c)
    resumed = again.top
    assert isinstance(resumed, TableScene)
    assert resumed.button("undo").enabled
    press(again, pygame.K_u)
    game = resumed.session.game
    assert game.seat == 0 and game.phase is Phase.AFTER  # back to Ana's done card


def test_a_window_keeps_only_the_open_session_alive(home: Path) -> None:
    """Twenty evenings in one window: each finished table is let go, not kept to quit."""

    app = make_app(home)
    tables = []
    for _ in range(20):
        table = start(app)
        press(app, pygame.K_RETURN, pygame.K_e)
        press(app, pygame.K_ESCAPE)  # the summary, back to the title
        tables.append(weakref.ref(table))
        del table
    gc.collect()
    alive = [ref for ref in tables if ref() is not None]
    assert len(alive) <= 1, f"{len(alive)} tables still alive"


def test_a_finished_table_is_freed_at_once_not_at_the_next_full_collection(home: Path) -> None:
    """Tables hold window-sized pictures: waiting for the cycle collector let an evening of
    games grow by hundreds of MB, since those pictures are invisible to its thresholds."""

    app = make_app(home)
    gc.collect()
    gc.disable()
    try:
        table = start(app)
        press(app, pygame.K_RETURN, pygame.K_e)
        press(app, pygame.K_ESCAPE)  # the summary, back to the title
        ref = weakref.ref(table)
        del table
        start(app)  # the next evening: the window lets the last one go
        assert ref() is None
    finally:
        gc.enable()
