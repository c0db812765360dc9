"""The summary's radar chart: cards done per intimacy type, drawn with pygame alone."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pygame

from deckgame.i18n import _
from deckgame.kinds import IntimacyType
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.look import Look
from deckgame.ui.theme import mix

_SS = 2  # the filled shape is drawn at twice the size and smooth-scaled for soft edges
OUTLINE = 3  # the shape's outline, in design pixels
DOT = 6  # the radius of the dot at each value


def radar_points(
    values: Mapping[IntimacyType, int], centre: tuple[float, float], radius: float
) -> list[tuple[float, float]]:
    """One point per type, clockwise from the top, at ``value / max`` of the radius."""
    top = max([*values.values(), 1])
    points = []
    for i, kind in enumerate(IntimacyType):
        angle = -math.pi / 2 + 2 * math.pi * i / len(IntimacyType)
        # Clamped: a count from a tampered save never draws outside the chart.
        r = radius * max(0, min(values.get(kind, 0), top)) / top
        points.append((centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)))
    return points


def draw_radar(
    surface: pygame.Surface, look: Look, rect: pygame.Rect, values: Mapping[IntimacyType, int]
) -> None:
    """Rings, spokes, the filled shape of ``values`` and a labelled icon at each spoke."""
    t = look.theme
    m = look.metrics
    kinds = list(IntimacyType)
    labels = []
    for kind in kinds:
        style = t.type_style(kind)
        colour = t.mark_colour(kind)
        ic = icon(kind.value, round(m.small * 1.4), colour)
        words = _("{type} {count}").format(type=style.label, count=values.get(kind, 0))
        text = look.text.render(words, m.small, t.text, face=Face.BOLD)
        labels.append((ic, text))
    label_w = max(text.get_width() for _, text in labels)
    label_h = max(ic.get_height() + text.get_height() for ic, text in labels)
    radius = max(10, min(rect.width // 2 - label_w - m.gap, rect.height // 2 - label_h - m.gap))
    cx, cy = rect.center

    def spoke(i: int, r: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / len(kinds)
        return (cx + r * math.cos(a), cy + r * math.sin(a))

    grid = mix(t.text_muted, t.surface, 0.55)
    for ring in (0.25, 0.5, 0.75, 1.0):
        pygame.draw.aalines(
            surface, grid, True, [spoke(i, radius * ring) for i in range(len(kinds))]
        )
    for i in range(len(kinds)):
        pygame.draw.aaline(surface, grid, (cx, cy), spoke(i, radius))

    if any(values.values()):
        big = pygame.Surface((rect.width * _SS, rect.height * _SS), pygame.SRCALPHA)
        local = radar_points(values, ((cx - rect.x) * _SS, (cy - rect.y) * _SS), radius * _SS)
        pygame.draw.polygon(big, (*t.accent, 90), local)
        pygame.draw.polygon(big, (*t.accent, 255), local, max(2, m.px(OUTLINE)) * _SS)
        surface.blit(pygame.transform.smoothscale(big, rect.size), rect.topleft)
        for point, kind in zip(radar_points(values, (cx, cy), radius), kinds, strict=True):
            pygame.draw.circle(surface, t.type_style(kind).colour, point, m.px(DOT))

    # Labels sit outside the outer ring, pushed away from it on the side they are on.
    for i, (ic, text) in enumerate(labels):
        x, y = spoke(i, radius + m.gap)
        w = max(ic.get_width(), text.get_width())
        h = ic.get_height() + text.get_height()
        box = pygame.Rect(0, 0, w, h)
        dx = x - cx
        if abs(dx) < 1:
            box.midbottom = (round(x), round(y))
        elif dx > 0:
            box.midleft = (round(x), round(y))
        else:
            box.midright = (round(x), round(y))
        if y > cy + radius * 0.5:
            box.top = round(y)
        surface.blit(ic, ic.get_rect(midtop=(box.centerx, box.top)))
        surface.blit(text, text.get_rect(midtop=(box.centerx, box.top + ic.get_height())))
