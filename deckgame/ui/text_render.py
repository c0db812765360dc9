"""Rendered text, cached by content: straight from SDL_ttf when one font draws it in one
direction, else laid out here in runs, each shaped on its own (an Arabic name in an
English sentence, a Japanese name beside an Arabic one, an emoji).

The second layer of :class:`deckgame.ui.text.TextBook`, over the fonts of
:class:`~deckgame.ui.text_faces.FontShelf`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import pygame

from deckgame.ui.assets import Face
from deckgame.ui.cache import TEXT_BUDGET, TEXT_WINDOWS, ImageCache
from deckgame.ui.fonts import attaches, shape, shaping_for
from deckgame.ui.runs import Direction, is_mixed, paragraph_direction, runs, visual, words
from deckgame.ui.text_faces import FontShelf

RGB = tuple[int, int, int]
MEASURE_INK = (0, 0, 0)  # the colour text is measured in: its size does not depend on it


@dataclass(frozen=True)
class _Piece:
    """A word (or part of one) in one direction and one font, measured."""

    text: str
    direction: Direction
    face: str
    width: int  # with its trailing spaces
    inked: int  # without them: what must fit at a line's end
    starts_word: bool  # a line may break before it (not inside a word cut by a font change)


@dataclass(frozen=True)
class DrawnRun:
    """One run of a drawn line: its text (logical order), direction and place (x, width)."""

    text: str
    direction: Direction
    x: int
    width: int


@dataclass
class TextLog:
    """What a :class:`TextBook` handed out, for tests that check sizes and reading order.

    Off unless a test sets ``book.log = TextLog()``: drawing then costs one ``is None``."""

    sizes: list[tuple[int, str]] = field(default_factory=list)  # (px, text) per surface
    lines: list[tuple[Direction, list[DrawnRun]]] = field(default_factory=list)  # mixed lines
    # What each surface handed out was asked to show (before any shortening), by its id,
    # with the surface kept so the id stays its own: a test finds a blitted text's words.
    surfaces: dict[int, tuple[pygame.Surface, str]] = field(default_factory=dict)
    cuts: list[tuple[str, str]] = field(default_factory=list)  # (asked, shown with "…")
    # A text fitted to a box it does not fit even at the smallest size: (text, height, room).
    overflows: list[tuple[str, int, int]] = field(default_factory=list)

    def handed(self, asked: str, shown: str, surface: pygame.Surface) -> pygame.Surface:
        """Notes a surface handed out for ``asked`` (shown as ``shown``); gives it back."""
        self.surfaces[id(surface)] = (surface, asked)
        if shown != asked:
            self.cuts.append((asked, shown))
        return surface

    def smallest(self) -> tuple[int, str]:
        """The smallest size handed out, with a text drawn at it."""
        return min(self.sizes, key=itemgetter(0))


def render_font(font: pygame.font.Font, text: str, colour: RGB, wrap: int = 0) -> pygame.Surface:
    """``font.render``, except that text with no width (zero-width characters alone: a
    joiner, a variation selector, a combining grapheme joiner) gives an empty picture one
    line tall instead of SDL's "Text has zero width" error."""
    try:
        return font.render(text, True, colour, None, max(0, wrap))
    except pygame.error:
        if font.size(text)[0] > 0:
            raise
        return pygame.Surface((0, font.get_linesize()), pygame.SRCALPHA)


def reading_direction(text: str, direction: Direction | None = None) -> Direction:
    """``direction`` when the caller knows it, else the one ``text``'s letters give (plain
    ASCII reads left to right without looking further).

    >>> reading_direction("Ana"), reading_direction("محمد"), reading_direction("محمد", "ltr")
    ('ltr', 'rtl', 'ltr')
    """
    return direction or ("ltr" if text.isascii() else paragraph_direction(text))


