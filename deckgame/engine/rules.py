"""The rules: which action is legal in which phase, and what it does to the state.

Every action type has a :class:`Rule` (:mod:`deckgame.engine.registry`): the phases it is
allowed in, a *check* of anything more (raises :class:`IllegalAction`, never changes
anything) and an *effect* (changes the state, appends events, never fails after its
checks passed). The rules of a turn are in :mod:`deckgame.engine.turn_rules`, those of
the group in :mod:`deckgame.engine.group_rules`, the turn flow they share in
:mod:`deckgame.engine.flow`; importing this module loads them all.
:class:`deckgame.engine.game.Game` wraps them with undo and serialisation.

>>> from deckgame.engine.actions import Done, Pick
>>> RULES[Done].phases, sorted(RULES[Pick].emits)
((<Phase.CARD: 'card'>,), ['pick'])
"""

from __future__ import annotations

# The rule modules register their rules on import.
from deckgame.engine import group_rules as group_rules
from deckgame.engine import turn_rules as turn_rules
from deckgame.engine.flow import change_level as change_level
from deckgame.engine.flow import deal as deal
from deckgame.engine.flow import default_other as default_other
from deckgame.engine.flow import emit as emit
from deckgame.engine.flow import end_turn as end_turn
from deckgame.engine.flow import start_turn as start_turn
from deckgame.engine.registry import RULES as RULES
from deckgame.engine.registry import Cards as Cards
from deckgame.engine.registry import Check as Check
from deckgame.engine.registry import Effect as Effect
from deckgame.engine.registry import Events as Events
from deckgame.engine.registry import Rule as Rule
from deckgame.engine.registry import check as check
from deckgame.engine.registry import checked as checked
from deckgame.engine.registry import perform as perform
from deckgame.engine.state import Phase as Phase
