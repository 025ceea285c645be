"""Runs the analysis off the UI thread, novelWriter-style: one-shot QRunnables that report
through signals, each tagged with a job id so a result for a document that is no longer
shown is dropped.

spaCy is imported and the model loaded inside the first job, never on the UI thread, so
the window paints the text before any of that starts. A job first asks the disk cache
(reader.provenance.cache): an article analysed before comes back without loading the
model at all. A long document is analysed in chunks, and each chunk's part is passed on
(`progress`) so the window can colour it while the rest is analysed.
"""

from __future__ import annotations

import gc
import logging
import threading
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

STAGE_MODEL, STAGE_ANALYSIS = "model", "analysis"

log = logging.getLogger(__name__)


_heap_frozen = False


def _freeze_heap() -> None:
    """Once the model is in memory, move its objects out of the cyclic collector's way
    (gc.freeze): otherwise every full collection walks them all, and one that runs in the
    worker thread holds the GIL, and so the window, for 60-80 ms."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


class AnalyzerHolder:
    """One Analyzer for the whole app, created on first use and loaded in a worker thread.
    Its disk cache (reader.provenance.cache) is looked up before the model is loaded, so a
    document analysed before comes back without spaCy. Tests pass an already loaded one."""

    def __init__(self, model_name: str | None = None, analyzer=None):
        self.model_name = model_name
        self._analyzer = analyzer
        self._error: Exception | None = None  # a model that failed once is not retried
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the model is loaded (an analyser without `loaded` counts as loaded)."""
        return self._analyzer is not None and bool(getattr(self._analyzer, "loaded", True))

    @property
    def reduced(self) -> bool:
        """Whether the loaded analyser fell back to the rules-only pipeline (never loads it)."""
        return self.loaded and bool(getattr(self._analyzer, "reduced", False))

    @property
    def learned_missing(self) -> bool:
        """Whether the learned tagger's weights did not load, so the rules run alone
        (never loads the model)."""
        return self.loaded and bool(getattr(self._analyzer, "learned_missing", False))

    def _create(self):
        """The Analyzer, made (not loaded) if there is none yet; call with the lock held."""
        if self._analyzer is None:
            from reader.provenance.analyzer import Analyzer
            from reader.provenance.cache import AnalysisCache

            self._analyzer = Analyzer(self.model_name, cache=AnalysisCache())
        return self._analyzer

    def cached(self, article, english_anyway: bool = False):
        """The cached analysis of `article`, or None; imports neither spaCy nor the model.
        `english_anyway`: the English analysis asked for on a text that is not English."""
        with self._lock:
            if self._error is not None:
                return None
            analyzer = self._create()
            lookup = getattr(analyzer, "cached", None)
            if lookup is None:
                return None
            try:
                return lookup(article, english_anyway=True) if english_anyway else lookup(article)
            except Exception:  # noqa: BLE001 - a broken cache costs the hit, not the analysis
                log.warning("the analysis cache could not be read", exc_info=True)
                return None

    def get(self):
        with self._lock:
            if self._error is not None:
                raise self._error
            analyzer = self._create()
            if not getattr(analyzer, "loaded", True):
                try:
                    analyzer.load()
                except Exception as error:
                    self._error = error
                    raise
            _freeze_heap()
            return analyzer

    def analyze(self, article, english_anyway: bool = False):
        analyzer = self.get()
        with self._lock:  # one document at a time through the pipeline
            if english_anyway:
                return analyzer.analyze(article, english_anyway=True)
            return analyzer.analyze(article)

    def iter_analyze(self, article, english_anyway: bool = False):
        """Progress steps (done, total, part, merged) of the analysis of `article`: one per
        chunk of a long document, a single one otherwise."""
        analyzer = self.get()
        with self._lock:
            steps = getattr(analyzer, "iter_analyze", None)
            forced = {"english_anyway": True} if english_anyway else {}
            if steps is None:
                analysis = analyzer.analyze(article, **forced)
                total = len(article.text)
                yield Step(done=total, total=total, part=analysis, merged=analysis)
                return
            yield from steps(article, **forced)


class Step(NamedTuple):
    """What chunking.ChunkProgress carries, for analysers that only have analyze()."""

    done: int
    total: int
    part: object
    merged: object


class _Signals(QObject):
    stage = Signal(int, str)  # job id, STAGE_*
    progress = Signal(int, int, int, object)  # job id, done, total, the chunk's Analysis
    prepared = Signal(int, object)  # job id, what AnalysisRunner.prepare returned
    finished = Signal(int, object)  # job id, Analysis
    failed = Signal(int, str, bool)  # job id, one-sentence message, the model failed


