"""A pack's level names belong to that pack's cards (GAME.md "Level names").

Loading a pack whose ``pack.yaml`` calls level 1 "Sparks" must not rename level 1 of the
built-in Core cards. Each card shows its own pack's name; the level bar shows the default
name unless every card in play comes from one pack.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from deckgame.engine import Settings
from deckgame.loader import Library, Origin, load_library, load_paths
from deckgame.model import Audience, Card, IntimacyType, bar_level_names, card_level_names
from deckgame.ui.cards import card_view
from deckgame.ui.scenes.workshop import Shelf
from deckgame.ui.session import Session

PACK = "name: Sparks\nlevels:\n  1: Sparks\n  3: Embers\n"
DECK = """\
name: Spark Questions
type: emotional
levels:
  1:
{level1}
  2:
    - ask: A second-level question?
      id: spark-2
  3:
    - ask: A third-level question?
      id: spark-3
"""


@pytest.fixture
def sparks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    folder = tmp_path / "sparks"
    folder.mkdir()
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    level1 = "\n".join(f"    - ask: Spark question {i}?\n      id: spark-1-{i}" for i in range(6))
    (folder / "questions.yaml").write_text(DECK.format(level1=level1), encoding="utf-8")
    return folder


def _label(card: Card, names: dict[int, str] | None = None) -> str:
    return card_view(card, player="Ana", other="Ben", level_names=names).level_label


def _first(library: Library, pack: str, level: int) -> Card:
    return next(c for c in library.cards if c.pack == pack and c.level == level)


def test_a_pack_renames_only_its_own_cards(sparks: Path) -> None:
    library = load_library([sparks])
    core, spark = _first(library, "Core", 1), _first(library, "Sparks", 1)
    assert _label(core) == "Level 1 · Warmth"
    assert _label(spark) == "Level 1 · Sparks"
    assert _label(_first(library, "Sparks", 2)) == "Level 2 · Confidentiality"  # not renamed
    assert _label(_first(library, "Sparks", 3)) == "Level 3 · Embers"
    # Whatever names a caller passes (the level bar's, a whole library's), a card keeps its own.
    assert _label(core, {1: "Sparks"}) == "Level 1 · Warmth"
    assert _label(spark, {1: "Warmth"}) == "Level 1 · Sparks"


def test_the_library_answers_per_card_and_for_the_bar(sparks: Path) -> None:
    library = load_library([sparks])
    core, spark = _first(library, "Core", 1), _first(library, "Sparks", 1)
    assert library.level_names_for(core)[1] == "Warmth"
    assert library.level_names_for(spark)[1] == "Sparks"
    assert library.level_names_for(spark)[2] == "Confidentiality"
    assert card_level_names(spark)[1] == "Sparks" and card_level_names(core)[1] == "Warmth"
    assert library.bar_level_names(library.cards)[1] == "Warmth"  # two packs in play
    only_sparks = [c for c in library.cards if c.pack == "Sparks"]
    assert library.bar_level_names(only_sparks)[1] == "Sparks"
    assert library.bar_level_names(only_sparks)[3] == "Embers"
    assert library.level_names[1] == "Warmth"
    assert load_paths([sparks]).level_names[1] == "Sparks"  # the pack alone is loaded


def test_the_builtin_pack_keeps_the_interface_names(sparks: Path) -> None:
    """Core's pack.yaml repeats the default names: its cards use the (translated) defaults."""
    library = load_library([sparks])
    assert {c.level_name for c in library.cards if c.pack == "Core"} == {""}


def _session(library: Library, decks: set[str] | None) -> Session:
    settings = Settings(players=("Ana", "Ben"), decks=None if decks is None else frozenset(decks))
    return Session.start(settings, list(library.cards), seed=1, level_names=library.level_names)


def test_the_level_bar_names_a_pack_only_when_all_cards_in_play_are_its(sparks: Path) -> None:
    library = load_library([sparks])
    mixed = _session(library, None)
    assert mixed.level_label(1) == "Level 1 · Warmth"
    assert mixed.level_label(3) == "Level 3 · Vulnerability"
    alone = _session(library, {"Spark Questions"})
    assert alone.level_label() == "Level 1 · Sparks"
    assert alone.level_label(2) == "Level 2 · Confidentiality"
    assert alone.level_label(3) == "Level 3 · Embers"
    core_only = _session(library, {d.name for d in library.decks if d.pack == "Core"})
    assert core_only.level_label(1) == "Level 1 · Warmth"
    # The table and the summary pass the session's names to card_view: each card still
    # reads as its own pack names it.
    core, spark = _first(library, "Core", 1), _first(library, "Sparks", 1)
    assert _label(core, alone.level_names) == "Level 1 · Warmth"
    assert _label(spark, mixed.level_names) == "Level 1 · Sparks"


def test_the_workshop_names_levels_per_pack_too(sparks: Path) -> None:
    library = load_library([sparks])
    shelf = Shelf.from_library(library, [(sparks, Origin.EXTRA)])
    cards = {c.pack: c for e in shelf.entries for c in e.preview if c.level == 1}
    assert _label(cards["Core"]) == "Level 1 · Warmth"
    assert _label(cards["Sparks"]) == "Level 1 · Sparks"
    assert shelf.level_names[1] == "Warmth"
    # A pack.yaml saved with a new name for level 1: the pack's cards follow, Core's do not.
    (sparks / "pack.yaml").write_text("name: Sparks\nlevels:\n  1: Kindling\n", encoding="utf-8")
    shelf.apply([sparks / "pack.yaml"])
    cards = {c.pack: c for e in shelf.entries for c in e.preview if c.level == 1}
    assert _label(cards["Sparks"]) == "Level 1 · Kindling"
    assert _label(cards["Core"]) == "Level 1 · Warmth"


def test_bar_names_from_loose_decks_are_the_defaults() -> None:
    loose = Card(
        id="x",
        kind="ask",
        text="?",
        type=IntimacyType.EMOTIONAL,
        level=1,
        audience=frozenset({Audience.FAMILY}),
    )
    assert bar_level_names([loose]) == bar_level_names([])
    assert bar_level_names([])[1] == "Warmth"
