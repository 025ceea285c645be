"""The handout (only the article's lines, the headline once, an answer key) and the
figures of the exports ("< 1 %" survives HTML and PDF; headings stay with their section)."""

import re

import pypdf

from reader.document.model import Article, Block
from reader.export.html import answer_key_rows, handout_lines, render_handout_html, render_html
from reader.export.pdf import keep_headings_with_content, text_document, write_pdf
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

from handmade import CAPTION, make_analysis, make_article


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(path).pages)


def test_handout_numbers_only_the_article_and_prints_the_headline_once():
    title = "Council shuts library"
    text = (f"{title}\n\nMayor Ann Ortiz said the branch costs too much.\n\n"
            "Photo: Sam Lee/Courier\n\nCOMMENTS\n\nPlease let us know if you're having "
            "issues with commenting.\n")
    blocks = []
    for kind, part in (("heading", title),
                       ("paragraph", "Mayor Ann Ortiz said the branch costs too much."),
                       ("credit", "Photo: Sam Lee/Courier"), ("boilerplate", "COMMENTS"),
                       ("boilerplate", "Please let us know if you're having issues with "
                                       "commenting.")):
        start = text.index(part)
        blocks.append(Block(kind, start, start + len(part)))
    article = Article(text, blocks, title=title)
    lines = [line for block in handout_lines(article) for line in block]
    assert [line.text for line in lines] == ["Mayor Ann Ortiz said the branch costs too much."]
    assert lines[0].number == 1
    page = render_handout_html(article)
    assert page.count(title) == 2  # <title> and the heading, not a numbered line as well
    assert "COMMENTS" not in page and "Sam Lee" not in page and "commenting" not in page
    # The instruction has room below it before line 1.
    assert re.search(r'class="task" style="margin-bottom:\d+px"', page)


def test_handout_lines_keep_their_offsets():
    article = make_article()
    for block in handout_lines(article, width=20):
        for line in block:
            assert len(line.text) <= 20 or " " not in line.text
            assert " ".join(article.text[line.start:line.end].split()) == line.text


def test_handout_has_an_answer_key_page():
    article, analysis = make_article(), make_analysis()
    lines = [line for block in handout_lines(article) for line in block]
    rows = answer_key_rows(article, analysis, lines)
    by_words = {words: (where, kind, who) for where, kind, who, words in rows}
    # A short paraphrase comes with its cue (reader/claim_label.py), before or after it.
    assert by_words["said: the branch costs too much"] == ("2", "Paraphrase",
                                                           "Ann Ortiz (person)")
    assert by_words["so-called"][1:] == ("Writer's framing", "the writer")
    assert by_words["savings are tiny — reportedly"][2] == "nobody named"
    page = render_handout_html(article, analysis)
    assert "Answer key" in page and page.index("Answer key") > page.index("Note the line")
    assert "Answer key" not in render_handout_html(article)


def test_handout_pdf_ends_with_the_answer_key_on_its_own_page(qapp, tmp_path):
    out = tmp_path / "handout.pdf"
    write_pdf(out, make_article(), make_analysis(), handout=True)
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    assert len(pages) >= 2
    assert "Answer key" in pages[-1] and "Answer key" not in " ".join(pages[:-1])
    assert CAPTION not in " ".join(pages)


def tiny_share_article():
    """A long article where one source speaks one word: "< 1 %" of it."""
    filler = " ".join(["The council met and talked about the budget for a long time."] * 30)
    text = f"{filler}\n\n“Yes,” said Bo.\n"
    quote = text.index("“Yes,”")
    article = Article(text, [Block("paragraph", 0, len(filler)),
                             Block("paragraph", len(filler) + 2, len(text) - 1)],
                      title="Tiny")
    bo = text.index("Bo.")
    analysis = Analysis(
        spans=[VoiceSpan("s1", "quote", quote, quote + 6, claim="c1", why="quote")],
        claims=[Claim("c1", "src1", (bo, bo + 2), (bo - 5, bo - 1), [(quote, quote + 6)],
                      "quote")],
        sources=[Source("src1", "Bo", "person", mentions=[(bo, bo + 2)], claims=["c1"])])
    return article, analysis


def test_a_share_under_one_percent_survives_html_and_pdf(qapp, tmp_path):
    article, analysis = tiny_share_article()
    page = render_html(article, analysis)
    assert "&lt; 1 % quoted" in page and "< 1 %" not in page
    out = tmp_path / "tiny.pdf"
    write_pdf(out, article, analysis)
    assert "< 1 % quoted" in pdf_text(out)


def test_print_keeps_each_heading_with_its_section(qapp, tmp_path):
    """Whatever the length before it, no heading is left at the foot of a page."""
    from PySide6.QtCore import QSizeF

    article, analysis = make_article(), make_analysis()
    for extra in range(0, 60, 3):
        padded = Article(article.text, article.blocks, title=article.title,
                         byline="\n".join(["line"] * extra) or None)
        document = text_document(padded, analysis)
        document.setPageSize(QSizeF(500, 700))
        keep_headings_with_content(document)
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                rect = layout.blockBoundingRect(block)
                room = 700 - rect.top() % 700
                assert room >= rect.height() * 3, (extra, block.text())
            block = block.next()


def _rows_cut_by_a_page(document) -> list[str]:
    """The first cell's text of every table row that a page break cuts in two."""
    from reader.export.pdf import _tables, row_extent

    page, layout, cut = document.pageSize().height(), document.documentLayout(), []
    for table in _tables(document.rootFrame()):
        for row in range(table.rows()):
            top, bottom = row_extent(layout, table, row)
            if top // page != (bottom - 1) // page:
                cut.append(table.cellAt(row, 0).firstCursorPosition().block().text())
    return cut


def test_print_keeps_each_table_row_on_one_page(qapp, tmp_path):
    """A source's row is never cut by a page break (its name on one page, its last word
    on the next), whatever stands before the table; laid out on a 300 dpi PDF writer, as
    print_document does."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from reader.export.pdf import keep_table_rows_together

    rows = "".join(f"<tr><td>A source familiar with the talks number {n}</td><td>group</td>"
                   f"<td>the harbour fees would rise by a tenth next spring, {n}</td></tr>"
                   for n in range(40))
    writer = QPdfWriter(str(tmp_path / "rows.pdf"))
    writer.setResolution(300)
    cut_before = 0
    for extra in range(0, 40, 2):
        document = QTextDocument()
        document.setHtml("<p>line</p>" * extra + '<table width="100%" cellpadding="4">'
                         "<thead><tr><th>Source</th><th>Type</th><th>Claims</th></tr></thead>"
                         f"<tbody>{rows}</tbody></table>")
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(1400, 2000))
        cut_before += len(_rows_cut_by_a_page(document))
        keep_table_rows_together(document)
        assert _rows_cut_by_a_page(document) == [], extra
    assert cut_before > 0  # the layouts tried do cut rows without it
