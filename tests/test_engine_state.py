"""Settings validation, save/load, the event log, the summary, and a pygame-free import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import NAMES, make_card, make_deck, new_game

from deckgame.engine import (
    EVENT_NAMES,
    Action,
    Agree,
    Done,
    End,
    Event,
    EventLog,
    Game,
    Next,
    OptionError,
    Pass,
    Phase,
    PlayerCountError,
    PlayerNameError,
    Settings,
    Skip,
    Star,
    TypesError,
    Veto,
    Warmth,
    action_from_dict,
    action_to_dict,
    summarize,
)
from deckgame.model import Audience, IntimacyType

# --- settings ------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 9])
def test_two_to_eight_players(count: int) -> None:
    with pytest.raises(PlayerCountError):
        Settings(players=tuple(f"P{i}" for i in range(count)))


def test_eight_players_any_script_names_stripped() -> None:
    settings = Settings(players=(" 日向 ", "Zoë", "Ødegård", "محمد", "Ана", "x" * 24, "B", "C"))
    assert settings.players[0] == "日向"
    assert len(settings.players) == 8
    # Zero-width joiners are parts of names (Persian, Indic scripts, emoji sequences).
    joined = Settings(players=("نسرین\u200cدخت", "👩\u200d🎤 Ana"))
    assert joined.players == ("نسرین\u200cدخت", "👩\u200d🎤 Ana")


@pytest.mark.parametrize(
    "players",
    [
        ("Ana", "   "),
        ("Ana", "x" * 25),
        ("Ana", "ana"),
        ("Ana", "A\nB"),
        ("Ana", " Ana "),
        ("Ana", "\u202eanA"),  # a right-to-left override disguising a name
    ],
)
def test_bad_names(players: tuple[str, ...]) -> None:
    with pytest.raises(PlayerNameError):
        Settings(players=players)


@pytest.mark.parametrize(
    ("option", "value"),
    [("unlock_rounds", 0), ("unlock_rounds", 11), ("offered", 3), ("offered", 0)],
)
def test_bad_options(option: str, value: int) -> None:
    with pytest.raises(OptionError):
        Settings(players=("Ana", "Bo"), **{option: value})  # type: ignore[arg-type]


def test_types_must_be_a_non_empty_known_subset() -> None:
    with pytest.raises(TypesError):
        Settings(players=("Ana", "Bo"), types=frozenset())
    with pytest.raises(TypesError):
        Settings(players=("Ana", "Bo"), types=frozenset({"romantic"}))  # type: ignore[arg-type]
    ok = Settings(players=("Ana", "Bo"), types=frozenset({"physical"}))  # type: ignore[arg-type]
    assert ok.types == {IntimacyType.PHYSICAL}


def test_settings_round_trip() -> None:
    settings = Settings(
        players=("Ana", "Bo"),
        audience=Audience.FAMILY,
        excluded=frozenset({"past"}),
        unlock_rounds=3,
        offered=2,
        decks=frozenset({"Small Joys"}),
    )
    assert Settings.from_dict(json.loads(json.dumps(settings.to_dict()))) == settings


# --- save and load -------------------------------------------------------------------


def test_save_load_round_trips_and_plays_on_identically() -> None:
    deck = make_deck()
    game = new_game(3, deck, seed=42, offered=2, unlock_rounds=1)
    game.apply(Veto(0))
    game.apply(Pass())
    data = json.loads(json.dumps(game.to_dict()))
    restored = Game.from_dict(data, deck)
    assert restored.to_dict() == game.to_dict()
    for _ in range(30):
        legal = [a for a in game.legal_actions() if a.name not in ("undo", "end", "step_back")]
        assert game.apply(legal[0]) == restored.apply(legal[0])
    assert restored.to_dict() == game.to_dict()


def test_load_refuses_foreign_data_and_missing_table_cards() -> None:
    deck = make_deck()
    game = new_game(2, deck)
    with pytest.raises(ValueError):
        Game.from_dict({"format": "something else"}, deck)
    with pytest.raises(ValueError):
        Game.from_dict({"format": "deckgame-session", "version": 1, "state": {}}, deck)
    on_table = game.state.card
    with pytest.raises(ValueError):
        Game.from_dict(game.to_dict(), [c for c in deck if c.id != on_table])


def test_load_drops_cards_no_longer_loaded_from_piles() -> None:
    deck = make_deck()
    game = new_game(2, deck)
    dropped = next(c for c in deck if c.id != game.state.card)
    restored = Game.from_dict(game.to_dict(), [c for c in deck if c is not dropped])
    assert all(dropped.id not in pile for pile in restored.state.piles.values())


def test_action_round_trip() -> None:
    for action in new_game(3).legal_actions():
        assert action_from_dict(json.loads(json.dumps(action_to_dict(action)))) == action
    with pytest.raises(ValueError):
        action_from_dict({"action": "cheat"})


# --- events --------------------------------------------------------------------------


def test_events_carry_context_and_never_card_text(tmp_path: Path) -> None:
    secret = "What is your deepest secret"
    deck = [make_card(f"c{i}", text=f"{secret} {i}?") for i in range(6)]
    game = new_game(2, deck, unlock_rounds=1)
    events: list[Event] = list(game.opening_events)
    script: list[Action] = [Star(), Done(), Warmth(1), Next(), Pass(), Skip(), Veto(), End()]
    for action in script:
        events += game.apply(action)
    for event in events:
        data = event.to_dict()
        assert event.event in EVENT_NAMES
        assert {"event", "turn", "round", "level"} <= data.keys()
        if event.event in ("deal", "done", "pass", "veto", "star"):
            assert data["card"].startswith("c") and data["player"] in NAMES
    assert secret not in json.dumps([e.to_dict() for e in events])
    kinds = [e.event for e in events]
    for name in ("deal", "star", "done", "warmth", "pass", "skip", "veto", "end"):
        assert name in kinds


def test_event_log_appends_json_lines_flushed_per_event(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text('{"event": "earlier"}\n', encoding="utf-8")
    game = new_game(["Zoë", "日向"])
    log = EventLog(path)
    log.write(game.opening_events)
    log.write(game.apply(Done()))
    # Readable before close: each event is flushed as it is written.
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event"] for line in lines] == ["earlier", "deal", "done"]
    assert json.loads(lines[1])["player"] == "Zoë"
    log.close()
    with pytest.raises(ValueError):
        log.write(game.apply(Next()))


def test_same_seed_same_actions_same_log() -> None:
    def play(seed: int) -> list[dict[str, object]]:
        game = new_game(4, seed=seed, unlock_rounds=1, offered=2)
        events = list(game.opening_events)
        for _ in range(80):
            legal = game.legal_actions()
            action = legal[(len(events) * 7) % len(legal)]
            events += game.apply(action)
        return [e.to_dict() for e in events]

    assert play(3) == play(3)
    assert play(3) != play(4)


# --- summary -------------------------------------------------------------------------


def test_summary_counts() -> None:
    closing = [
        make_card("close-all", level=None),
        make_card("close-couples", level=None, audience=[Audience.COUPLES]),
        make_card("close-line", level=None, tags=["past"]),
    ]
    game = new_game(2, unlock_rounds=1, excluded=frozenset({"past"}))
    first = game.current_card
    assert first is not None
    game.apply(Star())
    game.apply(Done())
    game.apply(Warmth(1))
    game.apply(Next())
    second = game.current_card
    assert second is not None
    game.apply(Done())
    game.apply(Next())  # round 1 ends, trust-building: the deeper question
    game.apply(Agree(0))
    game.apply(Agree(1))
    game.apply(Skip())
    game.apply(End())
    summary = summarize(game.state, closing)
    assert list(summary.done_by_type) == [t.value for t in IntimacyType]
    expected = {t.value: 0 for t in IntimacyType}
    expected[first.type.value] += 1
    expected[second.type.value] += 1
    assert summary.done_by_type == expected
    assert summary.cards_done == 2
    assert summary.deepest_level == 2
    assert summary.rounds_played == 1
    assert summary.turns_played == 3
    assert summary.warmth_given == {"Ana": 0, "Bo": 1}
    assert summary.warmth_received == {"Ana": 1, "Bo": 0}
    assert summary.starred == [first.id]
    assert [c.id for c in summary.closing] == ["close-all"]
    assert json.loads(json.dumps(summary.to_dict()))["closing"] == ["close-all"]
    assert game.phase is Phase.ENDED


# --- purity --------------------------------------------------------------------------


def test_engine_imports_without_pygame_or_yaml() -> None:
    code = (
        "import sys, deckgame.engine as e; "
        "heavy = ('pygame', 'yaml', 'deckgame.loader', 'deckgame.ui'); "
        "bad = [m for m in heavy if m in sys.modules]; "
        "print(','.join(bad) or 'clean', e.Game.__name__)"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.split() == ["clean", "Game"]


def test_load_refuses_inconsistent_data() -> None:
    game = new_game(3)
    for field, value in [("seat", 3), ("round_done", [False]), ("phase", "offer"), ("votes", -1)]:
        data = game.to_dict()
        data["state"][field] = value
        with pytest.raises(ValueError):
            Game.from_dict(data, make_deck())


def test_game_summary_and_dealt_ids() -> None:
    game = new_game(2, make_deck(levels=(1,)))
    first = game.state.card
    game.apply(Pass())
    second = game.state.card
    game.apply(Done())
    assert game.dealt_ids == [first, second]
    assert game.summary().cards_done == 1
