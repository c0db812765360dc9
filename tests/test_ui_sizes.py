"""Readable from the sofa at every window size: no text under 14 px at 800x600, none under
18 px at 1920x1080 and above, and every button's label inside its button.

Sizes are measured where they flow, as the size of every surface the window's TextBook
hands out (``TextBook.log``), from the first frame of each scene to the last, in every
theme. The card's question is the one text that may go smaller, and only when a deck
designer wrote a very long one: cutting a question would change what is asked, and a
smaller question is still a question. Every built-in card keeps the floor (tested below).
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from deckgame.engine import Done, Pass, Settings, TimerStart, Warmth
from deckgame.loader import Library, load_library
from deckgame.model import Audience, IntimacyType
from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.cardlayout import layout_card
from deckgame.ui.cards import CardView, card_view, render_card
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.settings import UiSettings
from deckgame.ui.text import TextBook, TextLog
from deckgame.ui.theme import metrics_for, theme_named
from deckgame.ui.widgets import Button

SIZES = ((800, 600), (1280, 720), (1920, 1080), (3840, 2160))
THEMES = ("light", "dark", "contrast")
# The bar: 14 px on the smallest window, 18 px from full HD up; in between, the
# floor the metrics scale by (16 px at 1280x720).
FLOOR = {(800, 600): 14, (1280, 720): 16, (1920, 1080): 18, (3840, 2160): 18}

TWO = ("Ana", "Ben")
THREE = ("Ana", "Ben", "美咲")
# Long names, a right-to-left one and one in CJK: the seats' worst case.
EIGHT = ("Ana", "Benedikt-Alexander", "美咲", "Omar", "Priya", "عبد الرحمن بن محمد", "Zoë", "Ngozi")


@functools.cache
def builtin() -> Library:
    return load_library([], builtin=True, user=False)


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def start(home: Path, size: tuple[int, int], theme: str) -> App:
    """An App on the title with the built-in decks, its TextBook recording from frame one."""
    from deckgame.ui.scenes.title import TitleScene

    store = Store(home / "data", home / "config")
    ctx = Context(Launch(seed=11, builtin=True, user=False), store=store, library=builtin())
    app = App(size=size, settings=UiSettings(theme=theme), ctx=ctx)
    app.text.log = TextLog()
    app.push(TitleScene(app))
    app.step()
    return app


def table(app: App, players: tuple[str, ...], offered: int = 1) -> TableScene:
    from deckgame.ui import flow

    flow.start_game(app, Settings(players=players, audience=Audience.FRIENDS, offered=offered))
    scene = app.top
    assert isinstance(scene, TableScene)
    app.step()
    return scene


def _card(players: tuple[str, ...]) -> Callable[[App], None]:
    return lambda app: (table(app, players), None)[1]


def _offer(players: tuple[str, ...]) -> Callable[[App], None]:
    return lambda app: (table(app, players, offered=2), None)[1]


def _after(players: tuple[str, ...]) -> Callable[[App], None]:
    def build(app: App) -> None:
        scene = table(app, players)
        scene.act(Done())
        scene.act(Warmth(1))
        app.step([key(pygame.K_w)])  # asking who gives warmth: the seats are ringed

    return build


def _timer(players: tuple[str, ...]) -> Callable[[App], None]:
    def build(app: App) -> None:
        scene = table(app, players)
        game = scene.session.game
        for _ in range(200):  # pass until a timed challenge comes up
            card = game.current_card
            if card is not None and card.seconds:
                break
            scene.act(Pass())
        assert game.current_card is not None and game.current_card.seconds
        scene.act(TimerStart(scene.clock()))
        app.step(dt=1.0)

    return build


def deeper(app: App) -> None:
    table(app, TWO)
    for _ in range(4):
        app.step([key(pygame.K_RETURN)])
        app.step([key(pygame.K_RETURN)])
    app.step([key(pygame.K_y)])


def summary(app: App) -> None:
    scene = table(app, EIGHT)
    for _ in range(8):
        scene.act(Done())
        scene.act(Warmth((scene.session.game.seat + 1) % len(EIGHT)))
        scene.on_action("star")
        app.step([key(pygame.K_RETURN)])
    app.step([key(pygame.K_e)])


def setup_players(app: App) -> None:
    app.top.on_action("play")  # type: ignore[union-attr]
    for ch in "Ana":
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)])
    app.step([key(pygame.K_TAB), key(pygame.K_TAB)])


def setup_cards(app: App) -> None:
    setup_players(app)
    for ch in "Ben":
        app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)])
    app.top.on_action("next")  # type: ignore[union-attr]
    app.step()


def settings(app: App) -> None:
    app.top.on_action("settings")  # type: ignore[union-attr]
    app.step()


def help_overlay(app: App) -> None:
    table(app, THREE)
    app.step([key(pygame.K_F1)])


def workshop(app: App) -> None:
    app.step(dt=0.1)
    app.top.on_action("decks")  # type: ignore[union-attr]
    app.step(dt=0.0)


SCENES: dict[str, Callable[[App], None]] = {
    "title": lambda app: app.step(dt=0.1),
    "setup-players": setup_players,
    "setup-cards": setup_cards,
    **{f"table-card-{len(p)}": _card(p) for p in (TWO, THREE, EIGHT)},
    **{f"table-offer-{len(p)}": _offer(p) for p in (TWO, THREE, EIGHT)},
    **{f"table-after-{len(p)}": _after(p) for p in (TWO, THREE, EIGHT)},
    **{f"table-timer-{len(p)}": _timer(p) for p in (TWO, THREE, EIGHT)},
    "deeper": deeper,
    "summary": summary,
    "settings": settings,
    "help": help_overlay,
    "workshop": workshop,
}


def names_in(label: str) -> bool:
    """Whether a label holds a player's name (names may be shortened to fit; words not)."""
    return any(name in label for name in EIGHT if len(name) > 3)


