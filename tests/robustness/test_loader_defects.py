"""The loader defects of the reliability issue, each pinned where it could come back.

1. problems in one mapping cost time quadratic in their number;
2. inputs under the size cap that took seconds and hundreds of MB (flow floods, long
   lines sent to the pure-Python parser, error floods);
3. messages that broke the one-line ``PATH:LINE:COL: error: MESSAGE`` format or spoke
   pydantic's words;
4. places counted wrongly (CR-only line ends, a ``true:`` key).

No test asserts a time: the figures are printed by ``scripts/fuzz_loader.py --bench``.
Where speed is the point, the test counts operations instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from loader_helpers import load_bytes, load_text, where

from deckgame import yamlsafe
from deckgame.content import yaml_read
from deckgame.loader import LoadedDeck, load_pack_file
from deckgame.yamlsafe import Problem

GOOD = "name: Tiny\ntype: emotional\nlevels:\n  1:\n    - ask: Hello?\n"


def unknown_keys(count: int) -> str:
    return GOOD + "".join(f"k{i}: 1\n" for i in range(count))


def calls_while(action: Any) -> int:
    """Python function calls made while ``action()`` runs (a measure of work, not time)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return count


# --- 1. linear in the number of problems --------------------------------------------------


def test_unknown_keys_cost_work_linear_in_their_number(tmp_path: Path) -> None:
    small = calls_while(lambda: load_text(tmp_path, unknown_keys(1_000), "small.yaml"))
    large = calls_while(lambda: load_text(tmp_path, unknown_keys(4_000), "large.yaml"))
    # Four times the keys: four times the calls when linear, sixteen when quadratic.
    assert large / small < 6, (small, large)


def test_every_one_of_5000_unknown_keys_is_reported_at_its_line(tmp_path: Path) -> None:
    deck = load_text(tmp_path, unknown_keys(5_000))
    assert where(deck) == [(6 + i, 1, f"unknown key 'k{i}'") for i in range(5_000)]


def test_unknown_card_keys_in_many_cards_are_each_placed(tmp_path: Path) -> None:
    cards = "".join(f"    - ask: Q{i}?\n      extra{i}: 1\n" for i in range(2_000))
    deck = load_text(tmp_path, GOOD + cards)
    assert [(p.line, p.column) for p in deck.problems] == [(7 + 2 * i, 7) for i in range(2_000)]
    assert len(deck.cards) == 1  # the good card survives for the workshop's preview


# --- 2. bounded time and memory -------------------------------------------------------


def test_a_flood_of_values_is_refused_while_it_is_read(tmp_path: Path) -> None:
    deck = load_text(tmp_path, "a: [" + "1," * 2_600_000 + "]\n")
    ((line, column, message),) = where(deck)
    assert (line, column) == (1, 4)  # the list that holds too many
    assert message.startswith(f"the file holds more than {yamlsafe.MAX_NODES:,} keys and values")


def test_the_node_cap_counts_every_node_and_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GOOD has 12 nodes: the root, name and type (a key and a value each), levels and its
    # mapping, the key 1 and its list, the card's mapping and its ask (a key and a value).
    monkeypatch.setattr(yaml_read, "MAX_NODES", 12)
    assert load_text(tmp_path, GOOD).ok
    deck = load_text(tmp_path, GOOD + "    - ask: Again?\n")
    assert not deck.ok and "more than 12 keys and values" in deck.problems[0].message


def test_a_long_line_is_read_by_the_c_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not yaml_read._HAS_C:
        pytest.skip("PyYAML without libyaml")

    def refuse(text: str) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yaml_read, "_PyComposer", refuse)
    deck = load_text(tmp_path, GOOD + "description: " + "x" * 5_000 + "\n")
    assert where(deck) == [(6, 14, "'description' is too long: 5000 characters, at most 1000")]
    brackets = load_text(tmp_path, "[" * 3_000)
    assert not brackets.ok and "deep" in brackets.problems[0].message


