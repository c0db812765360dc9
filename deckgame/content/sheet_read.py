"""A spreadsheet file read into rows of text cells, never raising for anything in the file.

CSV is read as spreadsheets save it: UTF-8 with or without a BOM, commas, semicolons or
tabs (sniffed from the header line), quoted line breaks, CRLF. XLSX is read through
openpyxl (the optional ``sheets`` extra), its first worksheet only. Rows are numbered as
the spreadsheet numbers them: a quoted line break inside a cell does not start a row.

>>> grid = parse_csv_bytes(b"\\xef\\xbb\\xbfask;level\\r\\n\\"Two\\r\\nlines\\";1\\r\\n", "a.csv")
>>> grid.rows
[(1, ['ask', 'level']), (2, ['Two\\r\\nlines', '1'])]
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from deckgame.content.problems import Problem

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "SHEET_SUFFIXES",
    "Grid",
    "MissingExtra",
    "cell_text",
    "parse_csv_bytes",
    "read_sheet",
]

SHEET_SUFFIXES = (".csv", ".xlsx")
MAX_BYTES = 8 * 1024 * 1024  # as for a deck file: far more than any sheet of cards
MAX_ROWS = 100_000
# An XLSX file is a zip: its parts, unpacked, may not exceed this (a zip bomb stops here).
MAX_XLSX_UNPACKED = 64 * 1024 * 1024
_MAX_CELL = 100_000  # characters in one CSV cell (the csv module's own limit is 131,072)
_MB = 1024 * 1024


class MissingExtra(Exception):
    """openpyxl is not installed: XLSX needs the ``sheets`` extra."""


@dataclass
class Grid:
    """A sheet's non-empty rows as (row number, cells as text), and what stopped reading."""

    path: str
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def fail(self, message: str, row: int = 1, column: int = 1) -> Grid:
        self.problems.append(Problem(self.path, row, column, message))
        return self


def read_sheet(path: Path, label: str | None = None) -> Grid:
    """Read a ``.csv`` or ``.xlsx`` file (raises :class:`MissingExtra` without openpyxl)."""
    name = label if label is not None else str(path)
    grid = Grid(name)
    try:
        with path.open("rb") as stream:
            raw = _read_capped(stream)
    except OSError as exc:
        return grid.fail(f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return grid.fail(
            f"the file is larger than {MAX_BYTES // _MB} MB: split it into several sheets"
        )
    if path.suffix.lower() == ".xlsx":
        return _parse_xlsx(raw, grid)
    return parse_csv_bytes(raw, name)


def _read_capped(stream: BinaryIO) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes, read in chunks (a FIFO has no size to ask for)."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_BYTES:
        chunk = stream.read(min(_MB, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def parse_csv_bytes(raw: bytes, path: str) -> Grid:
    """Rows of a CSV file's bytes (UTF-8, BOM or not; delimiter sniffed)."""
    grid = Grid(path)
    if raw.startswith(b"PK\x03\x04"):
        return grid.fail("this is a zip or XLSX file, not CSV text: name it .xlsx")
    if b"\x00" in raw:
        return grid.fail("this is not a text file (it holds NUL bytes): save the sheet as CSV")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        return grid.fail(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save it as "
            "'CSV UTF-8' (Excel) or with the character set UTF-8 (LibreOffice)",
            row,
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                return grid.fail(
                    f"the sheet has more than {MAX_ROWS:,} rows: split it into several sheets",
                    number,
                )
            _keep(grid, number, cells)
    except csv.Error:
        return grid.fail(
            f"a cell longer than {_MAX_CELL:,} characters (an unclosed quote?)", number + 1
        )
    return grid


def _keep(grid: Grid, number: int, cells: list[str]) -> None:
    """Keep a row with anything in it, without its empty cells at the end."""
    while cells and not cells[-1].strip():
        cells.pop()
    if cells:
        grid.rows.append((number, cells))


def _delimiter(text: str) -> str:
    """The delimiter of the header line: whichever of ``,`` ``;`` and tab it uses most."""
    header = text.split("\n", 1)[0]
    counts = {mark: header.count(mark) for mark in (",", ";", "\t")}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] else ","


csv.field_size_limit(max(csv.field_size_limit(), _MAX_CELL))


def _parse_xlsx(raw: bytes, grid: Grid) -> Grid:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return grid.fail("this is not an XLSX file (it is not a zip of sheets)")
    if unpacked > MAX_XLSX_UNPACKED:
        return grid.fail(
            f"the workbook unpacks to {unpacked // _MB:,} MB, more than "
            f"{MAX_XLSX_UNPACKED // _MB} MB: no sheet of cards is this big"
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        return grid.fail(f"cannot read this workbook ({type(exc).__name__})")
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return grid.fail("the workbook has no worksheet")
        return _xlsx_rows(sheet.iter_rows(min_row=1, values_only=True), grid)
    finally:
        book.close()


def _xlsx_rows(rows: Iterable[tuple[object, ...]], grid: Grid) -> Grid:
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS:
            return grid.fail(
                f"the sheet has more than {MAX_ROWS:,} rows: split it into several sheets",
                number,
            )
        _keep(grid, number, [cell_text(value) for value in values])
    return grid


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV of it would hold (60.0 is ``60``).

    >>> cell_text(60.0), cell_text(None), cell_text(True), cell_text(1.5)
    ('60', '', 'true', '1.5')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
