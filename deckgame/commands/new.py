"""``deckgame new NAME --type T``: write a starter deck that teaches the format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "write a starter deck (with comments that teach the format) to your deck folder"
DESCRIPTION = """\
Write a starter deck called NAME of intimacy type T: every deck and card key once, with
comments that explain them, and a schema line for editor completion. It goes to your deck
folder (where every deck loads in every session) unless --out says otherwise, and it
validates as written. Then open `deckgame workshop` and watch your edits live."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="the deck's display name")
    parser.add_argument(
        "--type",
        required=True,
        metavar="T",
        help="physical | emotional | experiential | spiritual | intellectual",
    )
    parser.add_argument(
        "--out", type=Path, metavar="PATH", help="a file or folder to write to instead"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    from deckgame.paths import user_decks_dir
    from deckgame.scaffold import (
        ScaffoldError,
        parse_type,
        place_schema,
        starter_deck,
        target_path,
        write_starter,
    )

    try:
        type_ = parse_type(args.type)
        starter_deck(args.name, type_, "")  # checks the name before anything is written
    except ScaffoldError as error:
        print(f"deckgame new: {error}", file=sys.stderr)
        return 2
    path = target_path(args.name, args.out, user_decks_dir())
    try:
        if path.exists() and not args.force:
            raise ScaffoldError(f"{path} already exists: pick another name or use --force")
        text = starter_deck(args.name, type_, place_schema(path.parent))
        write_starter(path, text, force=args.force)
    except ScaffoldError as error:
        print(f"deckgame new: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"deckgame new: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {path}")
    print("Next: `deckgame workshop` shows it live while you edit;")
    print(f"      `deckgame validate {path}` checks it.")
    return 0
