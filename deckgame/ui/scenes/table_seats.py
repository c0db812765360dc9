"""The seat chips along the top of the table: number, name, warmth received, a tick once
done this round; whose turn it is, who stepped away, who the table is asking.

A wide chip puts it all on one line; a narrow one (many players, a small window) puts the
hearts and the tick on a second line so the name keeps its room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Phase
from deckgame.i18n import N_, _
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.look import Look, rounded_rect
from deckgame.ui.runs import sentence_direction
from deckgame.ui.theme import RGB, mix
from deckgame.ui.widgets import focus_ring

if TYPE_CHECKING:
    from deckgame.ui.scenes.table import TableScene

# Design pixels.
CHIP_INSET = 16  # a chip's inside is this much narrower than the chip (both sides)
NAME_GAP = 8  # between the number's ring and the name
ICON_GAP = 4  # between a heart and its count
ITEM_GAP = 6  # between the count and the tick, and after the name
RING = 2  # the number's ring
RING_ROOM = 3  # between the ring and the name above it, on a narrow chip
# Sizes in units of the small text: the number's ring (radius), the heart, and the chip
# height under which the name never gets a line of its own.
RING_RADIUS = 0.8
HEART = 1.05
TWO_LINES = 2.6
# "· away" is the game's word after the name: it reads in the game's direction whatever
# script the name is in, and a long name is shortened before it is.
AWAY_NAME = N_("{name} · away")
AWAY = N_("away")


@dataclass(frozen=True)
class _Chip:
    """What one chip shows, its pictures rendered."""

    rect: pygame.Rect
    inner: pygame.Rect
    fg: RGB
    player: str
    away: bool
    active: bool
    num: pygame.Surface
    heart: pygame.Surface
    count: pygame.Surface
    tick: pygame.Surface | None
    badge_r: int
    extras_w: int  # the hearts, their count and the tick, with the gaps between


def draw_seats(surface: pygame.Surface, scene: TableScene) -> None:
    """Every seat's chip, in seat order."""
    look = scene.look
    t = look.theme
    m = look.metrics
    game = scene.session.game
    state = game.state
    for seat, rect in enumerate(scene.seat_rects):
        away = game.is_away(seat)
        active = (
            seat == game.seat
            and not away
            and game.phase not in (Phase.DEEPER, Phase.ENDED, Phase.WAITING)
        )
        bg = t.active_seat if active else t.surface_alt
        fg = t.on_active_seat if active else t.text
        if away:  # stepped away: a quiet chip, still readable, still tappable
            bg, fg = mix(t.surface_alt, t.background, 0.6), t.text_muted
        rounded_rect(surface, bg, rect, m.radius)
        if not active and t.outlined:
            pygame.draw.rect(surface, t.text, rect, 1, border_radius=m.radius)
        asked = scene.prompt == "away" or (
            scene.warmth_pending
            and seat != game.seat
            and seat not in state.warmth_from
            and not away
        )
        if asked:
            pygame.draw.rect(surface, t.focus, rect, m.focus_width, border_radius=m.radius)
        if scene.prompt is not None and seat == scene.seat_cursor:
            focus_ring(surface, look, rect)  # where a controller's D-pad points
        _draw_chip(surface, look, _chip(scene, seat, rect, active, fg))


def _chip(scene: TableScene, seat: int, rect: pygame.Rect, active: bool, fg: RGB) -> _Chip:
    look = scene.look
    m = look.metrics
    text = look.text
    game = scene.session.game
    state = game.state
    hearts = state.warmth_received[seat] if seat < len(state.warmth_received) else 0
    heart = icon("heart", round(m.small * HEART), look.theme.heart if not active else fg)
    count = text.render(str(hearts), m.small, fg, face=Face.BOLD)
    done = bool(state.round_done) and state.round_done[seat]
    tick = icon("check", m.small, fg) if done else None
    extras_w = heart.get_width() + m.px(ICON_GAP) + count.get_width()
    extras_w += tick.get_width() + m.px(ITEM_GAP) if tick is not None else 0
    return _Chip(
        rect=rect,
        inner=rect.inflate(-m.px(CHIP_INSET), 0),
        fg=fg,
        player=game.players[seat],
        away=game.is_away(seat),
        active=active,
        num=text.render(str(seat + 1), m.small, fg, face=Face.BOLD),
        heart=heart,
        count=count,
        tick=tick,
        badge_r=round(m.small * RING_RADIUS),
        extras_w=extras_w,
    )


