"""``State`` is copied, saved and read back from its fields: every state a session reaches."""

from __future__ import annotations

import dataclasses
import json

import pytest
from engine_helpers import new_game, random_session

from deckgame.engine import Settings, State
from deckgame.engine.codec import CODECS
from deckgame.engine.saved import SaveError
from deckgame.model import Audience, IntimacyType

SEEDS = range(40)


def reached_states() -> list[State]:
    """The states of seeded random sessions, after every action tried."""
    return [game.state.copy() for seed in SEEDS for game, _ in random_session(seed, 60)]


STATES = reached_states()


def test_every_reached_state_reads_back_equal_from_its_saved_json() -> None:
    assert len(STATES) > 2000
    for state in STATES:
        data = json.loads(json.dumps(state.to_dict()))
        assert State.from_dict(data) == state


def test_a_copy_is_equal_and_shares_nothing_mutable() -> None:
    for state in STATES[::50]:
        twin = state.copy()
        assert twin == state
        for field in dataclasses.fields(State):
            value = getattr(state, field.name)
            if isinstance(value, list | dict | set):
                assert getattr(twin, field.name) is not value, field.name


def test_the_saved_keys_are_the_fields_in_order() -> None:
    state = new_game(3).state
    assert list(state.to_dict()) == [field.name for field in dataclasses.fields(State)]


@pytest.mark.parametrize("kind", [State, Settings])
def test_every_field_type_has_a_codec_and_every_field_a_reader(kind: type[object]) -> None:
    for field in dataclasses.fields(kind):  # type: ignore[arg-type]
        assert str(field.type) in CODECS, field.name
        assert callable(field.metadata["read"]), field.name


def test_settings_save_as_before() -> None:
    settings = Settings(
        players=("Ana", "Bo"),
        audience=Audience.COUPLES,
        types=frozenset({IntimacyType.PHYSICAL, IntimacyType.EMOTIONAL}),
        excluded=frozenset({"Touch", "past"}),
        decks=frozenset({"B", "A"}),
    )
    assert json.dumps(settings.to_dict()) == (
        '{"players": ["Ana", "Bo"], "audience": "couples", "types": ["emotional", "physical"],'
        ' "excluded": ["past", "touch"], "unlock_rounds": 2, "offered": 1, "decks": ["A", "B"]}'
    )
    assert Settings.from_dict(settings.to_dict()) == settings
    assert Settings.from_dict({**settings.to_dict(), "decks": None}).decks is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("seat", 3, "state.seat: must be 0 to 2, not 3"),
        ("phase", "lunch", "state.phase: one of after, card, deeper, dry, ended, offer,"),
        ("warmth_given", [0, 0], "state.warmth_given: 3 items are needed, not 2"),
        ("piles", [["emotional", 1, []]] * 2, "state.piles: two piles for emotional level 1"),
        ("held", "false", "state.held: true or false is needed, not 'false'"),
        ("away", [True], "state.away: 3 items are needed, not 1"),
    ],
)
def test_a_bad_field_is_named_as_before(key: str, value: object, message: str) -> None:
    data = new_game(3).state.to_dict()
    data[key] = value
    with pytest.raises(SaveError) as caught:
        State.from_dict(data)
    assert str(caught.value).startswith(message)


def test_a_save_without_away_and_hold_loads_with_everyone_present() -> None:
    data = new_game(3).state.to_dict()
    for key in ("away", "round_away", "held", "deeper_waiting"):
        del data[key]
    state = State.from_dict(data)
    assert state.away == state.round_away == [False] * 3
    assert not state.held and not state.deeper_waiting
