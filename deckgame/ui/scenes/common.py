"""Pieces several scenes draw: the table-cloth background, headings, a row of buttons."""

from __future__ import annotations

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.look import Look, rounded_rect
from deckgame.ui.theme import mix
from deckgame.ui.widgets import Button

_BACKDROPS: dict[tuple[str, tuple[int, int]], pygame.Surface] = {}


def veil(surface: pygame.Surface, colour: tuple[int, int, int, int]) -> None:
    """Dim everything under an overlay (the layer is cached per size and colour)."""
    rounded_rect(surface, colour, surface.get_rect(), 0)


def backdrop(surface: pygame.Surface, look: Look) -> None:
    """A calm background: the theme colour with a soft vignette toward the edges (cached)."""
    key = (look.theme.name, surface.get_size())
    cached = _BACKDROPS.get(key)
    if cached is None:
        t = look.theme
        # Nested ellipses from the edge colour in to the centre colour on a small surface,
        # blurred, then scaled up: a smooth vignette in a few milliseconds at any size.
        sw, sh = 160, 90
        small = pygame.Surface((sw, sh))
        small.fill(t.background_edge)
        steps = 24
        for i in range(steps):
            k = i / (steps - 1)
            rect = pygame.Rect(0, 0, round(sw * (1.5 - k * 1.1)), round(sh * (1.5 - k * 1.1)))
            rect.center = (sw // 2, sh // 2)
            pygame.draw.ellipse(small, mix(t.background_edge, t.background, k**0.7), rect)
        small = pygame.transform.gaussian_blur(small, 6)
        cached = pygame.transform.smoothscale(small, surface.get_size())
        if pygame.display.get_surface() is not None:
            cached = cached.convert()  # display format: a plain copy per frame
        if len(_BACKDROPS) > 8:
            _BACKDROPS.clear()
        _BACKDROPS[key] = cached
    surface.blit(cached, (0, 0))


def heading(surface: pygame.Surface, look: Look, text: str, pos: tuple[int, int]) -> int:
    """A scene heading at ``pos`` (top-left); returns its bottom."""
    img = look.text.render(text, look.metrics.heading, look.theme.text, face=Face.BOLD)
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
