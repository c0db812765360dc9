"""The built-in core pack holds the numbers issue 5 promises, and no card twice."""

from __future__ import annotations

import itertools
from collections import Counter
from functools import cache

import pytest

from deckgame.loader import Library, load_paths
from deckgame.model import Audience, Card, IntimacyType, Who, normalise_text
from deckgame.resources import builtin_decks_dir

LEVELS = (1, 2, 3, 4)
MIN_PER_CELL = 24
MIN_FAMILY_PER_CELL = 8
MIN_FRIENDS_PER_CELL = 15
# Content tags the core pack may use; README lists them so a group can draw its lines.
KNOWN_TAGS = {
    "touch",
    "sexual",
    "body",
    "alcohol",
    "past-relationships",
    "family-of-origin",
    "grief",
    "religion",
    "money",
    "health",
    "mental-health",
    "conflict",
    "politics",
    "jealousy",
    "hard-memories",
    # Format tags (issue 12): how a card is played, so a group can find or skip a kind.
    "wildcard",
    "vote",
    "finish-the-sentence",
    "rate-it",
    "first-impressions",
}


@cache
def core() -> Library:
    return load_paths([builtin_decks_dir() / "core"])


def cards() -> list[Card]:
    return core().cards


def test_core_pack_loads_without_problems() -> None:
    library = core()
    assert [str(p) for p in library.problems] == []
    assert {deck.spec.type for deck in library.decks if deck.spec} == set(IntimacyType)
    assert library.level_names[1] == "Warmth" and library.level_names[4] == "Authenticity"


def test_at_least_600_cards_and_a_quarter_challenges() -> None:
    all_cards = cards()
    assert len(all_cards) >= 600
    challenges = sum(card.kind == "do" for card in all_cards)
    assert challenges / len(all_cards) >= 0.25
    timed = sum(card.seconds is not None for card in all_cards)
    assert timed >= challenges / 2, "many challenges should carry a timer"


@pytest.mark.parametrize("type_", list(IntimacyType))
@pytest.mark.parametrize("level", LEVELS)
def test_every_cell_meets_its_minimums(type_: IntimacyType, level: int) -> None:
    cell = [card for card in cards() if card.type is type_ and card.level == level]
    family = [card for card in cell if Audience.FAMILY in card.audience]
    friends = [card for card in cell if Audience.FRIENDS in card.audience]
    assert len(cell) >= MIN_PER_CELL, f"{type_}/{level}: {len(cell)} cards"
    assert len(family) >= MIN_FAMILY_PER_CELL, f"{type_}/{level}: {len(family)} family cards"
    assert len(friends) >= MIN_FRIENDS_PER_CELL, f"{type_}/{level}: {len(friends)} friends"


def test_sexual_cards_are_for_couples_only() -> None:
    sexual = [card for card in cards() if "sexual" in card.tags]
    assert any(card.type is IntimacyType.PHYSICAL for card in sexual)
    for card in sexual:
        assert card.audience == {Audience.COUPLES}, card.id
        assert card.max_players == 2, card.id
        assert card.level is not None and card.level >= 2, card.id


def test_tags_come_from_the_documented_vocabulary() -> None:
    used = {tag for card in cards() + core().closing for tag in card.tags}
    assert used <= KNOWN_TAGS, used - KNOWN_TAGS


def test_groups_are_served() -> None:
    whos = Counter(card.who for card in cards())
    assert whos[Who.OTHER] >= 20 and whos[Who.EVERYONE] >= 20
    assert sum("{other}" in card.text for card in cards()) >= 40
    assert any(card.max_players == 2 for card in cards())
    assert len(core().closing) >= 10
    assert sum(Audience.FAMILY in card.audience for card in core().closing) >= 5


def test_cards_are_short_enough_to_read_from_a_sofa() -> None:
    all_cards = cards()
    long_ones = [card.text for card in all_cards if len(card.text) > 160]
    assert len(long_ones) <= len(all_cards) * 0.05, long_ones[:5]
    assert all(len(card.text) <= 300 for card in all_cards)


def _words(text: str) -> frozenset[str]:
    return frozenset(normalise_text(text).split())


def near_duplicates(texts: list[str], threshold: float = 0.8) -> list[tuple[str, str]]:
    """Pairs whose normalised word sets overlap by ``threshold`` (Jaccard) or more."""
    words = [_words(text) for text in texts]
    pairs = []
    for (i, a), (j, b) in itertools.combinations(enumerate(words), 2):
        if min(len(a), len(b)) < 3:
            continue
        if len(a & b) / len(a | b) >= threshold:
            pairs.append((texts[i], texts[j]))
    return pairs


def test_near_duplicate_check_catches_reworded_copies() -> None:
    texts = [
        "What made you smile today?",
        "what made YOU smile, today?!",
        "Which song do you know by heart?",
        "Tell us about a teacher who changed your mind.",
        "Tell us about a teacher who changed your mind!",
    ]
    assert len(near_duplicates(texts)) == 2


def test_no_card_is_a_duplicate_or_near_duplicate_of_another() -> None:
    texts = [card.text for card in cards() + core().closing]
    exact = [t for t, n in Counter(normalise_text(t) for t in texts).items() if n > 1]
    assert exact == []
    assert near_duplicates(texts) == []
