"""Window first: ``deckgame play`` opens its window before the engine, pydantic or yaml load.

Checked in a fresh interpreter (this one has imported everything already): a spy in place of
``pygame.display.set_mode`` writes down ``sys.modules`` at the moment the window would open,
then stops the program.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from table_probe import at_first_table, run_probe

_PROBE = """
import json, sys
import pygame

def spy(*args, **kwargs):
    print(json.dumps(sorted(sys.modules)))
    sys.stdout.flush()
    import os
    os._exit(0)

pygame.display.set_mode = spy
from deckgame.cli import main
main(sys.argv[1:])
print("null")
"""

HEAVY = ("pydantic", "pydantic_core", "yaml", "deckgame.engine", "deckgame.model")
# Not needed for the first frame either (deckgame.ui.window draws it): they load after it.
LATER = ("deckgame.ui.app", "deckgame.ui.scenes", "deckgame.ui.widgets", "deckgame.kinds")


def _modules_at_set_mode(*argv: str) -> list[str]:
    modules: list[str] = run_probe(_PROBE, argv)
    return modules


def _heavy(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in heavy)]


@pytest.mark.parametrize(
    "argv", [("play", "--players", "Ana,Ben"), ("play",), ("--players", "Ana,Ben", "--seed", "3")]
)
def test_play_opens_its_window_before_the_engine_pydantic_or_yaml(argv: tuple[str, ...]) -> None:
    modules = _modules_at_set_mode(*argv)
    assert "pygame" in modules
    assert _heavy(modules) == []


def test_only_the_chosen_command_is_imported() -> None:
    modules = _modules_at_set_mode("play", "--players", "Ana,Ben")
    commands = {m for m in modules if m.startswith("deckgame.commands.")}
    assert commands == {"deckgame.commands.play", "deckgame.commands.session_options"}


def test_the_first_frame_needs_no_scene_font_or_card_module() -> None:
    modules = _modules_at_set_mode("play", "--players", "Ana,Ben")
    assert "deckgame.ui.window" in modules
    assert _heavy(modules, LATER) == []


def _modules_at_first_card(home: Path, *argv: str) -> tuple[list[str], str]:
    report = '{"modules": sorted(sys.modules), "card": game.card_text()}'
    found = at_first_table(report, argv, home)
    return found["modules"], found["card"]


def test_a_start_with_unchanged_decks_deals_without_pydantic_or_yaml(tmp_path: Path) -> None:
    argv = ("play", "--players", "Ana,Ben,Cy", "--seed", "5")
    cold, first_card = _modules_at_first_card(tmp_path, *argv)
    # The first start reads and validates every deck (and fills the deck cache)...
    assert "pydantic" in cold and "yaml" in cold
    warm, again = _modules_at_first_card(tmp_path, *argv)
    # ... the next deals the same card from the cache, with no parser or validator loaded.
    assert again == first_card
    assert _heavy(warm, ("pydantic", "pydantic_core", "yaml", "deckgame.model")) == []
    assert _heavy(warm, ("deckgame.content.specs", "deckgame.content.deck_file")) == []
