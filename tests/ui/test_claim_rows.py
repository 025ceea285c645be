"""The real window: a claim whose content is only a topic ("critical of the mayor") is
listed in the sources panel with its cue; quotations and long paraphrases as their words
(an invented article, the real model)."""

from PySide6.QtCore import Qt

from reader.ui.sources_panel import ROW_CLAIM, ROW_SOURCE

ARTICLE = ("Council weighs new bridge plan\n\n"
           "Senator Alma Reyes has been critical of the mayor. Councillor Tom Beck spoke "
           "warmly of her first term. \"We decided to invite both,\" said Dana Holt, the "
           "chair of the board.\n\n"
           "Beck said that the bridge would open next spring if the council approves the "
           "money in its June budget vote, and that tolls would stay low for residents.\n")


def _rows_of(window, name):
    index = window.index
    source = next(s for s in index.sources.values() if s.name.endswith(name))
    item = window.panel.item(ROW_SOURCE, source.id)
    return [item.child(i) for i in range(item.childCount())]


def test_a_topic_claim_reads_as_what_the_source_said(qtbot, window, open_article, tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_article(path)
    reyes = _rows_of(window, "Reyes")
    assert [row.text(0) for row in reyes] == ["has been critical of: the mayor"]
    beck = [row.text(0) for row in _rows_of(window, "Beck")]
    assert beck[0] == "spoke warmly of: her first term"
    # A long paraphrase and a quotation are listed as their own words, as before.
    assert beck[1].startswith("that the bridge would open next spring")
    assert [row.text(0) for row in _rows_of(window, "Holt")] == ['"We decided to invite both,"']
    # Clicking the row still selects the claim's own words in the article.
    row = reyes[0]
    assert row.data(0, Qt.ItemDataRole.UserRole)[0] == ROW_CLAIM
    tree = window.panel.tree
    tree.scrollToItem(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(row).center())
    assert window.view.selected_text() == "the mayor"
    assert row.toolTip(0) == "has been critical of: the mayor"


def test_presentation_caption_shows_the_cue_of_a_topic_claim(window, open_article, tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    index = open_article(path)
    claim = next(c for c in index.claims.values()
                 if index.text[c.start:c.end] == "her first term")
    window.actions["presentation"].trigger()
    step = next(i for i, s in enumerate(window.presentation.steps) if s[0].claim == claim.id)
    window.presentation.go_to(step)
    assert "spoke warmly of: her first term" in window.caption_bar.text()
    window.actions["presentation"].trigger()


def test_a_row_with_its_cue_wraps_at_the_panel_width(qtbot):
    from reader.provenance.model import Analysis, Claim, Source
    from reader.ui.analysis_index import AnalysisIndex
    from reader.ui.sources_panel import SourcesPanel

    text = ("The residents' union had an unfavorable opinion of the contractor. "
            "The union said the bridge would open next spring if the council approves it.")
    cue, topic = "had an unfavorable opinion of", "the contractor"
    said = "the bridge would open next spring if the council approves it"
    claims = [Claim("c1", "u", None, (text.index(cue), text.index(cue) + len(cue)),
                    [(text.index(topic), text.index(topic) + len(topic))], "paraphrase"),
              Claim("c2", "u", None, (text.index("said"), text.index("said") + 4),
                    [(text.index(said), text.index(said) + len(said))], "paraphrase")]
    source = Source("u", "The residents' union", "organization", mentions=[(0, 20)],
                    claims=["c1", "c2"])
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    panel.set_index(AnalysisIndex(text, Analysis([], claims, [source])))
    topic_row, long_row = panel.item(ROW_CLAIM, "c1"), panel.item(ROW_CLAIM, "c2")
    tree = panel.tree
    assert topic_row.text(0) == "had an unfavorable opinion of: the contractor"
    one_line = tree.visualItemRect(panel.item(ROW_SOURCE, "u")).height()
    # Narrow: the row with its cue takes two lines or more, so its content is not cut off;
    # a long paraphrase stays one line, cut at the edge as before.
    qtbot.waitUntil(lambda: tree.visualItemRect(topic_row).height() >= 2 * one_line - 4)
    assert tree.visualItemRect(long_row).height() < 2 * one_line - 4
    # At every width, the row is as tall as its text wrapped where the style draws it (the
    # item's rect less the style's margin each side), not a line taller: a blank line.
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    for width in range(240, 330, 6):
        panel.resize(width, 400)
        qtbot.wait(80)  # the tree is laid out again 50 ms after its column is resized
        rect = tree.visualRect(tree.indexFromItem(topic_row, 0))  # the first column's cell
        drawn = tree.fontMetrics().boundingRect(QRect(0, 0, rect.width() - 2 * margin, 10_000),
                                                Qt.TextFlag.TextWordWrap, topic_row.text(0))
        line = tree.fontMetrics().lineSpacing()
        assert drawn.height() <= rect.height() < drawn.height() + line, width
    # Wide: one line again, once the panel has been laid out at its new width.
    panel.resize(1200, 400)
    qtbot.waitUntil(lambda: tree.visualItemRect(topic_row).height() < 2 * one_line - 4)


NAMING = ("Pool closes early\n\n"
          "The board shut the east pool in March, a move that parents called a "
          "\"quiet betrayal\" of the neighbourhood.\n")


def test_a_named_quotation_shows_no_stray_fragments(qtbot, window, open_article, tmp_path):
    """"a move that parents called a “quiet betrayal”": the text colours the quotation
    alone, not "that" and "a" beside it, and the panel, tooltip and presentation caption
    list the parents' words, not "that … a"."""
    path = tmp_path / "pool.txt"
    path.write_text(NAMING, encoding="utf-8")
    index = open_article(path)
    qtbot.waitUntil(lambda: not window.view.highlighting, timeout=10_000)
    coloured = sorted(s.cursor.selectedText() for s in window.view.extraSelections())
    assert coloured == ['"quiet betrayal"']
    rows = _rows_of(window, "parents")
    assert [row.text(0) for row in rows] == ['"quiet betrayal"']
    assert rows[0].toolTip(0) == '"quiet betrayal"'
    claim = next(iter(index.claims.values()))
    window.actions["presentation"].trigger()
    step = next(i for i, s in enumerate(window.presentation.steps) if s[0].claim == claim.id)
    window.presentation.go_to(step)
    assert window.caption_bar.words.text() == '"quiet betrayal"'
    window.actions["presentation"].trigger()


def test_the_caption_of_a_claim_that_quotes_some_words_says_which_are_exact(
        window, open_article, tmp_path):
    path = tmp_path / "pool.txt"
    path.write_text("Pool closes early\n\nCouncillor Ana Lund accused the board of \"hiding "
                    "behind spreadsheets\" at the meeting.\n", encoding="utf-8")
    index = open_article(path)
    claim = next(c for c in index.claims.values() if c.kind == "mixed")
    window.actions["presentation"].trigger()
    window.presentation.go_to(next(i for i, s in enumerate(window.presentation.steps)
                                   if s[0].claim == claim.id))
    assert "Lund accused this; the writer retells it" in window.caption_bar.plain.text()
    assert "quoted exactly" in window.caption_bar._texts[1]
    window.actions["presentation"].trigger()
