"""Printed card faces as vector drawing: the game's card, in millimetres and PDF text.

The same card the table shows (``ui/cardlayout.py`` and ``ui/cards.py`` give every length
in pixels of a 480 px tall card; here they are millimetres of an 88 mm one) and the same
back as the raster print (``ui/printfaces.py``), drawn on a :class:`deckgame.print_pdf.Canvas`.
Only the type icons are pictures: drawn once at high resolution by ``ui/icons.py`` and
placed by reference, so a pack of a thousand cards embeds each icon once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from deckgame.kinds import Card
from deckgame.print_pdf import RGB, Align, Canvas
from deckgame.print_text import LEADING, PT_PER_MM, Fitted, direction
from deckgame.printing import BLEED, CARD_H, Box, PaperNames, back_level_lines
from deckgame.ui import cardlayout as cl
from deckgame.ui import cards as cv
from deckgame.ui import printfaces as pf
from deckgame.ui.cards import CardView
from deckgame.ui.theme import Theme

if TYPE_CHECKING:
    from PIL.Image import Image

U = CARD_H / cl.DESIGN_HEIGHT  # millimetres per design pixel
ICON_PX = 600  # an icon's picture: 600 px over the back's 26 mm is about 590 dpi
BAND_ICON = 0.58  # the band's icon, as a share of the band's height (as cardlayout has it)
FOOT_LINES = 1.6  # the footer's height, in text sizes of its text (as cardlayout has it)


def mm(design: float) -> float:
    """A design length (pixels of a 480 px card) in millimetres."""
    return design * U


def pt(size_mm: float) -> float:
    return size_mm * PT_PER_MM


def line_height(size: float) -> float:
    """The height in mm of a line of ``size`` pt text."""
    return size / PT_PER_MM * LEADING


def icon_image(name: str, colour: RGB, side: int = ICON_PX) -> Image:
    """The icon ``name`` in ``colour`` as a Pillow picture with its transparency."""
    import pygame
    from PIL import Image

    from deckgame.ui.icons import icon

    surface = icon(name, side, colour)
    return Image.frombytes("RGBA", surface.get_size(), pygame.image.tobytes(surface, "RGBA"))


@dataclass(frozen=True)
class Printer:
    """Draws fronts and backs in one theme, with the placeholders as ``names``."""

    theme: Theme
    names: PaperNames = field(default_factory=PaperNames)
    level_names: Mapping[int, str] | None = None

    def front(self, canvas: Canvas, card: Card, cell: Box) -> None:
        """A card's face with bleed: the band runs out to the top and sides."""
        view = pf.print_view(card, dict(self.level_names or {}), self.names)
        style = self.theme.type_style(card.type)
        trim = cell.inset(BLEED)
        pad, band = mm(cl.PAD), mm(cl.BAND_LEAST)
        canvas.rect(cell, self.theme.surface)
        canvas.rect(Box(cell.x, cell.y, cell.w, BLEED + band), style.colour)
        side = band * BAND_ICON
        icon = Box(trim.x + pad, trim.y + (band - side) / 2, side, side)
        canvas.icon(card.type.value, style.on_colour, icon)
        span = (icon.right + mm(cl.ICON_GAP), trim.right - pad)
        _band_labels(canvas, view, style.label.upper(), span, trim.y + band / 2, style.on_colour)
        small = pt(mm(cl.SMALL_TEXT))
        kind_y = trim.y + band + mm(cl.KIND_DROP)
        kind_colour = self.theme.kind_colour(card.type)
        room = trim.w - 2 * pad
        canvas.text(
            cl._kind_text(view),
            trim.x + pad,
            kind_y,
            room,
            size=small,
            colour=kind_colour,
            bold=True,
        )
        top = kind_y + line_height(small) + mm(cl.KIND_GAP)
        foot_h = mm(cl.SMALL_TEXT) * FOOT_LINES
        foot_y = trim.bottom - pad - foot_h
        if view.who:
            self._who(canvas, view.who, (trim.x + pad, foot_y + foot_h / 2), room, style.soft)
        body = Box(trim.x + pad, top, room, foot_y - mm(cl.BODY_GAP) - top)
        self._body(canvas, view, body, style.colour)

    def _who(
        self, canvas: Canvas, who: str, at: tuple[float, float], room: float, soft: RGB
    ) -> None:
        """Who answers, in its soft chip at the footer's left."""
        chip_pad = mm(cl.CHIP_PAD)
        small = pt(mm(cl.SMALL_TEXT))
        fitted = canvas.fitter.fit(
            who,
            (room - 2 * chip_pad, line_height(small)),
            size=small,
            floor=small * 0.6,
            bold=True,
            balance=False,
            max_lines=1,
        )
        tall = mm(cl.SMALL_TEXT) * 1.2 + mm(cl.CHIP_RISE)
        chip = Box(at[0], at[1] - tall / 2, fitted.width + 2 * chip_pad, tall)
        canvas.rect(chip, soft, radius=min(mm(cv.CHIP_CORNER), tall / 2))
        if self.theme.outlined:  # its soft fill is the face colour there: outline it
            canvas.outline(chip, self.theme.text, mm(cv.CHIP_EDGE), radius=mm(cv.CHIP_CORNER))
        y = at[1] - line_height(fitted.size) / 2
        canvas.lines(
            fitted,
            chip.x + chip_pad,
            y,
            fitted.width + 1,
            colour=self.theme.text,
            bold=True,
        )

    def _body(self, canvas: Canvas, view: CardView, body: Box, rule: RGB) -> None:
        """The question a little above centre, its follow-up below under a short rule,
        which keeps clear of the question's lowest glyphs and the follow-up's tallest."""
        main, follow = _fit_body(canvas, view, body)
        gap = mm(cv.FOLLOW_GAP)
        below = above = 0.0
        if follow is not None:
            below = _overhang(canvas, main, view.text, bold=True)[1]
            above = _overhang(canvas, follow, view.follow_up or "", bold=False)[0]
        block = main.height + (follow.height + gap + below + above if follow else 0.0)
        top = body.y + max(0.0, (body.h - block) / 3)  # a little above centre reads calmer
        rtl = direction(view.text) == "rtl"
        align: Align = "R" if rtl else "L"
        canvas.lines(main, body.x, top, body.w, colour=self.theme.text, bold=True, align=align)
        if follow is None:
            return
        ry = top + main.height + below + gap - mm(cv.RULE_RISE)
        fy = ry + mm(cv.RULE_RISE) + above
        length = mm(cv.RULE_LENGTH)
        x1 = body.right - length if rtl else body.x
        canvas.line(x1, ry, x1 + length, ry, rule, mm(cv.RULE_WIDTH))
        canvas.lines(
            follow, body.x, fy, body.w, colour=self.theme.text_muted, bold=False, align=align
        )

    def back(self, canvas: Canvas, card: Card, cell: Box) -> None:
        """The type's colour, icon and name, the level and the deck: printed piles sort
        face down the way the game deals them."""
        style = self.theme.type_style(card.type)
        ink = style.on_colour
        canvas.rect(cell, style.colour)
        frame = cell.inset(BLEED + pf.FRAME_INSET)
        canvas.outline(frame, ink, pf.FRAME_LINE, radius=pf.FRAME_CORNER)
        cx, cy = cell.x + cell.w / 2, cell.y + cell.h * 0.42
        mark = Box(cx - pf.MARK / 2, cy - pf.MARK / 2, pf.MARK, pf.MARK)
        canvas.icon(card.type.value, ink, mark)
        room = frame.w - pf.LEVEL_MARGINS
        y = cy + pf.MARK / 2 + pf.TYPE_DROP
        size = pt(pf.TYPE_TEXT)
        label = canvas.fitter.fit(
            style.label.upper(),
            (room, line_height(size)),
            size=size,
            floor=size / 2,
            bold=True,
            balance=False,
            max_lines=1,
        )
        canvas.lines(label, frame.x, y, frame.w, colour=ink, bold=True, align="C")
        y += label.height + pf.LEVEL_DROP
        size = pt(pf.LEVEL_TEXT)
        lines = back_level_lines(card.level, dict(self.level_names or {}))
        if canvas.fitter.width(" · ".join(lines)) * size <= room:
            lines = (" · ".join(lines),)
        for text in lines:  # a pack may name a level in up to 40 characters: wrapped
            level = canvas.fitter.fit(
                text, (room, 3 * line_height(size)), size=size, floor=size / 2
            )
            canvas.lines(level, frame.x, y, frame.w, colour=ink, bold=False, align="C")
            y += level.height
        if card.deck:
            size = pt(pf.DECK_TEXT)
            deck = canvas.fitter.fit(
                card.deck,
                (room, line_height(size)),
                size=size,
                floor=size / 2,
                balance=False,
                max_lines=1,
            )
            top = frame.bottom - pf.DECK_LIFT - deck.height
            canvas.lines(deck, frame.x, top, frame.w, colour=ink, bold=False, align="C")


