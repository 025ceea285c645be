"""The side panel: sources grouped by type, each with its claims; then "Unattributed" and
"The writer's framing". A filter box and a sort choice sit above the tree."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QStyle, QStyledItemDelegate, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from reader.claim_label import claim_label, needs_cue
from reader.vocabulary import SOURCE_TYPE_PLURALS

ROLE = Qt.ItemDataRole.UserRole
# Set on a row whose text wraps rather than being cut at the panel's edge: a claim listed
# with its cue ("had an unfavorable opinion of: the contractor"), whose content comes last.
WRAP_ROLE = Qt.ItemDataRole.UserRole + 1
# What a row stands for: (ROW_SOURCE, source id), (ROW_CLAIM, claim id), (ROW_SPAN, span id)
ROW_GROUP, ROW_SOURCE, ROW_CLAIM, ROW_SPAN = "group", "source", "claim", "span"
# A long list of framing rows would push the sources out of sight; it starts folded.
FRAMING_EXPANDED_MAX = 12
# Rows added per event-loop turn when the panel is filled in slices.
ROWS_PER_STEP = 300

SORTS = {
    "appearance": QT_TRANSLATE_NOOP("SourcesPanel", "Order of appearance"),
    "claims": QT_TRANSLATE_NOOP("SourcesPanel", "Number of claims"),
    "name": QT_TRANSLATE_NOOP("SourcesPanel", "Name"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SourcesPanel", text)


class WrappingRows(QStyledItemDelegate):
    """Rows marked WRAP_ROLE are as tall as their text wrapped at the first column's width
    (a tree view asks its delegate for a row's height without telling it the width)."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0 or not index.data(WRAP_ROLE):
            return size
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        # The text starts after the indentation; the style keeps a margin on each side of
        # it (Fusion: 3 px). A width a few pixels short wrapped a row into one line more
        # than it is drawn with: a blank line above its text.
        margin = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                               self.tree) + 1
        width = self.tree.header().sectionSize(0) - self.tree.indentation() * depth - 2 * margin
        if width < 40:
            return size
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                                 Qt.TextFlag.TextWordWrap, index.data() or "")
        return QSize(size.width(), max(size.height(), bounds.height() + 2))


