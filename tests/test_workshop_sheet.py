"""The workshop on a deck sheet: `deckgame workshop FILE.csv` previews its cards, an edit
saved on disk shows within a second, and a bad cell is listed at FILE:ROW:COLUMN."""

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
from deckgame.ui.scenes import workshop_preview
from deckgame.ui.scenes.workshop import WorkshopScene, problem_line
from deckgame.ui.settings import UiSettings

# As LibreOffice saves it: a header row, CRLF, a quoted cell with a comma.
SHEET = (
    "deck,type,level,ask,do,seconds,follow_up,id\r\n"
    'Porch,emotional,1,"What sound means home to you, {player}?",,,Who makes it?,porch-1\r\n'
    "Porch,,1,,Hum a tune for {other} to guess.,30,,porch-2\r\n"
    "Porch,,2,Which evening would you live again?,,,,porch-3\r\n"
)


def save(path: Path, text: str) -> None:
    """Write as a spreadsheet would, moving the mtime on so coarse clocks see the change."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_bytes(text.encode("utf-8"))
    st = path.stat()
    if st.st_mtime_ns <= before:
        os.utime(path, ns=(st.st_atime_ns, before + 1_000_000_000))


def key(k: int, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=text, scancode=0)


@pytest.fixture
def sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    path = tmp_path / "porch.csv"
    save(path, SHEET)
    return path


def open_workshop(sheet: Path) -> tuple[App, WorkshopScene]:
    """As `deckgame workshop porch.csv --only` opens it."""
    home = sheet.parent / "home"
    store = Store(home / "data", home / "config")
    launch = Launch(decks=[sheet], builtin=False, user=False)
    app = App(size=(1280, 720), settings=UiSettings(), ctx=Context(launch, store=store))
    scene = WorkshopScene(app)
    app.push(scene)
    app.step(dt=0.0)
    return app, scene


def texts(scene: WorkshopScene) -> list[str]:
    entry = scene.entry
    assert entry is not None
    return [card.text for card in entry.preview]


def info(scene: WorkshopScene) -> str:
    return " ".join(line for line, _ in workshop_preview.info_lines(scene, scene.current_card()))


def test_the_sheet_is_previewed_as_a_deck(sheet: Path) -> None:
    app, scene = open_workshop(sheet)
    assert [e.deck.path for e in scene.shelf.entries] == [sheet]
    entry = scene.entry
    assert entry is not None and entry.deck.ok, [problem_line(p) for p in scene.problems()]
    assert entry.deck.spec is not None and entry.deck.spec.name == "Porch"
    assert texts(scene) == [
        "What sound means home to you, {player}?",
        "Hum a tune for {other} to guess.",
        "Which evening would you live again?",
    ]
    assert scene.problems() == []
    assert sheet in scene.shelf.watcher.files
    assert "row 2" in info(scene)  # the card's place is a spreadsheet row
    app.step([key(pygame.K_RIGHT)])
    card = scene.current_card()
    assert card is not None and card.id == "porch-2" and card.seconds == 30
    assert "row 3" in info(scene)


def test_an_edit_saved_on_disk_reloads(sheet: Path) -> None:
    app, scene = open_workshop(sheet)
    save(sheet, SHEET.replace("Which evening", "Which morning") + "Porch,,3,Fine?,,,,porch-4\r\n")
    app.step(dt=0.5)  # one look at the disk later: well within a second
    assert texts(scene)[2] == "Which morning would you live again?"
    assert len(texts(scene)) == 4
    assert scene.shelf.last_reloaded == (sheet,)


def test_a_bad_cell_shows_its_row_and_column_and_keeps_the_last_good_cards(
    sheet: Path,
) -> None:
    app, scene = open_workshop(sheet)
    # Row 3: a level out of range (column 3) and an unknown placeholder (column 5).
    bad = SHEET.replace("Porch,,1,,Hum a tune for {other}", "Porch,,12,,Hum a tune for {name}")
    save(sheet, bad)
    app.step(dt=0.5)
    entry = scene.entry
    assert entry is not None and not entry.deck.ok and entry.stale
    lines = [problem_line(p) for p in scene.problems()]
    assert any(line.startswith(f"{sheet}:3:3: ") and "between 1 and 9" in line for line in lines)
    assert any(line.startswith(f"{sheet}:3:5: ") and "{name}" in line for line in lines)
    assert len(texts(scene)) == 3  # the last good version, still browsable
    app.step(dt=0.0)  # drawn with its problems listed
    assert scene.problem_box() is not None
    save(sheet, SHEET)
    app.step(dt=0.5)
    assert scene.entry is not None and scene.entry.deck.ok and not scene.entry.stale


def test_the_printed_shape_says_blank_lines_not_the_reader(sheet: Path) -> None:
    app, scene = open_workshop(sheet)
    assert "{player} = Ana" in info(scene)
    app.step([key(pygame.K_p, "p")])
    assert scene.printed
    said = info(scene)
    assert "reader" not in said
    assert "{player} = a blank line" in said


def test_a_sheet_that_is_not_one(sheet: Path) -> None:
    save(sheet, "")
    _, scene = open_workshop(sheet)
    lines = [problem_line(p) for p in scene.problems()]
    assert lines and lines[0].startswith(f"{sheet}:1:1: ")


def test_an_xlsx_sheet_is_watched_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    path = tmp_path / "porch.xlsx"

    def write(ask: str) -> None:
        book = openpyxl.Workbook()
        book.active.append(["deck", "type", "level", "ask"])
        book.active.append(["Porch", "emotional", 1, ask])
        book.save(path)
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))

    write("Which porch do you remember?")
    app, scene = open_workshop(path)
    assert texts(scene) == ["Which porch do you remember?"]
    write("   ")
    app.step(dt=0.5)
    lines = [problem_line(p) for p in scene.problems()]
    assert lines and lines[0].startswith(f"{path}:2:4: "), lines
