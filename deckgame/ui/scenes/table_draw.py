"""Painting the table: the bar at the top, the card (or two, or the waiting panel), the
done badge and the timer bar, the status line. Reads the scene and the game; changes
nothing but the picture it keeps of the last frame (the seats are in :mod:`.table_seats`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Phase
from deckgame.i18n import _
from deckgame.kinds import Card
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.input.device import device
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.scenes.common import backdrop
from deckgame.ui.scenes.table_seats import draw_seats
from deckgame.ui.scenes.table_words import progress_text
from deckgame.ui.theme import mix

if TYPE_CHECKING:
    from deckgame.ui.scenes.table import TableScene

# Design pixels.
RISE = 36  # how far below its place a card starts its entrance
SHADOW_RADIUS = 22  # a card's shadow corner at a card 480 pixels tall (in proportion)
SHADOW_CARD_H = 480
WAITING_PANEL_W = 760  # the waiting panel at most
BADGE_PAD = 34  # the done badge: around its tick and word, together
BADGE_PAD_H = 12  # above and below its word, together
BADGE_INSET = 20  # from the card's right edge
BADGE_SIDE = 14  # the tick and the word from the badge's ends
BADGE_DROP = 0.16  # the badge's top, as a share of the card's height
TIMER_INSET = 24  # the timer bar from the card's sides
TIMER_DROP = 4  # below the card
TIMER_H = 6
HINT_DROP = 2  # the bar's lower line below the middle, beyond half the body text
DOT_GAP = 6  # between the progress dots, and after them
DOT_RING = 2  # a progress dot still to come
TOAST_PAD_W = 36  # a message's box around its words (both sides together)
TOAST_PAD_H = 12
TOAST_RING = 2


@dataclass
class FrameCache:
    """The last picture of the table and what it showed: a render cache, not game state
    (drawing refills it; nothing else reads it)."""

    surface: pygame.Surface | None = None
    key: tuple[object, ...] | None = None


def draw_table(
    surface: pygame.Surface, scene: TableScene, key: tuple[object, ...] | None, frame: FrameCache
) -> None:
    """The whole table; with a ``key`` (what the picture depends on) it is kept in
    ``frame``, and the same key again is one blit of it."""
    if key is not None and key == frame.key and frame.surface is not None:
        surface.blit(frame.surface, (0, 0))
        return
    # A window of a new size (a step of a drag, most likely the first of many) keeps no
    # picture: a fresh 33 MB one at 4K costs more than drawing the table. The next frame
    # at the same size keeps one.
    resized = frame.key is not None and frame.key[1] != surface.get_size()  # (its size)
    if resized:
        frame.surface = None
    backdrop(surface, scene.look)
    draw_top_bar(surface, scene)
    draw_seats(surface, scene)
    draw_cards(surface, scene)
    draw_status(surface, scene)
    scene.draw_buttons(surface)
    if key is not None:
        # One window-sized picture, owned by the table: refilled in place, not copied anew
        # at every change. (A blit onto an alpha copy would blend.)
        if frame.surface is not None and not frame.surface.get_flags() & pygame.SRCALPHA:
            frame.surface.blit(surface, (0, 0))
        elif not resized:
            frame.surface = surface.copy()
        frame.key = key


def shown_cards(scene: TableScene) -> list[Card]:
    """The cards on the table now: the two offered, or the one being played."""
    game = scene.session.game
    cards: list[Card] = game.offered_cards if game.phase is Phase.OFFER else []
    if not cards and game.current_card is not None:
        cards = [game.current_card]
    return cards


def draw_cards(surface: pygame.Surface, scene: TableScene) -> None:
    """The card (or the two offered), rising into place as it arrives; the done badge
    and the timer bar over it."""
    look = scene.look
    m = look.metrics
    game = scene.session.game
    state = game.state
    cards = shown_cards(scene)
    # The entrance: the card rises a little and fades in (skipped with reduce motion).
    ease = 1 - (1 - scene.anim) ** 3
    lift = round((1 - ease) * m.px(RISE))
    if game.phase is Phase.WAITING:
        _draw_waiting(surface, scene)
    for card, rect in zip(cards, scene.card_rects, strict=False):
        surf = scene.card_surface(scene.view(card, starred=card.id in state.starred), rect.size)
        target = rect.move(0, lift)
        if ease >= 1:
            shadow(surface, look, target, m.px(SHADOW_RADIUS) * rect.height // SHADOW_CARD_H + 1)
        if ease < 1:
            surf = surf.copy()
            surf.set_alpha(round(255 * ease))
        surface.blit(surf, target)
    if game.phase is Phase.AFTER and scene.card_rects:
        _draw_done_badge(surface, scene, scene.card_rects[0])
    current = game.current_card
    if game.phase is Phase.CARD and scene.card_rects and current is not None and current.seconds:
        _draw_timer_bar(surface, scene, scene.card_rects[0])


def _draw_waiting(surface: pygame.Surface, scene: TableScene) -> None:
    """Fewer than two players present: a calm card-sized panel instead of a card."""
    look = scene.look
    t = look.theme
    m = look.metrics
    area = scene.card_area
    panel = pygame.Rect(0, 0, min(area.width, m.px(WAITING_PANEL_W)), area.height)
    panel.center = area.center
    rounded_rect(surface, t.surface, panel, m.radius)
    inner = panel.inflate(-2 * m.margin, -2 * m.margin)
    title = look.text.render(
        _("Waiting for someone to come back"),
        m.heading,
        t.text,
        face=Face.BOLD,
        wrap=inner.width,
        align="center",
    )
    body = look.text.render(
        _(
            "Play needs two people here. When someone is back, press A and their seat"
            " number, or tap their seat."
        ),
        m.body,
        t.text_muted,
        wrap=inner.width,
        align="center",
    )
    y = panel.centery - (title.get_height() + m.gap + body.get_height()) // 2
    surface.blit(title, title.get_rect(midtop=(panel.centerx, y)))
    y += title.get_height() + m.gap
    surface.blit(body, body.get_rect(midtop=(panel.centerx, y)))


def _draw_done_badge(surface: pygame.Surface, scene: TableScene, rect: pygame.Rect) -> None:
    t = scene.look.theme
    m = scene.look.metrics
    text = scene.look.text.render(_("Done"), m.body, t.on_accent, face=Face.BOLD)
    tick = icon("check", m.body, t.on_accent)
    badge = pygame.Rect(0, 0, text.get_width() + tick.get_width() + m.px(BADGE_PAD), 0)
    badge.height = text.get_height() + m.px(BADGE_PAD_H)
    badge.topright = (rect.right - m.px(BADGE_INSET), rect.y + round(rect.height * BADGE_DROP))
    rounded_rect(surface, t.accent, badge, badge.height // 2)
    side = m.px(BADGE_SIDE)
    surface.blit(tick, tick.get_rect(midleft=(badge.x + side, badge.centery)))
    surface.blit(text, text.get_rect(midright=(badge.right - side, badge.centery)))


def _draw_timer_bar(surface: pygame.Surface, scene: TableScene, rect: pygame.Rect) -> None:
    t = scene.look.theme
    m = scene.look.metrics
    game = scene.session.game
    card = game.current_card
    left = game.timer_remaining(scene.clock())
    if card is None or card.seconds is None or left is None:
        return
    bar = pygame.Rect(
        rect.x + m.px(TIMER_INSET),
        rect.bottom + m.px(TIMER_DROP),
        rect.width - m.px(2 * TIMER_INSET),
        m.px(TIMER_H),
    )
    pygame.draw.rect(surface, mix(t.text_muted, t.background, 0.6), bar, border_radius=bar.height)
    done = bar.copy()
    done.width = round(bar.width * (1 - left / card.seconds))
    if done.width > 0:
        pygame.draw.rect(surface, t.mark_colour(card.type), done, border_radius=bar.height)


def draw_top_bar(surface: pygame.Surface, scene: TableScene) -> None:
    """Left: the level and the progress toward the next; right: the round and the keys."""
    look = scene.look
    t = look.theme
    m = look.metrics
    game = scene.session.game
    state = game.state
    bar = scene.top_bar
    text = look.text
    # Right: the round and the key hints; left: the level and the progress, in what the
    # right side leaves (a long "waiting for ..." is shortened, never drawn over them).
    right = text.render(_("Round {n}").format(n=state.round), m.body, t.text, face=Face.BOLD)
    keys = _("F1 keys · G settings · Esc menu")
    if device() == "pad":
        keys = _("Back: help · LT: menu")
    hint = text.render(keys, m.small, t.text_muted)
    y = bar.centery + m.body // 2 + m.px(HINT_DROP)
    room_top = bar.width - right.get_width() - m.margin
    room_low = bar.width - hint.get_width() - m.margin
    label = text.line(
        scene.session.level_label(), m.body, t.text, room_top, face=Face.BOLD, min_size=m.small
    )
    surface.blit(label, label.get_rect(midleft=(bar.x, bar.centery - m.small // 2)))
    # Progress toward the next level: one dot per trust-building round needed.
    need = state.settings.unlock_rounds
    have = min(state.trust_rounds, need)
    x = bar.x
    if game.next_level is None:
        img = text.line(_("The deepest level in play"), m.small, t.text_muted, room_low)
        surface.blit(img, img.get_rect(midleft=(x, y)))
    else:
        r = max(3, m.small // 3)
        step = 2 * r + m.px(DOT_GAP)
        for i in range(need):
            centre = (x + r + i * step, y)
            if i < have:
                pygame.draw.circle(surface, t.accent, centre, r)
            else:
                pygame.draw.circle(surface, t.text_muted, centre, r, max(1, m.px(DOT_RING)))
        x += need * step + m.px(DOT_GAP)
        room = max(1, room_low - (x - bar.x))
        img = text.line(progress_text(game), m.small, t.text_muted, room)
        surface.blit(img, img.get_rect(midleft=(x, y)))
    surface.blit(right, right.get_rect(midright=(bar.right, bar.centery - m.small // 2)))
    surface.blit(hint, hint.get_rect(midright=(bar.right, y)))


def draw_status(surface: pygame.Surface, scene: TableScene) -> None:
    """The status line, or in its place a short message: never one over the other."""
    t = scene.look.theme
    m = scene.look.metrics
    status = scene.status
    if scene.toast and scene.toast_left > 0:
        img = scene.look.text.line(
            scene.toast, m.body, t.on_button, status.width - m.px(TOAST_PAD_W), direction="ltr"
        )
        box = img.get_rect().inflate(m.px(TOAST_PAD_W), m.px(TOAST_PAD_H))
        box.height = max(box.height, status.height)
        box.center = status.center
        rounded_rect(surface, t.button, box, box.height // 2)
        ring = max(1, m.px(TOAST_RING))
        pygame.draw.rect(surface, t.focus, box, ring, border_radius=box.height // 2)
        surface.blit(img, img.get_rect(center=box.center))
        return
    text = scene.status_text()
    if not text:
        return
    img = scene.look.text.line(text, m.body, t.text, status.width, direction="ltr")
    surface.blit(img, img.get_rect(center=status.center))