def test_deep_nesting_stops_at_the_collection_too_deep(tmp_path: Path) -> None:
    depth = yamlsafe.MAX_DEPTH + 5
    deck = load_text(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    ((line, column, message),) = where(deck)
    # The root mapping is level 0, so the list at level 32 starts at column 3 + 32.
    assert (line, column) == (1, 3 + yamlsafe.MAX_DEPTH)
    assert message == "nested more than 32 levels deep: a deck is never this deep"


def test_problems_past_the_cap_are_counted_not_listed(tmp_path: Path) -> None:
    cards = "    - do: Go\n      seconds: 1\n" * (yamlsafe.MAX_PROBLEMS + 2_000)
    deck = load_text(tmp_path, GOOD + cards)
    assert len(deck.problems) == yamlsafe.MAX_PROBLEMS + 1
    listed, last = deck.problems[:-1], deck.problems[-1]
    assert all(p.message == "'seconds' must be between 5 and 3600, got 1" for p in listed)
    first_unlisted = 7 + 2 * yamlsafe.MAX_PROBLEMS
    assert (last.line, last.column) == (first_unlisted, 16)
    assert last.message.startswith("2,000 more problems from here on not listed")
    assert len(deck.cards) == 1


def test_duplicate_cards_past_the_cap_are_counted_too(tmp_path: Path) -> None:
    cap = yamlsafe.MAX_PROBLEMS
    deck = load_text(tmp_path, GOOD + "    - ask: Hello?\n" * (cap + 5))
    assert len(deck.problems) == cap + 1
    assert [(p.line, p.column) for p in deck.problems[:2]] == [(6, 7), (7, 7)]
    assert deck.problems[-1].message.startswith("5 more problems from here on not listed")
    assert (deck.problems[-1].line, deck.problems[-1].column) == (6 + cap, 7)


def test_a_list_of_tags_no_deck_needs_is_one_problem(tmp_path: Path) -> None:
    text = GOOD + "tags: [" + ", ".join(["Bad"] * 5_000) + "]\n"
    assert where(load_text(tmp_path, text)) == [
        (6, 7, "'tags' lists 5,000 values: a deck or a card needs a few, at most 100")
    ]
    card = GOOD + "      tags: [" + ", ".join(["ok"] * 101) + "]\n"
    ((line, column, message),) = where(load_text(tmp_path, card))
    assert (line, column) == (6, 13) and message.startswith("'tags' lists 101 values")


# --- 3. one line, in our words --------------------------------------------------------


def one_line(deck: LoadedDeck) -> list[str]:
    for problem in deck.problems:
        assert len(str(problem).splitlines()) == 1, str(problem)
        assert problem.message.isprintable(), problem.message
    return [problem.message for problem in deck.problems]


def test_a_folded_type_is_quoted_on_one_line(tmp_path: Path) -> None:
    deck = load_text(tmp_path, "name: T\ntype: >\n  emo\n  tional\nlevels:\n  1:\n    - ask: x\n")
    (message,) = one_line(deck)
    assert message.startswith("unknown intimacy type 'emo tional\\n' (did you mean 'emotional'?)")


def test_a_placeholder_with_a_line_break_is_escaped(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + '    - ask: "Hi {pla\\nyer}"\n')
    (message,) = one_line(deck)
    assert message.startswith("unknown placeholder {pla\\nyer}: use {player} or {other}")


def test_a_long_value_is_cut_in_the_message(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD.replace("emotional", "e" * 5_000))
    (message,) = one_line(deck)
    assert message.startswith("unknown intimacy type '" + "e" * 57 + "...';")
    assert len(message) < 200


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (".inf", ".inf"),
        ("-.inf", "-.inf"),
        (".nan", ".nan"),
        ("9" * 31, "1e+31"),
        ("1e999", ".inf"),
        ('"' + "9" * 40 + '"', "'" + "9" * 40 + "'"),
    ],
)
def test_numbers_no_timer_holds_are_said_in_our_words(
    tmp_path: Path, value: str, shown: str
) -> None:
    deck = load_text(tmp_path, GOOD + f"    - do: x\n      seconds: {value}\n")
    assert where(deck) == [
        (7, 16, f"'seconds' must be a whole number between 5 and 3600, got {shown}")
    ]


