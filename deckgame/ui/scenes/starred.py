"""The cards groups starred on earlier nights, opened from the title.

The history file keeps card ids only; the words come from the decks loaded now, so a card
whose deck is gone is listed as missing (by id), never guessed. Up/Down, Page Up/Down,
Home/End and the mouse wheel scroll; Esc goes back to the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.i18n import _, ngettext
from deckgame.kinds import Card
from deckgame.printing import BLANK
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.cards import card_view
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, heading, row
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App
    from deckgame.ui.theme import RGB

# Laid out up front (layout, never draw): a long list is cut here, newest stars first kept.
MAX_LISTED = 600
WHEEL_LINES = 3
SCENE = "starred"  # its keys in the keymap
# Design pixels.
SCROLLBAR_ROOM = 8  # the list's text keeps clear of the scroll bar
INDENT = 22  # a card's lines, right of its type's dot
BACK_W = 220
BAR_W = 4  # the scroll bar
BAR_LEAST = 24  # its height at least
BAR_RADIUS = 2
HEADING_ROOM = 1.6  # the heading's height, in units of its font size


@dataclass(frozen=True)
class StarredEntry:
    """One line of the list (for tests and for drawing): a card id, and whether it is
    loaded now; ``group`` is the names of the group that starred it."""

    group: tuple[str, ...]
    card_id: str
    missing: bool


@dataclass(frozen=True)
class _Words:
    """A paragraph of the list as the text cache renders it (its key, not its pixels: a
    long list keeps no pictures of its own, only the text cache's, bounded in bytes)."""

    text: str
    size: int
    colour: RGB
    face: Face = Face.REGULAR
    wrap: int = 0


@dataclass(frozen=True)
class _Row:
    y: int  # top, in list coordinates (0 = the top of the scrolled content)
    height: int
    words: _Words
    dot: RGB | None = None  # the type's colour, for a card
    indent: int = 0


class StarredScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.groups = app.ctx.store.load_starred()
        self.entries: list[StarredEntry] = []
        self.left_out = 0  # stars not listed (beyond MAX_LISTED)
        self.scroll = 0
        self.max_scroll = 0
        self.step = 1  # pixels per arrow press (a line of text)
        self._rows: list[_Row] = []
        self.view = pygame.Rect(0, 0, 0, 0)

    # Layout ------------------------------------------------------------------------------
    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        bh = m.button_height
        self.buttons = [Button("back", _("Back"), keymap.hint("back", scene=SCENE))]
        row(self.buttons, pygame.Rect(m.margin, h - m.gap - bh, m.px(BACK_W), bh), bh, m.gap)
        top = m.margin + round(m.heading * HEADING_ROOM)
        self.view = pygame.Rect(m.margin, top, w - 2 * m.margin, h - top - bh - 2 * m.gap)
        self._build_rows()
        self.focus.set(list(self.buttons))
        self._clamp()

    def _build_rows(self) -> None:
        """Every group's starred cards, newest first, rendered now (never while drawing)."""
        m = self.look.metrics
        lib = self.app.ctx.library
        index: dict[str, Card] = {card.id: card for card in lib.cards}
        width = self.view.width - m.px(SCROLLBAR_ROOM)
        self.step = self.look.text.font(Face.REGULAR, m.small).get_linesize()
        self.entries = []
        self._rows = []
        y = 0
        listed = 0
        total = sum(len(group.cards) for group in self.groups)
        for group in self.groups:
            if listed >= MAX_LISTED:
                break
            names = ", ".join(group.players)
            y = self._add(y, _Words(names, m.body, self.look.theme.text, Face.BOLD, width))
            y += m.gap // 2
            # Newest first: the stars of the group's last night at the top.
            for card_id in reversed(group.cards):
                if listed >= MAX_LISTED:
                    break
                listed += 1
                card = index.get(card_id)
                self.entries.append(StarredEntry(group.players, card_id, card is None))
                y = self._card_rows(card_id, card, y, width) + m.gap
            y += m.gap
        self.left_out = total - listed
        y = self._closing_rows(y, width)
        self.content_height = y
        self.max_scroll = max(0, y - self.view.height)

    def _card_rows(self, card_id: str, card: Card | None, y: int, width: int) -> int:
        """One starred card's rows from ``y``: its type, kind and level, its words (or a
        line saying it is missing); returns their bottom."""
        m = self.look.metrics
        t = self.look.theme
        indent = m.px(INDENT)
        wrap = width - indent
        if card is None:
            line = _("A starred card that is not in the decks loaded now ({id})").format(id=card_id)
            return self._add(y, _Words(line, m.small, t.text_muted, wrap=wrap), indent=indent)
        lib = self.app.ctx.library
        # Names as on paper: a line, whoever was dealt it then ("the reader" broke the
        # grammar of "{player} says", and was English in every language).
        view = card_view(card, player=BLANK, other=BLANK, level_names=lib.level_names)
        style = t.type_style(card.type.value)
        kind = _("Question") if card.kind == "ask" else _("Challenge")
        label = _("{type} · {kind} · {level}").format(
            type=style.label, kind=kind, level=view.level_label
        )
        kind_line = _Words(label, m.small, t.text_muted, Face.BOLD)
        y = self._add(y, kind_line, dot=style.colour, indent=indent)
        y = self._add(y, _Words(view.text, m.body, t.text, wrap=wrap), indent=indent)
        if view.follow_up:
            follow = _Words(view.follow_up, m.small, t.text_muted, wrap=wrap)
            y = self._add(y, follow, indent=indent)
        return y

    def _image(self, words: _Words) -> pygame.Surface:
        return self.look.text.render(
            words.text, words.size, words.colour, face=words.face, wrap=words.wrap
        )

    def _add(self, y: int, words: _Words, *, dot: RGB | None = None, indent: int = 0) -> int:
        """A row at ``y`` (rendered now, into the text cache); returns its bottom."""
        height = self._image(words).get_height()
        self._rows.append(_Row(y, height, words, dot, indent))
        return y + height

    def _closing_rows(self, y: int, width: int) -> int:
        """The line under the list (older stars left out), or the empty list's words."""
        m = self.look.metrics
        t = self.look.theme
        if self.left_out:
            more = ngettext(
                "{n} older star is not listed", "{n} older stars are not listed", self.left_out
            ).format(n=self.left_out)
            y = self._add(y, _Words(more, m.small, t.text_muted, wrap=width))
        if not self._rows:
            y = self._add(0, _Words(_("No starred cards yet"), m.body, t.text_muted, wrap=width))
        return y

    # Input -------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-int(event.y) * self.step * WHEEL_LINES)
            return
        super().handle_event(event)

    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is None:
            return
        page = max(self.step, self.view.height - 2 * self.step)
        moves = {
            "down": self.step,
            "up": -self.step,
            "page_down": page,
            "page_up": -page,
            "first": -self.scroll,
            "last": self.max_scroll - self.scroll,
        }
        if command.name in moves:
            self.scroll_by(moves[command.name])
        else:
            self.on_action(command.name)

    def on_action(self, action: str) -> None:
        if action == "back":
            self.app.pop()

    def scroll_by(self, pixels: int) -> None:
        self.scroll += pixels
        self._clamp()

    def _clamp(self) -> None:
        self.scroll = max(0, min(self.scroll, self.max_scroll))

    # Drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        backdrop(surface, self.look)
        heading(surface, self.look, _("Starred cards"), (m.margin, m.margin))
        view = self.view
        clip = surface.get_clip()
        surface.set_clip(view)
        dot = max(3, m.small // 4)
        for r in self._rows:
            y = view.y + r.y - self.scroll
            if y > view.bottom or y + r.height < view.y:
                continue
            if r.dot is not None:
                centre = (view.x + r.indent // 2, y + r.height // 2)
                pygame.draw.circle(surface, r.dot, centre, dot)
            surface.blit(self._image(r.words), (view.x + r.indent, y))
        surface.set_clip(clip)
        if self.max_scroll:
            # A thin bar on the right: where in the list the window is.
            bar_h = max(m.px(BAR_LEAST), view.height * view.height // self.content_height)
            bar_y = view.y + (view.height - bar_h) * self.scroll // self.max_scroll
            bar = pygame.Rect(view.right - m.px(BAR_W), bar_y, m.px(BAR_W), bar_h)
            pygame.draw.rect(surface, t.text_muted, bar, border_radius=m.px(BAR_RADIUS))
            words = _("↑↓ · PgUp/PgDn · wheel: scroll")
            hint = self.look.text.render(words, m.small, t.text_muted)
            surface.blit(hint, hint.get_rect(bottomright=(view.right, self.size[1] - m.gap * 2)))
        self.draw_buttons(surface)
