"""The window's framebuffer (deckgame.ui.display): software where the only GL would be a
software one, SDL's default where a GPU is reachable, the player's own hint always.

The rules are checked on made-up machines; then a real game window under Xvfb (where GL
is Mesa's llvmpipe) is shown not to load any GL driver at all, unless the player asks for
acceleration."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deckgame.ui import display
from deckgame.ui.display import ACCELERATION, choose


def _linux(env: dict[str, str], gpu: bool = True, dri: bool | None = True) -> display.Choice:
    return choose(env, "linux", gpu_devices=lambda: gpu, x_has_dri=lambda _display: dri)


def test_a_desktop_with_a_gpu_keeps_sdls_accelerated_default() -> None:
    assert _linux({"DISPLAY": ":0"}).accelerate is None
    assert _linux({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, dri=False).accelerate is None


@pytest.mark.parametrize(
    ("env", "gpu", "dri"),
    [
        ({"DISPLAY": ":0"}, False, True),  # a container or VM without a GPU
        ({"DISPLAY": ":99"}, True, False),  # Xvfb, Xvnc, ssh -X on a machine with one
        ({"DISPLAY": ":0", "LIBGL_ALWAYS_SOFTWARE": "1"}, True, True),
        ({"DISPLAY": ":0", "GALLIUM_DRIVER": "llvmpipe"}, True, True),
        ({"DISPLAY": ":0", "MESA_LOADER_DRIVER_OVERRIDE": "swrast"}, True, True),
        ({"SDL_VIDEODRIVER": "x11", "DISPLAY": ":1", "WAYLAND_DISPLAY": "w"}, True, False),
    ],
)
def test_only_software_gl_turns_acceleration_off(
    env: dict[str, str], gpu: bool, dri: bool | None
) -> None:
    assert _linux(env, gpu=gpu, dri=dri).accelerate is False


@pytest.mark.parametrize("value", ["0", "1", "opengl"])
def test_the_players_own_hint_wins(value: str) -> None:
    env = {ACCELERATION: value, "DISPLAY": ":99", "LIBGL_ALWAYS_SOFTWARE": "1"}
    assert _linux(env, gpu=False, dri=False).accelerate is None
    assert display.prepare(env).accelerate is None and env[ACCELERATION] == value


def test_other_systems_and_drivers_keep_the_default() -> None:
    for platform in ("win32", "darwin"):
        assert choose({}, platform, lambda: False, lambda _d: False).accelerate is None
    assert _linux({"SDL_VIDEODRIVER": "dummy"}, gpu=False).accelerate is None
    assert _linux({"DISPLAY": ":0", "LIBGL_ALWAYS_SOFTWARE": "0"}).accelerate is None
    assert _linux({"DISPLAY": ":0"}, dri=None).accelerate is None  # the server said nothing


def test_prepare_sets_sdls_hint() -> None:
    env = {"DISPLAY": ":0", "LIBGL_ALWAYS_SOFTWARE": "yes"}
    assert display.prepare(env).accelerate is False and env[ACCELERATION] == "0"


# A real window ------------------------------------------------------------------------

_OPEN = """
import re, sys
from deckgame.ui.app import App
app = App(size=(1280, 720))
app.draw()
maps = open("/proc/self/maps").read()
print(sorted(set(re.findall(r"/[^ \\n]*(?:_dri\\.so|libLLVM|libGLX_mesa)[^ \\n]*", maps))))
"""


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is needed (apt-get install xvfb)")
    number = next((n for n in range(140, 190) if not Path(f"/tmp/.X11-unix/X{n}").exists()), None)
    if number is None:
        pytest.skip("no free X display number")
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _gl_libraries(display_name: str, **extra: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(DISPLAY=display_name, SDL_AUDIODRIVER="dummy", **extra)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", _OPEN], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found = re.findall(r"'([^']*)'", done.stdout.strip().splitlines()[-1])
    return found


def test_a_window_under_xvfb_loads_no_gl_driver(xvfb: str) -> None:
    if display.choose({"DISPLAY": xvfb}).accelerate is not False:
        pytest.skip("this machine's X server offers a GPU path")
    assert _gl_libraries(xvfb) == []
    # Asked for, the accelerated path is taken: the software GL driver is loaded.
    assert any("LLVM" in lib or "_dri" in lib for lib in _gl_libraries(xvfb, **{ACCELERATION: "1"}))
