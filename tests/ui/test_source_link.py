"""The saved page's address: shown as text, opened only on a click and a confirmation."""

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

PAGE = """<html><head><title>Bridge reopens</title>
<link rel="canonical" href="https://news.example.org/bridge-reopens">
<meta property="og:site_name" content="Example Gazette"></head>
<body><article><h1>Bridge reopens after repairs</h1>
<p>The Elm Street bridge reopened on Monday after six months of repairs, the town said,
and traffic returned to normal by the evening rush hour on both sides of the river.</p>
<p>“We are glad it is over,” said Mayor Ann Lee, who cut the ribbon at noon.</p>
</article></body></html>"""


def _open_page(tmp_path, window, open_article):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    open_article(page)
    return page


def test_address_is_shown_and_opens_only_after_confirming(qtbot, window, open_article,
                                                         tmp_path, monkeypatch):
    _open_page(tmp_path, window, open_article)
    link = window.source_link
    assert not link.isHidden()
    assert "https://news.example.org/bridge-reopens" in link.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    link.linkActivated.emit(link.url)
    assert opened == []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    link.linkActivated.emit(link.url)
    assert opened == ["https://news.example.org/bridge-reopens"]


def test_plain_text_article_has_no_address(qtbot, window, open_article, article_path):
    open_article(article_path)
    assert window.source_link.isHidden()
