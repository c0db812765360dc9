"""What the front end shares between scenes: the command line's choices, decks, storage.

The deck library is loaded on first use, so the title can draw its first frame before the
YAML and pydantic work starts.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgame.options import SessionOptions

if TYPE_CHECKING:
    from deckgame.content.library import Library
    from deckgame.storage import Store
    from deckgame.ui.session import Session


class Launch:
    """How the window was opened: the command line's session options (``None`` in them
    means "ask in setup") and where decks load from.

    ``Launch(options)`` wraps the value ``deckgame play`` built; ``Launch(seed=3, ...)``
    builds one from its fields (lists are fine), as tests do. The attributes scenes read
    (``players``, ``audience``, ``types``, ``excluded``, ``unlock_rounds``, ``offered``,
    ``seed``, ``log``, ``decks``) are the options' own.
    """

    def __init__(
        self,
        options: SessionOptions | None = None,
        *,
        builtin: bool = True,  # tests load only their own decks
        user: bool = True,
        **fields: Any,
    ) -> None:
        base = options if options is not None else SessionOptions()
        # Lists given field by field become the tuples a frozen value holds.
        given: dict[str, Any] = {
            key: tuple(value) if isinstance(value, list) else value for key, value in fields.items()
        }
        self.options: SessionOptions = replace(base, **given) if given else base
        self.builtin = builtin
        self.user = user

    def __repr__(self) -> str:
        return f"Launch({self.options!r}, builtin={self.builtin}, user={self.user})"

    @property
    def decks(self) -> list[Path]:
        return list(self.options.decks)

    @property
    def players(self) -> list[str] | None:
        players = self.options.players
        return list(players) if players is not None else None

    @property
    def audience(self) -> str | None:
        return self.options.audience

    @property
    def types(self) -> list[str] | None:
        types = self.options.types
        return list(types) if types is not None else None

    @property
    def excluded(self) -> list[str] | None:
        excluded = self.options.excluded
        return list(excluded) if excluded is not None else None

    @property
    def unlock_rounds(self) -> int | None:
        return self.options.unlock_rounds

    @property
    def offered(self) -> int | None:
        return self.options.offered

    @property
    def seed(self) -> int | None:
        return self.options.seed

    @property
    def log(self) -> Path | None:
        return self.options.log


class Context:
    """Shared, lazily built things: the library and the store."""

    def __init__(
        self,
        launch: Launch | None = None,
        store: Store | None = None,
        library: Library | None = None,
    ) -> None:
        self.launch = launch if launch is not None else Launch()
        self._store = store
        self._library = library
        self.resume: dict[str, Any] | None = None
        self._session: Session | None = None

    def adopt(self, session: Session) -> None:
        """Make ``session`` the window's one open session; the one before it is closed.

        One at a time, held here, not a quit hook per session: hooks kept every table of
        the evening (its session, cached card pictures, frames) alive until the window
        closed.
        """
        if self._session is not None and self._session is not session:
            self._session.close()
        self._session = session

    def close_session(self) -> None:
        """Close the open session's log (at quit); idempotent."""
        if self._session is not None:
            self._session.close()
            self._session = None

    @property
    def library(self) -> Library:
        if self._library is None:
            from deckgame.content.cache import DeckCache
            from deckgame.content.library import load_library

            # Through the deck cache: a start with unchanged built-in and installed decks
            # does no YAML work. It keeps only those (their text is on this machine
            # already); a deck opened with --decks from elsewhere is never copied.
            cache = DeckCache()
            self._library = load_library(
                self.launch.decks, builtin=self.launch.builtin, user=self.launch.user, cache=cache
            )
            cache.prune()  # entries of deleted (or outside) files go
        return self._library

    def invalidate_library(self) -> None:
        """Forget the loaded decks: the next use reads them again (after edits in the
        workshop, so the next game deals the cards as they are now on disk)."""
        self._library = None

    @property
    def library_loaded(self) -> bool:
        return self._library is not None

    @property
    def store(self) -> Store:
        if self._store is None:
            from deckgame.storage import Store

            self._store = Store()
        return self._store
