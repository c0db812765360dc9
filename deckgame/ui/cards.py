"""The one card renderer: table, deck workshop and print-to-PDF all draw cards with it.

``render_card`` takes plain card data (a :class:`CardView`) and a pixel size and returns a
surface; every length inside is proportional to the card's height, so the same card looks the
same at 300 px on a laptop and at print resolution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pygame

from deckgame.model import Card, IntimacyType, Who, level_label, render_text
from deckgame.ui.assets import Face
from deckgame.ui.cardlayout import CardLayout, layout_card
from deckgame.ui.icons import icon
from deckgame.ui.runs import paragraph_direction
from deckgame.ui.text import TextBook
from deckgame.ui.theme import Theme

# The table's single card is about this many times as wide as tall; the workshop's table
# preview uses the same shape.
TABLE_RATIO = 1.75
FOLLOW_UP_RATIO = 0.7  # a follow-up's text size at most, as a share of the question's


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
    level_names: Mapping[int, str] | None = None,
    starred: bool = False,
) -> CardView:
    """A :class:`CardView` of an engine card with ``{player}``/``{other}`` filled in.

    The level reads as the card's own pack names it (GAME.md "Level names"), whatever
    ``level_names`` says: those (the level bar's, say) only name levels the card's pack
    leaves alone, so one pack's names never land on another pack's cards.
    """
    if card.who is Who.EVERYONE:
        who = "Everyone answers"
    elif card.who is Who.OTHER:
        who = f"{other} answers"
    else:
        who = f"{player} answers"
    if card.level is None:
        level = "Closing"
    elif card.level_name:
        level = level_label(card.level, {card.level: card.level_name})
    elif card.pack:  # a pack that keeps this level's default name: the default it is
        level = level_label(card.level)
    else:
        level = level_label(card.level, level_names)
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
    *,
    bleed_px: int = 0,
) -> pygame.Surface:
    """Draw ``view`` as a ``size`` card (transparent corners) in ``theme``.

    With ``bleed_px`` the surface is that much larger on every side and square: the colour
    band runs out to the top and side edges and the face colour everywhere else, so a
    printed card cut a little off its line shows no white and no notch.
    """
    book = text if text is not None else _default_book()
    w, h = size
    style = theme.type_style(view.type)
    lay = layout_card(view, size, text_scale, book, style.label)
    px = lay.px
    radius = px(22)
    full = (w + 2 * bleed_px, h + 2 * bleed_px)
    canvas = pygame.Surface(full, pygame.SRCALPHA)
    if bleed_px:
        canvas.fill(theme.surface)
        pygame.draw.rect(canvas, style.colour, (0, 0, full[0], bleed_px + lay.band.bottom))
        surface = canvas.subsurface(pygame.Rect(bleed_px, bleed_px, w, h))
    else:
        surface = canvas
        pygame.draw.rect(surface, theme.surface, (0, 0, w, h), border_radius=radius)
        pygame.draw.rect(
            surface,
            style.colour,
            lay.band,
            border_top_left_radius=radius,
            border_top_right_radius=radius,
        )
    if theme.name == "contrast" and not bleed_px:
        # On screen the outline marks the card's edge; on paper the cut is the edge, and an
        # outline on the trim line would vanish on whichever side the knife strays.
        pygame.draw.rect(surface, theme.text, (0, 0, w, h), max(2, px(3)), border_radius=radius)

    # Band: icon, type label, level label, each where the layout put it.
    ic = icon(view.type.value, lay.icon.width, style.on_colour)
    surface.blit(ic, lay.icon)
    for label in (lay.type_label, lay.level_label):
        if label is not None:
            surface.blit(
                book.render(label.text, label.size, style.on_colour, face=label.face), label.rect
            )

    if lay.kind is not None:
        kind = lay.kind
        surface.blit(
            book.render(kind.text, kind.size, theme.kind_colour(view.type), face=kind.face),
            kind.rect,
        )
    if lay.star is not None:
        surface.blit(icon("star", lay.star.width, theme.star), lay.star)

    # Footer: who answers in a soft chip, and the deck it came from.
    if lay.who is not None and lay.who_chip is not None:
        pygame.draw.rect(surface, style.soft, lay.who_chip, border_radius=px(14))
        if theme.name == "contrast":  # its soft fill is the face colour there: outline it
            pygame.draw.rect(surface, theme.text, lay.who_chip, max(1, px(2)), border_radius=px(14))
        who = lay.who
        surface.blit(book.render(who.text, who.size, theme.text, face=who.face), who.rect)
    if lay.deck is not None:
        deck = lay.deck
        surface.blit(book.render(deck.text, deck.size, theme.text_muted, face=deck.face), deck.rect)

    _draw_body(surface, view, lay, theme, text_scale, book)
    return canvas


def _draw_body(
    surface: pygame.Surface,
    view: CardView,
    lay: CardLayout,
    theme: Theme,
    text_scale: float,
    book: TextBook,
) -> None:
    """The question as large as fits the body, a little above centre; its follow-up below."""
    px = lay.px
    body = lay.body
    follow = None
    follow_box = (min(body.width, round(px(27) * text_scale) * 30), max(1, body.height // 3))
    follow_min = max(8, px(12))
    follow_size = 0
    if view.follow_up:
        follow, follow_size = book.fit(
            view.follow_up,
            follow_box,
            theme.text_muted,
            size=max(10, round(px(27) * text_scale)),
            min_size=follow_min,
            balance=True,
        )
    main_room = body.height - (follow.get_height() + px(16) if follow is not None else 0)
    main_size = max(12, round(px(46) * text_scale))
    # Lines of about 45-60 characters read best; a wide card would otherwise give one long
    # line and an orphan word.
    measure = min(body.width, main_size * 22)

    def fit_main(room: int) -> tuple[pygame.Surface, int]:
        return book.fit(
            view.text,
            (measure, max(1, room)),
            theme.text,
            size=main_size,
            min_size=max(8, px(14)),
            face=Face.BOLD,
            balance=True,
        )

    main, main_px = fit_main(main_room)
    # The follow-up stays second to the question: when a long question had to shrink, the
    # follow-up shrinks with it rather than reading as large as the question itself, and
    # the room it gives back goes to the question.
    cap = max(follow_min, round(main_px * FOLLOW_UP_RATIO))
    if follow is not None and follow_size > cap:
        follow, _ = book.fit(
            view.follow_up,
            follow_box,
            theme.text_muted,
            size=cap,
            min_size=follow_min,
            balance=True,
        )
        main_room = body.height - follow.get_height() - px(16)
        main, main_px = fit_main(main_room)
    block = main.get_height() + (follow.get_height() + px(16) if follow is not None else 0)
    top = body.y + max(0, (body.height - block) // 3)  # a little above centre reads calmer
    # A right-to-left card (a deck in Arabic or Hebrew) hangs from the right edge instead.
    rtl = paragraph_direction(view.text) == "rtl"
    x = body.right - min(measure, main.get_width()) if rtl else body.x
    surface.blit(main, (x, top), area=pygame.Rect(0, 0, measure, main_room))
    if follow is not None:
        colour = theme.type_style(view.type).colour
        fy = top + main.get_height() + px(16)
        rule = (body.right - px(48), body.right) if rtl else (body.x, body.x + px(48))
        pygame.draw.line(surface, colour, (rule[0], fy - px(8)), (rule[1], fy - px(8)), px(3))
        surface.blit(follow, (body.right - follow.get_width() if rtl else body.x, fy))


_BOOK: TextBook | None = None


def _default_book() -> TextBook:
    # Callers outside the game (print, workshop) may not have a TextBook of their own.
    global _BOOK
    if _BOOK is None:
        _BOOK = TextBook()
    return _BOOK
