"""Scenario tests, one per rule of play (GAME.md "Rules of play" and "Safety"): pass, skip,
veto, warmth, star, timer, offers, undo and end."""

from __future__ import annotations

import pytest
from engine_helpers import (
    done_turn,
    make_card,
    make_deck,
    names,
    new_game,
    phase_of,
)

from deckgame.engine import (
    Action,
    AlreadyGiven,
    ChooseOther,
    Done,
    End,
    InvalidChoice,
    Next,
    NothingToUndo,
    Pass,
    Phase,
    Pick,
    Skip,
    Star,
    TimerPause,
    TimerStart,
    Undo,
    Veto,
    Warmth,
    WrongPhase,
    WrongPlayer,
)

# --- pass, skip, veto ----------------------------------------------------------------


def test_pass_puts_the_card_under_its_pile_and_deals_a_fresh_one() -> None:
    game = new_game(2)
    first = game.current_card
    assert first is not None
    events = game.apply(Pass())
    assert names(events) == ["pass", "deal"]
    assert events[0].card == first.id
    assert game.state.piles[(first.type.value, 1)][0] == first.id
    assert game.current_card is not None and game.current_card.id != first.id
    assert (game.state.turn, game.state.round, game.seat) == (1, 1, 0)
    assert first.id not in game.state.gone


def test_a_passed_card_can_come_back() -> None:
    game = new_game(2, [make_card("only")])
    game.apply(Pass())
    card = game.current_card
    assert card is not None and card.id == "only"


def test_skip_ends_the_turn_and_returns_the_card() -> None:
    game = new_game(2)
    card = game.current_card
    assert card is not None
    events = game.apply(Skip())
    assert names(events)[:2] == ["skip", "deal"]
    assert game.active_player == "Bo"
    assert card.id not in game.state.gone
    assert game.state.piles[(card.type.value, 1)][0] == card.id


def test_veto_removes_the_card_for_the_session_without_breaking_the_turn() -> None:
    game = new_game(3, make_deck(per_pile=2, levels=(1,)))
    vetoed = game.current_card
    assert vetoed is not None
    events = game.apply(Veto())
    assert names(events) == ["veto", "deal"]
    assert (game.state.turn, game.state.round, game.active_player) == (1, 1, "Ana")
    seen: set[str] = set()
    passed: set[str] = set()
    for _ in range(100):  # bounded: a bug must fail, not hang
        if phase_of(game) is Phase.DRY:
            break
        card = game.current_card
        assert card is not None
        seen.add(card.id)
        if len(seen) % 3 == 0 and card.id not in passed:
            passed.add(card.id)
            game.apply(Pass())
        else:
            done_turn(game)
    assert vetoed.id not in seen
    assert len(seen) == 9  # every other card was dealt


def test_veto_one_offered_card_replaces_only_it() -> None:
    game = new_game(2, offered=2)
    keep, drop = game.state.offered
    events = game.apply(Veto(1))
    assert names(events) == ["veto", "deal"]
    assert events[0].card == drop
    assert game.state.offered[0] == keep
    assert game.state.offered[1] not in (keep, drop)
    assert drop in game.state.gone


def test_veto_without_index_removes_every_offered_card() -> None:
    game = new_game(2, offered=2)
    shown = list(game.state.offered)
    events = game.apply(Veto())
    assert [e.card for e in events if e.event == "veto"] == shown
    assert not set(shown) & set(game.state.offered)


def test_veto_last_offered_replacement_missing_leaves_one_card() -> None:
    game = new_game(2, [make_card("a"), make_card("b")], offered=2)
    game.apply(Veto(0))
    assert phase_of(game) is Phase.CARD
    assert game.current_card is not None


def test_veto_any_player_any_time_a_card_is_shown_even_after_done() -> None:
    game = new_game(2)
    game.apply(Star())
    card = game.state.card
    game.apply(Done())
    events = game.apply(Veto())
    assert names(events)[0] == "veto"
    assert game.active_player == "Bo"
    assert card not in game.state.starred
    with pytest.raises(InvalidChoice):
        game.apply(Veto(1))


# --- warmth, star, timer -------------------------------------------------------------


def test_warmth_from_each_other_player_once() -> None:
    game = new_game(3)
    with pytest.raises(WrongPhase):
        game.apply(Warmth(1))
    game.apply(Done())
    with pytest.raises(WrongPlayer):
        game.apply(Warmth(0))
    events = game.apply(Warmth(2))
    assert events[0].player == "Ana" and events[0].extra == {"giver": "Chen"}
    with pytest.raises(AlreadyGiven):
        game.apply(Warmth(2))
    game.apply(Warmth(1))
    assert game.state.warmth_received == [2, 0, 0]
    assert game.state.warmth_given == [0, 1, 1]
    game.apply(Next())
    game.apply(Done())
    game.apply(Warmth(2))  # a new card: Chen may give again
    assert game.state.warmth_given == [0, 1, 2]


