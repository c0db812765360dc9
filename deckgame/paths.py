"""The user's folders, from platformdirs. ``DECKGAME_HOME`` moves them all (tests, portable)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "deckgame"


def _home() -> Path | None:
    value = os.environ.get("DECKGAME_HOME")
    return Path(value) if value else None


def user_data_dir() -> Path:
    """Saves and history."""
    home = _home()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_config_dir() -> Path:
    """Settings."""
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def user_decks_dir() -> Path:
    """The user's own deck folder: every deck placed here loads in every session."""
    return user_data_dir() / "decks"


def user_cache_dir() -> Path:
    """Things that can be rebuilt at any time (the deck cache): deleting it loses nothing."""
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
