"""A cache of loaded decks, so a start with unchanged deck files does no YAML work.

Each deck file (or ``pack.yaml``) loaded through :class:`DeckCache` leaves one entry in
the user's cache folder (:func:`deckgame.paths.user_cache_dir`, ``decks/``): the
``LoadedDeck`` it became, problems included, under a key of everything the result depends
on: the path, its size, modification time and a hash of its bytes, the pack it belongs
to, where it came from, the language, and the size and time of the loader's own source
files (an edited loader must not serve results of the old one). An entry whose key
differs, or that cannot be read at all (cut short, from an older format, garbage), is
ignored and written again; a cache folder that cannot be written just means no cache.

Which decks are kept (GAME.md, Safety and privacy: no card text is written anywhere):
only files under the cache's *roots*, by default the built-in decks (inside the package)
and the user's own deck folder (installed packs, under ``DECKGAME_HOME``). Their text is
already on this machine, in the package or the user's home, so a cached copy of it adds
nothing new there. A deck opened from anywhere else (``--decks PATH``) is loaded without
the cache and never copied. :meth:`DeckCache.prune` deletes the entries whose source file
is gone or lies outside the roots (and any it cannot read).

Entries are pickles: the fastest way back to the same objects (ten thousand cards in a
few tens of milliseconds, against a few hundred to parse and validate them again). They
live in the user's own cache folder, which only the user can write to. Each file holds
two pickles, a small header (format, source path, key) and then the value, so pruning
reads only the headers.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> text = "name: Tiny\\ntype: emotional\\nlevels: {1: [ask: Hi?]}\\n"
>>> _ = (folder / "tiny.yaml").write_text(text)
>>> cache = DeckCache(folder / "cache", roots=[folder])
>>> first = cache.deck(folder / "tiny.yaml")
>>> again = DeckCache(folder / "cache", roots=[folder]).deck(folder / "tiny.yaml")
>>> again == first, cache.misses, again is first
(True, 1, False)
"""

from __future__ import annotations

import gc
import io
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

try:  # hashlib's own blake2b, without hashlib loading OpenSSL first (a few ms at start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from deckgame.content.loaded import Deferred, LoadedDeck, Origin
    from deckgame.content.problems import Problem
    from deckgame.content.specs import PackSpec
    from deckgame.levels import PackOf

__all__ = ["CACHE_FORMAT", "DeckCache", "default_cache_dir", "default_roots"]

CACHE_FORMAT = 3  # raised whenever what an entry holds changes shape
_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
T = TypeVar("T")


def default_cache_dir() -> Path:
    """Where the game keeps its deck cache (moved by ``DECKGAME_HOME``, as every folder)."""
    from deckgame.paths import user_cache_dir

    return user_cache_dir() / "decks"


