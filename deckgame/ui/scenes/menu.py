"""Esc at the table: a small menu instead of leaving at once (a stray Esc loses nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.engine import End
from deckgame.i18n import N_, _
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import closes_on_outside_tap, overlay_panel
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App
    from deckgame.ui.scenes.table import TableScene

SCENE = "menu"  # its keys in the keymap
# The items (each shows its key from the keymap).
_ITEMS: tuple[tuple[str, str], ...] = (
    ("resume", N_("Back to the game")),
    ("settings", N_("Settings")),
    ("help", N_("Keys and help")),
    ("end", N_("End the night (summary)")),
    ("leave", N_("Leave to the title (Continue resumes)")),
)
PANEL_W = 560  # design pixels: the menu's width at most
TITLE_ROOM = 1.6  # the title's height, in units of its font size


class MenuScene(Scene):
    overlay = True

    def __init__(self, app: App, table: TableScene) -> None:
        super().__init__(app)
        self.table = table

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        bh = m.button_height
        width = min(w - 2 * m.margin, m.px(PANEL_W))
        title_h = round(m.heading * TITLE_ROOM)
        height = 2 * m.margin + title_h + len(_ITEMS) * (bh + m.gap)
        self.panel = pygame.Rect(0, 0, width, min(h - 2 * m.margin, height))
        self.panel.center = (w // 2, h // 2)
        y = self.panel.y + m.margin + title_h
        self.buttons = []
        for action, label in _ITEMS:
            style = "primary" if action == "resume" else "normal"
            b = Button(action, _(label), keymap.hint(action, scene=SCENE), style=style)
            b.rect = pygame.Rect(self.panel.x + m.margin, y, width - 2 * m.margin, bh)
            self.buttons.append(b)
            y += bh + m.gap
        self.focus.set(list(self.buttons))

    def handle_event(self, event: pygame.event.Event) -> None:
        if closes_on_outside_tap(self, self.panel, event):
            return
        super().handle_event(event)

    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is not None:
            self.on_action(command.name)

    def on_action(self, action: str) -> None:
        table = self.table
        if action == "resume":
            self.app.pop()
        elif action == "settings":
            from deckgame.ui.scenes.settings import SettingsScene

            self.app.pop()
            self.app.push(SettingsScene(self.app))
        elif action == "help":
            from deckgame.ui.scenes.help import HelpScene

            self.app.pop()
            self.app.push(HelpScene(self.app))
        elif action == "end":
            self.app.pop()
            table.act(End())
        elif action == "leave":
            self.app.pop()
            table.leave()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        overlay_panel(surface, self.look, self.panel)
        title = self.look.text.render(_("Menu"), m.heading, t.text, face=Face.BOLD)
        surface.blit(title, (self.panel.x + m.margin, self.panel.y + m.margin))
        self.draw_buttons(surface)
