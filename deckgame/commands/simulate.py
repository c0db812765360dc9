"""``deckgame simulate``: play sessions headlessly and report the balance of the decks."""

from __future__ import annotations

import argparse
import sys

from deckgame.commands.session_options import add_session_arguments

HELP = "play sessions headlessly and report when levels unlock and which piles run dry"
DESCRIPTION = """\
Play whole sessions without a screen: every card is done and everyone agrees to go
deeper (unless --not-yet says otherwise). Reports how many cards each type x level cell
offers under the chosen settings, when each level unlocked, and which piles ran dry.
--players takes names or a count (e.g. --players 4)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_session_arguments(parser)
    parser.add_argument(
        "--rounds",
        type=int,
        metavar="R",
        help="stop each session after R rounds (default: play until no card is left)",
    )
    parser.add_argument(
        "--sessions", type=int, default=1, metavar="K", help="how many sessions (default 1)"
    )
    parser.add_argument(
        "--not-yet",
        type=int,
        default=0,
        metavar="N",
        help="the group says 'not yet' the first N times it is asked at each level",
    )


def run(args: argparse.Namespace) -> int:
    from deckgame.commands.session_options import (
        SessionOptionError,
        settings_from_args,
        warn_unknown_lines,
    )
    from deckgame.engine import EventLog
    from deckgame.loader import load_library
    from deckgame.simulate import simulate

    if args.players is None:
        args.players = "2"
    try:
        settings = settings_from_args(args, allow_count=True)
    except SessionOptionError as error:
        print(f"deckgame simulate: {error}", file=sys.stderr)
        return 2
    if args.sessions < 1 or (args.rounds is not None and args.rounds < 1) or args.not_yet < 0:
        print("deckgame simulate: --sessions and --rounds must be 1 or more", file=sys.stderr)
        return 2
    library = load_library(args.decks)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    if library.skipped:
        print(
            f"deckgame simulate: skipped {len(library.skipped)} deck(s) with problems",
            file=sys.stderr,
        )
    if not library.cards:
        print("deckgame simulate: no deck loaded, so there is nothing to play", file=sys.stderr)
        return 1
    warn_unknown_lines("simulate", settings.excluded, library.tags)
    log = EventLog(args.log) if args.log else None
    try:
        report = simulate(
            library.cards,
            settings,
            sessions=args.sessions,
            seed=args.seed if args.seed is not None else 0,
            rounds=args.rounds,
            not_yet=args.not_yet,
            log=log,
            level_names=library.level_names,
        )
    finally:
        if log is not None:
            log.close()
    print(report.format())
    return 0
