"""An uncaught exception shows a dialog with the details, never a silent exit.

    from reader.ui.crash_dialog import install_excepthook
    install_excepthook(lambda: window)     # once the QApplication exists

The hook logs the traceback (to the log file, reader/app_support/logs.py), then shows
CrashDialog: what happened in plain words, the details in a read-only box, a "Copy details"
button and Close. The event loop keeps running, so the reader can save its work or carry on.
Exceptions raised in other threads (a worker's QRunnable, a Python thread) are handed to the
GUI thread by a queued signal, because widgets may only be created there.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QStyle, QVBoxLayout, QWidget)

from reader import APP_NAME, __version__

log = logging.getLogger(__name__)

def format_details(exc_type, exc_value, exc_tb) -> str:
    """The text a user copies into a bug report: version, platform and the traceback."""
    header = (f"{APP_NAME} {__version__}\nPython {platform.python_version()} on "
              f"{platform.platform()}\n\n")
    return header + "".join(traceback.format_exception(exc_type, exc_value, exc_tb))


class CrashDialog(QDialog):
    def __init__(self, details: str, summary: str, log_file: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("%s: unexpected error") % APP_NAME)
        self.setMinimumWidth(560)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        where = (self.tr("The details are also saved in the log file:\n%s") % log_file
                 if log_file else self.tr("The details could not be saved to a log file."))
        message = QLabel(self.tr(
            "Something went wrong inside %s: %s\n\nYou can keep reading, but the last action "
            "may not have finished. Please copy the details below into a bug report.\n\n%s")
            % (APP_NAME, summary, where))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(message, 1)
        self.details_box = QPlainTextEdit(details)
        self.details_box.setReadOnly(True)
        self.details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_box.setAccessibleName(self.tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # ActionRole: the button runs copy_details and leaves the dialog open.
        self.copy_button = buttons.addButton(self.tr("&Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_box, 1)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class _CrashReporter(QObject):
    """Lives in the GUI thread; a queued signal brings other threads' exceptions to it."""

    report = Signal(str, str)

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        super().__init__()
        self._parent_getter = parent_getter
        self._showing = False
        self.report.connect(self._show)

    @Slot(str, str)
    def _show(self, details: str, summary: str) -> None:
        if self._showing:  # an error inside the error dialog, or a burst: one dialog at a time
            return
        self._showing = True
        try:
            try:
                parent = self._parent_getter()
            except Exception:  # noqa: BLE001 - the window itself may be what broke
                parent = None
            dialog = CrashDialog(details, summary, _log_file(), parent)
            dialog.exec()
            dialog.deleteLater()
        finally:
            self._showing = False


def _log_file() -> str | None:
    from reader.app_support.logs import log_path

    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if filename:
            return filename
    path = log_path()
    return str(path) if path.exists() else None


def install_excepthook(parent_getter: Callable[[], QWidget | None]) -> Callable[[], None]:
    """Show every uncaught exception in a CrashDialog (and log it). Call after the
    QApplication exists. Returns a function that puts the previous hooks back."""
    previous_sys, previous_threading = sys.excepthook, threading.excepthook
    reporter = _CrashReporter(parent_getter)

    def hook(exc_type, exc_value, exc_tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc_value, exc_tb)
            return
        log.critical("Uncaught exception", exc_info=(exc_type, exc_value, exc_tb))
        app = QApplication.instance()
        if app is None:  # no GUI to show it in (yet, or any more): at least print it
            previous_sys(exc_type, exc_value, exc_tb)
            return
        details = format_details(exc_type, exc_value, exc_tb)
        summary = "".join(traceback.format_exception_only(exc_type, exc_value)).strip()
        if QThread.currentThread() == app.thread():
            reporter._show(details, summary)
        else:
            reporter.report.emit(details, summary)  # queued to the GUI thread

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_threading
        reporter.deleteLater()

    return uninstall
