"""Every scene driven by a game controller, through the fake controller behind the wrapper.

The fake makes the events SDL gives for a real one (device added and removed, button down and
up, axis motion); the app reads them as it reads keys. Where a controller button stands for a
key, the same game is played once by keys and once by the controller, and the engine states
must match after every press.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from test_ui_scenes import GOOD_DECK, app_on_files
from ui_helpers import key, library, make_app, typed

from deckgame.engine import Phase, Settings
from deckgame.ui import flow, keymap
from deckgame.ui.app import App
from deckgame.ui.bindings import Command
from deckgame.ui.input import controller
from deckgame.ui.input.controller import Controllers
from deckgame.ui.input.fake import FakeBackend, FakePad, post
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.help import HelpScene
from deckgame.ui.scenes.hold import HoldScene
from deckgame.ui.scenes.menu import MenuScene
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.starred import StarredScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.scenes.workshop import WorkshopScene
from deckgame.ui.widgets import Button, FocusOrder

A, B = pygame.CONTROLLER_BUTTON_A, pygame.CONTROLLER_BUTTON_B
X, Y = pygame.CONTROLLER_BUTTON_X, pygame.CONTROLLER_BUTTON_Y
LB, RB = pygame.CONTROLLER_BUTTON_LEFTSHOULDER, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER
START, BACK = pygame.CONTROLLER_BUTTON_START, pygame.CONTROLLER_BUTTON_BACK
UP, DOWN = pygame.CONTROLLER_BUTTON_DPAD_UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN
LEFT, RIGHT = pygame.CONTROLLER_BUTTON_DPAD_LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT
LT, RT = pygame.CONTROLLER_AXIS_TRIGGERLEFT, pygame.CONTROLLER_AXIS_TRIGGERRIGHT
STICK_X, STICK_Y = pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY
SHOTS = Path(os.environ.get("DECKGAME_SHOTS", "/tmp/deckgame-shots"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    yield tmp_path
    keymap.use_device("keys")  # the hints' device is the process's: leave it as found


class Rig:
    """An app with a fake controller plugged in, and a clock the stick's repeat reads."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.now = 0.0
        self.backend = FakeBackend()
        app.pads = Controllers(self.backend, clock=lambda: self.now)
        self.pad = FakePad(self.backend)
        app.step(self.pad.plug())

    def press(self, *buttons: int) -> None:
        for button in buttons:
            self.app.step(self.pad.press(button))

    def pull(self, trigger: int) -> None:
        """A trigger pulled all the way and let go."""
        self.app.step([self.pad.tilt(trigger, 1.0), self.pad.tilt(trigger, 0.0)])

    def focus_on(self, action: str, arg: int | str | None = None) -> Button:
        """Move the focus with the D-pad onto the button that sends ``action``, by the
        shortest way (the way found on the focus order itself, then pressed)."""
        scene = self.app.top
        assert scene is not None
        ways = routes(scene.focus)
        index = next(
            (i for i, w in enumerate(scene.focus.widgets) if command_of(w) == Command(action, arg)),
            None,
        )
        assert index is not None and index in ways, (action, type(scene).__name__)
        for button in ways[index]:
            self.press(button)
        current = scene.focus.current
        assert isinstance(current, Button) and current.command == Command(action, arg)
        return current


DIRECTIONS = {RIGHT: (1, 0), DOWN: (0, 1), LEFT: (-1, 0), UP: (0, -1)}


def command_of(widget: object) -> Command | None:
    return widget.command if isinstance(widget, Button) else None


def routes(order: FocusOrder) -> dict[int, list[int]]:
    """Every widget the D-pad reaches from the focus now, and the presses that get there."""
    start = order.index
    ways: dict[int, list[int]] = {}
    queue: list[tuple[int, list[int]]] = [(start, [])]
    while queue:
        at, path = queue.pop(0)
        for button, (dx, dy) in DIRECTIONS.items():
            order.index = at
            order.toward(dx, dy)
            if order.index not in ways and order.index != start:
                ways[order.index] = [*path, button]
                queue.append((order.index, ways[order.index]))
    order.index = start
    return ways


