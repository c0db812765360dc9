"""Game controllers through SDL's game-controller API, turned into presses a scene reads.

pygame-ce marks :mod:`pygame._sdl2.controller` experimental, so this module is the only one
that imports it (in :class:`SdlBackend`, when the game starts listening). SDL's game-controller
layer names buttons by position on a standard pad (A bottom, B right, X left, Y top), whatever
the maker prints on them; joysticks it has no mapping for (some keyboards and mice show up as
joysticks) are not controllers and are left alone.

:class:`Controllers` opens every controller as it is plugged in and closes it when it goes,
and turns the events of an open one into :class:`PadInput`: a button press (a trigger pulled
past half way counts as a button, :data:`TRIGGER_LEFT` / :data:`TRIGGER_RIGHT`), or, from the
left stick, a focus move that repeats while the stick is held. What a press means in a scene
is the keymap's business (:func:`deckgame.ui.keymap.pad_binding_for`).

Tests put :class:`deckgame.ui.input.fake.FakeBackend` behind the same class.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import pygame

from deckgame.ui.bindings import TRIGGER_LEFT, TRIGGER_RIGHT

__all__ = [
    "DPAD_STEPS",
    "TRIGGER_LEFT",
    "TRIGGER_RIGHT",
    "Backend",
    "Controllers",
    "Device",
    "PadInput",
    "SdlBackend",
]

log = logging.getLogger(__name__)

AXIS_FULL = 32767  # SDL's axis range is -32768..32767 (triggers 0..32767)
STICK_DEAD_ZONE = 0.5  # of full tilt: a resting stick drifts, a meant push goes past half
STICK_RELEASE = 0.3  # back under this the push is over (hysteresis against a jittery edge)
TRIGGER_PULL = 0.5  # a trigger pulled past half way is a press
TRIGGER_RELEASE = 0.25
REPEAT_FIRST = 0.45  # seconds a stick is held before the focus moves again
REPEAT_EVERY = 0.16  # then this often (as a keyboard's auto-repeat would)


DPAD_STEPS: dict[int, tuple[int, int]] = {
    pygame.CONTROLLER_BUTTON_DPAD_UP: (0, -1),
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: (0, 1),
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: (-1, 0),
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: (1, 0),
}
"""The D-pad's buttons as steps (dx, dy) on the screen."""

DEVICE_EVENTS = frozenset(
    {
        pygame.CONTROLLERDEVICEADDED,
        pygame.CONTROLLERDEVICEREMOVED,
        pygame.CONTROLLERDEVICEREMAPPED,
        pygame.JOYDEVICEADDED,
        pygame.JOYDEVICEREMOVED,
    }
)
INPUT_EVENTS = frozenset(
    {pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP, pygame.CONTROLLERAXISMOTION}
)
# A controller is also a joystick to SDL, and its raw joystick events reach the scenes (which
# ignore them). They must not be blocked: SDL makes the controller events out of them, and
# pygame.event.set_blocked on JOYBUTTONDOWN silences CONTROLLERBUTTONDOWN too (found with
# SDL's virtual controller, tests/test_controller_sdl.py).


@dataclass(frozen=True, slots=True)
class PadInput:
    """What a controller asks of the scene: a ``button`` pressed (SDL's standard layout, or a
    trigger), or a focus ``move`` (dx, dy) from the left stick."""

    button: int | None = None
    move: tuple[int, int] | None = None


class Device(Protocol):
    """An open controller: SDL's instance id (what its events carry) and its name."""

    @property
    def instance_id(self) -> int: ...

    @property
    def name(self) -> str: ...

    def close(self) -> None: ...


class Backend(Protocol):
    """Where controllers come from: SDL's game-controller API, or a fake one in tests."""

    def start(self) -> None: ...

    def count(self) -> int: ...

    def is_controller(self, index: int) -> bool: ...

    def open(self, index: int) -> Device: ...


@dataclass
class _SdlDevice:
    controller: Any  # pygame._sdl2.controller.Controller (untyped, experimental)
    instance_id: int
    name: str

    def close(self) -> None:
        self.controller.quit()


class SdlBackend:
    """SDL's game-controller API through pygame-ce (imported only when started)."""

    def __init__(self) -> None:
        self._sdl: Any = None

    def start(self) -> None:
        from pygame._sdl2 import controller as sdl_controller

        pygame.joystick.init()  # instance ids come through the joystick side
        sdl_controller.init()
        self._sdl = sdl_controller

    def count(self) -> int:
        return int(self._sdl.get_count())

    def is_controller(self, index: int) -> bool:
        return bool(self._sdl.is_controller(index))

    def open(self, index: int) -> Device:
        pad = self._sdl.Controller(index)
        # ``Controller.id`` is the device index; events name the joystick's instance id.
        instance = int(pad.as_joystick().get_instance_id())
        return _SdlDevice(pad, instance, str(pad.name or ""))


@dataclass
class _Stick:
    """The left stick of one controller: where it points, and when the move repeats."""

    x: float = 0.0
    y: float = 0.0
    held: tuple[int, int] | None = None
    repeat_at: float = 0.0


