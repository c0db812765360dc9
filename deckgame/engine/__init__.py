"""The rules engine: pure Python, seeded, logged, saved. Never imports pygame or yaml.

>>> from deckgame.engine import Game, Settings, Done, Next, Phase
>>> Phase.OFFER.value
'offer'

The public API is flat: ``Game``, ``Settings``, ``Phase``, ``State``, every action type
(``Pick``, ``Done``, ``Warmth``... : :data:`ACTION_TYPES`, exported from
:mod:`deckgame.engine.actions` as they are declared there), ``Event`` and ``EventLog``,
``Summary``/``summarize``, ``Reason`` and the errors.

>>> from deckgame.engine import ACTION_TYPES, EVENT_NAMES, Warmth
>>> ACTION_TYPES["warmth"] is Warmth, "warmth" in EVENT_NAMES
(True, True)
"""

from typing import TYPE_CHECKING

from deckgame.engine import actions as _actions
from deckgame.engine import rules as _rules
from deckgame.engine.actions import *  # noqa: F403 - every action type, declared once there
from deckgame.engine.dealer import in_piles as in_piles
from deckgame.engine.dealer import pile_sizes as pile_sizes
from deckgame.engine.dealer import playable as playable
from deckgame.engine.errors import AlreadyGiven as AlreadyGiven
from deckgame.engine.errors import IllegalAction as IllegalAction
from deckgame.engine.errors import InvalidChoice as InvalidChoice
from deckgame.engine.errors import NoLevel as NoLevel
from deckgame.engine.errors import NothingToUndo as NothingToUndo
from deckgame.engine.errors import OnHold as OnHold
from deckgame.engine.errors import PlayerAway as PlayerAway
from deckgame.engine.errors import Reason as Reason
from deckgame.engine.errors import UnknownSeat as UnknownSeat
from deckgame.engine.errors import WrongPhase as WrongPhase
from deckgame.engine.errors import WrongPlayer as WrongPlayer
from deckgame.engine.events import Event as Event
from deckgame.engine.events import EventLog as EventLog
from deckgame.engine.game import SAVE_FORMAT as SAVE_FORMAT
from deckgame.engine.game import SAVE_VERSION as SAVE_VERSION
from deckgame.engine.game import UNDO_DEPTH as UNDO_DEPTH
from deckgame.engine.game import Game as Game
from deckgame.engine.registry import event_names as _event_names
from deckgame.engine.state import OptionError as OptionError
from deckgame.engine.state import Phase as Phase
from deckgame.engine.state import PileKey as PileKey
from deckgame.engine.state import PlayerCountError as PlayerCountError
from deckgame.engine.state import PlayerNameError as PlayerNameError
from deckgame.engine.state import Settings as Settings
from deckgame.engine.state import SettingsError as SettingsError
from deckgame.engine.state import State as State
from deckgame.engine.state import TypesError as TypesError
from deckgame.engine.summary import Summary as Summary
from deckgame.engine.summary import summarize as summarize

EVENT_NAMES: frozenset[str] = _event_names()
"""Every event the engine emits: each declared by the rule (or the turn flow) emitting it."""

assert _rules.RULES  # the rules are loaded (importing the game loads them)

if not TYPE_CHECKING:  # mypy reads the explicit exports above; ``import *`` takes the same
    __all__ = sorted(
        name
        for name, value in globals().items()
        if not name.startswith("_")
        and name not in {"TYPE_CHECKING", "annotations"}
        and not isinstance(value, type(_actions))
    )
