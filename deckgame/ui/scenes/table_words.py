"""What the table says in words: the status line, the progress toward going deeper, the
short messages after quiet changes, the timer's label. Words only, from the game's state;
nothing here draws.

>>> names_list(["Ana"]), names_list(["Ana", "Ben", "Cy"])
('Ana', 'Ana, Ben and Cy')
>>> clock_text(75.4)
'1:15'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgame.engine import Event, Phase
from deckgame.i18n import _
from deckgame.kinds import Card, Who
from deckgame.ui.input.device import device

if TYPE_CHECKING:
    from deckgame.engine import Game
    from deckgame.ui.session import Session


def names_list(names: list[str] | tuple[str, ...]) -> str:
    """ "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
    if len(names) <= 1:
        return "".join(names)
    return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])


def uses_other(card: Card) -> bool:
    """Whether the card speaks of ``{other}``: the table then says who that is."""
    return card.who is Who.OTHER or "{other}" in card.text or "{other}" in (card.follow_up or "")


def clock_text(seconds: float) -> str:
    """``m:ss`` of the whole seconds left."""
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def timer_label(game: Game, now: float) -> str:
    """The timer button's label: start, pause (with the time left), or time's up."""
    left = game.timer_remaining(now)
    if left is None:
        return _("Timer")
    if left <= 0:
        return _("Time's up")
    if game.timer_running:
        # Translators: a button that pauses a challenge's timer; {time} is what is left (0:29).
        return _("Pause {time}").format(time=clock_text(left))
    # Translators: a button that starts a challenge's timer; {time} is its length (1:00).
    return _("Start timer {time}").format(time=clock_text(left))


def event_message(session: Session, event: Event, round_done: list[bool]) -> str:
    """Words for what changed quietly: a "not yet", a round that did not count, away."""
    game = session.game
    name = event.player or ""
    if event.event == "not_yet":
        return _(
            "Not yet, and that's fine: we stay at {level}."
            " We'll ask again after the next trust-building round."
        ).format(level=session.level_label())
    if event.event == "round_end" and not event.extra.get("trust_building", True):
        missed = [
            game.players[seat]
            for seat, done in enumerate(round_done)
            if not done and seat < len(game.players) and not game.is_away(seat)
        ]
        if missed:
            return _(
                "That round didn't count toward going deeper ({names} did no card)."
                " It's fine: on we go."
            ).format(names=names_list(missed))
        return _("That round didn't count toward going deeper. It's fine: on we go.")
    if event.event == "away":
        seat = game.players.index(name) + 1 if name in game.players else 0
        return _("{name} stepped away. Take your time; A then {seat} is back.").format(
            name=name, seat=seat
        )
    if event.event == "back":
        return _("Welcome back, {name}.").format(name=name)
    if event.event == "unlock" and game.deeper_waiting:
        return _("Ready to go deeper once {names} is back.").format(
            names=names_list(game.waiting_for)
        )
    return ""


def progress_text(game: Game) -> str:
    """Beside the dots: how far the group is from the go-deeper question, in words."""
    state = game.state
    need = state.settings.unlock_rounds
    if game.deeper_waiting:
        return _("Ready to go deeper: waiting for {names} to be back").format(
            names=names_list(game.waiting_for)
        )
    if state.trust_rounds >= need:
        # Reached, and someone said "not yet": the question comes after the next one.
        return _("Not yet for now: we ask again after the next trust-building round")
    return _("{done} of {need} trust-building rounds to go deeper").format(
        done=state.trust_rounds, need=need
    )


def status_text(game: Game, prompt: str | None) -> str:
    """The status line: what the table waits for now, and what anyone may always do."""
    name = game.active_player
    pad = device() == "pad"
    if prompt == "away":
        if pad:
            return _(
                "Who steps away, or is back? Choose the seat with the D-pad, then A. B: cancel."
            )
        return _("Who steps away, or is back? Press the seat number or tap the seat. Esc: cancel.")
    if prompt == "warmth":
        # Who may still give is marked on the seats: the sentence stays short for eight.
        if pad:
            return _("Who gives warmth? Choose your seat with the D-pad, then A. B: done.")
        return _("Who gives warmth? Your seat number, or tap your seat. Esc: done.")
    if game.phase is Phase.WAITING:
        return _("Fewer than two players are here. A, then a seat number, when someone is back.")
    if game.phase is Phase.OFFER:
        return _("{name}, pick one of two cards: 1 or 2. Passing is always fine.").format(name=name)
    if game.phase is Phase.AFTER:
        givers = [game.players[i] for i in game.state.warmth_from]
        if givers:
            return _("Warmth for {name} from {givers}. Enter: next turn.").format(
                name=name, givers=names_list(givers)
            )
        if len(game.present) == 2:
            return _("Thank {name}? Give warmth with W. Enter: next turn.").format(name=name)
        return _(
            "Thank {name}? Give warmth with W, then your seat number. Enter: next turn."
        ).format(name=name)
    if game.phase is Phase.CARD:
        card = game.current_card
        if card is not None and len(game.present) > 2 and uses_other(card):
            return _(
                "{name}'s turn. {other} is the other player (O to change)."
                " Pass or X-card anytime, no reason needed."
            ).format(name=name, other=game.other_player)
        return _("{name}'s turn. Pass or X-card anytime, no reason needed.").format(name=name)
    return ""
