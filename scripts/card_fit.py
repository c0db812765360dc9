"""How well the built-in pack fits each group: the issue-12 targets, checked.

    python scripts/card_fit.py [--share F] [PATH...]     (default: decks/core)

Prints the tables of ``deckgame stats`` that count the fit (playable per audience x level
with 2, 4 and 6 players, one audience alone, the formats), then every target of
:mod:`deckgame.fit`, each missed one marked with "!". ``--share 0.4`` checks a part of
the pack (two of the five type files) against 40 % of every pack-wide target (the type x
level cells keep their 40). Exit status 1 when a target is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from deckgame import fit
from deckgame.commands.stats import fit_sections
from deckgame.loader import load_paths

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    """Print the fit of the decks at ``argv`` (default: the built-in pack)."""
    share = 1.0
    if argv[:1] == ["--share"]:
        share, argv = float(argv[1]), argv[2:]
    library = load_paths([Path(p) for p in argv] or [ROOT / "decks" / "core"])
    print(f"{len(library.cards)} playable cards, {len(library.closing)} closing")
    print("\n".join(fit_sections(library.cards)))
    print(f"\ntargets (share {share:g}; cells keep {fit.MIN_CELL})")
    found = fit.targets(library.cards, share)
    for target in found:
        mark = "!" if target.missed else " "
        print(f"{mark} {target.name:<28} {target.value:>5} (least {target.least})")
    votes = [c.id for c in library.cards if "vote" in c.tags and c.min_players < 3]
    if votes:
        print(f"! vote cards without min_players 3: {votes[:5]}")
    closing = sorted({str(c.closing_level or "any") for c in library.closing})
    print(f"closing cards' levels: {', '.join(closing)}")
    missed = sum(t.missed for t in found) + bool(votes)
    print(f"\n{missed} target(s) missed" if missed else "\nall targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
