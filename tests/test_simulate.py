"""``deckgame simulate``: headless sessions that report unlocks and dry piles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deckgame.cli import main
from deckgame.engine import Settings
from deckgame.model import ALL_AUDIENCES, Audience, Card, IntimacyType
from deckgame.nights import night_seed, play_nights
from deckgame.simulate import cell_counts, play_session, simulate


def make_cards(per_cell: int, levels: tuple[int, ...] = (1, 2, 3)) -> list[Card]:
    return [
        Card(
            id=f"{t.value}-{level}-{i}",
            kind="ask",
            text=f"Question {i} for {{player}}",
            type=t,
            level=level,
            audience=ALL_AUDIENCES if i % 2 == 0 else frozenset({Audience.COUPLES}),
        )
        for t in (IntimacyType.EMOTIONAL, IntimacyType.SPIRITUAL)
        for level in levels
        for i in range(per_cell)
    ]


def test_everyone_agreeing_unlocks_every_level_at_the_pace_set() -> None:
    settings = Settings(players=("Ana", "Ben"), audience=Audience.COUPLES, unlock_rounds=2)
    report = play_session(make_cards(10), settings, seed=3)
    # Two trust-building rounds per level, and the question is asked as round 2 ends.
    assert sorted(report.unlocked) == [2, 3]
    assert report.unlocked[3] > report.unlocked[2]
    assert report.reached[2] == report.unlocked[2]
    assert report.deepest == 3
    assert report.ended_by == "no cards left"
    # Level 3 is played until it runs dry; nothing ran dry earlier.
    assert {level for _, level in report.piles_dry} == {3}


def test_saying_not_yet_delays_the_next_level() -> None:
    settings = Settings(players=("Ana", "Ben"), audience=Audience.COUPLES, unlock_rounds=1)
    eager = play_session(make_cards(10), settings, seed=1)
    shy = play_session(make_cards(10), settings, seed=1, not_yet=2)
    assert shy.reached[2] > eager.reached[2]


def test_rounds_limit_stops_the_session() -> None:
    settings = Settings(players=("Ana", "Ben", "Cy"))
    report = play_session(make_cards(30), settings, seed=0, rounds=3)
    assert report.rounds == 3
    assert report.cards_done == 9
    assert report.ended_by == "rounds"


def test_cells_follow_the_audience_filter() -> None:
    cards = make_cards(4, levels=(1,))
    friends = cell_counts(cards, Settings(players=("A", "B"), audience=Audience.FRIENDS))
    couples = cell_counts(cards, Settings(players=("A", "B"), audience=Audience.COUPLES))
    assert friends[("emotional", 1)] == 2  # couples-only cards are left out
    assert couples[("emotional", 1)] == 4


def test_a_thin_level_reports_running_dry_before_the_deepest() -> None:
    cards = [c for c in make_cards(6) if not (c.level == 1 and c.id.endswith(("-2", "-4")))]
    settings = Settings(players=tuple("ABCD"), audience=Audience.FAMILY, unlock_rounds=3)
    report = simulate(cards, settings, sessions=3)
    text = report.format()
    assert "A level ran dry before the deepest level was reached: L1 in 3/3 sessions" in text
    assert "emotional L1: 3/3 sessions" in text


def test_same_seed_same_sessions() -> None:
    settings = Settings(players=("Ana", "Ben", "Cy"))
    one = simulate(make_cards(8), settings, sessions=3, seed=5).format()
    two = simulate(make_cards(8), settings, sessions=3, seed=5).format()
    assert one == two


DECK = """\
name: Sim
type: emotional
levels:
  1:
{level1}
  2:
{level2}
"""


@pytest.fixture
def deck_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "sim.yaml").write_text(
        DECK.format(
            level1="\n".join(f"    - ask: Easy question {i}?" for i in range(12)),
            level2="\n".join(f"    - ask: Deeper question {i}?" for i in range(12)),
        ),
        encoding="utf-8",
    )
    return folder


def test_cli_reports_and_logs(deck_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = deck_dir.parent / "events.jsonl"
    code = main(
        [
            "simulate",
            "--decks",
            str(deck_dir),
            "--players",
            "3",
            "--types",
            "emotional",
            "--sessions",
            "2",
            "--rounds",
            "4",
            "--log",
            str(log),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "2 sessions, 3 players (Player 1, Player 2, Player 3)" in out
    assert "L2 Confidentiality: unlocked in 2/2" in out
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert {"deal", "done", "warmth", "round_end", "unlock", "deeper", "end"} <= {
        e["event"] for e in events
    }
    assert all({"event", "turn", "round", "level"} <= e.keys() for e in events)
    assert sum(e["event"] == "end" for e in events) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--players", "1"], "2 to 8 players"),
        (["--players", "9"], "2 to 8 players"),
        (["--types", "emotinal"], "did you mean 'emotional'"),
        (["--unlock-rounds", "11"], "1-10"),
        (["--sessions", "0"], "--sessions"),
        (["--decks", "/no/such/folder"], "no such file or folder"),
    ],
)
def test_cli_bad_options_exit_2_with_a_message(
    deck_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["simulate", *args]) == 2
    assert message in capsys.readouterr().err


def test_cli_with_only_broken_decks_says_there_is_nothing_to_play(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("deckgame.resources.builtin_decks_dir", lambda: tmp_path / "none")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Broken\ntype: emotinal\nlevels: {1: [{ask: Hi?}]}\n", encoding="utf-8")
    assert main(["simulate", "--decks", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:7: error:" in err
    assert "nothing to play" in err


def test_a_card_limit_ends_the_session_after_that_many_cards() -> None:
    settings = Settings(players=("Ana", "Ben"), audience=Audience.COUPLES)
    report = play_session(make_cards(10), settings, seed=2, max_cards=7)
    assert (report.cards_done, len(report.dealt), report.ended_by) == (7, 7, "cards")


def test_nights_carry_the_history_so_no_card_comes_back_while_others_wait() -> None:
    settings = Settings(players=("Ana", "Ben"), audience=Audience.COUPLES)
    cards = make_cards(10)  # 60 cards, 20 a level: three nights of 6 take 18
    nights = play_nights(cards, settings, nights=3, cards_per_night=6, seed=4)
    assert [len(n.session.dealt) for n in nights] == [6, 6, 6]
    assert [n.repeats for n in nights] == [[], [], []]
    dealt = [card for n in nights for card in n.session.dealt]
    assert len(set(dealt)) == len(dealt)
    # Each night has its own seed, and night 1 is the session --seed plays.
    assert [n.session.seed for n in nights] == [4, 5, 6] == [night_seed(4, n) for n in (1, 2, 3)]
    assert nights[0].session.dealt == play_session(cards, settings, seed=4, max_cards=6).dealt


def test_nights_report_the_cards_dealt_again_once_a_pile_runs_out() -> None:
    settings = Settings(players=("Ana", "Ben"), audience=Audience.COUPLES, unlock_rounds=5)
    cards = make_cards(3, levels=(1,))  # 6 cards at level 1: night 2 must repeat some
    nights = play_nights(cards, settings, nights=2, cards_per_night=5)
    assert nights[0].repeats == []
    assert len(nights[1].repeats) == 4  # one card was left over from night 1


def test_cli_plays_nights_in_a_row(
    deck_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the test's deck: 12 cards a level, and 6 cards a night stay at level 1 (two
    # rounds of three), so the third night must deal again what the first one dealt.
    monkeypatch.setattr("deckgame.resources.builtin_decks_dir", lambda: deck_dir / "none")
    args = ["simulate", "--decks", str(deck_dir), "--players", "3", "--types", "emotional"]
    assert main([*args, "--nights", "2", "--cards-per-night", "6", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 nights in a row, 3 players (Player 1, Player 2, Player 3)")
    table = out.split("dealt before\n", 1)[1].split("\n\n", 1)[0]
    rows = [line.split() for line in table.splitlines()]
    assert [row[:3] for row in rows] == [["1", "9", "6"], ["2", "10", "6"]]
    assert "No card was dealt twice across the nights." in out
    assert main([*args, "--nights", "3", "--cards-per-night", "6"]) == 0
    assert "Cards dealt again on a later night: 6, first on night 3" in capsys.readouterr().out


def test_cli_help_tells_of_nights(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["simulate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--nights N" in out and "--cards-per-night C" in out
    assert "history is used even with --seed" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nights", "0"], "--nights must be 1 to 100, not 0"),
        (["--nights", "-3"], "--nights must be 1 to 100, not -3"),
        (["--nights", "101"], "--nights must be 1 to 100"),
        (["--nights", "2", "--cards-per-night", "0"], "--cards-per-night must be 1 to 500"),
        (["--nights", "2", "--cards-per-night", "-1"], "--cards-per-night must be 1 to 500"),
        (["--nights", "2", "--cards-per-night", "501"], "--cards-per-night must be 1 to 500"),
        (["--cards-per-night", "20"], "--cards-per-night goes with --nights"),
        (["--nights", "2", "--sessions", "3"], "leave out --sessions and --rounds"),
        (["--nights", "2", "--rounds", "3"], "leave out --sessions and --rounds"),
        (["--nights", "two"], "invalid int value"),
    ],
)
def test_cli_bad_nights_exit_2_with_a_message(
    deck_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with_decks = ["simulate", "--decks", str(deck_dir), *args]
    try:
        code = main(with_decks)
    except SystemExit as stop:  # argparse itself refuses what is not a number
        code = int(stop.code or 0)
    assert code == 2
    assert message in capsys.readouterr().err
