"""``kill -9`` during saves: a child process saves in a loop and is killed at random moments.

    python scripts/kill_saves.py [--kills 300] [--seed N] [--home DIR]

After every kill the files must load as the child last confirmed them (or one save newer:
the kill may land between the rename and the confirmation), nothing may be moved aside as
broken, and the next save must clean up the temp file the killed write left. Prints the
figures and exits 1 on the first broken promise. The test suite runs a short version.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deckgame.storage import Store  # noqa: E402

# The child: save the autosave, the settings and the history in turn, and say "N" on stdout
# after each save of N has returned (a confirmed save).
CHILD = """
import sys
from pathlib import Path
from deckgame.storage import Store
store = Store(Path(sys.argv[1]), Path(sys.argv[1]))
n = int(sys.argv[2])
while True:
    n += 1
    store.save_autosave({"kind": "kill-test", "n": n, "pad": "x" * (n % 5000)})
    store.save_settings({"n": n})
    store.add_history(["Ana", "Ben"], [f"card-{n}"])
    print(n, flush=True)
"""


def one_kill(home: Path, start: int, rng: random.Random) -> tuple[int | None, float]:
    """Run the child from save ``start`` and kill it; returns (last confirmed, seconds).

    None when the child confirmed nothing before the kill (killed while starting up).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    confirmed: list[int] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip().isdigit():
                confirmed.append(int(line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    wait = rng.uniform(0.15, 0.6)  # the interpreter's start takes part of it
    time.sleep(wait)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(timeout=5)
    return (confirmed[-1] if confirmed else None), wait


def check(home: Path, confirmed: int) -> list[str]:
    """What broke after a kill (empty when every promise held)."""
    problems = []
    store = Store(home, home)
    auto = store.load_autosave()
    settings = store.load_settings()
    history = store.load_history(["Ana", "Ben"])
    if store.messages:
        problems.append(f"files moved aside or unreadable: {store.messages}")
    # A kill between a save and its confirmation leaves a newer save: allowed, not a loss.
    saved = -1 if auto is None else int(auto.get("n", -1))
    if confirmed and saved < confirmed:
        problems.append(f"autosave lost a confirmed save: {saved} < {confirmed}")
    if confirmed and int(settings.get("n", -1)) < confirmed:
        problems.append(f"settings lost a confirmed save: {settings.get('n')} < {confirmed}")
    if confirmed and f"card-{confirmed}" not in history:
        problems.append(f"history lost card-{confirmed}")
    # The next save (this process) cleans up what the killed write left.
    store.save_autosave(auto or {"kind": "kill-test", "n": confirmed})
    store.save_settings(settings)
    store.add_history(["Ana", "Ben"], [])
    left = sorted(p.name for p in home.glob(".*.tmp"))
    if left:
        problems.append(f"temp files left after the next save: {left}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--home", type=Path, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    home = args.home or Path(tempfile.mkdtemp(prefix="deckgame-kill-"))
    home.mkdir(parents=True, exist_ok=True)
    n = 0  # the newest save on disk: the next child goes on from there
    confirmed = 0  # the newest save a child said had returned
    saves = 0
    temps_seen = 0
    began = time.monotonic()
    for kill in range(1, args.kills + 1):
        said, _wait = one_kill(home, n, rng)
        temps_seen += len(list(home.glob(".*.tmp")))
        if said is not None:
            saves += said - n
            confirmed = said
        problems = check(home, confirmed)
        if problems:
            print(f"kill {kill}: " + "; ".join(problems))
            return 1
        auto = Store(home, home).load_autosave() or {}
        n = int(auto.get("n", confirmed))
    took = time.monotonic() - began
    print(
        f"kills: {args.kills}, confirmed saves: {saves}, temp files left by kills: "
        f"{temps_seen} (all cleaned by the next save), lost: 0, moved aside: 0, {took:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
