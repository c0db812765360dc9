"""The columns of a deck sheet: their names, what each holds, and the header row read.

One row is one card. Card columns carry the card keys of a deck file (``ask``, ``do``,
``id``, ``type``, ``seconds``, ...) plus ``level`` and ``closing``; deck columns
(``deck``, ``deck_type``, ``description``, ...) carry the deck's own keys and may be
written on any one row of the deck (the export writes them on its first).

>>> columns, problems = read_header("a.csv", ["Deck", "Follow up", "secnds", "ask"])
>>> columns, [p.message for p in problems]
({1: 'deck', 2: 'follow_up', 4: 'ask'}, ["unknown column 'secnds' (did you mean 'seconds'?)"])
"""

from __future__ import annotations

from collections.abc import Sequence

from deckgame.content.problems import Problem
from deckgame.content.text import did_you_mean, quoted

__all__ = [
    "CARD_COLUMNS",
    "COLUMNS",
    "DECK_COLUMNS",
    "INT_COLUMNS",
    "LIST_COLUMNS",
    "TEXT_COLUMNS",
    "normal_name",
    "read_header",
]

# In the order an export writes them.
CARD_COLUMNS = (
    "deck",
    "level",
    "closing",
    "ask",
    "do",
    "id",
    "type",
    "follow_up",
    "seconds",
    "who",
    "audience",
    "tags",
    "min_players",
    "max_players",
)
# Deck column -> the deck key it fills (``deck`` fills ``name``).
DECK_COLUMNS: dict[str, str] = {
    "deck": "name",
    "deck_type": "type",
    "description": "description",
    "language": "language",
    "author": "author",
    "license": "license",
    "deck_audience": "audience",
    "deck_tags": "tags",
}
COLUMNS = (*CARD_COLUMNS, *(name for name in DECK_COLUMNS if name != "deck"))
INT_COLUMNS = frozenset({"level", "seconds", "min_players", "max_players"})
LIST_COLUMNS = frozenset({"audience", "tags", "deck_audience", "deck_tags"})
TEXT_COLUMNS = frozenset({"ask", "do", "follow_up", "description"})
# Other spellings a designer may well type for a column.
_ALIASES = {"licence": "license", "name": "deck", "follow": "follow_up", "followup": "follow_up"}


def normal_name(cell: str) -> str:
    """A header cell as a column name: ``Follow up`` and ``follow-up`` are ``follow_up``.

    >>> normal_name("  Min-Players "), normal_name("Licence")
    ('min_players', 'license')
    """
    name = "_".join(cell.strip().lower().replace("-", " ").split())
    return _ALIASES.get(name, name)


def read_header(path: str, cells: Sequence[str]) -> tuple[dict[int, str], list[Problem]]:
    """Column number (from 1) -> column name, and the problems of the header row."""
    columns: dict[int, str] = {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for number, cell in enumerate(cells, start=1):
        if not cell.strip():
            continue  # a column without a name: its cells are checked to be empty
        name = normal_name(cell)
        if name not in COLUMNS:
            problems.append(
                Problem(
                    path,
                    1,
                    number,
                    f"unknown column {quoted(cell.strip())}{did_you_mean(name, COLUMNS)}",
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    path,
                    1,
                    number,
                    f"duplicate column {quoted(name)} (first in column {seen[name]}): "
                    "each column once",
                )
            )
        else:
            seen[name] = number
            columns[number] = name
    if "ask" not in seen and "do" not in seen:
        if not seen:
            problems = []  # no column known: the first row is no header, not many typos
        problems.append(
            Problem(
                path,
                1,
                1,
                "the first row must name the columns, with at least 'ask' or 'do' "
                "(e.g. deck, level, ask, do): see decks/README.md",
            )
        )
    return columns, problems
