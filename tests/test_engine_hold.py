"""Hold and resume, and undo over them (GAME.md "Rules of play")."""

from __future__ import annotations

import pytest
from engine_helpers import (
    done_turns,
    make_card,
    new_game,
    phase_of,
)

from deckgame.engine import (
    Action,
    Away,
    Back,
    ChooseOther,
    Done,
    End,
    Hold,
    NothingToUndo,
    OnHold,
    Pass,
    Phase,
    Pick,
    Resume,
    Skip,
    Star,
    StepBack,
    TimerPause,
    TimerStart,
    Undo,
    Veto,
    WrongPhase,
)

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
