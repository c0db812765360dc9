"""Hostile and malformed files: never a traceback, never code run, always a located problem."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from loader_helpers import load_bytes, load_text, where

from deckgame import yamlsafe
from deckgame.content import yaml_read
from deckgame.loader import LoadedDeck, load_deck_file

GOOD = "name: Tiny\ntype: emotional\nlevels:\n  1:\n    - ask: Hello?\n"
SUITE = Path(__file__).parent.parent.parent / "shared/corpora/yaml-test-suite"


def only(deck: LoadedDeck) -> tuple[int, int, str]:
    assert not deck.ok and deck.spec is None
    (problem,) = deck.problems
    return problem.line, problem.column, problem.message


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    text = GOOD.replace("Hello?", tagged.format(marker=marker))
    deck = load_text(tmp_path, text)
    assert not marker.exists()
    ((line, column, message),) = where(deck)
    assert (line, column) == (5, 12)
    assert message.startswith("the tag !!python/")
    assert "is not allowed" in message


@pytest.mark.parametrize("tag", ["!custom", "!!binary", "!!set", "!!timestamp", "!!omap"])
def test_non_standard_tags_are_refused_at_their_line(tmp_path: Path, tag: str) -> None:
    deck = load_text(tmp_path, GOOD + f"    - ask: {tag} x\n")
    assert [(p.line, p.column) for p in deck.problems] == [(6, 12)]
    assert "is not allowed" in deck.problems[0].message


def test_standard_tags_are_accepted(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + "    - do: !!str 12\n      seconds: !!int '30'\n")
    assert deck.ok
    assert deck.cards[1].text == "12" and deck.cards[1].seconds == 30


def test_a_bad_standard_tagged_value_is_located(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + "    - do: x\n      seconds: !!int soon\n")
    assert where(deck) == [(7, 16, "'soon' is not a valid !!int value")]


def test_a_tagged_mapping_is_refused(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + "    - !thing {ask: x}\n")
    assert [(p.line, p.column) for p in deck.problems] == [(6, 7)]


def test_invalid_utf8_is_located_at_the_bad_byte(tmp_path: Path) -> None:
    data = GOOD.encode().replace(b"Hello?", b"H\xc3llo?")
    assert only(load_bytes(tmp_path, data))[:2] == (5, 13)
    assert "not valid UTF-8" in only(load_bytes(tmp_path, data))[2]


def test_a_bom_is_accepted_and_columns_are_unshifted(tmp_path: Path) -> None:
    deck = load_bytes(tmp_path, b"\xef\xbb\xbf" + GOOD.replace("emotional", "emotinal").encode())
    assert [(p.line, p.column) for p in deck.problems] == [(2, 7)]
    assert load_bytes(tmp_path, b"\xef\xbb\xbf" + GOOD.encode()).ok


def test_binary_garbage_gives_a_clean_problem(tmp_path: Path) -> None:
    garbage = bytes(range(256)) * 4
    deck = load_bytes(tmp_path, garbage)
    assert not deck.ok and deck.spec is None and len(deck.problems) == 1


def test_control_character_is_located(tmp_path: Path) -> None:
    data = GOOD.encode().replace(b"Hello?", "Hé\x01llo?".encode())
    line, column, message = only(load_bytes(tmp_path, data))
    assert (line, column) == (5, 14)
    assert "#x0001" in message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file_is_a_problem(tmp_path: Path, text: str) -> None:
    line, column, message = only(load_text(tmp_path, text))
    assert (line, column) == (1, 1)
    assert message.startswith("the file is empty")


@pytest.mark.parametrize(
    ("text", "shown"),
    [("- ask: x\n- ask: y\n", "a list"), ("just some words\n", "a single value"), ("42\n", "a")],
)
def test_a_list_or_scalar_at_the_root_is_a_problem(tmp_path: Path, text: str, shown: str) -> None:
    line, column, message = only(load_text(tmp_path, text))
    assert (line, column) == (1, 1)
    assert "must be a mapping" in message and f"not {shown}" in message


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(GOOD.encode())
        stream.seek(yamlsafe.MAX_BYTES + 10)
        stream.write(b"\n")  # sparse: big on paper, nothing on disk
    line, column, message = only(load_deck_file(path))
    assert (line, column) == (1, 1)
    assert "larger than 8 MB" in message


def test_a_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    padding = b"#" * (yamlsafe.MAX_BYTES - len(GOOD) - 1) + b"\n"
    deck = load_bytes(tmp_path, GOOD.encode() + padding)
    assert deck.ok


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    line, _, message = only(load_text(tmp_path, billion_laughs()))
    assert line >= 1
    assert "a YAML bomb?" in message


def test_a_bomb_as_card_text_is_refused_before_validation(tmp_path: Path) -> None:
    bomb = billion_laughs().replace("\n", "\n  ")
    deck = load_text(tmp_path, "x:\n  " + bomb + GOOD)
    assert any("a YAML bomb?" in p.message for p in deck.problems)
    assert deck.spec is None


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = (
        "name: Tiny\ntype: emotional\ntags: &common [home]\nlevels:\n  1:\n"
        "    - ask: One?\n      tags: *common\n    - ask: Two?\n      tags: *common\n"
    )
    deck = load_text(tmp_path, text)
    assert deck.ok
    assert all(card.tags == {"home"} for card in deck.cards)


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    deck = load_text(tmp_path, GOOD + "tags: &loop [a, *loop]\n")
    ((line, column, message),) = where(deck)
    assert (line, column) == (6, 7)
    assert "loop" in message


def test_merge_keys_are_refused_at_the_key(tmp_path: Path) -> None:
    text = GOOD + "    - &base {ask: x}\n    - <<: *base\n      ask: y\n"
    deck = load_text(tmp_path, text)
    assert (7, 7) in [(p.line, p.column) for p in deck.problems]
    assert any("merge keys" in p.message for p in deck.problems)


def test_a_second_document_is_refused(tmp_path: Path) -> None:
    line, column, message = only(load_text(tmp_path, GOOD + "---\n" + GOOD))
    assert (line, column) == (6, 1)
    assert message == "a second YAML document: one deck per file"


def test_yaml_syntax_errors_are_located(tmp_path: Path) -> None:
    line, column, message = only(load_text(tmp_path, GOOD + "    - ask: [unclosed\n"))
    assert line in (6, 7) and column >= 1
    assert message.startswith("YAML syntax:")


def test_a_colon_in_plain_text_gets_a_hint(tmp_path: Path) -> None:
    line, column, message = only(load_text(tmp_path, GOOD + "    - ask: Number 1: why?\n"))
    assert (line, column) == (6, 20)
    assert message.endswith("text with ': ' in it must be put in quotes")


def test_an_undefined_alias_is_located(tmp_path: Path) -> None:
    line, column, message = only(load_text(tmp_path, GOOD + "tags: *common\n"))
    assert (line, column) == (6, 7)
    assert "undefined alias" in message


def test_tabs_get_a_plain_explanation(tmp_path: Path) -> None:
    line, column, message = only(load_text(tmp_path, GOOD + "\t- ask: tabbed\n"))
    assert (line, column) == (6, 1)
    assert "tab" in message


@pytest.mark.parametrize("depth", [200, 50_000, 500_000])
def test_deep_nesting_fails_cleanly(tmp_path: Path, depth: int) -> None:
    deck = load_text(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert not deck.ok and deck.spec is None
    assert any("deep" in p.message for p in deck.problems)


def test_deep_block_nesting_fails_cleanly(tmp_path: Path) -> None:
    deck = load_text(tmp_path, "- " * 20_000 + "x\n")
    assert not deck.ok and deck.spec is None


def test_the_bomb_is_refused_quickly_in_a_subprocess_with_little_memory(tmp_path: Path) -> None:
    """Limits the child's address space: expanding the bomb would fail loudly, not slowly."""
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from pathlib import Path\n"
        "from deckgame.loader import load_deck_file\n"
        f"deck = load_deck_file(Path({str(path)!r}))\n"
        "print(deck.problems[0].message)\n"
    )
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "a YAML bomb?" in result.stdout


