"""Setup offers exactly the options a session accepts, with the defaults the command line
fills in: ranges, defaults and choices come from :mod:`deckgame.options`."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import make_app

from deckgame.options import (
    DEFAULT_AUDIENCE,
    DEFAULT_OFFERED,
    DEFAULT_UNLOCK_ROUNDS,
    MAX_UNLOCK_ROUNDS,
    MIN_UNLOCK_ROUNDS,
    OFFERED_CHOICES,
)
from deckgame.ui import flow
from deckgame.ui.context import Launch
from deckgame.ui.scenes.setup import SetupScene


def _cards_page(tmp_path: Path, launch: Launch) -> SetupScene:
    app = make_app(tmp_path, launch=launch)
    flow.start_setup(app, players=["Ana", "Ben"])
    app.step()
    scene = app.top
    assert isinstance(scene, SetupScene)
    scene.on_action("next")
    assert scene.page == 1
    return scene


def test_what_the_command_line_leaves_out_is_the_options_default(tmp_path: Path) -> None:
    scene = _cards_page(tmp_path, Launch(seed=1))
    assert scene.audience.value == DEFAULT_AUDIENCE
    assert scene.unlock_rounds == DEFAULT_UNLOCK_ROUNDS
    assert scene.offered == DEFAULT_OFFERED
    chosen = _cards_page(tmp_path, Launch(seed=1, unlock_rounds=5, offered=2, audience="family"))
    assert (chosen.unlock_rounds, chosen.offered, chosen.audience.value) == (5, 2, "family")


def test_the_pace_stops_at_the_ends_of_its_range(tmp_path: Path) -> None:
    scene = _cards_page(tmp_path, Launch(seed=1))
    for _ in range(MAX_UNLOCK_ROUNDS + 2):
        scene.on_action("rounds_up")
    assert scene.unlock_rounds == MAX_UNLOCK_ROUNDS
    assert not scene.button("rounds_up").enabled and scene.button("rounds_down").enabled
    for _ in range(MAX_UNLOCK_ROUNDS + 2):
        scene.on_action("rounds_down")
    assert scene.unlock_rounds == MIN_UNLOCK_ROUNDS
    assert not scene.button("rounds_down").enabled
    assert scene.settings().unlock_rounds == MIN_UNLOCK_ROUNDS  # the engine accepts it


def test_every_offer_the_engine_accepts_has_its_toggle(tmp_path: Path) -> None:
    scene = _cards_page(tmp_path, Launch(seed=1))
    offers = [b.action for b in scene.buttons if b.action.startswith("offered_")]
    assert offers == [f"offered_{n}" for n in OFFERED_CHOICES]
    for n in OFFERED_CHOICES:
        scene.on_action(f"offered_{n}")
        assert scene.settings().offered == n
