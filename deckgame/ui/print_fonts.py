"""The fonts a printed deck needs: the bundled face, and system fonts for what it lacks.

The same search the game's text uses (:mod:`deckgame.ui.fonts`: file names that suit a
script, best first) but checked against each font's character map with fontTools, which
fpdf2 already depends on, since the PDF embeds the font file itself, not what pygame drew.
A collection (``.ttc``, as Noto CJK ships) is searched face by face, the one for the text's
language first: Chinese, Japanese and Korean write some of the same characters differently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from deckgame.print_pdf import FontFile, Fonts
from deckgame.ui.assets import Face, font_path
from deckgame.ui.fonts import GENERIC, SCRIPT_HINTS, script_of, system_font_files

FALLBACK_TRIES = 12  # font files tried for one script at most: a huge font dir never stalls
_ODD = ("Mono", "Serif", "Italic", "Oblique", "Condensed", "Light", "Thin", "Black", "Display")


@cache
def _charmap(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(str(path), fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


@cache
def _faces(path: Path) -> tuple[str, ...]:
    """The family names of the faces in a font file (one, unless it is a collection)."""
    from fontTools.ttLib import TTCollection

    if path.suffix.lower() not in (".ttc", ".otc"):
        return ("",)
    with TTCollection(str(path), lazy=True) as collection:
        return tuple(str(font["name"].getBestFamilyName()) for font in collection.fonts)


def _drawn(ch: str) -> bool:
    """Spaces, controls and format characters need no glyph of their own."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")


def _preferred(names: tuple[str, ...], text: str) -> list[int]:
    """A collection's faces, the best for ``text``'s language first."""
    kana = any(script_of(ch) in ("HIRAGANA", "KATAKANA") for ch in text)
    hangul = any(script_of(ch) == "HANGUL" for ch in text)
    tag = "JP" if kana else "KR" if hangul else "SC"
    return sorted(range(len(names)), key=lambda i: (not re.search(rf"\b{tag}\b", names[i]), i))


def _bold_sibling(path: Path) -> Path | None:
    for word in ("Regular", "Book", "Medium"):
        if word in path.name:
            sibling = path.with_name(path.name.replace(word, "Bold"))
            if sibling.is_file():
                return sibling
    return None


def _ranked(script: str, files: list[Path]) -> list[Path]:
    hints = [*SCRIPT_HINTS.get(script, (script.title(),)), *GENERIC]

    def rank(path: Path) -> tuple[int, int, int]:
        name = path.name.lower()
        hint = next((i for i, h in enumerate(hints) if h.lower() in name), len(hints))
        return (hint, int(any(w in path.name for w in _ODD)), int("Bold" in path.name))

    return sorted(files, key=rank)[:FALLBACK_TRIES]


def _font_for(chars: set[str], text: str, files: list[Path]) -> FontFile | None:
    """The font file (and face) that draws the most of ``chars``, all of them if it can."""
    best: tuple[int, FontFile] | None = None
    wanted = {ord(ch) for ch in chars}
    for path in _ranked(script_of(min(chars)), files):
        try:
            faces = _preferred(_faces(path), text)
            for index in faces:
                covered = len(wanted & _charmap(path, index))
                if best is None or covered > best[0]:
                    bold = _bold_sibling(path)
                    best = (covered, FontFile(path, bold, index, index if bold else 0))
                if covered == len(wanted):
                    return best[1]
        except Exception:
            continue
    return best[1] if best is not None and best[0] > 0 else None


def print_fonts(texts: Iterable[str], files: list[Path] | None = None) -> Fonts:
    """The bundled face, and one fallback per script of ``texts`` that it cannot draw."""
    main = FontFile(font_path(Face.REGULAR), font_path(Face.BOLD))
    text = "".join(texts)
    have = _charmap(main.regular, 0)
    missing = {ch for ch in set(text) if _drawn(ch) and ord(ch) not in have}
    by_script: dict[str, set[str]] = {}
    for ch in missing:
        by_script.setdefault(script_of(ch), set()).add(ch)
    fallbacks: list[FontFile] = []
    pool = files if files is not None else system_font_files()
    for script in sorted(by_script):
        chars = by_script[script]
        if any({ord(ch) for ch in chars} <= _charmap(f.regular, f.index) for f in fallbacks):
            continue  # a font already chosen draws this script too
        found = _font_for(chars, text, pool)
        if found is not None:
            fallbacks.append(found)
    return Fonts(main, tuple(fallbacks))
