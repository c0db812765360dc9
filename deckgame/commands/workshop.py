"""``deckgame workshop [PATH...]``: see decks live while writing them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deckgame.commands import report_missing
from deckgame.options import parse_size

HELP = "see every deck, its problems and its cards live while you edit (hot reload)"
DESCRIPTION = """\
Open the deck workshop: every loaded deck and pack with where it came from (built-in,
your deck folder, or PATH), its cards per level and its problems as FILE:LINE:COLUMN.
Browse the cards exactly as the table draws them, in any theme and text size, with
sample names. Save a deck file in your editor and the workshop shows the change within
a second; a file that breaks keeps its last good preview beside its errors. A deck
sheet (.csv, .xlsx: see `deckgame import`) named as PATH is watched the same way, its
errors as FILE:ROW:COLUMN.
Keys: arrows browse, 1-9 levels, T theme, +/- text, N names, P printed shape, Esc quits."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="extra deck files, deck sheets (.csv, .xlsx) or folders to load",
    )
    parser.add_argument(
        "--only", action="store_true", help="show only PATH, not the built-in decks and yours"
    )
    parser.add_argument("--windowed", metavar="WxH", help="window size, e.g. 1280x720")


def run(args: argparse.Namespace) -> int:
    try:
        size = parse_size(args.windowed) if args.windowed is not None else None
    except ValueError as error:
        print(f"deckgame workshop: --windowed: {error}", file=sys.stderr)
        return 2
    if report_missing("workshop", args.paths):
        return 2
    if args.only and not args.paths:
        print("deckgame workshop: --only needs at least one PATH", file=sys.stderr)
        return 2

    from deckgame.ui.main import launch_workshop

    return launch_workshop(list(args.paths), only=args.only, size=size)
