"""Loader fuzzing: a few thousand hostile files, each a deck or clean problems, never a raise.

Inputs are the built-in decks and the corpora (``../shared/corpora``, skipped when absent)
mutated by a seeded mutator (tests/robustness/loader_mutations.py, shared with
``scripts/fuzz_loader.py``, which runs a hundred thousand on demand). For each input
``load_deck_file`` (one in twenty: ``load_pack_file``) must return, and every problem must
be one ``PATH:LINE:COL: error: MESSAGE`` line with its place inside the file, in the
project's words. Time is a soft signal: the slowest inputs are printed, never asserted.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_mutations import (
    CORPORA,
    GOOD,
    Mutator,
    broken_promises,
    check_input,
    deck_count,
    seed_texts,
)

from deckgame.loader import load_deck_file
from deckgame.yamlsafe import Problem

# Eight batches (xdist spreads them) of 300 inputs each: 2,400 inputs in all.
BATCHES = 8
PER_BATCH = 300
SEEDS = seed_texts(CORPORA if CORPORA.is_dir() else None)
DECKS = deck_count()


@pytest.mark.parametrize("batch", range(BATCHES))
def test_mutated_files_give_a_deck_or_clean_problems(tmp_path: Path, batch: int) -> None:
    # Big inputs (megabytes near the size cap) take a second each: one in 300 here.
    mutator = Mutator(SEEDS, seed=1000 + batch, decks=DECKS, big=1 / 300)
    failures: list[str] = []
    slowest: list[tuple[float, str, int]] = []
    for index in range(PER_BATCH):
        data, names = mutator.next_input()
        as_pack = mutator.rng.random() < 0.05
        outcome = check_input(tmp_path, data, as_pack)
        failures += [f"#{index} ({names}): {wrong}" for wrong in outcome.wrong]
        slowest = sorted([*slowest, (outcome.seconds, names, len(data))], reverse=True)[:3]
    for seconds, names, size in slowest:  # a soft signal, for the log of a slow run
        print(f"batch {batch}: {seconds * 1000:.0f} ms for {size} bytes ({names})")
    assert not failures, "\n".join(failures[:20])


def test_the_corpora_are_there_to_mutate() -> None:
    if not CORPORA.is_dir():
        pytest.skip(f"the corpora are absent ({CORPORA})")
    assert len(SEEDS) > 400


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    seed=st.integers(0, 2**32 - 1),
    start=st.integers(0, len(SEEDS) - 1),
    extra=st.binary(max_size=40),
)
def test_hypothesis_drives_the_mutator(seed: int, start: int, extra: bytes) -> None:
    """Hypothesis picks the seed file, the mutations' seed and some bytes to add; when it
    finds a failure, it shrinks to a small reproducible case."""
    mutator = Mutator([SEEDS[start]], seed=seed)
    data, _ = mutator.next_input()
    data = data[: len(data) // 2] + extra + data[len(data) // 2 :]
    with tempfile.TemporaryDirectory() as folder:
        outcome = check_input(Path(folder), data)
    assert not outcome.wrong, outcome.wrong


def test_the_promises_are_checked_for_real(tmp_path: Path) -> None:
    """The checker itself: it catches a two-line message and a place outside the file."""
    path = tmp_path / "x.yaml"
    data = GOOD.encode()
    two_lines = Problem.__new__(Problem)
    for name, value in [("path", str(path)), ("line", 1), ("column", 1), ("message", "a\nb")]:
        object.__setattr__(two_lines, name, value)
    outside = Problem(str(path), 99, 1, "somewhere")
    wrong = broken_promises(path, data, [two_lines, outside])
    assert len(wrong) == 2
    good = load_deck_file(_write(path, data))
    assert good.ok and not broken_promises(path, data, good.problems)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
