"""Corrections on disk: saved per article in the app's data folder, and shared as a file.

Each article's corrections live in `<user data dir>/corrections/<sha256 of its text>.json`,
never beside the article (the user's folder is not ours to write in). A save replaces
the file atomically, so a crash mid-save leaves the previous file whole. The same
format is the export/import file a teacher hands to the class.

When no file matches the text's hash (the article was saved again and its text
changed), the newest file recorded for the same path or URL is used, and its
corrections are moved onto the new text by their anchors; those whose words are gone
are dropped.

Two windows or two processes may save corrections for the same article. A save holds
the folder's lock file while it reads the file on disk, merges by correction id and
writes: corrections another window added are kept, and a removal (an undo) made in either
window holds (a three-way merge against what this store last saw). Temporary
files of a save that was interrupted are removed the first time the folder is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader import DIR_NAME
from reader.corrections.commands import Correction, CorrectionError

FORMAT = "provenance-reader-corrections"
VERSION = 1
LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 10.0
_TEMP_PATTERN = ".*.tmp"

log = logging.getLogger(__name__)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_root() -> Path:
    from platformdirs import user_data_path

    return user_data_path(DIR_NAME, appauthor=False) / "corrections"


def atomic_write_text(path: Path, data: str) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
        delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        try:
            os.unlink(handle.name)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class Loaded:
    corrections: list[Correction] = field(default_factory=list)
    dropped: list[Correction] = field(default_factory=list)  # their words are gone
    reanchored: bool = False  # read from a file made for a different text


def to_document(text: str, corrections, *, title: str | None = None,
                path: str | None = None, url: str | None = None) -> dict:
    return {
        "format": FORMAT, "version": VERSION,
        "article": {"sha256": text_key(text), "title": title, "path": path, "url": url},
        "corrections": [c.to_dict() for c in corrections],
    }


def from_document(data: dict, text: str) -> Loaded:
    """The corrections of a corrections document, moved onto `text` when it differs.

    Raises CorrectionError for something that is not a corrections file or is too new.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorrectionError("not a Provenance Reader corrections file")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise CorrectionError(f"corrections file version {version!r} is newer than this app")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise CorrectionError("the file holds no list of corrections")
    corrections = [Correction.from_dict(item) for item in items]
    same_text = (data.get("article") or {}).get("sha256") == text_key(text)
    loaded = Loaded(reanchored=not same_text)
    for correction in corrections:
        moved = correction if same_text else correction.reanchored(text)
        (loaded.corrections if moved is not None else loaded.dropped).append(moved or correction)
    return loaded


def export_corrections(out: str | Path, text: str, corrections, **article) -> None:
    atomic_write_text(Path(out), json.dumps(to_document(text, corrections, **article),
                                            ensure_ascii=False, indent=1))


def import_corrections(path: str | Path, text: str) -> Loaded:
    """Raises CorrectionError for a file that cannot be read as corrections."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorrectionError(f"cannot read {path}: {error}") from error
    return from_document(data, text)


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float = LOCK_TIMEOUT_SECONDS):
    """Holds `folder`/.lock exclusively (flock, or msvcrt on Windows) for the `with` block.
    The lock goes with the process, so a killed process never leaves it held; after
    `timeout` seconds of waiting the block runs anyway (a save must not hang the window)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    locked = False
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(fd)
                locked = True
                break
            except OSError:
                if time.monotonic() > deadline:
                    log.warning("corrections folder %s stayed locked; saving anyway", folder)
                    break
                time.sleep(0.02)
        yield
    finally:
        if locked:
            with contextlib.suppress(OSError):
                _unlock(fd)
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only (mypy reads this test)
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def merge(on_disk: list[Correction], ours: list[Correction],
          seen: set[str]) -> list[Correction]:
    """A three-way merge by id of the corrections on disk and ours, against `seen` (the
    ids this store last read or saved). A correction never changes under its id, so:
    one we had and no longer have was removed by us; one we had and still have that is
    gone from the disk was removed by another window; both removals hold. Ours replace
    theirs of the same id; ours that are new come last, in our order."""
    our_ids = {c.id for c in ours}
    disk_ids = {c.id for c in on_disk}
    removed_by_us = seen - our_ids
    removed_by_them = (seen & our_ids) - disk_ids
    by_id = {c.id: c for c in ours}
    merged = [by_id.pop(c.id, c) for c in on_disk if c.id not in removed_by_us]
    return merged + [c for c in ours if c.id in by_id and c.id not in removed_by_them]


