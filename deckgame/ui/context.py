"""What the front end shares between scenes: the command line's choices, decks, storage.

The deck library is loaded on first use, so the title can draw its first frame before the
YAML and pydantic work starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deckgame.loader import Library
    from deckgame.storage import Store
    from deckgame.ui.session import Session


@dataclass
class Launch:
    """Session choices given on the command line; ``None`` means "ask in setup"."""

    decks: list[Path] = field(default_factory=list)
    players: list[str] | None = None
    audience: str | None = None
    types: list[str] | None = None
    excluded: list[str] | None = None
    unlock_rounds: int | None = None
    offered: int | None = None
    seed: int | None = None
    log: Path | None = None
    builtin: bool = True  # tests load only their own decks
    user: bool = True


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
            from deckgame.loader import load_library

            self._library = load_library(
                self.launch.decks, builtin=self.launch.builtin, user=self.launch.user
            )
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
