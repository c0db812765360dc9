"""`deckgame print`: a real PDF, read back with pypdf (and pdfinfo when installed)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from deckgame.cli import main
from deckgame.commands.print_cards import ProgressBar
from deckgame.printing import CELL_H, CELL_W, MM_PER_INCH, PAPERS, plan_sheet

pytest.importorskip("fpdf")
pypdf = pytest.importorskip("pypdf")

PT_PER_MM = 72 / MM_PER_INCH

DECK = """\
name: Print Test
type: experiential
levels:
  1:
{level1}
  2:
    - ask: Where would you take {other} for a perfect afternoon?
      follow_up: What would you eat there?
    - do: Mime your favourite outdoor activity for {other}.
      seconds: 45
      who: other
    - ask: Which trip changed you?
      tags: [travel]
    - ask: Which view do you never tire of?
      audience: [couples]
closing:
  - ask: What shall we do together next?
"""


@pytest.fixture
def deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    level1 = "\n".join(
        f"    - ask: What is place number {i} you loved, {{player}}?" for i in range(6)
    )
    path = tmp_path / "print-test.yaml"
    path.write_text(DECK.replace("{level1}", level1), encoding="utf-8")
    return path  # 6 + 4 + 1 closing = 11 cards


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(str(pdf))
    return [
        (
            round(float(p.mediabox.width) / PT_PER_MM, 1),
            round(float(p.mediabox.height) / PT_PER_MM, 1),
        )
        for p in reader.pages
    ]


def placed_images(pdf: Path, page: int) -> list[tuple[float, float, float, float]]:
    """(x, y, w, h) in mm, top-left origin, of each image drawn on ``page``."""
    reader = pypdf.PdfReader(str(pdf))
    p = reader.pages[page]
    height = float(p.mediabox.height)
    data = p.get_contents().get_data().decode("latin-1")
    out = []
    for w, h, x, y in re.findall(r"([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s*/I", data):
        wf, hf, xf, yf = (float(v) for v in (w, h, x, y))
        out.append((xf / PT_PER_MM, (height - yf - hf) / PT_PER_MM, wf / PT_PER_MM, hf / PT_PER_MM))
    return out


def test_a4_pages_and_size(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    assert main(["print", str(deck), "-o", str(out)]) == 0
    # 11 cards at 4 x 2 per landscape A4 page: 2 pages of 297 x 210 mm.
    assert page_sizes_mm(out) == [(297.0, 210.0), (297.0, 210.0)]
    # Vector cards: the only pictures are the type icons, one placed on each card's band.
    images = placed_images(out, 0)
    assert len(images) == 8 and len(placed_images(out, 1)) == 3
    sheet = plan_sheet(PAPERS["a4"])
    for i, (x, y, w, h) in enumerate(images):
        cell = sheet.cell(i)
        assert cell.x < x < x + w < cell.right and cell.y < y < y + h < cell.bottom
    # One picture embedded for all eight (reused by reference), at the icon resolution.
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages[0].images) == 1
    assert reader.pages[0].images[0].image.size == (614, 614)  # 26 mm at 600 dpi


def test_letter_with_backs_and_filters(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    args = ["print", str(deck), "-o", str(out), "--paper", "letter", "--backs"]
    assert main(args) == 0
    # 11 cards at 3 x 2 per landscape Letter page: 2 front pages, each followed by backs.
    sizes = page_sizes_mm(out)
    assert len(sizes) == 4
    assert all(s == pytest.approx((279.4, 215.9), abs=0.1) for s in sizes)
    assert len(placed_images(out, 1)) == 6 and len(placed_images(out, 3)) == 5

    out2 = tmp_path / "filtered.pdf"
    assert main(["print", str(deck), "-o", str(out2), "--levels", "2", "--exclude", "travel"]) == 0
    assert len(placed_images(out2, 0)) == 3
    # Lines match in any case: "Travel" leaves out what "travel" does.
    assert main(["print", str(deck), "-o", str(out2), "--levels", "2", "--exclude", "Travel"]) == 0
    assert len(placed_images(out2, 0)) == 3
    assert main(["print", str(deck), "-o", str(out2), "--audience", "family"]) == 0
    assert len(placed_images(out2, 0)) == 8 and len(placed_images(out2, 1)) == 2


def test_backs_are_mirrored_for_long_edge_flipping(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "duplex.pdf"
    args = ["print", str(deck), "-o", str(out), "--backs", "--orientation", "portrait"]
    assert main([*args, "--levels", "closing"]) == 0
    ((fx, fy, _, _),) = placed_images(out, 0)
    ((bx, by, _, _),) = placed_images(out, 1)
    sheet = plan_sheet(PAPERS["a4"], "portrait")
    front, back = sheet.cell(0), sheet.back_cell(0)
    # One card in the first column: its back (icon) is in the last column, same row.
    assert front.x < fx < front.right and front.y < fy < front.bottom
    assert back.x < bx < back.right and back.y < by < back.bottom
    assert back.x == pytest.approx(PAPERS["a4"].width - front.right, abs=0.01)
    assert back.x != pytest.approx(front.x, abs=1)


def test_crop_marks_are_drawn(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "marks.pdf"
    assert main(["print", str(deck), "-o", str(out), "--levels", "closing"]) == 0
    data = pypdf.PdfReader(str(out)).pages[0].get_contents().get_data().decode("latin-1")
    assert len(re.findall(r" l S", data)) == 8  # one card: 4 trim lines, marked at each end


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdfinfo_agrees(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "info.pdf"
    assert main(["print", str(deck), "-o", str(out), "--paper", "letter"]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M)
    assert re.search(r"^Page size:\s+792 x 612 pts \(letter\)", info, re.M)


def test_without_fpdf2_it_says_how_to_get_it(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)  # import fpdf now raises ImportError
    out = tmp_path / "none.pdf"
    assert main(["print", str(deck), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'deckgame[print]'" in err
    assert not out.exists()


def test_bad_options_and_broken_decks(
    deck: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["print", str(deck), "-o", str(out), "--levels", "deep"]) == 2
    assert main(["print", str(deck), "-o", str(out), "--types", "emotinal"]) == 2
    assert "did you mean 'emotional'" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: B\ntype: emotional\nlevels:\n  1:\n    - ask: Hi {nme}\n")
    assert main(["print", str(broken), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:5:" in err and "no cards to print" in err
    assert not out.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["print", str(deck), "-o", str(blocker / "cards.pdf")]) == 1
    assert "cannot write" in capsys.readouterr().err


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_plain_elsewhere() -> None:
    tty = FakeTTY()
    bar = ProgressBar(tty)
    for done in range(1, 41):
        bar(done, 40)
    text = tty.getvalue()
    assert text.count("\r") == 40 and text.endswith("40/40 cards\n")
    assert "[" + "#" * 30 + "]" in text

    plain = io.StringIO()
    bar = ProgressBar(plain)
    for done in range(1, 401):
        bar(done, 400)
    lines = plain.getvalue().splitlines()
    assert "\r" not in plain.getvalue()
    assert 2 <= len(lines) <= 11 and lines[-1].endswith("400/400 cards")

    few = io.StringIO()
    ProgressBar(few)(3, 3)
    assert few.getvalue() == ""  # a short deck renders too fast to need one


def test_the_bleed_continues_the_cards_own_edges() -> None:
    import pygame

    from deckgame.model import ALL_AUDIENCES, Card, IntimacyType
    from deckgame.printing import px
    from deckgame.ui.printfaces import render_back, render_front
    from deckgame.ui.theme import theme_named

    pygame.font.init()
    card = Card(
        id="b1",
        kind="ask",
        text="What is on your mind, {player}?",
        type=IntimacyType.SPIRITUAL,
        level=1,
        audience=ALL_AUDIENCES,
    )
    for name in ("light", "dark", "contrast"):
        theme = theme_named(name)
        band = theme.type_style(card.type).colour
        front = render_front(card, theme)
        w, h = front.get_size()
        assert (w, h) == (815, 1110)
        bleed = px(3)
        # The colour band runs out to the top and side edges of the bleed ...
        for x, y in ((0, 0), (w - 1, 0), (0, bleed + px(5)), (w - 1, bleed + px(5))):
            assert front.get_at((x, y))[:3] == band, (name, x, y)
        # Down both sides, the bleed carries on whatever colour the card's edge has there.
        for y in range(bleed + px(6), h - bleed - px(6)):
            for inside, outside in ((bleed + 4, 0), (w - bleed - 5, w - 1)):
                edge = front.get_at((inside, y))[:3]
                assert front.get_at((outside, y))[:3] == edge, (name, y)
        # ... and the face colour out to the bottom corners, where the card is rounded.
        for x, y in ((0, h - 1), (w - 1, h - 1), (bleed + 2, h - bleed - 2)):
            assert front.get_at((x, y))[:3] == theme.surface, (name, x, y)
    back = render_back(card.type, 1, theme_named("light"), "Deck")
    assert back.get_size() == (815, 1110)
    assert back.get_at((0, 0))[:3] == theme_named("light").type_style(card.type).colour


def test_printed_fronts_say_whole_who_answers() -> None:
    import pygame

    from deckgame.model import ALL_AUDIENCES, Card, IntimacyType, Who
    from deckgame.printing import BLEED, paper_text, px
    from deckgame.ui.cardlayout import layout_card
    from deckgame.ui.printfaces import print_view
    from deckgame.ui.text import TextBook
    from deckgame.ui.theme import theme_named

    pygame.font.init()
    book = TextBook(fallback_files=[])
    trim = (px(CELL_W) - 2 * px(BLEED), px(CELL_H) - 2 * px(BLEED))
    seen = set()
    for who in Who:
        card = Card(
            id=f"w-{who.value}",
            kind="ask",
            text="{other}, what is {player} good at?",
            type=IntimacyType.INTELLECTUAL,
            level=2,
            audience=ALL_AUDIENCES,
            who=who,
        )
        view = print_view(card)
        assert view.text == paper_text(card.text)
        label = theme_named("light").type_style(card.type).label
        lay = layout_card(view, trim, 1.0, book, label)
        assert lay.who is not None and lay.who.text == view.who  # not shortened
        seen.add(view.who)
    assert seen == {"You answer", "The other answers", "Everyone answers"}


def test_a_long_level_name_stays_inside_the_backs_frame() -> None:
    import pygame

    from deckgame.model import IntimacyType
    from deckgame.printing import BLEED, px
    from deckgame.ui.printfaces import render_back
    from deckgame.ui.text import TextBook
    from deckgame.ui.theme import theme_named

    pygame.font.init()
    theme = theme_named("light")
    colour = theme.type_style(IntimacyType.EXPERIENTIAL).colour
    names = {3: "Things we only say after midnight, quietly"}  # 40 characters may be
    back = render_back(
        IntimacyType.EXPERIENTIAL, 3, theme, "Deck", level_names=names, book=TextBook()
    )
    w, h = back.get_size()
    margin = px(BLEED + 4) - 2  # up to the frame line
    for y in range(h):
        for x in (*range(0, margin, 3), *range(w - margin, w, 3)):
            assert back.get_at((x, y))[:3] == colour, (x, y)


def test_levels_help_says_closing_cards_must_be_named() -> None:
    import argparse

    from deckgame.commands.print_cards import _levels, add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    (levels,) = [a for a in parser._actions if "--levels" in a.option_strings]
    assert levels.help is not None and "3,4,closing" in levels.help
    # --levels 3,4 leaves the closing cards out; they come back when named.
    assert _levels("3,4") == (frozenset({3, 4}), False)
    assert _levels("3,4,closing") == (frozenset({3, 4}), True)
