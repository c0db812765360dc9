"""deckgame: a conversation card game for two to eight players on one screen."""

__version__ = "0.1.0"
