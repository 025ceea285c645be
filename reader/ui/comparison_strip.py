"""The strip above the two articles in Compare: the sources both quote and those only one
does (a list to click), each article's shares of words and its framing per 1,000 words
(a table and a bar each), and both Who speaks pictures on one scale.

It shows a reader/export/compare.Comparison and keeps no analysis logic.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QScrollArea, QSizePolicy, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from reader.ui.voice_bars import VoiceKey, paint_part, paint_voice_bar, voice_parts
from reader.vocabulary import FRAMING_LABELS, SourceType

if TYPE_CHECKING:
    from reader.export.figures import SideSource

ROLE = Qt.ItemDataRole.UserRole
# What a row of the sources list stands for: (side, source id, the other side's id or None)
GROUP_SHARED, GROUP_ONLY_A, GROUP_ONLY_B = "shared", "only_a", "only_b"
MARGIN = 8
ROW_HEIGHT = 22
BAR_HEIGHT = 14
NAME_WIDTH = 170


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparisonStrip", text)


def _pct(fraction: float) -> str:
    value = fraction * 100
    return f"{value:.1f} %" if 0 < value < 10 else f"{value:.0f} %"


def not_analysed_text(figures) -> str:
    """In place of a side's bar: it was not analysed, being in another language."""
    return _tr("Not analysed: {language}").format(language=figures.unanalysed_language)


def side_label(figures, fallback: str) -> str:
    """A short name for one side: its publisher, else its title, else `fallback`."""
    text = figures.publisher or figures.title or fallback
    return text if len(text) <= 40 else text[:39].rstrip() + "…"


