"""The line chips of setup's second page: a line left out reads so in words, not colour."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.i18n import _
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.look import Look, rounded_rect
from deckgame.ui.widgets import ICON_GAP, TICK_INSET, TOGGLE_SPARE, Toggle, focus_ring

LINE = 1.5  # an off chip's outline, in design pixels: lighter than a toggle's


@dataclass
class LineToggle(Toggle):
    """A line chip: on, it reads "never: grief" on the X-card colour with a cross; off,
    just the tag, hollow. Never the tick of the "in play" chips, which would read as
    *include* grief."""

    tag: str = ""

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False) -> None:
        m = look.metrics
        t = look.theme
        if self.on:
            rounded_rect(surface, t.danger, self.rect, m.radius)
            fg = t.on_danger
        else:
            rounded_rect(surface, t.surface, self.rect, m.radius)
            pygame.draw.rect(
                surface, t.text_muted, self.rect, max(1, m.px(LINE)), border_radius=m.radius
            )
            fg = t.text
        if focused:
            focus_ring(surface, look, self.rect)
        # Laid out as a toggle is (the cross where its tick goes): a label too long for the
        # row shrinks to the smallest text size before it is shortened.
        parts = self.parts(look)
        if self.on:
            mark = icon("cross", round(m.button_text * 0.9), fg)
            surface.blit(
                mark, mark.get_rect(midleft=(self.rect.x + m.px(TICK_INSET), self.rect.centery))
            )
        text = look.text.render(parts.label, parts.size, fg, face=Face.BOLD)
        surface.blit(text, text.get_rect(midleft=parts.text.midleft))

    def natural_width(self, look: Look) -> int:
        m = look.metrics
        text = look.text.render(self.label, m.button_text, look.theme.text, face=Face.BOLD)
        mark = round(m.button_text * 0.9) + m.px(ICON_GAP) if self.on else 0
        return text.get_width() + mark + m.px(TOGGLE_SPARE)


def line_chip(tag: str, on: bool) -> LineToggle:
    """The chip for one line: its words change with its state, not only its colour."""
    words = tag.replace("-", " ")
    label = _("never: {line}").format(line=words) if on else words
    return LineToggle(f"tag_{tag}", label, on=on, tag=tag)
