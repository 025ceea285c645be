"""The read-only article: text laid out by block kind, spans drawn as extra selections.

Highlights are QTextEdit extra selections rather than document formats, so toggling a
kind, dimming for a selected source or switching palettes repaints without touching the
document or the scroll position. Every offset goes through TextPositions.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextDocument, QTextFormat)
from PySide6.QtWidgets import QTextEdit, QToolTip

from reader.ui.formats import kind_format
from reader.ui.palette import KINDS, SURFACES, SurfaceColours
from reader.ui.span_card import span_card_html
from reader.ui.text_positions import TextPositions, display_text

BASE_POINT_SIZE = 12
ZOOM_STEP = 1
MIN_ZOOM, MAX_ZOOM = -6, 24
_SET_APART = {"caption", "credit", "boilerplate"}


class ArticleView(QTextEdit):
    spanClicked = Signal(str)  # span id
    positionClicked = Signal(int)  # code-point offset of a click outside any span
    layoutChanged = Signal()  # for the minimap
    zoomRequested = Signal(int)  # steps, from Ctrl+wheel
    contextMenuAt = Signal(QPoint, int)  # global position, code-point offset under the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setMouseTracking(True)
        self.article = None
        self.index = None
        self.positions = TextPositions("")
        self.palette_name = "light"
        self.surface: SurfaceColours = SURFACES["light"]
        self.visible_kinds = set(KINDS)
        self.focus_source: str | None = None
        # Quiz mode: only these span ids are coloured (None: every span).
        self.shown_spans: set[str] | None = None
        self.zoom = 0
        self.base_point_size = BASE_POINT_SIZE
        self._press_pos: QPoint | None = None
        self.document().setUndoRedoEnabled(False)
        self.document().documentLayout().documentSizeChanged.connect(
            lambda _size: self.layoutChanged.emit())
        self._apply_font()

    # Document ---------------------------------------------------------------------------

    def set_article(self, article) -> None:
        """Show `article` at once, without colours (they come with set_analysis)."""
        self.article, self.index, self.focus_source = article, None, None
        self._build_document(article)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _build_document(self, article) -> None:
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(24)
        document.setDefaultFont(self.font())
        cursor = QTextCursor(document)
        body_format = QTextBlockFormat()
        body_format.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        body_format.setBottomMargin(4)
        cursor.setBlockFormat(body_format)
        for text, adjust, bold in self._header_lines(article):
            fmt = QTextCharFormat()
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, adjust)
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setForeground(QColor(self.surface.muted))
            cursor.insertText(text, fmt)
            cursor.insertBlock(body_format, QTextCharFormat())
        base = cursor.position()
        cursor.insertText(display_text(article.text), QTextCharFormat())
        self.positions = TextPositions(article.text, base)
        self._format_blocks(document, article)
        old = self.document()
        self.setDocument(document)
        # Qt deletes the editor's own first document; the ones made here are ours to free.
        if shiboken6.isValid(old) and old.parent() is self:
            old.deleteLater()
        document.documentLayout().documentSizeChanged.connect(
            lambda _size: self.layoutChanged.emit())
        self.setExtraSelections([])
        self.layoutChanged.emit()

    @staticmethod
    def _header_lines(article) -> list[tuple[str, int, bool]]:
        """Title, then byline · date · publisher, for what the text itself does not show."""
        head = article.text[:2000]
        lines = []
        if article.title and article.title.strip() not in head:
            lines.append((article.title.strip(), 3, True))
        meta = [v.strip() for v in (article.byline, article.date, article.publisher)
                if v and v.strip() and v.strip() not in head]
        if meta:
            lines.append((" · ".join(meta), 0, False))
        return lines

    def _format_blocks(self, document: QTextDocument, article) -> None:
        cursor = QTextCursor(document)
        for block in article.blocks:
            if block.kind != "heading" and block.kind not in _SET_APART:
                continue
            fmt = QTextCharFormat()
            if block.kind == "heading":
                # Relative sizes, so zoom scales headings with the body.
                is_title = block.start == article.blocks[0].start
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 3 if is_title else 1)
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
                fmt.setFontItalic(True)
                fmt.setForeground(QColor(self.surface.muted))
            start, end = self.positions.range_to_qt(block.start, block.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    # Analysis and highlights ------------------------------------------------------------

    def set_analysis(self, index) -> None:
        """`index`: an AnalysisIndex for the shown article, or None for no colours."""
        self.index, self.focus_source = index, None
        self.refresh_highlights()

    def set_palette(self, palette_name: str, surface: SurfaceColours | None = None) -> None:
        self.palette_name = palette_name
        self.surface = surface or SURFACES[palette_name]
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor(self.surface.background))
        pal.setColor(QPalette.ColorRole.Text, QColor(self.surface.text))
        self.setPalette(pal)
        if self.article is not None:
            # Muted colours of captions live in the document; rebuild it, keeping the place
            # (same text, same fonts: the same layout, so the scroll value still fits).
            scroll = self.verticalScrollBar().value()
            selection = self.selected_range()
            self._build_document(self.article)
            if selection:
                self.select_range(*selection, scroll=False)
            self.document().documentLayout().documentSize()  # lays the document out
            self.verticalScrollBar().setValue(scroll)
        self.refresh_highlights()

    def set_visible_kinds(self, kinds) -> None:
        self.visible_kinds = set(kinds)
        self.refresh_highlights()

    def set_focus_source(self, source_id: str | None) -> None:
        self.focus_source = source_id
        self.refresh_highlights()

    def set_shown_spans(self, span_ids) -> None:
        """Colour only `span_ids` (quiz mode), or every span again with None."""
        self.shown_spans = None if span_ids is None else set(span_ids)
        self.refresh_highlights()

    def span_at(self, offset: int):
        """The shown span at `offset`, or None."""
        if self.index is None:
            return None
        if self.shown_spans is None:
            return self.index.span_at(offset, self.visible_kinds)
        spans = [s for s in self.index.spans if s.start <= offset < s.end
                 and s.id in self.shown_spans and s.kind in self.visible_kinds]
        return min(spans, key=lambda s: s.end - s.start, default=None)

    def refresh_highlights(self) -> None:
        selections = []
        if self.index is None:
            self.setExtraSelections([])
            self.viewport().update()
            return
        focus_spans, mentions = set(), []
        source = self.index.sources.get(self.focus_source) if self.focus_source else None
        if source is not None:
            for claim_id in source.claims:
                focus_spans.update(s.id for s in self.index.spans_of_claim(claim_id))
            mentions = list(source.mentions)
            dim = QTextCharFormat()
            dim.setForeground(QColor(self.surface.dimmed_text))
            selections.append(self._selection(0, len(self.article.text), dim))
        for span in self.index.spans:
            if span.kind not in self.visible_kinds:
                continue
            if self.shown_spans is not None and span.id not in self.shown_spans:
                continue
            dimmed = source is not None and span.id not in focus_spans
            fmt = kind_format(span.kind, self.palette_name, dimmed)
            if getattr(span, "corrected", False):
                fmt.setFontOverline(True)  # the reader's own correction
            if source is not None:
                fmt.setForeground(QColor(self.surface.dimmed_text if dimmed
                                         else self.surface.text))
            selections.append(self._selection(span.start, span.end, fmt))
        for start, end in mentions:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(self.surface.focus))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self.surface.focus))
            selections.append(self._selection(start, end, fmt))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        qt_start, qt_end = self.positions.range_to_qt(start, end)
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # Selection, scrolling, positions ----------------------------------------------------

    def select_range(self, start: int, end: int, scroll: bool = True) -> None:
        """Select text from code-point `start` to `end` and bring it into view."""
        qt_start, qt_end = self.positions.range_to_qt(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.center_on(start)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.positions.from_qt(cursor.selectionStart()),
                self.positions.from_qt(cursor.selectionEnd()))

    def selected_text(self) -> str:
        """The selection as article text (Qt's own uses U+2029 between paragraphs)."""
        selected = self.selected_range()
        return self.article.text[selected[0]:selected[1]] if selected and self.article else ""

    def center_on(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def offset_at(self, point: QPoint) -> int:
        return self.positions.from_qt(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        return self.offset_at(QPoint(4, 4))

    def scroll_to_offset(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(offset))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def offset_fraction(self, offset: int) -> float:
        """Where `offset` falls between the top (0) and bottom (1) of the laid-out text."""
        document = self.document()
        position = self.positions.to_qt(offset)
        block = document.findBlock(position)
        layout = document.documentLayout()
        top = layout.blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
        height = max(1.0, layout.documentSize().height())
        return min(1.0, max(0.0, top / height))

    # Zoom --------------------------------------------------------------------------------

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_font()

    def set_base_point_size(self, size: int) -> None:
        self.base_point_size = size
        self._apply_font()

    def point_size(self) -> int:
        return self.base_point_size + self.zoom * ZOOM_STEP

    def _apply_font(self) -> None:
        top = self.top_offset() if self.article is not None else None
        font = QFont(self.font())
        font.setPointSize(max(6, self.point_size()))
        self.setFont(font)
        self.document().setDefaultFont(font)
        if top is not None:
            self.scroll_to_offset(top)

    # Mouse -------------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and (pos - self._press_pos).manhattanLength() > 4
        self._press_pos = None
        if event.button() != Qt.MouseButton.LeftButton or moved or self.article is None:
            return
        offset = self.offset_at(pos)
        span = self.span_at(offset)
        if span is not None:
            self.spanClicked.emit(span.id)
        else:
            self.positionClicked.emit(offset)

    def contextMenuEvent(self, event) -> None:
        if self.article is None:
            super().contextMenuEvent(event)
            return
        self.contextMenuAt.emit(event.globalPos(), self.offset_at(event.pos()))
        event.accept()

    def wheelEvent(self, event) -> None:
        # Ctrl+wheel goes through the window's zoom, so the panel follows and it is saved.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if steps:
                self.zoomRequested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.index is not None:
            span = self.span_at(self.offset_at(event.pos()))
            if span is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), span_card_html(self.index, span),
                                  self.viewport())
            return True
        return super().viewportEvent(event)
