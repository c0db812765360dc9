"""Settings: text size 100-200 %, theme, language, motion, fullscreen, sound, reading aloud and
the viewing distance (laptop or TV across the room). Applied and saved
at once; a new language re-installs the catalogue and every scene is laid out again in it."""

from __future__ import annotations

import pygame

from deckgame.i18n import LANGUAGE_NAMES, N_, _, available_languages, current_language, use_language
from deckgame.ui import keymap, speech
from deckgame.ui.assets import Face
from deckgame.ui.bindings import Command
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import heading, page
from deckgame.ui.settings import READ_ALOUD, TEXT_SCALES, THEME_NAMES
from deckgame.ui.theme import THEMES
from deckgame.ui.widgets import Button, Toggle

SCENE = "settings"  # its bindings in the keymap

# The read-aloud button shows the mode it is in; pressing it goes to the next.
READ_LABELS = {
    "r": N_("Read aloud: on R"),
    "all": N_("Read aloud: every card"),
    "off": N_("Read aloud: off"),
}

# Design pixels (scaled by ``Metrics.px``).
PANEL_WIDTH = 760  # the panel at most
BACK_WIDTH = 220  # the Back button


def _key(command: str) -> str:
    """The key a settings button shows: the one the keymap binds to its command here."""
    return keymap.hint(command, scene=SCENE)


class SettingsScene(Scene):
    labels: list[tuple[str, int, int]]  # each row's heading and where it stands

    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        groups, flags, back = self._widgets()
        # One column when it fits the window; else the choices on the left and the on/off
        # settings on the right (large text on a small window, a TV's text size).
        width = min(w - 2 * m.margin, m.px(PANEL_WIDTH))
        bottom = self._place(groups, flags, width, columns=1)
        if bottom > h - m.margin:
            width = w - 2 * m.margin
            bottom = self._place(groups, flags, width, columns=2)
        self.panel = pygame.Rect(0, 0, width, 0)
        self.panel.height = min(h - 2 * m.margin, bottom + m.gap + m.button_height + m.margin)
        self.panel.center = (w // 2, h // 2)
        back.rect = pygame.Rect(0, 0, max(m.px(BACK_WIDTH), back.needed_width(self.look)), 0)
        back.rect.height = m.button_height
        back.rect.bottomright = (self.panel.right - m.margin, self.panel.bottom - m.margin)
        self.buttons = [*(b for _, row in groups for b in row), *flags, back]
        for b in self.buttons[:-1]:
            b.rect.move_ip(self.panel.x, self.panel.y)
        self.labels = [(text, x + self.panel.x, y + self.panel.y) for text, x, y in self.labels]
        self.focus.set(list(self.buttons))

    def _widgets(self) -> tuple[list[tuple[str, list[Button]]], list[Button], Button]:
        """The labelled rows of choices, the on/off settings and Back."""
        s = self.app.settings
        least, most = TEXT_SCALES[0], TEXT_SCALES[-1]
        smaller = Button("text_smaller", _("Smaller"), _key("text_smaller"))
        smaller.enabled = s.text_scale > least
        larger = Button("text_larger", _("Larger"), _key("text_larger"))
        larger.enabled = s.text_scale < most
        themes: list[Button] = [
            Toggle("theme", THEMES[name].label, on=s.theme == name, arg=name)
            for name in THEME_NAMES
        ]
        pct = round(s.text_scale * 100)
        groups = [
            (_("Text size: {percent} %").format(percent=pct), [smaller, larger]),
            (_("Theme"), themes),
            (_("Language"), self._language_row()),
        ]
        motion = Toggle("reduce_motion", _("Reduce motion"), _key("reduce_motion"))
        motion.on = s.reduce_motion
        full = Toggle("fullscreen", _("Fullscreen"), keymap.hint("fullscreen"), on=s.fullscreen)
        chime = Toggle("sound", _("Sound (timer chime)"), _key("sound"), on=s.sound)
        tv = Toggle("viewing", _("TV across the room"), _key("viewing"), on=s.viewing == "tv")
        read = Button("read_aloud", _(READ_LABELS[s.read_aloud]), _key("read_aloud"))
        back = Button("back", _("Back"), _key("back"), style="primary")
        return groups, [motion, full, chime, tv, read], back

    def _place(
        self,
        groups: list[tuple[str, list[Button]]],
        flags: list[Button],
        width: int,
        *,
        columns: int,
    ) -> int:
        """Lay the rows out in a panel ``width`` wide at (0, 0); the lowest y used. Sets
        the labels' places (``self.labels``) and the buttons' rects, panel-relative."""
        m = self.look.metrics
        label_h = round(m.body * 1.5)
        inner = width - 2 * m.margin
        column_w = inner if columns == 1 else (inner - m.margin) // 2
        x, y = m.margin, m.margin + round(m.heading * 1.5)
        self.labels = []
        for text, row in groups:
            self.labels.append((text, x, y))
            y = self._rows(row, x, y + label_h, column_w) + m.gap
        left_bottom = y
        if columns == 2:
            x, y = m.margin + column_w + m.margin, m.margin + round(m.heading * 1.5) + label_h
        y = self._rows(flags, x, y, column_w, most=2 if columns == 1 else 1)
        return max(left_bottom, y)

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
            case Command("viewing", None):
                s.viewing = "laptop" if s.viewing == "tv" else "tv"
            case Command("read_aloud", None):
                s.read_aloud = READ_ALOUD[(READ_ALOUD.index(s.read_aloud) + 1) % len(READ_ALOUD)]
                if s.read_aloud == "off":
                    speech.reader().stop()
        self.app.apply_settings()

    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        page(surface, self.look, self.panel)
        corner = (self.panel.x + m.margin, self.panel.y + m.margin)
        heading(surface, self.look, _("Settings"), corner)
        for text, x, y in self.labels:
            label = self.look.text.render(text, m.body, t.text, face=Face.BOLD)
            surface.blit(label, (x, y))
        self.draw_buttons(surface)
