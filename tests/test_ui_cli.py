"""``deckgame play`` options and the shared session-option parsing."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deckgame.cli import main
from deckgame.commands import play
from deckgame.commands.session_options import (
    SessionOptionError,
    add_session_arguments,
    player_names,
    settings_from_args,
    split_list,
)
from deckgame.model import Audience, IntimacyType


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_session_arguments(parser)
    return parser.parse_args(list(argv))


def test_settings_from_every_option() -> None:
    args = parse(
        "--players", " Ana , 美咲 ,Omar",
        "--audience", "family",
        "--types", "emotional,Spiritual",
        "--exclude", "touch, past",
        "--unlock-rounds", "3",
        "--offered", "2",
    )  # fmt: skip
    s = settings_from_args(args)
    assert s.players == ("Ana", "美咲", "Omar")
    assert s.audience is Audience.FAMILY
    assert s.types == {IntimacyType.EMOTIONAL, IntimacyType.SPIRITUAL}
    assert s.excluded == {"touch", "past"}
    assert (s.unlock_rounds, s.offered) == (3, 2)


def test_defaults_when_only_players_are_given() -> None:
    s = settings_from_args(parse("--players", "Ana,Ben"))
    assert s.types == set(IntimacyType) and s.unlock_rounds == 2 and s.offered == 1


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--players", "Ana"], "2 to 8"),
        (["--players", "Ana,ana"], "two players"),
        (["--players", "Ana,Ben", "--types", "emotinal"], "did you mean 'emotional'"),
        (["--players", "Ana,Ben", "--unlock-rounds", "0"], "1-10"),
        (["--players", "Ana,Ben", "--decks", "/no/such/deck.yaml"], "no such file"),
        (["--players", "Ana,Ben", "--log", "/no/such/folder/night.jsonl"], "--log: no such"),
        (["--players", "Ana,Ben", "--log", "/"], "is a folder"),
        ([], "--players is needed"),
    ],
)
def test_clear_errors(argv: list[str], fragment: str) -> None:
    with pytest.raises(SessionOptionError, match=fragment):
        settings_from_args(parse(*argv))


def test_player_count_for_simulate() -> None:
    assert player_names("3", allow_count=True) == ["Player 1", "Player 2", "Player 3"]
    assert player_names("3") == ["3"]
    assert player_names(None) is None
    assert split_list(" a,,b ,") == ["a", "b"]


def test_play_reports_bad_options_without_a_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--players", "Ana", "--seed", "1"]) == 2
    err = capsys.readouterr().err
    assert "deckgame play: error:" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["play", "simulate"])
def test_a_log_in_a_missing_folder_is_refused_before_anything_starts(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "no-such-folder" / "night.jsonl"
    assert main([command, "--players", "Ana,Ben", "--log", str(log)]) == 2
    err = capsys.readouterr().err
    assert f"deckgame {command}: " in err and "--log: no such folder" in err
    assert "Traceback" not in err
    assert not log.parent.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SDL's fallback is Linux's")
@pytest.mark.parametrize("command", [["play", "--players", "Ana,Ben"], ["workshop"]])
def test_a_window_without_a_display_says_so_instead_of_running_unseen(
    tmp_path: Path, command: list[str]
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["DECKGAME_HOME"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "deckgame", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if out.returncode == 0:
        pytest.skip("this machine has a screen SDL can use without DISPLAY")
    assert out.returncode == 1
    assert "no display found" in out.stderr and "deckgame simulate" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.json"))


def test_window_size_option() -> None:
    parser = argparse.ArgumentParser()
    play.add_arguments(parser)
    assert parser.parse_args(["--windowed", "1024x640"]).windowed == (1024, 640)
    with pytest.raises(SystemExit):
        parser.parse_args(["--windowed", "big"])
    with pytest.raises(SystemExit):
        parser.parse_args(["--windowed", "800x600", "--fullscreen"])


def test_play_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, deckgame.commands.play, deckgame.commands.session_options;"
        "print(sorted(m for m in ('pygame', 'yaml', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert out.stdout.strip() == "[]"
