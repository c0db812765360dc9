"""Away and back (GAME.md "Rules of play"): rotation, warmth, {other}, one's own turn, trust."""

from __future__ import annotations

import pytest
from engine_helpers import (
    done_turn,
    done_turns,
    names,
    new_game,
    phase_of,
    pile_of,
    present,
    round_ends,
)

from deckgame.engine import (
    EVENT_NAMES,
    Away,
    Back,
    ChooseOther,
    Done,
    End,
    Phase,
    PlayerAway,
    Skip,
    UnknownSeat,
    Warmth,
    WrongPhase,
    WrongPlayer,
)

# --- the actions and their refusals ----------------------------------------------------


def test_away_and_back_are_logged_with_the_players_name() -> None:
    game = new_game(3)
    assert game.present == (0, 1, 2)
    events = game.apply(Away(1))
    assert [(e.event, e.player, e.card) for e in events] == [("away", "Bo", None)]
    assert present(game) == (0, 2)
    assert game.is_away(1) and not game.is_away(0) and not game.is_away(7)
    events = game.apply(Back(1))
    assert [(e.event, e.player) for e in events] == [("back", "Bo")]
    assert present(game) == (0, 1, 2)
    assert {"away", "back", "hold", "resume"} <= EVENT_NAMES


def test_away_and_back_refusals() -> None:
    game = new_game(3)
    with pytest.raises(UnknownSeat):
        game.apply(Away(3))
    with pytest.raises(UnknownSeat):
        game.apply(Back(True))
    with pytest.raises(WrongPlayer):
        game.apply(Back(1))  # not away
    game.apply(Away(1))
    with pytest.raises(PlayerAway):
        game.apply(Away(1))  # already away
    game.apply(End())
    with pytest.raises(WrongPhase):
        game.apply(Back(1))
    with pytest.raises(WrongPhase):
        game.apply(Away(0))


def test_away_players_are_skipped_in_rotation() -> None:
    game = new_game(4, unlock_rounds=10)
    game.apply(Away(2))
    seen = []
    for _ in range(6):
        seen.append(game.active_player)
        done_turn(game)
    assert seen == ["Ana", "Bo", "Dana", "Ana", "Bo", "Dana"]
    game.apply(Back(2))  # back before their turn: they play it
    seen = []
    for _ in range(4):
        seen.append(game.active_player)
        done_turn(game)
    assert seen == ["Ana", "Bo", "Chen", "Dana"]


def test_six_players_with_three_away_keep_playing_among_the_rest() -> None:
    game = new_game(6, unlock_rounds=10)
    for seat in (1, 2, 4):
        game.apply(Away(seat))
    seen = []
    for _ in range(6):
        seen.append(game.active_player)
        assert game.other_seat not in (1, 2, 4)
        done_turn(game)
    assert seen == ["Ana", "Dana", "Fé", "Ana", "Dana", "Fé"]
    assert game.state.round == 3
    assert game.state.turn == 7


def test_away_players_give_no_warmth_and_are_not_chosen_as_other() -> None:
    game = new_game(4)
    game.apply(Away(2))
    with pytest.raises(PlayerAway) as refused:
        game.apply(ChooseOther(2))
    assert isinstance(refused.value, WrongPlayer)
    game.apply(Done())
    with pytest.raises(PlayerAway) as refused:
        game.apply(Warmth(2))
    assert isinstance(refused.value, WrongPlayer)
    game.apply(Warmth(1))
    game.apply(Warmth(3))
    assert game.state.warmth_given == [0, 1, 0, 1]
    assert Warmth(2) not in game.legal_actions()


def test_other_by_default_is_the_next_present_seat() -> None:
    game = new_game(4, unlock_rounds=10)
    game.apply(Away(1))
    assert game.other_player == "Chen"  # Bo was {other} of the card in hand: it moves on
    done_turn(game)  # Ana's turn ends; Bo is away, so Chen plays and Dana is {other}
    assert game.active_player == "Chen"
    assert game.other_player == "Dana"
    done_turn(game)
    assert game.active_player == "Dana"
    assert game.other_player == "Ana"
    done_turn(game)
    assert game.active_player == "Ana"
    assert game.other_player == "Chen"  # Bo is skipped as {other} too


def test_when_other_steps_away_other_moves_to_the_next_present_seat() -> None:
    game = new_game(5)
    assert game.other_seat == 1
    game.apply(Away(1))
    assert game.other_seat == 2
    game.apply(ChooseOther(4))
    game.apply(Away(4))
    assert game.other_seat == 2  # after Eli comes Ana, the active player: then Chen
    text = game.card_text()
    assert "Chen" in text


