"""The decks follow the interface's language (GAME.md "Languages"): with the game in Spanish
a new session starts with the Spanish pack and deals Spanish cards; in English, the core
pack; in German (no German pack) the English one; decks brought with ``--decks`` are always
in play; the setup shows each deck's language and the group can mix them in.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from table_probe import at_first_table

from deckgame import i18n
from deckgame.deck_language import default_decks, language_of
from deckgame.loader import Library, load_library
from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene

THREE = ["Ana", "Ben", "Cy"]


@functools.cache
def builtin() -> Library:
    return load_library([], builtin=True, user=False)


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.use_language("en")


def app_in(home: Path, library: Library) -> App:
    store = Store(home / "data", home / "config")
    ctx = Context(Launch(seed=4, builtin=True, user=False), store=store, library=library)
    app = App(size=(1280, 720), ctx=ctx)
    app.push(TitleScene(app))
    app.step()
    return app


def deal(app: App) -> TableScene:
    """Through the setup, as players start a night: names, then start."""
    app.push(SetupScene(app, players=THREE))
    app.step()
    setup = app.top
    assert isinstance(setup, SetupScene)
    setup.on_action("next")  # names done: the cards page
    setup.on_action("start")
    table = app.top
    assert isinstance(table, TableScene), type(table)
    return table


def languages_dealt(table: TableScene) -> set[str]:
    languages = language_of(builtin())
    card = table.session.game.current_card
    assert card is not None
    piles = table.session.game.state.piles
    ids = {cid for pile in piles.values() for cid in pile} | {card.id}
    cards = table.session.game.cards
    return {languages[cards[cid].deck] for cid in ids}


@pytest.mark.parametrize(("code", "expected"), [("es", "es"), ("en", "en"), ("de", "en")])
def test_a_new_session_deals_the_decks_of_the_interfaces_language(
    tmp_path: Path, speaking: None, code: str, expected: str
) -> None:
    i18n.use_language(code)
    app = app_in(tmp_path, builtin())
    table = deal(app)
    assert languages_dealt(table) == {expected}


def test_the_spanish_title_and_a_spanish_card(tmp_path: Path, speaking: None) -> None:
    i18n.use_language("es")
    assert i18n._("Play") != "Play"  # the catalogue is in use
    app = app_in(tmp_path, builtin())
    title = app.top
    assert isinstance(title, TitleScene)
    assert any(b.label == i18n._("Play") for b in title.buttons)
    table = deal(app)
    card = table.session.game.current_card
    assert card is not None and language_of(builtin())[card.deck] == "es"


def test_setup_shows_the_language_and_lets_the_group_mix(tmp_path: Path, speaking: None) -> None:
    i18n.use_language("es")
    app = app_in(tmp_path, builtin())
    app.push(SetupScene(app, players=THREE))
    app.step()
    setup = app.top
    assert isinstance(setup, SetupScene)
    english = sorted(d for d, lang in language_of(builtin()).items() if lang == "en")
    assert setup.decks is not None and not setup.decks & set(english)
    setup.page = 1
    setup.layout()
    toggles = {b.arg: b for b in setup.buttons if b.action == "deck"}
    assert toggles[english[0]].label.endswith("· EN") and not toggles[english[0]].on  # type: ignore[attr-defined]
    setup.activate(toggles[english[0]])  # mix one English deck in
    assert english[0] in setup.decks
    settings = setup.settings()
    assert settings.decks is not None and english[0] in settings.decks


def test_decks_brought_along_are_always_in_play(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "name: Our Own\ntype: emotional\nlanguage: fr\nlevels:\n  1:\n    - ask: Quoi de neuf ?\n",
        encoding="utf-8",
    )
    library = load_library([mine], builtin=True, user=False)
    for code in ("es", "en", "de", "fr"):
        chosen = default_decks(library, code)
        assert chosen is not None and "Our Own" in chosen
        assert {language_of(library)[d] for d in chosen} == {"fr", "es" if code == "es" else "en"}


def test_language_es_on_the_command_line_speaks_spanish(tmp_path: Path) -> None:
    """``LANGUAGE=es deckgame simulate`` plays the Spanish pack; ``--lang en`` the core."""
    env = {**os.environ, "LANGUAGE": "es", "DECKGAME_HOME": str(tmp_path)}
    argv = [sys.executable, "-m", "deckgame", "simulate", "--players", "3", "--seed", "1"]
    es = subprocess.run(argv, env=env, capture_output=True, text=True, check=True, timeout=120)
    en = subprocess.run(
        [*argv, "--lang", "en"], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    assert es.stdout != en.stdout  # other cards, other counts


@pytest.mark.parametrize(("lang", "expected"), [("en", "en"), ("es", "es"), ("de", "en")])
def test_play_with_players_deals_the_decks_of_the_interfaces_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    """``deckgame play --players`` goes straight to the table: it starts with the same decks
    as the setup screen would (a group reading English never gets a Spanish card)."""
    argv = ("play", "--players", "Ana,Ben,Cy", "--seed", "2", "--lang", lang)
    report = (
        "sorted({game.cards[c].deck for pile in game.state.piles.values() for c in pile}"
        " | {game.current_card.deck})"
    )
    decks = at_first_table(report, argv, tmp_path)
    languages = language_of(builtin())
    assert decks and {languages[deck] for deck in decks} == {expected}


def test_simulate_deals_as_the_game_would_in_the_language_saved_in_settings(
    tmp_path: Path,
) -> None:
    """The language saved in Settings beats the system's for ``simulate`` too (GAME.md's
    order), so a designer simulates the cards the group's game deals."""
    home = tmp_path / "home"
    env = {**os.environ, "LANGUAGE": "en", "LANG": "en_GB.UTF-8", "DECKGAME_HOME": str(home)}
    Store(home / "data", home / "config")  # the folders DECKGAME_HOME gives
    argv = [sys.executable, "-m", "deckgame", "simulate", "--players", "3", "--seed", "1"]

    def run(*extra: str) -> str:
        done = subprocess.run(
            [*argv, *extra], env=env, capture_output=True, text=True, check=True, timeout=120
        )
        return done.stdout

    english = run()
    spanish = run("--lang", "es")
    assert english != spanish
    saved = subprocess.run(
        [
            sys.executable,
            "-c",
            "from deckgame.storage import Store; Store().save_settings({'ui': {'language': 'es'}})",
        ],
        env=env,
        check=True,
        timeout=60,
    )
    assert saved.returncode == 0
    assert run() == spanish  # the saved Spanish, not the system's English
    assert run("--lang", "en") == english  # --lang still wins
