"""``deckgame stats`` counts how the cards fit each group (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgame.cli import main

DECK = """\
name: Fit
type: experiential
audience: [couples, friends]
levels:
  1:
    - ask: Which snack wins a long car ride?
      audience: [couples, friends, family]
    - ask: On three, everyone points at the person most likely to get lost. Were you right?
      min_players: 3
      tags: [vote]
      audience: [couples, friends, family]
    - ask: "Finish the sentence: a perfect Sunday starts with..."
      tags: [finish-the-sentence]
  2:
    - ask: What do you remember about the first day we met?
      audience: [couples]
      max_players: 2
closing:
  - ask: What will you take home from tonight?
"""


def _section(out: str, title: str) -> dict[tuple[str, ...], list[str]]:
    """Rows of the table under ``title``, keyed by their leading words."""
    body = out.split(title + "\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    return {tuple(line.split()[:2]): line.split()[2:] for line in body}


def test_stats_counts_playable_cards_per_audience_level_and_players(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fit.yaml").write_text(DECK, encoding="utf-8")
    assert main(["stats", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    rows = _section(out, "Playable per audience and level (audience and player count applied)")
    # columns: 2 players, 4 players, 6 players, this audience only
    assert rows["couples", "1"] == ["2", "3", "3", "0"]
    assert rows["couples", "2"] == ["1", "0", "0", "1"]
    assert rows["friends", "1"] == ["2", "3", "3", "0"]
    assert rows["family", "1"] == ["1", "2", "2", "0"]
    assert rows["family", "4"] == ["0", "0", "0", "0"]


def test_stats_counts_the_format_tags_per_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fit.yaml").write_text(DECK, encoding="utf-8")
    main(["stats", str(tmp_path)])
    out = capsys.readouterr().out
    body = out.split("Formats (tags) per level\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    rows = {line.split()[0]: line.split()[1:] for line in body}
    assert rows["vote"] == ["1", "0", "0", "0", "1"]
    assert rows["finish-the-sentence"] == ["1", "0", "0", "0", "1"]
    assert rows["wildcard"] == ["0", "0", "0", "0", "0"]
    # The audience table stays last, as before.
    assert out.rstrip().splitlines()[-3].startswith("couples")
