"""A file is read off the UI thread: the window paints, shows progress and Cancel, and
quits while a slow or hostile file is being read; a correction that could not be saved
is not lost silently when the window closes."""

import errno
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox


def slow_loader(release: threading.Event):
    """A load that takes as long as the test wants, the way a huge page keeps lxml busy."""
    from reader.document import load_article

    def load(path):
        release.wait(20)
        return load_article(path)
    return load


def ticks_while(qtbot, condition, wanted=10, timeout_ms=10_000):
    """Wait until a 10 ms timer has fired `wanted` times in the window's event loop while
    `condition` holds. A load on the UI thread would block that loop for the loader's whole
    20 s wait, so the timer could not fire; a busy machine only makes the ticks come later,
    which is why the test waits for a count rather than counting in a fixed time."""
    count = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: count.__setitem__(0, count[0] + 1))
    timer.start(10)
    try:
        qtbot.waitUntil(lambda: count[0] >= wanted, timeout=timeout_ms)
    finally:
        timer.stop()
    assert condition()
    return count[0]


def test_the_window_keeps_painting_while_a_file_is_read(qtbot, window, article_path):
    release = threading.Event()
    window.loader._load = slow_loader(release)
    window.open_path(str(article_path))
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert "Opening “harbour.txt”" in window.status_label.text()
    assert ticks_while(qtbot, lambda: window.loader.running) >= 10  # the UI thread is free
    assert window.article is None
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        release.set()
    assert window.article.path == str(article_path)


def test_cancel_stops_opening_and_keeps_the_document(qtbot, window, article_path, tmp_path,
                                                     open_article):
    open_article(article_path)
    shown = window.view.toPlainText()
    release = threading.Event()
    window.loader._load = slow_loader(release)
    other = tmp_path / "other.txt"
    other.write_text("Other Story\n\n“Nothing to add,” the spokesman said.\n", encoding="utf-8")
    window.open_path(str(other))
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.loader.running and not window.cancel_button.isVisible()
    assert window.status_label.text() == "Opening cancelled."
    with qtbot.waitSignal(window.loader.dropped, timeout=30_000):
        release.set()  # the abandoned load ends; its article is not shown
    assert window.view.toPlainText() == shown


def test_the_window_quits_during_a_slow_load(qtbot, window, article_path):
    release = threading.Event()
    window.loader._load = slow_loader(release)
    window.open_path(str(article_path))
    qtbot.wait(100)
    started = time.monotonic()
    window.actions["quit"].trigger()  # Ctrl+Q
    assert not window.isVisible()
    assert time.monotonic() - started < 2
    release.set()


def test_a_hostile_file_fails_in_the_background_with_one_sentence(qtbot, window, tmp_path,
                                                                   messages):
    page = tmp_path / "doctype.html"
    page.write_text("<!DOCTYPE a [" * 80_000, encoding="utf-8")
    window.open_path(str(page))
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    title, text = messages[0]
    assert "doctype.html" in text and "\n" not in text
    assert not window.progress.isVisible() and window.article is None


class FullDisk:
    """A corrections store whose disk is full until `space` is set."""

    def __init__(self, real):
        self.real, self.space = real, False

    def __getattr__(self, name):
        return getattr(self.real, name)

    def save(self, *args, **kwargs):
        if not self.space:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real.save(*args, **kwargs)


@pytest.fixture
def full_disk_window(qtbot, analyzer, settings, tmp_path):
    from reader.corrections import CorrectionStore
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.main_window import MainWindow

    store = FullDisk(CorrectionStore(tmp_path / "corrections"))
    win = MainWindow(AnalyzerHolder(analyzer=analyzer), settings, store=store)
    qtbot.addWidget(win)
    win.show()
    yield win, store
    win.runner.cancel()


def _correct_something(qtbot, window, article_path):
    from reader.corrections import RemoveSpan

    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.open_path(str(article_path))
    qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)
    span = window.corrections.analysis.spans[0]
    window.corrections.push(RemoveSpan.of(window.article.text, span))
    assert "could not be saved" in window.status_label.text()


@pytest.mark.parametrize("answer, closes", [(QMessageBox.StandardButton.Cancel, False),
                                            (QMessageBox.StandardButton.Discard, True)])
def test_quitting_with_an_unsaved_correction_asks(qtbot, full_disk_window, article_path,
                                                  monkeypatch, answer, closes):
    window, store = full_disk_window
    _correct_something(qtbot, window, article_path)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: asked.append(text) or answer)
    window.actions["quit"].trigger()
    assert len(asked) == 1 and "could not be saved" in asked[0]
    assert window.isVisible() is not closes


def test_quitting_saves_again_once_there_is_space(qtbot, full_disk_window, article_path,
                                                  monkeypatch):
    window, store = full_disk_window
    _correct_something(qtbot, window, article_path)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("asked"))
    store.space = True
    window.actions["quit"].trigger()
    assert not window.isVisible()
    assert store.real.load(window.article.text).corrections  # the correction is on disk


def test_opening_another_article_with_an_unsaved_correction_asks(qtbot, full_disk_window,
                                                                  article_path, monkeypatch):
    window, store = full_disk_window
    _correct_something(qtbot, window, article_path)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.Cancel)
    assert window.open_path(str(article_path)) == 0  # stays, with its correction
    assert len(asked) == 1 and window.corrections.count() == 1 and not window.loader.running
