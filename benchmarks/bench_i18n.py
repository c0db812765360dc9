"""How long choosing a language takes at start: each catalogue read from its ``.po`` (a
source checkout or an editable install) and from its compiled ``.mo`` (the wheel).

    python benchmarks/bench_i18n.py [--repeat N]

Prints the best of N milliseconds per language and way. No assertion: figures to compare
between versions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deckgame import i18n
from deckgame.pofile import mo_bytes, parse_po


def best(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    codes = [c for c in i18n.available_languages() if c != i18n.ENGLISH]
    with tempfile.TemporaryDirectory() as folder:
        compiled = Path(folder)
        for code in codes:
            po = i18n.LOCALE_DIR / code / "LC_MESSAGES" / "deckgame.po"
            mo = compiled / code / "LC_MESSAGES" / "deckgame.mo"
            mo.parent.mkdir(parents=True)
            mo.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
            from_po = best(args.repeat, lambda code=code: i18n.load_catalogue(code))
            from_mo = best(args.repeat, lambda code=code: i18n.load_catalogue(code, compiled))
            entries = len(parse_po(po.read_text(encoding="utf-8"))) - 1
            print(f"{code}: {entries} messages, .po {from_po:.1f} ms, .mo {from_mo:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
