"""Deck sheets in: the rows of a CSV or XLSX sheet checked and grouped into decks.

Every cell is validated by the deck file's own models and worded by the same messages
(:mod:`deckgame.messages`), and every problem is placed at ``FILE:ROW:COLUMN`` (rows as
the spreadsheet numbers them, the header being row 1; columns from 1). The columns are
in :mod:`deckgame.content.sheet_columns` and documented in ``decks/README.md``.

>>> from deckgame.content.sheet_read import parse_csv_bytes
>>> grid = parse_csv_bytes(b"deck,type,level,ask\\nTiny,emotional,1,Hi?\\nTiny,,12,Yo?\\n", "t.csv")
>>> [str(p) for p in sheet_decks(grid, "t").all_problems]
["t.csv:3:3: error: 'level' must be between 1 and 9, got 12"]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from deckgame.clashes import duplicate_message
from deckgame.content.problems import Problem
from deckgame.content.resolve import resolve_cards, resolve_closing
from deckgame.content.sheet_columns import (
    DECK_COLUMNS,
    INT_COLUMNS,
    LIST_COLUMNS,
    read_header,
)
from deckgame.content.sheet_read import Grid, read_sheet
from deckgame.content.specs import Card, CardSpec, ClosingCardSpec, DeckSpec, LevelNumber
from deckgame.content.text import quoted
from deckgame.content.yaml_values import plain_value
from deckgame.messages import message_for

__all__ = ["Sheet", "SheetDeck", "read_decks", "sheet_decks"]

Cell = tuple[int, int]  # row, column
_CARD_KEYS = [key for key in ClosingCardSpec.model_fields if key != "level"]
_DECK_KEYS = list(DeckSpec.model_fields)
_LEVEL = TypeAdapter(LevelNumber)
_YES = frozenset({"yes", "true", "x", "1"})
_NO = frozenset({"no", "false", "0"})


@dataclass
class SheetDeck:
    """One deck of a sheet: its spec (None when the deck itself is at fault), its cards
    (those that validated) and where each card id stands."""

    name: str
    row: int
    spec: DeckSpec | None = None
    cards: list[Card] = field(default_factory=list)
    closing: list[Card] = field(default_factory=list)
    places: dict[str, Cell] = field(default_factory=dict)
    cells: list[Cell] = field(default_factory=list)  # each card's place, in card order
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Sheet:
    """A sheet read: its decks in the order they first appear, and problems outside them."""

    path: str
    decks: list[SheetDeck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the file's and the header's

    @property
    def all_problems(self) -> list[Problem]:
        """Every problem of the sheet, in row and column order."""
        found = [*self.problems, *(p for deck in self.decks for p in deck.problems)]
        return sorted(set(found), key=lambda p: (p.line, p.column, p.message))


def read_decks(path: Path, label: str | None = None) -> Sheet:
    """Read a sheet file into decks (raises ``MissingExtra`` for XLSX without openpyxl)."""
    grid = read_sheet(path, label)
    return sheet_decks(grid, path.stem)


def sheet_decks(grid: Grid, default_name: str) -> Sheet:
    """The decks of a sheet's rows; a row without a ``deck`` name belongs to the deck of
    the row above (the first rows: ``default_name``, the file's name)."""
    sheet = Sheet(grid.path, problems=list(grid.problems))
    if grid.problems:
        return sheet
    if not grid.rows or grid.rows[0][0] != 1:
        sheet.problems.append(
            Problem(grid.path, 1, 1, "the sheet is empty: its first row names the columns")
        )
        return sheet
    columns, problems = read_header(grid.path, grid.rows[0][1])
    sheet.problems += problems
    if problems:
        return sheet
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    name = default_name
    for number, cells in grid.rows[1:]:
        row: dict[str, str] = {}
        for column, text in enumerate(cells, start=1):
            if column in columns:
                row[columns[column]] = text
            elif text.strip():
                sheet.problems.append(_unnamed(grid.path, number, column))
        name = row.get("deck", "").strip() or name
        groups.setdefault(name, []).append((number, row))
    at = {column_name: number for number, column_name in columns.items()}
    for deck_name, rows in groups.items():
        sheet.decks.append(_Builder(grid.path, at, deck_name, rows).build())
    _check_ids(sheet)
    return sheet


def _unnamed(path: str, row: int, column: int) -> Problem:
    return Problem(
        path, row, column, "this cell has no column name in row 1: name the column or empty it"
    )


class _Builder:
    """One deck built from its rows."""

    def __init__(
        self, path: str, at: dict[str, int], name: str, rows: list[tuple[int, dict[str, str]]]
    ) -> None:
        self.path = path
        self.at = at  # column name -> its number
        self.rows = rows
        self.deck = SheetDeck(name, rows[0][0])
        self.cells: dict[str, Cell] = {"name": (rows[0][0], at.get("deck", 1))}

    def problem(self, cell: Cell, message: str) -> None:
        self.deck.problems.append(Problem(self.path, *cell, message))

    def cell(self, row: int, column: str) -> Cell:
        return row, self.at.get(column, 1)

    def build(self) -> SheetDeck:
        fields = self.deck_fields()
        levels: dict[int, list[tuple[CardSpec, Cell]]] = {}
        closing: list[tuple[ClosingCardSpec, Cell]] = []
        deck_type = str(fields.get("type", ""))
        for number, row in self.rows:
            self.card(number, row, deck_type, levels, closing)
        data = {
            **fields,
            "levels": {level: [spec for spec, _ in levels[level]] for level in sorted(levels)},
            "closing": [spec for spec, _ in closing],
        }
        had_card_problems = bool(self.deck.problems)
        try:
            spec = DeckSpec.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                if had_card_problems and error["loc"][:1] in ((), ("levels",)):
                    continue  # "no cards": each bad card already says why
                key = str(error["loc"][0]) if error["loc"] else "name"
                self.problem(
                    self.cells.get(key, self.cells["name"]), message_for(error, _DECK_KEYS)
                )
            return self.deck
        self.deck.spec = spec
        places = [cell for level in sorted(levels) for _, cell in levels[level]]
        places += [cell for _, cell in closing]
        self.deck.cards = resolve_cards(spec)
        self.deck.closing = resolve_closing(spec)
        self.deck.cells = places
        return self.deck

    def deck_fields(self) -> dict[str, Any]:
        """The deck's keys from its deck columns (each written once, or alike everywhere)."""
        fields: dict[str, Any] = {"name": self.deck.name}
        for number, row in self.rows:
            for column, key in DECK_COLUMNS.items():
                text = row.get(column, "").strip()
                if column == "deck" or not text:
                    continue
                value = _value(column, text)
                if key not in fields:
                    fields[key] = value
                    self.cells[key] = self.cell(number, column)
                elif fields[key] != value:
                    first = self.cells[key][0]
                    self.problem(
                        self.cell(number, column),
                        f"the deck {quoted(self.deck.name)} already has {column} "
                        f"{quoted(fields[key])} (row {first}): write it once, or alike on "
                        "every row",
                    )
        if "type" not in fields:  # the deck's type: its first card's
            for number, row in self.rows:
                text = row.get("type", "").strip()
                if text:
                    fields["type"] = text
                    self.cells["type"] = self.cell(number, "type")
                    break
        return fields

    def card(
        self,
        number: int,
        row: dict[str, str],
        deck_type: str,
        levels: dict[int, list[tuple[CardSpec, Cell]]],
        closing: list[tuple[ClosingCardSpec, Cell]],
    ) -> None:
        """Validate one row's card and add it to its level (or to the closing cards)."""
        data: dict[str, Any] = {}
        for key in _CARD_KEYS:
            text = row.get(key, "")
            if text.strip():
                data[key] = _value(key, text)
        if data.get("type") == deck_type:
            del data["type"]  # the deck's own type: written on every row of an export
        is_closing = self.closing_flag(number, row.get("closing", ""))
        level_text = row.get("level", "").strip()
        if is_closing is None:
            return
        if not data and not level_text:
            return  # a row of deck columns only
        if is_closing:
            if level_text:
                data["level"] = _value("level", level_text)
            spec = self.validated(ClosingCardSpec, data, number)
            if isinstance(spec, ClosingCardSpec):
                closing.append((spec, self.place(number, data)))
            return
        level = self.level(number, level_text)
        spec = self.validated(CardSpec, data, number)
        if spec is not None and level is not None:
            levels.setdefault(level, []).append((spec, self.place(number, data)))

    def closing_flag(self, number: int, text: str) -> bool | None:
        word = text.strip().lower()
        if word in _YES or word in _NO or not word:
            return word in _YES
        self.problem(
            self.cell(number, "closing"),
            f"'closing' is 'yes' for a closing card, or empty; got the text {quoted(text)}",
        )
        return None

    def level(self, number: int, text: str) -> int | None:
        if not text:
            self.problem(
                self.cell(number, "level"),
                "missing 'level': a card needs the level (1-9) it is dealt at, or 'yes' "
                "under 'closing'",
            )
            return None
        try:
            return _LEVEL.validate_python(_value("level", text))
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                self.problem(
                    self.cell(number, "level"), message_for({**error, "loc": ("level",)}, [])
                )
            return None

    def validated(self, model: type[BaseModel], data: dict[str, Any], number: int) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                self.problem(
                    self.cell(number, _column_of(error, data)), message_for(error, _CARD_KEYS)
                )
            return None

    def place(self, number: int, data: dict[str, Any]) -> Cell:
        """Where a card's id is reported: its id cell, else its text."""
        column = "id" if "id" in data else "ask" if "ask" in data else "do"
        return self.cell(number, column)


def _column_of(error: Any, data: dict[str, Any]) -> str:
    """The column a card's error belongs in (a whole-card error: the one it names)."""
    if error["loc"]:
        return str(error["loc"][0])
    text = str(error.get("msg", ""))
    for key in ("seconds", "min_players"):
        if f"`{key}`" in text or text.startswith(f"Value error, {key}"):
            return "max_players" if key == "min_players" else key
    return "ask" if "ask" in data or "do" not in data else "do"


def _value(column: str, text: str) -> object:
    """A cell's text as the value its key takes: a number, a list of words, or text."""
    if column in INT_COLUMNS:
        return plain_value(text.strip())
    if column in LIST_COLUMNS:
        return [word.strip() for word in text.split(",") if word.strip()]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_ids(sheet: Sheet) -> None:
    """Place every deck's card ids; an id used twice in the sheet is a problem at its
    second place (the decks written from one sheet are loaded together)."""
    claimed: dict[str, Cell] = {}
    for deck in sheet.decks:
        for card, cell in zip([*deck.cards, *deck.closing], deck.cells, strict=False):
            if card.id in claimed:
                first = (sheet.path, *claimed[card.id])
                deck.problems.append(Problem(sheet.path, *cell, duplicate_message(card.id, first)))
            else:
                claimed[card.id] = cell
                deck.places[card.id] = cell
