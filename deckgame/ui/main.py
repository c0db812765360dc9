"""Start the game or the workshop: window first (fonts loaded), then the first scene;
returns the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deckgame.engine import Settings
    from deckgame.options import SessionOptions
    from deckgame.ui.app import App
    from deckgame.ui.context import Launch


def launch_game(
    options: SessionOptions | None = None,
    *,
    settings: Settings | Callable[[], Settings] | None = None,
    **fields: Any,
) -> int:
    """The game on ``options`` (what ``deckgame play`` chose); with ``settings`` (given
    with ``--players``) the first card is dealt at once. ``settings`` may be a callable
    that builds them: it is called once the window shows the title, so the engine loads
    after the first frame. ``fields`` set single options (``seed=1``, ``size=(800,
    600)``) on top of ``options``."""
    from deckgame.ui.context import Launch

    launch = Launch(options, **fields)
    chosen = launch.options
    app = _open(launch, chosen.size, chosen.fullscreen, keep_settings=True)
    if app is None:
        return 1
    from deckgame.ui import flow
    from deckgame.ui.scenes.title import TitleScene

    title = TitleScene(app)
    app.push(title)
    if settings is not None:
        # The window shows the title's picture at once while the decks load and the first
        # card is dealt (a few tenths of a second), then the table replaces it.
        title.splash = True
        app.draw()
        flow.start_game(app, settings if not callable(settings) else settings())
    return _run(app)


def launch_workshop(paths: list[Path], *, only: bool, size: tuple[int, int] | None) -> int:
    """The deck workshop on ``paths`` (with the built-in and the user's decks unless
    ``only``). Its theme and text-size keys preview; they do not change the settings."""
    from deckgame.options import SessionOptions
    from deckgame.ui.context import Launch
    from deckgame.ui.scenes.workshop import WorkshopScene

    launch = Launch(SessionOptions(decks=tuple(paths)), builtin=not only, user=not only)
    app = _open(launch, size, None)
    if app is None:
        return 1
    app.push(WorkshopScene(app))
    return _run(app)


def _open(
    launch: Launch,
    size: tuple[int, int] | None,
    fullscreen: bool | None,
    *,
    keep_settings: bool = False,
) -> App | None:
    """The window, with the player's saved look; None (and why, on stderr) without a screen."""
    problem = _no_screen()
    if problem is not None:
        print(f"deckgame: {problem}", file=sys.stderr)
        return None

    from deckgame.storage import Store
    from deckgame.ui import window
    from deckgame.ui.settings import UiSettings

    store = Store()
    ui_settings = UiSettings.from_dict(store.load_settings().get("ui", {}))
    if size is not None:
        ui_settings.fullscreen = False
    if fullscreen is not None:
        ui_settings.fullscreen = fullscreen
    size = size or window.DEFAULT_SIZE
    # On screen before the scenes, fonts and engine are even imported (the module says why).
    window.first_frame(size, ui_settings.fullscreen, ui_settings.theme)

    from deckgame.ui.app import App
    from deckgame.ui.context import Context

    def save(s: UiSettings) -> None:
        data = store.load_settings()
        data["ui"] = s.to_dict()
        store.save_settings(data)

    return App(
        size=size,
        settings=ui_settings,
        fullscreen=fullscreen,
        save_settings=save if keep_settings else None,
        ctx=Context(launch, store=store),
    )


def _run(app: App) -> int:
    import pygame

    try:
        return app.run()
    finally:
        pygame.quit()


def _no_screen() -> str | None:
    """Why no window can be shown here, or None. Without a display SDL quietly falls back
    to an off-screen driver, and the game would run where nobody can see it."""
    import pygame

    try:
        pygame.display.init()
    except pygame.error as error:
        return f"cannot open a window ({error}); run it on a desktop session"
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and not os.environ.get("SDL_VIDEODRIVER"):
        pygame.display.quit()
        return (
            "no display found, so no window can be shown (SDL fell back to its"
            f" '{driver}' driver). Run deckgame on a desktop session; on a headless"
            " machine, `deckgame simulate` plays sessions and `deckgame validate` checks"
            " decks without a window."
        )
    return None
