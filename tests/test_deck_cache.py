"""The deck cache: the same decks as loading them, no YAML work when nothing changed, and
a stale, cut-short or foreign entry ignored and written again, never a crash."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from deckgame.content import cache as cache_module
from deckgame.content.cache import DeckCache, default_cache_dir
from deckgame.loader import load_deck_file, load_library

GOOD = "name: Garden\ntype: emotional\nlevels:\n  1:\n    - ask: What grows here?\n"
BAD = "name: Weeds\ntype: emotional\nlevels:\n  1:\n    - ask: Hi {name}?\n"
PACK = "name: Backyard\nlevels:\n  1: Seeds\n"


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "garden.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "weeds.yaml").write_text(BAD, encoding="utf-8")
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    return folder


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the YAML was read again")

    monkeypatch.setattr("deckgame.content.deck_file.read_file", refuse)


def test_a_warm_cache_gives_the_same_library_without_reading_yaml(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = load_library([decks], builtin=False, user=False)
    cold = DeckCache(tmp_path / "cache", roots=[tmp_path])
    first = load_library([decks], builtin=False, user=False, cache=cold)
    assert cold.misses == 3 and cold.hits == 0
    _no_yaml(monkeypatch)
    warm = DeckCache(tmp_path / "cache", roots=[tmp_path])
    again = load_library([decks], builtin=False, user=False, cache=warm)
    assert warm.hits == 3 and warm.misses == 0
    for library in (first, again):
        assert library.decks == plain.decks and library.packs == plain.packs
        assert [str(p) for p in library.problems] == [str(p) for p in plain.problems]
        assert [d.places for d in library.decks] == [d.places for d in plain.decks]
    assert [c.level_name for c in again.cards] == ["Seeds"]


def test_the_built_in_decks_load_alike_through_the_cache(tmp_path: Path) -> None:
    plain = load_library(user=False)
    DeckCache(tmp_path / "cache")  # nothing yet
    load_library(user=False, cache=DeckCache(tmp_path / "cache"))
    warm = DeckCache(tmp_path / "cache")
    assert load_library(user=False, cache=warm).cards == plain.cards
    assert warm.misses == 0 and warm.hits > 0 and warm.passed == 0


@pytest.mark.parametrize("change", ["text", "same size", "pack"])
def test_a_changed_file_or_pack_is_read_again(decks: Path, tmp_path: Path, change: str) -> None:
    load_library(
        [decks], builtin=False, user=False, cache=DeckCache(tmp_path / "cache", roots=[tmp_path])
    )
    garden = decks / "garden.yaml"
    info = garden.stat()
    if change == "text":
        garden.write_text(GOOD.replace("grows", "grew up"), encoding="utf-8")
    elif change == "same size":  # same size and time: only the hash can tell
        garden.write_text(GOOD.replace("grows", "glows"), encoding="utf-8")
        os.utime(garden, ns=(info.st_atime_ns, info.st_mtime_ns))
    else:
        (decks / "pack.yaml").write_text(PACK.replace("Seeds", "Roots"), encoding="utf-8")
    cache = DeckCache(tmp_path / "cache", roots=[tmp_path])
    library = load_library([decks], builtin=False, user=False, cache=cache)
    assert library.cards == load_library([decks], builtin=False, user=False).cards
    assert cache.misses == (3 if change == "pack" else 1)  # a pack: itself and its decks


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x80\x05",
        b"not a pickle at all",
        pickle.dumps(("old key", "old value")),
        b"\x00" * 64,
    ],
)
def test_a_broken_or_stale_entry_is_ignored_and_written_again(
    decks: Path, tmp_path: Path, garbage: bytes
) -> None:
    folder = tmp_path / "cache"
    plain = load_library([decks], builtin=False, user=False)
    load_library([decks], builtin=False, user=False, cache=DeckCache(folder, roots=[decks]))
    entries = sorted(folder.glob("*.pickle"))
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(garbage)
    cache = DeckCache(folder, roots=[decks])
    assert load_library([decks], builtin=False, user=False, cache=cache).decks == plain.decks
    assert cache.misses == 3
    warm = DeckCache(folder, roots=[decks])
    load_library([decks], builtin=False, user=False, cache=warm)
    assert warm.hits == 3


def test_an_older_format_is_not_served(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library(
        [decks], builtin=False, user=False, cache=DeckCache(tmp_path / "cache", roots=[tmp_path])
    )
    monkeypatch.setattr(cache_module, "CACHE_FORMAT", cache_module.CACHE_FORMAT + 1)
    cache = DeckCache(tmp_path / "cache", roots=[tmp_path])
    load_library([decks], builtin=False, user=False, cache=cache)
    assert cache.hits == 0 and cache.misses == 3


def test_a_cache_folder_that_cannot_be_written_is_no_cache(decks: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way", encoding="utf-8")
    cache = DeckCache(blocker / "cache", roots=[decks])
    plain = load_library([decks], builtin=False, user=False)
    assert load_library([decks], builtin=False, user=False, cache=cache).decks == plain.decks
    assert cache.clear() == 0


def test_a_missing_file_is_reported_as_without_a_cache(tmp_path: Path) -> None:
    gone = tmp_path / "gone.yaml"
    assert DeckCache(tmp_path / "cache", roots=[tmp_path]).deck(gone) == load_deck_file(gone)


def test_the_cache_lives_under_deckgame_home_and_clears(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / "cache" / "decks"
    cache = DeckCache(roots=[decks])
    load_library([decks], builtin=False, user=False, cache=cache)
    assert cache.clear() == 3 and not list(default_cache_dir().glob("*.pickle"))


def test_a_cached_spec_comes_back_only_when_asked(decks: Path, tmp_path: Path) -> None:
    """The table reads a deck's name and language and a pack's level names without the
    spec (a pydantic model); the workshop's first look at the spec restores it whole."""
    from deckgame.content.loaded import Deferred

    plain = load_library([decks], builtin=False, user=False)
    load_library([decks], builtin=False, user=False, cache=DeckCache(tmp_path / "c", [tmp_path]))
    warm = load_library(
        [decks], builtin=False, user=False, cache=DeckCache(tmp_path / "c", [tmp_path])
    )
    garden = next(d for d in warm.decks if d.name == "Garden")
    assert isinstance(garden.__dict__["_spec"], Deferred)
    assert (garden.name, garden.language, garden.read) == ("Garden", "en", True)
    assert isinstance(garden.__dict__["_spec"], Deferred)  # still not restored
    assert isinstance(warm.pack_specs["Backyard"], Deferred)
    assert warm.level_names_for(garden.cards[0])[1] == "Seeds"
    assert garden.spec == next(d for d in plain.decks if d.name == "Garden").spec
    assert not isinstance(garden.__dict__["_spec"], Deferred)  # restored once, kept
    assert warm.packs == plain.packs and not isinstance(warm.pack_specs["Backyard"], Deferred)


