"""The subcommands of ``deckgame``: one module each, loaded by ``deckgame.cli``."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path


def report_missing(command: str, paths: Iterable[Path]) -> bool:
    """Name every path that does not exist on stderr; True when there was any (exit 2)."""
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        print(f"deckgame {command}: no such file or folder: {path}", file=sys.stderr)
    return bool(missing)
