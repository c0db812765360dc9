"""The player's display settings: text size, theme, reduce motion, fullscreen, sound, language,
reading aloud and the viewing distance.

A plain dataclass with ``to_dict``/``from_dict`` so ``deckgame.storage`` can save it as JSON;
``from_dict`` forgives anything odd in an old or hand-edited file by keeping the default.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 1.75, 2.0)
THEME_NAMES: tuple[str, ...] = ("light", "dark", "contrast")
READ_ALOUD: tuple[str, ...] = ("r", "all", "off")  # reading aloud: on R, every card, never
VIEWING: tuple[str, ...] = ("laptop", "tv")  # how far the players sit from the screen
# Across the room every text is this much larger. A 55" 1080p TV seen from 3 m shows each
# pixel at about 0.62 of the angle a 15" 1080p laptop's pixel takes at 50 cm; 1.5x brings
# text back to ~93 % of its size on the laptop (see the README, "On the couch").
TV_SCALE = 1.5


@dataclass
class UiSettings:
    text_scale: float = 1.0  # 1.0 to 2.0 (100-200 %)
    theme: str = "light"
    reduce_motion: bool = False
    fullscreen: bool = False
    sound: bool = True  # the soft chime when a challenge's time is up
    language: str = ""  # the interface's language code ("de"); "": the system's
    read_aloud: str = "r"  # "r": when R is pressed; "all": every card dealt; "off": never
    viewing: str = "laptop"  # "tv": every text larger, to be read from across the room

    @property
    def distance_scale(self) -> float:
        """How much the viewing distance grows every text (1.0 at a laptop)."""
        return TV_SCALE if self.viewing == "tv" else 1.0

    @property
    def reading_scale(self) -> float:
        """The text size the screens draw: the player's size at the viewing distance."""
        return self.text_scale * self.distance_scale

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> UiSettings:
        out = cls()
        if not isinstance(data, dict):
            return out
        scale = data.get("text_scale")
        if isinstance(scale, int | float) and not isinstance(scale, bool):
            out.text_scale = min(2.0, max(1.0, float(scale)))
        theme = data.get("theme")
        if theme in THEME_NAMES:
            out.theme = str(theme)
        viewing = data.get("viewing")
        if viewing in VIEWING:
            out.viewing = str(viewing)
        read_aloud = data.get("read_aloud")
        if read_aloud in READ_ALOUD:
            out.read_aloud = str(read_aloud)
        language = data.get("language")
        if isinstance(language, str) and (language == "" or _is_code(language)):
            out.language = language
        for flag in ("reduce_motion", "fullscreen", "sound"):
            value = data.get(flag)
            if isinstance(value, bool):
                setattr(out, flag, value)
        return out

    def next_text_scale(self, step: int) -> float:
        """The text scale one step up or down the list, clamped."""
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self.text_scale))
        return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]

    def next_theme(self) -> str:
        return THEME_NAMES[(THEME_NAMES.index(self.theme) + 1) % len(THEME_NAMES)]


def _is_code(text: str) -> bool:
    """A plausible language code (``de``, ``pt_BR``): letters, maybe one region part."""
    return 2 <= len(text) <= 8 and text.replace("_", "").replace("-", "").isalnum()
