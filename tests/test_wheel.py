"""The built wheel carries the decks, the schema, the font and the compiled catalogues (a
backend can drop them)."""

from __future__ import annotations

import gettext
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    """The wheel hatchling builds from this checkout, in ``out``."""
    pytest.importorskip("hatchling", reason="hatchling (in the test extra) builds the wheel")
    built = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out / built.stdout.strip().splitlines()[-1]


def test_wheel_ships_decks_assets_and_types(tmp_path: Path) -> None:
    names = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())
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


def test_wheel_ships_every_catalogue_compiled(tmp_path: Path) -> None:
    from deckgame.pofile import parse_po

    sources = sorted((ROOT / "deckgame" / "locale").glob("*/LC_MESSAGES/deckgame.po"))
    if not sources:
        pytest.skip("no catalogue written yet")
    wheel = zipfile.ZipFile(build_wheel(tmp_path))
    names = set(wheel.namelist())
    assert not any(n.endswith((".po", ".pot")) for n in names), "sources left in the wheel"
    for po in sources:
        name = po.relative_to(ROOT).with_suffix(".mo").as_posix()
        assert name in names, f"{name} is not in the wheel"
        catalogue = gettext.GNUTranslations(io.BytesIO(wheel.read(name)))
        done = [e for e in parse_po(po.read_text(encoding="utf-8")) if e.msgid and e.translated]
        for entry in done:
            if entry.plural is None and entry.context is None:
                assert catalogue.gettext(entry.msgid) == entry.msgstr[0], (name, entry.msgid)
            elif entry.plural is not None and entry.context is None:
                got = catalogue.ngettext(entry.msgid, entry.plural, 1)
                assert got == entry.msgstr[catalogue.plural(1)], (name, entry.msgid)  # type: ignore[attr-defined]
