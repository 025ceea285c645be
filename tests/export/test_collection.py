"""The collection table without the model: which files are articles, a failing analysis
in its row, and the CSV form."""

import csv
import io

from reader.export.collection import (COLUMNS, CollectionRow, article_files, collection_row,
                                      csv_text, write_csv)
from reader.export.figures import article_figures

from handmade import make_analysis, make_article


def test_article_files_recursive_and_only_articles(tmp_path):
    for name in ("a.txt", "b.HTML", "deep/c.epub", "deep/deeper/d.md", "page.html",
                 "page_files/frame.html", "other_files/kept.txt", ".hidden.txt",
                 ".git/e.txt", "f.json", "g.png"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert found == ["a.txt", "b.HTML", "deep/c.epub", "deep/deeper/d.md",
                     "other_files/kept.txt", "page.html"]


class _Failing:
    """An analyser whose analysis raises, as a broken article or a bug would."""

    def cached(self, article):
        return None

    def analyze(self, article):
        raise RuntimeError("boom")


def test_a_failing_analysis_is_an_error_row(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some words here.", encoding="utf-8")
    row = collection_row(path, _Failing())
    assert row.figures is None and "RuntimeError: boom" in row.error
    assert row.value("words") is None and row.value("path") == str(path)


def test_csv_has_every_column_and_hand_counted_figures(tmp_path):
    good = CollectionRow("/x/council.txt", article_figures(make_article(), make_analysis()))
    bad = CollectionRow("/x/bad.pdf", error="“bad.pdf” is not a readable PDF.")
    out = tmp_path / "table.csv"
    write_csv(out, [good, bad])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [header for _, header in COLUMNS]
    assert rows[0]["words"] == "31" and rows[0]["sources"] == "2"
    assert rows[0]["quotes"] == "1" and rows[0]["paraphrases"] == "3"
    assert rows[0]["unattributed claims"] == "1"
    assert rows[0]["framing per 1000 words"] == str(round(1000 / 31, 2))
    assert rows[0]["publisher"] == "The Courier" and rows[0]["error"] == ""
    assert rows[1]["error"] == "“bad.pdf” is not a readable PDF." and rows[1]["words"] == ""
    assert out.read_text(encoding="utf-8") == csv_text([good, bad])
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]  # no temporary file left


class _HalfCached:
    """Cached analyses for the articles whose text says so; the others are analysed."""

    def __init__(self):
        self.analysed = []

    def cached(self, article):
        from reader.provenance.model import Analysis

        return Analysis() if "cached" in article.text else None

    def analyze(self, article):
        from reader.provenance.model import Analysis

        self.analysed.append(article.path)
        return Analysis()


def test_cached_rows_come_first_and_keep_their_positions(tmp_path):
    from reader.export.collection import iter_collection

    texts = ["fresh one", "cached two", "", "cached four", "fresh five"]
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    analyzer = _HalfCached()
    order = [(position, row.from_cache, bool(row.error))
             for position, row in iter_collection(paths, analyzer, corrections=False)]
    # The empty file and the cached articles in the first, quick pass; then the rest.
    assert order == [(1, True, False), (2, False, True), (3, True, False),
                     (0, False, False), (4, False, False)]
    assert [p.rsplit("/", 1)[-1] for p in analyzer.analysed] == ["0.txt", "4.txt"]


def test_cancelled_stops_between_files(tmp_path):
    from reader.export.collection import iter_collection

    paths = []
    for number in range(3):
        path = tmp_path / f"{number}.txt"
        path.write_text("fresh", encoding="utf-8")
        paths.append(path)
    seen = []
    rows = iter_collection(paths, _HalfCached(), corrections=False,
                           cancelled=lambda: len(seen) >= 1)
    for item in rows:
        seen.append(item)
    assert len(seen) == 1


def test_an_article_not_analysed_as_not_english_has_no_figures_but_its_words():
    from reader.export.compare import compare
    from reader.provenance.language import LanguageDecision
    from reader.provenance.model import Analysis

    article = make_article()
    unread = Analysis(language=LanguageDecision(code="de", english=False, analysed=False))
    figures = article_figures(article, unread)
    assert figures.unanalysed_language == "German" and not figures.analysed
    row = CollectionRow("/x/sturm.txt", figures)
    assert row.value("words") == 31 and row.value("not_english") == "German"
    for key in ("quotes", "paraphrases", "sources", "anonymous_share", "unattributed_claims",
                "framing_per_1000"):
        assert row.value(key) is None, key  # never looked for: empty, not zero
    english = CollectionRow("/x/council.txt", article_figures(article, make_analysis()))
    assert english.value("not_english") is None and english.value("quotes") == 1
    rows = list(csv.DictReader(io.StringIO(csv_text([english, row]))))
    assert rows[1]["not English"] == "German" and rows[1]["quotes"] == ""
    assert rows[0]["not English"] == ""
    # Compare: the JSON says so, and the common scale leaves the unmeasured share out.
    both = compare((article, make_analysis()), (article, unread))
    assert both.to_dict()["articles"][1]["not_english"] == "German"
    assert both.to_dict()["articles"][0]["not_english"] is None
    assert both.scale == max([both.a.shares["writer"]] + [s.share for s in both.a.sources])
