"""Deck files and packs -> validated models, with every problem at ``PATH:LINE:COLUMN``.

A deck with any problem is **skipped**: reported, and left out of play as a whole, so a
half-broken deck never changes the balance of a session without anyone noticing. Its
``LoadedDeck`` still carries the cards that did validate (``cards``), for tools such as
the workshop to preview; ``Library.cards`` holds only the cards of decks without problems.

Card ids must be unique across everything loaded. A clash is reported at its second
occurrence in load order, naming the first, and makes the deck holding the second one
skipped. Only decks that are in play claim ids, so a skipped deck never blocks another
(:mod:`deckgame.clashes` holds the rule; the workshop applies the same one).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "tiny.yaml").write_text(
...     "name: Tiny\\ntype: emotional\\nlevels:\\n  1:\\n    - ask: Hi?\\n    - ask: Hi {name}?\\n"
... )
>>> deck = load_deck_file(folder / "tiny.yaml")
>>> deck.ok, [card.text for card in deck.cards]
(False, ['Hi?'])
>>> problem = deck.problems[0]
>>> problem.line, problem.column, problem.message[:30]
(6, 12, 'unknown placeholder {name}: us')
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from deckgame.clashes import duplicate_message, with_clashes
from deckgame.messages import message_for
from deckgame.model import (
    DEFAULT_LEVEL_NAMES,
    NO_PACK,
    Card,
    CardSpec,
    DeckSpec,
    LevelNumber,
    PackOf,
    PackSpec,
    bar_level_names,
    quoted,
    resolve_cards,
    resolve_closing,
)
from deckgame.yamlsafe import (
    Document,
    NodeFinder,
    Problem,
    is_refused,
    key_value,
    loc_key,
    read_file,
    refuse,
)

__all__ = [
    "Library",
    "LoadedDeck",
    "Origin",
    "Problem",
    "load_deck_file",
    "load_library",
    "load_pack_file",
    "load_paths",
]

PACK_FILE = "pack.yaml"
DECK_SUFFIXES = (".yaml", ".yml")

Model = TypeVar("Model", bound=BaseModel)
Loc = tuple[int | str, ...]


class Origin(StrEnum):
    """Where a deck came from, as the game shows it."""

    BUILTIN = "built-in"
    USER = "your decks"
    EXTRA = "--decks"


@dataclass(frozen=True)
class LoadedDeck:
    """One deck file after loading: its spec and cards, or why it was skipped."""

    path: Path
    origin: Origin
    pack: str
    spec: DeckSpec | None  # None when the deck as a whole could not be read
    cards: tuple[Card, ...]
    closing: tuple[Card, ...]
    problems: tuple[Problem, ...]
    # card id -> (line, column) where the card stands, for reports and "jump to card"
    places: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """No problems: the deck is in play."""
        return not self.problems

    @property
    def name(self) -> str:
        """The deck's display name, or its file name when it could not be read."""
        return self.spec.name if self.spec is not None else self.path.name


