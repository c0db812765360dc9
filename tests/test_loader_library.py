"""Folders, packs and the whole library: duplicate ids across files, skipped decks, origins."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deckgame.loader import Origin, load_library, load_paths
from deckgame.model import DEFAULT_LEVEL_NAMES

FIXTURES = Path(__file__).parent / "fixtures" / "loader"


def test_a_folder_loads_recursively_with_its_pack() -> None:
    library = load_paths([FIXTURES / "pack"])
    assert library.problems == []
    assert [deck.name for deck in library.decks] == ["Small Joys", "Big Ideas"]
    assert {deck.pack for deck in library.decks} == {"Fixture Pack"}  # subfolders inherit it
    assert library.level_names[1] == "Hello" and library.level_names[3] == "Deep End"
    assert library.level_names[2] == DEFAULT_LEVEL_NAMES[2]
    assert len(library.cards) == 6 and len(library.closing) == 1
    assert "Fixture Pack" in library.packs


def test_card_fields_resolve_against_the_deck() -> None:
    library = load_paths([FIXTURES / "pack"])
    by_text = {card.text: card for card in library.cards}
    explain = by_text["Explain a belief of yours to {other} in one minute."]
    assert explain.type.value == "spiritual" and explain.level == 3 and explain.seconds == 60
    rarely = by_text["What is something you rarely tell anyone?"]
    assert rarely.tags == {"everyday", "past"}
    assert {a.value for a in rarely.audience} == {"couples", "friends"}
    assert by_text["Which idea changed your mind this year?"].id == "ideas-changed-mind"


def test_a_duplicate_id_across_files_names_both_places() -> None:
    library = load_paths([FIXTURES / "pack", FIXTURES / "clash.yaml"])
    clash = FIXTURES / "clash.yaml"
    ideas = FIXTURES / "pack" / "extra" / "ideas.yaml"
    (problem,) = library.problems
    assert (problem.path, problem.line, problem.column) == (str(clash), 7, 11)
    assert f"first used at {ideas}:6:11" in problem.message
    assert [deck.path for deck in library.skipped] == [clash]
    assert all(card.deck != "Clash" for card in library.cards)


def test_a_bad_deck_never_stops_the_good_ones() -> None:
    library = load_paths([FIXTURES / "broken.yaml", FIXTURES / "pack"])
    assert [deck.name for deck in library.skipped] == ["broken.yaml"]
    assert len(library.cards) == 6
    assert [(p.line, p.column) for p in library.problems] == [(2, 7), (6, 12)]


def test_a_skipped_deck_claims_no_ids(tmp_path: Path) -> None:
    """A clash with a deck that is not in play is no clash at all."""
    shutil.copy(FIXTURES / "clash.yaml", tmp_path / "a.yaml")
    text = (
        (FIXTURES / "clash.yaml").read_text(encoding="utf-8").replace("type: physical", "type: x")
    )
    (tmp_path / "0-broken.yaml").write_text(text, encoding="utf-8")
    library = load_paths([tmp_path])
    assert [deck.path.name for deck in library.skipped] == ["0-broken.yaml"]
    assert len(library.cards) == 2


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_paths([tmp_path / "nope"])
    assert [p.message for p in library.problems] == ["no such file or folder"]


def test_a_bad_pack_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("name: P\nlevles: {1: One}\n", encoding="utf-8")
    library = load_paths([tmp_path])
    (problem,) = library.problems
    assert (problem.line, problem.column) == (2, 1)
    assert problem.message == "unknown key 'levles' (did you mean 'levels'?)"


def test_hidden_files_and_other_extensions_are_ignored_in_folders(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "pack" / "joys.yaml", tmp_path / "joys.yml")
    (tmp_path / ".swap.yaml").write_text("garbage: [", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    library = load_paths([tmp_path])
    assert [deck.path.name for deck in library.decks] == ["joys.yml"]
    assert library.problems == []


def test_load_library_reads_builtin_then_user_then_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    user = tmp_path / "data" / "decks"
    user.mkdir(parents=True)
    shutil.copy(FIXTURES / "pack" / "joys.yaml", user / "joys.yaml")
    library = load_library([FIXTURES / "pack" / "extra"])
    origins = [deck.origin for deck in library.decks]
    assert origins[-2:] == [Origin.USER, Origin.EXTRA]
    assert set(origins[:-2]) == {Origin.BUILTIN}
    assert library.decks[0].pack == "Core"
    assert library.level_names[1] == "Warmth"


def test_load_library_without_the_builtin_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))  # no user folder: fine
    library = load_library([FIXTURES / "pack"], builtin=False)
    assert [deck.origin for deck in library.decks] == [Origin.EXTRA, Origin.EXTRA]


def test_a_user_deck_copying_a_builtin_card_clashes_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    builtin = load_library(user=False)
    if not builtin.cards:
        pytest.skip("no built-in cards yet")
    card = builtin.cards[0]
    user = tmp_path / "data" / "decks"
    user.mkdir(parents=True)
    kind = card.kind
    (user / "copy.yaml").write_text(
        f"name: Copy\ntype: {card.type.value}\nlevels:\n  {card.level}:\n"
        f"    - {kind}: {json.dumps(card.text)}\n",
        encoding="utf-8",
    )
    library = load_library()
    assert [deck.path.name for deck in library.skipped] == ["copy.yaml"]
    assert "duplicate card id" in library.problems[-1].message


@pytest.mark.parametrize(
    "module", ["deckgame.model", "deckgame.loader", "deckgame.printing", "deckgame.simulate"]
)
def test_model_and_loader_import_without_pygame(module: str) -> None:
    code = (
        "import sys\n"
        f"import {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'pygame')\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.stdout.strip() == ""


def test_resolved_cards_hold_what_validation_gives() -> None:
    """Cards are plain data built without re-validation: every value must be of the type
    the validated specs give (enums, frozensets, ints), as the engine and a pickle need."""
    from deckgame.model import Audience, IntimacyType, Who

    library = load_paths([FIXTURES / "pack", Path(__file__).parent.parent / "decks"])
    assert len(library.decks) >= 2
    for deck in library.decks:
        for card in [*deck.cards, *deck.closing]:
            assert type(card.type) is IntimacyType and type(card.who) is Who
            assert card.kind in ("ask", "do") and type(card.kind) is str
            assert type(card.audience) is frozenset and card.audience
            assert all(type(audience) is Audience for audience in card.audience)
            assert type(card.tags) is frozenset and all(type(t) is str for t in card.tags)
            assert type(card.min_players) is int and type(card.max_players) is int
            assert card.level is None or type(card.level) is int
            assert card.seconds is None or type(card.seconds) is int
            assert hash(card) == hash(dataclasses.replace(card))
