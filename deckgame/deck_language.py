"""Which decks a new session starts with, by language (GAME.md "Languages").

A new session starts with the built-in decks in the interface's language when there are
any (else the built-in English ones), and always with the decks a player brought: their
own deck folder and ``--decks``. The group can then mix in any deck at setup.

>>> from pathlib import Path
>>> from deckgame.content.deck_file import LoadedDeck, Origin
>>> from deckgame.content.library import Library
>>> from deckgame.content.specs import DeckSpec
>>> def deck(name, language, origin=Origin.BUILTIN):
...     spec = DeckSpec.model_validate({"name": name, "type": "emotional", "language": language,
...                                     "levels": {1: [{"ask": "Hello?"}]}})
...     return LoadedDeck(Path(name), origin, "", spec, (), (), ())
>>> lib = Library(decks=[deck("Core", "en"), deck("Básico", "es"), deck("Mine", "fr", Origin.USER)])
>>> sorted(default_decks(lib, "es")), sorted(default_decks(lib, "de"))
(['Básico', 'Mine'], ['Core', 'Mine'])
>>> language_of(lib)["Básico"], short_language("pt-BR")
('es', 'pt')
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deckgame.content.library import Library
    from deckgame.engine import Settings

FALLBACK = "en"


def short_language(tag: str) -> str:
    """A BCP 47 tag's primary language subtag, lower case (``es-MX`` -> ``es``)."""
    return (tag or FALLBACK).replace("_", "-").split("-", 1)[0].lower() or FALLBACK


def language_of(library: Library) -> dict[str, str]:
    """Deck name -> its language's primary subtag, for every deck read."""
    return {deck.name: short_language(deck.language or "") for deck in library.decks if deck.read}


def default_decks(library: Library, language: str) -> frozenset[str] | None:
    """The decks a new session starts with; ``None`` when that is every deck."""
    from deckgame.content.loaded import Origin

    wanted = short_language(language)
    decks = [d for d in library.decks if d.ok and d.read]
    builtin = [d for d in decks if d.origin is Origin.BUILTIN]
    spoken = {short_language(d.language or "") for d in builtin}
    pick = wanted if wanted in spoken else FALLBACK
    chosen = {
        d.name
        for d in decks
        if d.origin is not Origin.BUILTIN or short_language(d.language or "") == pick
    }
    if not chosen or len(chosen) == len({d.name for d in decks}):
        return None
    return frozenset(chosen)


def with_default_decks(settings: Settings, library: Library, language: str) -> Settings:
    """``settings`` with the decks a new session starts with, when they name none (every
    deck): how ``deckgame play --players`` (through ``flow.start_game``) and ``deckgame
    simulate`` start, as the setup screen does."""
    if settings.decks is not None:
        return settings
    decks = default_decks(library, language)
    return settings if decks is None else dataclasses.replace(settings, decks=decks)