class _AnalysisJob(QRunnable):
    def __init__(self, job_id: int, article, holder: AnalyzerHolder, signals: _Signals,
                 cancelled: threading.Event, prepare=None, english_anyway: bool = False):
        super().__init__()
        self.job_id, self.article, self.holder = job_id, article, holder
        self.english_anyway = english_anyway
        self.signals, self.cancelled = signals, cancelled
        self.prepare = prepare
        self.setAutoDelete(True)

    def _finish(self, analysis) -> None:
        if self.cancelled.is_set():
            return
        if self.prepare is not None:
            try:
                extra = self.prepare(self.article, analysis)
            except Exception:  # noqa: BLE001 - the window then does it itself
                log.warning("preparing the analysis for the window failed", exc_info=True)
            else:
                self.signals.prepared.emit(self.job_id, extra)
        if not self.cancelled.is_set():
            self.signals.finished.emit(self.job_id, analysis)

    def run(self) -> None:
        try:
            hit = self.holder.cached(self.article, self.english_anyway)
            if hit is not None:
                self._finish(hit)
                return
            if not self.holder.loaded:
                self.signals.stage.emit(self.job_id, STAGE_MODEL)
                try:
                    self.holder.get()
                except Exception as error:  # noqa: BLE001 - ModelError, or a broken install
                    self.signals.failed.emit(self.job_id, _model_message(error), True)
                    return
            if self.cancelled.is_set():
                return
            self.signals.stage.emit(self.job_id, STAGE_ANALYSIS)
            steps = self.holder.iter_analyze(self.article, self.english_anyway)
            analysis = None
            try:
                for step in steps:
                    if self.cancelled.is_set():
                        return
                    analysis = step.merged
                    if step.done < step.total:  # the last step's part comes with finished
                        self.signals.progress.emit(self.job_id, step.done, step.total, step.part)
            finally:
                steps.close()  # a cancelled analysis lets go of the pipeline at once
            self._finish(analysis)
        except Exception as error:  # noqa: BLE001 - the window must outlive a failed analysis
            from reader.document.errors import short_reason

            self.signals.failed.emit(self.job_id, short_reason(error), False)


def _model_message(error: Exception) -> str:
    text = str(error).strip()
    return text or QCoreApplication.translate(
        "AnalysisWorker", "The language model could not be loaded ({error}).").format(
        error=type(error).__name__)


class AnalysisRunner(QObject):
    """Starts analyses and passes on only the results of the newest job."""

    stage = Signal(str)  # STAGE_*
    progress = Signal(int, int, object)  # done, total (characters), the chunk's Analysis
    finished = Signal(object)  # Analysis of the current document
    failed = Signal(str, bool)  # message, whether the model is the cause
    dropped = Signal(int)  # a stale job's result arrived and was ignored (for tests / logs)

    def __init__(self, holder: AnalyzerHolder, parent: QObject | None = None):
        super().__init__(parent)
        self.holder = holder
        self.pool = QThreadPool(self)
        # spaCy is not thread-safe for one pipeline; a newer job waits for the running one.
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.stage.connect(self._on_stage)
        self._signals.progress.connect(self._on_progress)
        self._signals.prepared.connect(self._on_prepared)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._job_id = 0
        self._cancelled = threading.Event()
        self.running = False
        # Optional: called in the worker thread as prepare(article, analysis) once an
        # analysis is ready, for pure-Python work the window would otherwise do on the UI
        # thread; its result is `prepared` when `finished` is emitted (None if it failed).
        self.prepare = None
        self.prepared = None

    def start(self, article, english_anyway: bool = False) -> int:
        """Analyse `article` (`english_anyway`: with the English rules even if it is not
        English)."""
        self.cancel()
        self._job_id += 1
        self._cancelled = threading.Event()
        self.running = True
        self.pool.start(_AnalysisJob(self._job_id, article, self.holder, self._signals,
                                     self._cancelled, self.prepare, english_anyway))
        return self._job_id

    def cancel(self) -> None:
        """Forget the running job: its result will be dropped, a queued one never starts."""
        self._cancelled.set()
        self.pool.clear()
        self._job_id += 1
        self.running = False
        self.prepared = None

    def _current(self, job_id: int) -> bool:
        if job_id == self._job_id:
            return True
        self.dropped.emit(job_id)
        return False

    def _on_stage(self, job_id: int, stage: str) -> None:
        if job_id == self._job_id:
            self.stage.emit(stage)

    def _on_progress(self, job_id: int, done: int, total: int, part) -> None:
        if job_id == self._job_id:
            self.progress.emit(done, total, part)

    def _on_prepared(self, job_id: int, extra) -> None:
        if job_id == self._job_id:
            self.prepared = extra

    def _on_finished(self, job_id: int, analysis) -> None:
        if self._current(job_id):
            self.running = False
            self.finished.emit(analysis)

    def _on_failed(self, job_id: int, message: str, model_failed: bool) -> None:
        if self._current(job_id):
            self.running = False
            self.failed.emit(message, model_failed)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
