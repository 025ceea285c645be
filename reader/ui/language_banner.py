"""The bar above the article that says an article is not analysed because it is not in
English (reader.provenance.language), with Analyse Anyway for an English article the
identifier misjudged; once analysed anyway, it says the colours come from English rules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from reader.plain_language import TRANSLATION_CONTEXT
from reader.plain_language import language_notice as plain_language_notice


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageBanner", text)


def _plain_tr(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def language_notice(analysis) -> str | None:
    """The window's notice about the analysis's language (None: nothing to say)."""
    return plain_language_notice(analysis, _plain_tr)


class LanguageBanner(QFrame):
    """Hidden unless the shown analysis is of a text that is not English."""

    analyseAnyway = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("languageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.anyway_button = QPushButton(_tr("Analyse Anyway"), self)
        self.anyway_button.setToolTip(_tr("Run the English analysis on this article all the "
                                          "same (for an English article taken for another "
                                          "language)"))
        self.anyway_button.clicked.connect(self.analyseAnyway)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.anyway_button)
        self.hide()

    def show_for(self, analysis) -> None:
        """Show the notice for `analysis` (None: hide)."""
        notice = language_notice(analysis) if analysis is not None else None
        if notice is None:
            self.hide()
            return
        self.message.setText(notice)
        self.anyway_button.setVisible(analysis.not_english)
        self.show()