def rig(home: Path, **options: object) -> Rig:
    return Rig(make_app(home, **options))  # type: ignore[arg-type]


def start(app: App, players: tuple[str, ...] = ("Ana", "Ben"), **options: object) -> TableScene:
    flow.start_game(app, Settings(players=players, **options))  # type: ignore[arg-type]
    app.step()
    table = app.top
    assert isinstance(table, TableScene)
    return table


def top(app: App) -> object:
    return app.top


def phase(table: TableScene) -> Phase:
    """Read through a call, so that mypy's narrowing does not outlive a press."""
    return table.session.game.phase


def state_of(table: TableScene) -> dict[str, object]:
    return dataclasses.asdict(table.session.game.state)


# The wrapper ---------------------------------------------------------------------------


def test_sdl_backend_starts_with_no_device_and_the_game_plays_on(home: Path) -> None:
    app = make_app(home)
    app.pads.start()  # the real SDL game-controller API (no device on this machine)
    assert app.pads.started and app.pads.devices == {}
    app.step([key(pygame.K_RETURN)])
    assert isinstance(app.top, SetupScene)


def test_a_plain_joystick_is_ignored(home: Path) -> None:
    r = rig(home)
    stick = FakePad(r.backend, "Keyboard with a knob", controller=False)
    r.app.step(stick.plug())
    assert set(r.app.pads.devices) == {r.pad.instance_id}
    r.app.step(stick.press(A))  # nothing SDL would send; and if it did, nobody listens
    assert isinstance(r.app.top, TitleScene) and keymap.device() == "keys"
    r.app.step(stick.unplug())
    assert set(r.app.pads.devices) == {r.pad.instance_id}


def test_hot_plug_mid_game(home: Path) -> None:
    r = rig(home)
    table = start(r.app, ("Ana", "Ben", "Cy"))
    r.press(A)  # done
    assert phase(table) is Phase.AFTER
    r.app.step(r.pad.unplug())
    assert r.app.pads.devices == {} and r.backend.opened[0].closed
    r.app.step([r.pad.down(A)])  # a late event of the controller that went
    assert phase(table) is Phase.AFTER
    second = FakePad(r.backend, "Another pad")
    r.app.step(second.plug())
    assert set(r.app.pads.devices) == {second.instance_id}
    r.app.step(second.press(A))  # next turn, from the new controller
    assert phase(table) is Phase.CARD and table.session.game.seat == 1
    r.app.step(r.pad.plug())  # the first one comes back (SDL gives it the next index)
    assert len(r.app.pads.devices) == 2


