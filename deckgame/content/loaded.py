"""What a deck file became (:class:`LoadedDeck`), as plain data the game's start can read
back from the deck cache without pydantic or YAML.

The cards are plain data (:class:`deckgame.kinds.Card`). A deck's and a pack's *spec* (the
validated file, a pydantic model) is kept in the cache as the bytes of its own pickle
(:class:`Deferred`) and restored on first use: the table never asks for it, the workshop,
the Decks screen and the sheet export do. What the start needs of a spec (a deck's name
and language, a pack's name and level names) is kept beside those bytes.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgame.kinds import Card

if TYPE_CHECKING:
    from deckgame.content.problems import Problem
    from deckgame.content.specs import DeckSpec, PackSpec

__all__ = ["Deferred", "LoadedDeck", "Origin", "defer_pack", "pack_facts", "spec_of"]


class Origin(StrEnum):
    """Where a deck came from, as the game shows it."""

    BUILTIN = "built-in"
    USER = "your decks"
    EXTRA = "--decks"


class Deferred:
    """A spec kept pickled, restored when first asked for (:func:`spec_of`); ``facts`` are
    the few things known of it without restoring it, and the file it was read from
    (``path``, ``kind`` "deck" or "pack"): bytes that no longer unpickle into a spec (a
    cache entry damaged, or written by another pydantic) are replaced by reading the file
    again, so a broken entry costs a reread, never the workshop."""

    __slots__ = ("blob", "facts")

    def __init__(self, value: object, facts: dict[str, Any]) -> None:
        self.blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.facts = facts

    def __reduce__(self) -> tuple[Any, ...]:
        return (_deferred, (self.blob, self.facts))

    def load(self) -> Any:
        from deckgame.content.specs import DeckSpec, PackSpec

        kind = DeckSpec if self.facts.get("kind") == "deck" else PackSpec
        try:
            value = pickle.loads(self.blob)
        except Exception:  # any damage at all: read the file again instead
            value = None
        if isinstance(value, kind):
            return value
        return self._reread()

    def _reread(self) -> Any:
        from deckgame.content.deck_file import load_deck_file, load_pack_file

        path = Path(self.facts["path"])
        if self.facts.get("kind") == "deck":
            return load_deck_file(path).spec
        return load_pack_file(path)[0]


def _deferred(blob: bytes, facts: dict[str, Any]) -> Deferred:
    made = Deferred.__new__(Deferred)
    made.blob, made.facts = blob, facts
    return made


def spec_of(value: Any) -> Any:
    """``value`` itself, or the value a :class:`Deferred` holds."""
    return value.load() if isinstance(value, Deferred) else value


class _LazySpec:
    """``LoadedDeck.spec``: a :class:`Deferred` stored there is restored on first read."""

    def __get__(self, deck: LoadedDeck | None, owner: type | None = None) -> Any:
        if deck is None:
            return self
        value = deck.__dict__["_spec"]
        if isinstance(value, Deferred):
            value = value.load()
            deck.__dict__["_spec"] = value
        return value

    def __set__(self, deck: LoadedDeck, value: Any) -> None:
        deck.__dict__["_spec"] = value


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
    def read(self) -> bool:
        """The file could be read as a deck (it has a spec), problems or not."""
        return self.__dict__["_spec"] is not None

    @property
    def name(self) -> str:
        """The deck's display name, or its file name when it could not be read."""
        return str(self._fact("name", self.path.name))

    @property
    def language(self) -> str | None:
        """The language its cards are written in (the deck's ``language:``), if it says."""
        found = self._fact("language", None)
        return None if found is None else str(found)

    def _fact(self, key: str, missing: object) -> object:
        value = self.__dict__["_spec"]
        if isinstance(value, Deferred):
            return value.facts[key]
        return missing if value is None else getattr(value, key)

    def __reduce__(self) -> tuple[Any, ...]:
        # The spec as the bytes of its own pickle: reading the deck back needs no pydantic.
        spec = self.__dict__["_spec"]
        if spec is not None and not isinstance(spec, Deferred):
            facts = {"name": spec.name, "language": spec.language}
            spec = Deferred(spec, {**facts, "kind": "deck", "path": str(self.path)})
        fields = (self.path, self.origin, self.pack, spec, self.cards, self.closing)
        return (LoadedDeck, (*fields, self.problems, dict(self.places)))


# The spec reads through _LazySpec (set after the dataclass is made, so its __init__, eq and
# repr see one field called ``spec`` as before).
setattr(LoadedDeck, "spec", _LazySpec())  # noqa: B010


def defer_pack(spec: PackSpec | None, path: Path) -> Deferred | None:
    """A pack's spec as the deck cache keeps it: deferred, its name and level names known."""
    if spec is None:
        return None
    facts = {"name": spec.name, "levels": dict(spec.levels), "kind": "pack", "path": str(path)}
    return Deferred(spec, facts)


def pack_facts(value: PackSpec | Deferred | None) -> tuple[str, dict[int, str]] | None:
    """A pack's name and level names, without restoring a deferred spec."""
    if value is None:
        return None
    if isinstance(value, Deferred):
        return str(value.facts["name"]), dict(value.facts["levels"])
    return value.name, dict(value.levels)
