"""One rule for a card id used in two decks: the loader and the workshop agree on who keeps it.

The layout that once split them: ``z.yaml`` beside a subfolder ``sub/b.yaml``. The loader
reads a folder's own files before its subfolders (``z.yaml`` first); the workshop used to
sort paths as text (``sub/b.yaml`` first), so each skipped a different deck.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from deckgame.clashes import duplicate_message, load_order
from deckgame.loader import Library, Origin, load_paths
from deckgame.ui.scenes.workshop import Shelf

DECK = """\
name: {name}
type: emotional
levels:
  1:
    - ask: What made you smile today?
      id: shared-id
    - ask: Something only {name} asks?
      id: {name}-own
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    root = tmp_path / "decks"
    (root / "sub").mkdir(parents=True)
    (root / "z.yaml").write_text(DECK.format(name="zed"), encoding="utf-8")
    (root / "sub" / "b.yaml").write_text(DECK.format(name="bee"), encoding="utf-8")
    return root


def _shelf(library: Library, folder: Path) -> Shelf:
    return Shelf.from_library(library, [(folder, Origin.EXTRA)])


def test_the_loader_keeps_the_id_for_the_folders_own_file(folder: Path) -> None:
    library = load_paths([folder])
    assert [deck.path for deck in library.decks] == [folder / "z.yaml", folder / "sub" / "b.yaml"]
    (skipped,) = library.skipped
    assert skipped.path == folder / "sub" / "b.yaml"
    (problem,) = skipped.problems
    assert (problem.line, problem.column) == (6, 11)
    assert problem.message == duplicate_message("shared-id", (str(folder / "z.yaml"), 6, 11))
    assert "reword it" in problem.message  # the hint the designer sees, in full


def test_the_workshop_skips_the_same_deck_with_the_same_words(folder: Path) -> None:
    library = load_paths([folder])
    shelf = _shelf(library, folder)  # the deck list's logic, without a window
    assert [entry.deck.path for entry in shelf.entries] == [d.path for d in library.decks]
    assert [entry.deck.ok for entry in shelf.entries] == [d.ok for d in library.decks]
    assert [entry.deck.problems for entry in shelf.entries] == [d.problems for d in library.decks]


def test_after_a_save_the_workshop_still_agrees_with_the_loader(folder: Path) -> None:
    shelf = _shelf(load_paths([folder]), folder)
    # The subfolder's deck is saved again: it must not win the id by being read last.
    (folder / "sub" / "b.yaml").write_text(DECK.format(name="bea"), encoding="utf-8")
    shelf.apply([folder / "sub" / "b.yaml"])
    fresh = load_paths([folder])
    assert [(e.deck.path, e.deck.problems) for e in shelf.entries] == [
        (d.path, d.problems) for d in fresh.decks
    ]
    assert not shelf.entries[1].deck.ok


def test_load_order_walks_files_before_subfolders() -> None:
    root = Path("decks")
    paths = [
        root / "sub" / "deeper" / "a.yaml",
        root / "sub" / "z.yaml",
        root / "b" / "a.yaml",
        root / "zz.yaml",
        root / "a.yaml",
    ]
    ordered = sorted(paths, key=lambda p: load_order(p, [root]))
    assert [p.as_posix() for p in ordered] == [
        "decks/a.yaml",
        "decks/zz.yaml",
        "decks/b/a.yaml",
        "decks/sub/z.yaml",
        "decks/sub/deeper/a.yaml",
    ]


def test_load_order_follows_the_roots(tmp_path: Path) -> None:
    first, second = tmp_path / "b-first", tmp_path / "a-second"
    assert load_order(second / "x.yaml", [first, second]) > load_order(
        first / "sub" / "y.yaml", [first, second]
    )


def test_two_decks_given_as_two_paths_agree_in_both(tmp_path: Path) -> None:
    """Two ``--decks`` files sharing an id (one on a closing card): the path given first
    keeps it, whatever the names; the loader and the workshop say the same words."""
    first, second = tmp_path / "z-first.yaml", tmp_path / "a-second.yaml"
    first.write_text(DECK.format(name="zed"), encoding="utf-8")
    closing = "closing:\n  - ask: Thank you?\n    id: zed-own\n"
    second.write_text(DECK.format(name="ay") + closing, encoding="utf-8")
    library = load_paths([first, second])
    assert [deck.ok for deck in library.decks] == [True, False]
    problems = library.decks[1].problems
    assert [(p.line, p.column) for p in problems] == [(6, 11), (11, 9)]
    assert problems[0].message == duplicate_message("shared-id", (str(first), 6, 11))
    assert problems[1].message == duplicate_message("zed-own", (str(first), 8, 11))
    shelf = Shelf.from_library(library, [(first, Origin.EXTRA), (second, Origin.EXTRA)])
    assert [(e.deck.path, e.deck.problems) for e in shelf.entries] == [
        (d.path, d.problems) for d in library.decks
    ]
