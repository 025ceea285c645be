"""Opens article files off the UI thread, so the window paints and quits while a large or
hostile file is read.

Parsing a saved page (lxml, trafilatura, pypdf) cannot be interrupted halfway, so a
cancelled load is abandoned rather than stopped: its thread is a daemon that never keeps
the app from quitting, and its result, tagged with a job id, is dropped when it arrives.
The loaders themselves are bounded in time and memory (reader/document), so an abandoned
load ends soon on its own.
"""

from __future__ import annotations

import logging
import os
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    loaded = Signal(int, object, str)  # job id, Article, path
    failed = Signal(int, str, str)  # job id, one-sentence message, path


class LoadRunner(QObject):
    """Loads one file at a time in a background thread; passes on only the newest result."""

    loaded = Signal(object, str)  # Article, path
    failed = Signal(str, str)  # one-sentence message, path
    dropped = Signal(int)  # a cancelled or superseded load finished (for tests / logs)

    def __init__(self, parent: QObject | None = None, load=None):
        super().__init__(parent)
        self._load = load  # tests pass a slow or failing loader; default: load_article
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self._job_id = 0
        self.running = False
        self.path: str | None = None

    def start(self, path: str) -> int:
        """Start reading `path`; a load still running is abandoned."""
        self._job_id += 1
        self.running, self.path = True, path
        thread = threading.Thread(target=self._run, args=(self._job_id, path),
                                  name="article-loader", daemon=True)
        thread.start()
        return self._job_id

    def cancel(self) -> None:
        """Forget the running load: its result will be dropped."""
        self._job_id += 1
        self.running, self.path = False, None

    def _run(self, job_id: int, path: str) -> None:
        from reader.document import ArticleError, load_article
        from reader.document.errors import file_error

        try:
            article = (self._load or load_article)(path)
        except ArticleError as error:
            self._emit(self._signals.failed, job_id, str(error), path)
        except Exception as error:  # noqa: BLE001 - the window must outlive a broken loader
            from reader.document.errors import short_reason

            log.warning("loading %s failed", path, exc_info=True)
            message = str(file_error(os.fspath(path), f"could not be opened "
                                                      f"({short_reason(error)})."))
            self._emit(self._signals.failed, job_id, message, path)
        else:
            self._emit(self._signals.loaded, job_id, article, path)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window was closed and deleted meanwhile
            pass

    def _current(self, job_id: int) -> bool:
        if job_id == self._job_id and self.running:
            self.running, self.path = False, None
            return True
        self.dropped.emit(job_id)
        return False

    def _on_loaded(self, job_id: int, article, path: str) -> None:
        if self._current(job_id):
            self.loaded.emit(article, path)

    def _on_failed(self, job_id: int, message: str, path: str) -> None:
        if self._current(job_id):
            self.failed.emit(message, path)
