"""A settings file that cannot be read is set aside, not fatal.

QSettings, given a malformed INI file, reports a format error and then never writes the
file again, so the user's choices would silently stop being saved; a JSON file that fails
to parse would raise. Before the settings are opened, `guard_settings_file` checks that the
file parses and, if it does not, renames it to "<name>.corrupt-<timestamp>" (kept for a bug
report) and returns a notice the window can show. The app then starts with the defaults.
"""

from __future__ import annotations

import configparser
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)


class SettingsCorrupt(ValueError):
    """The settings file's content cannot be parsed."""


def check_ini(text: str) -> None:
    # QSettings writes every key under a [section] ("General" for top-level keys) and
    # escapes what configparser would trip on, so a file it wrote always parses here.
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error as error:
        raise SettingsCorrupt(str(error).splitlines()[0]) from error


def check_json(text: str) -> None:
    if not text.strip():
        return
    try:
        json.loads(text)
    except ValueError as error:
        raise SettingsCorrupt(str(error)) from error


def _checker_for(path: Path) -> Callable[[str], None]:
    return check_json if path.suffix.lower() == ".json" else check_ini


def problem_with(path: Path) -> str | None:
    """Why the settings file cannot be read, or None if it reads (or does not exist)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot be opened ({error.strerror or error})"
    if b"\x00" in data:
        return "contains binary data"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    try:
        _checker_for(path)(text)
    except SettingsCorrupt as error:
        return f"cannot be parsed ({error})"
    return None


def set_aside_path(path: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():  # two crashes in one second must not overwrite the first copy
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return target


def guard_settings_file(path: Path | str, now: datetime | None = None) -> str | None:
    """Move an unreadable settings file aside; return a notice for the user, else None."""
    path = Path(path)
    problem = problem_with(path)
    if problem is None:
        return None
    target = set_aside_path(path, now)
    try:
        path.rename(target)
    except OSError as error:
        log.error("Settings file %s %s and could not be moved aside: %s", path, problem, error)
        return (f"The settings file {path} {problem} and could not be moved aside ({error}). "
                "The default settings are used for this session and will not be saved.")
    log.warning("Settings file %s %s; moved to %s", path, problem, target)
    return (f"The settings file {problem}, so it was set aside as {target.name} in "
            f"{target.parent} and the default settings are used.")
