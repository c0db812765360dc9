"""Game events: what :meth:`Game.apply` reports, and a JSON-lines writer for ``--log FILE``.

Events hold ids, names and counts only: never card text, never anything typed but names.
Each event name is declared once, by the rule that emits it
(:func:`deckgame.engine.registry.rule`); ``deckgame.engine.EVENT_NAMES`` gathers them.

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
