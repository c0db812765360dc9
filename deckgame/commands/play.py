"""``deckgame play``: open the table. With ``--players`` the game starts straight away."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from deckgame.commands.session_options import (
    SessionOptionError,
    add_session_arguments,
    check_args,
    options_from_args,
    warn_unknown_lines,
    window_size,
)
from deckgame.options import check_players

if TYPE_CHECKING:
    from deckgame.engine import Settings

HELP = "play at the table (the default command)"
DESCRIPTION = (
    "Open the game window. Session options preset the setup screen; with --players the\n"
    "first card is dealt at once. Keys: F1 in the game."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_session_arguments(parser)
    window = parser.add_mutually_exclusive_group()
    window.add_argument(
        "--windowed", type=window_size, metavar="WxH", help="window size, e.g. 1280x720"
    )
    window.add_argument(
        "--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        # Every option, --players first among them, is checked here, before any window
        # opens (a wrong name is said where the command was typed), by deckgame.options
        # alone: the engine and pydantic load after the window is on screen.
        check_args(args)
        options = options_from_args(args)
        settings = None
        if options.players is not None:
            _check_players(options.players)
            settings = DeferredSettings(args)
    except SessionOptionError as error:
        print(f"deckgame play: error: {error}", file=sys.stderr)
        return 2

    if options.excluded:
        # Said before the window opens, where the command was typed; the setup screen
        # says it again beside the lines. Play goes on either way. Through the deck cache,
        # as the game's start reads them: unchanged decks cost no YAML work here either.
        from deckgame.content.cache import DeckCache
        from deckgame.content.library import load_library

        library = load_library(options.decks, cache=DeckCache())
        warn_unknown_lines("play", options.excluded, library.tags)

    from deckgame.ui.main import launch_game

    return launch_game(options, settings=settings)


def _check_players(names: tuple[str, ...]) -> None:
    """The names as the engine's ``Settings`` will check them, said as it says them."""
    try:
        check_players(names)
    except ValueError as error:
        raise SessionOptionError(
            f"--players: {error}" if "player" in str(error) else str(error)
        ) from error


class DeferredSettings:
    """The engine's ``Settings`` for ``args``, built on first use: calling it, or reading
    one of its attributes (``settings.players``). The window opens before that, so
    importing the engine is not on the way to the first frame."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._settings: Settings | None = None

    def __call__(self) -> Settings:
        if self._settings is None:
            from deckgame.commands.session_options import settings_from_args

            self._settings = settings_from_args(self._args)
        return self._settings

    def __getattr__(self, name: str) -> Any:
        return getattr(self(), name)
