"""Helpers shared by the loader tests: write a deck, load it, list its problems."""

from __future__ import annotations

import textwrap
from pathlib import Path

from deckgame.loader import LoadedDeck, load_deck_file


def load_text(tmp_path: Path, text: str, name: str = "deck.yaml") -> LoadedDeck:
    """Load ``text`` (dedented) as a deck file."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_deck_file(path)


def load_bytes(tmp_path: Path, data: bytes, name: str = "deck.yaml") -> LoadedDeck:
    path = tmp_path / name
    path.write_bytes(data)
    return load_deck_file(path)


def where(deck: LoadedDeck) -> list[tuple[int, int, str]]:
    """(line, column, message) of every problem, in file order."""
    return [(p.line, p.column, p.message) for p in deck.problems]


def lines_cols(deck: LoadedDeck) -> list[tuple[int, int]]:
    return [(p.line, p.column) for p in deck.problems]
