"""The library table's model: a row per article file of a folder, its figures filled in as
they arrive (reader/export/collection.CollectionRow), sortable by every column.

A QStandardItemModel: every cell's text, sort key and tooltip, and each row's who-speaks
bar (a pixmap), are stored in Qt once, when the row arrives, so that painting and sorting
hundreds of rows never calls back into Python (which, asked for every role of every
visible cell, made each repaint cost the event loop tens of milliseconds)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QStandardItem, QStandardItemModel

from reader.export.collection import CollectionRow
from reader.plain_language import TRANSLATION_CONTEXT, not_english_notice

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # on the first cell: the CollectionRow (None while pending)
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # on the first cell
BAR_SIZE = QSize(190, 14)

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("CollectionModel", text)


def _plain_tr(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


class CollectionModel(QStandardItemModel):
    def __init__(self, parent=None, palette_name: str = "light"):
        super().__init__(0, len(COLUMNS), parent)
        self.palette_name = palette_name
        for column, (_key, title, tip) in enumerate(COLUMNS):
            self.setHeaderData(column, Qt.Orientation.Horizontal, _tr(title))
            if tip:
                self.setHeaderData(column, Qt.Orientation.Horizontal, _tr(tip),
                                   Qt.ItemDataRole.ToolTipRole)
        self.folder: Path | None = None
        self.paths: list[Path] = []
        self.rows: list[CollectionRow | None] = []

    def set_paths(self, folder, paths) -> None:
        """The files, each a row waiting for its figures: only its first cell is made now
        (a folder may hold hundreds)."""
        self.folder = Path(folder)
        self.paths = [Path(p) for p in paths]
        self.rows = [None] * len(self.paths)
        self.setRowCount(0)
        self.setRowCount(len(self.paths))
        for position in range(len(self.paths)):
            self.setItem(position, 0, self._file_item(position))

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.folder).as_posix() if self.folder else path.name
        except ValueError:
            return str(path)

    def _file_item(self, position: int) -> QStandardItem:
        path = self.paths[position]
        relative = self.relative(path)
        item = QStandardItem(relative)
        item.setEditable(False)
        item.setData(relative.casefold(), SORT_ROLE)
        item.setData(str(path), PATH_ROLE)
        record = self.rows[position]
        item.setData(record, ROW_ROLE)
        tip = str(path)
        if record is not None and record.error:
            tip += "\n" + record.error
        item.setToolTip(tip)
        return item

    def set_rows(self, updates: list[tuple[int, CollectionRow]]) -> None:
        """Fill rows in: every cell made once, here."""
        for position, row in updates:
            self.rows[position] = row
            self.setItem(position, 0, self._file_item(position))
            for column, key in enumerate(KEYS[1:], 1):
                self.setItem(position, column, self._cell(position, key))

    def set_palette(self, palette_name: str) -> None:
        """Repaint the who-speaks bars of the filled rows in another palette."""
        if palette_name == self.palette_name:
            return
        self.palette_name = palette_name
        column = KEYS.index("who_speaks")
        for position, record in enumerate(self.rows):
            if record is not None:
                self.setItem(position, column, self._cell(position, "who_speaks"))

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r is not None)

    def value(self, row: int, key: str):
        record = self.rows[row]
        if key == "file":
            return self.relative(self.paths[row])
        if key == "who_speaks":
            return record.figures.writer_words / record.figures.words if (
                record and record.figures and record.figures.words
                and record.figures.analysed) else None
        if record is None:
            return None
        return record.value(key)

    def _cell(self, position: int, key: str) -> QStandardItem:
        record = self.rows[position]
        value = self.value(position, key)
        if key == "who_speaks" or value is None:
            text = ""
        elif key == "anonymous_share":
            text = f"{100 * value:.0f} %"
        elif key == "framing_per_1000":
            text = f"{value:.1f}"
        else:
            text = str(value)
        unread = record.figures.unanalysed_language if record and record.figures else None
        if key == "who_speaks" and unread:
            # Where the bar would be: an article that is not English has none to show.
            text = _tr("Not analysed: {language}").format(language=unread)
        item = QStandardItem(text)
        item.setEditable(False)
        if key in NUMERIC or key == "who_speaks":
            item.setData(-1.0 if value is None else float(value), SORT_ROLE)
        else:
            item.setData("" if value is None else str(value).casefold(), SORT_ROLE)
        if key in NUMERIC:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key == "error" and record is not None and record.error:
            item.setToolTip(record.error)
        elif key == "title":
            item.setToolTip(str(self.paths[position]))
        elif key == "who_speaks" and unread:
            item.setToolTip(not_english_notice(unread, _plain_tr))
        elif key == "who_speaks" and record is not None and record.figures is not None:
            from reader.ui.voice_bars import bar_tooltip

            item.setToolTip(bar_tooltip(record.figures))
            if record.figures.words:
                item.setData(self._bar(record.figures), Qt.ItemDataRole.DecorationRole)
        return item

    def _bar(self, figures) -> QPixmap:
        from reader.ui.voice_bars import paint_voice_bar

        pixmap = QPixmap(BAR_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_voice_bar(painter, QRectF(0.5, 0.5, BAR_SIZE.width() - 1, BAR_SIZE.height() - 1),
                        figures, self.palette_name)
        painter.end()
        return pixmap
