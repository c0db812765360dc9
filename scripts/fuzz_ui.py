"""The long UI fuzz run, on demand: seeded random input over every scene of the game.

    python scripts/fuzz_ui.py --events 1000000 --seed 0
    python scripts/fuzz_ui.py --seed 7 --steps 1085      # replay a failure, full traceback

Seeds N, N+1, ... each drive a fresh window from their own start (see
``tests/robustness/ui_fuzzer.py``) for ``--per-seed`` events; a crash is recorded with its
seed and step, and that seed goes on in a new window. At the end (or on Ctrl+C) it prints
the events run, every distinct failure (how often, the first seed and step, its
traceback), the slowest steps and the peak memory. Exit status 1 if anything failed.

Runs on the dummy video and audio drivers; no window opens and nothing is written outside
a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# SDL would turn Ctrl+C and SIGTERM into a quit event nobody reads: keep Python's own.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

if "DECKGAME_HOME" not in os.environ:  # never the player's own settings, decks or saves
    os.environ["DECKGAME_HOME"] = tempfile.mkdtemp(prefix="deckgame-fuzz-home-")

from ui_fuzzer import FuzzFailure, UiFuzzer, builtin_library  # noqa: E402


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def current_rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def trimmed_rss_mb() -> float:
    """RSS once the C allocator gave its free pages back (glibc keeps freed surfaces'
    memory otherwise): what a growing number here means is a leak, not fragmentation."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return current_rss_mb()


def replay(seed: int, steps: int) -> int:
    """Run seed ``seed`` up to step ``steps`` and show what failed at its last step."""
    home = Path(tempfile.mkdtemp(prefix="deckgame-fuzz-"))
    try:
        fuzzer = UiFuzzer(seed, home)
        failures: list[FuzzFailure] = []
        while fuzzer.report.steps < steps:
            try:
                fuzzer.step()
            except FuzzFailure as failure:
                failures.append(failure.detach())
                fuzzer.tracked = None
                fuzzer.app = fuzzer._new_app()
        last = [f for f in failures if f.step == steps - 1]
        for failure in last or failures[-1:]:
            print(failure)
        print(f"seed {seed}: {steps} steps, {len(failures)} failure(s) on the way")
        return 1 if last else 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in all")
    parser.add_argument("--seed", type=int, default=0, help="the first seed")
    parser.add_argument("--per-seed", type=int, default=20_000, help="events per seed")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--steps", type=int, default=None, help="replay --seed to this step")
    parser.add_argument("--every", type=float, default=30.0, help="seconds between progress")
    args = parser.parse_args(argv)
    if args.steps is not None:
        return replay(args.seed, args.steps)

    started = time.monotonic()
    deadline = None if args.minutes is None else started + args.minutes * 60
    print("loading the built-in decks...", flush=True)
    builtin_library()
    events = steps = seeds = restarts = 0
    counts: Counter[str] = Counter()
    first: dict[str, FuzzFailure] = {}
    first_seed: dict[str, int] = {}
    slowest: list[tuple[float, int, int, str]] = []  # seconds, seed, step, what
    scenes: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    trimmed: list[float] = []  # RSS after each seed, the allocator trimmed
    seed = args.seed
    last_print = started
    interrupted = False
    try:
        while events < args.events and (deadline is None or time.monotonic() < deadline):
            home = Path(tempfile.mkdtemp(prefix="deckgame-fuzz-"))
            fuzzer = UiFuzzer(seed, home, keep_slowest=10)
            budget = min(args.per_seed, args.events - events)
            report = fuzzer.report
            try:
                while report.events < budget:
                    if deadline is not None and time.monotonic() >= deadline:
                        break
                    try:
                        fuzzer.step()
                    except FuzzFailure as failure:
                        report.failures.append(failure.detach())
                        counts[failure.signature] += 1
                        if failure.signature not in first:
                            first[failure.signature] = failure
                            first_seed[failure.signature] = seed
                            print(
                                f"NEW FAILURE seed {seed} step {failure.step}: {failure.signature}",
                                flush=True,
                            )
                        fuzzer.tracked = None
                        fuzzer.app = fuzzer._new_app()
                    now = time.monotonic()
                    if now - last_print >= args.every:
                        last_print = now
                        done = events + report.events
                        rate = done / (now - started)
                        print(
                            f"[{(now - started) / 60:5.1f} min] events {done:,}"
                            f" ({rate:,.0f}/s), seed {seed}, failures {sum(counts.values())}"
                            f" ({len(counts)} kinds), RSS {current_rss_mb():.0f} MB"
                            f" (peak {peak_rss_mb():.0f} MB)",
                            flush=True,
                        )
            finally:
                events += report.events
                steps += report.steps
                restarts += report.restarts
                scenes.update(report.scenes)
                phases.update(report.phases)
                slowest += [(t, seed, step, what) for t, step, what in report.slowest]
                slowest = sorted(slowest, reverse=True)[:10]
                seeds += 1
                fuzzer.app.ctx.close_session()
                del fuzzer, report
                shutil.rmtree(home, ignore_errors=True)
                trimmed.append(trimmed_rss_mb())
            seed += 1
    except KeyboardInterrupt:
        interrupted = True

    elapsed = time.monotonic() - started
    print()
    print(
        f"events run:   {events:,} in {steps:,} steps over {seeds} seed(s)"
        f" ({args.seed}..{seed - (0 if interrupted else 1)}), {elapsed / 60:.1f} min,"
        f" {events / max(elapsed, 1e-9):,.0f} events/s{' (interrupted)' if interrupted else ''}"
    )
    print(f"restarts:     {restarts} (Quit pressed: a new evening at the title)")
    print(f"failures:     {sum(counts.values())} ({len(counts)} distinct)")
    for signature, count in counts.most_common():
        failure = first[signature]
        print(f"  {count:6} x {signature}")
        print(
            f"           first: seed {first_seed[signature]} step {failure.step}"
            f" (replay: python scripts/fuzz_ui.py --seed {first_seed[signature]}"
            f" --steps {failure.step + 1})"
        )
    print("slowest steps:")
    for spent, s, step, what in slowest:
        print(f"  {spent * 1000:8.1f} ms  seed {s} step {step}: {what}")
    print(f"peak memory:  {peak_rss_mb():.0f} MB RSS (now {current_rss_mb():.0f} MB)")
    if trimmed:
        shown = ", ".join(f"{mb:.0f}" for mb in trimmed[:: max(1, len(trimmed) // 12)])
        print(f"RSS after each seed, trimmed (MB): {shown} (last {trimmed[-1]:.0f})")
    print("scenes (steps on top): " + ", ".join(f"{k} {v}" for k, v in scenes.most_common()))
    print("table phases (steps):  " + ", ".join(f"{k} {v}" for k, v in phases.most_common()))
    for signature in counts:
        print(f"\n===== {signature}\n{first[signature]}")
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
