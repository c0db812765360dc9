"""Cards read aloud (GAME.md "Read aloud"), driven as players use it: R at the table and at
the go-deeper question, the "every card" setting, Hold, a second R, no voice at all; the real
espeak-ng renders audible speech of about the right length, and with SDL's disk audio driver
R makes sound reach the mixer.
"""

from __future__ import annotations

import dataclasses
import io
import math
import os
import shutil
import subprocess
import sys
import textwrap
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from ui_helpers import key, library, make_app, start_table

from deckgame import voices
from deckgame.ui import speech
from deckgame.ui.app import App
from deckgame.ui.scenes.deeper import DeeperScene
from deckgame.ui.scenes.hold import HoldScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.settings import UiSettings

THREE = ("Ana", "Ben", "Cy")
ESPEAK = shutil.which("espeak-ng")


def _tone(seconds: float = 0.4, rate: int = 22050) -> bytes:
    """A short WAV of a soft tone: what a fake voice gives back."""
    samples = array("h", (round(8000 * math.sin(i / 8)) for i in range(int(seconds * rate))))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return out.getvalue()


class FakeVoice:
    """Remembers what it was asked to say, and in which language."""

    name = "fake"

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def render(self, text: str, language: str) -> bytes:
        self.said.append((text, language))
        return _tone()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def fake() -> Iterator[FakeVoice]:
    voice = FakeVoice()
    old = speech.use(speech.Reader(voice))
    yield voice
    speech.reader().stop()
    speech.use(old)


def start(app: App, **options: object) -> TableScene:
    return start_table(app, THREE, **options)


def top(app: App) -> object:
    return app.top


def press(app: App, *keys: int) -> None:
    app.step([key(k) for k in keys])


def settle(app: App) -> None:
    """Frames until the reader has played what it was asked (the worker is a thread)."""
    speech.reader().wait()
    app.step()


def test_r_reads_the_card_with_names_filled_in_and_who_answers(home: Path, fake: FakeVoice) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_r)
    settle(app)
    assert len(fake.said) == 1
    words, language = fake.said[0]
    card = table.session.game.current_card
    assert card is not None
    view = table.view(card)
    assert view.text in words and "{player}" not in words and "{other}" not in words
    assert view.who in words  # "Ana answers"
    assert table.look.theme.type_style(card.type).label in words
    assert language == "en"
    assert speech.reader().busy()  # the mixer is playing it
    press(app, pygame.K_r)  # again: stop
    assert not speech.reader().busy()
    assert len(fake.said) == 1


def test_every_card_setting_reads_each_dealt_card_for_a_group(home: Path, fake: FakeVoice) -> None:
    app = make_app(home, settings=UiSettings(read_aloud="all"))
    table = start(app)
    settle(app)
    first = table.session.game.current_card
    assert first is not None and len(fake.said) == 1
    for _ in range(3):  # done, next: three players' turns
        press(app, pygame.K_RETURN, pygame.K_RETURN)
        settle(app)
    assert len(fake.said) == 4
    seen = [table.view(c).text for c in [first]]
    assert seen[0] in fake.said[0][0]
    now = table.session.game.current_card
    assert now is not None and table.view(now).text in fake.said[-1][0]
    press(app, pygame.K_x)  # an X-card brings a fresh card: it is read too
    settle(app)
    assert len(fake.said) == 5


def test_only_on_r_by_default_and_never_when_off(home: Path, fake: FakeVoice) -> None:
    app = make_app(home)
    start(app)
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    settle(app)
    assert fake.said == []  # the default reads only on R
    app = make_app(home, settings=UiSettings(read_aloud="off"))
    table = start(app)
    press(app, pygame.K_r)
    settle(app)
    assert fake.said == []
    assert "off" in table.toast.lower()


def test_hold_pauses_the_reading_and_resuming_goes_on(home: Path, fake: FakeVoice) -> None:
    app = make_app(home)
    table = start(app)
    press(app, pygame.K_r)
    settle(app)
    press(app, pygame.K_h)
    assert isinstance(top(app), HoldScene)
    assert speech.reader().paused
    press(app, pygame.K_SPACE)
    assert top(app) is table
    assert not speech.reader().paused
    assert speech.reader().busy()


def test_the_go_deeper_question_is_read_on_r_and_with_every_card(
    home: Path, fake: FakeVoice
) -> None:
    app = make_app(home, settings=UiSettings(read_aloud="all"))
    start(app, unlock_rounds=1)
    for _ in THREE:
        press(app, pygame.K_RETURN, pygame.K_RETURN)
        settle(app)
    assert isinstance(app.top, DeeperScene)
    settle(app)
    question = fake.said[-1][0]
    assert "Go deeper" in question and "Ana" in question  # the question and who answers now
    press(app, pygame.K_r)  # still reading: R stops it
    assert not speech.reader().busy()
    press(app, pygame.K_r)  # and again reads it
    settle(app)
    assert fake.said[-1][0] == question


