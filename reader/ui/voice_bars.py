"""Who speaks, as one bar per article, drawn with QPainter in the view's colours.

The bar splits an article's words (reader/export/figures.ArticleFigures) into: a named
source's exact words (the quote fill), a named source's words retold (the paraphrase fill,
hatched, as in Who speaks), an anonymous source's words (cross-hatched), claims nobody is
named for (hatched in the framing colour: a warning) and the writer's own words (grey).
Each part has a pattern as well as a colour, so the bars survive greyscale and
colour-blindness. Used by the collection table and the Compare strip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from reader.ui.palette import KIND_STYLES, SURFACES

PARTS = ("quote", "paraphrase", "anonymous", "unattributed", "writer")


def _tr(text: str) -> str:
    return QCoreApplication.translate("VoiceBars", text)


def part_titles() -> dict[str, str]:
    return {"quote": _tr("quoted"), "paraphrase": _tr("retold"),
            "anonymous": _tr("anonymous"), "unattributed": _tr("unattributed"),
            "writer": _tr("writer")}


def voice_parts(figures) -> list[tuple[str, int]]:
    """(part, words) in PARTS order; the words add up to the article's."""
    anonymous_quote = sum(s.quote_words for s in figures.anonymous)
    anonymous_paraphrase = sum(s.paraphrase_words for s in figures.anonymous)
    return [("quote", figures.quoted_words - anonymous_quote),
            ("paraphrase", figures.retold_words - anonymous_paraphrase),
            ("anonymous", anonymous_quote + anonymous_paraphrase),
            ("unattributed", figures.unattributed_words),
            ("writer", figures.writer_words)]


_BRUSHES: dict[tuple[str, str], tuple[QBrush, QBrush | None, QPen]] = {}


def _painting_tools(part: str, palette_name: str) -> tuple[QBrush, QBrush | None, QPen]:
    """part_brushes as ready-made brushes and pen, made once per part and palette (a table
    of hundreds of rows paints many bars)."""
    tools = _BRUSHES.get((part, palette_name))
    if tools is None:
        fill, pattern, outline = part_brushes(part, palette_name)
        tools = (QBrush(fill), pattern, QPen(outline, 1))
        _BRUSHES[(part, palette_name)] = tools
    return tools


def part_brushes(part: str, palette_name: str) -> tuple[QColor, QBrush | None, QColor]:
    """(fill, pattern drawn over the fill or None, outline) of one part of the bar."""
    muted = QColor(SURFACES[palette_name].muted)
    if part == "quote":
        colours = KIND_STYLES["quote"].colours_in(palette_name)
        return QColor(colours.fill or colours.line), None, QColor(colours.line)
    if part == "paraphrase":
        colours = KIND_STYLES["paraphrase"].colours_in(palette_name)
        return (QColor(colours.fill or "#ffffff"),
                QBrush(QColor(colours.line), Qt.BrushStyle.BDiagPattern), QColor(colours.line))
    if part == "anonymous":
        return (QColor(SURFACES[palette_name].background),
                QBrush(QColor(SURFACES[palette_name].text), Qt.BrushStyle.DiagCrossPattern),
                QColor(SURFACES[palette_name].text))
    if part == "unattributed":
        line = QColor(KIND_STYLES["framing"].colours_in(palette_name).line)
        return (QColor(SURFACES[palette_name].background),
                QBrush(line, Qt.BrushStyle.FDiagPattern), line)
    fill = QColor(muted)
    fill.setAlpha(110)
    return fill, None, muted


def paint_part(painter: QPainter, rect: QRectF, part: str, palette_name: str) -> None:
    if rect.width() <= 0:
        return
    fill, pattern, pen = _painting_tools(part, palette_name)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawRect(rect)
    if pattern is not None:
        painter.setBrush(pattern)
        painter.drawRect(rect)


def paint_voice_bar(painter: QPainter, rect: QRectF, figures, palette_name: str) -> None:
    """One article's bar across `rect`, its parts in proportion to their words."""
    parts = voice_parts(figures)
    total = sum(words for _, words in parts)
    if total <= 0:
        return
    x = rect.left()
    for part, words in parts:
        width = rect.width() * words / total
        paint_part(painter, QRectF(x, rect.top(), width, rect.height()), part, palette_name)
        x += width


def bar_tooltip(figures) -> str:
    titles = part_titles()
    total = max(1, figures.words)
    lines = [f"{titles[part]}: {100 * words / total:.0f} %" for part, words in voice_parts(figures)]
    return "\n".join(lines)


class VoiceKey(QWidget):
    """The key to the bar's parts: a swatch and a word each."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.palette_name = "light"

    def set_palette(self, palette_name: str) -> None:
        self.palette_name = palette_name
        self.update()

    def _items(self):
        metrics = QFontMetrics(self.font())
        box = metrics.height()
        for part, title in part_titles().items():
            yield part, title, box, metrics.horizontalAdvance(title)

    def sizeHint(self) -> QSize:
        width = sum(box * 1.6 + 6 + w + 18 for _, _, box, w in self._items())
        return QSize(int(width), QFontMetrics(self.font()).height() + 6)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        x = 0.0
        line = QFontMetrics(self.font()).height()
        for part, title, box, width in self._items():
            paint_part(painter, QRectF(x, 3, box * 1.6, line - 4), part, self.palette_name)
            painter.setPen(text)
            painter.drawText(QPointF(x + box * 1.6 + 6, line * 0.8 + 2), title)
            x += box * 1.6 + 6 + width + 18
        painter.end()
