"""Test-wide setup: no real window or sound device, never the player's own folders, and no
network at all.

Set before any test module imports pygame or deckgame.paths. The real-window test starts
its own game process with a DISPLAY of its own (tests/test_xvfb.py).

No network (GAME.md, "Nothing leaves the machine"): creating or connecting an AF_INET or
AF_INET6 socket, or looking up a host name, raises :class:`NetworkBlocked` and fails the
test, even if the code under test catches the error. AF_UNIX sockets (the X display, the
desktop bus) stay allowed. Python subprocesses the tests start get the same guard through a
``sitecustomize`` put first on their ``PYTHONPATH`` (see ``_GuardedPopen``); a subprocess
started with ``python -I`` or ``-S`` ignores it, and non-Python programs are not covered.
"""

from __future__ import annotations

import atexit
import inspect
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("DECKGAME_HOME", tempfile.mkdtemp(prefix="deckgame-tests-"))

RECORD_ENV = "DECKGAME_NETGUARD_RECORD"


def install_network_guard(record_env: str) -> type[Exception]:
    """Refuse internet sockets and name lookups from now on in this process; returns the
    exception raised. Each refusal is also appended to the file named by the environment
    variable ``record_env`` at that moment (each pytest process points it at its own file).

    Self-contained (imports inside): its source is copied into the subprocesses'
    ``sitecustomize``, so one function guards the test process and its children alike (the
    xdist workers are such children: the guard is in place before they import anything).
    """
    import os
    import socket

    existing = getattr(socket.socket, "network_blocked", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    real_socket: Any = socket.socket
    blocked = (socket.AF_INET, socket.AF_INET6)

    class NetworkBlocked(RuntimeError):
        """Something tried to reach the network during the tests."""

    def refuse(what: str) -> None:
        import traceback

        message = f"network access during the tests: {what} (GAME.md: no network, ever)"
        record = os.environ.get(record_env)
        if record:
            with open(record, "a", encoding="utf-8") as out:
                out.write(f"{message}\n{''.join(traceback.format_stack(limit=15))}\n")
        raise NetworkBlocked(message)

    class GuardedSocket(real_socket):  # type: ignore[misc]
        network_blocked = NetworkBlocked

        def __init__(
            self, family: int = -1, type: int = -1, proto: int = -1, fileno: Any = None
        ) -> None:
            wanted = socket.AF_INET if family == -1 else family  # -1: the default, AF_INET
            if fileno is None and wanted in blocked:
                refuse(f"socket({socket.AddressFamily(wanted)!r})")
            super().__init__(family, type, proto, fileno)
            if self.family in blocked:  # adopted from a file descriptor
                self.close()
                refuse(f"socket from a descriptor ({self.family!r})")

        def connect(self, address: Any) -> None:
            if self.family in blocked:
                refuse(f"connect({address!r})")
            super().connect(address)

        def connect_ex(self, address: Any) -> int:
            if self.family in blocked:
                refuse(f"connect_ex({address!r})")
            return int(super().connect_ex(address))

    def lookup(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            refuse(f"{name}{args!r}")

        return refused

    socket.socket = GuardedSocket  # type: ignore[misc]
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, lookup(name))
    return NetworkBlocked


_RECORD = Path(tempfile.mkstemp(prefix="deckgame-netguard-", suffix=".txt")[1])
os.environ[RECORD_ENV] = str(_RECORD)
NetworkBlocked = install_network_guard(RECORD_ENV)

# The children's guard: the same function, run by a sitecustomize at their start.
_SITE = Path(tempfile.mkdtemp(prefix="deckgame-netguard-site-"))
(_SITE / "sitecustomize.py").write_text(
    # Annotations stay strings there, so the guard's ``Any`` needs no typing import.
    "from __future__ import annotations\n\n\n"
    + inspect.getsource(install_network_guard)
    + f"\n\ninstall_network_guard({RECORD_ENV!r})\n",
    encoding="utf-8",
)
atexit.register(shutil.rmtree, _SITE, ignore_errors=True)
atexit.register(_RECORD.unlink, missing_ok=True)


class _GuardedPopen(subprocess.Popen):  # type: ignore[type-arg]
    """Every subprocess gets the guard's folder first on PYTHONPATH (and the record file),
    whatever environment the test gave it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        env = dict(os.environ if kwargs.get("env") is None else kwargs["env"])
        paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join([str(_SITE), *paths])
        env[RECORD_ENV] = str(_RECORD)
        kwargs["env"] = env
        super().__init__(*args, **kwargs)


subprocess.Popen = _GuardedPopen  # type: ignore[misc]


@dataclass
class NetworkGuard:
    """What the guard raises and where it records; ``take()`` empties the record."""

    error: type[Exception]
    record: Path

    def take(self) -> str:
        text = self.record.read_text(encoding="utf-8")
        self.record.write_text("", encoding="utf-8")
        return text


_GUARD = NetworkGuard(NetworkBlocked, _RECORD)


@pytest.fixture
def network_guard() -> NetworkGuard:
    return _GUARD


@pytest.fixture(autouse=True)
def _no_network_in_any_test() -> Iterator[None]:
    yield
    attempts = _GUARD.take()
    if attempts:
        pytest.fail(f"the test tried to use the network:\n{attempts}", pytrace=False)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Every test starts in English: a test that switches the interface's language (or
    runs a window command in-process, which installs one) must not leave it for the next,
    whose screens and dealt decks follow the language."""
    yield
    from deckgame import i18n

    if i18n.current_language() != i18n.ENGLISH:
        i18n.use_language(i18n.ENGLISH)
