"""Front-end figures: time to first frame (vs a bare pygame window), idle CPU on the table,
steady frame time at 1920x1080, peak memory. Prints figures; asserts nothing.

    python benchmarks/bench_ui.py [--display :N]

Without ``--display`` everything runs on SDL's dummy video driver. With an X display (for
example under ``Xvfb :99``) the first-frame and idle figures come from a real X11 window,
where SDL can truly sleep while waiting for events.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import time; t0 = time.perf_counter()
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((243, 234, 222))
pygame.display.flip()
print(f"FIRST {time.perf_counter() - t0:.4f}")
"""

FIRST_FRAME = """
import time; t0 = time.perf_counter()
import sys
from deckgame.ui import app as app_module
draw = app_module.App.draw
def first_draw(self):
    draw(self)
    if self.frames == 1:
        print(f"FIRST {{time.perf_counter() - t0:.4f}}", flush=True)
def run(self):
    self.draw()
    print(f"READY {{time.perf_counter() - t0:.4f}}", flush=True)
    return 0
app_module.App.draw = first_draw
app_module.App.run = run
from deckgame.ui.main import launch_game
launch_game(players={players!r}, settings={settings}, seed=1, size=(1280, 720))
"""

IDLE = """
import resource, time
import pygame
from deckgame.ui import app as app_module
original = app_module.App.run
def run(self):
    self.idle_mode = {mode!r}
    self.draw()
    pygame.time.set_timer(pygame.QUIT, {ms}, loops=1)
    c0 = time.process_time(); w0 = time.perf_counter()
    code = original(self)
    cpu = time.process_time() - c0; wall = time.perf_counter() - w0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"IDLE {{cpu:.4f}} {{wall:.4f}} {{self.frames}} {{rss}}", flush=True)
    return code
app_module.App.run = run
from deckgame.engine import Settings
from deckgame.ui.main import launch_game
launch_game(settings=Settings(players=("Ana", "Ben")), seed=1, size=(1280, 720))
"""


def child(code: str, env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return out.stdout


def first_frames(env: dict[str, str], runs: int) -> None:
    def timed(code: str) -> tuple[float, float, float]:
        """Medians: the first frame on screen, the game ready for input, the process."""
        first, ready, wall = [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = child(code, env)
            wall.append(time.perf_counter() - t0)
            first.append(float(out.split("FIRST ")[1].split()[0]))
            ready.append(float(out.split("READY ")[1].split()[0]) if "READY " in out else first[-1])
        return statistics.median(first), statistics.median(ready), statistics.median(wall)

    bare = timed(BARE)
    title = timed(FIRST_FRAME.format(players=None, settings=None))
    table_code = FIRST_FRAME.format(
        players=["Ana", "Ben"],
        settings='__import__("deckgame.engine").engine.Settings(("Ana","Ben"))',
    )
    table = timed(table_code)
    print(f"time to first frame (median of {runs} runs; first frame / whole process):")
    print(f"  bare pygame window   {bare[0] * 1000:7.1f} ms / {bare[2] * 1000:7.1f} ms")
    print(
        f"  deckgame title       {title[0] * 1000:7.1f} ms / {title[2] * 1000:7.1f} ms"
        f"   ratio {title[0] / bare[0]:.2f}x / {title[2] / bare[2]:.2f}x"
    )
    print(
        f"  play --players       {table[0] * 1000:7.1f} ms / {table[2] * 1000:7.1f} ms"
        f"   ratio {table[0] / bare[0]:.2f}x / {table[2] / bare[2]:.2f}x;"
        f" first card dealt at {table[1] * 1000:.1f} ms (every built-in deck validated)"
    )


def idle(env: dict[str, str], seconds: float) -> None:
    for mode in ("nap", "wait"):
        out = child(IDLE.format(ms=int(seconds * 1000), mode=mode), env)
        cpu, wall, frames, rss = out.split("IDLE ")[1].split()
        share = float(cpu) / float(wall) * 100
        print(
            f"idle table, loop mode {mode!r} ({float(wall):.1f} s): CPU {float(cpu) * 1000:.1f} ms"
            f" = {share:.2f} % of a core; frames drawn {int(frames) - 1};"
            f" peak RSS {int(rss) / 1024:.1f} MiB"
        )


def steady_frames(frames: int) -> None:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    sys.path.insert(0, str(ROOT))
    import pygame

    from deckgame.engine import Settings
    from deckgame.ui import flow
    from deckgame.ui.app import App
    from deckgame.ui.context import Context, Launch
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.scenes.title import TitleScene
    from deckgame.ui.settings import UiSettings

    for size in ((1920, 1080), (1280, 720)):
        app = App(size=size, settings=UiSettings(reduce_motion=True), ctx=Context(Launch(seed=1)))
        app.push(TitleScene(app))
        flow.start_game(app, Settings(players=("Ana", "Ben", "Chloé", "美咲")))
        app.draw()  # warm the caches: the first frame renders text and the card
        table = app.top
        assert isinstance(table, TableScene)
        renders = app.text.renders
        for label, full in (("steady (picture cached)", False), ("full redraw", True)):
            times = []
            for _ in range(frames):
                if full:
                    table.version += 1  # as after an action: everything is drawn again
                t0 = time.perf_counter()
                app.draw()
                times.append(time.perf_counter() - t0)
            times.sort()
            med = statistics.median(times) * 1000
            p95 = times[int(len(times) * 0.95)] * 1000
            print(
                f"frame at {size[0]}x{size[1]}, {label} (dummy driver, draw + flip): "
                f"median {med:.2f} ms, p95 {p95:.2f} ms"
            )
        print(f"  text surfaces rendered after warm-up: {app.text.renders - renders}")
    pygame.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", help="an X display such as :99 (default: dummy driver)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=20.0)
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    # An installed game starts from cached bytecode (pip compiles it): measure that, not a
    # tree whose modules are compiled afresh on every start (PYTHONDONTWRITEBYTECODE).
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SDL_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    compileall.compile_dir(ROOT / "deckgame", quiet=1)
    env.update(
        PYTHONPATH=str(ROOT),
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        DECKGAME_HOME=tempfile.mkdtemp(prefix="deckgame-bench-"),
    )
    if args.display:
        env["DISPLAY"] = args.display
        print(f"video: X11 on {args.display}")
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
        print("video: SDL dummy driver")
    first_frames(env, args.runs)
    idle(env, args.idle_seconds)
    steady_frames(args.frames)
    return 0


if __name__ == "__main__":
    sys.exit(main())
