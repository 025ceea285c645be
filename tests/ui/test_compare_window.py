"""Compare: the two shipped samples side by side (the real model), the shared-source strip
and a source selected on one side highlighted on both."""

import pytest

from reader.resources_path import comparison_sample, sample_article
from reader.ui.sources_panel import ROW_SOURCE


@pytest.fixture
def compared(qtbot, compare_window):
    with qtbot.waitSignal(compare_window.compared, timeout=60_000):
        assert compare_window.open_paths(str(sample_article()), str(comparison_sample())) is None
    return compare_window


def _source_id(pane, name):
    return next(s.id for s in pane.analysis.sources if s.name == name)


def test_strip_lists_the_sources_both_quote_and_one_only(compared):
    strip = compared.strip
    shared = strip.sources.rows("shared")
    for name in ("Daniel Ortiz", "Ruth Calder", "Priya Natarajan"):
        assert name in shared
    assert "Gerald Whitcombe" in strip.sources.rows("only_b")
    assert "Gerald Whitcombe" not in strip.sources.rows("only_a")
    assert "A source familiar with the negotiations" in strip.sources.rows("only_a")
    assert strip.sources.groups["shared"].text(0).startswith("Quoted by both (")
    # The figures table and the chart show the same comparison.
    titles = [row[0] for row in strip.figures.rows]
    assert "Framing per 1,000 words" in titles and "Anonymous sources" in titles
    chart_names = [name for name, _a, _b in strip.chart.rows()]
    assert chart_names[:len(shared)] == [compared.comparison.shared[i].a.name
                                         for i in range(len(shared))]


def test_a_source_selected_on_one_side_is_highlighted_on_both(compared, qtbot):
    a, b = compared.panes["a"], compared.panes["b"]
    ortiz_a, ortiz_b = _source_id(a, "Daniel Ortiz"), _source_id(b, "Daniel Ortiz")
    # Click the source in the first article's own panel.
    assert a.panel.select(ROW_SOURCE, ortiz_a, notify=True)
    assert compared.focused() == (ortiz_a, ortiz_b)
    assert b.panel.current() == (ROW_SOURCE, ortiz_b)
    assert compared.strip.chart.focus == (ortiz_a, ortiz_b)
    # A source only the second article quotes: highlighted there, nothing in the first.
    whitcombe = _source_id(b, "Gerald Whitcombe")
    assert b.panel.select(ROW_SOURCE, whitcombe, notify=True)
    assert compared.focused() == (None, whitcombe)


def test_choosing_a_shared_row_in_the_strip_highlights_both(compared):
    strip = compared.strip.sources
    group = strip.groups["shared"]
    row = next(group.child(i) for i in range(group.childCount())
               if group.child(i).text(0) == "Ruth Calder")
    strip.setCurrentItem(row)
    a, b = compared.panes["a"], compared.panes["b"]
    assert compared.focused() == (_source_id(a, "Ruth Calder"), _source_id(b, "Ruth Calder"))


def test_legend_toggles_both_sides(compared):
    compared.legend.set_shown("quote", False)
    for pane in compared.panes.values():
        assert "quote" not in pane.view.visible_kinds
    compared.legend.set_shown("quote", True)
    assert all("quote" in p.view.visible_kinds for p in compared.panes.values())


def test_presentation_steps_through_the_shared_sources_and_one_side(compared):
    compared.enter_presentation()
    assert compared.presenting and compared.caption_bar.isVisible()
    compared.set_step_mode("shared")
    compared.step(True)
    first = compared.comparison.shared[0]
    assert compared.focused() == (first.a.id, first.b.id)
    assert first.a.name in compared.caption_bar.text()
    assert f"1 of {len(compared.comparison.shared)}" in compared.caption_bar.text()
    compared.step(True)
    second = compared.comparison.shared[1]
    assert compared.focused() == (second.a.id, second.b.id)
    compared.set_step_mode("b")
    compared.step(True)
    b = compared.panes["b"]
    first_claim = b.current_span
    assert first_claim is not None and "1 of" in compared.caption_bar.text()
    compared.step(True)
    assert b.current_span not in (None, first_claim) and "2 of" in compared.caption_bar.text()
    compared.leave_presentation()
    assert not compared.presenting and not compared.caption_bar.isVisible()


def test_an_unreadable_file_is_a_sentence(compare_window, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    message = compare_window.open_paths(str(sample_article()), str(empty))
    assert message and "empty.txt" in message


def test_counts_in_status_and_caption_read_right_for_one(compared):
    c = compared.comparison
    assert compared.status_label.text() == (
        f"Sources quoted by both: {len(c.shared)}; only in the first: {len(c.only_a)}; "
        f"only in the second: {len(c.only_b)}.")
    # A source with exactly one claim: "1 claim", never "1 claims".
    single = next((p for p in c.shared if p.a.claims == 1 or p.b.claims == 1), None)
    if single is None:
        pytest.skip("the samples have no shared source with a single claim")
    compared.enter_presentation()
    compared.select_source("a", single.a.id)
    caption = compared.caption_bar.text()
    assert "1 claim" in caption and "1 claims" not in caption


def test_home_and_end_go_to_the_first_and_last_in_presentation(compared):
    assert not compared.actions["presentation_last"].isEnabled()
    compared.enter_presentation()
    compared.set_step_mode("shared")
    assert compared.actions["presentation_last"].shortcut().toString() == "End"
    compared.actions["presentation_last"].trigger()
    shared = compared.comparison.shared
    last = shared[-1]
    assert compared.focused() == (last.a.id, last.b.id)
    assert f"{len(shared)} of {len(shared)}" in compared.caption_bar.text()
    compared.actions["presentation_first"].trigger()
    assert compared.focused() == (shared[0].a.id, shared[0].b.id)
    compared.set_step_mode("a")
    compared.actions["presentation_last"].trigger()
    a = compared.panes["a"]
    steps = a.step_claim(compared.legend.shown_kinds(), True)  # already at the last: stays
    assert steps is not None and steps[1] == steps[2]
    compared.actions["presentation_first"].trigger()
    assert "1 of" in compared.caption_bar.text()
    compared.leave_presentation()
    assert not compared.actions["presentation_first"].isEnabled()


def _title_size_adjustment(view) -> int:
    from PySide6.QtGui import QTextCursor, QTextFormat

    cursor = QTextCursor(view.document())
    cursor.setPosition(1)  # inside the first character of the title
    return cursor.charFormat().property(QTextFormat.Property.FontSizeAdjustment)


def test_half_width_panes_show_the_title_smaller_than_the_main_window(compared, qtbot):
    # Each pane names its article in its own heading; at half the window's width the
    # title in the text is a subheading's size, not the main window's poster size.
    from reader.ui.article_view import ArticleView

    pane = compared.panes["a"]
    assert pane.article.title and pane.view.toPlainText().startswith(pane.article.title[:20])
    assert _title_size_adjustment(pane.view) == 1
    single = ArticleView()
    qtbot.addWidget(single)
    single.set_article(pane.article)
    assert _title_size_adjustment(single) == 3


def test_presentation_caption_and_legend_are_large_enough_for_the_back_row(compared):
    """Compare's caption grows with the text in presentation mode, as the main window's
    does (it stayed at the application's size, unreadable on a projector), and goes back."""
    normal = compared.caption_bar.font().pointSizeF()
    legend = compared.legend.font().pointSizeF()
    compared.enter_presentation()
    assert compared.caption_bar.font().pointSizeF() >= 1.5 * normal
    assert compared.legend.font().pointSizeF() > legend
    assert compared.caption_bar.head.font().pointSizeF() >= 1.5 * normal
    compared.leave_presentation()
    assert compared.caption_bar.font().pointSizeF() == normal
    assert compared.legend.font().pointSizeF() == legend
