"""Every binding of the game, written once: keys, controller buttons, the command each sends
and the hint a button prints. The F1 overlay, the buttons' hints, the README's and GAME.md's
key tables and every scene's key handling read these tables, so what a button says is what
its key and its controller button do.

A scene asks :func:`binding_for` (or, for a controller, :func:`pad_binding_for`) what a press
means in that scene and acts on the :class:`Command` it gets: a name and, for picks and
seats, a number. A button carries a :class:`Command` too (its ``command``), so a press of
either reaches the scene's ``on_command`` the same way; :func:`hint` gives the button its key.

>>> binding_for(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0), "table")
Command(name='pick', arg=1)
>>> hint(Command("pick", 0)), hint("veto"), hint("again", scene="summary")
('1', 'X', 'Enter')
>>> pad_binding_for(pygame.CONTROLLER_BUTTON_B, "deeper")
Command(name='not_yet', arg=None)

The hints follow the device used last (:func:`use_device`): once a controller was pressed
they show its buttons, after a key press the keys again.

>>> use_device("pad"), hint("undo"), hint("skip"), use_device("keys"), hint("undo")
(True, 'LB', '', True, 'U')

Key names are shown as a keyboard in the player's language prints them (:func:`key_words`:
"Leertaste" and "Strg" in German); GAME.md and the README keep the English ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pygame

from deckgame.i18n import N_, _, pgettext
from deckgame.ui.bindings import (
    ENTRIES,
    FOCUS_ROW,
    SCENES,
    SEAT_DIGITS,
    TABLE,
    TRIGGER_LEFT,
    TRIGGER_RIGHT,
    Command,
    Entry,
    Key,
    Pad,
)
from deckgame.ui.input.device import device, use_device

__all__ = [
    "ENTRIES",
    "FOCUS_ROW",
    "PAD_NAMES",
    "SCENES",
    "SEAT_DIGITS",
    "TABLE",
    "Command",
    "Entry",
    "Key",
    "Pad",
    "binding_for",
    "command_for",
    "device",
    "help_rows",
    "hint",
    "key_event_for",
    "key_words",
    "labels",
    "markdown_table",
    "pad_binding_for",
    "pad_help_rows",
    "pad_hint",
    "use_device",
]


def _tables() -> Iterator[tuple[str, Key]]:
    for scene, entries in SCENES.items():
        for entry in entries:
            for k in entry.keys:
                yield scene, k


_BY_CODE: dict[tuple[str, int, bool], Command] = {}
_HINTS: dict[tuple[str, str, int | str | None], str] = {}
for _scene, _key in _tables():
    _BY_CODE.setdefault((_scene, _key.code, _key.ctrl), _key.sends)
    _HINTS.setdefault((_scene, _key.command, _key.arg), _key.hint)
_BY_PAD: dict[tuple[str, int], Command] = {
    (scene, pad.button): Command(pad.command, pad.arg)
    for scene, entries in SCENES.items()
    for entry in entries
    for pad in entry.pads
}
_KEYS_FOR: dict[tuple[str, Command], Key] = {}
for _scene, _key in _tables():
    _KEYS_FOR.setdefault((_scene, _key.sends), _key)
# Buttons named for what they do where the key sends the phase's primary command.
_HINTS["table", "done", None] = _HINTS["table", "next", None] = _HINTS["table", "primary", None]


_KEY_WORD = re.compile(r"\b(?:Ctrl|Enter|End|Esc|Home|PgDn|PgUp|Space|Tab|D-pad|stick|or)\b")


def _key_name(word: str) -> str:
    """One key name (or the "or" between two keys) in the player's language."""
    names = {
        # Translators: key names as printed on a keyboard in your language (German: Strg,
        # Leertaste, Pos1, Bild↑, Bild↓); keep them short, they sit on buttons.
        "Ctrl": pgettext("key", "Ctrl"),
        "Enter": pgettext("key", "Enter"),
        "End": pgettext("key", "End"),
        "Esc": pgettext("key", "Esc"),
        "Home": pgettext("key", "Home"),
        "PgDn": pgettext("key", "PgDn"),
        "PgUp": pgettext("key", "PgUp"),
        "Space": pgettext("key", "Space"),
        "Tab": pgettext("key", "Tab"),
        # Translators: a game controller's directional cross, and its thumb stick.
        "D-pad": pgettext("key", "D-pad"),
        "stick": pgettext("key", "stick"),
        # Translators: between two keys that do the same thing ("U or Ctrl+Z").
        "or": pgettext("key", "or"),
    }
    return names.get(word, word)


def key_words(label: str) -> str:
    """A key label ("Enter / Space", "U or Ctrl+Z") with its key names translated.

    >>> key_words("U or Ctrl+Z"), key_words("PgUp / PgDn / Space"), key_words("X")
    ('U or Ctrl+Z', 'PgUp / PgDn / Space', 'X')
    """
    return _KEY_WORD.sub(lambda match: _key_name(match.group()), label)


