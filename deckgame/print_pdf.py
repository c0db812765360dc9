"""Vector print-and-play PDFs: card text as real PDF text, shapes as paths.

Text is set in the bundled face, embedded and subset, and shaped by HarfBuzz (fpdf2 with
uharfbuzz), so Arabic joins and reads right to left and every script the fallback fonts
cover prints; it stays selectable and searchable and sharp at any size. Pictures (the type
icons) are embedded once each and placed by reference. The faces themselves are drawn by
``deckgame.ui.print_vector`` through a :class:`Canvas`; this module never imports pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from deckgame.kinds import Card
from deckgame.print_text import Fitted, Fitter
from deckgame.printing import MARK_WIDTH, Box, Line, Progress, Sheet, crop_marks, pages

if TYPE_CHECKING:
    from fpdf import FPDF
    from PIL.Image import Image

RGB = tuple[int, int, int]
Align = Literal["L", "C", "R"]
FAMILY = "card"  # the bundled face in the PDF; fallbacks are fb0, fb1, ...


@dataclass(frozen=True)
class FontFile:
    """A font file (a face of a collection by its index) with its bold face when it has one."""

    regular: Path
    bold: Path | None = None
    index: int = 0
    bold_index: int = 0


@dataclass(frozen=True)
class Fonts:
    """The bundled face and, in order, the fonts for characters it lacks."""

    main: FontFile
    fallbacks: tuple[FontFile, ...] = ()


IconSource = Callable[[str, RGB], "Image"]


class Canvas:
    """Drawing on a PDF page in millimetres from the top-left corner, with colours as RGB."""

    def __init__(self, pdf: FPDF, icons: IconSource) -> None:
        self.pdf = pdf
        self.fitter = Fitter(self._measure)
        self._icons = icons
        self._icon_names: dict[tuple[str, RGB], str] = {}
        self._ink: dict[tuple[str, bool], tuple[float, float]] = {}

    def _measure(self, text: str, bold: bool) -> float:
        self.pdf.set_font(FAMILY, "B" if bold else "", 1)
        return float(self.pdf.get_string_width(text))

    def ink(self, text: str, bold: bool = False) -> tuple[float, float]:
        """How far ``text``'s glyphs reach above and below the baseline, in em: each
        character in the font that draws it (the bundled face, else the first fallback
        that has it). Arabic reaches much lower than the Latin face the line height is
        taken from; what is drawn next to it must leave that room."""
        top = bottom = 0.0
        for ch in set(text):
            key = (ch, bold)
            found = self._ink.get(key)
            if found is None:
                found = self._ink[key] = self._glyph_ink(ord(ch), bold)
            top, bottom = max(top, found[0]), max(bottom, found[1])
        return top, bottom

    def _glyph_ink(self, code: int, bold: bool) -> tuple[float, float]:
        fonts = self.pdf.fonts
        families = [FAMILY, *(f"fb{i}" for i in range(len(fonts)) if f"fb{i}" in fonts)]
        for family in families:
            font = fonts.get(family + ("B" if bold else ""), fonts.get(family))
            tt = getattr(font, "ttfont", None)  # a TTFFont: every font here is one
            name = getattr(font, "cmap", {}).get(code)
            if tt is None or name is None:
                continue
            em = float(tt["head"].unitsPerEm)
            if "glyf" in tt:
                glyph = tt["glyf"][name]
                low, high = getattr(glyph, "yMin", 0), getattr(glyph, "yMax", 0)
                return high / em, -low / em
            os2 = tt["OS/2"]  # an outline font without glyf (CFF): its typographic box
            return os2.sTypoAscender / em, -os2.sTypoDescender / em
        return 0.0, 0.0

    def rect(self, box: Box, colour: RGB, *, radius: float = 0.0) -> None:
        """A filled rectangle, its corners rounded by ``radius``."""
        self.pdf.set_fill_color(*colour)
        if radius > 0:
            self.pdf.rect(
                box.x, box.y, box.w, box.h, style="F", round_corners=True, corner_radius=radius
            )
        else:
            self.pdf.rect(box.x, box.y, box.w, box.h, style="F")

    def outline(self, box: Box, colour: RGB, width: float, *, radius: float = 0.0) -> None:
        """A rectangle's outline, centred on ``box``'s edges."""
        self.pdf.set_draw_color(*colour)
        self.pdf.set_line_width(width)
        rounded = radius > 0
        self.pdf.rect(
            box.x, box.y, box.w, box.h, style="D", round_corners=rounded, corner_radius=radius
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: RGB, width: float) -> None:
        self.pdf.set_draw_color(*colour)
        self.pdf.set_line_width(width)
        self.pdf.line(x1, y1, x2, y2)

    def icon(self, name: str, colour: RGB, box: Box) -> None:
        """The picture ``name`` in ``colour``, embedded the first time and reused after."""
        key = (name, colour)
        ref = self._icon_names.get(key)
        if ref is None:
            from fpdf.image_parsing import preload_image

            ref, _, _ = preload_image(self.pdf.image_cache, self._icons(name, colour))
            self._icon_names[key] = ref
        self.pdf.image(ref, x=box.x, y=box.y, w=box.w, h=box.h)

    def text(
        self,
        text: str,
        x: float,
        y: float,
        width: float,
        *,
        size: float,
        colour: RGB,
        bold: bool = False,
        align: Align = "L",
        leading: float | None = None,
    ) -> None:
        """One line of ``text`` whose line box (``leading`` tall) starts at ``y``."""
        pdf = self.pdf
        pdf.set_font(FAMILY, "B" if bold else "", size)
        pdf.set_text_color(*colour)
        pdf.set_xy(x, y)
        height = leading if leading is not None else size / 72 * 25.4 * 1.2
        pdf.cell(width, height, text, align=align)

    def lines(
        self,
        fitted: Fitted,
        x: float,
        y: float,
        width: float,
        *,
        colour: RGB,
        bold: bool,
        align: Align = "L",
    ) -> None:
        """``fitted``'s lines one under another from ``y``, each aligned in ``width``."""
        for i, line in enumerate(fitted.lines):
            self.text(
                line,
                x,
                y + i * fitted.leading,
                width,
                size=fitted.size,
                colour=colour,
                bold=bold,
                align=align,
                leading=fitted.leading,
            )


