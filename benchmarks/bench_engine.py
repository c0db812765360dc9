"""Engine speed: actions per second over many random sessions (prints figures).

Run: python benchmarks/bench_engine.py [--sessions N] [--players N] [--cards N]

A simple policy plays each session (done most cards, some passes, skips, vetoes, stars,
warmth, agreeing to go deeper, an occasional undo) until it ends or runs out of cards.
Only ``Game.new`` and ``Game.apply`` are timed (a replay), not the policy.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deckgame.engine import (
    Action,
    Agree,
    Done,
    End,
    Game,
    Next,
    NotYet,
    Pass,
    Phase,
    Pick,
    Settings,
    Skip,
    Star,
    Undo,
    Veto,
    Warmth,
)
from deckgame.model import ALL_AUDIENCES, Card, IntimacyType

NAMES = ("Ana", "Bo", "Chen", "Dana", "Eli", "Fé", "Gül", "Hana")


def make_cards(per_pile: int) -> list[Card]:
    return [
        Card(
            id=f"{t.value}-{level}-{i}",
            kind="ask",
            text="Ask {other} something, {player}.",
            type=t,
            level=level,
            audience=ALL_AUDIENCES,
        )
        for t in IntimacyType
        for level in (1, 2, 3, 4)
        for i in range(per_pile)
    ]


def choose(game: Game, rng: random.Random) -> Action:
    phase = game.phase
    roll = rng.random()
    if phase is Phase.OFFER:
        return Pick(rng.randrange(2)) if roll < 0.9 else Veto(0)
    if phase is Phase.CARD:
        if roll < 0.75:
            return Done()
        if roll < 0.85:
            return Pass()
        if roll < 0.9:
            return Skip()
        if roll < 0.93:
            return Veto()
        if roll < 0.97:
            return Star()
        return Undo() if game.can(Undo()) else Done()
    if phase is Phase.AFTER:
        givers = [s for s in range(len(game.players)) if s != game.seat]
        giver = rng.choice(givers)
        if roll < 0.5 and giver not in game.state.warmth_from:
            return Warmth(giver)
        return Next()
    voter = game.voter
    if voter is not None:
        return Agree(voter) if roll < 0.95 else NotYet(voter)
    return End()


def run(sessions: int, players: int, per_pile: int, offered: int, seed: int) -> None:
    cards = make_cards(per_pile)
    rng = random.Random(seed)
    settings = Settings(players=NAMES[:players], offered=offered)
    # First the policy plays and records each session; then the recorded actions are
    # replayed in a tight loop, so only Game.new + Game.apply are on the clock.
    scripts: list[list[Action]] = []
    for number in range(sessions):
        game = Game.new(settings, cards, seed=number)
        script: list[Action] = []
        while game.phase is not Phase.ENDED:
            action = choose(game, rng)
            game.apply(action)
            script.append(action)
        scripts.append(script)
    actions = sum(len(script) for script in scripts)
    wall = time.perf_counter()
    cpu = time.process_time()
    for number, script in enumerate(scripts):
        game = Game.new(settings, cards, seed=number)
        apply = game.apply
        for action in script:
            apply(action)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    print(
        f"players={players} offered={offered} cards={len(cards)} sessions={sessions}: "
        f"{actions} actions ({actions / sessions:.0f} per session, Game.new included) in "
        f"{cpu:.3f} s CPU = {actions / cpu:,.0f} actions/s "
        f"(wall {wall:.3f} s = {actions / wall:,.0f}/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--cards", type=int, default=10, help="cards per type x level pile")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for players, offered in ((2, 1), (4, 2), (8, 1)):
        run(args.sessions, players, args.cards, offered, args.seed)


if __name__ == "__main__":
    main()
