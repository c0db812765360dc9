"""The workshop's deck list without a window: which decks, in what order, in play or not.

:class:`Shelf` holds every deck file the loader read, each read again on its own and then
checked against the others with the loader's id-clash rule (:mod:`deckgame.clashes`), so
the list says exactly what a game would play. Saved files are reloaded one by one as a
:class:`~deckgame.watch.DeckWatcher` reports them. The list's lines (:func:`list_rows`), a
deck's counts per level (:func:`level_counts`) and its status (:func:`deck_statuses`)
are plain values; the workshop scene only draws them.

>>> level_counts(())
'no cards'
>>> [row.text for row in list_rows([])]
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.i18n import N_, _, ngettext
from deckgame.watch import DeckWatcher

if TYPE_CHECKING:
    from deckgame.loader import Library, LoadedDeck, Origin
    from deckgame.model import Card, PackOf, PackSpec
    from deckgame.yamlsafe import Problem

__all__ = [
    "Entry",
    "ListRow",
    "Shelf",
    "deck_statuses",
    "default_roots",
    "level_count_parts",
    "level_counts",
    "list_rows",
    "problem_line",
]

# Between a deck's counts (and a list heading's parts) when they share a line.
SEPARATOR = " · "

_ORIGIN_WORDS = {"built-in": N_("built-in"), "your decks": N_("your decks")}


def origin_words(origin: object) -> str:
    """Where a deck came from, in the player's language (``--decks`` is a command-line flag
    and stays as typed)."""
    value = str(origin)
    return _(_ORIGIN_WORDS[value]) if value in _ORIGIN_WORDS else value


@dataclass
class Entry:
    """One deck file as the workshop knows it."""

    deck: LoadedDeck  # as last read, with clashes against other decks added
    good: tuple[Card, ...] = ()  # the cards of the last version without problems
    stale: bool = False  # the preview shows ``good`` because the file is broken now

    @property
    def in_play(self) -> bool:
        """Whether a game started now would deal this deck's cards."""
        return self.deck.ok

    @property
    def preview(self) -> tuple[Card, ...]:
        """What to browse: the cards, else the last good ones, else whatever validated."""
        if self.deck.ok:
            return (*self.deck.cards, *self.deck.closing)
        if self.good:
            return self.good
        return (*self.deck.cards, *self.deck.closing)


@dataclass
class Shelf:
    """The loaded decks, reloaded file by file as the watcher reports saves."""

    entries: list[Entry]
    raw: dict[Path, LoadedDeck]  # each file read on its own (no cross-deck checks)
    problems: list[Problem]  # problems outside any deck: pack files, missing paths
    packs: dict[str, PackSpec]  # pack name -> its pack.yaml, as last read
    roots: list[tuple[Path, Origin]]
    watcher: DeckWatcher
    reloads: int = 0
    last_reloaded: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def from_library(
        cls, library: Library, roots: Sequence[tuple[Path, Origin]], interval: float = 0.3
    ) -> Shelf:
        # Read each deck once more on its own: the library's copies already carry clashes
        # with other decks, which must be worked out again whenever any file changes.
        packs = dict(library.packs)
        raw = {d.path: _load(d.path, d.origin, _pack(packs, d.pack)) for d in library.decks}
        deck_paths = {d.path for d in library.decks}
        others = [p for p in library.problems if Path(p.path) not in deck_paths]
        shelf = cls(
            entries=[],
            raw=raw,
            problems=others,
            packs=packs,
            roots=list(roots),
            watcher=DeckWatcher([r for r, _ in roots], interval=interval),
        )
        shelf._rebuild()
        return shelf

    @property
    def level_names(self) -> dict[int, str]:
        """The level bar's names for every deck shown in play (each card shows its own)."""
        from deckgame.model import bar_level_names

        return bar_level_names(card for e in self.entries if e.deck.ok for card in e.deck.cards)

    def poll(self, now: float) -> bool:
        """Look for saved files if it is time; True when something was reloaded."""
        changes = self.watcher.poll(now)
        if not changes:
            return False
        self.apply(changes.changed + changes.appeared, changes.vanished)
        return True

    def scan(self) -> bool:
        """Look for saved files now, whatever the time; True when something was reloaded."""
        changes = self.watcher.scan()
        if changes:
            self.apply(changes.changed + changes.appeared, changes.vanished)
        return bool(changes)

    def apply(self, touched: Iterable[Path], vanished: Iterable[Path] = ()) -> None:
        """Reload ``touched`` files and forget ``vanished`` ones."""
        from deckgame.loader import PACK_FILE

        done: list[Path] = []
        for path in vanished:
            self.raw.pop(path, None)
            self.problems = [p for p in self.problems if Path(p.path) != path]
            done.append(path)
        for path in touched:
            if path.name == PACK_FILE:
                self._reload_pack(path)
            else:
                origin, pack = self._place_of(path)
                self.raw[path] = _load(path, origin, _pack(self.packs, pack))
            done.append(path)
        self.reloads += 1
        self.last_reloaded = tuple(done)
        self._rebuild()

    def _place_of(self, path: Path) -> tuple[Origin, str]:
        from deckgame.loader import Origin

        known = self.raw.get(path)
        if known is not None:
            return known.origin, known.pack
        origin = Origin.EXTRA
        for root, root_origin in self.roots:
            if path == root or root in path.parents:
                origin = root_origin
                break
        # A new file joins the pack of the decks beside it (a new pack folder has none yet).
        for other in self.raw.values():
            if other.path.parent == path.parent and other.pack:
                return origin, other.pack
        return origin, ""

    def _reload_pack(self, path: Path) -> None:
        from deckgame.loader import load_pack_file

        spec, problems = load_pack_file(path)
        self.problems = [p for p in self.problems if Path(p.path) != path] + problems
        if spec is None:
            return
        self.packs[spec.name] = spec
        folder = path.parent
        for deck_path, deck in list(self.raw.items()):
            if folder == deck_path.parent or folder in deck_path.parents:
                # Read again: the cards carry their pack's name and its names for levels.
                self.raw[deck_path] = _load(deck_path, deck.origin, _pack(self.packs, spec.name))

    def _rebuild(self) -> None:
        """Entries in load order, with the loader's rule for ids used in two decks
        (:func:`deckgame.clashes.with_clashes`): the first deck in play keeps the id."""
        from deckgame.clashes import load_order, with_clashes

        previous = {e.deck.path: e for e in self.entries}
        roots = [root for root, _ in self.roots]
        ordered = sorted(self.raw.values(), key=lambda deck: load_order(deck.path, roots))
        entries: list[Entry] = []
        for deck in with_clashes(ordered):
            before = previous.get(deck.path)
            good = (*deck.cards, *deck.closing) if deck.ok else (before.good if before else ())
            entries.append(Entry(deck=deck, good=good, stale=not deck.ok and bool(good)))
        self.entries = entries


