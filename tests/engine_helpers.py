"""Cards and games built in code for the engine tests (no dependency on the built-in decks)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from deckgame.engine import Agree, Done, Event, Game, Next, Phase, Settings
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
