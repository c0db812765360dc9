"""How long ``deckgame simulate`` takes for many sessions on the built-in decks.

Run: python benchmarks/bench_simulate.py [--sessions 1000] [--players 4]
Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

# The tree's code, not an installed copy: a benchmark measures what is being changed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deckgame.engine import Settings
from deckgame.loader import load_library
from deckgame.model import Audience
from deckgame.simulate import simulate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--players", type=int, default=4)
    parser.add_argument("--audience", default="friends", choices=[a.value for a in Audience])
    args = parser.parse_args()

    started = time.perf_counter()
    library = load_library(user=False)
    loaded = time.perf_counter()
    settings = Settings(
        players=tuple(f"P{i}" for i in range(1, args.players + 1)),
        audience=Audience(args.audience),
    )
    report = simulate(library.cards, settings, sessions=args.sessions)
    done = time.perf_counter()

    actions = sum(r.cards_done for r in report.sessions)
    print(f"built-in library: {len(library.cards)} cards loaded in {loaded - started:.3f} s")
    print(
        f"simulate: {args.sessions} sessions x {args.players} players ({args.audience}) in "
        f"{done - loaded:.2f} s = {(done - loaded) / args.sessions * 1000:.2f} ms per session"
    )
    print(f"cards done in all: {actions:,} ({actions / (done - loaded):,.0f} cards per second)")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (max RSS): {peak_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
