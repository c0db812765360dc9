"""Mixed text: names in right-to-left scripts inside English sentences, several scripts in
one string, emoji. Each part in its own reading order and in a font that has its letters."""

from __future__ import annotations

import doctest
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from deckgame.ui import runs as runs_module
from deckgame.ui.assets import Face
from deckgame.ui.runs import Direction, Run, is_mixed, paragraph_direction, runs, visual, words
from deckgame.ui.text import TextBook, system_font_files

BLACK = (0, 0, 0)


def has_font(hint: str) -> bool:
    return any(hint.lower() in f.name.lower() for f in system_font_files())


needs_arabic = pytest.mark.skipif(not has_font("Arabic"), reason="no Arabic font installed")
needs_cjk = pytest.mark.skipif(not has_font("CJK"), reason="no CJK font installed")
needs_emoji = pytest.mark.skipif(not has_font("Emoji"), reason="no emoji font installed")


@pytest.fixture(scope="module")
def book() -> TextBook:
    pygame.font.init()
    return TextBook()


def columns(surface: pygame.Surface) -> list[int]:
    """How much ink each column holds: the same glyphs give the same list wherever they
    sit vertically."""
    mask = pygame.mask.from_surface(surface, 60)
    w, h = mask.get_size()
    return [sum(mask.get_at((x, y)) for y in range(h)) for x in range(w)]


def trimmed(cols: list[int]) -> list[int]:
    start = next((i for i, c in enumerate(cols) if c), 0)
    end = len(cols) - next((i for i, c in enumerate(reversed(cols)) if c), 0)
    return cols[start:end]


def test_the_rules_hold_their_examples() -> None:
    result = doctest.testmod(runs_module)
    assert result.attempted > 0 and result.failed == 0


def test_directions_and_runs() -> None:
    assert not is_mixed("Zoë and Chloé") and not is_mixed("محمد") and not is_mixed("美咲 Ana")
    assert is_mixed("Warmth for محمد from Ana") and is_mixed("שלום 2")
    assert paragraph_direction("Warmth for محمد from Ana") == "ltr"
    assert paragraph_direction("שלום Ben, מה שלומך היום?") == "rtl"
    assert paragraph_direction("?!") == "ltr"
    got = runs("שלום Ben, מה שלומך היום?", "rtl")
    assert [(r.text, r.direction) for r in got] == [
        ("שלום ", "rtl"),
        ("Ben", "ltr"),
        (", מה שלומך היום?", "rtl"),
    ]

    # An RTL paragraph draws its runs right to left; an LTR one keeps them in order.
    def direction(run: Run) -> Direction:
        return run.direction

    assert [r.text for r in visual(got, direction, "rtl")] == [", מה שלומך היום?", "Ben", "שלום "]
    assert visual(got, direction, "ltr") == got
    assert "".join(r.text for r in runs("", "ltr")) == ""
    assert [w.text for w in words(Run("  lead", "ltr"))] == ["  ", "lead"]


@needs_arabic
def test_an_arabic_name_keeps_the_english_around_it_in_order(book: TextBook) -> None:
    name, rest = "محمد", "'s turn. Pass or X-card anytime."
    mixed = book.render(name + rest, 32, BLACK)
    alone_name = book.render(name, 32, BLACK)
    alone_rest = book.render(rest, 32, BLACK)
    cols = columns(mixed)
    # The name on the left, drawn exactly as on its own (right to left, joined), and the
    # English after it, letter for letter, not mirrored into "nrut s'".
    assert cols[: alone_name.get_width()] == columns(alone_name)
    assert trimmed(cols[alone_name.get_width() :]) == trimmed(columns(alone_rest))
    assert trimmed(cols[alone_name.get_width() :]) != trimmed(columns(alone_rest))[::-1]
    assert book.size(name + rest, 32) == mixed.get_size()


@needs_arabic
def test_a_mixed_line_is_no_taller_than_its_ink_needs(book: TextBook) -> None:
    plain = book.render("Warmth for Omar from Ana", 32, BLACK)
    mixed = book.render("Warmth for محمد from Ana", 32, BLACK)
    assert mixed.get_height() <= plain.get_height() * 1.35


@needs_arabic
@needs_cjk
def test_wrapped_mixed_text_fits_and_every_part_has_its_glyphs(book: TextBook) -> None:
    text = "What would محمد and 美咲 say if you asked them about the best day of their lives?"
    surface = book.render(text, 32, BLACK, wrap=420)
    assert surface.get_width() == 420
    one_line = book.font(Face.REGULAR, 32).get_linesize()
    assert surface.get_height() >= 3 * one_line  # it wrapped
    for word in text.split():
        for part, face in book._chunks(word, Face.REGULAR):
            assert book._covers(face, part), (part, face)


@needs_arabic
@pytest.mark.parametrize("text", ["ما الذي تتذكره من يوم مع Ana؟", "ما الذي تتذكره من ذلك اليوم؟"])
def test_a_right_to_left_card_starts_at_the_right(book: TextBook, text: str) -> None:
    surface = book.render(text, 28, BLACK, wrap=600)
    ink = surface.get_bounding_rect()
    assert ink.right > surface.get_width() - 10 and ink.left > 10


@needs_emoji
def test_emoji_are_drawn_in_colour_at_the_text_size(book: TextBook) -> None:
    surface = book.render("Good night 🌙 sleep well", 32, BLACK)
    line = book.font(Face.REGULAR, 32).get_height()
    assert surface.get_height() <= line * 1.3  # not the emoji font's 128 px strike
    colours = {
        surface.get_at((x, y))[:3]
        for x in range(surface.get_width())
        for y in range(surface.get_height())
        if surface.get_at((x, y))[3] > 200
    }
    assert any(r > 150 and g > 120 and b < 100 for r, g, b in colours)  # the yellow moon
    # The words either side keep their spacing: the emoji font's wide space is not used.
    words_only = book.render("Good night  sleep well", 32, BLACK)
    assert surface.get_width() < words_only.get_width() + line * 1.6
