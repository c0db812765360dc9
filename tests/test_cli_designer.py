"""The designer's commands: validate, stats and schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deckgame.cli import main
from deckgame.commands.schema import deck_schema, schema_text
from deckgame.model import DeckSpec

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "loader"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))


def test_validate_good_decks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "pack")]) == 0
    out, err = capsys.readouterr()
    assert out == "2 decks, 7 cards: ok\n"
    assert err == ""


def test_validate_reports_each_problem_gcc_style(capsys: pytest.CaptureFixture[str]) -> None:
    broken = FIXTURES / "broken.yaml"
    assert main(["validate", str(broken), str(FIXTURES / "pack")]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{broken}:2:7: error: unknown intimacy type 'emotinal'")
    assert lines[1].startswith(f"{broken}:6:12: error: unknown placeholder {{name}}")
    assert out == "3 decks, 7 cards: 2 problems; 1 deck would be skipped\n"


def test_validate_finds_duplicates_across_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "pack"), str(FIXTURES / "clash.yaml")]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(f"{FIXTURES / 'clash.yaml'}:7:11: error: duplicate card id")


def test_validate_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    _, err = capsys.readouterr()
    assert "no such file or folder" in err


def test_validate_without_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_validate_the_builtin_decks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "decks")]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.endswith(": ok\n")


def test_python_dash_m_validate_runs_as_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DECKGAME_HOME": str(tmp_path)}
    broken = FIXTURES / "broken.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "deckgame", "validate", str(broken)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"{broken}:2:7: error: ")
    assert "Traceback" not in result.stderr
    good = subprocess.run(
        [sys.executable, "-m", "deckgame", "validate", str(FIXTURES / "pack")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (good.returncode, good.stdout) == (0, "2 decks, 7 cards: ok\n")


def test_stats_counts_type_by_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(FIXTURES / "pack")]) == 0
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "2 deck(s) in play, 6 cards, 1 closing cards"
    header = lines[lines.index("Cards per type and level") + 1].split()
    assert header == ["type", "1", "2", "3", "closing", "total"]
    first_table = out.split("Cards per type and level\n", 1)[1].split("\n\n", 1)[0]
    rows = {line.split()[0]: line.split()[1:] for line in first_table.splitlines()[2:]}
    assert rows["emotional"][:5] == ["2", "1", "0", "1", "4"]
    assert rows["intellectual"][:5] == ["2", "0", "0", "0", "2"]
    assert rows["spiritual"][:5] == ["0", "0", "1", "0", "1"]
    assert "levels: 1 Hello, 2 Confidentiality, 3 Deep End" in lines


def test_stats_counts_questions_challenges_and_audiences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["stats", str(FIXTURES / "pack")])
    out, _ = capsys.readouterr()
    section = out.split("Questions and challenges\n", 1)[1].split("\n\n", 1)[0].splitlines()
    totals = section[-1].split()
    assert totals == ["total", "4", "2", "2"]
    audience = out.split("Cards per audience", 1)[1].splitlines()
    counts = {line.split()[0]: line.split()[1] for line in audience[3:]}
    assert counts == {"couples": "6", "friends": "6", "family": "5"}


def test_stats_names_skipped_decks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(FIXTURES / "broken.yaml")]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("0 deck(s) in play, 0 cards")
    assert "skipped" in err and "broken.yaml: 2 problems" in err


def test_schema_prints_draft_2020_12(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]
    assert set(schema["required"]) == {"name", "type", "levels"}
    assert schema["properties"]["levels"]["propertyNames"] == {"pattern": "^[1-9]$"}
    assert schema["$defs"]["CardSpec"]["additionalProperties"] is False


def test_schema_matches_the_model() -> None:
    generated = deck_schema()
    assert set(generated["properties"]) == set(DeckSpec.model_fields)


def test_committed_schema_has_not_drifted_from_the_model() -> None:
    committed = (ROOT / "decks" / "deck.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "decks/deck.schema.json is stale: run `deckgame schema > decks/deck.schema.json`"
    )


def test_core_pack_file_names_the_levels() -> None:
    from deckgame.loader import load_pack_file

    spec, problems = load_pack_file(ROOT / "decks" / "core" / "pack.yaml")
    assert problems == [] and spec is not None
    assert spec.name == "Core"
    assert spec.levels == {1: "Warmth", 2: "Confidentiality", 3: "Vulnerability", 4: "Authenticity"}


def test_validate_with_library_finds_clashes_with_builtin_cards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from deckgame.loader import load_library

    builtin = load_library(user=False)
    if not builtin.cards:
        pytest.skip("no built-in cards yet")
    card = builtin.cards[0]
    copy = tmp_path / "copy.yaml"
    copy.write_text(
        f"name: Copy\ntype: {card.type.value}\nlevels:\n  {card.level}:\n"
        f"    - {card.kind}: {json.dumps(card.text)}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(copy)]) == 0
    capsys.readouterr()
    assert main(["validate", "--with-library", str(copy)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(f"{copy}:5:7: error: duplicate card id '{card.id}'")


def test_piping_into_a_reader_that_stops_early_is_no_traceback(tmp_path: Path) -> None:
    # `deckgame stats decks | head -3`: the reader has gone before the table is written.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DECKGAME_HOME": str(tmp_path)}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "deckgame", "stats", str(ROOT / "decks")],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write_end)
    err = result.stderr.decode()
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert result.returncode == 1
