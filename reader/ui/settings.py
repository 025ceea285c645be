"""Every option the window keeps between runs, declared once with its default (the way
Picard declares its options), stored with QSettings in an INI file under the platform's
config folder (platformdirs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from reader import DIR_NAME

MAX_RECENT_FILES = 10
MAX_REMEMBERED_POSITIONS = 200


@dataclass(frozen=True)
class Option:
    key: str
    default: object


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("window/geometry", QByteArray()),
    Option("window/splitter", QByteArray()),
    Option("window/panel_visible", True),
    Option("window/legend_visible", True),
    Option("view/palette", "auto"),  # one of palette.PALETTE_CHOICES
    Option("view/zoom", 0),  # steps of ZOOM_STEP points above or below the base size
    Option("view/hidden_kinds", []),  # kinds toggled off in the legend
    Option("view/projector", False),  # the projector style outside presentation mode
    Option("panel/sort", "appearance"),  # appearance | claims | name
    Option("files/recent", []),  # newest first
    Option("files/positions", {}),  # path -> code-point offset of the top of the view
    Option("files/last_dir", ""),
    Option("analysis/model", ""),  # an installed spaCy pipeline; "" for the default
)}
_JSON_KEYS = {"view/hidden_kinds", "files/recent", "files/positions"}


def settings_path() -> Path:
    return platformdirs.user_config_path(DIR_NAME, appauthor=False) / "settings.ini"


class Settings:
    """Typed access to the options; unknown keys are a programming error."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else settings_path()
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str):
        option = OPTIONS[key]
        raw = self._store.value(key, None)
        if raw is None:
            return _copy(option.default)
        if key in _JSON_KEYS:
            try:
                loaded = json.loads(raw)
            except (TypeError, ValueError):
                return _copy(option.default)
            return loaded if isinstance(loaded, type(option.default)) else _copy(option.default)
        default = option.default
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
        if isinstance(default, int):
            try:
                return int(raw)
            except (TypeError, ValueError):
                return default
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray()
        return str(raw)

    def set_value(self, key: str, value) -> None:
        if key not in OPTIONS:
            raise KeyError(key)
        self._store.setValue(key, json.dumps(value) if key in _JSON_KEYS else value)

    def sync(self) -> None:
        self._store.sync()

    # Recent files and positions: small helpers over the options above.

    def recent_files(self) -> list[str]:
        return [p for p in self.value("files/recent") if isinstance(p, str)]

    def add_recent_file(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.set_value("files/recent", recent[:MAX_RECENT_FILES])

    def clear_recent_files(self) -> None:
        self.set_value("files/recent", [])

    def position_for(self, path: str) -> int | None:
        value = self.value("files/positions").get(str(Path(path).resolve()))
        return value if isinstance(value, int) else None

    def set_position(self, path: str, offset: int) -> None:
        positions = self.value("files/positions")
        key = str(Path(path).resolve())
        positions.pop(key, None)
        positions[key] = int(offset)
        # Dicts keep insertion order: drop the least recently stored.
        while len(positions) > MAX_REMEMBERED_POSITIONS:
            positions.pop(next(iter(positions)))
        self.set_value("files/positions", positions)


def _copy(value):
    if isinstance(value, (list, dict)):
        return type(value)(value)
    if isinstance(value, QByteArray):
        return QByteArray(value)
    return value
