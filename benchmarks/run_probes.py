"""The child processes of ``run_all.py``: what each one runs, how it is started and timed,
and the X server it runs on. Every probe prints ``KEY value ...`` lines and leaves with
``os._exit`` at once (the figure is taken; teardown is not what is measured)."""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The time and memory at a moment, as every probe reports them.
_REPORT = """
import os, sys, time
def report(key, exit=True):
    status = open("/proc/self/status").read().split("\\n")
    kib = {l.split(":")[0]: int(l.split()[1]) for l in status if l.startswith(("VmRSS", "VmHWM"))}
    print(key, time.time(), kib["VmRSS"], kib["VmHWM"], flush=True)
    if exit:
        os._exit(0)
"""

# A bare pygame window: opened, filled, flipped (what any pygame program does first).
BARE = (
    _REPORT
    + """
import pygame
pygame.display.init()
screen = pygame.display.set_mode((int(sys.argv[1]), int(sys.argv[2])))
screen.fill((243, 234, 222))
pygame.display.flip()
report("AT")
"""
)

# ``deckgame play ARGS`` until its first frame after set_mode (the window, with the title
# drawn: "window") or its first frame with the table on top ("table").
PLAY = (
    _REPORT
    + """
import pygame
want = sys.argv[1]
opened = []
set_mode, flip = pygame.display.set_mode, pygame.display.flip
def spy_set_mode(*args, **kwargs):
    opened.append(True)
    return set_mode(*args, **kwargs)
def spy_flip():
    flip()
    if not opened:
        return
    if want == "window":
        report("AT")
    app = sys._getframe(1).f_locals.get("self")
    if type(getattr(app, "top", None)).__name__ == "TableScene":
        report("AT")
pygame.display.set_mode, pygame.display.flip = spy_set_mode, spy_flip
from deckgame.cli import main
main(sys.argv[2:])
print("NEVER", flush=True)
"""
)

# Only the parser: the baseline of ``deckgame validate``.
YAML_ONLY = """
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as stream:
    yaml.load(stream, Loader=yaml.CSafeLoader)
"""

# The user's deck folder loaded as the game's start loads it: through the deck cache.
CACHED_LOAD = (
    _REPORT
    + """
from deckgame.content.cache import DeckCache
from deckgame.loader import load_library
library = load_library(builtin=False, cache=DeckCache())
assert len(library.cards) >= int(sys.argv[1]), len(library.cards)
report("AT")
"""
)

# Steady table frames at a size in a window: the median of N draws after warming up.
FRAMES = (
    _REPORT
    + """
import statistics
from deckgame.engine import Settings
from deckgame.ui import display, flow
from deckgame.ui.app import App
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.title import TitleScene
from deckgame.ui.settings import UiSettings
size, frames = (int(sys.argv[1]), int(sys.argv[2])), int(sys.argv[3])
app = App(size=size, settings=UiSettings(reduce_motion=True), ctx=Context(Launch(seed=1)))
app.push(TitleScene(app))
flow.start_game(app, Settings(players=("Ana", "Ben", "Chloé", "美咲")))
for _ in range(5):
    app.draw()
import pygame
flip, flips = pygame.display.flip, []
def timed_flip():
    t0 = time.perf_counter()
    flip()
    flips.append(time.perf_counter() - t0)
pygame.display.flip = timed_flip
times = []
for _ in range(frames):
    t0 = time.perf_counter()
    app.draw()
    times.append(time.perf_counter() - t0)
median, flip_median = statistics.median(times), statistics.median(flips)
print("FRAME", median, *app.size, pygame.display.get_driver(), flip_median, flush=True)
print("CHOICE", os.environ.get(display.ACCELERATION, "default"), display.prepare().reason)
try:
    from pygame._sdl2 import video
    print("RENDERERS", *(renderer.name for renderer in video.get_drivers()))
except (ImportError, AttributeError):
    pass
report("AT")
"""
)


def child_env(home: Path, video: dict[str, str]) -> dict[str, str]:
    """The children's environment: the tree's code from cached bytecode (as an installed
    game starts), a home of their own, no sound device, the chosen video."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SDL_") and k not in ("PYTHONDONTWRITEBYTECODE", "DISPLAY")
    }
    env.update(
        PYTHONPATH=str(ROOT),
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        DECKGAME_HOME=str(home),
        **video,
    )
    return env


def compile_tree() -> None:
    compileall.compile_dir(ROOT / "deckgame", quiet=1)


def deckgame_command() -> list[str]:
    """How a user starts the game: the console script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("deckgame")
    return [str(script)] if script.exists() else [sys.executable, "-m", "deckgame"]


def run(
    argv: list[str], env: dict[str, str], *, timeout: float = 120
) -> tuple[float, dict[str, list[str]]]:
    """Start ``argv``; returns the seconds from start to exit and its reported lines
    (``KEY`` -> the values after it, with ``at`` the seconds from start to that line)."""
    start_wall, start = time.time(), time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv[:4]} exited {done.returncode}: {done.stderr[-2000:]}")
    lines: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        key, _, rest = line.partition(" ")
        if key.isupper():
            lines[key] = rest.split()
    if "AT" in lines:
        lines["AT"] = [str(float(lines["AT"][0]) - start_wall), *lines["AT"][1:]]
    return took, lines


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def _free_display() -> int:
    for n in range(150, 250):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number")


@contextmanager
def x_display(want_real: bool) -> Iterator[tuple[dict[str, str], str]]:
    """The video for the children and a label: the session's X display, else an Xvfb of
    our own (1920x1080, stopped afterwards), else SDL's dummy driver."""
    if not want_real:
        yield {"SDL_VIDEODRIVER": "dummy"}, "SDL dummy driver (no real window)"
        return
    if os.environ.get("DISPLAY"):
        yield {"DISPLAY": os.environ["DISPLAY"]}, f"X11 on {os.environ['DISPLAY']}"
        return
    if shutil.which("Xvfb") is None:
        yield {"SDL_VIDEODRIVER": "dummy"}, "SDL dummy driver (no DISPLAY and no Xvfb)"
        return
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield {"DISPLAY": f":{number}"}, f"X11 on an Xvfb of our own (:{number})"
    finally:
        server.terminate()
        server.wait(timeout=10)


def new_home() -> Path:
    return Path(tempfile.mkdtemp(prefix="deckgame-bench-"))