FaceDrawer = Callable[[Canvas, Card, Box], None]


def new_pdf(sheet: Sheet, fonts: Fonts, title: str) -> FPDF:
    """An empty PDF for ``sheet`` with ``fonts`` embedded (subset on output) and shaping on."""
    from fpdf import FPDF

    pdf = FPDF(
        orientation=sheet.orientation,
        unit="mm",
        format=(sheet.paper.width, sheet.paper.height),
    )
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.c_margin = 0  # text starts where it is put: the card's own padding is the margin
    pdf.set_title(title)
    pdf.set_creator("deckgame")
    _add(pdf, FAMILY, fonts.main)
    names = []
    for i, fallback in enumerate(fonts.fallbacks):
        names.append(f"fb{i}")
        _add(pdf, names[-1], fallback)
    if names:
        # A bold card line whose script has only a regular fallback still prints, in it.
        pdf.set_fallback_fonts(names, exact_match=False)
    pdf.set_text_shaping(True)
    return pdf


def _add(pdf: FPDF, family: str, font: FontFile) -> None:
    pdf.add_font(family, "", str(font.regular), collection_font_number=font.index)
    bold = font.bold if font.bold is not None else font.regular
    index = font.bold_index if font.bold is not None else font.index
    pdf.add_font(family, "B", str(bold), collection_font_number=index)


def write_vector_pdf(
    out: Path,
    cards: Sequence[Card],
    sheet: Sheet,
    *,
    fonts: Fonts,
    icons: IconSource,
    front: FaceDrawer,
    back: FaceDrawer | None = None,
    progress: Progress | None = None,
    title: str = "deckgame cards",
) -> int:
    """Lay ``cards`` out on ``sheet`` pages, drawn by ``front`` (and ``back``, on the
    following page at :meth:`Sheet.back_cell` for long-edge duplex), and write the PDF;
    returns the page count."""
    pdf = new_pdf(sheet, fonts, title)
    canvas = Canvas(pdf, icons)
    done = 0
    for page in pages(len(cards), sheet.per_page):
        pdf.add_page()
        boxes = [sheet.cell(slot) for slot in range(len(page))]
        for box, index in zip(boxes, page, strict=True):
            front(canvas, cards[index], box)
            done += 1
            if progress is not None:
                progress(done, len(cards))
        _draw_marks(pdf, crop_marks(boxes))
        if back is None:
            continue
        pdf.add_page()
        back_boxes = [sheet.back_cell(slot) for slot in range(len(page))]
        for box, index in zip(back_boxes, page, strict=True):
            back(canvas, cards[index], box)
        _draw_marks(pdf, crop_marks(back_boxes))
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return int(pdf.pages_count)


def _draw_marks(pdf: FPDF, marks: Iterable[Line]) -> None:
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(MARK_WIDTH)
    for mark in marks:
        pdf.line(mark.x1, mark.y1, mark.x2, mark.y2)
