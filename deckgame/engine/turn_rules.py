"""The rules of a turn: the card on the table and what the players do with it.

Each action's rule (:func:`deckgame.engine.registry.rule`) stands on its effect: the
phases, the check beyond them and the events it emits.
"""

from __future__ import annotations

from deckgame.engine import dealer
from deckgame.engine.actions import (
    ChooseOther,
    Done,
    Next,
    Pass,
    Pick,
    Skip,
    Star,
    TimerPause,
    TimerStart,
    Veto,
    Warmth,
)
from deckgame.engine.dealer import TYPE_KEY
from deckgame.engine.errors import AlreadyGiven, InvalidChoice, Reason, WrongPlayer
from deckgame.engine.flow import (
    AFTER,
    CARD,
    IN_HAND,
    OFFER,
    ON_TABLE,
    ONLY_AFTER,
    ONLY_CARD,
    ONLY_OFFER,
    SHOWING,
    check_present,
    check_time,
    counted,
    deal,
    emit,
    end_turn,
    is_index,
    shown,
)
from deckgame.engine.registry import Cards, Events, rule
from deckgame.engine.state import State


def _check_pick(state: State, cards: Cards, action: Pick) -> None:
    if not is_index(action.index, len(state.offered)):
        raise InvalidChoice(
            f"pick 0 to {len(state.offered) - 1}, not {action.index!r}",
            Reason.BAD_PICK,
            index=action.index,
            choices=len(state.offered),
        )


@rule(Pick, ONLY_OFFER, check=_check_pick, emits={"pick": "offered card kept (card, index)"})
def _pick(state: State, cards: Cards, action: Pick, out: Events) -> None:
    kept = state.offered[action.index]
    for index, card in enumerate(state.offered):
        if index != action.index:
            dealer.put_under(state, card, cards)
    state.offered = []
    state.card = kept
    state.phase = CARD
    emit(state, out, "pick", kept, index=action.index)


def _check_other(state: State, cards: Cards, action: ChooseOther) -> None:
    check_present(state, action.seat, "an away player is not chosen as {other}", Reason.OTHER_AWAY)
    if action.seat == state.seat:
        raise WrongPlayer("{other} is someone else than the active player", Reason.OTHER_IS_ACTIVE)


@rule(ChooseOther, SHOWING, check=_check_other, emits={"other": "who {other} is (other: name)"})
def _other(state: State, cards: Cards, action: ChooseOther, out: Events) -> None:
    state.other = action.seat
    emit(state, out, "other", state.card, other=state.settings.players[action.seat])


@rule(Done, ONLY_CARD, emits={"done": "card answered or completed (card, type)"})
def _done(state: State, cards: Cards, action: Done, out: Events) -> None:
    card = state.card
    assert card is not None
    type_ = TYPE_KEY[cards[card].type]
    state.gone.add(card)
    state.done_by_type[type_] = state.done_by_type.get(type_, 0) + 1
    state.round_done[state.seat] = True
    state.timer_started = None
    state.warmth_from = []
    state.phase = AFTER
    emit(state, out, "done", card, type=type_)


@rule(Next, ONLY_AFTER)
def _next(state: State, cards: Cards, action: Next, out: Events) -> None:
    end_turn(state, cards, out)


@rule(Pass, SHOWING, emits={"pass": "card under its pile, a fresh one follows (card)"})
def _pass(state: State, cards: Cards, action: Pass, out: Events) -> None:
    for card in shown(state):
        dealer.put_under(state, card, cards)
        emit(state, out, "pass", card)
    deal(state, cards, out)


@rule(Skip, SHOWING, emits={"skip": "the active player skipped the turn (card, if one)"})
def _skip(state: State, cards: Cards, action: Skip, out: Events) -> None:
    handed = shown(state)
    for card in handed:
        dealer.put_under(state, card, cards)
    emit(state, out, "skip", handed[0] if len(handed) == 1 else None)
    end_turn(state, cards, out)


