"""``deckgame export PATH... -o SHEET``: deck files to a CSV or XLSX sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deckgame.commands import report_missing

HELP = "write deck files and folders to a CSV or XLSX sheet (one card a row)"
DESCRIPTION = """\
Write decks to a sheet, one card a row, with the columns `deckgame import` reads (see
decks/README.md): importing the sheet gives back the same decks, cards and ids. CSV is
written as UTF-8 with a BOM and CRLF, as spreadsheets expect; XLSX needs the sheets
extra (pip install deckgame[sheets]). Decks with problems are not exported.
Exit status: 0 written, 1 problems found (or SHEET exists: see --force), 2 usage."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="deck file or folder")
    parser.add_argument(
        "-o", "--out", type=Path, required=True, metavar="SHEET", help="a .csv or .xlsx file"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing SHEET")


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if report_missing("export", args.paths):
        return 2
    from deckgame.commands.import_sheet import XLSX_HINT
    from deckgame.content.sheet_read import SHEET_SUFFIXES, MissingExtra
    from deckgame.content.sheet_write import deck_rows, write_sheet
    from deckgame.loader import load_paths

    if out.suffix.lower() not in SHEET_SUFFIXES:
        print(f"deckgame export: {out}: name the sheet .csv or .xlsx", file=sys.stderr)
        return 2
    if out.exists() and not args.force:
        print(f"deckgame export: {out} already exists (use --force)", file=sys.stderr)
        return 1
    library = load_paths(args.paths)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    if library.problems:
        print("nothing written: fix the problems above first (see: deckgame validate)")
        return 1
    specs = [deck.spec for deck in library.decks if deck.spec is not None]
    try:
        write_sheet(out, deck_rows(specs))
    except MissingExtra:
        print(f"deckgame export: {XLSX_HINT}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"deckgame export: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    cards = len(library.cards) + len(library.closing)
    print(f"Wrote {out}: {len(specs)} deck{'s' if len(specs) != 1 else ''}, {cards} cards")
    return 0
