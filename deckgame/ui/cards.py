"""The one card renderer: table, deck workshop and print-to-PDF all draw cards with it.

``render_card`` takes plain card data (a :class:`CardView`) and a pixel size and returns a
surface; every length inside is proportional to the card's height, so the same card looks the
same at 300 px on a laptop and at print resolution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pygame

from deckgame.i18n import N_, _
from deckgame.kinds import Card, IntimacyType, Who, render_text
from deckgame.levels import level_label
from deckgame.ui.assets import Face
from deckgame.ui.cardlayout import CardLayout, Label, layout_card
from deckgame.ui.icons import icon
from deckgame.ui.runs import Direction, paragraph_direction, sentence_direction
from deckgame.ui.text import TextBook
from deckgame.ui.theme import RGB, Theme, TypeStyle

# The table's single card is about this many times as wide as tall; the workshop's table
# preview uses the same shape.
TABLE_RATIO = 1.75
# Translators: under a card: who answers it; {name} is a player's name.
WHO_ANSWERS = N_("{name} answers")
FOLLOW_UP_RATIO = 0.7  # a follow-up's text size at most, as a share of the question's

# Lengths on a card, in the layout's units (``CardLayout.px``: shares of the card's height).
CORNER = 22  # the card's corner radius
EDGE = 3  # its outline, in themes that outline cards
CHIP_CORNER = 14  # the who-answers chip's corner radius
CHIP_EDGE = 2  # the chip's outline
QUESTION_TEXT = 46  # the question's text size before the text scale
FOLLOW_TEXT = 27  # the follow-up's
LAST_RESORT = 12  # the smallest either may shrink to when nothing larger fits
FOLLOW_GAP = 16  # between the question and its follow-up
RULE_LENGTH = 48  # the short rule above the follow-up
RULE_RISE = 8  # how far above the follow-up it runs
RULE_WIDTH = 3


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
    # "Ana answers" is the game's sentence around a name: it reads in the game's
    # direction, however long a right-to-left name in it is.
    who_direction: Direction = field(default_factory=lambda: sentence_direction(_(WHO_ANSWERS)))


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
        who = _("Everyone answers")
    elif card.who is Who.OTHER:
        who = _(WHO_ANSWERS).format(name=other)
    else:
        who = _(WHO_ANSWERS).format(name=player)
    if card.level is None:
        level = _("Closing")
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
    style = theme.type_style(view.type)
    lay = layout_card(view, size, text_scale, book, style.label)
    canvas, surface = _draw_face(size, lay, theme, style, bleed_px)
    _draw_labels(surface, view, lay, theme, style, book)
    _draw_body(surface, view, lay, theme, text_scale, book)
    return canvas


def _draw_face(
    size: tuple[int, int], lay: CardLayout, theme: Theme, style: TypeStyle, bleed_px: int
) -> tuple[pygame.Surface, pygame.Surface]:
    """The card's face and colour band (run out into the bleed when there is one): the
    whole canvas, and the card's own area of it."""
    w, h = size
    px = lay.px
    radius = px(CORNER)
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
    if theme.outlined and not bleed_px:
        # On screen the outline marks the card's edge; on paper the cut is the edge, and an
        # outline on the trim line would vanish on whichever side the knife strays.
        edge = max(2, px(EDGE))
        pygame.draw.rect(surface, theme.text, (0, 0, w, h), edge, border_radius=radius)
    return canvas, surface


def _draw_labels(
    surface: pygame.Surface,
    view: CardView,
    lay: CardLayout,
    theme: Theme,
    style: TypeStyle,
    book: TextBook,
) -> None:
    """Everything but the question, each where the layout put it: the band's icon, type
    and level, the kind, the star, and the footer's who-answers chip and deck name."""
    px = lay.px
    ic = icon(view.type.value, lay.icon.width, style.on_colour)
    surface.blit(ic, lay.icon)
    for label in (lay.type_label, lay.level_label):
        if label is not None:
            surface.blit(_label(book, label, style.on_colour), label.rect)
    if lay.kind is not None:
        kind = lay.kind
        surface.blit(_label(book, kind, theme.kind_colour(view.type)), kind.rect)
    if lay.star is not None:
        surface.blit(icon("star", lay.star.width, theme.star), lay.star)
    if lay.who is not None and lay.who_chip is not None:
        chip_radius = px(CHIP_CORNER)
        pygame.draw.rect(surface, style.soft, lay.who_chip, border_radius=chip_radius)
        if theme.outlined:  # its soft fill is the face colour there: outline it
            line = max(1, px(CHIP_EDGE))
            pygame.draw.rect(surface, theme.text, lay.who_chip, line, border_radius=chip_radius)
        who = lay.who
        surface.blit(_label(book, who, theme.text), who.rect)
    if lay.deck is not None:
        deck = lay.deck
        surface.blit(_label(book, deck, theme.text_muted), deck.rect)


