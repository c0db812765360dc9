"""How well a set of cards fits each group: the targets of issue 12, counted and checked.

``deckgame stats``, ``scripts/card_fit.py`` and ``tests/test_card_fit.py`` all count with
these functions, so the numbers a designer reads are the numbers the tests hold.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from deckgame.kinds import Audience, Card, IntimacyType
from deckgame.model import normalise_text

AUDIENCES = (Audience.COUPLES, Audience.FRIENDS, Audience.FAMILY)
LEVELS = (1, 2, 3, 4)
MIN_CELL = 40  # every type x level cell, whatever the share
MIN_PLAYABLE = 1000
MIN_CHALLENGES = 0.25
MIN_COUPLES_ONLY = 40  # per level
MIN_FAMILY_FOUR = 100  # family cards per level playable with 4 players
FORMAT_MIN = {
    "wildcard": 20,
    "vote": 20,
    "finish-the-sentence": 30,
    "rate-it": 10,
    "first-impressions": 10,
}
FORMATS = tuple(FORMAT_MIN)

# Words that only make sense with three or more people round the table. "Each of you",
# "both of you" and a bare "everyone" read fine for two, so they are not here.
GROUP_PHRASES = (
    "this group",
    "the group",
    "people here",
    "everyone here",
    "everybody here",
    "each person here",
    "every person here",
    "all of you here",
    "youngest person here",
    "oldest person here",
    "youngest here",
    "oldest here",
    "youngest player",
    "oldest player",
    "round the circle",
    "around the circle",
    "the others",
    "the rest of the group",
    "the rest of us",
    "the rest of you",
    "each other person",
    "people in this room",
    "everyone in this room",
    "everyone in the room",
    "in this group",
)
_GROUP = re.compile(r"\b(" + "|".join(re.escape(p) for p in GROUP_PHRASES) + r")\b")


def playable(cards: Iterable[Card], audience: Audience, level: int, players: int) -> int:
    """Cards of ``level`` the game may deal to ``audience`` with ``players`` at the table."""
    return sum(1 for c in cards if c.level == level and c.suits(audience, players, frozenset()))


def least_playable(audience: Audience, level: int, players: int) -> int:
    """The target for :func:`playable`: 120 each, 240 for a couple of two at level 4,
    100 for a family of four."""
    if players == 4:
        return MIN_FAMILY_FOUR if audience is Audience.FAMILY else 0
    if audience is Audience.COUPLES and players == 2 and level == 4:
        return 240
    return 120


def couples_only(cards: Iterable[Card], level: int) -> int:
    """Cards of ``level`` marked for couples and nobody else."""
    return sum(1 for c in cards if c.level == level and c.audience == {Audience.COUPLES})


def format_counts(cards: Iterable[Card]) -> Counter[str]:
    """How many cards carry each format tag."""
    tags = Counter(tag for card in cards for tag in card.tags)
    return Counter({name: tags[name] for name in FORMATS})


def group_words(text: str) -> str | None:
    """The first group-only phrase in ``text``, or None when the card reads well for two.

    >>> group_words("Which song sums up this group?")
    'this group'
    >>> group_words("Each of you names one thing you'd like to try with {other}.") is None
    True
    """
    found = _GROUP.search(normalise_text(text))
    return found.group(1) if found else None


def group_worded_for_two(cards: Iterable[Card]) -> list[tuple[Card, str]]:
    """Group-worded cards (text or follow-up) that two players can be dealt: a couple of
    two, and friends or a family of two just as well."""
    found = []
    for card in cards:
        if card.min_players > 2:
            continue
        phrase = group_words(card.text) or group_words(card.follow_up or "")
        if phrase:
            found.append((card, phrase))
    return found


@dataclass(frozen=True)
class Target:
    """One number the pack must reach."""

    name: str
    value: int
    least: int

    @property
    def missed(self) -> bool:
        """Whether the value falls short of the target."""
        return self.value < self.least


def targets(cards: Sequence[Card], share: float = 1.0) -> list[Target]:
    """Every pack-wide target, scaled by ``share`` (the type x level cells keep 40)."""

    def scaled(least: int) -> int:
        return math.ceil(least * share)

    playing = [c for c in cards if c.level is not None]
    found = [Target("playable cards", len(playing), scaled(MIN_PLAYABLE))]
    challenges = sum(1 for c in playing if c.kind == "do")
    found.append(Target("challenges", challenges, math.ceil(len(playing) * MIN_CHALLENGES)))
    # A share of the pack is a few of its type files: only their cells are its to fill.
    types = [t for t in IntimacyType if share >= 1 or any(c.type is t for c in playing)]
    for type_ in types:
        for level in LEVELS:
            cell = sum(1 for c in playing if c.type is type_ and c.level == level)
            found.append(Target(f"cell {type_.value} L{level}", cell, MIN_CELL))
    for audience in AUDIENCES:
        for level in LEVELS:
            for players in (2, 6, 4):
                least = least_playable(audience, level, players)
                if least:
                    value = playable(playing, audience, level, players)
                    name = f"{audience.value} L{level} {players}p"
                    found.append(Target(name, value, scaled(least)))
    for level in LEVELS:
        value = couples_only(playing, level)
        found.append(Target(f"couples-only L{level}", value, scaled(MIN_COUPLES_ONLY)))
    counts = format_counts(playing)
    for name, least in FORMAT_MIN.items():
        found.append(Target(f"format {name}", counts[name], scaled(least)))
    return found


# Words too common to say two cards are about the same thing.
_STOP_WORDS = """a an the and or but of to in on at for with about from by as is are was
    were be been
    it its this that these those what which who whom whose when where why how do does did
    done you your yours yourself i me my we us our they them their he she his her one some
    any each every all have has had would could should will can may might just than then
    so if not no out up into over there here tell say ask other player someone something
    time ever most more too also"""
_STOP = frozenset(_STOP_WORDS.split())


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s", "ful"):
        if len(word) > len(end) + 3 and word.endswith(end):
            return word[: -len(end)]
    return word


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry its meaning, crudely stemmed."""
    words = re.findall(r"[a-z']+", normalise_text(text).replace("{", " ").replace("}", " "))
    return frozenset(_stem(w) for w in words if w not in _STOP and len(w) > 2)


