"""Settings: text size 100-200 %, theme, language, motion, fullscreen, sound. Applied and saved
at once; a new language re-installs the catalogue and every scene is laid out again in it."""

from __future__ import annotations

import pygame

from deckgame.i18n import LANGUAGE_NAMES, _, available_languages, current_language, use_language
from deckgame.ui import keymap
from deckgame.ui.assets import Face
from deckgame.ui.bindings import Command
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import heading, page
from deckgame.ui.settings import TEXT_SCALES, THEME_NAMES
from deckgame.ui.theme import THEMES
from deckgame.ui.widgets import Button, Toggle

SCENE = "settings"  # its bindings in the keymap

# Design pixels (scaled by ``Metrics.px``).
PANEL_WIDTH = 760  # the panel at most
BACK_WIDTH = 220  # the Back button


def _key(command: str) -> str:
    """The key a settings button shows: the one the keymap binds to its command here."""
    return keymap.hint(command, scene=SCENE)


class SettingsScene(Scene):
    def layout(self) -> None:
        m = self.look.metrics
        s = self.app.settings
        w, h = self.size
        self.panel = pygame.Rect(0, 0, min(w - 2 * m.margin, m.px(PANEL_WIDTH)), h - 2 * m.margin)
        self.panel.center = (w // 2, h // 2)
        x = self.panel.x + m.margin
        inner_w = self.panel.width - 2 * m.margin
        label_h = round(m.body * 1.5)
        self.top = self.panel.y + m.margin + round(m.heading * 1.5)
        least, most = TEXT_SCALES[0], TEXT_SCALES[-1]
        smaller = Button("text_smaller", _("Smaller"), _key("text_smaller"))
        smaller.enabled = s.text_scale > least
        larger = Button("text_larger", _("Larger"), _key("text_larger"))
        larger.enabled = s.text_scale < most
        y = self._rows([smaller, larger], x, self.top + label_h, inner_w) + m.gap
        themes: list[Button] = [
            Toggle("theme", THEMES[name].label, on=s.theme == name, arg=name)
            for name in THEME_NAMES
        ]
        self.theme_y = y
        y = self._rows(themes, x, y + label_h, inner_w) + m.gap
        self.language_y = y
        languages = self._language_row()
        y = self._rows(languages, x, y + label_h, inner_w) + m.gap
        motion = Toggle("reduce_motion", _("Reduce motion"), _key("reduce_motion"))
        motion.on = s.reduce_motion
        full = Toggle("fullscreen", _("Fullscreen"), keymap.hint("fullscreen"), on=s.fullscreen)
        chime = Toggle("sound", _("Sound (timer chime)"), _key("sound"), on=s.sound)
        y = self._rows([motion, full, chime], x, y, inner_w, most=2)
        back = Button("back", _("Back"), _key("back"), style="primary")
        back.rect = pygame.Rect(0, 0, max(m.px(BACK_WIDTH), back.needed_width(self.look)), 0)
        back.rect.height = m.button_height
        # The panel is as tall as its content, centred in the window.
        bottom = y + m.gap * 2 + m.button_height + m.margin
        self.panel.height = min(h - 2 * m.margin, bottom - self.panel.y)
        back.rect.bottomright = (self.panel.right - m.margin, self.panel.bottom - m.margin)
        dy = (h - self.panel.height) // 2 - self.panel.y
        self.buttons = [smaller, larger, *themes, *languages, motion, full, chime, back]
        self.panel.move_ip(0, dy)
        for b in self.buttons:
            b.rect.move_ip(0, dy)
        self.top += dy
        self.theme_y += dy
        self.language_y += dy
        self.focus.set(list(self.buttons))

    def _rows(self, buttons: list[Button], x: int, y: int, width: int, *, most: int = 3) -> int:
        """``buttons`` side by side, ``most`` to a row, fewer when a label needs the room
        (a long language wraps the row instead of cutting its words); the y below them."""
        m = self.look.metrics

        def needed(b: Button) -> int:
            return (
                b.natural_width(self.look) if isinstance(b, Toggle) else b.needed_width(self.look)
            )

        columns = max(1, min(most, len(buttons)))
        while (
            columns > 1 and max(map(needed, buttons)) > (width - (columns - 1) * m.gap) // columns
        ):
            columns -= 1
        room = (width - (columns - 1) * m.gap) // columns
        for i, button in enumerate(buttons):
            row, column = divmod(i, columns)
            top = y + row * (m.button_height + m.gap)
            button.rect = pygame.Rect(x + column * (room + m.gap), top, room, m.button_height)
        rows = -(-len(buttons) // columns)
        return y + rows * m.button_height + (rows - 1) * m.gap + m.gap

    def _language_row(self) -> list[Button]:
        """One toggle per language there is a catalogue for, each named in itself."""
        return [
            Toggle(
                "language", LANGUAGE_NAMES.get(code, code), arg=code, on=code == current_language()
            )
            for code in available_languages()
        ]

    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is not None:
            self.on_command(command)  # the keys send the buttons' commands

    def on_action(self, action: str) -> None:
        self.on_command(Command(action))

    def on_command(self, command: Command) -> None:
        s = self.app.settings
        match command:
            case Command("back", None):
                self.app.pop()
                return
            case Command("fullscreen", None):
                self.app.toggle_fullscreen()
                return
            case Command("text_smaller", None):
                s.text_scale = s.next_text_scale(-1)
            case Command("text_larger", None):
                s.text_scale = s.next_text_scale(+1)
            case Command("theme", str(name)):
                s.theme = name
            case Command("language", str(code)):
                s.language = code
                use_language(code)  # every layout below is made again in it
            case Command("reduce_motion", None):
                s.reduce_motion = not s.reduce_motion
            case Command("sound", None):
                s.sound = not s.sound
        self.app.apply_settings()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        page(surface, self.look, self.panel)
        corner = (self.panel.x + m.margin, self.panel.y + m.margin)
        heading(surface, self.look, _("Settings"), corner)
        pct = round(self.app.settings.text_scale * 100)
        label = self.look.text.render(
            _("Text size: {percent} %").format(percent=pct), m.body, t.text, face=Face.BOLD
        )
        surface.blit(label, (self.panel.x + m.margin, self.top))
        label = self.look.text.render(_("Theme"), m.body, t.text, face=Face.BOLD)
        surface.blit(label, (self.panel.x + m.margin, self.theme_y))
        label = self.look.text.render(_("Language"), m.body, t.text, face=Face.BOLD)
        surface.blit(label, (self.panel.x + m.margin, self.language_y))
        self.draw_buttons(surface)
