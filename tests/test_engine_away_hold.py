"""Away and back, hold and resume (GAME.md "Rules of play"), and undo across a save."""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_helpers import (
    agree_all,
    done_turn,
    done_turns,
    make_card,
    make_deck,
    names,
    new_game,
    phase_of,
)

from deckgame.engine import (
    EVENT_NAMES,
    SAVE_VERSION,
    Action,
    Agree,
    Away,
    Back,
    ChooseOther,
    Done,
    End,
    Event,
    Game,
    Hold,
    Next,
    NothingToUndo,
    NotYet,
    OnHold,
    Pass,
    Phase,
    Pick,
    PlayerAway,
    Resume,
    Settings,
    Skip,
    Star,
    StepBack,
    TimerPause,
    TimerStart,
    Undo,
    UnknownSeat,
    Veto,
    Warmth,
    WrongPhase,
    WrongPlayer,
    action_to_dict,
    pile_sizes,
)
from deckgame.model import Card
from deckgame.simulate import play_session


def round_ends(events: list[Event]) -> list[dict[str, Any]]:
    return [dict(e.extra) for e in events if e.event == "round_end"]


def pile_of(game: Game, card_id: str) -> list[str]:
    card = game.cards[card_id]
    assert card.level is not None
    return game.state.piles[(card.type.value, card.level)]


def present(game: Game) -> tuple[int, ...]:
    """The seats present, read afresh (a call: mypy keeps no narrowing of it)."""
    return game.present


def waiting_for(game: Game) -> tuple[str, ...]:
    return game.waiting_for


def reloaded(game: Game, cards: list[Card]) -> Game:
    return Game.from_dict(json.loads(json.dumps(game.to_dict())), cards)


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


def circle_deck() -> list[Card]:
    return [
        *(make_card(f"circle-{i}", min_players=3) for i in range(6)),
        *(make_card(f"pair-{i}", max_players=2) for i in range(6)),
        *(make_card(f"any-{i}") for i in range(6)),
    ]


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


# --- hold ------------------------------------------------------------------------------


def test_hold_refuses_everything_but_resume() -> None:
    game = new_game(3, offered=2)
    game.apply(ChooseOther(2))  # something undo could take back
    events = game.apply(Hold(10.0))
    assert [(e.event, e.player) for e in events] == [("hold", None)]
    assert game.held
    assert game.legal_actions() == [Resume(0.0)]
    refused: list[Action] = [
        Pick(0),
        Pass(),
        Skip(),
        Veto(),
        Away(1),
        Back(1),
        StepBack(),
        End(),
        Hold(11.0),
        Undo(),
        ChooseOther(1),
    ]
    before = game.to_dict()
    for action in refused:
        assert not game.can(action)
        with pytest.raises(OnHold):
            game.apply(action)
    assert game.to_dict() == before
    events = game.apply(Resume(12.0))
    assert [(e.event, e.player) for e in events] == [("resume", None)]
    assert not game.held
    with pytest.raises(WrongPhase):
        game.apply(Resume(13.0))
    game.apply(Pick(1))
    game.apply(End())
    with pytest.raises(WrongPhase):
        game.apply(Hold(14.0))


def test_hold_refuses_a_time_that_is_not_a_number() -> None:
    game = new_game(2)
    for bad in (float("nan"), float("inf"), True):
        assert not game.can(Hold(bad))
    game.apply(Hold(1))
    assert not game.can(Resume(float("nan")))


def test_hold_pauses_a_running_timer_and_resume_leaves_it_paused() -> None:
    cards = [make_card(f"do-{i}", kind="do", seconds=60) for i in range(4)]
    game = new_game(2, cards)
    game.apply(TimerStart(100.0))
    events = game.apply(Hold(130.0))
    assert events[0].extra == {"timer_paused": True}
    assert not game.timer_running
    assert game.timer_remaining(500.0) == 30.0
    game.apply(Resume(400.0))
    assert not game.timer_running  # a paused timer stays paused until started
    assert game.timer_remaining(900.0) == 30.0
    game.apply(TimerStart(1000.0))
    assert game.timer_remaining(1010.0) == 20.0
    # Without a running timer, hold pauses nothing.
    game.apply(TimerPause(1010.0))
    assert game.apply(Hold(1020.0))[0].extra == {"timer_paused": False}


