"""A real window: ``deckgame play`` under Xvfb, driven by ``xdotool key``, checked by its log.

Skipped cleanly where Xvfb or xdotool is missing (``apt-get install xvfb xdotool``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parent.parent


def _free_display() -> int:
    for n in range(91, 140):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    pytest.skip("no free X display number")


@pytest.fixture
def xserver() -> Iterator[str]:
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.skip("Xvfb and xdotool are needed (apt-get install xvfb xdotool)")
    display = f":{_free_display()}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def _events(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]


class Window:
    """``deckgame play ARGS`` in a real window on the display, driven by xdotool, read by its
    ``--log``."""

    def __init__(self, display: str, home: Path, *args: str) -> None:
        self.log = home / "log.jsonl"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
        env.update(
            DISPLAY=display,
            DECKGAME_HOME=str(home / "home"),
            SDL_AUDIODRIVER="dummy",
            PYTHONPATH=str(ROOT),
        )
        self.game = subprocess.Popen(
            [sys.executable, "-m", "deckgame", "play", *args, "--log", str(self.log),
             "--windowed", "1024x640"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        self.xenv = {**os.environ, "DISPLAY": display}
        self.err = b""
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--pid", str(self.game.pid)],
            env=self.xenv, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        windows = found.stdout.split()
        assert windows, f"no window for pid {self.game.pid}: {found.stderr}"
        self.window = windows[-1]
        deadline = time.monotonic() + 20
        while not self.events() and time.monotonic() < deadline:
            time.sleep(0.05)  # the first deal is logged once the table is up

    def events(self) -> list[dict[str, object]]:
        return _events(self.log)

    def key(self, name: str, *, check: bool = True) -> None:
        subprocess.run(
            ["xdotool", "key", "--window", self.window, name],
            env=self.xenv, check=check, timeout=10,
            stderr=None if check else subprocess.DEVNULL,
        )  # fmt: skip

    def press(self, name: str, expect: str) -> dict[str, object]:
        """Press ``name`` and wait for an ``expect`` event in the log; returns it."""
        before = len(self.events())
        self.key(name)
        limit = time.monotonic() + 10
        while time.monotonic() < limit:
            for event in self.events()[before:]:
                if event["event"] == expect:
                    return event
            if self.game.poll() is not None:
                break
            time.sleep(0.03)
        raise AssertionError(f"{name}: no {expect!r} event; log so far: {self.events()}")

    def quit(self) -> int:
        time.sleep(0.5)  # the summary's first frame
        # The game quits on the key's press and its window is gone before xdotool sends the
        # release, which xdotool then reports as BadWindow: the exit code says what counts.
        self.key("q", check=False)
        return self.game.wait(timeout=20)

    def close(self) -> None:
        if self.game.poll() is None:
            self.game.kill()
        _out, self.err = self.game.communicate(timeout=10)


def test_play_by_keyboard_in_a_real_window(xserver: str, tmp_path: Path) -> None:
    win = Window(xserver, tmp_path, "--players", "Ana,Ben", "--seed", "1")
    try:
        win.press("x", "veto")
        win.press("p", "pass")
        for _round in range(2):
            for _player in range(2):
                win.press("Return", "done")
                win.press("Return", "deal" if not (_round == 1 and _player == 1) else "unlock")
        win.press("y", "agree")
        win.press("y", "deeper")
        # "e" during the welcome ceremony ends it and reaches the table underneath.
        win.press("e", "end")
        assert win.quit() == 0
    finally:
        win.close()
    names = [e["event"] for e in win.events()]
    assert names.count("done") == 4
    assert names.count("round_end") == 2
    for expected in ("veto", "pass", "unlock", "agree", "deeper", "end"):
        assert expected in names, (expected, names, win.err.decode(errors="replace"))
    deeper = next(e for e in win.events() if e["event"] == "deeper")
    assert deeper["to_level"] == 2
    assert names.index("veto") < names.index("pass") < names.index("unlock") < names.index("end")
    assert b"Traceback" not in win.err


def test_three_players_pause_warmth_away_hold_and_not_yet_in_a_real_window(
    xserver: str, tmp_path: Path
) -> None:
    """A group evening: a long talk before warmth from two players, an away and back, a hold
    and resume (the resuming key does nothing else), and a "not yet", all read from the log."""
    win = Window(
        xserver, tmp_path, "--players", "Ana,Ben,Cy", "--seed", "2", "--unlock-rounds", "1"
    )
    try:
        win.press("Return", "done")  # Ana answers...
        time.sleep(6.5)  # ...and the group talks about it for a while
        win.key("w")
        time.sleep(1.5)
        assert win.press("2", "warmth")["giver"] == "Ben"
        time.sleep(1.5)
        assert win.press("3", "warmth")["giver"] == "Cy"
        win.press("Return", "deal")  # Ben's turn
        win.press("h", "hold")
        time.sleep(1.0)
        win.press("Return", "resume")  # this Return only resumes: no "done" follows
        time.sleep(0.5)
        win.press("Return", "done")
        win.press("Return", "deal")  # Cy's turn
        win.key("a")
        assert win.press("1", "away")["player"] == "Ana"
        win.key("a")
        assert win.press("1", "back")["player"] == "Ana"
        win.press("Return", "done")
        win.press("Return", "unlock")
        win.press("y", "agree")
        win.press("n", "not_yet")
        win.press("e", "end")
        assert win.quit() == 0
    finally:
        win.close()
    events = win.events()
    names = [e["event"] for e in events]
    assert [e["giver"] for e in events if e["event"] == "warmth"] == ["Ben", "Cy"]
    hold, resume = names.index("hold"), names.index("resume")
    assert hold + 1 == resume  # nothing counted while held, and the resuming key did nothing
    assert names.count("done") == 3
    assert names.index("away") < names.index("back") < names.index("unlock")
    assert names.index("not_yet") < names.index("end")
    assert b"Traceback" not in win.err
