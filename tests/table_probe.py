"""``deckgame ARGV`` in a fresh interpreter, stopped at its first table frame: what the
window showed then, as the tests that start the real command need it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# ``REPORT`` is an expression of ``game`` (the session's engine) and ``sys``: printed as
# JSON once the table is on screen, then the program stops.
_PROBE = """
import json, sys
import pygame

flip = pygame.display.flip

def spy():
    flip()
    app = sys._getframe(1).f_locals.get("self")
    if type(getattr(app, "top", None)).__name__ == "TableScene":
        game = app.top.session.game
        print(json.dumps(REPORT))
        sys.stdout.flush()
        import os
        os._exit(0)

pygame.display.flip = spy
from deckgame.cli import main
main(sys.argv[1:])
print("null")
"""


def run_probe(code: str, argv: tuple[str, ...], home: Path | None = None) -> Any:
    """What ``code`` printed last as JSON, run with ``ARGV`` in a fresh interpreter on the
    dummy video and audio drivers (and a home folder of its own, when given)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    if home is not None:
        env["DECKGAME_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "null"
    found = json.loads(last)
    assert found is not None, f"the moment waited for never came: {done.stderr}"
    return found


def at_first_table(report: str, argv: tuple[str, ...], home: Path) -> Any:
    """``report`` evaluated at the first table frame of ``deckgame ARGV``."""
    return run_probe(_PROBE.replace("REPORT", report), argv, home)
