"""Dealer: filters (audience, lines, player count, types, decks), mixing, seed, history, dry."""

from __future__ import annotations

from collections import Counter

import pytest
from engine_helpers import TYPES, make_card, make_deck, new_game, phase_of

from deckgame.engine import (
    Agree,
    Away,
    Done,
    End,
    Game,
    Hold,
    Next,
    Pass,
    Phase,
    StepBack,
    Undo,
    WrongPhase,
)
from deckgame.model import Audience, Card, IntimacyType


def deal_all(game: Game, limit: int = 1000) -> list[str]:
    """Do every card until the level runs dry; the ids dealt, in order."""
    dealt: list[str] = []
    for _ in range(limit):
        if phase_of(game) is not Phase.CARD:
            break
        card = game.current_card
        assert card is not None
        dealt.append(card.id)
        game.apply(Done())
        game.apply(Next())
    return dealt


def test_family_only_sees_family_cards() -> None:
    cards = [
        make_card("fam", audience=[Audience.FAMILY, Audience.FRIENDS]),
        make_card("cf", audience=[Audience.COUPLES, Audience.FRIENDS]),
        make_card("c", audience=[Audience.COUPLES]),
    ]
    game = new_game(3, cards, audience=Audience.FAMILY, unlock_rounds=10)
    assert deal_all(game) == ["fam"]
    assert phase_of(game) is Phase.DRY


def test_friends_never_see_couples_only_cards() -> None:
    cards = [
        make_card("cf", audience=[Audience.COUPLES, Audience.FRIENDS]),
        make_card("c", audience=[Audience.COUPLES]),
        make_card("all"),
    ]
    game = new_game(3, cards, audience=Audience.FRIENDS, unlock_rounds=10)
    assert sorted(deal_all(game)) == ["all", "cf"]


def test_couples_see_couples_cards() -> None:
    cards = [
        make_card("c", audience=[Audience.COUPLES]),
        make_card("f", audience=[Audience.FAMILY]),
    ]
    game = new_game(2, cards, audience=Audience.COUPLES, unlock_rounds=10)
    assert deal_all(game) == ["c"]


def test_lines_exclude_tagged_cards() -> None:
    cards = [make_card("ok", tags=["past"]), make_card("no", tags=["touch", "past"])]
    game = new_game(2, cards, excluded=frozenset({"touch"}), unlock_rounds=10)
    assert deal_all(game) == ["ok"]


def test_player_count_limits() -> None:
    cards = [
        make_card("two", max_players=2),
        make_card("three-plus", min_players=3),
        make_card("any"),
    ]
    assert sorted(deal_all(new_game(2, cards, unlock_rounds=10))) == ["any", "two"]
    assert sorted(deal_all(new_game(4, cards, unlock_rounds=10))) == ["any", "three-plus"]


def test_only_types_and_decks_in_play() -> None:
    cards = [
        make_card("e", IntimacyType.EMOTIONAL, deck="A"),
        make_card("p", IntimacyType.PHYSICAL, deck="A"),
        make_card("i", IntimacyType.INTELLECTUAL, deck="B"),
    ]
    types = frozenset({IntimacyType.EMOTIONAL, IntimacyType.INTELLECTUAL})
    assert sorted(deal_all(new_game(2, cards, types=types, unlock_rounds=10))) == ["e", "i"]
    game = new_game(2, cards, decks=frozenset({"A"}), unlock_rounds=10)
    assert sorted(deal_all(game)) == ["e", "p"]


def test_closing_cards_are_never_dealt() -> None:
    cards = [make_card("lvl"), make_card("closing", level=None)]
    assert deal_all(new_game(2, cards, unlock_rounds=10)) == ["lvl"]


def test_types_interleave_evenly_whatever_the_pile_sizes() -> None:
    sizes = {IntimacyType.EMOTIONAL: 12, IntimacyType.PHYSICAL: 3, IntimacyType.SPIRITUAL: 6}
    cards = [make_card(f"{t.value}-{i}", t) for t, size in sizes.items() for i in range(size)]
    dealt = deal_all(new_game(2, cards, seed=5, unlock_rounds=10))
    types = [card.split("-")[0] for card in dealt]
    for k in range(1, 4):  # while all three have cards, every block of 3 has one of each
        assert sorted(types[3 * (k - 1) : 3 * k]) == ["emotional", "physical", "spiritual"]
    assert Counter(types) == {"emotional": 12, "physical": 3, "spiritual": 6}
    assert types[9:15].count("physical") == 0


