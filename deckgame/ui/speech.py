"""Cards read aloud (GAME.md "Read aloud"): a voice of this machine renders the words to
audio on a worker thread, and the game's own mixer plays them, so reading can be stopped,
paused by Hold and muted, and a frame never waits for it.

The one :class:`Reader` of the game is :func:`reader`. A scene asks it to :meth:`~Reader.say`
something and calls :meth:`~Reader.update` every frame; the worker posts
:data:`SPEECH_READY` when the audio is made, which wakes an idle loop at once.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable, Iterable
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING

import pygame

from deckgame import voices
from deckgame.i18n import _, ngettext
from deckgame.ui import sound

if TYPE_CHECKING:
    from deckgame.kinds import Card
    from deckgame.ui.cards import CardView

__all__ = ["SPEECH_READY", "Reader", "card_language", "card_words", "reader"]

SPEECH_READY = pygame.event.custom_type()

# The Settings choices for reading aloud: off (muted), only when R is pressed, or every card
# as it is dealt (and the go-deeper question).
MODES: tuple[str, ...] = ("r", "all", "off")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…。！？؟»\"'”)" else text + "."


def card_words(view: CardView, type_label: str) -> str:
    """What is read for a card: its type, the text with names filled in, who answers, the
    challenge's time and the follow-up.

    >>> from deckgame.kinds import IntimacyType
    >>> from deckgame.ui.cards import CardView
    >>> view = CardView(IntimacyType.EMOTIONAL, "ask", "What made you laugh, Ana?",
    ...                 who="Ana answers", follow_up="And who was there")
    >>> card_words(view, "Emotional")
    'Emotional. What made you laugh, Ana? Ana answers. And who was there.'
    """
    parts = [_sentence(type_label), _sentence(view.text), _sentence(view.who)]
    if view.kind == "do" and view.seconds:
        seconds = view.seconds
        parts.append(
            _sentence(
                ngettext("A challenge of {n} second.", "A challenge of {n} seconds.", seconds)
            ).format(n=seconds)
        )
    if view.follow_up:
        parts.append(_sentence(view.follow_up))
    return " ".join(part for part in parts if part)


def card_language(card: Card, languages: Callable[[str], str]) -> str:
    """The language to read ``card`` in: its deck's (``languages`` of the deck's name), or
    the language of the script it is written in when that is clearly another."""
    return voices.text_language(card.text, languages(card.deck) or "en")


class Reader:
    """Reads one thing at a time; a new :meth:`say` cuts the last one off."""

    def __init__(
        self,
        voice: voices.Voice | None = None,
        *,
        find: Callable[[], voices.Voice | None] = voices.find_voice,
    ) -> None:
        self._voice = voice
        self._find: Callable[[], voices.Voice | None] | None = None if voice else find
        self._generation = 0
        self._pending = 0  # the generation being rendered, 0 when none
        self._results: SimpleQueue[tuple[int, bytes | None]] = SimpleQueue()
        self._sound: pygame.mixer.Sound | None = None  # kept alive while it plays
        self._channel: pygame.mixer.Channel | None = None
        self._paused = False
        self.problem = ""  # why the last reading did not sound, for the screen

    @property
    def voice(self) -> voices.Voice | None:
        if self._find is not None:
            self._voice, self._find = self._find(), None
        return self._voice

    def say(self, text: str, language: str) -> bool:
        """Start reading ``text``; ``False`` (and nothing else changes) without a voice."""
        voice = self.voice
        if voice is None:
            self.problem = voices.install_hint()
            return False
        self.stop()
        self._generation += 1
        self._pending = self._generation
        self.problem = ""
        args = (voice, self._generation, text, language)
        threading.Thread(target=self._render, args=args, daemon=True).start()
        return True

    def _render(self, voice: voices.Voice, generation: int, text: str, language: str) -> None:
        try:
            audio: bytes | None = voice.render(text, language)
        except voices.VoiceError:
            audio = None
        self._results.put((generation, audio))
        # Without an event queue (the display closed) update() finds the result anyway.
        with contextlib.suppress(pygame.error):
            pygame.event.post(pygame.event.Event(SPEECH_READY))

    def update(self) -> None:
        """Play what the worker has made, if it is still wanted (call every frame)."""
        while True:
            try:
                generation, audio = self._results.get_nowait()
            except Empty:
                return
            if generation != self._pending:
                continue  # cut off by a stop or a newer card while it was being made
            self._pending = 0
            if audio is None:
                self.problem = _("The voice could not read this card.")
            else:
                self._play(audio)

    def _play(self, audio: bytes) -> None:
        try:
            sound.ensure_mixer()
            self._sound = pygame.mixer.Sound(file=io.BytesIO(audio))
            self._channel = self._sound.play()
        except (pygame.error, ValueError, OSError):
            self.problem = _("There is no sound device to read aloud on.")
            return
        if self._paused and self._channel is not None:
            self._channel.pause()

    def busy(self) -> bool:
        """Whether something is being made or played."""
        playing = self._channel is not None and self._channel.get_busy()
        return bool(self._pending) or playing

    def stop(self) -> None:
        """Cut off whatever is being read (and what is still being made)."""
        self._pending = 0
        if self._channel is not None:
            self._channel.stop()
        self._channel = self._sound = None

    def pause(self) -> None:
        """Hold: keep the place, make no sound."""
        self._paused = True
        if self._channel is not None:
            self._channel.pause()

    def resume(self) -> None:
        self._paused = False
        if self._channel is not None:
            self._channel.unpause()

    @property
    def paused(self) -> bool:
        return self._paused

    def wait(self, timeout: float = 10.0) -> None:
        """Block until the audio is made (tests and scripts only; never in a frame)."""
        import time

        end = time.monotonic() + timeout
        while self._pending and time.monotonic() < end:
            self.update()
            time.sleep(0.01)


_reader: Reader | None = None


def reader() -> Reader:
    """The game's one reader (made on first use; finding a voice costs a PATH lookup)."""
    global _reader
    if _reader is None:
        _reader = Reader()
    return _reader


def use(new: Reader | None) -> Reader | None:
    """Replace the game's reader (tests); returns the old one."""
    global _reader
    old, _reader = _reader, new
    return old


def read_events(events: Iterable[pygame.event.Event]) -> None:
    """Let the reader play what is ready when a frame's events hold :data:`SPEECH_READY`."""
    if any(event.type == SPEECH_READY for event in events):
        reader().update()
