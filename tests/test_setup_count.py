"""Setup's count of cards is what the engine deals from: one deck filter, the dealer's.

Over the built-in decks (audiences, player counts, lines and decks all matter there), the
number setup shows equals the cards the engine would deal with everyone present, and the
session setup starts holds in its piles exactly those cards.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app

from deckgame.engine import Settings
from deckgame.engine.dealer import pile_sizes, playable
from deckgame.loader import Library, load_library
from deckgame.model import Audience, IntimacyType
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.context import Launch
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.table import TableScene

NAMES = ("Ana", "Ben", "Chidi", "Dana", "Eli", "Fay", "Gus", "Hana")


@pytest.fixture(scope="module")
def builtin() -> Library:
    return load_library([], builtin=True, user=False)


def _setup(app: App, players: int) -> SetupScene:
    flow.start_setup(app, players=list(NAMES[:players]))
    app.step()
    scene = app.top
    assert isinstance(scene, SetupScene)
    scene.on_action("next")
    assert scene.page == 1
    return scene


def _engine_count(settings: Settings, library: Library) -> int:
    return sum(pile_sizes(settings, library.cards).values())


@pytest.mark.parametrize("players", [2, 3, 5, 8])
@pytest.mark.parametrize("audience", list(Audience))
def test_setup_count_is_what_the_engine_deals_from(
    tmp_path: Path, builtin: Library, players: int, audience: Audience
) -> None:
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, players)
    scene.on_action(f"audience_{audience.value}")
    assert scene.card_count == scene.matching_cards()
    assert scene.card_count == _engine_count(scene.settings(), builtin) > 0


def test_setup_count_follows_types_lines_and_decks(tmp_path: Path, builtin: Library) -> None:
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, 4)
    counts = [scene.card_count]
    scene.on_action(f"type_{IntimacyType.PHYSICAL.value}")
    counts.append(scene.card_count)
    tag = scene.line_tags()[0]
    scene.on_action(f"tag_{tag}")
    counts.append(scene.card_count)
    scene.on_action(f"deck_{scene.all_decks()[0]}")
    counts.append(scene.card_count)
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert scene.card_count == _engine_count(scene.settings(), builtin)


def test_the_started_session_piles_hold_the_counted_cards(tmp_path: Path, builtin: Library) -> None:
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, 3)
    scene.on_action(f"deck_{scene.all_decks()[-1]}")  # a deck left out: the engine filters it
    counted, settings = scene.card_count, scene.settings()
    scene.on_action("start")
    table = app.top
    assert isinstance(table, TableScene)
    game = table.session.game
    dealt = {card_id for pile in game.state.piles.values() for card_id in pile}
    dealt |= {*game.state.offered, *([game.state.card] if game.state.card else [])}
    by_id = {c.id: c for c in builtin.cards}
    assert settings.decks is not None
    assert all(by_id[card_id].deck in settings.decks for card_id in dealt)
    # Every card the whole table may be dealt is in the piles, and only cards the dealer
    # admits for some count present (3 here, or 2 with one away) are.
    whole = {c.id for c in builtin.cards if playable(c, settings)}
    assert whole <= dealt and len(whole) == counted
    smaller = dataclasses.replace(settings, players=settings.players[:2])
    assert dealt <= whole | {c.id for c in builtin.cards if playable(c, smaller)}


def test_drawing_setup_walks_no_card(tmp_path: Path, builtin: Library) -> None:
    """The count is worked out at layout; a frame reads it and changes nothing."""
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, 2)
    before = dict(vars(scene))
    calls: list[int] = []
    original = scene.matching_cards

    def counting() -> int:
        calls.append(1)
        return original()

    scene.matching_cards = counting  # type: ignore[method-assign]
    surface = pygame.Surface(app.size)
    scene.draw(surface)
    scene.draw(surface)
    del scene.matching_cards
    assert calls == []
    assert dict(vars(scene)) == before
