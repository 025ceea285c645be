"""run_gui: the window opens the path it was given, and the crash hook is put back after."""

import sys

from PySide6.QtWidgets import QApplication

import reader.app_support.logs
from reader.ui import app as app_module


def test_run_gui_opens_the_path_and_restores_hooks(qtbot, monkeypatch, article_path):
    shown = []

    def fake_exec():
        # Let the queued open happen, then look at the window as the user would.
        window = next(w for w in QApplication.topLevelWidgets()
                      if type(w).__name__ == "MainWindow" and w.isVisible())
        qtbot.waitUntil(lambda: window.article is not None, timeout=5000)
        shown.append(window.article.path)
        window.runner.cancel()
        window.close()
        return 0

    monkeypatch.setattr(reader.app_support.logs, "setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    hook = sys.excepthook
    assert app_module.run_gui([str(article_path)]) == 0
    assert shown == [str(article_path)]
    assert sys.excepthook is hook