def test_a_spanish_deck_is_read_in_spanish_and_arabic_text_in_arabic(
    home: Path, fake: FakeVoice
) -> None:
    lib = library(broken=False)
    app = make_app(home, lib=lib)
    table = start(app)
    card = table.session.game.current_card
    assert card is not None
    assert speech.card_language(card, lambda deck: "es" if deck == card.deck else "") == "es"
    arabic = dataclasses.replace(card, text="ما الذي يضحكك يا {player}؟")
    assert speech.card_language(arabic, lambda deck: "en") == "ar"


def test_without_a_voice_the_table_says_what_to_install_and_play_goes_on(home: Path) -> None:
    old = speech.use(speech.Reader(find=lambda: None))
    try:
        app = make_app(home)
        table = start(app)
        card = table.session.game.current_card
        turn = table.session.game.state.turn
        press(app, pygame.K_r)
        assert "espeak-ng" in table.toast
        assert not speech.reader().busy()
        press(app, pygame.K_RETURN, pygame.K_RETURN)  # done, next turn: nothing else changed
        assert table.session.game.current_card != card
        assert table.session.game.state.turn == turn + 1
    finally:
        speech.use(old)


def test_find_voice_follows_the_platform_and_the_environment() -> None:
    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if name in {"espeak-ng", "say", "powershell"} else None

    assert isinstance(voices.find_voice(platform="linux", env={}, which=which), voices.EspeakVoice)
    assert isinstance(voices.find_voice(platform="darwin", env={}, which=which), voices.SayVoice)
    assert isinstance(voices.find_voice(platform="win32", env={}, which=which), voices.SapiVoice)
    assert voices.find_voice(platform="linux", env={"DECKGAME_VOICE": "none"}, which=which) is None
    assert voices.find_voice(platform="linux", env={}, which=lambda _: None) is None
    assert "apt" in voices.install_hint("linux")


def test_a_broken_voice_is_a_message_not_a_crash(home: Path) -> None:
    class Broken:
        name = "broken"

        def render(self, text: str, language: str) -> bytes:
            raise voices.VoiceError("it hung")

    old = speech.use(speech.Reader(Broken()))
    try:
        app = make_app(home)
        start(app)
        press(app, pygame.K_r)
        settle(app)
        assert speech.reader().problem
        assert not speech.reader().busy()
    finally:
        speech.use(old)


def _rms(wav: bytes) -> tuple[float, float]:
    """(seconds, RMS of the samples) of 16-bit mono WAV bytes."""
    with wave.open(io.BytesIO(wav)) as reader:
        frames = reader.readframes(reader.getnframes())
        seconds = reader.getnframes() / reader.getframerate()
    samples = array("h", frames)
    return seconds, math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
def test_espeak_ng_renders_a_card_audible_and_about_the_right_length() -> None:
    assert ESPEAK is not None
    voice = voices.EspeakVoice(ESPEAK)
    text = "Tell Ben about a small joy from this week, Ana. Ana answers."
    seconds, rms = _rms(voice.render(text, "en"))
    words = len(text.split())
    expected = words / voices.WORDS_PER_MINUTE * 60
    assert rms > 500  # speech, not silence
    assert expected * 0.5 < seconds < expected * 2.0
    short, _ = _rms(voice.render("Hola.", "es"))
    assert short < seconds / 3  # length follows the text
    with pytest.raises(voices.VoiceError):
        voices.EspeakVoice("/nonexistent/espeak-ng").render("Hi", "en")


_DISK_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    import pygame
    from ui_helpers import key, make_app
    from pathlib import Path
    from deckgame.engine import Settings
    from deckgame.ui import flow, speech
    app = make_app(Path({home!r}))
    flow.start_game(app, Settings(players=("Ana", "Ben", "Cy")))
    app.step()
    if {press}:
        app.step([key(pygame.K_r)])
        speech.reader().wait(20)
    end = time.monotonic() + 2.5
    while time.monotonic() < end:
        app.step(dt=0.05)
        time.sleep(0.05)
    pygame.mixer.quit()
    """
)


def _disk_audio(tmp_path: Path, press: bool) -> bytes:
    out = tmp_path / f"audio-{press}.raw"
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "disk",
        "SDL_DISKAUDIOFILE": str(out),
        "DECKGAME_HOME": str(tmp_path / f"home-{press}"),
    }
    env.pop("DECKGAME_VOICE", None)
    script = _DISK_SCRIPT.format(
        tests=str(Path(__file__).parent), home=str(tmp_path / f"home-{press}"), press=press
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=120)
    return out.read_bytes() if out.exists() else b""


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
def test_r_makes_sound_reach_the_mixer_on_the_disk_audio_driver(tmp_path: Path) -> None:
    spoken = _disk_audio(tmp_path, press=True)
    quiet = _disk_audio(tmp_path, press=False)
    assert len(spoken) > 0
    loud = array("h", spoken[: len(spoken) // 2 * 2])
    assert max(abs(s) for s in loud) > 1000  # speech reached the device
    still = array("h", quiet[: len(quiet) // 2 * 2])
    assert max((abs(s) for s in still), default=0) == 0  # and without R, silence
