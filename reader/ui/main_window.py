"""The main window: article view, sources panel, legend, status bar, and their wiring.
The menus are reader/ui/menus.py, the find bar reader/ui/find_bar.py.

It keeps no analysis logic: it loads an Article (fast, on the UI thread), hands it to the
AnalysisRunner and shows what comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (QApplication, QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMenu,
                               QMessageBox, QProgressBar, QPushButton, QSplitter, QToolTip,
                               QVBoxLayout,
                               QWidget)

from reader import APP_NAME
from reader.ui import palette as palettes
from reader.ui.analysis_index import AnalysisIndex
from reader.ui.analysis_worker import STAGE_MODEL, AnalysisRunner, AnalyzerHolder
from reader.ui.article_view import BASE_POINT_SIZE, HIGHLIGHT_SLICE, ArticleView
from reader.ui.corrections_ui import Corrections, menu_text
from reader.ui.export_actions import Exporter
from reader.ui.find_bar import FindBar
from reader.ui.help_page import HelpDialog
from reader.ui.language_banner import LanguageBanner, language_notice
from reader.ui.legend_bar import LegendBar
from reader.ui.load_worker import LoadRunner
from reader.ui.menus import MainMenu
from reader.ui.minimap import Minimap
from reader.ui.presentation import LEGEND_MAX_SCALE, PANEL_MAX_SCALE, CaptionBar, Presentation
from reader.ui.quiz_mode import QuizMode
from reader.ui.settings import Settings
from reader.ui.source_link import SourceLink
from reader.ui.sources_panel import ROW_CLAIM, ROW_SOURCE, ROW_SPAN, SourcesPanel
from reader.ui.translations import english_plural

if TYPE_CHECKING:
    from reader.document.model import Article
    from reader.ui.who_speaks import WhoSpeaksDialog

# The progress bar counts in thousandths of the text (a long one has over a million chars).
PROGRESS_STEPS = 1000
# Minimap marks placed per event-loop turn on a long document.
MINIMAP_SLICE = 800
OPEN_PATTERNS = ("*.txt *.html *.htm *.md *.markdown *.mhtml *.mht *.eml *.epub *.docx *.pdf "
                 "*.webarchive")


class PreparedAnalysis(NamedTuple):
    """What the analysis job prepares in its worker thread for the window (_prepare_analysis)."""

    article: object  # the Article it was prepared for: a result for another one is not used
    corrections: tuple  # (loaded, history) for Corrections.start
    index: AnalysisIndex


def _inside_program(folder: Path) -> bool:
    """Whether `folder` is inside the installed program (its package or resources)."""
    import reader
    from reader.resources_path import resource_dir

    program = [Path(reader.__file__).resolve().parent, resource_dir().resolve()]
    folder = folder.resolve()
    return any(folder == root or root in folder.parents for root in program)


class MainWindow(QMainWindow):
    def __init__(self, holder: AnalyzerHolder | None = None, settings: Settings | None = None,
                 store=None):
        super().__init__()
        self.settings = settings or Settings()
        self.corrections = Corrections(self, store)  # store: a CorrectionStore, or the default
        self.exporter = Exporter(self)
        self.who_speaks_dialog: WhoSpeaksDialog | None = None
        self.runner = AnalysisRunner(holder or AnalyzerHolder(), self)
        self.loader = LoadRunner(self)  # files are read off the UI thread
        self.article: Article | None = None
        self.index: AnalysisIndex | None = None
        self.current_span: str | None = None
        self.step_kind: str | None = None  # None: every shown kind
        # The reader asked for the English analysis of an article that is not English.
        self.english_anyway = False
        self._system_style: str | None = None
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)

        self.view = ArticleView(self)
        self.view.setAcceptDrops(False)
        self.view.setPlaceholderText(
            self.tr("Open an article with File > Open (Ctrl+O), or drop a file here."))
        self.minimap = Minimap(self)
        self.panel = SourcesPanel(self)
        self.legend = LegendBar(self)
        self.caption_bar = CaptionBar(self)
        self.caption_bar.hide()
        self.language_banner = LanguageBanner(self)
        self.find_bar = FindBar(self)
        self.quiz_mode = QuizMode(self)
        self.source_link = SourceLink(self)
        self._lay_out()
        self._make_status_bar()
        self.presentation = Presentation(self)
        self.menu = MainMenu(self)
        self.actions = self.menu.actions
        self.update_edit_actions()
        self._make_timers()
        self._connect()
        self._restore_settings()
        self.set_status(self.tr("Open an article with File > Open, or drop a file here."))

    def _lay_out(self) -> None:
        """Legend, caption and quiz bars above the article (with its address and minimap)
        and the sources panel side by side, the find bar below."""
        reading = QWidget(self)
        reading_layout = QHBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.view, 1)
        reading_layout.addWidget(self.minimap)
        article_column = QWidget(self)
        column_layout = QVBoxLayout(article_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.source_link)
        column_layout.addWidget(reading, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(article_column)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption_bar)
        layout.addWidget(self.quiz_mode.bar)
        layout.addWidget(self.language_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _make_status_bar(self) -> None:
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop opening the file, or stop the analysis "
                                              "(the text stays readable)"))
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._show_progress(False)

    def _make_timers(self) -> None:
        # Layout reports its size many times while a long article is laid out; place the
        # minimap marks once it settles.
        self._minimap_timer = QTimer(self)
        self._minimap_timer.setSingleShot(True)
        self._minimap_timer.setInterval(80)
        self._minimap_timer.timeout.connect(self._update_minimap)
        self._minimap_job: tuple[list, list] = ([], [])  # spans, the tops found so far
        self._minimap_slices = QTimer(self)
        self._minimap_slices.setSingleShot(True)
        self._minimap_slices.setInterval(0)
        self._minimap_slices.timeout.connect(self._next_minimap_slice)
        # A long document's sources panel is filled once its highlights are shown.
        self._panel_stale = False
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(0)
        self._panel_timer.timeout.connect(self._refresh_panel)

    def _connect(self) -> None:
        self.runner.stage.connect(self._on_stage)
        self.runner.progress.connect(self._on_progress)
        self.runner.prepare = self._prepare_analysis
        self.runner.finished.connect(self._on_analysis)
        self.runner.failed.connect(self._on_failed)
        self.loader.loaded.connect(self.show_article)
        self.loader.failed.connect(self._on_load_failed)
        self.view.spanClicked.connect(self.on_span_clicked)
        self.view.positionClicked.connect(self._on_position_clicked)
        self.view.zoomRequested.connect(self.zoom_by)
        self.view.contextMenuAt.connect(self.show_context_menu)
        self.view.layoutChanged.connect(self._minimap_timer.start)
        self.view.verticalScrollBar().valueChanged.connect(self._update_minimap_window)
        self.minimap.jumpRequested.connect(self._jump_to_fraction)
        self.view.highlightsDone.connect(self._on_highlights_done)
        self.panel.sourceSelected.connect(self.on_source_selected)
        self.panel.claimSelected.connect(self.on_claim_selected)
        self.panel.spanSelected.connect(self.on_panel_span_selected)
        self.panel.selectionCleared.connect(lambda: self.view.set_focus_source(None))
        self.panel.sort_box.currentIndexChanged.connect(
            lambda _i: self.settings.set_value("panel/sort", self.panel.sort))
        self.legend.toggled.connect(self.on_kind_toggled)
        self.language_banner.analyseAnyway.connect(self.analyse_anyway)
        # A bound method, so Qt drops the connection when this window goes.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def set_model(self, name: str) -> None:
        """Analyse with another installed pipeline from now on (kept in the settings)."""
        from reader.provenance.pipelines import DEFAULT_MODEL

        if name == (self.runner.holder.model_name or DEFAULT_MODEL):
            return
        self.settings.set_value("analysis/model", "" if name == DEFAULT_MODEL else name)
        self.runner.cancel()
        self.runner.holder = AnalyzerHolder(name)
        if self.article is not None:
            self._show_progress(True)
            self.set_status(self.tr("Loading language model…"))
            self.runner.start(self.article)

    def show_page_images(self) -> None:
        from reader.ui.page_images import PageImagesDialog

        images = self.article.images if self.article is not None else []
        dialog = PageImagesDialog(images, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.page_images_dialog = dialog

    # Opening -----------------------------------------------------------------------------

    def open_start_folder(self) -> str:
        """Where File > Open starts: the folder of the last article opened, but never the
        program's own folder (where the shipped sample lives); else the Documents folder."""
        last = self.settings.value("files/last_dir")
        if last and Path(last).is_dir() and not _inside_program(Path(last)):
            return last
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def open_dialog(self) -> None:
        start = self.open_start_folder()
        filters = self.tr("Articles ({patterns});;All files (*)").format(patterns=OPEN_PATTERNS)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an article"), start, filters)
        if path:
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        """A folder of saved articles, as a library window (reader/ui/collection_window.py)."""
        from reader.ui import windows

        start = self.settings.value("files/last_dir") or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of articles"),
                                                  start)
        if folder:
            windows.open_collection(self.runner.holder, self.settings, folder)

    def compare_with_dialog(self) -> None:
        """This article and another, side by side (reader/ui/compare_window.py)."""
        from reader.ui import windows

        if self.article is None or not self.article.path:
            return
        start = str(Path(self.article.path).resolve().parent)
        filters = self.tr("Articles ({patterns});;All files (*)").format(patterns=OPEN_PATTERNS)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Compare with another article"),
                                              start, filters)
        if path:
            windows.open_compare(self.runner.holder, self.settings, self.article.path, path, self)

    def open_path(self, path: str) -> int:
        """Start reading the article at `path` in the background, with the progress bar and
        Cancel, so the window keeps painting and quits whatever the file; it is shown (and
        analysed) once read. On a bad file a dialog says why and the current document
        stays. Returns the load's job id (0: not opened, the reader kept a correction that
        could not be saved)."""
        from reader.document.errors import shown_name

        if not self.corrections.confirm_unsaved():
            return 0
        job = self.loader.start(path)
        self._show_progress(True)
        self.set_status(self.tr("Opening “{name}”…").format(name=shown_name(Path(path).name)))
        return job

    def _on_load_failed(self, message: str, _path: str) -> None:
        self._show_progress(self.runner.running)
        self.set_status(message)
        QMessageBox.warning(self, self.tr("Cannot open this file"), message)

    def show_article(self, article, path: str | None = None) -> None:
        self._remember_position()
        self.runner.cancel()
        self.quiz_mode.leave()
        self.corrections.clear()
        self.article, self.index, self.current_span = article, None, None
        self.english_anyway = False
        self.language_banner.show_for(None)
        self.panel.set_note(None)
        self.view.set_article(article)
        self.source_link.set_url(article.url)
        self._panel_stale = False
        self._panel_timer.stop()
        self.panel.set_index(None)
        self.legend.set_counts(None)
        self._minimap_slices.stop()
        self.minimap.set_marks([])
        self.caption_bar.clear()
        self.find_bar.clear_matches()
        name = Path(path).name if path else (article.title or self.tr("Untitled"))
        self.setWindowTitle(f"{name} — {APP_NAME}")
        if path:
            self.settings.add_recent_file(path)
            folder = Path(path).resolve().parent
            if not _inside_program(folder):  # the shipped sample is not the user's folder
                self.settings.set_value("files/last_dir", str(folder))
            saved = self.settings.position_for(path)
            if saved:
                QTimer.singleShot(0, self, lambda: self.view.scroll_to_offset(saved))
        self.update_edit_actions()
        self.runner.start(article)
        self._show_progress(True)
        self.set_status(self.tr("Analysing…") if self.runner.holder.loaded
                        else self.tr("Loading language model…"))

    def analyse_anyway(self) -> None:
        """Run the whole English analysis on the shown article, which was left unanalysed
        because it does not look English (a teacher's English article misjudged)."""
        if self.article is None or self.english_anyway:
            return
        self.english_anyway = True
        self.language_banner.show_for(None)
        self.actions["analyse_anyway"].setEnabled(False)
        self.runner.start(self.article, english_anyway=True)
        self._show_progress(True)
        self.set_status(self.tr("Analysing as English…"))

    def _remember_position(self) -> None:
        if self.article is not None and self.article.path:
            self.settings.set_position(self.article.path, self.view.top_offset())

    def cancel_analysis(self) -> None:
        if self.loader.running:  # opening a file: the document shown stays as it is
            self.loader.cancel()
            self._show_progress(self.runner.running)
            self.set_status(self.tr("Opening cancelled."))
            return
        self.runner.cancel()
        if self.index is None:
            self.view.set_analysis(None)  # drop the chunks coloured so far
        self._show_progress(False)
        self.set_status(self.tr("Analysis cancelled; the text is shown without colours."))
        self.update_edit_actions()

    # Drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                event.acceptProposedAction()
                return

    # Analysis results --------------------------------------------------------------------

    def _on_stage(self, stage: str) -> None:
        self.set_status(self.tr("Loading language model…") if stage == STAGE_MODEL
                        else self.tr("Analysing…"))

    def _on_progress(self, done: int, total: int, part) -> None:
        """A chunk of a long document is analysed: its spans join the view at once."""
        if self.article is None or self.index is not None:
            return
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(min(PROGRESS_STEPS, PROGRESS_STEPS * done // max(1, total)))
        self.set_status(self.tr("Analysing… {percent}%").format(
            percent=min(100, 100 * done // max(1, total))))
        self.view.add_spans(part.spans)

    def _prepare_analysis(self, article, analysis):
        """Run by the analysis job in its worker thread: the corrections history (a copy of
        the analysis) and the index of the corrected analysis, which take a long document
        hundreds of milliseconds that the event loop would otherwise stall for."""
        loaded, history = self.corrections.prepare(article, analysis)
        return PreparedAnalysis(article, (loaded, history), AnalysisIndex(article.text, history.analysis))

    def _on_analysis(self, analysis) -> None:
        self._show_progress(False)
        prepared, index = self.runner.prepared, None
        if prepared is not None and prepared.article is self.article:
            loaded = self.corrections.start(self.article, analysis, prepared.corrections)
            index = prepared.index
        else:
            loaded = self.corrections.start(self.article, analysis)
        self.show_analysis(self.corrections.analysis, index)
        if self.runner.holder.reduced:
            from reader.provenance.pipelines import REDUCED_ATTRIBUTION_NOTICE

            self.set_status(self.status_label.text() + " " + QCoreApplication.translate(
                "Models", REDUCED_ATTRIBUTION_NOTICE))
        elif self.runner.holder.learned_missing:
            from reader.provenance.pipelines import LEARNED_MISSING_NOTICE

            self.set_status(self.status_label.text() + " " + QCoreApplication.translate(
                "Models", LEARNED_MISSING_NOTICE))
        restored = len(self.corrections.history.corrections)
        if restored:
            self.set_status(self.status_label.text() + " " + english_plural(self.tr(
                "(%n saved correction(s) restored)", "", restored), restored))
        if loaded.dropped:
            dropped = len(loaded.dropped)
            self.set_status(self.status_label.text() + " " + english_plural(self.tr(
                "%n correction(s) could not be placed on the changed text.", "", dropped),
                dropped))

    def show_analysis(self, analysis, index: AnalysisIndex | None = None) -> None:
        """Show `analysis` (the corrected one) for the current article: highlights, panel,
        legend, minimap; called again after every correction. `index`: its AnalysisIndex,
        if made already. A long document's highlights are built in slices over several
        event-loop turns, and its panel and minimap follow once they are shown."""
        focus = self.view.focus_source
        # A hover card still up describes the analysis before this one (an Undo).
        QToolTip.hideText()
        if index is None or index.analysis is not analysis:
            index = AnalysisIndex(self.article.text, analysis)
        self.index = index
        self.view.set_analysis(self.index)
        if focus in self.index.sources:
            self.view.set_focus_source(focus)
        large = len(self.index.spans) > HIGHLIGHT_SLICE
        if large:
            self._panel_stale = True
            if not self.view.highlighting:
                self._panel_timer.start()
        else:
            self._panel_stale = False
            self._panel_timer.stop()
            self.panel.set_index(self.index)
        if self.current_span not in self.index.spans_by_id:
            self.current_span = None
        counts = self.index.counts()
        self.legend.set_counts(None if self.quiz_mode.active else counts)
        if large:
            self._minimap_timer.start()
        else:
            self._update_minimap()
        notice = language_notice(analysis)
        self.language_banner.show_for(analysis)
        self.panel.set_note(notice if analysis.not_english else None)
        self.actions["analyse_anyway"].setEnabled(analysis.not_english)
        if not self.quiz_mode.active:
            summary = self.summary(counts, len(analysis.sources))
            if analysis.not_english:
                summary = notice
            elif notice is not None:
                summary = self.tr("{summary} (analysed as English at your request)").format(
                    summary=summary)
            self.set_status(summary)
        self.presentation.refresh()
        self.update_edit_actions()
        if self.who_speaks_dialog is not None and self.who_speaks_dialog.isVisible():
            self.who_speaks_dialog.set_analysis(self.article, analysis, self.view.palette_name)

    def _on_highlights_done(self) -> None:
        if self._panel_stale:
            self._panel_timer.start()  # the next turn, after the highlights are painted

    def _refresh_panel(self) -> None:
        if self._panel_stale and self.index is not None:
            self._panel_stale = False
            self.panel.set_index(self.index, sliced=True)

    def toggle_presentation(self) -> None:
        # Presentation mode spells out every span: not during a quiz.
        if not self.presentation.active:
            self.quiz_mode.leave()
        self.presentation.toggle()

    def update_edit_actions(self) -> None:
        history = self.corrections.history
        editable = history is not None and not self.quiz_mode.active
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(editable and history.can_undo())
        redo.setEnabled(editable and history.can_redo())
        undo.setText(self.tr("&Undo {what}").format(what=menu_text(history.undo_text()))
                     if editable and history.can_undo() else self.tr("&Undo"))
        redo.setText(self.tr("&Redo {what}").format(what=menu_text(history.redo_text()))
                     if editable and history.can_redo() else self.tr("&Redo"))
        analysed = history is not None
        for name in ("export_html", "export_pdf", "export_json", "export_brat", "print",
                     "export_corrections", "who_speaks"):
            self.actions[name].setEnabled(analysed)
        self.actions["export_handout"].setEnabled(self.article is not None)
        self.actions["compare_with"].setEnabled(self.article is not None
                                                and bool(self.article.path))
        self.actions["import_corrections"].setEnabled(editable)
        self.actions["quiz"].setEnabled(analysed)
        # In a quiz the panel would list the answers.
        self.actions["toggle_panel"].setEnabled(not self.quiz_mode.active)

    def show_context_menu(self, global_pos, offset: int) -> QMenu:
        """Pop the article's menu up at `global_pos` (without blocking: a chosen action
        runs before the menu is deleted, deleteLater waits for the event loop)."""
        menu = self.context_menu(offset)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(global_pos)
        return menu

    def context_menu(self, offset: int) -> QMenu:
        """The article view's menu for code-point `offset`: Copy, Select All, and the
        corrections of the span there and of the selection."""
        menu = self.view.createStandardContextMenu()
        menu.setParent(self, menu.windowFlags())
        if self.corrections.history is not None and not self.quiz_mode.active:
            menu.addSeparator()
            self.corrections.fill_menu(menu, offset)
        return menu

    def show_who_speaks(self) -> None:
        from reader.ui.who_speaks import WhoSpeaksDialog

        if self.corrections.analysis is None:
            return
        if self.who_speaks_dialog is None:
            self.who_speaks_dialog = WhoSpeaksDialog(self)
        self.who_speaks_dialog.set_analysis(self.article, self.corrections.analysis,
                                            self.view.palette_name)
        self.who_speaks_dialog.show()
        self.who_speaks_dialog.raise_()
        self.who_speaks_dialog.activateWindow()

    def summary(self, counts: dict[str, int], sources: int) -> str:
        quotes, paraphrases = counts.get("quote", 0), counts.get("paraphrase", 0)
        framing = counts.get("framing", 0)
        return ", ".join((
            english_plural(self.tr("%n quote(s)", "", quotes), quotes),
            english_plural(self.tr("%n paraphrase(s)", "", paraphrases), paraphrases),
            english_plural(self.tr("%n framing mark(s)", "", framing), framing),
            english_plural(self.tr("%n source(s)", "", sources), sources)))

    def _on_failed(self, message: str, model_failed: bool) -> None:
        self._show_progress(False)
        if model_failed:
            self.set_status(self.tr("{message} The text is shown without colours.")
                            .format(message=message))
        else:
            self.set_status(self.tr("The analysis failed ({message}); the text is shown "
                                    "without colours.").format(message=message))

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _show_progress(self, shown: bool) -> None:
        if shown:
            self.progress.setRange(0, 0)  # busy until the first chunk of a long document
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    # Selection, both directions ----------------------------------------------------------

    def on_span_clicked(self, span_id: str) -> None:
        span = self.index.spans_by_id.get(span_id) if self.index else None
        if span is None:
            return
        self.current_span = span.id
        self.view.select_range(span.start, span.end, scroll=False)
        if span.claim and self.panel.select(ROW_CLAIM, span.claim):
            source = self.index.source_of_span(span)
            if self.view.focus_source and (source is None or source.id != self.view.focus_source):
                self.view.set_focus_source(None)
        else:
            self.panel.select(ROW_SPAN, span.id)
        self.presentation.refresh()

    def _on_position_clicked(self, offset: int) -> None:
        """A click outside the spans: on a source's name selects that source, elsewhere
        clears the selection."""
        self.current_span = None
        source = self.index.source_mentioned_at(offset) if self.index else None
        if source is not None and self.panel.select(ROW_SOURCE, source.id):
            self.view.set_focus_source(source.id)
        else:
            self.clear_selection()
        self.presentation.refresh()

    def on_source_selected(self, source_id: str) -> None:
        self.view.set_focus_source(source_id)
        source = self.index.sources.get(source_id) if self.index else None
        if source is not None and source.claims:
            span_range = self.index.claim_range(source.claims[0])
            if span_range:
                self.view.center_on(span_range[0])

    def on_claim_selected(self, claim_id: str) -> None:
        span_range = self.index.claim_range(claim_id) if self.index else None
        if span_range is None:
            return
        claim = self.index.claims[claim_id]
        if self.view.focus_source and claim.source != self.view.focus_source:
            self.view.set_focus_source(None)
        spans = self.index.spans_of_claim(claim_id)
        self.current_span = spans[0].id if spans else None
        self.view.select_range(*span_range)
        self.presentation.refresh()

    def on_panel_span_selected(self, span_id: str) -> None:
        span = self.index.spans_by_id.get(span_id) if self.index else None
        if span is None:
            return
        self.view.set_focus_source(None)
        self.current_span = span.id
        self.view.select_range(span.start, span.end)
        self.presentation.refresh()

    def go_to_span(self, span) -> None:
        """Select `span` in the view and its row in the panel."""
        self.current_span = span.id
        source = self.index.source_of_span(span)
        if self.view.focus_source and (source is None or source.id != self.view.focus_source):
            self.view.set_focus_source(None)
        self.view.select_range(span.start, span.end)
        if not (span.claim and self.panel.select(ROW_CLAIM, span.claim)):
            self.panel.select(ROW_SPAN, span.id)
        self.presentation.refresh()

    # Legend, stepping --------------------------------------------------------------------

    def on_kind_toggled(self, kind: str, shown: bool) -> None:
        self.view.set_visible_kinds(self.legend.shown_kinds())
        self._update_minimap()
        self.settings.set_value("view/hidden_kinds",
                                sorted(set(palettes.KINDS) - self.legend.shown_kinds()))

    def set_step_kind(self, kind: str | None) -> None:
        self.step_kind = kind
        name = f"step_{kind}" if kind else "step_all"
        self.actions[name].setChecked(True)

    def step_kinds(self) -> set[str]:
        shown = self.legend.shown_kinds()
        return {self.step_kind} & shown if self.step_kind else shown

    def step_span(self, forward: bool = True):
        if self.index is None:
            return None
        current = self.index.spans_by_id.get(self.current_span) if self.current_span else None
        if current is not None:
            offset = current.start
        else:
            selected = self.view.selected_range()
            offset = selected[0] if selected else self.view.top_offset() - (1 if forward else 0)
        span = self.index.next_span(offset, self.step_kinds(), forward)
        if span is not None:
            self.go_to_span(span)
        return span

    def on_escape(self) -> None:
        if self.presentation.active:
            self.presentation.leave()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.clear_selection()

    def clear_selection(self) -> None:
        """Nothing selected: no source in focus (nothing dimmed), no claim, no words."""
        self.current_span = None
        self.panel.clear_selection()
        self.view.set_focus_source(None)
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    # Zoom, palette, panels ---------------------------------------------------------------

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.view.zoom + steps)

    def set_zoom(self, zoom: int) -> None:
        self.view.set_zoom(zoom)
        self.settings.set_value("view/zoom", self.view.zoom)
        self._apply_panel_font()

    def _apply_panel_font(self) -> None:
        """The panel, legend and find bar follow the view's zoom (and presentation size)."""
        font = QFont(QGuiApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        scale = self.view.point_size() / BASE_POINT_SIZE
        font.setPointSizeF(max(6.0, base * min(scale, PANEL_MAX_SCALE)))
        for widget in (self.panel, self.find_bar):
            widget.setFont(font)
        # The legend is short, so it can grow further: in class it is the key to the colours.
        legend = QFont(font)
        legend.setPointSizeF(max(6.0, base * min(scale, LEGEND_MAX_SCALE)))
        self.legend.setFont(legend)
        caption = QFont(font)
        caption.setPointSizeF(max(6.0, base * scale))
        self.caption_bar.setFont(caption)
        # Swatches follow the font size.
        self.legend.set_palette(self.view.palette_name, self.view.projector)

    def palette_choice(self) -> str:
        return self.settings.value("view/palette")

    def palette_name(self) -> str:
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return palettes.resolve(self.palette_choice(), dark)

    def set_palette_choice(self, choice: str) -> None:
        if choice not in palettes.PALETTE_CHOICES:
            return
        self.settings.set_value("view/palette", choice)
        self.actions[f"palette_{choice}"].setChecked(True)
        self._apply_chrome(choice)
        self.apply_palette()
        from reader.ui import windows

        windows.follow_palette(self.settings, chosen_in=self)

    def follow_palette(self, _palette_name: str) -> None:
        """The palette chosen in another main window (they share the settings)."""
        choice = self.palette_choice()
        if choice in palettes.PALETTE_CHOICES:
            self.actions[f"palette_{choice}"].setChecked(True)
        self.apply_palette()

    def _apply_chrome(self, choice: str) -> None:
        """Window chrome to match an explicit choice; "auto" leaves it to the system."""
        app = QApplication.instance()
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark,
                  "colourblind": Qt.ColorScheme.Light}.get(choice, Qt.ColorScheme.Unknown)
        QGuiApplication.styleHints().setColorScheme(scheme)
        if choice == "dark" and QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark:
            # No platform dark theme to switch to: draw the chrome ourselves.
            if self._system_style is None:
                self._system_style = app.style().name()
            app.setStyle("Fusion")
            app.setPalette(palettes.dark_chrome(app.style().standardPalette()))
        elif self._system_style is not None:
            # Undo only what the branch above did; an empty palette is the platform's own.
            app.setStyle(self._system_style)
            app.setPalette(QPalette())
            self._system_style = None

    def _on_color_scheme_changed(self, _scheme) -> None:
        self.apply_palette()
        from reader.ui import windows

        windows.follow_palette(self.settings, chosen_in=self)

    def set_projector_style(self, on: bool) -> None:
        """The projector style outside presentation mode (where it is always on)."""
        self.settings.set_value("view/projector", bool(on))
        self.actions["projector"].setChecked(bool(on))
        self.apply_palette()

    def projector_style(self) -> bool:
        return self.presentation.active or self.actions["projector"].isChecked()

    def apply_palette(self) -> None:
        name = self.palette_name()
        # Presentation mode: the highest contrast, light or dark as the palette chosen.
        surface = palettes.presentation_surface(name) if self.presentation.active else None
        projector = self.projector_style()
        self.view.set_projector_style(projector)
        self.view.set_palette(name, surface)
        self.legend.set_palette(name, projector)
        self.caption_bar.palette_name = name
        self.minimap.set_palette(name, (surface or palettes.SURFACES[name]).background)

    def toggle_panel(self) -> None:
        shown = not self.panel.isVisible()
        self.panel.setVisible(shown)
        self.actions["toggle_panel"].setChecked(shown)
        self.settings.set_value("window/panel_visible", shown)

    def toggle_legend(self) -> None:
        shown = not self.legend.isVisible()
        self.legend.setVisible(shown)
        self.actions["toggle_legend"].setChecked(shown)
        self.settings.set_value("window/legend_visible", shown)

    # Minimap -----------------------------------------------------------------------------

    def _update_minimap(self) -> None:
        self._minimap_slices.stop()
        if self.index is None:
            self.minimap.set_marks([])
        else:
            shown = self.legend.shown_kinds()
            spans = [s for s in self.index.spans if s.kind in shown]
            if len(spans) <= MINIMAP_SLICE:
                fractions = self.view.offset_fractions([s.start for s in spans])
                self.minimap.set_marks([(f, s.kind) for f, s in zip(fractions, spans)])
            else:
                # A long text: place the marks a slice per event-loop turn (finding where
                # a span is lays the text out up to it, which takes a while the first time).
                self._minimap_job = (spans, [])
                self._minimap_slices.start()
        self._update_minimap_window()

    def _next_minimap_slice(self) -> None:
        spans, tops = self._minimap_job
        part = spans[len(tops):len(tops) + MINIMAP_SLICE]
        tops.extend(self.view.offset_tops([s.start for s in part]))
        if len(tops) < len(spans):
            self._minimap_slices.start()
            return
        height = self.view.layout_height()
        self._minimap_job = ([], [])
        self.minimap.set_marks([(min(1.0, max(0.0, top / height)), s.kind)
                                for top, s in zip(tops, spans)])
        self._update_minimap_window()

    def _update_minimap_window(self, *_args) -> None:
        bar = self.view.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total <= 0:
            self.minimap.set_window(0.0, 1.0)
        else:
            self.minimap.set_window(bar.value() / total, (bar.value() + bar.pageStep()) / total)

    def _jump_to_fraction(self, fraction: float) -> None:
        bar = self.view.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        bar.setValue(int(fraction * total - bar.pageStep() / 2))

    # Help --------------------------------------------------------------------------------

    def show_help(self) -> None:
        dialog = HelpDialog(self, self.view.palette_name)
        font = QFont(self.view.font())
        font.setPointSizeF(max(9.0, self.view.point_size() - 2.0))
        dialog.browser.setFont(font)
        dialog.exec()

    def show_about(self) -> None:
        from reader import __version__
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME),
                          self.tr("{app} {version}\nSee who is speaking in every span of a "
                                  "saved news article.").format(app=APP_NAME, version=__version__))

    # Settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry.isEmpty():
            self.resize(1280, 820)
        else:
            self.restoreGeometry(geometry)
        splitter = s.value("window/splitter")
        if splitter.isEmpty():
            self.splitter.setSizes([900, 380])
        else:
            self.splitter.restoreState(splitter)
        self.panel.setVisible(s.value("window/panel_visible"))
        self.actions["toggle_panel"].setChecked(s.value("window/panel_visible"))
        self.legend.setVisible(s.value("window/legend_visible"))
        self.actions["toggle_legend"].setChecked(s.value("window/legend_visible"))
        for kind in s.value("view/hidden_kinds"):
            if kind in palettes.KINDS:
                self.legend.set_shown(kind, False)
        self.view.set_visible_kinds(self.legend.shown_kinds())
        self.panel.set_sort(s.value("panel/sort"))
        self.actions["projector"].setChecked(bool(s.value("view/projector")))
        choice = s.value("view/palette")
        self.set_palette_choice(choice if choice in palettes.PALETTE_CHOICES else "auto")
        self.set_zoom(s.value("view/zoom"))

    def save_settings(self) -> None:
        if self.presentation.active:
            self.presentation.leave()
        self._remember_position()
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if not self.corrections.confirm_unsaved():
            event.ignore()
            return
        self.save_settings()
        self.loader.cancel()
        self.runner.cancel()
        super().closeEvent(event)
