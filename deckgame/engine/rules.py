"""The rules: which action is legal in which phase, and what it does to the state.

Every action type has a :class:`Rule`: the phases it is allowed in, a *check* of anything
more (raises :class:`IllegalAction`, never changes anything) and an *effect* (changes the
state, appends events, never fails after its checks passed).
:class:`deckgame.engine.game.Game` wraps them with undo and serialisation.

Turn flow: a turn starts by dealing (implicit). ``Done`` -> after phase -> ``Next`` ends
the turn; ``Skip`` ends it at once. A round is one turn per seat, seat 0 to the last
seat; it ends when play passes the last seat, even when that seat was skipped as away.
When the round was trust-building and the level has had ``unlock_rounds`` of them and a
deeper level has cards, the ``deeper`` question is asked.

Away and back: seats that are away are skipped (``round_away`` marks them for the
round), so a round is trust-building when every seat present for its turn did a card
(and at least one card was done). The go-deeper question asks everyone: while someone is
away it waits (``deeper_waiting``) and is asked once everyone is back and the card in
hand is finished. Fewer than two present: the ``waiting`` phase, until someone is back.

Hold: while held only ``Resume`` is legal (checked before anything else).

Stepping back sets the trust count of the lower level to zero: the group is asked again
after ``unlock_rounds`` trust-building rounds there, as on first arrival.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from deckgame.engine import dealer
from deckgame.engine.actions import (
    Action,
    Agree,
    AlreadyGiven,
    Away,
    Back,
    ChooseOther,
    Done,
    End,
    Hold,
    IllegalAction,
    InvalidChoice,
    Next,
    NoLevel,
    NotYet,
    OnHold,
    Pass,
    Pick,
    PlayerAway,
    Resume,
    Skip,
    Star,
    StepBack,
    TimerPause,
    TimerStart,
    UnknownSeat,
    Veto,
    Warmth,
    WrongPhase,
    WrongPlayer,
)
from deckgame.engine.dealer import TYPE_KEY, present_count
from deckgame.engine.events import Event
from deckgame.engine.saved import MAX_SECONDS, describe
from deckgame.engine.state import Phase, State
from deckgame.model import Card

Cards = Mapping[str, Card]
Events = list[Event]

# The phases as plain globals: the rules read them on every action, and in Python 3.11 a
# ``Phase.CARD`` costs over ten global reads (EnumType defines __getattr__, which sends
# every attribute read on the class down a slow path).
_OFFER = Phase.OFFER
_CARD = Phase.CARD
_AFTER = Phase.AFTER
_DEEPER = Phase.DEEPER
_DRY = Phase.DRY
_WAITING = Phase.WAITING
_ENDED = Phase.ENDED

# Where each action is allowed, in the order the error message names them.
_SHOWING = (_OFFER, _CARD)
_ONLY_CARD = (_CARD,)
_ONLY_OFFER = (_OFFER,)
_ONLY_AFTER = (_AFTER,)
_ON_TABLE = (_CARD, _AFTER)
_VETO = (_OFFER, _CARD, _AFTER)
_VOTE = (_DEEPER, _DRY)
_OPEN = (_OFFER, _CARD, _AFTER, _DEEPER, _DRY, _WAITING)


# --- helpers -------------------------------------------------------------------------


def emit(
    state: State,
    out: Events,
    name: str,
    card: str | None = None,
    player: str | None = "",
    **extra: Any,
) -> None:
    """Append an event in the state's current context (player defaults to the active one)."""
    who = state.settings.players[state.seat] if player == "" else player
    out.append(Event(name, state.turn, state.round, state.level, who, card, extra))


def default_other(state: State) -> int:
    """``{other}`` unless chosen: the next present seat clockwise (2 players: the other)."""
    count = len(state.settings.players)
    away = state.away
    for step in range(1, count):
        seat = (state.seat + step) % count
        if not away[seat]:
            return seat
    return (state.seat + 1) % count


def _name(state: State, seat: int) -> str:
    return state.settings.players[seat]


