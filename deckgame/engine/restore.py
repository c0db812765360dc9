"""Restoring a saved session: the state read strictly and checked, and the undo history.

A file may have been edited by hand, damaged or written by something else: a state whose
parts do not fit together is refused (:class:`SaveError`); an undo history that does not
replay exactly to the saved state is dropped, never an obstacle to loading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from deckgame.engine import dealer, rules
from deckgame.engine.actions import Action, Undo, Veto, action_from_dict
from deckgame.engine.errors import Reason
from deckgame.engine.events import Event
from deckgame.engine.saved import SaveError, describe, read_choice
from deckgame.engine.state import Checkpoint, Phase, Settings, State
from deckgame.kinds import CardData as Card

SAVE_FORMAT = "deckgame-session"
SAVE_VERSION = 2
"""Version 2 adds the undo history (``undo``) and away/hold state; version 1 still loads."""
READABLE_VERSIONS = (1, 2)
CHECKPOINT_EVERY = 16
MAX_CHECKPOINTS = 16
UNDO_DEPTH = CHECKPOINT_EVERY * (MAX_CHECKPOINTS - 1)
"""Undo reaches at least this many actions back (across a save and load too)."""
# A saved undo history is replayed on load: a tampered file cannot make that costly.
_MAX_REPLAY = CHECKPOINT_EVERY * MAX_CHECKPOINTS * 4
# Why undo reaches no further back; a save names one of these (its words reach the screen,
# so a file cannot put its own there).
NOTHING_TO_UNDO = "nothing to undo"
X_CARD_FLOOR = "an X-card cannot be undone: that card stays out"
FLOORS: Mapping[str, Reason] = {
    NOTHING_TO_UNDO: Reason.NOTHING_TO_UNDO,
    X_CARD_FLOOR: Reason.X_CARD_FLOOR,
}
Segments = list[tuple[Checkpoint, list[Action]]]
"""Undo checkpoints: a state and the actions applied since, oldest first."""


def restore_undo(
    data: object, cards: Mapping[str, Card], saved: State
) -> tuple[Segments, str] | None:
    """The undo checkpoints and floor a save holds, replayed to ``saved`` (None: unusable)."""
    if not isinstance(data, dict):
        return None
    try:
        floor = read_choice(data.get("floor"), "undo.floor", FLOORS)
        segments = _replay(data, cards, saved)
    except (LookupError, TypeError, ValueError, AttributeError, AssertionError):
        return None  # a bad undo section never stops a session from loading
    return segments, floor


def _replay(data: dict[Any, Any], cards: Mapping[str, Card], saved: State) -> Segments:
    """Rebuild the checkpoints by replaying the saved actions (raises if they do not fit)."""
    actions_saved = data["actions"]
    if not isinstance(actions_saved, list):
        raise TypeError("undo actions")
    if not 1 <= len(actions_saved) <= MAX_CHECKPOINTS:
        raise ValueError("undo checkpoints")
    if sum(len(raw) if isinstance(raw, list) else 0 for raw in actions_saved) > _MAX_REPLAY:
        raise ValueError("undo history too long")
    replay = restore_state(data["state"], cards)
    segments: Segments = []
    ignored: list[Event] = []
    for raw in actions_saved:
        if not isinstance(raw, list):
            raise TypeError("undo checkpoint")
        actions = [action_from_dict(item) for item in raw]
        segments.append((Checkpoint(replay), actions))
        for action in actions:
            if isinstance(action, Veto | Undo):
                raise ValueError("an X-card or undo is never in the undo history")
            rules.checked(replay, cards, action)(replay, cards, action, ignored)
    if replay.to_dict() != saved.to_dict():
        raise ValueError("the undo history does not lead to the saved state")
    return segments


def restore_state(data: object, cards: Mapping[str, Card]) -> State:
    """A saved state, read strictly and checked, with the cards that no longer belong
    (not loaded, or not playable under the session's settings) out of its piles."""
    try:
        state = State.from_dict(data)
    except (LookupError, TypeError, AttributeError) as error:  # pragma: no cover - defensive
        raise SaveError(f"broken session data: {error}") from error
    _validate(state)
    settings = state.settings
    for card in [*state.offered, *([] if state.card is None else [state.card])]:
        if card not in cards:
            raise SaveError(f"the card {describe(card)} on the table is not loaded")
        # Safety: a card the group's lines, audience or types exclude is never shown,
        # whatever the file says (or however the deck changed since).
        if not dealer.in_piles(cards[card], settings):
            raise SaveError(f"the card {describe(card)} on the table does not suit the session")
    timed = state.card is not None and cards[state.card].seconds is not None
    if (state.timer_started is not None or state.timer_elapsed) and not timed:
        raise SaveError("inconsistent session data: a timer without a timed card")
    state.piles = {
        key: [card for card in pile if _belongs(cards.get(card), key, settings)]
        for key, pile in state.piles.items()
    }
    # The summary shows starred cards: only cards it can show stay starred.
    state.starred = [card for card in state.starred if card in cards]
    return state


def _belongs(card: Card | None, key: tuple[str, int], settings: Settings) -> bool:
    """Whether ``card`` may lie in pile ``key``: loaded, of that type and level, and
    playable for some number present under ``settings``."""
    return (
        card is not None
        and (dealer.TYPE_KEY[card.type], card.level) == key
        and dealer.in_piles(card, settings)
    )


def _validate(state: State) -> None:
    """Refuse a restored state whose parts do not fit together (a tampered or foreign file).

    Each field was read within its own bounds (``State.from_dict``); this checks what the
    rules keep true between them.
    """
    count = len(state.settings.players)
    problems = []
    if state.other is not None and state.other == state.seat:
        problems.append("other")
    if state.warmth_from and (
        len(set(state.warmth_from)) != len(state.warmth_from) or state.seat in state.warmth_from
    ):
        problems.append("warmth_from")
    if sum(state.warmth_given) != sum(state.warmth_received):
        problems.append("warmth")  # every warmth is given by one player to another
    if state.deepest < state.level:
        problems.append("counters")
    if (state.phase is Phase.OFFER) != (len(state.offered) == 2) or (
        state.phase is not Phase.OFFER and state.offered
    ):
        problems.append("offered")
    if (state.phase in (Phase.CARD, Phase.AFTER)) != (state.card is not None):
        problems.append("card")
    if state.phase is Phase.AFTER and state.card not in state.gone:
        problems.append("card")  # the card on the table after Done is done
    if state.phase is not Phase.CARD and (state.timer_started is not None):
        problems.append("timer")
    shown = [*state.offered, *([state.card] if state.phase is Phase.CARD else [])]
    if len(set(shown)) != len(shown) or any(card in state.gone for card in shown):
        problems.append("card")  # a done or vetoed card is never shown again
    in_piles = [card for pile in state.piles.values() for card in pile]
    piled = set(in_piles)
    # Each card in one place: a pile, the table, or gone.
    if len(piled) != len(in_piles) or not state.gone.isdisjoint(piled) or piled & set(shown):
        problems.append("piles")
    present = count - sum(state.away)
    waiting = state.phase is Phase.WAITING
    if state.phase is not Phase.ENDED and waiting != (present < 2):
        problems.append("waiting")
    if state.phase in (Phase.OFFER, Phase.CARD, Phase.AFTER) and state.away[state.seat]:
        problems.append("away")  # the active player is never away with a card in hand
    if state.phase is Phase.DEEPER and (present < count or state.deeper_waiting):
        problems.append("deeper")
    if state.held and state.phase is Phase.ENDED:
        problems.append("held")
    if problems:
        raise SaveError(f"inconsistent session data: {', '.join(dict.fromkeys(problems))}")
