"""A tampered autosave is refused cleanly, names need a visible character.

Corrupted saves are generated from real ones (every field missing, null, of the wrong
type, huge, negative, infinite, NaN, very long, deeply nested): ``Game.from_dict`` either
raises ``ValueError`` or returns a game that plays on, never anything else.
"""

from __future__ import annotations

import copy
import doctest
import importlib
import json
import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engine_helpers import NAMES, make_card, make_deck

from deckgame.engine import (
    Away,
    Done,
    End,
    Game,
    Hold,
    IllegalAction,
    InvalidChoice,
    Next,
    Phase,
    Pick,
    PlayerNameError,
    Settings,
    Star,
    State,
    TimerPause,
    TimerStart,
    Undo,
    Warmth,
    action_from_dict,
    in_piles,
)
from deckgame.engine.saved import SaveError, describe
from deckgame.model import Card, IntimacyType

# --- real saves to corrupt ---------------------------------------------------------------


def pool() -> list[Card]:
    """Questions at three levels, timed challenges, and tagged cards (a line excludes)."""
    cards = make_deck(per_pile=3)
    cards += [
        make_card(f"timed-{i}", IntimacyType.EXPERIENTIAL, 1, kind="do", seconds=30)
        for i in range(6)
    ]
    cards += [make_card(f"touchy-{i}", IntimacyType.PHYSICAL, 1, tags=["touch"]) for i in range(3)]
    return cards


def settings(players: int = 4, offered: int = 1) -> Settings:
    return Settings(
        players=NAMES[:players],
        excluded=frozenset({"touch"}),
        unlock_rounds=1,
        offered=offered,
    )


def _walk(game: Game, rng: random.Random, steps: int = 1_000, until: Phase | None = None) -> None:
    """Random legal actions (no end, no undo), with times that move forward: ``steps`` of
    them, or until the game is in phase ``until``."""
    now = 100.0
    for _ in range(steps):
        if until is not None and game.phase is until and not game.held:
            return
        now += rng.random() * 20
        legal = [a for a in game.legal_actions() if not isinstance(a, End | Undo)]
        action = rng.choice(legal)
        if hasattr(action, "now"):
            action = type(action)(now)  # type: ignore[call-arg]
        game.apply(action)
    assert until is None, f"never reached {until}"


def real_saves() -> dict[str, tuple[dict[str, Any], list[Card]]]:
    """Saves in different situations, each through JSON as the autosave writes it."""
    cards = pool()
    saves: dict[str, Game] = {}
    offer = Game.new(settings(3, offered=2), cards, seed=11)
    rng = random.Random(1)
    _walk(offer, rng, 12)
    _walk(offer, rng, until=Phase.OFFER)
    saves["offer"] = offer
    # A challenge with its timer run and running, a player away, stars, warmth, held.
    timed = Game.new(settings(4), [c for c in cards if c.kind == "do"], seed=5)
    timed.apply(TimerStart(10.0))
    timed.apply(TimerPause(20.0))
    timed.apply(Star())
    timed.apply(TimerStart(25.0))
    timed.apply(Away(2))
    timed.apply(Hold(30.0))
    saves["timer-away-held"] = timed
    after = Game.new(settings(4), cards, seed=3)
    _walk(after, rng, 25)
    _walk(after, rng, until=Phase.AFTER)
    for seat in after.present:
        if after.can(Warmth(seat)):
            after.apply(Warmth(seat))
    saves["after-warmth"] = after
    waiting = Game.new(settings(3), cards, seed=8)
    waiting.apply(Away(1))
    waiting.apply(Away(2))
    saves["waiting"] = waiting
    deeper = Game.new(settings(2), cards, seed=1)
    while deeper.phase is not Phase.DEEPER:
        deeper.apply(Done() if deeper.phase is Phase.CARD else Next())
    saves["deeper"] = deeper
    return {name: (json.loads(json.dumps(g.to_dict())), cards) for name, g in saves.items()}


SAVES = real_saves()

# --- corruption ----------------------------------------------------------------------------

_DEEP: list[Any] = []
_node = _DEEP
for _ in range(5000):
    _node.append([])
    _node = _node[0]

