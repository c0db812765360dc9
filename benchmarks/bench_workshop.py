"""What the deck workshop costs: a disk look, a reload after a save, an idle second, a print.

Run: ``python benchmarks/bench_workshop.py``. Prints figures; asserts nothing.
Targets (issue 6): a saved file shows within a second (polling every 0.3 s), and an idle
workshop costs next to no CPU (it sleeps between looks instead of busy polling).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

# The tree's code, not an installed copy: a benchmark measures what is being changed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

DECK = """\
name: Bench {n}
type: emotional
levels:
  1:
{cards}
"""


def write_decks(folder: Path, decks: int, cards: int) -> list[Path]:
    paths = []
    for n in range(decks):
        body = "\n".join(
            f"    - ask: Question {i} of deck {n}?\n      id: b{n}-{i}" for i in range(cards)
        )
        path = folder / f"deck{n:04}.yaml"
        path.write_text(DECK.format(n=n, cards=body), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(runs: int, fn: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def bench_scan() -> None:
    from deckgame.watch import DeckWatcher

    for count in (10, 100, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            write_decks(Path(tmp), count, 1)
            watcher = DeckWatcher([Path(tmp)])
            t = best_of(20, watcher.scan)
            share = t / watcher.interval * 100
            print(f"scan of {count:5} deck files: {t * 1000:7.3f} ms  ({share:.3f} % of one core)")


def bench_workshop() -> None:
    import pygame

    from deckgame.storage import Store
    from deckgame.ui.app import App
    from deckgame.ui.context import Context, Launch
    from deckgame.ui.scenes.workshop import WorkshopScene

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "decks"
        folder.mkdir()
        os.environ["DECKGAME_HOME"] = str(Path(tmp) / "home")
        paths = write_decks(folder, 20, 60)
        launch = Launch(decks=[folder], builtin=True, user=False)
        store = Store(Path(tmp) / "data", Path(tmp) / "config")
        start = time.perf_counter()
        app = App(ctx=Context(launch, store=store))
        scene = WorkshopScene(app)
        app.push(scene)
        app.step(dt=0.0)
        opened = (time.perf_counter() - start) * 1000
        print(f"open with {len(scene.shelf.entries)} decks: {opened:.0f} ms")

        # Idle: every wake-up (one per polling interval) is a look at the disk and a redraw.
        steps = 30
        cpu = time.process_time()
        for _ in range(steps):
            app.step(dt=scene.wake_in() or scene.shelf.watcher.interval)
        per_wake = (time.process_time() - cpu) / steps
        idle = per_wake / scene.shelf.watcher.interval * 100
        print(
            f"idle wake-up (look + redraw): {per_wake * 1000:.1f} ms  -> {idle:.1f} % of one core"
        )

        # A save: from the next look to the new preview on screen.
        target = paths[7]
        text = target.read_text(encoding="utf-8").replace("Question 0 of", "Edited question of")
        target.write_text(text, encoding="utf-8")
        st = target.stat()
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        start = time.perf_counter()
        app.step(dt=scene.shelf.watcher.interval)
        took = time.perf_counter() - start
        worst = took + scene.shelf.watcher.interval
        print(f"reload of one saved deck + redraw: {took * 1000:.1f} ms", end=" ")
        print(f"(worst case from the save: {worst:.2f} s)")
        pygame.quit()


def bench_print() -> None:
    import pygame

    from deckgame.loader import load_library
    from deckgame.ui.printfaces import render_back, render_front
    from deckgame.ui.text import TextBook
    from deckgame.ui.theme import theme_named

    pygame.font.init()
    library = load_library(user=False)
    cards = library.cards[:24]
    theme = theme_named("light")
    book = TextBook()
    start = time.perf_counter()
    for card in cards:
        render_front(card, theme, book=book)
    front = (time.perf_counter() - start) / len(cards)
    back = best_of(3, lambda: render_back(cards[0].type, 1, theme, "Deck", book=book))
    print(f"print: one 300 dpi front {front * 1000:.0f} ms, one back {back * 1000:.1f} ms")

    try:
        import fpdf  # noqa: F401
    except ImportError:
        print("print: fpdf2 not installed, PDF timing skipped")
        return
    from deckgame.printing import PAPERS, plan_sheet, write_pdf
    from deckgame.ui.printfaces import as_image

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.pdf"
        start = time.perf_counter()
        pages = write_pdf(
            out,
            cards,
            plan_sheet(PAPERS["a4"]),
            front=lambda c: as_image(render_front(c, theme, book=book)),
            back=lambda c: as_image(render_back(c.type, c.level, theme, c.deck, book=book)),
        )
        took = time.perf_counter() - start
        size = out.stat().st_size / 1024 / 1024
        print(
            f"print: {len(cards)} cards with backs -> {pages} pages in {took:.1f} s, {size:.1f} MB"
        )


if __name__ == "__main__":
    bench_scan()
    bench_workshop()
    bench_print()
