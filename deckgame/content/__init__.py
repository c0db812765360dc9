"""The content layer: deck files read, checked and resolved into cards (no pygame).

``deckgame.model``, ``deckgame.yamlsafe`` and ``deckgame.loader`` are this package's
front doors and stay the import paths to use; the modules here are their parts.
"""
