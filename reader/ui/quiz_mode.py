"""Quiz mode for class: the article without colours; select words, guess who speaks.

The bar under the legend holds the guess (kind and source), Check (Ctrl+Return),
the score and Reveal All. Scoring is reader/quiz.py; this module only shows it: a
guessed span gets its colours back, right or wrong.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from reader.ui.palette import KINDS
from reader.ui.corrections_ui import kind_title

NOTHING = "nothing"  # kind combo data for "the writer's plain text"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Quiz", text)


def _quiz_tr(text: str) -> str:
    return QCoreApplication.translate("QuizChoices", text)


NAME_LABELS = ("PERSON", "ORG")  # spaCy's entity labels for people and organisations


def named_in_text(holder, article) -> list[str]:
    """The people and organisations the article's own blocks name: spaCy's entities when
    the model is loaded (tagger-free: only its tok2vec and ner run), capitalised runs of
    words otherwise."""
    from reader.document.model import NON_ARTICLE_KINDS
    from reader.export.stats import article_ranges
    from reader.quiz import capitalised_names

    parts = [article.text[start:end] for start, end in article_ranges(article)]
    nlp = None
    if holder is not None and holder.loaded:
        nlp = getattr(holder.get(), "nlp", None)
    if nlp is None or "ner" not in nlp.pipe_names:
        # Headings are in title case: every word would look like a name.
        prose = [article.text[b.start:b.end] for b in article.blocks if b.kind != "heading"
                 and b.kind not in NON_ARTICLE_KINDS] if article.blocks else parts
        return [name for part in prose for name in capitalised_names(part)]
    names = []
    needed = [(n, p) for n, p in nlp.pipeline if n in ("tok2vec", "ner")]
    for part in parts:
        doc = nlp.make_doc(part)
        for _name, process in needed:
            doc = process(doc)
        names.extend(e.text for e in doc.ents if e.label_ in NAME_LABELS)
    return names


class QuizBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("quizBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.prompt = QLabel(_tr("Select some words, then guess:"), self)
        self.kind_box = QComboBox(self)
        for kind in KINDS:
            self.kind_box.addItem(kind_title(kind), kind)
        self.kind_box.addItem(_tr("Plain text (nobody's claim)"), NOTHING)
        self.kind_box.setToolTip(_tr("What kind of span is it?"))
        self.source_box = QComboBox(self)
        self.source_box.setToolTip(_tr("Whose words or claim is it?"))
        self.source_box.setMinimumContentsLength(14)
        self.check_button = QPushButton(_tr("Check"), self)
        self.check_button.setToolTip(_tr("Check the guess for the selected words (Ctrl+Return)"))
        self.check_button.setDefault(True)
        self.reveal_button = QPushButton(_tr("Reveal All"), self)
        self.leave_button = QPushButton(_tr("Leave Quiz"), self)
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        self.score = QLabel(self)
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.prompt)
        top.addWidget(self.kind_box)
        top.addWidget(QLabel(_tr("by"), self))
        top.addWidget(self.source_box, 1)
        top.addWidget(self.check_button)
        top.addSpacing(16)
        top.addWidget(self.score)
        top.addWidget(self.reveal_button)
        top.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.result)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)

    def set_choices(self, choices) -> None:
        """`choices`: reader.quiz.SourceChoice items (every named person and organisation,
        then generic choices), never just the sources the analysis found."""
        self.source_box.clear()
        self.source_box.addItem(_tr("nobody named"), None)
        for choice in choices:
            self.source_box.addItem(_quiz_tr(choice.title), choice.value)

    def _kind_changed(self, _index: int) -> None:
        # The writer's framing and plain text are nobody's claims.
        voiced = self.kind_box.currentData() in ("quote", "paraphrase")
        if not voiced:
            self.source_box.setCurrentIndex(0)
        self.source_box.setEnabled(voiced)

    def guess(self) -> tuple[str | None, str | None]:
        kind = self.kind_box.currentData()
        return (None if kind == NOTHING else kind), self.source_box.currentData()


class QuizMode:
    """Enters and leaves quiz mode on a MainWindow, restoring what it changed."""

    def __init__(self, window):
        self.window = window
        self.bar = QuizBar(window)
        self.bar.hide()
        self.quiz = None  # a reader.quiz.Quiz while active
        self.last = None  # the last GuessResult
        self._panel_was_visible = True
        self.bar.check_button.clicked.connect(self.check)
        self.bar.reveal_button.clicked.connect(self.reveal_all)
        self.bar.leave_button.clicked.connect(self.leave)

    @property
    def active(self) -> bool:
        return self.quiz is not None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> bool:
        window = self.window
        analysis = window.corrections.analysis
        if analysis is None:
            window.actions["quiz"].setChecked(False)
            window.set_status(_tr("Quiz mode needs an analysed article."))
            return False
        if window.presentation.active:
            window.presentation.leave()
        from reader.quiz import Quiz, source_choices

        self.quiz = Quiz(analysis)
        self.last = None
        choices = source_choices(window.article.text, analysis,
                                 named_in_text(window.runner.holder, window.article))
        self.quiz.listed = {c.value for c in choices if c.value in
                            {s.id for s in analysis.sources}}
        self.bar.set_choices(choices)
        self.bar.result.setText(escape(_tr("Select words in the article, choose a kind and a "
                                           "source, then press Check.")))
        self._panel_was_visible = window.panel.isVisible()
        window.panel.hide()  # it lists the answers
        window.minimap.hide()
        window.view.set_focus_source(None)
        window.view.set_shown_spans(set())
        window.legend.set_counts(None)
        self._set_status()
        self.bar.show()
        window.actions["quiz"].setChecked(True)
        window.actions["quiz_check"].setEnabled(True)
        window.update_edit_actions()
        self._update_score()
        return True

    def _set_status(self) -> None:
        """The status bar says whether the colours are hidden (the counts are answers)."""
        if self.quiz is not None and self.quiz.finished:
            self.window.set_status(_tr("Quiz mode: every span is revealed; Leave Quiz to read "
                                       "with the panel again."))
        else:
            self.window.set_status(_tr("Quiz mode: the colours are hidden."))

    def leave(self) -> None:
        if not self.active:
            return
        window = self.window
        self.quiz = None
        self.bar.hide()
        window.view.set_shown_spans(None)
        window.panel.setVisible(self._panel_was_visible)
        window.minimap.show()
        if window.index is not None:
            window.legend.set_counts(window.index.counts())
            window.set_status(window.summary(window.index.counts(),
                                             len(window.index.sources)))
        window.actions["quiz"].setChecked(False)
        window.actions["quiz_check"].setEnabled(False)
        window.update_edit_actions()

    def check(self):
        """Score the guess in the bar for the selected words; the GuessResult, or None when
        nothing is selected."""
        if not self.active:
            return None
        selected = self.window.view.selected_range()
        if not selected:
            self.bar.result.setText(escape(_tr("Select some words first.")))
            return None
        kind, source = self.bar.guess()
        result = self.quiz.guess(selected[0], selected[1], kind, source)
        self.last = result
        self.bar.result.setText(self.describe(result))
        view = self.window.view
        view.set_shown_spans(self.quiz.revealed)
        self._set_status()
        # Drop the selection so that the answer's colours show.
        cursor = view.textCursor()
        cursor.clearSelection()
        view.setTextCursor(cursor)
        self._update_score()
        return result

    def describe(self, result) -> str:
        analysis = self.quiz.analysis
        if result.span is None:
            if result.right:
                return escape(_tr("Right: these are the writer's plain words."))
            return escape(_tr("Not quite: no span there, these are the writer's plain words."))
        source = analysis.source(result.actual_source)
        who = source.name if source else (_tr("the writer") if result.actual_kind == "framing"
                                           else _tr("nobody named"))
        answer = _tr("{kind} by {who}").format(kind=kind_title(result.actual_kind), who=who)
        if result.already_revealed:
            return escape(_tr("Already revealed: {answer}.").format(answer=answer))
        if result.right:
            verdict = "<b style='color:#2e7d32'>✔ " + escape(_tr("Right!")) + "</b>"
        elif result.kind_right or result.source_right:
            verdict = "<b style='color:#a87400'>◐ " + escape(_tr("Half right.")) + "</b>"
        else:
            verdict = "<b style='color:#c62828'>✘ " + escape(_tr("Wrong.")) + "</b>"
        parts = [_tr("kind right") if result.kind_right else _tr("kind wrong"),
                 _tr("source right") if result.source_right else _tr("source wrong")]
        return (f"{verdict} {escape(_tr('It is'))} <b>{escape(answer)}</b> "
                f"({escape(', '.join(parts))}; +{result.points})")

    def reveal_all(self) -> None:
        if not self.active:
            return
        self.quiz.reveal_all()
        self.window.view.set_shown_spans(None)
        self.bar.result.setText(escape(_tr("Every span is revealed. Final score: {score} of "
                                           "{max}.").format(score=self.quiz.score,
                                                            max=self.quiz.max_score)))
        self._update_score()
        self._set_status()

    def _update_score(self) -> None:
        quiz = self.quiz
        self.bar.score.setText(_tr("Score {score} / {max} · {left} spans hidden").format(
            score=quiz.score, max=quiz.max_score, left=len(quiz.hidden)))
