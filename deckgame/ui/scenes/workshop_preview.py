"""The workshop's right side: the chosen card as the table (or the printer) draws it, the
lines under it, and the deck's problems; and the line over the buttons.

The sizes are worked out in :meth:`WorkshopScene.layout` (:func:`card_rect`,
:func:`problem_box`, the card rendered by :func:`card_surface`); the ``draw_`` functions
only paint what that left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from deckgame.content.sheet_read import SHEET_SUFFIXES
from deckgame.decklist import problem_line
from deckgame.i18n import N_, _, ngettext
from deckgame.kinds import Card
from deckgame.levels import card_level_names
from deckgame.printing import CARD_H, CARD_W
from deckgame.ui.assets import Face
from deckgame.ui.cards import TABLE_RATIO, card_view, render_card
from deckgame.ui.look import rounded_rect, shadow
from deckgame.ui.printfaces import print_view
from deckgame.ui.theme import RGB, THEMES, theme_named

if TYPE_CHECKING:
    from deckgame.ui.scenes.workshop import WorkshopScene
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
    N_("↑↓ deck"),
    N_("←→ card"),
    N_("PgUp/PgDn or 1-9 level"),
    N_("C closing"),
    N_("+/- text"),
    N_("R reload"),
)
# Line heights, in units of the small font size.
INFO_LINE = 1.5  # each line under the card
PROBLEMS_HEAD = 1.6  # the problem list's heading, as the box's height reckons it
FOOTER_LINE = 1.4  # each line over the buttons
# How much of the right side the problem list may take, with a card above it or without.
PROBLEMS_SHARE = 0.45
PROBLEMS_SHARE_NO_CARD = 0.6


def footer_parts() -> list[str]:
    """What the line over the buttons says: where the player's own decks go, and how."""
    from deckgame.paths import user_decks_dir

    return [
        _("Your deck folder: {folder}").format(folder=user_decks_dir()),
        _("decks there load in every session"),
        _("`deckgame new NAME --type T` starts one"),
    ]


def problem_box(scene: WorkshopScene) -> pygame.Rect | None:
    """The lower part of the right side, when there are problems to list."""
    problems = scene.problems()
    if not problems:
        return None
    look = scene.look
    m = look.metrics
    right = scene.right
    share = PROBLEMS_SHARE if scene.current_card() is not None else PROBLEMS_SHARE_NO_CARD
    # As tall as the list needs, up to a share of the side: the card keeps the rest.
    wrap = right.width - 2 * m.gap
    need = m.gap * 2 + round(m.small * PROBLEMS_HEAD)
    for problem in problems:
        muted = look.theme.text_muted  # the colour it is drawn in: one cached render
        line = look.text.render(problem_line(problem), m.small, muted, wrap=wrap)
        need += line.get_height() + m.gap // 3
    h = min(round(right.height * share), need)
    return pygame.Rect(right.x, right.bottom - h, right.width, h)


