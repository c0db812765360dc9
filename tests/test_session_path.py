"""The session as the front end runs it, from launch to End, with what lands in the store.

Same seed, same session (GAME.md, Determinism); the history after End; a broken autosave
never crashes Continue; back at the title the focus is on Continue.
"""

from __future__ import annotations

import copy
import json
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_helpers import key, library, make_app

from deckgame.cli import main as cli_main
from deckgame.engine import Phase, Settings
from deckgame.storage import AUTOSAVE, VERSION, Store
from deckgame.ui import flow
from deckgame.ui import main as ui_main
from deckgame.ui.app import App
from deckgame.ui.context import Launch
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def press(app: App, *keys: int) -> None:
    for k in keys:
        app.step([key(k)])


def table_of(app: App) -> TableScene:
    scene = app.top
    assert isinstance(scene, TableScene), scene
    return scene


def play_turns(app: App, turns: int) -> None:
    """Done and next, ``turns`` times (few enough that no go-deeper question comes)."""
    for _ in range(turns):
        assert table_of(app).session.game.phase is Phase.CARD
        press(app, pygame.K_RETURN, pygame.K_RETURN)


def leave_table(app: App) -> None:
    """Esc: straight to the title, or to the table's menu and then Leave (L)."""
    press(app, pygame.K_ESCAPE)
    if not isinstance(app.top, TitleScene):
        press(app, pygame.K_l)
    assert isinstance(app.top, TitleScene), app.top


def dealt_in_log(log: Path) -> list[str]:
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [e["card"] for e in events if e["event"] == "deal"]


# 1. Same seed, same session ------------------------------------------------------------


def _night_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch, log: Path, *options: str
) -> list[str]:
    """``deckgame play --players Ana,Ben [options] --log LOG``: the real launch, with the
    event loop replaced by three turns and E; returns the cards dealt, from the log."""

    def drive(app: App) -> int:
        app.step()
        play_turns(app, 3)
        press(app, pygame.K_e)
        assert isinstance(app.top, SummaryScene)
        app.ctx.close_session()
        return 0

    monkeypatch.setattr(ui_main, "_run", drive)
    argv = ["play", "--players", "Ana,Ben", "--log", str(log), "--windowed", "800x600"]
    assert cli_main([*argv, *options]) == 0
    return dealt_in_log(log)


