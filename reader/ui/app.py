"""`run_gui(paths)`: the QApplication, the window, the first article."""

from __future__ import annotations

import os
import sys
from typing import cast

from reader import APP_ID, APP_NAME, __version__


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    from reader.ui.pyside_workarounds import keep_none_alive

    keep_none_alive()
    # The QApplication that exists (tests make one) or a new one.
    app = cast(QApplication, QApplication.instance()
               or QApplication(argv if argv is not None else sys.argv[:1]))
    # APP_ID is reverse-DNS: org.provenancereader.ProvenanceReader → provenancereader.org.
    domain = ".".join(reversed(APP_ID.split(".")[:-1]))
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain(domain)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Wayland and the desktop file find the running app (and its icon) under this id.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(_app_icon())
    from reader.ui.translations import install_translators

    install_translators(app)
    return app


def _app_icon():
    from PySide6.QtGui import QIcon

    from reader.resources_path import resource

    icon = QIcon.fromTheme(APP_ID)
    if icon.isNull():
        icon = QIcon()
        for path in sorted(resource("icons").glob(f"{APP_ID}-*.png")):
            icon.addFile(str(path))
    return icon


# --smoke-test gives up after this long, so a packaging test never hangs.
SMOKE_TEST_TIMEOUT_MS = 300_000


def run_gui(paths: list[str], model_name: str | None = None, smoke_test: bool = False,
            compare: list[str] | None = None) -> int:
    """Open the window with the first of `paths` (the library window if it is a folder;
    Compare on the two files of `compare`). With `smoke_test`, quit as soon as its
    analysis is shown (exit 0) or fails (exit 1): packaging tests run the built app so."""
    from reader.app_support.logs import setup_logging
    from reader.app_support.settings_guard import guard_settings_file

    setup_logging()
    app = create_application()
    from reader.ui.crash_dialog import install_excepthook

    # Installed before the window exists, so an error while building it gets the dialog too.
    window = None
    uninstall_hook = install_excepthook(lambda: window)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings, settings_path

    # A settings file QSettings cannot parse is set aside before it is opened.
    notice = guard_settings_file(settings_path())
    settings = Settings()
    # --model wins over the model chosen in the window last time.
    holder = AnalyzerHolder(model_name or settings.value("analysis/model") or None)
    if compare or (paths and os.path.isdir(paths[0])):
        return _run_other_window(app, holder, settings, paths, compare, uninstall_hook)
    window = MainWindow(holder, settings)
    window.show()
    if smoke_test:
        window.runner.finished.connect(lambda _analysis: app.exit(0))
        window.runner.failed.connect(lambda _message, _model: app.exit(1))
        window.loader.failed.connect(lambda _message, _path: app.exit(1))
        QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, lambda: app.exit(2))
    if notice:
        QTimer.singleShot(0, window, lambda: QMessageBox.warning(
            window, QCoreApplication.translate("App", "Settings reset"), notice))
    # Read the file once the event loop runs, so the empty window paints first.
    if paths:
        QTimer.singleShot(0, window, lambda: window.open_path(paths[0]))
    code = app.exec()
    window.loader.cancel()
    window.runner.cancel()
    uninstall_hook()
    return code


def _run_other_window(app, holder, settings, paths, compare, uninstall_hook) -> int:
    """`--compare A B` or a folder: Compare or the library as the first window."""
    from PySide6.QtCore import QTimer

    from reader.ui import windows

    def start() -> None:
        if compare:
            opened = windows.open_compare(holder, settings, compare[0], compare[1])
        else:
            opened = windows.open_collection(holder, settings, paths[0])
        if opened is None:
            app.exit(1)

    QTimer.singleShot(0, start)
    code = app.exec()
    for window in windows.open_windows():
        window.close()
    uninstall_hook()
    return code