def test_star_toggles_the_card_on_the_table_or_just_done() -> None:
    game = new_game(2)
    card = game.state.card
    assert game.apply(Star())[0].extra == {"starred": True}
    assert game.state.starred == [card]
    game.apply(Star())
    assert game.state.starred == []
    game.apply(Done())
    game.apply(Star())
    assert game.state.starred == [card]
    game.apply(Next())
    assert game.state.starred == [card]


def test_timer_starts_only_when_asked_and_pauses() -> None:
    game = new_game(2, [make_card("do", kind="do", seconds=60)])
    assert game.timer_remaining(now=1000.0) == 60
    game.apply(TimerStart(now=10.0))
    assert game.timer_running
    assert game.timer_remaining(now=25.0) == 45
    events = game.apply(TimerPause(now=30.0))
    assert events[0].extra == {"running": False, "elapsed": 20.0}
    assert game.timer_remaining(now=500.0) == 40
    with pytest.raises(InvalidChoice):
        game.apply(TimerPause(now=31.0))
    game.apply(TimerStart(now=100.0))
    assert game.timer_remaining(now=200.0) == 0


def test_timer_refused_on_a_question() -> None:
    game = new_game(2, [make_card("ask")])
    with pytest.raises(InvalidChoice):
        game.apply(TimerStart(now=0.0))
    assert game.timer_remaining(now=5.0) is None


# --- offers, undo, end ---------------------------------------------------------------


def test_two_offered_cards_the_player_picks_one() -> None:
    game = new_game(2, offered=2)
    assert phase_of(game) is Phase.OFFER
    first, second = game.state.offered
    assert first != second
    with pytest.raises(WrongPhase):
        game.apply(Done())
    with pytest.raises(InvalidChoice):
        game.apply(Pick(2))
    with pytest.raises(InvalidChoice):
        game.apply(Pick(True))
    events = game.apply(Pick(1))
    assert events[0].event == "pick" and events[0].card == second
    assert game.state.card == second
    card = game.cards[first]
    assert game.state.piles[(card.type.value, card.level or 0)][0] == first


def test_undo_restores_the_previous_state_exactly() -> None:
    game = new_game(3, offered=2, unlock_rounds=1)
    snapshots = [game.to_dict()]
    script: list[Action] = [
        Pick(0),
        ChooseOther(2),
        Done(),
        Warmth(1),
        Star(),
        Next(),
        Pass(),
        Pick(1),
    ]
    for action in script:
        game.apply(action)
        snapshots.append(game.to_dict())
    while len(snapshots) > 1:
        snapshots.pop()
        events = game.apply(Undo())
        assert events[0].event == "undo"
        assert game.to_dict() == snapshots[-1]
    with pytest.raises(NothingToUndo):
        game.apply(Undo())


def test_undo_never_brings_back_an_x_carded_card() -> None:
    game = new_game(3)
    game.apply(Done())
    game.apply(Next())
    vetoed = game.state.card
    assert vetoed is not None
    game.apply(Veto())
    assert not game.can(Undo())
    with pytest.raises(NothingToUndo, match="X-card cannot be undone"):
        game.apply(Undo())
    # Later actions can still be undone, back to the moment after the veto.
    after_veto = game.to_dict()
    game.apply(Done())
    game.apply(Undo())
    assert game.to_dict() == after_veto
    assert game.state.card != vetoed
    assert vetoed in game.state.gone
    with pytest.raises(NothingToUndo):
        game.apply(Undo())


def test_undo_reaches_back_across_many_actions() -> None:
    game = new_game(2, make_deck(levels=(1,), per_pile=20))
    snapshots = [game.to_dict()]
    for _ in range(60):
        done_turn(game)
        snapshots.append(game.to_dict())
    for expected in reversed(snapshots[:-1]):
        game.apply(Undo())
        game.apply(Undo())
        assert game.to_dict() == expected


def test_end_any_time_and_undo_reopens() -> None:
    game = new_game(2)
    events = game.apply(End())
    assert events[0].event == "end"
    assert phase_of(game) is Phase.ENDED
    with pytest.raises(WrongPhase):
        game.apply(Done())
    assert game.legal_actions() == [Undo()]
    game.apply(Undo())
    assert phase_of(game) is Phase.CARD
