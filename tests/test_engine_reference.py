"""Legal actions, refusals, event logs and saves stay byte-identical to a frozen reference.

The reference (``fixtures/engine_reference.json``) was computed by this module's
:func:`session_digest` from the engine as it was before its actions, rules and state were
declared once (issue 13): a digest per seeded random session of every step's legal actions,
each refusal's class and words, every event and every save. Regenerate it only when a
change of behaviour is meant: ``python tests/test_engine_reference.py --write``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from engine_helpers import NAMES, every_action, random_pool

from deckgame.engine import (
    Action,
    Away,
    Back,
    End,
    Game,
    Hold,
    IllegalAction,
    Resume,
    Settings,
    TimerPause,
    TimerStart,
    Undo,
    action_to_dict,
)
from deckgame.model import Audience

REFERENCE = Path(__file__).parent / "fixtures" / "engine_reference.json"
OLD_SAVES = Path(__file__).parent / "fixtures" / "engine_saves_before_13.json"
"""Saves written at the end of some sessions before issue 13 (by seed)."""
SESSIONS = 80
RARE = (Away, Back, Hold, Resume, Undo, End)
STEPS = 160


def wild(rng: random.Random, players: int, now: float) -> Action:
    """Any action, often an illegal one (bad seats and indexes included)."""
    seat = rng.randint(-1, players + 1)
    return rng.choice(every_action(seat, now))


def session_lines(seed: int, end: list[Game] | None = None) -> list[str]:
    """Every observable step of one seeded random session, as JSON lines.

    ``end``: the game as it ends is appended to it.
    """
    rng = random.Random(seed)
    players = rng.randint(2, 8)
    settings = Settings(
        players=NAMES[:players],
        audience=rng.choice(list(Audience)),
        unlock_rounds=rng.randint(1, 3),
        offered=rng.choice([1, 2]),
    )
    game = Game.new(settings, random_pool(rng), seed=rng.randint(0, 2**64))
    lines = [json.dumps([e.to_dict() for e in game.opening_events], sort_keys=True)]
    now = 0.0
    for _ in range(STEPS):
        now += rng.randint(0, 40)
        legal = game.legal_actions()
        lines.append(repr(legal))
        if rng.random() < 0.3:
            action = wild(rng, players, now)
        else:
            # Mostly play on: coming and going, holds, undo and end would crowd it out.
            playing = [a for a in legal if not isinstance(a, RARE)]
            action = rng.choice(playing if playing and rng.random() < 0.85 else legal)
            if isinstance(action, TimerStart | TimerPause | Hold | Resume):
                action = type(action)(now)
        lines.append(json.dumps(action_to_dict(action)))
        try:
            events = game.apply(action)
        except IllegalAction as error:
            lines.append(f"{type(error).__name__}: {error}")
            continue
        lines.append(json.dumps([e.to_dict() for e in events], sort_keys=True))
        lines.append(json.dumps(game.to_dict(), sort_keys=True))
    if end is not None:
        end.append(game)
    return lines


def session_digest(seed: int) -> str:
    return hashlib.sha256("\n".join(session_lines(seed)).encode()).hexdigest()[:16]


def test_sessions_match_the_frozen_reference() -> None:
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert len(expected) == SESSIONS
    changed = [seed for seed in range(SESSIONS) if session_digest(seed) != expected[seed]]
    assert not changed, f"sessions that differ from the reference: {changed}"


def test_saves_from_before_the_codec_load_as_they_were() -> None:
    saved = json.loads(OLD_SAVES.read_text(encoding="utf-8"))
    assert saved
    for seed, data in saved.items():
        games: list[Game] = []
        session_lines(int(seed), games)
        cards = games[0].cards.values()
        game = Game.from_dict(json.loads(json.dumps(data)), cards)
        assert json.dumps(game.to_dict()) == json.dumps(data)
        assert game.legal_actions() == games[0].legal_actions()


def write_saves() -> None:
    """The saves fixture: sessions that end away, held, timed, or with undo to take."""
    saves: dict[str, tuple[tuple[object, ...], dict[str, object]]] = {}
    for seed in range(SESSIONS):
        games: list[Game] = []
        session_lines(seed, games)
        state = games[0].state
        kinds = (any(state.away), state.held, state.timer_elapsed > 0, state.phase.value)
        if kinds not in [k for k, _ in saves.values()]:
            saves[str(seed)] = (kinds, games[0].to_dict())
    data = {seed: save for seed, (_, save) in saves.items()}
    OLD_SAVES.write_text(json.dumps(data) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    write_saves()
    digests = [session_digest(seed) for seed in range(SESSIONS)]
    REFERENCE.write_text(json.dumps(digests, indent=0) + "\n", encoding="utf-8")
