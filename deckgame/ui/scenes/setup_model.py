"""The choices setup holds between frames, and what follows from them (settings, the
count of cards they leave, the lines no card carries), shared by its two pages."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import pygame

from deckgame.deck_language import default_decks
from deckgame.engine import Settings, SettingsError
from deckgame.i18n import _, current_language, ngettext
from deckgame.kinds import Audience, IntimacyType
from deckgame.line_names import line_words, tag_for
from deckgame.lines import line_key, normalise_lines, unknown_lines
from deckgame.ui.scenes.base import Scene
from deckgame.ui.scenes.setup_choices import (
    MAX_LINE,
    MIN_PLAYERS,
    cards_in_play,
    player_placeholder,
)
from deckgame.ui.widgets import Button, TextInput

if TYPE_CHECKING:
    from deckgame.ui.app import App


class SetupModel(Scene):
    """Setup's state: names, audience, types, lines, pace, offer and decks.

    ``card_count`` is the count of cards these choices leave, worked out when the page is
    laid out (after every change of a choice), so drawing never walks the cards."""

    footer: list[Button]
    inner: pygame.Rect

    def __init__(
        self, app: App, players: list[str] | None = None, previous: Settings | None = None
    ) -> None:
        super().__init__(app)
        launch = app.ctx.launch
        names = players or launch.players or [""] * MIN_PLAYERS
        self.inputs = [
            TextInput("name", n, placeholder=player_placeholder(i), arg=i)
            for i, n in enumerate(names)
        ]
        self.page = 0
        chosen = launch.options.with_defaults()  # what the command line left out, filled
        audience, rounds, offered = chosen.audience, chosen.unlock_rounds, chosen.offered
        assert audience is not None and rounds is not None and offered is not None
        self.audience = Audience(audience)
        self.types = {IntimacyType(t) for t in chosen.types or ()}
        self.excluded = set(normalise_lines(chosen.excluded or ()))
        self.lines_field = TextInput(
            "lines_field", "", placeholder=_("Another line: type it, then Enter"), max_len=MAX_LINE
        )
        self.unlock_rounds = rounds
        self.offered = offered
        # None = every deck. A new session starts with the built-in decks in the game's
        # language (else the English ones) and every deck the players brought.
        start = default_decks(app.ctx.library, current_language())
        self.decks: set[str] | None = None if start is None else set(start)
        if previous is not None:  # play again: the same choices as last time
            self.audience = previous.audience
            self.types = set(previous.types)
            self.excluded = set(normalise_lines(previous.excluded))
            self.unlock_rounds = previous.unlock_rounds
            self.offered = previous.offered
            self.decks = None if previous.decks is None else set(previous.decks)
        self.error = ""
        self.error_row: int | None = None  # the name field the error is about
        self._error_names: list[str] = []
        self._started_focus = False
        self.notice = ""  # about lines no card carries, shown beside the lines field
        self.notice_rect = pygame.Rect(0, 0, 0, 0)
        self.card_count = 0  # what matching_cards() gave when the page was last laid out

    def names(self) -> list[str]:
        return [i.value.strip() for i in self.inputs]

    def settings(self) -> Settings:
        """The engine settings chosen so far (raises ``SettingsError`` while invalid)."""
        return Settings(
            players=tuple(n for n in self.names() if n),
            audience=self.audience,
            types=frozenset(self.types),
            excluded=frozenset(self.excluded),
            unlock_rounds=self.unlock_rounds,
            offered=self.offered,
            decks=None if self.decks is None else frozenset(self.decks),
        )

    def matching_cards(self) -> int:
        """How many cards the current filters leave (all levels): what the engine deals
        from with everyone present. Names not valid yet count as that many players."""
        if not self.types:
            return 0
        try:
            settings = self.settings()
        except SettingsError:
            try:
                named = len([n for n in self.names() if n])
                settings = Settings(
                    players=tuple(f"p{i}" for i in range(max(MIN_PLAYERS, named))),
                    audience=self.audience,
                    types=frozenset(self.types),
                    excluded=frozenset(self.excluded),
                    decks=None if self.decks is None else frozenset(self.decks),
                )
            except SettingsError:
                return 0
        return cards_in_play(self.app.ctx.library.cards, settings)

    def all_tags(self) -> list[str]:
        return sorted({tag for card in self.app.ctx.library.cards for tag in card.tags})

    def line_tags(self) -> list[str]:
        """The chips of the lines: every tag of the decks, then lines typed that none has."""
        known = self.all_tags()
        return known + sorted(self.excluded - set(known))

    def lines_notice(self) -> str:
        """Which lines no loaded card carries (with the nearest line's words), or ``""``,
        in the player's language."""
        tags = sorted(self.app.ctx.library.tags)
        missing = unknown_lines(self.excluded, tags)
        if not missing:
            return ""
        words = {line_key(line_words(tag)): line_words(tag) for tag in tags}
        named = []
        for line in missing:
            close = difflib.get_close_matches(line, list(words), n=1, cutoff=0.6)
            typed = line.replace("-", " ")  # as it was typed, not as a tag is spelled
            named.append(
                _("“{line}” (did you mean “{close}”?)").format(line=typed, close=words[close[0]])
                if close
                else _("“{line}”").format(line=typed)
            )
        return ngettext(
            "No card is about {lines}, so it leaves nothing out",
            "No card is about {lines}, so they leave nothing out",
            len(missing),
        ).format(lines=_(", ").join(named))

    def add_typed_lines(self) -> None:
        """Turn what is typed in the lines field (commas between lines) into lines."""
        typed = self.lines_field.value
        self.lines_field.set("")
        tags = self.app.ctx.library.tags
        # A chip's words, in the player's language or as the tag, name that tag.
        self.excluded |= {tag_for(line, tags) for line in normalise_lines(typed.split(","))}

    def all_decks(self) -> list[str]:
        return sorted({card.deck for card in self.app.ctx.library.cards})
