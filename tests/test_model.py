"""The deck model: card shape, bounds, placeholders, ids and resolution against a deck."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from deckgame.model import (
    Audience,
    CardSpec,
    DeckSpec,
    IntimacyType,
    PackSpec,
    Who,
    check_placeholders,
    derive_card_id,
    level_name,
    render_text,
    resolve_cards,
    resolve_closing,
)


def deck(**extra: Any) -> dict[str, Any]:
    return {"name": "D", "type": "emotional", "levels": {1: [{"ask": "Hi?"}]}, **extra}


def error_types(
    data: dict[str, Any], model: type[DeckSpec] | type[CardSpec] = DeckSpec
) -> set[str]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return {error["type"] for error in info.value.errors()}


@pytest.mark.parametrize("card", [{"ask": "a", "do": "b"}, {}, {"follow_up": "x"}])
def test_a_card_has_exactly_one_of_ask_or_do(card: dict[str, Any]) -> None:
    assert error_types(card, CardSpec) == {"value_error"}


@pytest.mark.parametrize(("seconds", "ok"), [(4, False), (5, True), (3600, True), (3601, False)])
def test_seconds_bounds(seconds: int, ok: bool) -> None:
    card = {"do": "x", "seconds": seconds}
    if ok:
        assert CardSpec.model_validate(card).seconds == seconds
    else:
        assert error_types(card, CardSpec) <= {"greater_than_equal", "less_than_equal"}


def test_seconds_belong_to_challenges() -> None:
    assert error_types({"ask": "x", "seconds": 30}, CardSpec) == {"value_error"}


def test_unknown_keys_are_forbidden() -> None:
    assert error_types(deck(colour="red")) == {"extra_forbidden"}
    assert error_types({"ask": "x", "secnds": 3}, CardSpec) == {"extra_forbidden"}


@pytest.mark.parametrize("level", [0, 10])
def test_levels_are_one_to_nine(level: int) -> None:
    assert error_types(deck(levels={level: [{"ask": "x"}]}))


def test_tags_are_lowercase_slugs() -> None:
    assert CardSpec.model_validate({"ask": "x", "tags": ["past-loves", "a1"]}).tags
    assert error_types({"ask": "x", "tags": ["Past"]}, CardSpec) == {"string_pattern_mismatch"}


def test_player_bounds_are_ordered() -> None:
    assert error_types({"ask": "x", "min_players": 5, "max_players": 3}, CardSpec) == {
        "value_error"
    }


def test_a_deck_needs_a_card() -> None:
    assert error_types(deck(levels={1: []}))


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("Ask {player} and {other}", 0),
        ("Literal {{braces}}", 0),
        ("Hi {name}", 1),
        ("Hi {player.__class__}", 1),
        ("Hi {0}", 1),
        ("Hi {", 1),
        ("Hi }", 1),
        ("{player} {x} {y}", 2),
    ],
)
def test_placeholders(text: str, problems: int) -> None:
    assert len(check_placeholders(text)) == problems


def test_render_inserts_names_verbatim() -> None:
    assert render_text("{player} asks {other} {{ok}}", player="{other}", other="Bo") == (
        "{other} asks Bo {ok}"
    )


def test_resolution_fills_deck_defaults() -> None:
    spec = DeckSpec.model_validate(
        deck(
            audience=["couples"],
            tags=["home"],
            levels={
                2: [{"do": "Dance", "seconds": 30, "tags": ["music"]}],
                1: [{"ask": "Q?", "type": "physical", "audience": ["family"], "who": "everyone"}],
            },
            closing=[{"ask": "Bye?"}],
        )
    )
    first, second = resolve_cards(spec)
    assert (first.level, first.type, first.audience, first.who) == (
        1,
        IntimacyType.PHYSICAL,
        frozenset({Audience.FAMILY}),
        Who.EVERYONE,
    )
    assert (second.level, second.kind, second.seconds) == (2, "do", 30)
    assert second.tags == {"home", "music"}
    assert second.audience == {Audience.COUPLES}
    (closing,) = resolve_closing(spec)
    assert closing.level is None and closing.id.startswith("emotional-closing-")


def test_default_audience_is_everyone() -> None:
    (card,) = resolve_cards(DeckSpec.model_validate(deck()))
    assert card.audience == frozenset(Audience)
    assert card.suits(Audience.FAMILY, 2, frozenset())
    assert not card.suits(Audience.FAMILY, 9, frozenset())


@given(st.text(min_size=1, max_size=80))
def test_derived_ids_are_stable_and_well_formed(text: str) -> None:
    first = derive_card_id("ask", text, IntimacyType.SPIRITUAL, 3)
    assert first == derive_card_id("ask", text, IntimacyType.SPIRITUAL, 3)
    assert first.startswith("spiritual-3-") and len(first) == len("spiritual-3-") + 10


def test_derived_ids_ignore_order_case_and_punctuation_but_not_kind() -> None:
    a = DeckSpec.model_validate(deck(levels={1: [{"ask": "One?"}, {"ask": "Two?"}]}))
    b = DeckSpec.model_validate(deck(levels={1: [{"ask": "two"}, {"ask": "ONE!"}]}))
    assert {c.id for c in resolve_cards(a)} == {c.id for c in resolve_cards(b)}
    assert derive_card_id("ask", "x", IntimacyType.EMOTIONAL, 1) != derive_card_id(
        "do", "x", IntimacyType.EMOTIONAL, 1
    )


def test_pack_level_names() -> None:
    pack = PackSpec.model_validate({"name": "P", "levels": {1: "Hello"}})
    assert level_name(1, pack.levels) == "Hello"
    assert level_name(2, pack.levels) == "Confidentiality"
    assert level_name(7, pack.levels) == "Level 7"
