"""Decks from a spreadsheet and back, and sharing a pack as a zip (issue 17, first part).

Driven through the command line as a designer would type it, in a fresh DECKGAME_HOME.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from deckgame.cli import main
from deckgame.loader import load_paths
from deckgame.paths import user_decks_dir

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "decks" / "core"

SMALL = """\
# yaml-language-server: $schema=deck.schema.json
name: Kitchen Table
type: experiential
author: A. Designer
levels:
  1:
    - do: Name a smell from childhood; {other} guesses where it comes from.
      seconds: 60
      audience: [couples, friends, family]
  2:
    - ask: Which meal do you cook only when nobody is watching?
      follow_up: What does it remind you of?
closing:
  - ask: What should we cook together next time?
    level: 2
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    return tmp_path


def _cards(path: Path) -> dict[str, tuple[object, ...]]:
    library = load_paths([path])
    assert not library.problems and all(deck.ok for deck in library.decks)
    return {
        c.id: (c.type, c.level, c.kind, c.text, c.follow_up, c.seconds, c.audience, c.tags)
        for c in [*library.cards, *library.closing]
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_built_in_pack_comes_back_from_a_sheet(tmp_path: Path, suffix: str) -> None:
    sheet = tmp_path / f"core{suffix}"
    assert main(["export", str(CORE), "-o", str(sheet)]) == 0
    out = tmp_path / "out"
    assert main(["import", str(sheet), "-o", str(out)]) == 0
    assert _cards(out) == _cards(CORE)


def test_a_sheet_saved_by_excel_with_a_bad_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Excel's "CSV UTF-8": a BOM, semicolons in a European locale, CRLF, a quoted line break.
    sheet = tmp_path / "excel.csv"
    rows = [
        "deck;type;level;ask;seconds;;",
        'Mine;emotional;1;"What made you smile\ntoday?";;;',
        "Mine;emotional;12;Too deep?;;;",
        ";;;;;;",
    ]
    sheet.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    assert main(["import", str(sheet), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"{sheet}:3:3: error: 'level' must be between 1 and 9, got 12" in err
    assert not (tmp_path / "o").exists()  # nothing written when a cell is wrong


def test_an_unknown_column_gets_a_did_you_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "typo.csv"
    sheet.write_text("deck,type,level,ask,secnds\nMine,emotional,1,Hi?,\n", encoding="utf-8")
    assert main(["import", str(sheet), "-o", str(tmp_path / "o")]) == 1
    assert "did you mean 'seconds'?" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", "ü".encode("latin-1")])
def test_broken_sheets_are_refused_cleanly(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "broken.csv"
    sheet.write_bytes(content)
    assert main(["import", str(sheet), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_a_packed_pack_installs_in_a_fresh_home_and_is_not_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "kitchen"
    folder.mkdir()
    (folder / "kitchen.yaml").write_text(SMALL, encoding="utf-8")
    archive = tmp_path / "kitchen.zip"
    assert main(["pack", str(folder), "-o", str(archive)]) == 0
    assert main(["install", str(archive)]) == 0
    installed = list(user_decks_dir().rglob("kitchen.yaml"))
    assert len(installed) == 1 and load_paths(installed).decks[0].ok
    assert main(["install", str(archive)]) == 1  # already there: --force to replace
    assert main(["install", str(archive), "--force"]) == 0


@pytest.mark.parametrize("member", ["../evil.yaml", "/abs/evil.yaml"])
def test_a_zip_reaching_outside_its_folder_is_refused(
    tmp_path: Path, member: str, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("pack/kitchen.yaml", SMALL)
        z.writestr(member, SMALL)
    assert main(["install", str(archive)]) == 1
    said = capsys.readouterr()
    assert "nothing written" in said.out and "points outside the pack's folder" in said.err
    assert not user_decks_dir().exists() or not any(user_decks_dir().rglob("*.yaml"))


def test_a_zip_with_a_bad_deck_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("pack/bad.yaml", "name: Bad\ntype: emotinal\nlevels: {}\n")
    assert main(["install", str(archive)]) == 1
    assert "did you mean 'emotional'?" in capsys.readouterr().err
    assert not user_decks_dir().exists() or not any(user_decks_dir().rglob("*.yaml"))
