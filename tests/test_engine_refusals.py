"""A refusal carries a reason, and every reason has words a player reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from engine_helpers import random_session

import deckgame.engine
from deckgame.engine import IllegalAction, Reason
from deckgame.ui.refusals import WORDS, describe

ENGINE = Path(deckgame.engine.__file__).parent


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_has_words_and_is_never_blank(reason: Reason) -> None:
    assert WORDS[reason].strip()
    bare = IllegalAction("refused", reason)
    assert describe(bare).strip()
    names = re.findall(r"{(\w+)}", WORDS[reason])
    full = IllegalAction("refused", reason, **{name: ("Ana", "Bo") for name in names})
    words = describe(full)
    assert words.strip() and "{" not in words
    if names:
        assert "Ana" in words


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_is_given_by_the_engine(reason: Reason) -> None:
    # Raised somewhere, not only a class's default.
    paths = [path for path in ENGINE.glob("*.py") if path.name != "errors.py"]
    source = "".join(path.read_text(encoding="utf-8") for path in paths)
    assert f"Reason.{reason.name}" in source


def test_every_refusal_in_play_names_its_reason_and_its_words() -> None:
    seen: set[Reason] = set()
    for seed in range(40):
        for _, (action, result) in random_session(seed, 80):
            if isinstance(result, IllegalAction):
                assert "reason" in vars(result), (action, str(result))  # given, not a default
                assert describe(result).strip()
                seen.add(result.reason)
    assert len(seen) >= 8


def test_the_english_message_stays_for_logs() -> None:
    error = IllegalAction("not possible in the after phase", Reason.WRONG_PHASE, phase="after")
    assert str(error) == "not possible in the after phase"
    assert describe(error) == "That is not possible right now."
