"""Issue 12: a closing card may carry ``level``, the deepest level reached it is for
(GAME.md); the summary offers the closing cards that fit the night."""

from __future__ import annotations

from pathlib import Path

from engine_helpers import agree_all, done_round, new_game

from deckgame.commands.schema import deck_schema
from deckgame.loader import load_deck_file, load_paths

DECK = """\
name: {name}
type: emotional
levels:
  1:
    - ask: What made {name} smile today?
closing:
{closing}
"""


def _deck(folder: Path, name: str, closing: dict[str, int | None]) -> Path:
    lines = []
    for card_id, level in closing.items():
        lines.append(f"  - ask: Closing {card_id}?\n    id: {card_id}")
        if level is not None:
            lines.append(f"    level: {level}")
    path = folder / f"{name}.yaml"
    path.write_text(DECK.format(name=name, closing="\n".join(lines)), encoding="utf-8")
    return path


def test_a_closing_card_carries_its_level(tmp_path: Path) -> None:
    deck = load_deck_file(_deck(tmp_path, "a", {"c1": 1, "any": None}))
    assert deck.ok, deck.problems
    by_id = {card.id: card for card in deck.closing}
    assert by_id["c1"].closing_level == 1 and by_id["c1"].level is None
    assert by_id["any"].closing_level is None
    assert all(card.closing_level is None for card in deck.cards)


def test_a_level_on_a_normal_card_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "name: D\ntype: emotional\nlevels:\n  1:\n    - ask: Hi?\n      level: 2\n",
        encoding="utf-8",
    )
    deck = load_deck_file(path)
    (problem,) = deck.problems
    assert (problem.line, problem.column) == (6, 7)
    assert problem.message.startswith("'level' belongs on closing cards only")


def test_a_closing_level_outside_1_to_9_is_refused(tmp_path: Path) -> None:
    deck = load_deck_file(_deck(tmp_path, "a", {"c": 12}))
    (problem,) = deck.problems
    assert problem.message == "'level' must be between 1 and 9, got 12"
    assert (problem.line, problem.column) == (9, 12)


def _offered(tmp_path: Path, deepest: int, *decks: dict[str, int | None]) -> list[str]:
    for i, closing in enumerate(decks):
        _deck(tmp_path, f"d{i}", closing)
    library = load_paths([tmp_path])
    assert not library.problems, library.problems
    game = new_game(2, unlock_rounds=1)  # a night played to level ``deepest``
    for _ in range(deepest - 1):
        done_round(game)
        agree_all(game)
    assert game.state.deepest == deepest
    return [card.id for card in game.summary(library.closing).closing]


def test_a_session_that_reached_level_2_gets_the_level_2_closing(tmp_path: Path) -> None:
    decks: tuple[dict[str, int | None], ...] = ({"one": 1, "two": 2}, {"any": None, "two-b": 2})
    assert _offered(tmp_path, 2, *decks) == ["two", "two-b"]


def test_without_a_card_for_the_level_the_cards_for_any_session(tmp_path: Path) -> None:
    assert _offered(tmp_path, 3, {"one": 1, "two": 2}, {"any": None}) == ["any"]


def test_then_the_nearest_level_below_never_a_deeper_one(tmp_path: Path) -> None:
    assert _offered(tmp_path, 3, {"one": 1, "two": 2, "four": 4}) == ["two"]
    for path in tmp_path.iterdir():
        path.unlink()
    assert _offered(tmp_path, 1, {"four": 4, "two": 2}) == ["two"]  # all deeper: nearest


def test_the_schema_knows_level_on_closing_cards_only() -> None:
    defs = deck_schema()["$defs"]
    assert "level" in defs["ClosingCardSpec"]["properties"]
    assert "level" not in defs["CardSpec"]["properties"]
    closing = deck_schema()["properties"]["closing"]
    assert closing["items"] == {"$ref": "#/$defs/ClosingCardSpec"}
