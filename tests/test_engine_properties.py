"""Property tests: random legal and illegal action sequences for 2-8 players.

Away/back and hold/resume are among the actions: players come and go at random.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter

import pytest
from engine_helpers import NAMES, every_action, make_card
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgame.engine import (
    EVENT_NAMES,
    Action,
    Agree,
    Away,
    Done,
    End,
    Event,
    Game,
    Hold,
    IllegalAction,
    Next,
    Phase,
    Resume,
    Settings,
    TimerPause,
    TimerStart,
    Undo,
    in_piles,
    playable,
)
from deckgame.model import Audience, Card, IntimacyType

TAGS = ("touch", "past", "body")
# More examples for a long hunt: ENGINE_EXAMPLES=5000 pytest tests/test_engine_properties.py
EXAMPLES = int(os.environ.get("ENGINE_EXAMPLES", "150"))


def card_pool(seed: int) -> list[Card]:
    """A varied pool: audiences, tags, player limits, levels 1-3, two decks, challenges."""
    rng = random.Random(seed)
    cards = []
    for i in range(rng.randint(0, 60)):
        low = rng.choice([2, 2, 3, 4])
        challenge = rng.random() < 0.3
        cards.append(
            make_card(
                f"k{i}",
                rng.choice(list(IntimacyType)),
                rng.choice([1, 1, 2, 3]),
                kind="do" if challenge else "ask",
                seconds=rng.randint(5, 90) if challenge else None,
                audience=rng.sample(list(Audience), rng.randint(1, 3)),
                tags=rng.sample(TAGS, rng.randint(0, 2)),
                min_players=low,
                max_players=rng.choice([low, 8, 8]),
                deck=rng.choice(["A", "B"]),
            )
        )
    return cards


def any_action(n: int, k: int, now: float) -> Action:
    """Any action, often an illegal one (bad seats and indexes included)."""
    seat = k % (n + 3) - 1  # -1 .. n+1
    pool = every_action(seat, now)
    return pool[(k // 7) % len(pool)]


def check_invariants(game: Game, pool: dict[str, Card], *, anyone_went_away: bool) -> None:
    state = game.state
    n = len(state.settings.players)
    present = n - sum(state.away)
    # Turn order: seats clockwise, a round ends when play passes the last seat. Each turn
    # moves play on one seat; seats away are passed over without a turn of their own.
    moves = (state.round - 1) * n + state.seat
    assert 0 <= state.seat < n
    if anyone_went_away:
        assert moves >= state.turn - 1
    else:
        assert moves == state.turn - 1
    assert game.present == tuple(seat for seat in range(n) if not state.away[seat])
    # Play needs two present; the active player is present whenever a card is in hand,
    # and the go-deeper question is only ever put to everyone.
    if state.phase is not Phase.ENDED:
        assert (state.phase is Phase.WAITING) == (present < 2)
    if state.phase in (Phase.OFFER, Phase.CARD, Phase.AFTER):
        assert not state.away[state.seat]
    if state.phase is Phase.DEEPER:
        assert present == n and not state.deeper_waiting
    if state.deeper_waiting and present == n:  # everyone back: asked when the card is done
        assert state.phase in (Phase.OFFER, Phase.CARD, Phase.AFTER, Phase.ENDED)
    if state.held:
        assert game.legal_actions() == [Resume(0.0)]
    if game.waiting_for:
        assert set(game.waiting_for) == {
            state.settings.players[s] for s in range(n) if state.away[s]
        }
    # Every card for some table size is in exactly one place: a pile, the table, or gone.
    playable_ids = {c.id for c in pool.values() if in_piles(c, state.settings)}
    assert {c.id for c in pool.values() if playable(c, state.settings) and c.level} <= playable_ids
    table = list(state.offered)
    if state.card is not None and state.card not in state.gone:
        table.append(state.card)
    places = Counter([c for pile in state.piles.values() for c in pile] + table)
    places.update(state.gone)
    assert all(count == 1 for count in places.values()), places.most_common(3)
    assert set(places) == playable_ids
    # Piles hold what their key says.
    for (type_, level), pile in state.piles.items():
        assert all(pool[c].type.value == type_ and pool[c].level == level for c in pile)
    if state.phase is Phase.OFFER:
        assert len(state.offered) == 2
    if state.phase in (Phase.CARD, Phase.AFTER):
        assert state.card is not None and not state.offered
    if state.phase is Phase.AFTER:
        assert state.card in state.gone
    assert sum(state.warmth_given) == sum(state.warmth_received)
    assert state.level <= state.deepest


def check_events(
    game: Game, events: list[Event], pool: dict[str, Card], gone_before: set[str]
) -> None:
    """What the events of one action may say: known names, cards dealt as the rules allow."""
    config = game.settings
    present = len(game.present)
    for event in events:
        assert event.event in EVENT_NAMES
        if event.event == "deal":
            assert event.card is not None
            card = pool[event.card]
            assert event.card not in gone_before  # done/vetoed cards never return
            assert in_piles(card, config)  # filters never violated
            # Chosen for the number present, and never dealt to an away player.
            assert card.suits(config.audience, present, config.excluded)
            assert event.player is not None
            assert not game.is_away(config.players.index(event.player))
            assert card.level == event.level
        if event.event == "undo":
            assert event.extra["undone"] not in ("hold", "resume")  # never undone
        if event.event == "warmth":
            assert not game.is_away(config.players.index(event.extra["giver"]))


def check_replay(
    game: Game, cards: list[Card], seed: int, applied: list[Action], log: list[Event]
) -> None:
    """Same seed, same actions (cards in another order): the same log and the same save."""
    replay = Game.new(game.settings, list(reversed(cards)), seed=seed)
    replay_log = list(replay.opening_events)
    for action in applied:
        replay_log += replay.apply(action)
    assert [e.to_dict() for e in replay_log] == [e.to_dict() for e in log]
    assert replay.to_dict() == game.to_dict()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    players=st.integers(2, 8),
    pool_seed=st.integers(0, 10_000),
    seed=st.integers(0, 2**64),
    offered=st.sampled_from([1, 2]),
    unlock=st.integers(1, 3),
    audience=st.sampled_from(list(Audience)),
    types=st.sets(st.sampled_from(list(IntimacyType)), min_size=1),
    excluded=st.sets(st.sampled_from(TAGS)),
    decks=st.one_of(st.none(), st.sets(st.sampled_from(["A", "B"]))),
    steps=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 10_000)), max_size=120),
)
def test_random_sessions_keep_the_invariants(
    players: int,
    pool_seed: int,
    seed: int,
    offered: int,
    unlock: int,
    audience: Audience,
    types: set[IntimacyType],
    excluded: set[str],
    decks: set[str] | None,
    steps: list[tuple[int, int]],
) -> None:
    cards = card_pool(pool_seed)
    pool = {c.id: c for c in cards}
    config = Settings(
        players=NAMES[:players],
        audience=audience,
        types=frozenset(types),
        excluded=frozenset(excluded),
        unlock_rounds=unlock,
        offered=offered,
        decks=None if decks is None else frozenset(decks),
    )
    game = Game.new(config, cards, seed=seed)
    log: list[Event] = list(game.opening_events)
    applied: list[Action] = []
    went_away = False
    check_invariants(game, pool, anyone_went_away=went_away)
    now = 0.0
    for mode, k in steps:
        now += k % 50
        if mode < 3:
            action = any_action(players, k, now)
        else:
            legal = game.legal_actions()
            action = legal[k % len(legal)]
            if isinstance(action, TimerStart | TimerPause | Hold | Resume):
                action = type(action)(now)
        before = game.to_dict()
        gone_before = set(game.state.gone)
        if not game.can(action):
            with pytest.raises(IllegalAction):  # can() said no: apply refuses it
                game.apply(action)
            assert game.to_dict() == before  # an illegal action changes nothing
            continue
        held_before = game.held
        events = game.apply(action)
        applied.append(action)
        went_away = went_away or isinstance(action, Away)
        log += events
        check_events(game, events, pool, gone_before)
        if isinstance(action, Undo):
            assert game.held == held_before
        check_invariants(game, pool, anyone_went_away=went_away)
        data = json.loads(json.dumps(game.to_dict()))
        assert Game.from_dict(data, cards).to_dict() == game.to_dict()
    check_replay(game, cards, seed, applied, log)


@settings(max_examples=max(40, EXAMPLES // 4), deadline=None)
@given(players=st.integers(2, 8), seed=st.integers(0, 2**32), unlock=st.integers(1, 3))
def test_a_cooperative_session_always_ends(players: int, seed: int, unlock: int) -> None:
    """Everyone does every card and agrees: the session reaches the deepest level and ends."""
    cards = card_pool(seed % 997)
    game = Game.new(Settings(players=NAMES[:players], unlock_rounds=unlock), cards, seed=seed)
    for _ in range(5000):
        if game.phase is Phase.ENDED:
            break
        voter = game.voter
        if game.phase is Phase.CARD:
            game.apply(Done())
        elif game.phase is Phase.AFTER:
            game.apply(Next())
        elif voter is not None:
            game.apply(Agree(voter))
        else:
            game.apply(End())
    assert game.phase is Phase.ENDED
    playable_levels = {c.level for c in cards if c.level and playable(c, game.settings)}
    assert game.state.deepest == max(playable_levels, default=1)
