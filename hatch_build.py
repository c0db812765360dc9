"""Hatchling build hook: the wheel carries the message catalogues compiled to ``.mo``.

Each ``deckgame/locale/LANG/LC_MESSAGES/deckgame.po`` is compiled by the game's own small
writer (``deckgame/pofile.py``, loaded by path: building needs neither Babel nor gettext)
into a temporary folder and put in the wheel beside where its ``.po`` stands; the ``.po``
and ``.pot`` sources stay out of the wheel (``pyproject.toml`` excludes them) and the
``.mo`` files out of the repository. An editable install gets nothing: the game reads the
``.po`` of the checkout itself (``deckgame.i18n.load_catalogue``).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("deckgame") / "locale"
DOMAIN = "deckgame"


def _pofile(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_deckgame_pofile", root / "deckgame/pofile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def compile_catalogues(root: Path, out: Path) -> dict[str, str]:
    """Every ``.po`` under ``root``'s locale folder compiled into ``out``: the map of each
    ``.mo`` written to its place in the wheel."""
    pofile = _pofile(root)
    placed: dict[str, str] = {}
    for po in sorted((root / LOCALE).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        relative = po.relative_to(root).with_suffix(".mo")
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        entries = pofile.parse_po(po.read_text(encoding="utf-8"))
        target.write_bytes(pofile.mo_bytes(entries))
        placed[str(target)] = relative.as_posix()
    return placed


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles the catalogues for a (non-editable) wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._out: Path | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        self._out = Path(tempfile.mkdtemp(prefix="deckgame-mo-"))
        placed = compile_catalogues(Path(self.root), self._out)
        build_data.setdefault("force_include", {}).update(placed)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._out is not None:
            shutil.rmtree(self._out, ignore_errors=True)
