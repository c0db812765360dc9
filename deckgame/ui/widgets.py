"""Buttons (with their key shown), toggles, a text field for any script, and keyboard focus.

Widgets only know how to draw themselves and whether a point or key hits them; what a press
means is the scene's business (a widget carries a :class:`~deckgame.ui.bindings.Command`, its
``action`` name and ``arg``, which the scene matches as it matches a key's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.bindings import Command
from deckgame.ui.icons import icon
from deckgame.ui.look import Look, rounded_rect
from deckgame.ui.runs import Direction
from deckgame.ui.textinput import CARET as CARET
from deckgame.ui.textinput import FIELD_LINE as FIELD_LINE
from deckgame.ui.textinput import FIELD_PAD as FIELD_PAD
from deckgame.ui.textinput import MAX_NAME as MAX_NAME
from deckgame.ui.textinput import TextInput as TextInput
from deckgame.ui.theme import RGB, mix

# Design pixels (scaled by ``Metrics.px``).
BUTTON_PAD = 16  # a button's label and hint keep this much of its width free (half each side)
ICON_GAP = 6  # between a button's icon and its label; a toggle's tick and what follows
HINT_PAD = (10, 4)  # the key hint's box around its letters (width, height)
HINT_GAP = 8  # between the key hint and the label
HINT_LINE = 1.5  # the hint box's line
HINT_CORNER = 5  # its corner radius
TOGGLE_LINE = 2  # an off toggle's outline
TICK_INSET = 14  # from a toggle's left edge to its tick
TOGGLE_PAD = 28  # a toggle's insides keep this much of its width free (half each side)
TOGGLE_ICON_GAP = 8  # between a toggle's icon and its label
TOGGLE_SPARE = 30  # a toggle's natural width past its label, tick and icon


@dataclass
class Button:
    """A pressable button; ``key`` is the keyboard hint drawn on it (e.g. ``P``); it sends
    the command ``action`` with ``arg`` (the choice it is about, or None)."""

    action: str
    label: str
    key: str = ""
    style: str = "normal"  # normal | primary | danger | quiet
    icon_name: str = ""
    icon_colour: RGB | None = None
    enabled: bool = True
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    # The label's reading direction when it is a sentence of the game's own around a name
    # ("Other: محمد" reads left to right however long the name); None: from its letters.
    direction: Direction | None = None
    arg: int | str | None = None

    @property
    def command(self) -> Command:
        """What pressing the button asks the scene to do."""
        return Command(self.action, self.arg)

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect.collidepoint(pos)

    def colours(self, look: Look) -> tuple[RGB, RGB]:
        t = look.theme
        if self.style == "primary":
            return t.accent, t.on_accent
        if self.style == "danger":
            return t.danger, t.on_danger
        if self.style == "quiet":
            return t.surface_alt, t.text
        return t.button, t.on_button

    def needed_width(self, look: Look, *, compact: bool = False) -> int:
        """The narrowest width that shows the whole label at full size with its key hint
        (``compact``: at the smallest text size, without the hint, as :meth:`parts` gives
        way before it cuts a label)."""
        m = look.metrics
        text = look.text
        icon_w = round(m.button_text * 1.1) if self.icon_name else 0
        spacing = m.px(ICON_GAP) if self.label and icon_w else 0
        width = m.px(BUTTON_PAD) + icon_w + spacing + 2  # two pixels against rounding
        size = m.min_text if compact else m.button_text
        width += text.size(self.label, size, Face.BOLD, self.direction)[0]
        if self.key and not compact:
            kw = text.size(self.key, m.key_hint, Face.BOLD)[0]
            width += kw + m.px(HINT_PAD[0]) + m.px(HINT_GAP)
        return width

    def parts(self, look: Look) -> ButtonParts:
        """Where the key hint, the icon and the label go, and the label as it fits.

        The label is what a player reads, so the rest gives way first: the label shrinks
        to the window's smallest text size, then the key hint goes (the key still works,
        and F1 lists it), then the label is shortened with an ellipsis."""
        m = look.metrics
        inner = self.rect.inflate(-m.px(BUTTON_PAD), 0)
        text = look.text
        icon_w = round(m.button_text * 1.1) if self.icon_name else 0
        spacing = m.px(ICON_GAP) if self.label and icon_w else 0
        hint_box: pygame.Rect | None = None
        if self.key:
            kw, kh = text.size(self.key, m.key_hint, Face.BOLD)
            hint_box = pygame.Rect(0, 0, kw + m.px(HINT_PAD[0]), kh + m.px(HINT_PAD[1]))
            hint_box.midright = inner.midright
        for hint in (hint_box, None) if hint_box is not None else (None,):
            room = inner.width - (hint.width + m.px(HINT_GAP) if hint is not None else 0)
            room -= icon_w + spacing
            label, size = text.fit_line(
                self.label,
                m.button_text,
                max(1, room),
                face=Face.BOLD,
                min_size=m.min_text,
                direction=self.direction,
            )
            if label == self.label or hint is None:
                break
        label_area = pygame.Rect(inner.x, inner.y, room + icon_w + spacing, inner.height)
        tw, th = text.size(label, size, Face.BOLD, self.direction) if label else (0, 0)
        total = tw + icon_w + spacing
        x = label_area.centerx - total // 2
        icon_rect = None
        if icon_w:
            icon_rect = pygame.Rect(0, 0, icon_w, icon_w)
            icon_rect.midleft = (x, label_area.centery)
            x += icon_w + spacing
        text_rect = pygame.Rect(0, 0, tw, th)
        text_rect.midleft = (x, label_area.centery)
        return ButtonParts(hint, icon_rect, label, size, text_rect)

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False) -> None:
        m = look.metrics
        bg, fg = self.colours(look)
        if not self.enabled:
            # Greyed: text fades toward its background (WCAG exempts inactive controls).
            bg = mix(bg, look.theme.background, 0.55)
            fg = mix(fg, bg, 0.55)
        rounded_rect(surface, bg, self.rect, m.radius)
        if focused:
            focus_ring(surface, look, self.rect)
        # Key hint in a small inset box on the right; label and icon centred in what is left.
        parts = self.parts(look)
        if parts.hint is not None:
            hint = look.text.render(self.key, m.key_hint, fg, face=Face.BOLD)
            line, corner = max(1, m.px(HINT_LINE)), m.px(HINT_CORNER)
            pygame.draw.rect(surface, fg, parts.hint, line, border_radius=corner)
            surface.blit(hint, hint.get_rect(center=parts.hint.center))
        if parts.icon is not None:
            icon_surf = icon(self.icon_name, parts.icon.width, self.icon_colour or fg)
            surface.blit(icon_surf, icon_surf.get_rect(center=parts.icon.center))
        if parts.label:
            label = look.text.render(
                parts.label, parts.size, fg, face=Face.BOLD, direction=self.direction
            )
            surface.blit(label, label.get_rect(center=parts.text.center))


@dataclass(frozen=True)
class ButtonParts:
    """A button's insides as laid out: the key hint's box, the icon, the label as shown."""

    hint: pygame.Rect | None
    icon: pygame.Rect | None
    label: str  # the label, shortened with an ellipsis when even the smallest size is too wide
    size: int
    text: pygame.Rect


@dataclass(frozen=True)
class TogglePaint:
    """How a toggle is drawn: filled when on (``fill``, text in ``on_fill``), outlined when
    off (``edge``, ``line`` pixels wide), and the ``mark`` icon it shows when on."""

    fill: RGB
    on_fill: RGB
    edge: RGB
    line: int
    mark: str


@dataclass
class Toggle(Button):
    """A button that is on or off; off is drawn hollow, on filled, plus a tick (not colour only)."""

    on: bool = False
    fill: RGB | None = None

    def paint(self, look: Look) -> TogglePaint:
        """The colours, outline and mark this toggle is drawn with."""
        t = look.theme
        colour = self.fill or t.accent
        on_text = t.on_accent if self.fill is None else (255, 255, 255)
        return TogglePaint(colour, on_text, colour, max(2, look.metrics.px(TOGGLE_LINE)), "check")

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False) -> None:
        m = look.metrics
        paint = self.paint(look)
        if self.on:
            rounded_rect(surface, paint.fill, self.rect, m.radius)
            fg = paint.on_fill
        else:
            rounded_rect(surface, look.theme.surface, self.rect, m.radius)
            pygame.draw.rect(surface, paint.edge, self.rect, paint.line, border_radius=m.radius)
            fg = look.theme.text
        if focused:
            focus_ring(surface, look, self.rect)
        parts = self.parts(look)
        if self.on:
            mark = icon(paint.mark, round(m.button_text * 0.9), fg)
            at = (self.rect.x + m.px(TICK_INSET), self.rect.centery)
            surface.blit(mark, mark.get_rect(midleft=at))
        if parts.icon is not None:
            ic = icon(self.icon_name, parts.icon.width, fg if self.on else paint.edge)
            surface.blit(ic, parts.icon)
        text = look.text.render(
            parts.label, parts.size, fg, face=Face.BOLD, direction=self.direction
        )
        surface.blit(text, text.get_rect(midleft=parts.text.midleft))

    def parts(self, look: Look) -> ButtonParts:
        """The tick (when on), the icon and the label from the left, the label shrunk to the
        smallest text size and then shortened when the toggle is too narrow."""
        m = look.metrics
        inner = self.rect.inflate(-m.px(TOGGLE_PAD), 0)
        x = inner.x
        if self.on:
            x += round(m.button_text * 0.9) + m.px(ICON_GAP)
        icon_rect = None
        if self.icon_name:
            size = round(m.button_text * 1.2)
            icon_rect = pygame.Rect(0, 0, size, size)
            icon_rect.midleft = (x, inner.centery)
            x += size + m.px(TOGGLE_ICON_GAP)
        label, text_size = look.text.fit_line(
            self.label,
            m.button_text,
            max(1, inner.right - x),
            face=Face.BOLD,
            min_size=m.min_text,
            direction=self.direction,
        )
        w, h = look.text.size(label, text_size, Face.BOLD, self.direction)
        text_rect = pygame.Rect(0, 0, w, h)
        text_rect.midleft = (x, inner.centery)
        return ButtonParts(None, icon_rect, label, text_size, text_rect)

    def natural_width(self, look: Look) -> int:
        """The width that shows the whole label, tick and icon (for flowing layouts)."""
        m = look.metrics
        width = look.text.size(self.label, m.button_text, Face.BOLD, self.direction)[0]
        extra = round(m.button_text * 0.9) + m.px(ICON_GAP)
        if self.icon_name:
            extra += round(m.button_text * 1.2) + m.px(TOGGLE_ICON_GAP)
        return width + extra + m.px(TOGGLE_SPARE)


def focus_ring(surface: pygame.Surface, look: Look, rect: pygame.Rect) -> None:
    """A ring outside ``rect`` in the theme's focus colour: where the keyboard is."""
    m = look.metrics
    w = m.focus_width
    ring = rect.inflate(w * 3, w * 3)
    pygame.draw.rect(surface, look.theme.focus, ring, w, border_radius=m.radius + w)


