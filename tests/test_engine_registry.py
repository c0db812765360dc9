"""Every action is declared once: its type, its rule, its events, its legal candidates."""

from __future__ import annotations

from engine_helpers import new_game, random_session

from deckgame import engine
from deckgame.engine import ACTION_TYPES, EVENT_NAMES, Action, IllegalAction, Undo
from deckgame.engine.registry import RULES, event_meanings
from deckgame.engine.rules import Phase

# Events the turn flow emits whatever the action (a deal after a pass, a round's end...).
FLOW = {"deal", "round_end", "unlock", "dry", "deeper"}


def test_every_action_but_undo_has_a_rule_and_is_exported() -> None:
    assert set(RULES) == set(ACTION_TYPES.values()) - {Undo}
    for name, kind in ACTION_TYPES.items():
        assert kind.name == name and issubclass(kind, Action)
        assert getattr(engine, kind.__name__) is kind
        assert kind.__name__ in vars(engine)["__all__"]  # built at run time


def test_event_names_are_the_events_the_rules_declare() -> None:
    declared = set().union(*(rule.emits for rule in RULES.values()))
    assert declared | FLOW | {"undo"} == EVENT_NAMES
    assert all(meaning for meaning in event_meanings().values())


def test_an_action_emits_only_its_own_events_and_the_turn_flow() -> None:
    for seed in range(30):
        for _, (action, result) in random_session(seed, 80):
            if isinstance(result, IllegalAction):
                continue
            own = {"undo"} if isinstance(action, Undo) else RULES[type(action)].emits
            assert {event.event for event in result} <= own | FLOW, action


def test_legal_actions_follow_the_declaration_order() -> None:
    game = new_game(3)
    order = list(ACTION_TYPES.values())
    kinds = [order.index(type(action)) for action in game.legal_actions()]
    assert kinds == sorted(kinds) and game.phase is Phase.CARD
