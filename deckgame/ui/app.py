"""The window, the event-driven loop and the scene stack.

When nothing moves the loop sleeps in ``pygame.event.wait`` (an idle table costs ~0 % CPU);
while a card slides in it runs at up to 60 fps. Layout follows the window size, so resizing,
F11 and ``--windowed WxH`` all just trigger a new layout.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pygame

from deckgame.ui import a11y, window
from deckgame.ui.a11y import A11Y_ACTION, Accessibility
from deckgame.ui.context import Context
from deckgame.ui.input.controller import Controllers, PadInput
from deckgame.ui.input.device import Device, use_device
from deckgame.ui.look import Look
from deckgame.ui.settings import UiSettings
from deckgame.ui.text import TextBook
from deckgame.ui.theme import metrics_for, theme_named

if TYPE_CHECKING:
    from deckgame.ui.scenes.base import Scene

DEFAULT_SIZE = window.DEFAULT_SIZE
FPS = 60
IDLE_NAP = 0.03  # seconds between event checks when nothing moves
# After this long without input the table is being talked over, not played: check half as
# often (a key press then shows within 60 ms, still quicker than a person notices).
IDLE_LONG_AFTER = 5.0
IDLE_LONG_NAP = 0.06
TITLE = window.TITLE


class App:
    """Owns the window and the scene stack; scenes reach shared things through it."""

    def __init__(
        self,
        *,
        size: tuple[int, int] = DEFAULT_SIZE,
        settings: UiSettings | None = None,
        fullscreen: bool | None = None,
        save_settings: Callable[[UiSettings], None] | None = None,
        ctx: Context | None = None,
    ) -> None:
        self.ctx = ctx if ctx is not None else Context()
        self.settings = settings if settings is not None else UiSettings()
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        self._save_settings = save_settings
        self.windowed_size = window.windowed_size(size)
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(TITLE)
        pygame.display.set_icon(_window_icon())
        self.screen = self._open_window()
        # A screen reader's view of the game; nothing at all without a bus or AccessKit.
        self.a11y = Accessibility()
        self.a11y.start()
        # Motion events would wake the idle loop for nothing: nothing in the game hovers.
        pygame.event.set_blocked([pygame.MOUSEMOTION, pygame.FINGERMOTION])
        self.text = TextBook()
        self.look = Look(
            theme=theme_named(self.settings.theme),
            metrics=metrics_for(self.size, self.settings.text_scale, self.settings.distance_scale),
            text=self.text,
            reduce_motion=self.settings.reduce_motion,
        )
        m = self.look.metrics
        # Open the fonts the first frame uses now, not halfway through drawing it.
        self.text.preload([m.body, m.small, m.heading, m.button_text, m.key_hint])
        self.stack: list[Scene] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.frames = 0
        self.exit_code = 0
        self.on_quit: list[Callable[[], None]] = []
        self.idle_mode = "nap"  # or "wait": block in pygame.event.wait (see _wait)
        self._last_input = time.monotonic()
        # Game controllers: opened when the loop starts (run), or by the first device event.
        self.pads = Controllers()
        use_device("keys")  # a new window shows the keyboard's hints

    # Window ------------------------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def _open_window(self) -> pygame.Surface:
        # The window deckgame play showed first (ui.main) is taken over, not opened again.
        return window.open_window(self.windowed_size, self.settings.fullscreen)

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.screen = self._open_window()
        self.save_settings()
        self.relayout()

    def apply_settings(self) -> None:
        """Theme, text size or motion changed: rebuild the look and every layout."""
        self.look.theme = theme_named(self.settings.theme)
        self.look.reduce_motion = self.settings.reduce_motion
        self.save_settings()
        self.relayout()

    def save_settings(self) -> None:
        if self._save_settings is not None:
            self._save_settings(self.settings)

    def relayout(self) -> None:
        self.look.resized(self.size, self.settings.text_scale, self.settings.distance_scale)
        for scene in self.stack:
            scene.layout()

    # Scene stack -------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        scene.on_enter()

    def pop(self) -> Scene | None:
        scene = self.stack.pop() if self.stack else None
        if self.top is not None:
            self.top.on_enter()
        else:
            self.running = False
        return scene

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Clear the stack down to ``scene`` (back to the title, a new game)."""
        self.stack.clear()
        self.push(scene)

    def quit(self, code: int = 0) -> None:
        self.exit_code = code
        self.running = False

    # Loop --------------------------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        """Window-wide keys first (quit, resize, F11, F1), then the top scene."""
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.settings.fullscreen:
                self.windowed_size = self.size
            self.relayout()
            return
        if event.type == A11Y_ACTION:  # a screen reader pressed or focused a widget
            if self.top is not None:
                a11y.handle(self.top, event)
            return
        if event.type in (pygame.WINDOWFOCUSGAINED, pygame.WINDOWFOCUSLOST):
            self.a11y.window_focused(event.type == pygame.WINDOWFOCUSGAINED)
        if self.pads.handles(event):
            self.pad_inputs(self.pads.handle(event))
            return
        if event.type == pygame.KEYDOWN and not getattr(event, "pad", False):
            self.used("keys")
        # A scene that takes every key (the hold screen) sees F11 and F1 too: the press that
        # resumes must do nothing else.
        if event.type == pygame.KEYDOWN and not getattr(self.top, "takes_every_key", False):
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F1:
                from deckgame.ui.scenes.help import HelpScene

                if isinstance(self.top, HelpScene):
                    self.pop()
                else:
                    self.push(HelpScene(self))
                return
        if self.top is not None:
            self.top.handle_event(event)

    def pad_inputs(self, inputs: Iterable[PadInput]) -> None:
        """A controller's presses and stick pushes, to the scene on top."""
        for pad in inputs:
            self.used("pad")
            if self.top is None or not self.running:
                return
            self.top.on_pad(pad)

    def used(self, device: Device) -> None:
        """A press on ``device``: once it is not the one used last, hints show its buttons."""
        if use_device(device):
            self.relayout()

    def draw(self) -> None:
        """Paint the top scene, with the scenes an overlay sits on beneath it."""
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[max(first, 0) :]:
            scene.draw(self.screen)
        pygame.display.flip()
        self.frames += 1
        if self.top is not None:
            self.a11y.refresh(self.top, TITLE)

    def step(self, events: Iterable[pygame.event.Event] = (), dt: float = 0.0) -> None:
        """One turn of the loop with given events after ``dt`` seconds (what tests drive)."""
        self._frame(events, dt)

    def _frame(self, events: Iterable[pygame.event.Event], dt: float) -> None:
        # The time spent waiting passed before these events: it ages what was already on
        # screen (a toast, an animation), not what the events start. After a long talk a
        # key press would otherwise start a prompt that the same frame times out.
        if self.top is not None and dt:
            self.top.update(dt)
        for event in events:
            self.dispatch(event)
            if not self.running:
                return
        self.pad_inputs(self.pads.repeats())  # a stick held over a row of buttons
        if self.top is not None:
            self.top.update(0.0)
            self.draw()

    def _wait(self) -> tuple[list[pygame.event.Event], float]:
        top = self.top
        if top is not None and top.animating():
            events = pygame.event.get()
            return events, self.clock.tick(FPS) / 1000
        waits = [w for w in (top.wake_in() if top else None, self.pads.wake_in()) if w is not None]
        wake = min(waits) if waits else None
        if self.idle_mode == "wait":
            # Timeout 0 would mean "forever" to pygame; a wake-up is never shorter than 10 ms.
            timeout = 0 if wake is None else max(10, int(wake * 1000))
            first = pygame.event.wait(timeout)
            events = [] if first.type == pygame.NOEVENT else [first]
            events.extend(pygame.event.get())
            return events, self.clock.tick() / 1000
        # pygame-ce's event.wait polls inside (measured: 2-3 % of a core while idle), so the
        # idle loop naps between checks instead: ~0.3 % of a core, at most IDLE_NAP latency.
        deadline = None if wake is None else time.monotonic() + wake
        while True:
            events = pygame.event.get()
            now = time.monotonic()
            if events:
                self._last_input = now
                break
            if deadline is not None and now >= deadline:
                break
            nap = IDLE_LONG_NAP if now - self._last_input > IDLE_LONG_AFTER else IDLE_NAP
            if deadline is not None:
                nap = min(nap, deadline - now)
            time.sleep(max(0.001, nap))
        return events, self.clock.tick() / 1000

    def run(self) -> int:
        """Run until the window closes or a scene quits; returns the exit code."""
        self.draw()
        self.pads.start()  # after the first frame: SDL's controller module takes a while
        while self.running and self.stack:
            self.turn()
        self.pads.close()
        for hook in self.on_quit:
            hook()
        self.ctx.close_session()
        return self.exit_code

    def turn(self) -> None:
        """One real turn of the loop: wait for input or a wake-up, then update and draw."""
        self._frame(*self._wait())


def _window_icon() -> pygame.Surface:
    """A small card with the emotional type's heart: the game in the task bar."""
    from deckgame.ui.icons import icon
    from deckgame.ui.theme import LIGHT

    style = LIGHT.type_style("emotional")
    surface = pygame.Surface((64, 64), pygame.SRCALPHA)
    pygame.draw.rect(surface, style.colour, surface.get_rect().inflate(-8, 0), border_radius=10)
    heart = icon("emotional", 36, style.on_colour)
    surface.blit(heart, heart.get_rect(center=(32, 32)))
    return surface


def monotonic() -> float:
    """The clock the table uses for challenge timers (passed into the engine)."""
    return time.monotonic()