def test_an_explicit_seed_deals_the_same_cards_whatever_the_history(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(home / "data", home / "config")
    # Earlier nights of this group, with other cards, are in the history already.
    store.add_history(["Ben", "Ana"], ["an-old-card", "another-old-card"])
    first = _night_from_the_command_line(monkeypatch, home / "1.jsonl", "--seed", "11")
    assert len(first) == 4  # the first card and one per turn
    # Recorded all the same: the replayed night is in the group's history now...
    assert set(first) <= set(store.load_history(["Ana", "Ben"]))
    # ... and does not reorder the next replay, which deals exactly the same cards.
    second = _night_from_the_command_line(monkeypatch, home / "2.jsonl", "--seed", "11")
    assert second == first


def test_without_a_seed_the_history_is_consulted(home: Path) -> None:
    lib = library(per_pile=4, broken=False)
    store = Store(home / "data", home / "config")
    # Every card but one per level-1 pile was done on earlier nights.
    seen = [c.id for c in lib.cards if c.level == 1 and not c.id.endswith("-3")]
    store.add_history(["Ana", "Ben"], seen)
    for _night in range(3):
        app = make_app(home, lib=lib, launch=Launch(seed=None))
        flow.start_game(app, Settings(players=("Ana", "Ben")))
        app.step()
        first = table_of(app).session.game.state.card
        assert first is not None and first.endswith("-3"), first
        leave_table(app)
        app.ctx.store.clear_autosave()


# 4. After End, the history holds the cards done -----------------------------------------


def test_after_end_the_history_holds_every_card_done(home: Path) -> None:
    log = home / "log.jsonl"
    app = make_app(home, launch=Launch(seed=4, log=log))
    flow.start_game(app, Settings(players=("Ana", "Ben", "Cy")))
    app.step()
    press(app, pygame.K_RETURN, pygame.K_RETURN)  # done, next
    press(app, pygame.K_p)  # a pass: dealt, not done
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # done, and E right after
    press(app, pygame.K_e)
    assert isinstance(app.top, SummaryScene)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    done = [e["card"] for e in events if e["event"] == "done"]
    assert len(done) == 3
    history = Store(home / "data", home / "config").load_history(["cy", "Ana", "Ben"])
    assert set(done) <= set(history)
    assert set(dealt_in_log(log)) <= set(history)
    assert not app.ctx.store.has_autosave()  # the night is over: nothing to continue


# 2. A broken autosave never crashes Continue --------------------------------------------


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key of every mapping, and the first item of every list, inside ``node``."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list) and node:
        yield (*prefix, 0)
        yield from _paths(node[0], (*prefix, 0))


def _wrong(value: Any) -> list[Any]:
    """Values of the wrong type (and numbers no session holds) in place of ``value``."""
    if isinstance(value, bool):
        return ["yes"]
    if isinstance(value, int | float):
        return ["7", math.inf, -(10**40)]
    if isinstance(value, str):
        return [7, ""]
    if isinstance(value, list):
        return [{}]
    if isinstance(value, dict):
        return [[]]
    return [{}]


def broken_variants(real: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The real autosave with each key removed, set to null, or of a wrong type."""
    for path in _paths(real):
        where = "/".join(map(str, path))
        yield f"{where} removed", _changed(real, path, remove=True)
        for value in [None, *_wrong(_get(real, path))]:
            yield f"{where} = {value!r}", _changed(real, path, value)


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        node = node[p]
    return node


def _changed(real: Any, path: tuple[Any, ...], value: Any = None, *, remove: bool = False) -> Any:
    doc = copy.deepcopy(real)
    parent = _get(doc, path[:-1])
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _write_autosave(store: Store, data: Any) -> None:
    envelope = {"format": AUTOSAVE, "version": VERSION, "data": data}
    store.autosave_path.parent.mkdir(parents=True, exist_ok=True)
    store.autosave_path.write_text(json.dumps(envelope), encoding="utf-8")


def _continue_must_not_crash(app: App, what: str) -> bool:
    """Continue from a fresh title: either the table (then play on a little) or the title
    with the file kept aside and said so. True when the save was restored."""
    store = app.ctx.store
    written = store.autosave_path.read_bytes()
    app.reset(TitleScene(app))
    app.step()
    press(app, pygame.K_c)
    if isinstance(app.top, TableScene):
        # Play on a little (the restored table was drawn already; the summary is drawn last).
        keys = (pygame.K_RETURN, pygame.K_RETURN, pygame.K_p, pygame.K_u, pygame.K_e)
        app.step([key(k) for k in keys], dt=0.1)
        return True
    title = app.top
    assert isinstance(title, TitleScene), what
    assert not store.autosave_path.exists(), what
    kept = sorted(store.data_dir.glob("autosave.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == written, what
    assert kept[0].name in title.message and "could not be continued" in title.message, what
    assert not title.button("continue").enabled, what
    kept[0].unlink()
    return False


def _real_autosave(app: App) -> dict[str, Any]:
    """A night in progress: three players, warmth, a star, a pass, a card on the table."""
    flow.start_game(app, Settings(players=("Ana", "Ben", "Cy"), offered=1))
    app.step()
    for k in (pygame.K_RETURN, pygame.K_w, pygame.K_2, pygame.K_f, pygame.K_RETURN):
        press(app, k)
    press(app, pygame.K_p, pygame.K_RETURN)
    data = app.ctx.store.load_autosave()
    assert data is not None and data["game"]["state"]["starred"]
    return data


def test_no_broken_autosave_crashes_continue(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Durability is not under test here, and ~1000 saves with fsync take a minute.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    app = make_app(home, size=(800, 600))
    real = _real_autosave(app)
    store = app.ctx.store
    counts = {True: 0, False: 0}
    for what, data in broken_variants(real):
        _write_autosave(store, data)
        counts[_continue_must_not_crash(app, what)] += 1
    # Both outcomes happen: harmless damage (a missing optional key) is simply continued.
    assert counts[False] > 100 and counts[True] > 10, counts


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "deckgame-ui-session", "game": {}},
        {"kind": "deckgame-ui-session"},
        {"kind": "deckgame-ui-session", "game": []},
        {"kind": "deckgame-ui-session", "game": {"format": "deckgame-session", "version": 1}},
        {
            "kind": "deckgame-ui-session",
            "game": {"format": "deckgame-session", "version": 1, "state": {"settings": {}}},
        },
        {
            "kind": "deckgame-ui-session",
            "game": {"format": "deckgame-session", "version": 1, "state": []},
        },
        {"game": {}},
        [],
        "session",
        None,
    ],
    ids=repr,
)
def test_a_damaged_autosave_goes_aside_with_a_message(home: Path, data: Any) -> None:
    app = make_app(home)
    _write_autosave(app.ctx.store, data)
    assert _continue_must_not_crash(app, repr(data)) is False


@pytest.mark.parametrize(
    "text",
    [
        # Too many digits for Python to read a number: a ValueError, not a JSONDecodeError.
        '{"format": "deckgame.autosave", "version": 1, "data": {"game": ' + "1" * 5000 + "}}",
        '{"format": "deckgame.autosave", "version": 1, "data": {"kind": NaN}}',
        "[" * 100_000,
    ],
    ids=["huge-number", "nan", "deep"],
)
def test_an_unreadable_autosave_goes_aside_with_a_message(home: Path, text: str) -> None:
    app = make_app(home)
    save = app.ctx.store.autosave_path
    save.parent.mkdir(parents=True, exist_ok=True)
    save.write_text(text, encoding="utf-8")
    assert _continue_must_not_crash(app, text[:40]) is False


def test_a_save_whose_card_is_gone_goes_aside(home: Path) -> None:
    app = make_app(home)
    real = _real_autosave(app)
    leave_table(app)
    real["game"]["state"]["card"] = "a-card-no-deck-has"
    _write_autosave(app.ctx.store, real)
    assert _continue_must_not_crash(app, "card gone") is False


@pytest.mark.parametrize("field", ["done_by_type", "mix"])
def test_a_save_with_a_count_below_zero_goes_aside(home: Path, field: str) -> None:
    # The engine loads it as it is, but the summary's radar of -10^40 cards would take
    # pygame minutes to fill: refused at Continue like any other damage.
    app = make_app(home)
    real = _real_autosave(app)
    leave_table(app)
    counts = real["game"]["state"][field]
    counts[next(iter(counts))] = -(10**40)
    _write_autosave(app.ctx.store, real)
    assert _continue_must_not_crash(app, field) is False


# 7. Back at the title, the focus is on Continue ----------------------------------------


def test_escape_from_the_table_puts_the_focus_on_continue(home: Path) -> None:
    app = make_app(home)
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    app.step()
    press(app, pygame.K_RETURN)
    saved = table_of(app).session.game.state.to_dict()
    leave_table(app)
    title = app.top
    assert isinstance(title, TitleScene)
    assert title.focus.current is title.button("continue")
    # The focus survives a new layout (a resize), and Enter continues the very same night.
    app.relayout()
    assert title.focus.current == title.button("continue")
    press(app, pygame.K_RETURN)
    assert table_of(app).session.game.state.to_dict() == saved


def test_a_side_trip_from_the_title_keeps_the_focus_where_it_was(home: Path) -> None:
    app = make_app(home)
    flow.start_game(app, Settings(players=("Ana", "Ben")))
    app.step()
    leave_table(app)
    title = app.top
    assert isinstance(title, TitleScene)
    # A new window with a save: the first look is on Play; Settings and back leaves it there.
    again = make_app(home)
    title = again.top
    assert isinstance(title, TitleScene)
    assert title.focus.current == title.button("play")
    press(again, pygame.K_g)
    assert not isinstance(again.top, TitleScene)
    press(again, pygame.K_ESCAPE)
    assert again.top is title and title.focus.current == title.button("play")
