"""Lines: the content tags a group excludes, as typed, checked against the loaded decks.

In decks a tag is a lowercase slug (the loader refuses anything else); what a group types
may be in any case, so it is folded before it is matched. A typed line that no loaded card
carries is no error (play goes on), but it is reported with a "did you mean": it is most
likely a typo, and the group believes those cards are kept away.

>>> sorted(normalise_lines(["Touch", " GRIEF ", "", "Past  Relationships"]))
['grief', 'past-relationships', 'touch']
>>> unknown_lines_note({"tuch", "grief"}, ["grief", "touch"])
"no loaded card is tagged 'tuch' (did you mean 'touch'?)"
"""

from __future__ import annotations

from collections.abc import Iterable

from deckgame.content.text import did_you_mean

__all__ = ["line_key", "normalise_lines", "unknown_lines", "unknown_lines_note"]


def line_key(text: str) -> str:
    """A typed line as deck tags are written: case-folded, its words joined by hyphens
    (the setup screen shows ``past-relationships`` as "past relationships")."""
    return "-".join(text.casefold().replace("_", " ").split())


def normalise_lines(typed: Iterable[str]) -> frozenset[str]:
    """The lines a group typed, each folded; empty entries dropped."""
    return frozenset(key for key in (line_key(str(text)) for text in typed) if key)


def unknown_lines(excluded: Iterable[str], tags: Iterable[str]) -> list[str]:
    """The (folded) lines no tag in ``tags`` matches, sorted."""
    known = set(tags)
    return sorted(line for line in normalise_lines(excluded) if line not in known)


def unknown_lines_note(excluded: Iterable[str], tags: Iterable[str]) -> str | None:
    """One sentence naming the lines no loaded card carries, each with its "did you
    mean"; None when every line matches a tag."""
    known = sorted(set(tags))
    missing = unknown_lines(excluded, known)
    if not missing:
        return None
    named = [f"'{line}'{did_you_mean(line, known)}" for line in missing]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return f"no loaded card is tagged {listed}"
