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


def test_play_by_keyboard_in_a_real_window(xserver: str, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(
        DISPLAY=xserver,
        DECKGAME_HOME=str(tmp_path / "home"),
        SDL_AUDIODRIVER="dummy",
        PYTHONPATH=str(ROOT),
    )
    game = subprocess.Popen(
        [sys.executable, "-m", "deckgame", "play", "--players", "Ana,Ben", "--seed", "1",
         "--log", str(log), "--windowed", "1024x640"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    xenv = {**os.environ, "DISPLAY": xserver}
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--pid", str(game.pid)],
            env=xenv, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        windows = found.stdout.split()
        assert windows, f"no window for pid {game.pid}: {found.stderr}"
        window = windows[-1]
        deadline = time.monotonic() + 20
        while not _events(log) and time.monotonic() < deadline:
            time.sleep(0.05)  # the first deal is logged once the table is up

        def press(key: str, expect: str) -> None:
            before = len(_events(log))
            subprocess.run(
                ["xdotool", "key", "--window", window, key], env=xenv, check=True, timeout=10
            )
            limit = time.monotonic() + 10
            while time.monotonic() < limit:
                new = [e["event"] for e in _events(log)[before:]]
                if expect in new:
                    return
                if game.poll() is not None:
                    break
                time.sleep(0.03)
            raise AssertionError(f"{key}: no {expect!r} event; log so far: {_events(log)}")

        press("x", "veto")
        press("p", "pass")
        for _round in range(2):
            for _player in range(2):
                press("Return", "done")
                press("Return", "deal" if not (_round == 1 and _player == 1) else "unlock")
        press("y", "agree")
        press("y", "deeper")
        # "e" during the welcome ceremony ends it and reaches the table underneath.
        press("e", "end")
        subprocess.run(["xdotool", "key", "--window", window, "q"], env=xenv, timeout=10)
        assert game.wait(timeout=20) == 0
    finally:
        if game.poll() is None:
            game.kill()
        _out, err = game.communicate(timeout=10)
    names = [e["event"] for e in _events(log)]
    assert names.count("done") == 4
    assert names.count("round_end") == 2
    for expected in ("veto", "pass", "unlock", "agree", "deeper", "end"):
        assert expected in names, (expected, names, err.decode(errors="replace"))
    deeper = next(e for e in _events(log) if e["event"] == "deeper")
    assert deeper["to_level"] == 2
    assert names.index("veto") < names.index("pass") < names.index("unlock") < names.index("end")
    assert b"Traceback" not in err


def test_three_players_pause_warmth_away_hold_and_not_yet_in_a_real_window(
    xserver: str, tmp_path: Path
) -> None:
    """A group evening: a long talk before warmth from two players, an away and back, a hold
    and resume (the resuming key does nothing else), and a "not yet", all read from the log."""
    log = tmp_path / "log.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(
        DISPLAY=xserver,
        DECKGAME_HOME=str(tmp_path / "home"),
        SDL_AUDIODRIVER="dummy",
        PYTHONPATH=str(ROOT),
    )
    game = subprocess.Popen(
        [sys.executable, "-m", "deckgame", "play", "--players", "Ana,Ben,Cy", "--seed", "2",
         "--unlock-rounds", "1", "--log", str(log), "--windowed", "1024x640"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    xenv = {**os.environ, "DISPLAY": xserver}
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--pid", str(game.pid)],
            env=xenv, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        windows = found.stdout.split()
        assert windows, f"no window for pid {game.pid}: {found.stderr}"
        window = windows[-1]
        deadline = time.monotonic() + 20
        while not _events(log) and time.monotonic() < deadline:
            time.sleep(0.05)

        def key(name: str) -> None:
            subprocess.run(
                ["xdotool", "key", "--window", window, name], env=xenv, check=True, timeout=10
            )

        def press(name: str, expect: str) -> dict[str, object]:
            before = len(_events(log))
            key(name)
            limit = time.monotonic() + 10
            while time.monotonic() < limit:
                for event in _events(log)[before:]:
                    if event["event"] == expect:
                        return event
                if game.poll() is not None:
                    break
                time.sleep(0.03)
            raise AssertionError(f"{name}: no {expect!r} event; log so far: {_events(log)}")

        press("Return", "done")  # Ana answers...
        time.sleep(6.5)  # ...and the group talks about it for a while
        key("w")
        time.sleep(1.5)
        assert press("2", "warmth")["giver"] == "Ben"
        time.sleep(1.5)
        assert press("3", "warmth")["giver"] == "Cy"
        press("Return", "deal")  # Ben's turn
        press("h", "hold")
        time.sleep(1.0)
        press("Return", "resume")  # this Return only resumes: no "done" follows
        time.sleep(0.5)
        press("Return", "done")
        press("Return", "deal")  # Cy's turn
        key("a")
        assert press("1", "away")["player"] == "Ana"
        key("a")
        assert press("1", "back")["player"] == "Ana"
        press("Return", "done")
        press("Return", "unlock")
        press("y", "agree")
        press("n", "not_yet")
        press("e", "end")
        key("q")
        assert game.wait(timeout=20) == 0
    finally:
        if game.poll() is None:
            game.kill()
        _out, err = game.communicate(timeout=10)
    events = _events(log)
    names = [e["event"] for e in events]
    assert [e["giver"] for e in events if e["event"] == "warmth"] == ["Ben", "Cy"]
    hold, resume = names.index("hold"), names.index("resume")
    assert hold + 1 == resume  # nothing counted while held, and the resuming key did nothing
    assert names.count("done") == 3
    assert names.index("away") < names.index("back") < names.index("unlock")
    assert names.index("not_yet") < names.index("end")
    assert b"Traceback" not in err
