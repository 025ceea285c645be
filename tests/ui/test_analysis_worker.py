"""Background analysis: results of a job for a document no longer shown are dropped."""

import threading

from reader.document.model import Article
from reader.provenance.model import Analysis
from reader.ui.analysis_worker import AnalysisRunner, AnalyzerHolder


class GatedAnalyzer:
    """Analyses only when the test lets it, so job order can be forced."""

    def __init__(self):
        self.gates: dict[str, threading.Event] = {}

    def analyze(self, article):
        self.gates.setdefault(article.text, threading.Event()).wait(10)
        return Analysis(model=article.text)


def test_stale_result_is_dropped(qtbot):
    fake = GatedAnalyzer()
    runner = AnalysisRunner(AnalyzerHolder(analyzer=fake))
    first, second = Article(text="first"), Article(text="second")
    fake.gates["first"] = threading.Event()
    fake.gates["second"] = threading.Event()
    results, dropped = [], []
    runner.finished.connect(results.append)
    runner.dropped.connect(dropped.append)
    old_job = runner.start(first)
    runner.start(second)  # the user opened another file
    fake.gates["first"].set()
    fake.gates["second"].set()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert runner.wait(5000)
    qtbot.wait(50)
    assert [r.model for r in results] == ["second"]
    # A result that was already on its way when the second file was opened:
    runner._signals.finished.emit(old_job, Analysis(model="first"))
    qtbot.wait(50)
    assert [r.model for r in results] == ["second"]
    assert dropped == [old_job]


def test_cancel_drops_the_running_job(qtbot):
    fake = GatedAnalyzer()
    runner = AnalysisRunner(AnalyzerHolder(analyzer=fake))
    fake.gates["text"] = threading.Event()
    results = []
    runner.finished.connect(results.append)
    runner.start(Article(text="text"))
    runner.cancel()
    fake.gates["text"].set()
    assert runner.wait(5000)
    qtbot.wait(50)
    assert results == [] and not runner.running


def test_model_failure_is_reported(qtbot):
    class Broken(AnalyzerHolder):
        def get(self):
            raise RuntimeError("The language model xx could not be loaded.")

    runner = AnalysisRunner(Broken())
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(Article(text="text"))
    message, model_failed = blocker.args
    assert model_failed and "could not be loaded" in message
