"""Headless sessions for the deck designer's balance check (``deckgame simulate``).

Every card is done, the next player clockwise gives warmth, and everyone agrees to go
deeper unless told to say "not yet" a number of times at each level. The report says when
each level unlocked, which piles ran dry while their level was in play, and how many cards
each type x level cell offers under the chosen filters.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from deckgame.engine import (
    Action,
    Agree,
    Done,
    End,
    Event,
    EventLog,
    Game,
    Next,
    NotYet,
    Phase,
    Pick,
    Settings,
    Warmth,
    playable,
)
from deckgame.engine.dealer import pile_dry
from deckgame.kinds import Card, IntimacyType
from deckgame.levels import level_name

# A whole session can never take more turns than this; reaching it means a rules bug.
MAX_ACTIONS = 200_000

PileKey = tuple[str, int]


@dataclass
class SessionReport:
    """What one simulated session did."""

    seed: int
    rounds: int = 0
    deepest: int = 1
    cards_done: int = 0
    unlocked: dict[int, int] = field(default_factory=dict)  # level -> round it unlocked
    reached: dict[int, int] = field(default_factory=dict)  # level -> round the group went there
    piles_dry: dict[PileKey, tuple[int, int]] = field(default_factory=dict)  # -> (round, level)
    levels_dry: dict[int, int] = field(default_factory=dict)  # level -> round it ran dry
    ended_by: str = "rounds"
    dealt: list[str] = field(default_factory=list)  # card ids, in the order dealt


def cell_counts(cards: Iterable[Card], settings: Settings) -> Counter[PileKey]:
    """How many cards each (type, level) cell can deal under these settings."""
    return Counter(
        (card.type.value, card.level)
        for card in cards
        if card.level is not None and playable(card, settings)
    )


def _choose(game: Game, given: set[int], not_yet: int, asked: Counter[int]) -> Action:
    phase = game.phase
    if phase is Phase.OFFER:
        return Pick(0)
    if phase is Phase.CARD:
        return Done()
    if phase is Phase.AFTER:
        giver = game.other_seat
        if giver != game.seat and giver not in given:
            given.add(giver)
            return Warmth(giver)
        return Next()
    voter = game.voter
    if voter is None:
        return End()
    if phase is Phase.DEEPER and voter == 0:
        asked[game.level] += 1
    if phase is Phase.DEEPER and asked[game.level] <= not_yet:
        return NotYet(voter)
    return Agree(voter)


def play_session(
    cards: Sequence[Card],
    settings: Settings,
    *,
    seed: int,
    rounds: int | None = None,
    not_yet: int = 0,
    log: EventLog | None = None,
    history: Sequence[str] = (),
    max_cards: int | None = None,
) -> SessionReport:
    """Play one session to its end (or ``rounds`` rounds, or ``max_cards`` cards done)
    and report what happened. ``history``: ids dealt on earlier nights, dealt last."""
    game = Game.new(settings, cards, seed=seed, history=history)
    report = SessionReport(seed=seed, reached={game.level: 1})
    given: set[int] = set()
    asked: Counter[int] = Counter()
    events: list[Event] = game.opening_events
    for _step in range(MAX_ACTIONS):
        _record(report, game, events)
        if log is not None:
            log.write(events)
        if game.phase is Phase.ENDED:
            break
        if max_cards is not None and report.cards_done >= max_cards:
            action: Action = End()
            report.ended_by = "cards"
        elif rounds is not None and game.state.round > rounds:
            action = End()
        else:
            action = _choose(game, given, not_yet, asked)
            if isinstance(action, End):
                report.ended_by = "no cards left"
        if isinstance(action, Next | Done):
            given.clear()
        events = game.apply(action)
    else:  # pragma: no cover - only a rules bug gets here
        raise RuntimeError(f"session with seed {seed} did not end in {MAX_ACTIONS} actions")
    report.rounds = min(game.state.round, rounds) if rounds is not None else game.state.round
    report.deepest = game.state.deepest
    report.dealt = list(game.state.dealt)  # what the game adds to the group's history
    return report


def _record(report: SessionReport, game: Game, events: list[Event]) -> None:
    for event in events:
        name = event.event
        if name == "done":
            report.cards_done += 1
        elif name == "unlock":
            report.unlocked.setdefault(int(event.extra["to_level"]), event.round)
        elif name == "deeper":
            report.reached.setdefault(int(event.extra["to_level"]), event.round)
        elif name == "dry":
            report.levels_dry.setdefault(event.level, event.round)
        elif name == "deal":
            state = game.state
            for key in state.piles:
                if (
                    key[1] == state.level
                    and key not in report.piles_dry
                    and pile_dry(state, key, game.cards)
                ):
                    report.piles_dry[key] = (event.round, state.level)


@dataclass
class SimulationReport:
    """Several sessions under one set of settings."""

    settings: Settings
    cells: Counter[PileKey]
    sessions: list[SessionReport]
    level_names: dict[int, str]

    def format(self) -> str:
        return "\n".join(_format(self))


def simulate(
    cards: Sequence[Card],
    settings: Settings,
    *,
    sessions: int = 1,
    seed: int = 0,
    rounds: int | None = None,
    not_yet: int = 0,
    log: EventLog | None = None,
    level_names: dict[int, str] | None = None,
) -> SimulationReport:
    """Play ``sessions`` sessions with seeds ``seed, seed+1, ...``."""
    reports = [
        play_session(cards, settings, seed=seed + i, rounds=rounds, not_yet=not_yet, log=log)
        for i in range(sessions)
    ]
    return SimulationReport(settings, cell_counts(cards, settings), reports, level_names or {})


def _span(values: list[int]) -> str:
    if not values:
        return "-"
    if min(values) == max(values):
        return f"round {values[0]}"
    median = statistics.median(values)
    return f"rounds {min(values)}-{max(values)} (median {median:g})"


def _format(report: SimulationReport) -> list[str]:
    """The report's lines: the settings, the cells, the levels, the dry piles."""
    settings = report.settings
    runs = report.sessions
    total = len(runs)
    types = [t.value for t in IntimacyType if t in settings.types]
    levels = sorted({level for _, level in report.cells})
    names = report.level_names
    lines = [
        f"{total} session{'s' if total != 1 else ''}, {len(settings.players)} players"
        f" ({', '.join(settings.players)}), audience {settings.audience.value},"
        f" unlock after {settings.unlock_rounds} trust-building round"
        f"{'s' if settings.unlock_rounds != 1 else ''}"
        + (f", lines: {', '.join(sorted(settings.excluded))}" if settings.excluded else ""),
        "",
        "Cards each cell can deal under these settings:",
    ]
    lines += _cell_table(report.cells, types, levels)
    lines += ["", "Levels (sessions that got there; the round it happened):"]
    first = levels[0] if levels else 1
    for level in levels:
        label = f"L{level} {level_name(level, names)}"
        if level == first:
            lines.append(f"  {label}: start of play")
            continue
        unlocked = [r.unlocked[level] for r in runs if level in r.unlocked]
        reached = [r.reached[level] for r in runs if level in r.reached]
        lines.append(
            f"  {label}: unlocked in {len(unlocked)}/{total} ({_span(unlocked)});"
            f" reached in {len(reached)}/{total} ({_span(reached)})"
        )
    lines += ["", "Piles that ran dry while their level was in play:"]
    dry: dict[PileKey, list[int]] = {}
    for run in runs:
        for key, (round_, _level) in run.piles_dry.items():
            dry.setdefault(key, []).append(round_)
    if not dry:
        lines.append("  none")
    for key in sorted(dry, key=lambda k: (k[1], k[0])):
        type_, level = key
        lines.append(f"  {type_} L{level}: {len(dry[key])}/{total} sessions, {_span(dry[key])}")
    early = _dry_before_deepest(report, levels)
    lines += [
        "",
        "A level ran dry before the deepest level was reached: "
        + (", ".join(early) if early else "never"),
    ]
    done = [r.cards_done for r in runs]
    rounds = [r.rounds for r in runs]
    lines.append(
        f"Cards done per session: {min(done)}-{max(done)}; rounds played: {min(rounds)}-"
        f"{max(rounds)}; deepest level: {max(r.deepest for r in runs)}"
    )
    return lines


