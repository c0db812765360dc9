"""Words a player sees: every one goes through :func:`_` or :func:`ngettext`.

The game speaks English until a catalogue is installed (the languages work adds them
under ``deckgame/locale/``); until then both functions give back their English.
Imports nothing heavy, so the command line and the engine's callers may use it.

>>> _("Pass")
'Pass'
>>> ngettext("{n} card", "{n} cards", 1).format(n=1), ngettext("{n} card", "{n} cards", 3)
('1 card', '{n} cards')
>>> N_("Lines") == "Lines"
True
"""

from __future__ import annotations

import gettext

__all__ = ["N_", "_", "install", "ngettext", "pgettext"]

_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the player's language."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase for ``count``, in the player's language."""
    return _catalogue.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (one English word, two meanings)."""
    return _catalogue.pgettext(context, message)


def N_(message: str) -> str:
    """Marks ``message`` for translation where it is defined; :func:`_` translates it
    where it is shown (a table of words built at import time)."""
    return message


def install(catalogue: gettext.NullTranslations | None) -> None:
    """Speak ``catalogue`` from now on; ``None`` goes back to English."""
    global _catalogue
    _catalogue = catalogue if catalogue is not None else gettext.NullTranslations()
