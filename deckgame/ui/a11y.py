"""A screen reader can follow the game: the screen as an AccessKit tree.

Each frame the top scene is described as plain data (:class:`Picture`: the window, every
focusable widget with its name, key and place, and the live regions — the card on the
table, the status line); when the picture changes, the platform adapter is given a new
tree. A screen reader then reads the focused button with its key, and the card as it is
dealt (a polite live region). Asked by the screen reader to press or focus a widget, the
adapter posts :data:`A11Y_ACTION`, which the app hands to the scene like a click.

The adapter starts only where ``accesskit`` imports and, on Linux and the BSDs, a desktop
session bus is there (``DBUS_SESSION_BUS_ADDRESS``: AT-SPI lives on it); elsewhere, or with
``DECKGAME_A11Y=off``, :class:`Accessibility` does nothing and the game plays as before.
Windows and macOS adapters are written to AccessKit's documented API and untested here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from deckgame.i18n import _
from deckgame.ui.textinput import TextInput
from deckgame.ui.widgets import Button

if TYPE_CHECKING:
    from deckgame.ui.scenes.base import Scene

__all__ = ["A11Y_ACTION", "Accessibility", "Item", "Picture", "describe", "tree"]

A11Y_ACTION = pygame.event.custom_type()

ROOT_ID = 1
FIRST_LIVE_ID = 10  # live regions: the card, the status line
FIRST_WIDGET_ID = 100  # widgets, in focus order


@dataclass(frozen=True)
class Item:
    """One node of the tree, as plain data."""

    id: int
    role: str  # "button", "text_input" or "live"
    label: str
    shortcut: str = ""
    rect: tuple[int, int, int, int] = (0, 0, 0, 0)
    enabled: bool = True
    value: str = ""


@dataclass(frozen=True)
class Picture:
    """What a screen reader is told of the screen now."""

    title: str
    items: tuple[Item, ...]
    focus: int  # the focused node's id (the window's when nothing is focused)
    size: tuple[int, int] = (0, 0)

    def item(self, node: int) -> Item | None:
        return next((item for item in self.items if item.id == node), None)


def _widget_item(node: int, widget: Button | TextInput) -> Item:
    rect = (widget.rect.x, widget.rect.y, widget.rect.width, widget.rect.height)
    if isinstance(widget, TextInput):
        label = widget.placeholder or _("Text field")
        return Item(node, "text_input", label, "", rect, widget.enabled, widget.value)
    return Item(node, "button", widget.label, widget.key, rect, widget.enabled)


def describe(scene: Scene, title: str) -> Picture:
    """The scene as a screen reader should hear it (scenes may add live text through an
    ``accessible_text()`` method: the table gives the card and its status line)."""
    widgets = scene.focusables()
    items: list[Item] = []
    spoken: Callable[[], list[str]] | None = getattr(scene, "accessible_text", None)
    for offset, text in enumerate(spoken() if spoken is not None else []):
        if text:
            items.append(Item(FIRST_LIVE_ID + offset, "live", text, value=text))
    items += [_widget_item(FIRST_WIDGET_ID + i, w) for i, w in enumerate(widgets)]
    current = scene.focus.current
    focus = ROOT_ID
    if current is not None and current in widgets:
        focus = FIRST_WIDGET_ID + widgets.index(current)
    return Picture(title, tuple(items), focus, scene.size)


def widget_for(scene: Scene, node: int) -> Button | TextInput | None:
    """The widget a node id of :func:`describe` stands for."""
    widgets = scene.focusables()
    index = node - FIRST_WIDGET_ID
    return widgets[index] if 0 <= index < len(widgets) else None


def tree(picture: Picture, accesskit: Any) -> Any:
    """An ``accesskit.TreeUpdate`` of the whole ``picture``."""
    update = accesskit.TreeUpdate(picture.focus)
    update.tree = accesskit.Tree(ROOT_ID)
    root = accesskit.Node(accesskit.Role.WINDOW)
    root.set_label(picture.title)
    root.set_children([item.id for item in picture.items])
    update.nodes.append((ROOT_ID, root))
    for item in picture.items:
        update.nodes.append((item.id, _node(item, accesskit)))
    return update


def _node(item: Item, accesskit: Any) -> Any:
    if item.role == "live":
        node = accesskit.Node(accesskit.Role.LABEL)
        node.set_value(item.value)
        node.set_live(accesskit.Live.POLITE)
        return node
    role = accesskit.Role.TEXT_INPUT if item.role == "text_input" else accesskit.Role.BUTTON
    node = accesskit.Node(role)
    node.set_label(item.label)
    if item.value:
        node.set_value(item.value)
    if item.shortcut:
        node.set_keyboard_shortcut(item.shortcut)
    x, y, w, h = item.rect
    node.set_bounds(accesskit.Rect(float(x), float(y), float(x + w), float(y + h)))
    if item.enabled:
        node.add_action(accesskit.Action.FOCUS)
        node.add_action(accesskit.Action.CLICK)
    else:
        node.set_disabled()
    return node


def _load() -> Any:
    try:
        import accesskit  # type: ignore[import-untyped]  # no stubs; used through Any
    except ImportError:
        return None
    return accesskit


class Accessibility:
    """The platform adapter, or nothing where there is no AccessKit or no session bus."""

    def __init__(
        self,
        *,
        env: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
        load: Callable[[], Any] = _load,
    ) -> None:
        self.picture: Picture | None = None
        self._adapter: Any = None
        self._accesskit: Any = None
        self.reason = ""  # why there is no adapter, for --log and the note
        if env.get("DECKGAME_A11Y", "").lower() == "off":
            self.reason = "turned off (DECKGAME_A11Y=off)"
            return
        if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not env.get(
            "DBUS_SESSION_BUS_ADDRESS"
        ):
            self.reason = "no desktop session bus"
            return
        self._accesskit = load()
        if self._accesskit is None:
            self.reason = "accesskit is not installed"
            return
        self._platform = platform

    @property
    def available(self) -> bool:
        return self._accesskit is not None

    def start(self) -> None:
        """Create the adapter once the window exists (it needs the window's handle on
        Windows and macOS)."""
        if self._accesskit is None or self._adapter is not None:
            return
        ak = self._accesskit
        try:
            if self._platform == "darwin":  # untested here
                ak.macos.add_focus_forwarder_to_window_class("SDLWindow")
                window = pygame.display.get_wm_info()["window"]
                self._adapter = ak.macos.SubclassingAdapter.for_window(
                    window, self._initial, self._on_action
                )
            elif self._platform.startswith("win"):  # untested here
                hwnd = pygame.display.get_wm_info()["window"]
                self._adapter = ak.windows.SubclassingAdapter(hwnd, self._initial, self._on_action)
            else:
                self._adapter = ak.unix.Adapter(self._initial, self._on_action, self._deactivated)
        except Exception as error:  # a foreign library: it must never stop the game
            self.reason = f"the adapter did not start: {error}"
            self._accesskit = self._adapter = None

    def _initial(self) -> Any:
        picture = self.picture or Picture("deckgame", (), ROOT_ID)
        return tree(picture, self._accesskit)

    def _on_action(self, request: Any) -> None:
        # Called on AccessKit's own thread: hand the request to the game's loop.
        ak = self._accesskit
        if request.action == ak.Action.CLICK:
            action = "click"
        elif request.action == ak.Action.FOCUS:
            action = "focus"
        else:
            return
        pygame.event.post(pygame.event.Event(A11Y_ACTION, target=request.target, action=action))

    def _deactivated(self) -> None:
        """The screen reader went away; nothing here depends on it."""

    def refresh(self, scene: Scene, title: str) -> None:
        """Tell the adapter what the scene shows, when that changed (cheap when unchanged)."""
        if self._accesskit is None:
            return
        picture = describe(scene, title)
        if picture == self.picture:
            return
        self.picture = picture
        if self._adapter is None:
            return
        events = self._adapter.update_if_active(lambda: tree(picture, self._accesskit))
        if events is not None and hasattr(events, "raise_events"):
            events.raise_events()

    def window_focused(self, focused: bool) -> None:
        if self._adapter is None:
            return
        if self._platform == "darwin":
            events = self._adapter.update_view_focus_state(focused)
            if events is not None:
                events.raise_events()
        elif not self._platform.startswith("win"):
            self._adapter.update_window_focus_state(focused)


def handle(scene: Scene, event: pygame.event.Event) -> None:
    """A screen reader's request to press or focus a widget, done as a click would."""
    widget = widget_for(scene, int(getattr(event, "target", -1)))
    if widget is None or not widget.enabled:
        return
    if getattr(event, "action", "") == "focus":
        scene.focus.focus(widget)
    else:
        scene.focus.focus(widget)
        scene.activate(widget)
