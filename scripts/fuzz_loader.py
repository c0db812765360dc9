"""Fuzz the deck loader for a long while, or print the figures of the reliability issue.

    python scripts/fuzz_loader.py --inputs 100000 [--seed N] [--budget MINUTES] [--out DIR]
    python scripts/fuzz_loader.py --bench

The fuzz run feeds ``load_deck_file`` (and, for one input in twenty, ``load_pack_file``)
hostile files made by mutating the built-in decks and the corpora in ../shared/corpora
(tests/robustness/loader_mutations.py makes them and holds the promises checked). It
prints how many inputs ran, every failure (a traceback, or a promise broken: a message
not one ``PATH:LINE:COL: error:`` line, a place outside the file, pydantic's words, the
last-resort handler), the slowest inputs and the memory peaks. Each failing or slow input
is saved in ``--out`` with a note of what happened, to replay it by hand.

``--bench`` runs each case of the issue (20,000 unknown keys, 2.6 million flow items,
a 7.5 MB line, a deck near the size cap, ...) in a process of its own and prints its time
and peak memory. Figures, never assertions: they vary from machine to machine.
"""

from __future__ import annotations

import argparse
import heapq
import json
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tree's code, not an installed copy; the mutator lives with the tests that use it.
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "robustness")]

from loader_mutations import Mutator, check_input, deck_count, seed_texts  # noqa: E402

from deckgame.loader import load_deck_file  # noqa: E402

# Soft bounds: an input past these is reported (and saved), never an error by itself.
SLOW_SECONDS = 1.5
BIG_BYTES = 300 * 1024 * 1024
# Inputs at least this big get their memory measured (tracemalloc slows a load 2-3x).
MEASURE_FROM = 256 * 1024


def fuzz(inputs: int, seed: int, budget: float, out: Path, corpus: bool) -> int:
    seeds = seed_texts() if corpus else seed_texts(None)
    mutator = Mutator(seeds, seed=seed, decks=deck_count())
    started = time.perf_counter()
    slowest: list[tuple[float, float, int, str, int]] = []
    heaviest: list[tuple[int, int, str, int]] = []
    counts: Counter[str] = Counter()
    failures = 0
    print(f"fuzzing the loader: {inputs} inputs, seed {seed}, {len(seeds)} seed files")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        done = 0
        for index in range(inputs):
            if time.perf_counter() - started > budget:
                print(f"time budget of {budget / 60:.0f} min reached")
                break
            data, names = mutator.next_input()
            as_pack = mutator.rng.random() < 0.05
            try:
                outcome = check_input(folder, data, as_pack)
            except Exception:
                failures += 1
                counts["traceback"] += 1
                _save(out, f"traceback-{seed}-{index}", data, names, traceback.format_exc())
                print(f"#{index} ({names}): a traceback, saved in {out}")
                done += 1
                continue
            done += 1
            if outcome.wrong:
                failures += 1
                counts["broken promise"] += 1
                _save(out, f"wrong-{seed}-{index}", data, names, "\n".join(outcome.wrong))
                print(f"#{index} ({names}): {outcome.wrong[0][:300]}")
            if as_pack:
                counts["pack files"] += 1
            elif outcome.deck is not None and outcome.deck.ok:
                counts["good decks"] += 1
            else:
                counts["decks with problems"] += 1
            entry = (outcome.seconds, outcome.cpu_seconds, index, names, len(data))
            if len(slowest) < 10:
                heapq.heappush(slowest, entry)
            else:
                heapq.heappushpop(slowest, entry)
            if outcome.seconds > SLOW_SECONDS:
                counts["slower than 1.5 s (clock)"] += 1
                note = f"{outcome.seconds:.2f} s, {outcome.cpu_seconds:.2f} s of CPU"
                _save(out, f"slow-{seed}-{index}", data, names, note)
            if outcome.cpu_seconds > SLOW_SECONDS:
                counts["slower than 1.5 s (CPU)"] += 1
            if len(data) >= MEASURE_FROM:
                peak = _peak(check_input, folder, data, as_pack)
                heaviest.append((peak, index, names, len(data)))
                if peak > BIG_BYTES:
                    counts["over 300 MB"] += 1
            if done % 5000 == 0:
                elapsed = time.perf_counter() - started
                print(f"  {done} inputs, {failures} failures, {elapsed:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    print()
    print(f"inputs: {done} in {elapsed:.0f} s ({done / max(elapsed, 1e-9):.0f} per second)")
    print(f"failures: {failures}")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count}")
    print("slowest inputs (clock, and CPU time of this process):")
    for seconds, cpu, index, names, size in sorted(slowest, reverse=True):
        print(
            f"  {seconds * 1000:8.1f} ms {cpu * 1000:8.1f} ms CPU  #{index:<7} "
            f"{size / 1024:9.1f} KiB  {names}"
        )
    print("memory peaks (tracemalloc, inputs of 256 KiB or more):")
    for peak, index, names, size in sorted(heaviest, reverse=True)[:5]:
        print(f"  {peak / 2**20:8.1f} MiB  #{index:<7} {size / 1024:9.1f} KiB  {names}")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS: {maxrss:.0f} MiB")
    return 1 if failures else 0


