"""``kill -9`` during saves never loses a confirmed save nor leaves a temp file for long.

The short run of ``scripts/kill_saves.py`` (the long one is ``--kills 300``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deckgame.storage import STALE_TEMP_SECONDS, Store, remove_stale_temps

ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_during_saves(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "kill_saves.py"), "--kills", "12",
         "--seed", "5", "--home", str(tmp_path)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "lost: 0" in run.stdout and "Traceback" not in run.stderr


def test_a_temp_file_of_a_dead_or_old_writer_goes_and_ours_stays(tmp_path: Path) -> None:
    store = Store(tmp_path, tmp_path)
    path = store.autosave_path
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    gone = tmp_path / f".{path.name}.{dead.stdout.strip()}.tmp"
    gone.write_text("half a save")
    old = tmp_path / f".{path.name}.1.tmp"  # pid 1 is alive: only its age says it is stale
    old.write_text("half a save")
    ours = tmp_path / f".{path.name}.{os.getpid()}.tmp"
    ours.write_text("being written")
    now = time.time()
    assert remove_stale_temps(path, now) == [gone]
    assert old.exists()
    assert sorted(remove_stale_temps(path, now + STALE_TEMP_SECONDS + 1)) == [old]
    assert ours.exists()  # our own write in progress is never touched
    store.save_autosave({"kind": "x"})
    assert store.load_autosave() == {"kind": "x"}


def test_a_history_that_cannot_be_read_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path, tmp_path)
    store.add_history(["Ana", "Ben"], ["a", "b"])
    store.add_history(["Cy", "Dee"], ["c"])
    before = store.history_path.read_bytes()
    original = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self == store.history_path:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", failing)
    store.add_history(["Ana", "Ben"], ["z"])  # read nothing: must not write "z" alone
    monkeypatch.undo()
    assert store.history_path.read_bytes() == before
    assert any("could not be read" in m for m in store.messages)
    assert Store(tmp_path, tmp_path).load_history(["Cy", "Dee"]) == ["c"]
