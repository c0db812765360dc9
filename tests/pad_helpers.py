"""Helpers for the controller tests: an app with the fake controller plugged in, the
D-pad's ways between buttons, and the table started from code."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pygame
from ui_helpers import make_app

from deckgame.engine import Phase, Settings
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.bindings import Command
from deckgame.ui.input.controller import Controllers
from deckgame.ui.input.fake import FakeBackend, FakePad
from deckgame.ui.scenes.table import TableScene
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
