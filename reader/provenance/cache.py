"""A disk cache of finished analyses, so reopening an article needs neither the model nor spaCy.

An entry is one JSON file named by its key: sha256 of the article (its text and block
structure, since blocks decide what is analysed), the analyser version and the model.
The analyser version hashes reader.__version__, the lexicons and the provenance source
files, so any change to the rules or word lists misses the old entries instead of serving
stale colours. Writes are atomic (temporary file, then os.replace). Reading trusts nothing
on disk: only a regular file of bounded size is opened (never a FIFO or device put in an
entry's place), and the entry must match the schema and the article's text (integer
offsets in range, a fingerprint of every span's words) before it is used; an entry that
fails any check is deleted and counts as a miss, so the article is analysed again. The
folder is kept under a size and count bound by deleting the least recently used entries
(a hit refreshes an entry's mtime).

No spaCy here: importing and reading the cache must stay cheap.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from functools import cache
from pathlib import Path

from reader.provenance.integrity import check_analysis, fingerprint
from reader.provenance.model import Analysis

FORMAT = 2  # the entry layout; bump when it changes (2: the text fingerprint)
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_ENTRIES = 5000
_SUFFIX = ".json"
# A write takes well under a second; a temporary file older than this was left by a
# process that died mid-write.
_STALE_TEMP_SECONDS = 120
MAX_ENTRY_BYTES = 256 * 1024 * 1024

log = logging.getLogger(__name__)


def default_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("ProvenanceReader", appauthor=False)) / "analyses"


@cache
def analyser_version() -> str:
    """reader.__version__ plus a hash of everything the result depends on besides the model."""
    import reader
    from reader.resources_path import resource

    digest = hashlib.sha256(f"{reader.__version__}|{FORMAT}".encode())
    provenance = Path(__file__).resolve().parent
    files = sorted(provenance.glob("*.py")) + sorted(resource("lexicons").glob("*.txt"))
    # The framing tagger's weights (retrained with its word vectors, so they change with them).
    files += sorted(resource("lexicons").glob("*.json"))
    # The learned source linker's weights (the tagger's are in the model key).
    files.append(resource("models", "source_linker.json"))
    # The loader-independent parts of reader.document that the components read.
    files.append(Path(reader.__file__).resolve().parent / "document" / "model.py")
    for path in files:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return f"{reader.__version__}+{digest.hexdigest()[:16]}"


def article_digest(article) -> str:
    """sha256 of what the analysis reads from an Article: its text and its blocks."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    for block in article.blocks:
        digest.update(f"|{block.kind}:{block.start}:{block.end}".encode())
    return digest.hexdigest()


class AnalysisCache:
    """Analysis JSON on disk, keyed by article, analyser version and model."""

    def __init__(self, folder: str | os.PathLike | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_entries: int = DEFAULT_MAX_ENTRIES,
                 version: str | None = None):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.version = version or analyser_version()
        # Running totals, filled by one scan on the first write, so that a batch of
        # writes does not rescan the folder each time.
        self._usage: tuple[int, int] | None = None
        self._cleaned = False

    def key(self, article, model: str) -> str:
        material = f"{article_digest(article)}|{self.version}|{model}"
        return hashlib.sha256(material.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{_SUFFIX}"

    def get(self, key: str, text: str | None = None) -> Analysis | None:
        """The entry for `key`, checked against the analysed `text`; None on a miss."""
        if not self._cleaned:
            self._entries()  # removes the temporary files of interrupted writes
        path = self._path(key)
        raw = _read_regular(path)
        if raw is None:
            return None
        try:
            entry = json.loads(raw)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT \
                    or entry.get("key") != key:
                raise ValueError("not an entry for this key")
            analysis = Analysis.from_dict(entry["analysis"], model=entry.get("model"))
            if text is not None:
                check_analysis(analysis, len(text))
                if entry.get("fingerprint") != fingerprint(analysis, text):
                    raise ValueError("its spans do not cover the words they were made for")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            log.info("dropping unusable cache entry %s (%s)", path.name, str(error)[:200])
            self._discard(path)
            return None
        try:
            os.utime(path)  # least recently *used*: a hit keeps the entry
        except OSError:
            pass
        return analysis

    def put(self, key: str, analysis: Analysis, text: str | None = None) -> None:
        entry = {"format": FORMAT, "key": key, "version": self.version,
                 "model": analysis.model, "analysis": analysis.to_dict(),
                 "fingerprint": fingerprint(analysis, text) if text is not None else None}
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temp, self._path(key))
            except BaseException:
                self._discard(Path(temp))
                raise
        except OSError as error:  # a full or read-only disk costs the cache, not the analysis
            log.warning("could not write the analysis cache in %s: %s", self.folder, error)
            return
        if self._usage is None:
            self._usage = self._scan_usage()
        else:
            self._usage = (self._usage[0] + 1, self._usage[1] + len(data))
        if self._usage[0] > self.max_entries or self._usage[1] > self.max_bytes:
            self.prune()

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(mtime, size, path) of every entry, oldest first."""
        out = []
        self._cleaned = True
        try:
            scan = list(os.scandir(self.folder))
        except OSError:
            return []
        stale = time.time() - _STALE_TEMP_SECONDS
        for item in scan:
            if not item.name.endswith(_SUFFIX):
                continue
            try:
                stat = item.stat()
            except OSError:  # removed meanwhile by another process
                continue
            if item.name.startswith(".tmp-"):
                if stat.st_mtime < stale:  # left by a process that died mid-write
                    self._discard(Path(item.path))
                continue
            out.append((stat.st_mtime, stat.st_size, Path(item.path)))
        out.sort()
        return out

    def _scan_usage(self) -> tuple[int, int]:
        entries = self._entries()
        return len(entries), sum(size for _, size, _ in entries)

    def prune(self) -> None:
        """Delete the least recently used entries until both bounds hold again."""
        entries = self._entries()
        count, total = len(entries), sum(size for _, size, _ in entries)
        for _, size, path in entries:
            if count <= self.max_entries and total <= self.max_bytes:
                break
            self._discard(path)
            count, total = count - 1, total - size
        self._usage = (count, total)

    def clear(self) -> None:
        for _, _, path in self._entries():
            self._discard(path)
        self._usage = (0, 0)

    def __len__(self) -> int:
        return len(self._entries())

    @staticmethod
    def _discard(path: Path) -> None:
        """Remove an entry (a FIFO or anything else put in an entry's place included)."""
        try:
            path.unlink()
        except OSError:
            pass


def _read_regular(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most MAX_ENTRY_BYTES; a FIFO,
    device, folder or oversized file in an entry's place is removed unread."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError:
        info = _lstat(path)
        if info is not None and not stat.S_ISREG(info.st_mode):
            AnalysisCache._discard(path)
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            log.info("dropping cache entry %s: not a regular file of entry size", path.name)
            AnalysisCache._discard(path)
            return None
        try:
            return handle.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            return None


def _lstat(path: Path):
    try:
        return os.lstat(path)
    except OSError:
        return None
