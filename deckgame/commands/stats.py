"""``deckgame stats PATH...``: what a set of decks holds, as plain-text tables."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.commands import report_missing
from deckgame.i18n import _

if TYPE_CHECKING:
    from deckgame.loader import Library
    from deckgame.model import Card

HELP = (
    "count the cards of deck files and folders: type x level, questions vs challenges,"
    " playable per audience x level x players, formats"
)
DESCRIPTION = """\
Count the cards of deck files and folders (with no PATH: of every deck the game loads,
the built-in decks, your deck folder and any --decks): cards per intimacy type and depth level,
questions (ask) vs challenges (do), the cards playable per audience and level with 2, 4
and 6 players (audience and player limits applied), the cards for one audience alone,
the format tags (wildcard, vote, ...) per level, and how many cards suit each audience.
Only decks without problems are counted, as in the game; skipped decks are named on
stderr. scripts/card_fit.py checks the built-in pack against its targets.
Exit status: 0 counted, 1 some decks were skipped, 2 usage."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="deck file or folder (default: every deck the game loads)",
    )
    parser.add_argument(
        "--decks",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="with no PATH: a deck file or folder added to the built-in decks and yours",
    )


def run(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    extra: list[Path] = args.decks
    if report_missing("stats", [*paths, *extra]):
        return 2

    from deckgame.loader import load_library, load_paths

    # No path: what a game would load (the built-in decks, yours, then --decks).
    library = load_paths([*paths, *extra]) if paths else load_library(extra)
    print(render_stats(library))
    for deck in library.skipped:
        count = len(deck.problems)
        print(
            f"skipped {deck.path}: {count} problem{'s' if count != 1 else ''} "
            "(see: deckgame validate)",
            file=sys.stderr,
        )
    return 1 if library.problems else 0


def render_stats(library: Library) -> str:
    """The three tables, as text."""
    from deckgame.model import Audience, IntimacyType, level_name

    cards = library.cards
    closing = library.closing
    levels = sorted({card.level for card in cards if card.level is not None})
    types = [t for t in IntimacyType]
    per_cell = Counter((card.type, card.level) for card in [*cards, *closing])

    decks_in_play = len(library.decks) - len(library.skipped)
    lines = [f"{decks_in_play} deck(s) in play, {len(cards)} cards, {len(closing)} closing cards"]
    lines.append("")
    lines.append("Cards per type and level")
    header = ["type", *[str(level) for level in levels], "closing", "total"]
    rows: list[list[str]] = []
    for type_ in types:
        counts = [per_cell[(type_, level)] for level in levels]
        end = per_cell[(type_, None)]
        rows.append([type_.value, *map(str, counts), str(end), str(sum(counts) + end)])
    totals = [sum(per_cell[(t, level)] for t in types) for level in levels]
    rows.append(["total", *map(str, totals), str(len(closing)), str(len(cards) + len(closing))])
    lines += _table(header, rows)
    if levels:
        names = ", ".join(f"{level} {level_name(level, library.level_names)}" for level in levels)
        lines.append(f"levels: {names}")

    lines.append("")
    lines.append("Questions and challenges")
    kinds = Counter((card.type, card.kind) for card in cards)
    timed = Counter(card.type for card in cards if card.seconds is not None)
    rows = [[t.value, str(kinds[(t, "ask")]), str(kinds[(t, "do")]), str(timed[t])] for t in types]
    rows.append(
        [
            "total",
            str(sum(1 for c in cards if c.kind == "ask")),
            str(sum(1 for c in cards if c.kind == "do")),
            str(sum(timed.values())),
        ]
    )
    lines += _table(["type", "ask", "do", "timed"], rows)

    lines += fit_sections(cards)
    lines.append("")
    lines.append("Cards per audience (a card may suit several)")
    suits = Counter(audience for card in cards for audience in card.audience)
    rows = [[a.value, str(suits[a])] for a in Audience]
    lines += _table(["audience", "cards"], rows)
    return "\n".join(lines)


def fit_sections(cards: Sequence[Card]) -> list[str]:
    """The tables of how the cards fit each group: playable per audience x level with 2,
    4 and 6 players, the cards for one audience alone, and the format tags per level."""
    from deckgame import fit

    playing = [card for card in cards if card.level is not None]
    lines = ["", _("Playable per audience and level (audience and player count applied)")]
    header = [_("audience"), _("level"), _("2 players"), _("4 players"), _("6 players")]
    rows = [
        [
            audience.value,
            str(level),
            *(str(fit.playable(playing, audience, level, n)) for n in (2, 4, 6)),
            str(sum(c.level == level and c.audience == {audience} for c in playing)),
        ]
        for audience in fit.AUDIENCES
        for level in fit.LEVELS
    ]
    lines += _table([*header, _("this audience only")], rows)
    lines += ["", _("Formats (tags) per level")]
    counts = {
        (name, level): sum(name in c.tags and c.level == level for c in playing)
        for name in fit.FORMATS
        for level in fit.LEVELS
    }
    rows = []
    for name in fit.FORMATS:
        per_level = [counts[name, level] for level in fit.LEVELS]
        rows.append([name, *map(str, per_level), str(sum(per_level))])
    lines += _table([_("format"), *map(str, fit.LEVELS), _("total")], rows)
    return lines


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to width: the first left-aligned, numbers right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return [line(header), rule, *(line(row) for row in rows)]