@dataclass
class Library:
    """Everything loaded: the decks (in play or skipped) and every problem found."""

    decks: list[LoadedDeck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    packs: dict[str, PackSpec] = field(default_factory=dict)  # pack name -> its pack.yaml

    # Level names (GAME.md "Level names"): a pack's own names belong to that pack's cards.

    def level_names_for(self, card: Card) -> dict[int, str]:
        """The level names ``card`` goes by: its own pack's, else the default ones."""
        pack = self.packs.get(card.pack) if card.pack else None
        return {**DEFAULT_LEVEL_NAMES, **(pack.levels if pack is not None else {})}

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


# --- one file ------------------------------------------------------------------------


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a file becomes objects.

    Parsing allocates a hundred thousand small objects that all stay alive; each
    allocation burst triggers a collection that walks every one of them, which
    more than doubles the time of a big deck. Nothing built here is cyclic except
    a refused self-referencing alias, which the collector frees afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_deck_file(
    path: Path, origin: Origin = Origin.EXTRA, pack: str | PackOf = ""
) -> LoadedDeck:
    """Read, check and resolve one deck file; never raises for anything in the file.

    ``pack``: the pack the deck belongs to (a name, or a name with the pack's level names,
    which its cards then carry).
    """
    of = pack if isinstance(pack, PackOf) else PackOf(pack) if pack else NO_PACK
    with _gc_paused():
        try:
            return _load_deck_file(path, origin, of)
        except Exception as exc:
            # A last line of defence for the "no traceback, ever" promise: a file that
            # finds a bug here is still reported, as a problem, and the rest loads. The
            # tests fail on this message, so it never hides a bug they can reach.
            problem = Problem(str(path), 1, 1, f"cannot read this file ({type(exc).__name__})")
            return LoadedDeck(path, origin, of.name, None, (), (), (problem,))


def _load_deck_file(path: Path, origin: Origin, pack: PackOf) -> LoadedDeck:
    doc = read_file(path)
    spec, problems, dropped = _validate(doc, DeckSpec, _deck_keys)
    cards: list[Card] = []
    closing: list[Card] = []
    places: dict[str, tuple[int, int]] = {}
    if spec is not None and doc.root is not None:
        located = _card_places(doc.root, spec, dropped)
        # The node graph and the plain data have served: let them go before the cards
        # are made, so a big deck never holds all three at once.
        doc.root = doc.data = None
        cards = resolve_cards(spec, pack)
        closing = resolve_closing(spec, pack)
        for problem in _duplicates_within(doc.path, [*cards, *closing], located, places):
            doc.add(problem)
        problems = doc.listed()
    return LoadedDeck(
        path=path,
        origin=origin,
        pack=pack.name,
        spec=spec,
        cards=tuple(cards),
        closing=tuple(closing),
        problems=tuple(problems),  # in file order, as Document.listed gives them
        places=places,
    )


def load_pack_file(path: Path) -> tuple[PackSpec | None, list[Problem]]:
    """Read and check a ``pack.yaml``; never raises for anything in the file."""
    with _gc_paused():
        try:
            doc = read_file(path)
            spec, problems, _ = _validate(doc, PackSpec, lambda loc: _PACK_KEYS)
        except Exception as exc:  # the same last line of defence as load_deck_file
            return None, [Problem(str(path), 1, 1, f"cannot read this file ({type(exc).__name__})")]
    return (spec if not problems else None), problems  # in file order (Document.listed)


_DECK_KEYS = list(DeckSpec.model_fields)
_CARD_KEYS = list(CardSpec.model_fields)
_PACK_KEYS = list(PackSpec.model_fields)


def _deck_keys(loc: Loc) -> list[str]:
    """The keys allowed in the mapping that holds ``loc``'s last step."""
    parent = loc[:-1]
    if (len(parent) == 3 and parent[0] == "levels") or (
        len(parent) == 2 and parent[0] == "closing"
    ):
        return _CARD_KEYS
    return _DECK_KEYS if not parent else []


def _validate(
    doc: Document, model: type[Model], keys_at: Any
) -> tuple[Model | None, list[Problem], set[Loc]]:
    """Validate ``doc`` as ``model``.

    Returns the spec (for a deck with bad cards: the spec without them, or None when the
    deck itself is at fault), every problem, and the locations of the dropped cards.
    """
    root = doc.root
    if isinstance(root, ScalarNode) and doc.data == "" and root.style in (None, ""):
        root = None  # "---" and nothing else: a document with no content
    if root is None:
        if not doc.problems:
            doc.add(
                Problem(doc.path, 1, 1, f"the file is empty: a {_what(model)} is a mapping of keys")
            )
        return None, doc.listed(), set()
    if not isinstance(root, MappingNode) or not isinstance(doc.data, dict):
        if not isinstance(root, MappingNode):
            shown = "a list" if isinstance(root, SequenceNode) else "a single value"
            doc.report(
                root,
                f"a {_what(model)} file must be a mapping of keys such as 'name:', not {shown}",
            )
        return None, doc.listed(), set()
    finder = NodeFinder(root)  # one index of each mapping's keys for all the errors
    bad_locs: list[Loc] = []

    def take(errors: list[Any], prefix: Loc = ()) -> None:
        """Locate, word and list each error (``prefix``: where the validated part stands)."""
        for error in errors:
            loc: Loc = (*prefix, *error["loc"])
            bad_locs.append(loc)
            if is_refused(error.get("input")):
                continue  # the converter already reported this value
            if doc.unlisted:
                doc.unlisted += 1  # past the list, and its place is known: only counted
                continue
            if prefix:
                error = {**error, "loc": loc}
            chain, key_node = finder.find(loc)
            if any(id(node) in doc.reported for node in chain):
                continue  # inside a value already reported
            if error["type"] in ("extra_forbidden", "invalid_key") or loc[-1:] == ("[key]",):
                anchor = key_node if key_node is not None else chain[-1]
            else:
                anchor = chain[-1]
            if doc.full:
                doc.count_unlisted(anchor)  # not worded: that is what a problem costs
            else:
                doc.problems.append(doc.at(anchor, message_for(error, keys_at(loc))))

    data: dict[Any, Any] = doc.data
    if model is DeckSpec:
        _refuse_long_lists(doc, root)
        data = _checked_cards(data, take)
    try:
        spec: Model | None = model.model_validate(data)
    except ValidationError as exc:
        spec = None
        take(exc.errors(include_url=False))
        del exc
    clashes = _level_clashes(doc, root, finder)
    for problem in clashes:
        doc.add(problem)
    problems = doc.listed()
    if clashes:
        return None, problems, set()
    if not problems:
        return spec, problems, set()
    if model is not DeckSpec:
        return None, problems, set()
    return _salvage(doc, data, bad_locs, problems)


# Stands in for a card that failed validation while the deck around it is validated.
_PLACEHOLDER = CardSpec(ask="a card that failed validation")


def _checked_cards(data: dict[Any, Any], take: Any) -> dict[Any, Any]:
    """``data`` with every card validated on its own and replaced by its ``CardSpec``
    (a bad card by a placeholder, its errors given to ``take``).

    Card by card, so the errors of a file with a hundred thousand bad cards never all
    exist at once; the deck is then validated around cards that are already models.
    """
    checked = dict(data)

    def cards_of(prefix: Loc, cards: list[Any]) -> list[Any]:
        result: list[Any] = []
        for i, card in enumerate(cards):
            if not isinstance(card, dict):  # pydantic's answer, without raising for it
                take([{"type": "model_type", "loc": (), "input": card}], (*prefix, i))
                result.append(_PLACEHOLDER)
                continue
            try:
                result.append(CardSpec.model_validate(card))
            except ValidationError as exc:
                take(exc.errors(include_url=False), (*prefix, i))
                result.append(_PLACEHOLDER)
        return result

    levels = data.get("levels")
    if isinstance(levels, dict):
        checked["levels"] = {
            level: cards_of(("levels", loc_key(level)), cards) if isinstance(cards, list) else cards
            for level, cards in levels.items()
        }
    closing = data.get("closing")
    if isinstance(closing, list):
        checked["closing"] = cards_of(("closing",), closing)
    return checked


# Tags or audiences one deck or card lists. Not in the schema: a sanity bound, so that a
# list of a million bad tags is one problem, not a million checks and error records.
MAX_LIST_ITEMS = 100
_SHORT_LISTS = ("tags", "audience")


def _refuse_long_lists(doc: Document, root: MappingNode) -> None:
    """Refuse, before validation, the deck's and cards' tag and audience lists that are
    longer than any deck needs."""
    data = doc.data
    assert isinstance(data, dict)
    holders: list[tuple[Node, dict[Any, Any]]] = [(root, data)]
    for key, value in _children(root, data):
        if key == "levels":
            for level, cards in _children(value, data[key]):
                holders += _card_holders(cards, data[key][level])
        elif key == "closing":
            holders += _card_holders(value, data[key])
    for node, mapping in holders:
        for key, value in _children(node, mapping):
            items = mapping[key]
            if key in _SHORT_LISTS and isinstance(items, list) and len(items) > MAX_LIST_ITEMS:
                mapping[key] = refuse(
                    doc,
                    value,
                    f"'{key}' lists {len(items):,} values: a deck or a card needs a few, "
                    f"at most {MAX_LIST_ITEMS}",
                )


def _card_holders(node: Node, cards: object) -> list[tuple[Node, dict[Any, Any]]]:
    """(node, data) of each card in a list of cards that are mappings."""
    if not isinstance(node, SequenceNode) or not isinstance(cards, list):
        return []
    return [
        (card_node, card)
        for card_node, card in zip(node.value, cards, strict=False)
        if isinstance(card, dict)
    ]


_LEVEL = TypeAdapter(LevelNumber)


def _level_of(key: object) -> int | None:
    """The level a ``levels:`` key names, read as pydantic reads it (1, "1", "01", 1.0)."""
    if is_refused(key):
        return None
    try:
        return _LEVEL.validate_python(key)
    except ValidationError:
        return None


def _level_clashes(doc: Document, root: MappingNode, finder: NodeFinder) -> list[Problem]:
    """Keys of ``levels:`` written differently that name one level (``1:`` and ``"01":``).

    Pydantic reads both as level 1 and would silently keep only the cards of the last.
    """
    problems: list[Problem] = []
    found = finder.keys(root).get("levels")
    if found is not None and isinstance(found[1], MappingNode):
        value = found[1]
        first: dict[int, Node] = {}
        for key_node, _ in value.value:
            if not isinstance(key_node, ScalarNode) or id(key_node) in doc.reported:
                continue
            level = _level_of(key_value(key_node))
            if level is None:
                continue
            earlier = first.setdefault(level, key_node)
            if earlier is not key_node:
                mark = earlier.start_mark
                problems.append(
                    doc.at(
                        key_node,
                        f"duplicate level {quoted(key_node.value)}: level {level} is already "
                        f"at line {mark.line + 1}, column {mark.column + 1}; each level once",
                    )
                )
    return problems


def _what(model: type[BaseModel]) -> str:
    return "pack" if model is PackSpec else "deck"


def _salvage(
    doc: Document, checked: dict[Any, Any], bad_locs: list[Loc], problems: list[Problem]
) -> tuple[Any, list[Problem], set[Loc]]:
    """The deck without its bad cards, when every problem lies inside a card.

    ``checked``: the deck's data with its cards validated (see ``_checked_cards``).
    """
    assert isinstance(doc.data, dict) and doc.root is not None
    dropped: set[Loc] = set()
    for loc in bad_locs:
        card = _card_loc(loc)
        if card is None:
            return None, problems, set()
        dropped.add(card)
    converter_problems = len(doc.reported)
    in_cards = 0
    for loc, node in _card_nodes(doc.root, doc.data) if converter_problems else ():
        found = sum(1 for inner in _walk(node) if id(inner) in doc.reported)
        if found:
            dropped.add(loc)
            in_cards += found
    if in_cards < converter_problems:
        return None, problems, set()
    data = dict(checked)
    levels = data.get("levels")
    if isinstance(levels, dict):
        data["levels"] = {
            level: [c for i, c in enumerate(cards) if ("levels", loc_key(level), i) not in dropped]
            if isinstance(cards, list)
            else cards
            for level, cards in levels.items()
        }
    closing = data.get("closing")
    if isinstance(closing, list):
        data["closing"] = [c for i, c in enumerate(closing) if ("closing", i) not in dropped]
    try:
        return DeckSpec.model_validate(data), problems, dropped
    except ValidationError:
        return None, problems, set()


def _card_loc(loc: Loc) -> Loc | None:
    """The location of the card an error is in, or None for an error outside any card."""
    if len(loc) >= 3 and loc[0] == "levels" and isinstance(loc[2], int):
        return loc[:3]
    if len(loc) >= 2 and loc[0] == "closing" and isinstance(loc[1], int):
        return loc[:2]
    return None


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)


