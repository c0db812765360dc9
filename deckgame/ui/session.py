"""A running session as the front end sees it: the engine game plus its log and autosave.

Scenes send actions here; an illegal one (a mis-press) becomes a short message instead of an
error. Every accepted action is appended to ``--log`` and autosaved, so closing the window
never loses the evening.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgame.engine import Action, End, Event, EventLog, Game, IllegalAction, Phase, Settings
from deckgame.engine.dealer import playable
from deckgame.engine.summary import Summary, summarize
from deckgame.kinds import Card
from deckgame.levels import bar_level_names, level_label
from deckgame.ui.refusals import describe

if TYPE_CHECKING:
    from deckgame.storage import Store

AUTOSAVE_KIND = "deckgame-ui-session"


def fresh_seed() -> int:
    """A seed for a session started without ``--seed``."""
    return int.from_bytes(os.urandom(4), "little")


class Session:
    def __init__(
        self,
        game: Game,
        *,
        level_names: dict[int, str] | None = None,
        closing: list[Card] | None = None,
        log: EventLog | None = None,
        store: Store | None = None,
    ) -> None:
        self.game = game
        # The level bar's names (GAME.md "Level names"): a pack's own names only when every
        # card in play comes from that pack, else the defaults. The caller's ``level_names``
        # serve only a game with no card in play.
        in_play = [c for c in game.cards.values() if playable(c, game.settings)]
        self.level_names = bar_level_names(in_play) if in_play else dict(level_names or {})
        self.closing = list(closing or [])
        self.log = log
        self.store = store
        self.message = ""  # feedback for the last refused action, shown briefly
        self.events: list[Event] = []  # the events of the last accepted action
        # Weak: a scene that follows the session must not be kept alive by it. A table and
        # its session referring to each other waited for a full garbage collection, each
        # holding its window-sized pictures, so an evening of games grew by hundreds of MB.
        self._listeners: list[weakref.WeakMethod[Callable[[list[Event]], None]]] = []

    @classmethod
    def start(
        cls,
        settings: Settings,
        cards: list[Card],
        *,
        seed: int | None = None,
        level_names: dict[int, str] | None = None,
        closing: list[Card] | None = None,
        log_path: Path | None = None,
        store: Store | None = None,
    ) -> Session:
        """A new session with ``settings`` over ``cards`` (every card loaded), first card
        dealt; the events of that deal are logged and the session autosaved."""
        # GAME.md, Determinism: an explicit seed makes a replay, so earlier nights do not
        # reorder the piles (the session is still added to the history at the end).
        replay = seed is not None
        history = store.load_history(settings.players) if store is not None and not replay else []
        # Every card goes to the engine: its dealer is the one filter of decks, types,
        # audience, players and lines (``dealer.playable``), as on a resumed session.
        game = Game.new(
            settings, cards, seed=fresh_seed() if seed is None else seed, history=history
        )
        log = EventLog(log_path) if log_path is not None else None
        session = cls(game, level_names=level_names, closing=closing, log=log, store=store)
        session._record(game.opening_events)
        return session

    @classmethod
    def resume(
        cls,
        data: dict[str, Any],
        cards: list[Card],
        *,
        level_names: dict[int, str] | None = None,
        closing: list[Card] | None = None,
        log_path: Path | None = None,
        store: Store | None = None,
    ) -> Session:
        """The autosaved session ``data``; ``ValueError`` when it cannot be restored.

        Any damage (a key missing, a wrong type, a number out of range) is a ``ValueError``
        here, never another exception: Continue must not crash on a file, whatever it holds.
        """
        if not isinstance(data, dict) or data.get("kind") != AUTOSAVE_KIND:
            raise ValueError("not a saved session")
        try:
            game = Game.from_dict(data["game"], cards)
            # Read once what the table reads on its first frame, so a save the engine let
            # through but cannot show (a card id that is no card) is refused here instead.
            _ = (game.current_card, game.offered_cards, game.active_player, game.other_player)
            game.legal_actions()
            summary = game.summary(closing or ())
            state = game.state
            counts = [
                *summary.done_by_type.values(),
                *summary.warmth_given.values(),
                *summary.warmth_received.values(),
                *state.mix.values(),
                state.trust_rounds,
                state.draws,
            ]
            if min(counts) < 0:
                # The engine takes them as they come; the radar of a negative count cannot
                # be drawn (pygame fills a polygon of 10^40 pixels for minutes).
                raise ValueError("a count below zero")
        except (LookupError, TypeError, AttributeError, ArithmeticError, ValueError) as error:
            raise ValueError(f"the saved session is damaged: {error!r}") from error
        log = EventLog(log_path) if log_path is not None else None
        return cls(game, level_names=level_names, closing=closing, log=log, store=store)

    # Acting ------------------------------------------------------------------------------
    def apply(self, action: Action) -> bool:
        """Apply ``action``; False (and ``message`` set) when it is not allowed now."""
        try:
            events = self.game.apply(action)
        except IllegalAction as error:
            self.message = describe(error)  # the reason, in the player's words
            return False
        self.message = ""
        self._record(events)
        if isinstance(action, End):
            self._finish()
        return True

    def can(self, action: Action) -> bool:
        return self.game.can(action)

    def _record(self, events: list[Event]) -> None:
        self.events = events
        if self.log is not None:
            self.log.write(events)
        if self.store is not None and self.game.phase is not Phase.ENDED:
            self.store.save_autosave({"kind": AUTOSAVE_KIND, "game": self.game.to_dict()})
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                self._listeners.remove(ref)
            else:
                listener(events)

    def _finish(self) -> None:
        if self.store is not None:
            self.store.clear_autosave()
            # Ids only: the cards dealt (done ones among them) and the cards starred.
            state = self.game.state
            self.store.add_history(self.game.players, list(state.dealt), starred=state.starred)

    def subscribe(self, method: Callable[[list[Event]], None]) -> None:
        """Call the bound ``method`` with the events of every accepted action, for as long
        as its object lives (held weakly)."""
        self._listeners.append(weakref.WeakMethod(method))

    def close(self) -> None:
        if self.log is not None:
            self.log.close()

    # Reading -----------------------------------------------------------------------------
    def level_label(self, level: int | None = None) -> str:
        """``Level 2 · Confidentiality``: a level (default: the current one) as the level
        bar names it; each card names its own level (``ui.cards.card_view``)."""
        lv = self.game.level if level is None else level
        return level_label(lv, self.level_names)

    def summary(self) -> Summary:
        return summarize(self.game.state, self.closing)
