"""The who-said-what evaluator (`python -m reader.evaluate --quotes GOLD DIR`): snippet
finding, name matching and the page score, on an invented page and analysis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.document.assemble import build_article
from reader.evaluate import main
from reader.evaluation.who_said_what import (
    locate,
    name_matches,
    read_gold,
    score_page,
    totals,
)
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

GOLD = Path(__file__).parent / "data" / "realpages_dev_who_said_what.jsonl"

ARTICLE = build_article([
    ("heading", "Ferry returns"),
    ("paragraph", "“We will run every hour,” said Mara Holt, the harbour master."),
    ("paragraph", "The council called it “a new start” in a statement. The band played "
                  "“Sea Song” at the quay."),
], title="Ferry returns")


def _analysis(speaker_of_song: str | None = None) -> Analysis:
    text = ARTICLE.text
    first = text.index("We will")
    second = text.index("a new start")
    song = text.index("Sea Song")
    claims = [Claim("c1", "s1", None, None, [(first, first + 23)], "quote"),
              Claim("c2", "s2", None, None, [(second, second + 11)], "quote"),
              Claim("c3", speaker_of_song, None, None, [(song, song + 8)], "quote")]
    spans = [VoiceSpan("q1", "quote", first, first + 23, claim="c1"),
             VoiceSpan("q2", "quote", second, second + 11, claim="c2"),
             VoiceSpan("q3", "quote", song, song + 8, claim="c3")]
    sources = [Source("s1", "Holt", "person", claims=["c1"]),
               Source("s2", "Harbour", "organization", claims=["c2"]),
               Source("s3", "The band", "group", claims=["c3"] if speaker_of_song else [])]
    return Analysis(spans=spans, claims=claims, sources=sources)


def _gold(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({"page": "p", **r}) for r in records) + "\n",
                    encoding="utf-8")
    return read_gold(path)["p"]


def test_locate_ignores_whitespace_and_quotation_marks():
    text = "He said: “We will  run\nevery hour,” and left."
    start, end = locate(text, '"We will run every hour"')
    assert text[start:end] == "We will  run\nevery hour"
    start, end = locate(text, "said: We will run", inside="We will")
    assert text[start:end] == "We will"
    assert locate(text, "nowhere in it") is None
    assert locate(text, "We will", start=text.index("and")) is None


@pytest.mark.parametrize("predicted, alias, expected", [
    ("Holt", "Mara Holt", True), ("Mara Holt", "Mara Holt", True),
    ("harbour master Mara Holt", "Mara Holt", True), ("the Council", "council", True),
    ("Washington", "Washington Post", False), ("Mara", "Mara Holt", False),
    ("Holt’s", "Mara Holt", True),
])
def test_name_matches(predicted, alias, expected):
    assert name_matches(predicted, alias) is expected


def test_score_page_counts_quotes_speakers_and_sources(tmp_path):
    gold = _gold(tmp_path, [
        {"quote": "We will run every hour", "speaker": ["Mara Holt", "Holt"], "kind": "speech"},
        {"quote": "called it a new start", "in": "a new start", "speaker": ["council"],
         "kind": "speech"},
        {"quote": "Sea Song", "speaker": None, "kind": "title"},
        {"quote": "not in this article at all", "speaker": ["Nobody"], "kind": "speech"},
        {"source": ["Mara Holt", "Holt"], "type": "person"},
        {"source": ["The council", "council"], "type": "organization"},
        {"not_source": "Harbour"},
    ])
    result = score_page(gold, ARTICLE, _analysis(speaker_of_song="s3"))
    assert (result.spoken, result.located, result.found, result.speaker_right) == (3, 2, 2, 1)
    assert (result.non_speech, result.non_speech_given) == (1, 1)
    # Listed: Holt (right), Harbour (not a source), The band (wrong)
    assert (result.predicted_sources, result.right_sources) == (3, 1)
    assert (result.gold_sources, result.gold_found) == (2, 1)
    assert any(line.startswith("NOT A SOURCE 'Harbour'") for line in result.errors)
    figures = totals([result])
    assert figures["quote_recall"] == pytest.approx(2 / 3)
    assert figures["speaker_accuracy"] == pytest.approx(1 / 2)
    assert figures["non_speech_given_speaker"] == 1.0
    assert figures["source_precision"] == pytest.approx(1 / 3)


def test_a_title_left_without_a_speaker_is_not_counted(tmp_path):
    gold = _gold(tmp_path, [{"quote": "Sea Song", "speaker": None, "kind": "title"}])
    assert score_page(gold, ARTICLE, _analysis(speaker_of_song=None)).non_speech_given == 0


def test_shipped_gold_is_small_and_well_formed():
    pages = read_gold(GOLD)
    assert len(pages) >= 30
    for gold in pages.values():
        for quote in gold.quotes:
            assert len(quote["quote"].split()) <= 10
            assert quote["kind"] in {"speech", "title", "term", "scare"}
            assert (quote["speaker"] is None) == (quote["kind"] != "speech")
            assert "in" not in quote or quote["in"] in quote["quote"]
        for source in gold.sources:
            assert source["source"] and source["type"]


def test_cli_skips_cleanly_without_the_corpus(tmp_path, capsys):
    assert main(["--quotes", str(GOLD), str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out
