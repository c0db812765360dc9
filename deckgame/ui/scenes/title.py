"""The title: Play, Continue (the autosave), Starred (when any), Decks, Settings, Quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.i18n import N_, _, ngettext
from deckgame.options import TYPE_IDS
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, column
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

TAGLINE = N_("Conversation cards that go deeper when you are ready")
# Design pixels: the card fan above the name, and the cards in it.
FAN_W, FAN_H = 500, 200
FAN_CARD_W, FAN_CARD_H = 96, 134
FAN_CARD_RADIUS = 12
FAN_INSET = 10  # the inner frame of a card, from its edge (both sides together)
FAN_FRAME = 2
FAN_FRAME_RADIUS = 8
FAN_ICON = 48
FAN_STEP = 82  # between the cards' centres
FAN_DROP = 9  # each card further from the middle sits this much lower
FAN_TURN = 9  # degrees each card further from the middle is turned
NAME_RISE = 10  # the name overlaps the fan's empty lower edge by this much
BUTTON_W = 360
NAME_LINE = 1.25  # the name's line, in units of its size
TAGLINE_LINE = 1.5  # the tagline's, in units of the body text
SCENE = "title"  # its keys in the keymap
# The menu (each button shows its key from the keymap); Starred only when there is one.
BUTTONS: tuple[tuple[str, str, str], ...] = (
    ("play", N_("Play"), "primary"),
    ("continue", N_("Continue"), "normal"),
    ("starred", N_("Starred"), "normal"),
    ("decks", N_("Decks"), "normal"),
    ("settings", N_("Settings"), "normal"),
    ("quit", N_("Quit"), "quiet"),
)
# Scenes the title opens and comes back from with the focus where the player left it; after
# anything else (the table: Esc, or Leave in its menu) the focus lands on Continue.
_SIDE_TRIPS = frozenset({"play", "decks", "settings", "starred"})


class TitleScene(Scene):
    _fan: pygame.Surface | None = None
    header_top = 0
    message = ""  # a problem to tell the players about (a save that could not be used)

    # Shown for a moment while ``deckgame play --players ...`` deals: the picture, no menu.
    splash = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entered = 0  # how many times the title became the top scene
        self.side_trip: str | None = None  # what the title opened last (see _SIDE_TRIPS)
        self.has_starred = False

    def on_enter(self) -> None:
        self.entered += 1
        # Read once per visit, not per layout: the history file can be long.
        self.has_starred = self.app.ctx.store.has_starred()
        self.layout()
        returning = self.entered > 1 and self.side_trip not in _SIDE_TRIPS
        self.side_trip = None
        if returning and self.app.ctx.store.has_autosave():
            # Back from the table: the game just left is the likely next step.
            self.focus.focus(self.button("continue"))

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        can_continue = self.app.ctx.store.has_autosave()
        self.buttons = [
            Button(action, _(label), keymap.hint(action, scene=SCENE), style=style)
            for action, label, style in BUTTONS
            if action != "starred" or self.has_starred
        ]
        self.button("continue").enabled = can_continue
        bw = min(m.px(BUTTON_W), w - 2 * m.margin)
        bh = m.button_height
        total = len(self.buttons) * (bh + m.gap)
        # Header (card fan, name, tagline) and buttons are centred together as one block.
        header = m.px(FAN_H) + round(m.title * NAME_LINE) + round(m.body * TAGLINE_LINE)
        self.header_top = max(m.gap, (h - header - m.margin - total) // 2)
        top = self.header_top + header + m.margin
        column(self.buttons, pygame.Rect(w // 2 - bw // 2, top, bw, total), bh, m.gap)
        self.focus.set(list(self.buttons))
        if self.focus.current is None:
            self.focus.move(1)
        self._fan = self._card_fan()  # drawn now, so draw() only blits it

    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is not None:
            self.on_action(command.name)

    def on_action(self, action: str) -> None:
        from deckgame.ui import flow

        self.side_trip = action
        if action == "play":
            flow.start_setup(self.app)
        elif action == "continue" and self.app.ctx.store.has_autosave():
            if not flow.resume(self.app):
                self.message = self._resume_failed()
                self.layout()  # Continue greys out: the save is no longer there
        elif action == "starred" and self.has_starred:
            from deckgame.ui.scenes.starred import StarredScene

            self.app.push(StarredScene(self.app))
        elif action == "decks":
            # The workshop lists every deck with its source, counts and problems, and
            # previews and reloads them: the one place to see what loaded and why not.
            from deckgame.ui.scenes.workshop import WorkshopScene

            self.app.push(WorkshopScene(self.app))
        elif action == "settings":
            from deckgame.ui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
        elif action == "quit":
            self.app.quit()

    def _resume_failed(self) -> str:
        store = self.app.ctx.store
        kept = store.last_set_aside
        if kept is not None:
            return _(
                "The saved game could not be continued (damaged, or its cards are gone);"
                " it was kept aside as {file}. Play starts a new one."
            ).format(file=kept.name)
        if store.messages:
            return store.messages[-1]
        return _("The saved game could not be continued. Play starts a new one.")

    def _card_fan(self) -> pygame.Surface:
        # Five small cards, one per type, fanned like a hand: drawn once per layout.
        m = self.look.metrics
        t = self.look.theme
        cw, ch = m.px(FAN_CARD_W), m.px(FAN_CARD_H)
        fan = pygame.Surface((m.px(FAN_W), m.px(FAN_H)), pygame.SRCALPHA)
        kinds = TYPE_IDS
        for i, kind in enumerate(kinds):
            style = t.type_style(kind)
            card = pygame.Surface((cw, ch), pygame.SRCALPHA)
            pygame.draw.rect(
                card, style.colour, card.get_rect(), border_radius=m.px(FAN_CARD_RADIUS)
            )
            inner = card.get_rect().inflate(-m.px(FAN_INSET), -m.px(FAN_INSET))
            frame = max(1, m.px(FAN_FRAME))
            radius = m.px(FAN_FRAME_RADIUS)
            pygame.draw.rect(card, style.on_colour, inner, frame, border_radius=radius)
            ic = icon(kind, m.px(FAN_ICON), style.on_colour)
            card.blit(ic, ic.get_rect(center=card.get_rect().center))
            angle = (2 - i) * FAN_TURN
            turned = pygame.transform.rotozoom(card, angle, 1.0)
            cx = fan.get_width() // 2 + (i - 2) * m.px(FAN_STEP)
            cy = fan.get_height() // 2 + abs(i - 2) * m.px(FAN_DROP)
            fan.blit(turned, turned.get_rect(center=(cx, cy)))
        return fan

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        w, _h = surface.get_size()
        backdrop(surface, self.look)
        fan = self._fan if self._fan is not None else self._card_fan()
        title = self.look.text.render("deckgame", m.title, t.text, face=Face.BOLD)
        tag = self.look.text.render(
            _(TAGLINE), m.body, t.text_muted, wrap=w - 2 * m.margin, align="center"
        )
        y = self.header_top
        surface.blit(fan, fan.get_rect(midtop=(w // 2, y)))
        y += fan.get_height() - m.px(NAME_RISE)
        surface.blit(title, title.get_rect(midtop=(w // 2, y)))
        y += title.get_height()
        surface.blit(tag, tag.get_rect(midtop=(w // 2, y)))
        if not self.splash:
            self.draw_buttons(surface)
            self._draw_deck_note(surface)

    def _draw_deck_note(self, surface: pygame.Surface) -> None:
        ctx = self.app.ctx
        if not ctx.library_loaded:
            return
        t = self.look.theme
        m = self.look.metrics
        lib = ctx.library
        cards = ngettext("{n} card", "{n} cards", len(lib.cards)).format(n=len(lib.cards))
        decks = len(lib.decks) - len(lib.skipped)
        note = ngettext("{cards} in {n} deck", "{cards} in {n} decks", decks).format(
            cards=cards, n=decks
        )
        if lib.skipped:
            note = ngettext(
                "{note} · {n} skipped with problems (D: Decks for details)",
                "{note} · {n} skipped with problems (D: Decks for details)",
                len(lib.skipped),
            ).format(note=note, n=len(lib.skipped))
        colour = t.text_muted
        # Storage messages (a broken save moved aside) outrank the deck count.
        notice = self.message or (ctx.store.messages[-1] if ctx.store.messages else "")
        if notice:
            note, colour = notice, t.text
        width = surface.get_width() - 2 * m.margin
        if notice:
            # Wrapped, not cut: the name of a file kept aside is what the player looks for.
            img = self.look.text.render(note, m.small, colour, wrap=width, align="center")
        else:
            img = self.look.text.line(note, m.small, colour, width)
        surface.blit(
            img, img.get_rect(midbottom=(surface.get_width() // 2, surface.get_height() - m.gap))
        )

    def update(self, dt: float) -> None:
        # The deck library loads after the first frame is on screen (start fast).
        if self.app.frames > 0 and not self.app.ctx.library_loaded:
            _ = self.app.ctx.library

    def wake_in(self) -> float | None:
        return None if self.app.ctx.library_loaded else 0.0