def _name(look: Look, chip: _Chip, size: int, room: int, min_size: int = 0) -> pygame.Surface:
    """The player's name (with "· away" after it when away) in ``room``, shortened to fit
    by the name, never by "away"."""
    text = look.text
    if not chip.away:
        return text.line(chip.player, size, chip.fg, room, face=Face.BOLD, min_size=min_size)
    words = _(AWAY_NAME)
    direction = sentence_direction(words)
    said = words.format(name=chip.player)
    if text.size(said, size, Face.BOLD, direction)[0] > room:
        rest = text.size(words.format(name=""), size, Face.BOLD)[0]
        short, _cut = text.fit_line(chip.player, size, max(1, room - rest), face=Face.BOLD)
        said = words.format(name=short)
        return text.line(said, size, chip.fg, room, face=Face.BOLD, direction=direction)
    return text.line(
        said, size, chip.fg, room, face=Face.BOLD, min_size=min_size, direction=direction
    )


def _draw_chip(surface: pygame.Surface, look: Look, chip: _Chip) -> None:
    """The chip's insides: on one line when the name fits beside the rest (or the chip
    is too low for two), else the name above and the rest below."""
    m = look.metrics
    rect, inner = chip.rect, chip.inner
    name_x = inner.x + chip.badge_r * 2 + m.px(NAME_GAP)
    size = m.body if chip.active else m.small
    one_line = inner.right - name_x - chip.extras_w - m.px(ITEM_GAP)
    said = _(AWAY_NAME).format(name=chip.player) if chip.away else chip.player
    direction = sentence_direction(_(AWAY_NAME)) if chip.away else None
    natural = look.text.size(said, size, Face.BOLD, direction)[0]
    badge_r = chip.badge_r
    wide = natural <= one_line or rect.height < m.small * TWO_LINES
    if wide:
        name = _name(look, chip, size, max(1, one_line), m.small)
        surface.blit(name, name.get_rect(midleft=(name_x, rect.centery)))
        centre = (inner.x + badge_r, rect.centery)
        x, y = inner.right - chip.extras_w, rect.centery
    else:
        badge_r, y = _draw_name_above(surface, look, chip)
        centre = (inner.x + badge_r, y)
        x = inner.x + 2 * badge_r + m.px(ITEM_GAP)
    pygame.draw.circle(surface, chip.fg, centre, badge_r, max(1, m.px(RING)))
    surface.blit(chip.num, chip.num.get_rect(center=centre))
    if chip.away and not wide:
        # A narrow chip says "away" where the hearts would go.
        room = max(1, inner.right - x)
        word = look.text.line(_(AWAY), m.small, chip.fg, room, face=Face.BOLD)
        surface.blit(word, word.get_rect(midleft=(x, y)))
        return
    surface.blit(chip.heart, chip.heart.get_rect(midleft=(x, y)))
    x += chip.heart.get_width() + m.px(ICON_GAP)
    surface.blit(chip.count, chip.count.get_rect(midleft=(x, y)))
    x += chip.count.get_width() + m.px(ITEM_GAP)
    if chip.tick is not None:
        surface.blit(chip.tick, chip.tick.get_rect(midleft=(x, y)))


def _draw_name_above(surface: pygame.Surface, look: Look, chip: _Chip) -> tuple[int, int]:
    """A narrow chip: the name across the whole chip, where it is read; returns the
    number's ring radius and the middle of the line below it."""
    m = look.metrics
    rect, inner = chip.rect, chip.inner
    name = look.text.line(chip.player, m.small, chip.fg, inner.width, face=Face.BOLD)
    # Rows by the font's line, not the name's ink: every chip alike, whatever script.
    name_h = look.text.font(Face.BOLD, m.small).get_height()
    badge_r = min(chip.badge_r, (rect.height - name_h) // 2 - m.px(RING_ROOM))
    row_h = max(2 * badge_r, chip.count.get_height())
    top = rect.centery - (name_h + row_h) // 2
    surface.blit(name, name.get_rect(midleft=(inner.x, top + name_h // 2)))
    return badge_r, top + name_h + row_h // 2
