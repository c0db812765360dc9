"""Which font draws which characters: system fonts by script, glyph coverage, shaping.

The bundled face covers Latin; for a name in Japanese, Arabic or Hindi, or an emoji, the
game looks for an installed font that has the glyphs (Noto, DejaVu and the platforms'
own), and tells HarfBuzz the script and direction to shape each run of text in.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pygame

# A character no text font draws: its metrics and bitmap are the font's "missing glyph" box.
_PROBE = "\U0010fffd"

# Where system fonts live on the desktops the game runs on.
_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
)
# Font file names that suit a script, best first (by the first word of a character's name).
SCRIPT_HINTS: dict[str, tuple[str, ...]] = {
    "CJK": ("NotoSansCJK", "NotoSansJP", "NotoSansSC", "SourceHanSans", "WenQuanYi", "Droid"),
    "HIRAGANA": ("NotoSansCJK", "NotoSansJP", "SourceHanSans", "Droid"),
    "KATAKANA": ("NotoSansCJK", "NotoSansJP", "SourceHanSans", "Droid"),
    "HANGUL": ("NotoSansCJK", "NotoSansKR", "SourceHanSans", "Nanum"),
    "ARABIC": ("NotoSansArabic", "NotoNaskhArabic", "DejaVuSans", "Amiri"),
    "HEBREW": ("NotoSansHebrew", "DejaVuSans"),
    "DEVANAGARI": ("NotoSansDevanagari", "Lohit-Devanagari", "Mukta"),
    "CYRILLIC": ("DejaVuSans", "NotoSans-"),
    "GREEK": ("DejaVuSans", "NotoSans-"),
    "EMOJI": (
        "NotoColorEmoji",
        "AppleColorEmoji",
        "Apple Color Emoji",
        "seguiemj",
        "Twemoji",
        "NotoEmoji",
        "Symbola",
    ),
}
# Scripts that need HarfBuzz told their script (and direction) to join and order letters:
# without it Arabic comes out reversed and unjoined, Devanagari without its conjuncts.
_SHAPING: dict[str, tuple[str, str]] = {
    "ARABIC": ("Arab", "rtl"),
    "HEBREW": ("Hebr", "rtl"),
    "SYRIAC": ("Syrc", "rtl"),
    "THAANA": ("Thaa", "rtl"),
    "DEVANAGARI": ("Deva", "ltr"),
    "BENGALI": ("Beng", "ltr"),
    "GURMUKHI": ("Guru", "ltr"),
    "GUJARATI": ("Gujr", "ltr"),
    "TAMIL": ("Taml", "ltr"),
    "TELUGU": ("Telu", "ltr"),
    "KANNADA": ("Knda", "ltr"),
    "MALAYALAM": ("Mlym", "ltr"),
    "SINHALA": ("Sinh", "ltr"),
    "THAI": ("Thai", "ltr"),
    "KHMER": ("Khmr", "ltr"),
    "MYANMAR": ("Mymr", "ltr"),
}
GENERIC = ("NotoSans-", "DejaVuSans", "NotoSansSymbols", "NotoColorEmoji", "Arial", "Segoe")


def is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return 0x1F000 <= cp < 0x1FB00 or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF


def script_of(ch: str) -> str:
    if is_emoji(ch):
        return "EMOJI"  # one search finds the emoji font for every emoji
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def attaches(ch: str) -> bool:
    """Marks, joiners and variation selectors belong to the letter before them."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf", "Sk") or "\ufe00" <= ch <= "\ufe0f"


def shaping_for(text: str) -> tuple[str, str]:
    """The (ISO 15924 script, direction) HarfBuzz needs for ``text``: its first complex script.

    >>> shaping_for("Ana"), shaping_for("محمد")
    (('Latn', 'ltr'), ('Arab', 'rtl'))
    """
    for ch in text:
        if not ch.isascii():
            found = _SHAPING.get(script_of(ch))
            if found is not None:
                return found
    return ("Latn", "ltr")


def shape(font: pygame.font.Font, text: str, direction: str) -> None:
    """Tell HarfBuzz the script and direction to shape ``text`` in."""
    font.set_script(shaping_for(text)[0])
    font.set_direction(pygame.DIRECTION_RTL if direction == "rtl" else pygame.DIRECTION_LTR)


class Coverage:
    """Answers "does this font draw this character" by comparing with its missing-glyph box."""

    def __init__(self, font: pygame.font.Font) -> None:
        self._font = font
        probe = font.metrics(_PROBE)
        self._missing_metrics = probe[0] if probe else None
        self._missing_bitmap: bytes | None = None
        self._known: dict[str, bool] = {}

    def has(self, ch: str) -> bool:
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Mn"):
            return True  # drawn as nothing by every font
        known = self._known.get(ch)
        if known is None:
            known = self._check(ch)
            self._known[ch] = known
        return known

    def _check(self, ch: str) -> bool:
        metrics = self._font.metrics(ch)
        if not metrics or metrics[0] is None:
            return False
        if metrics[0] != self._missing_metrics:
            return True
        # Same box as the missing glyph: compare the pictures to be sure.
        if self._missing_bitmap is None:
            self._missing_bitmap = _bitmap(self._font, _PROBE)
        return _bitmap(self._font, ch) != self._missing_bitmap

    def covers(self, text: str) -> bool:
        return all(self.has(ch) for ch in text)

    def missing(self, text: str) -> list[str]:
        return [ch for ch in dict.fromkeys(text) if not self.has(ch)]


def _bitmap(font: pygame.font.Font, ch: str) -> bytes:
    surface = font.render(ch, False, (255, 255, 255), (0, 0, 0))
    return pygame.image.tobytes(surface, "RGB")


def system_font_files() -> list[Path]:
    """Font files installed on this machine (TrueType/OpenType, collections included)."""
    found: list[Path] = []
    for folder in _FONT_DIRS:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".otf", ".ttc")):
                    found.append(Path(dirpath) / name)
    return sorted(found)
