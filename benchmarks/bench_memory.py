"""Memory over an evening: RSS after one session, after twenty, and after twenty resizes up
to 3840x2160 with every overlay open. Prints figures; asserts nothing.

    python benchmarks/bench_memory.py [--sessions 20] [--resizes 20]

Runs on SDL's dummy video driver in one process, as a window used all evening would: each
session plays a few turns (a star, warmth, a hold), ends, and goes back to the title.
Target (the reliability issue): RSS after 20 sessions within 10 % of after one, and the
image caches bounded in bytes whatever the window size.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--resizes", type=int, default=20)
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
    for i in range(args.resizes):
        resize(app, sizes[i % len(sizes)])
        press(app, pygame.K_F1)
        resize(app, sizes[(i + 2) % len(sizes)])
        press(app, pygame.K_F1, pygame.K_ESCAPE)
        resize(app, sizes[(i + 4) % len(sizes)])
        press(app, pygame.K_ESCAPE)
        peak = max(peak, rss_mib())
    resize(app, (1280, 720))
    gc.collect()
    print(f"RSS peak over {args.resizes} resize rounds up to 3840x2160: {peak:7.1f} MiB")
    print(f"RSS back at 1280x720 after them: {rss_mib():7.1f} MiB")
    text = app.look.text
    cached = getattr(text, "cache_bytes", None)
    if callable(cached):
        print(f"text cache: {cached() / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