def default_roots() -> tuple[Path, ...]:
    """The folders whose decks may be cached: the built-in decks and the user's own deck
    folder (see the module: their text is on this machine already)."""
    from deckgame.paths import user_decks_dir
    from deckgame.resources import builtin_decks_dir

    return (builtin_decks_dir(), user_decks_dir())


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """The loader's source files as (name, size, mtime): a change to any of them (an
    upgrade, an edit in a checkout) makes every entry stale. So does a new pydantic (the
    deferred specs are its pickles), found without importing it."""
    from importlib.util import find_spec

    package = Path(__file__).resolve().parent.parent
    files = [
        *sorted((package / "content").glob("*.py")),
        *(package / name for name in ("clashes.py", "kinds.py", "levels.py")),
    ]
    for name in ("pydantic", "pydantic_core"):
        found = find_spec(name)
        if found is not None and found.origin:
            files.append(Path(found.origin))
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

    def __init__(self, folder: Path | None = None, roots: Iterable[Path] | None = None) -> None:
        self.folder = folder if folder is not None else default_cache_dir()
        given = tuple(roots) if roots is not None else default_roots()
        self.roots = tuple(Path(os.path.realpath(root)) for root in given)
        self.hits = 0
        self.misses = 0
        self.passed = 0  # files loaded without the cache: outside the roots
        self._stamp: tuple[Any, ...] | None = None

    def keeps(self, path: Path) -> bool:
        """Whether ``path`` may be cached: it lies under one of the roots (links
        followed, so a link cannot smuggle an outside deck in)."""
        real = Path(os.path.realpath(path))
        return any(real.is_relative_to(root) for root in self.roots)

    def deck(
        self, path: Path, origin: Origin | None = None, pack: PackOf | None = None
    ) -> LoadedDeck:
        """``load_deck_file(path, origin, pack)``, from the cache when nothing changed."""
        from deckgame.content.loaded import LoadedDeck, Origin
        from deckgame.levels import NO_PACK

        where = origin if origin is not None else Origin.EXTRA
        of = pack if pack is not None else NO_PACK
        extra = ("deck", str(where), of.name, tuple(sorted(of.levels.items())))

        def load() -> LoadedDeck:
            from deckgame.content.deck_file import load_deck_file

            return load_deck_file(path, where, of)

        return self._cached(path, extra, LoadedDeck, load)

    def pack(self, path: Path) -> tuple[PackSpec | Deferred | None, list[Problem]]:
        """``load_pack_file(path)``, from the cache when nothing changed; the spec deferred
        (:mod:`deckgame.content.loaded`), so reading it back needs no pydantic."""

        def load() -> tuple[PackSpec | Deferred | None, list[Problem]]:
            from deckgame.content.deck_file import load_pack_file
            from deckgame.content.loaded import defer_pack

            spec, problems = load_pack_file(path)
            return (defer_pack(spec, path) if self.keeps(path) else spec), problems

        return self._cached(path, ("pack",), tuple, load)

    def _cached(self, path: Path, extra: tuple[Any, ...], kind: type, load: Callable[[], T]) -> T:
        if not self.keeps(path):
            self.passed += 1
            return load()  # never copied: its text belongs only where it is
        try:
            data = path.read_bytes()
            info = os.stat(path)
        except OSError:
            return load()  # the loader says what is wrong with it, at its place
        key = (*self._common(), str(path), info.st_size, info.st_mtime_ns, *extra)
        key += (blake2b(data, digest_size=16).hexdigest(),)
        entry = self.folder / (
            blake2b(repr((str(path), extra)).encode(), digest_size=12).hexdigest() + ".pickle"
        )
        found = self._read(entry, key)
        if isinstance(found, kind):
            self.hits += 1
            return found  # type: ignore[return-value]
        self.misses += 1
        result = load()
        self._write(entry, (CACHE_FORMAT, str(path), key), result)
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
            raw = io.BytesIO(entry.read_bytes())
        except OSError:
            return None
        # Unpickling builds a hundred thousand objects that all stay alive: pause the
        # cycle collector meanwhile, as the loader does (it would walk them all, often).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            header = pickle.load(raw)
            if not (isinstance(header, tuple) and len(header) == 3 and header[2] == key):
                return None
            value: object = pickle.load(raw)
        except Exception:  # a cut-short or foreign file is no entry: it is rewritten
            return None
        finally:
            if was_enabled:
                gc.enable()
        return value

    @staticmethod
    def _source(entry: Path) -> str | None:
        """The source path an entry's header names; None when it has no readable header."""
        try:
            with entry.open("rb") as file:
                header = pickle.load(file)
        except Exception:  # unreadable, cut short, foreign: no source
            return None
        if isinstance(header, tuple) and len(header) == 3 and header[0] == CACHE_FORMAT:
            source = header[1]
            return source if isinstance(source, str) else None
        return None

    def prune(self) -> int:
        """Delete the entries whose source file is gone, lies outside the roots, or that
        have no readable header (and left-over temporary files); returns how many."""
        removed = 0
        for entry in [*self.folder.glob("*.pickle"), *self.folder.glob("*.tmp")]:
            source = self._source(entry) if entry.suffix == ".pickle" else None
            if source is not None and self.keeps(Path(source)) and os.path.isfile(source):
                continue
            try:
                entry.unlink()
                removed += 1
            except OSError:
                pass
        return removed

    def _write(self, entry: Path, header: tuple[Any, ...], value: object) -> None:
        """Store atomically (a crash mid-write leaves the old entry or none); a folder
        that cannot be written only means the next start loads the file again."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
            head = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
            body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.write_bytes(head + body)
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
