"""The article header says where the date came from (Article.date_source)."""

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
    assert any("2019-11-19 (from meta" in line and "published_time" in line
               for line in header), header


def test_a_page_that_states_no_date_shows_none(qtbot, window, tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(UNDATED, encoding="utf-8")
    assert window.open_path(str(path))
    qtbot.waitUntil(lambda: "Lena Brooks" in window.view.toPlainText(), timeout=10_000)
    assert "(from " not in window.view.toPlainText()
