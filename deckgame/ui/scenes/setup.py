"""Setup, in two pages: who is playing (names in any script, seat order, audience), then what
to play (types, lines, unlock pace, cards offered, decks) with the count of cards that remain.

The scene is put together from its parts: the choices and their rules
(:mod:`~deckgame.ui.scenes.setup_choices`), the state and what follows from it
(:mod:`~deckgame.ui.scenes.setup_model`), and the two pages
(:mod:`~deckgame.ui.scenes.setup_players`, :mod:`~deckgame.ui.scenes.setup_cards`).
"""

from __future__ import annotations

import pygame

from deckgame.i18n import _, ngettext
from deckgame.kinds import Audience, IntimacyType
from deckgame.lines import line_key
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.bindings import Command
from deckgame.ui.scenes.common import heading, page
from deckgame.ui.scenes.setup_cards import CardsPage
from deckgame.ui.scenes.setup_choices import AUDIENCE_LABELS as AUDIENCE_LABELS
from deckgame.ui.scenes.setup_choices import MAX_LINE as MAX_LINE
from deckgame.ui.scenes.setup_choices import (
    MAX_PLAYERS,
    MAX_UNLOCK_ROUNDS,
    MIN_PLAYERS,
    MIN_UNLOCK_ROUNDS,
    PAGES,
    sentence,
)
from deckgame.ui.scenes.setup_choices import duplicate_message as duplicate_message
from deckgame.ui.scenes.setup_choices import duplicate_seat as duplicate_seat
from deckgame.ui.scenes.setup_players import PlayersPage
from deckgame.ui.scenes.setup_widgets import LineToggle as LineToggle
from deckgame.ui.scenes.setup_widgets import line_chip as line_chip
from deckgame.ui.widgets import Button, Focusable, TextInput

SCENE = "setup"  # its bindings in the keymap

# Design pixels (scaled by ``Metrics.px``).
FOOTER_BUTTON = 230  # Back, and Next/Start less its extra
FORWARD_EXTRA = 40  # Next/Start is this much wider than Back
STEP_DROP = 6  # "Step 1 of 2" sits this far below the heading's top


