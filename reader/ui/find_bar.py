"""View > Find: a bar under the article that finds words in it, case-insensitively, and
steps through the matches (F3, Shift+F3), saying which of how many is selected."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class FindBar(QWidget):
    """Finds in the text of `window.article` and selects in `window.view`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main_window = window
        self._matches: list[int] = []
        self._at = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._changed)
        self.edit.returnPressed.connect(lambda: self.step(1))
        layout.addWidget(self.edit, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        for text, tip, step in (("▲", self.tr("Previous match (Shift+F3)"), -1),
                                ("▼", self.tr("Next match (F3)"), 1)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, s=step: self.step(s))
            layout.addWidget(button)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.hide()

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.main_window.view.setFocus()

    def clear_matches(self) -> None:
        """Forget the matches (another article is shown)."""
        self._matches = []

    def _changed(self, text: str) -> None:
        self._matches = []
        self._at = -1
        article = self.main_window.article
        if article is not None and text:
            pattern = re.compile(re.escape(text), re.IGNORECASE)
            self._matches = [m.start() for m in pattern.finditer(article.text)]
        if self._matches:
            self.step(1, from_top=True)
        else:
            self._update_count()

    def step(self, step: int, from_top: bool = False) -> None:
        """Select the next (step 1) or previous (-1) match; from_top: the first match at or
        below the top of the view."""
        if not self._matches:
            self._update_count()
            return
        view = self.main_window.view
        if from_top:
            top = view.top_offset()
            self._at = next((i for i, m in enumerate(self._matches) if m >= top), 0)
        else:
            self._at = (self._at + step) % len(self._matches)
        start = self._matches[self._at]
        view.select_range(start, start + len(self.edit.text()))
        self._update_count()

    def _update_count(self) -> None:
        total = len(self._matches)
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("{n} of {total}").format(n=self._at + 1, total=total))
