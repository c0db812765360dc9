"""Deck files and folders loaded into one ``Library``, in load order, ids checked across
them (the rule of :mod:`deckgame.clashes`).

Through the deck cache, with no file changed, this reads no YAML and imports neither the
loader nor pydantic: the reader and validator load on the first file that needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.clashes import with_clashes
from deckgame.content.loaded import Deferred, LoadedDeck, Origin, pack_facts, spec_of
from deckgame.content.problems import Problem
from deckgame.kinds import DEFAULT_LEVEL_NAMES, Card
from deckgame.levels import NO_PACK, PackOf, bar_level_names

if TYPE_CHECKING:
    from deckgame.content.cache import DeckCache
    from deckgame.content.specs import PackSpec

__all__ = ["DECK_SUFFIXES", "PACK_FILE", "Library", "load_library", "load_paths"]

PACK_FILE = "pack.yaml"
DECK_SUFFIXES = (".yaml", ".yml")


@dataclass
class Library:
    """Everything loaded: the decks (in play or skipped) and every problem found."""

    decks: list[LoadedDeck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # pack name -> its pack.yaml (deferred when read from the deck cache: see ``packs``)
    pack_specs: dict[str, PackSpec | Deferred] = field(default_factory=dict)

    @property
    def packs(self) -> dict[str, PackSpec]:
        """Pack name -> its ``pack.yaml``, every deferred one restored (which loads
        pydantic: the workshop and the Decks screen ask, the table does not)."""
        for name, spec in self.pack_specs.items():
            if isinstance(spec, Deferred):
                self.pack_specs[name] = spec_of(spec)
        return dict(self.pack_specs)  # type: ignore[arg-type]  # none deferred now

    # Level names (GAME.md "Level names"): a pack's own names belong to that pack's cards.

    def level_names_for(self, card: Card) -> dict[int, str]:
        """The level names ``card`` goes by: its own pack's, else the default ones."""
        facts = pack_facts(self.pack_specs.get(card.pack)) if card.pack else None
        return {**DEFAULT_LEVEL_NAMES, **(facts[1] if facts is not None else {})}

    def bar_level_names(self, cards: Iterable[Card]) -> dict[int, str]:
        """The level bar's names for ``cards`` in play: the default names unless every
        one of them comes from one pack, then that pack's."""
        return bar_level_names(cards)

    @property
    def level_names(self) -> dict[int, str]:
        """The level bar's names when every playable card loaded is in play."""
        return bar_level_names(self.cards)

    @property
    def cards(self) -> list[Card]:
        """The playable cards of every deck without problems."""
        return [card for deck in self.decks if deck.ok for card in deck.cards]

    @property
    def closing(self) -> list[Card]:
        """The closing cards of every deck without problems."""
        return [card for deck in self.decks if deck.ok for card in deck.closing]

    @property
    def tags(self) -> frozenset[str]:
        """Every content tag a playable or closing card carries (what lines can match)."""
        return frozenset(tag for card in (*self.cards, *self.closing) for tag in card.tags)

    @property
    def skipped(self) -> list[LoadedDeck]:
        """Decks left out because of problems."""
        return [deck for deck in self.decks if not deck.ok]


def load_paths(paths: Iterable[Path], origin: Origin = Origin.EXTRA) -> Library:
    """Load deck files and folders (recursively; ``pack.yaml`` names a folder's pack)."""
    library = Library()
    for path in paths:
        _collect(library, Path(path), origin)
    return _check_ids(library)


def load_library(
    extra: Sequence[Path] = (),
    *,
    builtin: bool = True,
    user: bool = True,
    cache: DeckCache | None = None,
) -> Library:
    """The built-in packs, then the user's deck folder (if any), then ``extra``; each file
    through ``cache`` when one is given (the same result, without the YAML work for a file
    that has not changed)."""
    from deckgame.paths import user_decks_dir
    from deckgame.resources import builtin_decks_dir

    library = Library()
    if builtin:
        _collect(library, builtin_decks_dir(), Origin.BUILTIN, cache)
    if user:
        folder = user_decks_dir()
        if folder.is_dir():
            _collect(library, folder, Origin.USER, cache)
    for path in extra:
        _collect(library, Path(path), Origin.EXTRA, cache)
    return _check_ids(library)


def _collect(library: Library, path: Path, origin: Origin, cache: DeckCache | None = None) -> None:
    deck_file: Callable[[Path, Origin, PackOf], LoadedDeck]
    if cache is None:
        from deckgame.content.deck_file import load_deck_file as deck_file
    else:
        deck_file = cache.deck
    if path.is_dir():
        packs: dict[Path, PackOf] = {}
        for pack_file, files in _deck_folders(path):
            if pack_file is not None and pack_file not in packs:
                packs[pack_file] = _add_pack(library, pack_file, cache)
            pack = packs[pack_file] if pack_file is not None else NO_PACK
            for file in files:
                library.decks.append(deck_file(file, origin, pack))
    elif path.is_file():
        if path.name == PACK_FILE:
            _add_pack(library, path, cache)
        else:
            library.decks.append(deck_file(path, origin, NO_PACK))
    else:
        library.problems.append(Problem(str(path), 1, 1, "no such file or folder"))


def _deck_folders(root: Path) -> Iterator[tuple[Path | None, list[Path]]]:
    """Each folder under ``root`` (sorted, hidden ones left out): its pack file and decks.

    A folder without ``pack.yaml`` belongs to the nearest pack above it (if any).
    """
    packs: dict[Path, Path | None] = {}
    for folder_name, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(folder_name)
        pack_file = folder / PACK_FILE if PACK_FILE in files else packs.get(folder.parent)
        packs[folder] = pack_file
        decks = sorted(
            folder / name
            for name in files
            if name.endswith(DECK_SUFFIXES) and name != PACK_FILE and not name.startswith(".")
        )
        yield pack_file, decks


def _add_pack(library: Library, path: Path, cache: DeckCache | None = None) -> PackOf:
    if cache is None:
        from deckgame.content.deck_file import load_pack_file

        spec: PackSpec | Deferred | None
        spec, problems = load_pack_file(path)
    else:
        spec, problems = cache.pack(path)
    library.problems.extend(problems)
    facts = pack_facts(spec)
    if spec is None or facts is None:
        return NO_PACK
    name, levels = facts
    library.pack_specs[name] = spec
    return PackOf(name, levels)


def _check_ids(library: Library) -> Library:
    """Report ids used twice across decks (the rule of :mod:`deckgame.clashes`)."""
    library.decks = with_clashes(library.decks)
    for deck in library.decks:
        library.problems.extend(deck.problems)
    return library