def test_a_damaged_deferred_spec_is_read_again_from_its_file(decks: Path, tmp_path: Path) -> None:
    """Bytes that no longer unpickle into a spec (a damaged entry, another pydantic) cost a
    reread of the file, never a traceback in the workshop."""
    from deckgame.content.loaded import Deferred

    plain = load_library([decks], builtin=False, user=False)
    folder = tmp_path / "c"
    load_library([decks], builtin=False, user=False, cache=DeckCache(folder, [tmp_path]))
    warm = load_library([decks], builtin=False, user=False, cache=DeckCache(folder, [tmp_path]))
    garden = next(d for d in warm.decks if d.name == "Garden")
    for value, junk in (
        (garden.__dict__["_spec"], b"not a pickle"),
        (warm.pack_specs["Backyard"], pickle.dumps(3)),
    ):
        assert isinstance(value, Deferred)
        value.blob = junk
    assert garden.spec == next(d for d in plain.decks if d.name == "Garden").spec
    assert warm.packs == plain.packs


def test_an_entry_of_another_pydantic_is_stale(
    decks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "c"
    load_library([decks], builtin=False, user=False, cache=DeckCache(folder, [tmp_path]))
    stamp = cache_module._code_stamp()
    assert any(name == "__init__.py" for name, _, _ in stamp)  # pydantic's, found unimported
    newer = tuple((n, s + 1, m) if n == "__init__.py" else (n, s, m) for n, s, m in stamp)
    monkeypatch.setattr(cache_module, "_code_stamp", lambda: newer)
    again = DeckCache(folder, [tmp_path])
    load_library([decks], builtin=False, user=False, cache=again)
    assert again.hits == 0 and again.misses == 3
