"""Where the bundled decks and assets are.

In an installed wheel they live inside the package (``deckgame/_data``); in a source
checkout they are the top-level ``decks/`` and ``assets/`` folders beside the package.
Both are found from the package itself, never from the current directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("deckgame"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def builtin_decks_dir() -> Path:
    """The folder holding the built-in pack(s) and ``deck.schema.json``."""
    return _data_dir("decks")


def assets_dir() -> Path:
    """The folder holding fonts, icons and sounds."""
    return _data_dir("assets")
