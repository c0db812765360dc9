"""Scenario tests, one per rule of play (GAME.md "Rules of play"): turns and rounds, going
deeper and back, {other} and rendering."""

from __future__ import annotations

import pytest
from engine_helpers import (
    agree_all,
    done_round,
    done_turn,
    make_card,
    make_deck,
    names,
    new_game,
    phase_of,
)

from deckgame.engine import (
    Agree,
    ChooseOther,
    Done,
    Next,
    NoLevel,
    NotYet,
    Pass,
    Phase,
    Skip,
    StepBack,
    UnknownSeat,
    Warmth,
    WrongPhase,
    WrongPlayer,
)

# --- turns and rounds ----------------------------------------------------------------


def test_seats_go_clockwise_in_entry_order() -> None:
    game = new_game(4, unlock_rounds=10)
    seen = []
    for _ in range(9):
        seen.append(game.active_player)
        done_turn(game)
    assert seen == ["Ana", "Bo", "Chen", "Dana", "Ana", "Bo", "Chen", "Dana", "Ana"]


def test_a_round_ends_when_every_player_had_a_turn_done_or_skipped() -> None:
    game = new_game(3)
    assert "round_end" not in names(done_turn(game))
    assert "round_end" not in names(game.apply(Skip()))
    events = done_turn(game)
    assert "round_end" in names(events)
    assert game.state.round == 2
    assert game.state.turn == 4


def test_round_is_trust_building_only_when_everyone_did_a_card() -> None:
    game = new_game(2, unlock_rounds=5)
    events = done_round(game)
    end = next(e for e in events if e.event == "round_end")
    assert end.extra["trust_building"] is True
    done_turn(game)
    events = game.apply(Skip())
    end = next(e for e in events if e.event == "round_end")
    assert end.extra["trust_building"] is False
    assert game.state.trust_rounds == 1


def test_pass_then_done_still_counts_as_done_for_trust() -> None:
    game = new_game(2, unlock_rounds=5)
    game.apply(Pass())
    done_turn(game)
    events = done_turn(game)
    end = next(e for e in events if e.event == "round_end")
    assert end.extra["trust_building"] is True


# --- going deeper --------------------------------------------------------------------


def test_next_level_unlocks_after_unlock_rounds_trust_building_rounds() -> None:
    game = new_game(2, unlock_rounds=2)
    assert "unlock" not in names(done_round(game))
    assert phase_of(game) is not Phase.DEEPER
    events = done_round(game)
    assert names(events)[-1] == "unlock"
    assert events[-1].extra["to_level"] == 2
    assert phase_of(game) is Phase.DEEPER
    assert game.voter == 0


def test_unlock_counts_trust_building_rounds_only() -> None:
    game = new_game(2, unlock_rounds=1)
    done_turn(game)
    assert "unlock" not in names(game.apply(Skip()))
    assert "unlock" in names(done_round(game))


def test_no_unlock_when_no_deeper_level_has_cards() -> None:
    game = new_game(2, make_deck(levels=(1,), per_pile=10), unlock_rounds=1)
    for _ in range(3):
        assert "unlock" not in names(done_round(game))
    assert phase_of(game) is Phase.CARD


def test_everyone_agrees_goes_one_level_deeper() -> None:
    game = new_game(3, unlock_rounds=1)
    done_round(game)
    events = agree_all(game)
    assert names(events)[:4] == ["agree", "agree", "agree", "deeper"]
    assert events[3].extra == {"from_level": 1, "to_level": 2}
    assert game.level == 2
    assert game.state.deepest == 2
    card = game.current_card
    assert card is not None and card.level == 2
    assert game.active_player == "Ana"  # a new round starts with the first seat


def test_deeper_skips_levels_without_cards() -> None:
    game = new_game(2, make_deck(levels=(1, 3)), unlock_rounds=1)
    done_round(game)
    agree_all(game)
    assert game.level == 3


