"""Looks: WCAG contrast of every text colour pair, the script fallback, caches, the card."""

from __future__ import annotations

import pygame
import pytest
import ui_helpers  # noqa: F401  (sets the dummy SDL drivers before pygame starts)

from deckgame.model import IntimacyType
from deckgame.ui.assets import Face, font_path
from deckgame.ui.cards import CardView, render_card
from deckgame.ui.icons import ICON_NAMES, icon
from deckgame.ui.settings import UiSettings
from deckgame.ui.text import TextBook, system_font_files
from deckgame.ui.theme import THEMES, contrast_ratio, metrics_for, relative_luminance, theme_named


@pytest.fixture(scope="module", autouse=True)
def display() -> None:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the classic "just passes AA" grey (4.54:1).
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_pair_reads_at_4_5_to_1(name: str) -> None:
    theme = THEMES[name]
    low = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in theme.text_pairs()
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert low == []
    assert len(theme.text_pairs()) >= 11 + 3 * len(IntimacyType)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_types_differ_in_colour_icon_and_label(name: str) -> None:
    theme = THEMES[name]
    styles = [theme.type_style(k) for k in IntimacyType]
    assert len({s.label for s in styles}) == 5
    if name != "contrast":
        assert len({s.colour for s in styles}) == 5
    pictures = {pygame.image.tobytes(icon(k.value, 32, (0, 0, 0)), "RGBA") for k in IntimacyType}
    assert len(pictures) == 5


def test_icons_are_antialiased() -> None:
    for name in ICON_NAMES:
        surf = icon(name, 48, (200, 40, 40))
        alphas = {surf.get_at((x, y)).a for x in range(48) for y in range(48)}
        assert 0 in alphas and 255 in alphas
        assert any(0 < a < 255 for a in alphas), name  # soft edges, not jagged


def test_unknown_theme_falls_back_to_light() -> None:
    assert theme_named("neon").name == "light"


def test_metrics_scale_with_window_and_text_size() -> None:
    small = metrics_for((800, 600))
    big = metrics_for((3840, 2160))
    assert small.body < metrics_for((1280, 720)).body < big.body
    normal, double = metrics_for((1280, 720), 1.0), metrics_for((1280, 720), 2.0)
    assert normal.body < double.body < 2 * normal.body  # chrome grows, less than card text
    assert double.text_scale == 2.0


def test_bundled_font_and_licence_are_there() -> None:
    for face in Face:
        assert font_path(face).stat().st_size > 10_000
    assert (font_path(Face.REGULAR).parent / "OFL.txt").is_file()


def test_text_surfaces_are_cached_by_content() -> None:
    book = TextBook()
    a = book.render("Hello", 20, (0, 0, 0))
    renders = book.renders
    assert book.render("Hello", 20, (0, 0, 0)) is a
    assert book.renders == renders
    book.render("Hello", 21, (0, 0, 0))
    assert book.renders == renders + 1
    assert book.font(Face.BOLD, 20) is book.font(Face.BOLD, 20)


def test_fit_shrinks_long_text_into_a_box() -> None:
    book = TextBook()
    text = "A long question that needs several lines to fit in a small box " * 3
    big = book.render(text, 40, (0, 0, 0), wrap=300)
    fitted, size = book.fit(text, (300, 160), (0, 0, 0), size=40)
    assert big.get_height() > 160
    assert fitted.get_height() <= 160
    assert fitted.get_width() <= 300 and size < 40


def test_fit_takes_the_largest_size_that_fits() -> None:
    book = TextBook()
    base = "What would you tell your younger self about the year everything changed"
    chosen = []
    for words in range(6, len(base.split()) + 1):
        text = " ".join(base.split()[:words]) + "?"
        fitted, size = book.fit(text, (420, 150), (0, 0, 0), size=80, min_size=10)
        assert fitted.get_height() <= 150
        assert fitted.get_height() == book.render(text, size, (0, 0, 0), wrap=420).get_height()
        # One point larger would not fit: the size is the largest, not just a 10 % step.
        assert book.render(text, size + 1, (0, 0, 0), wrap=420).get_height() > 150, (text, size)
        chosen.append(size)
    assert chosen == sorted(chosen, reverse=True)  # a longer text is never larger


def test_bundled_font_covers_latin_and_not_cjk() -> None:
    book = TextBook(fallback_files=[])
    assert book.face_for("Ana, Chloé, Zoë", Face.REGULAR) == Face.REGULAR
    # Without any fallback font the bundled face is kept (never an exception).
    assert book.face_for("美咲", Face.REGULAR) == Face.REGULAR


@pytest.mark.parametrize(
    ("name", "hint"),
    [("美咲", "CJK"), ("محمد", "Arabic"), ("प्रिया", "Devanagari")],
)
def test_names_in_other_scripts_get_a_font_that_has_them(name: str, hint: str) -> None:
    files = [f for f in system_font_files() if hint.lower() in f.name.lower()]
    if not files:
        pytest.skip(f"no {hint} font installed here (fonts-noto-core / fonts-noto-cjk)")
    book = TextBook()
    face = book.face_for(name, Face.REGULAR)
    assert face != Face.REGULAR
    missing_in_bundled = TextBook(fallback_files=[])
    missing_in_bundled.face_for(name, Face.REGULAR)
    assert missing_in_bundled._coverage[Face.REGULAR].missing(name)
    assert book._cov(face).missing(name) == []
    # The rendered name differs from the bundled font's missing-glyph boxes.
    drawn = book.render(name, 30, (0, 0, 0))
    tofu = missing_in_bundled.render(name, 30, (0, 0, 0))
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(tofu, "RGBA")


@pytest.mark.parametrize("size", [(300, 200), (780, 480), (2480, 1748)])
def test_one_card_renderer_at_any_size(size: tuple[int, int]) -> None:
    view = CardView(
        IntimacyType.SPIRITUAL,
        "do",
        "Show Ana a photo of somewhere that gave you awe, and tell its story.",
        "Level 2 · Confidentiality",
        "Everyone answers",
        "What did it change in you?",
        90,
        "Core",
        True,
    )
    for theme in THEMES.values():
        surf = render_card(view, size, theme, 1.0)
        assert surf.get_size() == size
        band = surf.get_at((size[0] // 2, max(2, size[1] // 40)))
        assert band[:3] == theme.type_style(IntimacyType.SPIRITUAL).colour
        assert surf.get_at((0, 0)).a == 0  # rounded corner


def test_ui_settings_round_trip_and_forgiving_load() -> None:
    s = UiSettings(text_scale=1.5, theme="contrast", reduce_motion=True, fullscreen=True)
    assert UiSettings.from_dict(s.to_dict()) == s
    odd = UiSettings.from_dict({"text_scale": 9, "theme": "neon", "reduce_motion": "yes"})
    assert odd == UiSettings(text_scale=2.0)
    assert UiSettings.from_dict(None) == UiSettings()
    assert s.next_text_scale(+1) == 1.75 and UiSettings().next_text_scale(-1) == 1.0


def test_theme_type_ids_follow_the_model() -> None:
    """The themes colour exactly the type ids the options module and the model name."""
    from deckgame.options import TYPE_IDS

    assert tuple(k.value for k in IntimacyType) == TYPE_IDS
    for theme in THEMES.values():
        assert set(theme.types) == set(TYPE_IDS)


def test_first_frame_modules_do_not_import_pydantic() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, deckgame.ui.app, deckgame.ui.scenes.title, deckgame.ui.main;"
        "print('pydantic' in sys.modules, 'yaml' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert out.stdout.split() == ["False", "False"]
