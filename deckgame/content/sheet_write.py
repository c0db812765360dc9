"""Deck sheets out: decks as rows of cells, written as CSV or XLSX.

The rows carry every key a deck file can hold, so importing them gives back the same
decks, cards and ids (``tests/test_sheets_roundtrip.py``). A card's ``id`` is written when
its deck file wrote one; a derived id is derived again, from the same text, on import.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi?"}]}}
... )
>>> rows = deck_rows([deck])
>>> dict(zip(rows[0], rows[1], strict=True))["ask"], rows[1][:3]
('Hi?', ['Tiny', '1', ''])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from deckgame.content.sheet_columns import COLUMNS, DECK_COLUMNS, INT_COLUMNS
from deckgame.content.sheet_read import MissingExtra
from deckgame.content.specs import CardSpec, DeckSpec

__all__ = ["csv_text", "deck_rows", "write_sheet"]

# Card keys written only when the card set them (a default is the same value unwritten).
_CARD_TEXT = ("ask", "do", "id", "follow_up")
_CARD_NUMBERS = ("seconds", "min_players", "max_players")


def deck_rows(decks: Iterable[DeckSpec]) -> list[list[str]]:
    """The header and one row per card; each deck's own keys on its first row."""
    rows: list[list[str]] = [list(COLUMNS)]
    for deck in decks:
        first = True
        cards: list[tuple[str, str, CardSpec]] = [
            (str(level), "", card) for level in sorted(deck.levels) for card in deck.levels[level]
        ]
        for closing in deck.closing:
            level = "" if closing.level is None else str(closing.level)
            cards.append((level, "yes", closing))
        for level, closing_cell, card in cards:
            cells = _card_cells(deck, card)
            cells.update(deck=deck.name, level=level, closing=closing_cell)
            if first:
                cells.update(_deck_cells(deck))
                first = False
            rows.append([cells.get(column, "") for column in COLUMNS])
    return rows


def _card_cells(deck: DeckSpec, card: CardSpec) -> dict[str, str]:
    cells: dict[str, str] = {"type": (card.type or deck.type).value}
    for key in _CARD_TEXT:
        value = getattr(card, key)
        if value is not None:
            cells[key] = value
    for key in _CARD_NUMBERS:
        value = getattr(card, key)
        if value is not None:
            cells[key] = str(value)
    if "who" in card.model_fields_set:
        cells["who"] = card.who.value
    if card.audience is not None:
        cells["audience"] = ", ".join(a.value for a in card.audience)
    if card.tags:
        cells["tags"] = ", ".join(card.tags)
    return cells


def _deck_cells(deck: DeckSpec) -> dict[str, str]:
    cells: dict[str, str] = {"deck_type": deck.type.value}
    for column, key in DECK_COLUMNS.items():
        if column in ("deck", "deck_type") or key not in deck.model_fields_set:
            continue
        value = getattr(deck, key)
        if isinstance(value, list):
            cells[column] = ", ".join(str(getattr(v, "value", v)) for v in value)
        elif value is not None:
            cells[column] = str(value)
    return cells


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """The rows as CSV the way spreadsheets save it: commas, CRLF, quotes where needed."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_sheet(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` as CSV (UTF-8 with a BOM, which Excel needs to see UTF-8) or XLSX."""
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(path, rows)
    else:
        path.write_bytes(("\ufeff" + csv_text(rows)).encode("utf-8"))


def _write_xlsx(path: Path, rows: Sequence[Sequence[str]]) -> None:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtra from None
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = "cards"
    for number, cells in enumerate(rows, start=1):
        for column, text in enumerate(cells, start=1):
            if not text:
                continue
            cell = sheet.cell(row=number, column=column)
            if number > 1 and COLUMNS[column - 1] in INT_COLUMNS and text.isdigit():
                cell.value = int(text)  # a number the sheet can sort and sum
                continue
            cell.value = text
            # A card that starts with '=' is text, never a formula the sheet would run.
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    book.save(path)
