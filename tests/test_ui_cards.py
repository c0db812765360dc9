"""The card renderer's layout: band labels and footer chips never overlap, at any size."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses
import itertools

import pygame
import pytest

from deckgame.model import IntimacyType
from deckgame.ui.cardlayout import CardLayout, fit_label, layout_card, short_level
from deckgame.ui.cards import CardView, render_card
from deckgame.ui.settings import TEXT_SCALES
from deckgame.ui.text import TextBook
from deckgame.ui.theme import theme_named

WIDTHS = (300, 420, 630, 900, 1280, 2000)
HEIGHTS = (420, 560, 800, 1100)

# Long enough in every slot to need the fallbacks on a narrow card.
CROWDED = CardView(
    type=IntimacyType.EXPERIENTIAL,
    kind="do",
    text="Plan a whole day out with {other}: where you go, what you eat, what you skip.",
    level_label="Level 2 · Confidentiality",
    who="Aleksandr-Maximilian answers",
    follow_up="What would make it perfect?",
    seconds=90,
    deck="Intellectual Curiosity and Other Long Deck Names",
    starred=True,
)
PLAIN = CardView(
    type=IntimacyType.EMOTIONAL,
    kind="ask",
    text="What made you smile today?",
    level_label="Level 1 · Warmth",
    who="Everyone answers",
    deck="Small Joys",
)


@pytest.fixture(scope="module")
def book() -> TextBook:
    pygame.font.init()
    return TextBook(fallback_files=[])


def rects(lay: CardLayout) -> dict[str, pygame.Rect]:
    found = {"icon": lay.icon}
    for name in ("type_label", "level_label", "kind", "who", "deck"):
        label = getattr(lay, name)
        if label is not None:
            found[name] = label.rect
    if lay.star is not None:
        found["star"] = lay.star
    if lay.who_chip is not None:
        found["who"] = lay.who_chip  # the chip's background, not just its text
    return found


@pytest.mark.parametrize("view", [CROWDED, PLAIN], ids=["crowded", "plain"])
def test_no_two_parts_of_a_card_overlap(book: TextBook, view: CardView) -> None:
    label = theme_named("light").type_style(view.type.value).label
    for w, h, scale in itertools.product(WIDTHS, HEIGHTS, TEXT_SCALES):
        lay = layout_card(view, (w, h), scale, book, label)
        where = f"{w}x{h} at {scale:.0%}"
        parts = rects(lay)
        for (a, ra), (b, rb) in itertools.combinations(parts.items(), 2):
            assert not ra.colliderect(rb), f"{a} {ra} meets {b} {rb} on {where}"
        card = pygame.Rect(0, 0, w, h)
        for name, rect in parts.items():
            assert card.contains(rect), f"{name} {rect} leaves the card on {where}"
        for name in ("icon", "type_label", "level_label"):
            if name in parts:
                assert lay.band.contains(parts[name]), f"{name} leaves the band on {where}"
        # The question always keeps a real share of the card, below the kind line and
        # above the footer.
        assert lay.body.height >= h // 4, where
        for name in ("kind", "star"):
            if name in parts:
                assert parts[name].bottom <= lay.body.top, (name, where)
        for name in ("who", "deck"):
            if name in parts:
                assert parts[name].top >= lay.body.bottom, (name, where)
        # Secondary text gives way, but the level (the depth the group is at) never goes.
        assert lay.level_label is not None, where


def test_a_portrait_card_shows_its_level_whole(book: TextBook) -> None:
    # 63:88 as printed, and the workshop's print preview at its smallest.
    for size, scale in itertools.product(((300, 420), (744, 1039), (450, 628)), (1.0, 1.25)):
        lay = layout_card(PLAIN, size, scale, book, "Emotional")
        assert lay.level_label is not None
        assert lay.level_label.text in ("Level 1 · Warmth", "Level 1"), (size, scale)
        assert lay.type_label is not None and lay.type_label.text == "EMOTIONAL", (size, scale)


def test_a_wide_card_keeps_everything_at_full_size(book: TextBook) -> None:
    lay = layout_card(CROWDED, (1100, 628), 1.0, book, "Experiential")
    assert lay.level_label is not None and lay.level_label.text == CROWDED.level_label
    assert lay.who is not None and lay.who.text == CROWDED.who
    assert lay.kind is not None and lay.kind.text == "Challenge · 1 min 30 s"
    assert lay.deck is not None and lay.deck.text.startswith("Intellectual")


def test_the_deck_name_gives_way_to_who_answers(book: TextBook) -> None:
    lay = layout_card(CROWDED, (300, 420), 2.0, book, "Experiential")
    assert lay.who is not None and lay.who_chip is not None
    if lay.deck is not None:
        assert lay.deck.text.endswith("…")
        assert lay.deck.rect.left > lay.who_chip.right


def test_fit_label_prefers_shrinking_then_the_short_form(book: TextBook) -> None:
    full = "Level 3 · Vulnerability"
    w_full = book.font("regular", 20).size(full)[0]
    exact = fit_label(book, (full, short_level(full)), 20, "regular", w_full)  # type: ignore[arg-type]
    assert exact is not None and exact[:2] == (full, 20)
    smaller = fit_label(book, (full, "Level 3"), 20, "regular", w_full - 2)  # type: ignore[arg-type]
    assert smaller is not None and smaller[0] == full and smaller[1] < 20
    short = fit_label(book, (full, "Level 3"), 20, "regular", w_full // 2)  # type: ignore[arg-type]
    assert short is not None and short[0] == "Level 3"
    cut = fit_label(book, ("Confidentiality",), 20, "regular", 40)  # type: ignore[arg-type]
    assert cut is not None and cut[0].endswith("…") and cut[2][0] <= 40
    assert fit_label(book, ("Anything",), 20, "regular", 0) is None  # type: ignore[arg-type]


def test_bleed_continues_the_band_and_face(book: TextBook) -> None:
    theme = theme_named("dark")
    size, bleed = (300, 420), 12
    plain = render_card(PLAIN, size, theme, 1.0, book)
    bled = render_card(PLAIN, size, theme, 1.0, book, bleed_px=bleed)
    assert bled.get_size() == (size[0] + 2 * bleed, size[1] + 2 * bleed)
    band = theme.type_style("emotional").colour
    assert bled.get_at((0, 0))[:3] == band
    assert bled.get_at((bled.get_width() - 1, bleed + 20))[:3] == band
    assert bled.get_at((0, bled.get_height() - 1))[:3] == theme.surface
    assert plain.get_at((0, 0)).a == 0  # without bleed the corners stay round (see-through)
    # Inside the trim both draw the same card.
    inner = bled.subsurface((bleed, bleed, *size))
    middle = (size[0] // 2, size[1] // 2)
    assert inner.get_at(middle) == plain.get_at(middle)


def test_clamp_keeps_at_most_two_lines_and_says_it_cut(book: TextBook) -> None:
    text = "Tell someone about a place you loved as a child and what it smelled like. " * 3
    line_h = book.font("regular", 20).get_linesize()
    short = book.clamp("What made you smile?", 20, (0, 0, 0), 400, 2)
    assert short.get_height() == line_h
    cut = book.clamp(text, 20, (0, 0, 0), 400, 2)
    assert cut.get_height() == 2 * line_h
    whole = book.render(text, 20, (0, 0, 0), wrap=400)
    assert whole.get_height() > 2 * line_h  # so the clamp really had to cut
    one_word = book.clamp("x" * 200, 20, (0, 0, 0), 100, 2)
    assert one_word.get_width() <= 100 and one_word.get_height() == line_h


def test_a_level_without_a_name_is_said_once() -> None:
    from deckgame.model import Card
    from deckgame.ui.cards import card_view

    card = Card(
        id="deep-6",
        kind="ask",
        text="What do you know now?",
        type=IntimacyType.SPIRITUAL,
        level=6,
        audience=frozenset(),
    )
    assert card_view(card, player="Ana", other="Ben").level_label == "Level 6"
    named = card_view(card, player="Ana", other="Ben", level_names={6: "Home"})
    assert named.level_label == "Level 6 · Home"
    first = dataclasses.replace(card, level=1)
    assert card_view(first, player="Ana", other="Ben").level_label == "Level 1 · Warmth"


def test_a_follow_up_stays_smaller_than_a_shrunken_question() -> None:
    pygame.font.init()
    book = TextBook(fallback_files=[])
    chosen: dict[str, int] = {}
    fit = book.fit

    def spy(text: str, *args: object, **kwargs: object) -> tuple[pygame.Surface, int]:
        surface, size = fit(text, *args, **kwargs)  # type: ignore[arg-type]
        chosen[text] = size  # the last fit of each text is the one drawn
        return surface, size

    book.fit = spy  # type: ignore[method-assign]
    long_question = (
        "Think of a moment this year when you felt most like yourself, without trying to "
        "be anyone else: where were you, who was there, and what made it feel that way?"
    )
    view = dataclasses.replace(PLAIN, text=long_question, follow_up="What would bring it back?")
    render_card(view, (300, 420), theme_named("light"), 1.0, book)
    main, follow = chosen[long_question], chosen["What would bring it back?"]
    # Clearly the smaller, down to the card's smallest readable size (its labels' size),
    # where the follow-up stays (lighter and muted) while the question may still shrink.
    floor = layout_card(view, (300, 420), 1.0, book, "Emotional").small
    assert main > follow, (main, follow)
    assert follow <= max(floor, round(main * 0.75)), (main, follow, floor)
    # A short question keeps its follow-up at the follow-up's own size.
    chosen.clear()
    short = dataclasses.replace(PLAIN, text="Tea or coffee?", follow_up="Why that one?")
    render_card(short, (1100, 628), theme_named("light"), 1.0, book)
    assert chosen["Why that one?"] < chosen["Tea or coffee?"]
    assert chosen["Why that one?"] > round(chosen["Tea or coffee?"] * 0.5)


def test_a_right_to_left_card_hangs_from_the_right() -> None:
    book = TextBook()  # with the system's fallback fonts
    text = "ما الذي يمنحك شعوراً بالسلام عندما يكون يومك صعباً؟"
    if book.face_for(text, "bold") == "bold":  # type: ignore[arg-type]
        pytest.skip("no Arabic font installed here")
    view = dataclasses.replace(PLAIN, text=text, follow_up="ومتى شعرت بذلك آخر مرة؟")
    size = (985, 540)
    lay = layout_card(view, size, 1.0, book, "Emotional")
    card = render_card(view, size, theme_named("light"), 1.0, book)
    face = theme_named("light").surface
    body = lay.body
    inked = [
        x
        for x in range(body.left, body.right)
        if any(card.get_at((x, y))[:3] != face for y in range(body.top, body.bottom, 3))
    ]
    assert inked, "nothing drawn in the body"
    assert body.right - inked[-1] < lay.px(24)  # ends at the right edge ...
    assert inked[0] - body.left > body.width // 6  # ... and leaves the left side open
