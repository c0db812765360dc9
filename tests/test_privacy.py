"""Nothing leaves the machine, and nothing said or read is kept (GAME.md, Safety and privacy).

A night is played through the real window path (the setup screen, the table, a star, the
settings, Esc and Continue, End) with cards of words found nowhere else; then every file
under the home folder is searched for those words. And the test-wide network guard of
conftest.py is proven to fire, here and in a subprocess, so it cannot quietly go away.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pytest
from ui_helpers import key, typed

from deckgame.loader import load_library
from deckgame.model import Card, render_text
from deckgame.ui import main as ui_main
from deckgame.ui.app import App
from deckgame.ui.context import Launch
from deckgame.ui.scenes.summary import SummaryScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.scenes.title import TitleScene

if TYPE_CHECKING:
    from conftest import NetworkGuard  # the fixture's type; conftest is never imported twice

CTRL = pygame.KMOD_CTRL
TYPES = ("emotional", "intellectual")


def _deck(kind: str) -> str:
    # Each card has words of its own (ASCII and not), in its text and in its follow-up.
    lines = [f"name: Secret {kind}", f"type: {kind}", "levels:", "  1:"]
    for i in range(4):
        lines += [
            f"    - ask: Tell {{other}}, {{player}}, about Quillfeather{kind}{i} and ñandú-ß{i}",
            f"      follow_up: And what did Marrowgleam{kind}{i} teach you, {{player}}?",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def night(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, App]:
    """The decks outside the home folder (they are the one place the words belong)."""
    decks = tmp_path / "decks"
    decks.mkdir()
    for kind in TYPES:
        (decks / f"{kind}.yaml").write_text(_deck(kind), encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DECKGAME_HOME", str(home))
    launch = Launch(decks=[decks], builtin=False, user=False, seed=5, log=home / "night.log")
    app = ui_main._open(launch, (800, 600), None, keep_settings=True)
    assert app is not None
    app.push(TitleScene(app))
    app.step()
    return decks, home, app


def press(app: App, *keys: int, mod: int = 0) -> None:
    for k in keys:
        app.step([key(k, mod)])


def _secrets(card: Card, names: tuple[str, ...]) -> set[str]:
    """What must never be written: the text and follow-up as written and as shown, and
    each distinctive word alone."""
    out = set()
    for text in filter(None, (card.text, card.follow_up)):
        out.add(text)
        for player in names:
            for other in names:
                out.add(render_text(text, player=player, other=other))
        out.update(w.strip(",?") for w in text.split() if w.startswith(("Quill", "Marrow")))
        out.update(w for w in text.split() if w.startswith("ñandú"))
    return out


def _find_secrets(home: Path, secrets: set[str]) -> list[str]:
    found = []
    files = [p for p in home.rglob("*") if p.is_file()]
    assert files
    for path in files:
        raw = path.read_bytes()
        for secret in secrets:
            # As UTF-8, and as JSON writes it when it escapes non-ASCII letters.
            forms = {secret.encode("utf-8"), json.dumps(secret)[1:-1].encode("ascii")}
            if any(form in raw for form in forms):
                found.append(f"{path.relative_to(home)}: {secret!r}")
    return found


def test_no_card_text_is_written_anywhere(night: tuple[Path, Path, App]) -> None:
    decks, home, app = night
    cards = {c.id: c for c in load_library([decks], builtin=False, user=False).cards}
    assert len(cards) == 8
    names = ("Ana", "Ben")
    secrets = set().union(*(_secrets(c, names) for c in cards.values()))
    # Title -> setup, names typed, Ctrl+Enter twice: the table.
    press(app, pygame.K_RETURN)
    app.step(typed("Ana"))
    press(app, pygame.K_RETURN)
    app.step(typed("Ben"))
    press(app, pygame.K_RETURN, mod=CTRL)
    press(app, pygame.K_RETURN, mod=CTRL)
    table = app.top
    assert isinstance(table, TableScene)
    game = table.session.game
    shown = {game.card_text()}
    press(app, pygame.K_RETURN)  # done: the follow-up is on screen now
    follow = game.follow_up_text()
    assert follow is not None and "Marrowgleam" in follow
    shown.add(follow)
    press(app, pygame.K_w, pygame.K_f, pygame.K_RETURN)  # warmth, star, next
    press(app, pygame.K_p)  # pass
    shown.add(table.session.game.card_text())
    press(app, pygame.K_RETURN, pygame.K_RETURN)
    # The settings file gets written (reduce motion, from the table).
    press(app, pygame.K_g, pygame.K_m, pygame.K_ESCAPE)
    assert isinstance(app.top, TableScene)
    press(app, pygame.K_ESCAPE)
    if not isinstance(app.top, TitleScene):
        press(app, pygame.K_l)  # the table's menu: Leave
    assert isinstance(app.top, TitleScene)
    store = app.ctx.store
    assert store.autosave_path.exists() and store.settings_path.exists()
    assert _find_secrets(home, secrets | shown) == []  # mid-night: the autosave
    press(app, pygame.K_c)
    assert isinstance(app.top, TableScene)
    press(app, pygame.K_RETURN, pygame.K_e)
    assert isinstance(app.top, SummaryScene)
    app.ctx.close_session()
    # What was written: ids, names and counts (the star and the dealt cards, by id).
    assert store.history_path.exists() and (home / "night.log").exists()
    starred = store.load_starred()
    assert len(starred) == 1 and all(c in cards for c in starred[0].cards)
    log = (home / "night.log").read_text(encoding="utf-8")
    assert '"event":"star"' in log.replace(" ", "") and any(c in log for c in cards)
    assert _find_secrets(home, secrets | shown) == []


# The network guard (tests/conftest.py) ---------------------------------------------------


def test_an_internet_socket_is_refused(network_guard: NetworkGuard) -> None:
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(network_guard.error, match="network access"):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(network_guard.error):
        socket.socket()  # the default family is AF_INET
    with pytest.raises(network_guard.error):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(network_guard.error):
        socket.getaddrinfo("example.org", 443)
    # Even a caught refusal fails the test: it is recorded for the check after each test.
    assert network_guard.take().count("network access during the tests") == 5


def test_local_sockets_stay_allowed() -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM):
        pass
    left, right = socket.socketpair()
    left.sendall(b"x")
    assert right.recv(1) == b"x"
    left.close()
    right.close()


def test_a_python_subprocess_is_guarded_too(network_guard: NetworkGuard) -> None:
    code = (
        "import socket\n"
        "try:\n"
        "    socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
        "with socket.socket(socket.AF_UNIX):\n"
        "    print('unix ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={})
    assert out.stdout.split() == ["NetworkBlocked", "unix", "ok"], out.stderr
    assert "network access during the tests" in network_guard.take()