def card_rect(scene: WorkshopScene, box: pygame.Rect | None) -> pygame.Rect:
    """Where the preview card goes, above the problem ``box``: the table's shape, or the
    printed one."""
    m = scene.look.metrics
    right = scene.right
    info_h = round(m.small * INFO_LINE) * len(info_lines(scene, scene.current_card())) + m.gap
    # Never below nothing: a layout made in the frame a window shrinks (before its resize
    # event) can have less room than the lines under the card.
    room = max(0, right.height - info_h - (box.height + m.gap if box is not None else 0))
    area = pygame.Rect(right.x, right.y, right.width, room)
    if scene.printed:
        ch = area.height
        cw = round(ch * PRINT_RATIO)
    else:
        cw = min(area.width, round(area.height * TABLE_RATIO))
        ch = min(area.height, round(cw / TABLE_RATIO))
    return pygame.Rect(area.centerx - cw // 2, area.y, cw, ch)


def _about(scene: WorkshopScene, card: Card) -> list[str]:
    """The card's place in its deck: number, level, kind, id, line."""
    entry = scene.entry
    assert entry is not None
    total = len(entry.preview)
    where = _("closing") if card.level is None else _("level {n}").format(n=card.level)
    kind = _("question") if card.kind == "ask" else _("challenge")
    place = entry.deck.places.get(card.id)
    number = min(scene.card_index, total - 1) + 1
    about = [_("Card {n} of {total}").format(n=number, total=total), where, kind]
    about.append(_("id {id}").format(id=card.id))
    if place and not entry.stale:
        # A sheet's card stands on a row of the spreadsheet; a deck file's, on a line.
        sheet = entry.deck.path.suffix.lower() in SHEET_SUFFIXES
        about.append((_("row {n}") if sheet else _("line {n}")).format(n=place[0]))
    if entry.stale:
        about.append(_("LAST GOOD VERSION"))
    return about


def info_lines(scene: WorkshopScene, card: Card | None) -> list[tuple[str, RGB]]:
    """The lines under the card, each wrapped between its parts to the right side."""
    look = scene.look
    t = look.theme
    parts: list[tuple[list[str], RGB]] = []
    if scene.entry is not None and card is not None:
        parts.append((_about(scene, card), t.text))
    player, other = SAMPLE_NAMES[scene.names]
    if scene.printed:  # `deckgame print` leaves a line to write a name on
        player = other = _("a blank line")
    shape = _("printed shape") if scene.printed else _("table shape")
    trying = [
        _("Theme {name}").format(name=THEMES[scene.theme_name].label),
        _("text {percent} %").format(percent=round(scene.text_scale * 100)),
        _("{{player}} = {player}, {{other}} = {other}").format(player=player, other=other),
        shape,
    ]
    parts.append((trying, t.text_muted))
    parts.append(([_(hint) for hint in KEY_HINTS], t.text_muted))
    m = look.metrics
    width = scene.right.width
    return [
        (line, colour)
        for pieces, colour in parts
        for line in look.text.join_lines(pieces, m.small, width, balance=True)
    ]


def card_surface(scene: WorkshopScene, card: Card, size: tuple[int, int]) -> pygame.Surface:
    """The card as the table (or ``deckgame print``) draws it, from the scene's cache."""
    if scene.printed:
        # Exactly the front `deckgame print` lays out, names for a reader included.
        view = print_view(card, card_level_names(card))
    else:
        player, other = SAMPLE_NAMES[scene.names]
        view = card_view(card, player=player, other=other, level_names=scene.shelf.level_names)
    key = (view, size, scene.theme_name, scene.text_scale)
    surf = scene.cards_cache.get(key)
    if surf is None:
        theme = theme_named(scene.theme_name)
        surf = render_card(view, size, theme, scene.text_scale, scene.look.text)
        if pygame.display.get_surface() is not None:
            surf = surf.convert_alpha()
        scene.cards_cache.put(key, surf)
    return surf


def draw_card(surface: pygame.Surface, scene: WorkshopScene) -> None:
    """The card on its own theme's table colour, the lines under it, and the problems."""
    look = scene.look
    m = look.metrics
    text = look.text
    rect = scene.card_box
    card = scene.current_card()
    theme = theme_named(scene.theme_name)
    right = scene.right
    # The card sits on its own theme's table colour, so a dark card is judged on dark.
    stage = pygame.Rect(right.x, rect.y, right.width, rect.height)
    rounded_rect(surface, theme.background, stage.inflate(m.gap, m.gap), m.radius)
    if card is None:
        msg = _("This deck has no card to show yet: fix the problems below.")
        wrap = stage.width - 4 * m.gap
        img = text.render(msg, m.body, theme.text, wrap=wrap, align="center")
        surface.blit(img, img.get_rect(center=stage.center))
    elif min(rect.size) > 0:
        surface.blit(card_surface(scene, card, rect.size), rect)
    y = stage.bottom + m.gap
    for line, colour in info_lines(scene, card):
        img = text.line(line, m.small, colour, right.width, min_size=m.min_text)
        surface.blit(img, (right.x, y))
        y += round(m.small * INFO_LINE)
    box = scene.problem_area
    if box is not None:
        shadow(surface, look, box, m.radius)
        rounded_rect(surface, look.theme.surface, box, m.radius)
        _draw_problems(surface, scene, box.inflate(-2 * m.gap, -m.gap), scene.problems())


def _draw_problems(
    surface: pygame.Surface, scene: WorkshopScene, box: pygame.Rect, problems: list[Problem]
) -> None:
    look = scene.look
    t = look.theme
    m = look.metrics
    text = look.text
    entry = scene.entry
    count = len(problems)
    head = ngettext("{n} problem", "{n} problems", count).format(n=count)
    if entry is not None and entry.stale:
        head = _("{problems} · the preview shows the last good version").format(problems=head)
    y = box.y + m.gap // 2
    img = text.line(head, m.small, t.text, box.width, face=Face.BOLD)
    surface.blit(img, (box.x, y))
    y += img.get_height() + m.gap // 2
    for i, problem in enumerate(problems):
        line = text.render(problem_line(problem), m.small, t.text_muted, wrap=box.width)
        if y + line.get_height() > box.bottom:
            more = ngettext("… and {n} more", "… and {n} more", count - i).format(n=count - i)
            img = text.line(more, m.small, t.text, box.width)
            surface.blit(img, (box.x, min(y, box.bottom - img.get_height())))
            break
        surface.blit(line, (box.x, y))
        y += line.get_height() + m.gap // 3


def draw_footer(surface: pygame.Surface, scene: WorkshopScene) -> None:
    """Where the player's own decks go, on as many lines as the window needs."""
    look = scene.look
    m = look.metrics
    footer = scene.footer
    y = footer.y
    for line in scene.footer_lines:
        img = look.text.line(line, m.small, look.theme.text, footer.width)
        surface.blit(img, (footer.x, y))
        y += round(m.small * FOOTER_LINE)
