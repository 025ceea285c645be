"""PDF and printing through Qt: the "qt" variant of the HTML page in a QTextDocument.

Qt's HTML reader has no dashed or wavy underlines, so the runs the page marks with a
`title` of "pr:<kinds>" get them here, through their character formats. Needs a
QGuiApplication (QT_QPA_PLATFORM=offscreen will do); no widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice, QPainter,
    QPdfWriter,
    QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextFrame, QTextTable,
    QTextTableCell,
)

from reader.document.model import Article
from reader.export.html import (KIND_COLOURS, QT, QT_KIND_PREFIX, render_handout_html,
                                render_html)
from reader.provenance.model import Analysis

MARGIN_MM = 18
FONT_POINTS = 11


def text_document(article: Article, analysis: Analysis | None = None, *, handout: bool = False,
                  corrections: int = 0) -> QTextDocument:
    """The page as a QTextDocument, for a PDF or for QPrinter (File > Print)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a QGuiApplication must exist before printing")
    if not handout and analysis is None:
        raise ValueError("an analysis is needed unless printing a handout")
    # A handout with an analysis gets an answer key on its last page.
    html = (render_handout_html(article, analysis, variant=QT) if handout
            else render_html(article, analysis, variant=QT, corrections=corrections))
    document = QTextDocument()
    document.setDefaultFont(QFont("serif", FONT_POINTS))
    document.setHtml(html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title or "")
    _apply_kind_underlines(document)
    return document


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay the document out on the device's pages (a QPdfWriter or a QPrinter) and print,
    with page numbers.

    Laid out on the device itself rather than through QTextDocument.print_, which scales
    by the screen's DPI: on the offscreen platform that left the text a narrow column.
    """
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    # QPdfWriter and QPrinter both have resolution(); their common base does not.
    resolution = device.resolution()  # type: ignore[attr-defined]
    area = device.pageLayout().paintRectPixels(resolution)
    footer = resolution // 3  # a third of an inch for the page number
    page = QSizeF(area.width(), area.height() - footer)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(page)
    keep_headings_with_content(document)
    keep_table_rows_together(document)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened")
    try:
        painter.setFont(QFont("serif", FONT_POINTS - 2))
        for number in range(document.pageCount()):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(painter, QRectF(0, number * page.height(),
                                                  page.width(), page.height()))
            painter.restore()
            painter.drawText(QRectF(0, page.height(), page.width(), footer),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             str(number + 1))
    finally:
        painter.end()


# A heading needs room for this many lines of what follows it on its page.
HEADING_ROOM_LINES = 4


def keep_headings_with_content(document: QTextDocument) -> int:
    """Start a heading on a new page when it would sit at the bottom of one with too little
    of its section after it (Qt's HTML reader ignores break-after: avoid). The page size
    must be set. Returns how many headings were moved."""
    page = document.pageSize().height()
    if page <= 0:
        return 0
    layout = document.documentLayout()
    moved = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = layout.blockBoundingRect(block)
            line = max(1.0, rect.height())
            room = page - (rect.top() % page)
            if rect.top() % page > 0 and room < rect.height() + HEADING_ROOM_LINES * line:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                moved += 1
        block = block.next()
    return moved


def keep_table_rows_together(document: QTextDocument) -> int:
    """Move a table row that a page break would cut in two (a source's name on one page,
    its last word on the next) whole to the next page, by padding the bottom of the row
    above it: Qt breaks a row line by line, and its HTML reader ignores
    page-break-inside: avoid. A row taller than half a page is left to be cut. The page
    size must be set. Returns how many rows were moved."""
    page = document.pageSize().height()
    if page <= 0:
        return 0
    layout = document.documentLayout()
    device = layout.paintDevice()
    # Paddings are in CSS pixels, the layout in the device's (300 dpi for a PDF: 3.125).
    scale = device.logicalDpiY() / 96 if device is not None else 1.0
    moved = 0
    for table in _tables(document.rootFrame()):
        header = table.format().headerRowCount()
        for row in range(table.rows()):
            top, bottom = row_extent(layout, table, row)
            if top // page == (bottom - 1) // page or bottom - top > page / 2:
                continue
            if row <= header:  # the heading row or the first below it: the whole table
                fmt = table.format()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                table.setFormat(fmt)
                moved += 1
                continue
            # Down to the foot of the page's text area, which ends a margin above the page.
            gap = (top // page + 1) * page - document.documentMargin() - top
            for cell in _row_cells(table, row - 1):
                fmt = cell.format().toTableCellFormat()
                padding = (fmt.bottomPadding()
                           if fmt.hasProperty(QTextFormat.Property.TableCellBottomPadding)
                           else table.format().cellPadding())
                fmt.setBottomPadding(padding + gap / scale)
                cell.setFormat(fmt)
            moved += 1
    return moved


def row_extent(layout, table: QTextTable, row: int) -> tuple[float, float]:
    """The top of a table row's text and the bottom, in the laid-out document."""
    cells = _row_cells(table, row)
    top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
    bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                 for c in cells)
    return top, bottom


def _tables(frame: QTextFrame):
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _row_cells(table: QTextTable, row: int) -> list[QTextTableCell]:
    """The cells of `row`, each once (a cell spanning columns is one)."""
    cells: list[QTextTableCell] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.isValid() and cell.row() == row and not any(
                c.column() == cell.column() for c in cells):
            cells.append(cell)
    return cells


def write_pdf(out: str | Path, article: Article, analysis: Analysis | None = None, *,
              handout: bool = False, corrections: int = 0) -> None:
    document = text_document(article, analysis, handout=handout, corrections=corrections)
    # QPdfWriter reports an unwritable path only as a warning: find out first, as OSError.
    Path(out).open("wb").close()
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle(article.title or "Article")
    writer.setCreator("Provenance Reader")
    print_document(document, writer)


def _apply_kind_underlines(document: QTextDocument) -> None:
    runs = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            tip = fragment.charFormat().toolTip()
            if tip.startswith(QT_KIND_PREFIX):
                runs.append((fragment.position(), fragment.length(),
                             set(tip[len(QT_KIND_PREFIX):].split(","))))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, kinds in runs:
        change = QTextCharFormat()
        change.setToolTip("")
        kind = "framing" if "framing" in kinds else "paraphrase" if "paraphrase" in kinds else None
        if kind is not None:
            change.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if kind == "framing"
                                     else QTextCharFormat.UnderlineStyle.DashUnderline)
            change.setUnderlineColor(QColor(KIND_COLOURS[kind][1]))
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(change)