def test_two_present_of_three_other_is_the_one_present() -> None:
    game = new_game(3, unlock_rounds=10)
    game.apply(Away(1))
    done_turn(game)
    assert game.active_player == "Chen"
    assert game.other_player == "Ana"
    with pytest.raises(PlayerAway):
        game.apply(ChooseOther(1))


# --- away during one's own turn --------------------------------------------------------


def test_away_in_own_turn_hands_the_card_back_and_the_turn_moves_on() -> None:
    game = new_game(3, unlock_rounds=10)
    card = game.state.card
    assert card is not None
    events = game.apply(Away(0))
    assert names(events)[:2] == ["away", "deal"]
    assert events[0].card == card and events[0].player == "Ana"
    assert pile_of(game, card)[0] == card  # under its pile, as a pass would
    assert card not in game.state.gone
    assert game.active_player == "Bo"
    assert events[1].player == "Bo"
    assert game.state.turn == 2
    # The handed-back turn does not spoil the round.
    events = done_turns(game, 2)
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]


def test_away_in_own_turn_with_two_offered_cards_hands_both_back() -> None:
    game = new_game(3, offered=2, unlock_rounds=10)
    offered = list(game.state.offered)
    assert phase_of(game) is Phase.OFFER
    events = game.apply(Away(0))
    assert events[0].card is None  # two cards: the pile shows where they went
    for card in offered:
        assert card in pile_of(game, card)[:2]
    assert game.active_player == "Bo"
    assert phase_of(game) is Phase.OFFER


def test_away_in_own_turn_after_done_ends_the_turn_and_keeps_the_done() -> None:
    game = new_game(3, unlock_rounds=10)
    game.apply(Done())
    card = game.state.card
    events = game.apply(Away(0))
    assert names(events)[:2] == ["away", "deal"]
    assert events[0].card is None  # nothing handed back: the card was done
    assert card is not None and card in game.state.gone
    assert game.state.done_by_type == {game.cards[card].type.value: 1}
    assert game.active_player == "Bo"
    events = done_turns(game, 2)
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]


def test_a_round_ends_when_play_passes_the_last_seat_even_if_it_is_skipped() -> None:
    game = new_game(4, unlock_rounds=10)
    game.apply(Away(3))
    events = done_turns(game, 2)
    assert round_ends(events) == []
    events = done_turn(game)  # Chen's turn: Dana, the last seat, is passed over
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]
    assert game.state.round == 2
    assert game.active_player == "Ana"
    assert events[-1].event == "deal" and events[-1].round == 2


def test_last_seat_away_on_its_own_turn_closes_the_round() -> None:
    game = new_game(3, unlock_rounds=10)
    done_turns(game, 2)
    assert game.active_player == "Chen"
    events = game.apply(Away(2))
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]
    assert game.active_player == "Ana" and game.state.round == 2


# --- trust with players away -----------------------------------------------------------


def test_trust_counts_the_players_present_for_their_turn() -> None:
    game = new_game(6, unlock_rounds=10)
    game.apply(Away(4))
    done_turn(game)  # Ana
    game.apply(Done())
    game.apply(Away(1))  # Bo did a card, then stepped away: keeps the done
    game.apply(Back(4))  # Eli is back before their turn: they must play it
    events = done_turns(game, 4)  # Chen, Dana, Eli, Fé
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]
    # Round 2: Bo is away all round (skipped); Chen skips: that spoils it.
    events = done_turns(game, 1) + game.apply(Skip()) + done_turns(game, 3)
    assert round_ends(events) == [{"trust_building": False, "trust_rounds": 1}]
    # Round 3: a player present for their turn who does not do a card spoils it even
    # when they step away afterwards.
    done_turn(game)  # Ana
    game.apply(Back(1))
    game.apply(Skip())  # Bo skips...
    game.apply(Away(1))  # ...and steps away
    events = done_turns(game, 4)
    assert round_ends(events) == [{"trust_building": False, "trust_rounds": 1}]


def test_a_round_nobody_played_is_not_trust_building() -> None:
    game = new_game(3, unlock_rounds=10)
    game.apply(Away(0))  # Ana hands her turn back
    game.apply(Away(1))  # Bo too: one player left, the table waits
    assert phase_of(game) is Phase.WAITING
    events = game.apply(Away(2))
    events += game.apply(Back(0))
    events += game.apply(Back(1))  # Chen (away) is skipped: the round ends with no card
    assert round_ends(events) == [{"trust_building": False, "trust_rounds": 0}]
    assert game.active_player == "Ana"
