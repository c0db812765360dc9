"""A controller that is not there: the events SDL would send for one, made up for tests.

There is no controller on the machines the tests run on. :class:`FakeBackend` stands where
SDL's game-controller API stands behind :class:`~deckgame.ui.input.controller.Controllers`,
and a :class:`FakePad` plugged into it makes the events of the same types and fields SDL
gives: ``device_index`` when a device arrives, ``instance_id`` on everything after, ``button``
and ``axis``/``value`` (-32768..32767) as SDL's standard layout numbers them.

>>> backend = FakeBackend()
>>> pad = FakePad(backend)
>>> [e.type == pygame.CONTROLLERDEVICEADDED for e in pad.plug()]
[False, True]
>>> [e.button for e in pad.press(pygame.CONTROLLER_BUTTON_A)]
[0, 0]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

import pygame

from deckgame.ui.input.controller import AXIS_FULL, Device

_INSTANCE_IDS = itertools.count(100)  # SDL never reuses an instance id in a run either


@dataclass
class FakeDevice:
    instance_id: int
    name: str
    closed: bool = False

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeBackend:
    """The devices plugged in, by SDL's device index (which shifts when one goes)."""

    plugged: list[FakePad] = field(default_factory=list)
    started: bool = False
    opened: list[FakeDevice] = field(default_factory=list)

    def start(self) -> None:
        self.started = True

    def count(self) -> int:
        return len(self.plugged)

    def is_controller(self, index: int) -> bool:
        return 0 <= index < len(self.plugged) and self.plugged[index].controller

    def open(self, index: int) -> Device:
        if not self.is_controller(index):
            raise pygame.error("Invalid index")
        pad = self.plugged[index]
        device = FakeDevice(pad.instance_id, pad.name)
        self.opened.append(device)
        return device


class FakePad:
    """One fake device: a game controller, or (``controller=False``) a plain joystick such
    as the ones some keyboards show up as."""

    def __init__(
        self, backend: FakeBackend, name: str = "Fake Pad", *, controller: bool = True
    ) -> None:
        self.backend = backend
        self.name = name
        self.controller = controller
        self.instance_id = next(_INSTANCE_IDS)

    @property
    def index(self) -> int:
        return self.backend.plugged.index(self)

    def plug(self) -> list[pygame.event.Event]:
        """Plug it in: the joystick arrives, and (for a controller) the controller too."""
        self.backend.plugged.append(self)
        events = [pygame.event.Event(pygame.JOYDEVICEADDED, device_index=self.index, guid="")]
        if self.controller:
            events.append(pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=self.index))
        return events

    def unplug(self) -> list[pygame.event.Event]:
        self.backend.plugged.remove(self)
        events = [pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=self.instance_id)]
        if self.controller:
            removed = pygame.event.Event(
                pygame.CONTROLLERDEVICEREMOVED, instance_id=self.instance_id
            )
            events.insert(0, removed)
        return events

    def down(self, button: int) -> pygame.event.Event:
        return pygame.event.Event(
            pygame.CONTROLLERBUTTONDOWN, instance_id=self.instance_id, button=button
        )

    def up(self, button: int) -> pygame.event.Event:
        return pygame.event.Event(
            pygame.CONTROLLERBUTTONUP, instance_id=self.instance_id, button=button
        )

    def press(self, button: int) -> list[pygame.event.Event]:
        """A press and its release."""
        return [self.down(button), self.up(button)]

    def tilt(self, axis: int, amount: float) -> pygame.event.Event:
        """An axis moved to ``amount`` (-1..1 for a stick, 0..1 for a trigger)."""
        value = max(-AXIS_FULL - 1, min(AXIS_FULL, round(amount * AXIS_FULL)))
        return pygame.event.Event(
            pygame.CONTROLLERAXISMOTION, instance_id=self.instance_id, axis=axis, value=value
        )

    def push(self, dx: int, dy: int) -> list[pygame.event.Event]:
        """The left stick pushed all the way one way and let go again."""
        x, y = pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY
        return [self.tilt(x, dx), self.tilt(y, dy), self.tilt(x, 0), self.tilt(y, 0)]


def post(events: Iterable[pygame.event.Event]) -> None:
    """Put events on SDL's queue, where the game's real loop reads them."""
    for event in events:
        pygame.event.post(event)
