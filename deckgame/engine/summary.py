"""The end-of-session summary: counts only, never answers.

>>> from deckgame.engine.state import Settings, State
>>> state = State(settings=Settings(players=("Ana", "Bo")), seed=0,
...               warmth_given=[1, 0], warmth_received=[0, 1])
>>> s = summarize(state)
>>> s.done_by_type["emotional"], s.warmth_received
(0, {'Ana': 0, 'Bo': 1})
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from deckgame.engine.dealer import playable
from deckgame.engine.state import Phase, State
from deckgame.kinds import CardData, IntimacyType

if TYPE_CHECKING:  # the loader's plain card, for the types only
    from deckgame.kinds import Card

C = TypeVar("C", bound=CardData)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the summary screen shows (a radar chart of ``done_by_type``, and the rest)."""

    done_by_type: dict[str, int]  # all five intimacy types, zeros included, in enum order
    deepest_level: int
    rounds_played: int  # completed rounds
    turns_played: int  # completed turns
    warmth_given: dict[str, int]  # player name -> warmth given
    warmth_received: dict[str, int]
    starred: list[str]  # card ids, in the order starred
    closing: list[Card] = field(default_factory=list)  # closing cards to offer

    @property
    def cards_done(self) -> int:
        return sum(self.done_by_type.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe (closing cards as ids)."""
        return {
            "done_by_type": dict(self.done_by_type),
            "deepest_level": self.deepest_level,
            "rounds_played": self.rounds_played,
            "turns_played": self.turns_played,
            "warmth_given": dict(self.warmth_given),
            "warmth_received": dict(self.warmth_received),
            "starred": list(self.starred),
            "closing": [card.id for card in self.closing],
        }


def summarize(state: State, closing: Iterable[Card] = ()) -> Summary:
    """The summary of ``state``; ``closing`` cards are filtered like dealt ones, then
    matched to the deepest level reached (see :func:`closing_for`).

    A turn ended by ``End`` in the middle counts only if a card was done in it.
    """
    players = state.settings.players
    turns = state.turn - 1
    if state.phase is Phase.ENDED or state.phase is Phase.AFTER:
        turns += state.round_done[state.seat] if state.round_done else 0
    return Summary(
        done_by_type={t.value: state.done_by_type.get(t.value, 0) for t in IntimacyType},
        deepest_level=state.deepest,
        rounds_played=state.round - 1,
        turns_played=turns,
        warmth_given=dict(zip(players, state.warmth_given, strict=True)),
        warmth_received=dict(zip(players, state.warmth_received, strict=True)),
        starred=list(state.starred),
        closing=closing_for(
            state.deepest, [card for card in closing if playable(card, state.settings)]
        ),
    )


def closing_for(deepest: int, cards: Sequence[C]) -> list[C]:
    """The closing cards to offer after a session that reached level ``deepest``.

    A closing card may be written for one deepest level reached (its ``closing_level``)
    or for any session (no level). The cards written for exactly this level come first;
    without any, the cards for any session; without those, the cards for the nearest
    level below (a group that stopped at 3 gets the closing of 2, never one that speaks
    of a depth it did not reach); only when every card is for a deeper level are those
    offered, the nearest first. File order is kept within each choice.

    >>> from deckgame.kinds import ALL_AUDIENCES, Card
    >>> def closing(id, level):
    ...     return Card(id=id, kind="ask", text="?", type=IntimacyType.EMOTIONAL,
    ...                      level=None, audience=ALL_AUDIENCES, closing_level=level)
    >>> cards = [closing("one", 1), closing("two", 2), closing("any", None)]
    >>> [c.id for c in closing_for(2, cards)], [c.id for c in closing_for(3, cards)]
    (['two'], ['any'])
    >>> [c.id for c in closing_for(3, cards[:2])], [c.id for c in closing_for(1, cards[1:2])]
    (['two'], ['two'])
    """
    exact = [card for card in cards if card.closing_level == deepest]
    if exact:
        return exact
    unlevelled = [card for card in cards if card.closing_level is None]
    if unlevelled:
        return unlevelled
    levels = {card.closing_level for card in cards if card.closing_level is not None}
    below = [level for level in levels if level < deepest]
    nearest = max(below) if below else min(levels, default=None)
    return [card for card in cards if card.closing_level == nearest]