Focusable = Button | TextInput


class FocusOrder:
    """Tab / Shift+Tab through widgets in reading order; the focused one is ringed."""

    def __init__(self) -> None:
        self.widgets: list[Focusable] = []
        self.index = -1

    def set(self, widgets: list[Focusable]) -> None:
        current = self.current
        self.widgets = [w for w in widgets if w.enabled]
        if current is not None and current in self.widgets:
            self.index = self.widgets.index(current)
        elif self.index >= len(self.widgets):
            self.index = len(self.widgets) - 1

    @property
    def current(self) -> Focusable | None:
        if 0 <= self.index < len(self.widgets):
            return self.widgets[self.index]
        return None

    def focus(self, widget: Focusable | None) -> None:
        self.index = self.widgets.index(widget) if widget in self.widgets else -1

    def move(self, step: int) -> None:
        if not self.widgets:
            self.index = -1
            return
        if self.index < 0:
            self.index = 0 if step > 0 else len(self.widgets) - 1
        else:
            self.index = (self.index + step) % len(self.widgets)

    def toward(self, dx: int, dy: int) -> None:
        """Move to the nearest widget on screen within 45 degrees of the direction (dx, dy),
        as a D-pad does; with none that way, to the next (right, down) or previous (left,
        up) in Tab order, so every widget is reached.
        With nothing focused yet, the first widget takes the focus."""
        current = self.current
        if current is None:
            self.move(1)
            return
        here = current.rect.center
        best: tuple[int, int] | None = None
        for index, widget in enumerate(self.widgets):
            ahead, aside = _offset(here, widget.rect.center, dx, dy)
            if widget is current or ahead <= 0 or aside > ahead:
                continue  # only within 45 degrees of the way pressed
            # The nearest, sideways counting thrice: along a row → goes to its neighbour,
            # not to the row below.
            score = (ahead + 3 * aside, index)
            if best is None or score < best:
                best = score
        if best is not None:
            self.index = best[1]
        else:
            self.move(1 if dx + dy > 0 else -1)

    def handle_tab(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        return False


def _offset(here: tuple[int, int], there: tuple[int, int], dx: int, dy: int) -> tuple[int, int]:
    """How far ``there`` lies from ``here`` along the direction (dx, dy), and across it."""
    ax, ay = there[0] - here[0], there[1] - here[1]
    return ax * dx + ay * dy, abs(ax * dy - ay * dx)


def pointer_pos(event: pygame.event.Event, size: tuple[int, int]) -> tuple[int, int] | None:
    """Where a click or a finger landed, in window pixels (touch comes in 0..1)."""
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        if getattr(event, "touch", False):
            return None  # SDL's mouse copy of a finger press: the FINGERDOWN already counted
        return (int(event.pos[0]), int(event.pos[1]))
    if event.type == pygame.FINGERDOWN:
        return (int(event.x * size[0]), int(event.y * size[1]))
    return None
