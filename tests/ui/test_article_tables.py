"""A data table of a saved page is shown as a table (QTextTable) in the article view: never
analysed, readable at every size and in every palette, copied as cells, exported as a
table. The page is invented for these tests."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextFormat, QTextTable

from reader.palette import SURFACES

QUOTE_BEFORE = "“We have never seen so many riders on the towpath,”"
QUOTE_AFTER = "“Entries for the bridge climb open next week,”"
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>River cup results</title></head><body><article><h1>River cup results</h1>
<p>The river cup ended on Sunday with a sprint finish along the old towpath, and the
organisers counted the largest field in a decade.</p>
<p>{QUOTE_BEFORE} race director Lena Brooks said after the prize-giving.</p>
<table><thead><tr><th>Pos.</th><th>Rider</th><th>Club</th><th>Points</th></tr></thead>
<tbody><tr><td>1</td><td>Ana Lopes 🚴</td><td>Mill Wheelers</td><td>120</td></tr>
<tr><td>2</td><td>Ben Ode</td><td>Towpath CC</td><td>98</td></tr>
<tr><td>3</td><td>Chiara Rossi</td><td>Bridge Riders</td><td>87</td></tr></tbody></table>
<p>{QUOTE_AFTER} Brooks said, adding that the club would publish the full times.</p>
</article></body></html>"""
ROWS = [["Pos.", "Rider", "Club", "Points"], ["1", "Ana Lopes 🚴", "Mill Wheelers", "120"],
        ["2", "Ben Ode", "Towpath CC", "98"], ["3", "Chiara Rossi", "Bridge Riders", "87"]]


def _open(tmp_path, open_article, window):
    path = tmp_path / "river_cup.html"
    path.write_text(PAGE, encoding="utf-8")
    index = open_article(path)
    block = next(b for b in window.article.blocks if b.kind == "table")
    return index, block


def _tables(view) -> list[QTextTable]:
    return [frame for frame in view.document().rootFrame().childFrames()
            if isinstance(frame, QTextTable)]


def _cells(table: QTextTable) -> list[list[str]]:
    out = []
    for row in range(table.rows()):
        cells = []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            cursor = cell.firstCursorPosition()
            cursor.setPosition(cell.lastCursorPosition().position(),
                               cursor.MoveMode.KeepAnchor)
            cells.append(cursor.selectedText())
        out.append(cells)
    return out


def test_a_table_is_shown_as_a_table_with_its_heading_row(qtbot, tmp_path, window,
                                                          open_article):
    _open(tmp_path, open_article, window)
    tables = _tables(window.view)
    assert len(tables) == 1
    assert _cells(tables[0]) == ROWS
    heading = tables[0].cellAt(0, 1).firstCursorPosition().charFormat()
    body = tables[0].cellAt(1, 1).firstCursorPosition().charFormat()
    assert heading.fontWeight() == QFont.Weight.Bold
    assert body.fontWeight() != QFont.Weight.Bold
    assert tables[0].format().headerRowCount() == 1


def test_the_table_is_not_analysed_and_highlights_around_it_land_on_their_words(
        qtbot, tmp_path, window, open_article):
    index, block = _open(tmp_path, open_article, window)
    assert not [s for s in index.spans if s.start < block.end and s.end > block.start]
    for quote in (QUOTE_BEFORE, QUOTE_AFTER):
        start = window.article.text.index(quote)
        span = next(s for s in index.spans if s.kind == "quote" and s.start <= start < s.end)
        window.view.select_range(span.start, span.end)
        assert window.view.textCursor().selectedText() == window.article.text[span.start:span.end]
    # Every offset of the table maps into its cells: a click on "Ben Ode" is that offset.
    offset = window.article.text.index("Ben Ode")
    window.view.select_range(offset, offset + len("Ben Ode"))
    assert window.view.textCursor().selectedText() == "Ben Ode"


def test_copying_a_table_gives_cells_apart_by_tabs_and_rich_text(qtbot, tmp_path, window,
                                                                 open_article):
    _, block = _open(tmp_path, open_article, window)
    text = window.article.text
    # Dragged from the paragraph before the table to the one after it.
    start, end = text.index("race director"), text.index("Brooks said, adding")
    window.view.select_range(start, end)
    mime = window.view.createMimeDataFromSelection()
    assert mime.text() == text[start:end]
    assert "\n".join("\t".join(row) for row in ROWS) in mime.text()
    assert "<table" in mime.html() and "Mill Wheelers" in mime.html()
    # Cells chosen inside the table: those rows and columns only.
    start, end = text.index("Ana Lopes"), text.index("Towpath CC") + len("Towpath CC")
    window.view.select_range(start, end)
    mime = window.view.createMimeDataFromSelection()
    assert mime.text() == "Ana Lopes 🚴\tMill Wheelers\nBen Ode\tTowpath CC"


def test_the_table_follows_the_palette_and_the_text_size(qtbot, tmp_path, window,
                                                         open_article):
    _open(tmp_path, open_article, window)
    light_rule = _tables(window.view)[0].format().borderBrush().color().name()
    window.set_palette_choice("dark")
    table = _tables(window.view)[0]
    assert table.format().borderBrush().color().name() == SURFACES["dark"].muted.lower()
    assert light_rule == SURFACES["light"].muted.lower()
    assert _cells(table) == ROWS  # rebuilt, not lost
    gap = table.format().topMargin()
    window.view.set_base_point_size(window.view.base_point_size + 12)  # as presentation does
    table = _tables(window.view)[0]
    assert table.format().topMargin() > gap
    # The cells carry no size of their own: they grow with the view's font.
    assert not table.cellAt(1, 1).firstCursorPosition().charFormat().hasProperty(
        QTextFormat.Property.FontPointSize)


def test_presentation_mode_shows_the_table(qtbot, tmp_path, window, open_article):
    _open(tmp_path, open_article, window)
    window.actions["presentation"].trigger()
    try:
        assert _cells(_tables(window.view)[0]) == ROWS
    finally:
        window.actions["presentation"].trigger()


def test_exports_show_the_table_as_a_table(tmp_path):
    from reader.document import load_article
    from reader.export.html import QT, render_html
    from reader.provenance.model import Analysis

    path = tmp_path / "river_cup.html"
    path.write_text(PAGE, encoding="utf-8")
    article = load_article(path)
    for variant in ("screen", QT):
        page = render_html(article, Analysis(spans=[], claims=[]), variant=variant)
        assert '<table class="data"' in page
        assert "<tr><th>Pos.</th><th>Rider</th><th>Club</th><th>Points</th></tr>" in page
        assert "<td>Mill Wheelers</td>" in page
        assert "Pos.\tRider" not in page
