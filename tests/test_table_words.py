"""What the table says, from the game alone: the status line in each phase, the progress
toward going deeper, the timer's label and the lists of names. No window: the words
module reads the engine's state and imports no pygame."""

from __future__ import annotations

import subprocess
import sys

from engine_helpers import done_turn, make_card, new_game

from deckgame.engine import Away, ChooseOther, Done, Pass, TimerPause, TimerStart, Warmth
from deckgame.ui.scenes.table_actions import action_for, next_other
from deckgame.ui.scenes.table_words import (
    clock_text,
    names_list,
    progress_text,
    status_text,
    timer_label,
    uses_other,
)


def test_the_words_need_no_window() -> None:
    code = "import sys, deckgame.ui.scenes.table_words; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_names_read_as_a_sentence() -> None:
    assert names_list([]) == ""
    assert names_list(["Ana", "Bo"]) == "Ana and Bo"
    assert names_list(("Ana", "Bo", "Chen", "Dana")) == "Ana, Bo, Chen and Dana"


def test_the_status_line_follows_the_phase() -> None:
    game = new_game(3)
    name = game.active_player
    assert status_text(game, None).startswith(f"{name}'s turn.")
    assert status_text(game, "away").startswith("Who steps away, or is back?")
    game.apply(Done())
    # After a card: who may thank the player, with the seat number when there are three.
    assert status_text(game, None) == (
        f"Thank {name}? Give warmth with W, then your seat number. Enter: next turn."
    )
    giver = (game.seat + 1) % 3
    game.apply(Warmth(giver))
    assert status_text(game, None) == (
        f"Warmth for {name} from {game.players[giver]}. Enter: next turn."
    )
    assert status_text(new_game(2, offered=2), None).endswith("Passing is always fine.")


def test_two_players_thank_with_w_alone() -> None:
    game = new_game(2)
    game.apply(Done())
    assert "seat number" not in status_text(game, None)


def test_the_other_player_is_named_only_when_the_card_speaks_of_them() -> None:
    other = make_card("o", text="Ask {other} about a place, {player}.")
    plain = make_card("p", text="Tell us about a place, {player}.")
    assert uses_other(other) and not uses_other(plain)
    game = new_game(3, [make_card(f"o{i}", text=other.text) for i in range(10)])
    assert f"{game.other_player} is the other player" in status_text(game, None)
    game = new_game(3, [make_card(f"p{i}", text=plain.text) for i in range(10)])
    assert "other player" not in status_text(game, None)


def test_progress_counts_trust_building_rounds() -> None:
    game = new_game(2, unlock_rounds=2)
    assert progress_text(game) == "0 of 2 trust-building rounds to go deeper"
    done_turn(game)
    done_turn(game)  # one round: each player did a card
    assert progress_text(game) == "1 of 2 trust-building rounds to go deeper"


def test_the_timer_label_counts_down_and_says_when_time_is_up() -> None:
    card = make_card("t", kind="do", text="Hum a song, {player}.", seconds=90)
    game = new_game(2, [card, *(make_card(f"t{i}", seconds=90) for i in range(9))])
    assert timer_label(game, 0.0) == "Start timer 1:30"
    game.apply(TimerStart(10.0))
    assert timer_label(game, 15.2) == "Pause 1:24"
    game.apply(TimerPause(20.0))
    assert timer_label(game, 500.0) == "Start timer 1:20"  # paused: nothing counts
    game.apply(TimerStart(100.0))
    assert timer_label(game, 181.0) == "Time's up"
    assert clock_text(59.9) == "0:59" and clock_text(600) == "10:00"


def test_commands_to_engine_actions() -> None:
    game = new_game(4)
    clock = iter([5.0, 6.0]).__next__
    assert action_for(game, "pass", clock) == Pass()
    assert action_for(game, "timer", clock) == TimerStart(5.0)
    assert action_for(game, "warmth", clock) is None  # the scene asks who first
    # {other} moves on, past the player's own seat and past anyone away.
    away = (game.other_seat + 1) % 4
    if away == game.seat:
        away = (away + 1) % 4
    game.apply(Away(away))
    chosen = next_other(game)
    assert chosen not in (game.seat, away, game.other_seat)
    assert action_for(game, "other", clock) == ChooseOther(chosen)
