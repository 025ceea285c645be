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
    ("who_speaks", "Who speaks", "Quoted, retold, anonymous, unattributed and the "
                                 "writer's own words"),
    ("error", "Problem", "Why a file could not be read or analysed"),
)
KEYS = [key for key, _t, _h in COLUMNS]
NUMERIC = {"words", "quotes", "paraphrases", "sources", "anonymous_share",
           "unattributed_claims", "framing_per_1000"}
WHO_SPEAKS_COLUMN = KEYS.index("who_speaks")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CollectionModel", text)


class CollectionModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.folder: Path | None = None
        self.paths: list[Path] = []
        self.rows: list[CollectionRow | None] = []

    def set_paths(self, folder, paths) -> None:
        self.beginResetModel()
        self.folder = Path(folder)
        self.paths = [Path(p) for p in paths]
        self.rows = [None] * len(self.paths)
        self.endResetModel()

    def set_rows(self, updates: list[tuple[int, CollectionRow]]) -> None:
        """Fill rows in (one dataChanged over the span they cover)."""
        if not updates:
            return
        for position, row in updates:
            self.rows[position] = row
        first = min(p for p, _ in updates)
        last = max(p for p, _ in updates)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r is not None)

    # Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.paths)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        _key, title, tip = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(title)
        if role == Qt.ItemDataRole.ToolTipRole and tip:
            return _tr(tip)
        return None

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

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, key = index.row(), KEYS[index.column()]
        record = self.rows[row]
        if role == ROW_ROLE:
            return record
        if role == PATH_ROLE:
            return str(self.paths[row])
        value = self.value(row, key)
        if role == SORT_ROLE:
            if key in NUMERIC or key == "who_speaks":
                return -1.0 if value is None else float(value)
            return "" if value is None else str(value).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "who_speaks":
                return None
            if record is None and key == "error":
                return _tr("waiting…")
            if value is None:
                return ""
            if key == "anonymous_share":
                return f"{100 * value:.0f} %"
            if key == "framing_per_1000":
                return f"{value:.1f}"
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "error" and record is not None and record.error:
                return record.error
            if key == "who_speaks" and record is not None and record.figures is not None:
                from reader.ui.voice_bars import bar_tooltip

                return bar_tooltip(record.figures)
            if key in ("file", "title"):
                return str(self.paths[row])
        return None
