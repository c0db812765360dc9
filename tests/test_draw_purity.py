"""Drawing changes nothing, in every scene: ``draw()`` only reads and paints.

Each scene is reached the way a player reaches it (keys from the title), laid out and
updated, then drawn three times; its attributes (``vars(scene)``, followed into the
buttons, rects, lists and small objects it holds) must be the same before and after.
Rendered surfaces are caches, not state: attributes named ``*_cache`` and pygame surfaces
are left out, and so is the app (one scene's draw may not reach into the app either:
the app's scene stack and look are compared on their own).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, library, make_app

from deckgame.engine import Phase
from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.base import Scene
from deckgame.ui.settings import UiSettings

_DEPTH = 4  # how far into held objects the comparison follows


def _is_cache(name: str) -> bool:
    return name.endswith("_cache") or name.endswith("_cached")


def fingerprint(value: object, depth: int = _DEPTH, seen: frozenset[int] = frozenset()) -> object:
    """A comparable picture of ``value``: plain values as they are, containers and objects
    followed ``depth`` levels deep, surfaces and callables left out."""
    if value is None or isinstance(value, (bool, int, float, str, bytes, enum.Enum)):
        return value
    if isinstance(value, (pygame.Rect, pygame.FRect)):
        return ("Rect", tuple(value))
    if isinstance(value, pygame.Color):
        return ("Color", tuple(value))
    if isinstance(value, (pygame.Surface, pygame.font.Font)) or callable(value):
        return ("skipped", type(value).__name__)
    if isinstance(value, Path):
        return ("Path", str(value))
    if id(value) in seen or depth == 0:
        return ("ref", type(value).__name__, id(value))
    inner = seen | {id(value)}

    def deeper(item: object) -> object:
        return fingerprint(item, depth - 1, inner)

    # A mutable container is the same one or not: rebuilt while drawing, even with the same
    # items, is drawing computing what layout() should own.
    if isinstance(value, tuple):
        return ("tuple", [deeper(item) for item in value])
    if isinstance(value, list):
        return ("list", id(value), [deeper(item) for item in value])
    if isinstance(value, frozenset):
        return ("frozenset", sorted(repr(deeper(item)) for item in value))
    if isinstance(value, set):
        return ("set", id(value), sorted(repr(deeper(item)) for item in value))
    if isinstance(value, dict):
        items = sorted((repr(k), deeper(v)) for k, v in value.items() if not _is_cache(str(k)))
        return ("dict", id(value), items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            [(f.name, deeper(getattr(value, f.name))) for f in dataclasses.fields(value)],
        )
    attrs = _attributes(value)
    if attrs is None:
        return ("opaque", type(value).__name__, id(value))
    return (type(value).__name__, [(name, deeper(item)) for name, item in attrs])


def _attributes(value: object) -> list[tuple[str, object]] | None:
    names: list[str] = []
    if hasattr(value, "__dict__"):
        names += list(vars(value))
    for cls in type(value).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    if not names:
        return None
    out = []
    for name in sorted(set(names)):
        if _is_cache(name) or name in ("app", "__weakref__", "__dict__"):
            continue
        if hasattr(value, name):
            out.append((name, getattr(value, name)))
    return out


def scene_state(scene: Scene) -> object:
    """What the scene holds, as a fingerprint (the app and caches left out)."""
    return fingerprint(scene)


def app_state(app: App) -> object:
    return [type(s).__name__ for s in app.stack], app.size


def assert_draw_is_pure(app: App, label: str) -> None:
    app.step()  # layout and update done, as in a real frame
    scenes = list(app.stack)
    before = [scene_state(s) for s in scenes]
    outer = app_state(app)
    session_before = _session_dump(app)
    written: list[str] = []
    with _recording_writes(scenes, written):
        for _ in range(3):
            app.draw()
    assert not written, f"{label}: drawing set {written}"
    after = [scene_state(s) for s in scenes]
    for scene, was, now in zip(scenes, before, after, strict=True):
        assert now == was, (
            f"{label}: drawing changed {type(scene).__name__}: {_first_diff(was, now)}"
        )
    assert app_state(app) == outer, label
    assert _session_dump(app) == session_before, label


@contextlib.contextmanager
def _recording_writes(scenes: list[Scene], written: list[str]) -> Iterator[None]:
    """Every attribute a scene sets on itself while drawing (caches aside) is recorded."""
    classes = {type(scene) for scene in scenes}
    saved = {cls: cls.__dict__.get("__setattr__") for cls in classes}

    def record(self: object, name: str, value: object) -> None:
        if not _is_cache(name):
            written.append(f"{type(self).__name__}.{name}")
        object.__setattr__(self, name, value)

    for cls in classes:
        cls.__setattr__ = record  # type: ignore[method-assign]
    try:
        yield
    finally:
        for cls, was in saved.items():
            if was is None:
                del cls.__setattr__
            else:
                cls.__setattr__ = was  # type: ignore[method-assign]


def _session_dump(app: App) -> object:
    for scene in app.stack:
        session = getattr(scene, "session", None)
        if session is not None:
            return session.game.to_dict()
    return None


def _first_diff(a: object, b: object, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path}: {a!r} -> {b!r}"
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: length {len(a)} -> {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                named = isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str)
                step = str(x[0]) if named else str(i)
                return _first_diff(x, y, f"{path}/{step}")
    return f"{path}: {str(a)[:200]} -> {str(b)[:200]}"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def press(app: App, *keys: int, mod: int = 0) -> None:
    app.step([key(k, mod) for k in keys])


def typed(app: App, text: str) -> None:
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])


def top(app: App) -> str:
    return type(app.top).__name__


def _to_table(app: App, names: tuple[str, ...]) -> None:
    press(app, pygame.K_RETURN)  # title -> setup
    assert top(app) == "SetupScene"
    assert_draw_is_pure(app, "setup, page 1")
    for i, name in enumerate(names):
        if i:
            press(app, pygame.K_RETURN)
        typed(app, name)
    assert_draw_is_pure(app, "setup, names typed")
    for _ in range(6):
        if top(app) == "TableScene":
            break
        press(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL)  # start from any page
        if top(app) != "TableScene":
            press(app, pygame.K_RETURN)
    assert top(app) == "TableScene", top(app)


def _phase(app: App) -> Phase:
    table = next(s for s in app.stack if type(s).__name__ == "TableScene")
    phase: Phase = table.session.game.phase  # type: ignore[attr-defined]
    return phase


Walk = Callable[[App], Iterator[str]]


def _group_night(app: App) -> Iterator[str]:
    """Three players through offer, card, warmth, the menu, help, hold and going deeper."""
    yield "title"
    _to_table(app, ("Ana", "Ben", "Cy"))
    yield "table"
    press(app, pygame.K_RETURN)  # done
    yield "table, after (warmth asked)"
    press(app, pygame.K_w)
    yield "table, warmth prompt"
    press(app, pygame.K_2)
    yield "table, warmth given"
    press(app, pygame.K_a)
    yield "table, away prompt"
    press(app, pygame.K_3)
    yield "table, a player away"
    press(app, pygame.K_a, pygame.K_3)
    press(app, pygame.K_F1)
    assert top(app) == "HelpScene"
    yield "help over the table"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert top(app) == "MenuScene"
    yield "menu"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_h)
    assert top(app) == "HoldScene"
    yield "hold"
    press(app, pygame.K_SPACE)
    press(app, pygame.K_g)
    assert top(app) == "SettingsScene"
    yield "settings"
    press(app, pygame.K_ESCAPE)
    for _ in range(40):  # play on until the group is asked to go deeper
        if top(app) == "DeeperScene":
            break
        press(app, pygame.K_RETURN)
    assert top(app) == "DeeperScene"
    yield "deeper"
    press(app, pygame.K_y, pygame.K_y, pygame.K_y)
    yield "table, one level deeper"
    press(app, pygame.K_f)  # star the card
    press(app, pygame.K_e)
    assert top(app) == "SummaryScene"
    yield "summary"


def _title_trips(app: App) -> Iterator[str]:
    """The title's side trips: the starred list and the workshop."""
    yield "title"
    press(app, pygame.K_s)
    if top(app) == "StarredScene":
        yield "starred"
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_d)
    assert top(app) == "WorkshopScene"
    yield "workshop"
    press(app, pygame.K_DOWN, pygame.K_RIGHT)
    yield "workshop, another deck and card"


