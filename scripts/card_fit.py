"""How well the built-in pack fits each group: the issue-12 targets, printed as a table.

    python scripts/card_fit.py [--share F] [PATH...]     (default: decks/core)

``--share 0.4`` checks a part of the pack (two of the five type files) against 40 % of
every pack-wide target (the type x level cells keep their 40).

Prints, per audience x level, the cards playable with 2 and with 6 players (family also
with 4), the type x level cells, the challenge share, the couples-only counts and the
format counts (tags), and marks every target missed with "!".
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

from deckgame.loader import load_paths
from deckgame.model import Card

ROOT = Path(__file__).resolve().parent.parent
AUDIENCES = ("couples", "friends", "family")
TYPES = ("physical", "emotional", "experiential", "spiritual", "intellectual")
LEVELS = (1, 2, 3, 4)
FORMATS = ("wildcard", "vote", "finish-the-sentence", "rate-it", "first-impressions")
FORMAT_MIN = {"wildcard": 20, "vote": 20, "finish-the-sentence": 30, "rate-it": 10}
FORMAT_MIN["first-impressions"] = 10


def _fits(card: Card, audience: str, players: int) -> bool:
    return card.suits(audience, players, frozenset())  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    share = 1.0
    if argv[:1] == ["--share"]:
        share, argv = float(argv[1]), argv[2:]
    paths = [Path(p) for p in argv] or [ROOT / "decks" / "core"]
    library = load_paths(paths)
    cards = [c for c in library.cards if c.level is not None]
    missed = 0

    def mark(value: int, least: int, cell: bool = False) -> str:
        nonlocal missed
        least = least if cell else math.ceil(least * share)
        if value < least:
            missed += 1
            return f"{value}!"
        return str(value)

    print(f"{len(cards)} playable cards (target 1000), {len(library.closing)} closing")
    if len(cards) < 1000 * share:
        missed += 1
    do = sum(1 for c in cards if c.kind == "do")
    print(f"challenges {do} = {do / max(len(cards), 1):.0%} (target 25%)")
    print("\ncells (target 40)")
    print("type          " + "".join(f"{lv:>6}" for lv in LEVELS))
    for t in TYPES:
        row = [sum(1 for c in cards if c.type == t and c.level == lv) for lv in LEVELS]
        print(f"{t:<14}" + "".join(f"{mark(v, 40, cell=True):>6}" for v in row))
    print("\nplayable per audience x level")
    print("(2p, 6p >= 120; couples 2p L4 >= 240; family 4p >= 100)")
    for a in AUDIENCES:
        for lv in LEVELS:
            at = [c for c in cards if c.level == lv]
            two = sum(1 for c in at if _fits(c, a, 2))
            six = sum(1 for c in at if _fits(c, a, 6))
            four = sum(1 for c in at if _fits(c, a, 4))
            least2 = 240 if (a == "couples" and lv == 4) else 120
            only = sum(1 for c in at if c.audience == frozenset({a}))
            line = f"{a:<8} L{lv}  2p {mark(two, least2):>5}  6p {mark(six, 120):>5}"
            line += f"  4p {mark(four, 100) if a == 'family' else str(four):>5}"
            if a == "couples":
                line += f"  couples-only {mark(only, 40):>4}"
            print(line)
    print("\nformats (tags)")
    tags = Counter(tag for c in cards for tag in c.tags)
    for f in FORMATS:
        print(f"  {f:<20} {mark(tags[f], FORMAT_MIN[f])}")
    vote_bad = [c.id for c in cards if "vote" in c.tags and c.min_players < 3]
    if vote_bad:
        missed += 1
        print(f"  ! vote cards without min_players 3: {vote_bad[:5]}")
    closing_levels = (
        Counter(c.level_for_closing for c in library.closing)
        if hasattr(Card, "level_for_closing")
        else None
    )
    if closing_levels:
        print(f"closing cards per level: {dict(closing_levels)}")
    print(f"\n{missed} target(s) missed" if missed else "\nall targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
