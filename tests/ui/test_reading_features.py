"""Issue 4 features on the real window: stepping, find, zoom, presentation, panel,
hover card, settings that survive a restart."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui import shortcuts
from reader.ui.analysis_worker import AnalyzerHolder
from reader.ui.main_window import MainWindow
from reader.ui.settings import OPTIONS, Settings
from reader.ui.sources_panel import ROW_SOURCE
from reader.ui.span_card import span_card_html, span_facts


def test_next_and_previous_span_of_a_kind(window, article_path, open_article):
    index = open_article(article_path)
    quotes = [s for s in index.spans if s.kind == "quote"]
    window.set_step_kind("quote")
    first = window.step_span(True)
    assert first is quotes[0]
    assert window.view.selected_text() == index.text[first.start:first.end]
    second = window.step_span(True)
    assert second is quotes[1]
    assert window.step_span(False) is quotes[0]
    window.set_step_kind(None)
    following = window.step_span(True)
    assert following is index.next_span(quotes[0].start, set(window.legend.shown_kinds()))


def test_step_skips_hidden_kinds(window, article_path, open_article):
    open_article(article_path)
    window.legend.buttons["paraphrase"].click()
    seen = set()
    while (span := window.step_span(True)) is not None:
        seen.add(span.kind)
    assert "paraphrase" not in seen and seen


def test_find_counts_and_selects_matches(qtbot, window, article_path, open_article):
    open_article(article_path)
    window.actions["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "garden")
    assert window.find_bar.count.text() == "1 of 4"
    assert window.view.selected_text().lower() == "garden"
    window.find_bar.step(1)
    assert window.find_bar.count.text() == "2 of 4"
    window.find_bar.step(-1)
    window.find_bar.step(-1)
    assert window.find_bar.count.text() == "4 of 4"
    window.find_bar.edit.setText("no such words")
    assert window.find_bar.count.text() == "No matches"
    window.on_escape()
    assert not window.find_bar.isVisible()


def test_zoom_scales_view_and_panel(window, article_path, open_article):
    open_article(article_path)
    view_size = window.view.font().pointSizeF()
    panel_size = window.panel.font().pointSizeF()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    assert window.view.font().pointSizeF() == view_size + 2
    assert window.panel.font().pointSizeF() > panel_size
    window.actions["zoom_reset"].trigger()
    assert window.view.font().pointSizeF() == view_size
    assert window.panel.font().pointSizeF() == panel_size
    window.actions["zoom_out"].trigger()
    assert window.view.font().pointSizeF() == view_size - 1


def test_presentation_mode_enter_step_leave(qtbot, window, article_path, open_article):
    index = open_article(article_path)
    normal_size = window.view.font().pointSizeF()
    window.actions["presentation"].trigger()
    assert window.presentation.active
    assert window.caption_bar.isVisible() and not window.menuBar().isVisible()
    assert window.view.font().pointSizeF() > normal_size * 1.8
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    first = index.spans_by_id[window.current_span]
    assert first is index.spans[0]
    assert "Direct quote" in window.caption_bar.text() or first.kind != "quote"
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    second = window.presentation.steps[1][0]
    assert window.current_span == second.id
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert window.current_span == first.id
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.presentation.active
    assert not window.caption_bar.isVisible() and window.menuBar().isVisible()
    assert window.view.font().pointSizeF() == normal_size
    # Outside presentation mode the arrows move the caret, not the span.
    assert not window.actions["presentation_next"].isEnabled()


def test_selecting_a_source_dims_the_rest_and_marks_mentions(window, article_path,
                                                            open_article):
    index = open_article(article_path)
    source = next(s for s in index.sources.values() if s.name.endswith("Brooks"))
    window.panel.select(ROW_SOURCE, source.id, notify=True)
    assert window.view.focus_source == source.id
    selections = window.view.extraSelections()
    # One dimming layer, every span, and every mention.
    assert len(selections) == 1 + len(index.spans) + len(source.mentions)
    mention = selections[-1].cursor.selectedText()
    assert mention == index.text[source.mentions[-1][0]:source.mentions[-1][1]]
    window.panel.clear_selection()
    window._on_position_clicked(0)
    assert window.view.focus_source is None
    assert len(window.view.extraSelections()) == len(index.spans)


def test_sort_and_filter_sources(window, article_path, open_article):
    index = open_article(article_path)
    panel = window.panel

    def names():
        root = panel.tree.invisibleRootItem()
        return [root.child(g).child(c).text(0) for g in range(root.childCount())
                for c in range(root.child(g).childCount())
                if root.child(g).child(c).data(0, Qt.ItemDataRole.UserRole)[0] == ROW_SOURCE
                and not root.child(g).child(c).isHidden()]

    panel.set_sort("name")
    people = [s.name for s in index.sources.values()]
    assert sorted(names(), key=str.casefold) == sorted(people, key=str.casefold)
    panel.filter.setText("brooks")
    assert names() == [n for n in people if "brooks" in n.lower()]
    panel.filter.setText("")
    assert len(names()) == len(people)
    source_item = panel.item(ROW_SOURCE, next(iter(index.sources)))
    assert source_item.text(1).isdigit() and source_item.text(2).endswith("%")


def test_hover_card_names_kind_source_cue_why(window, article_path, open_article):
    index = open_article(article_path)
    span = next(s for s in index.spans if s.kind == "quote" and s.claim)
    facts = span_facts(index, span)
    assert facts["kind"] == "Direct quote"
    assert "Brooks" in facts["source"] and "person" in facts["source"]
    assert facts["cue"] == "said" and facts["why"] and facts["confidence"].endswith("%")
    assert "Brooks" in span_card_html(index, span)


def test_settings_and_recent_files_survive_a_restart(qtbot, analyzer, tmp_path, article_path):
    path = tmp_path / "settings.ini"
    first = MainWindow(AnalyzerHolder(analyzer=analyzer), Settings(path))
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.runner.finished, timeout=30_000):
        first.open_path(str(article_path))
    first.set_zoom(3)
    first.set_palette_choice("colourblind")
    first.legend.buttons["framing"].click()
    first.panel.set_sort("claims")
    first.splitter.setSizes([700, 300])
    first.close()
    assert Settings(path).value("files/recent") == [str(article_path.resolve())]

    second = MainWindow(AnalyzerHolder(analyzer=analyzer), Settings(path))
    qtbot.addWidget(second)
    assert second.view.zoom == 3
    assert second.palette_choice() == "colourblind"
    assert second.legend.shown_kinds() == {"quote", "paraphrase"}
    assert second.panel.sort == "claims"
    assert second.settings.recent_files() == [str(article_path.resolve())]
    second.menu.fill_recent_menu()
    assert [a.text() for a in second.menu.recent_menu.actions()][0] == article_path.name
    second.set_palette_choice("auto")
    second.close()


def test_every_option_has_a_default_and_round_trips(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    for key, option in OPTIONS.items():
        assert settings.value(key) == option.default
    settings.set_value("files/positions", {"/a.txt": 12})
    settings.sync()
    assert Settings(tmp_path / "s.ini").position_for("/a.txt") == 12


def test_shortcuts_table_drives_the_actions(window):
    for shortcut in shortcuts.SHORTCUTS:
        action = window.actions[shortcut.action]
        expected = shortcuts.key_sequences(shortcut.action)[0]
        assert action.shortcut().toString() == expected.toString()
    rows = shortcuts.rows()
    assert len(rows) == len(shortcuts.SHORTCUTS) and all(k and d for k, d in rows)


def test_model_that_cannot_load_leaves_the_text_readable(qtbot, tmp_path, article_path, settings):
    class Broken(AnalyzerHolder):
        def get(self):
            raise RuntimeError("The language model xx could not be loaded.")

    window = MainWindow(Broken(), settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.runner.failed, timeout=10_000):
        window.open_path(str(article_path))
    assert "could not be loaded" in window.status_label.text()
    assert "without colours" in window.status_label.text()
    assert "Lena Brooks" in window.view.toPlainText()
    assert window.view.extraSelections() == []
    assert not window.progress.isVisible()


def test_application_identity():
    from reader import APP_ID, APP_NAME
    from reader.ui.app import create_application

    app = create_application()
    assert app is QApplication.instance()
    assert app.applicationName() == APP_NAME
    assert app.desktopFileName() == APP_ID
    assert app.organizationDomain() == "provenancereader.org"
    assert not app.windowIcon().isNull()


def test_cancel_keeps_the_text_without_colours(qtbot, window, article_path):
    window.open_path(str(article_path))
    qtbot.waitUntil(lambda: window.article is not None, timeout=10_000)  # read; analysing
    assert window.cancel_button.isVisibleTo(window)
    window.cancel_button.click()
    assert window.runner.wait(30_000)
    qtbot.wait(100)
    assert window.index is None and window.view.extraSelections() == []
    assert "cancelled" in window.status_label.text()
    assert not window.progress.isVisibleTo(window)
    assert "Lena Brooks" in window.view.toPlainText()


def test_drop_a_file_on_the_window(qtbot, window, article_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.article is not None, timeout=10_000)  # read in the background
    assert window.article.path == str(article_path)
    qtbot.waitUntil(lambda: window.index is not None, timeout=30_000)


def test_reopens_at_the_last_position(qtbot, window, tmp_path, open_article):
    long_path = tmp_path / "long.txt"
    paragraphs = [f"Paragraph {i} says nothing much about the harbour." for i in range(200)]
    long_path.write_text("Long Story\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Other\n\nShort text.\n", encoding="utf-8")
    index = open_article(long_path)
    target = index.text.index("Paragraph 120")
    window.view.scroll_to_offset(target)
    top = window.view.top_offset()
    assert top > 0
    open_article(other)
    assert window.settings.position_for(str(long_path)) == top
    open_article(long_path)
    qtbot.waitUntil(lambda: abs(window.view.top_offset() - top) < 60, timeout=5000)


def test_clicking_a_source_name_in_the_article_selects_the_source(window, article_path,
                                                                 open_article):
    index = open_article(article_path)
    source = next(s for s in index.sources.values() if s.name.endswith("Brooks"))
    start, end = source.mentions[0]
    window._on_position_clicked(start + 1)
    assert window.panel.current() == (ROW_SOURCE, source.id)
    assert window.view.focus_source == source.id
    window._on_position_clicked(0)
    assert window.panel.current() is None and window.view.focus_source is None


def test_palette_switch_keeps_colours_and_place(window, tmp_path, open_article):
    path = tmp_path / "long.txt"
    body = "\n\n".join(f"“Line {i} of the harbour story,” said Lena Brooks." for i in range(80))
    path.write_text("Long Story\n\n" + body, encoding="utf-8")
    index = open_article(path)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    count = len(window.view.extraSelections())
    for choice in ("dark", "colourblind", "light"):
        window.set_palette_choice(choice)
        assert window.view.palette_name == choice
        assert len(window.view.extraSelections()) == count == len(index.spans)
        assert abs(bar.value() - before) <= 2
    window.set_palette_choice("auto")


def test_hovering_a_span_shows_its_card(qtbot, window, article_path, open_article):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QToolTip

    index = open_article(article_path)
    span = next(s for s in index.spans if s.kind == "quote" and s.claim)
    view = window.view
    view.center_on(span.start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(span.start + 4))
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Lena Brooks" in QToolTip.text() and "Direct quote" in QToolTip.text()
    QToolTip.hideText()
