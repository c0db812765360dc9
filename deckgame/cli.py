"""The command line: argparse front door; every subcommand lives in ``deckgame.commands``.

Each command module exposes ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``, and imports nothing heavy (pygame, the loader) at module level, so
``deckgame --help`` and ``deckgame validate`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from deckgame import __version__

# Order is the order shown in --help.
COMMANDS: dict[str, str] = {
    "play": "deckgame.commands.play",
    "simulate": "deckgame.commands.simulate",
    "validate": "deckgame.commands.validate",
    "stats": "deckgame.commands.stats",
    "schema": "deckgame.commands.schema",
    "workshop": "deckgame.commands.workshop",
    "new": "deckgame.commands.new",
    "print": "deckgame.commands.print_cards",
    "import": "deckgame.commands.import_sheet",
    "export": "deckgame.commands.export_sheet",
    "install": "deckgame.commands.install",
    "pack": "deckgame.commands.pack",
}
TOP_LEVEL_FLAGS = ("-h", "--help", "--version")
# The commands that open a window: they speak the interface language (--lang, saved, system).
WINDOW_COMMANDS = ("play", "workshop")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` just that subcommand's part: a command
    that is run needs no other command's options, nor the top-level epilog."""
    chosen = COMMANDS if only is None else {only: COMMANDS[only]}
    modules = {name: importlib.import_module(path) for name, path in chosen.items()}
    parser = argparse.ArgumentParser(
        prog="deckgame",
        description="A conversation card game for 2-8 players on one screen. "
        "Run without a command to play.",
        epilog=_epilog() if only is None else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"deckgame {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in modules.items():
        help_text: str = getattr(module, "HELP", "")
        cmd = sub.add_parser(
            name,
            help=help_text,
            description=getattr(module, "DESCRIPTION", help_text),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(cmd)
        if name in WINDOW_COMMANDS and not _has_option(cmd, "--lang"):
            from deckgame.commands.session_options import add_lang_argument

            add_lang_argument(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def _has_option(parser: argparse.ArgumentParser, option: str) -> bool:
    return any(option in action.option_strings for action in parser._actions)


def interface_language(args: argparse.Namespace) -> str:
    """The language the game speaks: ``--lang``, else the one saved in Settings, else the
    system's locale (GAME.md); its code."""
    from deckgame.i18n import choose_language
    from deckgame.storage import Store

    ui = Store().load_settings().get("ui", {})
    saved = ui.get("language", "") if isinstance(ui, dict) else ""
    return choose_language(getattr(args, "lang", None), str(saved or ""), os.environ)


def choose_interface_language(args: argparse.Namespace) -> str:
    """Install the language a window command speaks (:func:`interface_language`); its code."""
    from deckgame.i18n import use_language

    return use_language(interface_language(args))


def _epilog() -> str:
    from deckgame.paths import user_decks_dir

    return (
        f"Your own decks: {user_decks_dir()}\n"
        "  (deck files placed there load in every session)\n"
        "Deck format and keys: see README.md."
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # No command, or only session options: play (GAME.md: `deckgame` = `deckgame play`).
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in TOP_LEVEL_FLAGS):
        args_list = ["play", *args_list]
    parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    run = getattr(args, "_run", None)
    if run is None:
        parser.print_help()
        return 2
    if args.command in WINDOW_COMMANDS:
        choose_interface_language(args)
    try:
        result: int = run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `deckgame stats decks | head`: the reader left, which is no error of the decks.
        # Point stdout at nothing so the interpreter's own final flush stays quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    if argv is None and getattr(args, "exit_at_once", False):
        # The console script of a command that asked for it (validate), its output
        # flushed: end here, without the interpreter's teardown of every object loaded.
        sys.stderr.flush()
        os._exit(result)
    return result
