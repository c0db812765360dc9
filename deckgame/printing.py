"""Print and play: poker-size cards with bleed and crop marks on A4 or Letter, as a PDF.

The layout is pure arithmetic in millimetres (top-left origin, like the PDF library uses) and
is tested on its own: :func:`plan_sheet` picks the grid, :meth:`Sheet.cell` and
:meth:`Sheet.back_cell` place fronts and duplex backs, :func:`crop_marks` draws the cut
guides. Card faces are drawn by ``deckgame.ui.printfaces`` with the game's one card renderer
at print resolution; this module never imports pygame, and fpdf2 only when a PDF is made.

>>> sheet = plan_sheet(PAPERS["a4"])
>>> sheet.orientation, sheet.cols, sheet.rows
('landscape', 4, 2)
>>> px(CELL_W), px(CELL_H)   # the card area with bleed at 300 dpi
(815, 1110)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from deckgame.i18n import N_
from deckgame.model import Card, IntimacyType, Who, level_label

if TYPE_CHECKING:
    from fpdf import FPDF
    from PIL.Image import Image

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

# Placeholders on paper: the card is read aloud by whoever drew it. Deck text uses
# ``{player}`` like a name ("{player} says", "{player}'s ideas", "{other}, tell {player}"), so
# both stand for third-person phrases that keep the grammar; "you" would print "you says"
# and, on a card another player answers, confuse the reader with the one addressed.
PRINT_PLAYER = "the reader"
PRINT_OTHER = "another player"
# What each is called when the text speaks to them ("{player}, is that close?").
_CALLED_ON_PAPER = {PRINT_PLAYER: "reader", PRINT_OTHER: PRINT_OTHER}
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


_PLAYER_MARK = "\ue000"  # private-use characters, never in deck text
_OTHER_MARK = "\ue001"
_MARKS = re.compile(f"[{_PLAYER_MARK}{_OTHER_MARK}]")
_SENTENCE_STARTS = re.compile(r"(?:^|[.!?…][\"')”’]*)\s*$")


def paper_text(text: str) -> str:
    """Card text with the printed placeholders, capitalised where a sentence starts.

    >>> paper_text("{other}, what is {player} good at? {player}, is that close?")
    'Another player, what is the reader good at? Reader, is that close?'
    """
    from deckgame.model import render_text

    marked = render_text(text, player=_PLAYER_MARK, other=_OTHER_MARK)

    def fill(match: re.Match[str]) -> str:
        name = PRINT_PLAYER if match.group(0) == _PLAYER_MARK else PRINT_OTHER
        if _SENTENCE_STARTS.search(marked, 0, match.start()) is None:
            return name
        if marked.startswith(",", match.end()):  # spoken to: "Reader, ..."
            name = _CALLED_ON_PAPER[name]
        return name[:1].upper() + name[1:]

    filled = _MARKS.sub(fill, marked)
    return filled[:1].upper() + filled[1:]


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


# --- the PDF ----------------------------------------------------------------------------


Progress = Callable[[int, int], None]


def write_pdf(
    out: Path,
    cards: Sequence[Card],
    sheet: Sheet,
    *,
    front: Callable[[Card], Image],
    back: Callable[[Card], Image] | None = None,
    progress: Progress | None = None,
    title: str = "deckgame cards",
) -> int:
    """Lay ``cards`` out on ``sheet`` pages and write the PDF; returns the page count.

    ``front`` and ``back`` draw a card's faces with bleed (``deckgame.ui.printfaces``).
    With ``back``, each page of fronts is followed by its page of backs at
    :meth:`Sheet.back_cell` positions, ready for long-edge duplex printing.
    """
    from fpdf import FPDF

    pdf = FPDF(
        orientation=sheet.orientation,
        unit="mm",
        format=(sheet.paper.width, sheet.paper.height),
    )
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_title(title)
    pdf.set_creator("deckgame")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(MARK_WIDTH)
    backs: dict[tuple[IntimacyType, int | None, str], Image] = {}
    done = 0
    for page in pages(len(cards), sheet.per_page):
        pdf.add_page()
        boxes = []
        for slot, index in enumerate(page):
            box = sheet.cell(slot)
            pdf.image(front(cards[index]), x=box.x, y=box.y, w=box.w, h=box.h)
            boxes.append(box)
            done += 1
            if progress is not None:
                progress(done, len(cards))
        _draw_marks(pdf, crop_marks(boxes))
        if back is None:
            continue
        pdf.add_page()
        back_boxes = []
        for slot, index in enumerate(page):
            card = cards[index]
            key = (card.type, card.level, card.deck)
            if key not in backs:  # one image per kind of back: the PDF stores it once
                backs[key] = back(card)
            box = sheet.back_cell(slot)
            pdf.image(backs[key], x=box.x, y=box.y, w=box.w, h=box.h)
            back_boxes.append(box)
        _draw_marks(pdf, crop_marks(back_boxes))
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return int(pdf.pages_count)


def _draw_marks(pdf: FPDF, marks: Iterable[Line]) -> None:
    for mark in marks:
        pdf.line(mark.x1, mark.y1, mark.x2, mark.y2)