def binding_for(event: pygame.event.Event, scene: str = "table") -> Command | None:
    """The command a KEYDOWN sends in ``scene``, or None (Alt and Super combinations send
    nothing; Ctrl combinations only what is bound with Ctrl)."""
    mod = getattr(event, "mod", 0)
    if mod & (pygame.KMOD_ALT | pygame.KMOD_GUI):
        return None
    ctrl = bool(mod & pygame.KMOD_CTRL)
    return _BY_CODE.get((scene, event.key, ctrl))


def pad_binding_for(button: int, scene: str = "table") -> Command | None:
    """The command a controller button sends in ``scene``, or None."""
    return _BY_PAD.get((scene, button))


def command_for(event: pygame.event.Event, scene: str = "table") -> str | None:
    """The name of the command :func:`binding_for` finds (its argument left out), or None:
    for a scene whose keys carry no argument."""
    command = binding_for(event, scene)
    return None if command is None else command.name


def hint(command: str | Command, *, scene: str = "table") -> str:
    """The key printed on a button that sends ``command`` ("" when no key does); a plain
    name stands for the command without an argument. Once a controller was used last, its
    button instead (:func:`pad_hint`)."""
    if isinstance(command, str):
        command = Command(command)
    if device() == "pad":
        return pad_hint(command, scene=scene)
    return key_words(_HINTS.get((scene, command.name, command.arg), ""))


def pad_hint(command: str | Command, *, scene: str = "table") -> str:
    """The controller button that sends ``command`` in ``scene``, by its usual name, or ""
    (such a button is pressed with A once the D-pad has moved the focus onto it)."""
    if isinstance(command, str):
        command = Command(command)
    if scene == "table" and command in (Command("done"), Command("next")):
        command = Command("primary")
    for entry in SCENES.get(scene, ()):
        for pad in entry.pads:
            if (pad.command, pad.arg) == (command.name, command.arg):
                return PAD_NAMES[pad.button]
    return ""


def key_event_for(command: Command, scene: str = "table") -> pygame.event.Event | None:
    """A KEYDOWN of the key that sends ``command`` in ``scene`` (None when no key does):
    what a controller button hands on, so a scene hears one command however it came. The
    event carries ``pad=True`` (it does not switch the hints back to keys)."""
    key = _KEYS_FOR.get((scene, command))
    if key is None:
        return None
    mod = pygame.KMOD_LCTRL if key.ctrl else pygame.KMOD_NONE
    return pygame.event.Event(
        pygame.KEYDOWN, key=key.code, mod=mod, unicode="", scancode=0, pad=True
    )


def help_rows(scene: str = "table") -> list[tuple[str, str]]:
    """The F1 overlay's rows for ``scene``: (keys, what they do), in the player's language."""
    rows = [(key_words(entry.label), _(entry.what)) for entry in SCENES[scene]]
    return [*rows, (key_words(FOCUS_ROW[0]), _(FOCUS_ROW[1]))]


def pad_help_rows(scene: str = "table") -> list[tuple[str, str]]:
    """The help's rows for a controller: the buttons bound in ``scene`` and what they do,
    then how the focus moves (every other action is a button on screen)."""
    rows = [
        (" / ".join(PAD_NAMES[pad.button] for pad in entry.pads), _(entry.what))
        for entry in SCENES[scene]
        if entry.pads
    ]
    return [*rows, (key_words(PAD_FOCUS_ROW[0]), _(PAD_FOCUS_ROW[1]))]


def labels(scene: str = "table") -> list[str]:
    """The key labels of a scene's table, as GAME.md and the README write them."""
    return [entry.label for entry in SCENES[scene]]


PAD_FOCUS_ROW: tuple[str, str] = (
    "D-pad / stick",
    N_("Move the focus over the buttons; A presses the focused one"),
)
"""The controller help's last row: every button on screen is reached this way."""

PAD_NAMES: dict[int, str] = {
    pygame.CONTROLLER_BUTTON_DPAD_UP: "D-pad ↑",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "D-pad ↓",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "D-pad ←",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "D-pad →",
    pygame.CONTROLLER_BUTTON_LEFTSTICK: "L3",
    pygame.CONTROLLER_BUTTON_RIGHTSTICK: "R3",
    TRIGGER_LEFT: "LT",
    TRIGGER_RIGHT: "RT",
    pygame.CONTROLLER_BUTTON_A: "A",
    pygame.CONTROLLER_BUTTON_B: "B",
    pygame.CONTROLLER_BUTTON_X: "X",
    pygame.CONTROLLER_BUTTON_Y: "Y",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "LB",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "RB",
    pygame.CONTROLLER_BUTTON_START: "Start",
    pygame.CONTROLLER_BUTTON_BACK: "Back",
}
"""The controller buttons by their usual names (SDL's standard layout, by position)."""


def markdown_table(scene: str = "table", *, controller: bool = False) -> str:
    """The scene's bindings as the README prints them: key and what it does (and, with
    ``controller``, the controller button that does the same)."""
    head = ["key", "action", *(["controller"] if controller else [])]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for entry in SCENES[scene]:
        cells = [entry.label, entry.what]
        if controller:
            cells.append(" / ".join(PAD_NAMES[pad.button] for pad in entry.pads))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
