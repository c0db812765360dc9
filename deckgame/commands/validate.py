"""``deckgame validate PATH...``: check deck files and packs the way the game loads them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deckgame.commands import report_missing

HELP = "check deck files and folders; one PATH:LINE:COLUMN line per problem"
DESCRIPTION = """\
Check deck files and folders (recursively; pack.yaml files too) exactly as the game
loads them. Each problem is printed on stderr as PATH:LINE:COLUMN: error: MESSAGE, so an
editor can jump to it; a one-line summary goes to stdout.
Exit status: 0 all valid, 1 problems found, 2 usage (e.g. a path that does not exist)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="deck file or folder")
    parser.add_argument(
        "--with-library",
        action="store_true",
        help="also load the built-in decks and your own deck folder, so ids that clash "
        "with them are found too",
    )
    # Run from the command line, the process ends as soon as the report is flushed
    # (deckgame.cli.main): freeing ten thousand cards one by one is no work for anyone.
    parser.set_defaults(exit_at_once=True)


def run(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    if report_missing("validate", paths):
        return 2

    from deckgame.loader import load_library, load_paths

    library = load_library(paths) if args.with_library else load_paths(paths)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    decks = len(library.decks)
    cards = len(library.cards) + len(library.closing)
    counted = f"{decks} deck{'s' if decks != 1 else ''}, {cards} card{'s' if cards != 1 else ''}"
    if not library.problems:
        print(f"{counted}: ok")
        return 0
    problems = len(library.problems)
    skipped = len(library.skipped)
    print(
        f"{counted}: {problems} problem{'s' if problems != 1 else ''}"
        f"; {skipped} deck{'s' if skipped != 1 else ''} would be skipped"
    )
    return 1
