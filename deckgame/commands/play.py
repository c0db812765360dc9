"""``deckgame play``: open the table. With ``--players`` the game starts straight away."""

from __future__ import annotations

import argparse
import re
import sys

from deckgame.commands.session_options import (
    SessionOptionError,
    add_session_arguments,
    check_args,
    excluded_from,
    player_names,
    types_from,
    warn_unknown_lines,
)

HELP = "play at the table (the default command)"
DESCRIPTION = (
    "Open the game window. Session options preset the setup screen; with --players the\n"
    "first card is dealt at once. Keys: F1 in the game."
)


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, not {text!r}")
    w, h = int(match.group(1)), int(match.group(2))
    if w < 320 or h < 240:
        raise argparse.ArgumentTypeError("the window must be at least 320x240")
    return (w, h)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_session_arguments(parser)
    window = parser.add_mutually_exclusive_group()
    window.add_argument("--windowed", type=_size, metavar="WxH", help="window size, e.g. 1280x720")
    window.add_argument(
        "--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        check_args(args)
        names = player_names(args.players)
        if names is not None:
            from deckgame.commands.session_options import settings_from_args

            settings = settings_from_args(args)
        else:
            settings = None
    except SessionOptionError as error:
        print(f"deckgame play: error: {error}", file=sys.stderr)
        return 2

    excluded = excluded_from(args.exclude)
    if excluded:
        # Said before the window opens, where the command was typed; the setup screen
        # says it again beside the lines. Play goes on either way.
        from deckgame.loader import load_library

        warn_unknown_lines("play", excluded, load_library(args.decks).tags)

    from deckgame.ui.main import launch_game

    return launch_game(
        settings=settings,
        decks=list(args.decks),
        players=names,
        audience=args.audience,
        types=types_from(args.types),
        excluded=sorted(excluded) or None,
        unlock_rounds=args.unlock_rounds,
        offered=args.offered,
        seed=args.seed,
        log=args.log,
        size=args.windowed,
        fullscreen=True if args.fullscreen else None,
    )
