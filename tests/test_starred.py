"""Stars kept after the night: ids in the group's history, a Starred list on the title."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, library, make_app

from deckgame.engine import Settings
from deckgame.loader import Library
from deckgame.storage import StarredCards, Store
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.context import Launch
from deckgame.ui.scenes.starred import StarredScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def press(app: App, *keys: int) -> None:
    for k in keys:
        app.step([key(k)])


def store_of(home: Path) -> Store:
    return Store(home / "data", home / "config")


def night_with_stars(app: App, players: tuple[str, ...] = ("Ana", "Ben")) -> list[str]:
    """Two cards starred (one while on the table, one after it was done), then E."""
    flow.start_game(app, Settings(players=players))
    app.step()
    table = app.top
    assert isinstance(table, TableScene)
    press(app, pygame.K_f, pygame.K_RETURN, pygame.K_RETURN)  # star, done, next
    press(app, pygame.K_RETURN, pygame.K_f)  # done, star
    starred = list(table.session.game.state.starred)
    assert len(starred) == 2
    press(app, pygame.K_e)
    assert isinstance(app.top, SummaryScene)
    return starred


# Storage ---------------------------------------------------------------------------------


def test_stars_are_kept_by_id_per_group_newest_group_first(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.load_starred() == [] and not store.has_starred()
    store.add_history(["Ana", "Ben"], ["a", "b", "c"], starred=["b"])
    store.add_history(["Kofi", "Mei", "Zoë"], ["x", "y"], starred=["y", "x"])
    assert Store(tmp_path).load_starred() == [
        StarredCards(("Kofi", "Mei", "Zoë"), ("y", "x")),
        StarredCards(("Ana", "Ben"), ("b",)),
    ]
    # The same group (any seat order, any case) again: its stars merge and it comes first.
    store.add_history(["ben", "Ana"], ["d"], starred=["d", "b"])
    first = store.load_starred()[0]
    assert first == StarredCards(("ben", "Ana"), ("d", "b"))
    # A night without stars changes no stars; forgetting the history keeps them.
    store.add_history(["Kofi", "Mei", "Zoë"], ["z"])
    assert store.load_starred()[0].players == ("ben", "Ana")
    store.reset_history(["Ana", "Ben"])
    assert store.load_history(["Ana", "Ben"]) == []
    assert len(store.load_starred()) == 2
    data = json.loads(store.history_path.read_text(encoding="utf-8"))["data"]
    assert set(data) == {"groups", "starred"}


def test_a_history_without_stars_still_loads(tmp_path: Path) -> None:
    store = Store(tmp_path)
    envelope = {"format": "deckgame.history", "version": 1, "data": {"groups": {"a\nb": ["x"]}}}
    store.history_path.write_text(json.dumps(envelope), encoding="utf-8")
    assert store.load_history(["A", "B"]) == ["x"]
    assert store.load_starred() == []
    store.add_history(["A", "B"], ["y"], starred=["y"])
    assert store.load_history(["A", "B"]) == ["x", "y"]


@pytest.mark.parametrize(
    "starred",
    [[], {"a\nb": ["x"]}, {"a\nb": {"players": "A,B", "cards": ["x"]}}, {"k": {"cards": [1]}}],
)
def test_a_broken_starred_section_moves_the_history_aside(tmp_path: Path, starred: object) -> None:
    store = Store(tmp_path)
    data = {"groups": {"a\nb": ["x"]}, "starred": starred}
    envelope = {"format": "deckgame.history", "version": 1, "data": data}
    store.history_path.write_text(json.dumps(envelope), encoding="utf-8")
    assert store.load_starred() == []
    assert not store.history_path.exists()
    assert list(tmp_path.glob("history.json.broken-*"))


# The night and the title -----------------------------------------------------------------


def test_end_keeps_the_stars_and_the_title_offers_them(home: Path) -> None:
    app = make_app(home)
    title = app.top
    assert isinstance(title, TitleScene)
    with pytest.raises(KeyError):
        title.button("starred")  # none yet: no entry
    starred = night_with_stars(app)
    assert store_of(home).load_starred() == [StarredCards(("Ana", "Ben"), tuple(starred))]
    press(app, pygame.K_ESCAPE)  # the summary's Title
    title = app.top
    assert isinstance(title, TitleScene)
    assert title.button("starred").enabled
    press(app, pygame.K_s)
    scene = app.top
    assert isinstance(scene, StarredScene)
    # Newest first; each from the decks loaded now, none missing.
    assert [e.card_id for e in scene.entries] == starred[::-1]
    assert not any(e.missing for e in scene.entries)
    press(app, pygame.K_ESCAPE)
    assert app.top is title


def test_undo_end_then_end_again_keeps_each_star_once(home: Path) -> None:
    app = make_app(home)
    starred = night_with_stars(app)
    press(app, pygame.K_u)  # undo the end
    assert isinstance(app.top, TableScene)
    press(app, pygame.K_e)
    assert store_of(home).load_starred()[0].cards == tuple(starred)


def test_the_list_shows_type_level_and_text_and_says_when_a_card_is_missing(
    home: Path,
) -> None:
    lib = library(broken=False)
    store_of(home).add_history(
        ["Ana", "Ben"], [], starred=["emotional-2-1", "gone-from-the-decks", "physical-1-0"]
    )
    app = make_app(home, lib=lib)
    press(app, pygame.K_s)
    scene = app.top
    assert isinstance(scene, StarredScene)
    assert [(e.card_id, e.missing) for e in scene.entries] == [
        ("physical-1-0", False),
        ("gone-from-the-decks", True),
        ("emotional-2-1", False),
    ]
    texts = app.text._text  # what was rendered for the list, by content
    rendered: set[str] = {str(k[0]) for k in texts}
    assert "Physical · Question · Level 1 · Warmth" in rendered
    assert "Emotional · Question · Level 2 · Confidentiality" in rendered
    assert any("gone-from-the-decks" in t and "not in the decks" in t for t in rendered)
    assert "Ask ______ about a place, ______." in rendered  # names as on paper: a line
    app.step()  # draws without error


def _many_stars(home: Path, lib: Library, count: int) -> list[str]:
    ids = [c.id for c in lib.cards][:count]
    store_of(home).add_history(["Ana", "Ben"], [], starred=ids[: count // 2])
    store_of(home).add_history(["Kofi", "Mei"], [], starred=ids[count // 2 :])
    return ids


def test_the_list_scrolls_by_keys_and_wheel_and_esc_goes_back(home: Path) -> None:
    lib = library(broken=False)
    _many_stars(home, lib, 40)
    app = make_app(home, lib=lib, size=(800, 600))
    title = app.top
    press(app, pygame.K_s)
    scene = app.top
    assert isinstance(scene, StarredScene)
    assert len(scene.entries) == 40 and scene.max_scroll > scene.view.height
    press(app, pygame.K_DOWN)
    assert scene.scroll == scene.step
    press(app, pygame.K_UP, pygame.K_UP)
    assert scene.scroll == 0  # never above the top
    press(app, pygame.K_PAGEDOWN)
    page = scene.scroll
    assert page > scene.view.height // 2
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
    assert scene.scroll > page
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=2, flipped=False)])
    assert scene.scroll < page
    press(app, pygame.K_END)
    assert scene.scroll == scene.max_scroll
    press(app, pygame.K_PAGEDOWN)
    assert scene.scroll == scene.max_scroll  # never below the end
    press(app, pygame.K_HOME)
    assert scene.scroll == 0
    # A smaller window lays the list out again and keeps the scroll inside it.
    press(app, pygame.K_END)
    app.relayout()
    assert 0 <= scene.scroll <= scene.max_scroll
    press(app, pygame.K_ESCAPE)
    assert app.top is title


def test_back_by_mouse_and_every_size_draws(home: Path) -> None:
    lib = library(broken=False)
    _many_stars(home, lib, 12)
    for size in ((800, 600), (1280, 720), (1920, 1080)):
        app = make_app(home, lib=lib, size=size, launch=Launch(seed=1))
        press(app, pygame.K_s)
        scene = app.top
        assert isinstance(scene, StarredScene)
        press(app, pygame.K_END)
        app.step()
        back = scene.button("back")
        app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=back.rect.center, button=1)])
        assert isinstance(app.top, TitleScene)