# Calibrated on the pack of issue 12 and the cards written for it: a card reworded with a
# few words swapped scores 0.8 and more; two different cards of one template ("I feel
# ... when") up to 0.75; no two different cards shared more than half their content words.
NEAR_RATIO = 0.8
NEAR_WORDS = 0.6

# Cards that say the same thing in other words share no text a ratio can see, so the
# groups issue 12 found are named by what they are about: at most ``most`` cards each.
THEMES: dict[str, tuple[str, int]] = {
    "thank someone you never thanked": (
        r"\bnever\b.{0,30}\bthank|\bthank\w*\b.{0,40}\bnever\b",
        1,
    ),
    "sit or hold quietly for a minute": (
        r"^(?=.*\b(sit|hold|stay)\b)(?=.*\b(quiet\w*|silen\w*)\b)(?=.*\bminutes?\b)",
        1,
    ),
    "changing a belief": (
        r"\b(chang\w*|outgr\w*)\b.{0,40}\b(belief|beliefs|believe)\b"
        r"|\b(belief|beliefs|believe)\b.{0,40}\b(chang|outgr)\w*",
        2,
    ),
    "what does that say about who you are": (r"\bsays? about who (you|they) are\b", 1),
}


def exact_duplicates(texts: Sequence[str]) -> list[str]:
    """Texts that occur more than once once normalised."""
    counts = Counter(normalise_text(t) for t in texts)
    return [t for t, n in counts.items() if n > 1]


def _body(text: str) -> list[str]:
    """The words of a card without its format label ("Finish the sentence:", "Know my
    world:"): cards of one format share it, and it says nothing about the card."""
    label, colon, rest = text.partition(":")
    if colon and len(label.split()) <= 8 and rest.strip():
        text = rest
    return normalise_text(text).split()


def near_duplicates(texts: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs of different texts that read as one card reworded: their words (format label
    left out) in order at least ``NEAR_RATIO`` alike, or their content words
    ``NEAR_WORDS`` the same (Jaccard)."""
    bodies = [_body(text) for text in texts]
    words = [content_words(" ".join(body)) for body in bodies]
    matcher = difflib.SequenceMatcher(autojunk=False)
    pairs = []
    for j, b in enumerate(bodies):
        matcher.set_seq2(b)  # difflib caches what it learns about the second sequence
        for i in range(j):
            if bodies[i] == b:
                continue  # an exact duplicate, reported by exact_duplicates
            wa, wb = words[i], words[j]
            if min(len(wa), len(wb)) >= 3 and len(wa & wb) / len(wa | wb) >= NEAR_WORDS:
                pairs.append((texts[i], texts[j]))
                continue
            matcher.set_seq1(bodies[i])
            if (  # the cheap upper bounds first: a pack of 1000 makes 500,000 pairs
                matcher.real_quick_ratio() >= NEAR_RATIO
                and matcher.quick_ratio() >= NEAR_RATIO
                and matcher.ratio() >= NEAR_RATIO
            ):
                pairs.append((texts[i], texts[j]))
    return pairs


def theme_crowds(texts: Sequence[str]) -> dict[str, list[str]]:
    """Each theme of :data:`THEMES` that more cards share than it allows, with those cards."""
    crowds = {}
    for theme, (pattern, most) in THEMES.items():
        found = [t for t in texts if re.search(pattern, normalise_text(t))]
        if len(found) > most:
            crowds[theme] = found
    return crowds
