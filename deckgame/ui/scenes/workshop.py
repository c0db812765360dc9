"""The deck workshop: every deck and its problems, its cards as the table draws them, live.

While the scene is open a :class:`~deckgame.watch.DeckWatcher` looks at the deck files a
few times a second (driven by ``update``'s clock, no thread); a saved file is reloaded on
its own and the preview and problem list follow. A deck that breaks keeps showing its last
good cards, marked as such, beside the errors that broke it.

The deck list's logic (:class:`~deckgame.decklist.Shelf`, which knows nothing of drawing)
is in :mod:`deckgame.decklist`; the list on screen in :mod:`.workshop_list`, the card and
the problems in :mod:`.workshop_preview`. Everything is placed in :meth:`layout`, after
every change; :meth:`draw` only paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.decklist import (
    Entry,
    ListRow,
    Shelf,
    default_roots,
    level_counts,
    list_rows,
    problem_line,
)
from deckgame.i18n import N_, _, ngettext
from deckgame.kinds import Card
from deckgame.ui import keymap
from deckgame.ui.cache import ImageCache
from deckgame.ui.scenes import workshop_preview as preview
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, heading, row
from deckgame.ui.scenes.workshop_list import ListLayout, draw_list, place_list
from deckgame.ui.scenes.workshop_preview import KEY_HINTS, PRINT_RATIO, SAMPLE_NAMES, footer_parts
from deckgame.ui.settings import TEXT_SCALES, THEME_NAMES
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.app import App
    from deckgame.yamlsafe import Problem

# Names other modules and tests import from here, where they lived before the split.
__all__ = [
    "KEY_HINTS",
    "PRINT_RATIO",
    "SAMPLE_NAMES",
    "Entry",
    "Shelf",
    "WorkshopScene",
    "default_roots",
    "footer_parts",
    "level_counts",
    "problem_line",
]

_Row = ListRow  # the deck list's line, by its older name
# The left side's share of the width between the margins: the deck list.
LIST_SHARE = 0.42
HEADING_ROOM = 1.5  # the heading's height, in units of its font size
SCENE = "workshop"  # its keys in the keymap
# The buttons under the preview, each with the key (from the keymap) that does the same.
BUTTONS: tuple[tuple[str, str, str], ...] = (
    ("card_prev", N_("Previous"), "card_prev"),
    ("card_next", N_("Next"), "card_next"),
    ("theme", N_("Theme"), "theme"),
    ("text_cycle", N_("Text size"), "text_larger"),  # goes round; + and - stop at the ends
    ("names", N_("Names"), "names"),
    ("shape", N_("Shape"), "shape"),
    ("back", N_("Back"), "back"),
)


class WorkshopScene(Scene):
    """Decks on the left; the chosen deck's card, and its problems, on the right; all live."""

    def __init__(self, app: App, shelf: Shelf | None = None, *, interval: float = 0.3) -> None:
        super().__init__(app)
        if shelf is None:
            ctx = app.ctx
            launch = ctx.launch
            roots = default_roots(launch.decks, builtin=launch.builtin, user=launch.user)
            shelf = Shelf.from_library(ctx.library, roots, interval)
        self.shelf = shelf
        self.now = 0.0
        self.deck_index = 0
        self.card_index = 0
        self.theme_name = app.settings.theme
        self.text_scale = app.settings.text_scale
        self.names = 0
        self.printed = False
        count = len(shelf.watcher.files)
        self.note = ngettext(
            "Watching {n} file for changes", "Watching {n} files for changes", count
        ).format(n=count)
        # The previewed card in its sizes and themes: two window-sized images' worth (66 MB
        # at 4K at most), cleared with the window's size or theme; filled by layout().
        self.cards_cache: ImageCache[tuple[object, ...]] = ImageCache(
            "workshop cards", windows=2, per_window=True
        )
        self.list_rows: list[tuple[pygame.Rect, int]] = []  # click targets, from layout()
        self.list_layout: ListLayout | None = None
        self.card_box = pygame.Rect(0, 0, 0, 0)
        self.problem_area: pygame.Rect | None = None

    # State ------------------------------------------------------------------------------
    @property
    def entry(self) -> Entry | None:
        entries = self.shelf.entries
        return entries[self.deck_index] if 0 <= self.deck_index < len(entries) else None

    def current_card(self) -> Card | None:
        entry = self.entry
        if entry is None or not entry.preview:
            return None
        return entry.preview[min(self.card_index, len(entry.preview) - 1)]

    def rows(self) -> list[ListRow]:
        """The deck list: each (source, pack) group under a heading, then its decks."""
        return list_rows(self.shelf.entries)

    def problems(self) -> list[Problem]:
        """The chosen deck's problems, then those outside any deck (pack files, paths)."""
        entry = self.entry
        own = list(entry.deck.problems) if entry is not None else []
        return own + self.shelf.problems

    def problem_box(self) -> pygame.Rect | None:
        """The lower part of the right side, when there are problems to list."""
        return preview.problem_box(self)

    def card_rect(self) -> pygame.Rect:
        """Where the preview card goes: the table's shape, or the printed one."""
        return preview.card_rect(self, self.problem_box())

    # Input ------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> None:
        command = keymap.binding_for(event, SCENE)
        if command is None:
            return
        if command.name == "level" and isinstance(command.arg, int):  # 1-9: a level
            self.jump_to_level(command.arg)
            self.layout()  # the lines under the card say which card it is
            return
        self.on_action(command.name)

    def on_action(self, action: str) -> None:
        count = len(self.entry.preview) if self.entry is not None else 0
        if action == "back":
            self._leave()
        elif action in ("deck_prev", "deck_next"):
            step = -1 if action == "deck_prev" else 1
            total = len(self.shelf.entries)
            if total:
                self.deck_index = (self.deck_index + step) % total
                self.card_index = 0
        elif action in ("card_prev", "card_next") and count:
            step = -1 if action == "card_prev" else 1
            self.card_index = (min(self.card_index, count - 1) + step) % count
        elif action == "card_first":
            self.card_index = 0
        elif action == "card_last":
            self.card_index = max(0, count - 1)
        elif action in ("level_prev", "level_next"):
            self._step_level(-1 if action == "level_prev" else 1)
        elif action == "closing":
            self.jump_to_level(None)
        elif action == "theme":
            self.theme_name = THEME_NAMES[
                (THEME_NAMES.index(self.theme_name) + 1) % len(THEME_NAMES)
            ]
        elif action in ("text_larger", "text_smaller"):
            self._step_text(1 if action == "text_larger" else -1)
        elif action == "text_cycle":
            self.text_scale = self._next_text_scale()
        elif action == "names":
            self.names = (self.names + 1) % len(SAMPLE_NAMES)
        elif action == "shape":
            self.printed = not self.printed
        elif action == "reload":
            self._reloaded(self.shelf.scan())
        self.layout()

    def _leave(self) -> None:
        # Edits made here should reach the next game: the context reads the decks again.
        if self.shelf.reloads:
            self.app.ctx.invalidate_library()
        self.app.pop()

    def on_pointer(self, pos: tuple[int, int]) -> None:
        for rect, index in self.list_rows:
            if rect.collidepoint(pos):
                if index != self.deck_index:
                    self.deck_index = index
                    self.card_index = 0
                    self.layout()
                return

    def jump_to_level(self, level: int | None) -> None:
        """Show the first card of ``level`` (None: the closing cards), if the deck has one."""
        entry = self.entry
        if entry is None:
            return
        for i, card in enumerate(entry.preview):
            if card.level == level:
                self.card_index = i
                return

    def _step_level(self, step: int) -> None:
        entry = self.entry
        card = self.current_card()
        if entry is None or card is None:
            return
        # Closing cards sort after every level.
        levels = sorted({c.level for c in entry.preview}, key=lambda v: 99 if v is None else v)
        here = levels.index(card.level)
        self.jump_to_level(levels[(here + step) % len(levels)])

    def _step_text(self, step: int) -> None:
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self.text_scale))
        self.text_scale = TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]

    def _next_text_scale(self) -> float:
        # The button goes round the sizes; + and - stop at the ends.
        bigger = [s for s in TEXT_SCALES if s > self.text_scale + 1e-6]
        return bigger[0] if bigger else TEXT_SCALES[0]

    # Time -------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.now += dt
        self._reloaded(self.shelf.poll(self.now))

    def _reloaded(self, changed: bool) -> None:
        if not changed:
            return
        shown = self.current_card()
        path = self.entry.deck.path if self.entry is not None else None
        entries = self.shelf.entries
        paths = [e.deck.path for e in entries]
        self.deck_index = (
            paths.index(path) if path in paths else min(self.deck_index, max(0, len(entries) - 1))
        )
        # Stay on the card being looked at when it still exists (its id, else its place).
        entry = self.entry
        if entry is not None and shown is not None:
            ids = [c.id for c in entry.preview]
            if shown.id in ids:
                self.card_index = ids.index(shown.id)
        names = ", ".join(p.name for p in self.shelf.last_reloaded) or _("nothing")
        self.note = _("Reloaded {files}").format(files=names)
        self.layout()

    def wake_in(self) -> float | None:
        # The app loop sleeps until input or this: a look at the disk a few times a second.
        return self.shelf.watcher.due_in(self.now)

    # Layout -----------------------------------------------------------------------------
    def layout(self) -> None:
        m = self.look.metrics
        w, h = self.size
        bh = m.button_height
        self.button_row = pygame.Rect(m.margin, h - m.margin - bh, w - 2 * m.margin, bh)
        # The deck folder's line wraps between its parts in a small window: a line each.
        self.footer_lines = self.look.text.join_lines(
            footer_parts(), m.small, w - 2 * m.margin, sep="  ·  "
        )
        step = round(m.small * preview.FOOTER_LINE)
        tall = step * len(self.footer_lines)
        self.footer = pygame.Rect(
            m.margin, self.button_row.y - m.gap - tall, w - 2 * m.margin, tall - step + m.small
        )
        top = m.margin + round(m.heading * HEADING_ROOM)
        body_h = self.footer.y - m.gap - top
        left_w = round((w - 3 * m.margin) * LIST_SHARE)
        self.left = pygame.Rect(m.margin, top, left_w, body_h)
        self.right = pygame.Rect(self.left.right + m.margin, top, w - left_w - 3 * m.margin, body_h)
        self.buttons = [
            Button(
                action,
                _(label),
                keymap.hint(key, scene=SCENE),
                style="primary" if action == "back" else "normal",
            )
            for action, label, key in BUTTONS
        ]
        row(self.buttons, self.button_row, bh, m.gap)
        self.focus.set(list(self.buttons))
        self.list_layout = place_list(
            self.look, self.shelf.entries, self.rows(), self.deck_index, self.left
        )
        self.list_rows = self.list_layout.targets
        self.problem_area = self.problem_box()
        self.card_box = preview.card_rect(self, self.problem_area)
        card = self.current_card()
        if card is not None and min(self.card_box.size) > 0:
            preview.card_surface(self, card, self.card_box.size)  # now, so draw() only blits

    # Drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        backdrop(surface, self.look)
        entries = self.shelf.entries
        skipped = sum(1 for e in entries if not e.deck.ok)
        title = ngettext("Deck workshop · {n} deck", "Deck workshop · {n} decks", len(entries))
        title = title.format(n=len(entries))
        if skipped:
            title = _("{title}, {skipped} skipped").format(title=title, skipped=skipped)
        heading(surface, self.look, title, (m.margin, m.margin))
        note = self.look.text.line(self.note, m.small, t.text_muted, self.size[0] // 2)
        surface.blit(note, note.get_rect(topright=(self.size[0] - m.margin, m.margin + m.gap)))
        if self.list_layout is not None:
            draw_list(surface, self.look, self.list_layout, entries, self.deck_index)
        preview.draw_card(surface, self)
        preview.draw_footer(surface, self)
        self.draw_buttons(surface)
