"""Game events: what :meth:`Game.apply` reports, and a JSON-lines writer for ``--log FILE``.

Events hold ids, names and counts only: never card text, never anything typed but names.

>>> Event("deal", turn=1, round=1, level=1, player="Ana", card="emotional-1-abc").to_dict()
{'event': 'deal', 'turn': 1, 'round': 1, 'level': 1, 'player': 'Ana', 'card': 'emotional-1-abc'}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import IO, Any, NamedTuple, Self

_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})

EVENT_NAMES: frozenset[str] = frozenset(
    {
        "deal",  # a card shown to the active player (card)
        "pick",  # offered card kept (card, index)
        "other",  # who {other} is for this card (other: name)
        "done",  # card answered or completed (card, type)
        "pass",  # card under its pile, a fresh one follows (card)
        "veto",  # X-card: card gone for the session (card)
        "skip",  # the active player skipped the turn (card, if one was shown)
        "warmth",  # player = receiver, giver = name
        "star",  # card, starred: bool
        "timer",  # card, running: bool, elapsed: seconds
        "round_end",  # round finished (trust_building: bool, trust_rounds: int)
        "unlock",  # the next level is open; the deeper question is asked (to_level), or it
        # waits for the away players (waiting_for: their names) and is asked, with another
        # "unlock", once everyone is back and the card in hand is finished
        "agree",  # player agreed to go deeper
        "deeper",  # everyone agreed (from_level, to_level)
        "not_yet",  # player said not yet (level kept)
        "step_back",  # from_level, to_level
        "dry",  # no card left at this level (can_go_deeper: bool)
        "undo",  # the last action was taken back (undone: action name)
        "end",  # the session ended
        "away",  # player stepped away (card: the card handed back, if it was their turn)
        "back",  # player is back
        "hold",  # the game is held (player None; timer_paused: bool)
        "resume",  # the hold is over (player None)
    }
)


class Event(NamedTuple):
    """One thing that happened: ``event`` name plus context; ``extra`` holds the rest.

    ``player`` is the name of the active player (for ``warmth`` the receiver, for
    ``agree``/``not_yet`` the voter; ``None`` for group events such as ``round_end``);
    ``card`` is a card id where one is involved. A named tuple: immutable and cheap.
    """

    event: str
    turn: int
    round: int
    level: int
    player: str | None = None
    card: str | None = None
    extra: Mapping[str, Any] = _NO_EXTRA

    def to_dict(self) -> dict[str, Any]:
        """A flat JSON-safe dict: the fixed fields (``player``/``card`` if set) then extras."""
        data: dict[str, Any] = {
            "event": self.event,
            "turn": self.turn,
            "round": self.round,
            "level": self.level,
        }
        if self.player is not None:
            data["player"] = self.player
        if self.card is not None:
            data["card"] = self.card
        data.update(self.extra)
        return data


class EventLog:
    """Appends events to a file as JSON lines, flushed after each one.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.jsonl"
    >>> with EventLog(path) as log:
    ...     log.write([Event("end", turn=3, round=2, level=1)])
    >>> path.read_text(encoding="utf-8")
    '{"event": "end", "turn": 3, "round": 2, "level": 1}\\n'
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._file: IO[str] | None = self.path.open("a", encoding="utf-8")

    def write(self, events: list[Event]) -> None:
        """Append ``events``, one JSON object per line, flushing after each."""
        if self._file is None:
            raise ValueError("the event log is closed")
        for event in events:
            self._file.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            # A crash mid-session should lose nothing already logged.
            self._file.flush()

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