def test_same_seed_same_order_other_seed_other_order() -> None:
    orders = [
        deal_all(new_game(2, make_deck(levels=(1,)), seed=s, unlock_rounds=10)) for s in (1, 1)
    ]
    assert orders[0] == orders[1]
    others = {tuple(deal_all(new_game(2, make_deck(levels=(1,)), seed=s))) for s in range(2, 7)}
    assert len(others) > 1


def test_shuffle_ignores_the_order_cards_were_loaded_in() -> None:
    deck = make_deck(levels=(1,))
    first = deal_all(new_game(2, deck, seed=9, unlock_rounds=10))
    second = deal_all(new_game(2, list(reversed(deck)), seed=9, unlock_rounds=10))
    assert first == second


def test_history_cards_go_to_the_bottom() -> None:
    deck = make_deck(types=[IntimacyType.EMOTIONAL], levels=(1,), per_pile=10)
    history = {card.id for card in deck[:6]}
    dealt = deal_all(new_game(2, deck, history=history, unlock_rounds=10))
    assert set(dealt[:4]).isdisjoint(history)
    assert set(dealt[4:]) == history


def test_dry_level_offers_to_go_deeper() -> None:
    game = new_game(2, make_deck(types=[IntimacyType.EMOTIONAL], levels=(1, 2), per_pile=1))
    events = game.apply(Done()) + game.apply(Next())
    assert events[-1].event == "dry"
    assert events[-1].extra == {"can_go_deeper": True}
    assert phase_of(game) is Phase.DRY
    assert game.voter == 0
    game.apply(Agree(0))
    game.apply(Agree(1))
    assert game.level == 2
    assert phase_of(game) is Phase.CARD
    assert game.active_player == "Bo"  # the dry turn is Bo's, and it goes on


def test_dry_without_deeper_level_can_only_step_back_or_end() -> None:
    cards = [make_card("one", level=1), make_card("uno", level=1), make_card("two", level=2)]
    game = new_game(2, cards, unlock_rounds=1)
    for _ in range(2):
        game.apply(Done())
        game.apply(Next())  # the second ends a trust round: asked to go deeper
    game.apply(Agree(0))
    game.apply(Agree(1))
    assert game.level == 2
    game.apply(Done())
    events = game.apply(Next())
    assert events[-1].event == "dry" and events[-1].extra == {"can_go_deeper": False}
    assert game.voter is None
    with pytest.raises(WrongPhase):
        game.apply(Agree(0))
    # Away/back and hold belong to every phase; nothing else but stepping back or ending.
    anytime = {Hold(0.0), Away(0), Away(1)}
    assert set(game.legal_actions()) == {StepBack(), End(), Undo(), *anytime}
    game.apply(StepBack())
    assert phase_of(game) is Phase.DRY  # level 1 is used up too
    assert set(game.legal_actions()) == {End(), Undo(), *anytime}
    game.apply(End())
    assert phase_of(game) is Phase.ENDED


def test_empty_card_pool_starts_dry_and_never_loops() -> None:
    game = new_game(2, [])
    assert phase_of(game) is Phase.DRY
    assert game.opening_events[0].event == "dry"
    game.apply(End())


def test_passing_forever_terminates_each_call() -> None:
    game = new_game(2, [make_card("a"), make_card("b")])
    seen: Counter[str] = Counter()
    for _ in range(50):
        card = game.current_card
        assert card is not None
        seen[card.id] += 1
        game.apply(Pass())
    assert set(seen) == {"a", "b"}  # passed cards come back from under the pile


def test_every_card_dealt_at_most_once_in_a_full_session() -> None:
    deck: list[Card] = make_deck(levels=(1, 2, 3), per_pile=3)
    game = new_game(3, deck, unlock_rounds=1)
    dealt: list[str] = []
    for _ in range(500):
        if phase_of(game) is Phase.ENDED:
            break
        if phase_of(game) is Phase.CARD:
            assert game.state.card is not None
            dealt.append(game.state.card)
            game.apply(Done())
            game.apply(Next())
        elif game.voter is not None:
            game.apply(Agree(game.voter))
        else:
            game.apply(End())
    assert phase_of(game) is Phase.ENDED
    assert len(dealt) == len(set(dealt))
    assert game.state.deepest == 3
    level_3 = {c.id for c in deck if c.level == 3}
    assert level_3 <= set(dealt)  # the last level was played until dry
    assert len(level_3) == 3 * len(TYPES)
