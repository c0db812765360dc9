"""What `deckgame print` costs: the whole built-in pack with backs, as the command runs it.

Run: ``python benchmarks/bench_print.py [--runs N]``. Prints figures; asserts nothing.
Targets (issue 17): the whole built-in pack with backs in at most 10 s and at most 5 MB
per 1,000 cards (the raster print took 48 s and made 41 MB).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# The tree's code, not an installed copy: a benchmark measures what is being changed.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

PACK = ROOT / "decks"


def count_cards() -> int:
    from deckgame.loader import load_paths

    library = load_paths([PACK])
    return len(library.cards) + len(library.closing)


def print_once(out: Path, *extra: str) -> tuple[float, float]:
    """One `deckgame print decks -o out --backs` in this process: its wall time and its
    CPU time in s (on a busy machine the CPU time is the fairer figure)."""
    import contextlib
    import io

    from deckgame.cli import main

    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["print", str(PACK), "-o", str(out), "--backs", *extra])
    took = time.perf_counter() - start, time.process_time() - cpu
    if code != 0:
        raise SystemExit(f"deckgame print failed with {code}")
    return took


def page_count(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return -1
    return len(PdfReader(str(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="prints timed (the best is shown)")
    args = parser.parse_args()
    try:
        import fpdf  # noqa: F401
    except ImportError:
        print("fpdf2 is not installed (pip install 'deckgame[print]'): nothing to measure")
        return
    cards = count_cards()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DECKGAME_HOME"] = str(Path(tmp) / "home")  # no user decks join in
        out = Path(tmp) / "cards.pdf"
        first = print_once(out)  # fonts found, icons drawn, modules imported
        times = [print_once(out) for _ in range(max(1, args.runs))]
        size = out.stat().st_size / 1e6
        pages = page_count(out)
        names = Path(tmp) / "names.pdf"
        named = print_once(names, "--names", "Ana,Ben")[0]
        named_size = names.stat().st_size / 1e6
    per_thousand = size / cards * 1000
    print(f"built-in pack: {cards} cards (fronts and backs: {pages} pages)")
    wall = [t[0] for t in times]
    best_cpu = min(t[1] for t in times)
    print(f"first print (cold): {first[0]:.2f} s ({first[1]:.2f} s of CPU)")
    print(f"best of {len(times)}: {min(wall):.2f} s, worst {max(wall):.2f} s (target <= 10 s)")
    print(f"best CPU time: {best_cpu:.2f} s (load average now {os.getloadavg()[0]:.1f})")
    print(f"PDF size: {size:.2f} MB, {per_thousand:.2f} MB per 1,000 cards (target <= 5 MB)")
    print(f"with --names Ana,Ben: {named:.2f} s, {named_size:.2f} MB")
    print(f"per card: {min(wall) / cards * 1000:.1f} ms")


if __name__ == "__main__":
    main()
