"""Reading saved data strictly: each field exactly the right type, within sane bounds.

A session comes back from a file that may have been edited by hand, damaged, or written by
something else. Every field the engine restores is read through one of these helpers, so
anything that is not what :meth:`deckgame.engine.Game.to_dict` could have written becomes a
:class:`SaveError` (a ``ValueError``) naming the field, never an ``OverflowError``, a
``TypeError`` or a state the rules cannot play.

The rules of reading:

- an integer field takes a real ``int`` only: not ``bool`` (``true`` is not ``1``) and not
  a float, even an integral one (``to_dict`` writes integers, and JSON reads them back as
  integers, so ``3.0`` or ``1e400`` means the file was not written by the game), within
  the field's bounds;
- a number of seconds takes an ``int`` or a ``float`` (not ``bool``), finite, within bounds;
- a text takes a ``str`` of bounded length that UTF-8 can write (no lone surrogate, which
  a JSON ``"\\ud800"`` escape can produce and which would break the next autosave);
- a list takes a ``list`` of bounded length whose items are each read as above;
- a flag takes ``true`` or ``false`` only (``"false"`` must not read as true).

Error messages never print a whole value: a 5,000-digit number or a list nested a
thousand deep is described, not shown (``repr`` of either fails or recurses).

>>> Fields({"turn": 3}, "state").integer("turn", 1, 10)
3
>>> Fields({"turn": 3.0}, "state").integer("turn", 1, 10)
Traceback (most recent call last):
...
deckgame.engine.saved.SaveError: state.turn: a whole number is needed, not a float (3.0)
>>> Fields({"turn": 10**5000}, "state").integer("turn", 1, 10)
Traceback (most recent call last):
...
deckgame.engine.saved.SaveError: state.turn: must be 1 to 10, not a number of 5001 digits
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from typing import TypeVar

T = TypeVar("T")

MAX_COUNT = 10**9
"""Any counter a session keeps (turns, rounds, draws, warmth, cards done): a session of a
billion turns is not a real one, and small numbers keep arithmetic on them cheap."""
MAX_SECONDS = 1e15
"""A time or a duration in seconds (the caller's clock, e.g. ``time.monotonic()``)."""
MAX_ID = 200
"""A card id (the deck format allows 80 characters) or a deck name (80)."""
MAX_TEXT = 200
"""Any other saved text: a player's name before it is cleaned (24 after), a line."""
MAX_ITEMS = 1_000_000
"""A list of card ids: every card loaded, with room to spare."""
MAX_SEED = 2**256
"""A shuffle seed's magnitude (the dealer uses it modulo 2**64; larger is never written
by the game's own seeds, and ``--seed`` takes numbers far beyond any a player types)."""


class SaveError(ValueError):
    """A saved field that is missing, of the wrong type or out of range."""


_MISSING: object = object()


def describe(value: object) -> str:
    """A short description of ``value`` for an error message (never its full ``repr``).

    >>> describe(10**5000), describe("x" * 1000)[:12], describe([[[]]])
    ('a number of 5001 digits', 'a text of 10', 'a list of 1 item')
    """
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    if isinstance(value, int):
        if value.bit_length() > 64:
            # str() of an int over 4,300 digits raises; log10 takes any int.
            return f"a number of {math.floor(math.log10(abs(value))) + 1} digits"
        return str(value)
    if isinstance(value, float):
        return f"a float ({value!r})"
    if isinstance(value, str):
        if len(value) > 40:
            return f"a text of {len(value)} characters"
        return ascii(value)
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return f"a mapping of {len(value)} key{'' if len(value) == 1 else 's'}"
    return f"a {type(value).__name__}"


def read_int(value: object, what: str, low: int, high: int) -> int:
    """``value`` as an integer in ``[low, high]`` (a real ``int``: not bool, not float)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise SaveError(f"{what}: a whole number is needed, not {describe(value)}")
    if not low <= value <= high:
        raise SaveError(f"{what}: must be {low} to {high}, not {describe(value)}")
    return value


def read_number(value: object, what: str, low: float, high: float) -> float:
    """``value`` (an int or a float, not bool) as a finite float in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SaveError(f"{what}: a number of seconds is needed, not {describe(value)}")
    if isinstance(value, int) and not -MAX_SECONDS <= value <= MAX_SECONDS:
        # Checked as an int: float() of a huge int raises OverflowError.
        raise SaveError(f"{what}: must be {low:g} to {high:g}, not {describe(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise SaveError(f"{what}: must be a finite number, not {describe(value)}")
    if not low <= number <= high:
        raise SaveError(f"{what}: must be {low:g} to {high:g}, not {describe(value)}")
    return number


def read_text(value: object, what: str, longest: int = MAX_TEXT) -> str:
    """``value`` as a text of at most ``longest`` characters that UTF-8 can write."""
    if not isinstance(value, str):
        raise SaveError(f"{what}: a text is needed, not {describe(value)}")
    if len(value) > longest:
        raise SaveError(f"{what}: at most {longest} characters, not {len(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SaveError(f"{what}: not a writable text (a lone surrogate)") from None
    return value


def read_flag(value: object, what: str) -> bool:
    """``value`` as a boolean: ``True`` or ``False`` only."""
    if not isinstance(value, bool):
        raise SaveError(f"{what}: true or false is needed, not {describe(value)}")
    return value


def read_choice(value: object, what: str, choices: Collection[str]) -> str:
    """``value`` as one of ``choices`` (texts)."""
    if not isinstance(value, str) or value not in choices:
        raise SaveError(f"{what}: one of {', '.join(sorted(choices))}, not {describe(value)}")
    return value


def read_list(
    value: object,
    what: str,
    item: Callable[[object, str], T],
    *,
    longest: int = MAX_ITEMS,
    length: int | None = None,
) -> list[T]:
    """``value`` as a list (of exactly ``length`` items, or at most ``longest``), each item
    read by ``item(value, what)``."""
    if not isinstance(value, list):
        raise SaveError(f"{what}: a list is needed, not {describe(value)}")
    if length is not None and len(value) != length:
        raise SaveError(f"{what}: {length} items are needed, not {len(value)}")
    if len(value) > longest:
        raise SaveError(f"{what}: at most {longest} items, not {len(value)}")
    return [item(entry, f"{what}[{index}]") for index, entry in enumerate(value)]


def read_counts(value: object, what: str, keys: Collection[str]) -> dict[str, int]:
    """``value`` as a mapping from some of ``keys`` to counts (0 to ``MAX_COUNT``)."""
    if not isinstance(value, dict):
        raise SaveError(f"{what}: a mapping is needed, not {describe(value)}")
    return {
        read_choice(key, f"{what} key", keys): read_int(count, f"{what}[{key}]", 0, MAX_COUNT)
        for key, count in value.items()
    }


class Fields:
    """The fields of one saved mapping, each read strictly and named in errors.

    ``default``: the value when the key is absent (older saves); without one the key is
    required. An explicit ``null`` is never a missing key: it must be allowed by the
    field (the ``optional_*`` readers).
    """

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise SaveError(f"{where}: a mapping is needed, not {describe(data)}")
        self.data: dict[object, object] = data
        self.where = where

    def name(self, key: str) -> str:
        return f"{self.where}.{key}"

    def raw(self, key: str, default: object = _MISSING) -> object:
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise SaveError(f"{self.name(key)}: missing")
        return default

    def has(self, key: str) -> bool:
        return key in self.data

    def integer(self, key: str, low: int, high: int, default: object = _MISSING) -> int:
        return read_int(self.raw(key, default), self.name(key), low, high)

    def optional_integer(self, key: str, low: int, high: int) -> int | None:
        value = self.raw(key)
        return None if value is None else read_int(value, self.name(key), low, high)

    def number(self, key: str, low: float, high: float) -> float:
        return read_number(self.raw(key), self.name(key), low, high)

    def optional_number(self, key: str, low: float, high: float) -> float | None:
        value = self.raw(key)
        return None if value is None else read_number(value, self.name(key), low, high)

    def flag(self, key: str, default: object = _MISSING) -> bool:
        return read_flag(self.raw(key, default), self.name(key))

    def text(self, key: str, longest: int = MAX_TEXT) -> str:
        return read_text(self.raw(key), self.name(key), longest)

    def optional_text(self, key: str, longest: int = MAX_TEXT) -> str | None:
        value = self.raw(key)
        return None if value is None else read_text(value, self.name(key), longest)

    def choice(self, key: str, choices: Collection[str], default: object = _MISSING) -> str:
        return read_choice(self.raw(key, default), self.name(key), choices)

    def texts(
        self,
        key: str,
        longest: int = MAX_TEXT,
        *,
        items: int = MAX_ITEMS,
        default: object = _MISSING,
    ) -> list[str]:
        return read_list(
            self.raw(key, default),
            self.name(key),
            lambda value, what: read_text(value, what, longest),
            longest=items,
        )

    def choices(self, key: str, choices: Collection[str]) -> list[str]:
        return read_list(
            self.raw(key),
            self.name(key),
            lambda value, what: read_choice(value, what, choices),
            longest=len(choices),
        )

    def integers(
        self, key: str, low: int, high: int, *, length: int | None = None, items: int = MAX_ITEMS
    ) -> list[int]:
        return read_list(
            self.raw(key),
            self.name(key),
            lambda value, what: read_int(value, what, low, high),
            length=length,
            longest=items,
        )

    def flags(self, key: str, *, length: int | None = None) -> list[bool]:
        return read_list(self.raw(key), self.name(key), read_flag, length=length)

    def counts(self, key: str, keys: Collection[str]) -> dict[str, int]:
        return read_counts(self.raw(key), self.name(key), keys)
