"""The print layout math: sheet grids, bleed, crop marks and mirrored duplex backs."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from deckgame.model import ALL_AUDIENCES, Audience, Card, IntimacyType
from deckgame.printing import (
    BLEED,
    CARD_H,
    CARD_W,
    CELL_H,
    CELL_W,
    MARK_GAP,
    MARK_LEN,
    MIN_MARGIN,
    PAPERS,
    Box,
    CardFilter,
    LayoutError,
    Paper,
    PaperNames,
    back_level_lines,
    crop_marks,
    fit_sheet,
    pages,
    paper_text,
    plan_sheet,
    px,
    select_cards,
)

EPS = 1e-6


def same(a: Box, b: Box) -> bool:
    return all(
        abs(u - v) < EPS for u, v in zip((a.x, a.y, a.w, a.h), (b.x, b.y, b.w, b.h), strict=True)
    )


def overlaps(a: Box, b: Box) -> bool:
    return (
        a.x < b.right - EPS
        and b.x < a.right - EPS
        and a.y < b.bottom - EPS
        and b.y < a.bottom - EPS
    )


def test_card_and_bleed_sizes() -> None:
    assert (CARD_W, CARD_H, BLEED) == (63.0, 88.0, 3.0)
    assert (CELL_W, CELL_H) == (69.0, 94.0)
    # The card area with bleed at 300 dpi, as the brief fixes it.
    assert (px(CELL_W), px(CELL_H)) == (815, 1110)
    assert (px(CARD_W), px(CARD_H)) == (744, 1039)


@pytest.mark.parametrize(
    ("paper", "orientation", "size", "grid"),
    [
        ("a4", "auto", (297.0, 210.0), (4, 2)),
        ("letter", "auto", (279.4, 215.9), (3, 2)),
        ("a4", "portrait", (210.0, 297.0), (2, 3)),
        ("letter", "portrait", (215.9, 279.4), (2, 2)),
        ("a4", "landscape", (297.0, 210.0), (4, 2)),
    ],
)
def test_sheet_grid(
    paper: str, orientation: str, size: tuple[float, float], grid: tuple[int, int]
) -> None:
    sheet = plan_sheet(PAPERS[paper], orientation)  # type: ignore[arg-type]
    assert (sheet.width, sheet.height) == pytest.approx(size)
    assert (sheet.cols, sheet.rows) == grid


@pytest.mark.parametrize(
    ("paper", "orientation"), list(itertools.product(PAPERS, ["portrait", "landscape"]))
)
def test_cells_fit_with_room_for_marks_and_never_overlap(paper: str, orientation: str) -> None:
    sheet = fit_sheet(PAPERS[paper], orientation)  # type: ignore[arg-type]
    cells = [sheet.cell(i) for i in range(sheet.per_page)]
    for cell in cells:
        assert (cell.w, cell.h) == (CELL_W, CELL_H)
        assert cell.x >= MIN_MARGIN - EPS and cell.y >= MIN_MARGIN - EPS
        assert cell.right <= sheet.width - MIN_MARGIN + EPS
        assert cell.bottom <= sheet.height - MIN_MARGIN + EPS
    for a, b in itertools.combinations(cells, 2):
        assert not overlaps(a, b)
    # One more column or row would not fit: the grid is as full as the margins allow.
    assert (sheet.cols + 1) * CELL_W > sheet.width - 2 * MIN_MARGIN
    assert (sheet.rows + 1) * CELL_H > sheet.height - 2 * MIN_MARGIN
    # Centred: equal margins left/right and top/bottom.
    assert cells[0].x == pytest.approx(sheet.width - cells[-1].right)
    assert cells[0].y == pytest.approx(sheet.height - cells[-1].bottom)


def test_trim_is_the_cell_less_the_bleed() -> None:
    sheet = plan_sheet(PAPERS["a4"])
    for i in range(sheet.per_page):
        cell, trim = sheet.cell(i), sheet.trim(i)
        assert (trim.w, trim.h) == (CARD_W, CARD_H)
        assert trim.x - cell.x == pytest.approx(BLEED)
        assert cell.bottom - trim.bottom == pytest.approx(BLEED)
    with pytest.raises(IndexError):
        sheet.cell(sheet.per_page)


def test_crop_marks_sit_on_every_trim_line_outside_the_cards() -> None:
    sheet = plan_sheet(PAPERS["a4"])
    cells = [sheet.cell(i) for i in range(sheet.per_page)]
    marks = crop_marks(cells)
    vertical = [m for m in marks if m.x1 == m.x2]
    horizontal = [m for m in marks if m.y1 == m.y2]
    assert len(vertical) + len(horizontal) == len(marks)
    trim_xs = {
        round(x, 6) for i in range(sheet.per_page) for x in (sheet.trim(i).x, sheet.trim(i).right)
    }
    trim_ys = {
        round(y, 6) for i in range(sheet.per_page) for y in (sheet.trim(i).y, sheet.trim(i).bottom)
    }
    assert len(trim_xs) == 2 * sheet.cols and len(trim_ys) == 2 * sheet.rows
    # Each trim line has one mark beyond each end of the grid.
    for x in trim_xs:
        assert len([m for m in vertical if round(m.x1, 6) == x]) == 2
    for y in trim_ys:
        assert len([m for m in horizontal if round(m.y1, 6) == y]) == 2
    grid = Box(cells[0].x, cells[0].y, cells[-1].right - cells[0].x, cells[-1].bottom - cells[0].y)
    for m in marks:
        length = abs(m.x2 - m.x1) + abs(m.y2 - m.y1)
        assert length == pytest.approx(MARK_LEN)
        # On the page, and at least MARK_GAP clear of the bleed: a mark never prints on a card.
        for x, y in ((m.x1, m.y1), (m.x2, m.y2)):
            assert 0 <= x <= sheet.width and 0 <= y <= sheet.height
            outside = min(
                max(grid.x - x, x - grid.right, grid.y - y, y - grid.bottom), MARK_GAP + MARK_LEN
            )
            assert outside >= MARK_GAP - EPS


def test_crop_marks_of_a_part_filled_page_follow_the_used_cells() -> None:
    sheet = plan_sheet(PAPERS["a4"])
    marks = crop_marks([sheet.cell(0)])
    assert len(marks) == 8  # two vertical and two horizontal trim lines, each marked twice
    assert crop_marks([]) == []


def test_backs_mirror_columns_on_portrait_pages() -> None:
    # Long-edge duplex on a portrait page flips left-right: the back of column c is printed
    # in column cols-1-c of the same row.
    sheet = plan_sheet(PAPERS["a4"], "portrait")
    for i in range(sheet.per_page):
        row, col = divmod(i, sheet.cols)
        mirrored = sheet.cell(row * sheet.cols + (sheet.cols - 1 - col))
        assert same(sheet.back_cell(i), mirrored)
        front, back = sheet.cell(i), sheet.back_cell(i)
        assert back.x == pytest.approx(sheet.width - front.right)
    assert not same(sheet.back_cell(0), sheet.cell(0))


def test_backs_mirror_rows_on_landscape_pages() -> None:
    # A landscape page's long edge is its top: the flip is top-bottom, so rows reverse.
    sheet = plan_sheet(PAPERS["letter"], "landscape")
    for i in range(sheet.per_page):
        row, col = divmod(i, sheet.cols)
        assert same(sheet.back_cell(i), sheet.cell((sheet.rows - 1 - row) * sheet.cols + col))


def test_pages_and_tiny_paper() -> None:
    assert [len(p) for p in pages(19, 8)] == [8, 8, 3]
    assert pages(0, 8) == []
    with pytest.raises(LayoutError):
        plan_sheet(Paper("Card", 70, 95))


def make(level: int | None, type_: IntimacyType = IntimacyType.EMOTIONAL, **kw: Any) -> Card:
    fields: dict[str, Any] = {
        "id": f"c{level}{type_.value}{sorted(kw.items())}",
        "kind": "ask",
        "text": "Hi {player}, ask {other}",
        "type": type_,
        "level": level,
        "audience": ALL_AUDIENCES,
        **kw,
    }
    return Card(**fields)


def test_filters_as_in_a_session() -> None:
    family = make(1)
    couples = make(2, audience=frozenset({Audience.COUPLES}))
    tagged = make(3, IntimacyType.PHYSICAL, tags=frozenset({"touch"}))
    closing = make(None)
    cards = [closing, tagged, couples, family]
    # Ordered by type (as IntimacyType lists them), then level, closing cards last.
    assert select_cards(cards, CardFilter()) == [tagged, family, couples, closing]
    assert select_cards(cards, CardFilter(audience="family")) == [tagged, family, closing]
    assert select_cards(cards, CardFilter(excluded=frozenset({"touch"}))) == [
        family,
        couples,
        closing,
    ]
    assert select_cards(cards, CardFilter(types=frozenset({IntimacyType.PHYSICAL}))) == [tagged]
    only_two = CardFilter(levels=frozenset({2}), closing=False)
    assert select_cards(cards, only_two) == [couples]
    assert select_cards(cards, CardFilter(levels=frozenset(), closing=True)) == [closing]


def test_paper_text_prints_a_line_to_write_on() -> None:
    assert (
        paper_text("{player}, tell {other} a secret {{ok}}") == "______, tell ______ a secret {ok}"
    )
    assert "reader" not in paper_text("Stuck in your head today, {player}?")


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # Deck text uses {player} like a name: a name or a blank keeps the verb right
        # ("you says", "you's ideas" and "tell you" on someone else's card did not).
        (
            "{other}, what is something {player} is good at?",
            "Ben, what is something Ana is good at?",
        ),
        ("{other}, which of {player}'s ideas?", "Ben, which of Ana's ideas?"),
        ("{player} announces a discovery.", "Ana announces a discovery."),
        ("Guess: does {player} sleep?", "Guess: does Ana sleep?"),
        ("Ask {other} why! {other} answers.", "Ask Ben why! Ben answers."),
    ],
)
def test_paper_text_keeps_the_grammar_with_the_designers_names(text: str, printed: str) -> None:
    assert paper_text(text, PaperNames.parse("Ana,Ben")) == printed


def test_names_option_needs_two_names() -> None:
    assert PaperNames.parse(None).blank
    for bad in ("Ana", "Ana,", ",Ben", "A,B,C", "x" * 41 + ",Ben"):
        with pytest.raises(ValueError, match="--names"):
            PaperNames.parse(bad)


def test_backs_name_a_level_once() -> None:
    assert back_level_lines(2) == ("Level 2", "Confidentiality")
    assert back_level_lines(2, {2: "Secrets"}) == ("Level 2", "Secrets")
    assert back_level_lines(7) == ("Level 7",)  # not "Level 7 · Level 7"
    assert back_level_lines(None) == ("Closing",)
