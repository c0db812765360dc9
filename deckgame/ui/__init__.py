"""The pygame front end: the only package that imports pygame."""

import os

# pygame prints a banner on import; a game's terminal is not the place for it.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
