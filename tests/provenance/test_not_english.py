"""An article that is not English gets none of the English analysis, says why in its
`language` field, and gets it all when the reader asks for it anyway. Invented paragraphs."""

import json

import pytest

from reader.cli import main
from reader.document import article_from_text
from reader.provenance.cache import AnalysisCache
from reader.provenance.chunking import analyze_chunked
from reader.provenance.language import LanguageDecision
from reader.provenance.model import Analysis

GERMAN = (
    "Stadtrat stimmt für die neue Bücherei\n\n"
    "Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, die alte Bücherei "
    "am Marktplatz umzubauen. „Wir haben lange genug gewartet“, sagte die Bürgermeisterin "
    "Anna Keller nach der Sitzung. Laut den Akten der Verwaltung kostet der Umbau rund zwei "
    "Millionen Euro.\n\n"
    "Kritiker meinen, das Geld wäre in den Schulen besser angelegt. Ein Sprecher der "
    "Opposition erklärte, man werde den Beschluss prüfen lassen.\n")
FRENCH = (
    "Le conseil municipal a voté mardi soir la rénovation de la vieille bibliothèque de la "
    "place du marché. « Nous avons assez attendu », a déclaré la maire Claire Dubois après "
    "la séance. Selon les documents de la mairie, les travaux coûteront environ deux millions "
    "d'euros, et les critiques estiment que cet argent serait mieux placé dans les écoles.\n")
SPANISH = (
    "El ayuntamiento aprobó el martes por la noche la reforma de la vieja biblioteca de la "
    "plaza mayor. «Hemos esperado demasiado», dijo la alcaldesa Lucía Romero después de la "
    "sesión. Según los documentos del ayuntamiento, las obras costarán unos dos millones de "
    "euros, y los críticos afirman que ese dinero estaría mejor invertido en las escuelas.\n")
ENGLISH = (
    "The council voted on Tuesday night to rebuild the old library on the market square. "
    "\"We have waited long enough,\" Mayor Anna Keller said after the meeting. According to "
    "the council's papers, the work will cost about two million euros, and critics claimed "
    "that the money would do more good in the schools.\n")


@pytest.mark.parametrize("text, code, name", [(GERMAN, "de", "German"),
                                              (FRENCH, "fr", "French"),
                                              (SPANISH, "es", "Spanish")])
def test_a_paragraph_in_another_language_gets_no_english_analysis(analyzer, text, code, name):
    analysis = analyzer.analyze(article_from_text(text))
    assert analysis.language == LanguageDecision(code=code, english=False, analysed=False)
    assert analysis.language.name == name
    assert analysis.not_english
    assert (analysis.spans, analysis.claims, analysis.sources) == ([], [], [])


def test_analyse_anyway_runs_the_english_rules():
    from reader.provenance import Analyzer

    analysis = Analyzer().analyze(article_from_text(GERMAN), english_anyway=True)
    assert analysis.language == LanguageDecision(code="de", english=False, analysed=True)
    assert not analysis.not_english
    # The English rules pair the German quotation marks and colour what they hold.
    assert any(s.kind == "quote" and "gewartet" in GERMAN[s.start:s.end]
               for s in analysis.spans)
    assert analysis.claims


def test_an_english_paragraph_is_analysed_and_says_so(analyzer):
    analysis = analyzer.analyze(article_from_text(ENGLISH))
    assert analysis.language == LanguageDecision(code="en", english=True, analysed=True)
    assert "Anna Keller" in {s.name for s in analysis.sources}
    assert {"quote", "paraphrase"} <= {s.kind for s in analysis.spans}
    forced = analyzer.analyze(article_from_text(ENGLISH), english_anyway=True)
    assert forced.to_dict() == analysis.to_dict()


def test_a_text_too_short_to_tell_is_analysed_as_english(analyzer):
    analysis = analyzer.analyze(article_from_text("„Wir warten“, sagte Anna Keller."))
    assert analysis.language == LanguageDecision(code=None, english=True, analysed=True)


def test_every_chunk_of_a_long_article_follows_the_article_s_language(analyzer):
    article = article_from_text(GERMAN * 6)
    merged = analyze_chunked(analyzer, article, chunk_chars=600)
    assert merged.not_english and merged.language.code == "de"
    assert merged.spans == [] and merged.sources == []
    forced = analyze_chunked(analyzer, article, chunk_chars=600, english_anyway=True)
    assert forced.language.analysed and forced.spans


def test_the_decision_goes_through_json_and_the_cache(analyzer, tmp_path):
    analysis = analyzer.analyze(article_from_text(GERMAN))
    record = json.loads(json.dumps(analysis.to_dict()))
    assert record["language"] == {"code": "de", "name": "German", "english": False,
                                  "analysed": False}
    assert Analysis.from_dict(record).language == analysis.language
    # An analysis from before the field existed has no decision, and is not called foreign.
    assert not Analysis.from_dict({"spans": [], "claims": [], "sources": []}).not_english

    from reader.provenance import Analyzer
    cached = Analyzer(cache=AnalysisCache(tmp_path))
    cached._nlp = analyzer.nlp
    article = article_from_text(GERMAN)
    plain = cached.analyze(article)
    anyway = cached.analyze(article, english_anyway=True)
    # Read back from the cache, each is the one asked for: the forced one is kept apart.
    assert cached.cached(article).not_english
    assert cached.cached(article, english_anyway=True).to_dict() == anyway.to_dict()
    assert plain.not_english and anyway.spans


