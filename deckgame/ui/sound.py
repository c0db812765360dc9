"""The game's chime: a soft sound when a challenge's time is up (off in Settings); cards
read aloud play through the same mixer (:mod:`deckgame.ui.speech`).

Made here, not loaded: two sine tones with a gentle fade, built once. Where there is no
audio device the chime is silently skipped; play never waits for sound.
"""

from __future__ import annotations

import math
from array import array

import pygame

RATE = 22050
CHIME_SECONDS = 0.9
_TONES = (659.25, 987.77)  # E5 and B5: a fifth, soft and unalarming
_VOLUME = 0.25

_chime: pygame.mixer.Sound | None = None
_failed = False


def chime_samples(rate: int = RATE) -> array[int]:
    """The chime as signed 16-bit mono samples (pure data, tested without a device)."""
    count = round(rate * CHIME_SECONDS)
    out = array("h", bytes(2 * count))
    for i in range(count):
        t = i / rate
        attack = min(1.0, t / 0.02)
        decay = math.exp(-4.0 * t)
        value = sum(math.sin(2 * math.pi * f * t) for f in _TONES) / len(_TONES)
        out[i] = round(32767 * _VOLUME * attack * decay * value)
    return out


def ensure_mixer() -> tuple[int, int, int]:
    """The mixer's (frequency, size, channels), opening it first if need be; raises
    ``pygame.error`` where there is no audio device."""
    if pygame.mixer.get_init() is None:
        pygame.mixer.init(frequency=RATE, size=-16, channels=1)
    return pygame.mixer.get_init() or (RATE, -16, 1)


def _sound() -> pygame.mixer.Sound | None:
    global _chime, _failed
    if _chime is not None or _failed:
        return _chime
    try:
        freq, _size, channels = ensure_mixer()
        samples = chime_samples(freq)
        if channels > 1:  # the device opened in stereo: the same sample on each channel
            samples = array("h", (s for s in samples for _ in range(channels)))
        _chime = pygame.mixer.Sound(buffer=samples.tobytes())
    except (pygame.error, ValueError, OSError):
        _failed = True  # no audio device: the visible cue is enough
    return _chime


def chime() -> bool:
    """Play the chime now (never blocks); False when there is no sound to play."""
    sound = _sound()
    if sound is None:
        return False
    sound.play()
    return True
