"""One keymap: the F1 overlay, the buttons' hints, the README and GAME.md say the same keys."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, library, make_app

from deckgame.engine import Settings
from deckgame.ui import flow, keymap
from deckgame.ui.scenes.help import KEYS
from deckgame.ui.scenes.table import TableScene

ROOT = Path(__file__).resolve().parent.parent
GAME_MD = ROOT.parent / "shared" / "GAME.md"
# Keys GAME.md lists for features that are not built yet (none now: R reads aloud).
NOT_BUILT: set[str] = set()


def _table_rows(text: str, heading: str) -> list[list[str]]:
    section = text.split(heading, 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def readme_keys() -> set[str]:
    rows = _table_rows((ROOT / "README.md").read_text(encoding="utf-8"), "### Keys")
    return {row[0] for row in rows if row[0]}


def game_md_keys() -> set[str]:
    keys = set()
    for row in _table_rows(GAME_MD.read_text(encoding="utf-8"), "## Keyboard"):
        keys.add(row[0])
        # The last row packs more keys into its description: "... · Esc: back / menu · F1: ..."
        keys.update(re.findall(r"·\s*([^:·]+):", row[1]))
    return {k.strip() for k in keys}


def test_help_overlay_is_the_keymap() -> None:
    assert list(KEYS) == keymap.help_rows()
    assert [label for label, _ in KEYS[:-1]] == keymap.labels()


def test_readme_key_table_matches_the_keymap() -> None:
    assert readme_keys() == set(keymap.labels())


@pytest.mark.skipif(not GAME_MD.exists(), reason="../shared/GAME.md is not beside the repo")
def test_game_md_key_table_matches_the_keymap() -> None:
    assert game_md_keys() - NOT_BUILT == set(keymap.labels())


def test_every_command_has_a_hint_and_one_meaning_per_key() -> None:
    for scene, entries in keymap.SCENES.items():
        seen: dict[tuple[int, bool], keymap.Command] = {}
        for entry in entries:
            for k in entry.keys:
                assert keymap.hint(k.sends, scene=scene), (scene, k)
                assert seen.setdefault((k.code, k.ctrl), k.sends) == k.sends, (scene, k)


def test_every_controller_button_sends_a_command_its_scene_has_a_key_for() -> None:
    for scene, entries in keymap.SCENES.items():
        keyed = {k.sends for entry in entries for k in entry.keys}
        buttons: set[int] = set()
        for entry in entries:
            for pad in entry.pads:
                assert keymap.Command(pad.command, pad.arg) in keyed, (scene, pad)
                assert pad.button not in buttons, (scene, pad)  # one meaning per button
                buttons.add(pad.button)


def test_game_md_controller_layout_is_the_keymaps() -> None:
    # GAME.md: A primary (at the question: yes), B passes (at the question: not yet), X the
    # X-card, Y stars, LB undoes, RB gives warmth, Start holds, Back opens help.
    table = {
        pygame.CONTROLLER_BUTTON_A: "primary",
        pygame.CONTROLLER_BUTTON_B: "pass",
        pygame.CONTROLLER_BUTTON_X: "veto",
        pygame.CONTROLLER_BUTTON_Y: "star",
        pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "undo",
        pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "warmth",
        pygame.CONTROLLER_BUTTON_START: "hold",
        pygame.CONTROLLER_BUTTON_BACK: "help",
    }
    for button, name in table.items():
        assert keymap.pad_binding_for(button) == keymap.Command(name)
    assert keymap.pad_binding_for(pygame.CONTROLLER_BUTTON_A, "deeper") == keymap.Command("agree")
    assert keymap.pad_binding_for(pygame.CONTROLLER_BUTTON_B, "deeper") == keymap.Command("not_yet")


def test_picks_carry_their_number_not_a_name_to_parse() -> None:
    assert keymap.binding_for(key(pygame.K_1)) == keymap.Command("pick", 0)
    assert keymap.binding_for(key(pygame.K_KP2)) == keymap.Command("pick", 1)
    assert keymap.hint(keymap.Command("pick", 1)) == "2"
    assert keymap.binding_for(key(pygame.K_1), "workshop") == keymap.Command("level", 1)


def test_the_readme_table_is_generated_from_the_keymap() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert keymap.markdown_table() in text


def test_alt_and_super_combinations_send_nothing() -> None:
    assert keymap.command_for(key(pygame.K_TAB, pygame.KMOD_ALT)) is None
    assert keymap.command_for(key(pygame.K_x, pygame.KMOD_GUI)) is None
    assert keymap.command_for(key(pygame.K_z, pygame.KMOD_CTRL)) == "undo"
    assert keymap.command_for(key(pygame.K_x)) == "veto"


@pytest.mark.parametrize("players", [("Ana", "Ben"), ("Ana", "Ben", "Cy", "Dee")])
@pytest.mark.parametrize("offered", [1, 2])
def test_every_table_button_shows_the_key_that_does_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, players: tuple[str, ...], offered: int
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    app = make_app(tmp_path, lib=library(challenge=True))
    flow.start_game(app, Settings(players=players, offered=offered))
    app.step()
    table = app.top
    assert isinstance(table, TableScene)
    for step in range(3):  # the card (or offer), then after Done, then the next card
        for button in table.buttons:
            command = button.command
            if command.name == "veto" and command.arg is not None:
                continue  # the X-card under each offered card: X removes both
            assert button.key == keymap.hint(command), (step, command, button.key)
        if step == 0 and offered == 2:
            app.step([key(pygame.K_1)])
        else:
            app.step([key(pygame.K_RETURN)])
    assert os.environ["SDL_VIDEODRIVER"] == "dummy"
