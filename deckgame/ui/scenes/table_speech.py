"""Reading aloud at the table and at the go-deeper question (GAME.md "Read aloud").

R reads what is in front of the group (pressed again while reading: stops); with the
setting "every card" each dealt card and the go-deeper question are read as they come.
Without a voice the table says what to install and nothing else changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgame import i18n
from deckgame.engine import Event, Phase
from deckgame.i18n import _
from deckgame.ui import speech

if TYPE_CHECKING:
    from deckgame.kinds import Card
    from deckgame.ui.app import App
    from deckgame.ui.scenes.table import TableScene

# Events after which the card on the table is a new one to read.
_NEW_CARD = frozenset({"deal", "skip", "veto", "pass", "undo", "step_back", "back"})


def deck_language(app: App) -> dict[str, str]:
    """Deck name -> its language, from the decks loaded (empty when none are)."""
    if not app.ctx.library_loaded:
        return {}
    return {
        deck.name: deck.language for deck in app.ctx.library.decks if deck.read and deck.language
    }


def _say(app: App, words: str, card: Card | None, toast: bool) -> str:
    """Start reading ``words``; the words to show instead ("" when reading started)."""
    mode = app.settings.read_aloud
    if mode == "off":
        return _("Reading aloud is off (Settings, G)") if toast else ""
    if card is not None:
        languages = deck_language(app)
        language = speech.card_language(card, lambda deck: languages.get(deck, ""))
    else:
        language = _interface_language()
    if speech.reader().say(words, language):
        return ""
    return speech.reader().problem if toast else ""


def _interface_language() -> str:
    """The language the game speaks now (the go-deeper question is the game's words)."""
    current = getattr(i18n, "current_language", None)
    return str(current()) if callable(current) else "en"


def card_text(table: TableScene) -> tuple[str, Card | None]:
    """The words of what the table shows now: the card, or the two offered ones."""
    game = table.session.game
    cards = [game.current_card] if game.current_card is not None else list(game.offered_cards)
    parts: list[str] = []
    for index, card in enumerate(cards):
        view = table.view(card)
        label = table.look.theme.type_style(card.type).label
        words = speech.card_words(view, label)
        if len(cards) > 1:
            words = _("Card {n}: {words}").format(n=index + 1, words=words)
        parts.append(words)
    return " ".join(parts), (cards[0] if cards else None)


def read_now(table: TableScene) -> None:
    """R: read the card on the table, or stop reading if it is being read."""
    reader = speech.reader()
    if reader.busy():
        reader.stop()
        return
    words, card = card_text(table)
    if not words:
        table.say(_("There is no card to read yet"))
        return
    problem = _say(table.app, words, card, toast=True)
    if problem:
        table.say(problem)


def after_events(table: TableScene, events: list[Event]) -> None:
    """With "every card" on, read a newly dealt card as it lands."""
    if any(event.event in _NEW_CARD for event in events):
        read_new_card(table)


def read_new_card(table: TableScene) -> None:
    """With "every card" on, read the card on the table (the first one, or a new one)."""
    if table.app.settings.read_aloud != "all":
        return
    if table.session.game.phase not in (Phase.CARD, Phase.OFFER):
        return
    words, card = card_text(table)
    if words:
        _say(table.app, words, card, toast=False)


def read_question(app: App, words: str, *, pressed: bool) -> str:
    """The go-deeper question read aloud: on R (``pressed``), or as it appears with "every
    card"; the words to show when it cannot be read."""
    reader = speech.reader()
    if pressed and reader.busy():
        reader.stop()
        return ""
    if not pressed and app.settings.read_aloud != "all":
        return ""
    return _say(app, words, None, toast=pressed)
