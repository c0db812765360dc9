"""The loop and less common paths: idle waiting, quitting, a level running dry, IME text."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import key, library, make_app

from deckgame.engine import Phase, Settings
from deckgame.ui import flow
from deckgame.ui.app import App
from deckgame.ui.assets import Face
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.text import TextBook, shaping_for
from deckgame.ui.widgets import TextInput


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("mode", ["nap", "wait"])
def test_idle_wait_returns_posted_events(home: Path, mode: str) -> None:
    app = make_app(home)
    app.idle_mode = mode
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.USEREVENT, tag="ping"))
    events, _dt = app._wait()
    assert [getattr(e, "tag", None) for e in events if e.type == pygame.USEREVENT] == ["ping"]


def test_a_long_idle_table_checks_for_input_less_often(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deckgame.ui import app as app_module

    app = make_app(home)
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) % 3 == 0:  # a key press arrives during the third nap
            pygame.event.post(pygame.event.Event(pygame.USEREVENT, tag="key"))

    monkeypatch.setattr("deckgame.ui.app.time.sleep", sleep)
    pygame.event.clear()
    app._wait()  # just played: quick checks
    assert naps == [app_module.IDLE_NAP] * 3
    app._last_input -= app_module.IDLE_LONG_AFTER + 1  # nobody has touched it for a while
    naps.clear()
    app._wait()
    assert naps == [app_module.IDLE_LONG_NAP] * 3
    assert app_module.IDLE_LONG_NAP <= 0.1  # still answers a key within a blink
    naps.clear()
    app._wait()  # the key press counts as input again
    assert naps == [app_module.IDLE_NAP] * 3


def test_wait_wakes_for_a_scene_that_asks(home: Path) -> None:
    app = make_app(home, lib=library(challenge=True))
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    table = app.top
    assert isinstance(table, TableScene)
    pygame.event.clear()
    table.on_action("timer")  # a running timer asks to be redrawn
    assert table.wake_in() is not None
    events, _dt = app._wait()  # returns (empty) at the wake-up instead of blocking
    assert [e for e in events if e.type == pygame.KEYDOWN] == []


def test_run_draws_then_quits_and_calls_hooks(home: Path) -> None:
    app = make_app(home)
    called: list[str] = []
    app.on_quit.append(lambda: called.append("bye"))
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 0
    assert called == ["bye"] and app.frames >= 1


def test_title_loads_decks_after_its_first_frame(home: Path, tmp_path: Path) -> None:
    deck = tmp_path / "tiny.yaml"
    deck.write_text(
        "name: Tiny\ntype: emotional\nlevels:\n  1:\n    - ask: Hi?\n", encoding="utf-8"
    )
    ctx = Context(Launch(decks=[deck], builtin=False, user=False))
    app = App(size=(800, 600), ctx=ctx)
    app.push(TitleScene(app))
    app.step()
    assert not ctx.library_loaded and app.frames == 1
    assert app.top is not None and app.top.wake_in() == 0.0
    app.step()
    assert ctx.library_loaded and len(ctx.library.cards) == 1


def test_a_level_running_dry_offers_deeper_then_step_back_and_end(home: Path) -> None:
    app = make_app(home, lib=library(per_pile=1))
    flow.start_game(app, Settings(players=("Ana", "Ben"), unlock_rounds=10))
    table = app.top
    assert isinstance(table, TableScene)
    for _ in range(5):  # five level-1 cards, one per type
        app.step([key(pygame.K_RETURN)])
        app.step([key(pygame.K_RETURN)])
    deeper = app.top
    assert isinstance(deeper, DeeperScene)
    assert table.session.game.phase is Phase.DRY
    app.step([key(pygame.K_y)])
    app.step([key(pygame.K_y)])
    assert table.session.game.level == 2
    app.step([key(pygame.K_RETURN)])  # close the welcome
    app.step([key(pygame.K_b)])
    assert table.session.game.level == 1 and table.session.game.phase is Phase.DRY
    app.step([key(pygame.K_e)])
    assert isinstance(app.top, SummaryScene)
    assert app.top.summary.deepest_level == 2


def test_text_field_takes_ime_text_and_caps_length() -> None:
    field = TextInput("name", "")
    field.handle(pygame.event.Event(pygame.TEXTEDITING, text="み", start=0, length=1))
    assert field.composing == "み" and field.value == ""
    field.handle(pygame.event.Event(pygame.TEXTINPUT, text="美咲"))
    assert field.value == "美咲" and field.composing == ""
    field.handle(pygame.event.Event(pygame.TEXTINPUT, text="x" * 40))
    assert len(field.value) == 24
    field.handle(key(pygame.K_HOME))
    field.handle(key(pygame.K_DELETE))
    assert field.value.startswith("咲")


def test_text_field_keeps_joiners_and_puts_the_caret_where_reading_ends() -> None:
    field = TextInput("name", "")
    # A Persian name with a zero-width non-joiner, and a direction override, which is not
    # a letter and would disguise the name.
    field.handle(pygame.event.Event(pygame.TEXTINPUT, text="نسرین\u200cدخت\u202e"))
    assert field.value == "نسرین\u200cدخت"
    from deckgame.ui.look import Look
    from deckgame.ui.theme import metrics_for, theme_named

    book = TextBook()
    look = Look(theme=theme_named("light"), metrics=metrics_for((1280, 720)), text=book)
    field.rect = pygame.Rect(0, 0, 600, 60)
    caret = theme_named("light").text

    def caret_x() -> int:
        surface = pygame.Surface((600, 60))
        surface.fill((255, 255, 255))
        field.draw(surface, look, focused=True)
        found = [
            x for x in range(600) if all(surface.get_at((x, y))[:3] == caret for y in (22, 38))
        ]
        return found[0] if found else -1

    field.set("محمد")  # the cursor at the end, which in Arabic is on the left
    end = caret_x()
    field.handle(key(pygame.K_HOME))
    start = caret_x()
    assert 0 <= end < start


def test_complex_scripts_are_shaped() -> None:
    assert shaping_for("Ana") == ("Latn", "ltr")
    assert shaping_for("محمد") == ("Arab", "rtl")
    assert shaping_for("प्रिया") == ("Deva", "ltr")
    book = TextBook()
    face = book.face_for("محمد", Face.REGULAR)
    if face == Face.REGULAR:
        pytest.skip("no Arabic font installed here")
    shaped = book.render("محمد", 40, (0, 0, 0))
    font = book.font(face, 40)
    font.set_script("Latn")
    font.set_direction(pygame.DIRECTION_LTR)
    raw = font.render("محمد", True, (0, 0, 0))
    # Joined, right-to-left letters draw differently from the isolated, reversed ones.
    assert pygame.image.tobytes(shaped, "RGBA") != pygame.image.tobytes(raw, "RGBA")


def test_no_playable_card_at_all_never_crashes(home: Path) -> None:
    from deckgame.loader import Library

    app = make_app(home, lib=Library(decks=[], problems=[]))
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    app.step()
    dry = app.top
    assert isinstance(dry, DeeperScene)
    assert dry.session.game.phase is Phase.DRY and dry.session.game.voter is None
    app.step([key(pygame.K_y)])  # nothing to agree to: ignored
    app.step([key(pygame.K_e)])
    assert isinstance(app.top, SummaryScene)
    app.step()


def test_play_with_players_shows_a_picture_before_the_decks_load(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deckgame.ui.main import launch_game

    seen: list[tuple[str, bool, bool]] = []  # (top scene, splash, decks loaded) per frame
    draw = App.draw

    def spy_draw(self: App) -> None:
        top = self.top
        seen.append((type(top).__name__, getattr(top, "splash", False), self.ctx.library_loaded))
        draw(self)

    def run(self: App) -> int:
        self.draw()
        return 0

    monkeypatch.setattr(App, "draw", spy_draw)
    monkeypatch.setattr(App, "run", run)
    assert launch_game(settings=Settings(players=("Ana", "Ben")), seed=1, size=(800, 600)) == 0
    # First the title's picture without its menu, before any deck is read; then the table.
    assert seen[0] == ("TitleScene", True, False)
    assert seen[-1][0] == "TableScene" and seen[-1][2]
