"""The reader's corrections in the window: the article view's context menu, undo and redo,
saving after every change, and sharing them as a file.

The commands, history and store are reader/corrections (pure Python); this module only
turns menu choices into those commands and shows the result through the window.

reader.corrections is imported only when needed: it imports reader.provenance, which the
window keeps off the UI path until an analysis arrives (tests/ui/test_main_window.py).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QMenu, QMessageBox)

from reader.ui.palette import KIND_STYLES, KINDS
from reader.ui.palette import tr as palette_tr

if TYPE_CHECKING:
    from reader.corrections import CorrectionHistory, CorrectionStore
    from reader.document.model import Article

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Corrections", text)


QUOTE_MARKS = "\"“”„‘’'«»‹›"


def kind_title(kind: str) -> str:
    return palette_tr(KIND_STYLES[kind].title)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection that cuts a word in two, widened to the whole word at either end."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def menu_text(text: str) -> str:
    """`text` shown as is in a menu (an "&" is not a mnemonic), without doubled quote
    marks where the words quoted start or end with their own."""
    text = re.sub(f"“[{QUOTE_MARKS}]+", "“", text)
    text = re.sub(f"[{QUOTE_MARKS}]+”", "”", text)
    text = re.sub(f"[{QUOTE_MARKS}]+…”", "…”", text)
    return text.replace("&", "&&")


class NewSourceDialog(QDialog):
    """The name and type of a source the analysis did not find (a book is not a person)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_tr("New source"))
        self.name_edit = QLineEdit(self)
        self.type_box = QComboBox(self)
        from reader.ui.span_card import SOURCE_TYPE_TITLES, source_type_title

        for source_type in SOURCE_TYPE_TITLES:
            self.type_box.addItem(source_type_title(source_type), str(source_type))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(_tr("Name of the source who made this claim:"), self.name_edit)
        layout.addRow(_tr("It is a:"), self.type_box)
        layout.addRow(buttons)

    def value(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.type_box.currentData()


def ask_new_source(parent) -> tuple[str, str] | None:
    """(name, source type) from the reader, or None when cancelled or left empty."""
    dialog = NewSourceDialog(parent)
    if not dialog.exec():
        return None
    name, source_type = dialog.value()
    return (name, source_type) if name else None


class Corrections(QObject):
    """The corrections of the article shown in `window`: one CorrectionHistory per
    analysis, saved to `store` after every change."""

    def __init__(self, window, store: CorrectionStore | None = None):
        super().__init__(window)
        self.window = window
        self._store = store
        self.history: CorrectionHistory | None = None
        self.article: Article | None = None
        self.save_error: str | None = None

    @property
    def store(self):
        if self._store is None:
            from reader.corrections import CorrectionStore

            self._store = CorrectionStore()
        return self._store

    # Life cycle --------------------------------------------------------------------------

    def prepare(self, article, analysis):
        """What start() needs that takes long on a long document (reading the saved
        corrections, copying the analysis): pure Python, safe in a worker thread."""
        from reader.corrections import CorrectionHistory

        loaded = self.store.load(article.text, path=article.path, url=article.url)
        history = CorrectionHistory(analysis, loaded.corrections, on_change=self._changed)
        return loaded, history

    def start(self, article, analysis, prepared=None):
        """A new analysis of `article`: restore what was saved for it. Returns the Loaded.
        `prepared`: what prepare(article, analysis) returned, if it ran already."""
        self.article = article
        loaded, self.history = prepared or self.prepare(article, analysis)
        if loaded.reanchored and loaded.corrections:
            self.save()  # keep them under the new text's key from now on
        return loaded

    def clear(self) -> None:
        self.article, self.history = None, None
        self.save_error = None

    @property
    def analysis(self):
        return self.history.analysis if self.history is not None else None

    def count(self) -> int:
        return len(self.history.corrections) if self.history is not None else 0

    # Changes -----------------------------------------------------------------------------

    def push(self, correction) -> bool:
        if self.history is None:
            return False
        if not self.history.push(correction):
            self.window.set_status(_tr("That correction does not apply here."))
            return False
        return True

    def undo(self) -> None:
        if self.history is not None:
            self.history.undo()

    def redo(self) -> None:
        if self.history is not None:
            self.history.redo()

    def _changed(self) -> None:
        self.window.show_analysis(self.history.analysis)
        self.save()  # after showing, so that a failure stays in the status bar

    def save(self) -> bool:
        if self.history is None or self.article is None:
            return False
        try:
            self.store.save(self.article.text, self.history.corrections_to_save,
                            title=self.article.title, path=self.article.path,
                            url=self.article.url)
        except OSError as error:
            self.save_error = error.strerror or str(error)
            log.warning("cannot save corrections: %s", error)
            self.window.set_status(_tr("The corrections could not be saved: {error}")
                                   .format(error=error.strerror or error))
            return False
        self.save_error = None
        return True

    def confirm_unsaved(self) -> bool:
        """Before the window closes or shows another article: True when nothing is
        unsaved, or the reader chose to leave without it. A correction whose save failed (a full disk) is saved again
        first; if that fails too, the reader is asked: try again, quit without it, or stay."""
        while self.save_error is not None and not self.save():
            answer = QMessageBox.warning(
                self.window, _tr("Corrections not saved"),
                _tr("Your latest corrections could not be saved ({error}). Leave this "
                    "article without them?").format(error=self.save_error),
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Retry)
            if answer == QMessageBox.StandardButton.Discard:
                return True
            if answer != QMessageBox.StandardButton.Retry:
                return False
        return True

    # Sharing -----------------------------------------------------------------------------

    def export_to(self, path: str) -> None:
        """Raises OSError."""
        from reader.corrections import export_corrections

        export_corrections(path, self.article.text, self.history.corrections_to_save,
                           title=self.article.title, path=self.article.path, url=self.article.url)

    def import_from(self, path: str) -> tuple[int, int]:
        """Apply the corrections of a shared file on top of the current ones, each one
        undoable. Returns (applied, not applicable). Raises CorrectionError."""
        from reader.corrections import import_corrections

        loaded = import_corrections(path, self.article.text)
        applied = 0
        on_change, self.history.on_change = self.history.on_change, None
        try:
            for correction in loaded.corrections:
                applied += self.history.push(correction)
        finally:
            self.history.on_change = on_change
        if applied:
            self._changed()
        return applied, len(loaded.corrections) - applied + len(loaded.dropped)

    # The context menu --------------------------------------------------------------------

    def fill_menu(self, menu: QMenu, offset: int) -> None:
        """Add the corrections for the span at `offset` and for the selection to `menu`."""
        from reader.corrections import (AddSpan, ChangeKind, MergeSources, ReassignClaim,
                                        RemoveSpan, ResizeSpan)

        window = self.window
        index = window.index
        if self.history is None or index is None:
            return
        text = self.article.text
        span = window.view.span_at(offset)
        if span is not None:
            source = index.source_of_span(span)
            words = index.snippet(span.start, span.end, limit=40)
            header = menu.addAction(menu_text(f"{kind_title(span.kind)}: “{words}”"))
            header.setEnabled(False)
            header.setObjectName("correction_header")

            kinds = menu.addMenu(_tr("Change &Kind To"))
            kinds.setObjectName("menu_change_kind")
            for kind in KINDS:
                action = self._add(kinds, kind_title(kind), f"kind_{kind}",
                                   lambda _c=False, s=span, k=kind:
                                   self.push(ChangeKind.of(text, s, k)))
                action.setCheckable(True)
                action.setChecked(kind == span.kind)
                action.setEnabled(kind != span.kind)

            claim = index.claims.get(span.claim) if span.claim else None
            give = menu.addMenu(_tr("&Give This Claim To"))
            give.setObjectName("menu_reassign")
            give.setEnabled(claim is not None and bool(claim.content))
            if claim is not None and claim.content:
                for other in sorted(index.sources.values(), key=lambda s: s.name.lower()):
                    action = self._add(give, menu_text(other.name), f"reassign_{other.id}",
                                       lambda _c=False, c=claim, o=other:
                                       self.push(ReassignClaim.of(text, c, o)))
                    action.setCheckable(True)
                    action.setChecked(other.id == claim.source)
                    action.setEnabled(other.id != claim.source)
                give.addSeparator()
                self._add(give, _tr("&New Source…"), "reassign_new",
                          lambda _c=False, c=claim: self.reassign_to_new(c))
                self._add(give, _tr("&Unattributed"), "reassign_none",
                          lambda _c=False, c=claim: self.push(ReassignClaim.of(text, c, None))
                          ).setEnabled(claim.source is not None)

            merge = menu.addMenu(_tr("&Merge {name} Into").format(name=menu_text(source.name))
                                 if source else _tr("&Merge Its Source Into"))
            merge.setObjectName("menu_merge")
            others = [s for s in index.sources.values() if source and s.id != source.id]
            merge.setEnabled(bool(others))
            for other in sorted(others, key=lambda s: s.name.lower()):
                self._add(merge, menu_text(other.name), f"merge_{other.id}",
                          lambda _c=False, keep=other, gone=source:
                          self.push(MergeSources.of(keep, gone)))

            self._add(menu, _tr("&Remove This Span"), "remove_span",
                      lambda _c=False, s=span: self.push(RemoveSpan.of(text, s)))
            # Select other words (over or beside the span), then set the span to them.
            selected = window.view.selected_range()
            if selected:
                selected = whole_words(text, *selected)
            resize = self._add(menu, _tr("Set This Span to the Selected &Words"), "resize_span",
                               lambda _c=False, s=span, r=selected:
                               self.push(ResizeSpan.of(text, s, *r)))
            resize.setEnabled(bool(selected) and selected != (span.start, span.end)
                              and selected[0] < span.end + 200 and selected[1] > span.start - 200
                              and bool(text[selected[0]:selected[1]].strip()))
            menu.addSeparator()

        selected = window.view.selected_range()
        if selected:
            selected = whole_words(text, *selected)
        add = menu.addMenu(_tr("Mark the &Selection As"))
        add.setObjectName("menu_add_span")
        has_words = bool(selected) and bool(text[selected[0]:selected[1]].strip())
        add.setEnabled(has_words)
        if has_words:
            for kind in KINDS:
                self._add(add, kind_title(kind), f"add_{kind}",
                          lambda _c=False, r=selected, k=kind:
                          self.push(AddSpan.of(text, r[0], r[1], k)))
        menu.addSeparator()
        menu.addAction(window.actions["undo"])
        menu.addAction(window.actions["redo"])

    def _add(self, menu: QMenu, text: str, name: str, slot) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def reassign_to_new(self, claim) -> None:
        from reader.corrections import ReassignClaim, SourceRef

        answer = ask_new_source(self.window)
        if answer is not None:
            name, source_type = answer
            self.push(ReassignClaim.of(self.article.text, claim,
                                       SourceRef.create(name, source_type)))
