"""The published deck schema, checked by an independent validator (python-jsonschema):
every built-in deck passes it, and each bad deck below fails it AND is refused by the
loader, so an editor checking against the schema and the game agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from loader_helpers import load_text

from deckgame.commands.schema import deck_schema

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
DECK_FILES = sorted(
    path
    for folder in ("decks",)
    for path in (ROOT / folder).rglob("*.yaml")
    if path.name != "pack.yaml"
)


def as_editor_sees(text: str) -> Any:
    """A deck file as a YAML language server hands it to the schema: parsed, then JSON
    (so level keys are strings, as they are in JSON)."""
    return json.loads(json.dumps(yaml.safe_load(text)))


def schema_errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(deck_schema())
    return [error.message for error in validator.iter_errors(data)]


def test_the_schema_itself_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(deck_schema())


def test_there_are_built_in_decks() -> None:
    assert len(DECK_FILES) >= 5


@pytest.mark.parametrize("path", DECK_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_built_in_deck_passes_the_schema(path: Path) -> None:
    assert schema_errors(as_editor_sees(path.read_text(encoding="utf-8"))) == []


GOOD_CARD = '{ask: "What made you smile today, {player}?"}'

BAD_DECKS = {
    "both ask and do": '{ask: "A question?", do: "A challenge."}',
    "neither ask nor do": '{follow_up: "Only a follow-up?"}',
    "ask of only spaces": '{ask: "    "}',
    "do of only spaces": '{do: "\\t  "}',
    "follow-up of only spaces": '{ask: "Fine?", follow_up: "   "}',
    "unknown placeholder": '{ask: "Hi {name}?"}',
    "stray brace": '{ask: "Hi {player?"}',
    "tag not a slug": '{ask: "Fine?", tags: ["Bad Tag"]}',
    "tag with an underscore": '{ask: "Fine?", tags: [past_loves]}',
    "id not a slug": '{ask: "Fine?", id: "-starts-with-a-dash"}',
    "seconds too few": '{do: "Hold hands.", seconds: 2}',
    "seconds too many": '{do: "Hold hands.", seconds: 3601}',
    "seconds on a question": '{ask: "Fine?", seconds: 30}',
    "too many players": '{ask: "Fine?", max_players: 9}',
    "too few players": '{ask: "Fine?", min_players: 1}',
    "unknown card key": '{ask: "Fine?", secnds: 30}',
}


def deck_with(card: str, *, level: str = "1", name: str = "Schema check") -> str:
    return (
        f"name: {json.dumps(name)}\n"
        "type: emotional\n"
        "levels:\n"
        f"  {level}:\n"
        f"    - {GOOD_CARD}\n"
        f"    - {card}\n"
    )


def test_a_good_deck_passes_both(tmp_path: Path) -> None:
    text = deck_with('{do: "Hold hands.", seconds: 30, tags: [touch], id: good-1}')
    assert schema_errors(as_editor_sees(text)) == []
    assert load_text(tmp_path, text).ok


@pytest.mark.parametrize("card", BAD_DECKS.values(), ids=list(BAD_DECKS))
def test_a_bad_card_fails_the_schema_and_the_loader(tmp_path: Path, card: str) -> None:
    text = deck_with(card)
    assert schema_errors(as_editor_sees(text)), "the schema accepts a card the loader refuses"
    assert not load_text(tmp_path, text).ok, "the loader accepts a card the schema refuses"


BAD_WHOLE_DECKS = {
    "level 10": deck_with(GOOD_CARD, level="10"),
    "level 0": deck_with(GOOD_CARD, level="0"),
    "name of only spaces": deck_with(GOOD_CARD, name="   "),
    "closing card with both": deck_with(GOOD_CARD) + 'closing:\n  - {ask: "A?", do: "B."}\n',
    "closing level 12": deck_with(GOOD_CARD) + 'closing:\n  - {ask: "Thanks?", level: 12}\n',
    "deck tag not a slug": deck_with(GOOD_CARD) + "tags: [Not A Slug]\n",
    "language not a tag": deck_with(GOOD_CARD) + "language: english!\n",
}


@pytest.mark.parametrize("text", BAD_WHOLE_DECKS.values(), ids=list(BAD_WHOLE_DECKS))
def test_a_bad_deck_fails_the_schema_and_the_loader(tmp_path: Path, text: str) -> None:
    assert schema_errors(as_editor_sees(text)), "the schema accepts a deck the loader refuses"
    assert not load_text(tmp_path, text).ok, "the loader accepts a deck the schema refuses"
