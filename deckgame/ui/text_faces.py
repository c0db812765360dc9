"""Fonts by (face, size) and the fallback for scripts the bundled faces lack: which face
draws a text, found among the system's fonts once per script and kept.

The first layer of :class:`deckgame.ui.text.TextBook`; it renders nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame

from deckgame.ui.assets import Face, font_path
from deckgame.ui.cache import FontCache
from deckgame.ui.fonts import GENERIC, SCRIPT_HINTS, Coverage, script_of, system_font_files

FALLBACK_TRIES = 60  # fonts tried for a script at most: never stall a frame on a huge font dir
COVERAGE_SIZE = 24  # the size a face is opened at to learn which letters it has


class FontShelf:
    """Fonts by (face, size), and for each script the face that draws it."""

    def __init__(self, fallback_files: list[Path] | None = None) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: FontCache[tuple[str, int]] = FontCache()
        self._coverage: dict[str, Coverage] = {}
        self._fallback_files = fallback_files
        self._fallback_for: dict[tuple[str, bool], str | None] = {}
        self._fixed: dict[str, bool] = {}  # face -> draws at one size only (bitmap emoji)

    def font(self, face: Face | str, size: int) -> pygame.font.Font:
        """A font by bundled face or by a file path, cached by (face, size)."""
        key = (str(face), size)
        font = self._fonts.get(key)
        if font is None:
            path = font_path(Face(face)) if face in Face._value2member_map_ else Path(face)
            font = self._fonts.put(key, pygame.font.Font(path, size))
        return font

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
            if tried >= FALLBACK_TRIES:
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
            cov = Coverage(self.font(face, COVERAGE_SIZE))
            self._coverage[face] = cov
        return cov

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
