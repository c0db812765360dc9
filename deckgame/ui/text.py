"""Fonts and text surfaces, cached, with a fallback for scripts the bundled font lacks.

Fonts are cached by (face, size) and rendered text by its content, so a steady frame only
blits. Both caches are bounded (:mod:`deckgame.ui.cache`): text by the bytes of its pixels,
fonts by count. Text is rendered the first time it is drawn, in ``draw()``: a render cache
of what is on screen, not state, and the next frame only blits it.

Text one font draws in one direction goes straight to SDL_ttf; text that mixes
directions (an Arabic name in an English sentence) or needs several fonts (a Japanese
name beside an Arabic one, an emoji) is laid out here in runs, each shaped on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import pygame

from deckgame.ui.assets import Face, font_path
from deckgame.ui.cache import TEXT_BUDGET, TEXT_WINDOWS, FontCache, ImageCache
from deckgame.ui.fonts import (
    GENERIC,
    SCRIPT_HINTS,
    Coverage,
    attaches,
    script_of,
    shape,
    shaping_for,
    system_font_files,
)
from deckgame.ui.runs import (
    RLM,
    Direction,
    is_mixed,
    paragraph_direction,
    runs,
    visual,
    words,
)

RGB = tuple[int, int, int]


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


class TextBook:
    """Fonts by (face, size) and rendered text by content, plus the script fallback."""

    def __init__(self, fallback_files: list[Path] | None = None) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: FontCache[tuple[str, int]] = FontCache()
        self._coverage: dict[str, Coverage] = {}
        # Rendered text in the theme's colours: a new theme leaves it all unused.
        self._text: ImageCache[tuple[object, ...]] = ImageCache(
            "text", windows=TEXT_WINDOWS, limits=TEXT_BUDGET, per_theme=True
        )
        self._fallback_files = fallback_files
        self._fallback_for: dict[tuple[str, bool], str | None] = {}
        self._fixed: dict[str, bool] = {}  # face -> draws at one size only (bitmap emoji)
        self.renders = 0  # how many surfaces were really rendered (the cache's misses)
        self.log: TextLog | None = None  # a test's record of what was drawn (off: None)

    # Fonts -----------------------------------------------------------------------------
    def font(self, face: Face | str, size: int) -> pygame.font.Font:
        """A font by bundled face or by a file path, cached by (face, size)."""
        key = (str(face), size)
        font = self._fonts.get(key)
        if font is None:
            path = font_path(Face(face)) if face in Face._value2member_map_ else Path(face)
            font = self._fonts.put(key, pygame.font.Font(path, size))
        return font

    def cache_bytes(self) -> int:
        """The bytes of rendered text kept now (at most ``text_cache.budget``: 16-64 MB)."""
        return self._text.bytes

    @property
    def text_cache(self) -> ImageCache[tuple[object, ...]]:
        return self._text

    @property
    def font_cache(self) -> FontCache[tuple[str, int]]:
        return self._fonts

    def preload(self, sizes: list[int]) -> None:
        """Open the fonts the first frame needs before it is drawn."""
        for size in sizes:
            for face in Face:
                self.font(face, size)

    def _covers(self, face: str, text: str) -> bool:
        return self._cov(face).covers(text)

    def face_for(self, text: str, face: Face) -> str:
        """The face that draws all of ``text``: the bundled one, else a system fallback."""
        if text.isascii() or self._covers(face, text):
            return face
        missing = self._coverage[face].missing(text)
        key = (script_of(missing[0]), face is Face.BOLD)
        if key not in self._fallback_for:
            self._fallback_for[key] = self._find_fallback(text, bold=key[1])
        found = self._fallback_for[key]
        if found is not None and self._covers(found, text):
            return found
        # A string mixing scripts that the cached pick does not fully cover: search again.
        other = self._find_fallback(text, bold=key[1])
        return other if other is not None else (found or face)

    def _candidates(self, text: str, bold: bool) -> Iterator[Path]:
        files = self._fallback_files
        if files is None:
            files = self._fallback_files = system_font_files()
        scripts = [script_of(ch) for ch in text if not ch.isascii()]
        hints: list[str] = []
        for script in scripts:
            hints.extend(SCRIPT_HINTS.get(script, (script.title(),)))
        hints.extend(GENERIC)

        def rank(path: Path) -> tuple[int, int, int]:
            name = path.name
            hint = next((i for i, h in enumerate(hints) if h.lower() in name.lower()), len(hints))
            weight = 0 if ("Bold" in name) == bold else 1
            odd = int(
                any(w in name for w in ("Mono", "Serif", "Italic", "Oblique", "Condensed", "Light"))
            )
            return (hint, odd, weight)

        yield from sorted(files, key=rank)

    def _find_fallback(self, text: str, *, bold: bool) -> str | None:
        best: tuple[int, str] | None = None
        for tried, path in enumerate(self._candidates(text, bold)):
            if tried >= 60:  # a bounded search: never stall the first frame on a huge font dir
                break
            face = str(path)
            try:
                missing = len(self._cov(face).missing(text))
            except (OSError, pygame.error):
                continue
            if missing == 0:
                return face
            if best is None or missing < best[0]:
                best = (missing, face)
        return best[1] if best is not None else None

    def _cov(self, face: str) -> Coverage:
        cov = self._coverage.get(face)
        if cov is None:
            cov = Coverage(self.font(face, 24))
            self._coverage[face] = cov
        return cov

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
        if self.log is not None:
            self.log.sizes.append((size, text))
        return self._render(text, size, colour, face, wrap, align, direction)

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
        paragraph = direction or ("ltr" if text.isascii() else paragraph_direction(text))
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
        return self._render(text, size, (0, 0, 0), face, direction=direction).get_size()

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

    def _scale(self, face: str, size: int) -> float:
        """Colour emoji fonts draw at one fixed, large size whatever size is asked: how much
        to shrink their pictures to sit in a line of ``size`` text (1.0 for other fonts)."""
        fixed = self._fixed.get(face)
        if fixed is None:
            fixed = self.font(face, 10).get_height() == self.font(face, 20).get_height()
            self._fixed[face] = fixed
        if not fixed:
            return 1.0
        return self.font(Face.REGULAR, size).get_height() / self.font(face, size).get_height()

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
        paragraph = direction or ("ltr" if text.isascii() else paragraph_direction(text))
        shown, current = self._shorten(text, size, max_width, face, min_size, paragraph)
        if self.log is not None:
            self.log.sizes.append((current, shown))
        return self._render(shown, current, colour, face, direction=paragraph)

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
        paragraph = direction or ("ltr" if text.isascii() else paragraph_direction(text))
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
            return self.clamp(text, size, (0, 0, 0), width, max_lines, face=face).get_height()
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
        paragraph = direction or ("ltr" if text.isascii() else paragraph_direction(text))
        font = self.font(self.face_for(text, face), size)
        room = font.get_linesize() * max_lines

        def fits(candidate: str) -> pygame.Surface | None:
            surface = self._render(candidate, size, colour, face, width, align, paragraph)
            return surface if surface.get_height() <= room else None

        whole = fits(text)
        if whole is not None:
            if self.log is not None:
                self.log.sizes.append((size, text))
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
        if self.log is not None:
            self.log.sizes.append((size, shown))
        return self._render(shown, size, colour, face, width, align, paragraph)
