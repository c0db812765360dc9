"""What every drawing call needs: the theme, the sizes for this window, the text cache."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.ui.text import TextBook
from deckgame.ui.theme import Metrics, Theme, metrics_for, mix


@dataclass
class Look:
    theme: Theme
    metrics: Metrics
    text: TextBook
    reduce_motion: bool = False

    def resized(self, size: tuple[int, int], text_scale: float) -> None:
        self.metrics = metrics_for(size, text_scale)


_LAYERS: dict[tuple[object, ...], pygame.Surface] = {}


def rounded_rect(
    surface: pygame.Surface,
    colour: tuple[int, int, int] | tuple[int, int, int, int],
    rect: pygame.Rect,
    radius: int,
    width: int = 0,
) -> None:
    """A filled (or outlined) rounded rectangle; alpha colours are blended, not copied."""
    if len(colour) == 4 and colour[3] < 255:
        # Translucent shapes (shadows, veils) are drawn once per size and reused: building a
        # window-sized alpha surface every frame was the largest cost of a steady frame.
        key = (rect.size, colour, radius, width)
        layer = _LAYERS.get(key)
        if layer is None:
            layer = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(layer, colour, layer.get_rect(), width, border_radius=radius)
            if pygame.display.get_surface() is not None:
                layer = layer.convert_alpha()
            if len(_LAYERS) > 64:
                _LAYERS.clear()
            _LAYERS[key] = layer
        surface.blit(layer, rect.topleft)
    else:
        pygame.draw.rect(surface, colour, rect, width, border_radius=radius)


def shadow(surface: pygame.Surface, look: Look, rect: pygame.Rect, radius: int) -> None:
    """A soft drop shadow under a panel (skipped in high contrast, which has none)."""
    if look.theme.shadow[3] == 0:
        return
    off = look.metrics.px(5)
    # Opaque, pre-mixed with the background: as soft to the eye, and far cheaper to blit.
    r, g, b, a = look.theme.shadow
    colour = mix(look.theme.background, (r, g, b), a / 255 * 0.7)
    rounded_rect(surface, colour, rect.move(0, off), radius)
