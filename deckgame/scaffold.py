"""Starter decks for ``deckgame new``: a file that teaches the format and validates as written.

The starter shows every deck key and every card key once, with comments that explain them,
and a schema comment so an editor with the YAML language server offers completion.

>>> slug("Late Night Talks!")
'late-night-talks'
>>> text = starter_deck("Late Night Talks", IntimacyType.EMOTIONAL, "file:///x/deck.schema.json")
>>> text.splitlines()[0]
'# yaml-language-server: $schema=file:///x/deck.schema.json'
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from deckgame.content.text import did_you_mean
from deckgame.kinds import IntimacyType

SCHEMA_FILE = "deck.schema.json"
DECK_SUFFIX = ".yaml"
_MAX_SLUG = 48  # leaves room under the 80-character id limit for the "-l3-b" suffixes


class ScaffoldError(ValueError):
    """A starter deck cannot be written as asked; the message says what to do instead."""


def slug(name: str) -> str:
    """A file-name and id friendly form of ``name``: lowercase ASCII words joined by ``-``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words)[:_MAX_SLUG].strip("-") or "deck"


def parse_type(text: str) -> IntimacyType:
    """The intimacy type called ``text``, or a :class:`ScaffoldError` with a "did you mean"."""
    wanted = text.strip().lower()
    try:
        return IntimacyType(wanted)
    except ValueError:
        names = [t.value for t in IntimacyType]
        raise ScaffoldError(
            f"unknown intimacy type '{text}'{did_you_mean(wanted, names)};"
            f" choose from {', '.join(names)}"
        ) from None


def schema_uri() -> str:
    """An absolute ``file:`` URI of the bundled deck schema (it moves with the venv: deck
    files reference a copy beside them instead, see :func:`place_schema`)."""
    from deckgame.resources import builtin_decks_dir

    return (builtin_decks_dir() / SCHEMA_FILE).resolve().as_uri()


def place_schema(folder: Path) -> str:
    """Put a copy of the deck schema in ``folder`` (when it is missing or out of date)
    and return the reference a deck file in ``folder`` gives it: a relative path, which
    keeps working when the game is upgraded or its virtual environment moves.

    A folder that cannot take the copy still gets the reference; the deck works without.
    """
    from deckgame.resources import builtin_decks_dir

    target = folder / SCHEMA_FILE
    try:
        text = (builtin_decks_dir() / SCHEMA_FILE).read_bytes()
        if not target.is_file() or target.read_bytes() != text:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text)
    except OSError:
        pass  # an editor without the schema only loses completion
    return SCHEMA_FILE


# One opening question per type, so a fresh deck already feels like its type.
_OPENERS: dict[IntimacyType, str] = {
    IntimacyType.PHYSICAL: "Where do you feel most at ease in your own body?",
    IntimacyType.EMOTIONAL: "What lifted your mood this week, even a little?",
    IntimacyType.EXPERIENTIAL: "Which place would you happily go back to tomorrow?",
    IntimacyType.SPIRITUAL: (
        "When did you last feel small in a good way, in front of something big?"
    ),
    IntimacyType.INTELLECTUAL: "What have you changed your mind about in the last year?",
}


def _other_type(type_: IntimacyType) -> IntimacyType:
    # The card-level `type` example must differ from the deck's type to show what it does.
    return (
        IntimacyType.INTELLECTUAL
        if type_ is not IntimacyType.INTELLECTUAL
        else (IntimacyType.EXPERIENTIAL)
    )


def starter_deck(name: str, type_: IntimacyType, schema: str) -> str:
    """The text of a starter deck called ``name`` of type ``type_``."""
    name = name.strip()
    if not 1 <= len(name) <= 80:
        raise ScaffoldError("the deck name must be 1-80 characters")
    key = slug(name)
    # json.dumps gives a double-quoted string that is also valid YAML, whatever the name holds.
    quoted = json.dumps(name, ensure_ascii=False)
    other = _other_type(type_).value
    return _TEMPLATE.format(
        schema=schema,
        name=quoted,
        type=type_.value,
        types=" | ".join(t.value for t in IntimacyType),
        opener=_OPENERS[type_],
        other_type=other,
        id=key,
    )


def target_path(name: str, out: Path | None, decks_dir: Path) -> Path:
    """Where ``deckgame new`` writes: ``--out`` (a file, or a folder to put it in) or the
    user's deck folder, with a file name made from the deck name."""
    file_name = slug(name) + DECK_SUFFIX
    if out is None:
        return decks_dir / file_name
    if out.is_dir() or str(out).endswith(("/", "\\")):
        return out / file_name
    return out


def write_starter(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` (making folders), refusing to overwrite without ``force``."""
    if path.exists() and not force:
        raise ScaffoldError(f"{path} already exists: pick another name or use --force")
    if path.exists() and path.is_dir():
        raise ScaffoldError(f"{path} is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


_TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A starter deck written by `deckgame new`. Change anything, save, and see it at once in
# `deckgame workshop`. `deckgame validate THIS_FILE` checks it; every problem is shown as
# FILE:LINE:COLUMN with what to fix.
#
# One file is one deck of one intimacy type. Lines starting with '#' are comments.
# Put text in quotes when it holds ': ' or ' #', or starts with a quote or a bracket.

name: {name}   # required: the name players see
type: {type}   # required: {types}
description: A starter deck. Say in a sentence or two what it explores.   # optional
language: en          # optional: the BCP 47 language tag of the text (en, de, pt-BR, ...)
author: Your Name     # optional
license: CC-BY-4.0    # optional: the licence others may use the deck under
audience: [couples, friends, family]   # optional: who the cards suit (default: all three)
tags: []              # optional: content tags added to every card of the deck

# Cards go under depth levels 1-9. The game deals level 1 first and goes deeper only when
# the whole group agrees: 1 Warmth, 2 Confidentiality, 3 Vulnerability, 4 Authenticity.
# A card has exactly one of `ask` (a question) or `do` (a challenge). In the text,
# {{player}} is the person whose turn it is and {{other}} a player they choose; write {{{{
# and }}}} for a literal brace.
levels:
  1:
    # The simplest card: one question.
    - ask: {opener}
      id: {id}-l1-a    # optional: a stable id, unique across all decks (default: from the text)
    - do: Show {{other}} something you carry with you every day and tell its story.
      seconds: 60      # a challenge timer, 5-3600 seconds; it starts only when asked
      id: {id}-l1-b
  2:
    - ask: What is something about you that most people here would not guess?
      follow_up: What would change if they knew?   # optional: a question to go further
      who: everyone    # who answers: player (default), other, or everyone
      id: {id}-l2-a
  3:
    - ask: What do you wish {{other}} asked you about more often?
      who: other       # {{other}} answers this one
      audience: [couples, friends]   # overrides the deck's audience for this card
      tags: [needs]    # lowercase content tags; a group can exclude them ("lines")
      min_players: 2   # fewest players this card works for (2-8)
      max_players: 4   # most players this card works for (2-8)
      id: {id}-l3-a
    - ask: Which idea has shaped how you treat the people close to you?
      type: {other_type}   # this card counts as another intimacy type than the deck's
      id: {id}-l3-b

# Optional: cards offered when the group ends the session.
closing:
  - ask: What will you remember from tonight?
    id: {id}-closing-a
"""
