"""Test-wide setup: no real window or sound device, and never the player's own folders.

Set before any test module imports pygame or deckgame.paths. The real-window test starts
its own game process with a DISPLAY of its own (tests/test_xvfb.py).
"""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("DECKGAME_HOME", tempfile.mkdtemp(prefix="deckgame-tests-"))
