"""The article-text evaluator (`python -m reader.evaluate --extraction DIR`) on pages
invented for these tests: the benchmark's shingle metric, and the report's rows."""

from __future__ import annotations

import gzip
import json

import pytest

from reader.evaluate import main
from reader.evaluation.extraction import (
    PageScore,
    losses,
    score_page,
    shingles,
    summary,
)

PAGE = """<!DOCTYPE html><html><head><title>Ferry timetable changes - Harbour Post</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry timetable changes</h1>
<p>The island ferry will leave every forty minutes from the first of March, the harbour
board announced on Tuesday after a long consultation with residents.</p>
<p>Morning crossings will start half an hour earlier so that commuters can reach the
mainland before the first trains leave the station.</p>
<p>The board said the evening service would stay as it is for the summer months.</p>
</article><footer>Copyright Harbour Post</footer></body></html>"""

TRUTH = ("The island ferry will leave every forty minutes from the first of March, the "
         "harbour board announced on Tuesday after a long consultation with residents.\n\n"
         "Morning crossings will start half an hour earlier so that commuters can reach the "
         "mainland before the first trains leave the station.\n\n"
         "The board said the evening service would stay as it is for the summer months.")


def test_shingles_count_repeats_and_keep_case():
    assert shingles("a b c d a b c d") == {("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1,
                                           ("c", "d", "a", "b"): 1,
                                           ("d", "a", "b", "c"): 1}
    assert shingles("A b c d") != shingles("a b c d")
    assert shingles("one two") == {("one", "two"): 1}   # short texts are one shingle
    assert shingles("") == {}


def test_score_page_normalises_counts():
    # truth: 3 shingles; prediction adds one word, giving one extra shingle
    score = score_page("p", "w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4 w5 w6 w7")
    assert (score.tp, score.fp, score.fn) == pytest.approx((3 / 4, 1 / 4, 0))
    assert score.precision == pytest.approx(0.75)
    assert score.recall == 1.0
    missing = score_page("q", "w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4")
    assert missing.recall == pytest.approx(1 / 3)


def test_summary_is_f1_of_the_means():
    scores = [PageScore("a", 0.5, 0.5, 0.0), PageScore("b", 1.0, 0.0, 0.0)]
    result = summary(scores)
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == pytest.approx(1.0)
    assert result["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_an_empty_prediction_counts_as_zero_recall_and_no_precision():
    score = score_page("a", "w1 w2 w3 w4", "")
    assert score.precision is None and score.recall == 0.0
    assert [s.page for s in losses([score, score_page("b", "w1 w2 w3 w4", "w1 w2 w3 w4")])] \
        == ["a"]


def _corpus(tmp_path, pages):
    (tmp_path / "html").mkdir()
    truth = {}
    for page, (html, body) in pages.items():
        (tmp_path / "html" / f"{page}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page] = {"url": f"https://example.org/{page}", "articleBody": body}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_cli_scores_reader_and_trafilatura_and_lists_losing_pages(tmp_path, capsys):
    longer = TRUTH + "\n\n" + " ".join(f"extra{i}" for i in range(40))
    corpus = _corpus(tmp_path, {"ferry": (PAGE, TRUTH), "ferry-longer": (PAGE, longer)})
    assert main(["--extraction", str(corpus), "--json"]) == 0
    out = capsys.readouterr().out
    assert "reader, without the headline" in out and "trafilatura (defaults)" in out
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["pages"] == 2
    without = figures["reader, without the headline"]
    with_headline = figures["reader, with the headline"]
    assert without["precision"] > with_headline["precision"]   # the title is not body text
    assert without["recall"] == pytest.approx(with_headline["recall"])
    assert [page for page, _ in figures["lost"]] == ["ferry-longer"]
    assert "ferry-longer" in out


def test_cli_skips_cleanly_without_the_corpus(tmp_path, capsys):
    assert main(["--extraction", str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out