def test_a_huge_player_count_is_said_in_our_words(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + "      min_players: " + "9" * 50 + "\n")
    (message,) = one_line(deck)
    assert message == "'min_players' must be a whole number between 2 and 8, got 1e+50"


@pytest.mark.parametrize("pure", [False, True])
def test_a_yaml_directive_with_a_huge_version_is_a_syntax_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pure: bool
) -> None:
    if pure:
        monkeypatch.setattr(yaml_read, "_HAS_C", False)
    deck = load_text(tmp_path, "%YAML 1." + "1" * 4301 + "\n---\n" + GOOD)
    ((line, _, message),) = where(deck)
    assert line == 1
    assert message.startswith("YAML syntax: found extremely long version number")


def test_a_problem_is_always_one_printable_line() -> None:
    problem = Problem("d.yaml", 1, 1, "first\nsecond\x00" + "x" * 1_000)
    assert problem.message.startswith("first\\nsecond\\x00x")
    assert len(problem.message) <= yamlsafe.MAX_MESSAGE and problem.message.isprintable()


# --- 4. places --------------------------------------------------------------------------


@pytest.mark.parametrize("end", [b"\r", b"\r\n", b"\n", b"\xc2\x85"])
def test_bad_bytes_are_placed_on_their_line_whatever_ends_lines(tmp_path: Path, end: bytes) -> None:
    text = GOOD.encode().replace(b"\n", end)
    for bad, message in [(b"\xc3", "not valid UTF-8"), (b"\x00", "#x0000")]:
        deck = load_bytes(tmp_path, text.replace(b"Hello?", b"H" + bad + b"llo?"))
        ((line, column, said),) = where(deck)
        assert (line, column) == (5, 13) and message in said


@pytest.mark.parametrize("key", ["true", "false", "null", "1.5", "7"])
def test_a_key_that_is_not_text_is_placed_where_it_stands(tmp_path: Path, key: str) -> None:
    text = f"name: T\ntype: emotional\n{key}: 1\nlevels:\n  1:\n    - ask: x\n"
    ((line, column, message),) = where(load_text(tmp_path, text))
    assert (line, column) == (3, 1)
    assert message.startswith("a key must be text, got ")


def test_true_and_1_are_one_key_to_python_so_a_duplicate(tmp_path: Path) -> None:
    text = GOOD + "  true:\n    - ask: Lost?\n"
    (problem,) = load_text(tmp_path, text).problems
    assert (problem.line, problem.column) == (6, 3)
    assert problem.message.startswith("duplicate key 'true' (first at line 4, column 3)")


def test_two_spellings_of_one_level_are_a_problem_not_a_silent_merge(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + '  "01":\n    - ask: Kept?\n')
    assert where(deck) == [
        (6, 3, "duplicate level '01': level 1 is already at line 4, column 3; each level once")
    ]
    pack = tmp_path / "pack.yaml"
    pack.write_text("name: P\nlevels:\n  1: One\n  1.0: Uno\n", encoding="utf-8")
    spec, problems = load_pack_file(pack)
    assert spec is None and [(p.line, p.column) for p in problems] == [(4, 3)]


def test_ids_are_placed_at_their_cards_under_a_level_written_as_a_float(
    tmp_path: Path,
) -> None:
    text = "name: T\ntype: emotional\nlevels:\n  1.0:\n    - ask: Same?\n  2:\n    - ask: Same?\n"
    text += "    - ask: Same?\n"
    deck = load_text(tmp_path, text)
    # Level 2 holds the same text twice: the second is placed at its own line, 8.
    assert [(p.line, p.column) for p in deck.problems] == [(8, 7)]
    assert deck.places[deck.cards[0].id] == (5, 7)


@pytest.mark.parametrize("pure", [False, True])
def test_an_error_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pure: bool
) -> None:
    if pure:
        monkeypatch.setattr(yaml_read, "_HAS_C", False)
    deck = load_text(tmp_path, GOOD + "tags: [home")
    ((line, column, message),) = where(deck)
    assert (line, column) == (6, 12)  # libyaml's own mark would say 7:1, a line not there
    assert message.startswith("YAML syntax:")
