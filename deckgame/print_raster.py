"""Raster print-and-play PDFs: each face a picture drawn by the game's card renderer.

The vector writer (``deckgame.print_pdf``) is what ``deckgame print`` uses; this one stays
for comparing the two and for callers that already have pictures of faces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.kinds import Card, IntimacyType

if TYPE_CHECKING:
    from fpdf import FPDF
    from PIL.Image import Image

    from deckgame.printing import Line, Progress, Sheet


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

    from deckgame.printing import MARK_WIDTH, crop_marks, pages

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
