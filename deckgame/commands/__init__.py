"""The subcommands of ``deckgame``: one module each, loaded by ``deckgame.cli``."""