def _children(node: Node, data: object) -> Iterator[tuple[object, Node]]:
    """(key as converted, value node) of a mapping node whose converted form is ``data``.

    A key written twice counts once, at its first place (the converter refused the second).
    """
    if not isinstance(node, MappingNode) or not isinstance(data, dict):
        return
    done: set[object] = set()
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            key = key_value(key_node)
            if key in data and key not in done:
                done.add(key)
                yield key, value_node


def _card_nodes(root: Node, data: dict[Any, Any]) -> Iterator[tuple[Loc, Node]]:
    """Every card's location (as pydantic names it) and node, in file order."""
    for key, value in _children(root, data):
        if key == "levels":
            for level, cards in _children(value, data.get("levels")):
                if isinstance(cards, SequenceNode):
                    for i, card in enumerate(cards.value):
                        yield ("levels", loc_key(level), i), card
        elif key == "closing" and isinstance(value, SequenceNode):
            for i, card in enumerate(value.value):
                yield ("closing", i), card


def _card_places(root: Node, spec: DeckSpec, dropped: set[Loc]) -> list[tuple[int, int]]:
    """(line, column) of each resolved card, in the order of resolve_cards + closing.

    An explicit id is placed at its value; a derived id at the card itself.
    """
    by_level: dict[int, list[Node]] = {}
    closing: list[Node] = []
    for key, value in _children(root, {"levels": 0, "closing": 0}):
        if key == "levels" and isinstance(value, MappingNode):
            # Later keys of one level replace earlier ones, as in the validated spec
            # (and _level_clashes reports them).
            for key_node, cards in value.value:
                if not isinstance(key_node, ScalarNode) or not isinstance(cards, SequenceNode):
                    continue
                raw = key_value(key_node)
                level = _level_of(raw)
                if level is None:
                    continue
                by_level[level] = [
                    card
                    for i, card in enumerate(cards.value)
                    if ("levels", loc_key(raw), i) not in dropped
                ]
        elif key == "closing" and isinstance(value, SequenceNode):
            closing = [c for i, c in enumerate(value.value) if ("closing", i) not in dropped]
    ordered = [node for level in sorted(spec.levels) for node in by_level.get(level, [])]
    return [_id_place(node) for node in [*ordered, *closing]]


