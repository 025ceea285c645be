"""A saved page's local images are shown; remote ones are never fetched."""

from PySide6.QtGui import QColor, QImage


def test_local_images_are_shown_and_remote_ones_ignored(qtbot, window, open_article, tmp_path):
    folder = tmp_path / "page_files"
    folder.mkdir()
    image = QImage(64, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(folder / "bridge.png"))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge reopens</h1>"
        '<figure><img src="page_files/bridge.png"><figcaption>The bridge.</figcaption></figure>'
        '<img src="https://images.example.org/tracker.png">'
        "<p>The Elm Street bridge reopened on Monday after six months of repairs, the town "
        "said, and traffic returned to normal by the evening rush hour.</p>"
        "</article></body></html>", encoding="utf-8")
    open_article(page)
    assert window.article.images == [str((folder / "bridge.png").resolve())]
    window.actions["page_images"].trigger()
    dialog = window.page_images_dialog
    assert dialog.shown == 1
    dialog.close()


def test_article_without_images_says_so(qtbot, window, open_article, article_path):
    open_article(article_path)
    window.actions["page_images"].trigger()
    assert window.page_images_dialog.shown == 0
    window.page_images_dialog.close()
