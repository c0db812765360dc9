"""Every colour, size and spacing the front end uses, in one place.

Three themes (light, dark, high contrast) share one shape. Sizes are given in design pixels
for a 1280x720 window and scaled by :func:`scale_for` so the same layout fits 800x600 and
3840x2160. Each intimacy type has a colour, an icon (drawn in ``icons.py``) and a label, so
no player has to tell the types apart by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgame.i18n import N_, _
from deckgame.options import TYPE_IDS  # the ids only: no pydantic before the first frame

RGB = tuple[int, int, int]

DESIGN_SIZE = (1280, 720)
MIN_WINDOW = (800, 600)


@dataclass(frozen=True)
class TypeStyle:
    """How one intimacy type looks: band colour, the text drawn on it, its label and blurb."""

    colour: RGB
    on_colour: RGB
    soft: RGB  # a pale tint for chart fills and chips
    english_label: str  # the catalogue keys; players read them through label and blurb
    english_blurb: str

    @property
    def label(self) -> str:
        """The type's name, in the player's language."""
        return _(self.english_label)

    @property
    def blurb(self) -> str:
        """What the type is about, in the player's language."""
        return _(self.english_blurb)


@dataclass(frozen=True)
class Theme:
    """The colours of one theme; sizes live in :class:`Metrics` because they scale."""

    name: str
    english_label: str  # the catalogue key; players read it through label
    background: RGB
    background_edge: RGB  # the vignette edge of the table cloth
    surface: RGB  # card face, panels
    surface_alt: RGB  # seats, chips
    text: RGB
    text_muted: RGB
    accent: RGB  # primary button
    on_accent: RGB
    button: RGB
    on_button: RGB
    danger: RGB  # X-card
    on_danger: RGB
    focus: RGB
    shadow: tuple[int, int, int, int]
    heart: RGB
    star: RGB
    active_seat: RGB
    on_active_seat: RGB
    overlay: tuple[int, int, int, int]
    types: dict[str, TypeStyle] = field(default_factory=dict)
    # Tokens: what a theme decides beyond its colours, so no scene asks for a theme by name.
    outlined: bool = False  # edges drawn as lines: card faces, chips and resting seats
    hue_marks: bool = True  # marks (timer bar, chart, rings, kind labels) in the type's hue

    def mark_colour(self, kind: str) -> RGB:
        """A mark drawn for an intimacy type: its hue, or plain text where hues are off."""
        return self.type_style(kind).colour if self.hue_marks else self.text

    @property
    def label(self) -> str:
        """The theme's name, in the player's language."""
        return _(self.english_label)

    def type_style(self, kind: str) -> TypeStyle:
        """The style of an intimacy type (an ``str`` or its id)."""
        return self.types[str(kind)]

    def kind_colour(self, kind: str) -> RGB:
        """The small "Question"/"Challenge" label on a card: the type's hue, darkened for text."""
        if not self.hue_marks:
            return self.text
        hue = self.type_style(kind).colour
        # Keep as much of the hue as legibility allows: move toward the text colour until the
        # label reads at 4.5:1 on the card face (dark themes need a bigger step).
        t = 0.3
        while t < 1.0 and contrast_ratio(mix(hue, self.text, t), self.surface) < 4.6:
            t += 0.05
        return mix(hue, self.text, min(t, 1.0))

    def text_pairs(self) -> list[tuple[str, RGB, RGB]]:
        """Every (what, foreground, background) pair text is drawn with: checked by a test."""
        pairs: list[tuple[str, RGB, RGB]] = [
            ("text on background", self.text, self.background),
            ("text on background edge", self.text, self.background_edge),
            ("muted on background", self.text_muted, self.background),
            ("text on surface", self.text, self.surface),
            ("muted on surface", self.text_muted, self.surface),
            ("text on seat", self.text, self.surface_alt),
            ("muted on seat", self.text_muted, self.surface_alt),
            ("primary button", self.on_accent, self.accent),
            ("button", self.on_button, self.button),
            ("x-card button", self.on_danger, self.danger),
            ("active seat", self.on_active_seat, self.active_seat),
        ]
        for kind, style in self.types.items():
            pairs.append((f"{kind} band", style.on_colour, style.colour))
            pairs.append((f"{kind} chip", self.text, style.soft))
            pairs.append((f"{kind} kind label", self.kind_colour(kind), self.surface))
        return pairs


_BLURBS: dict[str, tuple[str, str]] = {
    "physical": (N_("Physical"), N_("touch, closeness, shared space")),
    "emotional": (N_("Emotional"), N_("feelings, holding space")),
    "experiential": (N_("Experiential"), N_("doing things together")),
    "spiritual": (N_("Spiritual"), N_("meaning, values, awe")),
    "intellectual": (N_("Intellectual"), N_("ideas, curiosity")),
}


