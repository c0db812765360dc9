"""Card-text folding and the placeholder check, proven equal to their character loops.

``normalise_text`` (which derives card ids, so any change would change ids) and
``check_placeholders`` run on regexes and ``bytes.translate``; the loops they replaced are
kept here as the reference, and both are run on every code point from 0 to 0x10FFFF
(in chunks), next to whitespace, control, bidi and zero-width characters, and on every
ASCII pair (the ASCII fast path).
"""

from __future__ import annotations

import random
import sys
import unicodedata
from functools import cache

import pytest

from deckgame.content.text import check_placeholders, clipped, normalise_text
from deckgame.kinds import PLACEHOLDERS


def normalise_reference(text: str) -> str:
    """The loop ``normalise_text`` replaced (one Python step per character)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(ch if ch.isalnum() or ch.isspace() or ch in "{}" else " " for ch in folded)
    return " ".join(kept.split())


def placeholders_reference(text: str) -> list[str]:
    """The character-by-character scan ``check_placeholders`` replaced."""
    problems: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{":
            if text.startswith("{{", i):
                i += 2
                continue
            end = text.find("}", i + 1)
            nxt = text.find("{", i + 1)
            if end == -1 or (nxt != -1 and nxt < end):
                problems.append("unmatched '{': write {{ for a literal brace")
                i += 1
                continue
            name = text[i + 1 : end]
            if name not in PLACEHOLDERS:
                problems.append(
                    f"unknown placeholder {{{clipped(name)}}}: use {{player}} or {{other}}"
                    " (write {{ and }} for literal braces)"
                )
            i = end + 1
        elif ch == "}":
            if text.startswith("}}", i):
                i += 2
                continue
            problems.append("unmatched '}': write }} for a literal brace")
            i += 1
        else:
            i += 1
    return problems


CHUNK = 512
# Characters that change how text around them folds or reads: whitespace (including the
# ASCII separators str.split breaks on), controls, bidi marks and isolates, zero-width.
AROUND = (
    [chr(c) for c in range(0x3001) if chr(c).isspace()]  # none above U+3000
    + [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]]
    + [chr(c) for c in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
    + [chr(c) for c in [0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]]
    + ["{", "}", "_", "ß", "İ", "ﬁ", "\u0301"]
)


@cache
def _chunks() -> list[str]:
    texts = []
    for number, start in enumerate(range(0, sys.maxunicode + 1, CHUNK)):
        plain = "".join(map(chr, range(start, min(start + CHUNK, sys.maxunicode + 1))))
        texts.append(plain)
        # Each code point between two of the characters above (a different one per chunk).
        texts.append(AROUND[number % len(AROUND)].join(plain))
    return texts


def test_normalise_text_equals_the_loop_on_every_code_point() -> None:
    for text in _chunks():
        assert normalise_text(text) == normalise_reference(text), ascii(text[:40])


def test_normalise_text_equals_the_loop_on_ascii() -> None:
    ascii_chars = [chr(c) for c in range(128)]
    texts = ["".join(ascii_chars)] + [a + b for a in ascii_chars for b in ascii_chars]
    texts += [a + " x" + b for a in ascii_chars for b in ascii_chars if a != b][::7]
    for text in texts:
        assert text.isascii()
        assert normalise_text(text) == normalise_reference(text), ascii(text)


def test_the_ascii_path_and_the_unicode_path_fold_alike() -> None:
    # The same words, once ASCII and once with a non-ASCII character that folds away.
    for text in ("What's UP, {player}?", "A_b-c  d\te", "{{x}} {other}!", "Q?"):
        assert normalise_text(text) == normalise_text(text + "\u00b7").strip()


BRACE_PIECES = ["{", "}", "{{", "}}", "{player}", "{other}", "player", "other", "x", " ", "é"]


@pytest.mark.parametrize("seed", range(4))
def test_check_placeholders_equals_the_scan_on_brace_soup(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(BRACE_PIECES) for _ in range(rng.randrange(1, 12)))
        assert check_placeholders(text) == placeholders_reference(text), text


def test_check_placeholders_equals_the_scan_on_every_code_point() -> None:
    for text in _chunks():
        assert check_placeholders(text) == placeholders_reference(text), ascii(text[:40])
    # A sample of code points as a placeholder's name, and inside real placeholders.
    for code in range(0, sys.maxunicode + 1, 101):
        ch = chr(code)
        text = f"{{{ch}}} {{player}}{ch}{{{{ {{oth{ch}er}} }}}}{ch}{{other}}"
        assert check_placeholders(text) == placeholders_reference(text), ascii(text)
