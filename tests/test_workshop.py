"""The deck workshop scene on the dummy driver: problems with lines, hot reload, browsing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.workshop import WorkshopScene, level_counts, problem_line
from deckgame.ui.settings import UiSettings

GOOD = """\
name: Garden
type: experiential
levels:
  1:
    - ask: What grows best in your garden, {player}?
      id: garden-1
    - do: Describe a flower to {other} without naming it.
      seconds: 30
      id: garden-2
  2:
    - ask: Which place outdoors feels like yours?
      id: garden-3
closing:
  - ask: What will you plant next?
    id: garden-4
"""

BROKEN = """\
name: Garden
type: experiential
levels:
  1:
    - ask: What grows best in your garden, {player}?
      id: garden-1
    - do: Describe a flower to {nobody} without naming it.
      secnds: 30
"""


def save(path: Path, text: str) -> None:
    """Write as an editor would, moving the mtime on so even coarse clocks see the change."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    if st.st_mtime_ns <= before:
        os.utime(path, ns=(st.st_atime_ns, before + 1_000_000_000))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    decks = tmp_path / "decks"
    decks.mkdir()
    return decks


def open_workshop(folder: Path, size: tuple[int, int] = (1280, 720)) -> tuple[App, WorkshopScene]:
    home = folder.parent / "home"
    store = Store(home / "data", home / "config")
    launch = Launch(decks=[folder], builtin=False, user=False)
    app = App(size=size, settings=UiSettings(), ctx=Context(launch, store=store))
    scene = WorkshopScene(app)
    app.push(scene)
    app.step(dt=0.0)
    return app, scene


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def card_pixels(app: App, scene: WorkshopScene) -> bytes:
    return pygame.image.tobytes(app.screen.subsurface(scene.card_rect()).copy(), "RGB")


def test_lists_a_broken_decks_errors_with_lines(folder: Path) -> None:
    save(folder / "garden.yaml", GOOD)
    broken = folder / "zz-broken.yaml"
    save(broken, "name: Bad\ntype: emotionl\nlevels:\n  1:\n    - ask: Hi {name}?\n")
    app, scene = open_workshop(folder)
    names = [e.deck.path.name for e in scene.shelf.entries]
    assert names == ["garden.yaml", "zz-broken.yaml"]
    app.step([key(pygame.K_DOWN)])
    assert scene.entry is not None and scene.entry.deck.path == broken
    lines = [problem_line(p) for p in scene.problems()]
    assert lines[0].startswith(f"{broken}:2:7: unknown intimacy type 'emotionl'")
    assert "did you mean 'emotional'" in lines[0]
    assert lines[1].startswith(f"{broken}:5:")
    assert scene.current_card() is None  # nothing to preview, and drawing copes
    assert scene.problem_box() is not None
    row = next(r for r in scene.rows() if r.index == 1)
    assert row.text == "zz-broken.yaml"


def test_saving_a_file_changes_the_preview(folder: Path) -> None:
    deck = folder / "garden.yaml"
    save(deck, GOOD)
    app, scene = open_workshop(folder)
    card = scene.current_card()
    assert card is not None and card.text == "What grows best in your garden, {player}?"
    before = card_pixels(app, scene)

    save(deck, GOOD.replace("What grows best in your garden", "Which tree would you be"))
    app.step(dt=0.1)  # sooner than the polling interval: not looked at yet
    assert scene.current_card() == card
    app.step(dt=0.3)  # 0.4 s after the save: well within a second
    card = scene.current_card()
    assert card is not None and card.text == "Which tree would you be, {player}?"
    assert card_pixels(app, scene) != before
    assert "garden.yaml" in scene.note


