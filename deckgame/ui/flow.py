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
    """Deal the first card and put the table on screen (the title stays beneath). Settings
    that name no decks start with the built-in decks in the interface's language and every
    deck brought along (GAME.md "Languages"), as the setup screen chooses them."""
    from deckgame.deck_language import with_default_decks
    from deckgame.i18n import current_language
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.session import Session

    ctx = app.ctx
    lib = ctx.library
    session = Session.start(
        with_default_decks(settings, lib, current_language()),
        list(lib.cards),
        seed=ctx.launch.seed,
        level_names=lib.level_names,
        closing=list(lib.closing),
        log_path=ctx.launch.log,
        store=ctx.store,
    )
    ctx.adopt(session)
    from deckgame.ui.scenes.title import TitleScene

    app.reset(TitleScene(app))
    app.push(TableScene(app, session))


def resume(app: App) -> bool:
    """Continue the autosaved session; False when there is none or it cannot be restored.

    A save that cannot be continued (damaged, or its cards no longer loaded) is moved aside,
    kept under a name that says so (``autosave.json.broken-...``), and the store's
    ``last_set_aside`` tells where: the title says so and offers Play instead.
    """
    from deckgame.ui.scenes.table import TableScene
    from deckgame.ui.session import Session

    ctx = app.ctx
    store = ctx.store
    store.last_set_aside = None
    data = store.load_autosave()  # an unreadable file is moved aside here already
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
            store=store,
        )
    except ValueError:
        store.set_aside_autosave("it could not be continued: damaged, or its cards are gone")
        return False
    ctx.adopt(session)
    app.push(TableScene(app, session))
    return True
