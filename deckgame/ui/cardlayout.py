"""Where each part of a card goes: the band's icon and labels, the kind line, the footer's
chips and the room left for the question, for any card size and text scale.

The layout only measures text (no drawing), so a test can check that no two labels ever
overlap, and :func:`deckgame.ui.cards.render_card` draws exactly what it describes. When a
label does not fit, secondary text gives way in a fixed order (smaller, then shorter, then
gone); the question itself is never dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from deckgame.i18n import _
from deckgame.ui.assets import Face
from deckgame.ui.runs import Direction, paragraph_direction
from deckgame.ui.theme import chrome_scale

if TYPE_CHECKING:
    from deckgame.ui.cards import CardView
    from deckgame.ui.text import TextBook

DESIGN_HEIGHT = 480.0  # card lengths are given in pixels of a 480 px tall card
PORTRAIT = 88 / 63  # height / width of the narrowest card drawn (poker size, as printed)
SMALL_TEXT = 19  # the kind line and footer: the smallest text on a card, in design px
SHRINKS = (1.0, 0.9, 0.8)  # how far a label may shrink before it is shortened or dropped

# Lengths and text sizes in design pixels (of a 480 px tall card).
PAD = 24  # the card's inner margin
GAP = 16  # between two labels on one line
BAND = 40  # the colour band's height, grown by the labels' text scale
BAND_LEAST = 64  # ... and never less than this
ICON_GAP = 12  # between the band's icon and the type label
TYPE_TEXT = 24  # the type label in the band
LEVEL_TEXT = 20  # the level label in the band
KIND_DROP = 18  # from the band down to the kind line
KIND_GAP = 10  # from the kind line down to the question
STAR_EXTRA = 8  # the star may be this much taller than the kind line
CHIP_PAD = 14  # inside the who-answers chip, left and right
CHIP_RISE = 10  # the chip is this much taller than its text
BODY_GAP = 14  # between the question's room and the footer


@dataclass(frozen=True)
class Label:
    """One line of text as it will be drawn: the (possibly shortened) text and its place."""

    text: str
    size: int
    face: Face
    rect: pygame.Rect
    direction: Direction | None = None  # the whole text's, kept when it was shortened


@dataclass(frozen=True)
class CardLayout:
    """Every part of a card in card pixels (origin at the card's top-left corner)."""

    scale: float  # card pixels per design pixel
    type_scale: float  # card pixels per design pixel of text (see :func:`type_scale`)
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

    def type_px(self, v: float) -> int:
        """A design text size in card pixels."""
        return max(1, round(v * self.type_scale))

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
    direction: Direction | None = None,
) -> tuple[str, int, tuple[int, int]] | None:
    """The first of ``texts`` (best first) that fits ``room`` at a size from ``size`` down
    to ``shrinks[-1] * size``; else the last one cut short with an ellipsis at the smallest
    size; else None (not even one letter fits)."""
    if room <= 0 or not texts:
        return None
    sizes = list(dict.fromkeys(max(floor, round(size * s)) for s in shrinks))
    for text in texts:
        for current in sizes:
            w, h = book.size(text, current, face, direction)
            if w <= room:
                return text, current, (w, h)
    if not ellipsis:
        return None
    text, current = texts[-1], sizes[-1]
    direction = direction or paragraph_direction(text)
    short, _ = book.fit_line(text, current, room, face=face, direction=direction)
    w, h = book.size(short, current, face, direction)
    if w > room:  # not even one letter and the ellipsis
        return None
    return short, current, (w, h)


def type_scale(scale: float) -> float:
    """How text on a card grows with the card: in proportion from the design size up, and
    with the square root of the card's size below it, so a card drawn small on a screen
    (two offered side by side, the workshop's preview) keeps its labels readable.

    >>> type_scale(2.0), type_scale(1.0), type_scale(0.25)
    (2.0, 1.0, 0.5)
    """
    # A card laid out before its window has its size may be no size at all: never below 0.
    return scale if scale >= 1.0 else math.sqrt(max(0.0, scale))


