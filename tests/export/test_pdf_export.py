"""PDF through Qt: the article's text is in it (read back with pypdf), cues are set."""

import re
import unicodedata

import pypdf
from PySide6.QtGui import QTextCharFormat

from reader.export.pdf import text_document, write_pdf

from handmade import make_analysis, make_article


def pdf_words(path):
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())  # ﬁ ligatures, tabs


def test_pdf_has_the_article_text(qapp, tmp_path):
    article, analysis = make_article(), make_analysis()
    out = tmp_path / "article.pdf"
    write_pdf(out, article, analysis, corrections=0)
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_words(out)
    # pypdf breaks lines where the character format changes: compare without spaces.
    bare = "".join(text.split())
    for block in article.blocks:
        assert "".join(article.text[block.start:block.end].split()) in bare
    for expected in ("Legend", "Who speaks", "Sources and their claims", "Ann Ortiz",
                     "45 % own words"):
        assert expected in text


def test_handout_pdf_has_numbered_lines_and_no_analysis(qapp, tmp_path):
    article = make_article()
    out = tmp_path / "handout.pdf"
    write_pdf(out, article, handout=True)
    text = pdf_words(out)
    assert re.search(r"\b1 Council shuts library\b", text)
    # The caption is not the article: not numbered, not on the handout.
    assert "Mayor Ann Ortiz said" in text and "Photo: Sam Lee" not in text
    assert "Legend" not in text and "Who speaks" not in text


def fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_kinds_get_their_non_colour_cues(qapp):
    article, analysis = make_article(), make_analysis()
    document = text_document(article, analysis)
    styles = {}
    for fragment in fragments(document):
        assert not fragment.charFormat().toolTip().startswith("pr:")
        styles.setdefault(fragment.text(), fragment.charFormat())
    assert styles["so-called"].underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert styles["so-called"].fontWeight() >= 700
    assert styles["the plan a disgrace"].underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert styles["“We cannot keep it open,”"].background().color().name() == "#ffe29a"
