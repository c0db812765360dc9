"""Moving between the big steps: title -> setup -> table -> summary, and Continue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deckgame.engine import Settings
    from deckgame.ui.app import App


def start_setup(
    app: App, players: list[str] | None = None, previous: Settings | None = None
) -> None:
    """Setup, prefilled with ``players`` and the choices of a ``previous`` session."""
    from deckgame.ui.scenes.setup import SetupScene

    app.push(SetupScene(app, players=players, previous=previous))


def start_game(app: App, settings: Settings) -> None:
    """Deal the first card and put the table on screen (the title stays beneath)."""
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.session import Session

    ctx = app.ctx
    lib = ctx.library
    session = Session.start(
        settings,
        list(lib.cards),
        seed=ctx.launch.seed,
        level_names=lib.level_names,
        closing=list(lib.closing),
        log_path=ctx.launch.log,
        store=ctx.store,
    )
    app.on_quit.append(session.close)
    from deckgame.ui.scenes.title import TitleScene

    app.reset(TitleScene(app))
    app.push(TableScene(app, session))


def resume(app: App) -> bool:
    """Continue the autosaved session; False (and the save kept) if it cannot be restored."""
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.session import Session

    ctx = app.ctx
    data = ctx.store.load_autosave()
    if data is None:
        return False
    lib = ctx.library
    try:
        session = Session.resume(
            data,
            list(lib.cards),
            level_names=lib.level_names,
            closing=list(lib.closing),
            log_path=ctx.launch.log,
            store=ctx.store,
        )
    except (ValueError, KeyError, TypeError):
        return False
    app.on_quit.append(session.close)
    app.push(TableScene(app, session))
    return True
