"""Setup's second page: intimacy types, lines, the unlock pace, cards offered and decks,
laid out in sections that wrap and leave out what the window has no room for."""

from __future__ import annotations

import pygame

from deckgame.deck_language import language_of
from deckgame.i18n import _
from deckgame.kinds import IntimacyType
from deckgame.ui.assets import Face
from deckgame.ui.scenes.setup_choices import (
    MAX_UNLOCK_ROUNDS,
    MIN_UNLOCK_ROUNDS,
    OFFERED_LABELS,
)
from deckgame.ui.scenes.setup_model import SetupModel
from deckgame.ui.scenes.setup_widgets import line_chip
from deckgame.ui.widgets import Button, Toggle

# Design pixels (scaled by ``Metrics.px``).
CHIP_WIDTH = 120  # a chip that is not a toggle (none today) in a flowing row
FIELD_WIDTH = 420  # the lines field at most (else 45 % of the page)
NO_INK = (0, 0, 0)  # the colour text is measured in (its size does not depend on it)


def deck_label(name: str, languages: dict[str, str], mixed: bool) -> str:
    """A deck's toggle: its name, and its language when decks of several are loaded.

    >>> deck_label("Físico", {"Físico": "es"}, True), deck_label("Core", {}, False)
    ('Físico · ES', 'Core')
    """
    if not mixed:
        return name
    return _("{deck} · {language}").format(deck=name, language=languages.get(name, "en").upper())


