"""Deck files with mistakes: every problem, its words, and its exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_helpers import lines_cols, load_text, where

from deckgame.loader import Origin, Problem, load_deck_file
from deckgame.model import Audience, IntimacyType, Who

GOOD = """\
name: Small Joys
type: emotional
levels:
  1:
    - ask: What made you smile today?
    - do: Show {other} a photo.
      seconds: 60
"""


def test_a_good_deck_loads_with_its_cards(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD)
    assert deck.ok and deck.problems == ()
    assert deck.spec is not None and deck.spec.name == "Small Joys"
    assert [card.kind for card in deck.cards] == ["ask", "do"]
    assert deck.cards[1].seconds == 60
    assert deck.origin is Origin.EXTRA and deck.pack == ""


def test_problem_prints_gcc_style() -> None:
    problem = Problem("decks/a.yaml", 3, 7, "unknown key 'x'")
    assert str(problem) == "decks/a.yaml:3:7: error: unknown key 'x'"


def test_unknown_card_key_is_reported_at_the_key_with_a_suggestion(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("      seconds: 60", "      secnds: 60"))
    assert where(deck) == [(7, 7, "unknown key 'secnds' (did you mean 'seconds'?)")]


def test_unknown_deck_key_suggests_a_deck_key(tmp_path: Path) -> None:
    deck = load_text(tmp_path, "descripton: hi\n" + GOOD)
    assert where(deck) == [(1, 1, "unknown key 'descripton' (did you mean 'description'?)")]


def test_unknown_type_suggests_the_near_miss(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("type: emotional", "type: emotinal"))
    ((line, column, message),) = where(deck)
    assert (line, column) == (2, 7)
    assert message.startswith("unknown intimacy type 'emotinal' (did you mean 'emotional'?)")
    assert all(t.value in message for t in IntimacyType)


def test_card_type_override_is_checked_too(tmp_path: Path) -> None:
    text = GOOD + "      type: spirtual\n"
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (8, 13)
    assert "(did you mean 'spiritual'?)" in message


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("famly", "family"), ("couple", "couples"), ("freinds", "friends")],
)
def test_audience_values_suggest_near_misses(tmp_path: Path, value: str, suggestion: str) -> None:
    text = GOOD.replace("type: emotional\n", f"type: emotional\naudience: [couples, {value}]\n")
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (3, 21)
    assert f"unknown audience '{value}' (did you mean '{suggestion}'?)" in message
    assert all(a.value in message for a in Audience)


def test_who_value_suggests_near_miss(tmp_path: Path) -> None:
    text = GOOD + "      who: evryone\n"
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (8, 12)
    assert "unknown 'who' value 'evryone' (did you mean 'everyone'?)" in message
    assert all(w.value in message for w in Who)


@pytest.mark.parametrize(("seconds", "column"), [(2, 16), (3601, 16), (0, 16)])
def test_seconds_out_of_range(tmp_path: Path, seconds: int, column: int) -> None:
    deck = load_text(tmp_path, GOOD.replace("seconds: 60", f"seconds: {seconds}"))
    assert where(deck) == [(7, column, f"'seconds' must be between 5 and 3600, got {seconds}")]


def test_seconds_must_be_a_number(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("seconds: 60", "seconds: a minute"))
    assert where(deck) == [(7, 16, "'seconds' must be a whole number, got the text 'a minute'")]


def test_value_deep_in_levels_is_located(tmp_path: Path) -> None:
    """levels.2.3.seconds: the fourth card of level 2."""
    text = """\
    name: Deep
    type: physical
    levels:
      1:
        - ask: One?
      2:
        - ask: A?
        - ask: B?
        - ask: C?
        - do: D
          seconds: 4
    """
    assert lines_cols(load_text(tmp_path, text)) == [(11, 16)]


def test_card_needs_exactly_one_of_ask_or_do(tmp_path: Path) -> None:
    text = GOOD + "    - ask: Both?\n      do: Both!\n    - follow_up: Neither\n"
    problems = where(load_text(tmp_path, text))
    assert [(line, column) for line, column, _ in problems] == [(8, 7), (10, 7)]
    for _, _, message in problems:
        assert message.startswith("a card needs exactly one of 'ask'")
        assert "'do'" in message


def test_unknown_placeholder_is_reported_at_its_text(tmp_path: Path) -> None:
    text = GOOD.replace("What made you smile today?", "Hi {name}, what made you smile?")
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (5, 12)
    assert message.startswith("unknown placeholder {name}")


def test_attribute_access_in_a_placeholder_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("What made you smile today?", "'{player.__class__}'")
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (5, 12)
    assert "unknown placeholder {player.__class__}" in message


def test_literal_braces_are_fine(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("today?", "today {{honestly}}?"))
    assert deck.ok
    assert deck.cards[0].text.endswith("{{honestly}}?")


def test_missing_keys_are_reported_at_the_mapping(tmp_path: Path) -> None:
    deck = load_text(tmp_path, "# just a comment\ndescription: no name, no type\n")
    assert where(deck) == [
        (2, 1, "missing required key 'levels'"),
        (2, 1, "missing required key 'name'"),
        (2, 1, "missing required key 'type'"),
    ]


def test_empty_text_and_wrong_types(tmp_path: Path) -> None:
    text = """\
    name: ""
    type: emotional
    tags: touch
    levels:
      1:
        - ask:
        - ask: [a, list]
        - What is this?
    """
    assert where(load_text(tmp_path, text)) == [
        (1, 7, "'name' must not be empty"),
        (3, 7, "'tags' must be a list, got the text 'touch': write [touch]"),
        (6, 11, "'ask' must not be empty"),
        (7, 12, "'ask' must be text, got a list"),
        (
            8,
            7,
            "a card must be a mapping with 'ask' or 'do', got the text 'What is this?' "
            "(write '- ask: ...' or '- do: ...')",
        ),
    ]


def test_bad_tag_and_id_patterns(tmp_path: Path) -> None:
    text = GOOD + "      tags: [ok, Not OK]\n      id: 'bad id!'\n"
    problems = where(load_text(tmp_path, text))
    assert [(line, column) for line, column, _ in problems] == [(8, 18), (9, 11)]
    assert problems[0][2].startswith("a tag must be a lowercase slug")
    assert problems[1][2].startswith("an id uses letters, digits")


def test_level_out_of_range_is_reported_at_its_key(tmp_path: Path) -> None:
    text = GOOD + "  10:\n    - ask: Too deep?\n  zero:\n    - ask: Not a number?\n"
    problems = where(load_text(tmp_path, text))
    assert [(line, column) for line, column, _ in problems] == [(8, 3), (10, 3)]
    assert problems[0][2] == "a level must be a whole number from 1 to 9, got the number 10"
    assert "got the text 'zero'" in problems[1][2]


def test_level_keys_written_as_strings_are_fine(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("  1:", '  "1":') + '  "2":\n    - ask: Two?\n')
    assert deck.ok
    assert [card.level for card in deck.cards] == [1, 1, 2]


def test_same_level_as_number_and_string_is_a_duplicate_key(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + '  "1":\n    - ask: Again?\n')
    assert where(deck) == [
        (8, 3, "duplicate key '1' (first at line 4, column 3): each key once per mapping")
    ]


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    text = GOOD.replace("name: Small Joys\n", "name: Small Joys\nname: Other\n")
    text += "      seconds: 30\n"
    assert where(load_text(tmp_path, text)) == [
        (2, 1, "duplicate key 'name' (first at line 1, column 1): each key once per mapping"),
        (9, 7, "duplicate key 'seconds' (first at line 8, column 7): each key once per mapping"),
    ]


def test_non_string_keys_are_reported(tmp_path: Path) -> None:
    text = GOOD + "      3: three\n      [a, b]: pair\n"
    problems = where(load_text(tmp_path, text))
    assert [(line, column) for line, column, _ in problems] == [(8, 7), (9, 7)]
    assert problems[0][2] == "a key must be text, got the number 3"
    assert problems[1][2].startswith("a key must be plain text or a number")


def test_yes_and_no_stay_text_as_in_yaml_1_2(tmp_path: Path) -> None:
    text = GOOD.replace("What made you smile today?", "no").replace("Small Joys", "yes")
    deck = load_text(tmp_path, text)
    assert deck.ok
    assert deck.spec is not None and deck.spec.name == "yes"
    assert deck.cards[0].text == "no"


def test_true_where_text_is_expected_suggests_quotes(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("What made you smile today?", "true"))
    assert where(deck) == [(5, 12, "'ask' must be text, got true (put it in quotes)")]


def test_all_problems_of_a_file_at_once(tmp_path: Path) -> None:
    text = """\
    name: Many
    type: emotinal
    colour: red
    levels:
      1:
        - ask: Fine?
        - ask: Hi {nobody}
          secnds: 3
      2:
        - do: x
          seconds: 1
    """
    assert lines_cols(load_text(tmp_path, text)) == [(2, 7), (3, 1), (7, 12), (8, 7), (11, 16)]


def test_a_deck_with_problems_is_skipped_but_keeps_its_good_cards(tmp_path: Path) -> None:
    text = GOOD + "    - ask: Bad {x}\n"
    deck = load_text(tmp_path, text)
    assert not deck.ok
    assert deck.spec is not None  # the deck itself is readable: only a card is bad
    assert [card.text for card in deck.cards] == [
        "What made you smile today?",
        "Show {other} a photo.",
    ]


def test_a_deck_level_problem_leaves_no_spec(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("type: emotional", "type: nope"))
    assert deck.spec is None and deck.cards == ()


def test_duplicate_derived_ids_within_a_deck_name_both_places(tmp_path: Path) -> None:
    text = GOOD + "    - ask: What made you  SMILE today!\n"
    deck = load_text(tmp_path, text)
    ((line, column, message),) = where(deck)
    assert (line, column) == (8, 7)
    assert f"first used at {tmp_path / 'deck.yaml'}:5:7" in message
    assert message.startswith("duplicate card id 'emotional-1-")


def test_duplicate_explicit_ids_are_placed_at_the_id(tmp_path: Path) -> None:
    text = GOOD + "      id: same\n    - ask: Other?\n      id: same\n"
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (10, 11)
    assert f"'same', first used at {tmp_path / 'deck.yaml'}:8:11" in message


def test_closing_cards_are_loaded_and_checked(tmp_path: Path) -> None:
    text = GOOD + "closing:\n  - ask: Take away?\n  - ask: Bye {you}\n"
    deck = load_text(tmp_path, text)
    assert lines_cols(deck) == [(10, 10)]
    assert [card.text for card in deck.closing] == ["Take away?"]


def test_origin_and_pack_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(GOOD, encoding="utf-8")
    deck = load_deck_file(path, Origin.USER, "Mine")
    assert deck.origin is Origin.USER and deck.pack == "Mine"
    assert str(Origin.BUILTIN) == "built-in"


@pytest.mark.parametrize(
    "module_name",
    [
        "deckgame.loader",
        "deckgame.yamlsafe",
        "deckgame.messages",
        "deckgame.model",
        "deckgame.options",
        "deckgame.content.problems",
        "deckgame.content.resolve",
        "deckgame.content.specs",
        "deckgame.content.text",
        "deckgame.content.yaml_read",
        "deckgame.content.yaml_values",
    ],
)
def test_docstring_examples_hold(module_name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module_name))
    assert result.attempted > 0 and result.failed == 0
