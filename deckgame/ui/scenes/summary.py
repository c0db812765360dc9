"""The end of the evening: the radar of cards done per type, levels, rounds, warmth, stars,
and a closing card. Counts only: nothing anyone said was recorded."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Undo
from deckgame.engine.summary import Summary
from deckgame.model import IntimacyType
from deckgame.ui.assets import Face
from deckgame.ui.cardlayout import card_height_for
from deckgame.ui.cards import card_view, render_card
from deckgame.ui.chart import draw_radar
from deckgame.ui.icons import icon
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.runs import sentence_direction
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, row
from deckgame.ui.session import Session
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

WARMTH_LINE = "{name}: received {received}, gave {given}"


class SummaryScene(Scene):
    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.summary: Summary = session.summary()
        self._closing: pygame.Surface | None = None
        self.starred_shown = 0  # how many starred cards the last frame listed (for tests)

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.summary = self.session.summary()
        bh = m.button_height
        self.buttons = [
            Button("again", "Play again", "Enter", style="primary"),
            Button("undo", "Undo end", "U", enabled=self.session.can(Undo())),
            Button("title", "Title", "Esc"),
            Button("quit", "Quit", "Q", style="quiet"),
        ]
        row(self.buttons, pygame.Rect(m.margin, h - m.gap - bh, w - 2 * m.margin, bh), bh, m.gap)
        body_top = m.margin + round(m.heading * 1.6)
        body = pygame.Rect(m.margin, body_top, w - 2 * m.margin, h - body_top - bh - 2 * m.gap)
        self.left = pygame.Rect(body.x, body.y, body.width * 40 // 100, body.height)
        self.right = pygame.Rect(
            self.left.right + m.gap, body.y, body.right - self.left.right - m.gap, body.height
        )
        self._closing = None
        self.focus.set(list(self.buttons))

    def on_key(self, event: pygame.event.Event) -> None:
        keys = {
            pygame.K_RETURN: "again",
            pygame.K_KP_ENTER: "again",
            pygame.K_SPACE: "again",
            pygame.K_u: "undo",
            pygame.K_ESCAPE: "title",
            pygame.K_q: "quit",
        }
        if event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
            self.on_action("undo")
        elif event.key in keys:
            self.on_action(keys[event.key])

    def on_action(self, action: str) -> None:
        from deckgame.ui import flow
        from deckgame.ui.scenes.title import TitleScene

        if action == "again":
            settings = self.session.game.settings
            self.session.close()
            self.app.reset(TitleScene(self.app))
            flow.start_setup(self.app, players=list(settings.players), previous=settings)
        elif action == "undo":
            if self.session.apply(Undo()):
                self.app.pop()  # back to the table, which follows the engine's phase
        elif action == "title":
            self.session.close()
            self.app.reset(TitleScene(self.app))
        elif action == "quit":
            self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        s = self.summary
        backdrop(surface, self.look)
        title = self.look.text.render("Thank you for tonight", m.heading, t.text, face=Face.BOLD)
        surface.blit(title, (m.margin, m.margin))

        # Left: the radar chart on a panel.
        shadow(surface, self.look, self.left, m.radius)
        rounded_rect(surface, t.surface, self.left, m.radius)
        cap = self.look.text.render(f"{s.cards_done} cards shared", m.body, t.text, face=Face.BOLD)
        surface.blit(cap, (self.left.x + m.margin, self.left.y + m.gap))
        chart = self.left.inflate(-m.gap * 2, -m.gap * 2)
        chart.top += cap.get_height() + m.gap
        chart.height -= cap.get_height() + m.gap
        values = {k: s.done_by_type.get(k.value, 0) for k in IntimacyType}
        draw_radar(surface, self.look, chart, values)

        # Right: facts, warmth per player, stars, and a closing card.
        x = self.right.x
        y = self.right.y
        y = self._draw_facts(surface, x, y)
        y = self._draw_warmth(surface, x, y)
        # The closing card keeps room enough for its labels to be read; the starred list
        # takes what is left and ends in "+N more".
        closing_h = 0
        if s.closing:
            readable = card_height_for(m.min_text)
            # Room left for the starred list: its heading, one card and "+N more".
            starred = round(m.small * 1.5) * 3 if s.starred else 0
            closing_h = min(max(readable, m.px(140)), self.right.bottom - y - starred)
        y = self._draw_starred(surface, x, y, self.right.bottom - closing_h - m.gap)
        top = min(y + m.gap, self.right.bottom - closing_h)
        room = pygame.Rect(x, top, self.right.width, self.right.bottom - top)
        if s.closing and closing_h > 0:
            if self._closing is None or self._closing.get_size() != room.size:
                card = s.closing[0]
                game = self.session.game
                view = card_view(
                    card,
                    player=game.players[0],
                    other=game.players[1 % len(game.players)],
                    level_names=self.session.level_names,
                )
                view = replace(view, who="Everyone answers")
                cw = min(room.width, round(room.height * 1.7))
                self._closing = render_card(
                    view, (cw, room.height), t, self.app.settings.text_scale, self.look.text
                )
            surface.blit(self._closing, self._closing.get_rect(midtop=room.midtop))
        self.draw_buttons(surface)

    def _draw_facts(self, surface: pygame.Surface, x: int, y: int) -> int:
        """Deepest level, rounds and turns in a row, a fact moving to the next line whole
        when the row is full (never a "·" left at a line's end)."""
        t = self.look.theme
        m = self.look.metrics
        s = self.summary
        facts = (
            f"Deepest level: {self.session.level_label(s.deepest_level)}",
            f"Rounds: {s.rounds_played}",
            f"Turns: {s.turns_played}",
        )
        text = self.look.text
        dot = text.render("·", m.body, t.text_muted, face=Face.BOLD)
        space = m.px(14)
        cx, line_h = x, 0
        for i, fact in enumerate(facts):
            img = text.line(fact, m.body, t.text, self.right.width, face=Face.BOLD)
            step = dot.get_width() + 2 * space if i else 0
            if i and cx + step + img.get_width() > self.right.right:
                cx, y, step = x, y + line_h, 0
            elif i:
                surface.blit(dot, (cx + space, y))
            surface.blit(img, (cx + step, y))
            cx += step + img.get_width()
            line_h = max(line_h, img.get_height())
        return y + line_h + m.gap

    def _draw_starred(self, surface: pygame.Surface, x: int, y: int, bottom: int) -> int:
        """The starred cards as a short list, each two lines (or one, when that shows more
        of them) after its type's colour dot, and "+N more" when the rest do not fit above
        ``bottom``."""
        s = self.summary
        game = self.session.game
        cards = [game.cards[c] for c in s.starred if c in game.cards]
        self.starred_shown = 0
        if not cards:
            return y
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        star = icon("star", m.small, t.star)
        surface.blit(star, (x, y + m.px(2)))
        head = text.render(f"Starred ({len(cards)})", m.small, t.text, face=Face.BOLD)
        surface.blit(head, (x + star.get_width() + m.px(6), y))
        y += head.get_height() + m.gap // 2
        indent = star.get_width() + m.px(6)
        width = self.right.width - indent
        more_h = round(m.small * 1.4)
        step = m.gap // 3

        def shown(lines: int) -> int:
            """How many cards fit above ``bottom`` at ``lines`` lines each."""
            at = y
            for i, card in enumerate(cards):
                h = text.size_clamped(game.card_text(card), m.small, width, lines)
                last = i == len(cards) - 1
                if at + h + (0 if last else more_h) > bottom:
                    return i
                at += h + step
            return len(cards)

        lines = 2
        count = shown(2)
        if count < len(cards) and shown(1) > count:
            lines, count = 1, shown(1)
        dot = max(3, m.small // 4)
        line_h = text.font(Face.REGULAR, m.small).get_linesize()
        for card in cards[:count]:
            img = text.clamp(game.card_text(card), m.small, t.text, width, lines)
            colour = t.type_style(card.type.value).colour
            pygame.draw.circle(surface, colour, (x + star.get_width() // 2, y + line_h // 2), dot)
            surface.blit(img, (x + indent, y))
            y += img.get_height() + step
        self.starred_shown = count
        if count < len(cards):
            more = text.render(f"+{len(cards) - count} more", m.small, t.text_muted)
            surface.blit(more, (x + indent, y))
            return y + more.get_height() + m.gap
        return y + m.gap

    def _draw_warmth(self, surface: pygame.Surface, x: int, y: int) -> int:
        t = self.look.theme
        m = self.look.metrics
        s = self.summary
        text = self.look.text
        names = list(s.warmth_received)
        cols = 2 if len(names) > 4 else 1
        col_w = self.right.width // cols
        heart = icon("heart", m.small, t.heart)
        line_h = round(m.small * 1.5)
        # The game's own sentence around the name: it reads in the game's language however
        # long the name, and a name too long for its column is shortened, never the counts.
        direction = sentence_direction(WARMTH_LINE)
        room = col_w - heart.get_width() - m.gap
        for i, name in enumerate(names):
            cx = x + (i % cols) * col_w
            cy = y + (i // cols) * line_h
            surface.blit(heart, (cx, cy + m.px(2)))
            counts = {"received": s.warmth_received[name], "given": s.warmth_given.get(name, 0)}
            line = WARMTH_LINE.format(name=name, **counts)
            if text.size(line, m.small, direction=direction)[0] > room:
                rest = text.size(WARMTH_LINE.format(name="", **counts), m.small)[0]
                short, _ = text.fit_line(name, m.small, max(1, room - rest))
                line = WARMTH_LINE.format(name=short, **counts)
            img = text.line(line, m.small, t.text, room, direction=direction)
            surface.blit(img, (cx + heart.get_width() + m.px(6), cy))
        rows = (len(names) + cols - 1) // cols
        return y + rows * line_h + m.gap
