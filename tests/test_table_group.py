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

    def chime() -> bool:
        chimes.append(1)
        return True

    monkeypatch.setattr(sound, "chime", chime)
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

    def chime() -> bool:
        chimes.append(1)
        return True

    monkeypatch.setattr(sound, "chime", chime)
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
