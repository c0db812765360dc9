"""Render every scene to PNG, at 1280x720 and 800x600, plus the table in each theme.

    python scripts/render_screens.py [OUT_DIR] [--readme] [--sizes WxH,...] [--themes T,...]
                                     [--only PREFIX,...] [--viewing tv] [--lang CODE]
                                                                  (default: out/screens)

With ``--readme`` the pictures the README shows are copied into docs/screens as well.
``--sizes`` and ``--themes`` render every scene at each size in each theme instead (named
``SCENE-WxH-THEME.png``), ``--only`` keeps the scenes whose names start with a prefix:

    python scripts/render_screens.py out/all --sizes 800x600,1280x720,1920x1080 \
        --themes light,dark,contrast --only table

Uses the dummy video driver, a throwaway DECKGAME_HOME and a fixed seed, so the pictures
are the same on every run and nothing of the player's own setup is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# One fixed home (emptied first), not a fresh random one: the workshop prints its path, and
# two runs must give the same pixels to compare a change against the code before it.
os.environ["DECKGAME_HOME"] = str(Path(tempfile.gettempdir()) / "deckgame-screens-home")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from deckgame.engine import Done, Pass, Settings, TimerStart, Warmth
from deckgame.model import Audience
from deckgame.ui.app import App
from deckgame.ui.bindings import Command
from deckgame.ui.context import Context, Launch
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.settings import UiSettings

shutil.rmtree(os.environ["DECKGAME_HOME"], ignore_errors=True)
Path(os.environ["DECKGAME_HOME"]).mkdir(parents=True)

PLAYERS = ("Ana", "Ben", "美咲", "Omar")
EIGHT = ("Ana", "Benedikt-Alexander", "美咲", "Omar", "Priya", "محمد", "Zoë", "Ngozi")
# Right-to-left names, one long: the summary's warmth lines and the seats read them whole.
EIGHT_RTL = ("Ana", "عبد الرحمن", "美咲", "Omar", "Priya", "عبد الرحمن بن محمد", "Zoë", "Ngozi")


def key(k: int, mod: int = 0, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0)


BROKEN = Path(os.environ["DECKGAME_HOME"]) / "broken-deck.yaml"
BROKEN.write_text(
    "name: Half Done\ntype: emotinal\nlevels:\n  1:\n    - ask: Hello {name}?\n      secnds: 3\n",
    encoding="utf-8",
)


VIEWING = ["laptop"]  # --viewing tv: every scene as seen across the room


def make_app(size: tuple[int, int], theme: str = "light") -> App:
    launch = Launch(seed=7, decks=[BROKEN])
    settings = UiSettings(theme=theme, viewing=VIEWING[0])
    app = App(size=size, settings=settings, ctx=Context(launch))
    from deckgame.ui.scenes.title import TitleScene

    app.push(TitleScene(app))
    return app


def table(app: App, players: tuple[str, ...] = PLAYERS, offered: int = 1) -> TableScene:
    from deckgame.ui import flow

    flow.start_game(app, Settings(players=players, audience=Audience.FRIENDS, offered=offered))
    scene = app.top
    assert isinstance(scene, TableScene)
    return scene


def shot(app: App, out: Path, name: str) -> None:
    app.step()
    pygame.image.save(app.screen, str(out / f"{name}.png"))
    print(out / f"{name}.png")


def scenes(
    out: Path,
    size: tuple[int, int],
    suffix: str,
    theme: str = "light",
    only: tuple[str, ...] = (),
) -> None:
    steps: list[tuple[str, Callable[[App], None]]] = []

    def title(app: App) -> None:
        app.step(dt=0.1)  # let the deck library load after the first frame

    def setup1(app: App) -> None:
        app.top.on_action("play")  # type: ignore[union-attr]
        for ch in "Ana":
            app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)])
        app.step([key(pygame.K_TAB), key(pygame.K_TAB)])
        for ch in "美咲":
            app.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)])

    def setup2(app: App) -> None:
        setup1(app)
        app.top.on_action("next")  # type: ignore[union-attr]
        app.top.on_command(Command("tag", "sexual"))  # type: ignore[union-attr]

    def table_card(app: App) -> None:
        table(app)

    def table_after(app: App) -> None:
        scene = table(app)
        scene.act(Done())
        scene.act(Warmth(1))

    def table_eight(app: App) -> None:
        scene = table(app, players=EIGHT)
        scene.act(Done())
        app.step([key(pygame.K_w)])

    def table_three(app: App) -> None:
        table(app, players=PLAYERS[:3])

    def table_timer(app: App) -> None:
        scene = table(app, players=PLAYERS[:3])
        scene.clock = lambda: 1000.0  # a stopped clock: the same picture on every run
        game = scene.session.game
        for _ in range(200):  # pass until a timed challenge comes up
            if game.current_card is not None and game.current_card.seconds:
                break
            scene.act(Pass())
        scene.act(TimerStart(scene.clock()))
        app.step(dt=1.0)

    def table_offer(app: App) -> None:
        table(app, offered=2)

    def deeper(app: App) -> None:
        table(app, players=("Ana", "Ben"))
        for _ in range(4):
            app.step([key(pygame.K_RETURN)])
            app.step([key(pygame.K_RETURN)])
        app.step([key(pygame.K_y)])

    def ceremony(app: App) -> None:
        deeper(app)
        app.step([key(pygame.K_y)])
        app.step(dt=1.2)

    def summary(app: App) -> None:
        scene = table(app)
        for _ in range(6):
            scene.act(Done())
            scene.act(Warmth((scene.session.game.seat + 1) % 4))
            if scene.session.game.state.card:
                scene.on_action("star")
            app.step([key(pygame.K_RETURN)])
        app.step([key(pygame.K_e)])

    def summary_eight(app: App) -> None:
        scene = table(app, players=EIGHT_RTL)
        for _ in range(9):
            scene.act(Done())
            scene.act(Warmth((scene.session.game.seat + 1) % len(EIGHT_RTL)))
            if scene.session.game.state.card:
                scene.on_action("star")
            app.step([key(pygame.K_RETURN)])
        app.step([key(pygame.K_e)])

    def table_eight_rtl(app: App) -> None:
        table(app, players=EIGHT_RTL)

    def help_(app: App) -> None:
        table(app)
        app.step([key(pygame.K_F1)])

    def settings(app: App) -> None:
        app.top.on_action("settings")  # type: ignore[union-attr]

    def workshop(app: App) -> None:
        app.step(dt=0.1)  # the title loads the decks after its first frame
        app.top.on_action("decks")  # type: ignore[union-attr]
        app.step(dt=0.0)

    def workshop_print(app: App) -> None:
        workshop(app)
        app.step([key(pygame.K_p), key(pygame.K_PLUS), key(pygame.K_t)])  # printed, 125 %

    def workshop_problems(app: App) -> None:
        workshop(app)
        app.step([key(pygame.K_UP)])  # the list wraps round to the broken deck, last

    steps = [
        ("title", title),
        ("setup-players", setup1),
        ("setup-cards", setup2),
        ("table", table_card),
        ("table-after", table_after),
        ("table-offer", table_offer),
        ("table-eight", table_eight),
        ("table-eight-rtl", table_eight_rtl),
        ("table-three", table_three),
        ("table-timer", table_timer),
        ("deeper", deeper),
        ("ceremony", ceremony),
        ("summary", summary),
        ("summary-eight", summary_eight),
        ("help", help_),
        ("settings", settings),
        ("workshop", workshop),
        ("workshop-print", workshop_print),
        ("workshop-problems", workshop_problems),
    ]
    for name, build in steps:
        if only and not name.startswith(only):
            continue
        app = make_app(size, theme)
        build(app)
        shot(app, out, f"{name}-{suffix}")


# The pictures the README shows, by the name each one has there.
README_SHOTS = {
    "table": "table-1280x720",
    "go-deeper": "deeper-1280x720",
    "summary": "summary-1280x720",
    "two-cards": "table-offer-1280x720",
    "table-dark": "theme-dark",
    "workshop": "workshop-1280x720",
}


def _option(args: list[str], name: str) -> list[str]:
    """The comma-separated values after ``name`` in ``args`` (both removed from it)."""
    if name not in args:
        return []
    i = args.index(name)
    values = args[i + 1].split(",") if i + 1 < len(args) else []
    del args[i : i + 2]
    return [v for v in values if v]


def main(argv: list[str]) -> int:
    args = argv[1:]
    readme = "--readme" in args
    args = [a for a in args if a != "--readme"]
    sizes = [tuple(int(n) for n in s.split("x")) for s in _option(args, "--sizes")]
    themes = _option(args, "--themes")
    only = tuple(_option(args, "--only"))
    for viewing in _option(args, "--viewing"):
        VIEWING[0] = viewing
    for code in _option(args, "--lang"):
        from deckgame.i18n import use_language

        use_language(code)
    out = Path(args[0]) if args else Path("out/screens")
    out.mkdir(parents=True, exist_ok=True)
    if sizes or themes:
        for w, h in sizes or [(1280, 720), (800, 600)]:
            for theme in themes or ["light"]:
                suffix = f"{w}x{h}" if theme == "light" else f"{w}x{h}-{theme}"
                scenes(out, (w, h), suffix, theme, only)
        pygame.quit()
        return 0
    scenes(out, (1280, 720), "1280x720", only=only)
    scenes(out, (800, 600), "800x600", only=only)
    for size in ((1280, 720), (800, 600)):
        app = make_app(size)
        app.settings.text_scale = 2.0
        app.apply_settings()
        table(app)
        shot(app, out, f"text-200-{size[0]}x{size[1]}")
    for theme in ("light", "dark", "contrast"):
        app = make_app((1280, 720), theme)
        table(app)
        shot(app, out, f"theme-{theme}")
    pygame.quit()
    if readme:  # refresh the README's pictures from this run
        docs = Path(__file__).resolve().parent.parent / "docs" / "screens"
        for name, source in README_SHOTS.items():
            shutil.copyfile(out / f"{source}.png", docs / f"{name}.png")
            print(docs / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
