"""The read-only article: text laid out by block kind, spans drawn as extra selections.

Highlights are QTextEdit extra selections rather than document formats, so toggling a
kind, dimming for a selected source or switching palettes repaints without touching the
document or the scroll position. Every offset goes through TextPositions.

A long document has thousands of spans: selections are kept by key and reused, so a
refresh builds only the new ones, and when there are many they are built a slice per
event-loop turn (add_spans while the chunks of an analysis come in, then set_analysis),
so the window never stalls on one giant formatting pass.
"""

from __future__ import annotations

import shiboken6
from collections import deque

from PySide6.QtCore import (QCoreApplication, QDate, QEvent, QLocale, QMimeData, QPoint,
                            QPointF, Qt, QTimer, Signal)
from PySide6.QtGui import (QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPalette,
                           QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
                           QTextFormat)
from PySide6.QtWidgets import QTextEdit, QToolTip

from reader.document.pagedate import origin_in_words
from reader.ui.formats import DIMMED_LINE_ALPHA, kind_format
from reader.ui.mark_painter import BOX, OUTLINE, UNDERLINE, Mark, paint_marks
from reader.ui.palette import (KINDS, SURFACES, SurfaceColours, blend, kind_colours,
                               projector_mark_width)
from reader.ui.span_card import span_card_html
from reader.ui.table_blocks import insert_table, is_grid, selected_cells
from reader.ui.text_positions import TextPositions, display_text

BASE_POINT_SIZE = 12
ZOOM_STEP = 1
MIN_ZOOM, MAX_ZOOM = -6, 24
_SET_APART = {"caption", "credit", "boilerplate"}
# Highlights built per event-loop turn when many are new (a long document): each selection
# costs a few tens of microseconds to build, so a slice stays well under a frame or two.
HIGHLIGHT_SLICE = 400


MENTION_TINT = 0.16  # how much of the focus colour tints a selected source's mentions


def dated(article) -> str | None:
    """The article's date in words with where it came from ("18 November 2019 — from the
    page's metadata"), the date alone when its origin is not known, None without a date:
    never a date the file does not state (see reader/document/pagedate.py)."""
    if not article.date or not article.date.strip():
        return None
    shown = article.date.strip()
    day = QDate.fromString(shown, Qt.DateFormat.ISODate)
    if day.isValid():
        shown = QLocale().toString(day, "d MMMM yyyy")
    origin = origin_in_words(getattr(article, "date_source", None))
    if not origin:
        return shown
    return QCoreApplication.translate("ArticleView", "{date} — from {origin}").format(
        date=shown, origin=QCoreApplication.translate("DateOrigin", origin))


TITLE_SIZE = 3  # xx-large
COMPACT_TITLE_SIZE = 1  # large: a subheading's size, for Compare's half-width panes


