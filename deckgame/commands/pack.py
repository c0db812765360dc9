"""``deckgame pack FOLDER -o NAME.zip``: a pack folder zipped for sharing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deckgame.commands import report_missing

HELP = "zip a pack folder to share it (others run: deckgame install NAME.zip)"
DESCRIPTION = """\
Check a pack folder as the game loads it and zip its deck files and pack.yaml, under the
folder's name, into NAME.zip, ready for `deckgame install NAME.zip`. A folder with
problems is refused, each problem as FILE:LINE:COLUMN.
Exit status: 0 written, 1 problems found (or NAME.zip exists: see --force), 2 usage."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="the pack folder")
    parser.add_argument(
        "-o", "--out", type=Path, required=True, metavar="NAME.zip", help="the zip to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing zip")


def run(args: argparse.Namespace) -> int:
    if report_missing("pack", [args.folder]):
        return 2
    out: Path = args.out
    if out.suffix.lower() != ".zip":
        print(f"deckgame pack: {out}: name the pack .zip", file=sys.stderr)
        return 2
    from deckgame.content.packs import PackError, pack_folder

    try:
        count = pack_folder(args.folder, out, force=args.force)
    except PackError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        print(f"{args.folder}: not packed")
        return 1
    except OSError as error:
        print(f"deckgame pack: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {out}: {count} file{'s' if count != 1 else ''}")
    return 0
