"""Lines in any case (GAME.md, Safety): what a group types matches deck tags without regard
to case, a line no loaded card carries is reported with a "did you mean", and play goes on.
Deck tags themselves stay lowercase slugs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pygame
import pytest
from ui_helpers import card, key, library, make_app, typed

from deckgame.cli import main
from deckgame.commands.session_options import add_session_arguments, settings_from_args
from deckgame.engine.dealer import playable
from deckgame.engine.state import Settings
from deckgame.lines import normalise_lines, unknown_lines, unknown_lines_note
from deckgame.loader import Library, LoadedDeck, Origin, load_deck_file
from deckgame.model import IntimacyType
from deckgame.options import SessionOptions
from deckgame.ui import flow
from deckgame.ui.context import Launch
from deckgame.ui.scenes.setup import LineToggle, SetupScene, line_chip
from deckgame.ui.widgets import Toggle

DECK = """\
name: Lines
type: emotional
levels:
  1:
{cards}
"""


def _deck_text() -> str:
    cards = []
    for i in range(8):
        cards.append(f"    - ask: Plain question {i}?\n      id: plain-{i}")
        cards.append(f"    - ask: About touch {i}?\n      id: touch-{i}\n      tags: [touch]")
        cards.append(f"    - ask: About grief {i}?\n      id: grief-{i}\n      tags: [grief]")
    return DECK.format(cards="\n".join(cards))


@pytest.fixture
def deck_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "lines.yaml").write_text(_deck_text(), encoding="utf-8")
    return folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_session_arguments(parser)
    return parser.parse_args(list(argv))


# --- the rule, without a screen ----------------------------------------------------------


def test_typed_lines_fold_to_the_way_decks_write_tags() -> None:
    assert normalise_lines(["Touch", " GRIEF ", "", "Past-Relationships"]) == {
        "touch",
        "grief",
        "past-relationships",
    }
    assert unknown_lines(["TOUCH", "Tuch"], ["touch", "grief"]) == ["tuch"]
    assert unknown_lines_note(["TOUCH", "grief"], ["touch", "grief"]) is None
    note = unknown_lines_note(["Tuch", "spiders"], ["touch", "grief"])
    assert note == "no loaded card is tagged 'spiders' or 'tuch' (did you mean 'touch'?)"


def test_exclude_in_any_case_keeps_those_cards_out() -> None:
    settings = settings_from_args(parse("--players", "Ana,Ben", "--exclude", "Touch,GRIEF"))
    assert settings.excluded == {"touch", "grief"}
    touch = card("t", IntimacyType.PHYSICAL, 1, tags=frozenset({"touch"}))
    grief = card("g", IntimacyType.EMOTIONAL, 1, tags=frozenset({"grief"}))
    plain = card("p", IntimacyType.EMOTIONAL, 1)
    assert [playable(c, settings) for c in (touch, grief, plain)] == [False, False, True]


def test_a_deck_tag_not_written_as_a_lowercase_slug_is_still_a_deck_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shouty.yaml"
    path.write_text(
        "name: Shouty\ntype: emotional\nlevels:\n  1:\n    - ask: Hi?\n      tags: [Touch]\n",
        encoding="utf-8",
    )
    deck = load_deck_file(path)
    assert not deck.ok
    (problem,) = deck.problems
    assert (problem.line, problem.column) == (6, 14)
    assert "lowercase slug" in problem.message and "'Touch'" in problem.message


# --- the command line ----------------------------------------------------------------------


def _dealt(log: Path) -> set[str]:
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return {e["card"] for e in events if e["event"] == "deal"}


def test_simulate_never_deals_a_line_typed_in_capitals(
    deck_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = deck_dir.parent / "events.jsonl"
    argv = ["simulate", "--decks", str(deck_dir), "--types", "emotional", "--seed", "1"]
    assert main([*argv, "--exclude", "Touch,GRIEF", "--log", str(log)]) == 0
    dealt = _dealt(log)
    assert any(card_id.startswith("plain-") for card_id in dealt)  # the deck is in play
    assert not {c for c in dealt if c.startswith(("touch-", "grief-"))}
    assert "warning" not in capsys.readouterr().err  # both lines are real tags: nothing to say


def test_simulate_warns_in_one_line_about_a_line_no_card_carries_and_plays_on(
    deck_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["simulate", "--decks", str(deck_dir), "--exclude", "Tuch,grief"])
    captured = capsys.readouterr()
    assert code == 0 and "sessions" in captured.out  # play went on
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert warnings == [
        "deckgame simulate: warning: --exclude: no loaded card is tagged 'tuch'"
        " (did you mean 'touch'?); play goes on"
    ]


def test_play_warns_before_the_window_opens_and_passes_the_lines_on(
    deck_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: dict[str, Any] = {}

    def fake_launch(options: SessionOptions, *, settings: Settings | None = None) -> int:
        launched.update(options=options, settings=settings)
        return 0

    monkeypatch.setattr("deckgame.ui.main.launch_game", fake_launch)
    argv = ["play", "--decks", str(deck_dir), "--players", "Ana,Ben", "--exclude", "Tuch,GRIEF"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "deckgame play: warning: --exclude: no loaded card is tagged 'tuch'" in err
    assert "did you mean 'touch'?" in err and len(err.splitlines()) == 1
    assert launched["options"].excluded == ("grief", "tuch")
    assert launched["settings"].excluded == {"tuch", "grief"}


# --- the setup screen -------------------------------------------------------------------------


def _lines_library() -> Library:
    lib = library()
    touchy = card("touch-1", IntimacyType.PHYSICAL, 1, tags=frozenset({"touch"}))
    deck = LoadedDeck(Path("touch.yaml"), Origin.EXTRA, "", None, (touchy,), (), ())
    return Library(decks=[*lib.decks, deck], problems=[])


def _setup_page_two(home: Path, excluded: list[str] | None = None) -> SetupScene:
    app = make_app(home, lib=_lines_library(), launch=Launch(seed=3, excluded=excluded))
    flow.start_setup(app, players=["Ana", "Ben"])
    setup = app.top
    assert isinstance(setup, SetupScene)
    setup.on_action("next")
    app.step()
    assert setup.page == 1
    return setup


def test_setup_matches_lines_from_the_command_line_in_any_case(home: Path) -> None:
    setup = _setup_page_two(home, ["TOUCH", "Past"])
    assert setup.excluded == {"touch", "past"}
    chip = setup.button("tag", "touch")
    assert isinstance(chip, LineToggle) and chip.on and chip.label == "never: touch"
    assert setup.notice == ""  # both are tags of the loaded cards
    assert setup.settings().excluded == {"touch", "past"}


def test_setup_reports_a_typed_line_no_card_carries_beside_the_field(home: Path) -> None:
    setup = _setup_page_two(home)
    app = setup.app
    setup.focus.focus(setup.lines_field)
    app.step([*typed("Tuch"), key(pygame.K_RETURN)])
    assert setup.excluded == {"tuch"} and setup.lines_field.value == ""
    assert "“tuch” (did you mean “touch”?)" in setup.notice
    assert setup.notice_rect.width > 0 and setup.notice_rect.top <= setup.lines_field.rect.bottom
    chip = setup.button("tag", "tuch")
    assert isinstance(chip, Toggle) and chip.on  # the typo has a chip too: one click takes it back
    app.step([*typed("GRIEF, Past")])
    setup.on_action("start")  # typed and not yet entered: still a line
    assert setup.excluded == {"tuch", "grief", "past"}


def test_setup_line_chips_look_unlike_the_in_play_chips(home: Path) -> None:
    setup = _setup_page_two(home)
    off, on = line_chip("past-relationships", False), line_chip("grief", True)
    assert (off.label, on.label) == ("past relationships", "never: grief")
    look = setup.look
    size = (on.natural_width(look), look.metrics.button_height)
    pictures = []
    for chip in (on, setup.button("type", "physical")):
        chip.rect = pygame.Rect((0, 0), size)
        surface = pygame.Surface(size)
        surface.fill(look.theme.surface)
        chip.draw(surface, look)
        pictures.append(surface)
    line_fill = pictures[0].get_at((size[0] // 2, 3))[:3]
    assert line_fill == look.theme.danger  # the X-card colour, not the accent of "in play"
    assert line_fill != pictures[1].get_at((size[0] // 2, 3))[:3]


def test_setup_names_a_duplicate_as_typed_and_marks_its_row(home: Path) -> None:
    app = make_app(home)
    flow.start_setup(app, players=["Ana", "Ben", "ANA"])
    setup = app.top
    assert isinstance(setup, SetupScene)
    setup.on_action("next")
    assert setup.page == 0
    assert "'ANA'" in setup.error and "'Ana'" in setup.error  # not lowercased
    assert setup.error_row == 2 and setup.focus.current is setup.inputs[2]
    app.step()
    ring = setup.inputs[2].rect.inflate(4, 4)
    assert app.screen.get_at(ring.midtop)[:3] == setup.look.theme.danger
    app.step([key(pygame.K_BACKSPACE), *typed("a")])  # "ANa": still the same name
    assert setup.error_row is None  # editing the name takes the mark away
    setup.on_action("next")
    assert setup.error_row == 2 and "'ANa'" in setup.error
    setup.inputs[2].set("Chloé")
    setup.on_action("next")
    assert setup.page == 1 and setup.error == "" and setup.error_row is None


def _typed_line(setup: SetupScene, text: str) -> None:
    setup.focus.focus(setup.lines_field)
    setup.app.step([*typed(text), key(pygame.K_RETURN)])


def test_a_line_typed_as_its_chip_reads_names_that_tag(home: Path) -> None:
    """A chip reads "past relationships": typing those words (any case, any spacing)
    leaves those cards out, as typing the tag does."""
    setup = _setup_page_two(home)
    _typed_line(setup, "Touch ,  HARD   memories")
    assert setup.excluded == {"touch", "hard-memories"}
    assert setup.settings().excluded == {"touch", "hard-memories"}


@pytest.mark.parametrize(
    ("code", "typed_words", "chip_words"),
    [("es", "Contacto FÍSICO", "nunca: contacto físico"), ("de", "berührung", "nie: Berührung")],
)
def test_lines_read_and_typed_in_the_players_language(
    home: Path, code: str, typed_words: str, chip_words: str
) -> None:
    """In Spanish the touch chip reads "contacto físico", and a group that types those
    words leaves the touch cards out; a line no card carries is said in Spanish too."""
    from deckgame import i18n

    try:
        assert i18n.use_language(code) == code
        setup = _setup_page_two(home)
        _typed_line(setup, typed_words)
        assert setup.excluded == {"touch"}
        chip = setup.button("tag", "touch")
        assert isinstance(chip, LineToggle) and chip.on and chip.label == chip_words
        assert setup.settings().excluded == {"touch"}
        _typed_line(setup, "zzzz")
        assert "zzzz" in setup.notice and "tagged" not in setup.notice
        assert setup.notice.startswith(("Ninguna carta", "Keine Karte"))
    finally:
        i18n.use_language("en")
