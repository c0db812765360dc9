"""A deck spec written as a commented deck file, the way ``deckgame new`` writes one.

Every text is written double-quoted (a JSON string is also a YAML one), with whatever
YAML would fold or refuse escaped, so the file reads back as exactly the same spec.

>>> deck = DeckSpec.model_validate(
...     {"name": "Tiny", "type": "emotional", "levels": {1: [{"ask": "Hi: {player}?"}]}}
... )
>>> print(deck_yaml(deck, "deck.schema.json", "t.csv").splitlines()[-1])
    - ask: "Hi: {player}?"
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from deckgame.content.specs import CardSpec, ClosingCardSpec, DeckSpec, IntimacyType

__all__ = ["deck_yaml", "yaml_string"]

_HEAD = """\
# yaml-language-server: $schema={schema}
#
# Written by `deckgame import` from {source}. Edit this file or the sheet (and import it
# again); `deckgame validate THIS_FILE` checks it, `deckgame workshop` shows it live.
# One file is one deck of one intimacy type. Lines starting with '#' are comments.
"""
_DECK_COMMENTS = {
    "name": "required: the name players see",
    "type": "required: " + " | ".join(t.value for t in IntimacyType),
    "description": "optional",
    "language": "optional: the BCP 47 language tag of the text",
    "author": "optional",
    "license": "optional: the licence others may use the deck under",
    "audience": "optional: who the cards suit (default: all three)",
    "tags": "optional: content tags added to every card of the deck",
}
_LEVELS = """
# Cards per depth level 1-9: exactly one of `ask` (a question) or `do` (a challenge) each.
levels:
"""
_CLOSING = """
# Cards offered when the group ends the session (`level`: the deepest level reached
# that a card is for; without it, it suits any session).
closing:
"""
_CARD_KEYS = [key for key in ClosingCardSpec.model_fields if key not in ("ask", "do")]


def yaml_string(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as exactly ``text``.

    >>> yaml_string('say "hi"\\u2028now')
    '"say \\\\"hi\\\\"\\\\u2028now"'
    """
    quoted = json.dumps(text, ensure_ascii=False)
    if quoted.isprintable():
        return quoted
    # YAML folds U+2028 and friends as line breaks and refuses other unprintables raw.
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in quoted)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _value(value: object) -> str:
    if isinstance(value, str):
        return yaml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return str(value)


def deck_yaml(deck: DeckSpec, schema: str, source: str) -> str:
    """The deck file's text: its keys commented, then its levels and closing cards."""
    lines = [_HEAD.format(schema=schema, source=source)]
    for key, comment in _DECK_COMMENTS.items():
        if key in ("name", "type") or key in deck.model_fields_set:
            value = getattr(deck, key)
            if value is None:
                continue
            lines.append(f"{key}: {_plain(value)}   # {comment}\n")
    lines.append(_LEVELS)
    for level in sorted(deck.levels):
        lines.append(f"  {level}:\n")
        lines += _cards(deck.levels[level], "    ")
    if deck.closing:
        lines.append(_CLOSING)
        lines += _cards(deck.closing, "  ")
    return "".join(lines)


def _plain(value: object) -> str:
    """A deck key's value; an enum or a list of enums by their names."""
    if isinstance(value, list):
        return "[" + ", ".join(_plain(item) for item in value) + "]"
    enum_value = getattr(value, "value", None)
    if isinstance(enum_value, str):
        return enum_value
    return _value(value)


def _cards(cards: Sequence[CardSpec], indent: str) -> list[str]:
    lines: list[str] = []
    for card in cards:
        kind = card.kind
        lines.append(f"{indent}- {kind}: {yaml_string(card.text)}\n")
        for key in _CARD_KEYS:
            if key not in card.model_fields_set:
                continue
            value = getattr(card, key)
            if value is None or value == []:
                continue
            lines.append(f"{indent}  {key}: {_plain(value)}\n")
    return lines
