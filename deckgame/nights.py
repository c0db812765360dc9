"""A group's nights in a row (``deckgame simulate --nights N``): does any card come back?

Each night is one headless session of about ``cards_per_night`` cards at the chosen pace,
seeded from the seed and the night number; the cards dealt on a night join the group's
history, which puts them at the bottom of the next night's piles, as the game does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deckgame.engine import EventLog, Settings
from deckgame.i18n import _
from deckgame.kinds import Card
from deckgame.simulate import SessionReport, play_session


@dataclass
class NightReport:
    """One night of a group's run of nights."""

    night: int
    session: SessionReport
    repeats: list[str]  # card ids dealt tonight that were dealt on an earlier night


def night_seed(seed: int, night: int) -> int:
    """The seed of ``night`` (1, 2, ...): night 1 plays as ``simulate --seed`` does.

    >>> [night_seed(7, night) for night in (1, 2, 3)]
    [7, 8, 9]
    """
    return seed + night - 1


def play_nights(
    cards: Sequence[Card],
    settings: Settings,
    *,
    nights: int,
    cards_per_night: int,
    seed: int = 0,
    not_yet: int = 0,
    log: EventLog | None = None,
) -> list[NightReport]:
    """Play ``nights`` nights in a row of about ``cards_per_night`` cards each, as one
    group: every night's cards go into the history the next night starts from, as the
    game records them. Unlike a replay with ``--seed``, the history is used here, since
    the nights are the point."""
    history: dict[str, None] = {}  # ids in the order first dealt, as the game keeps them
    found = []
    for night in range(1, nights + 1):
        session = play_session(
            cards,
            settings,
            seed=night_seed(seed, night),
            not_yet=not_yet,
            log=log,
            history=list(history),
            max_cards=cards_per_night,
        )
        found.append(NightReport(night, session, [c for c in session.dealt if c in history]))
        history.update(dict.fromkeys(session.dealt))
    return found


def format_nights(nights: Sequence[NightReport], settings: Settings, per_night: int) -> str:
    """The table of a run of nights: per night its seed, cards done, deepest level, cards
    dealt, and how many of them were dealt on an earlier night."""
    players = len(settings.players)
    lines = [
        _("{nights} nights in a row, {players} players ({names}), audience {audience},").format(
            nights=len(nights),
            players=players,
            names=", ".join(settings.players),
            audience=settings.audience.value,
        ),
        _("about {n} cards a night; each night's cards are the next night's history").format(
            n=per_night
        ),
        "",
    ]
    header = [_("night"), _("seed"), _("done"), _("deepest"), _("dealt"), _("dealt before")]
    rows = [
        [
            str(n.night),
            str(n.session.seed),
            str(n.session.cards_done),
            f"L{n.session.deepest}",
            str(len(n.session.dealt)),
            str(len(n.repeats)),
        ]
        for n in nights
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines += [
        "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    twice = [n for n in nights if n.repeats]
    short = [n for n in nights if n.session.cards_done < per_night]
    lines.append("")
    if twice:
        first = twice[0]
        lines.append(
            _("Cards dealt again on a later night: {count}, first on night {night} ({ids})").format(
                count=sum(len(n.repeats) for n in twice),
                night=first.night,
                ids=", ".join(first.repeats[:3]) + (", ..." if len(first.repeats) > 3 else ""),
            )
        )
    else:
        lines.append(_("No card was dealt twice across the nights."))
    if short:
        lines.append(
            _("Nights that ran out of cards before {n}: {nights}").format(
                n=per_night, nights=", ".join(str(n.night) for n in short)
            )
        )
    return "\n".join(lines)
