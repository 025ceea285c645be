"""The real window with the real model: open, analyse, select both ways, bad files."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from ui_samples import QUOTE
from reader.ui.sources_panel import ROW_CLAIM, ROW_SOURCE


def _quote_claim(index):
    return next(c for c in index.claims.values()
                if any(index.text[s:e].find(QUOTE) >= 0 for s, e in c.content))


def test_text_shows_before_the_analysis(qtbot, window, article_path):
    assert window.open_path(str(article_path))  # read in the background
    qtbot.waitUntil(lambda: "harbourmaster Lena Brooks" in window.view.toPlainText(),
                    timeout=10_000)
    assert window.status_label.text()  # says what is happening
    qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)


def test_click_a_quote_in_the_panel_selects_it_in_the_view(qtbot, window, article_path,
                                                          open_article):
    index = open_article(article_path)
    claim = _quote_claim(index)
    source = index.sources[claim.source]
    assert source.name.endswith("Brooks")
    source_item = window.panel.item(ROW_SOURCE, source.id)
    claim_item = window.panel.item(ROW_CLAIM, claim.id)
    assert claim_item.parent() is source_item
    tree = window.panel.tree
    tree.scrollToItem(claim_item)
    rect = tree.visualItemRect(claim_item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    start, end = claim.content[0]
    expected = index.text[start:end]
    assert QUOTE in expected
    assert window.view.selected_text() == expected
    # Qt's own idea of the selection agrees: the emoji before it did not shift anything.
    assert window.view.textCursor().selectedText() == expected
    assert "quotes" in window.status_label.text()


def test_click_a_span_in_the_article_selects_its_claim(qtbot, window, article_path,
                                                      open_article):
    index = open_article(article_path)
    claim = _quote_claim(index)
    span = index.spans_of_claim(claim.id)[0]
    view = window.view
    view.center_on(span.start)
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(span.start + 5))
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.panel.current() == (ROW_CLAIM, claim.id)
    assert window.current_span == span.id


def test_bad_file_shows_one_sentence_and_keeps_the_document(qtbot, window, article_path,
                                                           open_article, messages, tmp_path):
    open_article(article_path)
    before = window.view.toPlainText()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.open_path(str(empty))
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=10_000)
    window.open_path(str(tmp_path / "missing.txt"))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=10_000)
    assert all("Traceback" not in text and text.endswith(".") for _, text in messages)
    assert window.view.toPlainText() == before
    assert window.index is not None


def test_legend_toggle_hides_a_kind_and_keeps_the_scroll(qtbot, window, article_path,
                                                        open_article):
    index = open_article(article_path)
    quotes = index.counts()["quote"]
    total = len(window.view.extraSelections())
    assert total == len(index.spans)
    scroll = window.view.verticalScrollBar().value()
    window.legend.buttons["quote"].click()
    assert len(window.view.extraSelections()) == total - quotes
    assert window.view.verticalScrollBar().value() == scroll
    assert str(quotes) in window.legend.buttons["quote"].text()
    window.legend.buttons["quote"].click()
    assert len(window.view.extraSelections()) == total


def test_opening_another_file_drops_the_running_analysis(qtbot, window, article_path,
                                                        tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Other Story\n\n“Nothing to add,” the spokesman said.\n", encoding="utf-8")
    window.open_path(str(article_path))
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.open_path(str(other))
    assert window.runner.wait(30_000)
    qtbot.wait(50)
    assert window.article.text.startswith("Other Story")
    assert window.index.text == window.article.text


def test_no_spacy_on_the_ui_path(article_path, tmp_path):
    """Opening a file imports neither spaCy nor the analyser on the UI thread."""
    script = f"""
import sys, threading
from reader.ui.app import create_application
app = create_application()
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
window = MainWindow(settings=Settings({str(tmp_path / 's.ini')!r}))
window.runner.start = lambda article: 0  # no background job in this check
window.show()
assert window.open_path({str(article_path)!r})
import time
deadline = time.monotonic() + 30
while window.article is None and time.monotonic() < deadline:  # read in the background
    app.processEvents()
    time.sleep(0.01)
assert window.article is not None
print("spacy" in sys.modules, "reader.provenance.analyzer" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).resolve().parents[2],
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