def _away_names(state: State) -> list[str]:
    return [name for name, away in zip(state.settings.players, state.away, strict=True) if away]


def _wrong_phase(state: State, allowed: tuple[Phase, ...]) -> WrongPhase:
    names = ", ".join(p.value for p in allowed)
    return WrongPhase(f"not possible in the {state.phase.value} phase (only: {names})")


def _seat(state: State, seat: int) -> None:
    if isinstance(seat, bool) or not isinstance(seat, int):
        raise UnknownSeat(f"a seat is a number, not {seat!r}")
    if not 0 <= seat < len(state.settings.players):
        raise UnknownSeat(f"there is no seat {seat} ({len(state.settings.players)} players)")


def _present(state: State, seat: int, what: str) -> None:
    """A real seat that is not away (``what`` says what an away player cannot do)."""
    _seat(state, seat)
    if state.away[seat]:
        raise PlayerAway(f"{_name(state, seat)} is away: {what}")


def _is_index(value: object, size: int) -> bool:
    # bool is an int subclass: Pick(True) must not mean the second card.
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


def _shown(state: State) -> list[str]:
    if state.phase is _OFFER:
        return list(state.offered)
    if state.phase is _CARD and state.card is not None:
        return [state.card]
    return []


def _clear_table(state: State) -> None:
    state.offered = []
    state.card = None
    state.timer_started = None
    state.timer_elapsed = 0.0
    state.warmth_from = []


def start_turn(state: State, cards: Cards, out: Events) -> None:
    """Begin (or restart) the active player's turn: fresh ``{other}`` and a deal.

    With fewer than two players present the table waits instead (``waiting`` phase). An
    active seat that is away is skipped first, as its turn was never started.
    """
    if present_count(state) < 2:
        _wait(state, cards)
        return
    if state.away[state.seat]:
        state.round_away[state.seat] = True
        if _step(state, out, finished=False) and _ask_deeper(state, cards, out):
            return
    state.other = default_other(state)
    deal(state, cards, out)


def deal(state: State, cards: Cards, out: Events) -> None:
    """Deal ``settings.offered`` cards: offer phase for two, card phase for one, else dry."""
    _clear_table(state)
    drawn: list[str] = []
    for _ in range(state.settings.offered):
        card = dealer.draw(state, cards)
        if card is None:
            break
        drawn.append(card)
    if not drawn:
        # No card in hand: a question that waited for players now back is asked now.
        if state.deeper_waiting and _ask_deeper(state, cards, out):
            return
        state.phase = _DRY
        state.votes = 0
        emit(state, out, "dry", can_go_deeper=dealer.next_level(state, cards) is not None)
        return
    for card in drawn:
        emit(state, out, "deal", card)
    if len(drawn) == 2:
        state.phase = _OFFER
        state.offered = drawn
    else:
        state.phase = _CARD
        state.card = drawn[0]


def _wait(state: State, cards: Cards) -> None:
    """Fewer than two present: shown cards go under, the table clears, play waits."""
    for card in _shown(state):
        dealer.put_under(state, card, cards)
    _clear_table(state)
    state.phase = _WAITING
    state.votes = 0
    state.other = None


def _close_round(state: State, out: Events) -> bool:
    """The round ends (play passes the last seat): True if going deeper became due.

    Trust-building: every seat did a card or was away at its turn, and a card was done.
    """
    count = len(state.settings.players)
    done, away = state.round_done, state.round_away
    trust = any(done) and all(d or a for d, a in zip(done, away, strict=True))
    if trust:
        state.trust_rounds += 1
    emit(
        state,
        out,
        "round_end",
        player=None,
        trust_building=trust,
        trust_rounds=state.trust_rounds,
    )
    state.round += 1
    state.round_done = [False] * count
    state.round_away = [False] * count
    return trust and state.trust_rounds >= state.settings.unlock_rounds


