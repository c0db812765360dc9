"""Setup, in two pages: who is playing (names in any script, seat order, audience), then what
to play (types, lines, unlock pace, cards offered, decks) with the count of cards that remain.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Settings, SettingsError
from deckgame.engine.dealer import playable
from deckgame.lines import line_key, normalise_lines, unknown_lines, unknown_lines_note
from deckgame.model import MAX_PLAYERS, MIN_PLAYERS, Audience, IntimacyType
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.look import Look, rounded_rect, shadow
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, heading
from deckgame.ui.widgets import Button, Focusable, TextInput, Toggle, focus_ring

if TYPE_CHECKING:
    from deckgame.ui.app import App

AUDIENCE_LABELS: dict[Audience, str] = {
    Audience.COUPLES: "Couples",
    Audience.FRIENDS: "Friends",
    Audience.FAMILY: "Family",
}


MAX_LINE = 40  # a deck tag's longest form


@dataclass
class LineToggle(Toggle):
    """A line chip: on, it reads "never: grief" on the X-card colour with a cross; off,
    just the tag, hollow. Never the tick of the "in play" chips, which would read as
    *include* grief."""

    tag: str = ""

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False) -> None:
        m = look.metrics
        t = look.theme
        if self.on:
            rounded_rect(surface, t.danger, self.rect, m.radius)
            fg = t.on_danger
        else:
            rounded_rect(surface, t.surface, self.rect, m.radius)
            pygame.draw.rect(
                surface, t.text_muted, self.rect, max(1, m.px(1.5)), border_radius=m.radius
            )
            fg = t.text
        if focused:
            focus_ring(surface, look, self.rect)
        # Laid out as a toggle is (the cross where its tick goes): a label too long for the
        # row shrinks to the smallest text size before it is shortened.
        parts = self.parts(look)
        if self.on:
            mark = icon("cross", round(m.button_text * 0.9), fg)
            surface.blit(mark, mark.get_rect(midleft=(self.rect.x + m.px(14), self.rect.centery)))
        text = look.text.render(parts.label, parts.size, fg, face=Face.BOLD)
        surface.blit(text, text.get_rect(midleft=parts.text.midleft))

    def natural_width(self, look: Look) -> int:
        m = look.metrics
        text = look.text.render(self.label, m.button_text, look.theme.text, face=Face.BOLD)
        mark = round(m.button_text * 0.9) + m.px(6) if self.on else 0
        return text.get_width() + mark + m.px(30)


def line_chip(tag: str, on: bool) -> LineToggle:
    """The chip for one line: its words change with its state, not only its colour."""
    words = tag.replace("-", " ")
    return LineToggle(f"tag_{tag}", f"never: {words}" if on else words, on=on, tag=tag)


def _name_key(name: str) -> str:
    """A name as the engine compares names: NFC, trimmed, without regard to case."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def duplicate_seat(names: list[str]) -> tuple[int, int] | None:
    """The first two seats (indexes into ``names``) whose names are the same ignoring case;
    empty seats are left out.

    >>> duplicate_seat(["Ana", "", "Ben", "ANA"])
    (0, 3)
    """
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = _name_key(name)
        if not key:
            continue
        if key in seen:
            return seen[key], index
        seen[key] = index
    return None


