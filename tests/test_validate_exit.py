"""``deckgame validate`` from the command line ends at once, its report complete.

The console script (``deckgame.cli.main()`` with no arguments) ends the process as soon
as the output is flushed, skipping the interpreter's teardown: an ``atexit`` handler
never runs, yet every problem line and the summary are there with the right exit status.
Called as a library (``main([...])``) it returns, as the other tests rely on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from deckgame.cli import main

_SCRIPT = """
import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr))
from deckgame.cli import main
sys.argv = ["deckgame", *sys.argv[1:]]
sys.exit(main())
"""


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _broken_decks(folder: Path) -> list[Path]:
    paths = []
    for number in range(40):
        path = folder / f"deck{number}.yaml"
        path.write_text(
            f"name: Deck {number}\ntype: emotional\nlevels:\n  1:\n    - ask: Hi {{name}}?\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_validate_ends_without_teardown_and_its_report_is_complete(tmp_path: Path) -> None:
    paths = _broken_decks(tmp_path)
    done = _run("validate", str(tmp_path))
    assert done.returncode == 1
    assert "teardown ran" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(paths)
    assert all(":5:" in line and "unknown placeholder {name}" in line for line in lines)
    assert done.stdout.strip() == "40 decks, 0 cards: 40 problems; 40 decks would be skipped"


def test_validate_of_good_decks_exits_0_at_once(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(
        "name: Ok\ntype: emotional\nlevels:\n  1:\n    - ask: Hi {player}?\n", encoding="utf-8"
    )
    done = _run("validate", str(tmp_path / "ok.yaml"))
    assert (done.returncode, done.stdout.strip()) == (0, "1 deck, 1 card: ok")
    assert "teardown ran" not in done.stderr


def test_other_commands_and_library_calls_end_normally(tmp_path: Path) -> None:
    done = _run("schema")
    assert done.returncode == 0 and "teardown ran" in done.stderr
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 2  # returned, not exited
