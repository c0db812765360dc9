"""Deck files and packs -> validated models, with every problem at ``PATH:LINE:COLUMN``.

A deck with any problem is **skipped**: reported, and left out of play as a whole, so a
half-broken deck never changes the balance of a session without anyone noticing. Its
``LoadedDeck`` still carries the cards that did validate (``cards``), for tools such as
the workshop to preview; ``Library.cards`` holds only the cards of decks without problems.

Card ids must be unique across everything loaded. A clash is reported at its second
occurrence in load order, naming the first, and makes the deck holding the second one
skipped. Only decks that are in play claim ids, so a skipped deck never blocks another
(:mod:`deckgame.clashes` holds the rule; the workshop applies the same one).

The parts live in :mod:`deckgame.content`: ``library`` (folders, packs, load order, ids
across decks), ``deck_file`` (one file), ``validate`` (errors worded and placed, bad cards
salvaged) and ``deck_nodes`` (where each card stands). This module is their front door.

>>> import tempfile
>>> from pathlib import Path
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

from deckgame.content.deck_file import LoadedDeck, Origin, load_deck_file, load_pack_file
from deckgame.content.library import (
    DECK_SUFFIXES,
    PACK_FILE,
    Library,
    load_library,
    load_paths,
)
from deckgame.content.problems import Problem
from deckgame.content.validate import MAX_LIST_ITEMS

__all__ = [
    "DECK_SUFFIXES",
    "MAX_LIST_ITEMS",
    "PACK_FILE",
    "Library",
    "LoadedDeck",
    "Origin",
    "Problem",
    "load_deck_file",
    "load_library",
    "load_pack_file",
    "load_paths",
]
