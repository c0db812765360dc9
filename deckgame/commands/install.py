"""``deckgame install PATH|FILE.zip``: check a deck, pack folder or zipped pack and copy
it into the user's deck folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deckgame.commands import report_missing

HELP = "check a deck file, pack folder or zipped pack and copy it into your deck folder"
DESCRIPTION = """\
Check a deck file, a pack folder or a zip made by `deckgame pack` exactly as the game
loads decks, then copy it into your deck folder, where it loads in every session. A pack
with problems (or with card ids that decks you already have use) is refused with each
problem as FILE:LINE:COLUMN, and nothing is written; an installed pack is only replaced
with --force. A zip may hold only deck files inside its folder: no links, no paths
outside it, nothing larger than a deck can be.
Exit status: 0 installed, 1 refused, 2 usage."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="PATH", help="deck file, folder or .zip")
    parser.add_argument("--force", action="store_true", help="replace an installed copy")


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    if report_missing("install", [source]):
        return 2
    from deckgame.content.packs import PackError, install
    from deckgame.paths import user_decks_dir

    try:
        done = install(source, user_decks_dir(), force=args.force)
    except PackError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        print(f"{source}: not installed; nothing written")
        return 1
    except OSError as error:
        print(f"deckgame install: {error.strerror or error}", file=sys.stderr)
        return 1
    decks = f"{done.decks} deck{'s' if done.decks != 1 else ''}"
    print(f"Installed {decks}, {done.cards} cards: {done.target}")
    return 0