class SetupScene(PlayersPage, CardsPage):
    # Layout ------------------------------------------------------------------------------
    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.panel = pygame.Rect(m.margin, m.margin, w - 2 * m.margin, h - 2 * m.margin)
        inner = self.panel.inflate(-2 * m.margin, -2 * m.margin)
        self.inner = inner
        bh = m.button_height
        back = Button("back", _("Back"), keymap.hint("back", scene=SCENE))
        forward = keymap.hint("start", scene=SCENE)  # Ctrl+Enter goes on from either page
        nxt = (
            Button("next", _("Next"), forward, style="primary")
            if self.page == 0
            else Button("start", _("Start"), forward, style="primary")
        )
        bw = m.px(FOOTER_BUTTON)
        extra = m.px(FORWARD_EXTRA)
        back.rect = pygame.Rect(inner.x, inner.bottom - bh, bw, bh)
        nxt.rect = pygame.Rect(inner.right - bw - extra, inner.bottom - bh, bw + extra, bh)
        self.footer = [back, nxt]
        top = inner.y + round(m.heading * 1.5)
        if self.page == 0:
            self._layout_players(top, back.rect.top - m.gap)
        else:
            self._layout_cards(top, back.rect.top - m.gap)
        self.focus.set(self.focusables())
        if not self._started_focus and self.page == 0:
            self._started_focus = True
            first_empty = next((i for i in self.inputs if not i.value), self.inputs[0])
            self.focus.focus(first_empty)

    def focusables(self) -> list[Focusable]:
        if self.page == 0:
            widgets: list[Focusable] = []
            for i, field in enumerate(self.inputs):
                widgets.append(field)
                widgets.extend(self.row_buttons[i * 3 : i * 3 + 3])
            widgets += [self.add_button, *self.audience_toggles, *self.footer]
            return widgets
        # The lines field comes right after the line chips, in reading order.
        chips = [b for b in self.buttons if b.action in ("type", "tag")]
        rest = [b for b in self.buttons if b not in chips]
        return [*chips, self.lines_field, *rest]

    # Input -------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is None:
            return
        forward = "next" if self.page == 0 else "start"
        if command.name == "start":  # Ctrl+Enter: on to the next page, or play
            self.on_action(forward)
        elif command.name == "next":  # Enter: through the fields, then on
            if not isinstance(self.focus.current, TextInput):
                self.on_action(forward)
            elif self.focus.current is self.lines_field:
                self.on_action("add_lines")
            else:
                self._focus_next_field()
        elif command.name == "back":
            self.on_command(command)
        elif command.name == "add_player" and self.page == 0:
            self.on_action("add")

    def on_action(self, action: str) -> None:
        self.on_command(Command(action))

    def on_command(self, command: Command) -> None:
        self.error = ""
        self.error_row = None
        match command:
            case Command("back", None):
                if self.page == 0:
                    self.app.pop()
                    return
                self.page = 0
                self.focus.index = -1
            case Command("next", None):
                self.go_next()
                if self.page == 1:
                    self.focus.index = -1  # a new page: the keyboard starts from its top
            case Command("start", None):
                self.start()
                return
            case Command("add", None) if len(self.inputs) < MAX_PLAYERS:
                self._add_seat()
                return
            case Command("up" | "down" | "remove" as verb, int(seat)):
                self._seat_action(verb, seat)
            case _:
                self._choose(command)
        current = self.focus.current
        self.layout()
        # Keep the keyboard where it was: the rebuilt widget with the same command.
        if current is not None:
            same = [w for w in self.focusables() if w.command == current.command]
            if same:
                self.focus.focus(same[0])

    def _choose(self, command: Command) -> None:
        """A choice of the second page (or the audience) changed by ``command``."""
        match command:
            case Command("audience", str(audience)):
                self.audience = Audience(audience)
            case Command("type", str(value)):
                kind = IntimacyType(value)
                if kind in self.types and len(self.types) == 1:
                    self.error = _("Keep at least one intimacy type in play")
                else:
                    self.types ^= {kind}
            case Command("tag", str(tag)):
                self.excluded ^= {line_key(tag)}
            case Command("add_lines", None):
                self.add_typed_lines()
            case Command("rounds_down", None):
                self.unlock_rounds = max(MIN_UNLOCK_ROUNDS, self.unlock_rounds - 1)
            case Command("rounds_up", None):
                self.unlock_rounds = min(MAX_UNLOCK_ROUNDS, self.unlock_rounds + 1)
            case Command("offered", int(count)):
                self.offered = count
            case Command("deck", str(name)):
                self._toggle_deck(name)

    def _toggle_deck(self, name: str) -> None:
        """Deck ``name`` in or out of play; the last one in stays."""
        decks = set(self.all_decks()) if self.decks is None else set(self.decks)
        decks ^= {name}
        if not decks:
            self.error = _("Keep at least one deck in play")
        else:
            self.decks = None if decks == set(self.all_decks()) else decks

    def start(self) -> None:
        from deckgame.engine import SettingsError
        from deckgame.ui import flow

        if self.lines_field.value.strip():
            self.add_typed_lines()  # a line typed but not yet entered still counts
        try:
            settings = self.settings()
        except SettingsError as error:
            self.error = sentence(str(error))
            self.layout()
            return
        if self.matching_cards() == 0:
            self.error = _("No card matches these choices: allow more types, lines or decks")
            self.layout()
            return
        flow.start_game(self.app, settings)

    def update(self, dt: float) -> None:
        if self.error_row is not None and self.names() != self._error_names:
            self.error, self.error_row = "", None  # the name was changed: the mark goes
        # Tell the input method where the field is, so its candidate window opens beside it.
        current = self.focus.current
        if isinstance(current, TextInput) and current.rect.width:
            pygame.key.set_text_input_rect(current.rect)

    # Drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        page(surface, self.look, self.panel)
        title = _("Who is playing?") if self.page == 0 else _("What would you like to talk about?")
        step_text = _("Step {step} of {steps}").format(step=self.page + 1, steps=PAGES)
        step = self.look.text.render(step_text, m.small, t.text_muted)
        corner = (self.inner.right, self.inner.y + m.px(STEP_DROP))
        surface.blit(step, step.get_rect(topright=corner))
        room = self.inner.width - step.get_width() - m.gap  # the heading keeps clear of it
        heading(surface, self.look, title, (self.inner.x, self.inner.y), room)
        if self.page == 0:
            self._draw_players(surface)
        else:
            self._draw_cards(surface)
        for widget in self.focusables():
            # Toggles that did not fit the window are left out (they are disabled too).
            if widget.rect.bottom <= self.footer[0].rect.top or widget in self.footer:
                widget.draw(surface, self.look, widget is self.focus.current)
        if self.page == 0 and self.error_row is not None and self.error_row < len(self.inputs):
            self._draw_row_mark(surface, self.inputs[self.error_row].rect)
        self._draw_note(surface)

    def _draw_note(self, surface: pygame.Surface) -> None:
        """The count of cards (or an error) between Back and Next/Start: on one line when
        it fits, else on two, shrunk as far as the smallest text size, cut only past that."""
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        colour = t.text if self.error else t.text_muted
        face = Face.BOLD if self.error else Face.REGULAR
        size = m.body if self.error else m.small
        back, nxt = self.footer[0].rect, self.footer[1].rect
        # The buttons' height and the gap above them (nothing is laid out in that gap).
        box = pygame.Rect(
            back.right + m.gap, back.top - m.gap, nxt.left - back.right - 2 * m.gap, 0
        )
        box.height = back.bottom - box.top
        note = self.error
        if not note:
            # The count's parts stay whole: two lines break between them, not inside one.
            parts = self._count_parts()
            note = " · ".join(parts)
            if text.size(note, size, face)[0] > box.width:
                note = "\n".join(text.join_lines(parts, size, box.width, balance=True))
        img, got = text.fit(
            note,
            box.size,
            colour,
            size=size,
            min_size=min(size, m.min_text),
            face=face,
            align="center",
            balance=bool(self.error),
        )
        if img.get_height() > box.height:
            img = text.clamp(note, got, colour, box.width, 2, face=face, align="center")
        place = img.get_rect(center=(box.centerx, back.centery))
        if place.height > back.height:
            place.bottom = box.bottom
        surface.blit(img, place)

    def _count_parts(self) -> list[str]:
        """What the footer says when nothing is wrong, in parts joined by " · "."""
        if self.page == 0:
            count = len([n for n in self.names() if n])
            return [
                _("{count} of {least}-{most} players").format(
                    count=count, least=MIN_PLAYERS, most=MAX_PLAYERS
                ),
                _("seats go clockwise in this order"),
            ]
        matching = ngettext(
            "{count} card matches these choices",
            "{count} cards match these choices",
            self.card_count,
        )
        parts = [matching.format(count=self.card_count)]
        skipped = len(self.app.ctx.library.skipped)
        if skipped:
            skipped_words = ngettext(
                "{count} deck skipped (see Decks on the title)",
                "{count} decks skipped (see Decks on the title)",
                skipped,
            )
            parts.append(skipped_words.format(count=skipped))
        return parts
