"""Presentation mode, for a teacher projecting an article: full screen, large type, the
projector style, and the article walked through claim by claim. Each step highlights every
part of one claim together (its kind colours kept, with an outline), and a caption bar of
fixed height says the kind, the source and, in plain words, why. Right/Left step,
Home/End go to the first/last claim, Esc leaves. It starts from the top of the article."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from reader.claim_label import claim_label
from reader.ui.language_banner import language_notice
from reader.ui.palette import KIND_STYLES, kind_colours
from reader.ui.palette import tr as palette_tr
from reader.ui.span_card import plain_sentence, source_type_title
from reader.ui.translations import english_plural

PRESENTATION_POINT_SIZE = 26  # legible from the back of a classroom at 1920x1080
# The panel grows with zoom (and in presentation mode), but not so far that its names no
# longer fit beside the text; the legend, short, grows further.
PANEL_MAX_SCALE = 1.7
LEGEND_MAX_SCALE = 2.2
FULL_SCREEN_CHECK_MS = 300
STEP_ACTIONS = ("presentation_next", "presentation_previous", "presentation_first",
                "presentation_last")
# The caption's lines: one for kind and source, then the claim's words, then the sentence.
WORD_LINES, PLAIN_LINES = 2, 2
WORDS_SCALE = 1.1  # the claim's words a little larger than the rest of the caption
CAPTION_MARGIN = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


def teaching_steps(index, kinds) -> list[list]:
    """The article's claims in reading order, each as the list of its shown spans (a span
    with no claim, such as the writer's framing, is a step of its own)."""
    steps: dict[str, list] = {}
    for span in index.spans:
        if span.kind in kinds:
            steps.setdefault(span.claim or span.id, []).append(span)
    return list(steps.values())


def fit_text(text: str, font: QFont, width: int, lines: int) -> str:
    """`text`, cut at a word and ended with "…" so that it wraps into `lines` lines."""
    metrics = QFontMetrics(font)
    limit = lines * metrics.lineSpacing()

    def fits(candidate: str) -> bool:
        rect = metrics.boundingRect(QRect(0, 0, max(1, width), 100_000),
                                    int(Qt.TextFlag.TextWordWrap), candidate)
        return rect.height() <= limit

    if width <= 0 or fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that fit with the ellipsis
        mid = (low + high + 1) // 2
        if fits(" ".join(words[:mid]) + " …"):
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low]) + " …"


def caption_colour(kind: str, palette_name: str) -> str:
    """The colour of a kind's title on the caption's black: the colour-blind palette's own
    (its quotes are blue and its paraphrases orange, the other palettes' the other way
    round), else the dark projector colours."""
    if palette_name == "colourblind":
        colours = kind_colours(kind, "colourblind", True)
        return colours.fill or colours.line
    return kind_colours(kind, "dark", True).line


class CaptionBar(QFrame):
    """The current claim: kind and source, its words, and why in plain words; always the
    same height, so the article below never jumps."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("captionBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("#captionBar { background: #000000; }"
                           "#captionBar QLabel { color: #ffffff; }")
        self.head = QLabel(self)
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.plain = QLabel(self)
        self.plain.setWordWrap(True)
        self.plain.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.words, self.plain):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.head, 1)
        top.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2 * CAPTION_MARGIN, CAPTION_MARGIN, 2 * CAPTION_MARGIN,
                                  CAPTION_MARGIN)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.words)
        layout.addWidget(self.plain)
        self._texts = ("", "")
        # The window's palette: the kind titles take its colours (set by the window).
        self.palette_name = "light"
        self._apply_fonts()
        self.clear()

    # Fixed size -------------------------------------------------------------------------

    def _apply_fonts(self) -> None:
        base = QFont(self.font())
        words = QFont(base)
        words.setPointSizeF(base.pointSizeF() * WORDS_SCALE)
        plain = QFont(base)
        plain.setItalic(True)
        # Set on every label: a style sheet on the bar stops the font from propagating.
        head_font = QFont(base)
        head_font.setBold(True)
        self.head.setFont(head_font)
        self.counter.setFont(base)
        self.words.setFont(words)
        self.plain.setFont(plain)
        head = QFontMetrics(head_font).lineSpacing()
        word_height = QFontMetrics(words).lineSpacing() * WORD_LINES
        plain_height = QFontMetrics(plain).lineSpacing() * PLAIN_LINES
        self.words.setFixedHeight(word_height)
        self.plain.setFixedHeight(plain_height)
        self.head.setFixedHeight(head)
        self.counter.setFixedHeight(head)
        spacing = self.layout().spacing() if self.layout() else 4
        self.setFixedHeight(2 * CAPTION_MARGIN + head + word_height + plain_height + 2 * spacing)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.width() - 4 * CAPTION_MARGIN
        words, plain = self._texts
        self.words.setText(fit_text(words, self.words.font(), width, WORD_LINES))
        self.plain.setText(fit_text(plain, self.plain.font(), width, PLAIN_LINES))

    # Content ----------------------------------------------------------------------------

    def clear(self, total: int | None = None, notice: str | None = None) -> None:
        """The caption before the first step: the keys, and `notice` (why nothing is
        coloured, for an article that is not English) in the plain-words line."""
        self.head.setText(escape(_tr("Presentation mode")))
        self.counter.setText(english_plural(QCoreApplication.translate(
            "Presentation", "%n claim(s)", None, total), total) if total is not None else "")
        self._texts = (_tr("Right arrow: next claim · Left arrow: previous · Home / End: "
                           "first / last · Esc: leave presentation mode"), notice or "")
        self._fit()

    def show_step(self, index, spans, number: int, total: int) -> None:
        """Caption for one claim: `spans` are its parts, `number` counts from 1."""
        first = spans[0]
        claim = index.claims.get(first.claim) if first.claim else None
        source = index.source_of_span(first)
        kinds = []
        for span in spans:
            if span.kind not in kinds:
                kinds.append(span.kind)
        titles = " + ".join(
            f"<span style='color:{caption_colour(k, self.palette_name)}; font-weight:bold'>"
            f"{escape(palette_tr(KIND_STYLES[k].title))}</span>" for k in kinds)
        if source is not None:
            who = f"{source.name} ({source_type_title(source.type)})"
        elif first.kind == "framing":
            who = _tr("the writer")
        else:
            who = _tr("nobody named")
        metrics = QFontMetrics(self.head.font())
        who = metrics.elidedText(who, Qt.TextElideMode.ElideRight, max(80, self.width() // 2))
        self.head.setText(f"{titles} — <b>{escape(who)}</b>")
        self.counter.setText(_tr("{n} of {total}").format(n=number, total=total))
        if claim is not None and claim.content:
            words = claim_label(index.text, claim, limit=None, joined=True,
                                shown=[(s.start, s.end) for s in index.spans_of_claim(claim.id)])
        else:
            words = " … ".join(" ".join(index.text[s.start:s.end].split()) for s in spans)
        self._texts = (words, plain_sentence(index, first))
        self._fit()

    def show_lines(self, head_html: str, counter: str, words: str, plain: str = "") -> None:
        """Any caption in the bar's layout (Compare shows a source both articles quote)."""
        self.head.setText(head_html)
        self.counter.setText(counter)
        self._texts = (words, plain)
        self._fit()

    def text(self) -> str:
        """What the caption says, as plain text (for tests and accessibility)."""
        return " ".join((self.head.text(), self.counter.text(), self.words.text(),
                         self.plain.text()))


