"""The table: the card, the seats, the level and every action of GAME.md, by key or by tap.

Input becomes engine actions through the :class:`Session`; after each one the scene looks at
the new phase (the go-deeper question and the summary are scenes of their own). Drawing reads
the game and the scene's animation clock only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from deckgame.engine import (
    Action,
    Away,
    Back,
    ChooseOther,
    Done,
    End,
    Event,
    Hold,
    Next,
    Pass,
    Phase,
    Pick,
    Skip,
    Star,
    StepBack,
    TimerPause,
    TimerStart,
    Undo,
    Veto,
    Warmth,
)
from deckgame.model import Card, Who
from deckgame.ui import keymap, sound
from deckgame.ui.app import monotonic
from deckgame.ui.assets import Face
from deckgame.ui.cache import ImageCache
from deckgame.ui.cards import TABLE_RATIO, CardView, card_view, render_card
from deckgame.ui.icons import icon
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.runs import sentence_direction
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, row
from deckgame.ui.session import Session
from deckgame.ui.theme import RGB, mix
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

ANIM_SECONDS = 0.28
TOAST_SECONDS = 3.0


def _names(names: list[str] | tuple[str, ...]) -> str:
    """ "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _uses_other(card: Card) -> bool:
    return card.who is Who.OTHER or "{other}" in card.text or "{other}" in (card.follow_up or "")