def test_drawing_changes_nothing_in_any_scene(home: Path) -> None:
    seen: set[str] = set()
    app = make_app(
        home, launch=Launch(seed=4, unlock_rounds=1), settings=UiSettings(reduce_motion=True)
    )
    for label in _group_night(app):
        assert_draw_is_pure(app, label)
        seen.add(top(app))
    # A star from that night makes the title offer the starred list.
    store = Store(home / "data", home / "config")
    ctx = Context(Launch(seed=4), store=store, library=library())
    again = App(size=(1280, 720), settings=UiSettings(reduce_motion=True), ctx=ctx)
    from deckgame.ui.scenes.title import TitleScene

    again.push(TitleScene(again))
    for label in _title_trips(again):
        assert_draw_is_pure(again, label)
        seen.add(top(again))
    every = {
        "TitleScene",
        "SetupScene",
        "TableScene",
        "HelpScene",
        "MenuScene",
        "HoldScene",
        "SettingsScene",
        "DeeperScene",
        "SummaryScene",
        "StarredScene",
        "WorkshopScene",
    }
    assert every <= seen | {"SetupScene"}, every - seen


def test_the_check_sees_a_change_made_while_drawing(home: Path) -> None:
    """The test above can fail: a draw that moves a button is caught."""
    app = make_app(home, settings=UiSettings(reduce_motion=True))
    scene = app.top
    assert scene is not None
    original = type(scene).draw

    def sloppy(self: Scene, surface: pygame.Surface) -> None:
        original(self, surface)
        if self.buttons:
            self.buttons[0].rect.x += 1

    type(scene).draw = sloppy  # type: ignore[method-assign]
    try:
        with pytest.raises(AssertionError, match="drawing changed TitleScene"):
            assert_draw_is_pure(app, "title")
    finally:
        type(scene).draw = original  # type: ignore[method-assign]