class Controllers:
    """Every open game controller, and what their events ask for."""

    def __init__(
        self, backend: Backend | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.backend: Backend = backend if backend is not None else SdlBackend()
        self.clock = clock
        self.devices: dict[int, Device] = {}
        self.started = False
        self.failed = False
        self._sticks: dict[int, _Stick] = {}
        self._triggers: dict[tuple[int, int], bool] = {}

    def start(self) -> None:
        """Start listening (once): open the controllers already plugged in. Without SDL's
        controller support the game plays on with the keyboard and pointer."""
        if self.started or self.failed:
            return
        try:
            self.backend.start()
        except (pygame.error, ImportError, NotImplementedError) as error:
            self.failed = True
            log.info("no game controllers: %s", error)
            return
        self.started = True
        for index in range(self.backend.count()):
            self._open(index)

    def close(self) -> None:
        for device in self.devices.values():
            device.close()
        self.devices.clear()
        self._sticks.clear()

    @staticmethod
    def handles(event: pygame.event.Event) -> bool:
        """Whether ``event`` is a controller's (or a joystick's coming and going)."""
        return event.type in DEVICE_EVENTS or event.type in INPUT_EVENTS

    def handle(self, event: pygame.event.Event) -> list[PadInput]:
        """Open or close a device, or say what a press or a stick push asks for."""
        self.start()
        if event.type in (pygame.CONTROLLERDEVICEADDED, pygame.JOYDEVICEADDED):
            # SDL sends both for a controller (and only the joystick one for a device it has
            # no mapping for); opening twice finds the same instance and keeps the first.
            self._open(int(event.device_index))
        elif event.type in (pygame.CONTROLLERDEVICEREMOVED, pygame.JOYDEVICEREMOVED):
            self._close(int(event.instance_id))
        elif getattr(event, "instance_id", None) not in self.devices:
            return []  # a late event of a device already gone, or one never opened
        elif event.type == pygame.CONTROLLERBUTTONDOWN:
            return [PadInput(button=int(event.button))]
        elif event.type == pygame.CONTROLLERAXISMOTION:
            return self._axis(int(event.instance_id), int(event.axis), int(event.value))
        return []

    def repeats(self) -> list[PadInput]:
        """The focus moves a stick held over the repeat delay asks for now."""
        now = self.clock()
        moves = []
        for stick in self._sticks.values():
            if stick.held is not None and now >= stick.repeat_at:
                stick.repeat_at = now + REPEAT_EVERY
                moves.append(PadInput(move=stick.held))
        return moves

    def wake_in(self) -> float | None:
        """Seconds until a held stick moves the focus again (the loop wakes for it)."""
        held = [s.repeat_at for s in self._sticks.values() if s.held is not None]
        return max(0.0, min(held) - self.clock()) if held else None

    # Devices -----------------------------------------------------------------------------
    def _open(self, index: int) -> None:
        try:
            if not self.backend.is_controller(index):
                return
            device = self.backend.open(index)
        except pygame.error as error:  # unplugged between the event and the open
            log.info("controller %d could not be opened: %s", index, error)
            return
        if device.instance_id not in self.devices:
            self.devices[device.instance_id] = device
            log.info("controller connected: %s", device.name)

    def _close(self, instance_id: int) -> None:
        device = self.devices.pop(instance_id, None)
        self._sticks.pop(instance_id, None)
        for key in [k for k in self._triggers if k[0] == instance_id]:
            del self._triggers[key]
        if device is not None:
            device.close()
            log.info("controller disconnected: %s", device.name)

    # Axes --------------------------------------------------------------------------------
    def _axis(self, instance_id: int, axis: int, value: int) -> list[PadInput]:
        amount = max(-1.0, min(1.0, value / AXIS_FULL))
        if axis in (pygame.CONTROLLER_AXIS_TRIGGERLEFT, pygame.CONTROLLER_AXIS_TRIGGERRIGHT):
            return self._trigger(instance_id, axis, amount)
        if axis not in (pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
            return []  # the right stick moves nothing in this game
        stick = self._sticks.setdefault(instance_id, _Stick())
        if axis == pygame.CONTROLLER_AXIS_LEFTX:
            stick.x = amount
        else:
            stick.y = amount
        pointing = _direction(stick.x, stick.y, STICK_DEAD_ZONE)
        if pointing is None:
            if _direction(stick.x, stick.y, STICK_RELEASE) != stick.held:
                stick.held = None  # back near the middle: the push is over
            return []
        if pointing == stick.held:
            return []  # still the same push (its repeats come from repeats())
        stick.held = pointing
        stick.repeat_at = self.clock() + REPEAT_FIRST
        return [PadInput(move=pointing)]

    def _trigger(self, instance_id: int, axis: int, amount: float) -> list[PadInput]:
        key = (instance_id, axis)
        pulled = self._triggers.get(key, False)
        if not pulled and amount >= TRIGGER_PULL:
            self._triggers[key] = True
            left = axis == pygame.CONTROLLER_AXIS_TRIGGERLEFT
            return [PadInput(button=TRIGGER_LEFT if left else TRIGGER_RIGHT)]
        if pulled and amount < TRIGGER_RELEASE:
            self._triggers[key] = False
        return []


def _direction(x: float, y: float, least: float) -> tuple[int, int] | None:
    """The way a stick at (x, y) points, along its stronger axis, or None inside ``least``."""
    if max(abs(x), abs(y)) < least:
        return None
    if abs(x) >= abs(y):
        return (1 if x > 0 else -1, 0)
    return (0, 1 if y > 0 else -1)