def _check_veto(state: State, cards: Cards, action: Veto) -> None:
    count = len(state.offered) if state.phase is OFFER else 1
    index = action.index
    if index is not None and not is_index(index, count):
        raise InvalidChoice(
            f"veto card 0 to {count - 1} (or all), not {index!r}",
            Reason.BAD_VETO,
            index=index,
            choices=count,
        )


def _remove(state: State, card: str, out: Events) -> None:
    state.gone.add(card)
    if card in state.starred:
        state.starred.remove(card)
    emit(state, out, "veto", card)


@rule(Veto, IN_HAND, check=_check_veto, emits={"veto": "X-card: card gone for the session"})
def _veto(state: State, cards: Cards, action: Veto, out: Events) -> None:
    if state.phase is AFTER:
        assert state.card is not None
        _remove(state, state.card, out)
        end_turn(state, cards, out)
        return
    if state.phase is CARD or action.index is None:
        for card in shown(state):
            _remove(state, card, out)
        deal(state, cards, out)
        return
    # One of two offered cards: a fresh card takes its place, the other stays.
    _remove(state, state.offered[action.index], out)
    fresh = dealer.draw(state, cards)
    if fresh is not None:
        state.offered[action.index] = fresh
        emit(state, out, "deal", fresh)
        return
    del state.offered[action.index]
    state.phase = CARD
    state.card = state.offered.pop()


def _check_warmth(state: State, cards: Cards, action: Warmth) -> None:
    check_present(state, action.giver, "away players give no warmth", Reason.GIVER_AWAY)
    name = state.settings.players[action.giver]
    if action.giver == state.seat:
        raise WrongPlayer(
            "warmth is given by the other players, not to yourself",
            Reason.WARMTH_TO_SELF,
            player=name,
        )
    if action.giver in state.warmth_from:
        raise AlreadyGiven(f"{name} already gave warmth", Reason.ALREADY_GAVE, player=name)


@rule(
    Warmth,
    ONLY_AFTER,
    check=_check_warmth,
    emits={"warmth": "player = receiver, giver = name"},
)
def _warmth(state: State, cards: Cards, action: Warmth, out: Events) -> None:
    state.warmth_from.append(action.giver)
    state.warmth_given[action.giver] += 1
    state.warmth_received[state.seat] += 1
    emit(state, out, "warmth", state.card, giver=state.settings.players[action.giver])


@rule(Star, ON_TABLE, emits={"star": "card, starred: bool"})
def _star(state: State, cards: Cards, action: Star, out: Events) -> None:
    card = state.card
    assert card is not None
    if card in state.starred:
        state.starred.remove(card)
        starred = False
    else:
        state.starred.append(card)
        starred = True
    emit(state, out, "star", card, starred=starred)


def _check_timer(state: State, cards: Cards, action: TimerStart | TimerPause) -> None:
    if state.card is None or cards[state.card].seconds is None:
        raise InvalidChoice("only a challenge with a timer can be timed", Reason.NOT_TIMED)
    check_time(action.now)
    running = state.timer_started is not None
    if isinstance(action, TimerStart) and running:
        raise InvalidChoice("the timer is already running", Reason.TIMER_RUNNING)
    if isinstance(action, TimerPause) and not running:
        raise InvalidChoice("the timer is not running", Reason.TIMER_NOT_RUNNING)


_TIMER = {"timer": "card, running: bool, elapsed: seconds"}


@rule(TimerStart, ONLY_CARD, check=_check_timer, emits=_TIMER)
@rule(TimerPause, ONLY_CARD, check=_check_timer, emits=_TIMER)
def _timer(state: State, cards: Cards, action: TimerStart | TimerPause, out: Events) -> None:
    now = float(action.now)
    if isinstance(action, TimerStart):
        state.timer_started = now
    else:
        state.timer_elapsed = counted(state, now)
        state.timer_started = None
    emit(
        state,
        out,
        "timer",
        state.card,
        running=state.timer_started is not None,
        elapsed=state.timer_elapsed,
    )
