"""Runs the analysis off the UI thread, novelWriter-style: one-shot QRunnables that report
through signals, each tagged with a job id so a result for a document that is no longer
shown is dropped.

spaCy is imported and the model loaded inside the first job, never on the UI thread, so
the window paints the text before any of that starts.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

STAGE_MODEL, STAGE_ANALYSIS = "model", "analysis"


class AnalyzerHolder:
    """One Analyzer for the whole app, created and loaded on first use in a worker thread.
    Tests pass an already loaded one."""

    def __init__(self, model_name: str | None = None, analyzer=None):
        self.model_name = model_name
        self._analyzer = analyzer
        self._error: Exception | None = None  # a model that failed once is not retried
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._analyzer is not None

    @property
    def reduced(self) -> bool:
        """Whether the loaded analyser fell back to the rules-only pipeline."""
        return self._analyzer is not None and bool(getattr(self._analyzer, "reduced", False))

    def get(self):
        with self._lock:
            if self._error is not None:
                raise self._error
            if self._analyzer is None:
                from reader.provenance.analyzer import Analyzer

                analyzer = Analyzer(self.model_name)
                try:
                    analyzer.load()
                except Exception as error:
                    self._error = error
                    raise
                self._analyzer = analyzer
            return self._analyzer

    def analyze(self, article):
        analyzer = self.get()
        with self._lock:  # one document at a time through the pipeline
            return analyzer.analyze(article)


class _Signals(QObject):
    stage = Signal(int, str)  # job id, STAGE_*
    finished = Signal(int, object)  # job id, Analysis
    failed = Signal(int, str, bool)  # job id, one-sentence message, the model failed


class _AnalysisJob(QRunnable):
    def __init__(self, job_id: int, article, holder: AnalyzerHolder, signals: _Signals,
                 cancelled: threading.Event):
        super().__init__()
        self.job_id, self.article, self.holder = job_id, article, holder
        self.signals, self.cancelled = signals, cancelled
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
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
            analysis = self.holder.analyze(self.article)
            if not self.cancelled.is_set():
                self.signals.finished.emit(self.job_id, analysis)
        except Exception as error:  # noqa: BLE001 - the window must outlive a failed analysis
            self.signals.failed.emit(self.job_id, f"{type(error).__name__}: {error}", False)


def _model_message(error: Exception) -> str:
    text = str(error).strip()
    return text or QCoreApplication.translate(
        "AnalysisWorker", "The language model could not be loaded ({error}).").format(
        error=type(error).__name__)


class AnalysisRunner(QObject):
    """Starts analyses and passes on only the results of the newest job."""

    stage = Signal(str)  # STAGE_*
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
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._job_id = 0
        self._cancelled = threading.Event()
        self.running = False

    def start(self, article) -> int:
        self.cancel()
        self._job_id += 1
        self._cancelled = threading.Event()
        self.running = True
        self.pool.start(_AnalysisJob(self._job_id, article, self.holder, self._signals,
                                     self._cancelled))
        return self._job_id

    def cancel(self) -> None:
        """Forget the running job: its result will be dropped, a queued one never starts."""
        self._cancelled.set()
        self.pool.clear()
        self._job_id += 1
        self.running = False

    def _current(self, job_id: int) -> bool:
        if job_id == self._job_id:
            return True
        self.dropped.emit(job_id)
        return False

    def _on_stage(self, job_id: int, stage: str) -> None:
        if job_id == self._job_id:
            self.stage.emit(stage)

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
