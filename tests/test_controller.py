"""Game controllers through the wrapper, with the fake controller behind it: devices that
come and go, plain joysticks left alone, the stick's dead zone and repeat, and a tour of the
game made with the controller only that checks every keymap command is reachable from one.

The fake makes the events SDL gives for a real one (device added and removed, button down and
up, axis motion); the app reads them as it reads keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from pad_helpers import (
    BACK,
    LEFT,
    LT,
    STICK_X,
    A,
    B,
    Rig,
    Y,
    phase,
    rig,
    routes,
    start,
)
from ui_helpers import key, library, make_app

from deckgame.engine import Phase
from deckgame.ui import keymap
from deckgame.ui.bindings import Command
from deckgame.ui.input import controller
from deckgame.ui.input.fake import FakePad, post
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.title import TitleScene


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    yield tmp_path
    keymap.use_device("keys")  # the hints' device is the process's: leave it as found


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
