"""Fonts and text surfaces, cached, with a fallback for scripts the bundled font lacks.

Fonts are cached by (face, size) and rendered text by its content, so a steady frame only
blits. Both caches are bounded (:mod:`deckgame.ui.cache`): text by the bytes of its pixels,
fonts by count. Text is rendered the first time it is drawn, in ``draw()``: a render cache
of what is on screen, not state, and the next frame only blits it.

Text one font draws in one direction goes straight to SDL_ttf; text that mixes
directions (an Arabic name in an English sentence) or needs several fonts (a Japanese
name beside an Arabic one, an emoji) is laid out in runs, each shaped on its own.

:class:`TextBook` is built in three layers: the fonts and their fallback
(:mod:`~deckgame.ui.text_faces`), rendering and mixed runs (:mod:`~deckgame.ui.text_render`),
and here fitting text to a room (sizes, lines, ellipses).
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.fonts import attaches, shaping_for, system_font_files
from deckgame.ui.runs import RLM, Direction
from deckgame.ui.text_render import (
    MEASURE_INK,
    RGB,
    DrawnRun,
    TextLog,
    TextRenderer,
    reading_direction,
    render_font,
)

__all__ = [
    "RGB",
    "DrawnRun",
    "TextBook",
    "TextLog",
    "render_font",
    "shaping_for",
    "system_font_files",
]


class TextBook(TextRenderer):
    """Fonts by (face, size) and rendered text by content, plus the script fallback."""

    def fit(
        self,
        text: str,
        box: tuple[int, int],
        colour: RGB,
        *,
        size: int,
        min_size: int = 10,
        face: Face = Face.REGULAR,
        align: str = "left",
        balance: bool = False,
        direction: Direction | None = None,
    ) -> tuple[pygame.Surface, int]:
        """``text`` wrapped to the box width at the largest size (<= ``size``) that fits, and
        that size; with ``balance``, wrapped as narrow as it can be without another line."""
        surface, current = self._fit(
            text, box, colour, size, min_size, face, align, balance, direction
        )
        if self.log is not None:
            self.log.sizes.append((current, text))
            self.log.handed(text, text, surface)
            if surface.get_height() > box[1]:
                self.log.overflows.append((text, surface.get_height(), box[1]))
        return surface, current

    def _fit(
        self,
        text: str,
        box: tuple[int, int],
        colour: RGB,
        size: int,
        min_size: int,
        face: Face,
        align: str,
        balance: bool,
        direction: Direction | None,
    ) -> tuple[pygame.Surface, int]:
        width, height = box
        current = size
        too_big: int | None = None

        def draw(at: int, wrap: int, how: str = align) -> pygame.Surface:
            return self._render(text, at, colour, face, wrap, how, direction)

        while True:
            surface = draw(current, width)
            if surface.get_height() <= height or current <= min_size:
                break
            too_big = current
            current = max(min_size, int(current * 0.9))
        # The 10 % steps find a size quickly; a few halvings between the last size that fit
        # and the first that did not then find the largest, so a shorter text never ends up
        # smaller than a longer one.
        while too_big is not None and too_big - current > 1 and surface.get_height() <= height:
            mid = (current + too_big) // 2
            trial = draw(mid, width)
            if trial.get_height() <= height:
                current, surface = mid, trial
            else:
                too_big = mid
        if not balance or surface.get_height() < 2 * self.font(face, current).get_linesize():
            return surface, current
        # Balance the lines: a narrower wrap that needs no extra line, so a question ends
        # on a few words instead of one orphan. Measured first, so a text whose last line
        # is already well filled costs nothing, and most others one more render.
        lines_h = surface.get_height()
        lines = max(1, round(lines_h / self.font(face, current).get_linesize()))
        total = self.size(text, current, face, direction)[0]
        if total - (lines - 1) * width >= width * 0.6:
            return surface, current
        guess = min(width, round(total / lines * 1.1))
        if draw(current, guess, "left").get_height() <= lines_h:
            return draw(current, guess), current
        low, high = guess, width
        while high - low > max(4, width // 100):
            mid = (low + high) // 2
            if draw(current, mid, "left").get_height() <= lines_h:
                high = mid
            else:
                low = mid
        return draw(current, high), current

    def line(
        self,
        text: str,
        size: int,
        colour: RGB,
        max_width: int,
        *,
        face: Face = Face.REGULAR,
        min_size: int = 0,
        direction: Direction | None = None,
    ) -> pygame.Surface:
        """One line of text no wider than ``max_width``: at ``size``, else at the largest
        size down to ``min_size`` that fits, else at the smallest one shortened with an
        ellipsis.

        The reading direction is the whole text's (or ``direction``), kept for the shortened
        one: cutting "عبد الرحمن: received 2" must not turn an English line into an Arabic
        one because fewer English letters are left."""
        paragraph = reading_direction(text, direction)
        shown, current = self._shorten(text, size, max_width, face, min_size, paragraph)
        surface = self._render(shown, current, colour, face, direction=paragraph)
        if self.log is not None:
            self.log.sizes.append((current, shown))
            self.log.handed(text, shown, surface)
        return surface

    def join_lines(
        self,
        pieces: Sequence[str],
        size: int,
        width: int,
        *,
        sep: str = " · ",
        face: Face = Face.REGULAR,
        balance: bool = False,
    ) -> list[str]:
        """``pieces`` joined with ``sep`` into as few lines as fit ``width``, broken only
        between pieces, so "L1 33 · L2 34 · emotional.yaml" never parts a count from its
        level. A piece wider than ``width`` gets a line of its own (for :meth:`line`).
        With ``balance`` the lines are as even as they can be in as few lines, so a
        second line is not one lone part.

        >>> book = TextBook()
        >>> book.join_lines(["one", "two", "three"], 16, 10_000)
        ['one · two · three']
        >>> book.join_lines(["one", "two", "three"], 16, book.size("one · two", 16)[0])
        ['one · two', 'three']
        """

        def greedy(room: int) -> list[str]:
            lines: list[str] = []
            for piece in pieces:
                if lines:
                    joined = lines[-1] + sep + piece
                    if self.size(joined, size, face)[0] <= room:
                        lines[-1] = joined
                        continue
                lines.append(piece)
            return lines

        lines = greedy(width)
        if not balance or len(lines) < 2:
            return lines
        # The narrowest room that still needs no more lines: a few measurements.
        low, high = max(self.size(p, size, face)[0] for p in pieces), width
        while low < high:
            mid = (low + high) // 2
            if len(greedy(mid)) <= len(lines):
                high = mid
            else:
                low = mid + 1
        return greedy(high)

    def fit_line(
        self,
        text: str,
        size: int,
        max_width: int,
        *,
        face: Face = Face.REGULAR,
        min_size: int = 0,
        direction: Direction | None = None,
    ) -> tuple[str, int]:
        """What :meth:`line` draws: the text (maybe shortened) and its size, unrendered."""
        paragraph = reading_direction(text, direction)
        return self._shorten(text, size, max_width, face, min_size, paragraph)

    def _shorten(
        self, text: str, size: int, max_width: int, face: Face, min_size: int, paragraph: Direction
    ) -> tuple[str, int]:
        def width(candidate: str, at: int) -> int:
            return self.size(candidate, at, face, paragraph)[0]

        full = width(text, size)
        if full <= max_width or len(text) <= 1:
            return text, size
        current = size
        if 0 < min_size < size:
            # Width grows about in proportion to size: start from that guess and step down.
            current = max(min_size, min(size - 1, size * max_width // max(1, full)))
            while current < size - 1 and width(text, current + 1) <= max_width:
                current += 1
            while current > min_size and width(text, current) > max_width:
                current -= 1
            if width(text, current) <= max_width:
                return text, current
        # Cut at a letter boundary (never between a letter and its marks), the longest cut
        # that fits with the ellipsis: a binary search, a few measurements.
        # A right-to-left text ends its ellipsis with a right-to-left mark, so the ellipsis
        # stays at the end of the name when the name is put in a left-to-right sentence.
        mark = "…" + RLM if paragraph == "rtl" else "…"
        cuts = [i for i in range(1, len(text)) if not attaches(text[i])]
        low, high = 0, len(cuts) - 1
        best = text[:1] + mark
        while low <= high:
            mid = (low + high) // 2
            candidate = text[: cuts[mid]].rstrip() + mark
            if width(candidate, current) <= max_width:
                best, low = candidate, mid + 1
            else:
                high = mid - 1
        return best, current

    def size_clamped(
        self, text: str, size: int, width: int, max_lines: int, *, face: Face = Face.REGULAR
    ) -> int:
        """The height :meth:`clamp` draws ``text`` at, without handing out a surface."""
        log, self.log = self.log, None  # a measurement, not a drawing
        try:
            return self.clamp(text, size, MEASURE_INK, width, max_lines, face=face).get_height()
        finally:
            self.log = log

    def clamp(
        self,
        text: str,
        size: int,
        colour: RGB,
        width: int,
        max_lines: int,
        *,
        face: Face = Face.REGULAR,
        direction: Direction | None = None,
        align: str = "left",
    ) -> pygame.Surface:
        """``text`` wrapped to ``width`` in at most ``max_lines`` lines, cut at a word with
        an ellipsis when longer (read in the whole text's direction, cut or not)."""
        paragraph = reading_direction(text, direction)
        font = self.font(self.face_for(text, face), size)
        room = font.get_linesize() * max_lines

        def fits(candidate: str) -> pygame.Surface | None:
            surface = self._render(candidate, size, colour, face, width, align, paragraph)
            return surface if surface.get_height() <= room else None

        whole = fits(text)
        if whole is not None:
            if self.log is not None:
                self.log.sizes.append((size, text))
                self.log.handed(text, text, whole)
            return whole
        words = text.split(" ")
        # The most words that still fit with the ellipsis: a binary search, a few renders.
        low, high = 0, len(words) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if fits(" ".join(words[:mid]).rstrip(",;:.") + "…") is not None:
                low = mid
            else:
                high = mid - 1
        if low == 0:  # one long word: cut it by letters on a single line
            return self.line(text, size, colour, width, face=face, direction=paragraph)
        shown = " ".join(words[:low]).rstrip(",;:.") + "…"
        surface = self._render(shown, size, colour, face, width, align, paragraph)
        if self.log is not None:
            self.log.sizes.append((size, shown))
            self.log.handed(text, shown, surface)
        return surface
