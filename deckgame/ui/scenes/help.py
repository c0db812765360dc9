"""F1 (or a controller's Back): the keyboard map of GAME.md over whatever screen is showing,
or the controller's buttons once a controller was used last."""

from __future__ import annotations

import pygame

from deckgame.i18n import _
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import closes_on_outside_tap, overlay_panel
from deckgame.ui.widgets import Button

KEYS: tuple[tuple[str, str], ...] = tuple(keymap.help_rows())
"""The rows shown, from the keymap (the same list the buttons' hints come from)."""
PANEL_W = 900  # design pixels: the panel's width at most
CLOSE_W = 200  # its Close button
KEY_SHARE = 0.3  # the keys' column, as a share of the panel
ROW_TEXT = 0.7  # the text's size in a row, as a share of the row's height
SMALLEST = 10  # pixels: the rows' text never smaller (a window too low to hold them)


class HelpScene(Scene):
    overlay = True

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.panel = pygame.Rect(0, 0, min(w - 2 * m.margin, m.px(PANEL_W)), h - 2 * m.margin)
        self.panel.center = (w // 2, h // 2)
        close = Button("close", _("Close"), keymap.hint("back", scene="help"), style="primary")
        close.rect = pygame.Rect(0, 0, m.px(CLOSE_W), m.button_height)
        close.rect.midbottom = (self.panel.centerx, self.panel.bottom - m.margin)
        self.buttons = [close]
        self.focus.set(list(self.buttons))

    def handle_event(self, event: pygame.event.Event) -> None:
        if closes_on_outside_tap(self, self.panel, event):
            return
        if event.type == pygame.KEYDOWN and keymap.command_for(event, "help") == "back":
            self.app.pop()
            return
        super().handle_event(event)

    def on_action(self, action: str) -> None:
        if action == "close":
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        overlay_panel(surface, self.look, self.panel)
        title = self.look.text.render(_("Keys"), m.heading, t.text, face=Face.BOLD)
        surface.blit(title, (self.panel.x + m.margin, self.panel.y + m.margin))
        top = self.panel.y + m.margin + title.get_height() + m.gap
        bottom = self.buttons[0].rect.top - m.gap
        shown = (
            tuple(keymap.help_rows())
            if keymap.device() == "keys"
            else tuple(keymap.pad_help_rows())
        )
        rows = len(shown)
        row_h = max(1, (bottom - top) // rows)
        size = min(m.body, max(SMALLEST, int(row_h * ROW_TEXT)))
        key_w = int(self.panel.width * KEY_SHARE)
        for i, (key, what) in enumerate(shown):
            y = top + i * row_h
            k = self.look.text.line(key, size, t.text, key_w - m.gap, face=Face.BOLD)
            d = self.look.text.line(what, size, t.text, self.panel.width - key_w - 2 * m.margin)
            surface.blit(k, (self.panel.x + m.margin, y))
            surface.blit(d, (self.panel.x + m.margin + key_w, y))
        self.draw_buttons(surface)