class ArticleView(QTextEdit):
    spanClicked = Signal(str)  # span id
    positionClicked = Signal(int)  # code-point offset of a click outside any span
    layoutChanged = Signal()  # for the minimap
    zoomRequested = Signal(int)  # steps, from Ctrl+wheel
    contextMenuAt = Signal(QPoint, int)  # global position, code-point offset under the mouse
    highlightsDone = Signal()  # every highlight asked for is built and shown

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
        # The title's size over the body's (QTextFormat's FontSizeAdjustment: 3 is
        # xx-large); a narrow pane that names its article above the text asks for less.
        self.title_size = TITLE_SIZE
        # The projector style: stronger fills, underlines and boxes drawn as thick as the
        # font (on in presentation mode); the current claim's spans get an outline.
        self.projector = False
        self.current_spans: list = []
        self._press_pos: QPoint | None = None
        # Built selections by key (see _span_keys), the keys shown in order, those still to
        # build, and the next slice's timer (a zero-interval continuation).
        self._built: dict[tuple, QTextEdit.ExtraSelection] = {}
        self._keys: list[tuple] = []
        self._pending: deque = deque()
        self._shown: list = []
        self._partial_spans: list = []  # spans of an analysis still coming in
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._next_slice)
        self.document().setUndoRedoEnabled(False)
        self.document().documentLayout().documentSizeChanged.connect(
            lambda _size: self.layoutChanged.emit())
        self._apply_font()

    # Document ---------------------------------------------------------------------------

    def set_article(self, article) -> None:
        """Show `article` at once, without colours (they come with set_analysis)."""
        self.article, self.index, self.focus_source = article, None, None
        self._partial_spans = []
        self.current_spans = []  # they belonged to the article before
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
        for text, adjust, bold in self._header_lines(article, self.title_size):
            fmt = QTextCharFormat()
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, adjust)
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setForeground(QColor(self.surface.muted))
            cursor.insertText(text, fmt)
            cursor.insertBlock(body_format, QTextCharFormat())
        base = cursor.position()
        shown = display_text(article.text)
        position = 0
        for block in article.blocks:
            if block.kind != "table" or not is_grid(shown, block.start, block.end):
                continue
            # The table's frame takes the place of the line break before it, its cell
            # boundaries those of its tabs and line breaks, its end the line break after:
            # every offset keeps its position.
            cursor.insertText(shown[position:block.start - 1], QTextCharFormat())
            insert_table(cursor, shown[block.start:block.end], getattr(block, "head_rows", 0),
                         self.surface, self._table_gap())
            cursor = QTextCursor(document)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.setBlockFormat(body_format)  # the block after a table starts plain
            position = min(block.end + 1, len(shown))
        cursor.insertText(shown[position:], QTextCharFormat())
        self.positions = TextPositions(article.text, base)
        self._format_blocks(document, article)
        old = self.document()
        self.setDocument(document)
        # Qt deletes the editor's own first document; the ones made here are ours to free.
        if shiboken6.isValid(old) and old.parent() is self:
            old.deleteLater()
        document.documentLayout().documentSizeChanged.connect(
            lambda _size: self.layoutChanged.emit())
        self._forget_highlights()
        self.setExtraSelections([])
        self.layoutChanged.emit()

    def _table_gap(self) -> float:
        """The space above and below a table: one blank line of the body text at the
        current size (the empty lines around a table's frame take no room)."""
        return QFontMetricsF(self.font()).lineSpacing() * 1.35

    def createMimeDataFromSelection(self):
        """Copy: Qt's rich text (a table stays a table), and as plain text the article's
        own words, a table's cells apart by tabs and its rows on lines (a spreadsheet
        takes them as cells), with any header lines selected above the text."""
        rich = super().createMimeDataFromSelection()
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return rich
        # Qt's own mime data makes its plain text from the selection when asked, over
        # any set before: a plain QMimeData holds both.
        mime = QMimeData()
        mime.setHtml(rich.html())
        plain = selected_cells(cursor, self.positions, self.article.text)
        if plain is not None:
            mime.setText(plain)
            return mime
        plain = self.selected_text()
        base = self.positions.base
        if cursor.selectionStart() < base:
            header = QTextCursor(self.document())
            header.setPosition(cursor.selectionStart())
            header.setPosition(min(base, cursor.selectionEnd()), QTextCursor.MoveMode.KeepAnchor)
            plain = header.selectedText().replace("\u2029", "\n") + plain
        mime.setText(plain)
        return mime

    @staticmethod
    def _header_lines(article, title_size: int = 3) -> list[tuple[str, int, bool]]:
        """Title, then byline · date · publisher, for what the text itself does not show;
        the date says where it came from ("18 November 2019 — from the page's metadata")."""
        head = article.text[:2000]
        lines = []
        if article.title and article.title.strip() not in head:
            lines.append((article.title.strip(), title_size, True))
        meta = [v.strip() for v in (article.byline, article.date, article.publisher)
                if v and v.strip() and v.strip() not in head]
        if article.date and article.date.strip() in meta:
            meta[meta.index(article.date.strip())] = dated(article) or article.date.strip()
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
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment,
                                max(self.title_size, 1) if is_title else 1)
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
        self._partial_spans = []
        self.refresh_highlights()

    def set_palette(self, palette_name: str, surface: SurfaceColours | None = None) -> None:
        self.palette_name = palette_name
        self.surface = surface or SURFACES[palette_name]
        self._forget_highlights()
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

    def set_projector_style(self, on: bool) -> None:
        if on == self.projector:
            return
        self.projector = on
        self._forget_highlights()
        self.refresh_highlights()

    def set_current_spans(self, spans) -> None:
        """Outline `spans` (the parts of the claim presentation mode is on), keeping their
        kind colours; [] for none."""
        self.current_spans = list(spans)
        self.viewport().update()

    def mark_width(self) -> int:
        return projector_mark_width(QFontInfo(self.font()).pixelSize())

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

    def add_spans(self, spans) -> None:
        """Colour `spans` too, while the analysis of a long document is still coming in
        (before set_analysis): only the new spans are built, a slice at a time."""
        if self.index is not None or self.article is None:
            return
        self._partial_spans.extend(spans)
        keys = self._span_keys(spans, None, set())
        self._keys.extend(keys)
        self._pending.extend(k for k in keys if k not in self._built)
        self._schedule_slices()

    @property
    def highlighting(self) -> bool:
        """Whether highlights are still being built (in slices, between event-loop turns)."""
        return bool(self._pending)

    def refresh_highlights(self) -> None:
        """Rebuild the extra selections for the current spans, kinds, focus and quiz state.
        Selections built before are reused; when more than a slice's worth is new, the new
        ones are built over several event-loop turns (what is already built stays shown)."""
        self._slice_timer.stop()
        spans = self.index.spans if self.index is not None else self._partial_spans
        if self.article is None or (self.index is None and not spans):
            self._keys, self._pending = [], deque()
            self._shown = []
            self.setExtraSelections([])
            self.viewport().update()
            return
        focus_spans, mentions = set(), []
        source = (self.index.sources.get(self.focus_source)
                  if self.index is not None and self.focus_source else None)
        keys = []
        if source is not None:
            for claim_id in source.claims:
                focus_spans.update(s.id for s in self.index.spans_of_claim(claim_id))
            mentions = list(source.mentions)
            keys.append(("dim", 0, len(self.article.text)))
        keys.extend(self._span_keys(spans, source, focus_spans))
        keys.extend(("mention", start, end) for start, end in mentions)
        self._keys = keys
        self._pending = deque(k for k in keys if k not in self._built)
        if len(self._pending) <= HIGHLIGHT_SLICE:
            self._build_slice(len(self._pending))
        else:
            self._publish()
            self._schedule_slices()

    def _span_keys(self, spans, source, focus_spans) -> list[tuple]:
        """One key per span to colour: everything its selection's format depends on."""
        keys = []
        for span in spans:
            if span.kind not in self.visible_kinds:
                continue
            if self.shown_spans is not None and span.id not in self.shown_spans:
                continue
            state = None if source is None else span.id in focus_spans
            keys.append(("span", span.start, span.end, span.kind,
                         bool(getattr(span, "corrected", False)), state))
        return keys

    def _make_selection(self, key: tuple):
        what, start, end = key[:3]
        if what == "dim":
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(self.surface.dimmed_text))
        elif what == "mention":
            fmt = QTextCharFormat()
            # A background of its own: Qt repaints the text of an extra selection over an
            # earlier one (the dimming) only where the later one has a background.
            fmt.setBackground(blend(self.surface.background, self.surface.focus,
                                     MENTION_TINT))
            fmt.setForeground(QColor(self.surface.focus))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(self.surface.focus))
        else:
            kind, corrected, focused = key[3:]
            dimmed = focused is False
            fmt = kind_format(kind, self.palette_name, dimmed, self.projector)
            if corrected:
                fmt.setFontOverline(True)  # the reader's own correction
            if focused is not None:
                fmt.setForeground(QColor(self.surface.dimmed_text if dimmed
                                         else self.surface.text))
        return self._selection(start, end, fmt)

    def _schedule_slices(self) -> None:
        if self._pending and not self._slice_timer.isActive():
            self._slice_timer.start()

    def _next_slice(self) -> None:
        self._build_slice(HIGHLIGHT_SLICE)
        self._schedule_slices()

    def _build_slice(self, count: int) -> None:
        built, pending = self._built, self._pending
        for _ in range(min(count, len(pending))):
            key = pending.popleft()
            if key not in built:
                built[key] = self._make_selection(key)
        self._publish()
        if not pending:
            self.highlightsDone.emit()

    def _publish(self) -> None:
        built = self._built
        self._shown = [built[k] for k in self._keys if k in built]
        self.setExtraSelections(self._shown)

    def _forget_highlights(self) -> None:
        """Drop every built selection (their cursors and formats belong to the old
        document or palette) and any slice still to come."""
        self._slice_timer.stop()
        self._built, self._keys, self._pending, self._shown = {}, [], deque(), []

    def _selection(self, start: int, end: int, fmt: QTextCharFormat):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        qt_start, qt_end = self.positions.range_to_qt(start, end)
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # Marks drawn over the text ----------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        marks = self.visible_marks()
        if marks:
            painter = QPainter(self.viewport())
            offset = QPointF(-self.horizontalScrollBar().value(),
                             -self.verticalScrollBar().value())
            paint_marks(painter, self.document(), marks, offset)
            painter.end()

    def visible_marks(self) -> list[Mark]:
        """The projector style's underlines and boxes, and the current claim's outline, of
        the spans on screen."""
        if self.article is None or (not self.projector and not self.current_spans):
            return []
        first = self.positions.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        corner = QPoint(self.viewport().width(), self.viewport().height())
        last = self.positions.from_qt(self.cursorForPosition(corner).position())
        width = self.mark_width()
        marks = []
        if self.projector:
            for key in self._keys:
                if key[0] != "span" or key[2] < first or key[1] > last + 1:
                    continue
                kind, focused = key[3], key[5]
                if kind == "quote":
                    continue
                colour = QColor(kind_colours(kind, self.palette_name, True).line)
                if focused is False:
                    colour.setAlpha(DIMMED_LINE_ALPHA)
                start, end = self.positions.range_to_qt(key[1], key[2])
                marks.append(Mark(start, end, UNDERLINE if kind == "paraphrase" else BOX,
                                  colour, width))
        for span in self.current_spans:
            if span.end >= first and span.start <= last + 1:
                start, end = self.positions.range_to_qt(span.start, span.end)
                marks.append(Mark(start, end, OUTLINE, QColor(self.surface.text), width))
        return marks

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
        return self.offset_fractions([offset])[0]

    def offset_fractions(self, offsets) -> list[float]:
        """offset_fraction of each of `offsets` (the document's size is asked once)."""
        tops = self.offset_tops(offsets)
        height = self.layout_height()
        return [min(1.0, max(0.0, top / height)) for top in tops]

    def offset_tops(self, offsets) -> list[float]:
        """The laid-out y of each of `offsets` (laying the text out up to them)."""
        document = self.document()
        layout = document.documentLayout()
        out = []
        for offset in offsets:
            position = self.positions.to_qt(offset)
            block = document.findBlock(position)
            top = layout.blockBoundingRect(block).top()
            line = block.layout().lineForTextPosition(position - block.position())
            if line.isValid():
                top += line.y()
            out.append(top)
        return out

    def layout_height(self) -> float:
        """The height of the whole laid-out text (laying out what is not yet)."""
        layout = self.document().documentLayout()
        layout.blockBoundingRect(self.document().lastBlock())
        return max(1.0, layout.documentSize().height())

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
        for frame in self.document().rootFrame().childFrames():  # the tables
            frame_format = frame.frameFormat()
            frame_format.setTopMargin(self._table_gap())
            frame_format.setBottomMargin(self._table_gap())
            frame.setFrameFormat(frame_format)
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
