"""The session options shared by ``deckgame play`` and ``deckgame simulate`` (GAME.md).

``add_session_arguments`` declares them; ``options_from_args`` gathers them into one
:class:`~deckgame.options.SessionOptions` value for the window, and ``settings_from_args``
turns them into engine ``Settings`` with messages a player can act on. The choices and
ranges come from :mod:`deckgame.options`; nothing heavy is imported at module level.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from deckgame.options import (
    AUDIENCE_IDS,
    DEFAULT_AUDIENCE,
    DEFAULT_OFFERED,
    DEFAULT_UNLOCK_ROUNDS,
    MAX_PLAYERS,
    MAX_UNLOCK_ROUNDS,
    MIN_PLAYERS,
    MIN_UNLOCK_ROUNDS,
    OFFERED_CHOICES,
    TYPE_IDS,
    SessionOptions,
    parse_size,
)

if TYPE_CHECKING:
    from deckgame.engine.state import Settings


class SessionOptionError(ValueError):
    """A session option that cannot be used, with a message saying how to fix it."""


def add_session_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--decks``, ``--players``, ``--audience``, ``--types``, ``--exclude``, ...,
    ``--lang``."""
    group = parser.add_argument_group("session options")
    group.add_argument(
        "--decks",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="a deck file or folder, repeatable (added to the built-in decks)",
    )
    group.add_argument(
        "--players", metavar="NAMES", help=f"comma-separated names, {MIN_PLAYERS}-{MAX_PLAYERS}"
    )
    group.add_argument("--audience", choices=AUDIENCE_IDS, help=" | ".join(AUDIENCE_IDS))
    group.add_argument("--types", metavar="T,T", help="intimacy types in play (default all)")
    group.add_argument("--exclude", metavar="TAG,TAG", help="lines: content tags that never appear")
    group.add_argument(
        "--unlock-rounds",
        type=int,
        metavar="N",
        help="trust-building rounds to unlock the next level "
        f"({MIN_UNLOCK_ROUNDS}-{MAX_UNLOCK_ROUNDS}, default {DEFAULT_UNLOCK_ROUNDS})",
    )
    group.add_argument(
        "--offered",
        type=int,
        choices=OFFERED_CHOICES,
        help=f"cards offered per draw (default {DEFAULT_OFFERED})",
    )
    group.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="the shuffle seed: the same seed and actions replay a session (earlier nights'"
        " history is then not consulted, though this night is still recorded)",
    )
    group.add_argument(
        "--log", type=Path, metavar="FILE", help="append the event log, one JSON object per line"
    )
    add_lang_argument(group)


