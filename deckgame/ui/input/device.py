"""The device a player used last, keyboard or controller: the hints show its buttons.

One place keeps it (no pygame here, so words can ask without a window):

>>> use_device("pad"), device(), use_device("pad"), use_device("keys"), device()
(True, 'pad', False, True, 'keys')
"""

from __future__ import annotations

from typing import Literal

Device = Literal["keys", "pad"]


class _Last:
    device: Device = "keys"


def use_device(used: Device) -> bool:
    """Note that ``used`` was pressed; True when that changes what the hints show."""
    changed = _Last.device != used
    _Last.device = used
    return changed


def device() -> Device:
    """The device used last: ``"keys"`` (also at the start) or ``"pad"``."""
    return _Last.device
