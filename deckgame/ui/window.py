"""The game's window, opened before anything heavy is imported.

``deckgame play`` shows its first frame here: the window in the player's theme colour, a
blink after the command is typed (GAME.md: "starts in a blink"). Only pygame, the
framebuffer choice (:mod:`deckgame.ui.display`) and the saved settings are needed for it;
the scenes, fonts, engine and decks load after it is on screen and the title replaces it
a few hundredths of a second later. :class:`deckgame.ui.app.App` opens its window through
:func:`open_window` too, and so takes over this one instead of opening a second.
"""

from __future__ import annotations

import pygame

from deckgame.ui import display

__all__ = [
    "DEFAULT_SIZE",
    "FIRST_FRAME",
    "SMALLEST",
    "TITLE",
    "first_frame",
    "open_window",
    "windowed_size",
]

TITLE = "deckgame"
DEFAULT_SIZE = (1280, 720)
# The smallest window opened: half the layout's smallest size (``theme.MIN_WINDOW``, a
# test holds them so); smaller ones draw the layout scaled down.
SMALLEST = (400, 300)

# Each theme's background (``deckgame.ui.theme``; a test holds them equal), here so that
# the first frame needs no theme, font or scene module.
FIRST_FRAME: dict[str, tuple[int, int, int]] = {
    "light": (243, 234, 222),
    "dark": (30, 25, 29),
    "contrast": (0, 0, 0),
}

# What the window now on screen was opened as: (size asked, fullscreen).
_opened: tuple[tuple[int, int], bool] | None = None


def windowed_size(size: tuple[int, int]) -> tuple[int, int]:
    """The window size opened for ``size`` asked (``--windowed``, the saved one)."""
    return (max(SMALLEST[0], size[0]), max(SMALLEST[1], size[1]))


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    """The window's surface: ``size`` resizable, or the whole screen. A window already
    open with the same request is kept as it is (no second ``set_mode``, no flicker)."""
    global _opened
    screen = pygame.display.get_surface()
    if screen is not None and _opened == (size, fullscreen):
        return screen
    display.prepare()  # the framebuffer SDL gives the window (that module says why)
    if fullscreen:
        screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    else:
        screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    _opened = (size, fullscreen)
    return screen


def first_frame(size: tuple[int, int], fullscreen: bool, theme: str) -> pygame.Surface:
    """Open the window and show it at once in ``theme``'s background colour."""
    pygame.display.init()
    pygame.display.set_caption(TITLE)
    screen = open_window(windowed_size(size), fullscreen)
    screen.fill(FIRST_FRAME.get(theme, FIRST_FRAME["light"]))
    pygame.display.flip()
    return screen
