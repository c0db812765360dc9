"""The built wheel carries the decks, the schema and the font (a backend can drop them)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_decks_assets_and_types(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling (in the test extra) builds the wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wheel = tmp_path / built.stdout.strip().splitlines()[-1]
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "deckgame/_data/"
    for type_ in ("physical", "emotional", "experiential", "spiritual", "intellectual"):
        assert f"{data}decks/core/{type_}.yaml" in names
    assert f"{data}decks/core/pack.yaml" in names
    assert f"{data}decks/deck.schema.json" in names
    assert f"{data}assets/fonts/AtkinsonHyperlegible-Regular.ttf" in names
    assert f"{data}assets/fonts/OFL.txt" in names
    assert "deckgame/py.typed" in names
    assert "deckgame/ui/scenes/table.py" in names
    assert not any(name.startswith("tests/") for name in names)
