"""The workshop's deck list on screen: laid out once per change, then only drawn.

:func:`place_list` works out which rows of :func:`deckgame.decklist.list_rows` show, where,
and what each deck row says (its status shortened to fit, its counts wrapped), scrolled so
the chosen deck is in view; the click targets come from the same placing. :func:`draw_list`
paints a :class:`ListLayout` and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.content.packs import pack_info
from deckgame.decklist import Entry, ListRow, deck_statuses, level_count_parts
from deckgame.i18n import _, ngettext
from deckgame.ui.assets import Face
from deckgame.ui.look import Look, rounded_rect, shadow

# Line heights, in units of the font size they hold.
HEADING_ROW = 1.7  # a group's heading
NAME_LINE = 1.3  # a deck's name
DETAIL_LINE = 1.3  # each line of a deck's counts and file name
MORE_LINE = 1.5  # the "more above / below" line the scrolled list keeps free
# The chosen row's outline: two design pixels, and never thinner than two real ones.
CHOSEN_OUTLINE = 2


@dataclass(frozen=True)
class PlacedRow:
    """A row of the list where it is drawn; a deck row with what it says."""

    rect: pygame.Rect
    row: ListRow
    status: str = ""
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListLayout:
    """The deck list as laid out: the panel, the rows in view, what is scrolled away."""

    panel: pygame.Rect
    area: pygame.Rect  # inside the panel's padding
    rows: tuple[PlacedRow, ...]
    above: int  # decks scrolled out above
    below: int  # decks that did not fit below

    @property
    def targets(self) -> list[tuple[pygame.Rect, int]]:
        """Where a click chooses which deck (index into the shelf's entries)."""
        return [(p.rect, p.row.index) for p in self.rows if p.row.index is not None]


def deck_row_text(look: Look, entry: Entry, inside: int) -> tuple[str, list[str]]:
    """A deck row's status and its detail lines, ``inside`` wide: the status said
    shorter when the name would not fit beside the whole of it, the counts and file
    name wrapped between their parts rather than cut."""
    m = look.metrics
    text = look.text
    deck = entry.deck
    statuses = deck_statuses(deck)
    name_w = text.size(deck.name, m.body, Face.BOLD)[0]
    status = statuses[-1]
    for candidate in statuses:
        if name_w + m.gap + text.size(candidate, m.small, Face.BOLD)[0] <= inside:
            status = candidate
            break
    parts = [*level_count_parts((*deck.cards, *deck.closing)), deck.path.name]
    return status, text.join_lines(parts, m.small, inside)


def group_parts(entries: list[Entry], rows: list[ListRow], heading: int) -> list[str]:
    """What a group's heading says under it: the pack's (or loose decks') authors,
    licences, languages and how many decks and cards, from the deck rows that follow."""
    decks = []
    for r in rows[heading + 1 :]:
        if r.index is None:
            break
        decks.append(entries[r.index].deck)
    info = pack_info(decks)
    parts = []
    if info.authors:
        parts.append(_("by {authors}").format(authors=", ".join(info.authors)))
    if info.licences:
        parts.append(_("licence {licences}").format(licences=", ".join(info.licences)))
    if info.languages:
        parts.append(_("language {tags}").format(tags=", ".join(info.languages)))
    parts.append(ngettext("{n} deck", "{n} decks", info.decks).format(n=info.decks))
    parts.append(ngettext("{n} card", "{n} cards", info.cards).format(n=info.cards))
    return parts


def place_list(
    look: Look, entries: list[Entry], rows: list[ListRow], chosen_index: int, panel: pygame.Rect
) -> ListLayout:
    """Lay the list out in ``panel``, scrolled so the deck ``chosen_index`` shows, with a
    line saying what is hidden above or below."""
    m = look.metrics
    area = panel.inflate(-2 * m.gap, -2 * m.gap)
    inside = area.width - 2 * m.gap  # a deck row's text, between its paddings
    said = [
        ("", look.text.join_lines(group_parts(entries, rows, i), m.small, area.width))
        if r.index is None
        else deck_row_text(look, entries[r.index], inside)
        for i, r in enumerate(rows)
    ]
    heights = [
        round(m.small * HEADING_ROW + m.small * DETAIL_LINE * len(text[1]))
        if r.index is None
        else round(m.body * NAME_LINE + m.small * DETAIL_LINE * len(text[1])) + m.gap
        for r, text in zip(rows, said, strict=True)
    ]
    chosen = next((i for i, r in enumerate(rows) if r.index == chosen_index), 0)
    hint = round(m.small * MORE_LINE)
    first = 0

    def top_hint(first: int) -> int:
        """Room for "more above" when a deck (not only a heading) is scrolled away."""
        return hint if any(r.index is not None for r in rows[:first]) else 0

    while first < chosen and sum(heights[first : chosen + 1]) + top_hint(first) > area.height:
        first += 1
    y = area.y + top_hint(first)
    bottom = area.bottom
    if sum(heights[first:]) > bottom - y:
        bottom -= hint
    placed: list[PlacedRow] = []
    below = 0
    for i in range(first, len(rows)):
        r, rh = rows[i], heights[i]
        # A group's heading goes below with its first deck, never alone at the bottom.
        after = heights[i + 1] if r.index is None and i + 1 < len(rows) else 0
        if y + rh + after > bottom:
            below = sum(1 for rest in rows[i:] if rest.index is not None)
            break
        rect = pygame.Rect(area.x, y, area.width, rh)
        placed.append(PlacedRow(rect, r, said[i][0], tuple(said[i][1])))
        y += rh
    above = sum(1 for r in rows[:first] if r.index is not None)
    return ListLayout(panel, area, tuple(placed), above, below)


def draw_list(
    surface: pygame.Surface, look: Look, layout: ListLayout, entries: list[Entry], chosen: int
) -> None:
    """Paint the list as laid out."""
    t = look.theme
    m = look.metrics
    text = look.text
    area = layout.area
    shadow(surface, look, layout.panel, m.radius)
    rounded_rect(surface, t.surface, layout.panel, m.radius)
    for placed in layout.rows:
        if placed.row.index is None:
            _draw_heading(surface, look, placed, area.width)
        else:
            ok = entries[placed.row.index].deck.ok
            _draw_deck_row(surface, look, placed, ok, placed.row.index == chosen)
    if layout.below:
        more = ngettext("↓ {n} more below", "↓ {n} more below", layout.below)
        img = text.line(more.format(n=layout.below), m.small, t.text_muted, area.width)
        surface.blit(img, img.get_rect(bottomright=area.bottomright))
    if layout.above:
        more = ngettext("↑ {n} more above", "↑ {n} more above", layout.above)
        img = text.line(more.format(n=layout.above), m.small, t.text_muted, area.width)
        surface.blit(img, img.get_rect(topright=area.topright))


def _draw_heading(surface: pygame.Surface, look: Look, placed: PlacedRow, width: int) -> None:
    """A group's heading, and under it what its pack says of itself."""
    t = look.theme
    m = look.metrics
    rect = placed.rect
    img = look.text.line(placed.row.text, m.small, t.text_muted, width, face=Face.BOLD)
    head = round(m.small * HEADING_ROW)
    surface.blit(img, (rect.x, rect.y + (head - img.get_height()) // 2))
    y = rect.y + head - round(m.small * (HEADING_ROW - DETAIL_LINE) / 2)
    for line in placed.details:
        surface.blit(look.text.line(line, m.small, t.text_muted, width), (rect.x, y))
        y += round(m.small * DETAIL_LINE)


def _draw_deck_row(
    surface: pygame.Surface, look: Look, placed: PlacedRow, ok: bool, chosen: bool
) -> None:
    t = look.theme
    m = look.metrics
    text = look.text
    rect = placed.rect
    if chosen:
        rounded_rect(surface, t.surface_alt, rect, m.radius)
        outline = max(CHOSEN_OUTLINE, m.px(CHOSEN_OUTLINE))
        pygame.draw.rect(surface, t.focus, rect, outline, border_radius=m.radius)
    pad = m.gap
    status_img = text.render(placed.status, m.small, t.text if ok else t.accent, face=Face.BOLD)
    name_w = rect.width - 3 * pad - status_img.get_width()
    name = text.line(placed.row.text, m.body, t.text, name_w, face=Face.BOLD, min_size=m.min_text)
    surface.blit(name, (rect.x + pad, rect.y + pad // 2))
    surface.blit(status_img, status_img.get_rect(topright=(rect.right - pad, rect.y + pad)))
    y = rect.y + pad // 2 + round(m.body * NAME_LINE)
    for line in placed.details:
        detail = text.line(line, m.small, t.text_muted, rect.width - 2 * pad)
        surface.blit(detail, (rect.x + pad, y))
        y += round(m.small * DETAIL_LINE)
