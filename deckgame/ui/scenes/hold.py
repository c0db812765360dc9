"""Hold: the card hidden behind a calm screen, timers stopped, nothing counting.

Any key, click or tap resumes, and that press does nothing else. Keys that belong to the
window manager or the keyboard itself (Alt+Tab, the Super key, a lone Shift) leave the hold
in place, so switching windows never uncovers the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.engine import Resume
from deckgame.i18n import N_, _
from deckgame.ui import speech
from deckgame.ui.assets import Face
from deckgame.ui.input.controller import PadInput
from deckgame.ui.input.device import device
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop

if TYPE_CHECKING:
    from deckgame.ui.app import App
    from deckgame.ui.scenes.table import TableScene

TEXT_W = 760  # design pixels: the explanation's lines at most
BODY = N_("Take all the time you need. The card is hidden, timers are stopped and nothing counts.")

# Keys that only modify others, or belong to the system: pressed alone they do not resume.
_NOT_A_PRESS = frozenset(
    {
        pygame.K_LSHIFT,
        pygame.K_RSHIFT,
        pygame.K_LCTRL,
        pygame.K_RCTRL,
        pygame.K_LALT,
        pygame.K_RALT,
        pygame.K_LGUI,
        pygame.K_RGUI,
        pygame.K_MODE,
        pygame.K_CAPSLOCK,
        pygame.K_NUMLOCKCLEAR,
        pygame.K_SCROLLLOCK,
        pygame.K_PRINTSCREEN,
        pygame.K_SYSREQ,
        pygame.K_MENU,
    }
)


def resumes(event: pygame.event.Event) -> bool:
    """Whether ``event`` is a press that ends the hold."""
    if event.type in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
        return True
    if event.type != pygame.KEYDOWN:
        return False
    if event.key in _NOT_A_PRESS:
        return False
    return not event.mod & (pygame.KMOD_ALT | pygame.KMOD_GUI)


def back_words() -> str:
    """How to come back, for the device used last."""
    if device() == "pad":
        return _("Press any button to come back")
    return _("Press any key or tap to come back")


class HoldScene(Scene):
    """Covers the whole table (not an overlay: nothing of the card shows through)."""

    takes_every_key = True

    def __init__(self, app: App, table: TableScene) -> None:
        super().__init__(app)
        self.table = table
        speech.reader().pause()  # a card being read falls silent with the rest

    def handle_event(self, event: pygame.event.Event) -> None:
        if resumes(event):
            self.resume()

    def on_pad(self, pad: PadInput) -> None:
        if pad.button is not None:  # any controller button; a drifting stick is no press
            self.resume()

    def resume(self) -> None:
        session = self.table.session
        if session.game.held:
            session.apply(Resume(self.table.clock()))
        speech.reader().resume()
        if self.app.top is self:
            self.app.pop()

    def accessible_text(self) -> list[str]:
        return [" ".join((_("On hold"), _(BODY), back_words()))]

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        backdrop(surface, self.look)
        w, h = self.size
        title = self.look.text.render(_("On hold"), m.heading, t.text, face=Face.BOLD)
        body = self.look.text.render(
            _(BODY),
            m.body,
            t.text_muted,
            wrap=min(w - 2 * m.margin, m.px(TEXT_W)),
            align="center",
        )
        back = self.look.text.render(back_words(), m.body, t.text, face=Face.BOLD)
        total = title.get_height() + m.gap + body.get_height() + m.margin + back.get_height()
        y = (h - total) // 2
        for img, gap in ((title, m.gap), (body, m.margin), (back, 0)):
            surface.blit(img, img.get_rect(midtop=(w // 2, y)))
            y += img.get_height() + gap