def _id_place(card: Node) -> tuple[int, int]:
    if isinstance(card, MappingNode):
        for key_node, value_node in card.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "id":
                card = value_node
                break
    return card.start_mark.line + 1, card.start_mark.column + 1


def _duplicates_within(
    path: str,
    cards: list[Card],
    located: list[tuple[int, int]],
    places: dict[str, tuple[int, int]],
) -> list[Problem]:
    problems: list[Problem] = []
    for card, (line, column) in zip(cards, located, strict=False):
        if card.id in places:
            first = places[card.id]
            problems.append(Problem(path, line, column, duplicate_message(card.id, (path, *first))))
        else:
            places[card.id] = (line, column)
    return problems


# --- many files -----------------------------------------------------------------------


def load_paths(paths: Iterable[Path], origin: Origin = Origin.EXTRA) -> Library:
    """Load deck files and folders (recursively; ``pack.yaml`` names a folder's pack)."""
    library = Library()
    for path in paths:
        _collect(library, Path(path), origin)
    return _check_ids(library)


def load_library(extra: Sequence[Path] = (), *, builtin: bool = True, user: bool = True) -> Library:
    """The built-in packs, then the user's deck folder (if any), then ``extra``."""
    from deckgame.paths import user_decks_dir
    from deckgame.resources import builtin_decks_dir

    library = Library()
    if builtin:
        _collect(library, builtin_decks_dir(), Origin.BUILTIN)
    if user:
        folder = user_decks_dir()
        if folder.is_dir():
            _collect(library, folder, Origin.USER)
    for path in extra:
        _collect(library, Path(path), Origin.EXTRA)
    return _check_ids(library)


def _collect(library: Library, path: Path, origin: Origin) -> None:
    if path.is_dir():
        packs: dict[Path, PackOf] = {}
        for pack_file, files in _deck_folders(path):
            if pack_file is not None and pack_file not in packs:
                packs[pack_file] = _add_pack(library, pack_file)
            pack = packs[pack_file] if pack_file is not None else NO_PACK
            for file in files:
                library.decks.append(load_deck_file(file, origin, pack))
    elif path.is_file():
        if path.name == PACK_FILE:
            _add_pack(library, path)
        else:
            library.decks.append(load_deck_file(path, origin))
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


def _add_pack(library: Library, path: Path) -> PackOf:
    spec, problems = load_pack_file(path)
    library.problems.extend(problems)
    if spec is None:
        return NO_PACK
    library.packs[spec.name] = spec
    return PackOf(spec.name, spec.levels)


def _check_ids(library: Library) -> Library:
    """Report ids used twice across decks (the rule of :mod:`deckgame.clashes`)."""
    library.decks = with_clashes(library.decks)
    for deck in library.decks:
        library.problems.extend(deck.problems)
    return library