def _types(colours: dict[str, RGB], soft: dict[str, RGB], on: RGB) -> dict[str, TypeStyle]:
    return {kind: TypeStyle(colours[kind], on, soft[kind], *_BLURBS[kind]) for kind in TYPE_IDS}


# Warm, saturated-but-deep band colours: white text on them passes 4.5:1.
_BANDS: dict[str, RGB] = {
    "physical": (168, 66, 42),
    "emotional": (166, 44, 90),
    "experiential": (28, 112, 98),
    "spiritual": (104, 74, 156),
    "intellectual": (40, 94, 160),
}
_SOFT_LIGHT: dict[str, RGB] = {
    "physical": (246, 218, 205),
    "emotional": (246, 212, 224),
    "experiential": (204, 236, 226),
    "spiritual": (226, 216, 244),
    "intellectual": (210, 226, 246),
}
_SOFT_DARK: dict[str, RGB] = {
    "physical": (92, 48, 38),
    "emotional": (90, 38, 60),
    "experiential": (30, 74, 66),
    "spiritual": (66, 52, 96),
    "intellectual": (36, 62, 98),
}

LIGHT = Theme(
    name="light",
    english_label=N_("Light"),
    background=(243, 234, 222),
    background_edge=(232, 219, 203),
    surface=(255, 252, 247),
    surface_alt=(250, 243, 234),
    text=(43, 33, 30),
    text_muted=(102, 86, 78),
    accent=(150, 60, 48),
    on_accent=(255, 255, 255),
    button=(226, 209, 188),
    on_button=(43, 33, 30),
    danger=(60, 52, 58),
    on_danger=(255, 255, 255),
    focus=(30, 100, 200),
    shadow=(80, 50, 30, 60),
    heart=(196, 58, 78),
    star=(214, 150, 20),
    active_seat=(150, 60, 48),
    on_active_seat=(255, 255, 255),
    overlay=(40, 28, 24, 150),
    types=_types(_BANDS, _SOFT_LIGHT, (255, 255, 255)),
)

DARK = Theme(
    name="dark",
    english_label=N_("Dark"),
    background=(30, 25, 29),
    background_edge=(20, 16, 19),
    surface=(46, 39, 44),
    surface_alt=(40, 34, 39),
    text=(244, 236, 229),
    text_muted=(196, 182, 174),
    accent=(226, 142, 110),
    on_accent=(30, 20, 18),
    button=(64, 55, 62),
    on_button=(244, 236, 229),
    danger=(214, 206, 212),
    on_danger=(30, 24, 28),
    focus=(120, 190, 255),
    shadow=(0, 0, 0, 110),
    heart=(240, 110, 130),
    star=(246, 196, 80),
    active_seat=(226, 142, 110),
    on_active_seat=(30, 20, 18),
    overlay=(0, 0, 0, 170),
    types=_types(_BANDS, _SOFT_DARK, (255, 255, 255)),
)

_BANDS_HC: dict[str, RGB] = {
    "physical": (140, 40, 20),
    "emotional": (140, 20, 70),
    "experiential": (0, 90, 76),
    "spiritual": (84, 40, 150),
    "intellectual": (0, 70, 150),
}

HIGH_CONTRAST = Theme(
    name="contrast",
    english_label=N_("High contrast"),
    outlined=True,
    hue_marks=False,
    background=(0, 0, 0),
    background_edge=(0, 0, 0),
    surface=(0, 0, 0),
    surface_alt=(20, 20, 20),
    text=(255, 255, 255),
    text_muted=(230, 230, 230),
    accent=(255, 220, 0),
    on_accent=(0, 0, 0),
    button=(255, 255, 255),
    on_button=(0, 0, 0),
    danger=(255, 255, 255),
    on_danger=(0, 0, 0),
    focus=(0, 230, 255),
    shadow=(0, 0, 0, 0),
    heart=(255, 120, 150),
    star=(255, 220, 0),
    active_seat=(255, 220, 0),
    on_active_seat=(0, 0, 0),
    overlay=(0, 0, 0, 210),
    types=_types(_BANDS_HC, dict.fromkeys(TYPE_IDS, (0, 0, 0)), (255, 255, 255)),
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}


def theme_named(name: str) -> Theme:
    """The theme called ``name``; unknown names fall back to light (an old settings file)."""
    return THEMES.get(name, LIGHT)