def test_one_not_yet_keeps_the_level_and_asks_again_after_next_trust_round() -> None:
    game = new_game(3, unlock_rounds=1)
    done_round(game)
    game.apply(Agree(0))
    events = game.apply(NotYet(1))
    assert names(events)[0] == "not_yet"
    assert events[0].player == "Bo"
    assert game.level == 1
    assert phase_of(game) is Phase.CARD
    # A round that is not trust-building does not bring the question back...
    done_turn(game)
    game.apply(Skip())
    assert "unlock" not in names(done_turn(game))
    # ...the next trust-building one does.
    assert "unlock" in names(done_round(game))
    assert phase_of(game) is Phase.DEEPER
    assert game.voter == 0  # the votes start again from the first seat


def test_votes_go_in_seat_order() -> None:
    game = new_game(3, unlock_rounds=1)
    done_round(game)
    with pytest.raises(WrongPlayer):
        game.apply(Agree(1))
    game.apply(Agree(0))
    with pytest.raises(WrongPlayer):
        game.apply(NotYet(2))
    with pytest.raises(UnknownSeat):
        game.apply(Agree(3))
    with pytest.raises(WrongPhase):
        game.apply(Done())


def test_step_back_goes_down_a_level_any_time_and_returns_the_card() -> None:
    game = new_game(2, unlock_rounds=1)
    with pytest.raises(NoLevel):
        game.apply(StepBack())
    done_round(game)
    agree_all(game)
    shown = game.current_card
    assert shown is not None
    events = game.apply(StepBack())
    assert events[0].event == "step_back"
    assert events[0].extra == {"from_level": 2, "to_level": 1}
    assert game.level == 1
    assert game.state.deepest == 2
    card = game.current_card
    assert card is not None and card.level == 1
    assert game.state.piles[(shown.type.value, 2)][0] == shown.id  # under its pile
    assert game.active_player == "Ana"  # the turn is not lost


def test_after_stepping_back_the_question_returns_after_unlock_rounds() -> None:
    game = new_game(2, unlock_rounds=2)
    done_round(game)
    done_round(game)
    agree_all(game)
    game.apply(StepBack())
    assert game.state.trust_rounds == 0
    assert "unlock" not in names(done_round(game))
    assert "unlock" in names(done_round(game))
    agree_all(game)
    assert game.level == 2


def test_step_back_in_deeper_question_cancels_it() -> None:
    game = new_game(2, make_deck(levels=(1, 2, 3)), unlock_rounds=1)
    done_round(game)
    agree_all(game)
    done_round(game)
    assert phase_of(game) is Phase.DEEPER
    game.apply(StepBack())
    assert phase_of(game) is Phase.CARD
    assert game.level == 1


def test_step_back_after_done_keeps_warmth_possible() -> None:
    game = new_game(2, unlock_rounds=1)
    done_round(game)
    agree_all(game)
    game.apply(Done())
    game.apply(StepBack())
    assert phase_of(game) is Phase.AFTER
    game.apply(Warmth(1))
    game.apply(Next())
    card = game.current_card
    assert card is not None and card.level == 1


# --- {other} and rendering -----------------------------------------------------------


def test_other_with_two_players_is_the_other_one() -> None:
    game = new_game(2)
    assert game.other_player == "Bo"
    done_turn(game)
    assert game.other_player == "Ana"
    with pytest.raises(WrongPlayer):
        game.apply(ChooseOther(1))  # Bo is active: not themself


def test_other_with_three_is_next_clockwise_unless_chosen() -> None:
    game = new_game(3)
    assert game.other_player == "Bo"
    events = game.apply(ChooseOther(2))
    assert events[0].extra == {"other": "Chen"}
    assert game.other_player == "Chen"
    assert game.card_text() == "Tell Chen something, Ana."
    done_turn(game)
    assert game.other_player == "Chen"  # reset for Bo's turn: next clockwise
    done_turn(game)
    assert game.other_player == "Ana"  # Chen's next clockwise wraps around
    with pytest.raises(UnknownSeat):
        game.apply(ChooseOther(5))
    with pytest.raises(WrongPlayer):
        game.apply(ChooseOther(2))


def test_names_render_as_plain_text() -> None:
    card = make_card("c", text="{player} asks {other} about {{braces}}")
    game = new_game(["{other}", "{0}"], [card])
    assert game.card_text() == "{other} asks {0} about {braces}"


def test_follow_up_is_rendered_too() -> None:
    card = make_card("c", follow_up="And {other}?")
    game = new_game(2, [card])
    assert game.follow_up_text() == "And Bo?"
