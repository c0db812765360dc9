"""Every key of the game, written once: the F1 overlay, the button hints and the scenes' key
handling all read this list, so what a button says is what the key does.

Each :class:`Entry` is one row of GAME.md's keyboard table: the keys as written there, what
they do, and the key codes with the command each one sends. A scene asks
:func:`command_for` what a key press means and acts on the commands it knows; a button asks
:func:`hint` for the key to print on itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True, slots=True)
class Key:
    """One key code and the command it sends (``ctrl``: only with Ctrl held)."""

    code: int
    command: str
    hint: str
    ctrl: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """A row of the keyboard table: ``label`` as GAME.md writes it, ``what`` it does."""

    label: str
    what: str
    keys: tuple[Key, ...]


def _keys(command: str, hint: str, *codes: int, ctrl: bool = False) -> tuple[Key, ...]:
    return tuple(Key(code, command, hint, ctrl) for code in codes)


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "Enter / Space",
        "Done, then next turn",
        _keys("primary", "Enter", pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE),
    ),
    Entry("P", "Pass this card (free, no questions)", _keys("pass", "P", pygame.K_p)),
    Entry("S", "Skip the turn", _keys("skip", "S", pygame.K_s)),
    Entry("X", "X-card: remove this card for tonight", _keys("veto", "X", pygame.K_x)),
    Entry(
        "W",
        "Give warmth (then the giver's seat number 1-8)",
        _keys("warmth", "W", pygame.K_w),
    ),
    Entry("T", "Start / pause a challenge timer", _keys("timer", "T", pygame.K_t)),
    Entry(
        "1 / 2",
        "Pick a card when two are offered",
        (
            *_keys("pick_0", "1", pygame.K_1, pygame.K_KP1),
            *_keys("pick_1", "2", pygame.K_2, pygame.K_KP2),
        ),
    ),
    Entry(
        "Y / N",
        "Agree / not yet, to go deeper (one each, in seat order)",
        (*_keys("agree", "Y", pygame.K_y), *_keys("not_yet", "N", pygame.K_n)),
    ),
    Entry("B", "Step back a level", _keys("step_back", "B", pygame.K_b)),
    Entry("F", "Star this card (find it again from the title)", _keys("star", "F", pygame.K_f)),
    Entry(
        "U or Ctrl+Z",
        "Undo the last action",
        (*_keys("undo", "U", pygame.K_u), *_keys("undo", "U", pygame.K_z, ctrl=True)),
    ),
    Entry("O", "Choose who {other} is (3+ players)", _keys("other", "O", pygame.K_o)),
    Entry(
        "A",
        "Away / back (then the seat number 1-8)",
        _keys("away", "A", pygame.K_a),
    ),
    Entry(
        "H",
        "Hold: hide the card, stop timers; any key resumes",
        _keys("hold", "H", pygame.K_h),
    ),
    Entry("E", "End the session (summary)", _keys("end", "E", pygame.K_e)),
    Entry("G", "Settings: text size, theme, motion, sound", _keys("settings", "G", pygame.K_g)),
    Entry("F11", "Fullscreen on / off", _keys("fullscreen", "F11", pygame.K_F11)),
    Entry("Esc", "Back / menu", _keys("menu", "Esc", pygame.K_ESCAPE)),
    Entry("F1", "This help", _keys("help", "F1", pygame.K_F1)),
)
"""The keyboard table, in GAME.md's order."""

FOCUS_ROW: tuple[str, str] = ("Tab", "Move the focus ring; Enter presses the focused button")
"""The help's last row: focus is not a command, every scene has it."""

SEAT_DIGITS: dict[int, int] = {
    **{getattr(pygame, f"K_{n}"): n for n in range(1, 9)},
    **{getattr(pygame, f"K_KP{n}"): n for n in range(1, 9)},
}
"""Seat numbers 1-8, from the number row or the keypad (after W or A)."""

_BY_CODE: dict[tuple[int, bool], str] = {
    (k.code, k.ctrl): k.command for entry in ENTRIES for k in entry.keys
}
_HINTS: dict[str, str] = {}
for _entry in ENTRIES:
    for _key in _entry.keys:
        _HINTS.setdefault(_key.command, _key.hint)
# Buttons named for what they do where the key sends the phase's primary command.
_HINTS["done"] = _HINTS["next"] = _HINTS["primary"]


def command_for(event: pygame.event.Event) -> str | None:
    """The command a KEYDOWN sends, or None (Alt and Super combinations send nothing)."""
    mod = getattr(event, "mod", 0)
    if mod & (pygame.KMOD_ALT | pygame.KMOD_GUI):
        return None
    ctrl = bool(mod & pygame.KMOD_CTRL)
    return _BY_CODE.get((event.key, ctrl))


def hint(command: str) -> str:
    """The key printed on a button that sends ``command`` ("" when no key does)."""
    return _HINTS.get(command, "")


def help_rows() -> list[tuple[str, str]]:
    """The F1 overlay's rows: (keys, what they do)."""
    return [(entry.label, entry.what) for entry in ENTRIES] + [FOCUS_ROW]


def labels() -> list[str]:
    """The key labels of the table, as GAME.md and the README write them."""
    return [entry.label for entry in ENTRIES]
