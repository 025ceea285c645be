"""Issue 6, corrections on the real window: the article view's context menu, undo/redo
from the Edit menu and its shortcuts, saving after each change, restoring on reopening,
the "Corrected by you" line of the hover card, sharing corrections as a file."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.corrections import CorrectionStore
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.corrections_ui import NewSourceDialog
from reader.ui.main_window import MainWindow
from reader.ui.span_card import span_card_html

from ui_samples import QUOTE


@pytest.fixture
def store(tmp_path):
    return CorrectionStore(tmp_path / "corrections")


@pytest.fixture
def window(qtbot, analyzer, settings, store):
    """The conftest window, with its corrections kept in tmp_path."""
    win = MainWindow(AnalyzerHolder(analyzer=analyzer), settings, store=store)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.cancel()
    win.runner.wait(30_000)


def menu_action(menu, name) -> QAction:
    found = [a for a in menu.findChildren(QAction) if a.objectName() == name]
    assert found, f"no action {name} in {[a.objectName() for a in menu.findChildren(QAction)]}"
    return found[0]


def span_with(index, words, kind=None):
    return next(s for s in index.spans if words in index.text[s.start:s.end]
                and (kind is None or s.kind == kind))


def test_context_menu_lists_the_corrections_of_the_span(window, article_path, open_article):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    menu = window.context_menu(quote.start + 3)
    assert "Every child" in menu_action(menu, "correction_header").text()
    assert not menu_action(menu, "kind_quote").isEnabled()
    assert menu_action(menu, "kind_paraphrase").isEnabled()
    assert menu_action(menu, "kind_framing").isEnabled()
    names = {a.text() for a in menu.findChild(type(menu), "menu_reassign").actions()}
    assert {"Lena Brooks", "the board", "Critics"} <= names
    assert menu.findChild(type(menu), "menu_add_span").isEnabled() is False
    assert window.actions["undo"] in menu.actions() and not window.actions["undo"].isEnabled()
    # Outside any span: only the selection's corrections (and Copy).
    plain = window.context_menu(2)
    assert not [a for a in plain.findChildren(QAction) if a.objectName() == "kind_quote"]
    assert any(a.text().replace("&", "").startswith("Copy") for a in plain.actions())


def test_change_kind_saves_marks_and_undoes(qtbot, window, store, article_path, open_article):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    menu_action(window.context_menu(quote.start + 3), "kind_paraphrase").trigger()

    changed = span_with(window.index, QUOTE)
    assert changed.kind == "paraphrase" and changed.corrected
    assert window.index is not index  # re-rendered from the corrected analysis
    assert window.legend is not None and window.index.counts()["quote"] == 1
    assert "Corrected by you" in span_card_html(window.index, changed)
    overlined = [s for s in window.view.extraSelections() if s.format.fontOverline()]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in overlined] == \
        [window.view.positions.range_to_qt(changed.start, changed.end)]
    saved = json.loads(store.path_for(window.article.text).read_text(encoding="utf-8"))
    assert [c["op"] for c in saved["corrections"]] == ["change-kind"]
    undo = window.actions["undo"]
    assert undo.isEnabled() and "paraphrase" in undo.text()
    assert undo.shortcut().toString() == "Ctrl+Z"

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = span_with(window.index, QUOTE)
    assert restored.kind == "quote" and not restored.corrected
    assert "Corrected by you" not in span_card_html(window.index, restored)
    assert not store.path_for(window.article.text).exists()  # nothing left to keep
    assert window.actions["redo"].isEnabled()

    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert span_with(window.index, QUOTE).kind == "paraphrase"
    assert store.path_for(window.article.text).exists()


def answer_new_source(monkeypatch, name, source_type):
    """The New source dialog, filled in and accepted as a reader would."""

    def fill_and_accept(dialog):
        dialog.name_edit.setText(name)
        dialog.type_box.setCurrentIndex(dialog.type_box.findData(source_type))
        return 1

    monkeypatch.setattr(NewSourceDialog, "exec", fill_and_accept)


def test_reassign_to_existing_new_and_no_source(window, article_path, open_article,
                                                monkeypatch):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    board = next(s for s in index.sources.values() if s.name == "the board")
    menu_action(window.context_menu(quote.start + 3), f"reassign_{board.id}").trigger()
    assert window.index.source_of_span(span_with(window.index, QUOTE)).name == "the board"

    answer_new_source(monkeypatch, "Mayor Ada Quill", "person")
    menu_action(window.context_menu(quote.start + 3), "reassign_new").trigger()
    source = window.index.source_of_span(span_with(window.index, QUOTE))
    assert source.name == "Mayor Ada Quill" and source.type == "person"
    assert window.panel.item("source", source.id) is not None  # listed in the panel

    menu_action(window.context_menu(quote.start + 3), "reassign_none").trigger()
    assert window.index.source_of_span(span_with(window.index, QUOTE)) is None
    assert len(window.corrections.history.corrections) == 3
    for _ in range(3):
        window.actions["undo"].trigger()
    assert window.index.source_of_span(span_with(window.index, QUOTE)).name == "Lena Brooks"


def test_new_source_dialog_cancelled_changes_nothing(window, article_path, open_article,
                                                     monkeypatch):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    monkeypatch.setattr(NewSourceDialog, "exec", lambda self: 0)  # cancelled
    menu_action(window.context_menu(quote.start + 3), "reassign_new").trigger()
    assert window.corrections.history.corrections == []


def test_merge_sources_and_remove_span(window, article_path, open_article):
    index = open_article(article_path)
    board_span = span_with(index, "The garden cost", "paraphrase")
    brooks = next(s for s in index.sources.values() if s.name == "Lena Brooks")
    menu_action(window.context_menu(board_span.start + 2), f"merge_{brooks.id}").trigger()
    assert {s.name for s in window.index.sources.values()} == {"Lena Brooks", "Critics"}
    assert window.index.source_of_span(span_with(window.index, "The garden cost")).name \
        == "Lena Brooks"

    before = len(window.index.spans)
    menu_action(window.context_menu(board_span.start + 2), "remove_span").trigger()
    assert len(window.index.spans) == before - 1
    assert not any("The garden cost" in window.index.text[s.start:s.end]
                   for s in window.index.spans)
    assert "Remove" in window.actions["undo"].text()
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert len(window.index.sources) == 3 and len(window.index.spans) == before


def test_add_span_from_the_selection(window, article_path, open_article):
    index = open_article(article_path)
    # Words the analysis leaves uncoloured ("floating" in the sentence after is framing for
    # tagger v7, and the view shows the analysis's span there).
    start = index.text.index("fictional article written for")
    window.view.select_range(start, start + len("fictional article"))
    menu = window.context_menu(start + 2)
    assert menu.findChild(type(menu), "menu_add_span").isEnabled()
    menu_action(menu, "add_framing").trigger()
    added = next(s for s in window.index.spans if s.start == start)
    assert added.kind == "framing" and added.corrected
    assert window.index.text[added.start:added.end] == "fictional article"
    assert window.view.span_at(start + 1).id == added.id

    window.view.select_range(start + len("fictional article "),
                            start + len("fictional article written "))
    menu_action(window.context_menu(start), "add_quote").trigger()
    quote = next(s for s in window.index.spans if window.index.text[s.start:s.end] == "written")
    assert quote.kind == "quote" and window.index.source_of_span(quote) is None


def test_corrections_are_restored_when_the_article_is_opened_again(
        qtbot, analyzer, settings, store, article_path, open_article, window):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    menu_action(window.context_menu(quote.start + 3), "kind_framing").trigger()
    window.close()

    again = MainWindow(AnalyzerHolder(analyzer=analyzer), settings, store=store)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.runner.finished, timeout=30_000):
        again.open_path(str(article_path))
    qtbot.waitUntil(lambda: again.index is not None)
    assert span_with(again.index, QUOTE).kind == "framing"
    assert "(1 saved correction restored)" in again.status_label.text()
    # Restored corrections can still be undone, and the undo is saved too.
    again.actions["undo"].trigger()
    assert span_with(again.index, QUOTE).kind == "quote"
    assert not store.path_for(again.article.text).exists()
    again.runner.wait(30_000)


def test_a_failed_save_keeps_the_window_working(window, store, article_path, open_article,
                                                monkeypatch):
    index = open_article(article_path)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", disk_full)
    quote = span_with(index, QUOTE, "quote")
    menu_action(window.context_menu(quote.start + 3), "kind_paraphrase").trigger()
    assert span_with(window.index, QUOTE).kind == "paraphrase"
    assert "could not be saved" in window.status_label.text()
    monkeypatch.undo()  # space again: closing saves it (test_loading_in_background asks)


def test_export_and_import_corrections(qtbot, analyzer, settings, tmp_path, article_path,
                                       open_article, window, monkeypatch):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    menu_action(window.context_menu(quote.start + 3), "kind_paraphrase").trigger()
    shared = tmp_path / "shared.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(shared), "")))
    window.actions["export_corrections"].trigger()
    assert json.loads(shared.read_text(encoding="utf-8"))["corrections"][0]["op"] == \
        "change-kind"

    # A student's window, with no corrections of its own.
    student = MainWindow(AnalyzerHolder(analyzer=analyzer), settings,
                         store=CorrectionStore(tmp_path / "student"))
    qtbot.addWidget(student)
    student.show()
    with qtbot.waitSignal(student.runner.finished, timeout=30_000):
        student.open_path(str(article_path))
    qtbot.waitUntil(lambda: student.index is not None)
    assert span_with(student.index, QUOTE).kind == "quote"
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(shared), "")))
    student.actions["import_corrections"].trigger()
    assert span_with(student.index, QUOTE).kind == "paraphrase"
    assert "1 correction imported" in student.status_label.text()
    student.actions["import_corrections"].trigger()  # twice: nothing more to apply
    assert "did not apply" in student.status_label.text()
    student.actions["undo"].trigger()
    assert span_with(student.index, QUOTE).kind == "quote"
    student.runner.wait(30_000)


def test_import_of_a_bad_file_says_why(window, tmp_path, article_path, open_article,
                                       monkeypatch):
    open_article(article_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{\"format\": \"something else\"}", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: warnings.append(a[2])))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    window.actions["import_corrections"].trigger()
    assert warnings and "corrections file" in warnings[0]


def test_a_selection_inside_words_is_widened_to_whole_words(window, article_path,
                                                            open_article):
    index = open_article(article_path)
    start = index.text.index("harbour board")
    window.view.select_range(start + 3, start + len("harbour bo"))
    menu_action(window.context_menu(start + 4), "add_framing").trigger()
    assert any(window.index.text[s.start:s.end] == "harbour board" and s.kind == "framing"
               for s in window.index.spans)



def test_right_click_opens_the_corrections_menu(qtbot, window, article_path, open_article):
    from PySide6.QtGui import QContextMenuEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QMenu

    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.positions.to_qt(quote.start + 5))
    pos = window.view.cursorRect(cursor).center()
    shown = []
    window.view.contextMenuAt.connect(lambda *args: shown.append(args))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              window.view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(window.view.viewport(), event)
    assert shown and window.view.span_at(shown[0][1]).id == quote.id
    menus = [m for m in window.findChildren(QMenu) if m.isVisible()]
    assert menus, "no menu popped up"
    names = [a.objectName() for a in menus[0].findChildren(QAction)]
    assert "kind_paraphrase" in names and "remove_span" in names
    menus[0].hide()


def test_a_new_source_gets_the_type_the_reader_gives(window, article_path, open_article,
                                                     monkeypatch, store):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    answer_new_source(monkeypatch, "The Harbour Almanac", "document")
    menu_action(window.context_menu(quote.start + 3), "reassign_new").trigger()
    source = window.index.source_of_span(span_with(window.index, QUOTE))
    assert source.name == "The Harbour Almanac" and source.type == "document"
    documents = window.panel.item("group", "document")
    assert documents is not None and documents.text(0).startswith("Documents")
    # Kept so: the saved correction brings back a document, not a person.
    saved = json.dumps([c.to_dict() for c in window.corrections.history.corrections])
    assert '"type": "document"' in saved


def test_why_follows_a_reassignment(window, article_path, open_article):
    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    board = next(s for s in index.sources.values() if s.name == "the board")
    why = quote.why  # the span itself changes in place
    assert "Brooks" in why or "harbourmaster" in why
    menu_action(window.context_menu(quote.start + 3), f"reassign_{board.id}").trigger()
    moved = span_with(window.index, QUOTE, "quote")
    card = span_card_html(window.index, moved)
    assert "Brooks" not in card and "harbourmaster" not in card
    assert "the board" in moved.why
    window.actions["undo"].trigger()
    assert span_with(window.index, QUOTE, "quote").why == why


def test_a_span_is_resized_to_the_selected_words(window, article_path, open_article):
    index = open_article(article_path)
    span = span_with(index, "The garden cost", "paraphrase")
    original = (span.start, span.end)  # the span itself changes in place
    text = index.text
    wider_end = text.index("report", span.end) + len("report")
    window.view.select_range(span.start, wider_end)
    menu_action(window.context_menu(span.start + 2), "resize_span").trigger()
    resized = window.index.span_at(span.start + 2)
    assert (resized.start, resized.end) == (span.start, wider_end) and resized.corrected
    claim = window.index.claims[resized.claim]
    assert (claim.start, claim.end) == (span.start, wider_end)
    # Narrower too, at whole words.
    window.view.select_range(span.start, span.start + len("The garden co"))
    menu_action(window.context_menu(span.start + 2), "resize_span").trigger()
    narrowed = window.index.span_at(span.start + 2)
    assert text[narrowed.start:narrowed.end] == "The garden cost"
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    back = window.index.span_at(span.start + 2)
    assert (back.start, back.end) == original


def test_undo_hides_a_hover_card_that_describes_the_old_analysis(qtbot, window, article_path,
                                                                 open_article):
    from PySide6.QtWidgets import QToolTip

    index = open_article(article_path)
    quote = span_with(index, QUOTE, "quote")
    board = next(s for s in index.sources.values() if s.name == "the board")
    menu_action(window.context_menu(quote.start + 3), f"reassign_{board.id}").trigger()
    moved = span_with(window.index, QUOTE, "quote")
    QToolTip.showText(window.view.mapToGlobal(window.view.rect().center()),
                      span_card_html(window.index, moved), window.view.viewport())
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    window.actions["undo"].trigger()
    # Hidden at once (Qt fades it out within a few hundred ms; a card left up stays 10 s).
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=1000)


def test_own_corrections_on_an_article_that_is_not_english_are_said(window, tmp_path,
                                                                    open_article):
    """An unanalysed German article (invented): the bar says nothing is coloured, until the
    reader marks a span, which is coloured; then the bar and status bar say so."""
    german = ("Bäckerei schließt nach hundert Jahren\n\n"
              "Die älteste Bäckerei der Altstadt schließt am Samstag für immer. „Ohne "
              "Nachfolger geht es nicht weiter“, sagte der Bäckermeister Karl Vogt am "
              "Mittwoch. Viele Kunden kamen noch einmal vorbei, um sich zu verabschieden, "
              "und kauften die letzten Brezeln des Hauses.\n")
    path = tmp_path / "baeckerei.txt"
    path.write_text(german, encoding="utf-8")
    index = open_article(path)
    banner = window.language_banner
    assert index.spans == [] and banner.isVisible()
    assert banner.message.text().endswith("so nothing is coloured.")

    start = german.index("Ohne Nachfolger")
    end = german.index("weiter") + len("weiter")
    window.view.select_range(start, end)
    menu_action(window.context_menu(start + 2), "add_quote").trigger()
    assert [(s.start, s.end, s.corrected) for s in window.index.spans] == [(start, end, True)]
    assert len(window.view.extraSelections()) == 1  # the reader's span is coloured
    for said in (banner.message.text(), window.status_label.text()):
        assert "appears to be in German" in said
        assert said.endswith("so nothing is coloured but your own corrections.")
    assert banner.anyway_button.isVisible()

    window.actions["undo"].trigger()  # no correction left: nothing is coloured again
    assert window.index.spans == []
    assert banner.message.text().endswith("so nothing is coloured.")
