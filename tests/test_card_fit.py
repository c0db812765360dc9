"""The built-in pack fits who is playing (issue 12): ten nights for every audience and
group size, the formats, no card twice in other words, no group card dealt to two."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from deckgame import fit
from deckgame.fit import AUDIENCES, LEVELS
from deckgame.loader import Library, load_paths
from deckgame.model import Audience, Card, IntimacyType
from deckgame.resources import builtin_decks_dir


@cache
def core() -> Library:
    return load_paths([builtin_decks_dir() / "core"])


def cards() -> list[Card]:
    return core().cards


def texts() -> list[str]:
    return [card.text for card in core().cards + core().closing]


# The checks themselves, on texts whose answer is known.


@pytest.mark.parametrize(
    "text",
    [
        "What role do you play in this group?",
        "Tell each person here one thing you admire.",
        "What do you hope the youngest person here learns?",
        "Go round the circle and name a smell.",
        "The others guess which one is true.",
        "Which memory with the people in this room matters most?",
    ],
)
def test_group_words_are_found(text: str) -> None:
    assert fit.group_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Each of you names one person you would thank tonight.",
        "Tell {other} one thing about them that makes a room lighter.",
        "Everyone close your eyes and listen for twenty seconds.",
        "What do you want more of in the rest of your life?",
    ],
)
def test_words_that_work_for_two_are_not_group_words(text: str) -> None:
    assert fit.group_words(text) is None


def test_near_duplicate_check_catches_reworded_copies() -> None:
    texts = [
        "What made you smile today?",
        "What made you smile today, even a little?",
        "Which song do you know by heart?",
        "Tell us about a teacher who changed how you think.",
        "Tell us about the teacher who changed the way you think!",
        "What is your favourite way to spend a rainy Sunday?",
    ]
    assert len(fit.near_duplicates(texts)) == 2


# The groups issue 12 found in the pack of 673 cards: each must be caught.
KNOWN_GROUPS = {
    "thank someone you never thanked": [
        "{other}, how has {player} been there for you in a way you have never thanked them for?",
        "Tell {other} about something you've done together that you never thanked them for, "
        "and thank them now.",
        "Tell {other} something you're thankful for about them that you've never actually said.",
    ],
    "sit or hold quietly for a minute": [
        "Sit close to {other}, hands touching or just side by side, whichever you both like, "
        "and stay quiet together for one minute.",
        "Sit in silence beside {other} for two minutes, as close as you both like.",
        "Hold {other}, or sit close, for one quiet minute before you get on with your evening.",
    ],
    "changing a belief": [
        "Which belief about yourself have you outgrown?",
        "Which big belief did you change your mind about, and what did changing it cost you?",
        "Which of your beliefs changed because of a single conversation?",
    ],
    "what does that say about who you are": [
        "Which activity makes you feel most like yourself, and what does that say about who "
        "you are?",
        "Where in the world does your body feel most at home, and what does that say about "
        "who you are?",
    ],
}


@pytest.mark.parametrize("theme", list(KNOWN_GROUPS))
def test_the_known_groups_are_caught(theme: str) -> None:
    crowds = fit.theme_crowds([*KNOWN_GROUPS[theme], "What made you smile today?"])
    assert list(crowds) == [theme]
    assert len(crowds[theme]) == len(KNOWN_GROUPS[theme])


# The pack itself.


def test_at_least_1000_playable_cards_and_a_quarter_challenges() -> None:
    playing = [card for card in cards() if card.level is not None]
    assert len(playing) >= fit.MIN_PLAYABLE
    challenges = sum(card.kind == "do" for card in playing)
    assert challenges / len(playing) >= fit.MIN_CHALLENGES


@pytest.mark.parametrize("type_", list(IntimacyType))
@pytest.mark.parametrize("level", LEVELS)
def test_every_type_and_level_cell_holds_40(type_: IntimacyType, level: int) -> None:
    cell = [card for card in cards() if card.type is type_ and card.level == level]
    assert len(cell) >= fit.MIN_CELL, f"{type_.value} L{level}: {len(cell)} cards"


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("players", [2, 6, 4])
def test_ten_nights_for_every_group(audience: Audience, level: int, players: int) -> None:
    least = fit.least_playable(audience, level, players)
    found = fit.playable(cards(), audience, level, players)
    assert found >= least, f"{audience.value} L{level} with {players}: {found} < {least}"


@pytest.mark.parametrize("level", LEVELS)
def test_couples_have_cards_of_their_own(level: int) -> None:
    found = fit.couples_only(cards(), level)
    assert found >= fit.MIN_COUPLES_ONLY, f"L{level}: {found} couples-only cards"


@pytest.mark.parametrize("name", fit.FORMATS)
def test_every_format_is_there(name: str) -> None:
    found = fit.format_counts(cards())[name]
    assert found >= fit.FORMAT_MIN[name], f"{name}: {found}"


def test_vote_cards_need_three_and_some_sentences_start_at_level_1() -> None:
    votes = [card for card in cards() if "vote" in card.tags]
    assert [card.id for card in votes if card.min_players < 3] == []
    stems = [card for card in cards() if "finish-the-sentence" in card.tags]
    assert sum(card.level == 1 for card in stems) >= 3


def test_no_card_twice_in_the_same_or_other_words() -> None:
    assert fit.exact_duplicates(texts()) == []
    near = [f"{a!r}\n  ~ {b!r}" for a, b in fit.near_duplicates(texts())]
    assert near == [], "near duplicates:\n" + "\n".join(near)
    crowds = [f"{theme}: {found}" for theme, found in fit.theme_crowds(texts()).items()]
    assert crowds == [], "one card per theme, merge the rest:\n" + "\n".join(crowds)


def test_group_worded_cards_need_three_whoever_plays() -> None:
    friends = Card(
        id="x",
        kind="ask",
        text="What does this group do best?",
        type=IntimacyType.EMOTIONAL,
        level=1,
        audience=frozenset({Audience.FRIENDS}),
    )
    assert [phrase for _, phrase in fit.group_worded_for_two([friends])] == ["this group"]
    assert fit.group_worded_for_two([dataclasses.replace(friends, min_players=3)]) == []


def test_no_group_worded_card_can_be_dealt_to_two() -> None:
    dealt = cards() + core().closing
    found = [f"{c.deck}: {phrase!r} in {c.text!r}" for c, phrase in fit.group_worded_for_two(dealt)]
    assert found == [], "give these min_players: 3 or word them for two:\n" + "\n".join(found)