def test_the_component_alone_tells_the_language(analyzer):
    """In anyone's spaCy pipeline (no Analyzer), the component decides from the text."""
    doc = analyzer.nlp(GERMAN)
    assert doc._.provenance.not_english
    assert list(doc.spans["provenance"]) == []


def test_analyze_says_it_on_stderr_and_in_the_json(tmp_path, capsys):
    path = tmp_path / "gemeinderat.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert record["language"]["name"] == "German" and not record["language"]["analysed"]
    assert record["spans"] == [] and record["sources"] == []
    assert "gemeinderat.txt" in err and "in German" in err and "English only" in err


def test_the_html_export_says_why_nothing_is_coloured(analyzer):
    from reader.export.html import render_html

    article = article_from_text(GERMAN)
    page = render_html(article, analyzer.analyze(article))
    assert "This article appears to be in German" in page
    assert "No sources found. This article appears to be in German" in page
    body = page[page.index('<section class="article">'):]
    assert "<mark" not in body[:body.index("</section>")]
    english = article_from_text(ENGLISH)
    assert "appears to be in" not in render_html(english, analyzer.analyze(english))


def _german_and_french_files(tmp_path):
    paths = []
    for name, text in (("gemeinderat.txt", GERMAN), ("conseil.txt", FRENCH),
                       ("gemeinderat2.txt", GERMAN.replace("Dienstagabend", "Mittwochabend"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_analyze_english_anyway_analyses_every_article(tmp_path, capsys, jobs):
    paths = _german_and_french_files(tmp_path)
    assert main(["analyze", "--format", "jsonl", "--no-cache", "--jobs", jobs,
                 "--batch-size", "1", *paths]) == 0
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["language"]["analysed"] for r in plain] == [False, False, False]
    assert main(["analyze", "--format", "jsonl", "--english-anyway", "--jobs", jobs,
                 "--batch-size", "1", *paths]) == 0
    out, err = capsys.readouterr()
    forced = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in forced] == paths
    assert [(r["language"]["code"], r["language"]["english"], r["language"]["analysed"])
            for r in forced] == [("de", False, True), ("fr", False, True), ("de", False, True)]
    assert forced[0]["spans"] and forced[2]["spans"]  # the „…“ quote, as in the window
    assert "English only" not in err
    # The cache keeps the forced analyses apart: a plain run after it is still empty.
    assert main(["analyze", "--format", "jsonl", paths[0]]) == 0
    assert json.loads(capsys.readouterr().out)["spans"] == []


def test_analyze_english_anyway_on_one_file_and_in_help(tmp_path, capsys):
    path = _german_and_french_files(tmp_path)[0]
    assert main(["analyze", "--english-anyway", "--no-cache", path]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["language"]["analysed"] and record["spans"]
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    assert "--english-anyway" in capsys.readouterr().out


def test_a_partition_for_a_cluster_takes_english_anyway(tmp_path):
    """What `analyze --dask --english-anyway` runs on each worker (reader.corpus.partitions)."""
    from reader.corpus.partitions import analyze_partition

    paths = _german_and_french_files(tmp_path)
    plain = analyze_partition(paths, cache=False, rows=True)
    forced = analyze_partition(paths, cache=False, rows=True, english_anyway=True)
    assert [o.analysis.language.analysed for o in plain] == [False, False, False]
    assert [o.analysis.language.analysed for o in forced] == [True, True, True]
    assert forced[0].analysis.spans and not plain[0].analysis.spans
    assert forced[0].rows[1] and not plain[0].rows[1]  # claim rows only when analysed


def test_the_parquet_articles_table_carries_the_language_decision(tmp_path, capsys):
    import pandas

    german, french, _ = _german_and_french_files(tmp_path)
    english = tmp_path / "council.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("Der Rat tagt.", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    paths = [german, french, str(english), str(short), missing]

    def rows(out, *options):
        main(["analyze", "--no-cache", "--format", "parquet", "-o", str(out), *options, *paths])
        capsys.readouterr()
        table = pandas.read_parquet(out / "articles").set_index("path")
        return {path: (table.at[path, "language"], table.at[path, "english"],
                       table.at[path, "analysed"], table.at[path, "claims"])
                for path in paths}

    plain = rows(tmp_path / "plain")
    assert plain[german][:3] == ("de", False, False) and plain[german][3] == 0
    assert plain[french][:3] == ("fr", False, False)
    assert plain[str(english)][:3] == ("en", True, True) and plain[str(english)][3] > 0
    assert plain[str(short)][1:3] == (True, True) and pandas.isna(plain[str(short)][0])
    assert all(pandas.isna(value) for value in plain[missing])
    forced = rows(tmp_path / "forced", "--english-anyway")
    assert forced[german][:3] == ("de", False, True) and forced[german][3] > 0
    assert forced[str(english)] == plain[str(english)]
