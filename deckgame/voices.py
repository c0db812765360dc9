"""Offline voices: text in, WAV bytes out, made on this machine (GAME.md "Read aloud").

Nothing here plays sound or imports pygame: :mod:`deckgame.ui.speech` plays what a voice
renders through the game's own mixer, so speech can be stopped, paused by Hold and muted.
A voice is a program the system already has, run with the text on its standard input (a
card's text is never a command-line argument, so no text can pass for an option):

- Linux and the BSDs: espeak-ng (or the older espeak), tested here;
- macOS: ``say``, written to its manual page and untested here;
- Windows: the system voice (SAPI, through PowerShell's System.Speech), written to its
  documented API and untested here.

``DECKGAME_VOICE=none`` turns every voice off (a player who wants none, and the tests of a
machine without one); ``DECKGAME_VOICE=/path/to/espeak-ng`` chooses the program.

>>> espeak_voice_for("es-MX", frozenset({"es", "en", "cmn"}))
'es'
>>> espeak_voice_for("zh-Hans", frozenset({"en", "cmn"}))
'cmn'
>>> espeak_voice_for("tlh", frozenset({"en"}))
'en'
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from deckgame.i18n import _

RENDER_TIMEOUT = 30.0  # seconds: a card is a few sentences; a voice stuck longer is broken
WORDS_PER_MINUTE = 165  # espeak-ng's -s: a little slower than its default, for a room

# Languages whose espeak-ng voice has another name than the BCP 47 primary subtag.
_ESPEAK_ALIASES = {"zh": "cmn", "nb": "no", "fil": "tl"}


class Voice(Protocol):
    """Something that turns text in a language into WAV bytes (blocking: run it off the
    frame's thread)."""

    name: str

    def render(self, text: str, language: str) -> bytes: ...


class VoiceError(RuntimeError):
    """The voice could not speak this text (it failed, hung, or gave no audio)."""


def _run(argv: list[str], text: str, out: Path | None = None) -> bytes:
    import subprocess  # here: the table loads this module, most tables never speak

    try:
        done = subprocess.run(
            argv,
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=RENDER_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise VoiceError(f"{argv[0]}: {error}") from error
    if done.returncode != 0:
        raise VoiceError(f"{argv[0]} exited with {done.returncode}")
    data = out.read_bytes() if out is not None and out.exists() else done.stdout
    if not data.startswith(b"RIFF"):
        raise VoiceError(f"{argv[0]} gave no WAV audio")
    return sized_wav(data)


def sized_wav(data: bytes) -> bytes:
    """``data`` with its RIFF and ``data`` chunk sizes set to what it holds.

    A voice writing to a pipe cannot seek back to fill them in, so espeak-ng leaves them at
    2 GB; a reader trusting them would read past the end.

    >>> wav = b"RIFF" + b"\\xff" * 4 + b"WAVEfmt " + (16).to_bytes(4, "little") + bytes(16)
    >>> fixed = sized_wav(wav + b"data" + b"\\xff" * 4 + bytes(10))
    >>> int.from_bytes(fixed[4:8], "little"), int.from_bytes(fixed[40:44], "little")
    (46, 10)
    """
    at = data.find(b"data", 12)
    if at < 0:
        raise VoiceError("the voice's audio has no data chunk")
    size = len(data) - at - 8
    riff = (len(data) - 8).to_bytes(4, "little")
    return b"RIFF" + riff + data[8:at] + b"data" + size.to_bytes(4, "little") + data[at + 8 :]


def espeak_voice_for(language: str, known: frozenset[str]) -> str:
    """The espeak-ng voice for a BCP 47 ``language``: the whole tag, then its primary
    subtag (or that subtag's espeak name), else English."""
    tag = language.strip().lower().replace("_", "-")
    primary = tag.split("-", 1)[0]
    for candidate in (tag, primary, _ESPEAK_ALIASES.get(primary, "")):
        if candidate and candidate in known:
            return candidate
    return "en"


def _espeak_languages(program: str) -> frozenset[str]:
    """Every language code ``program --voices`` lists (its second column)."""
    import subprocess

    try:
        done = subprocess.run(
            [program, "--voices"], capture_output=True, timeout=10, check=False, text=True
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset({"en"})
    codes = {line.split()[1].lower() for line in done.stdout.splitlines()[1:] if line.split()[1:]}
    return frozenset(codes) or frozenset({"en"})


class EspeakVoice:
    """espeak-ng (or espeak) writing WAV to its standard output."""

    def __init__(self, program: str) -> None:
        self.program = program
        self.name = Path(program).name
        self._known: frozenset[str] | None = None

    def render(self, text: str, language: str) -> bytes:
        if self._known is None:
            self._known = _espeak_languages(self.program)
        voice = espeak_voice_for(language, self._known)
        argv = [self.program, "-v", voice, "-s", str(WORDS_PER_MINUTE), "--stdout", "--stdin"]
        return _run(argv, text)


class SayVoice:
    """macOS's ``say``, to a 16-bit WAV file (untested here: no macOS on these machines)."""

    name = "say"

    def render(self, text: str, language: str) -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "card.wav"
            argv = ["say", "--file-format=WAVE", "--data-format=LEI16@22050", "-o", str(out)]
            return _run([*argv, "-f", "-"], text, out)


# The text arrives on standard input; the file name is the script's one argument.
_SAPI_SCRIPT = (
    "Add-Type -AssemblyName System.Speech;"
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "try { $s.SelectVoiceByHints('NotSet', 'NotSet', 0,"
    " [System.Globalization.CultureInfo]::GetCultureInfo($args[1])) } catch {};"
    "$s.SetOutputToWaveFile($args[0]);"
    "$s.Speak([Console]::In.ReadToEnd()); $s.Dispose()"
)


class SapiVoice:
    """Windows' own voice through System.Speech (untested here: no Windows machines)."""

    name = "sapi"

    def __init__(self, shell: str) -> None:
        self.shell = shell

    def render(self, text: str, language: str) -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "card.wav"
            argv = [self.shell, "-NoProfile", "-NonInteractive", "-Command", _SAPI_SCRIPT]
            return _run([*argv, str(out), language or "en"], text, out)


def find_voice(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
) -> Voice | None:
    """The voice this machine offers, or ``None`` (then :func:`install_hint` says how)."""
    chosen = env.get("DECKGAME_VOICE", "").strip()
    if chosen.lower() == "none":
        return None
    if chosen:
        return EspeakVoice(chosen) if which(chosen) else None
    if platform == "darwin":
        return SayVoice() if which("say") else None
    if platform.startswith("win"):
        shell = which("powershell") or which("pwsh")
        return SapiVoice(shell) if shell else None
    program = which("espeak-ng") or which("espeak")
    return EspeakVoice(program) if program else None


def install_hint(platform: str = sys.platform) -> str:
    """What to install for cards to be read aloud, in the player's words."""
    if platform == "darwin":
        return _("No voice found: macOS's own voice (the say command) is needed to read aloud.")
    if platform.startswith("win"):
        return _("No voice found: Windows' own voice (System.Speech) is needed to read aloud.")
    return _("No voice found: install espeak-ng (for example: sudo apt install espeak-ng).")


# Scripts that name their language well enough when a deck's language is not known.
_SCRIPT_LANGUAGES = (
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)


def text_language(text: str, fallback: str) -> str:
    """``fallback`` (the deck's language), unless the text's first letter is of a script
    that language is not written in: then the script's most common language (a deck marked
    ``en`` whose cards are Arabic is read in Arabic; kana anywhere is Japanese).

    >>> text_language("¿Qué te hace reír?", "es"), text_language("ما الذي يضحكك؟", "en")
    ('es', 'ar')
    >>> text_language("今日は何が楽しかった？", "en"), text_language("你好", "zh-TW")
    ('ja', 'zh-TW')
    """
    primary = fallback.split("-", 1)[0].lower()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if "LATIN" in name:
            return fallback
        if "CJK" in name and any(
            "HIRAGANA" in unicodedata.name(c, "") or "KATAKANA" in unicodedata.name(c, "")
            for c in text
        ):
            language = "ja"
        else:
            language = next((lang for marker, lang in _SCRIPT_LANGUAGES if marker in name), "")
        if not language:
            return fallback
        return fallback if primary == language else language
    return fallback