def check_buttons(scene: Scene, app: App, where: str) -> None:
    for widget in scene.focusables():
        if not isinstance(widget, Button) or not widget.label:
            continue
        parts = widget.parts(app.look)
        rect = widget.rect
        assert rect.width > 0 and rect.height > 0, f"{widget.action} has no room on {where}"
        inside = [("label", parts.text)]
        if parts.icon is not None:
            inside.append(("icon", parts.icon))
        if parts.hint is not None:
            inside.append(("key hint", parts.hint))
            assert not parts.hint.colliderect(parts.text), f"{widget.action} hint on {where}"
        for what, part in inside:
            assert rect.contains(part), f"{widget.action}'s {what} {part} leaves {rect} on {where}"
        assert parts.size >= FLOOR[app.size], f"{widget.action} at {parts.size} px on {where}"
        if not names_in(widget.label):
            assert parts.label == widget.label, (
                f"{widget.label!r} cut to {parts.label!r} on {where}"
            )


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("scene", list(SCENES))
def test_no_text_under_the_floor_and_labels_fit(
    tmp_path: Path, scene: str, size: tuple[int, int], theme: str
) -> None:
    app = start(tmp_path, size, theme)
    SCENES[scene](app)
    app.step()
    log = app.text.log
    assert log is not None and log.sizes
    where = f"{scene} at {size[0]}x{size[1]} in {theme}"
    smallest, text = log.smallest()
    assert smallest >= FLOOR[size], f"{text!r} drawn at {smallest} px on {where}"
    for layer in app.stack:
        if layer is app.top or app.top is None or app.top.overlay:
            check_buttons(layer, app, where)


# Card text --------------------------------------------------------------------------------


def table_card_sizes(home: Path, size: tuple[int, int]) -> list[tuple[int, int]]:
    """The card sizes the table draws at ``size``: one card, and each of two offered."""
    app = start(home, size, "light")
    one = table(app, TWO)
    sizes = [r.size for r in one.card_rects]
    two = table(app, TWO, offered=2)
    sizes += [r.size for r in two.card_rects[:1]]
    return sizes


