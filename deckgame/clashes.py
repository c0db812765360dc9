"""Card ids used twice: the one rule the loader and the workshop both apply.

Decks claim their card ids in **load order**: the roots in the order given (built-in
decks, the user's folder, then each ``--decks`` path), and inside a folder its own deck
files by name before its subfolders by name, the way the loader walks it. Only a deck
without problems claims ids. A later deck holding a claimed id gets a problem at that
card, naming where the id was first used, and so is skipped as a whole.

>>> from pathlib import Path
>>> root = Path("decks")
>>> files = [root / "sub" / "b.yaml", root / "z.yaml"]
>>> [p.as_posix() for p in sorted(files, key=lambda p: load_order(p, [root]))]
['decks/z.yaml', 'decks/sub/b.yaml']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.content.problems import Problem

if TYPE_CHECKING:
    from deckgame.content.loaded import LoadedDeck

__all__ = ["Place", "duplicate_message", "load_order", "problem_order", "with_clashes"]

Place = tuple[str, int, int]  # path, line, column
# A step of a path as the loader walks it: files (0) of a folder before its folders (1).
_Step = tuple[int, str]


def duplicate_message(card_id: str, first: Place) -> str:
    """The problem text for ``card_id`` used again, ``first`` being where it was first used.

    >>> duplicate_message("hi", ("a.yaml", 3, 7))[:45]
    "duplicate card id 'hi', first used at a.yaml:"
    """
    where = f"{first[0]}:{first[1]}:{first[2]}"
    return (
        f"duplicate card id '{card_id}', first used at {where}: give one of them its own "
        "'id' (or reword it, if the two cards say the same thing)"
    )


def problem_order(problem: Problem) -> tuple[int, int, str]:
    """How a file's problems are listed: by line, then column, then text."""
    return problem.line, problem.column, problem.message


def load_order(path: Path, roots: Sequence[Path]) -> tuple[int, tuple[_Step, ...]]:
    """A sort key putting deck files in the order the loader reads ``roots``.

    A file under no root sorts after all of them, by its path.
    """
    for index, root in enumerate(roots):
        if path == root:
            return index, ()
        if root in path.parents:
            parts = path.relative_to(root).parts
            return index, (*((1, folder) for folder in parts[:-1]), (0, parts[-1]))
    return len(roots), ((0, str(path)),)


def with_clashes(decks: Iterable[LoadedDeck]) -> list[LoadedDeck]:
    """``decks`` (in load order) with a problem at every card whose id an earlier deck
    in play already holds; such a deck is no longer ``ok``."""
    claimed: dict[str, Place] = {}
    checked: list[LoadedDeck] = []
    for deck in decks:
        clashes = [
            Problem(
                str(deck.path),
                *deck.places.get(card.id, (1, 1)),
                duplicate_message(card.id, claimed[card.id]),
            )
            for card in (*deck.cards, *deck.closing)
            if card.id in claimed
        ]
        if clashes:
            problems = tuple(sorted((*deck.problems, *clashes), key=problem_order))
            deck = dataclasses.replace(deck, problems=problems)
        if deck.ok:
            for card_id, (line, column) in deck.places.items():
                claimed[card_id] = (str(deck.path), line, column)
        checked.append(deck)
    return checked
