"""Piles, filters and the seeded shuffle.

Randomness is counter-based (splitmix64 of seed and draw number), so the RNG's whole state
is two integers in :class:`State` (``seed``, ``draws``) and a replay is exact.

>>> [rand_below(7, 0, 10), rand_below(7, 1, 10)] == [rand_below(7, 0, 10), rand_below(7, 1, 10)]
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from operator import attrgetter
from types import MappingProxyType

from deckgame.engine.state import PileKey, Settings, State
from deckgame.model import Card, IntimacyType

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_MIX_1 = 0xBF58476D1CE4E5B9
_MIX_2 = 0x94D049BB133111EB

# Pile keys and mix counts use the plain string value; ``IntimacyType.value`` is an enum
# property, several times slower than this lookup on the dealing path.
TYPE_KEY: Mapping[IntimacyType, str] = MappingProxyType({t: t.value for t in IntimacyType})


def rand_below(seed: int, counter: int, n: int) -> int:
    """The ``counter``-th random integer in ``[0, n)`` for ``seed`` (splitmix64).

    >>> [rand_below(7, counter, 1000) for counter in (0, 1, 31, 32, 10**6)]
    [487, 804, 820, 272, 812]
    """
    z = (seed + (counter + 1) * _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * _MIX_1) & _MASK
    z = ((z ^ (z >> 27)) * _MIX_2) & _MASK
    z ^= z >> 31
    # The modulo bias is below 2**-50 for any pile size a deck can have.
    return z % n


def _shuffle(pile: list[str], seed: int, counter: int) -> int:
    """Fisher-Yates with draws ``counter``, ``counter + 1``, ...; returns the next counter.

    The numbers of ``rand_below(seed, counter, i + 1)``, computed inline: a session starts
    by shuffling every card, and a call per card was most of starting one.
    """
    z_base = seed + counter * _GOLDEN
    for i in range(len(pile) - 1, 0, -1):
        z_base += _GOLDEN
        z = z_base & _MASK
        z = ((z ^ (z >> 30)) * _MIX_1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX_2) & _MASK
        j = (z ^ (z >> 31)) % (i + 1)
        pile[i], pile[j] = pile[j], pile[i]
    return counter + max(len(pile) - 1, 0)


def _next(state: State, n: int) -> int:
    value = rand_below(state.seed, state.draws, n)
    state.draws += 1
    return value


def playable(card: Card, settings: Settings) -> bool:
    """Whether ``card`` may ever be dealt in a session with these settings.

    Type in play, deck in play, and ``Card.suits`` (audience, player count, lines).
    """
    return (
        card.type in settings.types
        and (settings.decks is None or card.deck in settings.decks)
        and card.suits(settings.audience, len(settings.players), settings.excluded)
    )


def pile_sizes(settings: Settings, cards: Iterable[Card]) -> dict[PileKey, int]:
    """How many cards each (type, level) cell offers under these settings' filters.

    >>> from deckgame.model import ALL_AUDIENCES, IntimacyType
    >>> card = Card(id="a", kind="ask", text="?", type=IntimacyType.SPIRITUAL, level=2,
    ...             audience=ALL_AUDIENCES)
    >>> pile_sizes(Settings(players=("Ana", "Bo")), [card])
    {('spiritual', 2): 1}
    """
    sizes: dict[PileKey, int] = {}
    for card in cards:
        if card.level is not None and playable(card, settings):
            key = (card.type.value, card.level)
            sizes[key] = sizes.get(key, 0) + 1
    return dict(sorted(sizes.items()))


def build_piles(
    state: State, cards: Iterable[Card], history: Collection[str] = ()
) -> dict[PileKey, list[str]]:
    """Shuffled piles per (type, level) of the playable cards; top of a pile = list end.

    Cards in ``history`` (seen on earlier nights) go to the bottom of their piles, still in
    shuffled order, so they come back only when the fresh ones are used up.
    """
    grouped = _group(cards, state.settings)
    seen = set(history)
    piles: dict[PileKey, list[str]] = {}
    for key in sorted(grouped):
        pile = grouped[key]
        state.draws = _shuffle(pile, state.seed, state.draws)
        if seen:
            pile = [c for c in pile if c in seen] + [c for c in pile if c not in seen]
        piles[key] = pile
    return piles


def _group(cards: Iterable[Card], settings: Settings) -> dict[PileKey, list[str]]:
    """The ids of the playable level cards per pile, each pile in id order.

    :func:`playable` with the settings read once rather than once per card.
    """
    types, decks = settings.types, settings.decks
    audience, count, excluded = settings.audience, len(settings.players), settings.excluded
    grouped: dict[PileKey, list[str]] = {}
    # Sorted by id so the piles depend on the cards, not the order they were loaded in.
    for card in sorted(cards, key=attrgetter("id")):
        if (
            card.level is not None
            and card.type in types
            and (decks is None or card.deck in decks)
            and card.suits(audience, count, excluded)
        ):
            grouped.setdefault((TYPE_KEY[card.type], card.level), []).append(card.id)
    return grouped


def levels_with_cards(state: State) -> list[int]:
    """The levels that still have a dealable card, ascending."""
    return sorted({level for (_, level), pile in state.piles.items() if pile})


def has_cards(state: State, level: int) -> bool:
    """Whether any pile at ``level`` still has a card."""
    return any(pile for (_, lv), pile in state.piles.items() if lv == level)


def next_level(state: State) -> int | None:
    """The nearest level above the current one that has cards (``None`` if none)."""
    above = [lv for (_, lv), pile in state.piles.items() if pile and lv > state.level]
    return min(above) if above else None


def previous_level(state: State) -> int | None:
    """Where stepping back goes: the nearest lower level with cards, else ``level - 1``.

    ``None`` at level 1 (or the lowest level possible).
    """
    if state.level <= 1:
        return None
    below = [lv for (_, lv), pile in state.piles.items() if pile and lv < state.level]
    return max(below) if below else state.level - 1


@lru_cache(maxsize=256)
def _level_piles(types: frozenset[IntimacyType], level: int) -> tuple[tuple[str, PileKey], ...]:
    """(type, pile key) at ``level`` for the types in play, sorted so ties resolve alike.

    Cached: ``draw`` runs on most actions, and building the keys anew was half its time.
    """
    return tuple((t, (t, level)) for t in sorted(TYPE_KEY[t] for t in types))


def draw(state: State) -> str | None:
    """Take the top card of the fairest pile at the current level (``None`` when dry).

    Fair mixing: the type dealt least at this level goes next; ties are broken by the
    seeded RNG, so types interleave evenly whatever their pile sizes.
    """
    best: list[PileKey] = []
    fewest = -1
    mix = state.mix
    piles = state.piles
    for type_, key in _level_piles(state.settings.types, state.level):
        if not piles.get(key):
            continue
        count = mix.get(type_, 0)
        if fewest < 0 or count < fewest:
            best = [key]
            fewest = count
        elif count == fewest:
            best.append(key)
    if not best:
        return None
    key = best[0] if len(best) == 1 else best[_next(state, len(best))]
    card = piles[key].pop()
    mix[key[0]] = fewest + 1
    state.dealt[card] = None
    return card


def put_under(state: State, card_id: str, cards: Mapping[str, Card]) -> None:
    """Return a shown card to the bottom of its pile (a pass, a skip, an unpicked offer)."""
    card = cards[card_id]
    assert card.level is not None  # only level cards are ever dealt
    state.piles.setdefault((TYPE_KEY[card.type], card.level), []).insert(0, card_id)
