"""Group play at the table, driven as people play it: pauses, several givers, away and back,
hold, the Esc menu, timers running out, and the words for what changes quietly.

Each test drives the real scenes on the dummy driver with synthetic events, through
``App.step`` (a frame with the seconds that passed before its events) or ``App.turn`` (the
real loop with the real clock).
"""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest
from ui_helpers import click, key, library, make_app

from deckgame.engine import Phase, Settings
from deckgame.ui import flow, sound
from deckgame.ui.app import App
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.hold import HoldScene
from deckgame.ui.scenes.menu import MenuScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene

THREE = ("Ana", "Ben", "Cy")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def start(app: App, players: tuple[str, ...] = THREE, **options: object) -> TableScene:
    flow.start_game(app, Settings(players=players, **options))  # type: ignore[arg-type]
    app.step()
    scene = app.top
    assert isinstance(scene, TableScene)
    return scene


def press(app: App, *keys: int, mod: int = 0, dt: float = 0.0) -> None:
    app.step([key(k, mod) for k in keys], dt=dt)


def top(app: App) -> object:
    return app.top


def drawn_texts(app: App, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every string the next frame draws (render, line and fit calls of the TextBook)."""
    seen: list[str] = []
    book = app.look.text
    for name in ("render", "line"):
        original = getattr(book, name)

        def spy(text: str, *args: object, _original: object = original, **kw: object) -> object:
            seen.append(text)
            return _original(text, *args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(book, name, spy)
    table = app.top
    assert table is not None
    table.layout()  # a fresh picture, not the cached one
    app.draw()
    monkeypatch.undo()
    return seen


# Warmth ----------------------------------------------------------------------------------


def test_warmth_after_a_long_talk_in_the_frame_that_carries_the_pause(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN)
    # People talk for six seconds; the frame that brings W also carries those six seconds.
    press(app, pygame.K_w, dt=6.0)
    assert table.warmth_pending
    press(app, pygame.K_3, dt=8.0)  # and Cy takes a while to find her number
    assert table.session.game.state.warmth_given == [0, 0, 1]


def test_warmth_after_a_pause_with_the_real_loop_and_clock(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN)
    app.clock.tick()
    time.sleep(3.4)  # longer than a message stays on screen
    pygame.event.post(key(pygame.K_w))
    app.turn()
    assert table.warmth_pending
    time.sleep(0.2)
    pygame.event.post(key(pygame.K_2))
    app.turn()
    assert table.session.game.state.warmth_given == [0, 1, 0]


def test_the_prompt_stays_for_the_next_giver_and_ends_when_all_gave(home: Path) -> None:
    app = make_app(home, lib=library())
    table = start(app, ("Ana", "Ben", "Cy", "Dee"))
    press(app, pygame.K_RETURN)
    app.step([click(table.button("warmth").rect.center)], dt=7.0)  # the button, after a talk
    assert table.warmth_pending
    press(app, pygame.K_2, dt=5.0)
    assert table.warmth_pending  # Cy and Dee may still give
    press(app, pygame.K_1, dt=2.0)  # Ana cannot warm herself: refused, the prompt stays
    assert table.warmth_pending and table.toast
    press(app, pygame.K_4, dt=9.0)
    press(app, pygame.K_3)
    game = table.session.game
    assert game.state.warmth_given == [0, 1, 1, 1]
    assert game.state.warmth_received == [3, 0, 0, 0]
    assert not table.warmth_pending  # everyone gave: nothing left to wait for
    press(app, pygame.K_1)  # a digit now means nothing (no offer): nothing changes
    assert game.state.warmth_given == [0, 1, 1, 1]


def test_escape_ends_the_warmth_prompt_without_leaving(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN, pygame.K_w)
    press(app, pygame.K_ESCAPE)
    assert not table.warmth_pending and top(app) is table


def test_two_players_hint_says_just_w(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(home)
    start(app, ("Ana", "Ben"))
    press(app, pygame.K_RETURN)
    texts = drawn_texts(app, monkeypatch)
    assert any("Give warmth with W." in t for t in texts)
    assert not any("seat number" in t for t in texts)


# Messages --------------------------------------------------------------------------------


def test_a_message_takes_the_place_of_the_status_line(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(home)
    table = start(app)
    status = table._status_text()
    table.say("Warmth is given after a card is done")
    texts = drawn_texts(app, monkeypatch)
    assert "Warmth is given after a card is done" in texts
    assert status not in texts  # never one drawn over the other
    app.step(dt=3.5)
    assert status in drawn_texts(app, monkeypatch)


def test_not_yet_is_said_and_the_level_bar_says_when_we_ask_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(home)
    table = start(app, unlock_rounds=1)
    for _ in THREE:
        press(app, pygame.K_RETURN, pygame.K_RETURN)
    assert isinstance(top(app), DeeperScene)
    press(app, pygame.K_y, pygame.K_n)
    assert top(app) is table
    assert "ask again after the next trust-building round" in table.toast
    app.step(dt=4.0)
    texts = drawn_texts(app, monkeypatch)
    assert any("ask again after the next trust-building round" in t for t in texts)
    assert not any("1 of 1" in t for t in texts)  # never reads as "ready"


def test_a_spoiled_round_says_why_the_count_did_not_move(home: Path) -> None:
    app = make_app(home)
    table = start(app, unlock_rounds=2)
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Ana
    press(app, pygame.K_s)  # Ben skips
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # Cy: the round ends
    assert table.session.game.state.trust_rounds == 0
    assert "didn't count" in table.toast and "Ben" in table.toast
    assert "Ana" not in table.toast and "Cy" not in table.toast


# Timer -----------------------------------------------------------------------------------


def test_time_up_is_said_gently_with_a_chime_and_nothing_else_happens(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chimes: list[int] = []
    monkeypatch.setattr(sound, "chime", lambda: chimes.append(1) or True)
    app = make_app(home, lib=library(challenge=True))
    now = [100.0]
    table = start(app)
    table.clock = lambda: now[0]
    card = table.session.game.state.card
    press(app, pygame.K_t)
    now[0] = 129.0
    app.step(dt=29.0)
    assert table.button("timer").label.startswith("Pause 0:01") and not chimes
    now[0] = 131.0
    app.step(dt=2.0)
    assert table.button("timer").label == "Time's up"
    assert "Time's up" in table.toast and chimes == [1]
    now[0] = 200.0
    app.step(dt=69.0)
    assert chimes == [1]  # once per card
    game = table.session.game
    assert game.phase is Phase.CARD and game.state.card == card  # nothing on its own
    assert table.wake_in() is None or table.wake_in() == pytest.approx(table.toast_left)


def test_no_chime_with_sound_off(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chimes: list[int] = []
    monkeypatch.setattr(sound, "chime", lambda: chimes.append(1) or True)
    app = make_app(home, lib=library(challenge=True))
    app.settings.sound = False
    now = [0.0]
    table = start(app)
    table.clock = lambda: now[0]
    press(app, pygame.K_t)
    now[0] = 40.0
    app.step(dt=40.0)
    assert "Time's up" in table.toast and chimes == []


def test_the_chime_is_a_soft_sound_of_about_a_second() -> None:
    samples = sound.chime_samples(22050)
    assert 0.5 < len(samples) / 22050 < 1.5
    peak = max(abs(s) for s in samples)
    assert 1000 < peak < 32767 // 2  # audible, never at full volume


# Esc menu --------------------------------------------------------------------------------


def test_escape_opens_a_menu_and_leaving_needs_a_second_choice(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene)
    press(app, pygame.K_ESCAPE)
    assert top(app) is table  # Esc twice: back where we were
    press(app, pygame.K_ESCAPE, pygame.K_l)
    assert isinstance(top(app), TitleScene)


def test_menu_end_the_night_shows_the_summary(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    menu = top(app)
    assert isinstance(menu, MenuScene)
    app.step([click(menu.button("end").rect.center)])
    assert isinstance(top(app), SummaryScene)
    assert table.session.game.phase is Phase.ENDED


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
    assert table.session.game.phase is Phase.AFTER
    press(app, pygame.K_u)  # undoes the Done, not the hold or the resume
    assert table.session.game.phase is Phase.CARD and not table.session.game.held


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
    import gc
    import weakref

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
    import gc
    import weakref

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
