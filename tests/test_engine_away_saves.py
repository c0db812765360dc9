"""Away, hold and undo across a save and load; the same seed replays the same night."""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_helpers import (
    circle_deck,
    done_turn,
    done_turns,
    make_card,
    make_deck,
    new_game,
    phase_of,
    reloaded,
)

from deckgame.engine import (
    SAVE_VERSION,
    Action,
    Agree,
    Away,
    Back,
    Done,
    Game,
    Hold,
    Next,
    NothingToUndo,
    Pass,
    Phase,
    Resume,
    Settings,
    Skip,
    Undo,
    Veto,
    Warmth,
    action_to_dict,
)

# --- save and load ---------------------------------------------------------------------


def test_save_and_load_keep_away_and_hold() -> None:
    deck = make_deck()
    game = new_game(4, deck, unlock_rounds=1)
    game.apply(Away(3))
    done_turns(game, 3)
    game.apply(Hold(5.0))
    assert game.deeper_waiting and game.held
    data = game.to_dict()
    assert data["version"] == SAVE_VERSION
    assert data["state"]["away"] == [False, False, False, True]
    restored = reloaded(game, deck)
    assert restored.to_dict() == game.to_dict()
    assert restored.held and restored.deeper_waiting and restored.present == (0, 1, 2)
    script: list[Action] = [Resume(6.0), Back(3), Done(), Next(), *[Agree(s) for s in range(4)]]
    for action in script:
        assert restored.apply(action) == game.apply(action)
    assert restored.to_dict() == game.to_dict() and game.level == 2


def test_an_old_save_without_away_hold_or_undo_still_loads() -> None:
    deck = make_deck()
    game = new_game(3, deck)
    done_turn(game)
    data = json.loads(json.dumps(game.to_dict()))
    data["version"] = 1
    del data["undo"]
    for key in ("away", "round_away", "held", "deeper_waiting"):
        del data["state"][key]
    old = Game.from_dict(data, deck)
    assert old.state.to_dict() == game.state.to_dict()
    with pytest.raises(NothingToUndo):
        old.apply(Undo())  # no history saved: undo starts afresh


def test_undo_reaches_back_across_a_save_and_load() -> None:
    deck = make_deck(levels=(1,), per_pile=20)
    game = new_game(3, deck)
    snapshots = [game.state.to_dict()]
    for _ in range(40):
        done_turn(game)
        snapshots.append(game.state.to_dict())
    game.apply(Hold(1.0))
    game.apply(Resume(2.0))
    game = reloaded(game, deck)
    for expected in reversed(snapshots[:-1]):
        game.apply(Undo())
        game.apply(Undo())
        assert game.state.to_dict() == expected
    with pytest.raises(NothingToUndo):
        game.apply(Undo())


def test_undo_after_a_load_never_brings_back_an_x_carded_card() -> None:
    deck = make_deck()
    game = new_game(3, deck)
    vetoed = game.state.card
    game.apply(Veto())
    game = reloaded(game, deck)
    with pytest.raises(NothingToUndo) as refused:
        game.apply(Undo())
    assert "X-card" in str(refused.value)
    done_turns(game, 3)
    game = reloaded(game, deck)
    for _ in range(6):
        game.apply(Undo())
        assert vetoed not in (game.state.card, *game.state.offered)
        assert vetoed in game.state.gone
    with pytest.raises(NothingToUndo):
        game.apply(Undo())


@pytest.mark.parametrize(
    "tamper",
    [
        lambda undo: undo.update(actions="nonsense"),
        lambda undo: undo.update(state={"settings": {}}),
        lambda undo: undo["actions"][-1].append({"action": "warp"}),
        lambda undo: undo["actions"][-1].insert(0, {"action": "veto", "index": None}),
        lambda undo: undo["actions"][-1].pop(0),  # no longer leads to the saved state
        lambda undo: undo["state"].update(seed=12345),
        lambda undo: undo.update(floor=None),
        lambda undo: undo["actions"].extend([[]] * 40),
    ],
)
def test_a_bad_undo_section_is_dropped_and_the_session_loads(tamper: Any) -> None:
    deck = make_deck()
    game = new_game(3, deck)
    done_turns(game, 2)
    data = json.loads(json.dumps(game.to_dict()))
    tamper(data["undo"])
    restored = Game.from_dict(data, deck)
    assert restored.state.to_dict() == game.state.to_dict()
    with pytest.raises(NothingToUndo):
        restored.apply(Undo())


