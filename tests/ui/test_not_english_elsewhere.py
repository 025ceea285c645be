"""An article that is not English, beyond the reader window's bar: the library, Compare
and presentation mode say why nothing is coloured (the real windows and the real model;
the German paragraph is invented, as in test_not_english_ui)."""

import csv

import pytest
from PySide6.QtCore import Qt
from test_not_english_ui import GERMAN

from reader.resources_path import sample_article


@pytest.fixture
def german_path(tmp_path):
    path = tmp_path / "shelf" / "sturm.txt"
    path.parent.mkdir()
    path.write_text(GERMAN, encoding="utf-8")
    return path


def test_the_library_says_which_articles_are_not_analysed(qtbot, analyzer, german_path,
                                                          tmp_path):
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.collection_model import KEYS
    from reader.ui.collection_window import CollectionWindow

    (german_path.parent / "harbour.txt").write_text(
        "Harbour Fees Rise\n\n“We had no choice,” said harbourmaster Lena Brooks. The board "
        "said fees would rise by a tenth.\n", encoding="utf-8")
    library = CollectionWindow(AnalyzerHolder(analyzer=analyzer))
    qtbot.addWidget(library)
    library.show()
    with qtbot.waitSignal(library.finished, timeout=120_000):
        library.open_folder(str(german_path.parent))
    rows = {library.proxy.index(r, 0).data(): r for r in range(library.proxy.rowCount())}

    def cell(file, key):
        return library.proxy.index(rows[file], KEYS.index(key))

    # Where the bar of who speaks would be: not analysed, and why, in the tooltip.
    assert cell("sturm.txt", "who_speaks").data() == "Not analysed: German"
    assert "appears to be in German" in cell("sturm.txt", "who_speaks").data(
        Qt.ItemDataRole.ToolTipRole)
    # Its words are counted; what was never looked for is empty, not zero.
    assert int(cell("sturm.txt", "words").data()) > 40
    for key in ("quotes", "paraphrases", "sources", "unattributed_claims", "framing_per_1000"):
        assert cell("sturm.txt", key).data() == "", key
    assert cell("harbour.txt", "who_speaks").data() == ""  # a bar, no words
    assert int(cell("harbour.txt", "quotes").data()) >= 1
    assert "1 not in English, so not analysed" in library.status_label.text()

    out = tmp_path / "table.csv"
    assert library.save_csv(str(out))
    table = {r["path"].rsplit("/", 1)[-1]: r
             for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert table["sturm.txt"]["not English"] == "German" and table["sturm.txt"]["quotes"] == ""
    assert table["harbour.txt"]["not English"] == "" and table["harbour.txt"]["quotes"] != ""
    library.cancel()
    library.wait(30_000)


def test_compare_says_which_side_is_not_analysed(qtbot, compare_window, german_path):
    window = compare_window
    with qtbot.waitSignal(window.compared, timeout=60_000):
        assert window.open_paths(str(sample_article()), str(german_path)) is None
    english, german = window.panes["a"], window.panes["b"]
    assert not english.language_banner.isVisible() and not english.panel.note.isVisible()
    assert german.language_banner.isVisible()
    assert "appears to be in German" in german.language_banner.message.text()
    assert german.panel.note.isVisible() and "German" in german.panel.note.text()
    assert "The second article appears to be in German" in window.status_label.text()
    rows = {title: (a, b) for title, a, b in window.strip.figures.rows}
    assert rows["Not analysed: not in English"] == ("", "German")
    # Only its words are counted: a dash, not 0 %, for what was never looked for.
    assert rows["The writer's own words"][1] == "—" and rows["Words"][1] != "—"
    assert rows["The writer's own words"][0] != "—"
    # The common scale is the English side's: the German side has no measured share.
    english_writer = window.comparison.a.shares["writer"]
    assert window.comparison.scale == pytest.approx(max(
        [english_writer] + [s.share for s in window.comparison.a.sources]))

    window.enter_presentation()
    assert "The second article appears to be in German" in window.caption_bar.text()
    window.leave_presentation()

    # Analyse Anyway on that side: the English analysis runs and the comparison follows.
    with qtbot.waitSignal(window.compared, timeout=60_000):
        german.language_banner.anyway_button.click()
    assert german.index.spans
    assert "at your request" in german.language_banner.message.text()
    assert not german.panel.note.isVisible()
    assert "appears to be in German" not in window.status_label.text()
    assert window.comparison.b.analysed


def test_presentation_mode_says_why_nothing_is_coloured(window, open_article, german_path,
                                                        article_path):
    open_article(german_path)
    window.actions["presentation"].trigger()
    assert "appears to be in German" in window.caption_bar.text()
    window.actions["presentation"].trigger()
    open_article(article_path)  # an English article: the caption has no such notice
    window.actions["presentation"].trigger()
    assert "appears to be" not in window.caption_bar.text()
    window.actions["presentation"].trigger()