def test_hold_works_in_every_phase_but_ended() -> None:
    game = new_game(2, unlock_rounds=1)
    done_turns(game, 2)
    assert phase_of(game) is Phase.DEEPER
    game.apply(Hold(0.0))
    game.apply(Resume(1.0))
    game.apply(Away(1))
    assert phase_of(game) is Phase.WAITING
    game.apply(Hold(2.0))
    with pytest.raises(OnHold):
        game.apply(Back(1))
    game.apply(Resume(3.0))
    game.apply(Back(1))


# --- undo ------------------------------------------------------------------------------


def test_undo_steps_over_hold_and_resume() -> None:
    game = new_game(3)
    game.apply(Done())
    after_done = game.state.to_dict()
    game.apply(Star())
    game.apply(Hold(1.0))
    game.apply(Resume(2.0))
    events = game.apply(Undo())
    assert events[0].extra == {"undone": "star"}
    assert game.state.to_dict() == after_done
    game.apply(Hold(3.0))
    game.apply(Resume(4.0))
    assert game.apply(Undo())[0].extra == {"undone": "done"}
    assert phase_of(game) is Phase.CARD
    with pytest.raises(NothingToUndo):
        game.apply(Undo())  # only holds and resumes are left: nothing to undo


def test_undo_after_a_hold_keeps_the_timer_as_the_hold_left_it() -> None:
    cards = [make_card(f"do-{i}", kind="do", seconds=60) for i in range(4)]
    game = new_game(2, cards)
    game.apply(TimerStart(0.0))
    game.apply(Hold(20.0))  # paused at 20 s
    game.apply(Resume(30.0))
    game.apply(Star())
    game.apply(Undo())  # the star is undone; the hold is replayed, not undone
    assert not game.held and not game.timer_running
    assert game.timer_remaining(1000.0) == 40.0
    game.apply(Undo())  # the timer start is undone: the hold that came after stays
    assert not game.timer_running
    assert game.timer_remaining(1000.0) == 60.0
    assert game.state.held is False


def test_undo_before_a_hold_keeps_the_pause_the_hold_made() -> None:
    cards = [make_card(f"do-{i}", kind="do", seconds=60) for i in range(4)]
    game = new_game(2, cards)
    game.apply(TimerStart(0.0))
    game.apply(Star())
    game.apply(Hold(20.0))  # pauses the timer started before the star
    game.apply(Resume(30.0))
    assert game.apply(Undo())[0].extra == {"undone": "star"}
    assert game.state.starred == []
    assert not game.timer_running  # the hold after the star is replayed: still paused
    assert game.timer_remaining(1000.0) == 40.0


def test_undo_is_refused_while_held() -> None:
    game = new_game(2)
    game.apply(Done())
    game.apply(Hold(0.0))
    assert not game.can(Undo())
    with pytest.raises(OnHold):
        game.check(Undo())
    with pytest.raises(OnHold):
        game.apply(Undo())
    game.apply(Resume(1.0))
    game.apply(Undo())
    assert phase_of(game) is Phase.CARD


def test_away_and_back_are_undone_like_other_actions() -> None:
    game = new_game(3)
    start = game.state.to_dict()
    game.apply(Away(0))  # Ana hands her card back
    assert game.active_player == "Bo"
    game.apply(Undo())
    assert game.state.to_dict() == start
    game.apply(Away(1))
    game.apply(Away(2))
    waiting = game.state.to_dict()
    game.apply(Back(2))
    game.apply(Undo())
    assert game.state.to_dict() == waiting
    game.apply(Undo())
    game.apply(Undo())
    assert game.state.to_dict() == start


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
