"""The legend: one checkable button per kind, with its colour cue and count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.palette import DASH_UNDERLINE, FILL, KIND_STYLES, KINDS, WAVE_UNDERLINE
from reader.ui.palette import tr as palette_tr


def _tr(text: str) -> str:
    return QCoreApplication.translate("LegendBar", text)


def swatch(kind: str, palette_name: str, size: int = 22) -> QPixmap:
    """A small sample of how `kind` is drawn: fill and/or the underline pattern."""
    style = KIND_STYLES[kind]
    colours = style.colours_in(palette_name)
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if colours.fill:
        painter.fillRect(QRectF(0, 2, size * 2, size - 8), QColor(colours.fill))
    pen = QPen(QColor(colours.line), 2)
    y = size - 4
    if style.cue == DASH_UNDERLINE:
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(0, y, size * 2, y)
    elif style.cue == WAVE_UNDERLINE:
        painter.setPen(pen)
        step = 4
        for x in range(0, size * 2, step):
            painter.drawLine(x, y - (2 if (x // step) % 2 else 0), x + step,
                             y - (0 if (x // step) % 2 else 2))
    elif style.cue == FILL:
        painter.setPen(QPen(QColor(colours.line), 1))
        painter.drawRect(QRectF(0.5, 2.5, size * 2 - 1, size - 9))
    painter.end()
    return pixmap


class LegendBar(QWidget):
    toggled = Signal(str, bool)  # kind, shown

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.caption = QLabel(_tr("Show:"), self)
        layout.addWidget(self.caption)
        self.buttons: dict[str, QToolButton] = {}
        self.counts: dict[str, int | None] = {k: None for k in KINDS}
        for kind in KINDS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, k=kind: self.toggled.emit(k, on))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(1)
        self.set_palette("light")
        self._update_texts()

    def set_palette(self, palette_name: str) -> None:
        for kind, button in self.buttons.items():
            pixmap = swatch(kind, palette_name, max(16, self.fontMetrics().height()))
            button.setIcon(QIcon(pixmap))
            button.setIconSize(QSize(pixmap.width(), pixmap.height()))

    def set_counts(self, counts: dict[str, int] | None) -> None:
        self.counts = {k: (counts or {}).get(k, 0) if counts is not None else None
                       for k in KINDS}
        self._update_texts()

    def set_shown(self, kind: str, shown: bool) -> None:
        self.buttons[kind].setChecked(shown)

    def shown_kinds(self) -> set[str]:
        return {k for k, b in self.buttons.items() if b.isChecked()}

    def _update_texts(self) -> None:
        for kind, button in self.buttons.items():
            style = KIND_STYLES[kind]
            title = palette_tr(style.plural)
            count = self.counts.get(kind)
            button.setText(title if count is None else f"{title}  {count}")
            button.setToolTip(_tr("Show or hide: {kind}").format(kind=palette_tr(style.title)))
