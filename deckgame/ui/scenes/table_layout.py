"""Where everything on the table goes: the bars, the seats, the card (or the two offered),
and the buttons each phase offers, with their keys from the keymap.

:func:`lay_out` sets the scene's rectangles and buttons; drawing reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Phase, StepBack, Undo
from deckgame.i18n import N_, _
from deckgame.ui import keymap
from deckgame.ui.cards import TABLE_RATIO
from deckgame.ui.runs import sentence_direction
from deckgame.ui.scenes.common import row
from deckgame.ui.scenes.table_words import timer_label, uses_other
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.theme import Metrics

# Heights, in units of the font size they hold.
TOP_BAR = 2.4  # the level and round bar (body text)
SEATS = 3.2  # the seat chips (small text)
STATUS = 1.8  # the status line (body text)
WIDEST_CARD = 1100  # design pixels: wider, a question's lines get too long to read
OFFER_SHAPE = 1.45  # an offered card's width to its height at most
# "Other: {name}" reads in the game's direction, whatever script the name is in.
# Translators: a button: the player the card is about; {name} is that player's name.
OTHER_LABEL = N_("Other: {name}")


def lay_out(scene: TableScene) -> None:
    """Place the bars, the seats, the cards and the buttons for the phase the game is in."""
    m = scene.look.metrics
    w, h = scene.size
    bh = m.button_height
    scene.top_bar = pygame.Rect(m.margin, m.gap, w - 2 * m.margin, round(m.body * TOP_BAR))
    seats_h = round(m.small * SEATS)
    scene.seats_area = pygame.Rect(
        m.margin, scene.top_bar.bottom + m.gap, w - 2 * m.margin, seats_h
    )
    scene.rows_area = pygame.Rect(
        m.margin, h - m.gap - 2 * bh - m.gap, w - 2 * m.margin, 2 * bh + m.gap
    )
    status_h = round(m.body * STATUS)
    scene.status = pygame.Rect(
        m.margin, scene.rows_area.top - m.gap - status_h, w - 2 * m.margin, status_h
    )
    card_top = scene.seats_area.bottom + m.gap * 2
    scene.card_area = pygame.Rect(
        m.margin, card_top, w - 2 * m.margin, scene.status.top - card_top - m.gap
    )
    # Seats: one chip per player, evenly across the row.
    count = len(scene.session.game.players)
    area = scene.seats_area
    seat_w = (area.width - m.gap * (count - 1)) // count
    scene.seat_rects = [
        pygame.Rect(area.x + i * (seat_w + m.gap), area.y, seat_w, seats_h) for i in range(count)
    ]
    scene.card_rects, scene.pick_buttons = _cards(scene, m)
    buttons, first_row = phase_buttons(scene)
    rows = scene.rows_area
    look = scene.look
    row(buttons[:first_row], pygame.Rect(rows.x, rows.y, rows.width, bh), bh, m.gap, look)
    second = pygame.Rect(rows.x, rows.y + bh + m.gap, rows.width, bh)
    row(buttons[first_row:], second, bh, m.gap, look)
    scene.buttons = [*scene.pick_buttons, *buttons]
    scene.focus.set(list(scene.buttons))


def _cards(scene: TableScene, m: Metrics) -> tuple[list[pygame.Rect], list[Button]]:
    """One large card, or two side by side with their Pick and X-card buttons when two
    are offered."""
    state = scene.session.game.state
    area = scene.card_area
    rects: list[pygame.Rect] = []
    picks: list[Button] = []
    if state.phase is Phase.OFFER:
        pick_h = m.button_height
        cw = min((area.width - m.margin) // 2, round((area.height - pick_h - m.gap) * OFFER_SHAPE))
        ch = area.height - pick_h - m.gap
        x0 = area.centerx - (cw * 2 + m.margin) // 2
        for i in range(2):
            rect = pygame.Rect(x0 + i * (cw + m.margin), area.y, cw, ch)
            rects.append(rect)
            key = keymap.hint(keymap.Command("pick", i))
            pick = Button("pick", _("Pick this card"), key, style="primary", arg=i)
            veto = Button("veto", _("X-card"), "", style="danger", arg=i)
            half = (cw - m.gap) * 2 // 3  # two thirds for Pick, the rest for the X-card
            pick.rect = pygame.Rect(rect.x, rect.bottom + m.gap, half, pick_h)
            veto.rect = pygame.Rect(pick.rect.right + m.gap, pick.rect.y, cw - half - m.gap, pick_h)
            picks += [pick, veto]
    elif state.card is not None:
        # Wide rather than tall: long questions wrap into fewer, larger lines.
        widest = m.px(WIDEST_CARD)
        cw = min(area.width, max(round(area.height * TABLE_RATIO), area.width * 4 // 5), widest)
        rects.append(pygame.Rect(area.centerx - cw // 2, area.y, cw, area.height))
    return rects, picks


def phase_buttons(scene: TableScene) -> tuple[list[Button], int]:
    """The buttons of the phase the game is in, and how many go on the first row."""
    s = scene.session
    game = s.game
    phase = game.phase
    hint = keymap.hint
    # Translators: buttons (verbs): keep this card among the night's starred ones, or not.
    star = _("Unstar") if scene.starred() else _("Star")
    first: list[Button]
    if phase is Phase.AFTER:
        first = [
            Button("next", _("Next turn"), hint("next"), style="primary"),
            Button("warmth", _("Give warmth"), hint("warmth"), icon_name="heart"),
            Button("star", star, hint("star"), icon_name="star"),
            Button("veto", _("X-card"), hint("veto"), style="danger"),
        ]
    elif phase is Phase.OFFER:
        first = [
            Button("pass", _("Pass both"), hint("pass")),
            Button("skip", _("Skip turn"), hint("skip")),
            Button("veto", _("X-card both"), hint("veto"), style="danger"),
        ]
    elif phase is Phase.WAITING:
        first = []
    else:
        first = [
            Button("done", _("Done"), hint("done"), style="primary"),
            Button("pass", _("Pass"), hint("pass")),
            Button("skip", _("Skip turn"), hint("skip")),
            Button("veto", _("X-card"), hint("veto"), style="danger"),
        ]
    if phase is not Phase.WAITING:  # waiting already holds everything
        # Translators: a button (verb): hide the card and stop timers until a key is pressed.
        first.append(Button("hold", _("Hold"), hint("hold")))
    second = _card_buttons(scene, star) if phase is Phase.CARD else []
    second += [
        Button("away", _("Away / back"), hint("away")),
        Button("undo", _("Undo"), hint("undo"), enabled=s.can(Undo())),
        Button("step_back", _("Step back"), hint("step_back"), enabled=s.can(StepBack())),
        # Translators: a button (verb): end the session and see its summary.
        Button("end", _("End"), hint("end"), style="quiet"),
    ]
    for b in [*first, *second]:
        action = scene.action_for(b.command)
        if action is not None and b.action not in ("undo", "step_back"):
            b.enabled = s.can(action)
    return [*first, *second], len(first)


def _card_buttons(scene: TableScene, star: str) -> list[Button]:
    """While a card is up: star it, its timer, and who ``{other}`` is."""
    game = scene.session.game
    card = game.current_card
    hint = keymap.hint
    buttons = [Button("star", star, hint("star"), icon_name="star")]
    if card is not None and card.seconds is not None:
        buttons.append(Button("timer", timer_label(game, scene.clock()), hint("timer")))
    if len(game.present) > 2 and card is not None and uses_other(card):
        label = _(OTHER_LABEL).format(name=game.other_player)
        direction = sentence_direction(_(OTHER_LABEL))
        buttons.append(Button("other", label, hint("other"), direction=direction))
    return buttons
