"""Printed card faces as pictures: fronts drawn by the game's card renderer at print
resolution, with the bleed, and backs that sort printed piles the way the game deals them.

What a printed card says (:func:`print_view`) and the back's lengths are shared with the
vector faces of ``ui/print_vector.py``, which ``deckgame print`` draws; the layout is
:mod:`deckgame.printing`'s.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pygame

from deckgame.i18n import _
from deckgame.kinds import Card, IntimacyType
from deckgame.printing import (
    BLEED,
    CELL_H,
    CELL_W,
    DPI,
    PaperNames,
    back_level_lines,
    paper_text,
    px,
    who_on_paper,
)
from deckgame.ui.assets import Face
from deckgame.ui.cards import CardView, card_view, render_card
from deckgame.ui.icons import icon
from deckgame.ui.text import TextBook
from deckgame.ui.theme import Theme

if TYPE_CHECKING:
    from PIL.Image import Image

# A back's lengths and text sizes, in millimetres (``printing.px`` turns them into dots).
FRAME_INSET = 4  # the frame inside the trim line
FRAME_LINE = 0.6  # its line
FRAME_CORNER = 3  # its corner radius
MARK = 26  # the type's icon
TYPE_TEXT = 4.2  # the type's name under it
TYPE_DROP = 4  # from the icon's centre line down to the name, past the icon
LEVEL_TEXT = 3.2  # the level's number and name
LEVEL_MARGINS = 8  # the level's lines keep this much of the frame's width free
LEVEL_DROP = 1.5  # from the type's name down to the level
DECK_TEXT = 3.0  # the deck's name at the foot
DECK_LIFT = 4  # above the frame's bottom


def print_view(
    card: Card, level_names: dict[int, str] | None = None, names: PaperNames | None = None
) -> CardView:
    """What a printed front shows: the placeholders as ``names`` (blank lines to write on
    by default), and the short labels a portrait card has room for (the back carries the
    level name and the deck)."""
    names = names if names is not None else PaperNames()
    view = card_view(card, player=names.player, other=names.other, level_names=level_names)
    level = _("Closing") if card.level is None else _("Level {number}").format(number=card.level)
    return dataclasses.replace(
        view,
        text=paper_text(card.text, names),
        follow_up=paper_text(card.follow_up, names) if card.follow_up else "",
        who=who_on_paper(card.who, names),
        level_label=level,
        deck="",
    )


def render_front(
    card: Card,
    theme: Theme,
    *,
    level_names: dict[int, str] | None = None,
    dpi: int = DPI,
    text_scale: float = 1.0,
    book: TextBook | None = None,
) -> pygame.Surface:
    """The card's face with bleed, drawn by the game's card renderer at ``dpi``."""
    view = print_view(card, level_names)
    bleed = px(BLEED, dpi)
    # The trim is what is left of the cell inside the bleed, so the picture fills the cell
    # exactly (the renderer continues the band and the face into the bleed itself).
    trim = (px(CELL_W, dpi) - 2 * bleed, px(CELL_H, dpi) - 2 * bleed)
    face = render_card(view, trim, theme, text_scale, book, bleed_px=bleed)
    canvas = pygame.Surface(face.get_size())
    canvas.fill(theme.surface)
    canvas.blit(face, (0, 0))
    return canvas


def render_back(
    type_: IntimacyType,
    level: int | None,
    theme: Theme,
    deck: str = "",
    *,
    level_names: dict[int, str] | None = None,
    dpi: int = DPI,
    book: TextBook | None = None,
) -> pygame.Surface:
    """A card back with bleed: the type's colour, icon and name, the level and the deck, so
    printed piles can be sorted face down the way the game deals them."""
    text = book if book is not None else TextBook()
    style = theme.type_style(type_)
    w, h = px(CELL_W, dpi), px(CELL_H, dpi)
    canvas = pygame.Surface((w, h))
    canvas.fill(style.colour)
    inset = px(BLEED + FRAME_INSET, dpi)
    frame = pygame.Rect(0, 0, w, h).inflate(-2 * inset, -2 * inset)
    edge, corner = max(2, px(FRAME_LINE, dpi)), px(FRAME_CORNER, dpi)
    pygame.draw.rect(canvas, style.on_colour, frame, edge, border_radius=corner)
    mark = icon(type_.value, px(MARK, dpi), style.on_colour)
    canvas.blit(mark, mark.get_rect(center=(w // 2, round(h * 0.42))))
    label = text.render(style.label.upper(), px(TYPE_TEXT, dpi), style.on_colour, face=Face.BOLD)
    y = round(h * 0.42) + mark.get_height() // 2 + px(TYPE_DROP, dpi)
    canvas.blit(label, label.get_rect(midtop=(w // 2, y)))
    # The level on one line when it fits, else its number above its name, wrapped inside
    # the frame: a pack may name a level in up to 40 characters.
    room = frame.width - px(LEVEL_MARGINS, dpi)
    size = px(LEVEL_TEXT, dpi)
    lines = back_level_lines(level, level_names)
    if text.render(" · ".join(lines), size, style.on_colour).get_width() <= room:
        lines = (" · ".join(lines),)
    top = y + label.get_height() + px(LEVEL_DROP, dpi)
    for line in lines:
        sub = text.render(line, size, style.on_colour, wrap=room, align="center")
        canvas.blit(sub, sub.get_rect(midtop=(w // 2, top)))
        top += sub.get_height()
    if deck:
        name = text.line(deck, px(DECK_TEXT, dpi), style.on_colour, room)
        canvas.blit(name, name.get_rect(midbottom=(w // 2, frame.bottom - px(DECK_LIFT, dpi))))
    return canvas


def as_image(surface: pygame.Surface) -> Image:
    """A face as a Pillow image, which the PDF library embeds losslessly."""
    from PIL import Image

    return Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB"))
