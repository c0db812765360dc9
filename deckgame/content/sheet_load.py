"""A deck sheet (CSV or XLSX) read as the workshop reads a deck file: one file, one entry.

A sheet may hold several decks (its ``deck`` column); here they are one
:class:`~deckgame.content.deck_file.LoadedDeck` for the file, as a YAML deck file is:
the first deck's details, every deck's cards (each card keeps its own deck's name and
type) and every problem at ``FILE:ROW:COLUMN``. Card places are (row, column) in the sheet.

>>> import tempfile
>>> from deckgame.content.deck_file import Origin
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "t.csv").write_text("deck,type,level,ask\\nTiny,emotional,1,Hi?\\n")
>>> deck = load_sheet_file(folder / "t.csv", Origin.EXTRA)
>>> deck.ok, deck.spec.name, [card.text for card in deck.cards]
(True, 'Tiny', ['Hi?'])
"""

from __future__ import annotations

from pathlib import Path

from deckgame.content.deck_file import LoadedDeck, Origin
from deckgame.content.problems import Problem
from deckgame.content.resolve import NO_PACK, PackOf
from deckgame.content.sheet_read import SHEET_SUFFIXES, MissingExtra
from deckgame.content.sheets import read_decks

__all__ = ["SHEET_SUFFIXES", "is_sheet", "load_sheet_file"]

XLSX_EXTRA = "reading .xlsx needs openpyxl: pip install 'deckgame[sheets]'"


def is_sheet(path: Path) -> bool:
    """Whether ``path`` names a deck sheet (by its suffix) rather than a deck file."""
    return path.suffix.lower() in SHEET_SUFFIXES


def load_sheet_file(path: Path, origin: Origin, pack: PackOf = NO_PACK) -> LoadedDeck:
    """The sheet at ``path`` as one loaded deck (``pack`` is accepted for the deck files'
    signature: a sheet's cards belong to no pack)."""
    del pack
    try:
        sheet = read_decks(path, str(path))
    except MissingExtra:
        return LoadedDeck(path, origin, "", None, (), (), (Problem(str(path), 1, 1, XLSX_EXTRA),))
    specs = [deck.spec for deck in sheet.decks if deck.spec is not None]
    cards = tuple(card for deck in sheet.decks for card in deck.cards)
    closing = tuple(card for deck in sheet.decks for card in deck.closing)
    places = {card_id: cell for deck in sheet.decks for card_id, cell in deck.places.items()}
    return LoadedDeck(
        path,
        origin,
        "",
        specs[0] if specs else None,
        cards,
        closing,
        tuple(sheet.all_problems),
        places,
    )
