"""Setup's first page: the names in seat order, each with up, down and remove, and the
audience the evening is for."""

from __future__ import annotations

import pygame

from deckgame.engine import Settings, SettingsError
from deckgame.i18n import _
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.scenes.setup_choices import (
    AUDIENCE_HINTS,
    AUDIENCE_LABELS,
    MAX_PLAYERS,
    MIN_PLAYERS,
    duplicate_message,
    duplicate_seat,
    player_placeholder,
    sentence,
)
from deckgame.ui.scenes.setup_model import SetupModel
from deckgame.ui.widgets import Button, TextInput, Toggle

# Design pixels (scaled by ``Metrics.px``).
ROW_MIN = 30  # the least height of a name row
ROW_BUTTON_MIN = 40  # the least width of a row's up, down and remove buttons
ADD_WIDTH = 260  # the "Add player" button
MARK_RING = 3  # the ring round a name field an error is about
MARK_PAD = 8  # the cross badge's padding, and its inset from the field's right


class PlayersPage(SetupModel):
    """Laying out, drawing and editing the seats (page 0)."""

    row_buttons: list[Button]
    add_button: Button
    audience_top: int
    audience_toggles: list[Button]

    def _layout_players(self, top: int, bottom: int) -> None:
        m = self.look.metrics
        inner = self.inner
        bh = m.button_height
        left_w = inner.width * 62 // 100
        row_h = min(
            bh, (bottom - top - round(m.body * 1.6) - bh) // max(1, len(self.inputs)) - m.gap // 2
        )
        row_h = max(row_h, m.px(ROW_MIN))
        y = top + round(m.body * 1.6)
        self.row_buttons = []
        small = max(m.px(ROW_BUTTON_MIN), row_h)
        for i, field in enumerate(self.inputs):
            field.rect = pygame.Rect(inner.x, y, left_w - 3 * (small + m.gap // 2), row_h)
            x = field.rect.right + m.gap // 2
            for verb, glyph in (("up", "up"), ("down", "down"), ("remove", "cross")):
                b = Button(verb, "", "", style="quiet", icon_name=glyph, arg=i)
                b.rect = pygame.Rect(x, y, small, row_h)
                b.enabled = not (
                    (verb == "up" and i == 0)
                    or (verb == "down" and i == len(self.inputs) - 1)
                    or (verb == "remove" and len(self.inputs) <= MIN_PLAYERS)
                )
                self.row_buttons.append(b)
                x += small + m.gap // 2
            y += row_h + m.gap // 2
        hint = keymap.hint("add_player", scene="setup")
        add = Button("add", _("Add player"), hint, enabled=len(self.inputs) < MAX_PLAYERS)
        add.rect = pygame.Rect(inner.x, y + m.gap // 2, m.px(ADD_WIDTH), bh)
        self.add_button = add
        self._layout_audience(inner.x + left_w + m.margin, top)
        self.buttons = [*self.row_buttons, add, *self.audience_toggles, *self.footer]

    def _layout_audience(self, x: int, top: int) -> None:
        """The audience toggles, on the right from ``x``, under their label at ``top``."""
        m = self.look.metrics
        width = self.inner.right - x
        self.audience_top = top
        self.audience_toggles = []
        y = top + round(m.body * 1.6)
        for aud, label in AUDIENCE_LABELS.items():
            tog = Toggle("audience", _(label), on=self.audience is aud, arg=aud.value)
            tog.rect = pygame.Rect(x, y, width, m.button_height)
            self.audience_toggles.append(tog)
            y += m.button_height + m.gap

    def _draw_players(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        label = self.look.text.render(
            _("Names, in seat order (any language)"), m.small, t.text_muted, face=Face.BOLD
        )
        surface.blit(label, (self.inner.x, self.audience_top))
        x = self.audience_toggles[0].rect.x
        label = self.look.text.render(_("Who is it for?"), m.small, t.text_muted, face=Face.BOLD)
        surface.blit(label, (x, self.audience_top))
        last = self.audience_toggles[-1].rect
        hint = _(AUDIENCE_HINTS[self.audience])
        img = self.look.text.render(hint, m.small, t.text_muted, wrap=last.width)
        surface.blit(img, (x, last.bottom + m.gap))

    def _draw_row_mark(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The field an error is about: a heavy ring in the X-card colour and a cross."""
        m = self.look.metrics
        t = self.look.theme
        w = max(MARK_RING, m.px(MARK_RING))
        ring = rect.inflate(w * 2, w * 2)
        pygame.draw.rect(surface, t.danger, ring, w, border_radius=m.radius + w)
        size = round(rect.height * 0.5)
        badge = pygame.Rect(0, 0, size + m.px(MARK_PAD), size + m.px(MARK_PAD))
        badge.midright = (rect.right - m.px(MARK_PAD), rect.centery)
        pygame.draw.ellipse(surface, t.danger, badge)
        mark = icon("cross", size, t.on_danger)
        surface.blit(mark, mark.get_rect(center=badge.center))

    # Editing the seats ----------------------------------------------------------------
    def _add_seat(self) -> None:
        """A new empty seat at the end, the keyboard in it."""
        seat = len(self.inputs)
        field = TextInput("name", "", placeholder=player_placeholder(seat), arg=seat)
        self.inputs.append(field)
        self.layout()
        self.focus.focus(field)

    def _focus_next_field(self) -> None:
        """Enter in a name field moves to the next one (adding a seat after the last)."""
        current = self.focus.current
        if not isinstance(current, TextInput) or current not in self.inputs:
            return
        index = self.inputs.index(current)
        if index + 1 < len(self.inputs):
            self.focus.focus(self.inputs[index + 1])
        elif current.value.strip() and len(self.inputs) < MAX_PLAYERS:
            self.on_action("add")
        else:
            self.focus.focus(self.add_button)

    def _seat_action(self, verb: str, i: int) -> None:
        """Seat ``i`` moved ``up`` or ``down`` the order, or removed; the names renumbered."""
        if verb == "up" and i > 0:
            self.inputs[i - 1], self.inputs[i] = self.inputs[i], self.inputs[i - 1]
        elif verb == "down" and i < len(self.inputs) - 1:
            self.inputs[i + 1], self.inputs[i] = self.inputs[i], self.inputs[i + 1]
        elif verb == "remove" and len(self.inputs) > MIN_PLAYERS:
            del self.inputs[i]
        for n, field in enumerate(self.inputs):
            field.arg = n
            field.placeholder = player_placeholder(n)

    def go_next(self) -> None:
        names = [n for n in self.names() if n]
        if len(names) < MIN_PLAYERS:
            self.error = _("Type at least two names")
            return
        seats = duplicate_seat([field.value for field in self.inputs])
        if seats is not None:
            first, second = seats
            self.error = duplicate_message(self.inputs[first].value, self.inputs[second].value)
            self._mark_row(second)
            return
        try:
            Settings(players=tuple(names))
        except SettingsError as error:
            self.error = sentence(str(error))
            return
        self.page = 1

    def _mark_row(self, index: int) -> None:
        """Point at the name field an error is about: ringed, and the keyboard in it."""
        self.error_row = index
        self._error_names = self.names()
        self.layout()
        self.focus.focus(self.inputs[index])
