"""Card text fitted to a box on paper: whole words only, shrunk until the text fits.

A line may break at a space, or between two Chinese or Japanese characters (those scripts
write no spaces and break anywhere but before closing or after opening punctuation). A
word is never split: if the longest word is wider than the box, or the lines taller than
it, the text is made smaller. Widths are measured once per word at 1 pt in the PDF's own
fonts (shaped, with the fallback fonts) and scaled, since a word's width grows exactly with
the size; fitting is then arithmetic.

>>> tokens("Hi there")
(('Hi', False), ('there', True))
>>> [t for t, _ in tokens("你好，世界")]
['你', '好，', '世', '界']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4
LEADING = 1.24  # line height per size: the bundled face's own (ascent 950 + descent 290 per 1000)
SIZE_STEP = 0.25  # pt: the sizes tried between the largest and the smallest
# Characters that may not start a line (closing punctuation) or end one (opening), in
# Chinese and Japanese line breaking (kinsoku): the break moves past them.
NO_START = frozenset("，。、？！：；）」』】〉》〕］｝…‥ー・,.?!:;)]}’”%")
NO_END = frozenset("（「『【〈《〔［｛‘“")

Token = tuple[str, bool]  # the text and whether a space comes before it
Width = Callable[[str, bool], float]  # (text, bold) -> its width in mm at 1 pt


def _breaks_anywhere(ch: str) -> bool:
    """Han, kana, and the CJK punctuation and full-width forms: a line may break beside."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF  # radicals, CJK punctuation, kana, Han
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x3FFFF
    )


def tokens(text: str) -> tuple[Token, ...]:
    """The pieces a line may break between, each with whether a space precedes it."""
    out: list[Token] = []
    for word in text.split():
        piece = ""
        space = bool(out)
        for ch in word:
            prev = piece[-1] if piece else ""
            if (
                piece
                and (_breaks_anywhere(ch) or _breaks_anywhere(prev))
                and ch not in NO_START
                and prev not in NO_END
            ):
                out.append((piece, space))
                piece, space = "", False
            piece += ch
        out.append((piece, space))
    return tuple(out)


def direction(text: str) -> str:
    """``rtl`` when the first letter with a direction is Arabic or Hebrew, else ``ltr``."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at one size, and how much room it takes."""

    lines: tuple[str, ...]
    size: float  # pt
    width: float  # mm, the longest line
    leading: float  # mm, from one line to the next

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


class Fitter:
    """Breaks and sizes text with the widths ``measure`` gives, remembered per word."""

    def __init__(self, measure: Width) -> None:
        self._measure = measure
        self._widths: dict[tuple[str, bool], float] = {}

    def width(self, text: str, bold: bool = False) -> float:
        """``text``'s width in mm at 1 pt."""
        key = (text, bold)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = self._measure(text, bold)
        return found

    def _wrap(
        self, toks: tuple[Token, ...], room: float, bold: bool
    ) -> tuple[list[list[int]], float] | None:
        """Greedy lines of token indices within ``room`` (mm at 1 pt) and the longest
        line's width; None if a token alone is wider (it would have to be split)."""
        space = self.width(" ", bold)
        lines: list[list[int]] = []
        used = widest = 0.0
        for i, (text, spaced) in enumerate(toks):
            w = self.width(text, bold)
            if w > room + 1e-9:
                return None
            extra = space if spaced else 0.0
            if lines and used + extra + w <= room + 1e-9:
                lines[-1].append(i)
                used += extra + w
            else:
                lines.append([i])
                used = w
            widest = max(widest, used)
        return lines, widest

    def _join(self, toks: tuple[Token, ...], line: list[int]) -> str:
        parts = [toks[line[0]][0]]
        parts += [(" " if toks[i][1] else "") + toks[i][0] for i in line[1:]]
        return "".join(parts)

    def at(self, text: str, size: float, room: float, bold: bool = False) -> Fitted | None:
        """``text`` wrapped to ``room`` mm at ``size`` pt, None if a word is too wide."""
        toks = tokens(text)
        wrapped = self._wrap(toks, room / size, bold) if toks else ([], 0.0)
        if wrapped is None:
            return None
        lines, widest = wrapped
        texts = tuple(self._join(toks, line) for line in lines)
        return Fitted(texts, size, widest * size, size / PT_PER_MM * LEADING)

    def fit(
        self,
        text: str,
        box: tuple[float, float],
        *,
        size: float,
        floor: float,
        bold: bool = False,
        balance: bool = True,
        max_lines: int = 0,
    ) -> Fitted:
        """``text`` at the largest size from ``size`` down to ``floor`` (pt) whose whole
        words fit ``box`` (mm) in at most ``max_lines`` lines (0: any number); below
        ``floor`` only when nothing else fits. With ``balance`` the lines are evened out:
        the same count, no long line and one word."""
        room, tall = box

        def fits(at: float) -> Fitted | None:
            got = self.at(text, at, room, bold)
            if got is None or got.height > tall + 1e-9:
                return None
            return got if not max_lines or len(got.lines) <= max_lines else None

        found = _largest(fits, floor, size)
        if found is None:  # a very long text: smaller than the floor rather than cut
            found = _largest(fits, SIZE_STEP, floor)
        if found is None:
            found = self.at(text, SIZE_STEP, room, bold) or Fitted((text,), SIZE_STEP, room, 0.1)
        return self._balanced(text, found, bold) if balance else found

    def _balanced(self, text: str, fitted: Fitted, bold: bool) -> Fitted:
        """The narrowest measure that keeps ``fitted``'s line count, by bisection."""
        count = len(fitted.lines)
        if count < 2:
            return fitted
        low, high = fitted.width / 2, fitted.width
        best = fitted
        for _ in range(12):
            mid = (low + high) / 2
            got = self.at(text, fitted.size, mid, bold)
            if got is not None and len(got.lines) <= count:
                best, high = got, mid
            else:
                low = mid
        return best


def _largest(fits: Callable[[float], Fitted | None], low: float, high: float) -> Fitted | None:
    """The largest size in ``SIZE_STEP`` steps from ``low`` to ``high`` that ``fits``
    (bisection: a smaller size never fits worse)."""
    top = fits(high)
    if top is not None:
        return top
    steps = int((high - low) / SIZE_STEP)
    lo, hi = 0, steps  # lo: steps above low that may fit; hi: known not to
    best = fits(low)
    if best is None:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        got = fits(low + mid * SIZE_STEP)
        if got is not None:
            best, lo = got, mid
        else:
            hi = mid
    return best
