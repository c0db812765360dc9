"""Every scene driven by a game controller (the fake one), as the scene tests drive them by
keys: title, setup, the table with three players, the go-deeper question, summary, settings,
help, workshop, starred cards, menu and hold; and the hints that follow the device used last.

Where a controller button stands for a key, the same game is played once by keys and once by
the controller, and the engine states must match after every press.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from pad_helpers import (
    BACK,
    DOWN,
    LB,
    LEFT,
    LT,
    RB,
    RIGHT,
    RT,
    SHOTS,
    START,
    STICK_X,
    UP,
    A,
    B,
    Rig,
    X,
    Y,
    phase,
    rig,
    start,
    state_of,
    top,
)
from test_ui_scenes import GOOD_DECK, app_on_files
from ui_helpers import key, make_app, typed

from deckgame.engine import Phase
from deckgame.ui import keymap
from deckgame.ui.bindings import Command
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.help import HelpScene
from deckgame.ui.scenes.hold import HoldScene, back_words
from deckgame.ui.scenes.menu import MenuScene
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.starred import StarredScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.scenes.workshop import WorkshopScene
from deckgame.ui.widgets import Button


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    yield tmp_path
    keymap.use_device("keys")  # the hints' device is the process's: leave it as found


# Scene by scene ------------------------------------------------------------------------


def test_title_a_plays_and_the_d_pad_reaches_every_button(home: Path) -> None:
    r = rig(home)
    title = r.app.top
    assert isinstance(title, TitleScene)
    for action in ("quit", "settings", "decks", "play"):
        assert r.focus_on(action) is title.focus.current
    r.focus_on("settings")
    r.press(A)  # presses the focused button, not Play
    assert isinstance(r.app.top, SettingsScene)
    r.press(B)
    title.focus.focus(None)
    r.press(A)  # nothing focused: the primary action
    assert isinstance(r.app.top, SetupScene)


def test_setup_fields_by_d_pad_add_a_player_start_and_back(home: Path) -> None:
    r = rig(home)
    r.press(A)
    setup = r.app.top
    assert isinstance(setup, SetupScene)
    first = setup.focus.current
    r.press(DOWN)
    assert setup.focus.current is not first  # the focus leaves the first name's field
    r.press(UP)
    assert setup.focus.current is first
    r.app.step(typed("Ana"))
    r.press(A)  # Enter: on to the next field
    assert setup.focus.current is not first
    r.app.step(typed("Ben"))
    fields = len(setup.inputs)
    r.press(Y)  # Ctrl+N: a third player
    assert len(setup.inputs) == fields + 1
    r.press(START)  # Ctrl+Enter: on to the cards' page
    assert setup.page == 1
    r.press(START)  # and the game starts with the names given
    table = r.app.top
    assert isinstance(table, TableScene)
    assert table.session.game.players[:2] == ("Ana", "Ben")
    r.app.reset(TitleScene(r.app))
    r.press(A, B)
    assert isinstance(r.app.top, TitleScene)


# A controller button and the key it stands for, on the table (GAME.md's layout).
SAME_AS_KEY = [
    (A, pygame.K_RETURN),
    (B, pygame.K_p),
    (X, pygame.K_x),
    (Y, pygame.K_f),
    (LB, pygame.K_u),
]


def test_table_buttons_do_what_their_keys_do(home: Path) -> None:
    by_pad = rig(home / "pad")
    by_keys = make_app(home / "keys")
    pad_table = start(by_pad.app, ("Ana", "Ben", "Cy"))
    key_table = start(by_keys, ("Ana", "Ben", "Cy"))
    script = [A, A, Y, A, LB, B, X, A, Y, Y, A, A, B, LB, LB, X, A, A]
    keys = dict(SAME_AS_KEY)
    for button in script:
        by_pad.press(button)
        by_keys.step([key(keys[button])])
        assert state_of(pad_table) == state_of(key_table), button
    assert pad_table.session.game.state.turn > 2  # the script did play


def test_table_warmth_seats_by_d_pad_then_next(home: Path) -> None:
    r = rig(home)
    table = start(r.app, ("Ana", "Ben", "Cy"))
    game = table.session.game
    r.press(A)  # done
    r.press(RB)
    assert table.warmth_pending and table.seat_cursor == 1  # Ana's turn: Ben first
    assert "D-pad" in table.status_text()  # the question says how a controller answers
    r.press(RIGHT)
    assert table.seat_cursor == 2
    r.press(RIGHT)
    assert table.seat_cursor == 1  # round the givers, never Ana herself
    r.app.step([r.pad.tilt(STICK_X, -1.0), r.pad.tilt(STICK_X, 0.0)])
    assert table.seat_cursor == 2
    r.press(A)  # Cy gives
    assert game.state.warmth_given == [0, 0, 1]
    assert table.warmth_pending and table.seat_cursor == 1  # Ben may still give
    r.press(B)  # no more: the question closes as Esc closes it
    assert not table.warmth_pending and table.seat_cursor is None
    r.press(RB, A)
    assert game.state.warmth_given == [0, 1, 1] and not table.warmth_pending
    r.press(A)  # nothing asked any more: A is Next turn
    assert game.phase is Phase.CARD and game.seat == 1


def test_table_away_seat_by_d_pad(home: Path) -> None:
    r = rig(home)
    table = start(r.app, ("Ana", "Ben", "Cy"))
    r.focus_on("away")
    r.press(A)
    assert table.prompt == "away" and table.seat_cursor == 0
    r.press(RIGHT, RIGHT, A)
    assert table.session.game.is_away(2) and table.prompt is None


def test_hold_by_start_and_any_button_comes_back(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    before = state_of(table)["card"]
    r.press(START)
    assert isinstance(r.app.top, HoldScene) and table.session.game.held
    assert "any button" in back_words()  # the screen says how a controller comes back
    r.app.step([r.pad.tilt(STICK_X, 0.2)])  # a stick at rest is no press
    assert isinstance(r.app.top, HoldScene)
    r.press(X)  # any button resumes, and does nothing else (no X-card)
    assert top(r.app) is table and not table.session.game.held
    assert state_of(table)["card"] == before and phase(table) is Phase.CARD


def test_help_by_back_and_closed_by_back_or_b(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    r.press(BACK)
    assert isinstance(r.app.top, HelpScene)
    r.press(BACK)
    assert top(r.app) is table
    r.press(BACK, B)
    assert top(r.app) is table


def test_menu_by_left_trigger(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    r.app.step([r.pad.tilt(LT, 0.3)])  # not pulled half way
    assert top(r.app) is table
    r.pull(LT)
    assert isinstance(r.app.top, MenuScene)
    r.press(B)
    assert top(r.app) is table
    r.pull(LT)
    r.press(BACK)  # the menu's help
    assert isinstance(r.app.top, HelpScene)
    r.press(B)
    r.pull(LT)
    r.focus_on("settings")
    r.press(A)
    assert isinstance(r.app.top, SettingsScene)


def test_go_deeper_a_agrees_b_not_yet_and_the_welcome(home: Path) -> None:
    r = rig(home)
    table = start(r.app, unlock_rounds=1)
    r.press(A, A, A, A)  # one round: both players do a card
    assert isinstance(r.app.top, DeeperScene)
    r.press(A, B)  # Ana agrees, Ben: not yet
    assert top(r.app) is table and table.session.game.level == 1
    r.press(A, A, A, A)
    r.press(A, A)
    ceremony = r.app.top
    assert isinstance(ceremony, DeeperScene) and ceremony.ceremony is not None
    assert ceremony.buttons[0].key == "A"
    assert table.session.game.level == 2
    before = state_of(table)
    r.press(A)  # "Let's go": the welcome closes, and the table hears nothing of it
    assert top(r.app) is table and state_of(table) == before


def test_summary_lb_undoes_a_plays_again_b_title(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    r.focus_on("end")
    r.press(A)
    assert isinstance(r.app.top, SummaryScene)
    r.press(LB)
    assert top(r.app) is table and phase(table) is Phase.CARD
    r.focus_on("end")
    r.press(A)
    r.press(A)  # play again
    assert isinstance(r.app.top, (SetupScene, TableScene)) and top(r.app) is not table
    r.app.reset(TitleScene(r.app))
    start(r.app)
    r.focus_on("end")
    r.press(A, B)
    assert isinstance(r.app.top, TitleScene)


def test_settings_shoulders_text_size_and_a_on_a_toggle(home: Path) -> None:
    r = rig(home)
    r.focus_on("settings")
    r.press(A)
    settings = r.app.top
    assert isinstance(settings, SettingsScene)
    settings.focus.focus(None)
    r.press(A)  # no primary action bound here: A shows the focus, it does not leave
    assert top(r.app) is settings and settings.focus.current is not None
    scale = r.app.settings.text_scale
    r.press(RB)
    assert r.app.settings.text_scale > scale
    r.press(LB)
    assert r.app.settings.text_scale == scale
    motion = r.app.settings.reduce_motion
    r.focus_on("reduce_motion")
    r.press(A)
    assert r.app.settings.reduce_motion is not motion
    r.press(B)
    assert isinstance(r.app.top, TitleScene)


def test_workshop_d_pad_cards_and_decks_stick_focus_and_b(home: Path) -> None:
    folder = home / "decks"
    folder.mkdir()
    (folder / "garden.yaml").write_text(GOOD_DECK, encoding="utf-8")
    (folder / "more.yaml").write_text(GOOD_DECK.replace("Garden", "More"), encoding="utf-8")
    r = Rig(app_on_files(home, folder))
    r.focus_on("decks")
    r.press(A)
    shop = r.app.top
    assert isinstance(shop, WorkshopScene)
    r.press(RIGHT)
    assert shop.card_index == 1
    r.press(LEFT)
    assert shop.card_index == 0
    r.app.step([r.pad.tilt(RT, 1.0)])
    assert shop.card_index == 1  # RT: the last card
    r.press(DOWN)
    assert shop.deck_index == 1 and shop.card_index == 0
    r.press(UP)
    assert shop.deck_index == 0
    r.app.step(r.pad.push(1, 0))  # the stick moves the focus over the buttons
    assert shop.focus.current is not None
    r.press(B)
    assert isinstance(r.app.top, TitleScene)


def test_starred_d_pad_scrolls_triggers_jump_b_back(home: Path) -> None:
    r = rig(home, size=(800, 600))
    table = start(r.app)
    for _ in range(16):
        r.press(Y, A, A)  # star, done, next (or, at the go-deeper question, yes)
    assert len(table.session.game.state.starred) >= 10
    r.focus_on("end")
    r.press(A, B)
    r.focus_on("starred")
    r.press(A)
    starred = r.app.top
    assert isinstance(starred, StarredScene) and starred.max_scroll > 0
    r.press(DOWN)
    assert starred.scroll == starred.step
    r.press(UP)
    assert starred.scroll == 0
    r.press(RB)
    assert starred.scroll > starred.step
    r.pull(RT)
    assert starred.scroll == starred.max_scroll
    r.pull(LT)
    assert starred.scroll == 0
    r.press(B)
    assert isinstance(r.app.top, TitleScene)


# Hints ---------------------------------------------------------------------------------


def test_hints_show_the_device_used_last(home: Path) -> None:
    r = rig(home)
    table = start(r.app, ("Ana", "Ben", "Cy"))
    keys = {b.action: b.key for b in table.buttons}
    assert keys["done"] == "Enter" and keys["veto"] == "X" and keys["skip"] == "S"
    r.app.step(r.pad.push(0, 1))  # the stick is use too
    pads = {b.action: b.key for b in table.buttons}
    assert pads["done"] == "A" and pads["pass"] == "B" and pads["star"] == "Y"
    assert pads["undo"] == "LB" and pads["hold"] == "Start" and pads["skip"] == ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pygame.image.save(r.app.screen, str(SHOTS / "table-controller.png"))
    r.app.step([key(pygame.K_TAB)])
    assert {b.action: b.key for b in table.buttons} == keys
    table.focus.focus(None)
    r.press(A)
    assert {b.action: b.key for b in table.buttons}["warmth"] == "RB"
    r.app.step(r.pad.unplug())  # unplugged: the hints stay until a key is pressed
    assert {b.action: b.key for b in table.buttons}["warmth"] == "RB"


def test_the_help_shows_the_controller_buttons_once_one_was_used(home: Path) -> None:
    rows = dict(keymap.pad_help_rows())
    for entry in keymap.TABLE:
        for pad in entry.pads:  # every button the table binds, by its name
            assert any(keymap.PAD_NAMES[pad.button] in names for names in rows), entry
    assert rows["RB"].startswith("Give warmth") and "D-pad / stick" in rows
    r = rig(home)
    start(r.app)
    r.press(BACK)
    assert isinstance(r.app.top, HelpScene) and keymap.device() == "pad"
    r.app.step()  # drawn with the controller's rows


def test_two_offered_a_points_at_the_first_pick_then_the_d_pad_and_a_pick(home: Path) -> None:
    r = rig(home)
    table = start(r.app, offered=2)
    offered = list(table.session.game.state.offered)
    r.press(A)  # nothing focused: the focus goes to the first card's Pick, nothing picked
    focused = table.focus.current
    assert isinstance(focused, Button) and focused.command == Command("pick", 0)
    assert phase(table) is Phase.OFFER and "D-pad" in table.toast
    r.focus_on("pick", 1)
    r.press(A)
    assert phase(table) is Phase.CARD and table.session.game.state.card == offered[1]
