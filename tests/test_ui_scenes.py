"""Every scene and every table action, driven by synthetic pygame events on the dummy driver.

Each test asserts on the engine state (through the session) after the input, so a key that
stopped reaching the engine, or reached the wrong action, fails here.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pygame
import pytest
from ui_helpers import click, key, library, make_app, tap, typed

from deckgame.engine import Phase, Settings
from deckgame.model import Audience, IntimacyType
from deckgame.storage import Store
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.bindings import Command
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.help import HelpScene
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.scenes.setup import SetupScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.scenes.workshop import WorkshopScene, problem_line
from deckgame.ui.settings import UiSettings

CTRL = pygame.KMOD_CTRL


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def start(app: App, players: tuple[str, ...] = ("Ana", "Ben"), **options: object) -> TableScene:
    flow.start_game(app, Settings(players=players, **options))  # type: ignore[arg-type]
    app.step()
    scene = app.top
    assert isinstance(scene, TableScene)
    return scene


def phase(table: TableScene) -> Phase:
    """The engine phase, read through a call so type narrowing does not stick between steps."""
    return table.session.game.phase


def top(app: App) -> object:
    return app.top


def press(app: App, *keys: int, mod: int = 0) -> None:
    app.step([key(k, mod) for k in keys])


# Title and setup -----------------------------------------------------------------------


def test_title_to_setup_to_table_by_keyboard(home: Path) -> None:
    app = make_app(home)
    press(app, pygame.K_RETURN)
    setup = app.top
    assert isinstance(setup, SetupScene)
    # The first name field has the focus: type, Enter to the next field, type again.
    app.step(typed("Ana"))
    press(app, pygame.K_RETURN)
    app.step(typed("美咲"))
    assert setup.names() == ["Ana", "美咲"]
    press(app, pygame.K_RETURN, mod=CTRL)
    assert setup.page == 1
    press(app, pygame.K_RETURN, mod=CTRL)
    table = app.top
    assert isinstance(table, TableScene)
    assert table.session.game.players == ("Ana", "美咲")
    assert table.session.game.phase is Phase.CARD


def test_setup_edit_reorder_remove_and_audience(home: Path) -> None:
    app = make_app(home)
    press(app, pygame.K_RETURN)
    setup = app.top
    assert isinstance(setup, SetupScene)
    app.step(typed("Ana"))
    press(app, pygame.K_RETURN)
    app.step(typed("Ben"))
    press(app, pygame.K_n, mod=CTRL)  # add a third seat
    app.step(typed("Chloé"))
    assert setup.names() == ["Ana", "Ben", "Chloé"]
    press(app, pygame.K_BACKSPACE)
    app.step(typed("e"))
    assert setup.names()[2] == "Chloe"
    app.step([click(setup.button("up", 2).rect.center)])
    assert setup.names() == ["Ana", "Chloe", "Ben"]
    app.step([click(setup.button("remove", 0).rect.center)])
    assert setup.names() == ["Chloe", "Ben"]
    app.step([tap(setup.button("audience", "family").rect.center, app.size)])
    assert setup.audience is Audience.FAMILY
    setup.on_action("next")
    setup.on_action("start")
    table = app.top
    assert isinstance(table, TableScene)
    assert table.session.game.players == ("Chloe", "Ben")
    assert table.session.game.settings.audience is Audience.FAMILY


def test_setup_refuses_one_player_and_duplicate_names(home: Path) -> None:
    app = make_app(home)
    press(app, pygame.K_RETURN)
    setup = app.top
    assert isinstance(setup, SetupScene)
    app.step(typed("Ana"))
    setup.on_action("next")
    assert setup.page == 0 and setup.error
    press(app, pygame.K_RETURN)
    app.step(typed("ana"))
    setup.on_action("next")
    assert setup.page == 0 and "ana" in setup.error.lower()


def test_setup_filters_change_the_count_and_the_settings(home: Path) -> None:
    app = make_app(home)
    app.step([key(pygame.K_RETURN)])
    setup = app.top
    assert isinstance(setup, SetupScene)
    app.step(typed("Ana"))
    press(app, pygame.K_RETURN)
    app.step(typed("Ben"))
    setup.on_action("next")
    everything = setup.matching_cards()
    assert everything == 5 * 2 * 6
    app.step([click(setup.button("type", "physical").rect.center)])
    assert IntimacyType.PHYSICAL not in setup.types
    assert setup.matching_cards() == 4 * 2 * 6
    app.step([click(setup.button("tag", "past").rect.center)])  # a line: leave out "past"
    assert setup.matching_cards() == 4 * 2 * 5
    app.step([click(setup.button("rounds_up").rect.center)])
    app.step([click(setup.button("offered", 2).rect.center)])
    app.step([click(setup.button("deck", "Test emotional").rect.center)])
    assert setup.matching_cards() == 3 * 2 * 5
    setup.on_action("start")
    table = app.top
    assert isinstance(table, TableScene)
    s = table.session.game.settings
    assert IntimacyType.PHYSICAL not in s.types
    assert s.excluded == frozenset({"past"})
    assert s.unlock_rounds == 3
    assert s.offered == 2
    assert s.decks is not None and "Test emotional" not in s.decks
    assert table.session.game.phase is Phase.OFFER
    for c in table.session.game.offered_cards:
        assert c.type is not IntimacyType.PHYSICAL and "past" not in c.tags
        assert c.deck != "Test emotional"


def test_setup_keeps_one_type(home: Path) -> None:
    app = make_app(home)
    flow.start_setup(app, players=["Ana", "Ben"])
    setup = app.top
    assert isinstance(setup, SetupScene)
    setup.on_action("next")
    for kind in IntimacyType:
        setup.on_command(Command("type", kind.value))
    assert len(setup.types) == 1 and setup.error


GOOD_DECK = """\
name: Garden
type: experiential
levels:
  1:
    - ask: What grows best in your garden, {player}?
      id: garden-1
    - ask: Which tree would you climb?
      id: garden-2