class SharedSourcesList(QTreeWidget):
    """Three groups: quoted by both (each row the pair), only in the first, only in the
    second. Selecting a row emits (side, source id)."""

    sourceChosen = Signal(str, str)  # "a" or "b", source id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([_tr("Source"), _tr("First"), _tr("Second")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.headerItem().setToolTip(1, _tr("Share of the first article's words that are "
                                            "this source's claims"))
        self.headerItem().setToolTip(2, _tr("Share of the second article's words"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setRootIsDecorated(False)
        self.itemSelectionChanged.connect(self._on_selection)
        self.groups: dict[str, QTreeWidgetItem] = {}

    def set_comparison(self, comparison, names: tuple[str, str]) -> None:
        self.blockSignals(True)
        self.clear()
        self.groups = {}
        bold = self.font()
        bold.setBold(True)
        for key, title, rows in (
                (GROUP_SHARED, _tr("Quoted by both ({n})"), comparison.shared),
                (GROUP_ONLY_A, _tr("Only in {name} ({n})"), comparison.only_a),
                (GROUP_ONLY_B, _tr("Only in {name} ({n})"), comparison.only_b)):
            name = names[0] if key == GROUP_ONLY_A else names[1]
            group = QTreeWidgetItem(self, [title.format(n=len(rows), name=name)])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.groups[key] = group
            for row in rows:
                if key == GROUP_SHARED:
                    text = row.a.name if row.a.name == row.b.name else f"{row.a.name} = {row.b.name}"
                    item = QTreeWidgetItem(group, [text, _pct(row.a.share), _pct(row.b.share)])
                    item.setData(0, ROLE, ("a", row.a.id, row.b.id))
                    item.setToolTip(0, _tr("Matched by {how}").format(how=_tr(row.matched_by)))
                else:
                    side = "a" if key == GROUP_ONLY_A else "b"
                    cells = [row.name, _pct(row.share), ""] if side == "a" else [
                        row.name, "", _pct(row.share)]
                    item = QTreeWidgetItem(group, cells)
                    item.setData(0, ROLE, (side, row.id, None))
                    if row.type == SourceType.ANONYMOUS:
                        item.setToolTip(0, _tr("An anonymous source"))
            group.setExpanded(True)
        self.blockSignals(False)

    def rows(self, key: str) -> list[str]:
        """The texts of a group's rows (for tests and the presentation caption)."""
        group = self.groups.get(key)
        return [group.child(i).text(0) for i in range(group.childCount())] if group else []

    def select_source(self, side: str, source_id: str | None) -> None:
        """Select the row of a source chosen elsewhere (in an article), without emitting."""
        self.blockSignals(True)
        self.clearSelection()
        if source_id is not None:
            for group in self.groups.values():
                for i in range(group.childCount()):
                    item = group.child(i)
                    row_side, first, other = item.data(0, ROLE)
                    ids = {row_side: first}
                    if other is not None:
                        ids["b"] = other
                    if ids.get(side) == source_id:
                        self.setCurrentItem(item)
                        self.scrollToItem(item)
        self.blockSignals(False)

    def _on_selection(self) -> None:
        item = self.currentItem()
        if item is None or not item.isSelected() or item.data(0, ROLE) is None:
            return
        side, source_id, _other = item.data(0, ROLE)
        self.sourceChosen.emit(side, source_id)


class FiguresTable(QLabel):
    """Each article's shares of words, anonymous sources, unattributed claims and framing
    per 1,000 words by label, as a small table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)

    def set_comparison(self, comparison, names: tuple[str, str]) -> None:
        a, b = comparison.a, comparison.b

        def share_row(title: str, part: str) -> tuple[str, str, str]:
            pa = dict(voice_parts(a))[part] / a.words if a.words else 0.0
            pb = dict(voice_parts(b))[part] / b.words if b.words else 0.0
            return title, _pct(pa), _pct(pb)

        rows = [(_tr("Words"), f"{a.words:,}", f"{b.words:,}")]
        if not (a.analysed and b.analysed):
            rows.append((_tr("Not analysed: not in English"), a.unanalysed_language or "",
                         b.unanalysed_language or ""))
        for part, title in (("quote", _tr("Quoted (named sources)")),
                            ("paraphrase", _tr("Retold (named sources)")),
                            ("anonymous", _tr("Anonymous sources' words")),
                            ("unattributed", _tr("Unattributed")),
                            ("writer", _tr("The writer's own words"))):
            rows.append(share_row(title, part))
        rows.append((_tr("Anonymous sources"), str(len(a.anonymous)), str(len(b.anonymous))))
        rows.append((_tr("Claims nobody is named for"), str(a.unattributed_claims),
                     str(b.unattributed_claims)))
        rows.append((_tr("Framing per 1,000 words"), f"{a.framing_per_1000:.1f}",
                     f"{b.framing_per_1000:.1f}"))
        # A side that was not analysed has no figure but its words: a dash, not a zero.
        first = 2 if not (a.analysed and b.analysed) else 1
        rows[first:] = [(title, x if a.analysed else "—", y if b.analysed else "—")
                        for title, x, y in rows[first:]]
        labels = sorted(set(a.framing_by_label) | set(b.framing_by_label))
        for label in labels:
            known = FRAMING_LABELS.get(label)
            title = (QCoreApplication.translate("Vocabulary", known.title) if known
                     else label.replace("-", " "))
            rows.append(("&nbsp;&nbsp;" + escape(title),
                         f"{a.per_thousand(a.framing_by_label.get(label, 0)):.1f}",
                         f"{b.per_thousand(b.framing_by_label.get(label, 0)):.1f}"))
        head = (f"<tr><th></th><th align='right'>{escape(names[0])}</th>"
                f"<th align='right'>{escape(names[1])}</th></tr>")
        body = "".join(
            f"<tr><td>{title if title.startswith('&nbsp;') else escape(title)}</td>"
            f"<td align='right'>{escape(x)}</td><td align='right'>{escape(y)}</td></tr>"
            for title, x, y in rows)
        self.setText(f"<table cellspacing='0' cellpadding='2'>"
                     f"{head}{body}</table>")
        self.rows = rows


class VoiceBarsPair(QWidget):
    """The two articles' bars, one above the other, with the key."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.names = ("", "")
        self.palette_name = "light"
        self.setMinimumHeight(2 * ROW_HEIGHT + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_comparison(self, comparison, names, palette_name: str) -> None:
        self.comparison, self.names, self.palette_name = comparison, names, palette_name
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 2 * ROW_HEIGHT + 4)

    def paintEvent(self, _event) -> None:
        if self.comparison is None:
            return
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        label_width = min(140, max(metrics.horizontalAdvance(n) for n in self.names) + 8)
        for row, (figures, name) in enumerate(zip((self.comparison.a, self.comparison.b),
                                                  self.names)):
            y = row * ROW_HEIGHT + 2
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_width, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 8))
            if not figures.analysed:
                painter.drawText(QRectF(label_width, y, self.width() - label_width, ROW_HEIGHT),
                                 int(Qt.AlignmentFlag.AlignVCenter), not_analysed_text(figures))
                continue
            paint_voice_bar(painter, QRectF(label_width, y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                                            self.width() - label_width - 2, BAR_HEIGHT),
                            figures, self.palette_name)
        painter.end()


