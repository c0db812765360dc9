"""Where each part of a card goes: the band's icon and labels, the kind line, the footer's
chips and the room left for the question, for any card size and text scale.

The layout only measures text (no drawing), so a test can check that no two labels ever
overlap, and :func:`deckgame.ui.cards.render_card` draws exactly what it describes. When a
label does not fit, secondary text gives way in a fixed order (smaller, then shorter, then
gone); the question itself is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.ui.assets import Face

if TYPE_CHECKING:
    from deckgame.ui.cards import CardView
    from deckgame.ui.text import TextBook

DESIGN_HEIGHT = 480.0  # card lengths are given in pixels of a 480 px tall card
PORTRAIT = 88 / 63  # height / width of the narrowest card drawn (poker size, as printed)
SHRINKS = (1.0, 0.9, 0.8)  # how far a label may shrink before it is shortened or dropped


@dataclass(frozen=True)
class Label:
    """One line of text as it will be drawn: the (possibly shortened) text and its place."""

    text: str
    size: int
    face: Face
    rect: pygame.Rect


@dataclass(frozen=True)
class CardLayout:
    """Every part of a card in card pixels (origin at the card's top-left corner)."""

    scale: float  # card pixels per design pixel
    pad: int
    band: pygame.Rect
    icon: pygame.Rect
    type_label: Label | None
    level_label: Label | None
    kind: Label | None
    star: pygame.Rect | None
    who: Label | None
    who_chip: pygame.Rect | None  # the soft background behind ``who``
    deck: Label | None
    body: pygame.Rect  # the question and its follow-up go here
    small: int  # the size of the kind line and footer text

    def px(self, v: float) -> int:
        """A design length in card pixels."""
        return max(1, round(v * self.scale))

    def labels(self) -> list[Label]:
        """The labels shown, band first."""
        found = (self.type_label, self.level_label, self.kind, self.who, self.deck)
        return [label for label in found if label is not None]


def fit_label(
    book: TextBook,
    texts: tuple[str, ...],
    size: int,
    face: Face,
    room: int,
    *,
    shrinks: tuple[float, ...] = SHRINKS,
    floor: int = 9,
    ellipsis: bool = True,
) -> tuple[str, int, tuple[int, int]] | None:
    """The first of ``texts`` (best first) that fits ``room`` at a size from ``size`` down
    to ``shrinks[-1] * size``; else the last one cut short with an ellipsis at the smallest
    size; else None (not even one letter fits)."""
    if room <= 0 or not texts:
        return None
    sizes = list(dict.fromkeys(max(floor, round(size * s)) for s in shrinks))
    for text in texts:
        for current in sizes:
            w, h = book.size(text, current, face)
            if w <= room:
                return text, current, (w, h)
    if not ellipsis:
        return None
    text, current = texts[-1], sizes[-1]
    for cut in range(len(text) - 1, 0, -1):
        short = text[:cut].rstrip() + "…"
        w, h = book.size(short, current, face)
        if w <= room:
            return short, current, (w, h)
    return None


def short_level(label: str) -> str:
    """``Level 1 · Warmth`` -> ``Level 1``: the number alone, for a narrow band."""
    return label.split(" · ", 1)[0]


def layout_card(
    view: CardView, size: tuple[int, int], text_scale: float, book: TextBook, type_name: str
) -> CardLayout:
    """Lay out ``view`` on a ``size`` card with text at ``text_scale`` (1.0 = 100 %);
    ``type_name`` is the theme's name for the card's type."""
    w, h = size
    # Lengths follow the height, except on a card narrower than a poker card, where the
    # width would run out first: there they follow the width.
    k = min(h, w * PORTRAIT) / DESIGN_HEIGHT

    def px(v: float) -> int:
        return max(1, round(v * k))

    pad = px(24)
    gap = px(16)
    band = pygame.Rect(0, 0, w, max(px(64), round(px(40) * text_scale)))
    ic = round(band.height * 0.58)
    icon = pygame.Rect(0, 0, ic, ic)
    icon.midleft = (pad, band.centery)
    type_label, level_label = _band_labels(
        view, type_name.upper(), book, band, (icon.right + px(12), w - pad), gap, k * text_scale
    )

    small = max(10, round(px(19) * text_scale))
    y = band.bottom + px(18)
    line_h = book.font(Face.BOLD, small).get_height()
    star = None
    kind_room = w - 2 * pad
    if view.starred:
        # Beside the kind line, as tall as it may be without reaching the band or the body.
        st = min(round(small * 1.4), line_h + px(8))
        star = pygame.Rect(0, 0, st, st)
        star.midright = (w - pad, y + line_h // 2)
        kind_room -= st + gap
    kind = _place(book, (_kind_text(view),), small, Face.BOLD, kind_room, topleft=(pad, y))
    y += line_h + px(10)

    foot_h = round(small * 1.6)
    foot_y = h - pad - foot_h
    mid = foot_y + foot_h // 2
    who = who_chip = None
    chip_pad = px(14)
    if view.who:
        who = _place(
            book,
            (view.who,),
            small,
            Face.BOLD,
            w - 2 * pad - 2 * chip_pad,
            midleft=(pad + chip_pad, mid),
        )
        if who is not None:
            who_chip = who.rect.inflate(2 * chip_pad, px(10))
    deck = None
    if view.deck:
        left = who_chip.right + gap if who_chip is not None else pad
        room = w - pad - left
        # A deck name cut to a letter or two says nothing: below three letters' room, drop it.
        if room >= small * 2:
            deck = _place(book, (view.deck,), small, Face.REGULAR, room, midright=(w - pad, mid))
    body = pygame.Rect(pad, y, w - 2 * pad, max(1, foot_y - px(14) - y))
    return CardLayout(
        scale=k,
        pad=pad,
        band=band,
        icon=icon,
        type_label=type_label,
        level_label=level_label,
        kind=kind,
        star=star,
        who=who,
        who_chip=who_chip,
        deck=deck,
        body=body,
        small=small,
    )


def _band_labels(
    view: CardView,
    type_text: str,
    book: TextBook,
    band: pygame.Rect,
    span: tuple[int, int],
    gap: int,
    k: float,
) -> tuple[Label | None, Label | None]:
    """The type label after the icon and the level label at the right, never touching.

    Giving way in order: both shrink a little, the level loses its name ("Level 1"), then
    the type label goes (the icon and the band's colour still say the type)."""
    left, right = span
    type_size = max(10, round(24 * k))
    level_size = max(10, round(20 * k))
    room = right - left
    cy = band.centery
    if not view.level_label:
        return _place(book, (type_text,), type_size, Face.BOLD, room, midleft=(left, cy)), None
    levels = tuple(dict.fromkeys((view.level_label, short_level(view.level_label))))
    for level in levels:
        for shrink in SHRINKS:
            ts, ls = max(10, round(type_size * shrink)), max(10, round(level_size * shrink))
            tw, th = book.size(type_text, ts, Face.BOLD)
            lw, lh = book.size(level, ls, Face.REGULAR)
            if tw + gap + lw <= room:
                t_rect = pygame.Rect(0, 0, tw, th)
                t_rect.midleft = (left, cy)
                l_rect = pygame.Rect(0, 0, lw, lh)
                l_rect.midright = (right, cy)
                return Label(type_text, ts, Face.BOLD, t_rect), Label(
                    level, ls, Face.REGULAR, l_rect
                )
    return None, _place(book, levels, level_size, Face.REGULAR, room, midright=(right, cy))


def _kind_text(view: CardView) -> str:
    kind = "Question" if view.kind == "ask" else "Challenge"
    if view.kind == "do" and view.seconds:
        kind += f" · {_duration(view.seconds)}"
    return kind


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def _place(
    book: TextBook,
    texts: tuple[str, ...],
    size: int,
    face: Face,
    room: int,
    **anchor: tuple[int, int],
) -> Label | None:
    """Fit ``texts`` in ``room`` and put the result at the one ``anchor`` given (a pygame
    Rect attribute such as ``midleft``)."""
    fitted = fit_label(book, texts, size, face, room)
    if fitted is None:
        return None
    text, current, (w, h) = fitted
    rect = pygame.Rect(0, 0, w, h)
    for name, point in anchor.items():
        setattr(rect, name, point)
    return Label(text, current, face, rect)
