"""Presentation mode, for a teacher projecting an article: full screen, large type, high
contrast, the current span spelled out in a caption bar; Left/Right step, Esc leaves."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from reader.ui.palette import KIND_STYLES
from reader.ui.span_card import span_facts

PRESENTATION_POINT_SIZE = 26  # legible from the back of a classroom at 1920x1080
FULL_SCREEN_CHECK_MS = 300
_STEP_ACTIONS = ("presentation_next", "presentation_previous")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


class CaptionBar(QFrame):
    """The current span, its source and why, in large type above the article."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("captionBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.label)
        self.clear()

    def clear(self) -> None:
        self.label.setText(escape(_tr("Right arrow: next span · Left arrow: previous · "
                                      "Esc: leave presentation mode")))

    def show_span(self, index, span) -> None:
        facts = span_facts(index, span)
        words = index.snippet(span.start, span.end, limit=220)
        # The caption is white on black: the dark palette's colours are made for that.
        colours = KIND_STYLES[span.kind].colours_in("dark")
        who = facts.get("source", _tr("the writer"))
        self.label.setText(
            f"<span style='color:{colours.line}; font-weight:bold'>"
            f"{escape(facts['kind'])}</span> — <b>{escape(who)}</b><br>"
            f"<span style='font-size:large'>{escape(words)}</span><br>"
            f"<i>{escape(_tr('Why:'))} {escape(facts.get('why', ''))}</i> "
            f"({escape(_tr('confidence'))} {escape(facts['confidence'])})")


class Presentation:
    """Enters and leaves presentation mode on a MainWindow, restoring what it changed."""

    def __init__(self, window):
        self.window = window
        self.active = False
        self._saved: dict = {}

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self._saved = {"maximized": w.isMaximized(), "fullscreen": w.isFullScreen(),
                       "geometry": w.saveGeometry(), "splitter": w.splitter.saveState(),
                       "panel": w.panel.isVisible(), "legend": w.legend.isVisible(),
                       "base": w.view.base_point_size}
        w.menuBar().hide()
        w.statusBar().hide()
        w.legend.show()
        w.panel.show()
        w.caption_bar.show()
        w.view.set_base_point_size(PRESENTATION_POINT_SIZE)
        w.apply_palette()
        w._apply_panel_font()
        for name in _STEP_ACTIONS:
            w.actions[name].setEnabled(True)
        w.actions["presentation"].setChecked(True)
        w.showFullScreen()
        # Without a window manager (a kiosk, a bare X server) full screen is only a hint:
        # if the window has not filled the screen shortly after, fill it ourselves.
        QTimer.singleShot(FULL_SCREEN_CHECK_MS, w, self._fill_screen)
        total = max(1, w.splitter.width())
        w.splitter.setSizes([int(total * 0.68), total - int(total * 0.68)])
        w.caption_bar.setStyleSheet("#captionBar { background: #000000; }"
                                    "#captionBar QLabel { color: #ffffff; }")
        self.refresh()

    def _fill_screen(self) -> None:
        w = self.window
        screen = w.screen()
        if self.active and screen is not None and w.geometry() != screen.geometry():
            w.setGeometry(screen.geometry())

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        for name in _STEP_ACTIONS:
            w.actions[name].setEnabled(False)
        w.actions["presentation"].setChecked(False)
        w.caption_bar.hide()
        w.menuBar().show()
        w.statusBar().show()
        w.legend.setVisible(self._saved.get("legend", True))
        w.panel.setVisible(self._saved.get("panel", True))
        w.view.set_base_point_size(self._saved.get("base", w.view.base_point_size))
        w.apply_palette()
        w._apply_panel_font()
        w.splitter.restoreState(self._saved["splitter"])
        if self._saved.get("fullscreen"):
            return
        if self._saved.get("maximized"):
            w.showMaximized()
        else:
            w.showNormal()
            w.restoreGeometry(self._saved["geometry"])

    def step(self, forward: bool) -> None:
        if self.active:
            self.window.step_span(forward)

    def refresh(self) -> None:
        w = self.window
        if not self.active:
            return
        span = w.index.spans_by_id.get(w.current_span) if w.index and w.current_span else None
        if span is None:
            w.caption_bar.clear()
        else:
            w.caption_bar.show_span(w.index, span)