def card_height_for(text_px: int) -> int:
    """The least height of a card (no narrower than a poker card) whose smallest text, at
    text size 100 %, is ``text_px``: how small a scene may draw a card and keep it legible.

    >>> card_height_for(14), card_height_for(18), card_height_for(36)
    (243, 408, 897)
    """
    k = (text_px - 0.5) / SMALL_TEXT
    k = k if k >= 1.0 else k * k
    return math.ceil(DESIGN_HEIGHT * k)


def short_level(label: str) -> str:
    """``Level 1 · Warmth`` -> ``Level 1``: the number alone, for a narrow band."""
    return label.split(" · ", 1)[0]


@dataclass(frozen=True)
class _Units:
    """Design lengths and text sizes in the pixels of one card (see :class:`CardLayout`)."""

    scale: float
    type_scale: float

    def px(self, v: float) -> int:
        return max(1, round(v * self.scale))

    def type_px(self, v: float) -> int:
        return max(1, round(v * self.type_scale))


def layout_card(
    view: CardView, size: tuple[int, int], text_scale: float, book: TextBook, type_name: str
) -> CardLayout:
    """Lay out ``view`` on a ``size`` card with text at ``text_scale`` (1.0 = 100 %);
    ``type_name`` is the theme's name for the card's type."""
    w, h = size
    # Lengths follow the height, except on a card narrower than a poker card, where the
    # width would run out first: there they follow the width.
    k = min(h, w * PORTRAIT) / DESIGN_HEIGHT
    u = _Units(k, type_scale(k))
    pad = u.px(PAD)
    gap = u.px(GAP)
    # The labels are the card's chrome: a larger text size grows them less than the
    # question, as it grows the window's buttons less than the card.
    labels = chrome_scale(text_scale)
    band = pygame.Rect(0, 0, w, max(u.type_px(BAND_LEAST), round(u.type_px(BAND) * labels)))
    ic = round(band.height * 0.58)
    icon = pygame.Rect(0, 0, ic, ic)
    icon.midleft = (pad, band.centery)
    # The kind line's size is the smallest on the card: labels shrink to it, not below.
    small = max(10, round(u.type_px(SMALL_TEXT) * labels))
    span = (icon.right + u.px(ICON_GAP), w - pad)
    type_label, level_label = _band_labels(
        view, type_name.upper(), book, band, span, gap, u.type_scale * labels, small
    )
    kind, star, y = _kind_line(view, book, u, (w, pad, gap), band.bottom + u.px(KIND_DROP), small)
    foot_h = round(small * 1.6)
    foot_y = h - pad - foot_h
    who, who_chip, deck = _footer(view, book, u, (w, pad, gap), foot_y + foot_h // 2, small)
    body = pygame.Rect(pad, y, w - 2 * pad, max(1, foot_y - u.px(BODY_GAP) - y))
    return CardLayout(
        scale=k,
        type_scale=u.type_scale,
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


def _kind_line(
    view: CardView,
    book: TextBook,
    u: _Units,
    frame: tuple[int, int, int],
    y: int,
    small: int,
) -> tuple[Label | None, pygame.Rect | None, int]:
    """The kind line at ``y``, the star beside it on a starred card, and where the body
    starts below them. ``frame`` is the card's (width, padding, gap)."""
    w, pad, gap = frame
    line_h = book.font(Face.BOLD, small).get_height()
    star = None
    kind_room = w - 2 * pad
    if view.starred:
        # Beside the kind line, as tall as it may be without reaching the band or the body.
        st = min(round(small * 1.4), line_h + u.px(STAR_EXTRA))
        star = pygame.Rect(0, 0, st, st)
        star.midright = (w - pad, y + line_h // 2)
        kind_room -= st + gap
    kind = _place(book, (_kind_text(view),), small, Face.BOLD, kind_room, small, topleft=(pad, y))
    return kind, star, y + line_h + u.px(KIND_GAP)


def _footer(
    view: CardView,
    book: TextBook,
    u: _Units,
    frame: tuple[int, int, int],
    mid: int,
    small: int,
) -> tuple[Label | None, pygame.Rect | None, Label | None]:
    """The footer centred on ``mid``: who answers in its chip at the left, the deck's name
    at the right in the room the chip leaves. ``frame`` is the card's (width, padding, gap)."""
    w, pad, gap = frame
    who = who_chip = None
    chip_pad = u.px(CHIP_PAD)
    if view.who:
        who = _place(
            book,
            (view.who,),
            small,
            Face.BOLD,
            w - 2 * pad - 2 * chip_pad,
            small,
            view.who_direction,
            midleft=(pad + chip_pad, mid),
        )
        if who is not None:
            who_chip = who.rect.inflate(2 * chip_pad, u.px(CHIP_RISE))
    deck = None
    if view.deck:
        left = who_chip.right + gap if who_chip is not None else pad
        room = w - pad - left
        # A deck name cut to a letter or two says nothing: below three letters' room, drop it.
        if room >= small * 2:
            deck = _place(
                book, (view.deck,), small, Face.REGULAR, room, small, midright=(w - pad, mid)
            )
    return who, who_chip, deck


def _band_labels(
    view: CardView,
    type_text: str,
    book: TextBook,
    band: pygame.Rect,
    span: tuple[int, int],
    gap: int,
    k: float,
    floor: int,
) -> tuple[Label | None, Label | None]:
    """The type label after the icon and the level label at the right, never touching.

    Giving way in order: both shrink a little, the level loses its name ("Level 1"), then
    the type label goes (the icon and the band's colour still say the type)."""
    left, right = span
    type_size = max(floor, round(TYPE_TEXT * k))
    level_size = max(floor, round(LEVEL_TEXT * k))
    room = right - left
    cy = band.centery
    if not view.level_label:
        only = _place(book, (type_text,), type_size, Face.BOLD, room, floor, midleft=(left, cy))
        return only, None
    levels = tuple(dict.fromkeys((view.level_label, short_level(view.level_label))))
    for level in levels:
        for shrink in SHRINKS:
            ts = max(floor, round(type_size * shrink))
            ls = max(floor, round(level_size * shrink))
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
    level_only = _place(book, levels, level_size, Face.REGULAR, room, floor, midright=(right, cy))
    return None, level_only


def _kind_text(view: CardView) -> str:
    """``Question``, ``Challenge``, or ``Challenge · 1 min 30 s`` for a timed one."""
    if view.kind == "ask":
        return _("Question")
    if view.seconds:
        return _("Challenge · {duration}").format(duration=_duration(view.seconds))
    return _("Challenge")


def _duration(seconds: int) -> str:
    """A challenge's time as its card shows it: ``45 s``, ``2 min``, ``1 min 30 s``."""
    if seconds < 60:
        return _("{seconds} s").format(seconds=seconds)
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return _("{minutes} min").format(minutes=minutes)
    return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def _place(
    book: TextBook,
    texts: tuple[str, ...],
    size: int,
    face: Face,
    room: int,
    floor: int,
    direction: Direction | None = None,
    **anchor: tuple[int, int],
) -> Label | None:
    """Fit ``texts`` in ``room``, no smaller than ``floor``, and put the result at the one
    ``anchor`` given (a pygame Rect attribute such as ``midleft``); ``direction`` is the
    texts' reading direction when the caller knows it."""
    fitted = fit_label(book, texts, size, face, room, floor=floor, direction=direction)
    if fitted is None:
        return None
    text, current, (w, h) = fitted
    rect = pygame.Rect(0, 0, w, h)
    for name, point in anchor.items():
        setattr(rect, name, point)
    if direction is None and text not in texts:  # shortened: the whole text's direction
        direction = paragraph_direction(texts[-1])
    return Label(text, current, face, rect, direction)
