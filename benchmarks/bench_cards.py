"""How long the card renderer takes: a card never drawn before (layout, text fitting and
line balancing all run) and the same card again (the text cache answers).

    python benchmarks/bench_cards.py [--cards N]

Prints milliseconds per card for the table's size, the workshop's print preview and a
300 dpi printed front. No assertion: figures to compare between versions.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from deckgame.loader import load_paths
from deckgame.resources import builtin_decks_dir
from deckgame.ui.cards import card_view, render_card
from deckgame.ui.text import TextBook
from deckgame.ui.theme import theme_named

SIZES = {"table 985x540": (985, 540), "print preview 300x420": (300, 420), "300 dpi": (745, 1040)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=60)
    args = parser.parse_args(argv)
    pygame.font.init()
    cards = load_paths([builtin_decks_dir()]).cards[: args.cards]
    views = [card_view(c, player="Ana", other="Ben") for c in cards]
    theme = theme_named("light")
    for name, size in SIZES.items():
        book = TextBook(fallback_files=[])
        start = time.perf_counter()
        for view in views:
            render_card(view, size, theme, 1.0, book)
        cold = (time.perf_counter() - start) / len(views) * 1000
        start = time.perf_counter()
        for view in views:
            render_card(view, size, theme, 1.0, book)
        warm = (time.perf_counter() - start) / len(views) * 1000
        print(f"{name:24} new card {cold:6.2f} ms   again {warm:6.2f} ms   ({len(views)} cards)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
