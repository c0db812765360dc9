"""Vector printing: every card's words are real PDF text that pdftotext finds, whole.

Printing the emotional deck (240 cards) keeps the test short; the whole pack is the same
code (its figures: `deckgame print decks -o cards.pdf --backs`, measured in the note).
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deckgame.cli import main
from deckgame.loader import load_paths
from deckgame.printing import BLANK

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "core" / "emotional.yaml"

pytest.importorskip("fpdf")
pytest.importorskip("uharfbuzz")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("print") / "emotional.pdf"
    assert main(["print", str(DECK), "-o", str(out), "--backs"]) == 0
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_every_card_is_searchable_text(printed: str) -> None:
    squashed = _squashed(printed)
    cards = [*load_paths([DECK]).cards, *load_paths([DECK]).closing]
    missing = []
    for card in cards:
        words = card.text.replace("{player}", BLANK).replace("{other}", BLANK)
        if _squashed(words) not in squashed:
            missing.append(card.id)
    assert not missing, f"{len(missing)} of {len(cards)} cards not found as text: {missing[:5]}"


def test_no_word_is_split_across_lines(printed: str) -> None:
    lines = [line.strip() for line in printed.splitlines() if line.strip()]
    words = {w.strip(".,;:!?'\"()") for line in lines for w in line.split()}
    cards = load_paths([DECK]).cards
    vocabulary = {w.strip(".,;:!?'\"()") for c in cards for w in c.text.split()}
    # A word cut at a line end leaves a piece at the end of one line that is no card word,
    # followed by a line starting with a piece that is no card word either.
    for first, second in itertools.pairwise(lines):
        tail, head = first.split()[-1].strip(".,;:!?'\"()"), second.split()[0]
        head = head.strip(".,;:!?'\"()")
        if tail.isalpha() and head.isalpha() and tail + head in vocabulary:
            assert tail in vocabulary and head in vocabulary, f"{tail} / {head}"
    assert words  # something was read