def duplicate_message(first: str, second: str) -> str:
    """What setup says about two seats with one name, each name as it was typed."""
    first, second = first.strip(), second.strip()
    if first == second:
        return f"Two players are called '{second}': give one of them another name"
    return f"'{first}' and '{second}' count as the same name: change one of them"


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and every other letter as it was (names!)."""
    return text[:1].upper() + text[1:]


class SetupScene(Scene):
    def __init__(
        self, app: App, players: list[str] | None = None, previous: Settings | None = None
    ) -> None:
        super().__init__(app)
        launch = app.ctx.launch
        names = players or launch.players or ["", ""]
        self.inputs = [
            TextInput(f"name_{i}", n, placeholder=f"Player {i + 1}") for i, n in enumerate(names)
        ]
        self.page = 0
        self.audience = Audience(launch.audience) if launch.audience else Audience.FRIENDS
        self.types = (
            set(IntimacyType(t) for t in launch.types) if launch.types else set(IntimacyType)
        )
        self.excluded = set(normalise_lines(launch.excluded or []))
        self.lines_field = TextInput(
            "lines_field", "", placeholder="Another line: type it, then Enter", max_len=MAX_LINE
        )
        self.unlock_rounds = launch.unlock_rounds or 2
        self.offered = launch.offered or 1
        self.decks: set[str] | None = None  # None = every deck
        if previous is not None:  # play again: the same choices as last time
            self.audience = previous.audience
            self.types = set(previous.types)
            self.excluded = set(normalise_lines(previous.excluded))
            self.unlock_rounds = previous.unlock_rounds
            self.offered = previous.offered
            self.decks = None if previous.decks is None else set(previous.decks)
        self.error = ""
        self.error_row: int | None = None  # the name field the error is about
        self._error_names: list[str] = []
        self._started_focus = False
        self.notice = ""  # about lines no card carries, shown beside the lines field
        self.notice_rect = pygame.Rect(0, 0, 0, 0)

    # Model -------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [i.value.strip() for i in self.inputs]

    def settings(self) -> Settings:
        """The engine settings chosen so far (raises ``SettingsError`` while invalid)."""
        return Settings(
            players=tuple(n for n in self.names() if n),
            audience=self.audience,
            types=frozenset(self.types),
            excluded=frozenset(self.excluded),
            unlock_rounds=self.unlock_rounds,
            offered=self.offered,
            decks=None if self.decks is None else frozenset(self.decks),
        )

    def matching_cards(self) -> int:
        """How many cards the current filters leave (all levels)."""
        lib = self.app.ctx.library
        try:
            settings = Settings(
                players=tuple(f"p{i}" for i in range(max(2, len([n for n in self.names() if n])))),
                audience=self.audience,
                types=frozenset(self.types) or frozenset(IntimacyType),
                excluded=frozenset(self.excluded),
            )
        except SettingsError:
            return 0
        if not self.types:
            return 0
        return sum(
            1
            for c in lib.cards
            if playable(c, settings) and (self.decks is None or c.deck in self.decks)
        )

    def all_tags(self) -> list[str]:
        return sorted({tag for card in self.app.ctx.library.cards for tag in card.tags})

    def line_tags(self) -> list[str]:
        """The chips of the lines: every tag of the decks, then lines typed that none has."""
        known = self.all_tags()
        return known + sorted(self.excluded - set(known))

    def lines_notice(self) -> str:
        """Which lines no loaded card carries (with a "did you mean"), or ``""``."""
        tags = self.app.ctx.library.tags
        note = unknown_lines_note(self.excluded, tags)
        if note is None:
            return ""
        they = "it leaves" if len(unknown_lines(self.excluded, tags)) == 1 else "they leave"
        return f"{_sentence(note)}, so {they} nothing out"

    def add_typed_lines(self) -> None:
        """Turn what is typed in the lines field (commas between lines) into lines."""
        typed = self.lines_field.value
        self.lines_field.set("")
        self.excluded |= normalise_lines(typed.split(","))

    def all_decks(self) -> list[str]:
        return sorted({card.deck for card in self.app.ctx.library.cards})

    # Layout ------------------------------------------------------------------------------
    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        self.panel = pygame.Rect(m.margin, m.margin, w - 2 * m.margin, h - 2 * m.margin)
        inner = self.panel.inflate(-2 * m.margin, -2 * m.margin)
        self.inner = inner
        bh = m.button_height
        back = Button("back", "Back", "Esc")
        nxt = (
            Button("next", "Next", "Ctrl+Enter", style="primary")
            if self.page == 0
            else Button("start", "Start", "Ctrl+Enter", style="primary")
        )
        bw = m.px(230)
        back.rect = pygame.Rect(inner.x, inner.bottom - bh, bw, bh)
        nxt.rect = pygame.Rect(inner.right - bw - m.px(40), inner.bottom - bh, bw + m.px(40), bh)
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

    def _layout_players(self, top: int, bottom: int) -> None:
        m = self.look.metrics
        inner = self.inner
        bh = m.button_height
        left_w = inner.width * 62 // 100
        row_h = min(
            bh, (bottom - top - round(m.body * 1.6) - bh) // max(1, len(self.inputs)) - m.gap // 2
        )
        row_h = max(row_h, m.px(30))
        y = top + round(m.body * 1.6)
        self.row_buttons: list[Button] = []
        small = max(m.px(40), row_h)
        for i, field in enumerate(self.inputs):
            field.rect = pygame.Rect(inner.x, y, left_w - 3 * (small + m.gap // 2), row_h)
            x = field.rect.right + m.gap // 2
            for action, glyph in (
                (f"up_{i}", "up"),
                (f"down_{i}", "down"),
                (f"remove_{i}", "cross"),
            ):
                b = Button(action, "", "", style="quiet", icon_name=glyph)
                b.rect = pygame.Rect(x, y, small, row_h)
                b.enabled = not (
                    (action.startswith("up") and i == 0)
                    or (action.startswith("down") and i == len(self.inputs) - 1)
                    or (action.startswith("remove") and len(self.inputs) <= MIN_PLAYERS)
                )
                self.row_buttons.append(b)
                x += small + m.gap // 2
            y += row_h + m.gap // 2
        add = Button("add", "Add player", "Ctrl+N", enabled=len(self.inputs) < MAX_PLAYERS)
        add.rect = pygame.Rect(inner.x, y + m.gap // 2, m.px(260), bh)
        self.add_button = add
        # Audience on the right.
        ax = inner.x + left_w + m.margin
        aw = inner.right - ax
        self.audience_top = top
        self.audience_toggles: list[Button] = []
        ay = top + round(m.body * 1.6)
        for aud, label in AUDIENCE_LABELS.items():
            tog = Toggle(f"audience_{aud.value}", label, on=self.audience is aud)
            tog.rect = pygame.Rect(ax, ay, aw, bh)
            self.audience_toggles.append(tog)
            ay += bh + m.gap
        self.buttons = [*self.row_buttons, add, *self.audience_toggles, *self.footer]

    def _flow(self, toggles: list[Button], x: int, y: int, width: int, bottom: int) -> int:
        """Lay toggles out left to right, wrapping; those that do not fit are hidden."""
        m = self.look.metrics
        bh = round(m.button_height * 0.85)
        cx = x
        for tog in toggles:
            natural = tog.natural_width(self.look) if isinstance(tog, Toggle) else m.px(120)
            tw = min(natural, width)
            if cx + tw > x + width:
                cx = x
                y += bh + m.gap // 2
            tog.rect = pygame.Rect(cx, y, tw, bh)
            tog.enabled = y + bh <= bottom
            cx += tw + m.gap // 2
        return y + bh

    def _layout_cards(self, top: int, bottom: int) -> None:
        m = self.look.metrics
        inner = self.inner
        label_h = round(m.small * 1.5)
        t = self.look.theme
        self.sections: list[tuple[str, int, int, int]] = []  # (label, x, y, width)
        y = top
        self.sections.append(("Intimacy types in play", inner.x, y, inner.width))
        y += label_h
        type_toggles: list[Button] = [
            Toggle(
                f"type_{k.value}",
                t.type_style(k).label,
                icon_name=k.value,
                on=k in self.types,
                fill=t.type_style(k).colour,
            )
            for k in IntimacyType
        ]
        y = self._flow(type_toggles, inner.x, y, inner.width, bottom) + m.gap
        self.sections.append(("Lines: leave out cards about", inner.x, y, inner.width))
        y += label_h
        tag_toggles: list[Button] = [
            line_chip(tag, tag in self.excluded) for tag in self.line_tags()
        ]
        if tag_toggles:
            y = self._flow(tag_toggles, inner.x, y, inner.width, bottom) + m.gap // 2
        field_h = round(m.button_height * 0.85)
        field = self.lines_field
        field.rect = pygame.Rect(inner.x, y, min(m.px(420), inner.width * 45 // 100), field_h)
        field.enabled = field.rect.bottom <= bottom
        self.notice = self.lines_notice()
        self.notice_rect = self._place_notice(field.rect)
        y = max(field.rect.bottom, self.notice_rect.bottom) + m.gap
        half = (inner.width - m.margin) // 2
        label = "Trust-building rounds to unlock a level"
        self.sections.append((label, inner.x, y, half))
        self.sections.append(("Cards offered per turn", inner.x + half + m.margin, y, half))
        y += label_h
        bh = round(m.button_height * 0.85)
        minus = Button("rounds_down", "−", "", enabled=self.unlock_rounds > 1)
        plus = Button("rounds_up", "+", "", enabled=self.unlock_rounds < 10)
        minus.rect = pygame.Rect(inner.x, y, bh * 2, bh)
        self.rounds_rect = pygame.Rect(minus.rect.right, y, bh * 2, bh)
        plus.rect = pygame.Rect(self.rounds_rect.right, y, bh * 2, bh)
        one = Toggle("offered_1", "1 card", on=self.offered == 1)
        two = Toggle("offered_2", "2 cards, pick one", on=self.offered == 2)
        ox = inner.x + half + m.margin
        one.rect = pygame.Rect(ox, y, (half - m.gap) // 3, bh)
        two.rect = pygame.Rect(one.rect.right + m.gap, y, half - one.rect.width - m.gap, bh)
        y += bh + m.gap
        self.sections.append(("Decks in play", inner.x, y, inner.width))
        y += label_h
        in_play = set(self.all_decks()) if self.decks is None else self.decks
        deck_toggles: list[Button] = [
            Toggle(f"deck_{name}", name, on=name in in_play) for name in self.all_decks()
        ]
        self._flow(deck_toggles, inner.x, y, inner.width, bottom)
        self.buttons = [
            *type_toggles,
            *tag_toggles,
            minus,
            plus,
            one,
            two,
            *deck_toggles,
            *self.footer,
        ]

    def _place_notice(self, field: pygame.Rect) -> pygame.Rect:
        """Beside the lines field when it fits in two lines there, else under the field."""
        m = self.look.metrics
        if not self.notice:
            return pygame.Rect(field.right + m.gap, field.y, 0, field.height)
        beside = pygame.Rect(
            field.right + m.gap, field.y, self.inner.right - field.right - m.gap, field.height
        )
        text = self.look.text
        height = text.render(self.notice, m.small, (0, 0, 0), face=Face.BOLD, wrap=beside.width)
        if height.get_height() <= round(m.small * 2.8):
            return beside
        below = pygame.Rect(self.inner.x, field.bottom + m.gap // 3, self.inner.width, 0)
        wrapped = text.render(self.notice, m.small, (0, 0, 0), face=Face.BOLD, wrap=below.width)
        below.height = wrapped.get_height()
        return below

    def focusables(self) -> list[Focusable]:
        if self.page == 0:
            widgets: list[Focusable] = []
            for i, field in enumerate(self.inputs):
                widgets.append(field)
                widgets.extend(self.row_buttons[i * 3 : i * 3 + 3])
            widgets += [self.add_button, *self.audience_toggles, *self.footer]
            return widgets
        # The lines field comes right after the line chips, in reading order.
        chips = [b for b in self.buttons if b.action.startswith(("type_", "tag_"))]
        rest = [b for b in self.buttons if b not in chips]
        return [*chips, self.lines_field, *rest]

    # Input -------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> None:
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if ctrl or not isinstance(self.focus.current, TextInput):
                self.on_action("next" if self.page == 0 else "start")
            elif self.focus.current is self.lines_field:
                self.on_action("add_lines")
            else:
                self._focus_next_field()
            return
        if event.key == pygame.K_ESCAPE:
            self.on_action("back")
        elif event.key == pygame.K_n and ctrl and self.page == 0:
            self.on_action("add")

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

    def on_action(self, action: str) -> None:
        self.error = ""
        self.error_row = None
        if action == "back":
            if self.page == 1:
                self.page = 0
                self.focus.index = -1
            else:
                self.app.pop()
                return
        elif action == "next":
            self.go_next()
            if self.page == 1:
                self.focus.index = -1  # a new page: the keyboard starts from its top
        elif action == "start":
            self.start()
            return
        elif action == "add" and len(self.inputs) < MAX_PLAYERS:
            field = TextInput(
                f"name_{len(self.inputs)}", "", placeholder=f"Player {len(self.inputs) + 1}"
            )
            self.inputs.append(field)
            self.layout()
            self.focus.focus(field)
            return
        elif action.startswith(("up_", "down_", "remove_")):
            self._seat_action(action)
        elif action.startswith("audience_"):
            self.audience = Audience(action.removeprefix("audience_"))
        elif action.startswith("type_"):
            kind = IntimacyType(action.removeprefix("type_"))
            if kind in self.types and len(self.types) == 1:
                self.error = "Keep at least one intimacy type in play"
            else:
                self.types ^= {kind}
        elif action.startswith("tag_"):
            self.excluded ^= {line_key(action.removeprefix("tag_"))}
        elif action == "add_lines":
            self.add_typed_lines()
        elif action == "rounds_down":
            self.unlock_rounds = max(1, self.unlock_rounds - 1)
        elif action == "rounds_up":
            self.unlock_rounds = min(10, self.unlock_rounds + 1)
        elif action.startswith("offered_"):
            self.offered = int(action.removeprefix("offered_"))
        elif action.startswith("deck_"):
            name = action.removeprefix("deck_")
            decks = set(self.all_decks()) if self.decks is None else set(self.decks)
            decks ^= {name}
            if not decks:
                self.error = "Keep at least one deck in play"
            else:
                self.decks = None if decks == set(self.all_decks()) else decks
        current = self.focus.current
        self.layout()
        # Keep the keyboard where it was: the rebuilt widget with the same action.
        if current is not None:
            same = [w for w in self.focusables() if w.action == current.action]
            if same:
                self.focus.focus(same[0])

    def _seat_action(self, action: str) -> None:
        verb, index = action.split("_")
        i = int(index)
        if verb == "up" and i > 0:
            self.inputs[i - 1], self.inputs[i] = self.inputs[i], self.inputs[i - 1]
        elif verb == "down" and i < len(self.inputs) - 1:
            self.inputs[i + 1], self.inputs[i] = self.inputs[i], self.inputs[i + 1]
        elif verb == "remove" and len(self.inputs) > MIN_PLAYERS:
            del self.inputs[i]
        for n, field in enumerate(self.inputs):
            field.action = f"name_{n}"
            field.placeholder = f"Player {n + 1}"

    def go_next(self) -> None:
        names = [n for n in self.names() if n]
        if len(names) < MIN_PLAYERS:
            self.error = "Type at least two names"
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
            self.error = _sentence(str(error))
            return
        self.page = 1

    def _mark_row(self, index: int) -> None:
        """Point at the name field an error is about: ringed, and the keyboard in it."""
        self.error_row = index
        self._error_names = self.names()
        self.layout()
        self.focus.focus(self.inputs[index])

    def start(self) -> None:
        from deckgame.ui import flow

        if self.lines_field.value.strip():
            self.add_typed_lines()  # a line typed but not yet entered still counts
        try:
            settings = self.settings()
        except SettingsError as error:
            self.error = _sentence(str(error))
            self.layout()
            return
        if self.matching_cards() == 0:
            self.error = "No card matches these choices: allow more types, lines or decks"
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
        backdrop(surface, self.look)
        shadow(surface, self.look, self.panel, m.radius)
        rounded_rect(surface, t.surface, self.panel, m.radius)
        title = "Who is playing?" if self.page == 0 else "What would you like to talk about?"
        step = self.look.text.render(f"Step {self.page + 1} of 2", m.small, t.text_muted)
        surface.blit(step, step.get_rect(topright=(self.inner.right, self.inner.y + m.px(6))))
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
            return [f"{count} of 2-8 players", "seats go clockwise in this order"]
        parts = [f"{self.matching_cards()} cards match these choices"]
        skipped = len(self.app.ctx.library.skipped)
        if skipped:
            parts.append(
                f"{skipped} deck{'s' if skipped > 1 else ''} skipped (see Decks on the title)"
            )
        return parts

    def _draw_players(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        label = self.look.text.render(
            "Names, in seat order (any language)", m.small, t.text_muted, face=Face.BOLD
        )
        surface.blit(label, (self.inner.x, self.audience_top))
        x = self.audience_toggles[0].rect.x
        label = self.look.text.render("Who is it for?", m.small, t.text_muted, face=Face.BOLD)
        surface.blit(label, (x, self.audience_top))
        hints = {
            Audience.COUPLES: "every card, romance included",
            Audience.FRIENDS: "no couples-only cards",
            Audience.FAMILY: "only family-friendly cards",
        }
        last = self.audience_toggles[-1].rect
        img = self.look.text.render(hints[self.audience], m.small, t.text_muted, wrap=last.width)
        surface.blit(img, (x, last.bottom + m.gap))

    def _draw_row_mark(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The field an error is about: a heavy ring in the X-card colour and a cross."""
        m = self.look.metrics
        t = self.look.theme
        w = max(3, m.px(3))
        ring = rect.inflate(w * 2, w * 2)
        pygame.draw.rect(surface, t.danger, ring, w, border_radius=m.radius + w)
        size = round(rect.height * 0.5)
        badge = pygame.Rect(0, 0, size + m.px(8), size + m.px(8))
        badge.midright = (rect.right - m.px(8), rect.centery)
        pygame.draw.ellipse(surface, t.danger, badge)
        mark = icon("cross", size, t.on_danger)
        surface.blit(mark, mark.get_rect(center=badge.center))

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
