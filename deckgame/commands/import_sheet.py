"""``deckgame import SHEET [-o DIR]``: deck files from a CSV or XLSX sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.commands import report_missing

if TYPE_CHECKING:
    from deckgame.content.sheets import SheetDeck

HELP = "turn a CSV or XLSX sheet (one card a row) into commented deck files"
DESCRIPTION = """\
Turn a sheet into deck files: one card a row, columns named like the card keys (ask, do,
id, type, seconds, follow_up, who, audience, tags, min_players, max_players) plus level
and closing, deck when the sheet holds several decks, and the deck's own keys (deck_type,
description, language, author, license, deck_audience, deck_tags). decks/README.md lists
them. Each bad cell is printed on stderr as FILE:ROW:COLUMN: error: MESSAGE (the header
is row 1, columns count from 1) and nothing is written. The deck files go to your deck
folder unless -o says otherwise; XLSX needs the sheets extra (pip install deckgame[sheets]).
Exit status: 0 written, 1 problems found (or a file exists: see --force), 2 usage."""

XLSX_HINT = "XLSX needs openpyxl: pip install 'deckgame[sheets]' (or save the sheet as CSV UTF-8)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheet", type=Path, metavar="SHEET", help="a .csv or .xlsx file")
    parser.add_argument(
        "-o", "--out", type=Path, metavar="DIR", help="the folder to write the decks to"
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing deck files")


def run(args: argparse.Namespace) -> int:
    sheet_path: Path = args.sheet
    if report_missing("import", [sheet_path]):
        return 2
    from deckgame.content.sheet_read import SHEET_SUFFIXES, MissingExtra
    from deckgame.content.sheets import read_decks
    from deckgame.paths import user_decks_dir

    if sheet_path.suffix.lower() not in SHEET_SUFFIXES or not sheet_path.is_file():
        print(f"deckgame import: {sheet_path}: not a .csv or .xlsx file", file=sys.stderr)
        return 2
    try:
        sheet = read_decks(sheet_path)
    except MissingExtra:
        print(f"deckgame import: {XLSX_HINT}", file=sys.stderr)
        return 2
    problems = sheet.all_problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"{sheet_path}: {count} problem{'s' if count != 1 else ''}; nothing written")
        return 1
    out: Path = args.out if args.out is not None else user_decks_dir()
    return _write(sheet.decks, out, sheet_path.name, force=args.force)


def _write(decks: list[SheetDeck], out: Path, source: str, *, force: bool) -> int:
    """Write each deck to its own file in ``out``; refuse to overwrite unless ``force``."""
    from deckgame.content.sheet_yaml import deck_yaml
    from deckgame.loader import load_paths
    from deckgame.scaffold import DECK_SUFFIX, place_schema, slug

    targets: list[Path] = []
    for deck in decks:
        base = slug(deck.name)
        name, n = base, 1
        while out / (name + DECK_SUFFIX) in targets:
            n += 1
            name = f"{base}-{n}"
        targets.append(out / (name + DECK_SUFFIX))
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        for path in existing:
            print(f"deckgame import: {path} already exists (use --force)", file=sys.stderr)
        return 1
    try:
        schema = place_schema(out)
        for deck, path in zip(decks, targets, strict=True):
            assert deck.spec is not None  # a sheet without problems has every spec
            path.write_text(deck_yaml(deck.spec, schema, source), encoding="utf-8")
    except OSError as error:
        print(f"deckgame import: cannot write to {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    written = load_paths(targets)  # what was written must validate as it stands
    for problem in written.problems:
        print(problem, file=sys.stderr)
    cards = sum(len(deck.cards) + len(deck.closing) for deck in decks)
    for path in targets:
        print(f"Wrote {path}")
    print(f"{len(decks)} deck{'s' if len(decks) != 1 else ''}, {cards} cards")
    return 1 if written.problems else 0