def _step(state: State, out: Events, *, finished: bool) -> bool:
    """Move the turn on to the next present seat, closing every round it passes.

    ``finished``: the active seat had its turn (the turn counter moves on). Seats away
    are skipped and marked in ``round_away``; with fewer than two present the turn moves
    one seat only (the skipping happens when play resumes). True if going deeper is due.
    """
    count = len(state.settings.players)
    due = False
    skipping = present_count(state) >= 2
    for _ in range(count):
        if state.seat == count - 1:
            due = _close_round(state, out) or due
        if finished:
            state.turn += 1
            finished = False
        state.seat = (state.seat + 1) % count
        if not skipping or not state.away[state.seat]:
            break
        state.round_away[state.seat] = True
    return due


def _ask_deeper(state: State, cards: Cards, out: Events) -> bool:
    """Ask the go-deeper question if a deeper level has cards (True: it was asked).

    It asks everyone: with someone away it waits instead (``deeper_waiting``; the
    ``unlock`` event names who it waits for) and False is returned.
    """
    count = len(state.settings.players)
    if present_count(state) < count:
        if not state.deeper_waiting:
            deeper = dealer.next_level(state, cards, count)
            if deeper is not None:
                state.deeper_waiting = True
                emit(
                    state,
                    out,
                    "unlock",
                    player=None,
                    to_level=deeper,
                    waiting_for=_away_names(state),
                )
        return False
    state.deeper_waiting = False
    deeper = dealer.next_level(state, cards)
    if deeper is None:
        return False
    _clear_table(state)
    state.phase = _DEEPER
    state.votes = 0
    state.other = None
    emit(state, out, "unlock", player=None, to_level=deeper)
    return True


def end_turn(state: State, cards: Cards, out: Events) -> None:
    """Finish the active turn; close the round after the last seat; maybe ask to go deeper.

    A question waiting for players now back is asked here, the card in hand finished.
    """
    due = _step(state, out, finished=True)
    if (due or state.deeper_waiting) and _ask_deeper(state, cards, out):
        return
    start_turn(state, cards, out)  # its deal clears the table


def _play_on(state: State, cards: Cards, out: Events) -> None:
    """After someone left or came back with no card in hand (waiting, dry, deeper).

    A waiting question is asked once everyone is here; a dry level stays dry unless the
    new number present has cards there; otherwise a turn starts (or the table waits).
    """
    if state.deeper_waiting and _ask_deeper(state, cards, out):
        return
    if (
        state.phase is _DRY
        and present_count(state) >= 2
        and not dealer.has_cards(state, state.level, cards)
    ):
        state.votes = 0
        return
    start_turn(state, cards, out)


def change_level(state: State, to_level: int) -> None:
    """Move to ``to_level``: its trust count and the type mix start afresh."""
    state.level = to_level
    state.deepest = max(state.deepest, to_level)
    state.trust_rounds = 0
    state.mix = {}
    state.votes = 0
    state.deeper_waiting = False  # a question about the level left behind


# --- checks --------------------------------------------------------------------------


def _check_pick(state: State, cards: Cards, action: Pick) -> None:
    if not _is_index(action.index, len(state.offered)):
        raise InvalidChoice(f"pick 0 to {len(state.offered) - 1}, not {action.index!r}")


def _check_other(state: State, cards: Cards, action: ChooseOther) -> None:
    _present(state, action.seat, "an away player is not chosen as {other}")
    if action.seat == state.seat:
        raise WrongPlayer("{other} is someone else than the active player")


def _check_veto(state: State, cards: Cards, action: Veto) -> None:
    shown = len(state.offered) if state.phase is _OFFER else 1
    index = action.index
    if index is not None and not _is_index(index, shown):
        raise InvalidChoice(f"veto card 0 to {shown - 1} (or all), not {index!r}")


def _check_warmth(state: State, cards: Cards, action: Warmth) -> None:
    _present(state, action.giver, "away players give no warmth")
    if action.giver == state.seat:
        raise WrongPlayer("warmth is given by the other players, not to yourself")
    if action.giver in state.warmth_from:
        raise AlreadyGiven(f"{state.settings.players[action.giver]} already gave warmth")


