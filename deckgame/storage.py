"""Settings, the autosave and the per-group history of dealt cards, on disk.

Every file is a small JSON envelope ``{"format": ..., "version": ..., "data": ...}`` written
atomically (temp file in the same folder, fsync, rename, fsync of the folder): a kill at any
moment leaves the old file or the new one, never a broken one. A file that is corrupt or
belongs to something else is moved aside (``NAME.broken-YYYYmmdd-HHMMSS``) with a message and
the game starts fresh. Saves hold names, card ids and counts only, never answers.

>>> import tempfile
>>> store = Store(Path(tempfile.mkdtemp()))
>>> store.save_settings({"theme": "dark"})
>>> store.load_settings()
{'theme': 'dark'}
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from deckgame.paths import user_config_dir, user_data_dir

JSONDict = dict[str, Any]

VERSION = 1
SETTINGS = "deckgame.settings"
AUTOSAVE = "deckgame.autosave"
HISTORY = "deckgame.history"
# A card history longer than this per group is trimmed oldest first: it only steers order.
HISTORY_LIMIT = 20_000


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), so optional.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Store:
    """The game's files: settings in the config folder, autosave and history in the data folder.

    ``messages`` collects what the player should be told (a file moved aside, and why).
    """

    def __init__(self, data_dir: Path | None = None, config_dir: Path | None = None) -> None:
        self.data_dir = data_dir if data_dir is not None else user_data_dir()
        self.config_dir = (
            config_dir
            if config_dir is not None
            else (data_dir if data_dir is not None else user_config_dir())
        )
        self.messages: list[str] = []

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def autosave_path(self) -> Path:
        return self.data_dir / "autosave.json"

    @property
    def history_path(self) -> Path:
        return self.data_dir / "history.json"

    # -- envelopes ---------------------------------------------------------------------

    def _write(self, path: Path, kind: str, data: Any) -> None:
        envelope = {"format": kind, "version": VERSION, "data": data}
        atomic_write_text(path, json.dumps(envelope, ensure_ascii=False, separators=(",", ":")))

    def _read(self, path: Path, kind: str) -> Any | None:
        """The envelope's data, or None when absent; a bad file is moved aside."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.messages.append(f"could not read {path}: {exc.strerror or exc}")
            return None
        reason = None
        try:
            envelope = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            reason = "it is not a readable save file"
        else:
            if not isinstance(envelope, dict) or envelope.get("format") != kind:
                reason = "it is not a deckgame file of this kind"
            elif envelope.get("version") != VERSION:
                reason = f"it has version {envelope.get('version')!r}, expected {VERSION}"
            else:
                return envelope.get("data")
        self._move_aside(path, reason)
        return None

    def _move_aside(self, path: Path, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.broken-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
        try:
            os.replace(path, target)
        except OSError as exc:
            self.messages.append(f"{path} is unusable ({reason}) and could not be moved: {exc}")
            return
        self.messages.append(f"{path} was moved aside to {target.name} ({reason}); starting fresh")

    # -- settings ----------------------------------------------------------------------

    def load_settings(self) -> JSONDict:
        """The saved settings, or ``{}`` when there are none (or they were unusable)."""
        data = self._read(self.settings_path, SETTINGS)
        if data is None:
            return {}
        if not isinstance(data, dict):
            self._move_aside(self.settings_path, "its settings are not a mapping")
            return {}
        return data

    def save_settings(self, settings: JSONDict) -> None:
        self._write(self.settings_path, SETTINGS, settings)

    # -- autosave ----------------------------------------------------------------------

    def load_autosave(self) -> JSONDict | None:
        """The last autosaved session as plain data, or None."""
        data = self._read(self.autosave_path, AUTOSAVE)
        if data is None:
            return None
        if not isinstance(data, dict):
            self._move_aside(self.autosave_path, "its session is not a mapping")
            return None
        return data

    def save_autosave(self, session: JSONDict) -> None:
        self._write(self.autosave_path, AUTOSAVE, session)

    def clear_autosave(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.autosave_path.unlink()

    def has_autosave(self) -> bool:
        return self.autosave_path.is_file()

    # -- history -----------------------------------------------------------------------

    def _load_groups(self) -> dict[str, list[str]]:
        data = self._read(self.history_path, HISTORY)
        if data is None:
            return {}
        groups = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(groups, dict) or not all(
            isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            for ids in groups.values()
        ):
            self._move_aside(self.history_path, "its history is not in the expected shape")
            return {}
        return groups

    def load_history(self, players: Sequence[str]) -> list[str]:
        """Card ids this group has been dealt before, oldest first."""
        return list(self._load_groups().get(group_key(players), []))

    def add_history(self, players: Sequence[str], card_ids: Iterable[str]) -> None:
        """Remember cards dealt to this group (kept in order, each once)."""
        groups = self._load_groups()
        key = group_key(players)
        seen = dict.fromkeys(groups.get(key, []))
        for card_id in card_ids:
            seen.pop(card_id, None)
            seen[card_id] = None
        ids = list(seen)[-HISTORY_LIMIT:]
        groups[key] = ids
        self._write(self.history_path, HISTORY, {"groups": groups})

    def reset_history(self, players: Sequence[str]) -> None:
        """Forget what this group has seen: every card is fresh again."""
        groups = self._load_groups()
        if groups.pop(group_key(players), None) is not None:
            self._write(self.history_path, HISTORY, {"groups": groups})


def group_key(players: Sequence[str]) -> str:
    """The same people in any seat order are the same group.

    >>> group_key(["Ben", "ana"]) == group_key(["Ana", "ben "])
    True
    """
    return "\n".join(sorted(name.strip().casefold() for name in players))
