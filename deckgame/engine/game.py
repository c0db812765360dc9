"""``Game``: one session. Apply actions, ask what is legal, render cards, undo, save.

>>> from deckgame.kinds import ALL_AUDIENCES, IntimacyType, Card
>>> from deckgame.engine import Done, Warmth
>>> cards = [
...     Card(id=f"c{i}", kind="ask", text="Hi {other}, asks {player}",
...               type=IntimacyType.EMOTIONAL, level=1, audience=ALL_AUDIENCES)
...     for i in range(3)
... ]
>>> game = Game.new(Settings(players=("Ana", "Bo")), cards, seed=1)
>>> game.phase, game.active_player, game.card_text()
(<Phase.CARD: 'card'>, 'Ana', 'Hi Bo, asks Ana')
>>> [e.event for e in game.apply(Done())]
['done']
>>> game.apply(Warmth(giver=1))[0].to_dict()["giver"]
'Bo'
>>> game.apply(Warmth(giver=1))
Traceback (most recent call last):
...
deckgame.engine.errors.AlreadyGiven: Bo already gave warmth
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from deckgame.engine import dealer, rules
from deckgame.engine.actions import ACTION_TYPES, PASSIVE, Action, Undo, Veto, action_to_dict
from deckgame.engine.errors import IllegalAction, NothingToUndo, OnHold, Reason
from deckgame.engine.events import Event
from deckgame.engine.registry import declare_events
from deckgame.engine.restore import CHECKPOINT_EVERY as CHECKPOINT_EVERY
from deckgame.engine.restore import (
    FLOORS,
    NOTHING_TO_UNDO,
    X_CARD_FLOOR,
    restore_state,
    restore_undo,
)
from deckgame.engine.restore import MAX_CHECKPOINTS as MAX_CHECKPOINTS
from deckgame.engine.restore import READABLE_VERSIONS as READABLE_VERSIONS
from deckgame.engine.restore import SAVE_FORMAT as SAVE_FORMAT
from deckgame.engine.restore import SAVE_VERSION as SAVE_VERSION
from deckgame.engine.restore import UNDO_DEPTH as UNDO_DEPTH
from deckgame.engine.saved import SaveError, describe
from deckgame.engine.state import Checkpoint, Phase, Settings, State
from deckgame.engine.summary import Summary, summarize
from deckgame.kinds import render_text

if TYPE_CHECKING:
    # For the types only: at run time any object with ``deckgame.kinds.CardData``'s
    # attributes plays the same as the loader's plain ``Card``.
    from deckgame.kinds import Card

declare_events({"undo": "the last action was taken back (undone: action name)"})


class Game:
    """A session: the state plus the cards it references, with undo.

    Create with :meth:`new` or :meth:`from_dict`. Read ``game.state`` afresh after each
    ``apply`` (undo replaces the state object). The events of the first deal are in
    ``opening_events``. Undo takes back the last action that is not a hold or resume
    (those are logged but never undone) and survives a save and load.
    """

    def __init__(self, state: State, cards: Mapping[str, Card]) -> None:
        self._state = state
        self.cards: Mapping[str, Card] = cards
        self.opening_events: list[Event] = []
        # Undo = restore the latest checkpoint and replay the actions after it (all but
        # the last): cheap per action, exact, and bounded by CHECKPOINT_EVERY replays.
        self._segments: list[tuple[Checkpoint, list[Action]]] = [(Checkpoint(state), [])]
        # Why undo can reach no further back (shown when the player tries).
        self._undo_floor = NOTHING_TO_UNDO

    # --- creation and saving ---------------------------------------------------------

    @classmethod
    def new(
        cls,
        settings: Settings,
        cards: Iterable[Card],
        *,
        seed: int = 0,
        history: Collection[str] = (),
    ) -> Game:
        """A fresh session at the lowest level that has cards, first card dealt.

        ``history``: ids seen on earlier nights; they go to the bottom of their piles.
        """
        index = {card.id: card for card in cards}
        count = len(settings.players)
        state = State(
            settings=settings,
            # The dealer reads the seed modulo 2**64 (all its arithmetic is masked so), so
            # this deals the same cards for any integer given and keeps the save small.
            seed=int(seed) & dealer.SEED_MASK,
            round_done=[False] * count,
            warmth_given=[0] * count,
            warmth_received=[0] * count,
        )
        state.piles = dealer.build_piles(state, index.values(), history)
        levels = dealer.levels_with_cards(state, index)
        state.level = state.deepest = levels[0] if levels else 1
        opening: list[Event] = []
        rules.start_turn(state, index, opening)
        game = cls(state, index)
        game.opening_events = opening
        return game

    def to_dict(self) -> dict[str, Any]:
        """The session as JSON-safe data (ids, names and counts only).

        ``undo`` holds the oldest undo checkpoint and the actions since, per checkpoint
        (the later checkpoints are rebuilt from them on load), and why undo stops there.
        """
        return {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "state": self._state.to_dict(),
            "undo": {
                "state": self._segments[0][0].to_dict(),
                "actions": [[action_to_dict(a) for a in acts] for _, acts in self._segments],
                "floor": self._undo_floor,
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], cards: Iterable[Card]) -> Game:
        """Restore a session saved by :meth:`to_dict`, given the loaded cards.

        Cards no longer loaded drop out of the piles; ``ValueError`` if the data is not a
        session or a card on the table is missing. Undo reaches back as far as it did when
        saved; an undo section that does not replay exactly to the saved state (foreign,
        tampered, or its cards no longer loaded) is dropped and undo starts afresh.
        """
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise SaveError("not a deckgame session")
        version = data.get("version")
        # ``True in (1, 2)`` holds: a flag is no version.
        if isinstance(version, bool) or not isinstance(version, int):
            raise SaveError(f"unsupported session version {describe(version)}")
        if version not in READABLE_VERSIONS:
            raise SaveError(f"unsupported session version {describe(version)}")
        index = {card.id: card for card in cards}
        state = restore_state(data.get("state"), index)
        game = cls(state, index)
        game._restore_undo(data.get("undo"))
        return game

    def _restore_undo(self, data: object) -> None:
        """Rebuild the undo checkpoints saved by :meth:`to_dict`; keep afresh if unusable."""
        restored = restore_undo(data, self.cards, self._state)
        if restored is not None:
            self._segments, self._undo_floor = restored

    # --- reading ---------------------------------------------------------------------

    @property
    def state(self) -> State:
        """The live state (do not modify; re-read after ``apply``)."""
        return self._state

    @property
    def settings(self) -> Settings:
        return self._state.settings

    @property
    def phase(self) -> Phase:
        return self._state.phase

    @property
    def level(self) -> int:
        return self._state.level

    @property
    def players(self) -> tuple[str, ...]:
        return self._state.settings.players

    @property
    def seat(self) -> int:
        """The active player's seat."""
        return self._state.seat

    @property
    def active_player(self) -> str:
        return self._state.settings.players[self._state.seat]

    @property
    def current_card(self) -> Card | None:
        """The card on the table (card and after phases)."""
        card = self._state.card
        return None if card is None else self.cards[card]

    @property
    def offered_cards(self) -> list[Card]:
        """The cards offered (offer phase), in pick order."""
        return [self.cards[card] for card in self._state.offered]

    @property
    def other_seat(self) -> int:
        """Who ``{other}`` is: chosen, or the next seat clockwise."""
        other = self._state.other
        return rules.default_other(self._state) if other is None else other

    @property
    def other_player(self) -> str:
        return self._state.settings.players[self.other_seat]

    @property
    def voter(self) -> int | None:
        """The seat whose agree/not-yet is awaited (deeper phase, or dry with a way down).

        ``None`` while anyone is away or the game is held: going deeper asks everyone.
        """
        state = self._state
        if state.held or any(state.away):
            return None
        if state.phase is Phase.DEEPER or (
            state.phase is Phase.DRY and self.next_level is not None
        ):
            return state.votes
        return None

    @property
    def next_level(self) -> int | None:
        """The level going deeper would reach (nearest deeper level with cards).

        Judged for the players present (a dry level's way down may change as they come
        and go).
        """
        return dealer.next_level(self._state, self.cards)

    @property
    def present(self) -> tuple[int, ...]:
        """The seats of the players present (not away), in seat order."""
        return tuple(seat for seat, away in enumerate(self._state.away) if not away)

    def is_away(self, seat: int) -> bool:
        """Whether the player at ``seat`` is away (``False`` for a seat that does not exist)."""
        away = self._state.away
        return 0 <= seat < len(away) and away[seat]

    @property
    def held(self) -> bool:
        """The game is on hold: only ``Resume`` is legal."""
        return self._state.held

    @property
    def deeper_waiting(self) -> bool:
        """The go-deeper question is due but waits for the away players to be back."""
        return self._state.deeper_waiting

    @property
    def waiting_for(self) -> tuple[str, ...]:
        """Names of the away players the go-deeper question waits for (empty: none).

        Also in the dry phase with a way down, where voting needs everyone.
        """
        state = self._state
        waiting = state.deeper_waiting or (state.phase is Phase.DRY and self.next_level is not None)
        if not waiting:
            return ()
        return tuple(
            name for name, away in zip(state.settings.players, state.away, strict=True) if away
        )

    def card_text(self, card: Card | None = None) -> str:
        """A card's text with ``{player}``/``{other}`` filled (default: the card on the table).

        Names are inserted as plain text. ``ValueError`` if no card is given or shown.
        """
        card = card or self.current_card
        if card is None:
            raise ValueError("no card on the table")
        return render_text(card.text, player=self.active_player, other=self.other_player)

    def follow_up_text(self, card: Card | None = None) -> str | None:
        """The card's follow-up question, filled like :meth:`card_text`."""
        card = card or self.current_card
        if card is None or card.follow_up is None:
            return None
        return render_text(card.follow_up, player=self.active_player, other=self.other_player)

    @property
    def dealt_ids(self) -> list[str]:
        """Every card id shown this session, in first-shown order (for the history file)."""
        return list(self._state.dealt)

    def summary(self, closing: Iterable[Card] = ()) -> Summary:
        """The session summary; ``closing`` cards are filtered like dealt ones."""
        return summarize(self._state, closing)

    @property
    def timer_running(self) -> bool:
        return self._state.timer_started is not None

    def timer_remaining(self, now: float) -> float | None:
        """Seconds left on the challenge timer at ``now`` (``None`` for cards without one)."""
        card = self.current_card
        if card is None or card.seconds is None:
            return None
        used = self._state.timer_elapsed
        if self._state.timer_started is not None:
            used += max(0.0, now - self._state.timer_started)
        return max(0.0, card.seconds - used)

    # --- acting ----------------------------------------------------------------------

    def check(self, action: Action) -> None:
        """Raise the :class:`IllegalAction` that ``apply(action)`` would raise, if any."""
        if isinstance(action, Undo):
            if self._state.held:
                raise OnHold("the game is on hold: resume first", Reason.ON_HOLD)
            if self._last_undoable() is None:
                raise NothingToUndo(self._undo_floor, FLOORS[self._undo_floor])
            return
        rules.check(self._state, self.cards, action)

    def can(self, action: Action) -> bool:
        """Whether ``action`` is legal now (for greying out buttons)."""
        try:
            self.check(action)
        except IllegalAction:
            return False
        return True

    def apply(self, action: Action) -> list[Event]:
        """Apply ``action`` and return its events; an illegal one raises and changes nothing."""
        if isinstance(action, Undo):
            return self._undo()
        effect = rules.checked(self._state, self.cards, action)
        segment = self._segments[-1]
        if len(segment[1]) >= CHECKPOINT_EVERY:
            segment = (Checkpoint(self._state), [])
            self._segments.append(segment)
            if len(self._segments) > MAX_CHECKPOINTS:
                del self._segments[0]
        out: list[Event] = []
        effect(self._state, self.cards, action, out)
        if isinstance(action, Veto):
            # Safety: an X-card is final. Undo stops here so a removed card never returns to
            # the shared screen, whoever presses U next.
            self._segments = [(Checkpoint(self._state), [])]
            self._undo_floor = X_CARD_FLOOR
        else:
            segment[1].append(action)
        return out

    def legal_actions(self) -> list[Action]:
        """Every legal action now, in the order the action types are defined.

        Timer, hold and resume carry ``now=0.0``: pass the time.
        """
        return [
            action for action in _candidates(len(self._state.settings.players)) if self.can(action)
        ]

    def _last_undoable(self) -> tuple[int, int] | None:
        """(segment, position) of the last action undo would take back, if any."""
        for seg in range(len(self._segments) - 1, -1, -1):
            actions = self._segments[seg][1]
            for pos in range(len(actions) - 1, -1, -1):
                if not isinstance(actions[pos], PASSIVE):
                    return seg, pos
        return None

    def _undo(self) -> list[Event]:
        if self._state.held:
            raise OnHold("the game is on hold: resume first", Reason.ON_HOLD)
        found = self._last_undoable()
        if found is None:
            raise NothingToUndo(self._undo_floor, FLOORS[self._undo_floor])
        seg, pos = found
        # Holds and resumes after it stay: they are replayed, so a timer paused by a hold
        # stays paused with the time it had counted.
        kept = [a for _, acts in self._segments[seg + 1 :] for a in acts]
        snapshot, actions = self._segments[seg]
        undone = actions[pos]
        actions[pos:] = actions[pos + 1 :] + kept
        del self._segments[seg + 1 :]
        if not actions and len(self._segments) > 1:
            # As it was before that action: the next one opens a fresh checkpoint.
            self._segments.pop()
        state = snapshot.state()
        ignored: list[Event] = []
        for action in actions:
            rules.perform(state, self.cards, action, ignored)
        self._state = state
        out: list[Event] = []
        rules.emit(state, out, "undo", state.card, undone=undone.name)
        return out


@cache
def _candidates(players: int) -> tuple[Action, ...]:
    """Every action :meth:`Game.legal_actions` tries at a table of ``players`` seats.

    Built once per table size: actions are immutable values.
    """
    return tuple(action for kind in ACTION_TYPES.values() for action in kind.candidates(players))
