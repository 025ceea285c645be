"""The article header says where the date came from (Article.date_source), in words."""

from html import escape

PAGE = """<!DOCTYPE html><html><head><title>Harbour reopens</title>
<meta property="article:published_time" content="2019-11-19T10:00:00Z"></head>
<body><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Monday after a week of storms, the port authority said.</p>
<p>“We are glad to have the boats back,” harbourmaster Lena Brooks said.</p>
</article></body></html>"""

UNDATED = PAGE.replace('<meta property="article:published_time" '
                       'content="2019-11-19T10:00:00Z">', "")


def test_the_header_shows_the_date_and_where_the_page_stated_it(qtbot, window, tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: "Lena Brooks" in window.view.toPlainText(), timeout=10_000)
    header = window.view.toPlainText().split("\n")[:3]
    assert "19 November 2019 — from the page's metadata" in header, header


def test_a_date_line_in_the_text_is_named_as_the_origin(qtbot, window, tmp_path):
    path = tmp_path / "dateline.html"
    path.write_text(UNDATED.replace("<h1>Harbour reopens</h1>",
                                    "<h1>Harbour reopens</h1><p>Published March 5, 2024</p>"),
                    encoding="utf-8")
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: "Lena Brooks" in window.view.toPlainText(), timeout=10_000)
    header = window.view.toPlainText().split("\n")[:3]
    assert "5 March 2024 — from a date line in the text" in header, header


def test_the_compare_heading_shows_the_date_and_its_origin(qtbot, analyzer, tmp_path):
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.article_pane import ArticlePane

    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    pane = ArticlePane(AnalyzerHolder(analyzer=analyzer))
    qtbot.addWidget(pane)
    assert pane.open_path(str(path)) is None
    assert escape("19 November 2019 — from the page's metadata") in pane.heading.text()
    pane.close_pane()


def test_a_page_that_states_no_date_shows_none(qtbot, window, tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(UNDATED, encoding="utf-8")
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: "Lena Brooks" in window.view.toPlainText(), timeout=10_000)
    assert "— from" not in window.view.toPlainText()
    assert window.article.date is None