def test_a_broken_save_keeps_the_last_good_preview(folder: Path) -> None:
    deck = folder / "garden.yaml"
    save(deck, GOOD)
    app, scene = open_workshop(folder)
    app.step([key(pygame.K_RIGHT)])
    assert scene.current_card() is not None
    shown = scene.current_card()
    assert shown is not None and shown.id == "garden-2"

    save(deck, BROKEN)
    app.step(dt=0.5)
    entry = scene.entry
    assert entry is not None and not entry.deck.ok and entry.stale
    assert scene.current_card() == shown  # the same card, from the last good version
    assert len(entry.preview) == 4
    lines = [problem_line(p) for p in scene.problems()]
    assert any(line.startswith(f"{deck}:7:") and "{nobody}" in line for line in lines)
    assert any(line.startswith(f"{deck}:8:") and "secnds" in line for line in lines)

    save(deck, GOOD.replace("Describe a flower", "Draw a flower"))
    app.step(dt=0.5)
    entry = scene.entry
    assert entry is not None and entry.deck.ok and not entry.stale
    assert scene.problems() == []
    card = scene.current_card()
    assert card is not None and card.id == "garden-2" and card.text.startswith("Draw a flower")


def test_new_and_deleted_files(folder: Path) -> None:
    save(folder / "garden.yaml", GOOD)
    app, scene = open_workshop(folder)
    other = folder / "sub" / "night.yaml"
    other.parent.mkdir()
    save(other, GOOD.replace("garden-", "night-").replace("Garden", "Night"))
    app.step(dt=0.5)
    assert [e.deck.name for e in scene.shelf.entries] == ["Garden", "Night"]
    (folder / "garden.yaml").unlink()
    app.step(dt=0.5)
    assert [e.deck.name for e in scene.shelf.entries] == ["Night"]
    assert scene.entry is not None and scene.entry.deck.name == "Night"


def test_an_id_taken_by_another_deck_is_reported_after_a_save(folder: Path) -> None:
    save(folder / "a-garden.yaml", GOOD)
    second = folder / "b-night.yaml"
    save(second, GOOD.replace("garden-", "night-"))
    app, scene = open_workshop(folder)
    assert all(e.deck.ok for e in scene.shelf.entries)
    save(second, GOOD.replace("garden-2", "night-2").replace("garden-3", "night-3"))
    app.step(dt=0.5)
    night = scene.shelf.entries[1].deck
    messages = [p.message for p in night.problems]
    assert any("duplicate card id 'garden-1'" in m for m in messages)
    assert scene.shelf.entries[0].deck.ok  # the first deck keeps its ids


def test_browsing_levels_themes_text_size_and_names(folder: Path) -> None:
    save(folder / "garden.yaml", GOOD)
    app, scene = open_workshop(folder)
    assert level_counts(scene.entry.preview if scene.entry else ()) == "L1 2 · L2 1 · closing 1"
    app.step([key(pygame.K_2)])
    card = scene.current_card()
    assert card is not None and card.level == 2
    app.step([key(pygame.K_c)])
    card = scene.current_card()
    assert card is not None and card.level is None
    app.step([key(pygame.K_PAGEUP)])
    card = scene.current_card()
    assert card is not None and card.level == 2
    app.step([key(pygame.K_HOME)])

    looks = {card_pixels(app, scene)}
    app.step([key(pygame.K_t)])
    assert scene.theme_name == "dark"
    looks.add(card_pixels(app, scene))
    app.step([key(pygame.K_PLUS)])
    assert scene.text_scale == 1.25
    looks.add(card_pixels(app, scene))
    app.step([key(pygame.K_n)])  # other sample names fill {player}
    looks.add(card_pixels(app, scene))
    app.step([key(pygame.K_p)])  # the printed, portrait shape
    assert scene.card_rect().height > scene.card_rect().width
    assert len(looks) == 4
    assert app.settings.theme == "light"  # the preview's choices leave the game's alone

    app.step([key(pygame.K_ESCAPE)])
    assert not app.running


