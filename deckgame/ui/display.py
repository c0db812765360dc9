"""Which framebuffer the window gets: the one place that decides it, and why.

SDL can back a window's surface in two ways. *Accelerated*: each flip uploads the
surface into a GL (or Direct3D, Metal) texture and draws it; with a real GPU that is fast
and cheap. *Software*: the surface is handed to the window system directly (MIT-SHM on
X11). SDL picks accelerated on Linux when it can make a GL context at all, even when the
only GL is Mesa's software rasteriser (llvmpipe, softpipe, swrast): then every flip is a
full-window texture upload and draw done by the CPU, and the driver (LLVM and all) is
loaded into the process. Measured on this project's machine (2 shared cores) in 1920x1080
windows under Xvfb, where the only GL is llvmpipe (``benchmarks/run_all.py`` repeats it):

    ====================  ==========  ==========  ======================  ===========
    framebuffer           bare RSS    bare flip   table frame (its flip)  play, 10k
    ====================  ==========  ==========  ======================  ===========
    accelerated (llvm)    141-145 MB  18-21 ms    29-58 ms (28-56 ms)     209 MB [1]
    software (MIT-SHM)    33 MB       2.3 ms      3.1-3.6 ms (1.7-2 ms)   96 MB
    ====================  ==========  ==========  ======================  ===========

[1] as issue 14 measured it, before this module; flips and frames vary with the load.

So: keep SDL's accelerated path where a hardware renderer is likely, and switch it off
where the only renderer would be software. Asking GL which renderer it is means making a
context, which costs the very time and memory this avoids, so the choice is made before
the window opens from cheap signs (see :func:`choose`):

- the player's own ``SDL_FRAMEBUFFER_ACCELERATION`` or ``SDL_RENDER_DRIVER`` wins;
- Windows and macOS keep SDL's default (Direct3D and Metal run on the GPU there);
- Mesa told to render in software (``LIBGL_ALWAYS_SOFTWARE``, ``GALLIUM_DRIVER`` or
  ``MESA_LOADER_DRIVER_OVERRIDE`` naming llvmpipe, softpipe or swrast): software;
- no GPU device to open (no ``/dev/dri/*`` or ``/dev/nvidia*`` this user may use, as in a
  container or a virtual machine without one): Mesa can only fall back to llvmpipe;
- an X server without DRI3 or DRI2 (Xvfb, Xvnc, ``ssh -X``): its GL is indirect or
  software whatever GPU the machine has (one round trip to the server, a few ms, and only
  asked when a GPU device exists and the window goes to X11).

The trade-off: a machine whose GPU is reachable only in ways these signs miss keeps
SDL's default, as before; a GPU that exists but whose driver is broken (GL falls back to
llvmpipe anyway) is not caught, and pays the software GL cost. The software framebuffer
is never wrong, only slower than a real GPU for very large windows, and this game draws
mostly still pictures. ``SDL_FRAMEBUFFER_ACCELERATION=1`` forces the GL path back.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass

__all__ = ["ACCELERATION", "Choice", "choose", "prepare"]

ACCELERATION = "SDL_FRAMEBUFFER_ACCELERATION"
_SOFTWARE_GL = ("llvmpipe", "softpipe", "swrast", "kms_swrast")
_GPU_DEVICES = ("/dev/dri/renderD*", "/dev/dri/card*", "/dev/nvidia[0-9]*")


@dataclass(frozen=True)
class Choice:
    """What the window's framebuffer will be: ``accelerate`` True or False is set as
    SDL's hint; None leaves SDL's own default. ``reason`` says why, in a few words."""

    accelerate: bool | None
    reason: str


def _truthy(value: str | None) -> bool:
    return value is not None and value.strip().lower() not in ("", "0", "false", "no", "off")


def choose(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    gpu_devices: Callable[[], bool] | None = None,
    x_has_dri: Callable[[str], bool | None] | None = None,
) -> Choice:
    """The framebuffer for a window opened now (see the module for the reasons)."""
    env = os.environ if environ is None else environ
    if env.get(ACCELERATION, "") != "":
        return Choice(None, f"{ACCELERATION} given")
    if env.get("SDL_RENDER_DRIVER", "") != "":
        return Choice(None, "SDL_RENDER_DRIVER given")
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return Choice(None, "the system's renderer is a GPU one")
    driver = env.get("SDL_VIDEODRIVER", "").lower()
    if driver and driver not in ("x11", "wayland", "kmsdrm"):
        return Choice(None, f"{driver} video: no GL framebuffer")
    if _truthy(env.get("LIBGL_ALWAYS_SOFTWARE")):
        return Choice(False, "LIBGL_ALWAYS_SOFTWARE")
    for name in ("GALLIUM_DRIVER", "MESA_LOADER_DRIVER_OVERRIDE"):
        if env.get(name, "").strip().lower() in _SOFTWARE_GL:
            return Choice(False, f"{name}={env[name]}")
    if not (gpu_devices or _gpu_devices)():
        return Choice(False, "no GPU device: GL would be software")
    display = env.get("DISPLAY", "")
    on_x11 = driver == "x11" or (not driver and display and not env.get("WAYLAND_DISPLAY"))
    if on_x11:
        dri = (x_has_dri or _x_has_dri)(display)
        if dri is False:
            return Choice(False, "X server without DRI: GL would be software")
    return Choice(None, "a GPU is reachable")


def prepare(environ: MutableMapping[str, str] | None = None) -> Choice:
    """Decide and set SDL's hint in ``environ`` (the process's, decided once); call it
    before ``set_mode``: SDL reads the variable when it makes the window's framebuffer."""
    global _chosen
    if environ is None:
        environ = os.environ
        if _chosen is None:
            _chosen = choose(environ)
        choice = _chosen
    else:
        choice = choose(environ)
    if choice.accelerate is not None:
        environ[ACCELERATION] = "1" if choice.accelerate else "0"
    return choice


_chosen: Choice | None = None


def _gpu_devices() -> bool:
    """Whether a GPU device node exists that this user may open for reading and writing."""
    nodes = (node for pattern in _GPU_DEVICES for node in glob.glob(pattern))
    return any(os.access(node, os.R_OK | os.W_OK) for node in nodes)


def _x_has_dri(display: str) -> bool | None:
    """Whether the X server on ``display`` offers DRI3 or DRI2; None when it cannot be
    asked (no libX11, no server): then nothing is concluded."""
    import ctypes  # only here: most starts never ask the server

    try:
        x11 = ctypes.CDLL("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        number = ctypes.POINTER(ctypes.c_int)
        x11.XQueryExtension.argtypes = [ctypes.c_void_p, ctypes.c_char_p, number, number, number]
    except (OSError, AttributeError):
        return None
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        return None
    try:
        slots = [ctypes.c_int() for _ in range(3)]
        pointers = [ctypes.byref(slot) for slot in slots]
        return any(x11.XQueryExtension(connection, name, *pointers) for name in (b"DRI3", b"DRI2"))
    finally:
        x11.XCloseDisplay(connection)
