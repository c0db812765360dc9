"""The bindings themselves: per scene, each key and controller button and the command it
sends. Read through :mod:`deckgame.ui.keymap`, which answers what a press means.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from deckgame.i18n import N_

TRIGGER_LEFT = 1001
"""The left trigger (an axis to SDL) pulled past half way, as a button: LT."""
TRIGGER_RIGHT = 1002
"""The right trigger pulled as a button: RT."""


@dataclass(frozen=True, slots=True)
class Command:
    """What a key or a button asks a scene to do: ``name``, and ``arg`` for the choice it
    is about (a pick or a seat by number, a theme, a deck or a line by name).

    Scenes read a command by matching it, so nothing takes a name apart:

    >>> match Command("pick", 1):
    ...     case Command("pick", int(index)):
    ...         index
    1
    """

    name: str
    arg: int | str | None = None


@dataclass(frozen=True, slots=True)
class Key:
    """One key code and the command it sends (``ctrl``: only with Ctrl held)."""

    code: int
    command: str
    hint: str
    ctrl: bool = False
    arg: int | None = None

    @property
    def sends(self) -> Command:
        return Command(self.command, self.arg)


@dataclass(frozen=True, slots=True)
class Pad:
    """A controller button (SDL's standard layout, by position) and the command it sends."""

    button: int
    command: str
    arg: int | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A row of a key table: ``label`` as GAME.md writes it, ``what`` it does (English; shown
    through :func:`deckgame.i18n._`), its keys and its controller buttons."""

    label: str
    what: str
    keys: tuple[Key, ...]
    pads: tuple[Pad, ...] = ()


def _keys(
    command: str, hint: str, *codes: int, ctrl: bool = False, arg: int | None = None
) -> tuple[Key, ...]:
    return tuple(Key(code, command, hint, ctrl, arg) for code in codes)


def _pad(button: int, command: str, arg: int | None = None) -> tuple[Pad, ...]:
    return (Pad(button, command, arg),)


def _pads(*pairs: tuple[int, str]) -> tuple[Pad, ...]:
    return tuple(Pad(button, command) for button, command in pairs)


_ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
_LARGER = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
_SMALLER = (pygame.K_MINUS, pygame.K_KP_MINUS)

# Controller buttons, SDL's standard layout by position (A bottom, B right, X left, Y top).
_A, _B, _X, _Y = (
    pygame.CONTROLLER_BUTTON_A,
    pygame.CONTROLLER_BUTTON_B,
    pygame.CONTROLLER_BUTTON_X,
    pygame.CONTROLLER_BUTTON_Y,
)
_LB, _RB = pygame.CONTROLLER_BUTTON_LEFTSHOULDER, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER
_START, _SELECT = pygame.CONTROLLER_BUTTON_START, pygame.CONTROLLER_BUTTON_BACK  # Back
_R3 = pygame.CONTROLLER_BUTTON_RIGHTSTICK
_UP, _DOWN = pygame.CONTROLLER_BUTTON_DPAD_UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN
_LEFT, _RIGHT = pygame.CONTROLLER_BUTTON_DPAD_LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT

TABLE: tuple[Entry, ...] = (
    Entry(
        "Enter / Space",
        N_("Done, then next turn"),
        _keys("primary", "Enter", *_ENTER, pygame.K_SPACE),
        _pad(_A, "primary"),
    ),
    Entry(
        "P",
        N_("Pass this card (free, no questions)"),
        _keys("pass", "P", pygame.K_p),
        _pad(_B, "pass"),
    ),
    Entry("S", N_("Skip the turn"), _keys("skip", "S", pygame.K_s)),
    Entry(
        "X",
        N_("X-card: remove this card for tonight"),
        _keys("veto", "X", pygame.K_x),
        _pad(_X, "veto"),
    ),
    Entry(
        "W",
        N_("Give warmth (then the giver's seat number 1-8)"),
        _keys("warmth", "W", pygame.K_w),
        _pad(_RB, "warmth"),
    ),
    Entry("T", N_("Start / pause a challenge timer"), _keys("timer", "T", pygame.K_t)),
    Entry(
        "1 / 2",
        N_("Pick a card when two are offered"),
        (
            *_keys("pick", "1", pygame.K_1, pygame.K_KP1, arg=0),
            *_keys("pick", "2", pygame.K_2, pygame.K_KP2, arg=1),
        ),
    ),
    Entry(
        "Y / N",
        N_("Agree / not yet, to go deeper (one each, in seat order)"),
        (*_keys("agree", "Y", pygame.K_y), *_keys("not_yet", "N", pygame.K_n)),
    ),
    Entry("B", N_("Step back a level"), _keys("step_back", "B", pygame.K_b)),
    Entry(
        "F",
        N_("Star this card (find it again from the title)"),
        _keys("star", "F", pygame.K_f),
        _pad(_Y, "star"),
    ),
    Entry(
        "U or Ctrl+Z",
        N_("Undo the last action"),
        (*_keys("undo", "U", pygame.K_u), *_keys("undo", "U", pygame.K_z, ctrl=True)),
        _pad(_LB, "undo"),
    ),
    Entry("O", N_("Choose who {other} is (3+ players)"), _keys("other", "O", pygame.K_o)),
    Entry("A", N_("Away / back (then the seat number 1-8)"), _keys("away", "A", pygame.K_a)),
    Entry(
        "H",
        N_("Hold: hide the card, stop timers; any key resumes"),
        _keys("hold", "H", pygame.K_h),
        _pad(_START, "hold"),
    ),
    Entry(
        "R",
        N_("Read the card aloud (again: stop)"),
        _keys("read", "R", pygame.K_r),
        _pad(_R3, "read"),
    ),
    Entry("E", N_("End the session (summary)"), _keys("end", "E", pygame.K_e)),
    Entry(
        "G",
        N_("Settings: text, theme, language, TV"),
        _keys("settings", "G", pygame.K_g),
    ),
    Entry("F11", N_("Fullscreen on / off"), _keys("fullscreen", "F11", pygame.K_F11)),
    Entry(
        "Esc",
        N_("Back / menu"),
        _keys("menu", "Esc", pygame.K_ESCAPE),
        _pad(TRIGGER_LEFT, "menu"),
    ),
    Entry("F1", N_("This help"), _keys("help", "F1", pygame.K_F1), _pad(_SELECT, "help")),
)
"""The table's keys, in GAME.md's order: the F1 overlay and the README show this table."""

ENTRIES = TABLE  # the name the help overlay and older callers know

_BACK = Entry(
    "Esc",
    N_("Back"),
    _keys("back", "Esc", pygame.K_ESCAPE),
    _pad(_B, "back"),
)
_UNDO = Entry(
    "U or Ctrl+Z",
    N_("Undo the last action"),
    (*_keys("undo", "U", pygame.K_u), *_keys("undo", "U", pygame.K_z, ctrl=True)),
    _pad(_LB, "undo"),
)

SCENES: dict[str, tuple[Entry, ...]] = {
    "table": TABLE,
    "title": (
        Entry("Enter", N_("Play"), _keys("play", "Enter", *_ENTER), _pad(_A, "play")),
        Entry("C", N_("Continue the last session"), _keys("continue", "C", pygame.K_c)),
        Entry("S", N_("Starred cards"), _keys("starred", "S", pygame.K_s)),
        Entry("D", N_("Deck workshop"), _keys("decks", "D", pygame.K_d)),
        Entry("G", N_("Settings"), _keys("settings", "G", pygame.K_g)),
        Entry(
            "Q / Esc",
            N_("Quit"),
            (*_keys("quit", "Q", pygame.K_q), *_keys("quit", "Esc", pygame.K_ESCAPE)),
        ),
    ),
    "setup": (
        Entry(
            "Enter",
            N_("Next field, then next page"),
            _keys("next", "Enter", *_ENTER),
            _pad(_A, "next"),
        ),
        Entry(
            "Ctrl+Enter",
            N_("Start the game"),
            _keys("start", "Ctrl+Enter", *_ENTER, ctrl=True),
            _pad(_START, "start"),
        ),
        Entry(
            "Ctrl+N",
            N_("Add a player"),
            _keys("add_player", "Ctrl+N", pygame.K_n, ctrl=True),
            _pad(_Y, "add_player"),
        ),
        Entry("Esc", N_("Back"), _keys("back", "Esc", pygame.K_ESCAPE), _pad(_B, "back")),
    ),
    "deeper": (
        Entry("Y", N_("Agree to go deeper"), _keys("agree", "Y", pygame.K_y), _pad(_A, "agree")),
        Entry("N", N_("Not yet"), _keys("not_yet", "N", pygame.K_n), _pad(_B, "not_yet")),
        Entry("B", N_("Step back a level"), _keys("step_back", "B", pygame.K_b)),
        _UNDO,
        Entry(
            "R",
            N_("Read the question aloud (again: stop)"),
            _keys("read", "R", pygame.K_r),
            _pad(_R3, "read"),
        ),
        Entry("E", N_("End the session (summary)"), _keys("end", "E", pygame.K_e)),
    ),
    "summary": (
        Entry(
            "Enter / Space",
            N_("Play again"),
            _keys("again", "Enter", *_ENTER, pygame.K_SPACE),
            _pad(_A, "again"),
        ),
        _UNDO,
        Entry(
            "Esc",
            N_("Back to the title"),
            _keys("title", "Esc", pygame.K_ESCAPE),
            _pad(_B, "title"),
        ),
        Entry("Q", N_("Quit"), _keys("quit", "Q", pygame.K_q)),
    ),
    "starred": (
        Entry(
            "↑ / ↓",
            N_("Scroll"),
            (*_keys("down", "↓", pygame.K_DOWN), *_keys("up", "↑", pygame.K_UP)),
            _pads((_DOWN, "down"), (_UP, "up")),
        ),
        Entry(
            "PgUp / PgDn / Space",
            N_("A page up or down"),
            (
                *_keys("page_down", "PgDn", pygame.K_PAGEDOWN, pygame.K_SPACE),
                *_keys("page_up", "PgUp", pygame.K_PAGEUP),
            ),
            _pads((_RB, "page_down"), (_LB, "page_up")),
        ),
        Entry(
            "Home / End",
            N_("First / last"),
            (*_keys("first", "Home", pygame.K_HOME), *_keys("last", "End", pygame.K_END)),
            _pads((TRIGGER_LEFT, "first"), (TRIGGER_RIGHT, "last")),
        ),
        Entry(
            "Esc",
            N_("Back"),
            _keys("back", "Esc", pygame.K_ESCAPE, pygame.K_BACKSPACE),
            _pad(_B, "back"),
        ),
    ),
    "menu": (
        Entry(
            "Esc",
            N_("Back to the game"),
            _keys("resume", "Esc", pygame.K_ESCAPE),
            _pad(_B, "resume"),
        ),
        Entry("G", N_("Settings"), _keys("settings", "G", pygame.K_g)),
        Entry("F1", N_("Keys and help"), _keys("help", "F1", pygame.K_F1), _pad(_SELECT, "help")),
        Entry("E", N_("End the night (summary)"), _keys("end", "E", pygame.K_e)),
        Entry("L", N_("Leave to the title (Continue resumes)"), _keys("leave", "L", pygame.K_l)),
    ),
    "settings": (
        _BACK,
        Entry(
            "- / +",
            N_("Text smaller / larger"),
            (*_keys("text_smaller", "-", *_SMALLER), *_keys("text_larger", "+", *_LARGER)),
            _pads((_LB, "text_smaller"), (_RB, "text_larger")),
        ),
        Entry("M", N_("Reduce motion on / off"), _keys("reduce_motion", "M", pygame.K_m)),
        Entry("S", N_("Sound on / off"), _keys("sound", "S", pygame.K_s)),
        Entry("R", N_("Read aloud: on R, every card, off"), _keys("read_aloud", "R", pygame.K_r)),
        Entry("V", N_("Viewing distance: laptop / TV"), _keys("viewing", "V", pygame.K_v)),
    ),
    "help": (_BACK,),
    "workshop": (
        Entry(
            "Esc",
            N_("Back"),
            _keys("back", "Esc", pygame.K_ESCAPE, pygame.K_BACKSPACE),
            _pad(_B, "back"),
        ),
        Entry(
            "↑ / ↓",
            N_("Previous / next deck"),
            (*_keys("deck_prev", "↑", pygame.K_UP), *_keys("deck_next", "↓", pygame.K_DOWN)),
            _pads((_UP, "deck_prev"), (_DOWN, "deck_next")),
        ),
        Entry(
            "← / →",
            N_("Previous / next card"),
            (*_keys("card_prev", "←", pygame.K_LEFT), *_keys("card_next", "→", pygame.K_RIGHT)),
            _pads((_LEFT, "card_prev"), (_RIGHT, "card_next")),
        ),
        Entry(
            "Home / End",
            N_("First / last card"),
            (*_keys("card_first", "Home", pygame.K_HOME), *_keys("card_last", "End", pygame.K_END)),
            _pads((TRIGGER_LEFT, "card_first"), (TRIGGER_RIGHT, "card_last")),
        ),
        Entry(
            "PgUp / PgDn or 1-9",
            N_("Previous / next level, or a level by number"),
            (
                *_keys("level_prev", "PgUp", pygame.K_PAGEUP),
                *_keys("level_next", "PgDn", pygame.K_PAGEDOWN),
                *(Key(getattr(pygame, f"K_{n}"), "level", str(n), arg=n) for n in range(1, 10)),
            ),
            _pads((_LB, "level_prev"), (_RB, "level_next")),
        ),
        Entry("T", N_("Theme"), _keys("theme", "T", pygame.K_t)),
        Entry(
            "- / +",
            N_("Text smaller / larger"),
            (*_keys("text_smaller", "-", *_SMALLER), *_keys("text_larger", "+", *_LARGER)),
        ),
        Entry("N", N_("Names in the placeholders"), _keys("names", "N", pygame.K_n)),
        Entry("P", N_("Table shape or printed card"), _keys("shape", "P", pygame.K_p)),
        Entry("C", N_("Closing cards"), _keys("closing", "C", pygame.K_c), _pad(_X, "closing")),
        Entry("R", N_("Reload"), _keys("reload", "R", pygame.K_r), _pad(_Y, "reload")),
    ),
}
"""Every scene's bindings. A scene not listed here takes only Tab, Enter and the window keys."""

FOCUS_ROW: tuple[str, str] = ("Tab", N_("Move the focus ring; Enter presses the focused button"))
"""The help's last row: focus is not a command, every scene has it."""

SEAT_DIGITS: dict[int, int] = {
    **{getattr(pygame, f"K_{n}"): n for n in range(1, 9)},
    **{getattr(pygame, f"K_KP{n}"): n for n in range(1, 9)},
}
"""Seat numbers 1-8, from the number row or the keypad (after W or A)."""