def _label(book: TextBook, label: Label, colour: RGB) -> pygame.Surface:
    return book.render(label.text, label.size, colour, face=label.face, direction=label.direction)


@dataclass(frozen=True)
class _Body:
    """The question and its follow-up as fitted to the body, before they are placed."""

    main: pygame.Surface
    room: int  # the height the question may take
    measure: int  # the question's line length
    follow: pygame.Surface | None


def _fit_body(
    view: CardView, lay: CardLayout, theme: Theme, text_scale: float, book: TextBook
) -> _Body:
    """The question as large as fits the body; its follow-up below, second to it.

    Neither is smaller than the card's labels unless a deck designer wrote a very long
    one: then it shrinks further rather than be cut, since a cut question asks something
    else."""
    px = lay.px
    body = lay.body
    floors = (lay.small, max(8, px(LAST_RESORT)))
    follow = None
    follow_size = max(floors[0], round(px(FOLLOW_TEXT) * text_scale))
    follow_box = (min(body.width, follow_size * 30), max(1, body.height // 3))
    if view.follow_up:
        follow, follow_size = _fit_whole(
            book, view.follow_up, follow_box, theme.text_muted, size=follow_size, floors=floors
        )
    # Lines of about 45-60 characters read best: a wide card gets larger text rather than
    # one long line and an orphan word, or a narrow column that leaves half the card empty.
    by_width = min(body.width // 22, body.height // 2)
    main_size = max(floors[0], round(px(QUESTION_TEXT) * text_scale), by_width)
    measure = min(body.width, main_size * 22)

    def fit_main(room: int) -> tuple[pygame.Surface, int]:
        box = (measure, max(1, room))
        return _fit_whole(
            book, view.text, box, theme.text, size=main_size, floors=floors, face=Face.BOLD
        )

    main_room = body.height - (follow.get_height() + px(FOLLOW_GAP) if follow is not None else 0)
    main, main_px = fit_main(main_room)
    # The follow-up stays second to the question: when a long question had to shrink, the
    # follow-up shrinks with it rather than reading as large as the question itself, and
    # the room it gives back goes to the question.
    cap = max(floors[0], round(main_px * FOLLOW_UP_RATIO))
    if follow is not None and follow_size > cap:
        follow, _ = _fit_whole(
            book,
            view.follow_up,
            follow_box,
            theme.text_muted,
            size=cap,
            floors=(min(cap, floors[0]), floors[1]),
        )
        main_room = body.height - follow.get_height() - px(FOLLOW_GAP)
        main, main_px = fit_main(main_room)
    return _Body(main, main_room, measure, follow)


def _draw_body(
    surface: pygame.Surface,
    view: CardView,
    lay: CardLayout,
    theme: Theme,
    text_scale: float,
    book: TextBook,
) -> None:
    """The question a little above centre, its follow-up below under a short rule."""
    px = lay.px
    body = lay.body
    fitted = _fit_body(view, lay, theme, text_scale, book)
    main, follow, measure = fitted.main, fitted.follow, fitted.measure
    gap = px(FOLLOW_GAP)
    block = main.get_height() + (follow.get_height() + gap if follow is not None else 0)
    top = body.y + max(0, (body.height - block) // 3)  # a little above centre reads calmer
    # A right-to-left card (a deck in Arabic or Hebrew) hangs from the right edge instead.
    rtl = paragraph_direction(view.text) == "rtl"
    x = body.right - min(measure, main.get_width()) if rtl else body.x
    surface.blit(main, (x, top), area=pygame.Rect(0, 0, measure, fitted.room))
    if follow is not None:
        colour = theme.type_style(view.type).colour
        fy = top + main.get_height() + gap
        length = px(RULE_LENGTH)
        rule = (body.right - length, body.right) if rtl else (body.x, body.x + length)
        rule_y = fy - px(RULE_RISE)
        pygame.draw.line(surface, colour, (rule[0], rule_y), (rule[1], rule_y), px(RULE_WIDTH))
        surface.blit(follow, (body.right - follow.get_width() if rtl else body.x, fy))


def _fit_whole(
    book: TextBook,
    text: str,
    box: tuple[int, int],
    colour: RGB,
    *,
    size: int,
    floors: tuple[int, int],
    face: Face = Face.REGULAR,
) -> tuple[pygame.Surface, int]:
    """``text`` balanced in ``box`` at the largest size down to ``floors[0]``; when even
    that is too tall, down to ``floors[1]``, the size below which nothing is readable."""
    surface, got = book.fit(
        text, box, colour, size=size, min_size=min(size, floors[0]), face=face, balance=True
    )
    if surface.get_height() > box[1] and floors[1] < got:
        surface, got = book.fit(
            text, box, colour, size=got, min_size=floors[1], face=face, balance=True
        )
    return surface, got


_BOOK: TextBook | None = None


def _default_book() -> TextBook:
    # Callers outside the game (print, workshop) may not have a TextBook of their own.
    global _BOOK
    if _BOOK is None:
        _BOOK = TextBook()
    return _BOOK
