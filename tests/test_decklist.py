"""The workshop's deck list without a window: which decks, in what order, in play or not.

Nothing here opens a window or imports pygame: :mod:`deckgame.decklist` is the list's
logic alone, and the scene only draws what it says.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deckgame.clashes import duplicate_message
from deckgame.decklist import (
    Shelf,
    deck_statuses,
    default_roots,
    level_count_parts,
    level_counts,
    list_rows,
    problem_line,
)
from deckgame.loader import Origin, load_paths
from deckgame.yamlsafe import Problem

DECK = """\
name: {name}
type: emotional
levels:
  1:
    - ask: What made you smile today?
      id: {shared}
    - ask: Something only {name} asks?
      id: {name}-own
  2:
    - ask: What do you keep to yourself, {name}?
      id: {name}-deep
closing:
  - ask: What will you take home tonight?
    id: {name}-close
"""

BROKEN = """\
name: Broken
type: emotinal
levels:
  1:
    - ask: Hello?
      secnds: 3
"""


def deck(name: str, shared: str = "shared-id") -> str:
    return DECK.format(name=name, shared=shared)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two loose decks sharing an id, and a subfolder pack of one deck: by name the
    subfolder would come before ``z.yaml``, in load order it comes after."""
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    root = tmp_path / "decks"
    (root / "garden").mkdir(parents=True)
    (root / "z.yaml").write_text(deck("bee"), encoding="utf-8")
    (root / "a.yaml").write_text(deck("ant"), encoding="utf-8")
    (root / "garden" / "pack.yaml").write_text("name: Garden\n", encoding="utf-8")
    (root / "garden" / "c.yaml").write_text(deck("cat", shared="cat-1"), encoding="utf-8")
    return root


def shelf_of(folder: Path) -> Shelf:
    return Shelf.from_library(load_paths([folder]), [(folder, Origin.EXTRA)])


def test_the_module_needs_no_window() -> None:
    code = "import sys, deckgame.decklist; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_decks_in_load_order_and_the_first_keeps_a_shared_id(folder: Path) -> None:
    shelf = shelf_of(folder)
    paths = [e.deck.path for e in shelf.entries]
    # A folder's own files by name, then its subfolders: the loader's order.
    assert paths == [folder / "a.yaml", folder / "z.yaml", folder / "garden" / "c.yaml"]
    assert [e.in_play for e in shelf.entries] == [True, False, True]
    (clash,) = shelf.entries[1].deck.problems
    assert clash.message == duplicate_message("shared-id", (str(folder / "a.yaml"), 6, 11))
    assert deck_statuses(shelf.entries[1].deck) == ["skipped: 1 problem", "1 problem"]
    assert deck_statuses(shelf.entries[0].deck) == ["in play"]


def test_the_id_moves_to_the_next_deck_when_its_holder_breaks(folder: Path) -> None:
    shelf = shelf_of(folder)
    (folder / "a.yaml").write_text(BROKEN, encoding="utf-8")
    shelf.apply([folder / "a.yaml"])
    assert [e.in_play for e in shelf.entries] == [False, True, True]
    broken = shelf.entries[0]
    # The broken deck keeps showing its last good cards, marked as such.
    assert broken.stale and broken.preview[0].id == "shared-id"
    count = len(broken.deck.problems)
    assert count > 1 and deck_statuses(broken.deck)[1] == f"{count} problems"
    # And back: fixed again, it takes the id back, and the other deck is skipped.
    (folder / "a.yaml").write_text(deck("ant"), encoding="utf-8")
    shelf.apply([folder / "a.yaml"])
    assert [e.in_play for e in shelf.entries] == [True, False, True]
    assert not shelf.entries[0].stale


def test_a_vanished_file_leaves_the_list_and_frees_its_ids(folder: Path) -> None:
    shelf = shelf_of(folder)
    shelf.apply([], vanished=[folder / "a.yaml"])
    assert [e.deck.path.name for e in shelf.entries] == ["z.yaml", "c.yaml"]
    assert all(e.in_play for e in shelf.entries)
    assert shelf.last_reloaded == (folder / "a.yaml",)


def test_rows_group_the_decks_under_their_pack_and_source(folder: Path) -> None:
    shelf = shelf_of(folder)
    rows = list_rows(shelf.entries)
    assert [(r.text, r.index) for r in rows] == [
        ("loose decks · --decks", None),
        ("ant", 0),
        ("bee", 1),
        ("Garden pack · --decks", None),
        ("cat", 2),
    ]


def test_counts_per_level_with_the_closing_cards_last(folder: Path) -> None:
    shelf = shelf_of(folder)
    cards = shelf.entries[0].preview
    assert level_count_parts(cards) == ["L1 2", "L2 1", "closing 1"]
    assert level_counts(cards) == "L1 2 · L2 1 · closing 1"
    # Levels sort by number, not as text; no closing cards, no closing count.
    later = [c for c in cards if c.level is not None] * 6
    assert level_counts(later) == "L1 12 · L2 6"
    assert level_counts(()) == "no cards"


def test_level_names_come_only_from_decks_in_play(folder: Path) -> None:
    (folder / "garden" / "pack.yaml").write_text(
        "name: Garden\nlevels:\n  1: Seedling\n", encoding="utf-8"
    )
    (folder / "a.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "z.yaml").write_text(BROKEN, encoding="utf-8")
    shelf = shelf_of(folder)
    # Only the Garden pack is in play: the bar speaks its names.
    assert shelf.level_names.get(1) == "Seedling"
    (folder / "a.yaml").write_text(deck("ant"), encoding="utf-8")
    shelf.apply([folder / "a.yaml"])
    # A loose deck in play too: the default names, whoever else is skipped.
    assert shelf.level_names.get(1) != "Seedling"


def test_problem_lines_and_roots() -> None:
    line = problem_line(Problem("decks/x.yaml", 3, 7, "unknown key 'secnds'"))
    assert line == "decks/x.yaml:3:7: unknown key 'secnds'"
    roots = default_roots([Path("extra")], builtin=True, user=False)
    assert [origin for _path, origin in roots] == [Origin.BUILTIN, Origin.EXTRA]
    assert roots[-1][0] == Path("extra")
    assert default_roots([], builtin=False, user=False) == []
