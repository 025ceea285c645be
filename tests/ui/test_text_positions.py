"""Code-point offsets ↔ Qt UTF-16 positions, and highlights that land on the right words."""

from hypothesis import given
from hypothesis import strategies as st

from reader.document.model import Article
from reader.provenance.model import Analysis, Claim, VoiceSpan
from reader.ui.analysis_index import AnalysisIndex
from reader.ui.text_positions import TextPositions, display_text


def test_bmp_text_maps_one_to_one():
    positions = TextPositions("plain text, é and ü")
    assert [positions.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert positions.from_qt(7) == 7


def test_non_bmp_characters_shift_later_positions():
    text = "a😀b𝕏c"
    positions = TextPositions(text, base=3)
    assert [positions.to_qt(i) for i in range(len(text) + 1)] == [3, 4, 6, 7, 9, 10]
    assert positions.from_qt(3 + 2) == 1  # the middle of 😀 snaps to its start
    assert [positions.from_qt(p) for p in (3, 4, 6, 7, 9, 10)] == [0, 1, 2, 3, 4, 5]


@given(st.text(alphabet=st.sampled_from("ab \n😀🌱𝕏é“”")))
def test_round_trip_and_utf16_agree(text):
    positions = TextPositions(text)
    for offset in range(len(text) + 1):
        qt = positions.to_qt(offset)
        assert qt == len(text[:offset].encode("utf-16-le")) // 2
        assert positions.from_qt(qt) == offset


def test_display_text_keeps_the_length():
    text = "one\r\ntwo\rthree\x00\u2028four\x0c"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "\r" not in shown and "\x00" not in shown


def test_highlight_lands_on_the_quote_after_emoji(qtbot):
    from reader.ui.article_view import ArticleView

    text = "Emoji first 😀🚢🌱 then a quote: “All hands on deck,” she said."
    quote = "“All hands on deck,”"
    start = text.index(quote)
    article = Article(text=text, title="A title not in the text")
    span = VoiceSpan("s1", "quote", start, start + len(quote), claim="c1", why="test")
    analysis = Analysis(spans=[span], claims=[Claim("c1", None, None, None,
                                                    [(span.start, span.end)], "quote")])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article)
    view.set_analysis(AnalysisIndex(text, analysis))
    selections = view.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == quote
    # The header line (the title) sits before the text; positions account for it too.
    view.select_range(span.start, span.end)
    assert view.textCursor().selectedText() == quote
    assert view.selected_text() == quote
    # And back: a position inside the quote finds the span.
    middle = view.positions.to_qt(span.start + 3)
    assert view.index.span_at(view.positions.from_qt(middle)) is span
