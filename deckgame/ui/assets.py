"""Bundled files (fonts, icons), found through :mod:`deckgame.resources` so a wheel works too."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from deckgame.resources import assets_dir


class Face(StrEnum):
    """The bundled font faces."""

    REGULAR = "regular"
    BOLD = "bold"


_FONT_FILES: dict[Face, str] = {
    Face.REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    Face.BOLD: "AtkinsonHyperlegible-Bold.ttf",
}


def font_path(face: Face) -> Path:
    """The bundled font file for ``face``."""
    return assets_dir() / "fonts" / _FONT_FILES[face]


def icons_dir() -> Path:
    return assets_dir() / "icons"
