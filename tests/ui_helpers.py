"""Helpers for the UI tests: an App on the dummy video driver with decks built in code."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from deckgame.loader import Library, LoadedDeck, Origin
from deckgame.model import ALL_AUDIENCES, Card, CardKind, IntimacyType, Who
from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.settings import UiSettings
from deckgame.yamlsafe import Problem

if TYPE_CHECKING:
    from deckgame.ui.scenes.table import TableScene


def card(
    id: str,
    type: IntimacyType,
    level: int | None,
    text: str = "What do you value most, {player}?",
    *,
    kind: CardKind = "ask",
    seconds: int | None = None,
    who: Who = Who.PLAYER,
    tags: frozenset[str] = frozenset(),
) -> Card:
    return Card(
        id=id,
        kind=kind,
        text=text,
        type=type,
        level=level,
        seconds=seconds,
        audience=ALL_AUDIENCES,
        tags=tags,
        who=who,
        deck=f"Test {type.value}",
    )


def library(per_pile: int = 6, challenge: bool = False, broken: bool = True) -> Library:
    """Two levels of every type; with ``challenge`` every card is a 30 s challenge."""
    decks = []
    for kind in IntimacyType:
        cards = []
        for level in (1, 2):
            for i in range(per_pile):
                if challenge:
                    cards.append(
                        card(
                            f"{kind.value}-{level}-{i}",
                            kind,
                            level,
                            "Show {other} a dance",
                            kind="do",
                            seconds=30,
                        )
                    )
                else:
                    text = "Ask {other} about a place, {player}." if i % 2 else "What moves you?"
                    tags = frozenset({"past"}) if i == 0 else frozenset()
                    cards.append(card(f"{kind.value}-{level}-{i}", kind, level, text, tags=tags))
        closing = (card(f"{kind.value}-closing", kind, None, "What will you keep from tonight?"),)
        decks.append(
            LoadedDeck(
                Path(f"{kind.value}.yaml"), Origin.EXTRA, "", None, tuple(cards), closing, ()
            )
        )
    if broken:
        problem = Problem("broken.yaml", 3, 5, "unknown key 'secnds' (did you mean 'seconds'?)")
        decks.append(LoadedDeck(Path("broken.yaml"), Origin.EXTRA, "", None, (), (), (problem,)))
    return Library(decks=decks, problems=[])


def make_app(
    home: Path,
    *,
    lib: Library | None = None,
    launch: Launch | None = None,
    size: tuple[int, int] = (1280, 720),
    settings: UiSettings | None = None,
) -> App:
    """An App with a title scene, storage under ``home`` and the given decks."""
    from deckgame.ui.scenes.title import TitleScene

    store = Store(home / "data", home / "config")
    ctx = Context(launch or Launch(seed=3), store=store, library=lib or library())
    app = App(size=size, settings=settings or UiSettings(), ctx=ctx)
    app.push(TitleScene(app))
    app.step()
    return app


def start_table(app: App, players: tuple[str, ...], **options: object) -> TableScene:
    """A session of ``players`` started from the title (the first card dealt): the table."""
    from deckgame.engine import Settings
    from deckgame.ui import flow
    from deckgame.ui.scenes.table import TableScene

    flow.start_game(app, Settings(players=players, **options))  # type: ignore[arg-type]
    app.step()
    table = app.top
    assert isinstance(table, TableScene)
    return table


def key(k: int, mod: int = 0, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0)


def typed(text: str) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text]


def click(pos: tuple[int, int]) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)


def tap(pos: tuple[int, int], size: tuple[int, int]) -> pygame.event.Event:
    return pygame.event.Event(
        pygame.FINGERDOWN,
        x=pos[0] / size[0],
        y=pos[1] / size[1],
        touch_id=1,
        finger_id=1,
        dx=0.0,
        dy=0.0,
        pressure=1.0,
    )
