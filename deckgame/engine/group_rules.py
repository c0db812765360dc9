"""The rules of the group: going deeper or back, coming and going, holding, ending.

Hold: while held only ``Resume`` is legal (the registry checks that before anything else).

Stepping back sets the trust count of the lower level to zero: the group is asked again
after ``unlock_rounds`` trust-building rounds there, as on first arrival.
"""

from __future__ import annotations

from deckgame.engine import dealer
from deckgame.engine.actions import Agree, Away, Back, End, Hold, NotYet, Resume, StepBack
from deckgame.engine.dealer import present_count
from deckgame.engine.errors import NoLevel, PlayerAway, Reason, WrongPhase, WrongPlayer
from deckgame.engine.flow import (
    AFTER,
    DEEPER,
    DRY,
    ENDED,
    IN_HAND,
    OPEN,
    VOTE,
    WAITING,
    away_names,
    change_level,
    check_present,
    check_seat,
    check_time,
    clear_table,
    counted,
    emit,
    end_turn,
    name_of,
    play_on,
    shown,
    start_turn,
    wait,
)
from deckgame.engine.registry import Cards, Events, rule
from deckgame.engine.state import State


def _check_vote(state: State, cards: Cards, action: Agree | NotYet) -> None:
    if state.phase is DRY and dealer.next_level(state, cards) is None:
        raise WrongPhase("no deeper level has cards: step back or end", Reason.NO_DEEPER_LEVEL)
    check_seat(state, action.seat)
    if any(state.away):
        names = away_names(state)
        raise PlayerAway(
            f"going deeper asks everyone: waiting for {', '.join(names)}",
            Reason.WAITING_FOR_AWAY,
            players=tuple(names),
        )
    if action.seat != state.votes:
        expected = state.settings.players[state.votes]
        raise WrongPlayer(
            f"seat order: it is {expected}'s turn to answer",
            Reason.NOT_YOUR_VOTE,
            player=expected,
        )


_DEEPER = {"deeper": "everyone agreed (from_level, to_level)"}


@rule(Agree, VOTE, check=_check_vote, emits={"agree": "player agreed to go deeper", **_DEEPER})
def _agree(state: State, cards: Cards, action: Agree, out: Events) -> None:
    state.votes += 1
    emit(state, out, "agree", player=state.settings.players[action.seat])
    if state.votes < len(state.settings.players):
        return
    deeper = dealer.next_level(state, cards)
    assert deeper is not None
    from_level = state.level
    change_level(state, deeper)
    emit(state, out, "deeper", player=None, from_level=from_level, to_level=deeper)
    start_turn(state, cards, out)


@rule(NotYet, VOTE, check=_check_vote, emits={"not_yet": "player said not yet (level kept)"})
def _not_yet(state: State, cards: Cards, action: NotYet, out: Events) -> None:
    state.votes = 0
    emit(state, out, "not_yet", player=state.settings.players[action.seat])
    if state.phase is DEEPER:
        start_turn(state, cards, out)


def _check_step_back(state: State, cards: Cards, action: StepBack) -> None:
    if dealer.previous_level(state, cards) is None:
        raise NoLevel("already at the first level", Reason.FIRST_LEVEL)


@rule(StepBack, OPEN, check=_check_step_back, emits={"step_back": "from_level, to_level"})
def _step_back(state: State, cards: Cards, action: StepBack, out: Events) -> None:
    to_level = dealer.previous_level(state, cards)
    assert to_level is not None
    for card in shown(state):
        dealer.put_under(state, card, cards)
    from_level = state.level
    change_level(state, to_level)
    emit(state, out, "step_back", player=None, from_level=from_level, to_level=to_level)
    # The done card stays for warmth; otherwise the same player gets a card from here.
    if state.phase is not AFTER:
        start_turn(state, cards, out)


def _check_away(state: State, cards: Cards, action: Away) -> None:
    check_present(state, action.seat, "already away", Reason.ALREADY_AWAY)