def _peak(action: Callable[..., object], *args: object) -> int:
    tracemalloc.start()
    try:
        action(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _save(out: Path, name: str, data: bytes, names: str, note: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.yaml").write_bytes(data)
    (out / f"{name}.txt").write_text(f"mutations: {names}\n{note}\n", encoding="utf-8")


# --- the cases -------------------------------------------------------------------

GOOD = "name: Tiny\ntype: emotional\nlevels:\n  1:\n    - ask: Hello?\n"


def _unknown_keys(count: int) -> bytes:
    return (GOOD + "".join(f"k{i}: 1\n" for i in range(count))).encode()


def _cards(count: int) -> bytes:
    lines = ["name: Many", "type: emotional", "levels:", "  1:"]
    lines += [f"    - ask: Question {i} for {{other}}?" for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def _bench_deck(count: int) -> bytes:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_loader import write_deck

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.yaml"
        write_deck(path, count)
        return path.read_bytes()


CASES: dict[str, Callable[[], bytes]] = {
    "2,000 unknown keys": lambda: _unknown_keys(2_000),
    "20,000 unknown keys": lambda: _unknown_keys(20_000),
    "50,000 unknown keys": lambda: _unknown_keys(50_000),
    "124,000 unknown keys (under the node cap)": lambda: _unknown_keys(124_000),
    "8 MB of unknown keys (690,000)": lambda: _unknown_keys(690_000),
    "8 MB of duplicate keys": lambda: (GOOD + "name: x\n" * 1_000_000).encode(),
    "2.6 million flow items": lambda: ("a: [" + "1," * 2_600_000 + "]\n").encode(),
    "249,000 bad tags": lambda: (GOOD + "tags: [" + "A," * 249_000 + "]\n").encode(),
    "5,000 cards of 40 bad tags": lambda: (
        GOOD + ("    - ask: x\n      tags: [" + "A," * 40 + "]\n") * 5_000
    ).encode(),
    "249,000 cards that are not mappings": lambda: (GOOD + "    - x\n" * 249_000).encode(),
    "a 7.5 MB line": lambda: (GOOD + "description: " + "x" * 7_500_000 + "\n").encode(),
    "3 KB of [": lambda: b"[" * 3_000,
    "4 MB of [": lambda: b"a: " + b"[" * 4_000_000,
    "20,000 nested '- '": lambda: b"- " * 20_000 + b"x\n",
    "8 MB of bad cards (seconds: .inf)": lambda: (
        GOOD + "".join(f"    - do: Go {i}\n      seconds: .inf\n" for i in range(190_000))
    ).encode(),
    "49,000 bad cards (under the node cap)": lambda: (
        GOOD + "".join(f"    - do: Go {i}\n      seconds: .inf\n" for i in range(49_000))
    ).encode(),
    "100,000 cards (one key each, 3.6 MB)": lambda: _cards(100_000),
    "80,000 cards (one key each, 3 MB)": lambda: _cards(80_000),
    "10,000 benchmark cards (1 MB)": lambda: _bench_deck(10_000),
    "35,000 benchmark cards (3.4 MB)": lambda: _bench_deck(35_000),
}


def bench() -> None:
    print(f"{'case':<42} {'size':>8} {'clock':>7} {'CPU':>7} {'max RSS':>8}  first problem")
    for name in CASES:
        result = subprocess.run(
            [sys.executable, __file__, "--bench-case", name],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            print(f"{name:<42} failed: {result.stderr.strip()[-500:]}")
            continue
        row = json.loads(result.stdout)
        print(
            f"{name:<42} {row['bytes'] / 2**20:6.2f}MB {row['seconds']:6.2f}s {row['cpu']:6.2f}s "
            f"{row['rss'] / 1024:6.0f}MB  {row['problems']}: {row['first'][:70]}"
        )


def bench_case(name: str) -> None:
    data = CASES[name]()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.yaml"
        path.write_bytes(data)
        del data
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start, cpu = time.perf_counter(), time.process_time()
        deck = load_deck_file(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        first = deck.problems[0].message if deck.problems else f"ok, {len(deck.cards)} cards"
        row = {
            "bytes": path.stat().st_size,
            "seconds": seconds,
            "cpu": cpu,
            "rss": rss,
            "base": base,
            "problems": len(deck.problems),
            "first": first,
        }
    print(json.dumps(row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs to try")
    parser.add_argument("--seed", type=int, default=0, help="the mutator's seed")
    parser.add_argument("--budget", type=float, default=25.0, help="minutes at most")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="saved inputs")
    parser.add_argument("--no-corpus", action="store_true", help="mutate the built-in decks only")
    parser.add_argument("--bench", action="store_true", help="the issue's cases, timed")
    parser.add_argument("--bench-case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bench_case:
        bench_case(args.bench_case)
        return 0
    if args.bench:
        bench()
        return 0
    return fuzz(args.inputs, args.seed, args.budget * 60, args.out, not args.no_corpus)


if __name__ == "__main__":
    sys.exit(main())
