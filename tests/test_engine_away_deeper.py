"""Away and back while going deeper, with fewer than two present, and the cards dealt."""

from __future__ import annotations

import pytest
from engine_helpers import (
    agree_all,
    circle_deck,
    done_turn,
    done_turns,
    make_card,
    make_deck,
    names,
    new_game,
    phase_of,
    pile_of,
    round_ends,
    waiting_for,
)

from deckgame.engine import (
    Agree,
    Away,
    Back,
    Done,
    End,
    Game,
    Hold,
    Next,
    NotYet,
    Pass,
    Phase,
    PlayerAway,
    Settings,
    Skip,
    Star,
    StepBack,
    Undo,
    Veto,
    WrongPhase,
    pile_sizes,
)
from deckgame.simulate import play_session

# --- going deeper waits for everyone ---------------------------------------------------


def test_unlock_with_someone_away_waits_and_is_asked_when_the_card_is_finished() -> None:
    game = new_game(3, unlock_rounds=1)
    game.apply(Away(2))
    events = done_turns(game, 2)
    unlock = [e for e in events if e.event == "unlock"]
    assert [dict(e.extra) for e in unlock] == [{"to_level": 2, "waiting_for": ["Chen"]}]
    assert phase_of(game) is Phase.CARD  # play goes on at this level
    assert game.level == 1
    assert game.deeper_waiting and game.waiting_for == ("Chen",)
    game.apply(Back(2))  # a card is in hand: asked once it is finished
    assert phase_of(game) is Phase.CARD
    assert game.deeper_waiting and waiting_for(game) == ()
    events = done_turn(game)
    assert names(events)[-1] == "unlock" and events[-1].extra == {"to_level": 2}
    assert phase_of(game) is Phase.DEEPER
    assert not game.deeper_waiting
    agree_all(game)
    assert game.level == 2


def test_a_waiting_question_is_asked_at_once_when_no_card_is_in_hand() -> None:
    game = new_game(2, unlock_rounds=1)
    done_turn(game)
    events = game.apply(Away(1))  # Bo hands the turn back: the round ends, trust built
    assert round_ends(events) == [{"trust_building": True, "trust_rounds": 1}]
    assert "unlock" in names(events)
    assert phase_of(game) is Phase.WAITING and game.deeper_waiting
    events = game.apply(Back(1))
    assert names(events) == ["back", "unlock"]
    assert phase_of(game) is Phase.DEEPER and game.voter == 0


def test_more_trust_rounds_while_waiting_do_not_ask_twice() -> None:
    game = new_game(4, unlock_rounds=1)
    game.apply(Away(3))
    events = done_turns(game, 9)
    assert names(events).count("unlock") == 1
    assert game.state.trust_rounds == 3
    game.apply(Back(3))
    events = done_turn(game)
    assert names(events).count("unlock") == 1
    assert phase_of(game) is Phase.DEEPER


def test_away_during_the_question_withdraws_it_until_everyone_is_back() -> None:
    game = new_game(4, unlock_rounds=1)
    done_turns(game, 4)
    assert phase_of(game) is Phase.DEEPER
    game.apply(Agree(0))
    game.apply(Agree(1))
    events = game.apply(Away(3))
    assert names(events) == ["away", "deal"]
    assert phase_of(game) is Phase.CARD and game.level == 1
    assert game.state.votes == 0
    assert game.deeper_waiting and game.waiting_for == ("Dana",)
    assert game.active_player == "Ana"
    with pytest.raises(WrongPhase):
        game.apply(Agree(2))
    game.apply(Back(3))
    events = done_turn(game)
    assert names(events)[-1] == "unlock"
    assert game.voter == 0  # the votes start afresh
    agree_all(game)
    assert game.level == 2


def test_away_of_the_next_player_during_the_question_skips_them() -> None:
    game = new_game(3, unlock_rounds=1)
    done_turns(game, 3)
    assert phase_of(game) is Phase.DEEPER and game.seat == 0
    game.apply(Away(0))
    assert phase_of(game) is Phase.CARD
    assert game.active_player == "Bo"


