"""Issue 6, taking the analysis out of the real window: File > Export (HTML, PDF, PDF
handout, JSON, brat) with the reader's corrections, and View > Who Speaks."""

import json
import unicodedata
from html.parser import HTMLParser

import pypdf
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.export.brat import read_brat
from reader.export.stats import voice_shares

from ui_samples import QUOTE


@pytest.fixture
def save_to(monkeypatch):
    """Answer the next save dialogs with `path`; returns the setter."""
    asked = []

    def answer(path):
        def dialog(parent, title, start, filters):
            asked.append((title, start, filters))
            return str(path), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
        return asked

    return answer


def corrected(window):
    """Correct one span (the quote becomes a paraphrase) through the context menu."""
    quote = next(s for s in window.index.spans if QUOTE in window.index.text[s.start:s.end])
    menu = window.context_menu(quote.start + 3)
    next(a for a in menu.findChildren(type(window.actions["undo"]))
         if a.objectName() == "kind_paraphrase").trigger()
    return quote


def pdf_text(path):
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_export_actions_wait_for_the_analysis(window):
    for name in ("export_html", "export_pdf", "export_handout", "export_json", "export_brat",
                 "print", "export_corrections", "import_corrections", "who_speaks", "quiz"):
        assert not window.actions[name].isEnabled(), name
    titles = [a.text().replace("&", "") for a in window.menu.export_menu.actions()]
    assert titles == ["HTML…", "PDF…", "PDF Handout…", "JSON…", "brat…"]


def test_export_html_with_corrections(window, article_path, open_article, save_to, tmp_path):
    index = open_article(article_path)
    corrected(window)
    out = tmp_path / "out" / "page"
    (tmp_path / "out").mkdir()
    asked = save_to(out)
    window.actions["export_html"].trigger()
    assert asked and asked[0][1].endswith("harbour.html")  # named after the article
    page = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")  # suffix added

    class Collect(HTMLParser):
        text = ""

        def handle_data(self, data):
            self.text += data

    parser = Collect()
    parser.feed(page)
    assert "Every child in town" in parser.text and "Lena Brooks" in parser.text
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "1 correction" in parser.text  # the footer counts the reader's corrections
    assert "Exported to" in window.status_label.text()
    assert index.text == window.article.text


def test_export_pdf_and_handout(window, article_path, open_article, save_to, tmp_path):
    open_article(article_path)
    save_to(tmp_path / "article.pdf")
    window.actions["export_pdf"].trigger()
    text = pdf_text(tmp_path / "article.pdf")
    assert "floating garden" in text and "Lena Brooks" in text and "Who speaks" in text
    save_to(tmp_path / "handout.pdf")
    window.actions["export_handout"].trigger()
    handout = pdf_text(tmp_path / "handout.pdf")
    assert "floating garden" in handout and "Who speaks" not in handout


def test_export_json_holds_the_corrections(window, article_path, open_article, save_to,
                                           tmp_path):
    open_article(article_path)
    corrected(window)
    save_to(tmp_path / "analysis.json")
    window.actions["export_json"].trigger()
    record = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert record["text"] == window.article.text
    assert [c["op"] for c in record["corrections"]] == ["change-kind"]
    quote = next(s for s in record["spans"] if QUOTE in record["text"][s["start"]:s["end"]])
    assert quote["kind"] == "paraphrase" and quote["corrected"] is True


def test_export_brat_round_trips(window, article_path, open_article, save_to, tmp_path):
    open_article(article_path)
    save_to(tmp_path / "brat" / "harbour")
    (tmp_path / "brat").mkdir()
    window.actions["export_brat"].trigger()
    text, analysis = read_brat(tmp_path / "brat" / "harbour.txt",
                               tmp_path / "brat" / "harbour.ann")
    assert text == window.article.text
    assert sorted((s.kind, s.start, s.end) for s in analysis.spans) == \
        sorted((s.kind, s.start, s.end) for s in window.index.spans)


def test_cancelled_dialog_writes_nothing(window, article_path, open_article, monkeypatch,
                                         tmp_path):
    open_article(article_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.exporter.export("html") is None
    assert not list(tmp_path.glob("*.html"))


def test_unwritable_export_says_why(window, article_path, open_article, save_to, tmp_path,
                                    monkeypatch):
    open_article(article_path)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: warnings.append(a[2])))
    save_to(tmp_path / "no such folder" / "a.pdf")
    window.actions["export_pdf"].trigger()
    assert warnings and "a.pdf" in warnings[0]


def test_who_speaks_dialog_draws_the_shares(qtbot, window, article_path, open_article):
    open_article(article_path)
    window.actions["who_speaks"].trigger()
    dialog = window.who_speaks_dialog
    assert dialog.isVisible()
    shares = voice_shares(window.article, window.corrections.analysis)
    rows = dialog.chart.rows()
    assert [r[0] for r in rows] == [s.name for s in shares.sources]
    assert rows[0][1] == pytest.approx(shares.sources[0].quote_share)
    assert "Lena Brooks" in [r[0] for r in rows]
    assert "own words" in dialog.summary.text()
    image = dialog.chart.grab().toImage()  # paints without error
    assert image.width() > 0 and image.height() >= dialog.chart.minimumSizeHint().height()

    corrected(window)  # the picture follows the corrections
    brooks = next(r for r in dialog.chart.rows() if r[0] == "Lena Brooks")
    assert brooks[1] == 0.0 and brooks[2] > 0
    dialog.close()


def test_print_lays_out_the_analysis_on_the_chosen_printer(window, article_path, open_article,
                                                            tmp_path, monkeypatch):
    """File > Print with a stand-in for the print dialog that prints to a PDF file."""
    import PySide6.QtPrintSupport as print_support
    from PySide6.QtWidgets import QDialog

    out = tmp_path / "printed.pdf"

    class PrintToFile:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(print_support.QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def setWindowTitle(self, title):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_support, "QPrintDialog", PrintToFile)
    open_article(article_path)
    window.actions["print"].trigger()
    text = pdf_text(out)
    assert "floating garden" in text and "Who speaks" in text
