"""A narrow strip beside the scroll bar: a tick wherever a span falls, the visible part
of the article outlined. Clicking jumps there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from reader.ui.palette import KIND_STYLES


class Minimap(QWidget):
    jumpRequested = Signal(float)  # fraction of the document height

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedWidth(14)
        self.setToolTip(self.tr("Where quotes, paraphrases and framing fall in the article"))
        self.marks: list[tuple[float, str]] = []  # (fraction, kind)
        self.window_range = (0.0, 1.0)
        self.palette_name = "light"
        self.background = QColor("#f0f0f0")

    def set_marks(self, marks: list[tuple[float, str]]) -> None:
        self.marks = marks
        self.update()

    def set_window(self, top: float, bottom: float) -> None:
        self.window_range = (top, bottom)
        self.update()

    def set_palette(self, palette_name: str, background: str) -> None:
        self.palette_name = palette_name
        self.background = QColor(background).darker(108)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        height = max(1, self.height())
        # One column per kind, so overlapping marks of different kinds stay visible.
        column = {"quote": 1, "paraphrase": 5, "framing": 9}
        for fraction, kind in self.marks:
            colours = KIND_STYLES[kind].colours_in(self.palette_name)
            y = int(fraction * (height - 3))
            painter.fillRect(column.get(kind, 1), y, 4, 3, QColor(colours.line))
        top, bottom = self.window_range
        pen = QPen(self.palette().color(self.foregroundRole()))
        pen.setWidth(1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.5, top * height, self.width() - 1.0,
                                max(4.0, (bottom - top) * height - 1)))
        painter.end()

    def mousePressEvent(self, event) -> None:
        self.jumpRequested.emit(event.position().y() / max(1, self.height()))
