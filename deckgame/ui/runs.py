"""Mixed-direction text: the part of Unicode's bidirectional algorithm (UAX #9) a card game
needs to show an Arabic or Hebrew name inside an English sentence, or an English name
inside an Arabic card, each in its own reading order.

HarfBuzz shapes one run in one direction; it does not reorder a line that holds both. So
text is cut into runs of one direction here, each run is shaped on its own, and a line
shows its runs in the paragraph's order. No pygame: the rules are plain functions.

>>> [(r.text, r.direction) for r in runs("محمد's turn", "ltr")]
[('محمد', 'rtl'), ("'s turn", 'ltr')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

Direction = Literal["ltr", "rtl"]

_RTL = frozenset({"R", "AL"})
_NUMBER = frozenset({"EN", "AN"})
_WORD = re.compile(r"\S+\s*|\s+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A right-to-left mark: invisible, it keeps an ellipsis that ends a shortened Arabic or
# Hebrew name with the name when the name stands in a left-to-right sentence.
RLM = "\u200f"
T = TypeVar("T")


@dataclass(frozen=True)
class Run:
    """A stretch of text, in logical order, read in one direction."""

    text: str
    direction: Direction


def _strong(ch: str) -> Direction | None:
    kind = unicodedata.bidirectional(ch)
    if kind in _RTL:
        return "rtl"
    if kind == "L" or kind in _NUMBER:  # numbers read left to right, even in Arabic
        return "ltr"
    return None


def is_mixed(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters and anything read left to right.

    >>> is_mixed("Ana"), is_mixed("محمد"), is_mixed("محمد: 2"), is_mixed("Hi محمد")
    (False, False, True, True)
    """
    if text.isascii():
        return False
    rtl = ltr = False
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            rtl = True
        elif kind == "L" or kind in _NUMBER:
            ltr = True
        if rtl and ltr:
            return True
    return False


def paragraph_direction(text: str) -> Direction:
    """The direction most of ``text``'s letters read in (ties and no letters: left to right).

    A majority rather than UAX #9's first strong letter, because the game's own sentences
    often start with a player's name: "محمد's turn" is an English sentence.

    >>> paragraph_direction("محمد's turn"), paragraph_direction("سؤال لـ Ana اليوم")
    ('ltr', 'rtl')
    """
    rtl = ltr = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            rtl += 1
        elif kind == "L":
            ltr += 1
    return "rtl" if rtl > ltr else "ltr"


def sentence_direction(template: str) -> Direction:
    """The reading direction of a sentence the game writes around names and numbers: that
    of its own words, the ``{placeholders}`` left out, so no name can turn it round.

    >>> sentence_direction("{name}: received {received}, gave {given}")
    'ltr'
    >>> paragraph_direction("عبد الرحمن بن محمد: received 0, gave 0")  # the name outweighs
    'rtl'
    """
    return paragraph_direction(_PLACEHOLDER.sub("", template))


def runs(text: str, paragraph: Direction) -> list[Run]:
    """``text`` cut into runs of one direction, in logical order.

    Neutral characters (spaces, punctuation, symbols) between two runs of one direction
    belong to it; elsewhere they take the paragraph's direction.

    >>> [(r.text, r.direction) for r in runs("عمري 25 سنة", "rtl")]
    [('عمري ', 'rtl'), ('25', 'ltr'), (' سنة', 'rtl')]
    """
    strong = [_strong(ch) for ch in text]
    resolved: list[Direction] = []
    i = 0
    while i < len(text):
        found = strong[i]
        if found is not None:
            resolved.append(found)
            i += 1
            continue
        j = i
        while j < len(text) and strong[j] is None:
            j += 1
        before = resolved[-1] if resolved else paragraph
        after = strong[j] if j < len(text) else paragraph
        resolved.extend([before if before == after else paragraph] * (j - i))
        i = j
    out: list[Run] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or resolved[k] != resolved[start]:
            out.append(Run(text[start:k], resolved[start]))
            start = k
    return out


def words(run: Run) -> list[Run]:
    """``run`` cut after each word's trailing spaces: the places a line may break.

    >>> [w.text for w in words(Run("a bc  d", "ltr"))]
    ['a ', 'bc  ', 'd']
    """
    return [Run(piece, run.direction) for piece in _WORD.findall(run.text)]


def visual(
    items: Sequence[T], direction: Callable[[T], Direction], paragraph: Direction
) -> list[T]:
    """A line's pieces (in logical order) in the order they are drawn from left to right.

    Pieces of one direction stay together; a right-to-left paragraph draws those groups
    right to left, and a right-to-left group draws its pieces right to left. Each piece is
    shaped in its own direction, so its letters come out in reading order by themselves.

    >>> line = [Run("Ana ", "ltr"), Run("محمد", "rtl"), Run(" و", "rtl"), Run(" 2", "ltr")]
    >>> [r.text for r in visual(line, lambda r: r.direction, "ltr")]
    ['Ana ', ' و', 'محمد', ' 2']
    """
    groups: list[list[T]] = []
    for item in items:
        if groups and direction(groups[-1][0]) == direction(item):
            groups[-1].append(item)
        else:
            groups.append([item])
    if paragraph == "rtl":
        groups.reverse()
    return [
        item
        for group in groups
        for item in (reversed(group) if direction(group[0]) == "rtl" else group)
    ]
