"""Words a player sees: every one goes through :func:`_`, :func:`ngettext` or :func:`pgettext`.

The game speaks English until a catalogue is installed. The catalogues are the ``.po``
files under ``deckgame/locale/LANG/LC_MESSAGES/``; the wheel carries them compiled to
``.mo`` (by ``hatch_build.py``), and a source checkout or an editable install, which has
no ``.mo``, reads the ``.po`` into memory at start (:mod:`deckgame.pofile`, a few
milliseconds; nothing is written anywhere). A ``.mo`` older than its ``.po`` is ignored.

Which language: :func:`choose_language` (``--lang`` wins, then the saved setting, then the
system's locale), :func:`use_language` installs it. Imports nothing heavy, so the command
line and the engine's callers may use it.

>>> _("Pass")
'Pass'
>>> ngettext("{n} card", "{n} cards", 1).format(n=1), ngettext("{n} card", "{n} cards", 3)
('1 card', '{n} cards')
>>> N_("Lines") == "Lines"
True
>>> choose_language(None, "", {"LANG": "de_DE.UTF-8"}, known=("en", "es", "de"))
'de'
"""

from __future__ import annotations

import gettext
import io
import math
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = [
    "DOMAIN",
    "ENGLISH",
    "LANGUAGE_NAMES",
    "N_",
    "PseudoCatalogue",
    "_",
    "available_languages",
    "choose_language",
    "current_language",
    "install",
    "language_code",
    "load_catalogue",
    "ngettext",
    "pgettext",
    "pseudo",
    "use_language",
]

DOMAIN = "deckgame"
ENGLISH = "en"
# Each language by its own name, as a player looking for theirs reads it.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español", "de": "Deutsch"}
# The locale variables, in the order gettext reads them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


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


# Choosing a language -----------------------------------------------------------------------


def language_code(value: str | None) -> str | None:
    """The language of a locale name or a tag, lower case; None for none (``C``, ``POSIX``).

    >>> [language_code(v) for v in ("de_DE.UTF-8", "es-MX", "EN", "C.UTF-8", "", None)]
    ['de', 'es', 'en', None, None, None]
    """
    if not value:
        return None
    code = re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()
    if code in ("", "c", "posix") or not code.isalpha():
        return None
    return code


def available_languages(locale_dir: Path | None = None) -> tuple[str, ...]:
    """English, then every language with a catalogue (``.po`` or ``.mo``), in name order."""
    locale_dir = LOCALE_DIR if locale_dir is None else locale_dir
    found = {
        p.parent.parent.name
        for pattern in (f"*/LC_MESSAGES/{DOMAIN}.po", f"*/LC_MESSAGES/{DOMAIN}.mo")
        for p in locale_dir.glob(pattern)
    }
    others = sorted(found - {ENGLISH}, key=lambda c: LANGUAGE_NAMES.get(c, c))
    return (ENGLISH, *others)


def _from_environment(env: Mapping[str, str], known: Iterable[str]) -> str:
    known = tuple(known)
    # LANGUAGE is a list of preferences ("de:en"); the first one with a catalogue wins.
    for part in env.get("LANGUAGE", "").split(":"):
        code = language_code(part)
        if code in known:
            return code
    for name in LOCALE_VARIABLES:  # the first one set decides, as in gettext
        if env.get(name):
            code = language_code(env[name])
            return code if code in known else ENGLISH
    return ENGLISH


def choose_language(
    cli: str | None,
    saved: str,
    env: Mapping[str, str],
    *,
    known: Iterable[str] | None = None,
) -> str:
    """The interface language: ``--lang`` (``cli``) wins, then the saved setting
    (``""``: follow the system), then ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.

    ``known`` are the languages there are catalogues for (default: those installed). A
    ``--lang`` without one plays in English and says so on stderr; a saved one without
    one (an old or hand-edited file) follows the system.

    >>> env = {"LANGUAGE": "fr:es", "LANG": "de_DE.UTF-8"}
    >>> choose_language("de", "es", env, known=("en", "es", "de"))
    'de'
    >>> choose_language(None, "", env, known=("en", "es", "de"))
    'es'
    """
    languages = tuple(known) if known is not None else available_languages()
    if cli is not None:
        code = language_code(cli)
        if code in languages:
            return code
        choices = ", ".join(languages)
        print(
            f"deckgame: --lang {cli}: no interface in that language (there are: {choices});"
            " playing in English",
            file=sys.stderr,
        )
        return ENGLISH
    code = language_code(saved)
    if code in languages:
        return code
    return _from_environment(env, languages)


# Catalogues ----------------------------------------------------------------------------------


def load_catalogue(code: str, locale_dir: Path | None = None) -> gettext.GNUTranslations | None:
    """The catalogue of ``code``: its ``.mo`` (when not older than its ``.po``), else its
    ``.po`` compiled in memory; None for English, or when there is none (English then)."""
    if code == ENGLISH:
        return None
    folder = (LOCALE_DIR if locale_dir is None else locale_dir) / code / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if po.is_file():
            from deckgame.pofile import mo_bytes, parse_po

            data = mo_bytes(parse_po(po.read_text(encoding="utf-8")))
            return gettext.GNUTranslations(io.BytesIO(data))
    except (OSError, ValueError, UnicodeError) as error:
        print(f"deckgame: the {code} catalogue cannot be read ({error}); English", file=sys.stderr)
    return None


def use_language(code: str, locale_dir: Path | None = None) -> str:
    """Speak ``code`` from now on (English when it has no catalogue); the code in use."""
    global _language
    catalogue = load_catalogue(code, locale_dir)
    install(catalogue)
    _language = code if catalogue is not None else ENGLISH
    return _language


def current_language() -> str:
    """The code of the language the interface speaks now (``en`` until one is chosen)."""
    return _language


# The pseudo-locale: a test's stand-in for a long language ------------------------------------

OPEN, CLOSE = "‹", "›"  # in the bundled font, so the text is measured as a real one would be
_PADDING = "äöüß"  # letters a German text has, with marks above that a tight line can cut
_PIECES = re.compile(r"(\{[^{}]*\})")  # placeholders stay as they are
_WORD = re.compile(r"[^\W\d_]+")


def pseudo(message: str, stretch: float = 0.4) -> str:
    """``message`` lengthened by ``stretch`` (every word longer) and wrapped in markers.

    >>> pseudo("Pass")
    '‹Passäö›'
    >>> pseudo("Turn: {name}")
    '‹Turnäöü: {name}›'
    >>> pseudo(", ")
    '‹, ›'
    """
    if not message:
        return message
    pieces = _PIECES.split(message)  # text, placeholder, text, ...
    # The added letters go to the words, in proportion to their length, so a long word
    # stays the longest (German's compounds) and lines still break between words.
    wanted = math.ceil(len(_PIECES.sub("", message)) * stretch)
    letters = sum(len(w) for p in pieces[::2] for w in _WORD.findall(p))
    added = 0

    def longer(match: re.Match[str]) -> str:
        nonlocal added
        extra = min(wanted - added, math.ceil(len(match.group()) * wanted / letters))
        added += extra
        return match.group() + (_PADDING * extra)[:extra]

    out = [p if i % 2 else _WORD.sub(longer, p) for i, p in enumerate(pieces)]
    return OPEN + "".join(out) + CLOSE


class PseudoCatalogue(gettext.NullTranslations):
    """Every message through :func:`pseudo`: install it to see which texts bypass the
    catalogue (no markers) and which layouts break when a language runs long."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
