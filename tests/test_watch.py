"""DeckWatcher: saves, new files and deletions are seen at the polling rate, not faster."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deckgame.watch import DeckWatcher, snapshot


def touch(path: Path, text: str, bump: int = 1) -> None:
    """Write ``text`` and move the mtime on by ``bump`` seconds (coarse file systems)."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))


def test_changed_appeared_vanished(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "sub" / "b.yml"
    b.parent.mkdir()
    touch(a, "name: A")
    touch(b, "name: B")
    watcher = DeckWatcher([tmp_path], interval=0.25)
    assert watcher.files == (a, b)
    assert not watcher.poll(0.0)

    touch(a, "name: X")  # same size, new time
    c = tmp_path / "c.yaml"
    touch(c, "name: C")
    b.unlink()
    changes = watcher.poll(1.0)
    assert changes.changed == (a,)
    assert changes.appeared == (c,)
    assert changes.vanished == (b,)
    assert set(changes.paths) == {a, b, c}
    assert not watcher.poll(2.0)


def test_polls_no_faster_than_the_interval(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    touch(deck, "name: D")
    watcher = DeckWatcher([tmp_path], interval=0.4)
    watcher.poll(10.0)
    scans = watcher.scans
    touch(deck, "name: E", bump=2)
    for now in (10.1, 10.2, 10.3, 10.39):
        assert not watcher.poll(now)
    assert watcher.scans == scans  # the disk was not looked at
    assert watcher.due_in(10.3) == pytest.approx(0.1)
    assert watcher.poll(10.4).changed == (deck,)
    assert watcher.scans == scans + 1


def test_ignores_hidden_files_swap_files_and_other_suffixes(tmp_path: Path) -> None:
    watcher = DeckWatcher([tmp_path])
    (tmp_path / ".deck.yaml.swp").write_text("x")
    (tmp_path / ".hidden.yaml").write_text("x")
    (tmp_path / "deck.yaml~").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("x")
    assert not watcher.scan()
    (tmp_path / "pack.yaml").write_text("name: P")
    assert watcher.scan().appeared == (tmp_path / "pack.yaml",)


def test_a_file_root_that_does_not_exist_yet(tmp_path: Path) -> None:
    deck = tmp_path / "later.yaml"
    watcher = DeckWatcher([deck])
    assert watcher.files == ()
    deck.write_text("name: L")
    assert watcher.scan().appeared == (deck,)
    deck.unlink()
    assert watcher.scan().vanished == (deck,)


def test_replaced_by_rename_is_a_change(tmp_path: Path) -> None:
    # Many editors save by writing a new file and renaming it over the old one.
    deck = tmp_path / "deck.yaml"
    deck.write_text("name: One")
    watcher = DeckWatcher([tmp_path])
    fresh = tmp_path / "tmp-save"
    fresh.write_text("name: Two")
    st = deck.stat()
    os.utime(fresh, ns=(st.st_atime_ns, st.st_mtime_ns))  # even with the very same mtime
    fresh.replace(deck)
    assert watcher.scan().changed == (deck,)


def test_snapshot_and_bad_interval(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("abc")
    assert snapshot([tmp_path])[tmp_path / "a.yaml"][2] == 3
    with pytest.raises(ValueError):
        DeckWatcher([tmp_path], interval=0)
