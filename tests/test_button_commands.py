"""Buttons carry a command value, as keys do: nothing in the UI takes an action name apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pygame
from ui_helpers import key, library, make_app

import deckgame.ui
from deckgame.engine import Phase, Settings
from deckgame.ui import flow, keymap
from deckgame.ui.bindings import Command
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.scenes.table import TableScene

UI = Path(deckgame.ui.__file__).parent
# The string methods that read a prefix or a suffix off a name, or cut it in two.
TAKING_APART = {"startswith", "endswith", "removeprefix", "removesuffix", "partition", "rpartition"}


def _parses_a_name(call: ast.Call) -> bool:
    """A call such as ``action.startswith("pick_")`` or ``name.split("_")``: a string method
    on something named for an action or a command, or with a literal ending in ``_``."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr not in TAKING_APART and func.attr not in ("split", "rsplit"):
        return False
    receiver = ast.unparse(func.value).lower()
    literals = [
        node.value
        for arg in call.args
        for node in ast.walk(arg)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    underscore = any(text.endswith("_") or text == "_" for text in literals)
    named = any(word in receiver for word in ("action", "command"))
    return underscore or (named and func.attr in TAKING_APART)


def test_no_scene_takes_an_action_name_apart() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _parses_a_name(node):
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "buttons and keys carry Command values; match them:\n" + "\n".join(found)


def test_the_guard_sees_the_old_ways() -> None:
    for source in ('action.startswith("pick_")', 'b.action.removeprefix("x")', 'n.split("_")'):
        call = ast.parse(source, mode="eval").body
        assert isinstance(call, ast.Call) and _parses_a_name(call), source
    assert not _parses_a_name(ast.parse('name.split(" ", 1)', mode="eval").body)  # type: ignore[arg-type]


def test_a_pick_by_key_and_by_its_button_is_one_command(tmp_path: Path) -> None:
    app = make_app(tmp_path, lib=library())
    flow.start_game(app, Settings(players=("Ana", "Ben"), offered=2))
    app.step()
    table = app.top
    assert isinstance(table, TableScene) and table.session.game.phase is Phase.OFFER
    by_key = keymap.binding_for(key(pygame.K_2))
    assert by_key == Command("pick", 1) == table.button("pick", 1).command
    assert table.button("veto", 1).command == Command("veto", 1)
    offered = table.session.game.state.offered
    table.activate(table.button("pick", 1))
    assert table.session.game.state.card == offered[1]


def test_a_theme_toggle_sends_its_theme_by_name(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    scene = SettingsScene(app)
    app.push(scene)
    app.step()
    themes = [b.command for b in scene.buttons if b.action == "theme"]
    assert themes and all(isinstance(c.arg, str) for c in themes)
    scene.activate(scene.button("theme", "dark"))
    assert app.settings.theme == "dark"
    scene.on_command(Command("theme", "light"))
    assert app.settings.theme == "light"
