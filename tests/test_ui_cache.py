"""Image caches are bounded in bytes (LRU), follow the window up to a ceiling, and let go
of what a new window size or theme can never draw again."""

from __future__ import annotations

import doctest
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, make_app

from deckgame.engine import Settings
from deckgame.ui import cache, flow
from deckgame.ui.app import App
from deckgame.ui.cache import FontCache, ImageCache, surface_bytes, window_bytes
from deckgame.ui.scenes.help import HelpScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.text import TextBook
from deckgame.ui.theme import theme_named


def square(side: int = 10) -> pygame.Surface:
    return pygame.Surface((side, side), pygame.SRCALPHA)


def test_the_module_examples_run() -> None:
    assert doctest.testmod(cache).failed == 0


def test_a_cache_counts_bytes_and_evicts_the_least_recently_used() -> None:
    one = surface_bytes(square())
    assert one >= 400  # 10 x 10 at 4 bytes a pixel, rows maybe padded
    images: ImageCache[str] = ImageCache("test lru", budget=3 * one)
    for name in "abc":
        images.put(name, square())
    assert images.bytes == 3 * one
    assert images.get("a") is not None  # "a" is now the most recently used: "b" goes first
    images.put("d", square())
    assert list(images) == ["c", "a", "d"]
    # Bytes, not entries: one picture twice as large pushes out two small ones.
    double = pygame.Surface((10, 20), pygame.SRCALPHA)
    images.put("e", double)
    assert list(images) == ["d", "e"]
    assert images.bytes == surface_bytes(double) + one <= images.budget
    # A picture larger than the whole budget is handed back, never kept.
    big = square(100)
    assert images.put("huge", big) is big
    assert "huge" not in images and images.bytes <= images.budget
    # Putting a key again replaces its bytes rather than adding them.
    images.put("d", square())
    assert images.bytes == surface_bytes(double) + one


def test_budgets_in_windows_follow_the_window_up_to_a_ceiling() -> None:
    assert window_bytes((1280, 720)) == 1280 * 720 * 4
    assert window_bytes((7680, 4320)) == window_bytes((3840, 2160)) == 3840 * 2160 * 4
    text: ImageCache[str] = ImageCache("test text", windows=2, limits=(16 * 2**20, 64 * 2**20))
    assert text.budget == max(16 * 2**20, 2 * window_bytes())
    with pytest.raises(ValueError):
        ImageCache("test both", budget=10, windows=1)


def test_fonts_are_capped_by_count_oldest_out() -> None:
    pygame.font.init()
    fonts: FontCache[int] = FontCache(limit=3)
    for size in (10, 11, 12):
        fonts.put(size, pygame.font.Font(None, size))
    assert fonts.get(10) is not None
    fonts.put(13, pygame.font.Font(None, 13))
    assert len(fonts) == 3 and fonts.get(11) is None and fonts.get(10) is not None


def test_ten_thousand_strings_keep_the_text_cache_under_its_budget() -> None:
    book = TextBook()
    budget = book.text_cache.budget
    for i in range(10_000):
        book.render(f"Card {i}: what would you ask a stranger on a train?", 24, (20, 20, 20))
        book.render("Pass or X-card anytime", 24, (20, 20, 20))  # used at every frame
        if i % 1000 == 0:
            assert book.cache_bytes() <= budget
    assert 0 < book.cache_bytes() <= budget
    assert len(book.text_cache) < 10_000
    # The line drawn at every frame was never evicted: it was rendered once.
    renders = book.renders
    book.render("Pass or X-card anytime", 24, (20, 20, 20))
    assert book.renders == renders
    # Fonts are capped as well, however many sizes are asked for.
    for size in range(8, 300):
        book.font("regular", size)
    assert len(book.font_cache) <= book.font_cache.limit


def resize(app: App, size: tuple[int, int]) -> None:
    app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    app.step(dt=0.1)


