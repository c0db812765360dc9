"""The message catalogues and the choice of language.

- every catalogue (the template and each language's ``.po``) holds exactly the messages the
  code uses: none missing, none stale (a fresh Babel extraction is the reference), and
  ``msgfmt --check`` accepts it;
- the language: ``--lang`` wins, then the saved setting, then ``LANGUAGE`` / ``LC_ALL`` /
  ``LC_MESSAGES`` / ``LANG``; an unknown ``--lang`` plays in English and says so;
- a checkout reads the ``.po`` (compiled in memory as ``msgfmt`` would), a ``.mo`` not older
  than its ``.po`` is read instead; Settings switches the interface at once and saves it.
"""

from __future__ import annotations

import functools
import gettext
import importlib.util
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pygame
import pytest
from ui_helpers import click, make_app

from deckgame import i18n
from deckgame.cli import build_parser, choose_interface_language
from deckgame.pofile import PoSyntaxError, mo_bytes, parse_po
from deckgame.storage import Store
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.settings import UiSettings
from deckgame.ui.text import TextLog

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "deckgame" / "locale"
SHIPPED = ("es", "de")  # written by hand; each test skips a language until its file exists
KNOWN = ("en", "es", "de")


@functools.cache
def tool() -> ModuleType:
    """scripts/i18n.py, loaded as a module (it needs Babel, from the test extra)."""
    pytest.importorskip("babel", reason="Babel (in the test extra) extracts the messages")
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@functools.cache
def extracted() -> Any:
    return tool().extract()


def catalogue(name: str) -> Path:
    path = LOCALE / "deckgame.pot" if name == "pot" else LOCALE / name / "LC_MESSAGES/deckgame.po"
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} is not written yet")
    return path


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    i18n.use_language("en")


# The catalogues against the code --------------------------------------------------------


@pytest.mark.parametrize("name", ["pot", *SHIPPED])
def test_every_catalogue_holds_the_messages_the_code_uses_and_no_other(name: str) -> None:
    problems = tool().catalogue_problems(catalogue(name), extracted())
    assert problems == [], "run: python scripts/i18n.py extract / update\n" + "\n".join(problems)


def test_a_missing_or_stale_message_is_found(tmp_path: Path) -> None:
    lines = (LOCALE / "deckgame.pot").read_text(encoding="utf-8").splitlines()
    at = lines.index('msgid "Settings"')
    del lines[at : at + 2]  # the code still says _("Settings")
    lines += ["", 'msgid "A word no code says any more"', 'msgstr ""', ""]
    copy = tmp_path / "xx.po"
    copy.write_text("\n".join(lines), encoding="utf-8")
    problems = tool().catalogue_problems(copy, extracted())
    assert "missing 'Settings'" in problems
    assert "stale 'A word no code says any more'" in problems


def test_a_translation_that_drops_a_placeholder_is_found(tmp_path: Path) -> None:
    po = tmp_path / "xx.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-brace-format\nmsgid "Round {n}"\nmsgstr "Runde"\n',
        encoding="utf-8",
    )
    assert any("lost a placeholder" in p for p in tool().placeholder_problems(tool().read(po)))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("name", ["pot", *SHIPPED])
