"""Compare two folders of screens pixel by pixel (a refactor must not move a pixel).

    python scripts/compare_screens.py BEFORE_DIR AFTER_DIR

Prints each picture that differs (size, or the box around the pixels that changed), and
each one found on one side only; exits 1 if any differs, 0 if all are identical.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame


def _box(a: pygame.Surface, b: pygame.Surface) -> str:
    """The box around the pixels that differ, found row by row from the raw bytes."""
    w, h = a.get_size()
    raw_a, raw_b = pygame.image.tobytes(a, "RGBA"), pygame.image.tobytes(b, "RGBA")
    row = w * 4
    rows = [y for y in range(h) if raw_a[y * row : (y + 1) * row] != raw_b[y * row : (y + 1) * row]]
    cols = [
        x
        for x in range(w)
        if any(
            raw_a[y * row + x * 4 : y * row + x * 4 + 4]
            != raw_b[y * row + x * 4 : y * row + x * 4 + 4]
            for y in rows
        )
    ]
    box = f"{cols[0]},{rows[0]} - {cols[-1]},{rows[-1]}"
    return f"{len(rows)} rows x {len(cols)} columns in the box {box}"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    before, after = (Path(arg) for arg in argv)
    names_a = {p.name for p in before.glob("*.png")}
    names_b = {p.name for p in after.glob("*.png")}
    differ = 0
    for name in sorted(names_a ^ names_b):
        differ += 1
        print(f"{name}: only in {before if name in names_a else after}")
    for name in sorted(names_a & names_b):
        a = pygame.image.load(before / name)
        b = pygame.image.load(after / name)
        if a.get_size() != b.get_size():
            differ += 1
            print(f"{name}: size {a.get_size()} -> {b.get_size()}")
        elif pygame.image.tobytes(a, "RGBA") != pygame.image.tobytes(b, "RGBA"):
            differ += 1
            print(f"{name}: {_box(a, b)}")
    same = len(names_a & names_b) - differ + len(names_a ^ names_b)
    print(f"{same} identical, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
