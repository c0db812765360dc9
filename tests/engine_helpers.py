"""Cards and games built in code for the engine tests (no dependency on the built-in decks)."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from deckgame.engine import (
    ACTION_TYPES,
    Action,
    Agree,
    Done,
    Event,
    Game,
    IllegalAction,
    Next,
    Phase,
    Settings,
)
from deckgame.model import ALL_AUDIENCES, Audience, Card, CardKind, IntimacyType

TYPES: tuple[IntimacyType, ...] = tuple(IntimacyType)
NAMES: tuple[str, ...] = ("Ana", "Bo", "Chen", "Dana", "Eli", "Fé", "Gül", "日向")


def make_card(
    id: str,
    type: IntimacyType | str = IntimacyType.EMOTIONAL,
    level: int | None = 1,
    *,
    text: str = "Tell {other} something, {player}.",
    kind: CardKind = "ask",
    seconds: int | None = None,
    follow_up: str | None = None,
    audience: Iterable[Audience] = ALL_AUDIENCES,
    tags: Iterable[str] = (),
    min_players: int = 2,
    max_players: int = 8,
    deck: str = "Test",
) -> Card:
    """One resolved card with test-friendly defaults."""
    return Card(
        id=id,
        kind=kind,
        text=text,
        type=IntimacyType(type),
        level=level,
        seconds=seconds,
        follow_up=follow_up,
        audience=frozenset(audience),
        tags=frozenset(tags),
        min_players=min_players,
        max_players=max_players,
        deck=deck,
    )


def make_deck(
    types: Iterable[IntimacyType | str] = TYPES,
    levels: Iterable[int] = (1, 2, 3),
    per_pile: int = 4,
    **fields: object,
) -> list[Card]:
    """``per_pile`` cards per (type, level), ids ``type-level-i``."""
    return [
        make_card(f"{IntimacyType(t).value}-{level}-{i}", t, level, **fields)  # type: ignore[arg-type]
        for t in types
        for level in levels
        for i in range(per_pile)
    ]


def new_game(
    players: int | Sequence[str] = 2,
    cards: Iterable[Card] | None = None,
    *,
    seed: int = 0,
    history: Iterable[str] = (),
    **settings: object,
) -> Game:
    """A game with the first ``players`` test names (or the names given)."""
    names = tuple(NAMES[:players]) if isinstance(players, int) else tuple(players)
    deck = make_deck() if cards is None else list(cards)
    return Game.new(
        Settings(players=names, **settings),  # type: ignore[arg-type]
        deck,
        seed=seed,
        history=frozenset(history),
    )


def phase_of(game: Game) -> Phase:
    """The game's phase, read afresh (a call, so mypy does not keep an earlier narrowing)."""
    return game.phase


def names(events: list[Event]) -> list[str]:
    """The event names, in order."""
    return [e.event for e in events]


def done_turn(game: Game) -> list[Event]:
    """The active player does the card and the turn ends."""
    return game.apply(Done()) + game.apply(Next())


def done_turns(game: Game, count: int) -> list[Event]:
    events: list[Event] = []
    for _ in range(count):
        events += done_turn(game)
    return events


def done_round(game: Game) -> list[Event]:
    """Every seat does a card: one trust-building round when everyone is present."""
    return done_turns(game, len(game.players))


def agree_all(game: Game) -> list[Event]:
    """Everyone agrees to go deeper, in seat order."""
    events: list[Event] = []
    for seat in range(len(game.players)):
        events += game.apply(Agree(seat))
    return events


def round_ends(events: list[Event]) -> list[dict[str, Any]]:
    return [dict(e.extra) for e in events if e.event == "round_end"]


def pile_of(game: Game, card_id: str) -> list[str]:
    card = game.cards[card_id]
    assert card.level is not None
    return game.state.piles[(card.type.value, card.level)]


def present(game: Game) -> tuple[int, ...]:
    """The seats present, read afresh (a call: mypy keeps no narrowing of it)."""
    return game.present


def waiting_for(game: Game) -> tuple[str, ...]:
    return game.waiting_for


def reloaded(game: Game, cards: list[Card]) -> Game:
    return Game.from_dict(json.loads(json.dumps(game.to_dict())), cards)


def circle_deck() -> list[Card]:
    return [
        *(make_card(f"circle-{i}", min_players=3) for i in range(6)),
        *(make_card(f"pair-{i}", max_players=2) for i in range(6)),
        *(make_card(f"any-{i}") for i in range(6)),
    ]


def every_action(seat: int, now: float) -> list[Action]:
    """One of every action the engine knows, in its registry's order, with ``seat`` for
    every seat or index and ``now`` for every time; an optional index is tried both left
    out and as ``seat`` (``Veto()`` and ``Veto(seat)``). A new action joins by itself."""
    out: list[Action] = []
    for cls in ACTION_TYPES.values():
        values: dict[str, object] = {}
        optional = []
        for field in dataclasses.fields(cls):
            values[field.name] = now if field.type == "float" else seat
            if field.default is None:
                optional.append(field.name)
        if optional:
            out.append(cls(**{k: v for k, v in values.items() if k not in optional}))
        out.append(cls(**values))
    return out


def random_pool(rng: random.Random) -> list[Card]:
    """A varied pool of cards: audiences, tags, player limits, levels 1-3, challenges."""
    cards = []
    for i in range(rng.randint(0, 50)):
        low = rng.choice([2, 2, 3, 4])
        challenge = rng.random() < 0.3
        cards.append(
            make_card(
                f"k{i}",
                rng.choice(TYPES),
                rng.choice([1, 1, 2, 3]),
                kind="do" if challenge else "ask",
                seconds=rng.randint(5, 90) if challenge else None,
                audience=rng.sample(list(Audience), rng.randint(1, 3)),
                tags=rng.sample(["touch", "past"], rng.randint(0, 1)),
                min_players=low,
                max_players=rng.choice([low, 8, 8]),
            )
        )
    return cards


Step = tuple[Action, list[Event] | IllegalAction]
"""An action tried in a random session and its events, or the refusal it met."""


def random_session(seed: int, steps: int = 120) -> Iterator[tuple[Game, Step]]:
    """A seeded random session: mostly legal actions, some with bad seats or indexes.

    Yields the game (live: read it before the next step) after each action tried.
    """
    rng = random.Random(seed)
    players = rng.randint(2, 8)
    settings = Settings(
        players=NAMES[:players],
        audience=rng.choice(list(Audience)),
        unlock_rounds=rng.randint(1, 3),
        offered=rng.choice([1, 2]),
    )
    game = Game.new(settings, random_pool(rng), seed=rng.randint(0, 2**64))
    now = 0.0
    for _ in range(steps):
        now += rng.randint(0, 40)
        if rng.random() < 0.3:
            kind = rng.choice(list(ACTION_TYPES.values()))
            action = rng.choice(list(kind.candidates(players + 2)))
        else:
            action = rng.choice(game.legal_actions())
        if any(f.type == "float" for f in dataclasses.fields(action)):
            action = type(action)(now)  # type: ignore[call-arg]
        try:
            yield game, (action, game.apply(action))
        except IllegalAction as error:
            yield game, (action, error)