class TextRenderer(FontShelf):
    """Text as surfaces, cached by content, plus the runs of mixed text."""

    def __init__(self, fallback_files: list[Path] | None = None) -> None:
        super().__init__(fallback_files)
        # Rendered text in the theme's colours: a new theme leaves it all unused.
        self._text: ImageCache[tuple[object, ...]] = ImageCache(
            "text", windows=TEXT_WINDOWS, limits=TEXT_BUDGET, per_theme=True
        )
        self.renders = 0  # how many surfaces were really rendered (the cache's misses)
        self.log: TextLog | None = None  # a test's record of what was drawn (off: None)

    def cache_bytes(self) -> int:
        """The bytes of rendered text kept now (at most ``text_cache.budget``: 16-64 MB)."""
        return self._text.bytes

    @property
    def text_cache(self) -> ImageCache[tuple[object, ...]]:
        return self._text

    # Rendering -------------------------------------------------------------------------
    def render(
        self,
        text: str,
        size: int,
        colour: RGB,
        *,
        face: Face = Face.REGULAR,
        wrap: int = 0,
        align: str = "left",
        direction: Direction | None = None,
    ) -> pygame.Surface:
        """``text`` as a surface (cached by content); ``wrap`` > 0 wraps at that width.

        ``direction`` is the paragraph's reading direction when the caller knows it (a
        sentence of the game's own around a player's name reads in the game's language);
        left out, it is guessed from the letters of ``text``."""
        surface = self._render(text, size, colour, face, wrap, align, direction)
        if self.log is not None:
            self.log.sizes.append((size, text))
            self.log.handed(text, text, surface)
        return surface

    def _render(
        self,
        text: str,
        size: int,
        colour: RGB,
        face: Face = Face.REGULAR,
        wrap: int = 0,
        align: str = "left",
        direction: Direction | None = None,
    ) -> pygame.Surface:
        key = (text, size, colour, face, wrap, align, direction)
        cached = self._text.get(key)
        if cached is not None:
            return cached
        paragraph = reading_direction(text, direction)
        if align == "left" and paragraph == "rtl":
            align = "right"  # "left" is where reading starts: the right, in Arabic or Hebrew
        if self._needs_runs(text, face):
            surface = self._render_runs(text, size, colour, face, wrap, align, paragraph)
        else:
            font = self.font(self.face_for(text, face), size)
            shape(font, text, shaping_for(text)[1])
            font.align = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER}.get(
                align, pygame.FONT_RIGHT
            )
            surface = render_font(font, text, colour, wrap)
        self.renders += 1
        return self._text.put(key, surface)

    def size(
        self,
        text: str,
        size: int,
        face: Face = Face.REGULAR,
        direction: Direction | None = None,
    ) -> tuple[int, int]:
        """How large ``text`` is drawn on one line, measured the way :meth:`render` draws."""
        if not self._needs_runs(text, face):
            font = self.font(self.face_for(text, face), size)
            shape(font, text, shaping_for(text)[1])
            return font.size(text)
        return self._render(text, size, MEASURE_INK, face, direction=direction).get_size()

    # Mixed text: runs of one direction and one font -------------------------------------
    def _needs_runs(self, text: str, face: Face) -> bool:
        """Whether one font in one direction cannot draw ``text``: it mixes reading
        directions (an Arabic name in an English sentence), or no font has all its letters
        (a name in Japanese beside one in Arabic, an emoji in a question)."""
        if text.isascii():
            return False
        if is_mixed(text):
            return True
        if self._covers(face, text):
            return False
        # Words the bundled face has stay in it beside a name in another script, so a line
        # holding "美咲" reads in the same letters as the one above it.
        latin = any(ch.isascii() and ch.isalpha() for ch in text)
        return latin or not self._covers(self.face_for(text, face), text)

    def _chunks(self, word: str, face: Face) -> list[tuple[str, str]]:
        """``word`` cut where the font that can draw it changes: (text, face) pairs."""
        if word.isspace() or self._covers(face, word):
            return [(word, str(face))]
        parts: list[list[str]] = []
        faces: list[str] = []
        for ch in word:
            if parts and attaches(ch):
                parts[-1].append(ch)
                continue
            # Spaces come from the text's own face: an emoji font's space is emoji-wide.
            covered = ch.isspace() or self._covers(face, ch)
            chosen = str(face) if covered else str(self.face_for(ch, face))
            if parts and chosen == faces[-1]:
                parts[-1].append(ch)
            else:
                parts.append([ch])
                faces.append(chosen)
        return [("".join(chars), chosen) for chars, chosen in zip(parts, faces, strict=True)]

    def _pieces(self, line: str, size: int, face: Face, paragraph: Direction) -> list[_Piece]:
        out: list[_Piece] = []
        for run in runs(line, paragraph):
            for word in words(run):
                for i, (text, chosen) in enumerate(self._chunks(word.text, face)):
                    font = self.font(chosen, size)
                    shape(font, text, run.direction)
                    k = self._scale(chosen, size)
                    width = round(font.size(text)[0] * k)
                    inked = round(font.size(text.rstrip())[0] * k) if text.rstrip() else 0
                    out.append(_Piece(text, run.direction, chosen, width, inked, i == 0))
        return out

    @staticmethod
    def _break(pieces: list[_Piece], wrap: int) -> list[list[_Piece]]:
        """Greedy line breaks at word ends, as wide as ``wrap`` (0: one line)."""
        lines: list[list[_Piece]] = [[]]
        width = 0
        for piece in pieces:
            if wrap > 0 and lines[-1] and width + piece.inked > wrap and piece.starts_word:
                lines.append([])
                width = 0
                if piece.text.isspace():
                    continue
            lines[-1].append(piece)
            width += piece.width
        return lines

    def _draw_line(
        self, line: list[_Piece], size: int, colour: RGB, paragraph: Direction
    ) -> pygame.Surface:
        """One line: its pieces joined into runs, the runs laid out in reading order."""
        segments: list[tuple[str, Direction, str]] = []
        for piece in line:
            last = segments[-1] if segments else None
            if last is not None and last[1] == piece.direction and last[2] == piece.face:
                segments[-1] = (last[0] + piece.text, last[1], last[2])
            else:
                segments.append((piece.text, piece.direction, piece.face))
        if segments:  # a line's trailing spaces take no room
            text, direction, chosen = segments[-1]
            segments[-1] = (text.rstrip(), direction, chosen)
        images: list[tuple[pygame.Surface, int]] = []
        shown = [segment for segment in segments if segment[0]]
        for text, direction, chosen in visual(shown, itemgetter(1), paragraph):
            font = self.font(chosen, size)
            shape(font, text, direction)
            image = render_font(font, text, colour)
            k = self._scale(chosen, size)
            if k != 1.0:
                scaled = (
                    max(1, round(image.get_width() * k)),
                    max(1, round(image.get_height() * k)),
                )
                image = pygame.transform.smoothscale(image, scaled)
            images.append((image, round(font.get_ascent() * k)))
        # Line height from the ink, not the fonts' boxes: an Arabic font reserves room for
        # stacked marks that would make every line holding an Arabic name taller.
        base = self.font(Face.REGULAR, size)
        rises, falls = [base.get_ascent()], [base.get_height() - base.get_ascent()]
        for image, ascent in images:
            ink = image.get_bounding_rect()
            if ink.height:
                rises.append(ascent - ink.top)
                falls.append(ink.bottom - ascent)
        baseline = max(rises)
        height = baseline + max(falls)
        surface = pygame.Surface(
            (max(1, sum(i.get_width() for i, _ in images)), height), pygame.SRCALPHA
        )
        x = 0
        for image, ascent in images:
            surface.blit(image, (x, baseline - ascent))
            x += image.get_width()
        if self.log is not None:
            drawn, x = [], 0
            for (text, direction, _chosen), (image, _a) in zip(
                visual(shown, itemgetter(1), paragraph), images, strict=True
            ):
                drawn.append(DrawnRun(text, direction, x, image.get_width()))
                x += image.get_width()
            self.log.lines.append((paragraph, drawn))
        return surface

    def _render_runs(
        self,
        text: str,
        size: int,
        colour: RGB,
        face: Face,
        wrap: int,
        align: str,
        paragraph: Direction,
    ) -> pygame.Surface:
        lines: list[list[_Piece]] = []
        for hard_line in text.split("\n"):
            lines.extend(self._break(self._pieces(hard_line, size, face, paragraph), max(0, wrap)))
        drawn = [self._draw_line(line, size, colour, paragraph) for line in lines]
        step = self.font(Face.REGULAR, size).get_linesize()
        width = wrap if wrap > 0 else max(d.get_width() for d in drawn)
        heights = [max(step, d.get_height()) for d in drawn]
        surface = pygame.Surface((max(1, width), max(1, sum(heights))), pygame.SRCALPHA)
        y = 0
        for image, height in zip(drawn, heights, strict=True):
            spare = width - image.get_width()
            x = 0 if align == "left" else spare // 2 if align == "center" else spare
            surface.blit(image, (x, y))
            y += height
        return surface