BAD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    7,
    -(10**30),
    10**30,
    10**5000,  # json cannot give this (4,300 digits at most), a caller can
    2**63,
    0.5,
    3.0,
    -0.0,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    "",
    "x",
    "offer",
    "physical",
    "x" * 100_000,
    "\ud800",  # a lone surrogate, as a JSON escape gives it
    "\u200c",
    [],
    [None],
    [1, 2, 3],
    ["x"] * 9,
    {},
    {"a": 1},
    _DEEP,
]


def mutations(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """(path, how, value) for every place in ``data``: "set" a bad value, "drop" the key
    or item, "add" a junk item. Long lists are corrupted at both ends only."""
    if isinstance(data, dict):
        for key, value in data.items():
            here = (*path, key)
            yield here, "drop", None
            for bad in BAD_VALUES:
                yield here, "set", bad
            yield from mutations(value, here)
        yield (*path, "unknown-key"), "set", 1
    elif isinstance(data, list):
        indexes = range(len(data)) if len(data) <= 4 else (0, len(data) - 1)
        for index in indexes:
            here = (*path, index)
            yield here, "drop", None
            for bad in BAD_VALUES:
                yield here, "set", bad
            yield from mutations(data[index], here)
        yield path, "add", None


def corrupt(data: dict[str, Any], path: tuple[Any, ...], how: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` changed at ``path``: only the containers on the path are copied
    (restoring never changes its input, so the rest may be shared)."""
    out = copy.copy(data)
    node: Any = out
    steps = path if how == "add" else path[:-1]
    for step in steps:
        node[step] = copy.copy(node[step])
        node = node[step]
    if how == "add":
        node.append("junk")
    elif how == "drop":
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


def assert_plays_on(game: Game, cards: list[Card]) -> None:
    """What a restored game must do: be read, drawn, saved and played without surprise."""
    state = game.state
    assert 0 <= state.seat < len(game.players)
    assert all(count >= 0 for count in [*state.warmth_given, *state.warmth_received])
    assert sum(state.warmth_given) == sum(state.warmth_received)
    assert all(count >= 0 for count in [*state.done_by_type.values(), *state.mix.values()])
    assert math.isfinite(state.timer_elapsed) and state.timer_elapsed >= 0
    _ = (game.current_card, game.offered_cards, game.active_player, game.other_player)
    if game.current_card is not None:
        game.card_text()
    for card in game.offered_cards:
        game.card_text(card)
    summary = game.summary(cards)
    assert all(count >= 0 for count in summary.done_by_type.values())
    # The autosave writes it again (strict JSON, UTF-8) and it reads back the same.
    text = json.dumps(game.to_dict(), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")
    assert Game.from_dict(json.loads(text), cards).to_dict() == game.to_dict()
    # And play goes on: no card vetoed or done comes back, no excluded card is dealt.
    rng = random.Random(0)
    for step in range(12):
        legal = game.legal_actions()
        if not legal:
            break
        action = rng.choice(legal)
        if hasattr(action, "now"):
            action = type(action)(1000.0 + step)  # type: ignore[call-arg]
        gone = set(game.state.gone)
        try:
            events = game.apply(action)
        except IllegalAction:  # pragma: no cover - legal_actions said yes
            raise
        for event in events:
            if event.event == "deal":
                assert event.card is not None and event.card not in gone
                assert in_piles(game.cards[event.card], game.settings)


@pytest.mark.parametrize("name", sorted(SAVES))
def test_every_corrupted_save_is_refused_cleanly_or_plays_on(name: str) -> None:
    data, cards = SAVES[name]
    restored = Game.from_dict(copy.deepcopy(data), cards)  # the real save loads
    assert restored.to_dict() == data
    refused = accepted = 0
    failures: list[str] = []
    for path, how, value in mutations(data):
        broken = corrupt(data, path, how, value)
        try:
            game = Game.from_dict(broken, cards)
        except ValueError:
            refused += 1
            continue
        except Exception as error:
            shown = value if not isinstance(value, int | str | list) else type(value).__name__
            failures.append(f"{how} {path} = {shown!r}: {type(error).__name__}: {error}"[:300])
            continue
        accepted += 1
        try:
            if game.state.to_dict() == data["state"]:
                # As saved (a bad undo section dropped, a harmless change): it plays as
                # the real save does; its save must still write.
                json.dumps(game.to_dict(), ensure_ascii=False, allow_nan=False).encode()
                continue
            assert_plays_on(game, cards)
        except Exception as error:
            failures.append(f"accepted {how} {path}: {type(error).__name__}: {error}"[:300])
    assert not failures, "\n".join(failures[:20]) + f"\n({len(failures)} in all)"
    assert refused > 1000 and accepted > 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("seed", math.inf),
        ("seed", 10**5000),
        ("draws", -math.inf),
        ("level", math.nan),
        ("deepest", 10**400),
        ("turn", math.inf),
        ("round", 1e309),
        ("seat", math.nan),
        ("trust_rounds", math.inf),
        ("other", math.inf),
        ("votes", -math.inf),
        ("timer_started", 10**400),
        ("timer_elapsed", 10**400),
        ("timer_elapsed", math.inf),
        ("timer_elapsed", math.nan),
        ("level", 3.0),
        ("turn", True),
        ("held", "false"),
    ],
    ids=lambda v: describe(v) if not isinstance(v, str) else v,
)
def test_numbers_no_int_can_hold_are_a_value_error(field: str, value: Any) -> None:
    """These raised OverflowError (or were let through) before restoring was strict."""
    data, cards = SAVES["after-warmth"]
    broken = copy.deepcopy(data)
    broken["state"][field] = value
    with pytest.raises(ValueError):
        State.from_dict(broken["state"])
    with pytest.raises(ValueError):
        Game.from_dict(broken, cards)


def test_a_negative_warmth_count_is_refused() -> None:
    data, cards = SAVES["after-warmth"]
    for given, received in ([-1, 0, 0, 1], [0, 0, 0, 0]), ([-1, 0, 0, 0], [-1, 0, 0, 0]):
        broken = copy.deepcopy(data)
        broken["state"]["warmth_given"] = given
        broken["state"]["warmth_received"] = received
        with pytest.raises(ValueError, match="warmth_given"):
            Game.from_dict(broken, cards)
    # Counts that do not add up (warmth is given by one player to another).
    broken = copy.deepcopy(data)
    broken["state"]["warmth_given"] = [5, 0, 0, 0]
    broken["state"]["warmth_received"] = [0, 0, 0, 0]
    with pytest.raises(ValueError, match="warmth"):
        Game.from_dict(broken, cards)


@pytest.mark.parametrize("field", ["done_by_type", "mix"], ids=lambda f: f)
def test_a_negative_count_by_type_is_refused(field: str) -> None:
    data, cards = SAVES["after-warmth"]
    broken = copy.deepcopy(data)
    broken["state"][field] = {"emotional": -3}
    with pytest.raises(ValueError, match=field):
        Game.from_dict(broken, cards)


def test_an_autosave_with_a_5000_digit_number_is_set_aside(tmp_path: Path) -> None:
    """Python's json refuses integers past 4,300 digits with a ValueError (not a
    JSONDecodeError): the store treats the file as unreadable, never crashes."""
    from deckgame.storage import Store

    data, _ = SAVES["after-warmth"]
    store = Store(tmp_path)
    store.save_autosave({"kind": "deckgame-ui-session", "game": data})
    text = store.autosave_path.read_text(encoding="utf-8")
    store.autosave_path.write_text(text.replace('"turn":', '"turn":' + "9" * 5000 + ',"x":'))
    with pytest.raises(ValueError):
        json.loads(store.autosave_path.read_text(encoding="utf-8"))
    assert store.load_autosave() is None
    assert not store.autosave_path.exists() and store.messages


def test_a_tampered_undo_history_is_dropped_not_a_crash() -> None:
    data, cards = SAVES["timer-away-held"]
    for now in (10**400, math.inf, math.nan, "1", True, None, [1]):
        broken = copy.deepcopy(data)
        broken["undo"]["actions"][0].insert(0, {"action": "hold", "now": now})
        game = Game.from_dict(broken, cards)  # the undo section is dropped
        assert game.to_dict()["state"] == data["state"]
    broken = copy.deepcopy(data)
    broken["undo"]["actions"] = [[{"action": ["unhashable"]}]]
    Game.from_dict(broken, cards)
    broken["undo"]["actions"] = [[_DEEP]]
    Game.from_dict(broken, cards)


@pytest.mark.parametrize(
    "raw",
    [
        {"action": "hold", "now": 10**400},
        {"action": "hold", "now": math.nan},
        {"action": "hold"},
        {"action": "away", "seat": 1.0},
        {"action": "away", "seat": True},
        {"action": "away", "seat": 10**40},
        {"action": "pick", "index": None},
        {"action": "away", "seat": 1, "extra": 2},
        {"action": ["x"]},
        {"action": "no-such"},
        [],
        _DEEP,
    ],
    ids=lambda raw: describe(raw.get("now", raw.get("seat"))) if isinstance(raw, dict) else "x",
)
def test_a_malformed_action_is_a_value_error(raw: Any) -> None:
    with pytest.raises(ValueError):
        action_from_dict(raw)


def test_times_no_clock_gives_are_refused_not_an_overflow() -> None:
    cards = [make_card("t", IntimacyType.EMOTIONAL, 1, kind="do", seconds=30)]
    game = Game.new(Settings(players=("Ana", "Bo")), cards)
    for now in (10**400, math.inf, -math.inf, math.nan, 1e300):
        with pytest.raises(InvalidChoice):
            game.apply(Hold(now))
        with pytest.raises(InvalidChoice):
            game.apply(TimerStart(now))
    # The largest times a clock may give keep the timer finite, and the save readable.
    game.apply(TimerStart(-1e15))
    game.apply(TimerPause(1e15))
    game.apply(TimerStart(-1e15))
    game.apply(Hold(1e15))
    assert math.isfinite(game.state.timer_elapsed)
    Game.from_dict(json.loads(json.dumps(game.to_dict(), allow_nan=False)), cards)


def test_a_seed_of_any_size_deals_as_its_low_64_bits_and_saves() -> None:
    cards = make_deck()
    big = Game.new(Settings(players=("Ana", "Bo")), cards, seed=2**300 + 12345)
    small = Game.new(Settings(players=("Ana", "Bo")), cards, seed=12345)
    negative = Game.new(Settings(players=("Ana", "Bo")), cards, seed=-1)
    masked = Game.new(Settings(players=("Ana", "Bo")), cards, seed=2**64 - 1)
    assert big.to_dict() == small.to_dict()
    assert negative.to_dict() == masked.to_dict()
    Game.from_dict(json.loads(json.dumps(big.to_dict())), cards)


def test_a_card_the_lines_exclude_never_comes_back_from_a_save() -> None:
    """Safety: a tampered save (or a deck edited since) cannot put an excluded card on the
    table or in a pile."""
    data, cards = SAVES["after-warmth"]
    touchy = [c.id for c in cards if "touch" in c.tags]
    broken = copy.deepcopy(data)
    for entry in broken["state"]["piles"]:
        if entry[0] == "physical" and entry[1] == 1:
            entry[2].extend(touchy)
    game = Game.from_dict(broken, cards)
    assert not {c for pile in game.state.piles.values() for c in pile} & set(touchy)
    broken = copy.deepcopy(data)
    broken["state"]["card"] = touchy[0]
    broken["state"]["gone"].append(touchy[0])
    with pytest.raises(ValueError, match="does not suit"):
        Game.from_dict(broken, cards)


def test_a_done_card_put_back_in_a_pile_is_refused() -> None:
    data, cards = SAVES["after-warmth"]
    broken = copy.deepcopy(data)
    gone = broken["state"]["gone"][0]
    card = next(c for c in cards if c.id == gone)
    for entry in broken["state"]["piles"]:
        if entry[0] == card.type.value and entry[1] == card.level:
            entry[2].append(gone)
    with pytest.raises(ValueError, match="piles"):
        Game.from_dict(broken, cards)


def test_a_version_that_is_a_flag_is_refused() -> None:
    data, cards = SAVES["waiting"]
    broken = copy.deepcopy(data)
    broken["version"] = True
    with pytest.raises(ValueError, match="version"):
        Game.from_dict(broken, cards)
    broken["version"] = 10**5000
    with pytest.raises(ValueError, match="version"):
        Game.from_dict(broken, cards)


def test_the_error_names_the_field_and_never_prints_a_huge_value() -> None:
    data, cards = SAVES["waiting"]
    broken = copy.deepcopy(data)
    broken["state"]["turn"] = 10**5000
    with pytest.raises(SaveError) as caught:
        Game.from_dict(broken, cards)
    message = str(caught.value)
    assert "state.turn" in message and len(message) < 200


def test_an_old_save_without_away_and_hold_still_loads() -> None:
    data, cards = SAVES["after-warmth"]
    old = copy.deepcopy(data)
    old["version"] = 1
    del old["undo"]
    for key in ("away", "round_away", "held", "deeper_waiting"):
        old["state"].pop(key)
    old["state"]["phase"] = "after"
    game = Game.from_dict(old, cards)
    assert game.state.away == [False] * 4 and not game.held


# --- names -------------------------------------------------------------------------------

INVISIBLE = [
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\ufe0f",  # variation selector 16
    "\u034f",  # combining grapheme joiner
    "\U000e0100",  # variation selector 17
    "\u200c\u200d\ufe0f",
    "\u0301",  # a combining accent with nothing to sit on
    "\u20dd",  # an enclosing circle alone
    "\u3164",  # Hangul filler (a letter by category, blank by design)
    "\u115f",
    "\uffa0",
    "\u2800",  # braille pattern blank
    "\u17b4",
]


@pytest.mark.parametrize("name", INVISIBLE, ids=lambda n: " ".join(f"U+{ord(c):04X}" for c in n))
def test_a_name_with_nothing_visible_is_refused(name: str) -> None:
    with pytest.raises(PlayerNameError, match="visible character") as caught:
        Settings(players=("Ana", name))
    assert f"U+{ord(name[0]):04X}" in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "نسرین\u200cدخت",  # Persian with a zero-width non-joiner
        "👩\u200d🎤",  # an emoji sequence
        "❤\ufe0f",  # heart with its emoji selector
        "🏳\ufe0f\u200d🌈",
        "e\u0301",  # a letter and its accent
        "क्षत्रिय",
        "한",
        "日向",
        "A",
        "·",
        "\u0903",  # a spacing mark is seen on its own
    ],
)
def test_names_with_something_visible_stay_welcome(name: str) -> None:
    assert Settings(players=("Ana", name)).players[1]


@pytest.mark.parametrize("name", ["\ud800", "\U000e0041", "\u200b", "\u00ad", "\ufeff"])
def test_a_lone_surrogate_or_a_format_character_is_no_name(name: str) -> None:
    with pytest.raises(PlayerNameError):
        Settings(players=("Ana", name))


def test_a_saved_name_with_nothing_visible_is_refused() -> None:
    data, cards = SAVES["waiting"]
    broken = copy.deepcopy(data)
    broken["state"]["settings"]["players"][1] = "\ufe0f"
    with pytest.raises(ValueError, match="visible"):
        Game.from_dict(broken, cards)


@pytest.mark.parametrize("command", ["play", "simulate"])
def test_the_cli_refuses_an_invisible_name_in_one_line(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from deckgame.cli import main

    assert main([command, "--players", "Ana,\u200c"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"deckgame {command}: ")
    assert "visible character" in lines[0] and "U+200C" in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "count", ["²", "١٠", "99999999999", "0", "1" + "0" * 5000], ids=lambda c: c[:12]
)
def test_simulate_refuses_an_odd_player_count_in_one_line(
    count: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A count in other digits, or one too large to build, is a message, never a hang."""
    from deckgame.cli import main

    assert main(["simulate", "--players", count]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- the engine's own examples -----------------------------------------------------------


@pytest.mark.parametrize(
    "module_name",
    [
        "deckgame.engine",
        "deckgame.engine.actions",
        "deckgame.engine.dealer",
        "deckgame.engine.events",
        "deckgame.engine.game",
        "deckgame.engine.rules",
        "deckgame.engine.saved",
        "deckgame.engine.state",
        "deckgame.engine.summary",
    ],
)
def test_engine_docstring_examples_hold(module_name: str) -> None:
    result = doctest.testmod(importlib.import_module(module_name))
    assert result.failed == 0


def test_a_restored_game_is_the_game_that_was_saved() -> None:
    for data, cards in SAVES.values():
        game = Game.from_dict(copy.deepcopy(data), cards)
        assert game.to_dict() == data
        if game.can(Pick(0)):
            game.apply(Pick(0))
        assert_plays_on(game, cards)
