"""Issue 6, quiz mode on the real window: colours hidden, a guess for the selection is
checked and scored, the guessed span gets its colours back, Reveal All shows everything."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ui_samples import QUOTE


def choose(box, data):
    box.setCurrentIndex(box.findData(data))


def test_quiz_hides_scores_and_reveals(qtbot, window, article_path, open_article):
    index = open_article(article_path)
    assert window.view.extraSelections()
    window.actions["quiz"].trigger()
    bar = window.quiz_mode.bar
    assert window.quiz_mode.active and bar.isVisible()
    assert window.view.extraSelections() == []  # no colours
    assert not window.panel.isVisible()  # the panel lists the answers
    assert "quotes" not in window.status_label.text()  # and so do the counts
    assert window.view.span_at(index.text.index(QUOTE)) is None  # no hover card either
    assert not window.actions["undo"].isEnabled()
    assert window.context_menu(index.text.index(QUOTE)).findChild(
        QMenu, "menu_reassign") is None  # no corrections in a quiz

    quote = next(s for s in index.spans if QUOTE in index.text[s.start:s.end])
    brooks = index.source_of_span(quote)
    start = index.text.index(QUOTE)
    window.view.select_range(start + 2, start + 20)
    choose(bar.kind_box, "quote")
    choose(bar.source_box, brooks.id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = window.quiz_mode.last
    assert result is not None and result.right and result.span.id == quote.id
    assert "Right" in bar.result.text() and "Lena Brooks" in bar.result.text()
    assert bar.score.text().startswith("Score 2 /")
    assert len(window.view.extraSelections()) == 1  # that span is coloured now
    assert window.view.span_at(start + 3).id == quote.id

    paraphrase = next(s for s in index.spans if "The garden cost" in index.text[s.start:s.end])
    window.view.select_range(paraphrase.start, paraphrase.end)
    choose(bar.kind_box, "framing")
    assert not bar.source_box.isEnabled()  # framing is the writer's: no source to pick
    bar.check_button.click()
    result = window.quiz_mode.last
    assert not result.kind_right and not result.source_right and result.points == 0
    assert "Wrong" in bar.result.text() and "Paraphrase" in bar.result.text()
    assert bar.score.text().startswith("Score 2 /")

    bar.reveal_button.click()
    assert len(window.view.extraSelections()) == len(index.spans)
    assert "Final score: 2" in bar.result.text()

    bar.leave_button.click()
    assert not window.quiz_mode.active and not bar.isVisible()
    assert window.panel.isVisible() and not window.actions["quiz"].isChecked()
    assert "quotes" in window.status_label.text()
    assert len(window.view.extraSelections()) == len(index.spans)


def test_quiz_check_without_selection_asks_for_one(window, article_path, open_article):
    open_article(article_path)
    window.actions["quiz"].trigger()
    window.view.moveCursor(window.view.textCursor().MoveOperation.Start)
    assert window.quiz_mode.check() is None
    assert "Select" in window.quiz_mode.bar.result.text()
    window.actions["quiz"].trigger()
    assert not window.quiz_mode.active


def test_plain_text_guess(window, article_path, open_article):
    index = open_article(article_path)
    window.actions["quiz"].trigger()
    start = index.text.index("This is a fictional")
    window.view.select_range(start, start + 10)
    choose(window.quiz_mode.bar.kind_box, "nothing")
    result = window.quiz_mode.check()
    assert result.span is None and result.right


def test_presentation_mode_ends_the_quiz(window, article_path, open_article):
    open_article(article_path)
    window.actions["quiz"].trigger()
    window.actions["presentation"].trigger()
    assert window.presentation.active and not window.quiz_mode.active
    window.actions["quiz"].trigger()
    assert window.quiz_mode.active and not window.presentation.active


def test_opening_another_article_leaves_the_quiz(window, article_path, open_article):
    open_article(article_path)
    window.actions["quiz"].trigger()
    open_article(article_path)
    assert not window.quiz_mode.active and window.panel.isVisible()