def _time(now: object) -> None:
    if isinstance(now, bool) or not isinstance(now, int | float):
        raise InvalidChoice(f"the time is a number of seconds, not {describe(now)}")
    # Compared, not converted: math.isfinite() of a huge int raises OverflowError. A clock
    # within the bounds keeps every difference of two times, and so the timer, finite.
    if not -MAX_SECONDS <= now <= MAX_SECONDS:
        raise InvalidChoice(f"the time must be finite, within {MAX_SECONDS:g} seconds of 0")


def _counted(state: State, now: float) -> float:
    """The timer's seconds once the run started at ``timer_started`` stops at ``now``.

    A clock that went backwards counts as no time, never as negative time; the count stays
    within the bounds a save can hold.
    """
    assert state.timer_started is not None
    return min(MAX_SECONDS, state.timer_elapsed + max(0.0, now - state.timer_started))


def _check_timer(state: State, cards: Cards, action: TimerStart | TimerPause) -> None:
    if state.card is None or cards[state.card].seconds is None:
        raise InvalidChoice("only a challenge with a timer can be timed")
    _time(action.now)
    running = state.timer_started is not None
    if isinstance(action, TimerStart) and running:
        raise InvalidChoice("the timer is already running")
    if isinstance(action, TimerPause) and not running:
        raise InvalidChoice("the timer is not running")


def _check_vote(state: State, cards: Cards, action: Agree | NotYet) -> None:
    if state.phase is _DRY and dealer.next_level(state, cards) is None:
        raise WrongPhase("no deeper level has cards: step back or end")
    _seat(state, action.seat)
    if any(state.away):
        names = ", ".join(_away_names(state))
        raise PlayerAway(f"going deeper asks everyone: waiting for {names}")
    if action.seat != state.votes:
        expected = state.settings.players[state.votes]
        raise WrongPlayer(f"seat order: it is {expected}'s turn to answer")


def _check_step_back(state: State, cards: Cards, action: StepBack) -> None:
    if dealer.previous_level(state, cards) is None:
        raise NoLevel("already at the first level")


def _check_away(state: State, cards: Cards, action: Away) -> None:
    _present(state, action.seat, "already away")


def _check_back(state: State, cards: Cards, action: Back) -> None:
    _seat(state, action.seat)
    if not state.away[action.seat]:
        raise WrongPlayer(f"{_name(state, action.seat)} is not away")


def _check_hold(state: State, cards: Cards, action: Hold) -> None:
    _time(action.now)  # held already: refused before this check (OnHold)


def _check_resume(state: State, cards: Cards, action: Resume) -> None:
    if not state.held:
        raise WrongPhase("the game is not on hold")
    _time(action.now)


# --- effects -------------------------------------------------------------------------


def _pick(state: State, cards: Cards, action: Pick, out: Events) -> None:
    kept = state.offered[action.index]
    for index, card in enumerate(state.offered):
        if index != action.index:
            dealer.put_under(state, card, cards)
    state.offered = []
    state.card = kept
    state.phase = _CARD
    emit(state, out, "pick", kept, index=action.index)


def _other(state: State, cards: Cards, action: ChooseOther, out: Events) -> None:
    state.other = action.seat
    emit(state, out, "other", state.card, other=state.settings.players[action.seat])


def _done(state: State, cards: Cards, action: Done, out: Events) -> None:
    card = state.card
    assert card is not None
    type_ = TYPE_KEY[cards[card].type]
    state.gone.add(card)
    state.done_by_type[type_] = state.done_by_type.get(type_, 0) + 1
    state.round_done[state.seat] = True
    state.timer_started = None
    state.warmth_from = []
    state.phase = _AFTER
    emit(state, out, "done", card, type=type_)


def _next(state: State, cards: Cards, action: Next, out: Events) -> None:
    end_turn(state, cards, out)