class CardsPage(SetupModel):
    """Laying out and drawing the choices of what to play (page 1)."""

    sections: list[tuple[str, int, int, int]]  # (label, x, y, width)
    rounds_rect: pygame.Rect

    def _layout_cards(self, top: int, bottom: int) -> None:
        inner = self.inner
        self.card_count = self.matching_cards()
        self.sections = []
        type_toggles, y = self._layout_types(top, bottom)
        tag_toggles, y = self._layout_lines(y, bottom)
        pace, y = self._layout_pace(y)
        m = self.look.metrics
        self.sections.append((_("Decks in play"), inner.x, y, inner.width))
        y += round(m.small * 1.5)
        in_play = set(self.all_decks()) if self.decks is None else self.decks
        languages = language_of(self.app.ctx.library)
        mixed = len({languages.get(name, "en") for name in self.all_decks()}) > 1
        deck_toggles: list[Button] = [
            Toggle("deck", deck_label(name, languages, mixed), on=name in in_play, arg=name)
            for name in self.all_decks()
        ]
        self._flow(deck_toggles, inner.x, y, inner.width, bottom)
        self.buttons = [*type_toggles, *tag_toggles, *pace, *deck_toggles, *self.footer]

    def _layout_types(self, y: int, bottom: int) -> tuple[list[Button], int]:
        """The intimacy types' section from ``y``: its toggles and the next section's top."""
        m = self.look.metrics
        t = self.look.theme
        inner = self.inner
        self.sections.append((_("Intimacy types in play"), inner.x, y, inner.width))
        y += round(m.small * 1.5)
        toggles: list[Button] = [
            Toggle(
                "type",
                t.type_style(k).label,
                icon_name=k.value,
                on=k in self.types,
                fill=t.type_style(k).colour,
                arg=k.value,
            )
            for k in IntimacyType
        ]
        return toggles, self._flow(toggles, inner.x, y, inner.width, bottom) + m.gap

    def _layout_lines(self, y: int, bottom: int) -> tuple[list[Button], int]:
        """The lines' section: a chip per line, the field to type one and its notice."""
        m = self.look.metrics
        inner = self.inner
        self.sections.append((_("Lines: leave out cards about"), inner.x, y, inner.width))
        y += round(m.small * 1.5)
        chips: list[Button] = [line_chip(tag, tag in self.excluded) for tag in self.line_tags()]
        if chips:
            y = self._flow(chips, inner.x, y, inner.width, bottom) + m.gap // 2
        field_h = round(m.button_height * 0.85)
        field = self.lines_field
        width = min(m.px(FIELD_WIDTH), inner.width * 45 // 100)
        field.rect = pygame.Rect(inner.x, y, width, field_h)
        field.enabled = field.rect.bottom <= bottom
        self.notice = self.lines_notice()
        self.notice_rect = self._place_notice(field.rect)
        return chips, max(field.rect.bottom, self.notice_rect.bottom) + m.gap

    def _layout_pace(self, y: int) -> tuple[list[Button], int]:
        """Rounds to unlock a level (- n +) beside the cards offered per turn."""
        m = self.look.metrics
        inner = self.inner
        half = (inner.width - m.margin) // 2
        ox = inner.x + half + m.margin
        self.sections.append((_("Trust-building rounds to unlock a level"), inner.x, y, half))
        self.sections.append((_("Cards offered per turn"), ox, y, half))
        y += round(m.small * 1.5)
        bh = round(m.button_height * 0.85)
        minus = Button("rounds_down", "−", "", enabled=self.unlock_rounds > MIN_UNLOCK_ROUNDS)
        plus = Button("rounds_up", "+", "", enabled=self.unlock_rounds < MAX_UNLOCK_ROUNDS)
        minus.rect = pygame.Rect(inner.x, y, bh * 2, bh)
        self.rounds_rect = pygame.Rect(minus.rect.right, y, bh * 2, bh)
        plus.rect = pygame.Rect(self.rounds_rect.right, y, bh * 2, bh)
        (one_count, one_label), (two_count, two_label) = OFFERED_LABELS.items()
        one = Toggle("offered", _(one_label), on=self.offered == one_count, arg=one_count)
        two = Toggle("offered", _(two_label), on=self.offered == two_count, arg=two_count)
        one.rect = pygame.Rect(ox, y, (half - m.gap) // 3, bh)
        two.rect = pygame.Rect(one.rect.right + m.gap, y, half - one.rect.width - m.gap, bh)
        return [minus, plus, one, two], y + bh + m.gap

    def _flow(self, toggles: list[Button], x: int, y: int, width: int, bottom: int) -> int:
        """Lay toggles out left to right, wrapping; those that do not fit are hidden."""
        m = self.look.metrics
        bh = round(m.button_height * 0.85)
        cx = x
        for tog in toggles:
            natural = tog.natural_width(self.look) if isinstance(tog, Toggle) else m.px(CHIP_WIDTH)
            tw = min(natural, width)
            if cx + tw > x + width:
                cx = x
                y += bh + m.gap // 2
            tog.rect = pygame.Rect(cx, y, tw, bh)
            tog.enabled = y + bh <= bottom
            cx += tw + m.gap // 2
        return y + bh

    def _place_notice(self, field: pygame.Rect) -> pygame.Rect:
        """Beside the lines field when it fits in two lines there, else under the field."""
        m = self.look.metrics
        if not self.notice:
            return pygame.Rect(field.right + m.gap, field.y, 0, field.height)
        beside = pygame.Rect(
            field.right + m.gap, field.y, self.inner.right - field.right - m.gap, field.height
        )
        text = self.look.text
        height = text.render(self.notice, m.small, NO_INK, face=Face.BOLD, wrap=beside.width)
        if height.get_height() <= round(m.small * 2.8):
            return beside
        below = pygame.Rect(self.inner.x, field.bottom + m.gap // 3, self.inner.width, 0)
        wrapped = text.render(self.notice, m.small, NO_INK, face=Face.BOLD, wrap=below.width)
        below.height = wrapped.get_height()
        return below

    def _draw_cards(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        # A label shows with the first row of what it names, or not at all (a window too
        # small for the whole page leaves its last sections out, their widgets disabled).
        row_h = round(m.small * 1.5) + round(m.button_height * 0.85)
        for text, x, y, width in self.sections:
            if y + row_h > self.footer[0].rect.top - m.gap:
                continue
            img = self.look.text.line(
                text, m.small, t.text_muted, width, face=Face.BOLD, min_size=m.min_text
            )
            surface.blit(img, (x, y))
        area = self.notice_rect
        if self.notice and area.bottom <= self.footer[0].rect.top:
            img = self.look.text.render(
                self.notice, m.small, t.text, face=Face.BOLD, wrap=area.width
            )
            surface.blit(img, img.get_rect(midleft=area.midleft))
        if self.rounds_rect.bottom <= self.footer[0].rect.top:  # with its - and + buttons
            num = self.look.text.render(str(self.unlock_rounds), m.body, t.text, face=Face.BOLD)
            surface.blit(num, num.get_rect(center=self.rounds_rect.center))
