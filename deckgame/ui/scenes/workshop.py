"""The deck workshop: every deck and its problems, its cards as the table draws them, live.

While the scene is open a :class:`~deckgame.watch.DeckWatcher` looks at the deck files a
few times a second (driven by ``update``'s clock, no thread); a saved file is reloaded on
its own and the preview and problem list follow. A deck that breaks keeps showing its last
good cards, marked as such, beside the errors that broke it.

:class:`Shelf` holds the decks and does the reloading; it knows nothing of drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from deckgame.model import Card, card_level_names
from deckgame.printing import CARD_H, CARD_W, PRINT_OTHER, PRINT_PLAYER
from deckgame.ui.assets import Face
from deckgame.ui.cache import ImageCache
from deckgame.ui.cards import TABLE_RATIO, card_view, render_card
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.printfaces import print_view
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.common import backdrop, heading, row
from deckgame.ui.settings import TEXT_SCALES, THEME_NAMES
from deckgame.ui.theme import THEMES, theme_named
from deckgame.ui.widgets import Button
from deckgame.watch import DeckWatcher

if TYPE_CHECKING:
    from deckgame.loader import Library, LoadedDeck, Origin
    from deckgame.model import PackOf, PackSpec
    from deckgame.ui.app import App
    from deckgame.yamlsafe import Problem

# Names to try cards with: short, long, and scripts the bundled font does not cover.
SAMPLE_NAMES: tuple[tuple[str, str], ...] = (
    ("Ana", "Ben"),
    ("Kofi", "Mei"),
    ("Zoë", "Aleksandr-Maximilian"),
    ("さくら", "Omar"),
)
PRINT_RATIO = CARD_W / CARD_H  # poker size, as `deckgame print` lays it out
KEY_HINTS = (
    "↑↓ deck",
    "←→ card",
    "PgUp/PgDn or 1-9 level",
    "C closing",
    "+/- text",
    "R reload",
)


# --- the decks, kept fresh ---------------------------------------------------------------


@dataclass
class Entry:
    """One deck file as the workshop knows it."""

    deck: LoadedDeck  # as last read, with clashes against other decks added
    good: tuple[Card, ...] = ()  # the cards of the last version without problems
    stale: bool = False  # the preview shows ``good`` because the file is broken now

    @property
    def preview(self) -> tuple[Card, ...]:
        """What to browse: the cards, else the last good ones, else whatever validated."""
        if self.deck.ok:
            return (*self.deck.cards, *self.deck.closing)
        if self.good:
            return self.good
        return (*self.deck.cards, *self.deck.closing)


@dataclass
class Shelf:
    """The loaded decks, reloaded file by file as the watcher reports saves."""

    entries: list[Entry]
    raw: dict[Path, LoadedDeck]  # each file read on its own (no cross-deck checks)
    problems: list[Problem]  # problems outside any deck: pack files, missing paths
    packs: dict[str, PackSpec]  # pack name -> its pack.yaml, as last read
    roots: list[tuple[Path, Origin]]
    watcher: DeckWatcher
    reloads: int = 0
    last_reloaded: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def from_library(
        cls, library: Library, roots: Sequence[tuple[Path, Origin]], interval: float = 0.3
    ) -> Shelf:
        from deckgame.loader import load_deck_file

        # Read each deck once more on its own: the library's copies already carry clashes
        # with other decks, which must be worked out again whenever any file changes.
        packs = dict(library.packs)
        raw = {
            d.path: load_deck_file(d.path, d.origin, _pack(packs, d.pack)) for d in library.decks
        }
        deck_paths = {d.path for d in library.decks}
        others = [p for p in library.problems if Path(p.path) not in deck_paths]
        shelf = cls(
            entries=[],
            raw=raw,
            problems=others,
            packs=packs,
            roots=list(roots),
            watcher=DeckWatcher([r for r, _ in roots], interval=interval),
        )
        shelf._rebuild()
        return shelf

    @property
    def level_names(self) -> dict[int, str]:
        """The level bar's names for every deck shown in play (each card shows its own)."""
        from deckgame.model import bar_level_names

        return bar_level_names(card for e in self.entries if e.deck.ok for card in e.deck.cards)

    def poll(self, now: float) -> bool:
        """Look for saved files if it is time; True when something was reloaded."""
        changes = self.watcher.poll(now)
        if not changes:
            return False
        self.apply(changes.changed + changes.appeared, changes.vanished)
        return True

    def apply(self, touched: Iterable[Path], vanished: Iterable[Path] = ()) -> None:
        """Reload ``touched`` files and forget ``vanished`` ones."""
        from deckgame.loader import PACK_FILE, load_deck_file

        done: list[Path] = []
        for path in vanished:
            self.raw.pop(path, None)
            self.problems = [p for p in self.problems if Path(p.path) != path]
            done.append(path)
        for path in touched:
            if path.name == PACK_FILE:
                self._reload_pack(path)
            else:
                origin, pack = self._place_of(path)
                self.raw[path] = load_deck_file(path, origin, _pack(self.packs, pack))
            done.append(path)
        self.reloads += 1
        self.last_reloaded = tuple(done)
        self._rebuild()

    def _place_of(self, path: Path) -> tuple[Origin, str]:
        from deckgame.loader import Origin

        known = self.raw.get(path)
        if known is not None:
            return known.origin, known.pack
        origin = Origin.EXTRA
        for root, root_origin in self.roots:
            if path == root or root in path.parents:
                origin = root_origin
                break
        # A new file joins the pack of the decks beside it (a new pack folder has none yet).
        for other in self.raw.values():
            if other.path.parent == path.parent and other.pack:
                return origin, other.pack
        return origin, ""

    def _reload_pack(self, path: Path) -> None:
        from deckgame.loader import load_deck_file, load_pack_file

        spec, problems = load_pack_file(path)
        self.problems = [p for p in self.problems if Path(p.path) != path] + problems
        if spec is None:
            return
        self.packs[spec.name] = spec
        folder = path.parent
        for deck_path, deck in list(self.raw.items()):
            if folder == deck_path.parent or folder in deck_path.parents:
                # Read again: the cards carry their pack's name and its names for levels.
                self.raw[deck_path] = load_deck_file(
                    deck_path, deck.origin, _pack(self.packs, spec.name)
                )

    def _rebuild(self) -> None:
        """Entries in load order, with the loader's rule for ids used in two decks
        (:func:`deckgame.clashes.with_clashes`): the first deck in play keeps the id."""
        from deckgame.clashes import load_order, with_clashes

        previous = {e.deck.path: e for e in self.entries}
        roots = [root for root, _ in self.roots]
        ordered = sorted(self.raw.values(), key=lambda deck: load_order(deck.path, roots))
        entries: list[Entry] = []
        for deck in with_clashes(ordered):
            before = previous.get(deck.path)
            good = (*deck.cards, *deck.closing) if deck.ok else (before.good if before else ())
            entries.append(Entry(deck=deck, good=good, stale=not deck.ok and bool(good)))
        self.entries = entries