def test_votes_need_everyone_present_at_a_dry_level() -> None:
    cards = [make_card("one", level=1), make_card("deep", level=2), make_card("deeper", level=2)]
    game = new_game(3, cards, unlock_rounds=5)
    events = done_turn(game)
    assert phase_of(game) is Phase.DRY and events[-1].extra == {"can_go_deeper": True}
    assert game.voter == 0
    game.apply(Agree(0))
    game.apply(Away(2))
    assert game.state.votes == 0 and game.voter is None
    assert game.waiting_for == ("Chen",)
    with pytest.raises(PlayerAway):
        game.apply(Agree(0))
    with pytest.raises(PlayerAway):
        game.apply(NotYet(0))
    game.apply(Back(2))
    assert game.voter == 0
    agree_all(game)
    assert game.level == 2


def test_stepping_back_drops_a_waiting_question() -> None:
    game = new_game(3, make_deck(levels=(1, 2, 3)), unlock_rounds=1)
    done_turns(game, 3)
    agree_all(game)
    game.apply(Away(2))
    done_turns(game, 2)
    assert game.deeper_waiting
    game.apply(StepBack())
    assert not game.deeper_waiting and game.level == 1


# --- fewer than two present ------------------------------------------------------------


def test_fewer_than_two_present_waits_until_someone_is_back() -> None:
    game = new_game(3)
    card = game.state.card
    assert card is not None
    game.apply(Away(1))
    game.apply(Away(2))
    assert phase_of(game) is Phase.WAITING
    assert game.state.card is None and game.state.offered == []
    assert pile_of(game, card)[0] == card  # the card shown went under its pile
    legal = set(game.legal_actions())
    assert legal == {Away(0), Back(1), Back(2), Hold(0.0), End(), Undo()}
    for action in (Done(), Pass(), Skip(), Next(), Star(), Veto(), Agree(0)):
        with pytest.raises(WrongPhase):
            game.apply(action)
    events = game.apply(Back(2))
    assert names(events) == ["back", "deal"]
    assert phase_of(game) is Phase.CARD
    assert game.active_player == "Ana" and game.other_player == "Chen"
    assert game.state.turn == 1  # Ana's turn, dealt afresh


def test_the_last_two_players_one_steps_away_on_their_turn() -> None:
    game = new_game(2, unlock_rounds=10)
    events = game.apply(Away(0))
    assert names(events) == ["away"]
    assert phase_of(game) is Phase.WAITING
    assert game.seat == 1
    game.apply(Back(0))
    assert phase_of(game) is Phase.CARD and game.active_player == "Bo"


def test_waiting_with_the_active_player_away_resumes_with_the_next_present() -> None:
    game = new_game(4, unlock_rounds=10)
    game.apply(Away(1))
    game.apply(Away(2))
    game.apply(Away(3))
    assert phase_of(game) is Phase.WAITING and game.seat == 0
    game.apply(Away(0))  # nobody present at all
    game.apply(Back(3))
    assert phase_of(game) is Phase.WAITING
    game.apply(Back(2))
    assert phase_of(game) is Phase.CARD
    assert game.active_player == "Chen"  # Ana and Bo are away: passed over
    assert game.other_player == "Dana"


def test_a_done_card_is_finished_when_the_others_step_away() -> None:
    game = new_game(2, unlock_rounds=10)
    game.apply(Done())
    game.apply(Away(1))
    assert phase_of(game) is Phase.WAITING
    assert game.state.turn == 2  # Ana's turn was over
    game.apply(Back(1))
    assert game.active_player == "Bo"


def test_stepping_back_and_ending_while_waiting() -> None:
    game = new_game(2, unlock_rounds=1)
    done_turns(game, 2)
    agree_all(game)
    game.apply(Away(1))
    game.apply(StepBack())
    assert game.level == 1 and phase_of(game) is Phase.WAITING
    game.apply(End())
    assert phase_of(game) is Phase.ENDED