# The smallest text any screen may draw, read from a sofa: 14 px on an 800x600 window,
# 18 px at 1920x1080, and in proportion to the window above that (36 px at 3840x2160).
READABLE_SMALL = (0.625, 14)  # (layout unit, px): 800x600
READABLE_FULL_HD = (1.5, 18)  # 1920x1080
# Below the design size text shrinks only this share of what the layout shrinks: an
# 800x600 window is a small laptop seen from as far as a big one.
TEXT_SHRINK = 0.5


def readable_floor(unit: float) -> int:
    """The smallest text size for a window of layout ``unit`` (see :func:`scale_for`).

    >>> readable_floor(0.625), readable_floor(1.0), readable_floor(1.5), readable_floor(3.0)
    (14, 16, 18, 36)
    """
    (u0, px0), (u1, px1) = READABLE_SMALL, READABLE_FULL_HD
    if unit >= u1:
        return round(px1 * unit / u1)
    t = max(0.0, (unit - u0) / (u1 - u0))
    return round(px0 + (px1 - px0) * t)


def text_unit(unit: float) -> float:
    """How much text grows with the window: as the layout above the design size, and
    only part of the way down below it, so a small window keeps its text readable.

    >>> text_unit(1.5), text_unit(1.0), round(text_unit(0.625), 3)
    (1.5, 1.0, 0.812)
    """
    return unit if unit >= 1.0 else 1.0 - (1.0 - unit) * TEXT_SHRINK


CHROME_MOST = 1.45  # labels, seats and buttons at 200 % text: the most any layout holds


def chrome_scale(text_scale: float) -> float:
    """How much the player's text size grows labels, seats and buttons, and a card's labels.

    Less than the card's question grows: at 200 % the whole window would otherwise fill
    with buttons and leave the card, the thing players read from the sofa, a thin strip.

    Across the room (the TV setting, up to 300 %) the card's text keeps growing, the
    chrome stops at its size at 200 %: every layout is made to hold that much.

    >>> chrome_scale(1.0), chrome_scale(2.0), chrome_scale(3.0)
    (1.0, 1.45, 1.45)
    """
    return min(CHROME_MOST, 1.0 + (text_scale - 1.0) * 0.45)


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size and text scale, in real pixels."""

    unit: float  # 1.0 at 1280x720
    text_scale: float  # the player's text size times the viewing distance's
    distance: float = 1.0  # 1.0 at a laptop; larger across the room (UiSettings.TV_SCALE)

    def px(self, design: float) -> int:
        """A length in design pixels, scaled to the window."""
        return max(1, round(design * self.unit))

    @property
    def chrome_scale(self) -> float:
        """How much the text size grows labels, seats and buttons (see :func:`chrome_scale`)."""
        return chrome_scale(self.text_scale)

    @property
    def min_text(self) -> int:
        """The smallest text this window draws anywhere: labels that run out of room
        shrink to it, then shorten with an ellipsis; they never go smaller."""
        return readable_floor(self.unit)

    def font(self, design: float) -> int:
        """A font size in design pixels, scaled to the window and the player's text size,
        never below :attr:`min_text`."""
        scaled = round(design * text_unit(self.unit) * self.chrome_scale)
        return max(self.min_text, scaled)

    # Font sizes (design pixels).
    @property
    def body(self) -> int:
        return self.font(22)

    @property
    def small(self) -> int:
        return self.font(17)

    @property
    def heading(self) -> int:
        return self.font(34)

    @property
    def title(self) -> int:
        return self.font(64)

    @property
    def button_text(self) -> int:
        return self.font(19)

    @property
    def key_hint(self) -> int:
        return self.font(14)

    # Spacing.
    @property
    def gap(self) -> int:
        return self.px(12)

    @property
    def margin(self) -> int:
        return self.px(24)

    @property
    def radius(self) -> int:
        return self.px(14)

    @property
    def button_height(self) -> int:
        return max(self.px(46), round(self.button_text * 2.1))

    @property
    def focus_width(self) -> int:
        return max(2, self.px(3))


def scale_for(size: tuple[int, int]) -> float:
    """The layout unit for a window size: 1.0 at 1280x720, by the tighter axis."""
    w, h = size
    return max(0.5, min(w / DESIGN_SIZE[0], h / DESIGN_SIZE[1]))


def metrics_for(size: tuple[int, int], text_scale: float = 1.0, distance: float = 1.0) -> Metrics:
    """The sizes for a window: ``text_scale`` is the player's 100-200 %, ``distance`` the
    viewing distance's factor (every text, the smallest included, grows by it)."""
    scale = max(1.0, min(2.0, text_scale)) * distance
    return Metrics(unit=scale_for(size), text_scale=scale, distance=distance)


def relative_luminance(colour: RGB) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours, 1.0 to 21.0."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved a fraction ``t`` toward ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
