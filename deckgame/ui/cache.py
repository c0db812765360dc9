"""Image caches bounded in bytes: least recently used first out, past a budget.

Every picture the UI keeps between frames (text, translucent layers, backdrops, cards)
lives in an :class:`ImageCache`. An entry counts the bytes of its pixels
(``pitch * height``), so a window-sized layer at 3840x2160 weighs 33 MB and a word 20 kB,
and the budget is what bounds memory, not how many entries there are.

A budget is either fixed (the text cache: words do not grow with the window) or a number
of window-sized images, following the window up to :data:`LARGEST_WINDOW` and no further:
that is its hard ceiling, whatever the screen. Window-sized caches are cleared when the
window changes size or theme, text when the theme changes (:func:`look_changed`, called by
:meth:`deckgame.ui.look.Look.resized`): their old entries can never be drawn again.

>>> cache: ImageCache[str] = ImageCache("example", budget=1000)
>>> _ = cache.put("a", pygame.Surface((10, 10), pygame.SRCALPHA))  # 400 bytes
>>> _ = cache.put("b", pygame.Surface((10, 10), pygame.SRCALPHA))
>>> _ = cache.get("a")  # "a" is now the most recently used
>>> _ = cache.put("c", pygame.Surface((10, 10), pygame.SRCALPHA))
>>> list(cache)
['a', 'c']
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

import pygame

MiB = 2**20
# Budgets that follow the window stop growing here: their hard ceiling.
LARGEST_WINDOW = (3840, 2160)
_WINDOW_BPP = 4  # the display format: 32 bits a pixel
# The text cache: two window-sized images' worth of words and lines, 16 MB at least (a
# small window's several screens: the help, the table, a settings page) and 64 MB at most
# (the same screens at 4K, where one card's question at one size is 5 MB).
TEXT_WINDOWS = 2.0
TEXT_BUDGET = (16 * MiB, 64 * MiB)
# Fonts are small (a FreeType face and its glyph cache, some 100 kB each) but one is opened
# per (face, size) and every window size asks for new sizes: a count cap, oldest out.
FONT_LIMIT = 96

K = TypeVar("K", bound=Hashable)

_theme: str | None = None  # the theme last laid out
_caches: weakref.WeakSet[ImageCache[Any]] = weakref.WeakSet()


def surface_bytes(surface: pygame.Surface) -> int:
    """The bytes a surface's pixels hold (rows include their padding)."""
    return surface.get_pitch() * surface.get_height()


def window_size() -> tuple[int, int]:
    """The window's size now (the last one laid out when there is no window)."""
    screen = pygame.display.get_surface() if pygame.display.get_init() else None
    if screen is not None:
        return screen.get_size()
    return (1280, 720)


def window_bytes(size: tuple[int, int] | None = None) -> int:
    """The bytes of one window-sized image at ``size`` (the window's size if left out),
    the window taken no larger than :data:`LARGEST_WINDOW`."""
    w, h = size if size is not None else window_size()
    return min(w * h, LARGEST_WINDOW[0] * LARGEST_WINDOW[1]) * _WINDOW_BPP


class ImageCache(Generic[K]):
    """Surfaces by key, least recently used out first once their bytes pass the budget.

    ``budget`` is a fixed number of bytes; ``windows`` instead makes the budget that many
    window-sized images of the current window (see :func:`window_bytes`), kept within
    ``limits`` (least, most) when given. A surface larger
    than the whole budget is handed back but not kept: the budget is never exceeded.
    ``per_window``: cleared when the window changes size or theme; ``per_theme``: when the
    theme changes (see :func:`look_changed`)."""

    def __init__(
        self,
        name: str,
        *,
        budget: int = 0,
        windows: float = 0.0,
        limits: tuple[int, int] | None = None,
        per_window: bool = False,
        per_theme: bool = False,
    ) -> None:
        if (budget > 0) == (windows > 0):
            raise ValueError("an ImageCache needs a budget in bytes or in windows, not both")
        self.name = name
        self._budget = budget
        self.windows = windows
        self.limits = limits
        self.per_window = per_window
        self.per_theme = per_theme or per_window
        self._items: OrderedDict[K, tuple[pygame.Surface, int]] = OrderedDict()
        self.made_at: tuple[int, int] | None = None  # the window size its entries were made at
        self.bytes = 0
        self.evictions = 0
        _caches.add(self)

    @property
    def budget(self) -> int:
        """The most bytes this cache holds now."""
        if self._budget:
            return self._budget
        budget = round(self.windows * window_bytes())
        if self.limits is not None:
            budget = max(self.limits[0], min(self.limits[1], budget))
        return budget

    def get(self, key: K) -> pygame.Surface | None:
        """The surface kept for ``key`` (now the most recently used), or None."""
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, surface: pygame.Surface) -> pygame.Surface:
        """Keep ``surface`` for ``key``, evicting the least recently used past the budget."""
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        size = surface_bytes(surface)
        budget = self.budget
        if size <= budget:
            if self.per_window:
                window = window_size()
                if window != self.made_at:  # pictures for another window size: never again
                    self.clear()
                    self.made_at = window
            self._items[key] = (surface, size)
            self.bytes += size
            self.trim(budget)
        return surface

    def trim(self, budget: int | None = None) -> None:
        """Evict the least recently used until the bytes are within ``budget`` (the cache's)."""
        limit = self.budget if budget is None else budget
        while self.bytes > limit and self._items:
            _key, (_surface, size) = self._items.popitem(last=False)
            self.bytes -= size
            self.evictions += 1

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0
        self.made_at = None

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first."""
        return iter(list(self._items))


class FontCache(Generic[K]):
    """Fonts by key, capped by count (a font's memory is small and hard to measure)."""

    def __init__(self, limit: int = FONT_LIMIT) -> None:
        self.limit = limit
        self._items: OrderedDict[K, pygame.font.Font] = OrderedDict()

    def get(self, key: K) -> pygame.font.Font | None:
        font = self._items.get(key)
        if font is not None:
            self._items.move_to_end(key)
        return font

    def put(self, key: K, font: pygame.font.Font) -> pygame.font.Font:
        self._items[key] = font
        self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)
        return font

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def live_caches() -> list[ImageCache[Any]]:
    """Every image cache alive now, by name (for benchmarks and tests)."""
    return sorted(_caches, key=lambda cache: cache.name)


def look_changed(size: tuple[int, int], theme: str) -> None:
    """The window is laid out at ``size`` in ``theme``: what belongs to another size or
    theme goes, and every cache is brought within its budget for this window."""
    global _theme
    before, _theme = _theme, theme
    for cache in list(_caches):
        new_theme = before is not None and before != theme
        if (cache.per_theme and new_theme) or (
            cache.per_window and cache.made_at not in (None, size)
        ):
            cache.clear()
        else:
            cache.trim()


def theme_seen(theme: str) -> None:
    """A look starts in ``theme`` (so the next :func:`look_changed` knows what changed)."""
    global _theme
    _theme = theme
