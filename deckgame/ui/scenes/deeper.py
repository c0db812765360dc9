"""The go-deeper question: one answer per player in seat order, "not yet" as easy as yes.

Also shown when the current level has run dry. When everyone agrees, a short ceremony
welcomes the group to the new level (a still card with reduce motion).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Agree, End, NotYet, Phase, StepBack, Undo
from deckgame.i18n import N_, _
from deckgame.kinds import IntimacyType
from deckgame.ui import keymap, speech
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.input.device import device
from deckgame.ui.look import rounded_rect
from deckgame.ui.runs import sentence_direction
from deckgame.ui.scenes import table_speech
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import overlay_panel, row
from deckgame.ui.session import Session
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

SCENE = "deeper"  # its keys in the keymap
CEREMONY_SECONDS = 2.6
ASK = N_("{name}, it's your answer: Y or N")

LEVEL_FEELS: dict[int, str] = {
    1: N_("easy, friendly, playful"),
    2: N_("things you usually keep to yourself"),
    3: N_("hopes, fears, shame, needs"),
    4: N_("who you really are; the relationship itself"),
}
# Design pixels.
PANEL_W = 860  # the panel's width at least (or about 40 letters of body text)
PANEL_LETTERS = 39  # ... in units of the body text
PANEL_H = 480  # its height at least, grown with the text size as the chrome is
CONTINUE_W = 320  # the ceremony's one button
CHIP_W = 180  # a player's chip at most
CHIP_INSET = 16  # a chip's name keeps this much room (both sides together)
TICK_GAP = 4  # between a chip's tick and its name
RING = 3  # the ceremony's rings
SPARK = 4  # a spark's radius as it starts
# In units of the small text: a chip's height; in button heights: yes and not yet.
CHIP_H = 2.6
BIG_BUTTON = 1.35
WORDS_SHARE = 0.34  # the welcome's words take this share of the room above the button
# The welcome's emblem, in shares of the room above the button: its centre's height and
# its largest ring; the words start this many ring radii below the centre.
EMBLEM_CENTRE = 0.30
EMBLEM_RADIUS = 0.24
WORDS_BELOW = 1.45


def hint(command: str) -> str:
    """The key a button of the question shows, from the keymap."""
    return keymap.hint(command, scene=SCENE)


class DeeperScene(Scene):
    overlay = True

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.ceremony: float | None = None  # seconds into the welcome, once everyone agreed
        self.new_level = 0
        self._read_once = False

    # Layout ------------------------------------------------------------------------------
    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        bh = m.button_height
        game = self.session.game
        # As wide as about 40 letters of the body text, and as tall as the question, the
        # answers so far and the buttons need (text stays large on a small window).
        width = min(w - 2 * m.margin, max(m.px(PANEL_W), round(m.body * PANEL_LETTERS)))
        height = round(m.px(PANEL_H) * m.chrome_scale)
        if self.ceremony is None:
            height = max(height, self._question_height(width - 2 * m.margin) + 2 * m.margin)
        else:
            # The welcome's words take the lower third of the room above the button.
            font = self.look.text.font
            words = 2 * font(Face.BOLD, m.body).get_linesize() + m.gap
            words += font(Face.BOLD, m.heading).get_linesize() + m.gap
            height = max(height, round(words / WORDS_SHARE) + bh + m.gap + 2 * m.margin)
        self.panel = pygame.Rect(0, 0, width, min(h - 2 * m.margin, height))
        self.panel.center = (w // 2, h // 2)
        inner = self.panel.inflate(-2 * m.margin, -2 * m.margin)
        if self.ceremony is not None:
            go = "A" if device() == "pad" else "Enter"
            self.buttons = [Button("continue", _("Let's go"), go, style="primary")]
            cw = m.px(CONTINUE_W)
            area = pygame.Rect(inner.centerx - m.px(CONTINUE_W // 2), inner.bottom - bh, cw, bh)
            row(self.buttons, area, bh, m.gap)
        else:
            voting = game.voter is not None
            first: list[Button] = []
            if voting:
                # Same size, same weight: "not yet" must never look like the wrong answer.
                first = [
                    Button("agree", _("Yes, go deeper"), hint("agree")),
                    Button("not_yet", _("Not yet"), hint("not_yet")),
                ]
            can = self.session.can
            second = [
                Button(
                    "step_back", _("Step back a level"), hint("step_back"), enabled=can(StepBack())
                ),
                Button("undo", _("Undo"), hint("undo"), enabled=can(Undo())),
                Button("end", _("End session"), hint("end"), style="quiet"),
            ]
            big = round(bh * BIG_BUTTON)
            if first:
                row(
                    first,
                    pygame.Rect(inner.x, inner.bottom - bh - m.gap - big, inner.width, big),
                    big,
                    m.gap * 2,
                )
            row(second, pygame.Rect(inner.x, inner.bottom - bh, inner.width, bh), bh, m.gap)
            self.buttons = [*first, *second]
        self.focus.set(list(self.buttons))
        if self.ceremony is not None:
            self.focus.focus(self.buttons[0])  # A (or Enter) goes on from the welcome

    # Input -------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> None:
        if self.ceremony is not None:
            self.finish()
            if event.key not in (
                pygame.K_RETURN,
                pygame.K_KP_ENTER,
                pygame.K_SPACE,
                pygame.K_ESCAPE,
            ):
                # The welcome never blocks play: any other key goes on to the table.
                self.app.dispatch(event)
            return
        command = keymap.binding_for(event, SCENE)
        if command is not None:
            self.on_action(command.name)

    def on_enter(self) -> None:
        super().on_enter()
        if not self._read_once:  # with "every card" on, the question is read as it comes
            self._read_once = True
            self.read(pressed=False)

    def question_words(self) -> str:
        """The question, its explanation and who answers now, as one text."""
        title, body = self._texts()
        words = " ".join((title, body))
        voter = self.session.game.voter
        if voter is not None:
            words += " " + _(ASK).format(name=self.session.game.players[voter])
        return words

    def accessible_text(self) -> list[str]:
        return [self.question_words()]

    def read(self, *, pressed: bool) -> None:
        """R: the question read aloud (again: stop); a problem shows on the table below."""
        words = self.question_words()
        problem = table_speech.read_question(self.app, words, pressed=pressed)
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        say = getattr(below, "say", None)
        if problem and callable(say):
            say(problem)

    def on_action(self, action: str) -> None:
        if action == "continue":
            self.finish()
            return
        if action == "read":
            self.read(pressed=True)
            return
        game = self.session.game
        voter = game.voter
        before = game.level
        if action == "agree" and voter is not None:
            self.session.apply(Agree(voter))
        elif action == "not_yet" and voter is not None:
            self.session.apply(NotYet(voter))
        elif action == "step_back":
            self.session.apply(StepBack())
        elif action == "undo":
            self.session.apply(Undo())
        elif action == "end":
            self.session.apply(End())
        if self.session.game.level > before:
            self.new_level = self.session.game.level
            self.ceremony = 0.0 if not self.look.reduce_motion else CEREMONY_SECONDS
            self.layout()
        elif self.session.game.phase not in (Phase.DEEPER, Phase.DRY):
            self.app.pop()
        else:
            self.layout()

    def finish(self) -> None:
        self.app.pop()

    def update(self, dt: float) -> None:
        speech.reader().update()
        if self.ceremony is not None and self.ceremony < CEREMONY_SECONDS:
            self.ceremony = min(CEREMONY_SECONDS, self.ceremony + dt)

    def animating(self) -> bool:
        return self.ceremony is not None and self.ceremony < CEREMONY_SECONDS

    # Drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        overlay_panel(surface, self.look, self.panel)
        if self.ceremony is not None:
            self._draw_ceremony(surface)
        else:
            self._draw_question(surface)
        self.draw_buttons(surface)

    def _texts(self) -> tuple[str, str]:
        """The question's heading and its explanation."""
        game = self.session.game
        nxt = game.next_level
        level = self.session.level_label(nxt)
        if game.phase is Phase.DRY:
            title = _("This level has no cards left")
            body = (
                _("Go deeper to {level}? Everyone answers, in seat order.").format(level=level)
                if nxt is not None
                else _("Step back a level, or end the session here.")
            )
            return title, body
        title = _("Go deeper, to {level}?").format(level=level)
        body = _(
            "Everyone answers in seat order. One \u201cnot yet\u201d keeps us here,"
            " no reason needed; we ask again after the next trust-building round."
        )
        feel = LEVEL_FEELS.get(nxt or 0, "")
        if feel:
            body = _("Next: {feel}. {rest}").format(feel=_(feel), rest=body)
        return title, body

    def _question_height(self, width: int) -> int:
        """How tall the question, the chips, the ask line and the buttons are at ``width``."""
        m = self.look.metrics
        t = self.look.theme
        text = self.look.text
        title, body = self._texts()
        total = text.render(title, m.heading, t.text, face=Face.BOLD, wrap=width).get_height()
        total += m.gap + text.render(body, m.body, t.text_muted, wrap=width).get_height()
        total += m.margin + m.button_height
        if self.session.game.voter is not None:
            total += round(m.small * CHIP_H) + m.gap  # the chips
            total += text.font(Face.BOLD, m.body).get_linesize() * 2 + m.gap  # the ask line
            total += round(m.button_height * BIG_BUTTON) + m.gap  # yes / not yet
        return total

    def _draw_question(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        inner = self.panel.inflate(-2 * m.margin, -2 * m.margin)
        title, body = self._texts()
        head = self.look.text.render(
            title, m.heading, t.text, face=Face.BOLD, wrap=inner.width, align="center"
        )
        surface.blit(head, head.get_rect(midtop=(inner.centerx, inner.y)))
        y = inner.y + head.get_height() + m.gap
        text = self.look.text.render(body, m.body, t.text_muted, wrap=inner.width, align="center")
        surface.blit(text, text.get_rect(midtop=(inner.centerx, y)))
        y += text.get_height() + m.margin
        if game.voter is None:
            return
        # One chip per player: agreed, answering now, or still to answer.
        count = len(game.players)
        chip_w = min(m.px(CHIP_W), (inner.width - m.gap * (count - 1)) // count)
        chip_h = round(m.small * CHIP_H)
        x0 = inner.centerx - (chip_w * count + m.gap * (count - 1)) // 2
        for seat, name in enumerate(game.players):
            rect = pygame.Rect(x0 + seat * (chip_w + m.gap), y, chip_w, chip_h)
            if seat < game.voter:
                bg, fg, agreed = t.accent, t.on_accent, True
            elif seat == game.voter:
                bg, fg, agreed = t.surface_alt, t.text, False
            else:
                bg, fg, agreed = t.surface_alt, t.text_muted, False
            rounded_rect(surface, bg, rect, m.radius)
            if seat == game.voter:
                pygame.draw.rect(surface, t.focus, rect, m.focus_width, border_radius=m.radius)
            tick = icon("check", m.small, fg) if agreed else None
            ticked = tick.get_width() + m.px(TICK_GAP) if tick else 0
            room = rect.width - m.px(CHIP_INSET) - ticked
            img = self.look.text.line(name, m.small, fg, room, face=Face.BOLD)
            x = rect.centerx - (img.get_width() + ticked) // 2
            if tick is not None:
                surface.blit(tick, tick.get_rect(midleft=(x, rect.centery)))
                x += ticked
            surface.blit(img, img.get_rect(midleft=(x, rect.centery)))
        y += chip_h + m.gap
        ask = self.look.text.render(
            _(ASK).format(name=game.players[game.voter]),
            m.body,
            t.text,
            face=Face.BOLD,
            wrap=inner.width,
            align="center",
            direction=sentence_direction(_(ASK)),
        )
        surface.blit(ask, ask.get_rect(midtop=(inner.centerx, y)))

    def _draw_ceremony(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        inner = self.panel.inflate(-2 * m.margin, -2 * m.margin)
        p = 1.0 if self.ceremony is None else self.ceremony / CEREMONY_SECONDS
        ease = 1 - (1 - p) ** 3
        # An emblem above the words: five rings in the type colours open out and settle,
        # with a few sparks drifting outward. Reduce motion shows the settled picture.
        room = inner.height - self.buttons[0].rect.height - m.gap
        centre = (inner.centerx, inner.y + round(room * EMBLEM_CENTRE))
        biggest = round(room * EMBLEM_RADIUS)
        for i, kind in enumerate(IntimacyType):
            grow = max(0.0, min(1.0, ease * 1.4 - i * 0.08))
            radius = max(2, round(biggest * (0.35 + 0.13 * i) * grow))
            colour = t.mark_colour(kind)
            pygame.draw.circle(surface, colour, centre, radius, max(2, m.px(RING)))
        star = icon("star", round(biggest * 0.5), t.star)
        surface.blit(star, star.get_rect(center=centre))
        for i in range(10):
            a = 2 * math.pi * i / 10 + ease * 0.6
            r = biggest * (0.8 + 0.5 * ease)
            spot = (centre[0] + r * math.cos(a), centre[1] + r * math.sin(a))
            spark = max(2, round(m.px(SPARK) * (1.2 - ease * 0.6)))
            pygame.draw.circle(surface, t.star, spot, spark)
        y = centre[1] + round(biggest * WORDS_BELOW)
        title = self.look.text.render(_("Welcome to"), m.body, t.text_muted, face=Face.BOLD)
        surface.blit(title, title.get_rect(midtop=(inner.centerx, y)))
        y += title.get_height()
        label = self.session.level_label(self.new_level)
        name = self.look.text.render(label, m.heading, t.text, face=Face.BOLD)
        surface.blit(name, name.get_rect(midtop=(inner.centerx, y)))
        y += name.get_height() + m.gap
        feel = LEVEL_FEELS.get(self.new_level, "")
        if feel:
            img = self.look.text.render(_(feel).capitalize(), m.body, t.text_muted)
            surface.blit(img, img.get_rect(midtop=(inner.centerx, y)))