_AWAY = "player stepped away (card: the card handed back, if it was their turn)"


@rule(Away, OPEN, check=_check_away, emits={"away": _AWAY})
def _away(state: State, cards: Cards, action: Away, out: Events) -> None:
    seat = action.seat
    phase = state.phase
    own_turn = seat == state.seat and phase in IN_HAND
    handed_back = shown(state) if own_turn else []
    state.away[seat] = True
    emit(
        state,
        out,
        "away",
        handed_back[0] if len(handed_back) == 1 else None,
        player=name_of(state, seat),
    )
    if state.other == seat:
        state.other = _other_after(state, seat)
    if phase is WAITING:
        return
    if phase is DEEPER or phase is DRY:
        # Going deeper asks everyone: the question is withdrawn and waits for this player.
        state.votes = 0
        if phase is DEEPER:
            state.deeper_waiting = True
        play_on(state, cards, out)
        return
    if own_turn:
        # The card goes back under its pile, as a pass would; the turn moves on without
        # counting against the round (``round_away``). A done card keeps its done.
        for card in handed_back:
            dealer.put_under(state, card, cards)
        clear_table(state)
        state.round_away[seat] = True
        end_turn(state, cards, out)
        return
    if present_count(state) < 2:
        if phase is AFTER:
            end_turn(state, cards, out)  # the card is done; the next turn waits
        else:
            wait(state, cards)


def _other_after(state: State, seat: int) -> int | None:
    """Who ``{other}`` becomes when ``seat`` steps away: the next present seat after it."""
    count = len(state.settings.players)
    for step in range(1, count):
        candidate = (seat + step) % count
        if candidate != state.seat and not state.away[candidate]:
            return candidate
    return None


def _check_back(state: State, cards: Cards, action: Back) -> None:
    check_seat(state, action.seat)
    if not state.away[action.seat]:
        name = name_of(state, action.seat)
        raise WrongPlayer(f"{name} is not away", Reason.NOT_AWAY, player=name)


@rule(Back, OPEN, check=_check_back, emits={"back": "player is back"})
def _back(state: State, cards: Cards, action: Back, out: Events) -> None:
    state.away[action.seat] = False
    emit(state, out, "back", player=name_of(state, action.seat))
    # With a card in hand (offer, card, after) a waiting question is asked when the turn
    # ends; with none, at once.
    if state.phase is WAITING or state.phase is DRY:
        state.votes = 0
        play_on(state, cards, out)


def _check_hold(state: State, cards: Cards, action: Hold) -> None:
    check_time(action.now)  # held already: refused before this check (OnHold)


_HOLD = "the game is held (player None; timer_paused: bool)"


@rule(Hold, OPEN, check=_check_hold, emits={"hold": _HOLD})
def _hold(state: State, cards: Cards, action: Hold, out: Events) -> None:
    state.held = True
    paused = state.timer_started is not None
    if state.timer_started is not None:
        state.timer_elapsed = counted(state, float(action.now))
        state.timer_started = None
    emit(state, out, "hold", player=None, timer_paused=paused)


def _check_resume(state: State, cards: Cards, action: Resume) -> None:
    if not state.held:
        raise WrongPhase("the game is not on hold", Reason.NOT_ON_HOLD)
    check_time(action.now)


@rule(
    Resume,
    OPEN,
    check=_check_resume,
    emits={"resume": "the hold is over (player None)"},
    while_held=True,
)
def _resume(state: State, cards: Cards, action: Resume, out: Events) -> None:
    state.held = False
    emit(state, out, "resume", player=None)


@rule(End, OPEN, emits={"end": "the session ended"})
def _end(state: State, cards: Cards, action: End, out: Events) -> None:
    for card in shown(state):  # not done: back under its pile, as a saved session shows
        dealer.put_under(state, card, cards)
    emit(state, out, "end", state.card)
    clear_table(state)
    state.phase = ENDED
