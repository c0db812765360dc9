"""The real wrapper against a controller SDL itself believes in: SDL's virtual joystick API
(``SDL_JoystickAttachVirtual``, a game-controller type with the standard mapping), reached
through ctypes in pygame-ce's own SDL library. No hardware, but every step the game takes is
the real one: SDL's hot-plug events, pygame-ce's experimental controller module opening it,
the instance id from its joystick, and SDL turning joystick state into controller events.

This is where a bug the fake cannot show was found: blocking the raw JOY* events (to keep
the idle loop asleep) also silences the controller events SDL derives from them.
"""

from __future__ import annotations

import ctypes
import glob
import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from pad_helpers import phase, start, top
from ui_helpers import make_app

from deckgame.engine import Phase
from deckgame.ui import keymap
from deckgame.ui.app import App
from deckgame.ui.input.controller import AXIS_FULL
from deckgame.ui.scenes.menu import MenuScene

_VIRTUAL_CONTROLLER = 1  # SDL_JOYSTICK_TYPE_GAMECONTROLLER
_AXES, _BUTTONS = 6, 15  # SDL's virtual controller maps these in the standard order


def _sdl() -> ctypes.CDLL | None:
    libs = os.path.join(os.path.dirname(pygame.__file__), os.pardir, "pygame_ce.libs")
    found = sorted(glob.glob(os.path.join(libs, "libSDL2-2*.so*")))
    if not found:
        return None
    sdl = ctypes.CDLL(found[0])  # the library pygame-ce already loaded: the same SDL
    if not hasattr(sdl, "SDL_JoystickAttachVirtual"):
        return None
    sdl.SDL_JoystickAttachVirtual.argtypes = [ctypes.c_int] * 4
    sdl.SDL_JoystickDetachVirtual.argtypes = [ctypes.c_int]
    sdl.SDL_JoystickFromInstanceID.restype = ctypes.c_void_p
    sdl.SDL_JoystickFromInstanceID.argtypes = [ctypes.c_int]
    sdl.SDL_JoystickSetVirtualButton.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint8]
    sdl.SDL_JoystickSetVirtualAxis.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int16]
    return sdl


SDL = _sdl()
pytestmark = pytest.mark.skipif(SDL is None, reason="pygame-ce's SDL library is not reachable")


class VirtualPad:
    """A game controller SDL's virtual driver makes up, handled as a device would be."""

    def __init__(self, sdl: ctypes.CDLL) -> None:
        self.sdl = sdl
        self.index = sdl.SDL_JoystickAttachVirtual(_VIRTUAL_CONTROLLER, _AXES, _BUTTONS, 0)
        assert self.index >= 0

    def joystick(self, instance_id: int) -> ctypes.c_void_p:
        return ctypes.c_void_p(self.sdl.SDL_JoystickFromInstanceID(instance_id))

    def press(self, app: App, button: int) -> None:
        joy = self.joystick(only_device(app))
        for down in (1, 0):
            self.sdl.SDL_JoystickSetVirtualButton(joy, button, down)
            drain(app)

    def tilt(self, app: App, axis: int, amount: float) -> None:
        value = round(amount * AXIS_FULL)
        self.sdl.SDL_JoystickSetVirtualAxis(self.joystick(only_device(app)), axis, value)
        drain(app)

    def detach(self) -> None:
        self.sdl.SDL_JoystickDetachVirtual(self.index)


def only_device(app: App) -> int:
    (instance_id,) = app.pads.devices
    return instance_id


def drain(app: App) -> None:
    """One frame with whatever SDL has queued (it updates joysticks as events are pumped)."""
    pygame.event.pump()
    app.step(pygame.event.get())


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    yield tmp_path
    keymap.use_device("keys")


def test_a_virtual_sdl_controller_comes_plays_and_goes(home: Path) -> None:
    assert SDL is not None
    app = make_app(home)
    table = start(app, ("Ana", "Ben", "Cy"))
    app.pads.start()  # the real backend: pygame._sdl2.controller
    pad = VirtualPad(SDL)
    try:
        drain(app)  # SDL's JOYDEVICEADDED and CONTROLLERDEVICEADDED
        assert app.pads.started and len(app.pads.devices) == 1
        pad.press(app, pygame.CONTROLLER_BUTTON_A)
        assert phase(table) is Phase.AFTER and keymap.device() == "pad"
        assert {b.action: b.key for b in table.buttons}["warmth"] == "RB"
        pad.tilt(app, pygame.CONTROLLER_AXIS_LEFTX, 1.0)  # the stick: focus to the first button
        assert table.focus.index == 0
        pad.tilt(app, pygame.CONTROLLER_AXIS_LEFTX, 0.0)
        pad.tilt(app, pygame.CONTROLLER_AXIS_TRIGGERLEFT, 1.0)  # LT: the menu
        assert isinstance(app.top, MenuScene)
        pad.tilt(app, pygame.CONTROLLER_AXIS_TRIGGERLEFT, 0.0)
        pad.press(app, pygame.CONTROLLER_BUTTON_B)
        assert top(app) is table
    finally:
        pad.detach()
    drain(app)  # SDL's CONTROLLERDEVICEREMOVED
    assert app.pads.devices == {}


def test_a_controller_plugged_in_before_the_game_is_opened_once(home: Path) -> None:
    assert SDL is not None
    app = make_app(home)
    pad = VirtualPad(SDL)
    try:
        app.pads.start()  # finds it plugged in already...
        assert len(app.pads.devices) == 1
        drain(app)  # ...and SDL's "added" events for it change nothing
        assert len(app.pads.devices) == 1
        pad.press(app, pygame.CONTROLLER_BUTTON_A)  # the title's Play
        assert type(app.top).__name__ == "SetupScene"
    finally:
        pad.detach()
    drain(app)
    assert app.pads.devices == {}
