"""Decks: what loaded, from where, and every problem of the decks that were skipped."""

from __future__ import annotations

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, heading
from deckgame.ui.widgets import Button


class DecksScene(Scene):
    scroll = 0

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.panel = pygame.Rect(m.margin, m.margin, w - 2 * m.margin, h - 2 * m.margin)
        back = Button("back", "Back", "Esc", style="primary")
        back.rect = pygame.Rect(0, 0, m.px(220), m.button_height)
        back.rect.bottomright = (self.panel.right - m.margin, self.panel.bottom - m.margin)
        up = Button("up", "Up", "PgUp", icon_name="up")
        down = Button("down", "Down", "PgDn", icon_name="down")
        up.rect = pygame.Rect(self.panel.x + m.margin, back.rect.y, m.px(160), m.button_height)
        down.rect = up.rect.move(up.rect.width + m.gap, 0)
        self.buttons = [up, down, back]
        self.focus.set(list(self.buttons))

    def lines(self) -> list[tuple[str, bool]]:
        """(text, is_problem) rows: each deck, then its problems, skipped decks first."""
        lib = self.app.ctx.library
        rows: list[tuple[str, bool]] = []
        for deck in sorted(lib.decks, key=lambda d: d.ok):
            name = deck.spec.name if deck.spec is not None else deck.path.name
            status = "skipped" if not deck.ok else f"{len(deck.cards)} cards"
            rows.append((f"{name} · {deck.origin} · {status}", False))
            rows.extend((str(p), True) for p in deck.problems)
        listed = {str(p) for d in lib.decks for p in d.problems}
        rows.extend((str(p), True) for p in lib.problems if str(p) not in listed)
        return rows

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.app.pop()
        elif event.key in (pygame.K_UP, pygame.K_PAGEUP):
            self.on_action("up")
        elif event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.on_action("down")

    def on_action(self, action: str) -> None:
        if action == "back":
            self.app.pop()
        elif action == "up":
            self.scroll = max(0, self.scroll - 5)
        elif action == "down":
            self.scroll = min(max(0, len(self.lines()) - 1), self.scroll + 5)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        backdrop(surface, self.look)
        shadow(surface, self.look, self.panel, m.radius)
        rounded_rect(surface, t.surface, self.panel, m.radius)
        lib = self.app.ctx.library
        title = f"Decks: {len(lib.decks) - len(lib.skipped)} loaded"
        if lib.skipped:
            title += f", {len(lib.skipped)} skipped"
        y = heading(surface, self.look, title, (self.panel.x + m.margin, self.panel.y + m.margin))
        from deckgame.paths import user_decks_dir

        where = f"Your own decks load from {user_decks_dir()}"
        img = self.look.text.line(where, m.small, t.text_muted, self.panel.width - 2 * m.margin)
        surface.blit(img, (self.panel.x + m.margin, y + m.px(4)))
        y += img.get_height() + m.gap * 2
        bottom = self.buttons[0].rect.top - m.gap
        width = self.panel.width - 2 * m.margin
        for text, problem in self.lines()[self.scroll :]:
            face = Face.REGULAR if problem else Face.BOLD
            colour = t.text_muted if problem else t.text
            indent = m.margin if problem else 0
            img = self.look.text.render(text, m.small, colour, face=face, wrap=width - indent)
            if y + img.get_height() > bottom:
                break
            surface.blit(img, (self.panel.x + m.margin + indent, y))
            y += img.get_height() + m.gap // 2
        self.draw_buttons(surface)