def _pack(packs: dict[str, PackSpec], name: str) -> PackOf:
    """The pack named ``name`` as its decks' cards need it (its level names)."""
    from deckgame.model import PackOf

    spec = packs.get(name)
    return PackOf(name, spec.levels if spec is not None else {})


def problem_line(problem: Problem) -> str:
    """``PATH:LINE:COLUMN: message``, as the workshop lists it."""
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.message}"


def footer_parts() -> list[str]:
    """What the line over the buttons says: where the player's own decks go, and how."""
    from deckgame.paths import user_decks_dir

    return [
        f"Your deck folder: {user_decks_dir()}",
        "decks there load in every session",
        "`deckgame new NAME --type T` starts one",
    ]


def level_counts(cards: Iterable[Card]) -> str:
    """``L1 12 · L2 9 · closing 2``: the cards per level."""
    counts: dict[int | None, int] = {}
    for card in cards:
        counts[card.level] = counts.get(card.level, 0) + 1
    parts = [f"L{level} {counts[level]}" for level in sorted(k for k in counts if k is not None)]
    if None in counts:
        parts.append(f"closing {counts[None]}")
    return " · ".join(parts) if parts else "no cards"


def default_roots(extra: Sequence[Path], *, builtin: bool, user: bool) -> list[tuple[Path, Origin]]:
    """The folders and files the loader read, with the origin each gives its decks."""
    from deckgame.loader import Origin
    from deckgame.paths import user_decks_dir
    from deckgame.resources import builtin_decks_dir

    roots: list[tuple[Path, Origin]] = []
    if builtin:
        roots.append((builtin_decks_dir(), Origin.BUILTIN))
    if user:
        roots.append((user_decks_dir(), Origin.USER))
    roots.extend((Path(p), Origin.EXTRA) for p in extra)
    return roots


