"""The engine runs without pydantic, yaml or pygame: a session from plain card data.

Checked in a fresh interpreter (this one has imported everything already): right after
``import deckgame.engine`` (and ``deckgame.options``, ``deckgame.i18n``) none of them is in
``sys.modules``; a seeded session of ``Card``s plays, saves and undoes with none of
them loaded; then the built-in decks load (pydantic comes in, as it should for
validating) and the same engine plays them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache

_PROBE = """
import json, sys

HEAVY = ("pydantic", "pydantic_core", "yaml", "pygame", "deckgame.model", "deckgame.content")

def heavy():
    return sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))

import deckgame.engine
after_engine = heavy()
import deckgame.options, deckgame.i18n
after_options = heavy()

from deckgame.engine import Done, Game, Next, Pass, Settings, Star, Undo, Warmth
from deckgame.kinds import ALL_AUDIENCES, Audience, IntimacyType, Card

cards = [
    Card(id=f"{t.value}-{level}-{i}", kind="ask" if i % 2 else "do",
              text="Ask {other} one thing, {player}.", type=t, level=level,
              audience=ALL_AUDIENCES, seconds=None if i % 2 else 30)
    for t in IntimacyType for level in (1, 2) for i in range(3)
]
game = Game.new(Settings(players=("Ana", "Bo", "Cy"), audience=Audience.FRIENDS), cards, seed=5)
shown = [game.card_text()]
for action in (Star(), Done(), Warmth(1), Next(), Pass(), Done(), Undo()):
    game.apply(action)
    if game.current_card is not None:
        shown.append(game.card_text())
saved = json.dumps(game.to_dict(), sort_keys=True)
again = Game.from_dict(json.loads(saved), cards)
plain = {
    "shown": shown,
    "phase": game.phase.value,
    "round_trip": json.dumps(again.to_dict(), sort_keys=True) == saved,
    "summary": game.summary().to_dict(),
}
after_session = heavy()

from deckgame.loader import load_library
library = load_library(user=False)
built_in = Game.new(Settings(players=("Ana", "Bo")), library.cards, seed=1)
built_in.apply(Done())
print(json.dumps({
    "after_engine": after_engine,
    "after_options": after_options,
    "after_session": after_session,
    "plain": plain,
    "built_in_phase": built_in.phase.value,
    "built_in_card_type": type(library.cards[0]).__module__,
    "pydantic_after_loading": "pydantic" in sys.modules,
}))
"""


@cache  # one fresh interpreter serves both tests
def _probe() -> dict[str, object]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_engine_imports_and_plays_plain_cards_without_pydantic_yaml_or_pygame() -> None:
    result = _probe()
    assert result["after_engine"] == []
    assert result["after_options"] == []
    assert result["after_session"] == []
    plain = result["plain"]
    assert isinstance(plain, dict)
    assert plain["round_trip"] is True
    assert plain["phase"] == "card"  # the undo took back the last Done
    assert all("{" not in text for text in plain["shown"])
    assert plain["shown"][0].startswith(("Ask Bo", "Ask Cy"))
    assert plain["summary"]["done_by_type"] != {}
    assert sum(plain["summary"]["done_by_type"].values()) == 1


def test_the_same_engine_then_plays_the_built_in_decks_loaded_after() -> None:
    result = _probe()
    assert result["pydantic_after_loading"] is True  # validating decks still uses it
    assert result["built_in_card_type"] == "deckgame.kinds"  # loaded cards are plain data
    assert result["built_in_phase"] == "after"
