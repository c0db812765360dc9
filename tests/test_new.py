"""`deckgame new`: the starter deck validates as written and teaches every key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deckgame.cli import main
from deckgame.loader import load_deck_file, load_library
from deckgame.model import CardSpec, DeckSpec, IntimacyType
from deckgame.paths import user_decks_dir
from deckgame.scaffold import ScaffoldError, parse_type, slug, starter_deck


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize("type_", [t.value for t in IntimacyType])
def test_new_writes_a_valid_deck_to_the_user_folder(type_: str) -> None:
    assert main(["new", f"My {type_} deck", "--type", type_]) == 0
    path = user_decks_dir() / f"my-{type_}-deck.yaml"
    deck = load_deck_file(path)
    assert deck.ok, [str(p) for p in deck.problems]
    assert deck.spec is not None and deck.spec.type.value == type_
    assert deck.spec.name == f"My {type_} deck"
    # It loads from the user folder in every session, as a deck "of yours".
    library = load_library(builtin=False)
    assert [d.path for d in library.decks if d.ok] == [path]


def test_starter_shows_every_deck_and_card_key() -> None:
    main(["new", "Every Key", "--type", "spiritual"])
    data = yaml.safe_load((user_decks_dir() / "every-key.yaml").read_text(encoding="utf-8"))
    assert set(data) == set(DeckSpec.model_fields)
    cards = [c for level in data["levels"].values() for c in level] + data["closing"]
    used = {key for card in cards for key in card}
    assert used == set(CardSpec.model_fields)
    assert DeckSpec.model_validate(data).levels  # also valid for the bare model


def test_schema_comment_points_at_a_schema_beside_the_deck() -> None:
    """The reference survives a moved or upgraded install: a copy beside the deck, named
    relatively, the same as the bundled schema."""
    main(["new", "Schema", "--type", "physical"])
    first = (user_decks_dir() / "schema.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=deck.schema.json"
    from deckgame.resources import builtin_decks_dir

    beside = user_decks_dir() / "deck.schema.json"
    bundled = builtin_decks_dir() / "deck.schema.json"
    assert beside.read_text(encoding="utf-8") == bundled.read_text(encoding="utf-8")


def test_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Twice", "--type", "emotional"]) == 0
    path = user_decks_dir() / "twice.yaml"
    path.write_text("# my edits\n", encoding="utf-8")
    assert main(["new", "Twice", "--type", "emotional"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "# my edits\n"
    assert main(["new", "Twice", "--type", "emotional", "--force"]) == 0
    assert load_deck_file(path).ok


def test_bad_type_suggests_the_near_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Oops", "--type", "emotinal"]) == 2
    assert "did you mean 'emotional'" in capsys.readouterr().err
    assert not (user_decks_dir() / "oops.yaml").exists()
    with pytest.raises(ScaffoldError, match="choose from"):
        parse_type("zzz")


def test_out_file_and_out_folder(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "mine.yml"
    assert main(["new", "Mine", "--type", "intellectual", "--out", str(target)]) == 0
    assert load_deck_file(target).ok
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["new", "In A Folder", "--type", "experiential", "--out", str(folder)]) == 0
    assert load_deck_file(folder / "in-a-folder.yaml").ok
    assert not user_decks_dir().exists()


def test_awkward_names_are_quoted_and_slugged() -> None:
    name = 'Late: "Night" #1 — Zoë'
    text = starter_deck(name, IntimacyType.EMOTIONAL, "file:///schema.json")
    assert DeckSpec.model_validate(yaml.safe_load(text)).name == name
    assert slug(name) == "late-night-1-zoe"
    assert slug("日本") == "deck"


def test_two_starters_of_one_type_do_not_clash() -> None:
    main(["new", "First", "--type", "emotional"])
    main(["new", "Second", "--type", "emotional"])
    library = load_library(builtin=False)
    assert len(library.decks) == 2
    assert all(d.ok for d in library.decks), [str(p) for p in library.problems]


def test_validate_command_accepts_the_starter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Checked", "--type", "intellectual"]) == 0
    capsys.readouterr()
    assert main(["validate", str(user_decks_dir() / "checked.yaml")]) == 0
    assert "error" not in capsys.readouterr().out
