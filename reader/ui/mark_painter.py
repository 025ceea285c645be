"""Marks Qt's character formats cannot draw: underlines and boxes as thick as the font
(the projector style), and the outline of the current claim in presentation mode.

The view calls `paint_marks` after its own paint, with the marks of the spans on screen;
each is laid over the lines of text it covers, found through the document's layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextDocument

UNDERLINE, BOX, OUTLINE = "underline", "box", "outline"


@dataclass(frozen=True)
class Mark:
    qt_start: int  # UTF-16 positions in the document
    qt_end: int
    style: str  # UNDERLINE (dashed), BOX or OUTLINE
    colour: QColor
    width: int  # pen width in pixels


def line_rects(document: QTextDocument, qt_start: int, qt_end: int) -> list[tuple[QRectF, float]]:
    """(rectangle of the text, baseline y) of each laid-out line piece between the two
    positions, in document coordinates."""
    out: list[tuple[QRectF, float]] = []
    layout = document.documentLayout()
    block = document.findBlock(qt_start)
    while block.isValid() and block.position() < qt_end:
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            line_start = block.position() + line.textStart()
            line_end = line_start + line.textLength()
            a, b = max(qt_start, line_start), min(qt_end, line_end)
            if a >= b:
                continue
            x1 = line.cursorToX(a - block.position())[0]
            x2 = line.cursorToX(b - block.position())[0]
            top = origin.y() + line.y()
            rect = QRectF(origin.x() + min(x1, x2), top, abs(x2 - x1),
                          line.ascent() + line.descent())
            out.append((rect, top + line.ascent()))
        block = block.next()
    return out


def paint_marks(painter: QPainter, document: QTextDocument, marks: list[Mark],
                offset: QPointF) -> None:
    """Draw `marks`; `offset`: document coordinates to the painter's (minus the scroll)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(offset)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for mark in marks:
        pen = QPen(mark.colour, mark.width)
        if mark.style == UNDERLINE:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([2.0, 1.2])  # in pen widths: dashes a back row still sees
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        rects = line_rects(document, mark.qt_start, mark.qt_end)
        if mark.style == OUTLINE:
            # One outline around all the lines, not a box per line.
            grow = mark.width * 1.5 + 2
            path = QPainterPath()
            for i, (rect, _baseline) in enumerate(rects):
                below = rects[i + 1][0].top() if i + 1 < len(rects) else rect.bottom() + grow
                path.addRect(rect.adjusted(-grow, -grow / 2 if i == 0 else 0, grow,
                                           max(grow, below - rect.bottom())))
            painter.drawPath(path.simplified())
            continue
        for rect, baseline in rects:
            if mark.style == UNDERLINE:
                y = baseline + mark.width * 1.2
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            else:
                grow = mark.width / 2 + 1
                painter.drawRoundedRect(rect.adjusted(-grow, -grow / 2, grow, grow / 2),
                                        mark.width, mark.width)
    painter.restore()
