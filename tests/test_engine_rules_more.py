"""Rules of play where they could break: counted rounds, a not yet, level 3 -> 2, X-card.

Each test plays with three players or more where the count matters, and each was seen to
fail once with its rule broken on purpose.
"""

from __future__ import annotations

from engine_helpers import agree_all, done_round, done_turn, make_deck, names, new_game, phase_of

from deckgame.engine import (
    Agree,
    Done,
    Event,
    Next,
    NotYet,
    Pass,
    Phase,
    Skip,
    StepBack,
    Veto,
    Warmth,
    summarize,
)


def round_end(events: list[Event]) -> Event:
    return next(e for e in events if e.event == "round_end")


def test_a_pass_after_one_trust_round_does_not_delay_the_unlock() -> None:
    game = new_game(3, unlock_rounds=2)
    assert round_end(done_round(game)).extra == {"trust_building": True, "trust_rounds": 1}
    # Round 2: the second player passes once, then does the card; passing is free.
    events = done_turn(game)
    events += game.apply(Pass())
    assert game.active_player == "Bo"
    events += done_turn(game)
    events += done_turn(game)
    assert round_end(events).extra == {"trust_building": True, "trust_rounds": 2}
    assert names(events)[-1] == "unlock"
    assert phase_of(game) is Phase.DEEPER


def test_one_not_yet_asks_again_after_the_next_trust_round_not_two() -> None:
    game = new_game(3, unlock_rounds=2)
    done_round(game)
    assert "unlock" in names(done_round(game))
    game.apply(Agree(0))
    game.apply(NotYet(1))
    assert game.level == 1 and phase_of(game) is Phase.CARD
    # Two rounds were needed the first time; after a not yet, one trust round is enough.
    events = done_round(game)
    assert round_end(events).extra["trust_building"] is True
    assert names(events)[-1] == "unlock"
    assert phase_of(game) is Phase.DEEPER
    agree_all(game)
    assert game.level == 2


def test_a_spoiled_round_after_a_not_yet_does_not_bring_the_question_back() -> None:
    game = new_game(3, unlock_rounds=2)
    done_round(game)
    done_round(game)
    game.apply(NotYet(0))
    events = done_turn(game) + game.apply(Skip()) + done_turn(game)
    assert round_end(events).extra["trust_building"] is False
    assert "unlock" not in names(events)
    assert "unlock" in names(done_round(game))


def test_stepping_back_from_level_three_lands_on_level_two() -> None:
    game = new_game(3, make_deck(levels=(1, 2, 3)), unlock_rounds=1)
    done_round(game)
    agree_all(game)
    done_round(game)
    agree_all(game)
    assert game.level == 3
    events = game.apply(StepBack())
    assert events[0].extra == {"from_level": 3, "to_level": 2}
    assert game.level == 2
    card = game.current_card
    assert card is not None and card.level == 2
    game.apply(StepBack())
    assert game.level == 1
    assert game.state.deepest == 3


def test_stepping_back_skips_a_level_without_cards() -> None:
    game = new_game(3, make_deck(levels=(1, 3, 4)), unlock_rounds=1)
    done_round(game)
    agree_all(game)
    done_round(game)
    agree_all(game)
    assert game.level == 4
    game.apply(StepBack())
    assert game.level == 3


def test_done_then_x_card_in_the_same_turn_keeps_the_round_trust_building() -> None:
    game = new_game(3, unlock_rounds=5)
    events = done_turn(game)
    events += game.apply(Done())
    vetoed = game.state.card
    events += game.apply(Veto())  # the done card is X-carded: the turn ends
    assert game.active_player == "Chen"
    assert vetoed in game.state.gone
    events += done_turn(game)
    assert round_end(events).extra == {"trust_building": True, "trust_rounds": 1}


def test_warmth_in_the_summary_stays_in_seat_order_whatever_the_counts() -> None:
    game = new_game(4, unlock_rounds=10)
    # Neither count is in seat order, rising or falling: a ranking would show.
    gifts = {0: [3], 1: [0, 2], 2: [0, 1, 3], 3: [0]}  # answerer -> givers
    for seat in range(4):
        assert game.seat == seat
        game.apply(Done())
        for giver in gifts[seat]:
            game.apply(Warmth(giver))
        game.apply(Next())
    summary = summarize(game.state)
    assert list(summary.warmth_given) == ["Ana", "Bo", "Chen", "Dana"]
    assert list(summary.warmth_received) == ["Ana", "Bo", "Chen", "Dana"]
    assert summary.warmth_given == {"Ana": 3, "Bo": 1, "Chen": 1, "Dana": 2}
    assert summary.warmth_received == {"Ana": 1, "Bo": 2, "Chen": 3, "Dana": 1}
    assert list(summary.to_dict()["warmth_given"]) == ["Ana", "Bo", "Chen", "Dana"]
