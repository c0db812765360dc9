"""The turn flow the rules share: dealing, ending a turn and a round, going deeper, waiting.

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

Also here: the checks several rules share (a seat, a player present, an index, a time).
"""

from __future__ import annotations

from typing import Any

from deckgame.engine import dealer
from deckgame.engine.dealer import present_count
from deckgame.engine.errors import InvalidChoice, PlayerAway, Reason, UnknownSeat
from deckgame.engine.events import Event
from deckgame.engine.registry import Cards, Events, declare_events
from deckgame.engine.saved import MAX_SECONDS, describe
from deckgame.engine.state import Phase, State

# The phases as plain globals: the rules read them on every action, and in Python 3.11 a
# ``Phase.CARD`` costs over ten global reads (EnumType defines __getattr__, which sends
# every attribute read on the class down a slow path).
OFFER = Phase.OFFER
CARD = Phase.CARD
AFTER = Phase.AFTER
DEEPER = Phase.DEEPER
DRY = Phase.DRY
WAITING = Phase.WAITING
ENDED = Phase.ENDED

# Where actions are allowed, in the order the error message names them.
SHOWING = (OFFER, CARD)
ONLY_CARD = (CARD,)
ONLY_OFFER = (OFFER,)
ONLY_AFTER = (AFTER,)
ON_TABLE = (CARD, AFTER)
IN_HAND = (OFFER, CARD, AFTER)
VOTE = (DEEPER, DRY)
OPEN = (OFFER, CARD, AFTER, DEEPER, DRY, WAITING)

declare_events(
    {
        "deal": "a card shown to the active player (card)",
        "round_end": "round finished (trust_building: bool, trust_rounds: int)",
        "unlock": "the next level is open; the deeper question is asked (to_level), or it"
        " waits for the away players (waiting_for: their names) and is asked, with another"
        " unlock, once everyone is back and the card in hand is finished",
        "dry": "no card left at this level (can_go_deeper: bool)",
    }
)


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


def name_of(state: State, seat: int) -> str:
    return state.settings.players[seat]


def away_names(state: State) -> list[str]:
    return [name for name, away in zip(state.settings.players, state.away, strict=True) if away]


def check_seat(state: State, seat: int) -> None:
    if isinstance(seat, bool) or not isinstance(seat, int):
        raise UnknownSeat(f"a seat is a number, not {seat!r}", Reason.SEAT_NOT_A_NUMBER)
    count = len(state.settings.players)
    if not 0 <= seat < count:
        raise UnknownSeat(
            f"there is no seat {seat} ({count} players)",
            Reason.NO_SUCH_SEAT,
            seat=seat,
            players=count,
        )


def check_present(state: State, seat: int, what: str, reason: Reason) -> None:
    """A real seat that is not away (``what`` says what an away player cannot do)."""
    check_seat(state, seat)
    if state.away[seat]:
        name = name_of(state, seat)
        raise PlayerAway(f"{name} is away: {what}", reason, player=name)


def check_time(now: object) -> None:
    """A clock reading: a number of seconds within the bounds a save can hold."""
    if isinstance(now, bool) or not isinstance(now, int | float):
        raise InvalidChoice(
            f"the time is a number of seconds, not {describe(now)}", Reason.TIME_NOT_A_NUMBER
        )
    # Compared, not converted: math.isfinite() of a huge int raises OverflowError. A clock
    # within the bounds keeps every difference of two times, and so the timer, finite.
    if not -MAX_SECONDS <= now <= MAX_SECONDS:
        raise InvalidChoice(
            f"the time must be finite, within {MAX_SECONDS:g} seconds of 0",
            Reason.TIME_OUT_OF_RANGE,
        )


def counted(state: State, now: float) -> float:
    """The timer's seconds once the run started at ``timer_started`` stops at ``now``.

    A clock that went backwards counts as no time, never as negative time; the count stays
    within the bounds a save can hold.
    """
    assert state.timer_started is not None
    return min(MAX_SECONDS, state.timer_elapsed + max(0.0, now - state.timer_started))


def is_index(value: object, size: int) -> bool:
    # bool is an int subclass: Pick(True) must not mean the second card.
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


def shown(state: State) -> list[str]:
    if state.phase is OFFER:
        return list(state.offered)
    if state.phase is CARD and state.card is not None:
        return [state.card]
    return []


def clear_table(state: State) -> None:
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
        wait(state, cards)
        return
    if state.away[state.seat]:
        state.round_away[state.seat] = True
        if move_on(state, out, finished=False) and ask_deeper(state, cards, out):
            return
    state.other = default_other(state)
    deal(state, cards, out)


def deal(state: State, cards: Cards, out: Events) -> None:
    """Deal ``settings.offered`` cards: offer phase for two, card phase for one, else dry."""
    clear_table(state)
    drawn: list[str] = []
    for _ in range(state.settings.offered):
        card = dealer.draw(state, cards)
        if card is None:
            break
        drawn.append(card)
    if not drawn:
        # No card in hand: a question that waited for players now back is asked now.
        if state.deeper_waiting and ask_deeper(state, cards, out):
            return
        state.phase = DRY
        state.votes = 0
        emit(state, out, "dry", can_go_deeper=dealer.next_level(state, cards) is not None)
        return
    for card in drawn:
        emit(state, out, "deal", card)
    if len(drawn) == 2:
        state.phase = OFFER
        state.offered = drawn
    else:
        state.phase = CARD
        state.card = drawn[0]


def wait(state: State, cards: Cards) -> None:
    """Fewer than two present: shown cards go under, the table clears, play waits."""
    for card in shown(state):
        dealer.put_under(state, card, cards)
    clear_table(state)
    state.phase = WAITING
    state.votes = 0
    state.other = None


def close_round(state: State, out: Events) -> bool:
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


def move_on(state: State, out: Events, *, finished: bool) -> bool:
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
            due = close_round(state, out) or due
        if finished:
            state.turn += 1
            finished = False
        state.seat = (state.seat + 1) % count
        if not skipping or not state.away[state.seat]:
            break
        state.round_away[state.seat] = True
    return due


def ask_deeper(state: State, cards: Cards, out: Events) -> bool:
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
                    waiting_for=away_names(state),
                )
        return False
    state.deeper_waiting = False
    deeper = dealer.next_level(state, cards)
    if deeper is None:
        return False
    clear_table(state)
    state.phase = DEEPER
    state.votes = 0
    state.other = None
    emit(state, out, "unlock", player=None, to_level=deeper)
    return True


def end_turn(state: State, cards: Cards, out: Events) -> None:
    """Finish the active turn; close the round after the last seat; maybe ask to go deeper.

    A question waiting for players now back is asked here, the card in hand finished.
    """
    due = move_on(state, out, finished=True)
    if (due or state.deeper_waiting) and ask_deeper(state, cards, out):
        return
    start_turn(state, cards, out)  # its deal clears the table


def play_on(state: State, cards: Cards, out: Events) -> None:
    """After someone left or came back with no card in hand (waiting, dry, deeper).

    A waiting question is asked once everyone is here; a dry level stays dry unless the
    new number present has cards there; otherwise a turn starts (or the table waits).
    """
    if state.deeper_waiting and ask_deeper(state, cards, out):
        return
    if (
        state.phase is DRY
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
