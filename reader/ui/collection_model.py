"""The library table's model: a row per article file of a folder, its figures filled in as
they arrive (reader/export/collection.CollectionRow), sortable by every column."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from reader.export.collection import CollectionRow

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CollectionRow (None while pending)
PATH_ROLE = Qt.ItemDataRole.UserRole + 2

# (key, title, tooltip): CollectionRow.value keys, plus "file" and the who-speaks bar.
COLUMNS = (
    ("file", "File", "The file, relative to the folder"),
    ("title", "Title", ""),
    ("who_speaks", "Who speaks", "Quoted, retold, anonymous, unattributed and the "
                                 "writer's own words (sorts by the writer's share)"),
    ("publisher", "Publisher", ""),
    ("date", "Date", ""),
    ("words", "Words", "Words of the article itself (not captions or credits)"),
    ("quotes", "Quotes", "Spans of a source's exact words"),
    ("paraphrases", "Paraphrases", "Spans of a source's words retold by the writer"),
    ("sources", "Sources", "People, organisations, documents, groups and anonymous sources"),
    ("anonymous_share", "Anonymous", "Of the words given to any source, the share given to "
                                     "anonymous sources"),
    ("unattributed_claims", "Unattributed", "Claims nobody is named for"),
    ("framing_per_1000", "Framing /1,000", "The writer's framing spans per 1,000 words"),
    ("error", "Problem", "Why a file could not be read or analysed"),
)
KEYS = [key for key, _t, _h in COLUMNS]
NUMERIC = {"words", "quotes", "paraphrases", "sources", "anonymous_share",
           "unattributed_claims", "framing_per_1000"}
WHO_SPEAKS_COLUMN = KEYS.index("who_speaks")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CollectionModel", text)


class CollectionModel(QAbstractTableModel):
    """Each row's cells are worked out once, when the row arrives, so that painting and
    sorting hundreds of rows asks Python for nothing but a look-up."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.folder: Path | None = None
        self.paths: list[Path] = []
        self.rows: list[CollectionRow | None] = []
        self._display: list[list] = []  # per row, per column: the text shown
        self._sort: list[list] = []  # per row, per column: the sort key
        self._tips: list[list] = []  # per row, per column: the tooltip or None

    def set_paths(self, folder, paths) -> None:
        """The files, each a row still waiting for its figures (cheap: no Path work per
        row, since a folder may hold hundreds)."""
        self.beginResetModel()
        self.folder = Path(folder)
        self.paths = [Path(p) for p in paths]
        self.rows = [None] * len(self.paths)
        prefix = len(str(self.folder)) + 1
        waiting = _tr("waiting…")
        file_column, error_column = KEYS.index("file"), KEYS.index("error")
        self._display, self._sort, self._tips = [], [], []
        for path in self.paths:
            text = str(path)
            relative = text[prefix:].replace("\\", "/") if text.startswith(
                str(self.folder)) else text
            display = [""] * len(KEYS)
            display[file_column], display[error_column] = relative, waiting
            sort = [-1.0 if key in NUMERIC or key == "who_speaks" else "" for key in KEYS]
            sort[file_column] = relative.casefold()
            tips = [None] * len(KEYS)
            tips[file_column] = text
            self._display.append(display)
            self._sort.append(sort)
            self._tips.append(tips)
        self.endResetModel()

    def set_rows(self, updates: list[tuple[int, CollectionRow]]) -> None:
        """Fill rows in (one dataChanged over the span they cover)."""
        if not updates:
            return
        for position, row in updates:
            self.rows[position] = row
            self._fill(position)
        first = min(p for p, _ in updates)
        last = max(p for p, _ in updates)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r is not None)

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.folder).as_posix() if self.folder else path.name
        except ValueError:
            return str(path)

    def value(self, row: int, key: str):
        record = self.rows[row]
        if key == "file":
            return self.relative(self.paths[row])
        if key == "who_speaks":
            return record.figures.writer_words / record.figures.words if (
                record and record.figures and record.figures.words) else None
        if record is None:
            return None
        return record.value(key)

    def _fill(self, position: int) -> None:
        record = self.rows[position]
        display, sort, tips = [], [], []
        for key in KEYS:
            value = self.value(position, key)
            if key in NUMERIC or key == "who_speaks":
                sort.append(-1.0 if value is None else float(value))
            else:
                sort.append("" if value is None else str(value).casefold())
            if key == "who_speaks" or value is None:
                text = _tr("waiting…") if record is None and key == "error" else ""
            elif key == "anonymous_share":
                text = f"{100 * value:.0f} %"
            elif key == "framing_per_1000":
                text = f"{value:.1f}"
            else:
                text = str(value)
            display.append(text)
            tip = None
            if key == "error" and record is not None and record.error:
                tip = record.error
            elif key == "who_speaks" and record is not None and record.figures is not None:
                from reader.ui.voice_bars import bar_tooltip

                tip = bar_tooltip(record.figures)
            elif key in ("file", "title"):
                tip = str(self.paths[position])
                if record is not None and record.error:
                    tip += "\n" + record.error
            tips.append(tip)
        self._display[position], self._sort[position] = display, sort
        self._tips[position] = tips

    # Qt model ----------------------------------------------------------------------------

    # A flat table: views never ask about children, and these are asked thousands of
    # times per paint, so they skip the parent check.
    def rowCount(self, parent=QModelIndex()) -> int:
        return len(self.paths)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        _key, title, tip = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(title)
        if role == Qt.ItemDataRole.ToolTipRole and tip:
            return _tr(tip)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[row][column]
        if role == SORT_ROLE:
            return self._sort[row][column]
        if role == ROW_ROLE:
            return self.rows[row]
        if role == PATH_ROLE:
            return str(self.paths[row])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row][column]
        return None


_NUMERIC_COLUMNS = frozenset(KEYS.index(k) for k in NUMERIC)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
