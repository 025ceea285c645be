"""The application log: a rotating file in the platform's log folder (platformdirs).

    Linux    ~/.local/state/ProvenanceReader/log/provenance-reader.log
    macOS    ~/Library/Logs/ProvenanceReader/provenance-reader.log
    Windows  %LOCALAPPDATA%\\ProvenanceReader\\Logs\\provenance-reader.log
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

import platformdirs

from reader import DIR_NAME

# The folder name under the platform's log folder: no space, so it is easy to type in a shell.
LOG_DIR_NAME = DIR_NAME
LOG_FILE_NAME = "provenance-reader.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

# Marks the handler this module added, so that a second setup_logging() replaces it
# instead of writing every line twice.
_HANDLER_FLAG = "_provenance_reader_log"


def log_dir() -> Path:
    return platformdirs.user_log_path(LOG_DIR_NAME, appauthor=False)


def log_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, path: Path | None = None) -> Path | None:
    """Send the root logger, and Python warnings, to the rotating log file.

    Returns the log file's path, or None when the file cannot be opened (a read-only home
    folder, say): the app then logs to stderr only, rather than failing to start.
    """
    path = Path(path) if path else log_path()
    root = logging.getLogger()
    root.setLevel(level)
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(handler)
        handler.close()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        written: Path | None = path
    except OSError as error:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        written = None
        print(f"provenance-reader: cannot write the log file {path}: {error}", file=sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _HANDLER_FLAG, True)
    root.addHandler(handler)
    logging.captureWarnings(True)
    return written
