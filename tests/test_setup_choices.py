"""Setup's choices are the engine's and the options module's, written nowhere else.

Its count of cards is what the engine deals from (one deck filter, the dealer's): over the
built-in decks (audiences, player counts, lines and decks all matter there) the number
setup shows equals the cards the engine would deal with everyone present, and the session
setup starts holds in its piles exactly those cards. Its defaults, the pace's range and
the offer's choices are :mod:`deckgame.options`' own.
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
from deckgame.options import (
    DEFAULT_AUDIENCE,
    DEFAULT_OFFERED,
    DEFAULT_UNLOCK_ROUNDS,
    MAX_UNLOCK_ROUNDS,
    MIN_UNLOCK_ROUNDS,
    OFFERED_CHOICES,
)
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.bindings import Command
from deckgame.ui.context import Launch
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.table import TableScene

NAMES = ("Ana", "Ben", "Chidi", "Dana", "Eli", "Fay", "Gus", "Hana")


@pytest.fixture(scope="module")
def builtin() -> Library:
    return load_library([], builtin=True, user=False)


def _setup(app: App, players: int = 2) -> SetupScene:
    """Setup for the first ``players`` of ``NAMES``, on its second page."""
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
    scene.on_command(Command("audience", audience.value))
    assert scene.card_count == scene.matching_cards()
    assert scene.card_count == _engine_count(scene.settings(), builtin) > 0


def test_setup_count_follows_types_lines_and_decks(tmp_path: Path, builtin: Library) -> None:
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, 4)
    counts = [scene.card_count]
    scene.on_command(Command("type", IntimacyType.PHYSICAL.value))
    counts.append(scene.card_count)
    tag = scene.line_tags()[0]
    scene.on_command(Command("tag", tag))
    counts.append(scene.card_count)
    in_play = sorted(scene.decks) if scene.decks is not None else scene.all_decks()
    scene.on_command(Command("deck", in_play[0]))  # one deck in play left out
    counts.append(scene.card_count)
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert scene.card_count == _engine_count(scene.settings(), builtin)


def test_the_started_session_piles_hold_the_counted_cards(tmp_path: Path, builtin: Library) -> None:
    app = make_app(tmp_path, lib=builtin, launch=Launch(seed=5))
    scene = _setup(app, 3)
    scene.on_command(Command("deck", scene.all_decks()[-1]))  # left out: the engine filters it
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


def test_what_the_command_line_leaves_out_is_the_options_default(tmp_path: Path) -> None:
    scene = _setup(make_app(tmp_path, launch=Launch(seed=1)))
    assert scene.audience.value == DEFAULT_AUDIENCE
    assert scene.unlock_rounds == DEFAULT_UNLOCK_ROUNDS
    assert scene.offered == DEFAULT_OFFERED
    launch = Launch(seed=1, unlock_rounds=5, offered=2, audience="family")
    chosen = _setup(make_app(tmp_path, launch=launch))
    assert (chosen.unlock_rounds, chosen.offered, chosen.audience.value) == (5, 2, "family")


def test_the_pace_stops_at_the_ends_of_its_range(tmp_path: Path) -> None:
    scene = _setup(make_app(tmp_path, launch=Launch(seed=1)))
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
    scene = _setup(make_app(tmp_path, launch=Launch(seed=1)))
    offers = [b.command for b in scene.buttons if b.action == "offered"]
    assert offers == [Command("offered", n) for n in OFFERED_CHOICES]
    for n in OFFERED_CHOICES:
        scene.on_command(Command("offered", n))
        assert scene.settings().offered == n
