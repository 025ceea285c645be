"""One article as the window shows it (the coloured view and its sources panel), as a
widget of its own, for the two sides of Compare.

It loads the article, analyses it off the UI thread (the disk cache first), applies the
reader's saved corrections (read only: corrections are made in the main window) and
keeps the selection of a source between the panel and the view.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from reader.ui.analysis_index import AnalysisIndex
from reader.ui.analysis_worker import AnalysisRunner, AnalyzerHolder
from reader.ui.article_view import COMPACT_TITLE_SIZE, ArticleView, dated
from reader.ui.language_banner import LanguageBanner, language_notice
from reader.ui.sources_panel import ROW_CLAIM, ROW_SOURCE, ROW_SPAN, SourcesPanel

if TYPE_CHECKING:
    from reader.document.model import Article


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticlePane", text)


class CorrectedAnalysis(NamedTuple):
    """What _prepare makes in the worker thread, for the article it was made for."""

    article: object
    analysis: object  # the analysis with the saved corrections
    index: AnalysisIndex


def _prepare(article, analysis) -> CorrectedAnalysis:
    """In the worker thread: the analysis with the saved corrections, and its index."""
    from reader.export.analysed import with_corrections

    corrected = with_corrections(article, analysis)
    return CorrectedAnalysis(article, corrected, AnalysisIndex(article.text, corrected))


class ArticlePane(QWidget):
    analysed = Signal()  # the analysis is shown
    failed = Signal(str)  # one sentence
    sourceSelected = Signal(str)  # source id, chosen in this pane's panel or text
    selectionCleared = Signal()

    def __init__(self, holder: AnalyzerHolder, parent=None):
        super().__init__(parent)
        self.article: Article | None = None
        self.path: str | None = None
        self.analysis = None
        self.index: AnalysisIndex | None = None
        self.current_span: str | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(8, 4, 8, 4)
        # An article that is not English: why nothing is coloured, and Analyse Anyway.
        self.language_banner = LanguageBanner(self)
        self.language_banner.analyseAnyway.connect(self.analyse_anyway)
        self.english_anyway = False
        self.view = ArticleView(self)
        # The pane's heading already names the article: the title in the text needs no
        # poster size at half the window's width.
        self.view.title_size = COMPACT_TITLE_SIZE
        self.panel = SourcesPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.language_banner)
        layout.addWidget(self.splitter, 1)

        self.runner = AnalysisRunner(holder, self)
        self.runner.prepare = _prepare
        self.runner.finished.connect(self._on_analysis)
        self.runner.failed.connect(lambda message, _model: self._on_failed(message))
        self.view.spanClicked.connect(self._on_span_clicked)
        self.view.positionClicked.connect(self._on_position_clicked)
        self.panel.sourceSelected.connect(self._on_panel_source)
        self.panel.claimSelected.connect(self._on_panel_claim)
        self.panel.spanSelected.connect(self._on_panel_span)
        self.panel.selectionCleared.connect(self._on_panel_cleared)

    # Opening -----------------------------------------------------------------------------

    def open_path(self, path: str) -> str | None:
        """Show the article at `path` and start its analysis; the error sentence if it
        cannot be read (then nothing changes)."""
        from reader.document import ArticleError, load_article

        try:
            article = load_article(path)
        except ArticleError as error:
            return str(error)
        self.show_article(article, path)
        return None

    def show_article(self, article, path: str | None = None) -> None:
        self.runner.cancel()
        self.article, self.path = article, path
        self.analysis = self.index = self.current_span = None
        self.english_anyway = False
        self.language_banner.show_for(None)
        self.view.set_article(article)
        self.panel.set_index(None)
        self.panel.set_note(None)
        name = Path(path).name if path else ""
        title = article.title or name or _tr("Untitled")
        details = " · ".join(escape(x) for x in (article.publisher, dated(article), name) if x)
        self.heading.setText(f"<b>{escape(title)}</b><br><small>{details}</small>")
        self.runner.start(article)

    @property
    def running(self) -> bool:
        return self.runner.running

    def _on_analysis(self, analysis) -> None:
        prepared = self.runner.prepared
        if prepared is not None and prepared.article is self.article:
            self.analysis, self.index = prepared.analysis, prepared.index
        else:
            self.analysis, self.index = analysis, AnalysisIndex(self.article.text, analysis)
        self.view.set_analysis(self.index)
        self.panel.set_index(self.index)
        shown = self.index.analysis
        self.language_banner.show_for(shown)
        self.panel.set_note(language_notice(shown) if shown.not_english else None)
        self.analysed.emit()

    def analyse_anyway(self) -> None:
        """Run the English analysis on an article left unanalysed as not English (the
        main window's Analyse Anyway, for this side)."""
        if self.article is None or self.english_anyway:
            return
        self.english_anyway = True
        self.language_banner.show_for(None)
        self.runner.start(self.article, english_anyway=True)

    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    # Selection ---------------------------------------------------------------------------

    def focus_source(self, source_id: str | None, scroll: bool = True) -> None:
        """Highlight `source_id`'s claims and mentions (None: every source) and select its
        row, without announcing it (the other side is told by the window)."""
        blocked = self.panel.blockSignals(True)
        try:
            if source_id is None:
                self.panel.clear_selection()
            else:
                self.panel.select(ROW_SOURCE, source_id)
        finally:
            self.panel.blockSignals(blocked)
        self.view.set_focus_source(source_id)
        source = self.index.sources.get(source_id) if self.index and source_id else None
        if scroll and source is not None and source.claims:
            span_range = self.index.claim_range(source.claims[0])
            if span_range:
                self.view.center_on(span_range[0])

    def _on_panel_source(self, source_id: str) -> None:
        self.focus_source(source_id)
        self.sourceSelected.emit(source_id)

    def _on_panel_claim(self, claim_id: str) -> None:
        span_range = self.index.claim_range(claim_id) if self.index else None
        if span_range is not None:
            spans = self.index.spans_of_claim(claim_id)
            self.current_span = spans[0].id if spans else None
            self.view.select_range(*span_range)

    def _on_panel_span(self, span_id: str) -> None:
        span = self.index.spans_by_id.get(span_id) if self.index else None
        if span is not None:
            self.current_span = span.id
            self.view.select_range(span.start, span.end)

    def _on_panel_cleared(self) -> None:
        self.view.set_focus_source(None)
        self.selectionCleared.emit()

    def _on_span_clicked(self, span_id: str) -> None:
        span = self.index.spans_by_id.get(span_id) if self.index else None
        if span is None:
            return
        self.current_span = span.id
        self.view.select_range(span.start, span.end, scroll=False)
        if not (span.claim and self.panel.select(ROW_CLAIM, span.claim)):
            self.panel.select(ROW_SPAN, span.id)

    def _on_position_clicked(self, offset: int) -> None:
        source = self.index.source_mentioned_at(offset) if self.index else None
        if source is not None:
            self.focus_source(source.id, scroll=False)
            self.sourceSelected.emit(source.id)

    def go_to_span(self, span) -> None:
        self.current_span = span.id
        self.view.select_range(span.start, span.end)
        if not (span.claim and self.panel.select(ROW_CLAIM, span.claim)):
            self.panel.select(ROW_SPAN, span.id)

    def step_claim(self, kinds, forward: bool = True, to_end: bool = False):
        """Go to the next (or previous) claim with spans of `kinds`, as presentation mode
        steps — with `to_end`, to the last (or first) —: (its spans, its number from 1, the
        number of claims), or None."""
        from reader.ui.presentation import teaching_steps

        if self.index is None:
            return None
        steps = teaching_steps(self.index, kinds)
        if not steps:
            return None
        at = next((i for i, spans in enumerate(steps)
                   if any(s.id == self.current_span for s in spans)), None)
        if to_end:
            at = len(steps) - 1 if forward else 0
        elif at is None:
            at = 0 if forward else len(steps) - 1
        else:
            at = min(len(steps) - 1, at + 1) if forward else max(0, at - 1)
        spans = steps[at]
        self.current_span = spans[0].id
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.set_current_spans(spans)  # outlined, in their kind colours
        self.view.center_on(spans[0].start)
        if not (spans[0].claim and self.panel.select(ROW_CLAIM, spans[0].claim)):
            self.panel.select(ROW_SPAN, spans[0].id)
        return spans, at + 1, len(steps)

    def close_pane(self) -> None:
        self.runner.cancel()
