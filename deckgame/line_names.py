"""Lines as players read and type them, in the interface's language.

A deck's tags are slugs (``past-relationships``), the same in every language's deck, so a
line means the same cards whatever language the group plays in. The setup screen shows
each tag in words: the built-in decks' tags in the player's language (the catalogue, with
the context ``line``), any other tag as its slug with spaces. What a group types is
matched the same way: the words of a chip, in the interface's language or as the slug,
in any case and with spaces or hyphens, name that tag.

>>> line_words("past-relationships"), line_words("our-own-tag")
('past relationships', 'our own tag')
>>> tag_for("Past Relationships", ["past-relationships", "grief"]), tag_for("x", ["grief"])
('past-relationships', 'x')
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from deckgame.i18n import pgettext
from deckgame.lines import line_key

__all__ = ["line_words", "tag_for"]


def _known() -> dict[str, str]:
    """The built-in decks' tags in the player's language."""
    return {
        # Translators: the lines (content a group can leave out) as the setup screen shows
        # them; short, as a chip reads "never: {line}" (lower case unless your language
        # writes the word otherwise). A group may also type them to leave those cards out.
        "body": pgettext("line", "body"),
        "conflict": pgettext("line", "conflict"),
        "family-of-origin": pgettext("line", "family of origin"),
        "finish-the-sentence": pgettext("line", "finish the sentence"),
        "first-impressions": pgettext("line", "first impressions"),
        "grief": pgettext("line", "grief"),
        "hard-memories": pgettext("line", "hard memories"),
        "health": pgettext("line", "health"),
        "jealousy": pgettext("line", "jealousy"),
        "mental-health": pgettext("line", "mental health"),
        "money": pgettext("line", "money"),
        "past-relationships": pgettext("line", "past relationships"),
        "politics": pgettext("line", "politics"),
        "rate-it": pgettext("line", "rate it"),
        "religion": pgettext("line", "religion"),
        "sexual": pgettext("line", "sexual"),
        "touch": pgettext("line", "touch"),
        "vote": pgettext("line", "vote"),
        "wildcard": pgettext("line", "wildcard"),
    }


def line_words(tag: str) -> str:
    """How the setup screen names ``tag``: its words in the player's language."""
    return _known().get(tag) or tag.replace("-", " ")


def tag_for(typed: str, tags: Iterable[str]) -> str:
    """The tag among ``tags`` a typed line names (by its words in the player's language,
    or by the slug; accents optional: "contacto fisico" is "contacto físico"); else the
    typed line, folded as a tag would be.

    >>> tag_for("relacion-pasada", ["past-relationships"])
    'relacion-pasada'
    """
    key = line_key(typed)
    bare = _unaccented(key)
    for tag in tags:
        if key == tag or bare in (_unaccented(tag), _unaccented(line_key(line_words(tag)))):
            return tag
    return key


def _unaccented(text: str) -> str:
    """``text`` without its accents and other marks (what a hurried keyboard leaves out)."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
