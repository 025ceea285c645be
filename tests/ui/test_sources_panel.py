"""The panel and the index behind it, on a hand-made analysis (no model needed)."""

import pytest
from PySide6.QtCore import Qt

from reader.provenance.model import Analysis, Claim, Source, VoiceSpan
from reader.ui.analysis_index import AnalysisIndex
from reader.ui.sources_panel import ROW_CLAIM, ROW_GROUP, ROW_SOURCE, ROW_SPAN, SourcesPanel

TEXT = ("Mayor Ada Stone said the bridge is safe. “It will stand,” she said. "
        "A report found cracks. The so-called repairs were allegedly skipped.")


def _span(sid, kind, words, claim=None):
    start = TEXT.index(words)
    return VoiceSpan(sid, kind, start, start + len(words), claim=claim, label=kind, why="test")


@pytest.fixture
def index():
    spans = [_span("s1", "paraphrase", "the bridge is safe", "c1"),
             _span("s2", "quote", "“It will stand,”", "c2"),
             _span("s3", "paraphrase", "cracks", "c3"),
             _span("s4", "framing", "so-called"),
             _span("s5", "paraphrase", "were allegedly skipped", "c4")]
    claims = [Claim(c, src, None, None, [(s.start, s.end)], "quote" if s.kind == "quote"
                    else "paraphrase")
              for c, src, s in (("c1", "a", spans[0]), ("c2", "a", spans[1]),
                                ("c3", "b", spans[2]), ("c4", None, spans[4]))]
    sources = [Source("b", "a report", "document", mentions=[(68, 76)], claims=["c3"]),
               Source("a", "Ada Stone", "person", "Mayor", mentions=[(6, 15)],
                      claims=["c1", "c2"])]
    return AnalysisIndex(TEXT, Analysis(spans, claims, sources))


def _top_rows(panel):
    root = panel.tree.invisibleRootItem()
    return [root.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(root.childCount())]


def test_groups_by_type_then_unattributed_then_framing(qtbot, index):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_index(index)
    assert _top_rows(panel) == [(ROW_GROUP, "person"), (ROW_GROUP, "document"),
                                (ROW_GROUP, "unattributed"), (ROW_GROUP, "framing")]
    ada = panel.item(ROW_SOURCE, "a")
    assert [ada.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(ada.childCount())] \
        == [(ROW_CLAIM, "c1"), (ROW_CLAIM, "c2")]
    assert ada.text(1) == "2"
    assert panel.item(ROW_CLAIM, "c4").parent().data(0, Qt.ItemDataRole.UserRole) \
        == (ROW_GROUP, "unattributed")
    assert panel.item(ROW_SPAN, "s4").text(0).startswith("so-called")


def test_panel_signals(qtbot, index):
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_index(index)
    with qtbot.waitSignal(panel.claimSelected) as blocker:
        panel.select(ROW_CLAIM, "c2", notify=True)
    assert blocker.args == ["c2"]
    with qtbot.assertNotEmitted(panel.sourceSelected):
        panel.select(ROW_SOURCE, "a")  # programmatic sync does not echo back
    assert panel.current() == (ROW_SOURCE, "a")


def test_index_lookups(index):
    quote = index.spans_by_id["s2"]
    assert index.span_at(quote.start) is quote
    assert index.span_at(quote.end) is None
    assert index.span_at(quote.start, kinds={"paraphrase"}) is None
    assert index.next_span(0, {"quote"}) is quote
    assert index.next_span(quote.start, {"paraphrase"}, forward=False).id == "s1"
    assert index.claim_range("c2") == (quote.start, quote.end)
    assert index.source_of_span(quote).name == "Ada Stone"
    assert index.source_mentioned_at(8).id == "a"
    assert index.counts() == {"paraphrase": 3, "quote": 1, "framing": 1}
    # "the bridge is safe" + "It will stand": 7 of the text's words.
    assert index.word_share(index.sources["a"]) == pytest.approx(7 / index.total_words)