"""
BROKEN_DECK = "name: Half\ntype: emotional\nlevels:\n  1:\n    - do: Hum.\n      secnds: 3\n"


def app_on_files(home: Path, *paths: Path) -> App:
    """A title on decks read from disk (the workshop reads files, not in-code decks)."""
    store = Store(home / "data", home / "config")
    launch = Launch(seed=3, decks=list(paths), builtin=False, user=False)
    app = App(size=(1280, 720), settings=UiSettings(), ctx=Context(launch, store=store))
    app.push(TitleScene(app))
    app.step()
    return app


def test_title_decks_opens_the_workshop_with_skipped_decks_and_settings_quit(
    home: Path,
) -> None:
    folder = home / "decks"
    folder.mkdir()
    (folder / "garden.yaml").write_text(GOOD_DECK, encoding="utf-8")
    broken = folder / "half.yaml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    missing = home / "no-such-deck.yaml"
    app = app_on_files(home, folder, missing)
    press(app, pygame.K_d)
    shop = app.top
    assert isinstance(shop, WorkshopScene)
    by_name = {e.deck.path.name: e for e in shop.shelf.entries}
    assert by_name["garden.yaml"].deck.ok and not by_name["half.yaml"].deck.ok
    listed = [r.text for r in shop.rows() if r.index is not None]
    assert listed == ["Garden", "half.yaml"]  # the skipped deck is listed too
    shop.deck_index = [e.deck.path for e in shop.shelf.entries].index(broken)
    lines = [problem_line(p) for p in shop.problems()]
    assert any(line.startswith(f"{broken}:6:") and "secnds" in line for line in lines)
    # A path that is not there at all is no deck, but still a problem shown with every deck.
    assert any(line.startswith(f"{missing}:1:1:") for line in lines)
    app.step()  # draws with the problem box on screen
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)
    press(app, pygame.K_g)
    assert isinstance(app.top, SettingsScene)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_q)
    assert not app.running


def test_a_deck_edited_in_the_workshop_is_dealt_in_the_next_game(home: Path) -> None:
    folder = home / "decks"
    folder.mkdir()
    deck = folder / "garden.yaml"
    deck.write_text(GOOD_DECK, encoding="utf-8")
    app = app_on_files(home, folder)
    app.step(dt=0.1)  # the title loads the decks after its first frame
    before = app.ctx.library
    assert "Which tree would you climb?" in [c.text for c in before.cards]
    press(app, pygame.K_d)
    shop = app.top
    assert isinstance(shop, WorkshopScene)
    deck.write_text(GOOD_DECK.replace("Which tree", "Which mountain"), encoding="utf-8")
    mtime = deck.stat().st_mtime_ns + 2_000_000_000  # coarse clocks: make the save visible
    os.utime(deck, ns=(mtime, mtime))
    app.step(dt=0.5)
    assert shop.shelf.reloads == 1
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene)
    table = start(app)
    texts = [c.text for c in table.session.game.cards.values()]
    assert "Which mountain would you climb?" in texts
    assert "Which tree would you climb?" not in texts


def test_leaving_an_unchanged_workshop_keeps_the_loaded_decks(home: Path) -> None:
    folder = home / "decks"
    folder.mkdir()
    (folder / "garden.yaml").write_text(GOOD_DECK, encoding="utf-8")
    app = app_on_files(home, folder)
    before = app.ctx.library
    press(app, pygame.K_d)
    app.step(dt=0.5)
    press(app, pygame.K_ESCAPE)
    assert app.ctx.library is before  # nothing was saved: no second load


# Table actions ----------------------------------------------------------------------------


def test_done_warmth_star_next_by_keys(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    game = table.session.game
    first = game.state.card
    press(app, pygame.K_f)
    assert first in game.state.starred
    press(app, pygame.K_RETURN)
    assert game.phase is Phase.AFTER
    press(app, pygame.K_w)  # two players: the only possible giver is Ben
    assert game.state.warmth_received == [1, 0]
    assert game.state.warmth_given == [0, 1]
    press(app, pygame.K_SPACE)
    assert phase(table) is Phase.CARD
    assert game.seat == 1 and game.state.turn == 2


def test_pass_veto_skip_undo(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    game = table.session.game
    first = game.state.card
    press(app, pygame.K_p)
    assert game.state.card != first and first not in game.state.gone
    second = game.state.card
    press(app, pygame.K_x)
    assert second in game.state.gone and game.state.card not in (None, second)
    assert game.seat == 0  # the X-card does not break the turn
    press(app, pygame.K_s)
    assert table.session.game.seat == 1
    press(app, pygame.K_u)
    assert table.session.game.seat == 0
    third = table.session.game.state.card
    press(app, pygame.K_z, mod=CTRL)
    # An X-card is final: undo stops at it and says so; the vetoed card never comes back.
    assert table.session.game.state.card == third
    assert second in table.session.game.state.gone
    assert "set aside with the X-card stays out" in table.toast


def test_warmth_with_seat_number_and_tap_for_three(home: Path) -> None:
    app = make_app(home)
    table = start(app, ("Ana", "Ben", "Cy"))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_w)
    assert table.warmth_pending
    press(app, pygame.K_3)
    game = table.session.game
    assert game.state.warmth_given == [0, 0, 1]
    app.step([click(table.seat_rects[1].center)])  # Ben taps his seat
    assert game.state.warmth_given == [0, 1, 1]
    assert game.state.warmth_received == [2, 0, 0]
    press(app, pygame.K_w)
    press(app, pygame.K_1)  # Ana cannot warm herself: refused, nothing changes
    assert game.state.warmth_given == [0, 1, 1] and table.toast


def test_choose_other_for_three(home: Path) -> None:
    app = make_app(home)
    table = start(app, ("Ana", "Ben", "Cy"))
    game = table.session.game
    assert game.other_seat == 1
    press(app, pygame.K_o)
    assert table.session.game.other_seat == 2
    press(app, pygame.K_o)
    assert table.session.game.other_seat == 1  # skips Ana herself


def test_two_offered_pick_by_key_and_veto_one(home: Path) -> None:
    app = make_app(home)
    table = start(app, offered=2)
    game = table.session.game
    assert game.phase is Phase.OFFER
    offered = list(game.state.offered)
    app.step([click(table.button("veto", 0).rect.center)])
    assert offered[0] in game.state.gone and game.phase is Phase.OFFER
    offered = list(game.state.offered)
    press(app, pygame.K_2)
    assert phase(table) is Phase.CARD and game.state.card == offered[1]


def test_challenge_timer_starts_only_when_asked(home: Path) -> None:
    app = make_app(home, lib=library(challenge=True))
    now = [100.0]
    table = start(app)
    table.clock = lambda: now[0]
    game = table.session.game
    assert not game.timer_running and game.timer_remaining(now[0]) == 30
    now[0] = 150.0
    assert game.timer_remaining(now[0]) == 30  # no time passes until T
    press(app, pygame.K_t)
    assert table.session.game.timer_running
    now[0] = 160.0
    assert table.wake_in() is not None
    press(app, pygame.K_t)
    assert not table.session.game.timer_running
    assert table.session.game.timer_remaining(500.0) == 20


def test_buttons_by_mouse_and_touch(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    app.step([click(table.button("done").rect.center)])
    assert table.session.game.phase is Phase.AFTER
    app.step([tap(table.button("next").rect.center, app.size)])
    assert phase(table) is Phase.CARD and table.session.game.seat == 1
    # A mouse event SDL synthesised from a touch does not press twice.
    before = table.session.game.state.turn
    copy = pygame.event.Event(
        pygame.MOUSEBUTTONDOWN, pos=table.button("skip").rect.center, button=1, touch=True
    )
    app.step([copy])
    assert table.session.game.state.turn == before


def test_tab_focus_then_enter_presses_the_focused_button(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_TAB)
    assert table.focus.current is not None and table.focus.current.action == "done"
    press(app, pygame.K_TAB)
    assert table.focus.current is not None and table.focus.current.action == "pass"
    first = table.session.game.state.card
    press(app, pygame.K_RETURN)
    assert table.session.game.state.card != first
    assert table.session.game.phase is Phase.CARD


def test_step_back_and_refusal_at_level_one(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_b)
    assert table.session.game.level == 1 and table.toast  # nothing lower: a message only


def test_going_deeper_not_yet_then_agree_and_step_back(home: Path) -> None:
    app = make_app(home)
    table = start(app, unlock_rounds=1)
    for _ in range(2):  # one trust-building round: both players do a card
        press(app, pygame.K_RETURN)
        press(app, pygame.K_RETURN)
    deeper = app.top
    assert isinstance(deeper, DeeperScene)
    assert table.session.game.phase is Phase.DEEPER
    press(app, pygame.K_y)  # Ana agrees
    press(app, pygame.K_n)  # Ben: not yet
    assert app.top is table
    assert table.session.game.level == 1 and phase(table) is Phase.CARD
    for _ in range(2):
        press(app, pygame.K_RETURN)
        press(app, pygame.K_RETURN)
    assert isinstance(app.top, DeeperScene)
    press(app, pygame.K_y)
    press(app, pygame.K_y)
    assert table.session.game.level == 2
    ceremony = app.top
    assert isinstance(ceremony, DeeperScene) and ceremony.ceremony is not None
    app.step(dt=0.5)
    press(app, pygame.K_RETURN)
    assert app.top is table
    press(app, pygame.K_b)
    assert table.session.game.level == 1


def test_end_summary_undo_and_play_again(home: Path) -> None:
    app = make_app(home)
    table = start(app, audience=Audience.FAMILY, excluded=frozenset({"past"}))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_w)
    press(app, pygame.K_e)
    summary = app.top
    assert isinstance(summary, SummaryScene)
    assert sum(summary.summary.done_by_type.values()) == 1
    assert summary.summary.warmth_received == {"Ana": 1, "Ben": 0}
    press(app, pygame.K_u)
    assert app.top is table and table.session.game.phase is Phase.AFTER
    press(app, pygame.K_e)
    press(app, pygame.K_RETURN)
    setup = app.top
    assert isinstance(setup, SetupScene) and setup.names() == ["Ana", "Ben"]
    assert setup.audience is Audience.FAMILY and setup.excluded == {"past"}


def test_escape_goes_to_title_and_continue_resumes(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_RETURN)
    saved = table.session.game.state.to_dict()
    press(app, pygame.K_ESCAPE)  # the menu first: a stray Esc never leaves the table
    assert app.top is not table and not isinstance(app.top, TitleScene)
    press(app, pygame.K_l)
    assert isinstance(app.top, TitleScene)
    # A new window (a new evening): Continue restores the very same table.
    again = make_app(home)
    assert again.top is not None
    again.top.layout()
    press(again, pygame.K_c)
    resumed = again.top
    assert isinstance(resumed, TableScene)
    assert resumed.session.game.state.to_dict() == saved


def test_help_overlay_and_settings(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_F1)
    assert isinstance(app.top, HelpScene)
    press(app, pygame.K_p)  # keys do not leak through the overlay to the table
    assert table.session.game.state.turn == 1 and table.session.game.state.dealt
    before = dict(table.session.game.state.to_dict())
    press(app, pygame.K_ESCAPE)
    assert top(app) is table and table.session.game.state.to_dict() == before


def test_settings_scene_changes_are_applied_and_saved(home: Path) -> None:
    saved: list[dict[str, object]] = []
    app = make_app(home)
    app._save_settings = lambda s: saved.append(s.to_dict())
    press(app, pygame.K_g)
    scene = app.top
    assert isinstance(scene, SettingsScene)
    press(app, pygame.K_EQUALS)
    assert app.settings.text_scale == 1.25
    assert app.look.metrics.text_scale == 1.25
    app.step([click(scene.button("theme", "dark").rect.center)])
    assert app.look.theme.name == "dark"
    press(app, pygame.K_m)
    assert app.look.reduce_motion
    press(app, pygame.K_s)
    assert not app.settings.sound
    expected = {
        "text_scale": 1.25,
        "theme": "dark",
        "reduce_motion": True,
        "fullscreen": False,
        "sound": False,
    }
    assert {k: saved[-1].get(k) for k in expected} == expected  # others: their own tests


def test_f11_resize_and_every_size_draw(home: Path) -> None:
    app = make_app(home)
    start(app, ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal"))
    press(app, pygame.K_F11)
    assert app.settings.fullscreen
    press(app, pygame.K_F11)
    assert not app.settings.fullscreen
    for size in ((800, 600), (3840, 2160), (1920, 1080)):
        app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        app.step([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])])
        table = app.top
        assert isinstance(table, TableScene)
        for rect in table.seat_rects + [b.rect for b in table.buttons]:
            assert app.screen.get_rect().contains(rect)


def test_drawing_does_not_change_state(home: Path) -> None:
    app = make_app(home, settings=UiSettings(reduce_motion=True))
    table = start(app)
    press(app, pygame.K_RETURN)
    before = table.session.game.state.to_dict()
    for _ in range(3):
        app.draw()
    assert table.session.game.state.to_dict() == before


def test_card_animation_and_reduce_motion(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_p)
    assert table.animating()
    app.step(dt=1.0)
    assert not table.animating()
    calm = make_app(home, settings=UiSettings(reduce_motion=True))
    t2 = start(calm)
    press(calm, pygame.K_p)
    assert not t2.animating()


def test_log_file_gets_every_event(home: Path) -> None:
    log = home / "log.jsonl"
    app = make_app(home, launch=Launch(seed=5, log=log))
    start(app)
    press(app, pygame.K_x)
    press(app, pygame.K_p)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    events = [json.loads(line)["event"] for line in log.read_text(encoding="utf-8").splitlines()]
    assert events[0] == "deal"
    assert events[1:] == ["veto", "deal", "pass", "deal", "done", "deal"]


def test_a_broken_save_is_reported_on_the_title(home: Path) -> None:
    app = make_app(home)
    start(app)
    press(app, pygame.K_ESCAPE)
    save = app.ctx.store.autosave_path
    save.write_text("{ not json", encoding="utf-8")
    again = make_app(home)
    press(again, pygame.K_c)
    title = again.top
    assert isinstance(title, TitleScene)
    assert title.message and not save.exists()  # moved aside, the game goes on


def test_the_cached_picture_follows_every_change(home: Path) -> None:
    app = make_app(home, settings=UiSettings(reduce_motion=True))
    table = start(app)

    def picture() -> bytes:
        app.step()
        return pygame.image.tobytes(app.screen, "RGB")

    first = picture()
    assert picture() == first  # nothing changed: the same picture (drawn from the cache)
    press(app, pygame.K_f)  # star: a small change on the card
    starred = picture()
    assert starred != first
    press(app, pygame.K_TAB)  # focus ring
    assert picture() != starred
    press(app, pygame.K_b)  # refused: a message appears
    with_toast = picture()
    table.update(10.0)  # the message times out
    assert picture() != with_toast


def test_settings_from_the_table_and_back(home: Path) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_g)
    assert isinstance(app.top, SettingsScene)
    press(app, pygame.K_EQUALS)
    press(app, pygame.K_ESCAPE)
    assert top(app) is table and app.settings.text_scale == 1.25
    assert table.session.game.phase is Phase.CARD


@pytest.mark.parametrize(("size", "stars"), [((800, 600), 12), ((1280, 720), 3)])
def test_summary_lists_starred_cards_with_more(
    home: Path, size: tuple[int, int], stars: int
) -> None:
    lib = library(per_pile=6)
    long = (
        "Tell {other} about a place you loved as a child, what it smelled like there, "
        "who else was there with you, and why you have never gone back since."
    )
    lib.decks = [
        dataclasses.replace(d, cards=tuple(dataclasses.replace(c, text=long) for c in d.cards))
        for d in lib.decks
    ]
    app = make_app(home, lib=lib, size=size)
    table = start(app, unlock_rounds=10)  # no go-deeper question in between
    game = table.session.game
    for _ in range(stars):
        press(app, pygame.K_f)
        press(app, pygame.K_RETURN)
        press(app, pygame.K_RETURN)
    starred = list(game.state.starred)
    assert len(starred) == stars
    press(app, pygame.K_e)
    summary = app.top
    assert isinstance(summary, SummaryScene)
    app.step()
    if stars < 12:
        assert summary.starred_shown == stars
    else:
        assert 1 <= summary.starred_shown < stars  # the rest as "+N more"
    assert summary._closing is not None  # the list never pushes the closing card away
