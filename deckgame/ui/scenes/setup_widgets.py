"""The line chips of setup's second page: a line left out reads so in words, not colour."""

from __future__ import annotations

from dataclasses import dataclass

from deckgame.i18n import _
from deckgame.line_names import line_words
from deckgame.ui.assets import Face
from deckgame.ui.look import Look
from deckgame.ui.widgets import ICON_GAP, TOGGLE_SPARE, Toggle, TogglePaint

LINE = 1.5  # an off chip's outline, in design pixels: lighter than a toggle's


@dataclass
class LineToggle(Toggle):
    """A line chip: on, it reads "never: grief" on the X-card colour with a cross; off,
    just the tag, hollow. Never the tick of the "in play" chips, which would read as
    *include* grief."""

    tag: str = ""

    def paint(self, look: Look) -> TogglePaint:
        # Laid out and drawn as a toggle is, the cross where its tick goes: a label too long
        # for the row shrinks to the smallest text size before it is shortened.
        t = look.theme
        return TogglePaint(
            t.danger, t.on_danger, t.text_muted, max(1, look.metrics.px(LINE)), "cross"
        )

    def natural_width(self, look: Look) -> int:
        m = look.metrics
        text = look.text.render(self.label, m.button_text, look.theme.text, face=Face.BOLD)
        mark = round(m.button_text * 0.9) + m.px(ICON_GAP) if self.on else 0
        return text.get_width() + mark + m.px(TOGGLE_SPARE)


def line_chip(tag: str, on: bool) -> LineToggle:
    """The chip for one line: its words change with its state, not only its colour."""
    words = line_words(tag)
    label = _("never: {line}").format(line=words) if on else words
    return LineToggle("tag", label, on=on, tag=tag, arg=tag)