def _band_labels(
    canvas: Canvas,
    view: CardView,
    type_text: str,
    span: tuple[float, float],
    mid: float,
    ink: RGB,
) -> None:
    """The type label after the icon and the level label at the right, never touching;
    giving way as the table's card does: both shrink a little, the level loses its name,
    then the type label goes (the icon and the band's colour still say the type)."""
    left, right = span
    room = right - left
    gap = mm(cl.GAP)
    type_size, level_size = pt(mm(cl.TYPE_TEXT)), pt(mm(cl.LEVEL_TEXT))
    width = canvas.fitter.width
    levels = tuple(dict.fromkeys((view.level_label, cl.short_level(view.level_label))))
    for level in levels if view.level_label else ("",):
        for shrink in cl.SHRINKS:
            ts, ls = type_size * shrink, level_size * shrink
            tw, lw = width(type_text, True) * ts, width(level) * ls
            if tw + (gap + lw if level else 0.0) <= room:
                lead = line_height(ts)
                canvas.text(type_text, left, mid - lead / 2, tw + 1, size=ts, colour=ink, bold=True)
                if level:
                    lead = line_height(ls)
                    canvas.text(
                        level, right - lw, mid - lead / 2, lw, size=ls, colour=ink, align="R"
                    )
                return
    level = levels[-1]
    ls = level_size * cl.SHRINKS[-1]
    fitted = canvas.fitter.fit(
        level, (room, line_height(ls)), size=ls, floor=ls / 2, balance=False, max_lines=1
    )
    y = mid - line_height(fitted.size) / 2
    canvas.text(level, left, y, room, size=fitted.size, colour=ink, align="R")


