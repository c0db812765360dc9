"""A cache of loaded decks, so a start with unchanged deck files does no YAML work.

Each deck file (or ``pack.yaml``) loaded through :class:`DeckCache` leaves one entry in
the user's cache folder (:func:`deckgame.paths.user_cache_dir`, ``decks/``): the
``LoadedDeck`` it became, problems included, under a key of everything the result depends
on: the path, its size, modification time and a hash of its bytes, the pack it belongs
to, where it came from, the language, and the size and time of the loader's own source
files (an edited loader must not serve results of the old one). An entry whose key
differs, or that cannot be read at all (cut short, from an older format, garbage), is
ignored and written again; a cache folder that cannot be written just means no cache.

Entries are pickles: the fastest way back to the same objects (ten thousand cards in a
few tens of milliseconds, against a few hundred to parse and validate them again). They
live in the user's own cache folder, which only the user can write to.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> text = "name: Tiny\\ntype: emotional\\nlevels: {1: [ask: Hi?]}\\n"
>>> _ = (folder / "tiny.yaml").write_text(text)
>>> cache = DeckCache(folder / "cache")
>>> first = cache.deck(folder / "tiny.yaml")
>>> again = DeckCache(folder / "cache").deck(folder / "tiny.yaml")
>>> again == first, cache.misses, again is first
(True, 1, False)
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from deckgame.content.deck_file import LoadedDeck, Origin
    from deckgame.content.problems import Problem
    from deckgame.content.resolve import PackOf
    from deckgame.content.specs import PackSpec

__all__ = ["CACHE_FORMAT", "DeckCache", "default_cache_dir"]

CACHE_FORMAT = 1  # raised whenever what an entry holds changes shape
_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
T = TypeVar("T")


def default_cache_dir() -> Path:
    """Where the game keeps its deck cache (moved by ``DECKGAME_HOME``, as every folder)."""
    from deckgame.paths import user_cache_dir

    return user_cache_dir() / "decks"


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """The loader's source files as (name, size, mtime): a change to any of them (an
    upgrade, an edit in a checkout) makes every entry stale."""
    package = Path(__file__).resolve().parent.parent
    files = [*sorted((package / "content").glob("*.py")), package / "clashes.py"]
    stamp = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        stamp.append((file.name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


class DeckCache:
    """Loads deck and pack files through a folder of cached results (see the module)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_cache_dir()
        self.hits = 0
        self.misses = 0
        self._stamp: tuple[Any, ...] | None = None

    def deck(
        self, path: Path, origin: Origin | None = None, pack: PackOf | None = None
    ) -> LoadedDeck:
        """``load_deck_file(path, origin, pack)``, from the cache when nothing changed."""
        from deckgame.content.deck_file import LoadedDeck, Origin, load_deck_file
        from deckgame.content.resolve import NO_PACK

        where = origin if origin is not None else Origin.EXTRA
        of = pack if pack is not None else NO_PACK
        extra = ("deck", str(where), of.name, tuple(sorted(of.levels.items())))
        return self._cached(path, extra, LoadedDeck, lambda: load_deck_file(path, where, of))

    def pack(self, path: Path) -> tuple[PackSpec | None, list[Problem]]:
        """``load_pack_file(path)``, from the cache when nothing changed."""
        from deckgame.content.deck_file import load_pack_file

        return self._cached(path, ("pack",), tuple, lambda: load_pack_file(path))

    def _cached(self, path: Path, extra: tuple[Any, ...], kind: type, load: Callable[[], T]) -> T:
        try:
            data = path.read_bytes()
            info = os.stat(path)
        except OSError:
            return load()  # the loader says what is wrong with it, at its place
        key = (*self._common(), str(path), info.st_size, info.st_mtime_ns, *extra)
        key += (hashlib.blake2b(data, digest_size=16).hexdigest(),)
        entry = self.folder / (
            hashlib.blake2b(repr((str(path), extra)).encode(), digest_size=12).hexdigest()
            + ".pickle"
        )
        found = self._read(entry, key)
        if isinstance(found, kind):
            self.hits += 1
            return found  # type: ignore[return-value]
        self.misses += 1
        result = load()
        self._write(entry, key, result)
        return result

    def _common(self) -> tuple[Any, ...]:
        if self._stamp is None:
            language = tuple(os.environ.get(name, "") for name in _LANGUAGE_VARIABLES)
            self._stamp = (CACHE_FORMAT, language, _code_stamp())
        return self._stamp

    @staticmethod
    def _read(entry: Path, key: tuple[Any, ...]) -> object:
        """The entry's value when its key is ``key``; None for a missing, stale or broken
        entry, whatever is wrong with it."""
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        # Unpickling builds a hundred thousand objects that all stay alive: pause the
        # cycle collector meanwhile, as the loader does (it would walk them all, often).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            stored = pickle.loads(raw)
        except Exception:  # a cut-short or foreign file is no entry: it is rewritten
            return None
        finally:
            if was_enabled:
                gc.enable()
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
            return None
        value: object = stored[1]
        return value

    def _write(self, entry: Path, key: tuple[Any, ...], value: object) -> None:
        """Store atomically (a crash mid-write leaves the old entry or none); a folder
        that cannot be written only means the next start loads the file again."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, entry)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        removed = 0
        for entry in self.folder.glob("*.pickle"):
            try:
                entry.unlink()
                removed += 1
            except OSError:
                pass
        return removed
