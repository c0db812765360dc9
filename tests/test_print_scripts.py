"""Printed cards in Arabic and Chinese: shaped PDF text in system Noto fonts, found by
pdftotext, and the follow-up's rule clear of the question's lowest glyphs.

Skips when fpdf2, HarfBuzz, poppler-utils or the Noto fonts (fonts-noto-core,
fonts-noto-cjk) are missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from deckgame.cli import main
from deckgame.model import ALL_AUDIENCES, Card, IntimacyType
from deckgame.printing import BLANK, PaperNames

pytest.importorskip("fpdf")
pytest.importorskip("uharfbuzz")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

ARABIC_ASK = "ما الذي جعلك تبتسم اليوم يا {player}؟"
ARABIC_FOLLOW = "ومن كان معك في تلك اللحظة؟"
ARABIC_DO = "اكتب كلمة واحدة تصف {other} وأعطها له."
CHINESE_ASK = "你最近学到的一件小事是什么？"
CHINESE_FOLLOW = "你会把它告诉谁？"
DECK = f"""\
name: Voices
type: emotional
language: ar
levels:
  1:
    - ask: "{ARABIC_ASK}"
      follow_up: "{ARABIC_FOLLOW}"
    - do: "{ARABIC_DO}"
    - ask: "{CHINESE_ASK}"
      follow_up: "{CHINESE_FOLLOW}"
"""
# pdftotext marks right-to-left runs with embedding controls; the text itself is logical.
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _fonts_or_skip(*texts: str) -> Any:
    from deckgame.ui.print_fonts import print_fonts

    fonts = print_fonts(texts)
    names = " ".join(f.regular.name for f in fonts.fallbacks)
    if "Arabic" not in names or "CJK" not in names:
        pytest.skip(f"needs fonts-noto-core and fonts-noto-cjk (found: {names or 'none'})")
    return fonts


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", _BIDI_MARKS.sub("", text))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    _fonts_or_skip(ARABIC_ASK, CHINESE_ASK)
    folder = tmp_path_factory.mktemp("scripts")
    deck = folder / "voices.yaml"
    deck.write_text(DECK, encoding="utf-8")
    out = folder / "voices.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DECKGAME_HOME", str(folder / "home"))
        assert main(["print", str(deck), "-o", str(out), "--backs"]) == 0
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    return out, done.stdout.decode("utf-8")


def test_chinese_text_is_found(printed: tuple[Path, str]) -> None:
    text = _squashed(printed[1])
    assert _squashed(CHINESE_ASK) in text
    assert _squashed(CHINESE_FOLLOW) in text


def test_arabic_text_is_found_in_reading_order(printed: tuple[Path, str]) -> None:
    text = _squashed(printed[1])
    for line in (ARABIC_ASK, ARABIC_FOLLOW, ARABIC_DO):
        words = line.replace("{player}", BLANK).replace("{other}", BLANK)
        assert _squashed(words) in text, words


def test_the_fonts_are_embedded_and_subset(printed: tuple[Path, str]) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("needs pdffonts")
    listing = subprocess.run(["pdffonts", str(printed[0])], capture_output=True, check=True)
    rows = [row.split() for row in listing.stdout.decode().splitlines()[2:]]
    names = {row[0].split("+", 1)[-1] for row in rows}
    assert any("Arabic" in name for name in names), names
    assert any("CJK" in name for name in names), names
    assert all(row[0].count("+") == 1 for row in rows), "every font subset"
    assert all("yes" in row[-5:-2] for row in rows), "every font embedded"


def test_placeholders_never_print_as_the_reader(printed: tuple[Path, str]) -> None:
    assert "reader" not in printed[1]
    assert BLANK in printed[1]


class _Recording:
    """Wraps a Canvas, keeping each line of text and each rule as it is drawn."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.texts: list[tuple[str, float, float, float, bool]] = []
        self.rules: list[tuple[float, float]] = []
        real_text, real_line = canvas.text, canvas.line

        def text(words: str, x: float, y: float, width: float, **kw: Any) -> None:
            leading = kw.get("leading") or kw["size"] / 72 * 25.4 * 1.2
            self.texts.append((words, y, kw["size"], leading, bool(kw.get("bold"))))
            real_text(words, x, y, width, **kw)

        def line(x1: float, y1: float, x2: float, y2: float, colour: Any, width: float) -> None:
            self.rules.append((y1, width))
            real_line(x1, y1, x2, y2, colour, width)

        canvas.text, canvas.line = text, line


def _glyph_reach(font_path: Path, index: int, words: str) -> tuple[float, float]:
    """The tallest and deepest of ``words``' glyphs in the font, in em (fontTools)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(str(font_path), fontNumber=index) as font:
        em = font["head"].unitsPerEm
        cmap, glyf = font.getBestCmap(), font["glyf"]
        names = [cmap[ord(ch)] for ch in words if ord(ch) in cmap and not ch.isspace()]
        high = max(getattr(glyf[n], "yMax", 0) for n in names) / em
        low = -min(getattr(glyf[n], "yMin", 0) for n in names) / em
    return high, low


def test_the_follow_up_rule_clears_arabic_glyphs() -> None:
    """fpdf2 puts a line's baseline half its box down plus 0.3 of its size: from there,
    the question's last line's deepest glyph must end above the rule, and the
    follow-up's tallest glyph start below it."""
    from deckgame.print_pdf import Canvas, new_pdf
    from deckgame.printing import PAPERS, plan_sheet
    from deckgame.ui.print_vector import Printer, icon_image
    from deckgame.ui.theme import theme_named

    fonts = _fonts_or_skip(ARABIC_ASK, CHINESE_ASK)
    arabic = next(f for f in fonts.fallbacks if "Arabic" in f.regular.name)
    sheet = plan_sheet(PAPERS["a4"])
    pdf = new_pdf(sheet, fonts, "test")
    pdf.add_page()
    canvas = Canvas(pdf, lambda name, colour: icon_image(name, colour, 64))
    seen = _Recording(canvas)
    card = Card(
        id="ar-1",
        kind="ask",
        text=ARABIC_ASK,
        follow_up=ARABIC_FOLLOW,
        type=IntimacyType.EMOTIONAL,
        level=1,
        audience=ALL_AUDIENCES,
    )
    Printer(theme_named("light"), PaperNames()).front(canvas, card, sheet.cell(0))
    (rule_y, rule_w), *_ = seen.rules
    above = [t for t in seen.texts if t[1] < rule_y and t[4]]  # the bold question
    below = [t for t in seen.texts if t[1] > rule_y and not t[4]]  # the follow-up
    last, first = above[-1], below[0]

    def baseline(y: float, size: float, leading: float) -> float:
        return y + leading / 2 + 0.3 * size / 72 * 25.4

    words, y, size, leading, _ = last
    deepest = _glyph_reach(Path(arabic.bold or arabic.regular), arabic.index, words)[1]
    bottom = baseline(y, size, leading) + deepest * size / 72 * 25.4
    assert bottom < rule_y - rule_w / 2, f"the question's {words!r} runs into the rule"
    words, y, size, leading, _ = first
    tallest = _glyph_reach(Path(arabic.regular), arabic.index, words)[0]
    top = baseline(y, size, leading) - tallest * size / 72 * 25.4
    assert top > rule_y + rule_w / 2, f"the follow-up's {words!r} runs into the rule"
