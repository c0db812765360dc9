"""Card text: placeholders checked and filled, values quoted on one line, text folded.

>>> render_text("Hi {player}, meet {other} {{x}}", player="Ana", other="{0}")
'Hi Ana, meet {0} {x}'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from deckgame.kinds import PLACEHOLDERS as PLACEHOLDERS
from deckgame.kinds import render_text as render_text

# How much of a value a designer-facing message quotes: enough to recognise it.
SHOWN_CHARS = 60
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def clipped(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as one line of at most ``limit`` characters (and an ellipsis).

    Line breaks and other characters that do not print are escaped, so a message that
    shows a value is always one line, whatever the value held.

    >>> clipped("two\\nlines"), clipped("x" * 80, 10)
    ('two\\\\nlines', 'xxxxxxx...')
    """
    head = text[: limit + 1]  # never more of a (perhaps huge) value than can be shown
    if not head.isprintable():
        head = "".join(ch if ch.isprintable() else _escaped(ch) for ch in head)
    if len(head) > limit or len(text) > limit:
        return head[: max(limit - 3, 1)] + "..."
    return head


def _escaped(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def quoted(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value in single quotes, on one line and cut to ``limit`` characters.

    >>> quoted("emo tional\\n"), quoted(3)
    ("'emo tional\\\\n'", "'3'")
    """
    return f"'{clipped(str(value), limit)}'"


class PlaceholderError(ValueError):
    """A card text uses a placeholder other than ``{player}``/``{other}`` or a stray brace."""


def check_placeholders(text: str) -> list[str]:
    """Return the placeholder problems in ``text`` (empty when it is fine).

    >>> check_placeholders("Ask {other} about {{braces}}")
    []
    >>> check_placeholders("Hi {name}")
    ['unknown placeholder {name}: use {player} or {other} (write {{ and }} for literal braces)']
    """
    if "{" not in text and "}" not in text:  # most card texts: nothing to scan
        return []
    rest = _TOKENS.sub("", text)
    if "{" not in rest and "}" not in rest:
        # Every brace is part of a placeholder or an escaped brace, taken left to right
        # as the scan below takes them: fine, without a Python step per brace.
        return []
    return _brace_problems(text)


def _brace_problems(text: str) -> list[str]:
    problems: list[str] = []
    i = 0
    while (brace := _BRACE.search(text, i)) is not None:  # from brace to brace
        i = brace.start()
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
    return problems


_BRACE = re.compile(r"[{}]")
_TOKENS = re.compile(r"\{\{|\}\}|\{player\}|\{other\}")
# Neither alphanumeric (str.isalnum: \w without "_") nor a space nor a brace. One regex,
# not a Python loop over every character: deriving ids is on the hot path of loading.
_PUNCTUATION = re.compile(r"[^\w\s{}]|_")


# An ASCII text's bytes folded in one pass: each character _PUNCTUATION matches to a
# space, capitals to lowercase (bytes.translate: a table lookup per byte, in C).
_ASCII_FOLD = bytes(
    32 if _PUNCTUATION.fullmatch(chr(code)) else ord(chr(code).lower()) for code in range(128)
) + bytes(range(128, 256))


def normalise_text(text: str) -> str:
    """Text folded for comparison: NFKC, case-folded, punctuation dropped, spaces squeezed.

    Most card texts are ASCII, which NFKC leaves as it is and ``casefold`` folds as
    ``lower`` does: for them one ``bytes.translate`` folds case and punctuation. A test checks
    both ways against a loop over the characters, for every code point.

    >>> normalise_text("Ｗhat's  UP, {player}?"), normalise_text("What's  UP, {player}?")
    ('what s up {player}', 'what s up {player}')
    """
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


# Longer than any key or value a near miss could be meant for: not worth comparing.
_LONGEST_KEY = 100


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix when ``word`` is close to one of ``choices``.

    The one "did you mean" of the game: deck keys and values, ``--types``, lines and
    ``deckgame new --type`` all use it.

    >>> did_you_mean("Secnds", ["seconds", "ask"]), did_you_mean("zzz", ["ask"])
    (" (did you mean 'seconds'?)", '')
    """
    if not isinstance(word, str) or len(word) > _LONGEST_KEY:
        return ""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
