"""What every drawing call needs: the theme, the sizes for this window, the text cache,
and the window-sized pictures drawn under everything (the backdrop)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.ui import cache
from deckgame.ui.cache import ImageCache
from deckgame.ui.text import TextBook
from deckgame.ui.theme import Metrics, Theme, metrics_for, mix

SHADOW_DROP = 5  # how far a panel's shadow falls below it, in design pixels

# Translucent shapes drawn once per size and reused (a window-sized veil is drawn with two
# blend fills instead, no picture kept): one window-sized image's worth, 33 MB at 4K at
# most. Cleared with the window's size or theme: no old entry is drawn again.
_LAYERS: ImageCache[tuple[object, ...]] = ImageCache("layers", windows=1, per_window=True)
# The vignette under every scene: one per theme at the window's size; one window-sized
# image (8 MB at 1920x1080, 33 MB at 4K at most), rebuilt when the size or theme changes.
_BACKDROPS: ImageCache[tuple[str, tuple[int, int]]] = ImageCache(
    "backdrops", windows=1, per_window=True
)


@dataclass
class Look:
    theme: Theme
    metrics: Metrics
    text: TextBook
    reduce_motion: bool = False

    def __post_init__(self) -> None:
        cache.theme_seen(self.theme.name)

    def resized(self, size: tuple[int, int], text_scale: float, distance: float = 1.0) -> None:
        """The window is laid out again (a new size, theme or text size): the metrics for
        it, the caches of the old size or theme let go, and the backdrop built now rather
        than halfway through the next frame."""
        self.metrics = metrics_for(size, text_scale, distance)
        cache.look_changed(size, self.theme.name)
        self.backdrop(size)

    def backdrop(self, size: tuple[int, int]) -> pygame.Surface:
        """The theme's background with a soft vignette toward the edges, ``size`` large."""
        key = (self.theme.name, size)
        cached = _BACKDROPS.get(key)
        if cached is None:
            cached = _BACKDROPS.put(key, _vignette(self.theme, size))
        return cached


def _vignette(t: Theme, size: tuple[int, int]) -> pygame.Surface:
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
    if pygame.display.get_surface() is not None:
        # In the display's format before it is scaled up: a plain copy per frame, and no
        # second pass over a window-sized image to convert it.
        small = small.convert()
    return pygame.transform.smoothscale(small, size)


def rounded_rect(
    surface: pygame.Surface,
    colour: tuple[int, int, int] | tuple[int, int, int, int],
    rect: pygame.Rect,
    radius: int,
    width: int = 0,
) -> None:
    """A filled (or outlined) rounded rectangle; alpha colours are blended, not copied."""
    if len(colour) == 4 and colour[3] < 255:
        if radius <= 0 and width == 0:
            # A plain translucent box (a veil over the whole window): blended in place,
            # as fast as blitting a kept layer and without 33 MB of one at 4K.
            blend(surface, colour, rect)
            return
        # Other translucent shapes are drawn once per size and reused: building an alpha
        # surface every frame was the largest cost of a steady frame.
        key = (rect.size, colour, radius, width)
        layer = _LAYERS.get(key)
        if layer is None:
            layer = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(layer, colour, layer.get_rect(), width, border_radius=radius)
            if pygame.display.get_surface() is not None:
                layer = layer.convert_alpha()
            _LAYERS.put(key, layer)
        surface.blit(layer, rect.topleft)
    else:
        pygame.draw.rect(surface, colour, rect, width, border_radius=radius)


def blend(surface: pygame.Surface, colour: tuple[int, int, int, int], rect: pygame.Rect) -> None:
    """``colour`` laid over ``rect`` at its alpha: out = under * (1 - a) + colour * a, as two
    blend fills (within one step of an alpha blit, and no picture to keep)."""
    r, g, b, a = colour
    keep = 255 - a
    surface.fill((keep, keep, keep), rect, special_flags=pygame.BLEND_RGB_MULT)
    surface.fill(
        (round(r * a / 255), round(g * a / 255), round(b * a / 255)),
        rect,
        special_flags=pygame.BLEND_RGB_ADD,
    )


def shadow(surface: pygame.Surface, look: Look, rect: pygame.Rect, radius: int) -> None:
    """A soft drop shadow under a panel (skipped in high contrast, which has none)."""
    if look.theme.shadow[3] == 0:
        return
    off = look.metrics.px(SHADOW_DROP)
    # Opaque, pre-mixed with the background: as soft to the eye, and far cheaper to blit.
    r, g, b, a = look.theme.shadow
    colour = mix(look.theme.background, (r, g, b), a / 255 * 0.7)
    rounded_rect(surface, colour, rect.move(0, off), radius)
