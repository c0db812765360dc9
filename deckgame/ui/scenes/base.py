"""The frame contract every scene keeps: handle an event, update by time, draw.

``handle_event`` turns input into engine actions (or scene changes); ``update`` advances
animations; ``draw`` only reads state and paints, so a frame can be redrawn any time.

A button and a key reach a scene the same way: as a :class:`~deckgame.ui.bindings.Command`
given to :meth:`Scene.on_command`. A game controller's press comes to :meth:`Scene.on_pad`,
which moves the focus (D-pad, left stick), presses the focused button (A) or hands the
scene the key press of the command its button is bound to, so the scene hears one command
however it came.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pygame

from deckgame.ui import keymap
from deckgame.ui.bindings import Command
from deckgame.ui.input.controller import DPAD_STEPS, PadInput
from deckgame.ui.look import Look
from deckgame.ui.widgets import Button, Focusable, FocusOrder, TextInput, focus_ring, pointer_pos

if TYPE_CHECKING:
    from deckgame.ui.app import App


class Scene:
    """A screen. ``overlay`` scenes are drawn on top of the scene beneath them."""

    overlay = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.focus = FocusOrder()
        self.buttons: list[Button] = []

    @property
    def look(self) -> Look:
        return self.app.look

    @property
    def size(self) -> tuple[int, int]:
        return self.app.size

    # The frame contract ---------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        """Default: Tab focus, Enter/Space on the focused widget, clicks and taps on buttons."""
        if self.focus.handle_tab(event):
            return
        pos = pointer_pos(event, self.size)
        if pos is not None:
            for widget in self.focusables():
                if widget.enabled and widget.hit(pos):
                    # A tap moves the keyboard focus only into text fields: Enter keeps
                    # meaning "the primary action" after pressing a button by hand.
                    if isinstance(widget, TextInput):
                        self.focus.focus(widget)
                    self.activate(widget)
                    return
            self.on_pointer(pos)
            return
        if event.type == pygame.KEYDOWN:
            current = self.focus.current
            if isinstance(current, TextInput):
                if current.handle(event):
                    return
                if event.unicode and event.unicode.isprintable() and event.key != pygame.K_RETURN:
                    return  # typed into the field (arrives as TEXTINPUT), not a shortcut
            plain = not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
            enter = event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
            if enter and plain and isinstance(current, Button):
                self.activate(current)
                return
            self.on_key(event)
        elif event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            current = self.focus.current
            if isinstance(current, TextInput):
                current.handle(event)

    def on_pad(self, pad: PadInput) -> None:
        """A controller's press or stick push: the D-pad (unless the scene binds it) and the
        stick move the focus; A presses the focused button (with none: the scene's primary
        action where it binds one, else the focus appears); any other button sends the key
        press of its command in this scene; Back, where nothing else is bound to it, opens or
        closes the help as F1 does."""
        if pad.move is not None:
            self.focus.toward(*pad.move)
            return
        button = pad.button
        current = self.focus.current
        if button == pygame.CONTROLLER_BUTTON_A and isinstance(current, Button):
            self.activate(current)
            return
        command = None if button is None else keymap.pad_binding_for(button, self.bindings)
        if command is None and button in DPAD_STEPS:
            self.focus.toward(*DPAD_STEPS[button])
            return
        if command is None and button == pygame.CONTROLLER_BUTTON_A and current is None:
            self.focus.move(1)  # no primary action here: A shows where the focus starts
            return
        if command is None and button == pygame.CONTROLLER_BUTTON_BACK:
            command = Command("help")
            event = keymap.key_event_for(command, "table")  # F1, whichever scene is on top
        else:
            event = None if command is None else keymap.key_event_for(command, self.bindings)
        if event is not None:
            self.app.dispatch(event)

    @property
    def bindings(self) -> str:
        """The scene's name in the keymap: its module's ``SCENE``, or the module's name."""
        module = type(self).__module__
        return str(getattr(sys.modules[module], "SCENE", module.rpartition(".")[2]))

    def update(self, dt: float) -> None:
        """Advance animations by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene; must not change state."""

    # Hooks ------------------------------------------------------------------------------
    def layout(self) -> None:
        """Place widgets for the current window size and look (called on resize and settings)."""

    def on_enter(self) -> None:
        """The scene became the top of the stack."""
        self.layout()

    def focusables(self) -> list[Focusable]:
        return list(self.buttons)

    def activate(self, widget: Focusable) -> None:
        """A button was pressed (click, tap, or Enter on focus)."""
        if isinstance(widget, Button):
            self.on_command(widget.command)

    def on_command(self, command: Command) -> None:
        """A command from a button or a key. A scene whose commands carry an argument (a
        pick, a theme, a deck) overrides this; the others answer :meth:`on_action`."""
        self.on_action(command.name)

    def on_action(self, action: str) -> None:
        """A command without an argument, by its name."""

    def on_key(self, event: pygame.event.Event) -> None:
        """A key the default handling did not use."""

    def on_pointer(self, pos: tuple[int, int]) -> None:
        """A click or tap that hit no widget."""

    def animating(self) -> bool:
        """True while something moves: the loop then runs at 60 fps instead of sleeping."""
        return False

    def wake_in(self) -> float | None:
        """Seconds until the scene must be redrawn without input (a running timer), or None."""
        return None

    # Drawing helpers ----------------------------------------------------------------------
    def draw_buttons(self, surface: pygame.Surface) -> None:
        for widget in self.focusables():
            widget.draw(surface, self.look, widget is self.focus.current)

    def draw_focus(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        focus_ring(surface, self.look, rect)

    def button(self, action: str, arg: int | str | None = None) -> Button:
        """The button that sends ``Command(action, arg)`` (tests press buttons by it)."""
        wanted = Command(action, arg)
        for b in self.buttons:
            if b.command == wanted:
                return b
        raise KeyError(wanted)