# --- cards for the number present ------------------------------------------------------


def dealt_while(game: Game, turns: int) -> list[str]:
    dealt = []
    for _ in range(turns):
        card = game.state.card
        assert card is not None
        dealt.append(card)
        done_turn(game)
    return dealt


def test_a_min_players_3_card_is_never_dealt_while_only_two_of_three_are_present() -> None:
    game = new_game(3, circle_deck(), unlock_rounds=10)
    assert dealt_while(game, 1)[0].startswith(("circle", "any"))
    game.apply(Away(2))
    # With two present: pair and any cards only (the card in hand was dealt for three).
    dealt = dealt_while(game, 10)[1:]
    assert all(not card.startswith("circle") for card in dealt)
    assert sum(card.startswith("pair") for card in dealt) >= 5
    assert phase_of(game) in (Phase.CARD, Phase.DRY)
    game.apply(Back(2))
    done_turn(game)  # the card in hand was dealt for two
    assert phase_of(game) is Phase.CARD
    while phase_of(game) is Phase.CARD:
        card = game.state.card
        assert card is not None and not card.startswith("pair")
        done_turn(game)


def test_with_everyone_present_only_cards_for_the_whole_group_are_dealt() -> None:
    game = new_game(3, circle_deck(), unlock_rounds=10)
    dealt = dealt_while(game, 12)
    assert all(not card.startswith("pair") for card in dealt)
    assert phase_of(game) is Phase.DRY
    assert pile_sizes(game.settings, circle_deck()) == {("emotional", 1): 12}


def test_a_level_dry_for_some_counts_has_cards_for_others() -> None:
    game = new_game(3, [make_card("pair", max_players=2), make_card("any")], unlock_rounds=10)
    done_turn(game)
    assert phase_of(game) is Phase.DRY  # the pair card does not suit three
    game.apply(Away(1))
    assert phase_of(game) is Phase.CARD  # it suits two: play resumes
    assert game.state.card == "pair"
    assert game.active_player == "Chen"  # Bo, whose turn it was, is away: passed over
    game.apply(Back(1))
    done_turn(game)
    assert phase_of(game) is Phase.DRY


def test_everyone_present_deals_exactly_as_without_cards_for_smaller_tables() -> None:
    """Cards only a smaller table can have do not change the deal when all are there."""
    base = make_deck(per_pile=6)
    extra = [
        make_card(f"{card.type.value}-{card.level}-pair", card.type, card.level, max_players=2)
        for card in base[::3]
    ]
    for seed in (0, 7, 2**40):
        plain = new_game(4, base, seed=seed, offered=2, unlock_rounds=1)
        mixed = new_game(4, base + extra, seed=seed, offered=2, unlock_rounds=1)
        assert plain.opening_events == mixed.opening_events
        for step in range(150):
            legal = [a for a in plain.legal_actions() if a.name not in ("undo", "end")]
            legal = [a for a in legal if a.name not in ("away", "back", "hold", "step_back")]
            action = legal[(step * 7) % len(legal)]
            assert plain.apply(action) == mixed.apply(action)
        assert plain.state.draws == mixed.state.draws


def test_simulate_reports_a_pile_dry_when_no_card_left_suits_the_table() -> None:
    """Cards only a pair may have stay in a pile of three players: it is still dry."""
    cards = [make_card(f"three-{i}", level=1) for i in range(3)]
    cards += [make_card(f"pair-{i}", level=1, max_players=2) for i in range(3)]
    cards += [make_card(f"deep-{i}", level=2) for i in range(30)]
    settings = Settings(players=("Ana", "Bo", "Chen"), unlock_rounds=5)
    report = play_session(cards, settings, seed=1)
    assert report.piles_dry[("emotional", 1)] == (1, 1)
