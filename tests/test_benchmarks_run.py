"""The start-up benchmark keeps working: its short run prints every figure against its
baseline (the figures are not judged here: no test asserts a time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOALS = (
    "mapped window",
    "first card",
    "deckgame validate BIG",
    "cache cold",
    "cache warm",
    "play with the 10,000-card deck",
    "table 1920x1080",
    "the 10,000-card deck:",
)


def test_the_quick_benchmark_prints_every_figure() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--quick", "--dummy"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "FAILED" not in out, out
    for goal in GOALS:
        lines = [line for line in out.splitlines() if goal in line]
        assert lines, f"no figure for {goal!r} in:\n{out}"
    verdicts = [line for line in out.splitlines() if " met" in line]
    assert len(verdicts) >= 6, out  # each goal says met or NOT met against its baseline
