"""Pieces several scenes draw: the table-cloth background, headings, a row of buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.look import Look, rounded_rect, shadow
from deckgame.ui.widgets import Button, pointer_pos

if TYPE_CHECKING:
    from deckgame.ui.scenes.base import Scene


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


def row(
    buttons: list[Button], area: pygame.Rect, height: int, gap: int, look: Look | None = None
) -> None:
    """Lay ``buttons`` out in one row filling ``area``'s width, vertically centred.

    Equal widths, unless (given the ``look``) a label would be cut at an equal share while
    the row has room for every label: then each button gets what its label needs, and the
    rest is shared out so that the buttons stay as even as they can (a long "Start timer
    0:20" beside a short "End")."""
    if not buttons:
        return
    width = (area.width - gap * (len(buttons) - 1)) // len(buttons)
    widths = [width] * len(buttons)
    if look is not None:
        widths = _fair_widths(buttons, width * len(buttons), width, look)
    x = area.x
    for b, w in zip(buttons, widths, strict=True):
        b.rect = pygame.Rect(x, area.centery - height // 2, w, height)
        x += w + gap


def _fair_widths(buttons: list[Button], total: int, equal: int, look: Look) -> list[int]:
    needs = [b.needed_width(look) for b in buttons]
    if max(needs) <= equal:
        return [equal] * len(buttons)  # every label fits as it is
    if sum(needs) > total:  # not all at full size: the smallest text size, without hints
        needs = [b.needed_width(look, compact=True) for b in buttons]
        if sum(needs) > total:
            return [equal] * len(buttons)  # no share fits them all: labels are shortened
    # Water-filling: a level L where every button is max(need, L) wide and all add to total.
    level = equal
    while sum(max(n, level) for n in needs) > total:
        level -= 1
    widths = [max(n, level) for n in needs]
    for i in range(total - sum(widths)):  # the last pixels, one each from the left
        widths[i % len(widths)] += 1
    return widths


def column(buttons: list[Button], area: pygame.Rect, height: int, gap: int) -> None:
    """Lay ``buttons`` out in one column from ``area``'s top, each ``area`` wide."""
    for i, b in enumerate(buttons):
        b.rect = pygame.Rect(area.x, area.y + i * (height + gap), area.width, height)


def closes_on_outside_tap(scene: Scene, panel: pygame.Rect, event: pygame.event.Event) -> bool:
    """A click or tap outside an overlay's ``panel`` closes it (True: the event is used)."""
    pos = pointer_pos(event, scene.size)
    if pos is not None and not panel.collidepoint(pos):
        scene.app.pop()
        return True
    return False
