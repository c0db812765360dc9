"""A one-line text field for names in any script: typed text arrives as TEXTINPUT events,
composed by the input method, so every script a system can type works here."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from deckgame.options import MAX_NAME as MAX_NAME
from deckgame.ui.bindings import Command
from deckgame.ui.look import Look, rounded_rect
from deckgame.ui.runs import paragraph_direction

# Design pixels (scaled by ``Metrics.px``).
FIELD_LINE = 2  # a text field's border
FIELD_PAD = 20  # a text field's text keeps this much of its width free (half each side)
CARET = 2  # the caret's width in pixels, at every size


@dataclass
class TextInput:
    """A one-line field taking any script: text arrives as TEXTINPUT (IME-composed) events."""

    action: str
    value: str = ""
    placeholder: str = ""
    max_len: int = MAX_NAME
    cursor: int = -1
    composing: str = ""  # IME text not yet committed, shown underlined
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    enabled: bool = True
    arg: int | str | None = None  # which field of a kind (a seat's name by its number)

    @property
    def command(self) -> Command:
        """The field's name and number, as a button's (focus finds a rebuilt field by it)."""
        return Command(self.action, self.arg)

    def __post_init__(self) -> None:
        if self.cursor < 0:
            self.cursor = len(self.value)

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.rect.collidepoint(pos)

    def handle(self, event: pygame.event.Event) -> bool:
        """Apply an editing event; True when it was used."""
        if event.type == pygame.TEXTINPUT:
            room = self.max_len - len(self.value)
            text = "".join(ch for ch in event.text if _typeable(ch))[: max(0, room)]
            self.value = self.value[: self.cursor] + text + self.value[self.cursor :]
            self.cursor += len(text)
            self.composing = ""
            return True
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_BACKSPACE and self.cursor > 0:
            self.value = self.value[: self.cursor - 1] + self.value[self.cursor :]
            self.cursor -= 1
        elif event.key == pygame.K_DELETE and self.cursor < len(self.value):
            self.value = self.value[: self.cursor] + self.value[self.cursor + 1 :]
        elif event.key == pygame.K_LEFT:
            self.cursor = max(0, self.cursor - 1)
        elif event.key == pygame.K_RIGHT:
            self.cursor = min(len(self.value), self.cursor + 1)
        elif event.key == pygame.K_HOME:
            self.cursor = 0
        elif event.key == pygame.K_END:
            self.cursor = len(self.value)
        else:
            return event.key in (pygame.K_BACKSPACE, pygame.K_DELETE)
        return True

    def set(self, value: str) -> None:
        self.value = value[: self.max_len]
        self.cursor = len(self.value)

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False) -> None:
        m = look.metrics
        t = look.theme
        rounded_rect(surface, t.surface, self.rect, m.radius)
        border = t.focus if focused else t.text_muted
        line = max(1, m.px(FIELD_LINE))
        pygame.draw.rect(surface, border, self.rect, line, border_radius=m.radius)
        inner = self.rect.inflate(-m.px(FIELD_PAD), 0)
        shown = self.value[: self.cursor] + self.composing + self.value[self.cursor :]
        if shown:
            text = look.text.line(shown, m.body, t.text, inner.width)
        else:
            text = look.text.line(self.placeholder, m.body, t.text_muted, inner.width)
        surface.blit(text, text.get_rect(midleft=inner.midleft))
        if focused:
            before = self.value[: self.cursor] + self.composing
            width = look.text.render(before, m.body, t.text).get_width() if before else 0
            if paragraph_direction(shown) == "rtl":  # a right-to-left name ends on the left
                x = inner.x + text.get_width() - width
            else:
                x = inner.x + width
            x = max(inner.x, min(x, inner.right))
            h = text.get_height()
            pygame.draw.line(
                surface, t.text, (x, inner.centery - h // 2), (x, inner.centery + h // 2), CARET
            )


# Joiners that names in Persian, Hindi and other scripts need although they print nothing.
_JOINERS = frozenset({"\u200c", "\u200d"})


def _typeable(ch: str) -> bool:
    """What a name may hold: printable characters and the zero-width (non-)joiners."""
    return ch.isprintable() or ch in _JOINERS
