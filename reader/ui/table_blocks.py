"""A table block of an article (rows on lines, cells apart by tabs) shown as a QTextTable.

The table takes exactly the positions of its text: its frame stands for the line break
before it, each cell boundary for a tab or line break, its end for the line break after
it, so offsets keep their document positions (TextPositions needs no change).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import (QColor, QFont, QTextCharFormat, QTextCursor, QTextFrameFormat,
                           QTextTableFormat)

from reader.document.model import is_figure
from reader.ui.palette import SurfaceColours, blend

HEAD_TINT = 0.18  # how much of the muted colour tints a heading row


def is_grid(text: str, start: int, end: int) -> bool:
    """Whether the table block text[start:end] can be shown as a table: it follows a line
    break and all its rows have the same number of cells (the loader pads them). One that
    cannot is shown as its lines."""
    return (start > 0 and text[start - 1] == "\n"
            and len({line.count("\t") for line in text[start:end].split("\n")}) == 1)


def insert_table(cursor: QTextCursor, text: str, head_rows: int, surface: SurfaceColours,
                 gap: float) -> None:
    """The table block `text` as a QTextTable at `cursor` (at the start of an empty block):
    heading rows bold on a tint, figures right-aligned, rules in the palette's muted
    colour, `gap` above and below it. Cells carry no font size, so they follow the zoom
    and presentation mode."""
    rows = [line.split("\t") for line in text.split("\n")]
    table_format = QTextTableFormat()
    table_format.setBorderCollapse(True)
    table_format.setBorder(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderBrush(QColor(surface.muted))
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setTopMargin(gap)
    table_format.setBottomMargin(gap)
    table_format.setHeaderRowCount(head_rows)  # repeated at the top of each printed page
    table = cursor.insertTable(len(rows), len(rows[0]), table_format)
    head_background = blend(surface.background, surface.muted, HEAD_TINT)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cellAt(r, c)
            cell_cursor = cell.firstCursorPosition()
            if is_figure(value):  # right-aligned
                block_format = cell_cursor.blockFormat()
                block_format.setAlignment(Qt.AlignmentFlag.AlignRight)
                cell_cursor.setBlockFormat(block_format)
            char_format = QTextCharFormat()
            if r < head_rows:
                char_format.setFontWeight(QFont.Weight.Bold)
                cell_format = cell.format()
                cell_format.setBackground(head_background)
                cell.setFormat(cell_format)
            cell_cursor.insertText(value, char_format)


def selected_cells(cursor: QTextCursor, positions, text: str) -> str | None:
    """The cells of a selection made inside a table (a block of rows and columns), a row
    a line and its cells apart by tabs, as `text` (the article) has them; None for any
    other selection."""
    table = cursor.currentTable()
    if table is None or not cursor.hasComplexSelection():
        return None
    # (first row, rows, first column, columns); PySide6's stubs call it an object.
    chosen = cast("tuple[int, int, int, int]", cursor.selectedTableCells())
    first_row, rows, first_column, columns = chosen
    lines = []
    for row in range(first_row, first_row + rows):
        cells = []
        for column in range(first_column, first_column + columns):
            cell = table.cellAt(row, column)
            cells.append(text[positions.from_qt(cell.firstPosition()):
                              positions.from_qt(cell.lastPosition())])
        lines.append("\t".join(cells))
    return "\n".join(lines)