class SourcesPanel(QWidget):
    sourceSelected = Signal(str)  # source id
    claimSelected = Signal(str)  # claim id
    spanSelected = Signal(str)  # span id (framing or a claimless span)
    selectionCleared = Signal()
    built = Signal()  # a sliced set_index has added its last row

    def __init__(self, parent=None):
        super().__init__(parent)
        self.index = None
        self.sort = "appearance"
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_tr("Filter sources"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.sort_box = QComboBox(self)
        for key, title in SORTS.items():
            self.sort_box.addItem(_tr(title), key)
        self.sort_box.setToolTip(_tr("Sort the sources"))
        self.sort_box.currentIndexChanged.connect(
            lambda i: self.set_sort(self.sort_box.itemData(i)))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([_tr("Source / claim"), _tr("Claims"), _tr("Words")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        # Names are elided, never scrolled sideways out of sight.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingRows(self.tree))
        # A wrapped row's height follows the panel's width, laid out once the resizing stops.
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(50)
        self._relayout_timer.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(self._on_column_resized)
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.tree.headerItem().setToolTip(1, _tr("Number of claims"))
        self.tree.headerItem().setToolTip(2, _tr("Share of the article's words that are "
                                                 "this source's claims"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        # Why the list is empty, when the analysis says (an article not in English).
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._steps = None  # the rows still to add, when they come in slices
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._next_rows)

    def _on_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self._relayout_timer.start()

    # Content ---------------------------------------------------------------------------

    def set_index(self, index, sliced: bool = False) -> None:
        """Show the sources of an AnalysisIndex (None: empty panel). `sliced`: add the rows
        a few hundred per event-loop turn (a long document has thousands of claims)."""
        self.index = index
        self._rebuild(sliced)

    def set_note(self, text: str | None) -> None:
        """Say above the (empty) list why it has no sources; None: no note."""
        self.note.setText(_tr("No sources. {reason}").format(reason=text) if text else "")
        self.note.setVisible(bool(text))

    def set_sort(self, sort: str) -> None:
        if sort not in SORTS:
            return
        self.sort = sort
        position = list(SORTS).index(sort)
        if self.sort_box.currentIndex() != position:
            self.sort_box.setCurrentIndex(position)
        current = self.current()
        self._rebuild()
        if current:
            self.select(*current)

    @property
    def building(self) -> bool:
        """Whether rows are still being added (a sliced set_index)."""
        return self._steps is not None

    def _rebuild(self, sliced: bool = False) -> None:
        self._build_timer.stop()
        self._steps = None
        steps = self._rebuild_steps()
        if sliced:
            self._steps = steps
            self._next_rows()
        else:
            for _ in steps:
                pass

    def _next_rows(self) -> None:
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
            self.built.emit()
        else:
            self._build_timer.start()

    def _rebuild_steps(self):
        """Fills the tree; yields (signals unblocked) after about ROWS_PER_STEP rows."""
        tree = self.tree
        tree.blockSignals(True)
        tree.clear()
        self._items.clear()
        index = self.index
        if index is None:
            tree.blockSignals(False)
            return
        made = [len(self._items) + ROWS_PER_STEP]

        def pause():
            if len(self._items) < made[0]:
                return False
            made[0] = len(self._items) + ROWS_PER_STEP
            tree.blockSignals(False)
            return True

        groups: dict[str, list] = {}
        for source in index.sources.values():
            groups.setdefault(source.type, []).append(source)
        for kind, title in SOURCE_TYPE_PLURALS.items():
            sources = groups.get(kind)
            if not sources:
                continue
            group = self._row(tree, f"{_tr(title)}", ROW_GROUP, kind)
            for source in self._sorted(sources):
                self._source_row(group, source).setExpanded(True)
                if pause():
                    yield
                    tree.blockSignals(True)
            group.setExpanded(True)
        unattributed = [c for c in index.claims.values() if not c.source]
        loose = [s for s in index.spans if s.kind != "framing" and not s.claim]
        if unattributed or loose:
            group = self._row(tree, _tr("Unattributed"), ROW_GROUP, "unattributed")
            group.setText(1, str(len(unattributed) + len(loose)))
            for claim in sorted(unattributed, key=lambda c: c.start):
                self._claim_row(group, claim)
                if pause():
                    yield
                    tree.blockSignals(True)
            for span in loose:
                self._span_row(group, span)
                if pause():
                    yield
                    tree.blockSignals(True)
            group.setExpanded(True)
        framing = [s for s in index.spans if s.kind == "framing"]
        if framing:
            group = self._row(tree, _tr("The writer's framing"), ROW_GROUP, "framing")
            group.setText(1, str(len(framing)))
            for span in framing:
                self._span_row(group, span)
                if pause():
                    yield
                    tree.blockSignals(True)
            group.setExpanded(len(framing) <= FRAMING_EXPANDED_MAX)
        tree.blockSignals(False)
        self._apply_filter(self.filter.text())

    def _sorted(self, sources: list) -> list:
        index = self.index
        if self.sort == "claims":
            return sorted(sources, key=lambda s: (-len(s.claims), index.first_offset(s)))
        if self.sort == "name":
            return sorted(sources, key=lambda s: s.name.casefold())
        return sorted(sources, key=index.first_offset)

    def _row(self, parent, text: str, kind: str, ident: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, ROLE, (kind, ident))
        self._items[(kind, ident)] = item
        if kind == ROW_GROUP:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def _source_row(self, parent, source) -> QTreeWidgetItem:
        index = self.index
        item = self._row(parent, source.name, ROW_SOURCE, source.id)
        item.setText(1, str(len(source.claims)))
        share = index.word_share(source)
        item.setText(2, f"{share:.0%}" if share >= 0.005 or share == 0 else "<1%")
        tip = source.name + (f" — {source.description}" if source.description else "")
        item.setToolTip(0, tip)
        for claim_id in source.claims:
            claim = index.claims.get(claim_id)
            if claim is not None and claim.content:
                self._claim_row(item, claim)
        return item

    def _claim_row(self, parent, claim) -> None:
        """The claim as what its source said or did: its words, with the cue when they
        alone would not say it ("has been critical of: the mayor"); longer in the tooltip."""
        text = self.index.text
        shown = [(s.start, s.end) for s in self.index.spans_of_claim(claim.id)]
        item = self._row(parent, claim_label(text, claim, shown=shown), ROW_CLAIM, claim.id)
        item.setToolTip(0, claim_label(text, claim, limit=400, shown=shown))
        if needs_cue(text, claim):
            item.setData(0, WRAP_ROLE, True)

    def _span_row(self, parent, span) -> None:
        text = self.index.snippet(span.start, span.end)
        if span.label:
            text = f"{text}  ({span.label.replace('-', ' ')})"
        item = self._row(parent, text, ROW_SPAN, span.id)
        item.setToolTip(0, span.why)

    # Selection ---------------------------------------------------------------------------

    def current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(0, ROLE)

    def select(self, kind: str, ident: str, notify: bool = False) -> bool:
        """Select the row for (kind, ident) without emitting, unless `notify`."""
        item = self._items.get((kind, ident))
        if item is None:
            return False
        if item.isHidden():
            self.filter.clear()
        self.tree.blockSignals(not notify)
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)
        self.tree.horizontalScrollBar().setValue(0)
        return True

    def clear_selection(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clearSelection()
        self.tree.blockSignals(False)

    def item(self, kind: str, ident: str) -> QTreeWidgetItem | None:
        return self._items.get((kind, ident))

    def _on_selection(self) -> None:
        current = self.current()
        if current is None:
            self.selectionCleared.emit()
            return
        kind, ident = current
        if kind == ROW_SOURCE:
            self.sourceSelected.emit(ident)
        elif kind == ROW_CLAIM:
            self.claimSelected.emit(ident)
        elif kind == ROW_SPAN:
            self.spanSelected.emit(ident)

    # Filter ------------------------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        root = self.tree.invisibleRootItem()
        for g in range(root.childCount()):
            group = root.child(g)
            kind, ident = group.data(0, ROLE)
            visible_children = 0
            for c in range(group.childCount()):
                child = group.child(c)
                row_kind, _ = child.data(0, ROLE)
                haystack = child.text(0).casefold()
                if row_kind == ROW_SOURCE and child.toolTip(0):
                    haystack = child.toolTip(0).casefold()
                hidden = bool(needle) and needle not in haystack
                child.setHidden(hidden)
                visible_children += not hidden
            group.setHidden(bool(needle) and visible_children == 0)
