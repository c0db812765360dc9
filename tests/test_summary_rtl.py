"""Reading order of names in right-to-left scripts inside the game's own sentences.

The summary's warmth line "عبد الرحمن: received 0, gave 0" is an English sentence: the
name reads right to left and the words after it stay on its right. It flipped when the
line was shortened for a narrow column (the direction was judged on what was left, with
fewer English letters) and when the name alone outweighed the English words.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app

from deckgame.engine import Away, Done, End, Settings, Warmth
from deckgame.model import Audience
from deckgame.ui.runs import RLM, paragraph_direction
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.text import DrawnRun, TextBook, TextLog, system_font_files

SHORT = "عبد الرحمن"
LONG = "عبد الرحمن بن محمد"
PLAYERS = ("Ana", SHORT, "Benedikt-Alexander", "Omar", "Priya", LONG, "Zoë", "Ngozi")

pytestmark = pytest.mark.skipif(
    not any("arabic" in f.name.lower() for f in system_font_files()),
    reason="no Arabic font installed (apt-get install fonts-noto-core)",
)


def is_arabic(run: DrawnRun) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in run.text)


def table(tmp_path: Path, size: tuple[int, int]) -> TableScene:
    from deckgame.ui import flow

    app = make_app(tmp_path, size=size)
    flow.start_game(app, Settings(players=PLAYERS, audience=Audience.FRIENDS))
    scene = app.top
    assert isinstance(scene, TableScene)
    return scene


def lines_with(log: TextLog, word: str) -> list[tuple[str, list[DrawnRun]]]:
    return [(p, runs) for p, runs in log.lines if any(word in r.text for r in runs)]


def check_name_then_words(paragraph: str, runs: list[DrawnRun], word: str) -> None:
    """An English line holding an Arabic name: the name's runs (its letters, its spaces,
    an ellipsis that shortens it) read right to left, and ``word`` stands on their right."""
    assert paragraph == "ltr", runs
    after = next(r for r in runs if word in r.text)
    assert after.direction == "ltr", runs
    name = [r for r in runs if r.x < after.x]
    assert any(is_arabic(r) for r in name) and all(r.direction == "rtl" for r in name), runs
    assert not any(is_arabic(r) for r in runs if r.x > after.x), runs
    cut = [r for r in name if "…" in r.text]
    if cut:  # a shortened name ends (on its left, where it reads to) with its ellipsis
        assert cut[0].x == min(r.x for r in name), runs


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)], ids=["800x600", "1280x720"])
def test_warmth_lines_keep_the_name_on_the_left(tmp_path: Path, size: tuple[int, int]) -> None:
    scene = table(tmp_path, size)
    app = scene.app
    for _ in range(len(PLAYERS)):
        scene.act(Done())
        scene.act(Warmth((scene.session.game.seat + 1) % len(PLAYERS)))
        scene.act(scene._action_for("next"))  # type: ignore[arg-type]
    app.text.log = log = TextLog()
    scene.act(End())
    assert isinstance(app.top, SummaryScene)
    app.step()
    found = lines_with(log, "received")
    shown = [t for _, t in log.sizes if "received" in t]
    assert any(t.startswith(f"{SHORT}: received") for t in shown), shown  # whole
    long = [t for t in shown if t.startswith(SHORT) and not t.startswith(f"{SHORT}:")]
    assert long and all(LONG.startswith(t.split("…")[0].split(":")[0]) for t in long), long
    for paragraph, runs in found:
        if any(is_arabic(r) for r in runs):
            check_name_then_words(paragraph, runs, "received")
            # The counts are never cut: a name too long for its column is shortened instead.
            assert any("gave" in r.text for r in runs), runs


def test_the_direction_survives_shortening() -> None:
    pygame.font.init()
    book = TextBook()
    text = f"{SHORT}: received 0, gave 0"
    assert paragraph_direction(text) == "ltr"
    full = book.size(text, 20)[0]
    book.log = log = TextLog()
    # Cut until fewer English letters than Arabic ones are left: still an English line.
    book.line(text, 20, (0, 0, 0), full * 6 // 10)
    shown = log.sizes[-1][1]
    assert shown.endswith("…") and paragraph_direction(shown.rstrip("…")) == "rtl"
    (paragraph, runs) = log.lines[-1]
    check_name_then_words(paragraph, runs, "rec")


def test_a_long_name_alone_reads_right_to_left_with_its_ellipsis_at_the_end() -> None:
    pygame.font.init()
    book = TextBook()
    shown, _ = book.fit_line(LONG, 18, book.size(LONG, 18)[0] // 2)
    assert shown.startswith("عبد") and shown.endswith("…" + RLM)
    # Put in a left-to-right sentence, the ellipsis stays with the name (on its left end).
    book.log = log = TextLog()
    book.render(f"{shown}: received 2, gave 1", 18, (0, 0, 0), direction="ltr")
    (paragraph, runs) = log.lines[-1]
    check_name_then_words(paragraph, runs, "received")
    assert any("…" in r.text for r in runs)


def test_seat_names_are_cut_at_their_end(tmp_path: Path) -> None:
    scene = table(tmp_path, (800, 600))  # eight narrow chips
    app = scene.app
    app.text.log = log = TextLog()
    scene.layout()
    app.step()
    seat_texts = [t for _, t in log.sizes if t.startswith(SHORT[:3])]
    assert SHORT in seat_texts, seat_texts
    cut = [t for t in seat_texts if t.endswith("…" + RLM)]
    assert cut and all(LONG.startswith(t[:-2].rstrip()) for t in cut), cut
    # Away on a narrow chip: the name keeps the chip's width, "away" goes below it.
    log.sizes.clear()
    assert scene.act(Away(PLAYERS.index(LONG)))
    app.step()
    shown = [t for _, t in log.sizes]
    assert "away" in shown and any(t in cut for t in shown), shown


def test_away_reads_after_the_name_on_a_wide_chip(tmp_path: Path) -> None:
    from deckgame.ui import flow

    app = make_app(tmp_path, size=(1280, 720))
    flow.start_game(app, Settings(players=("Ana", LONG, "Omar"), audience=Audience.FRIENDS))
    scene = app.top
    assert isinstance(scene, TableScene)
    app.text.log = log = TextLog()
    assert scene.act(Away(1))
    app.step()
    assert f"{LONG} · away" in [t for _, t in log.sizes]
    drawn = [(p, runs) for p, runs in lines_with(log, "away") if any(map(is_arabic, runs))]
    assert drawn
    for paragraph, runs in drawn:
        # By letters alone the name outweighs "away": the line would read right to left.
        check_name_then_words(paragraph, runs, "away")


def test_who_answers_reads_after_a_long_name_on_the_card() -> None:
    from deckgame.model import ALL_AUDIENCES, Card, IntimacyType, Who
    from deckgame.ui.cards import card_view, render_card
    from deckgame.ui.theme import theme_named

    pygame.font.init()
    book = TextBook()
    card = Card(
        id="c1",
        kind="ask",
        text="What made you laugh this week?",
        type=IntimacyType.EMOTIONAL,
        level=1,
        audience=ALL_AUDIENCES,
        who=Who.OTHER,
    )
    view = card_view(card, player="Ana", other=LONG)
    assert paragraph_direction(view.who) == "rtl"  # by letters alone it would turn round
    book.log = log = TextLog()
    render_card(view, (985, 385), theme_named("light"), 1.0, book)
    drawn = [(p, runs) for p, runs in lines_with(log, "answers") if any(map(is_arabic, runs))]
    assert drawn
    for paragraph, runs in drawn:
        check_name_then_words(paragraph, runs, "answers")
