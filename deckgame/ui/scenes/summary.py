"""The end of the evening: the radar of cards done per type, levels, rounds, warmth, stars,
and a closing card. Counts only: nothing anyone said was recorded."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Undo
from deckgame.engine.summary import Summary
from deckgame.i18n import N_, _, ngettext
from deckgame.kinds import Card, IntimacyType
from deckgame.ui import keymap
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

WARMTH_LINE = N_("{name}: received {received}, gave {given}")
# Line heights, in units of the small text.
WARMTH_LINE_H = 1.5  # a player's warmth
STARRED_LINE = 1.5  # the starred list's lines, as the closing card leaves room for them
MORE_LINE = 1.4  # the "+N more" line the starred list keeps free
# Design pixels.
FACT_SPACE = 14  # each side of the dot between two facts
STAR_DROP = 2  # the star (and each heart) below the top of its line
STAR_GAP = 6  # after the star or a heart
CLOSING_LEAST = 140  # the closing card's height at least, where there is room
CLOSING_SHAPE = 1.7  # the closing card's width to its height at most
HEADING_ROOM = 1.6  # the heading's height, in units of its font size
CHART_PERCENT = 40  # the radar chart's panel: this much of the width, the rest for the words
SCENE = "summary"  # its keys in the keymap
# The buttons (each shows its key from the keymap).
BUTTONS: tuple[tuple[str, str, str], ...] = (
    ("again", N_("Play again"), "primary"),
    ("undo", N_("Undo end"), "normal"),
    ("title", N_("Title"), "normal"),
    ("quit", N_("Quit"), "quiet"),
)


class SummaryScene(Scene):
    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.summary: Summary = session.summary()
        # Where the right side's parts go (see _place), set by layout().
        self.right = self.left = self.closing_room = pygame.Rect(0, 0, 0, 0)
        self.fact_spots: list[tuple[str, int, int, int | None]] = []
        self.warmth_top = self.starred_top = 0
        self.starred_shown = 0  # how many starred cards the list shows
        self.starred_lines = 2  # at how many lines each
        self._closing: pygame.Surface | None = None  # the closing card, drawn by layout()

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.summary = self.session.summary()
        bh = m.button_height
        self.buttons = [
            Button(action, _(label), keymap.hint(action, scene=SCENE), style=style)
            for action, label, style in BUTTONS
        ]
        self.button("undo").enabled = self.session.can(Undo())
        row(self.buttons, pygame.Rect(m.margin, h - m.gap - bh, w - 2 * m.margin, bh), bh, m.gap)
        body_top = m.margin + round(m.heading * HEADING_ROOM)
        body = pygame.Rect(m.margin, body_top, w - 2 * m.margin, h - body_top - bh - 2 * m.gap)
        self.left = pygame.Rect(body.x, body.y, body.width * CHART_PERCENT // 100, body.height)
        self.right = pygame.Rect(
            self.left.right + m.gap, body.y, body.right - self.left.right - m.gap, body.height
        )
        self._place()
        self.focus.set(list(self.buttons))

    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is not None:
            self.on_action(command.name)

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

    def _place(self) -> None:
        """Where the right side's parts go, top to bottom: the facts, the warmth, the
        starred list (as many cards as fit, at one or two lines each) and the closing card,
        which keeps room enough for its labels to be read; the closing card drawn now."""
        m = self.look.metrics
        s = self.summary
        x, y = self.right.x, self.right.y
        self.fact_spots, y = self._fact_spots(x, y)
        self.warmth_top = y
        y += self._warmth_height()
        closing_h = 0
        if s.closing:
            readable = card_height_for(m.min_text)
            # Room left for the starred list: its heading, one card and "+N more".
            starred = round(m.small * STARRED_LINE) * 3 if s.starred else 0
            closing_h = min(max(readable, m.px(CLOSING_LEAST)), self.right.bottom - y - starred)
        self.starred_top = y
        cards = self._starred_cards()
        bottom = self.right.bottom - closing_h - m.gap
        self.starred_shown, self.starred_lines = self._starred_fit(cards, y, bottom)
        y = self._starred_end(cards, y)
        top = min(y + m.gap, self.right.bottom - closing_h)
        self.closing_room = pygame.Rect(x, top, self.right.width, self.right.bottom - top)
        self._closing = None
        if s.closing and closing_h > 0:
            self._closing = self._closing_card(self.closing_room)

    def _closing_card(self, room: pygame.Rect) -> pygame.Surface:
        """The first closing card, for everyone, as tall as ``room``."""
        card = self.summary.closing[0]
        game = self.session.game
        view = card_view(
            card,
            player=game.players[0],
            other=game.players[1 % len(game.players)],
            level_names=self.session.level_names,
        )
        view = replace(view, who=_("Everyone answers"))
        cw = min(room.width, round(room.height * CLOSING_SHAPE))
        theme = self.look.theme
        scale = self.app.settings.reading_scale
        return render_card(view, (cw, room.height), theme, scale, self.look.text)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        s = self.summary
        backdrop(surface, self.look)
        title = self.look.text.render(_("Thank you for tonight"), m.heading, t.text, face=Face.BOLD)
        surface.blit(title, (m.margin, m.margin))

        # Left: the radar chart on a panel.
        shadow(surface, self.look, self.left, m.radius)
        rounded_rect(surface, t.surface, self.left, m.radius)
        shared = ngettext("{n} card shared", "{n} cards shared", s.cards_done)
        cap = self.look.text.render(shared.format(n=s.cards_done), m.body, t.text, face=Face.BOLD)
        surface.blit(cap, (self.left.x + m.margin, self.left.y + m.gap))
        chart = self.left.inflate(-m.gap * 2, -m.gap * 2)
        chart.top += cap.get_height() + m.gap
        chart.height -= cap.get_height() + m.gap
        values = {k: s.done_by_type.get(k.value, 0) for k in IntimacyType}
        draw_radar(surface, self.look, chart, values)

        # Right: facts, warmth per player, stars, and a closing card.
        self._draw_facts(surface)
        self._draw_warmth(surface, self.right.x, self.warmth_top)
        self._draw_starred(surface, self.right.x, self.starred_top)
        if self._closing is not None:
            room = self.closing_room
            surface.blit(self._closing, self._closing.get_rect(midtop=room.midtop))
        self.draw_buttons(surface)

    def _facts(self) -> tuple[str, ...]:
        s = self.summary
        return (
            _("Deepest level: {level}").format(level=self.session.level_label(s.deepest_level)),
            _("Rounds: {n}").format(n=s.rounds_played),
            _("Turns: {n}").format(n=s.turns_played),
        )

    def _fact_spots(self, x: int, y: int) -> tuple[list[tuple[str, int, int, int | None]], int]:
        """Deepest level, rounds and turns in a row, a fact moving to the next line whole
        when the row is full (never a "·" left at a line's end): each fact's place (and
        its dot's, if one goes before it), and the bottom."""
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        dot = text.render("·", m.body, t.text_muted, face=Face.BOLD)
        space = m.px(FACT_SPACE)
        spots: list[tuple[str, int, int, int | None]] = []
        cx, line_h = x, 0
        for i, fact in enumerate(self._facts()):
            img = text.line(fact, m.body, t.text, self.right.width, face=Face.BOLD)
            step = dot.get_width() + 2 * space if i else 0
            dot_x: int | None = None
            if i and cx + step + img.get_width() > self.right.right:
                cx, y, step = x, y + line_h, 0
            elif i:
                dot_x = cx + space
            spots.append((fact, cx + step, y, dot_x))
            cx += step + img.get_width()
            line_h = max(line_h, img.get_height())
        return spots, y + line_h + m.gap

    def _draw_facts(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        dot = text.render("·", m.body, t.text_muted, face=Face.BOLD)
        for fact, fx, fy, dot_x in self.fact_spots:
            if dot_x is not None:
                surface.blit(dot, (dot_x, fy))
            img = text.line(fact, m.body, t.text, self.right.width, face=Face.BOLD)
            surface.blit(img, (fx, fy))

    def _starred_cards(self) -> list[Card]:
        game = self.session.game
        return [game.cards[c] for c in self.summary.starred if c in game.cards]

    def _starred_head(self, count: int) -> pygame.Surface:
        m = self.look.metrics
        words = _("Starred ({n})").format(n=count)
        return self.look.text.render(words, m.small, self.look.theme.text, face=Face.BOLD)

    def _starred_more(self, count: int) -> pygame.Surface:
        m = self.look.metrics
        words = ngettext("+{n} more", "+{n} more", count).format(n=count)
        return self.look.text.render(words, m.small, self.look.theme.text_muted)

    def _starred_fit(self, cards: list[Card], y: int, bottom: int) -> tuple[int, int]:
        """How many starred cards fit above ``bottom``, and at how many lines each: two, or
        one when that shows more of them."""
        if not cards:
            return 0, 2
        m = self.look.metrics
        text = self.look.text
        game = self.session.game
        y += self._starred_head(len(cards)).get_height() + m.gap // 2
        width = self.right.width - self._starred_indent()
        more_h = round(m.small * MORE_LINE)

        def shown(lines: int) -> int:
            """How many cards fit above ``bottom`` at ``lines`` lines each."""
            at = y
            for i, card in enumerate(cards):
                h = text.size_clamped(game.card_text(card), m.small, width, lines)
                last = i == len(cards) - 1
                if at + h + (0 if last else more_h) > bottom:
                    return i
                at += h + m.gap // 3
            return len(cards)

        count = shown(2)
        if count < len(cards) and shown(1) > count:
            return shown(1), 1
        return count, 2

    def _starred_indent(self) -> int:
        """The starred list's text, right of the star (and of each card's dot)."""
        m = self.look.metrics
        return icon("star", m.small, self.look.theme.star).get_width() + m.px(STAR_GAP)

    def _starred_end(self, cards: list[Card], y: int) -> int:
        """The bottom of the starred list drawn from ``y`` (with its gap below)."""
        if not cards:
            return y
        m = self.look.metrics
        text = self.look.text
        game = self.session.game
        width = self.right.width - self._starred_indent()
        y += self._starred_head(len(cards)).get_height() + m.gap // 2
        for card in cards[: self.starred_shown]:
            h = text.size_clamped(game.card_text(card), m.small, width, self.starred_lines)
            y += h + m.gap // 3
        if self.starred_shown < len(cards):
            return y + self._starred_more(len(cards) - self.starred_shown).get_height() + m.gap
        return y + m.gap

    def _draw_starred(self, surface: pygame.Surface, x: int, y: int) -> None:
        """The starred cards as laid out, each after its type's colour dot, and "+N more"
        when the rest did not fit."""
        cards = self._starred_cards()
        if not cards:
            return
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        game = self.session.game
        star = icon("star", m.small, t.star)
        surface.blit(star, (x, y + m.px(STAR_DROP)))
        head = self._starred_head(len(cards))
        surface.blit(head, (x + star.get_width() + m.px(STAR_GAP), y))
        y += head.get_height() + m.gap // 2
        indent = self._starred_indent()
        width = self.right.width - indent
        dot = max(3, m.small // 4)
        line_h = text.font(Face.REGULAR, m.small).get_linesize()
        for card in cards[: self.starred_shown]:
            img = text.clamp(game.card_text(card), m.small, t.text, width, self.starred_lines)
            colour = t.type_style(card.type.value).colour
            pygame.draw.circle(surface, colour, (x + star.get_width() // 2, y + line_h // 2), dot)
            surface.blit(img, (x + indent, y))
            y += img.get_height() + m.gap // 3
        if self.starred_shown < len(cards):
            surface.blit(self._starred_more(len(cards) - self.starred_shown), (x + indent, y))

    def _warmth_height(self) -> int:
        """The warmth lines: one a player, in two columns past four players."""
        m = self.look.metrics
        names = len(self.summary.warmth_received)
        cols = 2 if names > 4 else 1
        return (names + cols - 1) // cols * round(m.small * WARMTH_LINE_H) + m.gap

    def _draw_warmth(self, surface: pygame.Surface, x: int, y: int) -> None:
        """Warmth received and given, a line per player (two columns past four)."""
        t = self.look.theme
        m = self.look.metrics
        s = self.summary
        text = self.look.text
        names = list(s.warmth_received)
        cols = 2 if len(names) > 4 else 1
        col_w = self.right.width // cols
        heart = icon("heart", m.small, t.heart)
        line_h = round(m.small * WARMTH_LINE_H)
        # The game's own sentence around the name: it reads in the game's language however
        # long the name, and a name too long for its column is shortened, never the counts.
        words = _(WARMTH_LINE)
        direction = sentence_direction(words)
        room = col_w - heart.get_width() - m.gap
        for i, name in enumerate(names):
            cx = x + (i % cols) * col_w
            cy = y + (i // cols) * line_h
            surface.blit(heart, (cx, cy + m.px(STAR_DROP)))
            counts = {"received": s.warmth_received[name], "given": s.warmth_given.get(name, 0)}
            line = words.format(name=name, **counts)
            if text.size(line, m.small, direction=direction)[0] > room:
                rest = text.size(words.format(name="", **counts), m.small)[0]
                short, _cut = text.fit_line(name, m.small, max(1, room - rest))
                line = words.format(name=short, **counts)
            img = text.line(line, m.small, t.text, room, direction=direction)
            surface.blit(img, (cx + heart.get_width() + m.px(STAR_GAP), cy))