class Presentation:
    """Enters and leaves presentation mode on a MainWindow, restoring what it changed, and
    steps through the article claim by claim."""

    def __init__(self, window):
        self.window = window
        self.active = False
        self._saved: dict = {}
        self.steps: list[list] = []
        self.position = -1  # the step shown; -1: none yet (the top of the article)

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
        for name in STEP_ACTIONS:
            w.actions[name].setEnabled(True)
        w.actions["presentation"].setChecked(True)
        w.showFullScreen()
        # Without a window manager (a kiosk, a bare X server) full screen is only a hint:
        # if the window has not filled the screen shortly after, fill it ourselves.
        QTimer.singleShot(FULL_SCREEN_CHECK_MS, w, self._fill_screen)
        total = max(1, w.splitter.width())
        w.splitter.setSizes([int(total * 0.68), total - int(total * 0.68)])
        # From the top of the article, nothing selected yet.
        self.position = -1
        self.steps = self._steps()
        w.current_span = None
        cursor = w.view.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        w.view.setTextCursor(cursor)
        w.view.verticalScrollBar().setValue(0)
        w.view.set_current_spans([])
        w.caption_bar.clear(len(self.steps), self._notice())

    def _notice(self) -> str | None:
        """Why nothing is coloured, for an article that is not English (the class sees the
        caption, not the bar above the text)."""
        index = self.window.index
        return language_notice(index.analysis) if index is not None else None

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
        for name in STEP_ACTIONS:
            w.actions[name].setEnabled(False)
        w.actions["presentation"].setChecked(False)
        w.caption_bar.hide()
        w.view.set_current_spans([])
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

    # Stepping ---------------------------------------------------------------------------

    def _steps(self) -> list[list]:
        w = self.window
        return teaching_steps(w.index, w.step_kinds()) if w.index is not None else []

    def _ready(self) -> bool:
        """Whether there are steps of the article now shown (none while it is analysed)."""
        if self.window.index is None:
            self.steps, self.position = [], -1
        return self.active and bool(self.steps)

    def step(self, forward: bool) -> None:
        if self._ready():
            last = len(self.steps) - 1
            self.go_to(min(last, self.position + 1) if forward else max(0, self.position - 1))

    def first(self) -> None:
        if self._ready():
            self.go_to(0)

    def last(self) -> None:
        if self._ready():
            self.go_to(len(self.steps) - 1)

    def go_to(self, position: int, scroll: bool = True) -> None:
        from reader.ui.sources_panel import ROW_CLAIM, ROW_SPAN

        w = self.window
        self.position = position
        spans = self.steps[position]
        first = spans[0]
        w.current_span = first.id
        source = w.index.source_of_span(first)
        if w.view.focus_source and (source is None or source.id != w.view.focus_source):
            w.view.set_focus_source(None)
        # The claim keeps its kind colours: an outline instead of the selection's blue.
        cursor = w.view.textCursor()
        cursor.clearSelection()
        w.view.setTextCursor(cursor)
        w.view.set_current_spans(spans)
        if scroll:
            w.view.center_on(first.start)
        if not (first.claim and w.panel.select(ROW_CLAIM, first.claim)):
            w.panel.select(ROW_SPAN, first.id)
        w.caption_bar.show_step(w.index, spans, position + 1, len(self.steps))

    def current_step(self) -> list:
        return self.steps[self.position] if 0 <= self.position < len(self.steps) else []

    def refresh(self) -> None:
        """Follow the window: a new analysis (a correction), shown kinds, or a span chosen
        by a click or in the panel."""
        w = self.window
        if not self.active:
            return
        self.steps = self._steps()
        at = next((i for i, spans in enumerate(self.steps)
                   if any(s.id == w.current_span for s in spans)), None)
        if at is None:
            self.position = -1
            w.view.set_current_spans([])
            w.caption_bar.clear(len(self.steps), self._notice())
        else:
            self.go_to(at, scroll=False)