def test_msgfmt_check_passes(name: str) -> None:
    path = catalogue(name)
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", SHIPPED)
def test_the_game_reads_each_shipped_catalogue_as_msgfmt_does(name: str, tmp_path: Path) -> None:
    path = catalogue(name)
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(path.read_text("utf-8")))))
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is not installed")
    subprocess.run(["msgfmt", "-o", str(tmp_path / "ref.mo"), str(path)], check=True)
    with (tmp_path / "ref.mo").open("rb") as handle:
        reference = gettext.GNUTranslations(handle)
    theirs = {k: v for k, v in reference._catalog.items() if k != ""}  # type: ignore[attr-defined]
    mine = {k: v for k, v in ours._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert mine == theirs


# Choosing the language --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cli", "saved", "env", "expected"),
    [
        ("de", "es", {"LANG": "es_ES.UTF-8"}, "de"),  # --lang wins
        (None, "es", {"LANG": "de_DE.UTF-8"}, "es"),  # then the saved choice
        (None, "", {"LANG": "de_DE.UTF-8"}, "de"),  # then the system's
        (None, "en", {"LANG": "de_DE.UTF-8"}, "en"),  # English chosen is English
        (None, "", {"LANGUAGE": "fr:es", "LANG": "de_DE.UTF-8"}, "es"),  # a list
        (None, "", {"LC_ALL": "es_MX.UTF-8", "LANG": "de_DE.UTF-8"}, "es"),
        (None, "", {"LC_MESSAGES": "de_AT", "LANG": "es_ES"}, "de"),
        (None, "", {"LANG": "fr_FR.UTF-8"}, "en"),  # no catalogue: English
        (None, "", {"LANG": "C.UTF-8"}, "en"),
        (None, "", {}, "en"),
        (None, "klingon", {"LANG": "de_DE"}, "de"),  # a saved code of nothing: the system
        ("DE_de", "", {}, "de"),
    ],
)
def test_lang_then_saved_then_the_locale(
    cli: str | None, saved: str, env: dict[str, str], expected: str
) -> None:
    assert i18n.choose_language(cli, saved, env, known=KNOWN) == expected


def test_an_unknown_lang_plays_in_english_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n.choose_language("fr", "de", {"LANG": "de_DE"}, known=KNOWN) == "en"
    err = capsys.readouterr().err
    assert "--lang fr" in err and "en, es, de" in err and "English" in err


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway catalogue folder with a small German .po, as the game's."""
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "deckgame.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Settings"\nmsgstr "Einstellungen"\n\n'
        'msgid "Language"\nmsgstr "Sprache"\n\n'
        '#, fuzzy\nmsgid "Back"\nmsgstr "Zurück?"\n\n'
        'msgctxt "verb"\nmsgid "Star"\nmsgstr "Markieren"\n\n'
        'msgid "{n} card"\nmsgid_plural "{n} cards"\nmsgstr[0] "{n} Karte"\n'
        'msgstr[1] "{n} Karten"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    return folder


def test_a_checkout_reads_the_po_with_plurals_contexts_and_no_fuzzy(german: Path) -> None:
    assert i18n.available_languages() == ("en", "de")
    assert i18n.use_language("de") == "de" == i18n.current_language()
    assert i18n._("Settings") == "Einstellungen"
    assert i18n._("Back") == "Back"  # fuzzy: not yet a translation
    assert i18n.pgettext("verb", "Star") == "Markieren" and i18n._("Star") == "Star"
    assert i18n.ngettext("{n} card", "{n} cards", 1) == "{n} Karte"
    assert i18n.ngettext("{n} card", "{n} cards", 4) == "{n} Karten"
    assert i18n.use_language("es") == "en"  # no catalogue: English
    assert i18n._("Settings") == "Settings"


def test_a_mo_is_read_unless_it_is_older_than_its_po(german: Path) -> None:
    import os

    po = german / "deckgame.po"
    text = po.read_text(encoding="utf-8").replace("Einstellungen", "Optionen")
    mo = german / "deckgame.mo"
    mo.write_bytes(mo_bytes(parse_po(text)))
    os.utime(po, (1_000_000, 1_000_000))
    i18n.use_language("de")
    assert i18n._("Settings") == "Optionen"
    os.utime(mo, (999_000, 999_000))  # the .po was edited since: the .mo is stale
    i18n.use_language("de")
    assert i18n._("Settings") == "Einstellungen"