def _suite_files() -> list[Path]:
    if not SUITE.is_dir():
        return []
    return sorted(path for path in SUITE.iterdir() if path.is_file())


@pytest.mark.skipif(not SUITE.is_dir(), reason=f"the YAML test suite corpus is absent ({SUITE})")
@pytest.mark.parametrize("path", _suite_files(), ids=lambda path: path.name)
def test_yaml_test_suite_gives_a_deck_or_clean_problems(path: Path) -> None:
    deck = load_deck_file(path)
    if deck.ok:
        assert deck.spec is not None and deck.cards
        return
    assert deck.problems
    for problem in deck.problems:
        assert problem.path == str(path)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and "\n" not in problem.message
        assert "Traceback" not in problem.message
        assert not problem.message.startswith("cannot read this file (")  # the safety net
        assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: error: ")


def test_the_suite_is_all_there() -> None:
    if not SUITE.is_dir():
        pytest.skip(f"the YAML test suite corpus is absent ({SUITE})")
    assert len(_suite_files()) == 497


def test_time_is_not_asserted_but_the_loader_returns(tmp_path: Path) -> None:
    """Sanity only: a small deck loads (the speed figures live in benchmarks/)."""
    start = time.perf_counter()
    assert load_text(tmp_path, GOOD).ok
    assert time.perf_counter() >= start


YAMLISH = st.lists(
    st.sampled_from([*"abc:-[]{}&*!|>'\"#%@`,?\n \t1", "ask: ", "do: ", "levels:\n", "  "]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), YAMLISH.map(str.encode)))
def test_fuzzed_input_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        deck = load_bytes(Path(folder), data)
    assert deck.ok or deck.problems
    for problem in deck.problems:
        assert problem.line >= 1 and problem.column >= 1 and "\n" not in problem.message
        assert not problem.message.startswith("cannot read this file (")


@settings(max_examples=100, deadline=None)
@given(YAMLISH)
def test_fuzzed_deck_tails_never_raise(tail: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        deck = load_bytes(Path(folder), (GOOD + "    - ask: " + tail).encode())
    assert deck.ok or deck.problems


def test_the_pure_python_parser_reports_the_same_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = GOOD.replace("emotional", "emotinal") + "    - ask: Hi {x}\n      secnds: 3\n"
    with_c = [(p.line, p.column, p.message) for p in load_text(tmp_path, text).problems]
    monkeypatch.setattr(yaml_read, "_HAS_C", False)
    pure = [(p.line, p.column, p.message) for p in load_text(tmp_path, text).problems]
    assert pure == with_c and len(pure) == 3


def test_windows_line_endings_keep_lines_and_columns(tmp_path: Path) -> None:
    text = GOOD.replace("emotional", "emotinal") + "    - ask: Hi {x}\n"
    deck = load_bytes(tmp_path, text.replace("\n", "\r\n").encode())
    assert [(p.line, p.column) for p in deck.problems] == [(2, 7), (6, 12)]
