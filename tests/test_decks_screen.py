"""The title's Decks screen shows an installed pack: its author, licence, language and
card counts, for a pack put in place by `deckgame pack` and `deckgame install`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from deckgame.cli import main
from deckgame.storage import Store
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.scenes.workshop import WorkshopScene
from deckgame.ui.settings import UiSettings

PACK = "name: Soirées\ndescription: Two small decks in French.\n"
DECK = """\
name: {name}
type: {type}
language: fr
author: {author}
license: CC-BY-SA-4.0
levels:
  1:
{cards}
closing:
  - ask: Qu'emportes-tu de ce soir ?
    id: {prefix}-end
"""


def write_pack(folder: Path) -> None:
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    for prefix, name, type_, author, count in (
        ("ca", "Causeries", "emotional", "Claire Martin", 3),
        ("je", "Jeux", "experiential", "Léo Petit", 2),
    ):
        cards = "\n".join(
            f"    - ask: Question {i} pour {{player}} ?\n      id: {prefix}-{i}"
            for i in range(count)
        )
        text = DECK.format(name=name, type=type_, author=author, cards=cards, prefix=prefix)
        (folder / f"{prefix}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DECKGAME_HOME", str(home))
    write_pack(tmp_path / "soirees")
    zipped = tmp_path / "soirees.zip"
    assert main(["pack", str(tmp_path / "soirees"), "-o", str(zipped)]) == 0
    assert main(["install", str(zipped)]) == 0
    return home


def key(k: int, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=text, scancode=0)


def open_decks(home: Path, size: tuple[int, int]) -> tuple[App, WorkshopScene]:
    """The title, then D (Decks), as a player reaches the screen."""
    store = Store(home / "data", home / "config")
    app = App(size=size, settings=UiSettings(), ctx=Context(Launch(builtin=False), store=store))
    app.push(TitleScene(app))
    app.step(dt=0.0)
    app.step(dt=0.0)  # the library loads after the first frame
    app.step([key(pygame.K_d, "d")])
    scene = app.top
    assert isinstance(scene, WorkshopScene)
    app.step(dt=0.0)
    return app, scene


def heading_lines(scene: WorkshopScene) -> dict[str, tuple[str, ...]]:
    layout = scene.list_layout
    assert layout is not None
    return {p.row.text: p.details for p in layout.rows if p.row.index is None}


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_the_installed_pack_shows_author_licence_language_and_counts(
    home: Path, size: tuple[int, int]
) -> None:
    app, scene = open_decks(home, size)
    headings = heading_lines(scene)
    (heading,) = [h for h in headings if "Soirées" in h]
    assert "your decks" in heading
    said = " · ".join(headings[heading])
    assert "by Claire Martin, Léo Petit" in said
    assert "licence CC-BY-SA-4.0" in said
    assert "language fr" in said
    assert "2 decks" in said
    assert "7 cards" in said  # 3 + 2 questions and a closing card each
    # Every line of it fits the list: drawn whole, never cut with an ellipsis.
    layout = scene.list_layout
    assert layout is not None
    width = layout.area.width
    for line in headings[heading]:
        assert scene.look.text.size(line, scene.look.metrics.small)[0] <= width
    out = os.environ.get("DECKGAME_SCREENS")  # set it to keep the pictures and look
    if out:
        pygame.image.save(app.screen, str(Path(out) / f"decks-{size[0]}x{size[1]}.png"))


def test_a_second_install_changes_what_the_screen_says(home: Path, tmp_path: Path) -> None:
    """The counts are the decks' own: installing another deck adds its group."""
    extra = tmp_path / "solo.yaml"
    extra.write_text(
        DECK.format(
            name="Solo",
            type="spiritual",
            author="Ana",
            cards="    - ask: Oui ?\n      id: so-1",
            prefix="so",
        ),
        encoding="utf-8",
    )
    assert main(["install", str(extra)]) == 0
    _, scene = open_decks(home, (1280, 720))
    said = {h: " · ".join(d) for h, d in heading_lines(scene).items()}
    loose = [text for head, text in said.items() if "loose decks" in head]
    assert loose == ["by Ana · licence CC-BY-SA-4.0 · language fr · 1 deck · 2 cards"]
