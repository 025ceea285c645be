"""Fixtures for the window tests: one loaded Analyzer for the session, a fresh window."""

import pytest

from reader.ui.pyside_workarounds import keep_none_alive

# The tests make more void Qt calls than None's reference count survives on Python 3.11
# with PySide6 6.12 (see reader/ui/pyside_workarounds.py).
keep_none_alive()

from ui_samples import SAMPLE  # noqa: E402  (after the workaround above)


@pytest.fixture(scope="session")
def analyzer():
    from reader.provenance import Analyzer

    loaded = Analyzer()
    loaded.load()
    return loaded


@pytest.fixture
def settings(tmp_path):
    from reader.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, analyzer, settings):
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.main_window import MainWindow

    win = MainWindow(AnalyzerHolder(analyzer=analyzer), settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.loader.cancel()
    win.runner.cancel()
    win.runner.wait(30_000)


@pytest.fixture
def compare_window(qtbot, analyzer):
    """A Compare window sharing the session's Analyzer; its analyses stopped at the end."""
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.compare_window import CompareWindow

    window = CompareWindow(AnalyzerHolder(analyzer=analyzer))
    qtbot.addWidget(window)
    window.show()
    yield window
    for pane in window.panes.values():
        pane.runner.cancel()
        pane.runner.wait(30_000)


@pytest.fixture
def article_path(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


@pytest.fixture
def open_article(qtbot, window):
    """Open a file in the window and wait for its analysis (the real model runs)."""

    def run(path, timeout=30_000):
        with qtbot.waitSignal(window.runner.finished, timeout=timeout):
            assert window.open_path(str(path))
        qtbot.waitUntil(lambda: window.index is not None, timeout=timeout)
        return window.index

    return run


@pytest.fixture
def open_text(tmp_path, open_article):
    """Write `text` to a file of its own and open it like open_article."""

    def run(text, name="article.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return open_article(path)

    return run


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Corrections are saved under the user data folder: keep the tests' in tmp_path."""
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A message box a test did not ask for fails that test instead of waiting forever for
    a click offscreen. Tests that expect one patch it again themselves."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected dialog: {' | '.join(texts)}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def messages(monkeypatch):
    """QMessageBox.warning records instead of blocking."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown
