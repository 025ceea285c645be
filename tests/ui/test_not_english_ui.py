"""The real window on an article that is not English: it says so in plain words (banner,
status bar, sources panel), colours nothing, and Analyse Anyway runs the English analysis.
The German paragraph is invented."""

from PySide6.QtCore import Qt

GERMAN = (
    "Hafenmeisterin warnt vor Sturm\n\n"
    "Die Hafenmeisterin Lena Braun hat am Montag alle Fischer aufgefordert, ihre Boote im "
    "Hafen zu lassen. „Der Sturm wird stärker, als wir dachten“, sagte Braun am Abend. Laut "
    "den Akten des Wetterdienstes erreichen die Böen in der Nacht bis zu hundert Kilometer "
    "pro Stunde.\n\n"
    "Mehrere Fischer erklärten, sie würden trotzdem hinausfahren, weil der Fang in dieser "
    "Woche besonders gut sei.\n")


def test_a_german_article_is_not_coloured_and_the_window_says_why(qtbot, window, tmp_path,
                                                                  open_article):
    path = tmp_path / "sturm.txt"
    path.write_text(GERMAN, encoding="utf-8")
    index = open_article(path)
    assert index.spans == [] and index.sources == {}
    assert window.view.extraSelections() == []
    banner = window.language_banner
    assert banner.isVisible()
    assert "appears to be in German" in banner.message.text()
    assert "nothing is coloured" in banner.message.text()
    assert "appears to be in German" in window.status_label.text()
    assert window.panel.note.isVisible() and "German" in window.panel.note.text()
    assert window.actions["analyse_anyway"].isEnabled()

    # The teacher knows better: the English analysis runs and its colours are shown.
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        qtbot.mouseClick(banner.anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.index is not None and bool(window.index.spans), timeout=30_000)
    qtbot.waitUntil(lambda: not window.view.highlighting, timeout=10_000)
    quotes = [s for s in window.index.spans if s.kind == "quote"]
    assert any("Sturm wird stärker" in GERMAN[s.start:s.end] for s in quotes)
    assert len(window.view.extraSelections()) == len(window.index.spans)
    # Still said: the colours come from English rules on a German text.
    assert banner.isVisible() and "at your request" in banner.message.text()
    assert not banner.anyway_button.isVisible()
    assert "at your request" in window.status_label.text()
    assert not window.panel.note.isVisible()
    assert not window.actions["analyse_anyway"].isEnabled()


def test_an_english_article_shows_no_language_banner(qtbot, window, article_path,
                                                     open_article):
    index = open_article(article_path)
    assert index.spans
    assert not window.language_banner.isVisible()
    assert not window.panel.note.isVisible()
    assert not window.actions["analyse_anyway"].isEnabled()
    assert "appears to be" not in window.status_label.text()


def test_opening_another_article_drops_analyse_anyway(qtbot, window, tmp_path, article_path,
                                                      open_article):
    path = tmp_path / "sturm.txt"
    path.write_text(GERMAN, encoding="utf-8")
    open_article(path)
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.actions["analyse_anyway"].trigger()
    qtbot.waitUntil(lambda: window.index is not None and bool(window.index.spans), timeout=30_000)
    open_article(path)  # the same file again: not English, so not analysed, and said
    assert window.index.spans == [] and window.language_banner.anyway_button.isVisible()