def _pass(state: State, cards: Cards, action: Pass, out: Events) -> None:
    for card in _shown(state):
        dealer.put_under(state, card, cards)
        emit(state, out, "pass", card)
    deal(state, cards, out)


def _skip(state: State, cards: Cards, action: Skip, out: Events) -> None:
    shown = _shown(state)
    for card in shown:
        dealer.put_under(state, card, cards)
    emit(state, out, "skip", shown[0] if len(shown) == 1 else None)
    end_turn(state, cards, out)


def _remove(state: State, card: str, out: Events) -> None:
    state.gone.add(card)
    if card in state.starred:
        state.starred.remove(card)
    emit(state, out, "veto", card)


def _veto(state: State, cards: Cards, action: Veto, out: Events) -> None:
    if state.phase is _AFTER:
        assert state.card is not None
        _remove(state, state.card, out)
        end_turn(state, cards, out)
        return
    if state.phase is _CARD or action.index is None:
        for card in _shown(state):
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
    state.phase = _CARD
    state.card = state.offered.pop()


def _warmth(state: State, cards: Cards, action: Warmth, out: Events) -> None:
    state.warmth_from.append(action.giver)
    state.warmth_given[action.giver] += 1
    state.warmth_received[state.seat] += 1
    emit(state, out, "warmth", state.card, giver=state.settings.players[action.giver])


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


def _timer(state: State, cards: Cards, action: TimerStart | TimerPause, out: Events) -> None:
    now = float(action.now)
    if isinstance(action, TimerStart):
        state.timer_started = now
    else:
        state.timer_elapsed = _counted(state, now)
        state.timer_started = None
    emit(
        state,
        out,
        "timer",
        state.card,
        running=state.timer_started is not None,
        elapsed=state.timer_elapsed,
    )


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


def _not_yet(state: State, cards: Cards, action: NotYet, out: Events) -> None:
    state.votes = 0
    emit(state, out, "not_yet", player=state.settings.players[action.seat])
    if state.phase is _DEEPER:
        start_turn(state, cards, out)


def _step_back(state: State, cards: Cards, action: StepBack, out: Events) -> None:
    to_level = dealer.previous_level(state, cards)
    assert to_level is not None
    for card in _shown(state):
        dealer.put_under(state, card, cards)
    from_level = state.level
    change_level(state, to_level)
    emit(state, out, "step_back", player=None, from_level=from_level, to_level=to_level)
    # The done card stays for warmth; otherwise the same player gets a card from here.
    if state.phase is not _AFTER:
        start_turn(state, cards, out)


def _away(state: State, cards: Cards, action: Away, out: Events) -> None:
    seat = action.seat
    phase = state.phase
    own_turn = seat == state.seat and phase in _VETO
    handed_back = _shown(state) if own_turn else []
    state.away[seat] = True
    emit(
        state,
        out,
        "away",
        handed_back[0] if len(handed_back) == 1 else None,
        player=_name(state, seat),
    )
    if state.other == seat:
        state.other = _other_after(state, seat)
    if phase is _WAITING:
        return
    if phase is _DEEPER or phase is _DRY:
        # Going deeper asks everyone: the question is withdrawn and waits for this player.
        state.votes = 0
        if phase is _DEEPER:
            state.deeper_waiting = True
        _play_on(state, cards, out)
        return
    if own_turn:
        # The card goes back under its pile, as a pass would; the turn moves on without
        # counting against the round (``round_away``). A done card keeps its done.
        for card in handed_back:
            dealer.put_under(state, card, cards)
        _clear_table(state)
        state.round_away[seat] = True
        end_turn(state, cards, out)
        return
    if present_count(state) < 2:
        if phase is _AFTER:
            end_turn(state, cards, out)  # the card is done; the next turn waits
        else:
            _wait(state, cards)


def _other_after(state: State, seat: int) -> int | None:
    """Who ``{other}`` becomes when ``seat`` steps away: the next present seat after it."""
    count = len(state.settings.players)
    for step in range(1, count):
        candidate = (seat + step) % count
        if candidate != state.seat and not state.away[candidate]:
            return candidate
    return None