def test_the_real_loop_reads_controller_events_from_sdl(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    post(r.pad.press(A))
    r.app.turn()
    assert phase(table) is Phase.AFTER


def test_the_stick_has_a_dead_zone_and_repeats_while_held(home: Path) -> None:
    r = rig(home)
    table = start(r.app)
    r.app.step([r.pad.tilt(STICK_X, 0.4)])  # drift, not a push
    assert table.focus.current is None
    r.app.step([r.pad.tilt(STICK_X, 0.9)])
    first = table.focus.index
    assert first == 0
    r.app.step([r.pad.tilt(STICK_X, 0.95)])  # the same push, wobbling: no second move
    assert table.focus.index == first
    assert r.app.pads.wake_in() == pytest.approx(controller.REPEAT_FIRST)
    r.now += controller.REPEAT_FIRST
    r.app.step()
    assert table.focus.index == first + 1
    r.now += controller.REPEAT_EVERY
    r.app.step()
    assert table.focus.index == first + 2
    r.app.step([r.pad.tilt(STICK_X, 0.0)])
    r.now += 5
    r.app.step()
    assert table.focus.index == first + 2 and r.app.pads.wake_in() is None


# Every binding -------------------------------------------------------------------------

# Commands with no controller button of their own, and the way a controller reaches them.
ELSEWHERE = {
    ("table", "settings"): "LT opens the menu, which has Settings",
    ("table", "fullscreen"): "Settings has a Fullscreen toggle",
    ("table", "agree"): "the go-deeper question is its own scene: A there",
    ("table", "not_yet"): "the go-deeper question: B there",
    ("workshop", "level"): "LB / RB step through the levels",
    ("workshop", "text_smaller"): "the text size button cycles the sizes",
    ("workshop", "text_larger"): "the text size button cycles the sizes",
}


class Tour:
    """The buttons each scene shows, on a night played with the controller only."""

    def __init__(self, r: Rig) -> None:
        self.r = r
        self.seen: dict[str, set[Command]] = {}
        self.reachable = 0  # screens whose every button the D-pad reaches from any other

    def look(self) -> None:
        """Note the buttons on screen, and check the D-pad reaches every one of them."""
        scene = self.r.app.top
        assert scene is not None
        self.seen.setdefault(scene.bindings, set()).update(b.command for b in scene.buttons)
        focus = scene.focus
        was = focus.index
        for first in range(len(focus.widgets)):
            focus.index = first
            reached = set(routes(focus)) | {first}
            assert reached == set(range(len(focus.widgets))), (type(scene).__name__, first)
        focus.index = was
        self.reachable += 1

    def visit(self, opens: str) -> None:
        """Focus ``opens``, press A, look at what opened, go back with B."""
        self.r.focus_on(opens)
        self.r.press(A)
        self.look()
        self.r.press(B)

    def night(self) -> None:
        r, app = self.r, self.r.app
        self.look()
        for opens in ("settings", "decks"):
            self.visit(opens)
        r.press(BACK)
        self.look()
        r.press(B)
        r.focus_on("play")
        r.press(A)  # the players' page
        self.look()
        r.focus_on("next")
        r.press(A)  # the cards' page (the two names are filled in)
        self.look()
        r.press(B, B)
        assert isinstance(app.top, TitleScene)
        table = start(app, ("Ana", "Ben", "Cy"), offered=2)
        self.look()
        r.focus_on("pick", 0)
        r.press(A, Y)  # picked, starred
        for _ in range(6):  # a few turns: a card naming {other} shows the Other button
            self.look()
            r.press(A)  # done
            self.look()
            r.press(A)  # next
            if phase(table) is Phase.OFFER:
                r.press(LEFT, A)  # a pick button
        r.pull(LT)
        self.look()
        r.press(B)
        r.focus_on("end")
        r.press(A)
        assert isinstance(app.top, SummaryScene)
        self.look()
        r.press(B)
        assert isinstance(app.top, TitleScene)
        self.look()  # with a starred card, the title has a Starred button
        self.visit("starred")
        start(app, unlock_rounds=1)
        r.press(A, A, A, A)
        assert isinstance(app.top, DeeperScene)
        self.look()


def test_every_command_of_every_scene_has_a_controller_binding(home: Path) -> None:
    """A controller button, a button on screen the D-pad reaches, or a named other way."""
    tour = Tour(rig(home))
    tour.night()
    challenge = Tour(Rig(make_app(home / "c", lib=library(challenge=True))))
    start(challenge.r.app)
    challenge.look()
    shown = tour.seen
    shown["table"] |= challenge.seen["table"]
    missing = []
    for scene, entries in keymap.SCENES.items():
        padded = {Command(p.command, p.arg) for entry in entries for p in entry.pads}
        for entry in entries:
            for k in entry.keys:
                reached = k.sends in padded or k.sends in shown.get(scene, set())
                if not reached and (scene, k.command) not in ELSEWHERE:
                    missing.append((scene, k.sends))
    assert not missing


def test_every_scene_has_a_way_back_or_on(home: Path) -> None:
    for scene, entries in keymap.SCENES.items():
        buttons = {p.button for entry in entries for p in entry.pads}
        assert buttons & {A, B}, scene


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