def test_a_broken_po_is_english_with_a_message(
    german: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (german / "deckgame.po").write_text('msgid "Settings"\nmsgstr Einstellungen\n', "utf-8")
    assert i18n.use_language("de") == "en"
    assert "de catalogue" in capsys.readouterr().err
    with pytest.raises(PoSyntaxError):
        parse_po('msgid "a"\nbogus "b"\n')


def test_the_command_line_saved_setting_and_locale_pick_the_language(
    german: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DECKGAME_HOME", str(tmp_path / "home"))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    play = build_parser("play").parse_args(["play"])
    assert choose_interface_language(play) == "de" and i18n._("Settings") == "Einstellungen"
    Store().save_settings({"ui": UiSettings(language="en").to_dict()})
    assert choose_interface_language(play) == "en"
    workshop = build_parser("workshop").parse_args(["workshop", "--lang", "de"])
    assert choose_interface_language(workshop) == "de"
    play = build_parser("play").parse_args(["play", "--lang", "de", "--players", "Ana,Ben"])
    assert choose_interface_language(play) == "de"


def test_a_saved_language_survives_and_an_odd_one_is_dropped() -> None:
    assert UiSettings.from_dict({"language": "de"}).language == "de"
    assert UiSettings.from_dict({"language": 3}).language == ""
    assert UiSettings.from_dict({"language": "../../etc"}).language == ""
    assert UiSettings.from_dict({}).language == ""


def test_settings_switches_the_interface_at_once_and_saves_it(german: Path, tmp_path: Path) -> None:
    saved: list[dict[str, object]] = []
    app = make_app(tmp_path)
    app._save_settings = lambda s: saved.append(s.to_dict())
    app.top.on_action("settings")  # type: ignore[union-attr]
    app.step()
    scene = app.top
    assert isinstance(scene, SettingsScene)
    names = {b.arg: b.label for b in scene.buttons if b.action == "language"}
    assert names == {"en": "English", "de": "Deutsch"}  # each in its own language
    deutsch = next(b for b in scene.buttons if b.arg == "de")
    app.text.log = TextLog()
    app.step([click(deutsch.rect.center)])
    assert (i18n.current_language(), saved[-1]["language"]) == ("de", "de")
    drawn = {text for _, text in app.text.log.sizes}
    assert {"Einstellungen", "Sprache"} <= drawn and "Settings" not in drawn
    deutsch = next(b for b in scene.buttons if b.arg == "de")
    assert getattr(deutsch, "on", False)
    app.step([click(next(b for b in scene.buttons if b.arg == "en").rect.center)])
    assert (i18n.current_language(), saved[-1]["language"]) == ("en", "en")
    pygame.event.clear()


# Key names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "enter_space", "undo", "done"),
    [
        ("de", "Enter / Leertaste", "U oder Strg+Z", "Enter"),
        ("es", "Intro / Espacio", "U o Ctrl+Z", "Intro"),
        ("en", "Enter / Space", "U or Ctrl+Z", "Enter"),
    ],
)
def test_the_help_and_the_buttons_name_keys_as_the_players_keyboard_does(
    code: str, enter_space: str, undo: str, done: str, tmp_path: Path
) -> None:
    """F1 at a table of three, in German and Spanish: the key names as printed on their
    keyboards (GAME.md and the README keep the English ones)."""
    from ui_helpers import key, start_table

    from deckgame.ui import keymap
    from deckgame.ui.scenes.help import HelpScene

    if code != "en":
        catalogue(code)
    assert i18n.use_language(code) == code
    app = make_app(tmp_path)
    table = start_table(app, ("Ana", "Ben", "Cy"))
    assert any(b.key == done for b in table.buttons if b.action in ("done", "next"))
    app.step([key(pygame.K_F1)])
    assert isinstance(app.top, HelpScene)
    app.step()
    rendered = {str(k[0]) for k in app.text._text}
    assert enter_space in rendered and undo in rendered
    assert "Enter / Space" in keymap.labels("table")  # the contract's own words stay
    assert "| Enter / Space |" in keymap.markdown_table("table")
