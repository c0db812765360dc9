"""Pieces several scenes draw: the table-cloth background, headings, a row of buttons."""

from __future__ import annotations

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.look import Look, rounded_rect, shadow
from deckgame.ui.widgets import Button


def veil(surface: pygame.Surface, colour: tuple[int, int, int, int]) -> None:
    """Dim everything under an overlay (blended in place: no window-sized layer is kept)."""
    rounded_rect(surface, colour, surface.get_rect(), 0)


def overlay_panel(surface: pygame.Surface, look: Look, panel: pygame.Rect) -> None:
    """An overlay's panel: what lies beneath dimmed, then a raised card of the theme."""
    veil(surface, look.theme.overlay)
    shadow(surface, look, panel, look.metrics.radius)
    rounded_rect(surface, look.theme.surface, panel, look.metrics.radius)


def backdrop(surface: pygame.Surface, look: Look) -> None:
    """A calm background: the theme colour with a soft vignette toward the edges.

    The picture is built when the window is laid out (:meth:`Look.resized`) and kept, one
    per window size and theme (see ``look._BACKDROPS``); drawing only copies it."""
    surface.blit(look.backdrop(surface.get_size()), (0, 0))


def page(surface: pygame.Surface, look: Look, panel: pygame.Rect) -> None:
    """A full-window page: the backdrop, then a raised card of the theme at ``panel``."""
    backdrop(surface, look)
    shadow(surface, look, panel, look.metrics.radius)
    rounded_rect(surface, look.theme.surface, panel, look.metrics.radius)


def heading(
    surface: pygame.Surface, look: Look, text: str, pos: tuple[int, int], width: int = 0
) -> int:
    """A scene heading at ``pos`` (top-left); returns its bottom. With ``width`` it is no
    wider than that: smaller when it must be (down to the smallest text size), then cut."""
    m = look.metrics
    if width > 0:
        img = look.text.line(
            text, m.heading, look.theme.text, width, face=Face.BOLD, min_size=m.min_text
        )
    else:
        img = look.text.render(text, m.heading, look.theme.text, face=Face.BOLD)
    surface.blit(img, pos)
    return pos[1] + img.get_height()


def row(buttons: list[Button], area: pygame.Rect, height: int, gap: int) -> None:
    """Lay ``buttons`` out in one row filling ``area``'s width, vertically centred."""
    if not buttons:
        return
    width = (area.width - gap * (len(buttons) - 1)) // len(buttons)
    for i, b in enumerate(buttons):
        b.rect = pygame.Rect(area.x + i * (width + gap), area.centery - height // 2, width, height)


def column(buttons: list[Button], area: pygame.Rect, height: int, gap: int) -> None:
    """Lay ``buttons`` out in one column from ``area``'s top, each ``area`` wide."""
    for i, b in enumerate(buttons):
        b.rect = pygame.Rect(area.x, area.y + i * (height + gap), area.width, height)
