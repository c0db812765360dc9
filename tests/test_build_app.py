"""The download without Python: ``scripts/build-app`` builds the one-folder app with
PyInstaller and runs it (validate on the built-in decks, stats, a headless simulate, and a
table that deals a card with the dummy driver). As root on Linux it also runs the app
chrooted into a folder holding only the app and the system's C libraries: no Python, no
packages. Skipped where PyInstaller is not installed (``pip install -e '.[app]'``): the
build is a long run kept on demand (a minute or two from scratch), so CI, which installs
only the test extra, skips it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
)
def test_the_built_app_runs_with_no_python_beside_it() -> None:
    bare = sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("chroot")
    argv = [sys.executable, str(ROOT / "scripts" / "build-app"), "--check"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=1200, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the built app works" in done.stdout
    assert "cards: ok" in done.stdout  # validate of the bundled decks
    if bare:
        again = [*argv[:2], "--check-only", "--bare"]
        done = subprocess.run(again, capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "no Python" in done.stdout and "the built app works" in done.stdout
