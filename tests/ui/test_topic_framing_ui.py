"""The writer's framing inside a topic a source spoke about, on the real window: the
framing word keeps its own mark and card over the paraphrase's tint."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui.span_card import span_facts

ARTICLE = ("Marina lease under fire\n\n"
           "Councillor Dana Reyes has long complained about the thugs who run the marina.\n\n"
           "The harbour board meets again on Tuesday.\n")


def test_a_framing_word_inside_a_topic_has_its_own_mark_and_card(qtbot, window, open_text):
    index = open_text(ARTICLE, "marina.txt")
    word = index.text.index("thugs")
    framing = window.view.span_at(word + 1)
    assert framing.kind == "framing" and index.text[framing.start:framing.end] == "thugs"
    topic = window.view.span_at(index.text.index("marina."))
    assert topic.kind == "paraphrase" and topic.start <= framing.start < topic.end
    assert index.source_of_span(topic).name == "Dana Reyes"
    assert span_facts(index, framing)["kind"] == "Writer's framing"
    # Both are drawn: the paraphrase's tint and, over it, the framing's underline.
    drawn = {(s.cursor.selectionStart(), s.cursor.selectionEnd())
             for s in window.view.extraSelections()}
    positions = window.view.positions
    assert positions.range_to_qt(framing.start, framing.end) in drawn
    assert positions.range_to_qt(topic.start, topic.end) in drawn

    view = window.view
    view.center_on(framing.start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(positions.to_qt(framing.start + 2))
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "own words “thugs”, not a source" in QToolTip.text()
    QToolTip.hideText()