def add_lang_argument(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--lang CODE``: the interface language (``play``, ``workshop``, ``simulate``)."""
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the interface language (en, es, de; default: the saved one, else the system's)",
    )


def split_list(text: str | None) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``; None -> []."""
    if not text:
        return []
    return [part.strip() for part in text.split(",") if part.strip()]


def player_names(text: str | None, *, allow_count: bool = False) -> list[str] | None:
    """Names from ``--players``; with ``allow_count`` a number N gives ``Player 1..N``."""
    if text is None:
        return None
    stripped = text.strip()
    if allow_count and stripped.isdigit():
        # isdigit() admits '²' (int() refuses it); a count of billions would take forever
        # to name: only a decimal count of a few digits is a count, the rest is refused.
        count = int(stripped) if stripped.isdecimal() and len(stripped) <= 3 else None
        if count is None or not MIN_PLAYERS <= count <= MAX_PLAYERS:
            shown = stripped if len(stripped) <= 12 else f"a number of {len(stripped)} digits"
            raise SessionOptionError(
                f"--players: {MIN_PLAYERS} to {MAX_PLAYERS} players are needed, not {shown}"
            )
        return [f"Player {i}" for i in range(1, count + 1)]
    return split_list(text)


def types_from(text: str | None) -> list[str] | None:
    """The intimacy types named in ``--types``, checked; None when the option is absent."""
    if text is None:
        return None
    names = split_list(text)
    for name in names:
        if name.lower() not in TYPE_IDS:
            from deckgame.content.text import did_you_mean

            raise SessionOptionError(
                f"--types: unknown intimacy type '{name}'{did_you_mean(name, TYPE_IDS)};"
                f" choose from {', '.join(TYPE_IDS)}"
            )
    if not names:
        raise SessionOptionError("--types: name at least one intimacy type")
    return [n.lower() for n in names]


def excluded_from(text: str | None) -> frozenset[str]:
    """The lines named in ``--exclude``, folded to match deck tags (``Touch`` -> ``touch``)."""
    names = split_list(text)
    if not names:
        return frozenset()
    from deckgame.lines import normalise_lines

    return normalise_lines(names)


def warn_unknown_lines(command: str, excluded: Iterable[str], tags: Iterable[str]) -> bool:
    """Say on stderr, in one line, which lines no loaded card carries; play goes on.

    True when there was something to say.
    """
    from deckgame.lines import unknown_lines_note

    note = unknown_lines_note(excluded, tags)
    if note is None:
        return False
    print(f"deckgame {command}: warning: --exclude: {note}; play goes on", file=sys.stderr)
    return True


def check_args(args: argparse.Namespace) -> None:
    """Option checks that need no engine: unlock rounds in range, types known."""
    rounds = getattr(args, "unlock_rounds", None)
    if rounds is not None and not MIN_UNLOCK_ROUNDS <= rounds <= MAX_UNLOCK_ROUNDS:
        raise SessionOptionError(
            f"--unlock-rounds must be {MIN_UNLOCK_ROUNDS}-{MAX_UNLOCK_ROUNDS}, not {rounds}"
        )
    types_from(getattr(args, "types", None))
    for path in getattr(args, "decks", []) or []:
        if not Path(path).exists():
            raise SessionOptionError(f"--decks: no such file or folder: {path}")
    log = getattr(args, "log", None)
    if log is not None:
        folder = Path(log).parent
        if not folder.is_dir():
            raise SessionOptionError(f"--log: no such folder: {folder}")
        if Path(log).is_dir():
            raise SessionOptionError(f"--log: {log} is a folder, not a file")


def settings_from_args(args: argparse.Namespace, *, allow_count: bool = False) -> Settings:
    """Engine ``Settings`` from the parsed options (``--players`` is required here)."""
    from deckgame.engine.state import Settings, SettingsError
    from deckgame.kinds import Audience, IntimacyType

    check_args(args)
    names = player_names(getattr(args, "players", None), allow_count=allow_count)
    if names is None:
        raise SessionOptionError("--players is needed: e.g. --players Ana,Ben")
    types = types_from(getattr(args, "types", None))
    try:
        return Settings(
            players=tuple(names),
            audience=Audience(args.audience or DEFAULT_AUDIENCE),
            types=frozenset(IntimacyType(t) for t in types) if types else frozenset(IntimacyType),
            excluded=excluded_from(getattr(args, "exclude", None)),
            unlock_rounds=(
                args.unlock_rounds if args.unlock_rounds is not None else DEFAULT_UNLOCK_ROUNDS
            ),
            offered=getattr(args, "offered", None) or DEFAULT_OFFERED,
        )
    except SettingsError as error:
        raise SessionOptionError(
            f"--players: {error}" if "player" in str(error) else str(error)
        ) from error


def window_size(text: str) -> tuple[int, int]:
    """``--windowed`` as argparse reads it: :func:`deckgame.options.parse_size`."""
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def options_from_args(args: argparse.Namespace) -> SessionOptions:
    """The session options chosen on the command line, as one value (checked by
    :func:`check_args`; ``--players`` as names, a count is for ``simulate``)."""
    names = player_names(getattr(args, "players", None))
    types = types_from(getattr(args, "types", None))
    excluded = excluded_from(getattr(args, "exclude", None))
    return SessionOptions(
        decks=tuple(getattr(args, "decks", None) or ()),
        players=tuple(names) if names is not None else None,
        audience=getattr(args, "audience", None),
        types=tuple(types) if types is not None else None,
        excluded=tuple(sorted(excluded)) or None,
        unlock_rounds=getattr(args, "unlock_rounds", None),
        offered=getattr(args, "offered", None),
        seed=getattr(args, "seed", None),
        log=getattr(args, "log", None),
        size=getattr(args, "windowed", None),
        fullscreen=True if getattr(args, "fullscreen", False) else None,
        lang=getattr(args, "lang", None),
    )
