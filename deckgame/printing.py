"""Print and play: poker-size cards with bleed and crop marks on A4 or Letter, as a PDF.

The layout is pure arithmetic in millimetres (top-left origin, like the PDF library uses) and
is tested on its own: :func:`plan_sheet` picks the grid, :meth:`Sheet.cell` and
:meth:`Sheet.back_cell` place fronts and duplex backs, :func:`crop_marks` draws the cut
guides; :func:`paper_text` says what a printed card says. The PDF itself is written by
``deckgame.print_pdf`` (vector: real text, faces drawn by ``deckgame.ui.print_vector``); this
module never imports pygame, nor fpdf2.

>>> sheet = plan_sheet(PAPERS["a4"])
>>> sheet.orientation, sheet.cols, sheet.rows
('landscape', 4, 2)
>>> px(CELL_W), px(CELL_H)   # the card area with bleed at 300 dpi
(815, 1110)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from deckgame.i18n import N_, _
from deckgame.kinds import Card, IntimacyType, Who
from deckgame.levels import level_label

MM_PER_INCH = 25.4
DPI = 300
CARD_W = 63.0  # poker size, trimmed
CARD_H = 88.0
BLEED = 3.0  # printed beyond the cut on every side, so a slightly-off cut shows no white
CELL_W = CARD_W + 2 * BLEED
CELL_H = CARD_H + 2 * BLEED
MARK_GAP = 1.0  # crop marks stop short of the bleed so they never print on a card
MARK_LEN = 5.0
MIN_MARGIN = MARK_GAP + MARK_LEN  # room around the grid for the crop marks
MARK_WIDTH = 0.2  # mm, a hairline that still survives a cheap printer

Orientation = Literal["portrait", "landscape"]
OrientationChoice = Literal["portrait", "landscape", "auto"]

# On paper ``{player}`` and ``{other}`` are a line to write a name on, or names the designer
# chose (``--names``). Deck text uses ``{player}`` like a name ("{player} says", "{player}'s
# ideas", "{other}, tell {player}"), so a name or a blank keeps the grammar where "you"
# ("you says") or "the reader" ("...today, the reader?") did not. The starred list on
# screen shows them the same way.
BLANK = "______"
MAX_NAME = 40  # a printed name longer than this would crowd the card
WHO_ON_PAPER: dict[Who, str] = {
    Who.PLAYER: N_("You answer"),
    Who.OTHER: N_("The other answers"),
    Who.EVERYONE: N_("Everyone answers"),
}


class LayoutError(ValueError):
    """The paper cannot hold a single card with its bleed and crop marks."""


@dataclass(frozen=True)
class Paper:
    """A paper size in millimetres, portrait."""

    name: str
    width: float
    height: float


PAPERS: dict[str, Paper] = {
    "a4": Paper("A4", 210.0, 297.0),
    "letter": Paper("Letter", 215.9, 279.4),
}


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres from the page's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, by: float) -> Box:
        return Box(self.x + by, self.y + by, self.w - 2 * by, self.h - 2 * by)


@dataclass(frozen=True)
class Line:
    """A straight line in millimetres."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Sheet:
    """One printed page: its size as oriented, and a centred grid of card cells."""

    paper: Paper
    orientation: Orientation
    width: float
    height: float
    cols: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def left(self) -> float:
        return (self.width - self.cols * CELL_W) / 2

    @property
    def top(self) -> float:
        return (self.height - self.rows * CELL_H) / 2

    def cell(self, index: int) -> Box:
        """The ``index``-th card's area with bleed, filling rows left to right."""
        if not 0 <= index < self.per_page:
            raise IndexError(f"slot {index} is not on a {self.cols}x{self.rows} sheet")
        row, col = divmod(index, self.cols)
        return Box(self.left + col * CELL_W, self.top + row * CELL_H, CELL_W, CELL_H)

    def trim(self, index: int) -> Box:
        """Where the ``index``-th card is cut."""
        return self.cell(index).inset(BLEED)

    def back_cell(self, index: int) -> Box:
        """Where the back of the ``index``-th card goes on the following page.

        Duplex printers flip the sheet over its long edge. On a portrait page that edge is
        vertical, so the back lands mirrored left-right (columns reversed); on a landscape
        page it is horizontal, so it lands mirrored top-bottom (rows reversed). Mirroring the
        box itself, not the grid index, keeps backs aligned even on an off-centre grid.
        """
        box = self.cell(index)
        if self.orientation == "portrait":
            return Box(self.width - box.right, box.y, box.w, box.h)
        return Box(box.x, self.height - box.bottom, box.w, box.h)


def _grid(width: float, height: float) -> tuple[int, int]:
    cols = math.floor((width - 2 * MIN_MARGIN) / CELL_W + 1e-9)
    rows = math.floor((height - 2 * MIN_MARGIN) / CELL_H + 1e-9)
    return max(0, cols), max(0, rows)


def fit_sheet(paper: Paper, orientation: Orientation) -> Sheet:
    """The grid that fits ``paper`` in ``orientation``, keeping room for the crop marks."""
    if orientation == "portrait":
        width, height = paper.width, paper.height
    else:
        width, height = paper.height, paper.width
    cols, rows = _grid(width, height)
    return Sheet(paper, orientation, width, height, cols, rows)


def plan_sheet(paper: Paper, orientation: OrientationChoice = "auto") -> Sheet:
    """The sheet for ``paper``; ``auto`` takes the orientation holding more cards (ties:
    portrait). A4 and Letter both hold more in landscape (4x2 and 3x2)."""
    if orientation == "auto":
        portrait = fit_sheet(paper, "portrait")
        landscape = fit_sheet(paper, "landscape")
        sheet = landscape if landscape.per_page > portrait.per_page else portrait
    else:
        sheet = fit_sheet(paper, orientation)
    if sheet.per_page == 0:
        raise LayoutError(f"{paper.name} is too small for a {CARD_W:g} x {CARD_H:g} mm card")
    return sheet