def _back(state: State, cards: Cards, action: Back, out: Events) -> None:
    state.away[action.seat] = False
    emit(state, out, "back", player=_name(state, action.seat))
    # With a card in hand (offer, card, after) a waiting question is asked when the turn
    # ends; with none, at once.
    if state.phase is _WAITING or state.phase is _DRY:
        state.votes = 0
        _play_on(state, cards, out)


def _hold(state: State, cards: Cards, action: Hold, out: Events) -> None:
    state.held = True
    paused = state.timer_started is not None
    if state.timer_started is not None:
        state.timer_elapsed = _counted(state, float(action.now))
        state.timer_started = None
    emit(state, out, "hold", player=None, timer_paused=paused)


def _resume(state: State, cards: Cards, action: Resume, out: Events) -> None:
    state.held = False
    emit(state, out, "resume", player=None)


def _end(state: State, cards: Cards, action: End, out: Events) -> None:
    shown = _shown(state)
    for card in shown:  # not done: back under its pile, as a saved session should show
        dealer.put_under(state, card, cards)
    emit(state, out, "end", state.card)
    _clear_table(state)
    state.phase = _ENDED


Check = Callable[[State, Cards, Any], None]
Effect = Callable[[State, Cards, Any, Events], None]


class Rule(NamedTuple):
    """How one action type is checked and applied."""

    phases: tuple[Phase, ...]  # where it is allowed, checked first, in this order
    check: Check | None  # the conditions beyond the phase (None: the phase is enough)
    effect: Effect


RULES: dict[type[Any], Rule] = {
    Pick: Rule(_ONLY_OFFER, _check_pick, _pick),
    ChooseOther: Rule(_SHOWING, _check_other, _other),
    Done: Rule(_ONLY_CARD, None, _done),
    Next: Rule(_ONLY_AFTER, None, _next),
    Pass: Rule(_SHOWING, None, _pass),
    Skip: Rule(_SHOWING, None, _skip),
    Veto: Rule(_VETO, _check_veto, _veto),
    Warmth: Rule(_ONLY_AFTER, _check_warmth, _warmth),
    Star: Rule(_ON_TABLE, None, _star),
    TimerStart: Rule(_ONLY_CARD, _check_timer, _timer),
    TimerPause: Rule(_ONLY_CARD, _check_timer, _timer),
    Agree: Rule(_VOTE, _check_vote, _agree),
    NotYet: Rule(_VOTE, _check_vote, _not_yet),
    StepBack: Rule(_OPEN, _check_step_back, _step_back),
    Away: Rule(_OPEN, _check_away, _away),
    Back: Rule(_OPEN, _check_back, _back),
    Hold: Rule(_OPEN, _check_hold, _hold),
    Resume: Rule(_OPEN, _check_resume, _resume),
    End: Rule(_OPEN, None, _end),
}
"""Action type -> its rule. ``Undo`` is the game's, not a rule."""


def checked(state: State, cards: Cards, action: Action) -> Effect:
    """The effect of ``action`` once it passed its checks (else an ``IllegalAction``).

    One table lookup serves both the check and the effect: ``Game.apply`` runs this on
    every action.
    """
    rule = RULES.get(type(action))
    if rule is None:
        raise IllegalAction(f"not a rule action: {action!r}")
    if state.held and type(action) is not Resume:
        raise OnHold("the game is on hold: resume first")
    phases, check_more, effect = rule
    if state.phase not in phases:
        raise _wrong_phase(state, phases)
    if check_more is not None:
        check_more(state, cards, action)
    return effect


def check(state: State, cards: Cards, action: Action) -> None:
    """Raise an :class:`IllegalAction` subclass if ``action`` is not legal now."""
    checked(state, cards, action)


def perform(state: State, cards: Cards, action: Action, out: Events) -> None:
    """Apply a checked ``action`` to ``state``, appending its events to ``out``."""
    RULES[type(action)].effect(state, cards, action, out)
