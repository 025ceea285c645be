"""The library panel on a folder of invented articles, one of them a bad file (the real
model): rows filled in the background, the bad file's error in its row, sorting,
double-click to open, two selected to compare."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from reader.ui.collection_model import KEYS, ROW_ROLE

ARTICLES = {
    "harbour.txt": "Harbour Fees Rise\n\n“We had no choice,” said harbourmaster Lena Brooks. "
                   "The board said fees would rise by a tenth.\n",
    "market/stalls.txt": "Market Stalls Move\n\nTraders said the new square was too far "
                         "from the station. Officials familiar with the plan said it would "
                         "not change.\n",
    "market/opinion.md": "# A Long Overdue Move\n\nThe so-called traders' revolt is a fiasco. "
                         "The market was always going to move, and the town is better for "
                         "it. Everyone can see that the old square was too small.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "library"
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "broken.epub").write_bytes(b"PK\x03\x04 not an EPUB at all")
    return root


@pytest.fixture
def library(qtbot, analyzer, folder):
    from reader.ui.analysis_worker import AnalyzerHolder
    from reader.ui.collection_window import CollectionWindow

    window = CollectionWindow(AnalyzerHolder(analyzer=analyzer))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.finished, timeout=120_000):
        window.open_folder(str(folder))
    yield window
    window.cancel()
    window.wait(30_000)


def _cell(window, row, key):
    return window.proxy.index(row, KEYS.index(key)).data()


def _row_of(window, file):
    return next(r for r in range(window.proxy.rowCount()) if _cell(window, r, "file") == file)


def test_every_article_gets_a_row_and_the_bad_file_its_error(library):
    files = sorted(_cell(library, r, "file") for r in range(library.proxy.rowCount()))
    assert files == ["broken.epub", "harbour.txt", "market/opinion.md", "market/stalls.txt"]
    bad = _row_of(library, "broken.epub")
    assert "broken.epub" in _cell(library, bad, "error")
    assert _cell(library, bad, "words") == ""
    harbour = _row_of(library, "harbour.txt")
    assert _cell(library, harbour, "title") == "Harbour Fees Rise"
    assert int(_cell(library, harbour, "quotes")) >= 1
    assert _cell(library, harbour, "error") == ""
    stalls = library.proxy.index(_row_of(library, "market/stalls.txt"), 0).data(ROW_ROLE)
    assert stalls.figures.anonymous  # "Officials familiar with the plan"
    assert "4 articles" in library.status_label.text()
    assert "1 could not be read" in library.status_label.text()


def test_columns_sort_by_their_numbers(library):
    column = KEYS.index("words")
    library.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    words = [_cell(library, r, "words") for r in range(library.proxy.rowCount())]
    numbers = [int(w) for w in words if w]
    assert numbers == sorted(numbers, reverse=True) and words[-1] == ""  # the bad file last
    library.table.sortByColumn(KEYS.index("framing_per_1000"), Qt.SortOrder.DescendingOrder)
    assert _cell(library, 0, "file") == "market/opinion.md"


def test_double_click_opens_and_two_selected_compare(library, qtbot):
    row = _row_of(library, "harbour.txt")
    with qtbot.waitSignal(library.openRequested) as opened:
        library.table.doubleClicked.emit(library.proxy.index(row, 0))
    assert opened.args[0].endswith("harbour.txt")
    selection = library.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for file in ("harbour.txt", "market/stalls.txt"):
        selection.select(library.proxy.index(_row_of(library, file), 0), flags)
    assert library.compare_button.isEnabled() and not library.open_button.isEnabled()
    with qtbot.waitSignal(library.compareRequested) as compared:
        library.compare_button.click()
    assert sorted(p.rsplit("/", 1)[-1] for p in compared.args) == ["harbour.txt", "stalls.txt"]


def test_save_as_csv(library, tmp_path):
    out = tmp_path / "table.csv"
    assert library.save_csv(str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("path,title,publisher") and len(lines) == 5