def longest(count: int) -> list[CardView]:
    cards = sorted(builtin().cards, key=lambda c: len(c.text) + len(c.follow_up or ""))
    names = {"player": "Benedikt-Alexander", "other": "Aleksandr-Maximilian"}
    return [
        card_view(
            c, player=names["player"], other=names["other"], level_names=builtin().level_names
        )
        for c in cards[-count:]
    ]


@pytest.mark.parametrize("size", SIZES[:3], ids=[f"{w}x{h}" for w, h in SIZES[:3]])
def test_the_longest_built_in_cards_keep_the_floor(tmp_path: Path, size: tuple[int, int]) -> None:
    book = TextBook()
    theme = theme_named("light")
    for card_size in table_card_sizes(tmp_path, size):
        for view in longest(12):
            book.log = TextLog()
            render_card(view, card_size, theme, 1.0, book)
            smallest, text = book.log.smallest()
            assert smallest >= FLOOR[size], f"{text!r} at {smallest} px on a {card_size} card"


def test_a_question_uses_the_width_of_a_wide_card(tmp_path: Path) -> None:
    # The issue: at 1280x720 a two-line question ended at 60 % of the card.
    (card_size, *_) = table_card_sizes(tmp_path, (1280, 720))
    book = TextBook(fallback_files=[])
    view = CardView(
        IntimacyType.PHYSICAL,
        "ask",
        "Hair played with, back scratched, or feet left well alone: what is your pick?",
        "Level 1 · Warmth",
        "Ana answers",
        deck="Core: Physical",
    )
    lay = layout_card(view, card_size, 1.0, book, "Physical")
    card = render_card(view, card_size, theme_named("light"), 1.0, book)
    face = theme_named("light").surface
    body = lay.body
    inked = [
        x
        for x in range(body.left, body.right, 2)
        if any(card.get_at((x, y))[:3] != face for y in range(body.top, body.bottom, 3))
    ]
    assert inked and inked[-1] - body.left >= body.width * 0.8, (inked[-1], body)


def test_an_overlong_question_shrinks_below_the_floor_but_is_never_cut() -> None:
    book = TextBook(fallback_files=[])
    sentence = "Tell us about a time you changed your mind about something that mattered. "
    text = (sentence * 7)[:500].strip()  # as long as a deck may write (MAX_TEXT)
    view = CardView(IntimacyType.EMOTIONAL, "ask", text, "Level 1 · Warmth", "You answer")
    size = (377, 312)  # one of two offered cards at 800x600
    lay = layout_card(view, size, 1.0, book, "Emotional")
    drawn: list[tuple[int, int]] = []
    fit = book.fit

    def spy(text: str, *args: object, **kwargs: object) -> tuple[pygame.Surface, int]:
        surface, got = fit(text, *args, **kwargs)  # type: ignore[arg-type]
        drawn.append((got, surface.get_height()))
        return surface, got

    book.fit = spy  # type: ignore[method-assign]
    render_card(view, size, theme_named("light"), 1.0, book)
    got, height = drawn[-1]  # the last fit is the one drawn
    assert got < lay.small and height <= lay.body.height  # smaller, and whole


def test_the_floor_scales_with_the_window() -> None:
    floors = [metrics_for(s).min_text for s in SIZES]
    assert floors == sorted(floors) and floors[0] == 14 and floors[2] == 18
    for s in SIZES:
        m = metrics_for(s)
        assert min(m.key_hint, m.small, m.button_text, m.body) >= FLOOR[s]
        assert m.small < m.body < m.heading < m.title  # a hierarchy at every size
    # A labelled size shrinks to the floor, then the label is cut: never below the floor.
    m = metrics_for((800, 600))
    book = TextBook(fallback_files=[])
    shown, got = book.fit_line("Start timer 1:00", m.button_text, 60, min_size=m.min_text)
    assert got == m.min_text and shown.endswith("…")
    assert dataclasses.is_dataclass(m)
