"""Settings, autosave and history files: atomic, and forgiving of broken files."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from deckgame.storage import Store, atomic_write_text, group_key


def test_settings_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.load_settings() == {}
    store.save_settings({"theme": "dark", "text_scale": 150, "name": "Zoë 日本"})
    assert Store(tmp_path).load_settings() == {
        "theme": "dark",
        "text_scale": 150,
        "name": "Zoë 日本",
    }


def test_autosave_round_trip_and_clear(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.load_autosave() is None
    assert not store.has_autosave()
    store.save_autosave({"turn": 3, "dealt": ["a", "b"]})
    assert store.has_autosave()
    assert store.load_autosave() == {"turn": 3, "dealt": ["a", "b"]}
    store.clear_autosave()
    assert store.load_autosave() is None
    store.clear_autosave()  # clearing twice is fine


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"format": "someone.else", "version": 1, "data": {}}',
        b'{"format": "deckgame.autosave", "version": 99, "data": {}}',
        b'{"format": "deckgame.autosave", "version": 1, "data": [1]}',
        b"",
    ],
)
def test_corrupt_or_foreign_autosave_is_moved_aside(tmp_path: Path, content: bytes) -> None:
    store = Store(tmp_path)
    store.autosave_path.parent.mkdir(parents=True, exist_ok=True)
    store.autosave_path.write_bytes(content)
    assert store.load_autosave() is None
    assert not store.autosave_path.exists()
    aside = list(tmp_path.glob("autosave.json.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert len(store.messages) == 1 and "moved aside" in store.messages[0]
    # The game starts fresh and can save again.
    store.save_autosave({"turn": 1})
    assert store.load_autosave() == {"turn": 1}


def test_broken_settings_and_history_are_moved_aside(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.settings_path.write_text("nope", encoding="utf-8")
    store.history_path.write_text(
        json.dumps({"format": "deckgame.history", "version": 1, "data": {"groups": {"a": 3}}}),
        encoding="utf-8",
    )
    assert store.load_settings() == {}
    assert store.load_history(["Ana", "Ben"]) == []
    assert len(store.messages) == 2
    assert sorted(p.name.split(".broken-")[0] for p in tmp_path.glob("*.broken-*")) == [
        "history.json",
        "settings.json",
    ]


def test_history_is_per_group_and_resettable(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.add_history(["Ana", "Ben"], ["c1", "c2"])
    store.add_history(["Ben", "Ana"], ["c3", "c1"])
    store.add_history(["Ana", "Cy"], ["x"])
    assert store.load_history(["ana", "BEN"]) == ["c2", "c3", "c1"]
    assert store.load_history(["Ana", "Cy"]) == ["x"]
    store.reset_history(["Ana", "Ben"])
    assert store.load_history(["Ana", "Ben"]) == []
    assert store.load_history(["Ana", "Cy"]) == ["x"]


def test_group_key_ignores_order_case_and_spaces() -> None:
    assert group_key(["Ana", "Ben"]) == group_key([" ben", "ANA"])
    assert group_key(["Ana", "Ben"]) != group_key(["Ana", "Bea"])


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from deckgame.storage import Store
    store = Store(Path(sys.argv[1]))
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        # Sizes vary so a torn write would show as bad JSON or a short file.
        store.save_autosave({"n": n, "dealt": [f"card-{i}" for i in range(n % 500)]})
    """
)


def test_kill_during_autosave_always_leaves_a_loadable_save(tmp_path: Path) -> None:
    """SIGKILL the writer at random moments; every time the save on disk is whole."""
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    last_n = 0
    for _ in range(25):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        store = Store(tmp_path)
        if not store.autosave_path.exists():
            continue  # killed before the first save finished: the old (absent) file stands
        data = store.load_autosave()
        assert data is not None, store.messages
        assert store.messages == []
        assert len(data["dealt"]) == data["n"] % 500
        last_n = max(last_n, data["n"])
    assert last_n > 0, "the writer never completed a save; the test proved nothing"