class TableScene(Scene):
    def __init__(self, app: App, session: Session, clock: Callable[[], float] = monotonic) -> None:
        super().__init__(app)
        self.session = session
        self.clock = clock
        self.prompt: str | None = None  # "warmth" or "away": the table waits for a seat
        self._cued: str | None = None  # the card whose timer end was announced
        self._round_done: list[bool] = list(session.game.state.round_done)
        self.anim = 1.0
        self.toast = ""
        self.toast_left = 0.0
        self.seat_rects: list[pygame.Rect] = []
        self.card_rects: list[pygame.Rect] = []
        self._shown: tuple[object, ...] = ()
        # The cards on the table: two window-sized images' worth (66 MB at 4K at most, a
        # card is a third of the window), cleared with the window's size or theme.
        self._cards: ImageCache[tuple[object, ...]] = ImageCache(
            "table cards", windows=2, per_window=True
        )
        self.version = 0  # bumped on every change of state or layout (see draw)
        self._frame: pygame.Surface | None = None
        self._frame_key_drawn: tuple[object, ...] | None = None
        # Other scenes (the deeper question, the summary) act on the same session: follow them.
        session.subscribe(self._on_events)

    # Phase changes -----------------------------------------------------------------------
    def on_enter(self) -> None:
        self.sync()

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
        game = self.session.game
        before, self._round_done = self._round_done, list(game.state.round_done)
        for event in events:
            message = self._message_for(event, before)
            if message:
                self.say(message)
        self.sync()

    def _message_for(self, event: Event, round_done: list[bool]) -> str:
        """Words for what changed quietly: a "not yet", a round that did not count, away."""
        game = self.session.game
        name = event.player or ""
        if event.event == "not_yet":
            return (
                f"Not yet, and that's fine: we stay at {self.session.level_label()}."
                " We'll ask again after the next trust-building round."
            )
        if event.event == "round_end" and not event.extra.get("trust_building", True):
            missed = [
                game.players[seat]
                for seat, done in enumerate(round_done)
                if not done and seat < len(game.players) and not game.is_away(seat)
            ]
            who = f" ({_names(missed)} did no card)" if missed else ""
            return f"That round didn't count toward going deeper{who}. It's fine: on we go."
        if event.event == "away":
            return f"{name} stepped away. Take your time; A then {self._seat_of(name)} is back."
        if event.event == "back":
            return f"Welcome back, {name}."
        if event.event == "unlock" and game.deeper_waiting:
            return f"Ready to go deeper once {_names(game.waiting_for)} is back."
        return ""

    def _seat_of(self, name: str) -> int:
        players = self.session.game.players
        return players.index(name) + 1 if name in players else 0

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
        m = self.look.metrics
        w, h = self.size
        game = self.session.game
        state = game.state
        phase = state.phase
        self.top_bar = pygame.Rect(m.margin, m.gap, w - 2 * m.margin, round(m.body * 2.4))
        seats_h = round(m.small * 3.2)
        self.seats_area = pygame.Rect(
            m.margin, self.top_bar.bottom + m.gap, w - 2 * m.margin, seats_h
        )
        bh = m.button_height
        self.rows_area = pygame.Rect(
            m.margin, h - m.gap - 2 * bh - m.gap, w - 2 * m.margin, 2 * bh + m.gap
        )
        status_h = round(m.body * 1.8)
        self.status = pygame.Rect(
            m.margin, self.rows_area.top - m.gap - status_h, w - 2 * m.margin, status_h
        )
        card_top = self.seats_area.bottom + m.gap * 2
        self.card_area = pygame.Rect(
            m.margin, card_top, w - 2 * m.margin, self.status.top - card_top - m.gap
        )

        # Seats: one chip per player, evenly across the row.
        count = len(game.players)
        seat_w = (self.seats_area.width - m.gap * (count - 1)) // count
        self.seat_rects = [
            pygame.Rect(
                self.seats_area.x + i * (seat_w + m.gap), self.seats_area.y, seat_w, seats_h
            )
            for i in range(count)
        ]

        # Cards: one large card, or two side by side when two are offered.
        self.card_rects = []
        self.pick_buttons: list[Button] = []
        area = self.card_area
        if phase is Phase.OFFER:
            pick_h = bh
            cw = min((area.width - m.margin) // 2, round((area.height - pick_h - m.gap) * 1.45))
            ch = area.height - pick_h - m.gap
            total = cw * 2 + m.margin
            x0 = area.centerx - total // 2
            for i in range(2):
                rect = pygame.Rect(x0 + i * (cw + m.margin), area.y, cw, ch)
                self.card_rects.append(rect)
                pick = Button(
                    f"pick_{i}", "Pick this card", keymap.hint(f"pick_{i}"), style="primary"
                )
                veto = Button(f"veto_{i}", "X-card", "", style="danger")
                half = (cw - m.gap) * 2 // 3
                pick.rect = pygame.Rect(rect.x, rect.bottom + m.gap, half, pick_h)
                veto.rect = pygame.Rect(
                    pick.rect.right + m.gap, pick.rect.y, cw - half - m.gap, pick_h
                )
                self.pick_buttons += [pick, veto]
        elif state.card is not None:
            # Wide rather than tall: long questions wrap into fewer, larger lines.
            cw = min(
                area.width, max(round(area.height * TABLE_RATIO), area.width * 4 // 5), m.px(1100)
            )
            self.card_rects.append(pygame.Rect(area.centerx - cw // 2, area.y, cw, area.height))

        self.buttons = self._phase_buttons()
        top = self.buttons[: self._first_row]
        bottom = self.buttons[self._first_row :]
        row(
            top,
            pygame.Rect(self.rows_area.x, self.rows_area.y, self.rows_area.width, bh),
            bh,
            m.gap,
        )
        row(
            bottom,
            pygame.Rect(self.rows_area.x, self.rows_area.y + bh + m.gap, self.rows_area.width, bh),
            bh,
            m.gap,
        )
        self.buttons = [*self.pick_buttons, *self.buttons]
        self.focus.set(list(self.buttons))

    def _phase_buttons(self) -> list[Button]:
        s = self.session
        game = s.game
        phase = game.phase
        card = game.current_card
        hint = keymap.hint
        star_label = "Unstar" if self._starred() else "Star"
        first: list[Button]
        if phase is Phase.AFTER:
            first = [
                Button("next", "Next turn", hint("next"), style="primary"),
                Button("warmth", "Give warmth", hint("warmth"), icon_name="heart"),
                Button("star", star_label, hint("star"), icon_name="star"),
                Button("veto", "X-card", hint("veto"), style="danger"),
            ]
        elif phase is Phase.OFFER:
            first = [
                Button("pass", "Pass both", hint("pass")),
                Button("skip", "Skip turn", hint("skip")),
                Button("veto", "X-card both", hint("veto"), style="danger"),
            ]
        elif phase is Phase.WAITING:
            first = []
        else:
            first = [
                Button("done", "Done", hint("done"), style="primary"),
                Button("pass", "Pass", hint("pass")),
                Button("skip", "Skip turn", hint("skip")),
                Button("veto", "X-card", hint("veto"), style="danger"),
            ]
        if phase is not Phase.WAITING:  # waiting already holds everything
            first.append(Button("hold", "Hold", hint("hold")))
        second: list[Button] = []
        if phase is Phase.CARD:
            second.append(Button("star", star_label, hint("star"), icon_name="star"))
            if card is not None and card.seconds is not None:
                second.append(Button("timer", self._timer_label(), hint("timer")))
            if len(game.present) > 2 and card is not None and _uses_other(card):
                second.append(
                    Button(
                        "other",
                        f"Other: {game.other_player}",
                        hint("other"),
                        direction=sentence_direction("Other: {name}"),
                    )
                )
        second += [
            Button("away", "Away / back", hint("away")),
            Button("undo", "Undo", hint("undo"), enabled=s.can(Undo())),
            Button("step_back", "Step back", hint("step_back"), enabled=s.can(StepBack())),
            Button("end", "End", hint("end"), style="quiet"),
        ]
        for b in [*first, *second]:
            action = self._action_for(b.action)
            if action is not None and b.action not in ("undo", "step_back"):
                b.enabled = s.can(action)
        self._first_row = len(first)
        return [*first, *second]

    def _starred(self) -> bool:
        card = self.session.game.state.card
        return card is not None and card in self.session.game.state.starred

    def _timer_label(self) -> str:
        game = self.session.game
        left = game.timer_remaining(self.clock())
        if left is None:
            return "Timer"
        text = f"{int(left) // 60}:{int(left) % 60:02d}"
        if left <= 0:
            return "Time's up"
        return f"Pause {text}" if game.timer_running else f"Start timer {text}"

    # Input -------------------------------------------------------------------------------
    def _action_for(self, name: str) -> Action | None:
        game = self.session.game
        simple: dict[str, Action] = {
            "done": Done(),
            "next": Next(),
            "pass": Pass(),
            "skip": Skip(),
            "veto": Veto(),
            "star": Star(),
            "undo": Undo(),
            "step_back": StepBack(),
            "end": End(),
        }
        if name in simple:
            return simple[name]
        if name == "timer":
            now = self.clock()
            return TimerPause(now) if game.timer_running else TimerStart(now)
        if name == "hold":
            return Hold(self.clock())
        if name.startswith("pick_"):
            return Pick(int(name[5:]))
        if name.startswith("veto_"):
            return Veto(int(name[5:]))
        if name == "other":
            return ChooseOther(self._next_other())
        return None

    def _next_other(self) -> int:
        game = self.session.game
        count = len(game.players)
        seat = game.other_seat
        for _ in range(count):
            seat = (seat + 1) % count
            if seat != game.seat and not game.is_away(seat):
                return seat
        return seat

    @property
    def warmth_pending(self) -> bool:
        """Waiting for the seat number of whoever gives warmth (after W or the button)."""
        return self.prompt == "warmth"

    def on_action(self, action: str) -> None:
        if action == "warmth":
            self.start_warmth()
        elif action == "away":
            self.start_away()
        elif action == "menu":
            self.open_menu()
        else:
            engine_action = self._action_for(action)
            if engine_action is not None:
                self.act(engine_action)  # a hold shows its screen through the listener

    def _givers(self) -> list[int]:
        game = self.session.game
        return [i for i in range(len(game.players)) if self.session.can(Warmth(i))]

    def start_warmth(self) -> None:
        game = self.session.game
        if game.phase is not Phase.AFTER:
            self.say("Warmth is given after a card is done")
            return
        givers = self._givers()
        if not givers:
            self.say("Everyone has given warmth for this card")
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
            self.say(f"There is no seat {seat + 1}")
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
        self.session.close()
        self.app.pop()

    def on_key(self, event: pygame.event.Event) -> None:
        game = self.session.game
        command = keymap.command_for(event)
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
        if command is None:
            return
        if command == "settings":  # text size, theme without leaving the table
            from deckgame.ui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
            return
        if command == "primary":
            if game.phase is Phase.CARD:
                self.on_action("done")
            elif game.phase is Phase.AFTER:
                self.on_action("next")
            elif game.phase is Phase.OFFER:
                self.say("Two cards: press 1 or 2 to pick one")
            return
        if command.startswith("pick_") and game.phase is not Phase.OFFER:
            return
        if command == "timer" and (game.current_card is None or game.current_card.seconds is None):
            self.say("Only challenges with a timer can be timed")
            return
        if command == "other" and len(game.present) <= 2:
            self.say("With two players here, {other} is always the other one")
            return
        self.on_action(command)

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
                self.say("Time's up. No hurry: finish in your own time.")
                if self.app.settings.sound:
                    sound.chime()
                self.layout()
            for b in self.buttons:
                if b.action == "timer":
                    b.label = self._timer_label()

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
            self.app.settings.text_scale,
            self.focus.index,
            self.prompt,
            self.toast if self.toast_left > 0 else "",
        )

    def draw(self, surface: pygame.Surface) -> None:
        # A render cache, not game state: an unchanged table is one blit of the last picture.
        key = self._frame_key(surface)
        if key is not None and key == self._frame_key_drawn and self._frame is not None:
            surface.blit(self._frame, (0, 0))
            return
        # A window of a new size (a step of a drag, most likely the first of many) keeps no
        # picture: a fresh 33 MB one at 4K costs more than drawing the table. The next
        # frame at the same size keeps one.
        last = self._frame_key_drawn
        resized = last is not None and last[1] != surface.get_size()  # (the key's size)
        if resized:
            self._frame = None
        backdrop(surface, self.look)
        self._draw_top_bar(surface)
        self._draw_seats(surface)
        self._draw_cards(surface)
        self._draw_status(surface)
        self.draw_buttons(surface)
        if key is not None:
            # One window-sized picture, owned by the table: refilled in place, not copied
            # anew at every change. (A blit onto an alpha copy would blend.)
            if self._frame is not None and not self._frame.get_flags() & pygame.SRCALPHA:
                self._frame.blit(surface, (0, 0))
            elif not resized:
                self._frame = surface.copy()
            self._frame_key_drawn = key

    def _view(self, card: Card, *, starred: bool = False) -> CardView:
        s = self.session
        return card_view(
            card,
            player=s.game.active_player,
            other=s.game.other_player,
            level_names=s.level_names,
            starred=starred,
        )

    def _card_surface(self, view: CardView, size: tuple[int, int]) -> pygame.Surface:
        key = (view, size, self.look.theme.name, self.app.settings.text_scale)
        surf = self._cards.get(key)
        if surf is None:
            # Rendered the first time it is drawn: a render cache of what is on screen.
            surf = render_card(
                view, size, self.look.theme, self.app.settings.text_scale, self.look.text
            )
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._cards.put(key, surf)
        return surf

    def _draw_cards(self, surface: pygame.Surface) -> None:
        m = self.look.metrics
        game = self.session.game
        state = game.state
        cards: list[Card] = game.offered_cards if game.phase is Phase.OFFER else []
        if not cards and game.current_card is not None:
            cards = [game.current_card]
        # The entrance: the card rises a little and fades in (skipped with reduce motion).
        ease = 1 - (1 - self.anim) ** 3
        lift = round((1 - ease) * m.px(36))
        if game.phase is Phase.WAITING:
            self._draw_waiting(surface)
        for card, rect in zip(cards, self.card_rects, strict=False):
            view = self._view(card, starred=card.id in state.starred)
            surf = self._card_surface(view, rect.size)
            target = rect.move(0, lift)
            if ease >= 1:
                shadow(surface, self.look, target, m.px(22) * rect.height // 480 + 1)
            if ease < 1:
                surf = surf.copy()
                surf.set_alpha(round(255 * ease))
            surface.blit(surf, target)
        if game.phase is Phase.AFTER and self.card_rects:
            self._draw_done_badge(surface, self.card_rects[0])
        if (
            game.phase is Phase.CARD
            and self.card_rects
            and game.current_card is not None
            and game.current_card.seconds
        ):
            self._draw_timer_bar(surface, self.card_rects[0])

    def _draw_waiting(self, surface: pygame.Surface) -> None:
        """Fewer than two players present: a calm card-sized panel instead of a card."""
        t = self.look.theme
        m = self.look.metrics
        area = self.card_area
        panel = pygame.Rect(0, 0, min(area.width, m.px(760)), area.height)
        panel.center = area.center
        rounded_rect(surface, t.surface, panel, m.radius)
        inner = panel.inflate(-2 * m.margin, -2 * m.margin)
        title = self.look.text.render(
            "Waiting for someone to come back",
            m.heading,
            t.text,
            face=Face.BOLD,
            wrap=inner.width,
            align="center",
        )
        body = self.look.text.render(
            "Play needs two people here. When someone is back, press A and their seat"
            " number, or tap their seat.",
            m.body,
            t.text_muted,
            wrap=inner.width,
            align="center",
        )
        y = panel.centery - (title.get_height() + m.gap + body.get_height()) // 2
        surface.blit(title, title.get_rect(midtop=(panel.centerx, y)))
        y += title.get_height() + m.gap
        surface.blit(body, body.get_rect(midtop=(panel.centerx, y)))

    def _draw_done_badge(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text.render("Done", m.body, t.on_accent, face=Face.BOLD)
        tick = icon("check", m.body, t.on_accent)
        badge = pygame.Rect(0, 0, text.get_width() + tick.get_width() + m.px(34), 0)
        badge.height = text.get_height() + m.px(12)
        badge.topright = (rect.right - m.px(20), rect.y + round(rect.height * 0.16))
        rounded_rect(surface, t.accent, badge, badge.height // 2)
        surface.blit(tick, tick.get_rect(midleft=(badge.x + m.px(14), badge.centery)))
        surface.blit(text, text.get_rect(midright=(badge.right - m.px(14), badge.centery)))

    def _draw_timer_bar(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        card = game.current_card
        left = game.timer_remaining(self.clock())
        if card is None or card.seconds is None or left is None:
            return
        bar = pygame.Rect(rect.x + m.px(24), rect.bottom + m.px(4), rect.width - m.px(48), m.px(6))
        pygame.draw.rect(
            surface, mix(t.text_muted, t.background, 0.6), bar, border_radius=bar.height
        )
        done = bar.copy()
        done.width = round(bar.width * (1 - left / card.seconds))
        if done.width > 0:
            colour = t.mark_colour(card.type)
            pygame.draw.rect(surface, colour, done, border_radius=bar.height)

    def _draw_top_bar(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        state = game.state
        bar = self.top_bar
        text = self.look.text
        # Right: the round and the key hints; left: the level and the progress, in what the
        # right side leaves (a long "waiting for ..." is shortened, never drawn over them).
        right = text.render(f"Round {state.round}", m.body, t.text, face=Face.BOLD)
        hint = text.render("F1 keys · G settings · Esc menu", m.small, t.text_muted)
        y = bar.centery + m.body // 2 + m.px(2)
        room_top = bar.width - right.get_width() - m.margin
        room_low = bar.width - hint.get_width() - m.margin
        label = text.line(
            self.session.level_label(), m.body, t.text, room_top, face=Face.BOLD, min_size=m.small
        )
        surface.blit(label, label.get_rect(midleft=(bar.x, bar.centery - m.small // 2)))
        # Progress toward the next level: one dot per trust-building round needed.
        need = state.settings.unlock_rounds
        have = min(state.trust_rounds, need)
        x = bar.x
        if game.next_level is None:
            img = text.line("The deepest level in play", m.small, t.text_muted, room_low)
            surface.blit(img, img.get_rect(midleft=(x, y)))
        else:
            r = max(3, m.small // 3)
            for i in range(need):
                centre = (x + r + i * (2 * r + m.px(6)), y)
                if i < have:
                    pygame.draw.circle(surface, t.accent, centre, r)
                else:
                    pygame.draw.circle(surface, t.text_muted, centre, r, max(1, m.px(2)))
            x += need * (2 * r + m.px(6)) + m.px(6)
            room = max(1, room_low - (x - bar.x))
            img = text.line(self._progress_text(), m.small, t.text_muted, room)
            surface.blit(img, img.get_rect(midleft=(x, y)))
        surface.blit(right, right.get_rect(midright=(bar.right, bar.centery - m.small // 2)))
        surface.blit(hint, hint.get_rect(midright=(bar.right, y)))

    def _progress_text(self) -> str:
        """Beside the dots: how far the group is from the go-deeper question, in words."""
        game = self.session.game
        state = game.state
        need = state.settings.unlock_rounds
        if game.deeper_waiting:
            return f"Ready to go deeper: waiting for {_names(game.waiting_for)} to be back"
        if state.trust_rounds >= need:
            # Reached, and someone said "not yet": the question comes after the next one.
            return "Not yet for now: we ask again after the next trust-building round"
        return f"{state.trust_rounds} of {need} trust-building rounds to go deeper"

    def _draw_seats(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        state = game.state
        for seat, rect in enumerate(self.seat_rects):
            away = game.is_away(seat)
            active = (
                seat == game.seat
                and not away
                and game.phase not in (Phase.DEEPER, Phase.ENDED, Phase.WAITING)
            )
            bg = t.active_seat if active else t.surface_alt
            fg = t.on_active_seat if active else t.text
            if away:  # stepped away: a quiet chip, still readable, still tappable
                bg, fg = mix(t.surface_alt, t.background, 0.6), t.text_muted
            rounded_rect(surface, bg, rect, m.radius)
            if not active and t.outlined:
                pygame.draw.rect(surface, t.text, rect, 1, border_radius=m.radius)
            asked = self.prompt == "away" or (
                self.warmth_pending
                and seat != game.seat
                and seat not in state.warmth_from
                and not away
            )
            if asked:
                pygame.draw.rect(surface, t.focus, rect, m.focus_width, border_radius=m.radius)
            self._draw_seat_content(surface, seat, rect, active, fg)

    def _draw_seat_content(
        self, surface: pygame.Surface, seat: int, rect: pygame.Rect, active: bool, fg: RGB
    ) -> None:
        """Seat number, name, warmth received and a tick once done this round.

        A wide chip puts it all on one line; a narrow one (many players, small window) puts
        the hearts and the tick on a second line so the name keeps its room.
        """
        t = self.look.theme
        m = self.look.metrics
        state = self.session.game.state
        inner = rect.inflate(-m.px(16), 0)
        badge_r = round(m.small * 0.8)
        num = self.look.text.render(str(seat + 1), m.small, fg, face=Face.BOLD)
        hearts = state.warmth_received[seat] if seat < len(state.warmth_received) else 0
        heart_img = icon("heart", round(m.small * 1.05), t.heart if not active else fg)
        count = self.look.text.render(str(hearts), m.small, fg, face=Face.BOLD)
        done = bool(state.round_done) and state.round_done[seat]
        tick = icon("check", m.small, fg) if done else None
        extras_w = heart_img.get_width() + m.px(4) + count.get_width()
        extras_w += tick.get_width() + m.px(6) if tick is not None else 0
        name_x = inner.x + badge_r * 2 + m.px(8)
        from deckgame.ui.runs import sentence_direction

        text = self.look.text
        player = self.session.game.players[seat]
        away = self.session.game.is_away(seat)
        # "· away" is the game's word after the name: it reads in the game's direction
        # whatever script the name is in, and a long name is shortened before it is.
        direction = sentence_direction("{name} · away") if away else None
        name_text = f"{player} · away" if away else player

        def shown(size: int, room: int, min_size: int = 0) -> pygame.Surface:
            if away and text.size(name_text, size, Face.BOLD, direction)[0] > room:
                rest = text.size(" · away", size, Face.BOLD)[0]
                short, _ = text.fit_line(player, size, max(1, room - rest), face=Face.BOLD)
                return text.line(
                    f"{short} · away", size, fg, room, face=Face.BOLD, direction=direction
                )
            return text.line(
                name_text, size, fg, room, face=Face.BOLD, min_size=min_size, direction=direction
            )

        size = m.body if active else m.small
        one_line = inner.right - name_x - extras_w - m.px(6)
        natural = text.size(name_text, size, Face.BOLD, direction)[0]
        if natural <= one_line or rect.height < m.small * 2.6:
            name = shown(size, max(1, one_line), m.small)
            surface.blit(name, name.get_rect(midleft=(name_x, rect.centery)))
            centre = (inner.x + badge_r, rect.centery)
            x, y = inner.right - extras_w, rect.centery
        else:
            # A narrow chip: the name across the whole chip, where it is read; the number,
            # the hearts and the tick on the line below ("away" instead of the hearts).
            name = text.line(player, m.small, fg, inner.width, face=Face.BOLD)
            # Rows by the font's line, not the name's ink: every chip alike, whatever script.
            name_h = self.look.text.font(Face.BOLD, m.small).get_height()
            badge_r = min(badge_r, (rect.height - name_h) // 2 - m.px(3))
            row_h = max(2 * badge_r, count.get_height())
            top = rect.centery - (name_h + row_h) // 2
            surface.blit(name, name.get_rect(midleft=(inner.x, top + name_h // 2)))
            y = top + name_h + row_h // 2
            centre = (inner.x + badge_r, y)
            x = inner.x + 2 * badge_r + m.px(6)
            if away:
                pygame.draw.circle(surface, fg, centre, badge_r, max(1, m.px(2)))
                surface.blit(num, num.get_rect(center=centre))
                word = text.line("away", m.small, fg, max(1, inner.right - x), face=Face.BOLD)
                surface.blit(word, word.get_rect(midleft=(x, y)))
                return
        pygame.draw.circle(surface, fg, centre, badge_r, max(1, m.px(2)))
        surface.blit(num, num.get_rect(center=centre))
        surface.blit(heart_img, heart_img.get_rect(midleft=(x, y)))
        x += heart_img.get_width() + m.px(4)
        surface.blit(count, count.get_rect(midleft=(x, y)))
        x += count.get_width() + m.px(6)
        if tick is not None:
            surface.blit(tick, tick.get_rect(midleft=(x, y)))

    def _status_text(self) -> str:
        game = self.session.game
        state = game.state
        name = game.active_player
        if self.prompt == "away":
            return "Who steps away, or is back? Press the seat number or tap the seat. Esc: cancel."
        if self.prompt == "warmth":
            # Who may still give is marked on the seats: the sentence stays short for eight.
            return "Who gives warmth? Your seat number, or tap your seat. Esc: done."
        if game.phase is Phase.WAITING:
            return "Fewer than two players are here. A, then a seat number, when someone is back."
        if game.phase is Phase.OFFER:
            return f"{name}, pick one of two cards: 1 or 2. Passing is always fine."
        if game.phase is Phase.AFTER:
            givers = [game.players[i] for i in state.warmth_from]
            if givers:
                return f"Warmth for {name} from {_names(givers)}. Enter: next turn."
            if len(game.present) == 2:
                return f"Thank {name}? Give warmth with W. Enter: next turn."
            return f"Thank {name}? Give warmth with W, then your seat number. Enter: next turn."
        if game.phase is Phase.CARD:
            card = game.current_card
            extra = ""
            if card is not None and len(game.present) > 2 and _uses_other(card):
                extra = f" {game.other_player} is the other player (O to change)."
            return f"{name}'s turn.{extra} Pass or X-card anytime, no reason needed."
        return ""

    def _draw_status(self, surface: pygame.Surface) -> None:
        """The status line, or in its place a short message: never one over the other."""
        t = self.look.theme
        m = self.look.metrics
        if self.toast and self.toast_left > 0:
            img = self.look.text.line(
                self.toast, m.body, t.on_button, self.status.width - m.px(36), direction="ltr"
            )
            box = img.get_rect().inflate(m.px(36), m.px(12))
            box.height = max(box.height, self.status.height)
            box.center = self.status.center
            rounded_rect(surface, t.button, box, box.height // 2)
            pygame.draw.rect(surface, t.focus, box, max(1, m.px(2)), border_radius=box.height // 2)
            surface.blit(img, img.get_rect(center=box.center))
            return
        text = self._status_text()
        if not text:
            return
        img = self.look.text.line(text, m.body, t.text, self.status.width, direction="ltr")
        surface.blit(img, img.get_rect(center=self.status.center))
