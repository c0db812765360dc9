"""How fast the loader validates a big deck, next to a bare libyaml load of the same file.

Run: ``python benchmarks/bench_loader.py [CARDS]``. Prints figures; asserts nothing.
The target (issue 2): a 10,000-card deck validated in at most 1.5x the bare load's time.
"""

from __future__ import annotations

import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

# The tree's code, not an installed copy: a benchmark measures what is being changed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from deckgame.loader import load_deck_file

TYPES = ("physical", "emotional", "experiential", "spiritual", "intellectual")


def write_deck(path: Path, cards: int) -> None:
    """A deck with every kind of card field, spread over four levels."""
    lines = [
        "# yaml-language-server: $schema=../deck.schema.json",
        "name: Generated",
        "type: emotional",
        "description: A generated deck for the loader benchmark.",
        "audience: [couples, friends, family]",
        "tags: [generated]",
        "levels:",
    ]
    per_level = cards // 4
    for level in range(1, 5):
        lines.append(f"  {level}:")
        count = per_level if level < 4 else cards - 3 * per_level
        for i in range(count):
            n = (level - 1) * per_level + i
            if n % 3 == 0:
                lines.append(f"    - do: Challenge number {n} for {{player}} and {{other}}.")
                lines.append("      seconds: 60")
            else:
                lines.append(f"    - ask: Question number {n}, what would you tell {{other}}?")
                lines.append("      follow_up: And why?")
            if n % 5 == 0:
                lines.append(f"      type: {TYPES[n % len(TYPES)]}")
                lines.append("      tags: [past, home]")
            if n % 7 == 0:
                lines.append("      audience: [couples, friends]")
                lines.append("      who: everyone")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_load(path: Path) -> object:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=yaml.CSafeLoader)


def peak_bytes(action: Callable[[], object]) -> int:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def bomb_text(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def main() -> None:
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = 7
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        write_deck(path, cards)
        deck = load_deck_file(path)
        assert deck.ok and len(deck.cards) == cards, deck.problems[:3]  # the input, not timing
        size = path.stat().st_size
        bare = best_of(runs, lambda: bare_load(path))
        ours = best_of(runs, lambda: load_deck_file(path))
        print(f"deck: {cards} cards, {size / 1024:.0f} KiB, libyaml C: {yaml.__with_libyaml__}")
        print(f"bare yaml.load(CSafeLoader): {bare * 1000:8.1f} ms (best of {runs})")
        print(f"load_deck_file (validated):  {ours * 1000:8.1f} ms (best of {runs})")
        print(f"ratio: {ours / bare:.2f}x (target <= 1.5x)")
        # The loader pauses the cycle collector while it builds objects; the bare load
        # does not. For a like-for-like view, the bare load with the collector paused too:
        gc.disable()
        try:
            bare_paused = best_of(runs, lambda: bare_load(path))
        finally:
            gc.enable()
        print(
            f"bare load, collector paused: {bare_paused * 1000:8.1f} ms "
            f"(ratio {ours / bare_paused:.2f}x)"
        )
        print(
            f"peak traced memory: bare {peak_bytes(lambda: bare_load(path)) / 2**20:.1f} MiB, "
            f"load_deck_file {peak_bytes(lambda: load_deck_file(path)) / 2**20:.1f} MiB"
        )

        bomb = Path(tmp) / "bomb.yaml"
        bomb.write_text(bomb_text(), encoding="utf-8")
        refusal = best_of(runs, lambda: load_deck_file(bomb))
        problems = load_deck_file(bomb).problems
        print(
            f"billion laughs refused in {refusal * 1000:.1f} ms, "
            f"peak {peak_bytes(lambda: load_deck_file(bomb)) / 2**20:.2f} MiB: {problems[0]}"
        )
    maxrss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process max RSS: {maxrss_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