# Where a line's baseline sits in its line box (as fpdf2's cell puts it: half the box down,
# then 0.3 of the text size), and so how much of the box lies above and below it, in em.
BASELINE_SHIFT = 0.3
BOX_ABOVE = LEADING / 2 + BASELINE_SHIFT
BOX_BELOW = LEADING / 2 - BASELINE_SHIFT


def _overhang(canvas: Canvas, fitted: Fitted, text: str, *, bold: bool) -> tuple[float, float]:
    """How far ``text``'s glyphs at ``fitted``'s size reach beyond its first line box's
    top and its last one's bottom, in mm (0 when they stay inside, as Latin does)."""
    top, bottom = canvas.ink(text, bold)
    size = fitted.size / PT_PER_MM
    return max(0.0, top - BOX_ABOVE) * size, max(0.0, bottom - BOX_BELOW) * size


def _fit_body(canvas: Canvas, view: CardView, body: Box) -> tuple[Fitted, Fitted | None]:
    """The question as large as fits the body, its follow-up second to it (as
    ``ui/cards.py`` fits them): neither smaller than the labels unless a designer wrote a
    very long one, and then smaller rather than cut or broken mid-word."""
    fit = canvas.fitter.fit
    small = pt(mm(cl.SMALL_TEXT))
    follow = None
    if view.follow_up:
        size = pt(mm(cv.FOLLOW_TEXT))
        follow = fit(view.follow_up, (body.w, body.h / 3), size=size, floor=small)
    main_size = pt(mm(cv.QUESTION_TEXT))

    def fit_main(room: float) -> Fitted:
        return fit(view.text, (body.w, room), size=main_size, floor=small, bold=True)

    gap = mm(cv.FOLLOW_GAP)
    if follow is not None:  # room for glyphs beyond the line boxes, at the largest size
        largest = Fitted((), main_size, 0.0, 0.0)
        gap += _overhang(canvas, largest, view.text, bold=True)[1]
        gap += _overhang(canvas, follow, view.follow_up or "", bold=False)[0]
    main = fit_main(body.h - (follow.height + gap if follow is not None else 0.0))
    cap = max(small, main.size * cv.FOLLOW_UP_RATIO)
    if follow is not None and follow.size > cap:
        follow = fit(view.follow_up, (body.w, body.h / 3), size=cap, floor=min(cap, small))
        main = fit_main(body.h - follow.height - gap)
    return main, follow
