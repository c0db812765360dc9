"""A screen reader can follow the game: the AccessKit tree of the table (the card as a live
region, every button with its name and key, the focused node), a screen reader's press
reaching the scene, and the adapter staying away where there is no bus or no AccessKit.
Built without a bus: the tree is plain data until it is handed to an adapter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_helpers import key, make_app, start_table

from deckgame.ui import a11y
from deckgame.ui.app import App
from deckgame.ui.scenes.hold import HoldScene
from deckgame.ui.scenes.table import TableScene

accesskit = pytest.importorskip("accesskit")

THREE = ("Ana", "Ben", "Cy")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def start(app: App) -> TableScene:
    return start_table(app, THREE)


def nodes(update: Any) -> dict[int, Any]:
    return dict(update.nodes)


def test_the_table_tree_has_the_card_live_the_buttons_with_keys_and_the_focus(
    home: Path,
) -> None:
    app = make_app(home)
    table = start(app)
    card = table.session.game.current_card
    assert card is not None
    picture = a11y.describe(table, "deckgame")
    update = a11y.tree(picture, accesskit)
    tree = nodes(update)
    root = tree[a11y.ROOT_ID]
    assert root.role == accesskit.Role.WINDOW
    assert set(root.children) == {item.id for item in picture.items}
    live = [n for n in tree.values() if n.live == accesskit.Live.POLITE]
    text = table.view(card).text
    assert any(text in (n.value or "") for n in live)  # the card, names filled in
    assert any("Ana answers" in (n.value or "") for n in live)
    buttons = {n.label: n for n in tree.values() if n.role == accesskit.Role.BUTTON}
    assert "Pass" in buttons and buttons["Pass"].keyboard_shortcut == "P"
    assert "X-card" in " ".join(buttons)
    assert update.focus == a11y.ROOT_ID  # nothing focused yet
    app.step([key(pygame.K_TAB)])
    focused = a11y.describe(table, "deckgame")
    assert focused.focus != a11y.ROOT_ID
    item = focused.item(focused.focus)
    assert item is not None and item.label == table.focus.current.label  # type: ignore[union-attr]
    assert a11y.tree(focused, accesskit).focus == focused.focus


def test_a_screen_readers_press_reaches_the_scene_as_a_click(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    before = table.session.game.current_card
    picture = a11y.describe(table, "deckgame")
    pass_id = next(i.id for i in picture.items if i.label == "Pass")
    a11y.handle(table, pygame.event.Event(a11y.A11Y_ACTION, target=pass_id, action="click"))
    assert table.session.game.current_card != before  # passed: a fresh card
    focus_id = next(i.id for i in a11y.describe(table, "x").items if i.role == "button")
    a11y.handle(table, pygame.event.Event(a11y.A11Y_ACTION, target=focus_id, action="focus"))
    assert a11y.describe(table, "x").focus == focus_id
    a11y.handle(table, pygame.event.Event(a11y.A11Y_ACTION, target=9999, action="click"))


def test_hold_hides_the_card_from_the_screen_reader_too(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    card = table.session.game.current_card
    assert card is not None
    app.step([key(pygame.K_h)])
    hold = app.top
    assert isinstance(hold, HoldScene)
    picture = a11y.describe(hold, "deckgame")
    words = " ".join(item.value for item in picture.items)
    assert "On hold" in words and table.view(card).text not in words


def test_no_bus_no_accesskit_or_turned_off_means_no_adapter_and_play_goes_on(
    home: Path,
) -> None:
    assert a11y.Accessibility(env={}, platform="linux").reason == "no desktop session bus"
    off = a11y.Accessibility(env={"DECKGAME_A11Y": "off", "DBUS_SESSION_BUS_ADDRESS": "x"})
    assert not off.available
    missing = a11y.Accessibility(
        env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"},
        platform="linux",
        load=lambda: None,
    )
    assert missing.reason == "accesskit is not installed"
    app = make_app(home)
    table = start(app)
    for quiet in (off, missing):
        quiet.refresh(table, "deckgame")  # nothing to tell, nothing breaks
        quiet.start()
        assert quiet.picture is None


def test_the_picture_changes_only_when_the_screen_does(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    seen: list[Any] = []

    class Adapter:
        def update_if_active(self, factory: Any) -> None:
            seen.append(factory())

    access = a11y.Accessibility(env={"DBUS_SESSION_BUS_ADDRESS": "x"}, platform="linux")
    access._adapter = Adapter()
    access.refresh(table, "deckgame")
    access.refresh(table, "deckgame")
    assert len(seen) == 1  # unchanged: no new tree
    app.step([key(pygame.K_RETURN)])  # done: the status line changes
    access.refresh(table, "deckgame")
    assert len(seen) == 2


def test_the_app_hands_a_screen_readers_press_to_the_scene_on_top(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    before = table.session.game.current_card
    picture = a11y.describe(table, "deckgame")
    pass_id = next(i.id for i in picture.items if i.label == "Pass")
    app.step([pygame.event.Event(a11y.A11Y_ACTION, target=pass_id, action="click")])
    assert table.session.game.current_card != before
    assert app.a11y.reason  # no bus in tests: the adapter stayed away, the game played on
