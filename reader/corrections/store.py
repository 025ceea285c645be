"""Corrections on disk: saved per article in the app's data folder, and shared as a file.

Each article's corrections live in `<user data dir>/corrections/<sha256 of its text>.json`,
never beside the article (the user's folder is not ours to write in). A save replaces
the file atomically, so a crash mid-save leaves the previous file whole. The same
format is the export/import file a teacher hands to the class.

When no file matches the text's hash (the article was saved again and its text
changed), the newest file recorded for the same path or URL is used, and its
corrections are moved onto the new text by their anchors; those whose words are gone
are dropped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reader import DIR_NAME
from reader.corrections.commands import Correction, CorrectionError

FORMAT = "provenance-reader-corrections"
VERSION = 1

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


class CorrectionStore:
    """The per-article corrections files under one folder (default: the user data dir)."""

    def __init__(self, root: str | Path | None = None):
        self.root = Path(root) if root is not None else default_root()

    def path_for(self, text: str) -> Path:
        return self.root / f"{text_key(text)}.json"

    def save(self, text: str, corrections, *, title: str | None = None,
             path: str | None = None, url: str | None = None) -> None:
        """Replace the article's file; with no corrections left, remove it."""
        corrections = list(corrections)
        target = self.path_for(text)
        if not corrections:
            target.unlink(missing_ok=True)
            return
        if path:  # resolved, so the article is found again when opened by another route
            path = str(Path(path).resolve())
        atomic_write_text(target, json.dumps(
            to_document(text, corrections, title=title, path=path, url=url),
            ensure_ascii=False, indent=1))

    def load(self, text: str, *, path: str | None = None, url: str | None = None) -> Loaded:
        """The corrections saved for this text, or re-anchored from an earlier version of
        the same article (same path or URL); empty when there are none or the file is bad."""
        exact = self.path_for(text)
        candidates = [exact] if exact.is_file() else self._earlier_versions(path, url)
        for candidate in candidates:
            try:
                return from_document(json.loads(candidate.read_text(encoding="utf-8")), text)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, CorrectionError) as error:
                log.warning("ignoring corrections file %s: %s", candidate, error)
        return Loaded()

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
