"""One deck file or ``pack.yaml`` read, checked and resolved; never raises for anything in
the file.

A deck with any problem is skipped as a whole, but its ``LoadedDeck`` still carries the
cards that did validate, for tools such as the workshop to preview.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deckgame.clashes import duplicate_message
from deckgame.content.deck_nodes import card_places
from deckgame.content.loaded import LoadedDeck, Origin
from deckgame.content.problems import Problem
from deckgame.content.resolve import NO_PACK, PackOf, resolve_cards, resolve_closing
from deckgame.content.specs import Card, DeckSpec, PackSpec
from deckgame.content.validate import deck_keys, pack_keys, validate
from deckgame.content.yaml_read import read_file

__all__ = ["LoadedDeck", "Origin", "load_deck_file", "load_pack_file"]


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
    spec, problems, dropped = validate(doc, DeckSpec, deck_keys)
    cards: list[Card] = []
    closing: list[Card] = []
    places: dict[str, tuple[int, int]] = {}
    if spec is not None and doc.root is not None:
        located = card_places(doc.root, spec, dropped)
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
            spec, problems, _ = validate(doc, PackSpec, pack_keys)
        except Exception as exc:  # the same last line of defence as load_deck_file
            return None, [Problem(str(path), 1, 1, f"cannot read this file ({type(exc).__name__})")]
    return (spec if not problems else None), problems  # in file order (Document.listed)


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
