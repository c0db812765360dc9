"""The rule registry: each action type's rule, declared once beside its effect.

A rule says in which phases an action is allowed, what more it checks (raising an
:class:`IllegalAction`, changing nothing) and what it does (changing the state, appending
events; it never fails once its checks passed), and which events it may emit. The rule
modules register theirs with :func:`rule`; :func:`checked` and :func:`perform` read them,
and the event names follow from the rules and :func:`declare_events`.

>>> from deckgame.engine import Warmth, rules
>>> RULES[Warmth].phases, sorted(RULES[Warmth].emits), "warmth" in event_names()
((<Phase.AFTER: 'after'>,), ['warmth'], True)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from deckgame.engine.errors import IllegalAction, OnHold, Reason, WrongPhase
from deckgame.engine.events import Event
from deckgame.engine.state import Phase, State
from deckgame.kinds import CardData as Card

Cards = Mapping[str, Card]
Events = list[Event]
Check = Callable[[State, Cards, Any], None]
Effect = Callable[[State, Cards, Any, Events], None]
E = TypeVar("E", bound=Effect)


class Rule(NamedTuple):
    """How one action type is checked and applied."""

    phases: tuple[Phase, ...]  # where it is allowed, checked first, in this order
    check: Check | None  # the conditions beyond the phase (None: the phase is enough)
    effect: Effect
    emits: frozenset[str]  # the events the effect itself may append (turn flow aside)
    while_held: bool  # allowed while the game is on hold (every other action is refused)


RULES: dict[type[Any], Rule] = {}
"""Action type -> its rule. ``Undo`` is the game's, not a rule."""

_EVENTS: dict[str, str] = {}  # event name -> what it reports (its fields)


def declare_events(events: Mapping[str, str]) -> None:
    """Declare events emitted outside one action's rule: name -> what it reports."""
    for name, meaning in events.items():
        known = _EVENTS.setdefault(name, meaning)
        if known != meaning:
            raise ValueError(f"the event {name!r} is declared twice")


def rule(
    action: type[Any],
    phases: tuple[Phase, ...],
    *,
    check: Check | None = None,
    emits: Mapping[str, str] | None = None,
    while_held: bool = False,
) -> Callable[[E], E]:
    """Register the decorated effect as the rule of ``action``.

    ``emits`` names the events the effect appends itself, each with what it reports;
    ``while_held``: the action is allowed while the game is on hold.
    """

    def register(effect: E) -> E:
        if action in RULES:
            raise ValueError(f"two rules for {action.__name__}")
        declare_events(emits or {})
        RULES[action] = Rule(phases, check, effect, frozenset(emits or ()), while_held)
        return effect

    return register


def event_names() -> frozenset[str]:
    """Every event name declared so far (all of them once the rule modules are loaded)."""
    return frozenset(_EVENTS)


def event_meanings() -> dict[str, str]:
    """Every event name declared so far, with what it reports."""
    return dict(_EVENTS)


def wrong_phase(state: State, allowed: tuple[Phase, ...]) -> WrongPhase:
    """The refusal of an action outside its phases (naming them in the rule's order)."""
    names = ", ".join(p.value for p in allowed)
    phase = state.phase  # a StrEnum: its str() is its value
    return WrongPhase(
        f"not possible in the {phase.value} phase (only: {names})",
        Reason.WRONG_PHASE,
        phase=phase,
        allowed=allowed,
    )


def checked(state: State, cards: Cards, action: object) -> Effect:
    """The effect of ``action`` once it passed its checks (else an ``IllegalAction``).

    One table lookup serves both the check and the effect: ``Game.apply`` runs this on
    every action.
    """
    rule_ = RULES.get(type(action))
    if rule_ is None:
        raise IllegalAction(
            f"not a rule action: {action!r}", Reason.UNKNOWN_ACTION, action=repr(action)
        )
    phases, check_more, effect, _, while_held = rule_
    if state.held and not while_held:
        raise OnHold("the game is on hold: resume first", Reason.ON_HOLD)
    if state.phase not in phases:
        raise wrong_phase(state, phases)
    if check_more is not None:
        check_more(state, cards, action)
    return effect


def check(state: State, cards: Cards, action: object) -> None:
    """Raise an :class:`IllegalAction` subclass if ``action`` is not legal now."""
    checked(state, cards, action)


def perform(state: State, cards: Cards, action: object, out: Events) -> None:
    """Apply a checked ``action`` to ``state``, appending its events to ``out``."""
    RULES[type(action)].effect(state, cards, action, out)
