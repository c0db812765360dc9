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
    ChooseOther,
    Done,
    End,
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
from deckgame.ui.app import monotonic
from deckgame.ui.assets import Face
from deckgame.ui.cards import TABLE_RATIO, CardView, card_view, render_card
from deckgame.ui.icons import icon
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, row
from deckgame.ui.session import Session
from deckgame.ui.theme import RGB, mix
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App

ANIM_SECONDS = 0.28
TOAST_SECONDS = 3.0

_DIGITS: dict[int, int] = {
    **{getattr(pygame, f"K_{n}"): n for n in range(1, 9)},
    **{getattr(pygame, f"K_KP{n}"): n for n in range(1, 9)},
}


def _uses_other(card: Card) -> bool:
    return card.who is Who.OTHER or "{other}" in card.text or "{other}" in (card.follow_up or "")


class TableScene(Scene):
    def __init__(self, app: App, session: Session, clock: Callable[[], float] = monotonic) -> None:
        super().__init__(app)
        self.session = session
        self.clock = clock
        self.warmth_pending = False
        self.anim = 1.0
        self.toast = ""
        self.toast_left = 0.0
        self.seat_rects: list[pygame.Rect] = []
        self.card_rects: list[pygame.Rect] = []
        self._shown: tuple[object, ...] = ()
        self._cards: dict[tuple[object, ...], pygame.Surface] = {}
        self.version = 0  # bumped on every change of state or layout (see draw)
        self._frame: pygame.Surface | None = None
        self._frame_key_drawn: tuple[object, ...] | None = None
        # Other scenes (the deeper question, the summary) act on the same session: follow them.
        session.listeners.append(lambda _events: self.sync())

    # Phase changes -----------------------------------------------------------------------
    def on_enter(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Follow the engine: other scenes for the deeper question and the end; animate deals."""
        game = self.session.game
        state = game.state
        key = (state.phase, state.card, tuple(state.offered), state.turn)
        if key != self._shown:
            new_card = state.card != (self._shown[1] if self._shown else None) or state.offered
            if new_card and state.phase in (Phase.CARD, Phase.OFFER) and self._shown:
                self.anim = 1.0 if self.look.reduce_motion else 0.0
            self._shown = key
            self.warmth_pending = False
        self.layout()
        if self.app.top is not self:
            return
        if state.phase in (Phase.DEEPER, Phase.DRY):
            from deckgame.ui.scenes.deeper import DeeperScene

            self.app.push(DeeperScene(self.app, self.session))
        elif state.phase is Phase.ENDED:
            from deckgame.ui.scenes.summary import SummaryScene

            self.app.push(SummaryScene(self.app, self.session))

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
                pick = Button(f"pick_{i}", "Pick this card", str(i + 1), style="primary")
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
        first: list[Button]
        if phase is Phase.AFTER:
            first = [
                Button("next", "Next turn", "Enter", style="primary"),
                Button("warmth", "Give warmth", "W", icon_name="heart"),
                Button("star", "Unstar" if self._starred() else "Star", "F", icon_name="star"),
                Button("veto", "X-card", "X", style="danger"),
            ]
        elif phase is Phase.OFFER:
            first = [
                Button("pass", "Pass both", "P"),
                Button("skip", "Skip turn", "S"),
                Button("veto", "X-card both", "X", style="danger"),
            ]
        else:
            first = [
                Button("done", "Done", "Enter", style="primary"),
                Button("pass", "Pass", "P"),
                Button("skip", "Skip turn", "S"),
                Button("veto", "X-card", "X", style="danger"),
            ]
        second: list[Button] = []
        if phase is Phase.CARD:
            second.append(
                Button("star", "Unstar" if self._starred() else "Star", "F", icon_name="star")
            )
            if card is not None and card.seconds is not None:
                second.append(Button("timer", self._timer_label(), "T"))
            if len(game.players) > 2 and card is not None and _uses_other(card):
                second.append(Button("other", f"Other: {game.other_player}", "O"))
        second += [
            Button("undo", "Undo", "U", enabled=s.can(Undo())),
            Button("step_back", "Step back", "B", enabled=s.can(StepBack())),
            Button("end", "End", "E", style="quiet"),
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
        if game.timer_running:
            return f"Pause {text}"
        return "Time's up" if left <= 0 else f"Start timer {text}"

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
            if seat != game.seat:
                return seat
        return seat

    def on_action(self, action: str) -> None:
        if action == "warmth":
            self.start_warmth()
            return
        engine_action = self._action_for(action)
        if engine_action is not None:
            self.act(engine_action)

    def start_warmth(self) -> None:
        game = self.session.game
        if game.phase is not Phase.AFTER:
            self.say("Warmth is given after a card is done")
            return
        givers = [i for i in range(len(game.players)) if self.session.can(Warmth(i))]
        if not givers:
            self.say("Everyone has given warmth for this card")
        elif len(givers) == 1 and len(game.players) == 2:
            self.act(Warmth(givers[0]))  # one possible giver: no need to ask who
        else:
            self.warmth_pending = True
            self.say("Who gives warmth? Press your seat number (1-8) or tap your seat")

    def on_key(self, event: pygame.event.Event) -> None:
        game = self.session.game
        key = event.key
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        if key in _DIGITS:
            n = _DIGITS[key]
            if self.warmth_pending:
                self.warmth_pending = False
                if n <= len(game.players):
                    self.act(Warmth(n - 1))
                else:
                    self.say(f"There is no seat {n}")
            elif game.phase is Phase.OFFER and n in (1, 2):
                self.act(Pick(n - 1))
            return
        if key == pygame.K_ESCAPE:
            if self.warmth_pending:
                self.warmth_pending = False
                self.toast = ""
            else:
                # Back to the title; the session is autosaved, Continue picks it up again.
                self.session.close()
                self.app.pop()
            return
        if key == pygame.K_z and ctrl:
            self.on_action("undo")
            return
        if key == pygame.K_g:  # settings (text size, theme) without leaving the table
            from deckgame.ui.scenes.settings import SettingsScene

            self.app.push(SettingsScene(self.app))
            return
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if game.phase is Phase.CARD:
                self.on_action("done")
            elif game.phase is Phase.AFTER:
                self.on_action("next")
            elif game.phase is Phase.OFFER:
                self.say("Two cards: press 1 or 2 to pick one")
            return
        letters = {
            pygame.K_p: "pass",
            pygame.K_s: "skip",
            pygame.K_x: "veto",
            pygame.K_w: "warmth",
            pygame.K_t: "timer",
            pygame.K_b: "step_back",
            pygame.K_f: "star",
            pygame.K_u: "undo",
            pygame.K_e: "end",
            pygame.K_o: "other",
        }
        name = letters.get(key)
        if name == "timer" and (game.current_card is None or game.current_card.seconds is None):
            self.say("Only challenges with a timer can be timed")
            return
        if name == "other" and len(game.players) <= 2:
            self.say("With two players, {other} is always the other one")
            return
        if name is not None:
            self.on_action(name)

    def on_pointer(self, pos: tuple[int, int]) -> None:
        # Tapping a seat after a card is done: that player gives warmth.
        if self.session.game.phase is Phase.AFTER:
            for seat, rect in enumerate(self.seat_rects):
                if rect.collidepoint(pos):
                    self.warmth_pending = False
                    self.act(Warmth(seat))
                    return

    # Time --------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / ANIM_SECONDS)
        if self.toast_left > 0:
            self.toast_left = max(0.0, self.toast_left - dt)
            if self.toast_left == 0:
                self.toast = ""
                self.warmth_pending = False
        if self.session.game.timer_running:
            for b in self.buttons:
                if b.action == "timer":
                    b.label = self._timer_label()

    def animating(self) -> bool:
        return self.anim < 1.0

    def wake_in(self) -> float | None:
        waits = []
        if self.session.game.timer_running:
            waits.append(0.25)
        if self.toast_left > 0:
            waits.append(self.toast_left)
        return min(waits) if waits else None

    # Drawing -----------------------------------------------------------------------------
    def _frame_key(self, surface: pygame.Surface) -> tuple[object, ...] | None:
        """What the picture depends on, or None while it changes by itself (motion, timer)."""
        if self.animating() or self.session.game.timer_running:
            return None
        return (
            self.version,
            surface.get_size(),
            self.look.theme.name,
            self.app.settings.text_scale,
            self.focus.index,
            self.warmth_pending,
            self.toast if self.toast_left > 0 else "",
        )

    def draw(self, surface: pygame.Surface) -> None:
        # A render cache, not game state: an unchanged table is one blit of the last picture.
        key = self._frame_key(surface)
        if key is not None and key == self._frame_key_drawn and self._frame is not None:
            surface.blit(self._frame, (0, 0))
            return
        backdrop(surface, self.look)
        self._draw_top_bar(surface)
        self._draw_seats(surface)
        self._draw_cards(surface)
        self._draw_status(surface)
        self.draw_buttons(surface)
        self._draw_toast(surface)
        if key is not None:
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
            if len(self._cards) > 16:
                self._cards.clear()
            surf = render_card(
                view, size, self.look.theme, self.app.settings.text_scale, self.look.text
            )
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._cards[key] = surf
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
            colour = t.type_style(card.type).colour if t.name != "contrast" else t.text
            pygame.draw.rect(surface, colour, done, border_radius=bar.height)

    def _draw_top_bar(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        state = game.state
        bar = self.top_bar
        label = self.look.text.render(self.session.level_label(), m.body, t.text, face=Face.BOLD)
        surface.blit(label, label.get_rect(midleft=(bar.x, bar.centery - m.small // 2)))
        # Progress toward the next level: one dot per trust-building round needed.
        need = state.settings.unlock_rounds
        have = min(state.trust_rounds, need)
        y = bar.centery + m.body // 2 + m.px(2)
        x = bar.x
        if game.next_level is None:
            text = "The deepest level in play"
            img = self.look.text.render(text, m.small, t.text_muted)
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
            text = f"{have} of {need} trust-building rounds to go deeper"
            img = self.look.text.render(text, m.small, t.text_muted)
            surface.blit(img, img.get_rect(midleft=(x, y)))
        right = self.look.text.render(f"Round {state.round}", m.body, t.text, face=Face.BOLD)
        surface.blit(right, right.get_rect(midright=(bar.right, bar.centery - m.small // 2)))
        hint = self.look.text.render("F1 keys · G settings · Esc menu", m.small, t.text_muted)
        surface.blit(hint, hint.get_rect(midright=(bar.right, y)))

    def _draw_seats(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        game = self.session.game
        state = game.state
        for seat, rect in enumerate(self.seat_rects):
            active = seat == game.seat and game.phase not in (Phase.DEEPER, Phase.ENDED)
            bg = t.active_seat if active else t.surface_alt
            fg = t.on_active_seat if active else t.text
            rounded_rect(surface, bg, rect, m.radius)
            if not active and t.name == "contrast":
                pygame.draw.rect(surface, t.text, rect, 1, border_radius=m.radius)
            if self.warmth_pending and seat != game.seat and seat not in state.warmth_from:
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
        centre = (inner.x + badge_r, rect.centery)
        pygame.draw.circle(surface, fg, centre, badge_r, max(1, m.px(2)))
        num = self.look.text.render(str(seat + 1), m.small, fg, face=Face.BOLD)
        surface.blit(num, num.get_rect(center=centre))
        hearts = state.warmth_received[seat] if seat < len(state.warmth_received) else 0
        heart_img = icon("heart", round(m.small * 1.05), t.heart if not active else fg)
        count = self.look.text.render(str(hearts), m.small, fg, face=Face.BOLD)
        done = bool(state.round_done) and state.round_done[seat]
        tick = icon("check", m.small, fg) if done else None
        extras_w = heart_img.get_width() + m.px(4) + count.get_width()
        extras_w += tick.get_width() + m.px(6) if tick is not None else 0
        name_x = inner.x + badge_r * 2 + m.px(8)
        name_text = self.session.game.players[seat]
        size = m.body if active else m.small
        one_line = inner.right - name_x - extras_w - m.px(6)
        natural = self.look.text.render(name_text, size, fg, face=Face.BOLD).get_width()
        if natural <= one_line or rect.height < m.small * 2.6:
            name = self.look.text.line(name_text, size, fg, max(1, one_line), face=Face.BOLD)
            surface.blit(name, name.get_rect(midleft=(name_x, rect.centery)))
            x, y = inner.right - extras_w, rect.centery
        else:
            size = m.small
            name = self.look.text.line(name_text, size, fg, inner.right - name_x, face=Face.BOLD)
            top = rect.centery - (name.get_height() + count.get_height()) // 2
            surface.blit(name, (name_x, top))
            x, y = name_x, top + name.get_height() + count.get_height() // 2
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
        if self.warmth_pending:
            return "Who gives warmth? Press your seat number, or tap your seat."
        if game.phase is Phase.OFFER:
            return f"{name}, pick one of two cards: 1 or 2. Passing is always fine."
        if game.phase is Phase.AFTER:
            givers = [game.players[i] for i in state.warmth_from]
            if givers:
                return f"Warmth for {name} from {', '.join(givers)}. Enter: next turn."
            return f"Thank {name}? Give warmth with W (then your seat number). Enter: next turn."
        if game.phase is Phase.CARD:
            card = game.current_card
            extra = ""
            if card is not None and len(game.players) > 2 and _uses_other(card):
                extra = f" {game.other_player} is the other player (O to change)."
            return f"{name}'s turn.{extra} Pass or X-card anytime, no reason needed."
        return ""

    def _draw_status(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self._status_text()
        if not text:
            return
        img = self.look.text.line(text, m.body, t.text, self.status.width)
        surface.blit(img, img.get_rect(center=self.status.center))

    def _draw_toast(self, surface: pygame.Surface) -> None:
        if not self.toast or self.toast_left <= 0:
            return
        t = self.look.theme
        m = self.look.metrics
        img = self.look.text.line(self.toast, m.body, t.on_button, self.size[0] - 4 * m.margin)
        box = img.get_rect().inflate(m.px(36), m.px(18))
        box.midbottom = (self.status.centerx, self.status.bottom)
        rounded_rect(surface, t.button, box, box.height // 2)
        pygame.draw.rect(surface, t.focus, box, max(1, m.px(2)), border_radius=box.height // 2)
        surface.blit(img, img.get_rect(center=box.center))
