"""One source for the session's choices and ranges (deckgame.options), one options value
from the command line to the window, one size parser."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from deckgame import model, options
from deckgame.cli import main
from deckgame.commands import session_options
from deckgame.engine.state import Settings
from deckgame.options import SessionOptions, parse_size
from deckgame.ui.context import Launch


def test_the_models_enums_and_ranges_are_the_options_ones() -> None:
    assert tuple(t.value for t in model.IntimacyType) == options.TYPE_IDS
    assert tuple(a.value for a in model.Audience) == options.AUDIENCE_IDS
    assert tuple(w.value for w in model.Who) == options.WHO_IDS
    assert (model.MIN_PLAYERS, model.MAX_PLAYERS) == (options.MIN_PLAYERS, options.MAX_PLAYERS)
    assert (model.MIN_LEVEL, model.MAX_LEVEL) == (options.MIN_LEVEL, options.MAX_LEVEL)
    assert (model.MIN_SECONDS, model.MAX_SECONDS) == (options.MIN_SECONDS, options.MAX_SECONDS)
    defaults = Settings(players=("Ana", "Ben"))
    assert defaults.audience == options.DEFAULT_AUDIENCE
    assert defaults.unlock_rounds == options.DEFAULT_UNLOCK_ROUNDS
    assert defaults.offered == options.DEFAULT_OFFERED


def test_the_command_line_front_loads_nothing_heavy() -> None:
    code = (
        "import sys, deckgame.options, deckgame.commands.session_options, "
        "deckgame.commands.play, deckgame.commands.workshop; "
        "print(sorted(m for m in ('pydantic', 'pygame', 'yaml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "size"),
    [("1280x720", (1280, 720)), ("1280 x 720", (1280, 720)), ("800×600", (800, 600))],
)
def test_one_size_parser(text: str, size: tuple[int, int]) -> None:
    assert parse_size(text) == size
    assert session_options.window_size(text) == size


@pytest.mark.parametrize("text", ["huge", "1280x", "319x240", "320x239", "1280x720x2"])
def test_sizes_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"WIDTHxHEIGHT|at least 320x240"):
        parse_size(text)
    with pytest.raises(argparse.ArgumentTypeError):
        session_options.window_size(text)


def test_play_and_the_workshop_read_windowed_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_game(opts: SessionOptions, *, settings: Settings | None = None) -> int:
        seen["play"] = opts.size
        return 0

    def fake_workshop(paths: list[Path], *, only: bool, size: tuple[int, int] | None) -> int:
        seen["workshop"] = size
        return 0

    monkeypatch.setattr("deckgame.ui.main.launch_game", fake_game)
    monkeypatch.setattr("deckgame.ui.main.launch_workshop", fake_workshop)
    assert main(["play", "--windowed", "1280 x 720"]) == 0
    assert main(["workshop", "--windowed", "1280 x 720"]) == 0
    assert seen == {"play": (1280, 720), "workshop": (1280, 720)}


def test_play_hands_one_options_value_to_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[SessionOptions, Settings | None]] = []

    def fake_game(opts: SessionOptions, *, settings: Settings | None = None) -> int:
        seen.append((opts, settings))
        return 0

    monkeypatch.setattr("deckgame.ui.main.launch_game", fake_game)
    log = tmp_path / "night.log"
    argv = ["play", "--players", "Ana, Ben", "--audience", "family", "--types", "Physical"]
    argv += ["--exclude", "grief", "--unlock-rounds", "3", "--offered", "2", "--seed", "9"]
    argv += ["--log", str(log), "--decks", str(tmp_path), "--fullscreen"]
    assert main(argv) == 0
    ((opts, settings),) = seen
    assert opts == SessionOptions(
        decks=(tmp_path,),
        players=("Ana", "Ben"),
        audience="family",
        types=("physical",),
        excluded=("grief",),
        unlock_rounds=3,
        offered=2,
        seed=9,
        log=log,
        size=None,
        fullscreen=True,
    )
    assert settings is not None and settings.players == ("Ana", "Ben")


@pytest.mark.parametrize("players", ["Ana", "Ana,Ana", "A,B,C,D,E,F,G,H,I"])
def test_bad_players_are_refused_before_any_window_opens(
    players: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_window(*args: object, **kwargs: object) -> int:
        raise AssertionError("a window was opened")

    monkeypatch.setattr("deckgame.ui.main.launch_game", no_window)
    assert main(["play", "--players", players]) == 2
    assert "deckgame play: error: --players" in capsys.readouterr().err


def test_launch_reads_its_options() -> None:
    opts = SessionOptions(players=("Ana", "Ben"), types=("physical",), excluded=("grief",))
    launch = Launch(opts, builtin=False)
    assert launch.options is opts and not launch.builtin and launch.user
    assert launch.players == ["Ana", "Ben"] and launch.types == ["physical"]
    assert launch.excluded == ["grief"] and launch.audience is None and launch.decks == []
    # Field by field, lists and all, as tests build one.
    fields = Launch(seed=3, excluded=["touch"], decks=[Path("d")])
    assert fields.options == SessionOptions(seed=3, excluded=("touch",), decks=(Path("d"),))
    assert fields.seed == 3 and fields.decks == [Path("d")]


def test_defaults_are_setups() -> None:
    filled = SessionOptions().with_defaults()
    assert filled.audience == "friends" and filled.types == options.TYPE_IDS
    assert (filled.unlock_rounds, filled.offered, filled.excluded) == (2, 1, ())


def test_one_did_you_mean() -> None:
    from deckgame.content.text import did_you_mean
    from deckgame.messages import did_you_mean as from_messages
    from deckgame.scaffold import ScaffoldError, parse_type

    assert from_messages is did_you_mean
    with pytest.raises(ScaffoldError, match=r"did you mean 'emotional'"):
        parse_type("emotinal")
    with pytest.raises(session_options.SessionOptionError, match=r"did you mean 'emotional'"):
        session_options.types_from("emotinal")