def _load(path: Path, origin: Origin, pack: PackOf) -> LoadedDeck:
    """A deck file, or a deck sheet (CSV, XLSX) named on the command line, read afresh."""
    from deckgame.content.sheet_load import is_sheet, load_sheet_file
    from deckgame.loader import load_deck_file

    return (load_sheet_file if is_sheet(path) else load_deck_file)(path, origin, pack)


def _pack(packs: dict[str, PackSpec], name: str) -> PackOf:
    """The pack named ``name`` as its decks' cards need it (its level names)."""
    from deckgame.model import PackOf

    spec = packs.get(name)
    return PackOf(name, spec.levels if spec is not None else {})


@dataclass(frozen=True)
class ListRow:
    """One line of the deck list: a group's heading (``index`` None) or a deck
    (``index`` into the shelf's entries)."""

    text: str
    index: int | None = None


def list_rows(entries: Sequence[Entry]) -> list[ListRow]:
    """The deck list: each (source, pack) group under a heading, then its decks, in the
    shelf's order (the load order)."""
    rows: list[ListRow] = []
    group: tuple[str, str] | None = None
    for i, entry in enumerate(entries):
        deck = entry.deck
        key = (str(deck.origin), deck.pack)
        if key != group:
            group = key
            if deck.pack:
                head = _("{pack} pack · {origin}").format(
                    pack=deck.pack, origin=origin_words(deck.origin)
                )
            else:
                head = _("loose decks · {origin}").format(origin=origin_words(deck.origin))
            rows.append(ListRow(head))
        rows.append(ListRow(deck.name, i))
    return rows


def deck_statuses(deck: LoadedDeck) -> list[str]:
    """What a deck's row says of it, longest first: the row shows the first that fits.

    >>> from deckgame.loader import LoadedDeck, Origin
    >>> deck_statuses(LoadedDeck(Path("a.yaml"), Origin.EXTRA, "", None, (), (), ()))
    ['in play']
    """
    if deck.ok:
        return [_("in play")]
    count = len(deck.problems)
    said = ngettext("{n} problem", "{n} problems", count).format(n=count)
    return [_("skipped: {problems}").format(problems=said), said]


def level_count_parts(cards: Iterable[Card]) -> list[str]:
    """``['L1 12', 'L2 9', 'closing 2']``: the cards per level, closing cards last
    (``['no cards']`` for none)."""
    counts: dict[int | None, int] = {}
    for card in cards:
        counts[card.level] = counts.get(card.level, 0) + 1
    parts = [
        _("L{level} {count}").format(level=level, count=counts[level])
        for level in sorted(k for k in counts if k is not None)
    ]
    if None in counts:
        parts.append(_("closing {count}").format(count=counts[None]))
    return parts or [_("no cards")]


def level_counts(cards: Iterable[Card]) -> str:
    """``L1 12 · L2 9 · closing 2``: the cards per level."""
    return SEPARATOR.join(level_count_parts(cards))


def problem_line(problem: Problem) -> str:
    """``PATH:LINE:COLUMN: message``, as the workshop lists it."""
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.message}"


def default_roots(extra: Sequence[Path], *, builtin: bool, user: bool) -> list[tuple[Path, Origin]]:
    """The folders and files the loader read, with the origin each gives its decks."""
    from deckgame.loader import Origin
    from deckgame.paths import user_decks_dir
    from deckgame.resources import builtin_decks_dir

    roots: list[tuple[Path, Origin]] = []
    if builtin:
        roots.append((builtin_decks_dir(), Origin.BUILTIN))
    if user:
        roots.append((user_decks_dir(), Origin.USER))
    roots.extend((Path(p), Origin.EXTRA) for p in extra)
    return roots
