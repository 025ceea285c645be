"""Compare: two reports of one event side by side, each coloured as in the main window,
with the comparison strip above them (reader/ui/comparison_strip.py).

A source selected on one side (in its panel, its text, the strip's list or the chart) is
highlighted on both sides where both quote it. One legend shows or hides a kind on both
sides. Presentation mode (F5) fills the screen with large type and steps (← / →) through
the spans of one side, or through the sources both quote, highlighted on both sides.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMainWindow, QProgressBar,
                               QSplitter, QVBoxLayout, QWidget)

from reader import APP_NAME
from reader.ui import palette as palettes
from reader.ui import shortcuts
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.article_pane import ArticlePane
from reader.ui.article_view import BASE_POINT_SIZE
from reader.ui.comparison_strip import ComparisonStrip
from reader.ui.legend_bar import LegendBar
from reader.ui.menus import add_action
from reader.ui.presentation import LEGEND_MAX_SCALE, PRESENTATION_POINT_SIZE, CaptionBar
from reader.ui.translations import english_plural

# Stepping in presentation mode: through one side's spans, or the sources both quote.
STEP_FIRST, STEP_SECOND, STEP_SHARED = "a", "b", "shared"
STEP_ACTIONS = ("presentation_next", "presentation_previous", "presentation_first",
                "presentation_last")
# Half the screen each: a little smaller than the one-article presentation size.
COMPARE_PRESENTATION_POINT_SIZE = PRESENTATION_POINT_SIZE - 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareWindow", text)


class CompareWindow(QMainWindow):
    compared = Signal()  # both analyses are in and the strip is filled

    def __init__(self, holder: AnalyzerHolder, settings=None, palette_name: str = "light",
                 parent=None):
        super().__init__(parent)
        self.settings = settings
        self.palette_name = palette_name
        self.comparison = None
        self.step_mode = STEP_SHARED
        self.shared_at = -1  # the shared source shown last while stepping
        self.presenting = False
        self._saved: dict = {}
        self.setWindowTitle(_tr("Compare — {app}").format(app=APP_NAME))
        self.panes = {"a": ArticlePane(holder, self), "b": ArticlePane(holder, self)}
        self.legend = LegendBar(self)
        self.strip = ComparisonStrip(self)
        self.caption_bar = CaptionBar(self)
        self.caption_bar.hide()
        self.step_box = QComboBox(self)
        for key, title in ((STEP_SHARED, _tr("Step through the sources both quote")),
                           (STEP_FIRST, _tr("Step through the first article")),
                           (STEP_SECOND, _tr("Step through the second article"))):
            self.step_box.addItem(title, key)
        self.step_box.setToolTip(_tr("What ← and → step through in presentation mode"))
        self.step_box.currentIndexChanged.connect(
            lambda i: self.set_step_mode(self.step_box.itemData(i)))

        top = QWidget(self)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 8, 0)
        top_layout.addWidget(self.legend, 1)
        top_layout.addWidget(self.step_box)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.addWidget(self.panes["a"])
        sides.addWidget(self.panes["b"])
        sides.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.strip)
        self.splitter.addWidget(sides)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.caption_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.progress.hide()

        self.actions: dict[str, QAction] = {}
        self._make_menus()
        for side, pane in self.panes.items():
            pane.analysed.connect(self._on_analysed)
            pane.failed.connect(lambda message, s=side: self._on_failed(s, message))
            pane.sourceSelected.connect(lambda source_id, s=side: self.select_source(s, source_id))
            pane.selectionCleared.connect(lambda: self.select_source("a", None))
        self.strip.sourceChosen.connect(self.select_source)
        self.legend.toggled.connect(self._on_kind_toggled)
        self.set_palette(palette_name)
        self.resize(1600, 1000)

    # Menus -------------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot, menu=None, checkable=False) -> QAction:
        return add_action(self, self.actions, name, text, slot, menu, checkable)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_tr("&File"))
        self._action("close", _tr("&Close"), self.close, file_menu)
        view_menu = self.menuBar().addMenu(_tr("&View"))
        self._action("presentation", _tr("P&resentation Mode"), self.toggle_presentation,
                     view_menu, checkable=True)
        for name, slot in (("presentation_next", lambda: self.step(True)),
                           ("presentation_previous", lambda: self.step(False)),
                           ("presentation_first", lambda: self.step(False, to_end=True)),
                           ("presentation_last", lambda: self.step(True, to_end=True)),
                           ("presentation_leave", self.leave_presentation)):
            text = QCoreApplication.translate("Shortcuts", shortcuts.BY_ACTION[name].description)
            self._action(name, text, slot).setEnabled(name == "presentation_leave")

    # Opening -----------------------------------------------------------------------------

    def open_paths(self, first: str, second: str) -> str | None:
        """Load both articles and start their analyses; the error sentence if either
        cannot be read (then nothing is shown)."""
        from reader.document import ArticleError, load_article

        articles = []
        for path in (first, second):
            try:
                articles.append(load_article(path))
            except ArticleError as error:
                return str(error)
        self.comparison = None
        for pane, article, path in zip(self.panes.values(), articles, (first, second)):
            pane.show_article(article, path)
        self.setWindowTitle(_tr("{a} and {b} — Compare — {app}").format(
            a=Path(first).name, b=Path(second).name, app=APP_NAME))
        self.status_label.setText(_tr("Analysing both articles…"))
        self.progress.show()
        return None

    def _on_analysed(self) -> None:
        a, b = self.panes["a"], self.panes["b"]
        if a.analysis is None or b.analysis is None:
            return
        from reader.export.compare import compare

        self.comparison = compare((a.article, a.analysis), (b.article, b.analysis),
                                  (a.path, b.path))
        self.strip.set_comparison(self.comparison, self.palette_name)
        counts = {k: a.index.counts().get(k, 0) + b.index.counts().get(k, 0)
                  for k in palettes.KINDS}
        self.legend.set_counts(counts)
        self.progress.hide()
        c = self.comparison
        status = _tr("Sources quoted by both: {shared}; only in the first: {a}; "
                     "only in the second: {b}.").format(
            shared=len(c.shared), a=len(c.only_a), b=len(c.only_b))
        self.status_label.setText(" ".join([status, *self.language_notices()]))
        if self.presenting and self.shared_at < 0:
            self._caption_start()
        self.compared.emit()

    def language_notices(self) -> list[str]:
        """A sentence for each side that is not analysed because it is not English."""
        c = self.comparison
        if c is None:
            return []
        notices = []
        for which, figures in ((_tr("first"), c.a), (_tr("second"), c.b)):
            if not figures.analysed:
                notices.append(_tr("The {which} article appears to be in {language}: it is "
                                   "not analysed, so nothing in it is coloured or counted."
                                   ).format(which=which, language=figures.unanalysed_language))
        return notices

    def _on_failed(self, side: str, message: str) -> None:
        self.progress.hide()
        which = _tr("first") if side == "a" else _tr("second")
        self.status_label.setText(_tr("The analysis of the {which} article failed ({message}); "
                                      "it is shown without colours.").format(
            which=which, message=message))

    # Selection across the sides ----------------------------------------------------------

    def select_source(self, side: str, source_id: str | None) -> None:
        """Highlight `source_id` of `side` ("a" or "b") there, and its partner on the other
        side if both quote it (else nothing is highlighted there)."""
        other = "b" if side == "a" else "a"
        partner = (self.comparison.partner(side, source_id)
                   if self.comparison is not None and source_id else None)
        self.panes[side].focus_source(source_id)
        self.panes[other].focus_source(partner)
        self.strip.show_focus(side, source_id)
        if self.presenting and source_id:
            self._caption_for_source(side, source_id, partner)

    def focused(self) -> tuple[str | None, str | None]:
        """The source highlighted in each article view."""
        return self.panes["a"].view.focus_source, self.panes["b"].view.focus_source

    # Legend, palette ---------------------------------------------------------------------

    def _on_kind_toggled(self, _kind: str, _shown: bool) -> None:
        shown = self.legend.shown_kinds()
        for pane in self.panes.values():
            pane.view.set_visible_kinds(shown)

    def set_palette(self, palette_name: str, surface=None) -> None:
        self.palette_name = palette_name
        for pane in self.panes.values():
            pane.view.set_palette(palette_name, surface)
        self.legend.set_palette(palette_name)
        self.caption_bar.palette_name = palette_name
        if self.comparison is not None:
            self.strip.set_comparison(self.comparison, palette_name)

    def follow_palette(self, palette_name: str) -> None:
        """The palette chosen in another window; in presentation mode, the one to return to."""
        if self.presenting:
            self._palette_before = palette_name
        else:
            self.set_palette(palette_name)

    # Presentation ------------------------------------------------------------------------

    def set_step_mode(self, mode: str) -> None:
        self.step_mode = mode
        index = self.step_box.findData(mode)
        if index != self.step_box.currentIndex():
            self.step_box.setCurrentIndex(index)

    def toggle_presentation(self) -> None:
        if self.presenting:
            self.leave_presentation()
        else:
            self.enter_presentation()

    def enter_presentation(self) -> None:
        if self.presenting:
            return
        self.presenting = True
        self._saved = {"geometry": self.saveGeometry(), "maximized": self.isMaximized(),
                       "splitter": self.splitter.saveState(),
                       "base": {s: p.view.base_point_size for s, p in self.panes.items()}}
        self.menuBar().hide()
        self.statusBar().hide()
        for pane in self.panes.values():
            pane.view.set_base_point_size(COMPARE_PRESENTATION_POINT_SIZE)
        self._presentation_fonts(True)
        light = "colourblind" if self.palette_name == "colourblind" else "light"
        self._palette_before = self.palette_name
        self.set_palette(light, palettes.PRESENTATION_SURFACE)
        self.legend.set_palette(light, projector=True)
        for pane in self.panes.values():
            pane.view.set_projector_style(True)
        self.caption_bar.show()
        self.shared_at = -1
        self._caption_start()
        for name in STEP_ACTIONS:
            self.actions[name].setEnabled(True)
        self.actions["presentation"].setChecked(True)
        self.showFullScreen()
        screen = QGuiApplication.primaryScreen()
        if screen is not None and not self.isFullScreen():
            self.setGeometry(screen.geometry())

    def _presentation_fonts(self, presenting: bool) -> None:
        """In presentation mode the caption and the legend grow with the text, as in the
        main window (the caption at the text's scale, the legend less), so that the back
        row reads them; out of it they take the application's font again. The panels, a
        quarter of the screen wide each, keep theirs: larger, their rows no longer fit."""
        widgets = [self.caption_bar, self.legend]
        if not presenting:
            for widget in widgets:
                widget.setFont(QFont())
            return
        base_font = QFont(QGuiApplication.font())
        base = base_font.pointSizeF() if base_font.pointSizeF() > 0 else 10.0
        scale = COMPARE_PRESENTATION_POINT_SIZE / BASE_POINT_SIZE
        for widget, limit in ((self.caption_bar, scale), (self.legend, LEGEND_MAX_SCALE)):
            font = QFont(base_font)
            font.setPointSizeF(base * min(scale, limit))
            widget.setFont(font)

    def _caption_start(self) -> None:
        """The caption before the first step: the keys, and why a side has no colours."""
        notices = self.language_notices()
        self.caption_bar.show_lines(escape(_tr("Presentation mode")), "", _tr(
            "Right arrow: next · Left arrow: previous · Home / End: first / last · Esc: leave "
            "presentation mode"), " ".join(notices))

    def leave_presentation(self) -> None:
        if not self.presenting:
            return
        self.presenting = False
        for name in STEP_ACTIONS:
            self.actions[name].setEnabled(False)
        self.actions["presentation"].setChecked(False)
        self.caption_bar.hide()
        for pane in self.panes.values():
            pane.view.set_projector_style(False)
            pane.view.set_current_spans([])
        self.menuBar().show()
        self.statusBar().show()
        self._presentation_fonts(False)
        for side, pane in self.panes.items():
            pane.view.set_base_point_size(self._saved["base"][side])
        self.set_palette(getattr(self, "_palette_before", self.palette_name))
        self.splitter.restoreState(self._saved["splitter"])
        if self._saved.get("maximized"):
            self.showMaximized()
        else:
            self.showNormal()
            self.restoreGeometry(self._saved["geometry"])

    def step(self, forward: bool = True, to_end: bool = False) -> None:
        """← / → in presentation mode: the next claim of the chosen side, or the next
        source both articles quote (highlighted on both sides); Home / End (`to_end`): the
        first / last."""
        if self.step_mode == STEP_SHARED:
            self._step_shared(forward, to_end)
            return
        pane = self.panes[self.step_mode]
        step = pane.step_claim(self.legend.shown_kinds(), forward, to_end)
        if step is not None and self.presenting:
            spans, number, total = step
            self.caption_bar.show_step(pane.index, spans, number, total)

    def _step_shared(self, forward: bool, to_end: bool = False) -> None:
        shared = self.comparison.shared if self.comparison is not None else []
        if not shared:
            return
        if to_end:
            self.shared_at = len(shared) - 1 if forward else 0
        elif forward:
            self.shared_at = min(len(shared) - 1, self.shared_at + 1)
        else:
            self.shared_at = max(0, self.shared_at - 1)
        pair = shared[self.shared_at]
        self.select_source("a", pair.a.id)

    def _caption_for_source(self, side: str, source_id: str, partner: str | None) -> None:
        c = self.comparison
        if c is None:
            return
        ids = {side: source_id, ("b" if side == "a" else "a"): partner}
        parts, name = [], ""
        for key, figures, label in (("a", c.a, self.strip.names[0]),
                                    ("b", c.b, self.strip.names[1])):
            source = next((s for s in figures.sources if s.id == ids.get(key)), None)
            if source is None:
                parts.append(_tr("{side}: not quoted").format(side=label))
                continue
            name = name or source.name
            parts.append(english_plural(QCoreApplication.translate(
                "CompareWindow", "{side}: {share} of the words, %n claim(s)", None,
                source.claims), source.claims).format(
                side=label, share=f"{100 * source.share:.0f} %"))
        number = next((i + 1 for i, p in enumerate(c.shared)
                       if ids.get("a") == p.a.id), None)
        counter = (_tr("{n} of {total} quoted by both").format(n=number, total=len(c.shared))
                   if number else _tr("quoted by one only"))
        self.caption_bar.show_lines(f"<b>{escape(name)}</b>", counter, " · ".join(parts))

    def closeEvent(self, event) -> None:
        for pane in self.panes.values():
            pane.close_pane()
        super().closeEvent(event)
