"""A seeded random driver of the real scenes, shared by ``test_ui_fuzz.py`` (short runs in
CI) and ``scripts/fuzz_ui.py`` (the long run on demand).

It starts at the title and sends what hands and windows send: keys (letters, digits,
Enter, Esc, Tab, arrows, F1, F11, Backspace... with random modifiers), text in any script
(joined emoji, zero-width and combining characters alone among them), clicks and taps at
random points and on the buttons of the scene on top, wheel turns, window resizes from
800x600 to 3840x2160, and time passing (0 to 10 s a step). Now and then it presses what
the scene on top invites (a button, a name typed into setup, the table's keys), so every
scene is reached: title, setup, the table in every phase, the deeper question, hold, the
Esc menu, settings, help, the summary, the starred list and the workshop.

After every step: no exception escaped, and when a table is open the engine's
invariants hold (``check_invariants`` of the property tests), every card dealt suits the
session's filters for the players present, a vetoed card is never dealt again, warmth
counts are never negative and given equals received, and a held game shows the hold
screen.

The same seed replays the same run: the App's clock for challenge timers is a virtual
one moved by the steps' ``dt``, the session seed is fixed, and the storage is a fresh
folder. A failure names the seed and the step; ``scripts/fuzz_ui.py --seed N --events E``
replays it.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import random
import sys
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

_HERE = Path(__file__).resolve().parent
for _path in (_HERE.parent, _HERE):  # tests/ (ui_helpers, the property tests) and here
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from test_engine_properties import check_invariants  # noqa: E402
from ui_helpers import make_app  # noqa: E402

from deckgame.engine import Game, Phase, in_piles  # noqa: E402
from deckgame.engine.events import Event  # noqa: E402
from deckgame.loader import Library, load_library  # noqa: E402
from deckgame.model import Card  # noqa: E402
from deckgame.ui.app import App  # noqa: E402
from deckgame.ui.context import Launch  # noqa: E402
from deckgame.ui.session import Session  # noqa: E402

# --- what hands send ------------------------------------------------------------------------

LETTERS = [getattr(pygame, f"K_{c}") for c in "abcdefghijklmnopqrstuvwxyz"]
DIGITS = [getattr(pygame, f"K_{n}") for n in range(10)]
KEYPAD = [getattr(pygame, f"K_KP{n}") for n in range(10)]
SPECIAL = [
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_TAB,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_F1,
    pygame.K_F11,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_PLUS,
    pygame.K_MINUS,
    pygame.K_EQUALS,
    pygame.K_KP_PLUS,
    pygame.K_KP_MINUS,
    pygame.K_LSHIFT,
    pygame.K_LCTRL,
    pygame.K_LALT,
    pygame.K_LGUI,
    pygame.K_CAPSLOCK,
    pygame.K_MENU,
    pygame.K_F4,
    pygame.K_INSERT,
]
KEYS = LETTERS + DIGITS + KEYPAD + SPECIAL
# Mostly plain presses; the rest with every modifier a keyboard gives.
MODS = [0] * 10 + [
    pygame.KMOD_LSHIFT,
    pygame.KMOD_RSHIFT,
    pygame.KMOD_LCTRL,
    pygame.KMOD_RCTRL,
    pygame.KMOD_LALT,
    pygame.KMOD_RALT,
    pygame.KMOD_LGUI,
    pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT,
    pygame.KMOD_LCTRL | pygame.KMOD_LALT,
    pygame.KMOD_CAPS,
    pygame.KMOD_NUM,
    pygame.KMOD_MODE,
]
_TYPED = {
    pygame.K_RETURN: "\r",
    pygame.K_KP_ENTER: "\r",
    pygame.K_SPACE: " ",
    pygame.K_TAB: "\t",
    pygame.K_BACKSPACE: "\b",
    pygame.K_ESCAPE: "\x1b",
    pygame.K_DELETE: "\x7f",
    pygame.K_PLUS: "+",
    pygame.K_MINUS: "-",
    pygame.K_EQUALS: "=",
}
TEXTS = [
    "Ana",
    "Zoë",
    "Chloé",
    "Ødegård",
    "عبد الرحمن",  # Arabic
    "نسرین\u200cدخت",  # Persian with a zero-width non-joiner
    "מרים",  # Hebrew
    "美咲",
    "日向",
    "김민준",
    "नमस्ते",  # Devanagari
    "क्षत्रिय",
    "Ελένη",
    "Лев",
    "👩\u200d🎤",  # emoji joined
    "👨\u200d👩\u200d👧\u200d👦",
    "🏳\ufe0f\u200d🌈",
    "❤\ufe0f",
    "🇺🇦",
    "\u200c",  # alone: zero-width non-joiner
    "\u200d",
    "\ufe0f",
    "\u034f",
    "\U000e0100",
    "\u0301",  # a combining accent alone
    "e\u0301\u0301\u0301",
    "\u202e",  # a right-to-left override
    "\u2800",
    "\u3164",
    " ",
    "  x  ",
    "\t",
    "x" * 40,
    "ﷺ",
    "𒐫",
    "a,b;c",
    "touch",
    "Past",
    "{player}",
    "%s %d {0}",
]


def _key_events(rng: random.Random, code: int | None = None, mod: int | None = None) -> list[Any]:
    code = rng.choice(KEYS) if code is None else code
    mod = rng.choice(MODS) if mod is None else mod
    text = _TYPED.get(code, "")
    if code in LETTERS or code in DIGITS:
        text = chr(code)
        if mod & pygame.KMOD_SHIFT:
            text = text.upper()
        if mod & pygame.KMOD_CTRL and code in LETTERS:
            text = chr(code - ord("a") + 1)  # what SDL gives with Ctrl: a control character
    elif code in KEYPAD:
        text = str(KEYPAD.index(code))
    events = [pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=text, scancode=0)]
    typing = text and text.isprintable() and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
    if typing and rng.random() < 0.8:  # SDL follows a typed key with its text
        events.append(pygame.event.Event(pygame.TEXTINPUT, text=text))
    if rng.random() < 0.5:
        events.append(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0))
    return events


def _text_events(rng: random.Random) -> list[Any]:
    text = rng.choice(TEXTS)
    if rng.random() < 0.2:
        return [
            pygame.event.Event(
                pygame.TEXTEDITING, text=text, start=rng.randint(0, 3), length=len(text)
            )
        ]
    if rng.random() < 0.5:
        return [pygame.event.Event(pygame.TEXTINPUT, text=text)]  # an input method's word
    return [pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text]


def _point(rng: random.Random, size: tuple[int, int]) -> tuple[int, int]:
    w, h = size
    if rng.random() < 0.1:
        return (rng.choice([0, w - 1]), rng.choice([0, h - 1]))  # the very edges
    return (rng.randrange(w), rng.randrange(h))


def _click(pos: tuple[int, int], button: int = 1, touch: bool = False) -> list[Any]:
    return [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=touch),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=touch),
    ]


def _tap(pos: tuple[float, float]) -> list[Any]:
    pos = (min(1.0, max(0.0, pos[0])), min(1.0, max(0.0, pos[1])))  # SDL gives 0..1
    fields: dict[str, Any] = {"touch_id": 1, "finger_id": 1, "dx": 0.0, "dy": 0.0}
    fields["pressure"] = 1.0
    return [
        pygame.event.Event(pygame.FINGERDOWN, x=pos[0], y=pos[1], **fields),
        pygame.event.Event(pygame.FINGERUP, x=pos[0], y=pos[1], **fields),
    ]


def _random_size(rng: random.Random) -> tuple[int, int]:
    """Any size from 800x600 to 3840x2160; laptop and TV sizes most often (a 4K frame
    costs ten times a small one to draw, and the run's events are better spent on input)."""
    roll = rng.random()
    if roll < 0.3:
        return rng.choice([(800, 600), (3840, 2160), (1280, 720), (1920, 1080), (800, 2160)])
    if roll < 0.8:
        return (rng.randint(800, 1920), rng.randint(600, 1080))
    return (rng.randint(800, 3840), rng.randint(600, 2160))


# --- where a run starts ---------------------------------------------------------------------

STARTS: tuple[str, ...] = (
    "title",
    "table",
    "offer",
    "after",
    "timer",
    "deeper",
    "dry",
    "waiting",
    "held",
    "menu",
    "help",
    "settings",
    "summary",
    "starred",
    "workshop",
    "continue",
)
"""Each a scene (the table in a phase) the fuzzer walks to before the random steps: a run
started anywhere reaches everything in time, these make sure CI sees each at once."""

_NAMES = [
    "Ana",
    "Zoë",
    "عبد الرحمن",
    "نسرین\u200cدخت",
    "מרים",
    "美咲",
    "नमस्ते",
    "Ελένη",
    "👩\u200d🎤",
    "x" * 24,
    "Ødegård",
    "김민준",
]


# --- the run --------------------------------------------------------------------------------


class FuzzFailure(AssertionError):
    """An exception or a broken invariant, with what it takes to see it again.

    ``signature``: the exception and the innermost frame of the game's code that raised
    it (the same bug reached by other steps has the same signature).
    """

    def __init__(self, message: str, signature: str, step: int) -> None:
        super().__init__(message)
        self.signature = signature
        self.step = step

    def detach(self) -> FuzzFailure:
        """Let go of the traceback and the exception behind it (the message keeps what
        they said): kept, they would keep the crashed window and its caches alive."""
        self.__traceback__ = self.__cause__ = self.__context__ = None
        return self


def signature_of(error: BaseException) -> str:
    """``Type: message @ deckgame/path.py:function`` for the innermost frame of the game."""
    where = "?"
    for frame in traceback.extract_tb(error.__traceback__):
        if "/deckgame/" in frame.filename:
            where = f"{frame.filename.split('/deckgame/')[-1]}:{frame.name}"
    if isinstance(error, AssertionError) and where == "?":
        where = "invariant"
    message = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {message} @ {where}"


@dataclass
class Tracked:
    """What the fuzzer follows of one session: the cards vetoed in it, and every deal."""

    session: Session
    pool: dict[str, Card]
    vetoed: set[str] = field(default_factory=set)
    anyone_away: bool = False
    problems: list[str] = field(default_factory=list)

    def on_events(self, events: list[Event]) -> None:
        """The session's listener (a bound method: sessions hold listeners weakly)."""
        game = self.session.game
        settings = game.settings
        present = len(game.present)
        for event in events:
            card_id = event.card
            if event.event == "away":
                self.anyone_away = True
            if event.event == "veto" and card_id is not None:
                self.vetoed.add(card_id)
            if event.event == "deal" and card_id is not None:
                card = self.pool.get(card_id)
                if card is None:
                    self.problems.append(f"dealt {card_id}, a card not loaded")
                    continue
                if card_id in self.vetoed:
                    self.problems.append(f"dealt {card_id} again after an X-card")
                if not in_piles(card, settings) or not card.suits(
                    settings.audience, present, settings.excluded
                ):
                    self.problems.append(f"dealt {card_id}, which the session's filters exclude")


@dataclass
class Report:
    seed: int
    steps: int = 0
    events: int = 0
    restarts: int = 0
    failures: list[FuzzFailure] = field(default_factory=list)
    scenes: Counter[str] = field(default_factory=Counter)
    phases: Counter[str] = field(default_factory=Counter)
    slowest: list[tuple[float, int, str]] = field(default_factory=list)  # (seconds, step, what)


_BUILTIN: Library | None = None


def small_library(per_pile: int, challenge: bool) -> Library:
    from ui_helpers import library

    return library(per_pile=per_pile, challenge=challenge)


def builtin_library() -> Library:
    """The built-in decks (real cards: long texts, follow-ups, timers, tags), loaded once."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = load_library([], builtin=True, user=False)
    return _BUILTIN


class UiFuzzer:
    """One seeded run over one App (restarted at the title when it quits)."""

    def __init__(
        self,
        seed: int,
        home: Path,
        *,
        library: Library | None = None,
        start: str | None = None,
        keep_slowest: int = 5,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.home = home
        if library is None:
            # Mostly the real decks; now and then a small one that runs dry (all timed,
            # or with a line's tag), whose files do not exist (the workshop copes).
            roll = self.rng.random()
            if roll < 0.75:
                library = builtin_library()
            else:
                library = small_library(per_pile=1 + self.rng.randrange(3), challenge=roll > 0.9)
        self.library = library
        self.pool: dict[str, Card] = {c.id: c for c in self.library.cards}
        self.now = 10_000.0  # the virtual clock the tables' timers read
        self.report = Report(seed)
        self.keep_slowest = keep_slowest
        self.recent: deque[str] = deque(maxlen=12)
        self.log = log
        self.tracked: Tracked | None = None
        self.app = self._new_app()
        # Walked to in the first step; by default each seed has its own (CI covers all).
        self.pending_start: str | None = STARTS[seed % len(STARTS)] if start is None else start

    # The App ----------------------------------------------------------------------------
    def _new_app(self) -> App:
        size = _random_size(self.rng) if self.rng.random() < 0.5 else (1280, 720)
        app = make_app(self.home, lib=self.library, launch=Launch(seed=self.seed), size=size)
        # Follow each session from the moment the window takes it on, before any action.
        adopt = app.ctx.adopt

        def adopt_and_follow(session: Session) -> None:
            adopt(session)
            self._follow(session)

        app.ctx.adopt = adopt_and_follow  # type: ignore[method-assign]
        return app

    def _restart(self) -> None:
        """The app quit (Quit, Esc at the title): a new evening at the title."""
        from deckgame.ui.scenes.title import TitleScene

        self.report.restarts += 1
        self.app.running = True
        # As a new window would: laid out for its size (the events after the quit in the
        # same frame, a resize among them, were never handled).
        self.app.look.resized(self.app.size, self.app.settings.text_scale)
        self.app.reset(TitleScene(self.app))
        self.app.step()
        if self.rng.random() < 0.5:
            self.enter(self.rng.choice(STARTS))

    def clock(self) -> float:
        return self.now

    def enter(self, start: str) -> None:
        """Walk from the title to ``start`` (see :data:`STARTS`) the way a player would:
        keys and buttons. Scenes that need a game start one with random settings."""
        from deckgame.ui.scenes.title import TitleScene

        app = self.app
        if not isinstance(app.top, TitleScene):
            return  # only from the title
        press = self._press
        if start == "title":
            return
        if start in ("workshop", "settings", "continue"):
            if start == "continue":
                self._start_table()
                press(pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_l)  # a card done, leave
            press({"workshop": pygame.K_d, "settings": pygame.K_g, "continue": pygame.K_c}[start])
            return
        if start == "help":
            press(pygame.K_F1)
            return
        if start == "starred":
            self._start_table()
            press(pygame.K_f, pygame.K_e, pygame.K_ESCAPE)  # star, end, to the title
            press(pygame.K_s)
            return
        self._start_table(
            offered=2 if start == "offer" else None,
            unlock=1 if start == "deeper" else 10 if start == "dry" else None,
            timed=start == "timer",
        )
        if start == "after":
            press(pygame.K_RETURN)
        elif start == "timer":
            press(pygame.K_t)
        elif start == "held":
            press(pygame.K_h)
        elif start == "menu":
            press(pygame.K_ESCAPE)
        elif start == "summary":
            press(pygame.K_e)
        elif start == "waiting":
            game = self._game()
            if game is not None:
                for seat in range(2, len(game.players) + 1):
                    press(pygame.K_a, getattr(pygame, f"K_{seat}"))
        elif start in ("deeper", "dry"):
            for _ in range(400):  # everyone does every card, until the question or dry
                game = self._game()
                if game is None or game.phase in (Phase.DEEPER, Phase.DRY, Phase.ENDED):
                    break
                press(pygame.K_1 if game.phase is Phase.OFFER else pygame.K_RETURN)

    def _press(self, *codes: int) -> None:
        for code in codes:
            self.app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="")])
            if not self.app.running or not self.app.stack:
                return

    def _game(self) -> Game | None:
        session = self._table_session()
        return None if session is None else session.game

    def _start_table(
        self, *, offered: int | None = None, unlock: int | None = None, timed: bool = False
    ) -> None:
        """A game as setup would start it, with random players and options."""
        from deckgame.engine import Settings
        from deckgame.model import Audience, IntimacyType
        from deckgame.ui import flow

        rng = self.rng
        names = rng.sample(_NAMES, rng.randint(2, 8))
        types = frozenset(IntimacyType)
        if timed:
            # The types whose cards include challenges with a timer.
            types = frozenset(c.type for c in self.library.cards if c.seconds) or types
        elif rng.random() < 0.3:
            types = frozenset(rng.sample(list(IntimacyType), rng.randint(1, 5)))
        tags = sorted({t for c in self.library.cards for t in c.tags})
        settings = Settings(
            players=tuple(names),
            audience=rng.choice(list(Audience)) if rng.random() < 0.4 else Audience.FRIENDS,
            types=types,
            excluded=frozenset(rng.sample(tags, min(len(tags), rng.randint(0, 2)))),
            unlock_rounds=unlock if unlock is not None else rng.choice([1, 1, 2, 3]),
            offered=offered if offered is not None else rng.choice([1, 1, 2]),
        )
        flow.start_game(self.app, settings)
        self.app.step()

    # One step ----------------------------------------------------------------------------
    def _events(self) -> tuple[list[Any], str]:
        """The events of one step (one to five gestures: what a frame gathers while hands
        are busy) and a short description for the report."""
        roll = self.rng.random()
        count = 1 if roll < 0.5 else 2 if roll < 0.75 else self.rng.randint(3, 5)
        events: list[Any] = []
        whats = []
        for _ in range(count):
            more, what = self._gesture()
            events += more
            whats.append(what)
        return events, "+".join(whats)

    def _gesture(self) -> tuple[list[Any], str]:
        """The events of one gesture and its name."""
        rng = self.rng
        app = self.app
        roll = rng.random()
        if roll < 0.30:
            events = self._invited()
            what = "invited"
        elif roll < 0.62:
            events = _key_events(rng)
            what = "key"
        elif roll < 0.72:
            events = _text_events(rng)
            what = "text"
        elif roll < 0.82:
            events = _click(_point(rng, app.size), rng.choice([1, 1, 1, 1, 2, 3, 4, 5]))
            what = "click"
        elif roll < 0.88:
            events = _tap((rng.random(), rng.random()))
            what = "tap"
        elif roll < 0.92:
            events = [
                pygame.event.Event(
                    pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 3]), flipped=False
                )
            ]
            what = "wheel"
        elif roll < 0.95:
            size = _random_size(rng)
            if not app.settings.fullscreen:
                app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
            kind = rng.choice([pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED])
            events = [
                pygame.event.Event(kind, size=size, w=size[0], h=size[1], x=size[0], y=size[1])
            ]
            what = f"resize {size[0]}x{size[1]}"
        elif roll < 0.97:
            events = [
                pygame.event.Event(
                    rng.choice(
                        [
                            pygame.WINDOWFOCUSLOST,
                            pygame.WINDOWFOCUSGAINED,
                            pygame.WINDOWMINIMIZED,
                            pygame.WINDOWRESTORED,
                            pygame.WINDOWEXPOSED,
                            pygame.WINDOWLEAVE,
                        ]
                    )
                )
            ]
            what = "window"
        else:
            # A burst: what a player mashing keys sends in one frame.
            events = [e for _ in range(rng.randint(2, 6)) for e in _key_events(rng)]
            what = "burst"
        return events, what

    def _invited(self) -> list[Any]:
        """What the scene on top invites: one of its buttons, or its own keys."""
        from deckgame.ui.scenes.setup import SetupScene
        from deckgame.ui.scenes.table import TableScene

        rng = self.rng
        top = self.app.top
        if isinstance(top, SetupScene) and rng.random() < 0.5:
            # Names, then Enter to the next field, Ctrl+Enter onwards.
            choice = rng.random()
            if choice < 0.45:
                name = pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TEXTS[:19]))
                return [name, *_key_events(rng, pygame.K_RETURN, 0)]
            if choice < 0.8:
                return _key_events(rng, pygame.K_RETURN, pygame.KMOD_LCTRL)
        if isinstance(top, TableScene) and rng.random() < 0.5:
            code = rng.choice(
                [pygame.K_RETURN] * 16
                + [getattr(pygame, f"K_{c}") for c in "psxwt12ynbfuoahe"]
                + [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_ESCAPE]
            )
            return _key_events(rng, code, 0)
        widgets = [w for w in top.focusables() if w.rect.width > 0] if top is not None else []
        if widgets and rng.random() < 0.85:
            widget = rng.choice(widgets)
            rect = widget.rect
            pos = (rng.randint(rect.left, rect.right - 1), rng.randint(rect.top, rect.bottom - 1))
            if rng.random() < 0.3:
                w, h = self.app.size
                return _tap((pos[0] / w, pos[1] / h))
            return _click(pos)
        return _key_events(rng, rng.choice([pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_TAB]), 0)

    def _dt(self) -> float:
        roll = self.rng.random()
        if roll < 0.4:
            return 0.0
        if roll < 0.75:
            return 1 / 60
        if roll < 0.93:
            return self.rng.random()
        return self.rng.uniform(1.0, 10.0)

    def step(self) -> None:
        """One step: a few events after a little time; raises :class:`FuzzFailure`."""
        events, what = self._events()
        dt = self._dt()
        self.now += dt
        self._set_clocks()
        number = self.report.steps
        self.recent.append(f"step {number}: dt={dt:.3f} {what}: {_describe(events)}")
        spent = 0.0
        try:
            if self.pending_start is not None:
                start, self.pending_start = self.pending_start, None
                self.recent.append(f"walked to {start!r}")
                self.enter(start)
            scene = type(self.app.top).__name__
            started = time.perf_counter()
            self.app.step(events, dt=dt)  # timed: the game's frame, not the fuzzer's walks
            spent = time.perf_counter() - started
            if not self.app.running or not self.app.stack:
                self._restart()
            self._set_clocks()
            self._check()
        except Exception as error:
            self.report.steps += 1
            self.report.events += len(events)
            raise FuzzFailure(self._failure(error), signature_of(error), number) from error
        self.report.steps += 1
        self.report.events += len(events)
        top = self.app.top
        self.report.scenes[type(top).__name__] += 1
        slowest = self.report.slowest
        if len(slowest) < self.keep_slowest or spent > slowest[-1][0]:
            where = scene if scene == type(top).__name__ else f"{scene} -> {type(top).__name__}"
            slowest.append((spent, number, f"{what} in {where} at {self.app.size}"))
            slowest.sort(reverse=True)
            del slowest[self.keep_slowest :]

    def _set_clocks(self) -> None:
        from deckgame.ui.scenes.table import TableScene

        for scene in self.app.stack:
            if isinstance(scene, TableScene) and scene.clock != self.clock:
                scene.clock = self.clock

    def _failure(self, error: BaseException) -> str:
        trace = "".join(traceback.format_exception(error))
        recent = "\n  ".join(self.recent)
        return (
            f"UI fuzz failure, seed {self.seed} at step {self.report.steps - 1}"
            f" (replay: python scripts/fuzz_ui.py --seed {self.seed}"
            f" --steps {self.report.steps}):\n{trace}\nthe last steps:\n  {recent}"
        )

    # Checks ------------------------------------------------------------------------------
    def _table_session(self) -> Session | None:
        from deckgame.ui.scenes.table import TableScene

        for scene in reversed(self.app.stack):
            if isinstance(scene, TableScene):
                return scene.session
        return None

    def _follow(self, session: Session) -> Tracked:
        tracked = self.tracked
        if tracked is not None and tracked.session is session:
            return tracked
        before = tracked
        library = self.app.ctx.library  # read again after the workshop reloaded decks
        if library is not self.library:
            self.library = library
            self.pool = {c.id: c for c in library.cards}
        tracked = Tracked(session, self.pool)
        if not session.game.opening_events:
            # Continued from the autosave: that of the session played last.
            tracked.anyone_away = True  # its history is not known here
            if before is not None:
                tracked.vetoed = set(before.vetoed)
        session.subscribe(tracked.on_events)
        self.tracked = tracked
        return tracked

    def _check(self) -> None:
        session = self._table_session()
        if session is None:
            return
        tracked = self._follow(session)
        if tracked.problems:
            raise AssertionError("; ".join(tracked.problems))
        game: Game = session.game
        state = game.state
        self.report.phases[state.phase.value + (" held" if state.held else "")] += 1
        check_invariants(game, tracked.pool, anyone_went_away=tracked.anyone_away)
        assert all(count >= 0 for count in [*state.warmth_given, *state.warmth_received])
        assert sum(state.warmth_given) == sum(state.warmth_received)
        if state.phase is not Phase.WAITING and state.phase is not Phase.ENDED:
            assert len(game.present) >= 2
        for card_id in [*state.offered, *([state.card] if state.card else [])]:
            assert in_piles(tracked.pool[card_id], game.settings), card_id
        if game.held:
            from deckgame.ui.scenes.hold import HoldScene

            # The card hides behind the hold screen whichever scene is on top of it.
            assert any(isinstance(s, HoldScene) for s in self.app.stack), [
                type(s).__name__ for s in self.app.stack
            ]

    # Runs --------------------------------------------------------------------------------
    def run(self, events: int, *, keep_going: bool = False) -> Report:
        """Steps until ``events`` events were sent. The first failure raises, or with
        ``keep_going`` is recorded in the report and the evening starts again in a new
        window (the same storage: Continue may pick the session up)."""
        while self.report.events < events:
            try:
                self.step()
            except FuzzFailure as failure:
                if not keep_going:
                    raise
                self.report.failures.append(failure.detach())
                if self.log is not None:
                    self.log(str(failure))
                self.tracked = None
                self.app = self._new_app()
        return self.report


def _describe(events: list[Any]) -> str:
    parts = []
    for event in events:
        name = pygame.event.event_name(event.type)
        info = {
            k: v
            for k, v in event.__dict__.items()
            if k in ("key", "mod", "text", "pos", "x", "y", "button", "size")
        }
        if "key" in info:
            info["key"] = pygame.key.name(info["key"]) or info["key"]
        if "text" in info:
            info["text"] = ascii(info["text"])
        parts.append(f"{name}{info}")
    return ", ".join(parts)
