"""Memory over an evening: RSS after one session, after twenty, and after twenty resizes up
to 3840x2160 with every overlay open; the time of a resize step at 4K. Prints figures;
asserts nothing.

    python benchmarks/bench_memory.py [--sessions 20] [--resizes 20] [--drag 30]

Runs on SDL's dummy video driver in one process, as a window used all evening would: each
session plays a few turns (a star, warmth, a hold), ends, and goes back to the title.
Target (the reliability issue): RSS after 20 sessions within 10 % of after one, and the
image caches bounded in bytes whatever the window size.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["DECKGAME_HOME"] = tempfile.mkdtemp(prefix="deckgame-memory-")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from deckgame.engine import Settings  # noqa: E402
from deckgame.ui import flow  # noqa: E402
from deckgame.ui.app import App  # noqa: E402
from deckgame.ui.context import Context, Launch  # noqa: E402
from deckgame.ui.scenes.title import TitleScene  # noqa: E402
from deckgame.ui.settings import UiSettings  # noqa: E402

PLAYERS = ("Ana", "Ben", "Cy", "Dee")


def rss_mib() -> float:
    """The resident set size now (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def trimmed_rss_mib() -> float | None:
    """RSS after glibc hands freed heap pages back (malloc_trim), or None off glibc.

    A window-sized picture at 4K (33 MB) is just under glibc's largest mmap threshold:
    once one is freed, the next ones come from the heap, and freed heap pages stay in
    RSS until trimmed. The difference to :func:`rss_mib` is the allocator's, not a cache's.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim(0)
    return rss_mib()


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def press(app: App, *keys: int) -> None:
    app.step([key(k) for k in keys], dt=0.4)


def evening(app: App) -> None:
    flow.start_game(app, Settings(players=PLAYERS))
    app.step(dt=0.4)
    for _ in range(6):
        press(app, pygame.K_f, pygame.K_RETURN, pygame.K_w, pygame.K_2, pygame.K_ESCAPE)
        press(app, pygame.K_h, pygame.K_SPACE, pygame.K_RETURN)
    press(app, pygame.K_e)
    press(app, pygame.K_ESCAPE)  # the summary back to the title


def resize(app: App, size: tuple[int, int]) -> None:
    app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    app.step(dt=0.4)


def timed_resize(app: App, size: tuple[int, int]) -> tuple[float, float]:
    """One resize step as a window manager delivers it (new size, relayout, a frame): its
    wall-clock and CPU time in ms (CPU time is steadier on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    resize(app, size)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def step_times(what: str, times: list[tuple[float, float]]) -> None:
    if not times:
        return
    walls, cpus = [w for w, _ in times], [c for _, c in times]
    print(
        f"{what}: median {statistics.median(walls):5.1f} ms (CPU {statistics.median(cpus):5.1f}),"
        f" max {max(walls):5.1f} ms over {len(times)}"
    )


def report_caches(app: App) -> None:
    text = app.look.text
    cached = getattr(text, "cache_bytes", None)
    if callable(cached):
        print(f"text cache: {cached() / 2**20:.1f} MiB")
    fonts = getattr(text, "font_cache", getattr(text, "_fonts", None))
    if fonts is not None:
        print(f"fonts open: {len(fonts)}")
    try:
        from deckgame.ui import cache
    except ImportError:
        return
    for each in cache.live_caches():
        print(
            f"  cache {each.name:<16} {len(each):4d} entries  {each.bytes / 2**20:7.1f} MiB"
            f"  of {each.budget / 2**20:7.1f} MiB"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--resizes", type=int, default=20)
    parser.add_argument("--drag", type=int, default=30, help="drag steps around 3840x2160")
    args = parser.parse_args(argv)
    app = App(size=(1280, 720), settings=UiSettings(), ctx=Context(Launch(seed=3)))
    app.push(TitleScene(app))
    app.step()
    evening(app)
    gc.collect()
    after_one = rss_mib()
    for _ in range(args.sessions - 1):
        evening(app)
    gc.collect()
    after_many = rss_mib()
    print(f"RSS after 1 session:   {after_one:7.1f} MiB")
    print(
        f"RSS after {args.sessions} sessions: {after_many:7.1f} MiB"
        f"  ({(after_many / after_one - 1) * 100:+.1f} %)"
    )
    # Resizes with the table, the help and the menu open: the caches must not grow with them.
    flow.start_game(app, Settings(players=PLAYERS))
    app.step(dt=0.4)
    sizes = [(800, 600), (1280, 720), (1920, 1080), (2560, 1440), (3840, 2160)]
    peak = rss_mib()
    to_4k: list[tuple[float, float]] = []
    for i in range(args.resizes):
        for n, shift in enumerate((0, 2, 4)):
            size = sizes[(i + shift) % len(sizes)]
            took = timed_resize(app, size)
            if size == sizes[-1]:
                to_4k.append(took)
            press(app, *((pygame.K_F1,), (pygame.K_F1, pygame.K_ESCAPE), (pygame.K_ESCAPE,))[n])
            peak = max(peak, rss_mib())
    # A drag: the help open over the table, the window a few pixels bigger at every step,
    # so every step is a size never seen before (nothing window-sized can be reused).
    press(app, pygame.K_F1)
    drag: list[tuple[float, float]] = []
    for step in range(args.drag):
        drag.append(
            timed_resize(app, (3840 - 8 * (args.drag - step), 2160 - 4 * (args.drag - step)))
        )
        peak = max(peak, rss_mib())
    at_4k = rss_mib()
    press(app, pygame.K_F1)
    resize(app, (1280, 720))
    gc.collect()
    print(f"RSS peak over {args.resizes} resize rounds up to 3840x2160: {peak:7.1f} MiB")
    print(f"RSS back at 1280x720 after them: {rss_mib():7.1f} MiB")
    trimmed = trimmed_rss_mib()
    if trimmed is not None:
        print(f"  the same after malloc_trim:    {trimmed:7.1f} MiB")
    if drag:
        print(f"RSS at 4K after the drag:        {at_4k:7.1f} MiB")
    step_times("resize step to 3840x2160 (table, overlays)", to_4k)
    step_times("drag step near 3840x2160 (help open)", drag)
    report_caches(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
