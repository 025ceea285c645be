"""View > Who Speaks: the balance of voices as pictures, drawn with QPainter.

A bar per source (its share of the article's words as quote, solid, and as paraphrase,
hatched), the writer's own share, the count of unattributed allegations, and the framing
density of each paragraph. The numbers are reader/export/stats.voice_shares, the same
the HTML and PDF exports draw.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from reader.export.stats import UNATTRIBUTED, VoiceShares, voice_shares
from reader.ui.palette import KIND_STYLES

MARGIN = 16
ROW_HEIGHT = 26
BAR_HEIGHT = 16
MIN_BAR_WIDTH = 60
NAME_SHARE = 0.4  # names take at most this share of the width (longer ones are elided)
GAP = 10
PARAGRAPH_CHART_HEIGHT = 110
FULL_SCREEN_SCALE = 1.8  # type size in full screen, for a projector


def _tr(text: str) -> str:
    return QCoreApplication.translate("WhoSpeaks", text)


def _pct(fraction: float) -> str:
    value = fraction * 100
    return f"{value:.1f} %" if 0 < value < 10 else f"{value:.0f} %"


class WhoSpeaksChart(QWidget):
    """The pictures; `shares` is a VoiceShares, None draws a hint."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shares: VoiceShares | None = None
        self.palette_name = "light"
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_shares(self, shares: VoiceShares | None, palette_name: str = "light") -> None:
        self.shares = shares
        self.palette_name = palette_name
        self.updateGeometry()
        self.setMinimumHeight(self._height())
        self.update()

    def rows(self) -> list[tuple[str, float, float]]:
        """(name, quote share, paraphrase share) per bar, as drawn, top to bottom."""
        if self.shares is None:
            return []
        rows = [(_tr("Unattributed") if s.name == UNATTRIBUTED else s.name,
                 s.quote_share, s.paraphrase_share) for s in self.shares.sources]
        return rows

    def labels(self) -> list[str]:
        """The figures beside each bar, as drawn (the writer's last)."""
        if self.shares is None:
            return []
        return [_tr("{quote} quoted, {paraphrase} retold").format(
                    quote=_pct(quote), paraphrase=_pct(paraphrase))
                for _name, quote, paraphrase in self.rows()] + [_pct(self.shares.writer_share)]

    def columns(self) -> tuple[float, float, float]:
        """(name column, bar column, figures column) widths: the names and figures as wide
        as the longest needs (names up to NAME_SHARE of the width), the bars the rest."""
        width = self.width() - 2 * MARGIN
        metrics = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        names = [metrics.horizontalAdvance(n) for n, _q, _p in self.rows()]
        names.append(QFontMetrics(bold).horizontalAdvance(_tr("The writer's own words")))
        name_width = min(max(names, default=0) + GAP, width * NAME_SHARE)
        figures = max((metrics.horizontalAdvance(t) for t in self.labels()), default=0) + GAP
        return name_width, max(MIN_BAR_WIDTH, width - name_width - figures), figures

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _height(self) -> int:
        line = self._line()
        if self.shares is None:
            return 4 * line
        rows = len(self.shares.sources) + 1  # and the writer
        return int(MARGIN * 2 + line * 2 + rows * max(ROW_HEIGHT, line + 8) + line * 3
                   + line * 2 + max(PARAGRAPH_CHART_HEIGHT, line * 5) + line * 3)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumHeight(self._height())
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(720, self._height())

    def minimumSizeHint(self) -> QSize:
        if self.shares is None:
            return QSize(480, self._height())
        metrics = QFontMetrics(self.font())
        figures = max((metrics.horizontalAdvance(t) for t in self.labels()), default=0)
        return QSize(min(480, int(2 * MARGIN + figures + MIN_BAR_WIDTH + 120)), self._height())

    # Drawing -----------------------------------------------------------------------------

    def _colours(self, kind: str):
        return KIND_STYLES[kind].colours_in(self.palette_name)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text_colour)
        line = self._line()
        if self.shares is None:
            painter.drawText(QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, line * 2),
                             _tr("No analysis yet."))
            painter.end()
            return
        shares = self.shares
        bold = QFont(self.font())
        bold.setBold(True)
        y = MARGIN
        width = self.width() - 2 * MARGIN
        name_width, bar_width, figures_width = self.columns()

        painter.setFont(bold)
        painter.drawText(QPointF(MARGIN, y + line * 0.8),
                         _tr("Share of the article's {n} words").format(n=shares.total_words))
        painter.setFont(self.font())
        y += line * 1.2
        self._draw_key(painter, MARGIN, y, line, text_colour)
        y += line * 1.6

        scale = max([s.quote_share + s.paraphrase_share for s in shares.sources]
                    + [shares.writer_share, 0.01])
        row_height = max(ROW_HEIGHT, line + 8)
        bar_height = max(BAR_HEIGHT, line * 0.6)
        metrics = QFontMetrics(self.font())
        labels = self.labels()
        for (name, quote, paraphrase), label in zip(self.rows(), labels):
            self._draw_name(painter, metrics, name, y, row_height, name_width)
            x = MARGIN + name_width
            bar_top = y + (row_height - bar_height) / 2
            quote_w = bar_width * quote / scale
            para_w = bar_width * paraphrase / scale
            self._draw_segment(painter, QRectF(x, bar_top, quote_w, bar_height), "quote")
            self._draw_segment(painter, QRectF(x + quote_w, bar_top, para_w, bar_height),
                               "paraphrase")
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + quote_w + para_w + 6, y, figures_width, row_height),
                             int(Qt.AlignmentFlag.AlignVCenter), label)
            y += row_height

        # The writer's own words, in the text colour, outlined.
        self._draw_name(painter, QFontMetrics(bold), _tr("The writer's own words"), y,
                        row_height, name_width, bold)
        x = MARGIN + name_width
        writer_w = bar_width * shares.writer_share / scale
        muted = QColor(text_colour)
        muted.setAlpha(90)
        painter.setPen(QPen(text_colour, 1))
        painter.setBrush(muted)
        painter.drawRect(QRectF(x, y + (row_height - bar_height) / 2, writer_w, bar_height))
        painter.drawText(QRectF(x + writer_w + 6, y, figures_width, row_height),
                         int(Qt.AlignmentFlag.AlignVCenter), labels[-1])
        y += row_height + line

        # Unattributed allegations.
        painter.setFont(bold)
        n = shares.unattributed_allegations
        painter.drawText(QPointF(MARGIN, y + line * 0.8),
                         _tr("Claims nobody is named for (unattributed): {n}").format(n=n))
        painter.setFont(self.font())
        y += line * 2

        self._draw_paragraphs(painter, y, line, width, text_colour, bold)
        painter.end()

    def _draw_name(self, painter, metrics, name, y, row_height, name_width, font=None) -> None:
        if font is not None:
            painter.setFont(font)
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(name_width - GAP))
        painter.drawText(QRectF(MARGIN, y, name_width - GAP, row_height),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
        painter.setFont(self.font())

    def _draw_segment(self, painter, rect: QRectF, kind: str) -> None:
        if rect.width() <= 0:
            return
        colours = self._colours(kind)
        painter.setPen(QPen(QColor(colours.line), 1))
        if kind == "quote":
            painter.setBrush(QColor(colours.fill or colours.line))
        else:  # hatched: a cue that survives greyscale and colour-blindness
            painter.setBrush(QColor(colours.fill or "#ffffff"))
            painter.drawRect(rect)
            painter.setBrush(QBrush(QColor(colours.line), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(rect)

    def _draw_key(self, painter, x, y, line, text_colour) -> None:
        box = line * 0.8
        for kind, title in (("quote", _tr("quoted (their exact words)")),
                            ("paraphrase", _tr("retold by the writer"))):
            self._draw_segment(painter, QRectF(x, y + (line - box) / 2, box * 1.6, box), kind)
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + box * 1.6 + 6, y + line * 0.8), title)
            x += box * 1.6 + 12 + QFontMetrics(self.font()).horizontalAdvance(title) + 24

    def _draw_paragraphs(self, painter, y, line, width, text_colour, bold) -> None:
        paragraphs = [p for p in self.shares.paragraphs if p.words]
        painter.setFont(bold)
        painter.drawText(QPointF(MARGIN, y + line * 0.8),
                         _tr("The writer's framing per paragraph (share of its words)"))
        painter.setFont(self.font())
        y += line * 1.4
        if not paragraphs:
            painter.drawText(QPointF(MARGIN, y + line), _tr("No paragraphs."))
            return
        axis = QFontMetrics(self.font()).horizontalAdvance("100 %") + GAP
        chart = QRectF(MARGIN + axis, y, width - axis, max(PARAGRAPH_CHART_HEIGHT, line * 5))
        top = max(max(p.density for p in paragraphs), 0.05)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(chart.bottomLeft(), chart.bottomRight())
        painter.drawText(QRectF(MARGIN, chart.top() - line / 2, axis - 6, line),
                         int(Qt.AlignmentFlag.AlignRight), _pct(top))
        painter.drawText(QRectF(MARGIN, chart.bottom() - line / 2, axis - 6, line),
                         int(Qt.AlignmentFlag.AlignRight), "0 %")
        step = chart.width() / len(paragraphs)
        colours = self._colours("framing")
        label_room = QFontMetrics(self.font()).horizontalAdvance("000") + 6
        every = max(1, int(len(paragraphs) / (chart.width() / label_room)) + 1)
        for i, paragraph in enumerate(paragraphs):
            height = chart.height() * paragraph.density / top
            x = chart.left() + i * step
            if height > 0:
                painter.setPen(QPen(QColor(colours.line), 1))
                painter.setBrush(QBrush(QColor(colours.line), Qt.BrushStyle.Dense4Pattern))
                painter.drawRect(QRectF(x + step * 0.15, chart.bottom() - height,
                                        step * 0.7, height))
            if i % every == 0:
                painter.setPen(text_colour)
                painter.drawText(QRectF(x, chart.bottom() + 2, step * every, line),
                                 int(Qt.AlignmentFlag.AlignLeft), str(paragraph.index))
        painter.setPen(text_colour)
        painter.drawText(QPointF(chart.left(), chart.bottom() + line * 2),
                         _tr("paragraph"))


class WhoSpeaksDialog(QDialog):
    """The pictures in a window of their own: resizable, maximisable, and full screen with
    larger type for a projector (F5 or the Full Screen button; F5 or Esc to come back)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Who speaks"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.chart = WhoSpeaksChart(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.full_screen_button = QPushButton(_tr("Full Screen"), self)
        self.full_screen_button.setCheckable(True)
        self.full_screen_button.setToolTip(_tr("Fill the screen with larger type, for a "
                                               "projector (F5)"))
        self.full_screen_button.toggled.connect(self.set_full_screen)
        buttons.addButton(self.full_screen_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._normal_font = QFont(self.font())
        self._normal_geometry = None
        self.resize(960, 720)

    def set_full_screen(self, on: bool) -> None:
        if self.full_screen_button.isChecked() != on:
            self.full_screen_button.setChecked(on)  # comes back here through toggled
            return
        font = QFont(self._normal_font)
        if on:
            self._normal_geometry = self.saveGeometry()
            size = self._normal_font.pointSizeF() if self._normal_font.pointSizeF() > 0 else 10
            font.setPointSizeF(size * FULL_SCREEN_SCALE)
        self.summary.setFont(font)
        self.chart.setFont(font)
        if on:
            self.showFullScreen()
            screen = self.screen()
            # Without a window manager full screen is only a hint: fill the screen ourselves.
            if screen is not None:
                self.setGeometry(screen.geometry())
        else:
            self.showNormal()
            if self._normal_geometry is not None:
                self.restoreGeometry(self._normal_geometry)

    def event(self, event) -> bool:
        # F5 and Esc are the main window's shortcuts too: here they are this dialog's.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
                Qt.Key.Key_F5, Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        # F5 as in the main window's presentation mode; Esc leaves full screen, then closes.
        if event.key() == Qt.Key.Key_F5:
            self.full_screen_button.toggle()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.full_screen_button.isChecked():
            self.set_full_screen(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def set_analysis(self, article, analysis, palette_name: str = "light") -> VoiceShares | None:
        shares = voice_shares(article, analysis) if article is not None and analysis else None
        self.chart.set_shares(shares, palette_name)
        if shares is None:
            self.summary.setText(_tr("Open an article and wait for its analysis."))
        else:
            title = article.title or _tr("this article")
            voices = sum(1 for s in shares.sources if s.source_id is not None)
            self.summary.setText(_tr("“{title}”: {voices} sources; the writer's own "
                                     "words are {writer} of the article.").format(
                title=title, voices=voices, writer=_pct(shares.writer_share)))
        return shares
