"""Notice deck files being saved, created or deleted, by polling their stat at a calm rate.

No thread and no watcher library: the caller passes its own clock to :meth:`DeckWatcher.poll`,
which looks at the disk at most once per ``interval`` (0.3 s by default) and otherwise returns
at once. A scan is one ``os.walk`` plus one ``stat`` per deck file, so a folder of a hundred
decks costs well under a millisecond per look (see ``benchmarks/bench_watch.py``).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> watcher = DeckWatcher([folder], interval=0.5)
>>> _ = (folder / "a.yaml").write_text("name: A")
>>> [p.name for p in watcher.poll(0.0).appeared]  # the first poll always looks
['a.yaml']
>>> _ = (folder / "a.yaml").write_text("name: Ab")
>>> watcher.poll(0.2)  # too soon: the disk is not touched
Changes(changed=(), appeared=(), vanished=())
>>> [p.name for p in watcher.poll(0.6).changed]
['a.yaml']
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INTERVAL = 0.3
WATCHED_SUFFIXES = (".yaml", ".yml")

# What identifies one saved version of a file. Size and both times catch a save within the
# same second on coarse file systems; the inode catches editors that save by renaming a
# fresh file over the old one.
Signature = tuple[int, int, int, int]


@dataclass(frozen=True)
class Changes:
    """What differs since the last look, each list sorted."""

    changed: tuple[Path, ...] = ()
    appeared: tuple[Path, ...] = ()
    vanished: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.appeared or self.vanished)

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every path that needs a reload or a removal."""
        return tuple(sorted({*self.changed, *self.appeared, *self.vanished}))


def _signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def _is_watched(name: str) -> bool:
    # Hidden files are editors' swap and lock files, never decks.
    return name.endswith(WATCHED_SUFFIXES) and not name.startswith(".")


def snapshot(roots: Iterable[Path]) -> dict[Path, Signature]:
    """The signature of every deck file (and ``pack.yaml``) under ``roots``.

    A root that is a file is watched even when it does not exist yet, so a deck named on
    the command line shows up the moment it is first saved; and whatever its suffix, so
    a deck sheet (``.csv``, ``.xlsx``) named there is watched as a deck file is.
    """
    found: dict[Path, Signature] = {}
    for root in roots:
        if root.is_dir():
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if _is_watched(name):
                        path = Path(folder) / name
                        sig = _signature(path)
                        if sig is not None:
                            found[path] = sig
        else:
            sig = _signature(root)
            if sig is not None:
                found[root] = sig
    return found


class DeckWatcher:
    """Polls deck files and folders; tells which files changed, appeared or vanished."""

    def __init__(self, roots: Iterable[Path], *, interval: float = DEFAULT_INTERVAL) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self.roots: tuple[Path, ...] = tuple(Path(r) for r in roots)
        self.interval = interval
        self.scans = 0  # how many times the disk was looked at (benchmarks and tests read it)
        self._last: float | None = None
        self._known = snapshot(self.roots)

    @property
    def files(self) -> tuple[Path, ...]:
        """The deck files seen at the last look."""
        return tuple(sorted(self._known))

    def due_in(self, now: float) -> float:
        """Seconds until the next look is due (0 when it is due now)."""
        if self._last is None:
            return 0.0
        return max(0.0, self._last + self.interval - now)

    def poll(self, now: float) -> Changes:
        """Look at the disk if ``interval`` has passed since the last look, else do nothing."""
        if self._last is not None and now - self._last < self.interval:
            return Changes()
        self._last = now
        return self.scan()

    def scan(self) -> Changes:
        """Look at the disk now and report what differs from the last look."""
        self.scans += 1
        current = snapshot(self.roots)
        before = self._known
        self._known = current
        return Changes(
            changed=tuple(
                sorted(p for p, sig in current.items() if p in before and before[p] != sig)
            ),
            appeared=tuple(sorted(p for p in current if p not in before)),
            vanished=tuple(sorted(p for p in before if p not in current)),
        )