def test_the_scene_sleeps_between_looks(folder: Path) -> None:
    save(folder / "garden.yaml", GOOD)
    app, scene = open_workshop(folder)
    assert scene.animating() is False
    wake = scene.wake_in()
    assert wake is not None and 0.0 < wake <= scene.shelf.watcher.interval
    scans = scene.shelf.watcher.scans
    for _ in range(5):
        app.step(dt=0.05)
    assert scene.shelf.watcher.scans - scans <= 1


@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (1920, 1080)])
def test_draws_at_every_size_and_shows_the_deck_folder(folder: Path, size: tuple[int, int]) -> None:
    save(folder / "garden.yaml", GOOD)
    app, scene = open_workshop(folder, size)
    for theme in range(3):
        app.step([key(pygame.K_t)] if theme else [])
    assert scene.footer.bottom <= scene.button_row.top
    assert scene.card_rect().bottom <= scene.footer.top
    from deckgame.paths import user_decks_dir

    assert str(user_decks_dir()).startswith(str(folder.parent / "home"))


def test_workshop_command_help() -> None:
    from deckgame.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["workshop", "some/path", "--only"])
    assert args.only and [str(p) for p in args.paths] == ["some/path"]


def test_every_source_is_listed_with_its_pack(folder: Path) -> None:
    from deckgame.cli import main

    save(folder / "garden.yaml", GOOD)
    assert main(["new", "Mine", "--type", "physical"]) == 0
    home = folder.parent / "home"
    store = Store(home / "data", home / "config")
    app = App(settings=UiSettings(), ctx=Context(Launch(decks=[folder]), store=store))
    scene = WorkshopScene(app)
    app.push(scene)
    app.step(dt=0.0)
    headings = [r.text for r in scene.rows() if r.index is None]
    assert headings[0].endswith("pack · built-in")
    assert headings[-2:] == ["loose decks · your decks", "loose decks · --decks"]
    origins = {e.deck.name: str(e.deck.origin) for e in scene.shelf.entries}
    assert origins["Mine"] == "your decks" and origins["Garden"] == "--decks"


def test_workshop_command_refuses_bad_arguments(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from deckgame.cli import main

    assert main(["workshop", str(folder / "missing.yaml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["workshop", "--only"]) == 2
    assert main(["workshop", "--windowed", "huge"]) == 2


def test_click_a_deck_and_tab_to_a_button(folder: Path) -> None:
    save(folder / "a.yaml", GOOD)
    save(folder / "b.yaml", GOOD.replace("garden-", "b-").replace("Garden", "Bees"))
    app, scene = open_workshop(folder)
    app.step(dt=0.0)  # a frame drawn: the list rows have their places
    rect, index = scene.list_rows[1]
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1, touch=False)
    app.step([click])
    assert index == 1 and scene.entry is not None and scene.entry.deck.name == "Bees"
    app.step([key(pygame.K_TAB), key(pygame.K_TAB)])  # Previous, Next
    assert scene.focus.current is scene.button("card_next")
    app.step([key(pygame.K_RETURN)])
    card = scene.current_card()
    assert card is not None and card.id == "b-2"


def test_a_pack_file_save_renames_levels_and_reports_its_problems(folder: Path) -> None:
    pack = folder / "pack.yaml"
    save(pack, "name: Garden Pack\n")
    save(folder / "garden.yaml", GOOD)
    app, scene = open_workshop(folder)
    assert scene.shelf.entries[0].deck.pack == "Garden Pack"
    save(pack, "name: Renamed\nlevels:\n  1: Seedling\n")
    app.step(dt=0.5)
    assert scene.shelf.level_names[1] == "Seedling"
    assert scene.shelf.entries[0].deck.pack == "Renamed"
    assert scene.rows()[0].text == "Renamed pack · --decks"
    save(pack, "name: Renamed\nlevls: {}\n")
    app.step(dt=0.5)
    lines = [problem_line(p) for p in scene.problems()]
    assert any(line.startswith(f"{pack}:2:1:") and "levls" in line for line in lines)
