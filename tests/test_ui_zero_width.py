"""Text of zero-width characters alone draws as nothing, never as SDL's "zero width" error."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import key, make_app, typed

from deckgame.ui.cardlayout import type_scale
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.text import TextBook

ZERO_WIDTH = ["\u200c", "\u200d", "\ufe0f", "\u034f", "\U000e0100", "\u200d\u200c\ufe0f"]


@pytest.fixture
def book(tmp_path: Path) -> TextBook:
    make_app(tmp_path)  # a display, fonts initialised
    return TextBook()


@pytest.mark.parametrize("text", ZERO_WIDTH)
def test_zero_width_text_is_an_empty_line(book: TextBook, text: str) -> None:
    image = book.render(text, 20, (0, 0, 0))
    assert image.get_width() == 0 and image.get_height() > 0
    assert book.line(text, 20, (0, 0, 0), 100).get_width() == 0
    assert book.size(text, 20)[0] == 0


@pytest.mark.parametrize("text", ["\u200d美咲", "Ana \u200c", "\u200c عبد"])
def test_a_zero_width_run_in_mixed_text_takes_no_room(book: TextBook, text: str) -> None:
    visible = text.replace("\u200c", "").replace("\u200d", "")
    assert book.render(text, 20, (0, 0, 0)).get_width() == pytest.approx(
        book.render(visible, 20, (0, 0, 0)).get_width(), abs=2
    )


def test_a_name_field_of_zero_width_characters_draws(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.step([key(pygame.K_RETURN)])  # Play: the names
    assert isinstance(app.top, SetupScene)
    app.step(typed("\u200c\u200d\ufe0f"))  # drawn in the frame, no error
    app.step(typed("\u034f"))


def test_a_card_with_no_size_yet_scales_to_nothing() -> None:
    assert type_scale(-0.5) == 0.0
