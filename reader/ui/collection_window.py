"""File › Open Folder…: a library of the saved articles in a folder (recursively), one row
each with its figures and a bar of who speaks, sortable by every column.

The folder is listed, and every article loaded, looked up in the analysis cache and, if
need be, analysed, in a child process with its own model (reader/export/collection:
run_in_child, cached rows first); a worker thread passes the rows on, and they reach the
table in batches a few times a second, so the window stays responsive with hundreds of
articles. Double-click opens an article; with two selected,
Compare opens them side by side.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QObject, QRunnable,
                            QSortFilterProxyModel, Qt, QThreadPool, QTimer, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from reader import APP_NAME
from reader.ui.collection_model import BAR_SIZE, KEYS, PATH_ROLE, SORT_ROLE, CollectionModel
from reader.ui.voice_bars import VoiceKey
from reader.ui.translations import english_plural

# Rows are handed to the table this often (ms), at most FLUSH_ROWS each time, so that no
# one turn of the event loop measures and paints more than a handful.
FLUSH_INTERVAL_MS = 50
FLUSH_ROWS = 10


def _tr(text: str) -> str:
    return QCoreApplication.translate("CollectionWindow", text)


class _Signals(QObject):
    listed = Signal(int, object)  # job id, [Path]
    rows = Signal(int, object)  # job id, [(position, CollectionRow)]
    finished = Signal(int)


class _CollectionJob(QRunnable):
    """Starts the child process that lists the folder and measures every article
    (reader/export/collection.run_in_child), and passes its rows on in handfuls. This
    thread only waits on the pipe, so it never holds the interpreter lock for long."""

    def __init__(self, job_id: int, folder: str, model: str | None, signals: _Signals,
                 cancelled: threading.Event):
        super().__init__()
        self.job_id, self.folder, self.model = job_id, folder, model
        self.signals, self.cancelled = signals, cancelled
        self.setAutoDelete(True)

    def run(self) -> None:
        import multiprocessing

        from reader.export.collection import run_in_child

        context = multiprocessing.get_context("spawn")  # fork would copy Qt and its threads
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=run_in_child, daemon=True,
                                args=(self.folder, self.model, True, True, send))
        try:
            child.start()
            send.close()  # the child's end: ours must not keep the pipe open
            batch: list = []
            while not self.cancelled.is_set():
                if not receive.poll(0.1):
                    if batch:
                        self.signals.rows.emit(self.job_id, batch)
                        batch = []
                    if not child.is_alive() and not receive.poll(0):
                        break
                    continue
                try:
                    message = receive.recv()
                except (EOFError, OSError):
                    break
                if message[0] == "listed":
                    self.signals.listed.emit(self.job_id, message[1])
                elif message[0] == "row":
                    batch.append((message[1], message[2]))
                    if len(batch) >= 50:
                        self.signals.rows.emit(self.job_id, batch)
                        batch = []
                else:
                    break
            if batch:
                self.signals.rows.emit(self.job_id, batch)
        finally:
            if child.is_alive():
                child.terminate()
            child.join(5)
            receive.close()
            self.signals.finished.emit(self.job_id)


class CollectionWindow(QMainWindow):
    openRequested = Signal(str)  # an article's path
    compareRequested = Signal(str, str)
    finished = Signal()  # every row is filled

    def __init__(self, holder, palette_name: str = "light", parent=None):
        """`holder`: the app's AnalyzerHolder, for the model's name (the rows are measured
        in a child process with a model of its own)."""
        super().__init__(parent)
        self.holder = holder
        self.folder: str | None = None
        self.model = CollectionModel(self, palette_name)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        # Rows stay where they are while they fill in (no re-sorting hundreds of rows a
        # few times a second); a click on a heading sorts, and so does the end of filling.
        self.proxy.setDynamicSortFilter(False)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setIconSize(BAR_SIZE)  # the who-speaks bars, drawn once per row
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for key, width in (("file", 190), ("title", 300), ("who_speaks", 200),
                           ("publisher", 120), ("date", 90), ("words", 60), ("quotes", 60),
                           ("paraphrases", 85), ("sources", 60), ("anonymous_share", 85),
                           ("unattributed_claims", 90), ("framing_per_1000", 100)):
            self.table.setColumnWidth(KEYS.index(key), width)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.folder_label = QLabel(self)
        self.open_button = QPushButton(_tr("&Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button = QPushButton(_tr("&Compare the Two Selected"), self)
        self.compare_button.clicked.connect(self.compare_selected)
        self.csv_button = QPushButton(_tr("Save as &CSV…"), self)
        self.csv_button.clicked.connect(self.save_csv_dialog)
        self.key = VoiceKey(self)
        self.key.set_palette(palette_name)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.compare_button)
        top.addWidget(self.csv_button)
        key_row = QHBoxLayout()
        key_row.addWidget(QLabel(_tr("Who speaks:"), self))
        key_row.addWidget(self.key, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addLayout(key_row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(_tr("Stop"), self)
        self.cancel_button.setToolTip(_tr("Stop measuring; the rows filled so far stay"))
        self.cancel_button.clicked.connect(self.cancel)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.listed.connect(self._on_listed)
        self._signals.rows.connect(self._on_rows)
        self._signals.finished.connect(self._on_finished)
        self._job_id = 0
        self._cancelled = threading.Event()
        self.running = False
        self._pending: list = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._update_buttons()
        self.setWindowTitle(_tr("Library — {app}").format(app=APP_NAME))
        self.resize(1700, 900)

    # Filling -----------------------------------------------------------------------------

    def open_folder(self, folder: str) -> None:
        self.cancel()
        # The rows come in file order; until they are all in, the proxy does not sort
        # (sorting hundreds of rows asks Python for every comparison).
        self.proxy.sort(-1)
        self.folder = str(Path(folder).resolve())
        self.model.set_paths(self.folder, [])
        self.folder_label.setText(_tr("<b>{folder}</b>").format(folder=self.folder))
        self.setWindowTitle(_tr("{name} — Library — {app}").format(
            name=Path(self.folder).name or self.folder, app=APP_NAME))
        self.status_label.setText(_tr("Looking for articles…"))
        self.progress.setRange(0, 0)
        self._show_progress(True)
        self._job_id += 1
        self._cancelled = threading.Event()
        self.running = True
        self.pool.start(_CollectionJob(self._job_id, self.folder,
                                       getattr(self.holder, "model_name", None),
                                       self._signals, self._cancelled))
        self._flush_timer.start()

    def cancel(self) -> None:
        self._cancelled.set()
        self._job_id += 1
        if self.running:
            self.running = False
            self._flush(everything=True)
            self._flush_timer.stop()
            self._show_progress(False)
            total = len(self.model.paths)
            self.status_label.setText(english_plural(QCoreApplication.translate(
                "CollectionWindow", "Stopped: {done} of %n article(s) measured.", None, total),
                total).format(done=self.model.done))

    def set_palette(self, palette_name: str) -> None:
        """The who-speaks bars and their key in another palette (the main window's View ›
        Palette, or the system switching between light and dark)."""
        self.model.set_palette(palette_name)
        self.key.set_palette(palette_name)

    follow_palette = set_palette

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _on_listed(self, job_id: int, paths) -> None:
        if job_id != self._job_id:
            return
        self.model.set_paths(self.folder, paths)
        self.progress.setRange(0, max(1, len(paths)))
        self._set_progress(0)
        if not paths:
            self.status_label.setText(_tr("No article files in this folder."))
        else:
            self.status_label.setText(english_plural(QCoreApplication.translate(
                "CollectionWindow", "%n article(s); reading the analyses…", None, len(paths)),
                len(paths)))

    def _on_rows(self, job_id: int, rows) -> None:
        if job_id == self._job_id:
            self._pending.extend(rows)

    def _flush(self, everything: bool = False) -> None:
        if not self._pending:
            return
        count = len(self._pending) if everything else FLUSH_ROWS
        pending, self._pending = self._pending[:count], self._pending[count:]
        self.model.set_rows(pending)
        done, total = self.model.done, len(self.model.paths)
        self._set_progress(done)
        self.status_label.setText(english_plural(QCoreApplication.translate(
            "CollectionWindow", "{done} of %n article(s) measured…", None, total), total
        ).format(done=done))

    def _on_finished(self, job_id: int) -> None:
        if job_id != self._job_id:
            return
        if self._pending:  # the last rows go in at the pace of the others
            QTimer.singleShot(FLUSH_INTERVAL_MS, self, lambda j=job_id: self._on_finished(j))
            return
        self.running = False
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        # Unsorted, the rows are in file order already: sort only for another order.
        if (column, order) != (0, Qt.SortOrder.AscendingOrder):
            self.proxy.sort(column, order)
        self._flush_timer.stop()
        self._show_progress(False)
        failed = sum(1 for r in self.model.rows if r is not None and r.error)
        text = english_plural(QCoreApplication.translate(
            "CollectionWindow", "%n article(s).", None, len(self.model.paths)), len(self.model.paths))
        if failed:
            text += " " + _tr("{n} could not be read or analysed (see Problem).").format(n=failed)
        unread = sum(1 for r in self.model.rows
                     if r is not None and r.figures is not None and not r.figures.analysed)
        if unread:
            text += " " + english_plural(QCoreApplication.translate(
                "CollectionWindow", "%n not in English, so not analysed (see Who speaks).",
                None, unread), unread)
        self.status_label.setText(text)
        self.finished.emit()

    def _set_progress(self, value: int) -> None:
        # QProgressBar.setValue repaints the whole window at once (synchronously), which
        # with a table of hundreds of rows stalls the event loop; this repaints later.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    # Choosing ----------------------------------------------------------------------------

    def selected_paths(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, PATH_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def _update_buttons(self, *_args) -> None:
        count = len(self.selected_paths())
        self.open_button.setEnabled(count == 1)
        self.compare_button.setEnabled(count == 2)

    def _on_double_click(self, index) -> None:
        self.openRequested.emit(self.proxy.data(index, PATH_ROLE))

    def open_selected(self) -> None:
        paths = self.selected_paths()
        if len(paths) == 1:
            self.openRequested.emit(paths[0])

    def compare_selected(self) -> None:
        paths = self.selected_paths()
        if len(paths) == 2:
            self.compareRequested.emit(paths[0], paths[1])

    def save_csv_dialog(self) -> None:
        start = str(Path(self.folder or Path.home()) / "collection.csv")
        path, _ = QFileDialog.getSaveFileName(self, _tr("Save the table as CSV"), start,
                                              _tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def save_csv(self, path: str) -> bool:
        from reader.export.collection import CollectionRow, write_csv

        rows = [r if r is not None else CollectionRow(str(p), error=_tr("not measured yet"))
                for p, r in zip(self.model.paths, self.model.rows)]
        try:
            write_csv(path, rows)
        except OSError as error:
            QMessageBox.warning(self, _tr("Cannot save the table"),
                                _tr("{path}: {reason}").format(
                                    path=path, reason=error.strerror or error))
            return False
        return True

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)
