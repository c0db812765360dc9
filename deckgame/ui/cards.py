"""The one card renderer: table, deck workshop and print-to-PDF all draw cards with it.

``render_card`` takes plain card data (a :class:`CardView`) and a pixel size and returns a
surface; every length inside is proportional to the card's height, so the same card looks the
same at 300 px on a laptop and at print resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.model import Card, IntimacyType, Who, level_name, render_text
from deckgame.ui.assets import Face
from deckgame.ui.icons import icon
from deckgame.ui.text import TextBook
from deckgame.ui.theme import Theme

_DESIGN_HEIGHT = 480.0  # card lengths below are in pixels of a 480 px tall card


@dataclass(frozen=True)
class CardView:
    """What a card shows, with names already filled in."""

    type: IntimacyType
    kind: str  # "ask" or "do"
    text: str
    level_label: str = ""  # e.g. "Level 1 · Warmth"; empty for closing cards
    who: str = ""  # e.g. "Ana answers"
    follow_up: str = ""
    seconds: int | None = None
    deck: str = ""
    starred: bool = False


def card_view(
    card: Card,
    *,
    player: str,
    other: str,
    level_names: dict[int, str] | None = None,
    starred: bool = False,
) -> CardView:
    """A :class:`CardView` of an engine card with ``{player}``/``{other}`` filled in."""
    if card.who is Who.EVERYONE:
        who = "Everyone answers"
    elif card.who is Who.OTHER:
        who = f"{other} answers"
    else:
        who = f"{player} answers"
    level = (
        f"Level {card.level} · {level_name(card.level, level_names)}"
        if card.level is not None
        else "Closing"
    )
    return CardView(
        type=card.type,
        kind=card.kind,
        text=render_text(card.text, player=player, other=other),
        level_label=level,
        who=who,
        follow_up=render_text(card.follow_up, player=player, other=other) if card.follow_up else "",
        seconds=card.seconds,
        deck=card.deck,
        starred=starred,
    )


def render_card(
    view: CardView,
    size: tuple[int, int],
    theme: Theme,
    text_scale: float = 1.0,
    text: TextBook | None = None,
) -> pygame.Surface:
    """Draw ``view`` as a ``size`` card (transparent corners) in ``theme``."""
    book = text if text is not None else _default_book()
    w, h = size
    k = h / _DESIGN_HEIGHT

    def px(v: float) -> int:
        return max(1, round(v * k))

    style = theme.type_style(view.type)
    surface = pygame.Surface(size, pygame.SRCALPHA)
    radius = px(22)
    face = pygame.Rect(0, 0, w, h)
    pygame.draw.rect(surface, theme.surface, face, border_radius=radius)
    if theme.name == "contrast":
        pygame.draw.rect(surface, theme.text, face, max(2, px(3)), border_radius=radius)

    # Colour band: icon + type label on the left, level on the right.
    band_h = max(px(64), round(px(40) * text_scale))
    band = pygame.Rect(0, 0, w, band_h)
    pygame.draw.rect(
        surface, style.colour, band, border_top_left_radius=radius, border_top_right_radius=radius
    )
    pad = px(24)
    ic = icon(view.type.value, round(band_h * 0.58), style.on_colour)
    surface.blit(ic, ic.get_rect(midleft=(pad, band.centery)))
    label_size = max(10, round(px(24) * text_scale))
    label = book.render(style.label.upper(), label_size, style.on_colour, face=Face.BOLD)
    surface.blit(label, label.get_rect(midleft=(pad + ic.get_width() + px(12), band.centery)))
    if view.level_label:
        room = w - (pad + ic.get_width() + px(24) + label.get_width()) - pad
        lvl = book.line(
            view.level_label, max(10, round(px(20) * text_scale)), style.on_colour, room
        )
        surface.blit(lvl, lvl.get_rect(midright=(w - pad, band.centery)))

    # Kind line: question or challenge (+ its timer length).
    y = band.bottom + px(18)
    kind = "Question" if view.kind == "ask" else "Challenge"
    if view.kind == "do" and view.seconds:
        kind += f" · {_duration(view.seconds)}"
    small = max(10, round(px(19) * text_scale))
    kind_surf = book.render(kind, small, theme.kind_colour(view.type), face=Face.BOLD)
    surface.blit(kind_surf, (pad, y))
    if view.starred:
        st = icon("star", round(small * 1.4), theme.star)
        surface.blit(st, st.get_rect(topright=(w - pad, y - px(4))))
    y += kind_surf.get_height() + px(10)

    # Footer: who answers, and the deck it came from.
    foot_h = round(small * 1.6)
    foot_y = h - pad - foot_h
    if view.who:
        who = book.line(view.who, small, theme.text, w // 2, face=Face.BOLD)
        chip = who.get_rect(midleft=(pad + px(14), foot_y + foot_h // 2))
        pygame.draw.rect(surface, style.soft, chip.inflate(px(28), px(10)), border_radius=px(14))
        surface.blit(who, chip)
    if view.deck:
        deck = book.line(view.deck, small, theme.text_muted, w // 2 - pad * 2)
        surface.blit(deck, deck.get_rect(midright=(w - pad, foot_y + foot_h // 2)))

    # Main text: as large as fits between the kind line and the footer; follow-up below it.
    body = pygame.Rect(pad, y, w - 2 * pad, foot_y - px(14) - y)
    follow = None
    if view.follow_up:
        follow = book.fit(
            view.follow_up,
            (min(body.width, round(px(27) * text_scale) * 30), max(1, body.height // 3)),
            theme.text_muted,
            size=max(10, round(px(27) * text_scale)),
            min_size=max(8, px(12)),
        )
    main_room = body.height - (follow.get_height() + px(16) if follow is not None else 0)
    main_size = max(12, round(px(46) * text_scale))
    # Lines of about 45-60 characters read best; a wide card would otherwise give one long
    # line and an orphan word.
    measure = min(body.width, main_size * 22)
    main = book.fit(
        view.text,
        (measure, max(1, main_room)),
        theme.text,
        size=main_size,
        min_size=max(8, px(14)),
        face=Face.BOLD,
    )
    block = main.get_height() + (follow.get_height() + px(16) if follow is not None else 0)
    top = body.y + max(0, (body.height - block) // 3)  # a little above centre reads calmer
    surface.blit(main, (body.x, top), area=pygame.Rect(0, 0, measure, main_room))
    if follow is not None:
        fy = top + main.get_height() + px(16)
        pygame.draw.line(
            surface, style.colour, (body.x, fy - px(8)), (body.x + px(48), fy - px(8)), px(3)
        )
        surface.blit(follow, (body.x, fy))
    return surface


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


_BOOK: TextBook | None = None


def _default_book() -> TextBook:
    # Callers outside the game (print, workshop) may not have a TextBook of their own.
    global _BOOK
    if _BOOK is None:
        _BOOK = TextBook()
    return _BOOK
