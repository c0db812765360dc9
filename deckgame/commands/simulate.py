"""``deckgame simulate``: play sessions headlessly and report the balance of the decks."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from deckgame.commands.session_options import add_session_arguments

if TYPE_CHECKING:
    from deckgame.engine import EventLog, Settings
    from deckgame.loader import Library

CARDS_PER_NIGHT = 35  # about the cards of one evening at the default pace
MAX_NIGHTS = 100
MAX_CARDS_PER_NIGHT = 500

HELP = (
    "play sessions (or one group's nights in a row) headlessly: when levels unlock,"
    " which piles run dry, which cards come back"
)
DESCRIPTION = """\
Play whole sessions without a screen: every card is done and everyone agrees to go
deeper (unless --not-yet says otherwise). Reports how many cards each type x level cell
offers under the chosen settings, when each level unlocked, and which piles ran dry.
--players takes names or a count (e.g. --players 4).

--nights N plays one group's nights in a row instead, each of about --cards-per-night
cards (default 35) at the chosen pace, night n seeded with the seed + n - 1. The cards of
each night go into the group's history, as the game records them, and the history is
used even with --seed (a single replay ignores it; here the nights are the point). The
table says, per night, how many of its cards had been dealt on an earlier night."""


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
    parser.add_argument(
        "--nights",
        type=int,
        metavar="N",
        help=f"play N nights in a row (1-{MAX_NIGHTS}) with the history carried over",
    )
    parser.add_argument(
        "--cards-per-night",
        type=int,
        metavar="C",
        help=f"with --nights: about C cards a night (1-{MAX_CARDS_PER_NIGHT},"
        f" default {CARDS_PER_NIGHT})",
    )


def run(args: argparse.Namespace) -> int:
    from deckgame.commands.session_options import (
        SessionOptionError,
        settings_from_args,
        warn_unknown_lines,
    )
    from deckgame.engine import EventLog
    from deckgame.loader import load_library

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
    wrong = nights_problem(args)
    if wrong:
        print(f"deckgame simulate: {wrong}", file=sys.stderr)
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
    settings = _with_default_decks(args, library, settings)
    log = EventLog(args.log) if args.log else None
    try:
        print(_report(args, library, settings, log))
    finally:
        if log is not None:
            log.close()
    return 0


def _with_default_decks(args: argparse.Namespace, library: Library, settings: Settings) -> Settings:
    """The decks a new session starts with (GAME.md "Languages"): the built-in decks in the
    game's language (``--lang``, else the one saved in Settings, else the system's; English
    when there are none in it), as the game would deal them, and every deck given with
    ``--decks`` or in the player's own folder. Output stays English."""
    from deckgame.cli import interface_language
    from deckgame.deck_language import with_default_decks

    return with_default_decks(settings, library, interface_language(args))


def _report(
    args: argparse.Namespace, library: Library, settings: Settings, log: EventLog | None
) -> str:
    """Play what the arguments ask for (sessions, or one group's nights) and report it."""
    from deckgame.nights import format_nights, play_nights
    from deckgame.simulate import simulate

    seed = args.seed if args.seed is not None else 0
    if args.nights is not None:
        per_night = args.cards_per_night or CARDS_PER_NIGHT
        nights = play_nights(
            library.cards,
            settings,
            nights=args.nights,
            cards_per_night=per_night,
            seed=seed,
            not_yet=args.not_yet,
            log=log,
        )
        return format_nights(nights, settings, per_night)
    report = simulate(
        library.cards,
        settings,
        sessions=args.sessions,
        seed=seed,
        rounds=args.rounds,
        not_yet=args.not_yet,
        log=log,
        level_names=library.level_names,
    )
    return report.format()


def nights_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with ``--nights`` and ``--cards-per-night`` as given, if anything."""
    from deckgame.i18n import _

    nights, per_night = args.nights, args.cards_per_night
    if nights is None:
        return _("--cards-per-night goes with --nights N") if per_night is not None else None
    if not 1 <= nights <= MAX_NIGHTS:
        return _("--nights must be 1 to {most}, not {n}").format(most=MAX_NIGHTS, n=nights)
    if per_night is not None and not 1 <= per_night <= MAX_CARDS_PER_NIGHT:
        return _("--cards-per-night must be 1 to {most}, not {n}").format(
            most=MAX_CARDS_PER_NIGHT, n=per_night
        )
    if args.sessions != 1 or args.rounds is not None:
        return _("--nights plays one group's nights: leave out --sessions and --rounds")
    return None