def crop_marks(boxes: Sequence[Box]) -> list[Line]:
    """Cut guides for cards placed in ``boxes`` (cells with bleed), outside the whole grid.

    Every trim line gets a mark beyond both ends of the grid, starting ``MARK_GAP`` outside
    the bleed, so a guillotine can cut along it through the sheet. Marks never touch a card.
    """
    if not boxes:
        return []
    top = min(b.y for b in boxes)
    bottom = max(b.bottom for b in boxes)
    left = min(b.x for b in boxes)
    right = max(b.right for b in boxes)
    xs = sorted({round(v, 6) for b in boxes for v in (b.x + BLEED, b.right - BLEED)})
    ys = sorted({round(v, 6) for b in boxes for v in (b.y + BLEED, b.bottom - BLEED)})
    marks: list[Line] = []
    for x in xs:
        marks.append(Line(x, top - MARK_GAP - MARK_LEN, x, top - MARK_GAP))
        marks.append(Line(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK_LEN))
    for y in ys:
        marks.append(Line(left - MARK_GAP - MARK_LEN, y, left - MARK_GAP, y))
        marks.append(Line(right + MARK_GAP, y, right + MARK_GAP + MARK_LEN, y))
    return marks


def px(mm: float, dpi: int = DPI) -> int:
    """A length in millimetres as whole pixels at ``dpi``."""
    return round(mm / MM_PER_INCH * dpi)


def pages(count: int, per_page: int) -> list[range]:
    """The card indices on each page."""
    return [range(start, min(count, start + per_page)) for start in range(0, count, per_page)]


# --- which cards ------------------------------------------------------------------------


@dataclass(frozen=True)
class CardFilter:
    """The session filters that apply to printing (no player count: paper has none)."""

    audience: str | None = None
    types: frozenset[IntimacyType] | None = None
    levels: frozenset[int] | None = None
    closing: bool = True
    excluded: frozenset[str] = frozenset()

    def keeps(self, card: Card) -> bool:
        if self.audience is not None and self.audience not in card.audience:
            return False
        if self.types is not None and card.type not in self.types:
            return False
        if card.level is None:
            if not self.closing:
                return False
        elif self.levels is not None and card.level not in self.levels:
            return False
        return not (card.tags & self.excluded)


def select_cards(cards: Iterable[Card], keep: CardFilter) -> list[Card]:
    """The cards to print, in a stable order: type, then level (closing last), then as
    written."""
    chosen = [c for c in cards if keep.keeps(c)]
    order = {t: i for i, t in enumerate(IntimacyType)}
    return sorted(chosen, key=lambda c: (order[c.type], c.level is None, c.level or 0))


# --- what a printed card says --------------------------------------------------------


@dataclass(frozen=True)
class PaperNames:
    """What the placeholders print as: blank lines, or the designer's two names."""

    player: str = BLANK
    other: str = BLANK

    @property
    def blank(self) -> bool:
        return self.player == BLANK and self.other == BLANK

    @classmethod
    def parse(cls, text: str | None) -> PaperNames:
        """``--names "Ana,Ben"``: ``{player}`` prints as Ana, ``{other}`` as Ben.

        >>> PaperNames.parse("Ana, Ben"), PaperNames.parse(None).blank
        (PaperNames(player='Ana', other='Ben'), True)
        """
        if text is None:
            return cls()
        parts = [part.strip() for part in text.split(",")]
        if len(parts) != 2 or not all(parts):
            raise ValueError("--names: give two names, as in --names 'Ana,Ben'")
        if any(len(part) > MAX_NAME for part in parts):
            raise ValueError(f"--names: a name has at most {MAX_NAME} characters")
        return cls(parts[0], parts[1])


def paper_text(text: str, names: PaperNames | None = None) -> str:
    """Card text with the placeholders as ``names`` print them (blank lines by default).

    >>> paper_text("{other}, what is {player} good at? {{ok}}")
    '______, what is ______ good at? {ok}'
    >>> paper_text("{player} says: tell {other}.", PaperNames("Ana", "Ben"))
    'Ana says: tell Ben.'
    """
    from deckgame.kinds import render_text

    names = names if names is not None else PaperNames()
    filled = render_text(text, player=names.player, other=names.other)
    return filled[:1].upper() + filled[1:]


def who_on_paper(who: Who, names: PaperNames | None = None) -> str:
    """Who answers, as a printed card says it: by name when the designer gave names."""
    names = names if names is not None else PaperNames()
    if names.blank or who is Who.EVERYONE:
        return _(WHO_ON_PAPER[who])
    name = names.player if who is Who.PLAYER else names.other
    return _("{name} answers").format(name=name)


def back_level_lines(
    level: int | None, level_names: dict[int, str] | None = None
) -> tuple[str, ...]:
    """What a back says about the level: its number and, when it has one, its name.

    >>> back_level_lines(1), back_level_lines(6), back_level_lines(None)
    (('Level 1', 'Warmth'), ('Level 6',), ('Closing',))
    """
    if level is None:
        return ("Closing",)
    return tuple(level_label(level, level_names).split(" · ", 1))


# --- the PDF ---------------------------------------------------------------------------


Progress = Callable[[int, int], None]

# The raster writer (each face a picture) lives beside the vector one; its name stays here.
from deckgame.print_raster import write_pdf as write_pdf  # noqa: E402