def assert_within_budgets(app: App, size: tuple[int, int]) -> None:
    for each in cache.live_caches():
        assert each.bytes <= each.budget, each.name
        held = [each.get(k) for k in each]
        assert each.bytes == sum(surface_bytes(s) for s in held if s is not None)
        if each.per_window and len(each):
            assert each.made_at == size, each.name  # nothing kept for another window size
    assert app.look.text.text_cache.budget <= 64 * 2**20
    assert len(app.look.text.font_cache) <= app.look.text.font_cache.limit


def test_resizing_to_4k_and_back_with_the_help_open_keeps_every_cache_in_budget(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    flow.start_game(app, Settings(players=("Ana", "Ben", "Cy")))
    app.step(dt=0.4)
    table = app.top
    assert isinstance(table, TableScene)
    app.step([key(pygame.K_F1)])
    assert isinstance(app.top, HelpScene)
    sizes = [(800, 600), (1280, 720), (1920, 1080), (2560, 1440), (3840, 2160)]
    # Up and down, and a drag near 4K: every step a size the caches have not seen.
    steps = sizes + sizes[::-1] + sizes + [(3840 - 16 * i, 2160 - 9 * i) for i in range(6)]
    for size in steps:
        resize(app, size)
        assert app.size == size
        assert_within_budgets(app, size)
        # The table under the help keeps one picture of itself, at the window's size.
        frame = table._frame
        assert frame is None or frame.get_size() == size
    names = {each.name for each in cache.live_caches()}
    assert {"text", "backdrops", "layers", "table cards"} <= names
    # Back in a small window, the caches that follow the window shrink with it.
    resize(app, (1280, 720))
    assert_within_budgets(app, (1280, 720))
    assert app.look.text.cache_bytes() <= max(16 * 2**20, 2 * window_bytes((1280, 720)))
    # Once the window keeps its size, the table under the help keeps one picture of itself.
    app.step(dt=0.1)
    assert table._frame is not None and table._frame.get_size() == (1280, 720)


def test_a_theme_change_lets_go_of_the_old_themes_pictures(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    app.step(dt=0.4)
    table = app.top
    assert isinstance(table, TableScene)
    app.step([key(pygame.K_F1)])
    app.step([key(pygame.K_F1)])
    backdrops = next(c for c in cache.live_caches() if c.name == "backdrops")
    assert [theme for theme, _size in backdrops] == ["light"]
    assert len(table._cards) >= 1
    ink = theme_named("light").text
    assert ink not in vars(theme_named("dark")).values()
    light_words = {k for k in app.look.text.text_cache if k[2] == ink}
    assert light_words

    app.settings.theme = "dark"
    app.apply_settings()
    # Nothing in the light theme's colours is kept, at the same window size too.
    assert all(theme == "dark" for theme, _size in backdrops)
    assert len(table._cards) == 0
    assert not light_words & set(app.look.text.text_cache)
    app.step(dt=0.1)
    assert [theme for theme, _size in backdrops] == ["dark"]
    assert len(table._cards) >= 1 and all(k[2] == "dark" for k in table._cards)
    assert not light_words & set(app.look.text.text_cache)


def test_icons_are_kept_by_bytes_and_let_go_with_the_theme(tmp_path: Path) -> None:
    """Drawn icons live in a bounded cache like every other picture: the same icon asked
    twice is drawn once, and a new theme lets go of the old theme's colours."""
    from deckgame.ui.icons import icon

    app = make_app(tmp_path)
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    app.step(dt=0.4)
    icons = next(c for c in cache.live_caches() if c.name == "icons")
    assert len(icons) >= 1 and icons.bytes <= icons.budget
    assert icon("star", 33, (1, 2, 3)) is icon("star", 33, (1, 2, 3))
    assert ("star", 33, (1, 2, 3)) in icons
    app.settings.theme = "dark"
    app.apply_settings()
    assert ("star", 33, (1, 2, 3)) not in icons