class ComparedWhoSpeaks(QWidget):
    """Both Who speaks pictures on one scale: a row per source, the pairs both quote side
    by side on one row, then the sources of one side only, then the writer's own words.
    Each bar is the source's share of its article's words, quoted (solid) and retold
    (hatched), against Comparison.scale. Click a row to select its source."""

    sourceChosen = Signal(str, str)  # "a" or "b", source id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.names = ("", "")
        self.palette_name = "light"
        self.focus: tuple[str | None, str | None] = (None, None)  # (id in a, id in b)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_comparison(self, comparison, names, palette_name: str) -> None:
        self.comparison, self.names, self.palette_name = comparison, names, palette_name
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def set_focus(self, id_a: str | None, id_b: str | None) -> None:
        self.focus = (id_a, id_b)
        self.update()

    def rows(self) -> list[tuple[str, SideSource | None, SideSource | None]]:
        """(name, source of the first or None, source of the second or None), as drawn."""
        c = self.comparison
        if c is None:
            return []
        rows = [(p.a.name, p.a, p.b) for p in c.shared]
        rows += [(s.name, s, None) for s in c.only_a]
        rows += [(s.name, None, s) for s in c.only_b]
        return rows

    def _row_height(self) -> int:
        return max(ROW_HEIGHT, QFontMetrics(self.font()).height() + 6)

    def _height(self) -> int:
        return MARGIN * 2 + (len(self.rows()) + 2) * self._row_height()

    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    def _columns(self) -> tuple[float, float, float]:
        """x of the first bar column, x of the second, width of each."""
        width = (self.width() - 2 * MARGIN - NAME_WIDTH - 12) / 2
        first = MARGIN + NAME_WIDTH
        return first, first + width + 12, max(20.0, width)

    def paintEvent(self, _event) -> None:
        c = self.comparison
        if c is None:
            return
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = QFontMetrics(self.font())
        row_height = self._row_height()
        first, second, width = self._columns()
        # The longest bar leaves room for its figure inside its column.
        room = max(10.0, width - metrics.horizontalAdvance("100 %") - 8)
        scale = max(c.scale, 0.01)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        y = MARGIN
        for x, name in ((first, self.names[0]), (second, self.names[1])):
            painter.drawText(QRectF(x, y, width, row_height), int(Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width)))
        painter.drawText(QRectF(MARGIN, y, NAME_WIDTH, row_height),
                         int(Qt.AlignmentFlag.AlignVCenter), _tr("Same scale: {top}").format(
                             top=_pct(scale)))
        painter.setFont(self.font())
        y += row_height
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(60)
        for name, side_a, side_b in self.rows():
            focused = ((side_a is not None and side_a.id == self.focus[0])
                       or (side_b is not None and side_b.id == self.focus[1]))
            if focused:
                painter.fillRect(QRectF(0, y, self.width(), row_height), highlight)
            painter.setPen(text)
            painter.drawText(QRectF(MARGIN, y, NAME_WIDTH - 8, row_height),
                             int(Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, NAME_WIDTH - 8))
            for x, source, figures in ((first, side_a, c.a), (second, side_b, c.b)):
                if source is None:
                    continue
                self._bar(painter, x, y, room, row_height, scale, figures.words,
                          source.quote_words, source.paraphrase_words, text)
            y += row_height
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QRectF(MARGIN, y, NAME_WIDTH - 8, row_height),
                         int(Qt.AlignmentFlag.AlignVCenter), _tr("The writer's own words"))
        painter.setFont(self.font())
        for x, figures in ((first, c.a), (second, c.b)):
            if not figures.analysed:
                painter.setPen(text)
                painter.drawText(QRectF(x, y, width, row_height),
                                 int(Qt.AlignmentFlag.AlignVCenter), not_analysed_text(figures))
                continue
            share = figures.shares["writer"]
            rect = QRectF(x, y + (row_height - BAR_HEIGHT) / 2, room * share / scale, BAR_HEIGHT)
            paint_part(painter, rect, "writer", self.palette_name)
            painter.setPen(text)
            painter.drawText(QRectF(rect.right() + 4, y, width, row_height),
                             int(Qt.AlignmentFlag.AlignVCenter), _pct(share))
        painter.end()

    def _bar(self, painter, x, y, width, row_height, scale, total, quote, paraphrase, text):
        if not total:
            return
        top = y + (row_height - BAR_HEIGHT) / 2
        quote_w = width * quote / total / scale
        para_w = width * paraphrase / total / scale
        paint_part(painter, QRectF(x, top, quote_w, BAR_HEIGHT), "quote", self.palette_name)
        paint_part(painter, QRectF(x + quote_w, top, para_w, BAR_HEIGHT), "paraphrase",
                   self.palette_name)
        painter.setPen(QPen(text))
        painter.drawText(QPointF(x + quote_w + para_w + 4, y + row_height * 0.7),
                         _pct((quote + paraphrase) / total))

    def mousePressEvent(self, event) -> None:
        row = int((event.position().y() - MARGIN) // self._row_height()) - 1
        rows = self.rows()
        if 0 <= row < len(rows):
            _name, side_a, side_b = rows[row]
            first, second, width = self._columns()
            on_second = event.position().x() >= second and side_b is not None
            if side_a is not None and not on_second:
                self.sourceChosen.emit("a", side_a.id)
            elif side_b is not None:
                self.sourceChosen.emit("b", side_b.id)
        super().mousePressEvent(event)


class ComparisonStrip(QWidget):
    """The three parts side by side; `sourceChosen` when a source is picked in any."""

    sourceChosen = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.sources = SharedSourcesList(self)
        self.figures = FiguresTable(self)
        self.bars = VoiceBarsPair(self)
        self.key = VoiceKey(self)
        self.chart = ComparedWhoSpeaks(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setWidgetResizable(True)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(4, 0, 4, 0)
        middle_layout.addWidget(self.bars)
        middle_layout.addWidget(self.key)
        middle_layout.addWidget(self.figures, 1)
        figures_scroll = QScrollArea(self)
        figures_scroll.setWidget(middle)
        figures_scroll.setWidgetResizable(True)
        figures_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.sources, 3)
        layout.addWidget(figures_scroll, 3)
        layout.addWidget(chart_scroll, 4)
        self.sources.sourceChosen.connect(self.sourceChosen)
        self.chart.sourceChosen.connect(self.sourceChosen)

    def set_comparison(self, comparison, palette_name: str = "light") -> None:
        self.comparison = comparison
        names = (side_label(comparison.a, _tr("First")), side_label(comparison.b, _tr("Second")))
        if names[0] == names[1]:
            names = (f"1 · {names[0]}", f"2 · {names[1]}")
        self.names = names
        self.sources.set_comparison(comparison, names)
        self.figures.set_comparison(comparison, names)
        self.bars.set_comparison(comparison, names, palette_name)
        self.key.set_palette(palette_name)
        self.chart.set_comparison(comparison, names, palette_name)

    def show_focus(self, side: str, source_id: str | None) -> None:
        """Mark the source selected in an article (and its partner) in the list and chart."""
        c = self.comparison
        if c is None:
            return
        self.sources.select_source(side, source_id)
        other = c.partner(side, source_id) if source_id else None
        ids = (source_id, other) if side == "a" else (other, source_id)
        self.chart.set_focus(*ids)