# --- the scene -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """One line of the deck list: a pack heading or a deck (``index`` into the entries)."""

    text: str
    index: int | None = None


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
        self.note = f"Watching {len(shelf.watcher.files)} files for changes"
        # The previewed card in its sizes and themes: two window-sized images' worth (66 MB
        # at 4K at most), cleared with the window's size or theme; filled by layout().
        self._cards: ImageCache[tuple[object, ...]] = ImageCache(
            "workshop cards", windows=2, per_window=True
        )
        self.list_rows: list[tuple[pygame.Rect, int]] = []

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

    def rows(self) -> list[_Row]:
        """The deck list: each (source, pack) group under a heading, then its decks."""
        rows: list[_Row] = []
        group: tuple[str, str] | None = None
        for i, entry in enumerate(self.shelf.entries):
            deck = entry.deck
            key = (str(deck.origin), deck.pack)
            if key != group:
                group = key
                pack = f"{deck.pack} pack" if deck.pack else "loose decks"
                rows.append(_Row(f"{pack} · {deck.origin}"))
            rows.append(_Row(deck.name, i))
        return rows

    # Input ------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> None:
        key = event.key
        actions = {
            pygame.K_ESCAPE: "back",
            pygame.K_BACKSPACE: "back",
            pygame.K_UP: "deck_prev",
            pygame.K_DOWN: "deck_next",
            pygame.K_LEFT: "card_prev",
            pygame.K_RIGHT: "card_next",
            pygame.K_HOME: "card_first",
            pygame.K_END: "card_last",
            pygame.K_PAGEUP: "level_prev",
            pygame.K_PAGEDOWN: "level_next",
            pygame.K_t: "theme",
            pygame.K_PLUS: "text_larger",
            pygame.K_EQUALS: "text_larger",
            pygame.K_KP_PLUS: "text_larger",
            pygame.K_MINUS: "text_smaller",
            pygame.K_KP_MINUS: "text_smaller",
            pygame.K_n: "names",
            pygame.K_p: "shape",
            pygame.K_r: "reload",
            pygame.K_c: "closing",
        }
        if pygame.K_1 <= key <= pygame.K_9:
            self.jump_to_level(key - pygame.K_0)
            return
        action = actions.get(key)
        if action is not None:
            self.on_action(action)

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
            self._reloaded(self._force_scan())
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

    def _force_scan(self) -> bool:
        changes = self.shelf.watcher.scan()
        if changes:
            self.shelf.apply(changes.changed + changes.appeared, changes.vanished)
        return bool(changes)

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
        names = ", ".join(p.name for p in self.shelf.last_reloaded) or "nothing"
        self.note = f"Reloaded {names}"
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
        step = round(m.small * 1.4)
        tall = step * len(self.footer_lines)
        self.footer = pygame.Rect(
            m.margin, self.button_row.y - m.gap - tall, w - 2 * m.margin, tall - step + m.small
        )
        top = m.margin + round(m.heading * 1.5)
        body_h = self.footer.y - m.gap - top
        left_w = round((w - 3 * m.margin) * 0.42)
        self.left = pygame.Rect(m.margin, top, left_w, body_h)
        self.right = pygame.Rect(self.left.right + m.margin, top, w - left_w - 3 * m.margin, body_h)
        self.buttons = [
            Button("card_prev", "Previous", "←"),
            Button("card_next", "Next", "→"),
            Button("theme", "Theme", "T"),
            Button("text_cycle", "Text size", "+"),
            Button("names", "Names", "N"),
            Button("shape", "Shape", "P"),
            Button("back", "Back", "Esc", style="primary"),
        ]
        row(self.buttons, self.button_row, bh, m.gap)
        self.focus.set(list(self.buttons))
        card = self.current_card()
        size = self.card_rect().size
        if card is not None and min(size) > 0:
            self._render(card, size)  # drawn now, so draw() only blits it

    def problems(self) -> list[Problem]:
        """The chosen deck's problems, then those outside any deck (pack files, paths)."""
        entry = self.entry
        own = list(entry.deck.problems) if entry is not None else []
        return own + self.shelf.problems

    def problem_box(self) -> pygame.Rect | None:
        """The lower part of the right side, when there are problems to list."""
        problems = self.problems()
        if not problems:
            return None
        m = self.look.metrics
        share = 0.45 if self.current_card() is not None else 0.6
        # As tall as the list needs, up to a share of the side: the card keeps the rest.
        wrap = self.right.width - 2 * m.gap
        need = m.gap * 2 + round(m.small * 1.6)
        for problem in problems:
            muted = self.look.theme.text_muted  # the colour it is drawn in: one cached render
            line = self.look.text.render(problem_line(problem), m.small, muted, wrap=wrap)
            need += line.get_height() + m.gap // 3
        h = min(round(self.right.height * share), need)
        return pygame.Rect(self.right.x, self.right.bottom - h, self.right.width, h)

    def card_rect(self) -> pygame.Rect:
        """Where the preview card goes: the table's shape, or the printed one."""
        m = self.look.metrics
        info_h = round(m.small * 1.5) * len(self._info_lines(self.current_card())) + m.gap
        box = self.problem_box()
        # Never below nothing: a layout made in the frame a window shrinks (before its resize
        # event) can have less room than the lines under the card.
        room = max(0, self.right.height - info_h - (box.height + m.gap if box is not None else 0))
        area = pygame.Rect(self.right.x, self.right.y, self.right.width, room)
        if self.printed:
            ch = area.height
            cw = round(ch * PRINT_RATIO)
        else:
            cw = min(area.width, round(area.height * TABLE_RATIO))
            ch = min(area.height, round(cw / TABLE_RATIO))
        return pygame.Rect(area.centerx - cw // 2, area.y, cw, ch)

    # Drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        backdrop(surface, self.look)
        entries = self.shelf.entries
        skipped = sum(1 for e in entries if not e.deck.ok)
        title = f"Deck workshop · {len(entries)} deck{'s' if len(entries) != 1 else ''}"
        if skipped:
            title += f", {skipped} skipped"
        heading(surface, self.look, title, (m.margin, m.margin))
        note = self.look.text.line(self.note, m.small, t.text_muted, self.size[0] // 2)
        surface.blit(note, note.get_rect(topright=(self.size[0] - m.margin, m.margin + m.gap)))
        self._draw_list(surface)
        self._draw_card(surface)
        self._draw_footer(surface)
        self.draw_buttons(surface)

    def _draw_list(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        panel = self.left
        shadow(surface, self.look, panel, m.radius)
        rounded_rect(surface, t.surface, panel, m.radius)
        list_area = panel.inflate(-2 * m.gap, -2 * m.gap)
        self.list_rows = []
        rows = self.rows()
        heights = [self._row_height(r) for r in rows]
        chosen = next((i for i, r in enumerate(rows) if r.index == self.deck_index), 0)
        # Scroll so the chosen deck is always in view, with a line saying what is hidden.
        hint = round(m.small * 1.5)
        first = 0
        while first < chosen and (
            sum(heights[first : chosen + 1]) + (hint if first else 0) > list_area.height
        ):
            first += 1
        y = list_area.y + (hint if first else 0)
        bottom = list_area.bottom
        if sum(heights[first:]) > bottom - y:
            bottom -= hint
        for i, (r, rh) in enumerate(zip(rows[first:], heights[first:], strict=True)):
            # A group's heading goes below with its first deck, never alone at the bottom.
            after = heights[first + i + 1] if r.index is None and first + i + 1 < len(rows) else 0
            if y + rh + after > bottom:
                hidden = sum(1 for below in rows[first + i :] if below.index is not None)
                more = f"↓ {hidden} more below"
                img = text.line(more, m.small, t.text_muted, list_area.width)
                surface.blit(img, img.get_rect(bottomright=list_area.bottomright))
                break
            if r.index is None:
                img = text.line(r.text, m.small, t.text_muted, list_area.width)
                surface.blit(img, (list_area.x, y + (rh - img.get_height()) // 2))
            else:
                self._draw_deck_row(surface, pygame.Rect(list_area.x, y, list_area.width, rh), r)
            y += rh
        hidden = sum(1 for above in rows[:first] if above.index is not None)
        if hidden:
            img = text.line(f"↑ {hidden} more above", m.small, t.text_muted, list_area.width)
            surface.blit(img, img.get_rect(topright=list_area.topright))

    def _row_height(self, r: _Row) -> int:
        m = self.look.metrics
        if r.index is None:
            return round(m.small * 1.7)
        details = len(self._deck_row(r.index, self._row_width())[1])
        return round(m.body * 1.3 + m.small * 1.3 * details) + m.gap

    def _row_width(self) -> int:
        """The inside of a deck row, between its paddings."""
        m = self.look.metrics
        return self.left.width - 2 * m.gap - 2 * m.gap

    def _deck_row(self, index: int, inside: int) -> tuple[str, list[str]]:
        """A deck row's status and its detail lines, ``inside`` wide: the status said
        shorter when the name would not fit beside the whole of it, the counts and file
        name wrapped between their parts rather than cut."""
        m = self.look.metrics
        text = self.look.text
        deck = self.shelf.entries[index].deck
        if deck.ok:
            statuses = ["in play"]
        else:
            count = len(deck.problems)
            said = f"{count} problem{'s' if count != 1 else ''}"
            statuses = [f"skipped: {said}", said]
        name_w = text.size(deck.name, m.body, Face.BOLD)[0]
        status = statuses[-1]
        for candidate in statuses:
            if name_w + m.gap + text.size(candidate, m.small, Face.BOLD)[0] <= inside:
                status = candidate
                break
        parts = [*level_counts((*deck.cards, *deck.closing)).split(" · "), deck.path.name]
        return status, text.join_lines(parts, m.small, inside)

    def _draw_deck_row(self, surface: pygame.Surface, rect: pygame.Rect, r: _Row) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        assert r.index is not None
        entry = self.shelf.entries[r.index]
        deck = entry.deck
        chosen = r.index == self.deck_index
        if chosen:
            rounded_rect(surface, t.surface_alt, rect, m.radius)
            pygame.draw.rect(surface, t.focus, rect, max(2, m.px(2)), border_radius=m.radius)
        self.list_rows.append((rect, r.index))
        pad = m.gap
        status, details = self._deck_row(r.index, rect.width - 2 * pad)
        status_img = text.render(status, m.small, t.text if deck.ok else t.accent, face=Face.BOLD)
        name_w = rect.width - 3 * pad - status_img.get_width()
        name = text.line(r.text, m.body, t.text, name_w, face=Face.BOLD, min_size=m.min_text)
        surface.blit(name, (rect.x + pad, rect.y + pad // 2))
        surface.blit(status_img, status_img.get_rect(topright=(rect.right - pad, rect.y + pad)))
        y = rect.y + pad // 2 + round(m.body * 1.3)
        for line in details:
            detail = text.line(line, m.small, t.text_muted, rect.width - 2 * pad)
            surface.blit(detail, (rect.x + pad, y))
            y += round(m.small * 1.3)

    def _draw_problems(
        self,
        surface: pygame.Surface,
        box: pygame.Rect,
        problems: list[Problem],
    ) -> None:
        t = self.look.theme
        m = self.look.metrics
        text = self.look.text
        entry = self.entry
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''}"
        if entry is not None and entry.stale:
            head += " · the preview shows the last good version"
        y = box.y + m.gap // 2
        img = text.line(head, m.small, t.text, box.width, face=Face.BOLD)
        surface.blit(img, (box.x, y))
        y += img.get_height() + m.gap // 2
        for i, problem in enumerate(problems):
            line = text.render(problem_line(problem), m.small, t.text_muted, wrap=box.width)
            if y + line.get_height() > box.bottom:
                more = text.line(f"… and {count - i} more", m.small, t.text, box.width)
                surface.blit(more, (box.x, min(y, box.bottom - more.get_height())))
                break
            surface.blit(line, (box.x, y))
            y += line.get_height() + m.gap // 3

    def _draw_card(self, surface: pygame.Surface) -> None:
        m = self.look.metrics
        text = self.look.text
        rect = self.card_rect()
        card = self.current_card()
        theme = theme_named(self.theme_name)
        # The card sits on its own theme's table colour, so a dark card is judged on dark.
        stage = pygame.Rect(self.right.x, rect.y, self.right.width, rect.height)
        rounded_rect(surface, theme.background, stage.inflate(m.gap, m.gap), m.radius)
        if card is None:
            msg = "This deck has no card to show yet: fix the problems below."
            wrap = stage.width - 4 * m.gap
            img = text.render(msg, m.body, theme.text, wrap=wrap, align="center")
            surface.blit(img, img.get_rect(center=stage.center))
        elif min(rect.size) > 0:
            surface.blit(self._render(card, rect.size), rect)
        y = stage.bottom + m.gap
        for line, colour in self._info_lines(card):
            img = text.line(line, m.small, colour, self.right.width, min_size=m.min_text)
            surface.blit(img, (self.right.x, y))
            y += round(m.small * 1.5)
        box = self.problem_box()
        if box is not None:
            shadow(surface, self.look, box, m.radius)
            rounded_rect(surface, self.look.theme.surface, box, m.radius)
            self._draw_problems(surface, box.inflate(-2 * m.gap, -m.gap), self.problems())

    def _info_lines(self, card: Card | None) -> list[tuple[str, tuple[int, int, int]]]:
        """The lines under the card, each wrapped between its parts to the right side."""
        t = self.look.theme
        entry = self.entry
        parts: list[tuple[list[str], tuple[int, int, int]]] = []
        if entry is not None and card is not None:
            total = len(entry.preview)
            where = "closing" if card.level is None else f"level {card.level}"
            kind = "question" if card.kind == "ask" else "challenge"
            place = entry.deck.places.get(card.id)
            about = [f"Card {min(self.card_index, total - 1) + 1} of {total}", where, kind]
            about.append(f"id {card.id}")
            if place and not entry.stale:
                about.append(f"line {place[0]}")
            if entry.stale:
                about.append("LAST GOOD VERSION")
            parts.append((about, t.text))
        player, other = SAMPLE_NAMES[self.names]
        if self.printed:
            player, other = PRINT_PLAYER, PRINT_OTHER
        shape = "printed" if self.printed else "table"
        parts.append(
            (
                [
                    f"Theme {THEMES[self.theme_name].label}",
                    f"text {round(self.text_scale * 100)} %",
                    f"{{player}} = {player}, {{other}} = {other}",
                    f"{shape} shape",
                ],
                t.text_muted,
            )
        )
        parts.append((list(KEY_HINTS), t.text_muted))
        m = self.look.metrics
        width = self.right.width
        return [
            (line, colour)
            for pieces, colour in parts
            for line in self.look.text.join_lines(pieces, m.small, width, balance=True)
        ]

    def _render(self, card: Card, size: tuple[int, int]) -> pygame.Surface:
        if self.printed:
            # Exactly the front `deckgame print` lays out, names for a reader included.
            view = print_view(card, card_level_names(card))
        else:
            player, other = SAMPLE_NAMES[self.names]
            view = card_view(card, player=player, other=other, level_names=self.shelf.level_names)
        key = (view, size, self.theme_name, self.text_scale)
        surf = self._cards.get(key)
        if surf is None:
            surf = render_card(
                view, size, theme_named(self.theme_name), self.text_scale, self.look.text
            )
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._cards.put(key, surf)
        return surf

    def _draw_footer(self, surface: pygame.Surface) -> None:
        t = self.look.theme
        m = self.look.metrics
        y = self.footer.y
        for line in self.footer_lines:
            img = self.look.text.line(line, m.small, t.text, self.footer.width)
            surface.blit(img, (self.footer.x, y))
            y += round(m.small * 1.4)