class CorrectionStore:
    """The per-article corrections files under one folder (default: the user data dir)."""

    def __init__(self, root: str | Path | None = None):
        self.root = Path(root) if root is not None else default_root()
        # Per text key: the ids of the corrections this store last read or saved as ours,
        # the base of the three-way merge on the next save.
        self._seen: dict[str, set[str]] = {}
        self._cleaned = False

    def path_for(self, text: str) -> Path:
        return self.root / f"{text_key(text)}.json"

    def save(self, text: str, corrections, *, title: str | None = None,
             path: str | None = None, url: str | None = None) -> list[Correction]:
        """Merge `corrections` into the article's file under the folder lock and write it;
        with none left, remove it. Returns what the file now holds (ours and other
        windows'). Raises OSError when it cannot be written."""
        corrections = list(corrections)
        key = text_key(text)
        target = self.path_for(text)
        if path:  # resolved, so the article is found again when opened by another route
            path = str(Path(path).resolve())
        with folder_lock(self.root):
            self._clean_temporary_files()
            merged = merge(self._read_exact(target, text), corrections,
                           self._seen.get(key, set()))
            if merged:
                atomic_write_text(target, json.dumps(
                    to_document(text, merged, title=title, path=path, url=url),
                    ensure_ascii=False, indent=1))
            else:
                target.unlink(missing_ok=True)
        self._seen[key] = {c.id for c in corrections}
        return merged

    def _read_exact(self, target: Path, text: str) -> list[Correction]:
        try:
            return from_document(json.loads(target.read_text(encoding="utf-8")),
                                 text).corrections
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, CorrectionError,
                RecursionError) as error:
            log.warning("replacing unreadable corrections file %s: %s", target, error)
            return []

    def load(self, text: str, *, path: str | None = None, url: str | None = None) -> Loaded:
        """The corrections saved for this text, or re-anchored from an earlier version of
        the same article (same path or URL); empty when there are none or the file is bad."""
        if not self._cleaned and self.root.is_dir():
            with folder_lock(self.root, timeout=1.0):
                self._clean_temporary_files()
        exact = self.path_for(text)
        candidates = [exact] if exact.is_file() else self._earlier_versions(path, url)
        for candidate in candidates:
            try:
                loaded = from_document(json.loads(candidate.read_text(encoding="utf-8")), text)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, CorrectionError,
                    RecursionError) as error:
                log.warning("ignoring corrections file %s: %s", candidate, error)
                continue
            self._seen[text_key(text)] = {c.id for c in loaded.corrections + loaded.dropped}
            return loaded
        return Loaded()

    def _clean_temporary_files(self) -> None:
        """Remove what interrupted saves left (call with the folder lock held: every save
        writes its temporary file under the lock, so any one seen now is stale)."""
        self._cleaned = True
        for leftover in self.root.glob(_TEMP_PATTERN):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _earlier_versions(self, path: str | None, url: str | None) -> list[Path]:
        if not (path or url) or not self.root.is_dir():
            return []
        if path:
            path = str(Path(path).resolve())
        found = []
        for candidate in self.root.glob("*.json"):
            try:
                article = json.loads(candidate.read_text(encoding="utf-8")).get("article") or {}
                mtime = candidate.stat().st_mtime
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
                continue
            if (path and article.get("path") == path) or (url and article.get("url") == url):
                found.append((mtime, candidate))
        return [c for _, c in sorted(found, reverse=True)]
