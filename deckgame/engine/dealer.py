"""Piles, filters and the seeded shuffle.

Randomness is counter-based (splitmix64 of seed and draw number), so the RNG's whole state
is two integers in :class:`State` (``seed``, ``draws``) and a replay is exact.

Cards are chosen for the number of players *present*: the piles hold every card playable
for some count from two up to the whole group (:func:`in_piles`), and a draw takes the
topmost card of a pile that suits the count present now. With everyone present exactly
the cards :func:`playable` admits are dealt, in the same order as when the piles held
only those.

>>> [rand_below(7, 0, 10), rand_below(7, 1, 10)] == [rand_below(7, 0, 10), rand_below(7, 1, 10)]
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from operator import attrgetter
from types import MappingProxyType

from deckgame.engine.state import PileKey, Settings, State
from deckgame.kinds import MIN_PLAYERS, IntimacyType
from deckgame.kinds import CardData as Card

_MASK = (1 << 64) - 1
SEED_MASK = _MASK
"""The dealer reads a seed modulo 2**64: ``seed & SEED_MASK`` deals the same cards."""
_GOLDEN = 0x9E3779B97F4A7C15
_MIX_1 = 0xBF58476D1CE4E5B9
_MIX_2 = 0x94D049BB133111EB
_SMALLER_STREAM = 0x5A11E57AB1E5EA75  # the seed's second stream: cards for smaller tables

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


def in_piles(card: Card, settings: Settings) -> bool:
    """Whether ``card`` belongs in the piles: playable for some number of players present.

    As :func:`playable`, but the player count may be anything from 2 up to the group's
    size (players away make the table smaller).
    """
    return (
        card.level is not None
        and card.type in settings.types
        and (settings.decks is None or card.deck in settings.decks)
        and _suits_some_count(card, settings)
    )


def _suits_some_count(card: Card, settings: Settings) -> bool:
    low = max(card.min_players, MIN_PLAYERS)
    high = min(card.max_players, len(settings.players))
    return low <= high and card.suits(settings.audience, low, settings.excluded)


def present_count(state: State) -> int:
    """How many players are present (not away)."""
    return len(state.settings.players) - state.away.count(True)


def pile_sizes(settings: Settings, cards: Iterable[Card]) -> dict[PileKey, int]:
    """How many cards each (type, level) cell offers under these settings' filters.

    >>> from deckgame.kinds import ALL_AUDIENCES, Card
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

    The cards only a smaller table may be dealt (``max_players`` below the group's size)
    are shuffled in from a stream of their own: the cards the whole group can be dealt
    keep the order, and the RNG the position, they would have without them.
    """
    grouped, smaller = _group(cards, state.settings)
    seen = set(history)
    piles: dict[PileKey, list[str]] = {}
    extra = 0
    for key in sorted(grouped.keys() | smaller.keys()):
        pile = grouped.get(key, [])
        state.draws = _shuffle(pile, state.seed, state.draws)
        for card in smaller.get(key, ()):
            # Inserting each at a uniformly random place gives a uniform shuffle of them.
            pile.insert(rand_below(state.seed ^ _SMALLER_STREAM, extra, len(pile) + 1), card)
            extra += 1
        if seen:
            pile = [c for c in pile if c in seen] + [c for c in pile if c not in seen]
        piles[key] = pile
    return piles


def _group(
    cards: Iterable[Card], settings: Settings
) -> tuple[dict[PileKey, list[str]], dict[PileKey, list[str]]]:
    """The ids of the level cards per pile, each pile in id order: those :func:`playable`
    admits, and those only a smaller table may be dealt (:func:`in_piles`, but not
    playable: ``max_players`` below the group's size).

    One pass, the settings read once and ``Card.suits`` spelled out (audience, player
    count, lines), rather than two calls per card: this is most of starting a session
    with a big deck.
    """
    types, decks = settings.types, settings.decks
    audience, count, excluded = settings.audience, len(settings.players), settings.excluded
    grouped: dict[PileKey, list[str]] = {}
    smaller: dict[PileKey, list[str]] = {}
    # Sorted by id so the piles depend on the cards, not the order they were loaded in.
    for card in sorted(cards, key=_BY_ID):
        level = card.level
        if (
            level is None
            or card.type not in types
            or (decks is not None and card.deck not in decks)
            or audience not in card.audience
            or (excluded and not excluded.isdisjoint(card.tags))
        ):
            continue
        low, high = card.min_players, card.max_players
        if low <= count <= high:
            grouped.setdefault((TYPE_KEY[card.type], level), []).append(card.id)
        elif high < count and max(low, MIN_PLAYERS) <= high:
            smaller.setdefault((TYPE_KEY[card.type], level), []).append(card.id)
    return grouped, smaller


_BY_ID = attrgetter("id")


def _top(pile: list[str], cards: Mapping[str, Card], count: int) -> int:
    """The index of the topmost card of ``pile`` that suits ``count`` players (-1: none)."""
    for index in range(len(pile) - 1, -1, -1):
        card = cards[pile[index]]
        if card.min_players <= count <= card.max_players:
            return index
    return -1


def pile_dry(state: State, key: PileKey, cards: Mapping[str, Card]) -> bool:
    """Whether pile ``key`` has no card left for the players present."""
    pile = state.piles.get(key)
    return not pile or _top(pile, cards, present_count(state)) < 0


def _levels(state: State, cards: Mapping[str, Card], count: int | None = None) -> set[int]:
    """The levels with a card for ``count`` players (default: the number present)."""
    count = present_count(state) if count is None else count
    return {
        level for (_, level), pile in state.piles.items() if pile and _top(pile, cards, count) >= 0
    }


def levels_with_cards(state: State, cards: Mapping[str, Card]) -> list[int]:
    """The levels that still have a card for the players present, ascending."""
    return sorted(_levels(state, cards))


def has_cards(state: State, level: int, cards: Mapping[str, Card]) -> bool:
    """Whether any pile at ``level`` still has a card for the players present."""
    count = present_count(state)
    return any(
        pile and _top(pile, cards, count) >= 0
        for (_, lv), pile in state.piles.items()
        if lv == level
    )


def next_level(state: State, cards: Mapping[str, Card], count: int | None = None) -> int | None:
    """The nearest level above the current one with cards for ``count`` players.

    ``count`` defaults to the number present; ``None`` if no deeper level has cards.
    """
    count = present_count(state) if count is None else count
    level, best = state.level, None
    for (_, lv), pile in state.piles.items():
        if pile and lv > level and (best is None or lv < best) and _top(pile, cards, count) >= 0:
            best = lv
    return best


def previous_level(state: State, cards: Mapping[str, Card]) -> int | None:
    """Where stepping back goes: the nearest lower level with cards, else ``level - 1``.

    ``None`` at level 1 (or the lowest level possible).
    """
    if state.level <= 1:
        return None
    count, level, best = present_count(state), state.level, None
    for (_, lv), pile in state.piles.items():
        if pile and lv < level and (best is None or lv > best) and _top(pile, cards, count) >= 0:
            best = lv
    return state.level - 1 if best is None else best


@lru_cache(maxsize=256)
def _level_piles(types: frozenset[IntimacyType], level: int) -> tuple[tuple[str, PileKey], ...]:
    """(type, pile key) at ``level`` for the types in play, sorted so ties resolve alike.

    Cached: ``draw`` runs on most actions, and building the keys anew was half its time.
    """
    return tuple((t, (t, level)) for t in sorted(TYPE_KEY[t] for t in types))


def draw(state: State, cards: Mapping[str, Card]) -> str | None:
    """Take the top card of the fairest pile at the current level (``None`` when dry).

    Only cards that suit the number of players present count: the topmost such card of a
    pile is its top. Fair mixing: the type dealt least at this level goes next; ties are
    broken by the seeded RNG, so types interleave evenly whatever their pile sizes.
    """
    best: list[tuple[PileKey, int]] = []
    fewest = -1
    mix = state.mix
    piles = state.piles
    present = present_count(state)
    for type_, key in _level_piles(state.settings.types, state.level):
        pile = piles.get(key)
        if not pile:
            continue
        count = mix.get(type_, 0)
        if 0 <= fewest < count:
            continue  # dealt more than another pile already found: not next
        top = len(pile) - 1
        on_top = cards[pile[top]]
        if not on_top.min_players <= present <= on_top.max_players:
            top = _top(pile, cards, present)
            if top < 0:
                continue
        if fewest < 0 or count < fewest:
            best = [(key, top)]
            fewest = count
        elif count == fewest:
            best.append((key, top))
    if not best:
        return None
    key, top = best[0] if len(best) == 1 else best[_next(state, len(best))]
    card = state.pile_to_change(key).pop(top)
    mix[key[0]] = fewest + 1
    state.dealt[card] = None
    return card


def put_under(state: State, card_id: str, cards: Mapping[str, Card]) -> None:
    """Return a shown card to the bottom of its pile (a pass, a skip, an unpicked offer)."""
    card = cards[card_id]
    assert card.level is not None  # only level cards are ever dealt
    state.pile_to_change((TYPE_KEY[card.type], card.level)).insert(0, card_id)
