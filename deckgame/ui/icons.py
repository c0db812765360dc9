"""Original icons for the five intimacy types, plus heart and star, drawn with pygame.

Each icon is drawn at four times its size with plain polygons and circles, then smooth-scaled
down: that gives anti-aliased edges without shipping image files, at any size (print too).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from deckgame.ui.cache import ImageCache, MiB

RGB = tuple[int, int, int]
_SS = 4  # supersampling factor
# Drawn icons by (name, size, colour), bounded in bytes like every picture kept between
# frames (a card's icon at 4K is some 20 kB, a printed back's 0.4 MB); the colours of a
# theme no longer shown are let go with it.
_ICONS: ImageCache[tuple[str, int, RGB]] = ImageCache("icons", budget=8 * MiB, per_theme=True)

Painter = Callable[[pygame.Surface, RGB, int], None]


def _heart_points(cx: float, cy: float, r: float, steps: int = 64) -> list[tuple[float, float]]:
    # The classic parametric heart curve, scaled so it spans about 2r.
    pts = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * r / 16, cy - y * r / 16 + r * 0.1))
    return pts


def _star_points(
    cx: float, cy: float, outer: float, inner: float, n: int, turn: float = -math.pi / 2
) -> list[tuple[float, float]]:
    pts = []
    for i in range(2 * n):
        rad = outer if i % 2 == 0 else inner
        a = turn + math.pi * i / n
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def _physical(s: pygame.Surface, c: RGB, n: int) -> None:
    # Two people side by side, shoulders touching: closeness and shared space.
    clear = (0, 0, 0, 0)
    gap = max(1, n // 28)
    for cx in (0.33, 0.67):
        body = pygame.Rect(0, 0, n * 0.40, n * 0.46)
        body.midtop = (round(n * cx), round(n * 0.52))
        pygame.draw.rect(s, c, body, border_top_left_radius=n // 5, border_top_right_radius=n // 5)
        pygame.draw.circle(s, c, (n * cx, n * 0.30), n * 0.15)
    # A thin cut where the two bodies meet keeps them two people.
    pygame.draw.line(s, clear, (n * 0.5, n * 0.62), (n * 0.5, n), gap * 2)
    pygame.draw.circle(s, clear, (n * 0.5, n * 0.50), n * 0.035)


def _emotional(s: pygame.Surface, c: RGB, n: int) -> None:
    pygame.draw.polygon(s, c, _heart_points(n / 2, n / 2, n * 0.44))


def _experiential(s: pygame.Surface, c: RGB, n: int) -> None:
    # A sun over two hills: a place and a moment shared.
    pygame.draw.circle(s, c, (n * 0.70, n * 0.28), n * 0.13)
    pygame.draw.polygon(s, c, [(n * 0.04, n * 0.90), (n * 0.38, n * 0.38), (n * 0.72, n * 0.90)])
    pygame.draw.polygon(s, c, [(n * 0.40, n * 0.90), (n * 0.68, n * 0.54), (n * 0.96, n * 0.90)])


def _spiritual(s: pygame.Surface, c: RGB, n: int) -> None:
    # A four-pointed spark with a small companion: awe, what lies beyond.
    pygame.draw.polygon(s, c, _star_points(n * 0.44, n * 0.56, n * 0.42, n * 0.11, 4))
    pygame.draw.polygon(s, c, _star_points(n * 0.80, n * 0.20, n * 0.16, n * 0.05, 4))


def _intellectual(s: pygame.Surface, c: RGB, n: int) -> None:
    # A light bulb: an idea.
    pygame.draw.circle(s, c, (n * 0.5, n * 0.40), n * 0.30)
    pygame.draw.polygon(
        s,
        c,
        [(n * 0.32, n * 0.55), (n * 0.68, n * 0.55), (n * 0.62, n * 0.74), (n * 0.38, n * 0.74)],
    )
    bar = pygame.Rect(n * 0.37, n * 0.77, n * 0.26, n * 0.07)
    pygame.draw.rect(s, c, bar, border_radius=max(1, n // 40))
    bar2 = pygame.Rect(n * 0.40, n * 0.87, n * 0.20, n * 0.07)
    pygame.draw.rect(s, c, bar2, border_radius=max(1, n // 40))


def _heart(s: pygame.Surface, c: RGB, n: int) -> None:
    _emotional(s, c, n)


def _star(s: pygame.Surface, c: RGB, n: int) -> None:
    pygame.draw.polygon(s, c, _star_points(n / 2, n * 0.53, n * 0.48, n * 0.2, 5))


def _star_outline(s: pygame.Surface, c: RGB, n: int) -> None:
    pygame.draw.polygon(s, c, _star_points(n / 2, n * 0.53, n * 0.48, n * 0.2, 5), max(2, n // 12))


def _heart_outline(s: pygame.Surface, c: RGB, n: int) -> None:
    pygame.draw.polygon(s, c, _heart_points(n / 2, n / 2, n * 0.42), max(2, n // 12))


def _check(s: pygame.Surface, c: RGB, n: int) -> None:
    # Drawn, not typed: the bundled font has no check mark, and a fallback font would change
    # the look of the whole label it sits in.
    w = max(2, n // 7)
    pygame.draw.lines(
        s, c, False, [(n * 0.14, n * 0.54), (n * 0.40, n * 0.80), (n * 0.88, n * 0.24)], w
    )
    for x, y in ((n * 0.14, n * 0.54), (n * 0.40, n * 0.80), (n * 0.88, n * 0.24)):
        pygame.draw.circle(s, c, (x, y), w / 2)


def _cross(s: pygame.Surface, c: RGB, n: int) -> None:
    w = max(2, n // 8)
    pygame.draw.line(s, c, (n * 0.22, n * 0.22), (n * 0.78, n * 0.78), w)
    pygame.draw.line(s, c, (n * 0.78, n * 0.22), (n * 0.22, n * 0.78), w)


def _arrow(s: pygame.Surface, c: RGB, n: int, up: bool) -> None:
    w = max(2, n // 8)
    tip, tail = (n * 0.18, n * 0.84) if up else (n * 0.84, n * 0.18)
    pygame.draw.line(s, c, (n * 0.5, tip), (n * 0.5, tail), w)
    wing = n * 0.30 if up else n * 0.70
    pygame.draw.lines(s, c, False, [(n * 0.22, wing), (n * 0.5, tip), (n * 0.78, wing)], w)


def _up(s: pygame.Surface, c: RGB, n: int) -> None:
    _arrow(s, c, n, True)


def _down(s: pygame.Surface, c: RGB, n: int) -> None:
    _arrow(s, c, n, False)


_PAINTERS: dict[str, Painter] = {
    "physical": _physical,
    "emotional": _emotional,
    "experiential": _experiential,
    "spiritual": _spiritual,
    "intellectual": _intellectual,
    "heart": _heart,
    "heart-outline": _heart_outline,
    "star": _star,
    "star-outline": _star_outline,
    "check": _check,
    "cross": _cross,
    "up": _up,
    "down": _down,
}

ICON_NAMES: tuple[str, ...] = tuple(_PAINTERS)


def icon(name: str, size: int, colour: RGB) -> pygame.Surface:
    """The icon ``name`` (an intimacy type, ``heart`` or ``star``) as a ``size`` px square."""
    key = (name, size, colour)
    cached = _ICONS.get(key)
    if cached is None:
        cached = _ICONS.put(key, _draw(name, max(4, size), colour))
    return cached


def _draw(name: str, size: int, colour: RGB) -> pygame.Surface:
    big = pygame.Surface((size * _SS, size * _SS), pygame.SRCALPHA)
    _PAINTERS[name](big, colour, size * _SS)
    return pygame.transform.smoothscale(big, (size, size))