def _cell_table(cells: Counter[PileKey], types: list[str], levels: list[int]) -> list[str]:
    """The type x level table of cards each cell can deal, with totals."""
    lines = []
    width = max([len(t) for t in types] + [5])
    header = " " * width + "".join(f"  L{level:<3}" for level in levels) + "  total"
    lines.append(header)
    for type_ in types:
        row = [cells.get((type_, level), 0) for level in levels]
        lines.append(f"{type_:<{width}}" + "".join(f"  {n:>4}" for n in row) + f"  {sum(row):>5}")
    col_totals = [sum(cells.get((t, level), 0) for t in types) for level in levels]
    lines.append(
        f"{'total':<{width}}" + "".join(f"  {n:>4}" for n in col_totals) + f"  {sum(col_totals):>5}"
    )
    return lines


def _dry_before_deepest(report: SimulationReport, levels: list[int]) -> list[str]:
    """Levels that ran dry in some session that had not yet reached the deepest level."""
    if not levels:
        return []
    deepest = levels[-1]
    found = []
    for level in levels[:-1]:
        count = sum(
            1
            for r in report.sessions
            if level in r.levels_dry and r.levels_dry[level] <= r.reached.get(deepest, 10**9)
        )
        if count:
            found.append(f"L{level} in {count}/{len(report.sessions)} sessions")
    return found
