"""The legend: one checkable button per kind, with its colour cue and count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.palette import (CUE_DESCRIPTIONS, DASH_UNDERLINE, FILL, KIND_STYLES, KINDS,
                               WAVE_UNDERLINE, kind_colours)
from reader.ui.palette import tr as palette_tr


def _tr(text: str) -> str:
    return QCoreApplication.translate("LegendBar", text)


def swatch(kind: str, palette_name: str, size: int = 22, projector: bool = False,
           hidden: bool = False) -> QPixmap:
    """A small sample of how `kind` is drawn: its fill and its underline or box, as in the
    text; a hidden kind's sample is grey and struck through."""
    style = KIND_STYLES[kind]
    colours = kind_colours(kind, palette_name, projector)
    fill = QColor(colours.fill) if colours.fill else None
    line = QColor(colours.line)
    if hidden:
        fill = QColor("#d0d0d0") if fill is not None else None
        line = QColor("#9a9a9a")
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    body = QRectF(1, 2, size * 2 - 2, size - 8)
    if fill is not None:
        painter.fillRect(body, fill)
    width = max(2, size // 8) if projector else 2
    pen = QPen(line, width)
    y = size - 3
    if style.cue == DASH_UNDERLINE:
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(0, y, size * 2, y)
    elif projector and style.cue == WAVE_UNDERLINE:  # framing is boxed on a projector
        painter.setPen(pen)
        painter.drawRoundedRect(body.adjusted(width / 2, width / 2, -width / 2, 0), 3, 3)
    elif style.cue == WAVE_UNDERLINE:
        painter.setPen(pen)
        step = 4
        for x in range(0, size * 2, step):
            painter.drawLine(x, y - (2 if (x // step) % 2 else 0), x + step,
                             y - (0 if (x // step) % 2 else 2))
    elif style.cue == FILL:
        painter.setPen(QPen(line, 1))
        painter.drawRect(body.adjusted(0.5, 0.5, -0.5, -0.5))
    if hidden:
        painter.setPen(QPen(QColor("#6a6a6a"), 2))
        painter.drawLine(2, size - 2, size * 2 - 2, 2)
    painter.end()
    return pixmap


class LegendBar(QWidget):
    """Each kind as a button: its sample, name and count; click to hide or show it. A
    hidden kind's button is struck through and grey, and says so. With `descriptive` (the
    projector style) each button also says in a few words what the kind means."""

    toggled = Signal(str, bool)  # kind, shown

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.caption = QLabel(_tr("Show:"), self)
        layout.addWidget(self.caption)
        self.buttons: dict[str, QToolButton] = {}
        self.counts: dict[str, int | None] = {k: None for k in KINDS}
        self.palette_name = "light"
        self.projector = False
        for kind in KINDS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, k=kind: self._on_toggled(k, on))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(1)
        self.set_palette("light")

    def _on_toggled(self, kind: str, shown: bool) -> None:
        self._update_button(kind)
        self.toggled.emit(kind, shown)

    def set_palette(self, palette_name: str, projector: bool = False) -> None:
        self.palette_name, self.projector = palette_name, projector
        for kind in self.buttons:
            self._update_button(kind)

    def set_counts(self, counts: dict[str, int] | None) -> None:
        self.counts = {k: (counts or {}).get(k, 0) if counts is not None else None
                       for k in KINDS}
        for kind in self.buttons:
            self._update_button(kind)

    def set_shown(self, kind: str, shown: bool) -> None:
        self.buttons[kind].setChecked(shown)

    def shown_kinds(self) -> set[str]:
        return {k for k, b in self.buttons.items() if b.isChecked()}

    def _update_button(self, kind: str) -> None:
        button = self.buttons[kind]
        shown = button.isChecked()
        style = KIND_STYLES[kind]
        size = max(16, self.fontMetrics().height())
        pixmap = swatch(kind, self.palette_name, size, self.projector, hidden=not shown)
        button.setIcon(QIcon(pixmap))
        button.setIconSize(QSize(pixmap.width(), pixmap.height()))
        title = palette_tr(style.plural)
        count = self.counts.get(kind)
        text = title if count is None else f"{title}  {count}"
        if self.projector:
            # On a second line: three meanings on one line would not fit a projector's width.
            text += "\n" + palette_tr(style.meaning)
        if not shown:
            text += " " + _tr("(hidden)")
        button.setText(text)
        font = QFont(self.font())
        font.setStrikeOut(not shown)
        button.setFont(font)
        action = _tr("Click to show them.") if not shown else _tr("Click to hide them.")
        button.setToolTip(_tr("{kind}: {meaning}. Drawn with a {cue}. {action}").format(
            kind=palette_tr(style.plural), meaning=palette_tr(style.meaning),
            cue=palette_tr(CUE_DESCRIPTIONS[style.cue]), action=action))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "buttons"):
            for kind in self.buttons:
                self._update_button(kind)
