"""The deck cache at the game's start (``Context.library``, what ``deckgame play`` uses):
the built-in and installed decks are cached, so a second start reads no YAML; a deck
opened from elsewhere is never copied; a deleted deck's entry is pruned; a corrupt entry
is ignored."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from deckgame.content.cache import DeckCache
from deckgame.loader import Library, load_library
from deckgame.resources import builtin_decks_dir
from deckgame.ui.context import Context, Launch

WORD = "Thistledown"  # a word found in no built-in deck


def _deck(name: str) -> str:
    return f"name: {name}\ntype: emotional\nlevels:\n  1:\n    - ask: What about {WORD}{name}?\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("DECKGAME_HOME", str(folder))
    return folder


@pytest.fixture
def yaml_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every deck or pack file the loader parses from now on."""
    import deckgame.content.deck_file as deck_file
    from deckgame.content.yaml_read import read_file as real

    reads: list[Path] = []

    def counting(path: Path, *args: object, **kwargs: object) -> object:
        reads.append(Path(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deck_file, "read_file", counting)
    return reads


def _start(**fields: object) -> Library:
    """The decks as a fresh game's start loads them."""
    return Context(Launch(**fields)).library  # type: ignore[arg-type]


def _entries(home: Path) -> list[Path]:
    return sorted((home / "cache" / "decks").glob("*.pickle"))


def _with_word(home: Path) -> list[Path]:
    return [entry for entry in _entries(home) if WORD.encode() in entry.read_bytes()]


def _yaml_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]


def test_a_second_start_reads_no_yaml(home: Path, yaml_reads: list[Path]) -> None:
    installed = home / "data" / "decks" / "mine"
    installed.mkdir(parents=True)
    (installed / "mine.yaml").write_text(_deck("Mine"), encoding="utf-8")
    first = _start()
    builtin = _yaml_files(builtin_decks_dir())
    assert builtin and len(yaml_reads) == len(builtin) + 1  # the built-in decks and mine
    assert len(_entries(home)) == len(yaml_reads) and len(_with_word(home)) == 1
    yaml_reads.clear()
    second = _start()
    assert yaml_reads == []
    assert second.cards == first.cards == load_library().cards
    assert second.packs == first.packs and len(second.problems) == len(first.problems)


def test_a_deck_opened_from_elsewhere_is_never_cached(
    home: Path, tmp_path: Path, yaml_reads: list[Path]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "guest.yaml").write_text(_deck("Guest"), encoding="utf-8")
    for _ in range(2):
        yaml_reads.clear()
        library = _start(decks=[outside])
        assert any(WORD in card.text for card in library.cards)
        assert outside / "guest.yaml" in yaml_reads  # read every time: no copy to serve
    assert _entries(home) and _with_word(home) == []  # the built-in decks only
    alone = _start(decks=[outside / "guest.yaml"], builtin=False, user=False)
    assert len(alone.cards) == 1 and _with_word(home) == []


def test_a_link_in_the_deck_folder_to_a_deck_elsewhere_is_not_cached(
    home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(_deck("Linked"), encoding="utf-8")
    folder = home / "data" / "decks"
    folder.mkdir(parents=True)
    (folder / "linked.yaml").symlink_to(outside)
    assert any(WORD in card.text for card in _start(builtin=False).cards)
    assert _entries(home) == []


def test_a_deleted_decks_entry_is_pruned(home: Path, yaml_reads: list[Path]) -> None:
    folder = home / "data" / "decks"
    folder.mkdir(parents=True)
    for name in ("Kept", "Gone"):
        (folder / f"{name.lower()}.yaml").write_text(_deck(name), encoding="utf-8")
    _start(builtin=False)
    assert len(_entries(home)) == 2
    (folder / "gone.yaml").unlink()
    yaml_reads.clear()
    library = _start(builtin=False)
    assert [card.text for card in library.cards] == [f"What about {WORD}Kept?"]
    assert yaml_reads == []  # the kept one still came from the cache
    entries = _entries(home)
    assert len(entries) == 1 and b"Gone" not in entries[0].read_bytes()


def test_an_entry_from_elsewhere_left_by_an_older_cache_is_pruned(
    home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "guest.yaml"
    outside.write_text(_deck("Guest"), encoding="utf-8")
    # What the first cache did: any deck copied, whatever folder it came from.
    everywhere = DeckCache(roots=[tmp_path])
    everywhere.deck(outside)
    old_format = home / "cache" / "decks" / "old.pickle"
    old_format.write_bytes(pickle.dumps(("key", f"{WORD}Old")))
    assert len(_with_word(home)) == 2
    _start(decks=[outside], builtin=False, user=False)
    assert _with_word(home) == [] and _entries(home) == []


@pytest.mark.parametrize("garbage", [b"", b"\x80\x05\x95", b"junk" * 100])
def test_a_corrupt_entry_is_ignored_and_written_again(
    home: Path, yaml_reads: list[Path], garbage: bytes
) -> None:
    first = _start(user=False)
    entries = _entries(home)
    for entry in entries:
        entry.write_bytes(garbage)
    yaml_reads.clear()
    assert _start(user=False).cards == first.cards
    assert len(yaml_reads) == len(entries)  # each one read again, never a crash
    yaml_reads.clear()
    _start(user=False)
    assert yaml_reads == [] and len(_entries(home)) == len(entries)
