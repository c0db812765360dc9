"""The first frame (deckgame.ui.window): the window in the theme's colour before anything
else loads, then taken over by the App without a second window."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from deckgame.ui import window
from deckgame.ui.app import App
from deckgame.ui.settings import UiSettings
from deckgame.ui.theme import MIN_WINDOW, THEMES


def test_the_first_frame_colours_are_the_themes_backgrounds() -> None:
    assert {name: theme.background for name, theme in THEMES.items()} == window.FIRST_FRAME


def test_the_smallest_window_is_half_the_layouts_smallest() -> None:
    assert (MIN_WINDOW[0] // 2, MIN_WINDOW[1] // 2) == window.SMALLEST
    assert window.windowed_size((100, 1000)) == (400, 1000)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_first_frame_shows_the_theme_and_the_app_takes_the_window_over(
    theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.first_frame((900, 640), False, theme)
    try:
        assert screen.get_size() == (900, 640)
        assert screen.get_at((450, 320))[:3] == THEMES[theme].background
        opened: list[object] = []
        real = pygame.display.set_mode

        def spy(*args: Any, **kwargs: Any) -> pygame.Surface:
            opened.append(args)
            return real(*args, **kwargs)

        monkeypatch.setattr(pygame.display, "set_mode", spy)
        app = App(size=(900, 640), settings=UiSettings(theme=theme))
        assert opened == []  # the same window: no second set_mode, no flicker
        assert app.screen is screen
        app.toggle_fullscreen()  # a different request opens anew
        assert len(opened) == 1
    finally:
        pygame.quit()


def test_an_unknown_theme_gets_the_light_one() -> None:
    try:
        screen = window.first_frame((800, 600), False, "no-such-theme")
        assert screen.get_at((1, 1))[:3] == THEMES["light"].background
    finally:
        pygame.quit()