def test_a_saved_undo_history_holding_an_x_card_is_dropped() -> None:
    """A file that would replay to the saved state through a veto: still no way back."""
    deck = make_deck()
    game = new_game(3, deck)
    before = game.state.to_dict()
    vetoed = game.state.card
    game.apply(Veto())
    data = json.loads(json.dumps(game.to_dict()))
    data["undo"] = {"state": before, "actions": [[{"action": "veto", "index": None}]], "floor": ""}
    restored = Game.from_dict(data, deck)
    with pytest.raises(NothingToUndo):
        restored.apply(Undo())
    assert restored.state.card != vetoed and vetoed in restored.state.gone


def test_an_undo_history_with_cards_no_longer_loaded_is_dropped() -> None:
    deck = make_deck()
    game = new_game(3, deck)
    first = game.state.card
    done_turns(game, 2)
    restored = Game.from_dict(game.to_dict(), [c for c in deck if c.id != first])
    with pytest.raises(NothingToUndo):
        restored.apply(Undo())


def test_load_refuses_a_state_that_cannot_be() -> None:
    deck = make_deck()
    game = new_game(3, deck)
    for field, value in [
        ("away", [True, False, False]),  # the active player away with a card in hand
        ("away", [False, True, True]),  # one present but not waiting
        ("away", [False]),
        ("held", "yes"),
        ("phase", "waiting"),
    ]:
        data = game.to_dict()
        data["state"][field] = value
        with pytest.raises(ValueError):
            Game.from_dict(data, deck)


# --- determinism -----------------------------------------------------------------------


def test_same_seed_same_actions_same_events_with_players_coming_and_going() -> None:
    deck = make_deck(per_pile=6) + circle_deck()
    script: list[Action] = [
        Done(),
        Warmth(2),
        Next(),
        Away(2),
        Pass(),
        Hold(1.0),
        Resume(2.0),
        Done(),
        Next(),
        Away(0),
        Back(2),
        Done(),
        Next(),
        Away(4),
        Away(5),
        Away(1),
        Back(0),
        Done(),
        Undo(),
        Skip(),
        Back(5),
        Done(),
        Next(),
        Back(1),
        Back(4),
    ]
    logs = []
    for _ in range(2):
        game = new_game(6, deck, seed=99, unlock_rounds=1)
        log = [e.to_dict() for e in game.opening_events]
        for action in script:
            log += [e.to_dict() for e in game.apply(action)]
        logs.append((json.dumps(log), json.dumps(game.to_dict())))
    assert logs[0] == logs[1]
    logged = {e["event"] for e in json.loads(logs[0][0])}
    assert {"away", "back", "hold", "resume", "undo"} <= logged


# --- lines -----------------------------------------------------------------------------


def test_lines_match_without_regard_to_case() -> None:
    settings = Settings(players=("Ana", "Bo"), excluded=frozenset({"Touch", " PAST ", ""}))
    assert settings.excluded == frozenset({"touch", "past"})
    cards = [make_card("touchy", tags=["touch"]), make_card("old", tags=["past"])]
    cards += [make_card(f"fine-{i}") for i in range(3)]
    game = Game.new(settings, cards, seed=0)
    dealt = []
    while phase_of(game) is Phase.CARD:
        assert game.state.card is not None
        dealt.append(game.state.card)
        done_turn(game)
    assert sorted(dealt) == ["fine-0", "fine-1", "fine-2"]
    assert Settings.from_dict(settings.to_dict()) == settings


def test_action_dicts_of_the_new_actions() -> None:
    assert action_to_dict(Away(2)) == {"action": "away", "seat": 2}
    assert action_to_dict(Back(2)) == {"action": "back", "seat": 2}
    assert action_to_dict(Hold(1.5)) == {"action": "hold", "now": 1.5}
    assert action_to_dict(Resume(2.5)) == {"action": "resume", "now": 2.5}
