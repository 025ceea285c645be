"""An uncaught exception is logged and shown in a dialog with the details and a copy button."""

import logging
import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from reader.ui import crash_dialog
from reader.ui.crash_dialog import CrashDialog, install_excepthook


def _exc_info(message="the analysis blew up"):
    try:
        raise RuntimeError(message)
    except RuntimeError:
        return sys.exc_info()


@pytest.fixture
def shown(monkeypatch, qapp):
    """Every CrashDialog that would have been shown; exec returns at once."""
    dialogs = []

    def fake_exec(self):
        dialogs.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return dialogs


@pytest.fixture
def hook(shown, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    uninstall = install_excepthook(lambda: parent)
    yield parent
    uninstall()


def test_uncaught_exception_shows_the_details(hook, shown):
    sys.excepthook(*_exc_info())
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.parent() is hook
    assert "RuntimeError: the analysis blew up" in dialog.details
    assert "Traceback (most recent call last)" in dialog.details
    assert dialog.details_box.toPlainText() == dialog.details
    assert dialog.details_box.isReadOnly()


def test_copy_details_puts_them_on_the_clipboard_and_keeps_the_dialog(hook, shown, qtbot):
    sys.excepthook(*_exc_info())
    dialog = shown[0]
    dialog.show()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details
    assert dialog.isVisible()


def test_the_exception_is_logged(hook, shown, caplog):
    with caplog.at_level(logging.CRITICAL, logger="reader.ui.crash_dialog"):
        sys.excepthook(*_exc_info("logged too"))
    assert any(r.exc_info and "logged too" in str(r.exc_info[1]) for r in caplog.records)


def test_an_exception_in_another_thread_reaches_the_gui_thread(hook, shown, qtbot):
    def work():
        raise ValueError("from a worker thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5_000)
    assert "ValueError: from a worker thread" in shown[0].details


def test_a_broken_parent_getter_still_shows_the_dialog(shown, qtbot):
    def broken():
        raise AttributeError("no window yet")

    uninstall = install_excepthook(broken)
    try:
        sys.excepthook(*_exc_info())
    finally:
        uninstall()
    assert len(shown) == 1 and shown[0].parent() is None


def test_an_error_while_the_dialog_is_open_opens_no_second_one(hook, monkeypatch, qapp):
    opened = []

    def exec_and_fail_again(self):
        opened.append(self)
        sys.excepthook(*_exc_info("second"))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CrashDialog, "exec", exec_and_fail_again)
    sys.excepthook(*_exc_info("first"))
    assert len(opened) == 1


def test_keyboard_interrupt_goes_to_the_previous_hook(shown, qapp, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info[0]))
    uninstall = install_excepthook(lambda: None)
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            sys.excepthook(*sys.exc_info())
    finally:
        uninstall()
    assert seen == [KeyboardInterrupt] and not shown


def test_uninstall_restores_the_previous_hooks(qapp):
    before = sys.excepthook, threading.excepthook
    uninstall = install_excepthook(lambda: None)
    assert sys.excepthook is not before[0]
    uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_details_name_the_version_and_platform():
    from reader import APP_NAME, __version__

    details = crash_dialog.format_details(*_exc_info())
    assert details.startswith(f"{APP_NAME} {__version__}\nPython ")


def test_an_exception_in_a_qt_slot_shows_the_dialog(hook, shown, qtbot):
    from PySide6.QtCore import QTimer

    def slot():
        raise LookupError("raised in a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5_000)
    assert "LookupError: raised in a slot" in shown[0].details
