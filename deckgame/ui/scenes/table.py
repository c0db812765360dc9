"""The table: the card, the seats, the level and every action of GAME.md, by key or by tap.

Input becomes engine actions through the :class:`Session`; after each one the scene looks at
the new phase (the go-deeper question and the summary are scenes of their own). Drawing reads
the game and the scene's animation clock only.

The scene's parts live beside it: where things go (:mod:`.table_layout`), the words it says
(:mod:`.table_words`), the seats (:mod:`.table_seats`) and the rest of the painting
(:mod:`.table_draw`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import (
    Action,
    Away,
    Back,
    Event,
    Phase,
    Warmth,
)
from deckgame.i18n import _
from deckgame.kinds import Card
from deckgame.ui import keymap, sound, speech
from deckgame.ui.app import monotonic
from deckgame.ui.bindings import Command
from deckgame.ui.cache import ImageCache
from deckgame.ui.cards import CardView, card_view, render_card
from deckgame.ui.input.controller import PadInput
from deckgame.ui.scenes import table_draw, table_speech, table_words
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.table_actions import action_for
from deckgame.ui.scenes.table_layout import lay_out
from deckgame.ui.scenes.table_pad import seat_pad
from deckgame.ui.session import Session
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

__all__ = ["ANIM_SECONDS", "TOAST_SECONDS", "TableScene"]

ANIM_SECONDS = 0.28
TOAST_SECONDS = 3.0


class TableScene(Scene):
    def __init__(self, app: App, session: Session, clock: Callable[[], float] = monotonic) -> None:
        super().__init__(app)
        self.session = session
        self.clock = clock
        self.prompt: str | None = None  # "warmth" or "away": the table waits for a seat
        self.seat_cursor: int | None = None  # the seat a controller's D-pad points at then
        self._cued: str | None = None  # the card whose timer end was announced
        self._round_done: list[bool] = list(session.game.state.round_done)
        self.anim = 1.0
        self.toast = ""
        self.toast_left = 0.0
        self.seat_rects: list[pygame.Rect] = []
        self.card_rects: list[pygame.Rect] = []
        self.pick_buttons: list[Button] = []
        # The bands of the window, top to bottom: set by layout() (see table_layout).
        self.top_bar = self.seats_area = self.card_area = pygame.Rect(0, 0, 0, 0)
        self.status = self.rows_area = pygame.Rect(0, 0, 0, 0)
        self._shown: tuple[object, ...] = ()
        self._entered = False  # the first card is read (with "every card") on first show
        # The cards on the table: two window-sized images' worth (66 MB at 4K at most, a
        # card is a third of the window), cleared with the window's size or theme.
        self._cards: ImageCache[tuple[object, ...]] = ImageCache(
            "table cards", windows=2, per_window=True
        )
        self.version = 0  # bumped on every change of state or layout (see draw)
        self._frame_cache = table_draw.FrameCache()
        # Other scenes (the deeper question, the summary) act on the same session: follow them.
        session.subscribe(self._on_events)

    @property
    def _frame(self) -> pygame.Surface | None:
        """The last picture drawn (kept to redraw an unchanged table with one blit)."""
        return self._frame_cache.surface

    # Phase changes -----------------------------------------------------------------------
    def on_enter(self) -> None:
        self.sync()
        if not self._entered:  # the first card of the night (or of a resumed one)
            self._entered = True
            table_speech.read_new_card(self)

    def sync(self) -> None:
        """Follow the engine: other scenes for the deeper question, hold and the end."""
        game = self.session.game
        state = game.state
        key = (state.phase, state.card, tuple(state.offered), state.turn)
        if key != self._shown:
            new_card = state.card != (self._shown[1] if self._shown else None) or state.offered
            if new_card and state.phase in (Phase.CARD, Phase.OFFER) and self._shown:
                self.anim = 1.0 if self.look.reduce_motion else 0.0
            self._shown = key
            if self.prompt == "warmth":
                self.prompt = None  # a new turn: the warmth question was for the last card
        self.layout()
        if self.app.top is not self:
            return
        if game.held:
            from deckgame.ui.scenes.hold import HoldScene

            self.app.push(HoldScene(self.app, self))
        elif state.phase in (Phase.DEEPER, Phase.DRY):
            from deckgame.ui.scenes.deeper import DeeperScene

            self.app.push(DeeperScene(self.app, self.session))
        elif state.phase is Phase.ENDED:
            from deckgame.ui.scenes.summary import SummaryScene

            self.app.push(SummaryScene(self.app, self.session))

    def _on_events(self, events: list[Event]) -> None:
        """After every accepted action, from any scene: follow it, and say what is not seen."""
        before, self._round_done = self._round_done, list(self.session.game.state.round_done)
        for event in events:
            message = table_words.event_message(self.session, event, before)
            if message:
                self.say(message)
        self.sync()
        table_speech.after_events(self, events)

    def act(self, action: Action) -> bool:
        ok = self.session.apply(action)  # the listener re-syncs the scene on success
        if not ok:
            self.say(self.session.message)
        return ok

    def say(self, text: str) -> None:
        self.toast = text
        self.toast_left = TOAST_SECONDS

    # Layout ------------------------------------------------------------------------------
    def layout(self) -> None:
        self.version += 1  # everything drawn may have moved: the cached picture is stale
        lay_out(self)

    def starred(self) -> bool:
        """Whether the card on the table is starred tonight."""
        card = self.session.game.state.card
        return card is not None and card in self.session.game.state.starred

    def accessible_text(self) -> list[str]:
        """What a screen reader hears of the table besides its buttons: the card (or the
        two offered), then the status line or the latest news."""
        return [table_speech.card_text(self)[0], self.toast or self.status_text()]

    def status_text(self) -> str:
        """The status line's words for now."""
        return table_words.status_text(self.session.game, self.prompt)

    _status_text = status_text

    def _progress_text(self) -> str:
        return table_words.progress_text(self.session.game)

    # Input -------------------------------------------------------------------------------
    def action_for(self, command: Command | str) -> Action | None:
        """The engine action a button's or a key's ``command`` stands for, or None."""
        return action_for(self.session.game, command, self.clock)

    _action_for = action_for

    @property
    def warmth_pending(self) -> bool:
        """Waiting for the seat number of whoever gives warmth (after W or the button)."""
        return self.prompt == "warmth"

    def on_command(self, command: Command) -> None:
        if command == Command("warmth"):
            self.start_warmth()
        elif command == Command("away"):
            self.start_away()
        elif command == Command("menu"):
            self.open_menu()
        elif command == Command("read"):
            table_speech.read_now(self)
        else:
            engine_action = self.action_for(command)
            if engine_action is not None:
                self.act(engine_action)  # a hold shows its screen through the listener

    def on_action(self, action: str) -> None:
        self.on_command(Command(action))

    def _givers(self) -> list[int]:
        game = self.session.game
        return [i for i in range(len(game.players)) if self.session.can(Warmth(i))]

    def start_warmth(self) -> None:
        game = self.session.game
        if game.phase is not Phase.AFTER:
            self.say(_("Warmth is given after a card is done"))
            return
        givers = self._givers()
        if not givers:
            self.say(_("Everyone has given warmth for this card"))
        elif len(givers) == 1 and len(game.present) == 2:
            self.act(Warmth(givers[0]))  # one possible giver: no need to ask who
        else:
            # The prompt stays until a seat is chosen or Esc, however long people talk.
            self.prompt = "warmth"
            self.toast = ""  # the question takes the status line: older news gives way
            self.layout()

    def start_away(self) -> None:
        self.prompt = "away"
        self.toast = ""
        self.layout()

    def cancel_prompt(self) -> None:
        self.prompt = None
        self.layout()

    def choose_seat(self, seat: int) -> None:
        """A seat number (key or tap) while the table asks for one, after W or A."""
        game = self.session.game
        if not 0 <= seat < len(game.players):
            self.say(_("There is no seat {n}").format(n=seat + 1))
            return
        if self.prompt == "away":
            self.prompt = None
            self.act(Back(seat) if game.is_away(seat) else Away(seat))
            self.layout()
            return
        if self.act(Warmth(seat)) and not self._givers():
            self.prompt = None  # everyone has given: nothing left to wait for
        self.layout()

    def open_menu(self) -> None:
        from deckgame.ui.scenes.menu import MenuScene

        self.prompt = None
        self.app.push(MenuScene(self.app, self))

    def leave(self) -> None:
        """Back to the title; the session is autosaved and Continue picks it up again."""
        speech.reader().stop()
        self.session.close()
        self.app.pop()

    def on_key(self, event: pygame.event.Event) -> None:
        game = self.session.game
        bound = keymap.binding_for(event)
        command = bound.name if bound is not None else None
        if self.prompt is not None:
            # While the table asks "which seat?", digits are seats, not offered cards.
            if event.key in keymap.SEAT_DIGITS:
                self.choose_seat(keymap.SEAT_DIGITS[event.key] - 1)
                return
            if command == "menu":
                self.cancel_prompt()
                return
            if command is not None:
                self.prompt = None  # any other action goes ahead (an X-card never waits)
        if bound is None:
            return
        if command == "settings":  # text size, theme without leaving the table
            from deckgame.ui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
            return
        if command == "primary":
            if game.phase is Phase.CARD:
                self.on_command(Command("done"))
            elif game.phase is Phase.AFTER:
                self.on_command(Command("next"))
            elif game.phase is Phase.OFFER:
                self.say(_("Two cards: press 1 or 2 to pick one"))
            return
        if command == "pick" and game.phase is not Phase.OFFER:
            return
        if command == "timer" and (game.current_card is None or game.current_card.seconds is None):
            self.say(_("Only challenges with a timer can be timed"))
            return
        if command == "other" and len(game.present) <= 2:
            self.say(_("With two players here, {other} is always the other one"))
            return
        self.on_command(bound)  # as its button would: a pick with its number

    def on_pad(self, pad: PadInput) -> None:
        seat_pad(self, pad, super().on_pad)  # while asking for a seat, the D-pad picks one

    def on_pointer(self, pos: tuple[int, int]) -> None:
        # Tapping a seat: away or back after A; after a card is done, that player's warmth.
        game = self.session.game
        for seat, rect in enumerate(self.seat_rects):
            if not rect.collidepoint(pos):
                continue
            if self.prompt == "away":
                self.choose_seat(seat)
            elif game.phase is Phase.AFTER:
                if self.prompt is None:
                    self.prompt = "warmth"
                self.choose_seat(seat)
            return

    # Time --------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        speech.reader().update()  # plays a card whose audio the voice has just made
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / ANIM_SECONDS)
        if self.toast_left > 0:
            self.toast_left = max(0.0, self.toast_left - dt)
            if self.toast_left == 0:
                self.toast = ""
        game = self.session.game
        if game.timer_running:
            left = game.timer_remaining(self.clock())
            if left is not None and left <= 0 and self._cued != game.state.card:
                self._cued = game.state.card
                self.say(_("Time's up. No hurry: finish in your own time."))
                if self.app.settings.sound:
                    sound.chime()
                self.layout()
            for b in self.buttons:
                if b.action == "timer":
                    b.label = table_words.timer_label(game, self.clock())

    def animating(self) -> bool:
        return self.anim < 1.0

    def _timer_ticking(self) -> bool:
        """A running timer with time left: the picture changes by itself."""
        game = self.session.game
        left = game.timer_remaining(self.clock()) if game.timer_running else None
        return left is not None and left > 0

    def wake_in(self) -> float | None:
        waits = []
        if self.session.game.timer_running:
            left = self.session.game.timer_remaining(self.clock()) or 0.0
            # Wake each quarter second while it counts down, and once more for "time's up".
            cued = self._cued == self.session.game.state.card
            waits.append(min(0.25, left) if left > 0 else (0.0 if cued else 0.05))
        if self.toast_left > 0:
            waits.append(self.toast_left)
        waits = [w for w in waits if w > 0]
        return min(waits) if waits else None

    # Drawing -----------------------------------------------------------------------------
    def _frame_key(self, surface: pygame.Surface) -> tuple[object, ...] | None:
        """What the picture depends on, or None while it changes by itself (motion, timer)."""
        if self.animating() or self._timer_ticking():
            return None
        return (
            self.version,
            surface.get_size(),
            self.look.theme.name,
            self.app.settings.reading_scale,
            self.focus.index,
            self.prompt,
            self.toast if self.toast_left > 0 else "",
        )

    def draw(self, surface: pygame.Surface) -> None:
        # An unchanged table is one blit of the last picture (see table_draw.draw_table).
        table_draw.draw_table(surface, self, self._frame_key(surface), self._frame_cache)

    def view(self, card: Card, *, starred: bool = False) -> CardView:
        """``card`` as the table shows it, with tonight's names."""
        s = self.session
        return card_view(
            card,
            player=s.game.active_player,
            other=s.game.other_player,
            level_names=s.level_names,
            starred=starred,
        )

    def card_surface(self, view: CardView, size: tuple[int, int]) -> pygame.Surface:
        """The card's picture at ``size``, from the table's cache (rendered the first time
        it is drawn: a cache of what is on screen, emptied with the theme or size)."""
        key = (view, size, self.look.theme.name, self.app.settings.reading_scale)
        surf = self._cards.get(key)
        if surf is None:
            surf = render_card(
                view, size, self.look.theme, self.app.settings.reading_scale, self.look.text
            )
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._cards.put(key, surf)
        return surf
