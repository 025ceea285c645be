"""The framing evaluator: reading PTC/BABE layouts, its scores, and the CLI.

Every corpus here is invented in tmp_path (no PTC or BABE text). The runs on the real
development sets need FRAMING_DIR (the folder holding ptc-dev/ and babe-dev/) and skip
cleanly without it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from reader.evaluate import main
from reader.evaluation.framing_corpora import (
    CorpusNotFound,
    GoldSpan,
    half,
    read_babe,
    read_ptc,
)
from reader.evaluation.framing_metrics import figures, merge, partial_credit, score_document
from reader.provenance.model import Analysis, VoiceSpan

FRAMING = Path(os.environ.get("FRAMING_DIR", "") or "/nonexistent/framing")


def _span(kind, start, end, label=None):
    return VoiceSpan(id="", kind=kind, start=start, end=end, label=label)


def _write_ptc(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    text = "\ufeffThe mayor, a shameless crook, wasted money.\n\nCritics called it \"good\".\n"
    (root / "articles" / "article1.txt").write_text(text, encoding="utf-8")
    (root / "articles" / "article2.txt").write_text("Nothing here.\n", encoding="utf-8")
    crook = text.index("shameless crook")
    wasted = text.index("wasted")
    (root / "labels.tsv").write_text(
        f"1\tName_Calling,Labeling\t{crook}\t{crook + len('shameless crook')}\n"
        f"1\tLoaded_Language\t{wasted}\t{wasted + 6}\n"
        f"1\tFlag-Waving\t0\t5\n", encoding="utf-8")
    return root


def test_ptc_reader_keeps_bom_offsets_and_framing_techniques(tmp_path):
    documents = read_ptc(_write_ptc(tmp_path / "ptc"))
    assert [d.name for d in documents] == ["1", "2"]
    first = documents[0]
    assert first.text.startswith("\ufeff")
    assert [(first.text[g.start:g.end], g.category) for g in first.gold] == [
        ("shameless crook", "Name_Calling,Labeling"), ("wasted", "Loaded_Language")]
    assert documents[1].gold == []


def test_babe_reader_drops_function_words(tmp_path):
    path = tmp_path / "babe.jsonl"
    text = "The radical plan of the mayor"
    path.write_text(json.dumps({"id": "s1", "text": text, "words": ["radical", "the"],
                                "spans": [[0, 3], [4, 11, "biased_word"], [20, 23]]}) + "\n", encoding="utf-8")
    [document] = read_babe(path)
    assert [text[g.start:g.end] for g in document.gold] == ["radical"]
    assert read_babe(tmp_path)[0].name == "s1"  # a directory holding the file


def test_missing_corpora_raise(tmp_path):
    with pytest.raises(CorpusNotFound):
        read_ptc(tmp_path)
    with pytest.raises(CorpusNotFound):
        read_babe(tmp_path / "none.jsonl")


def test_halves_split_by_name_order(tmp_path):
    documents = read_ptc(_write_ptc(tmp_path / "ptc"))
    assert [d.name for d in half(documents, "tune")] == ["1"]
    assert [d.name for d in half(documents, "check")] == ["2"]
    assert half(documents, None) == documents


def test_merge_and_partial_credit_hand_computed():
    assert merge([(5, 8), (0, 3), (2, 4)]) == [(0, 4), (5, 8)]
    # predicted (0, 10) covers half of gold (5, 15): P credit 5/10, R credit 5/10
    assert partial_credit([(0, 10)], [(5, 15)]) == (0.5, 0.5)
    # one prediction inside a long gold span: full precision credit, a fifth of recall
    assert partial_credit([(2, 4)], [(0, 10)]) == (1.0, 0.2)


TEXT = "The corrupt mayor said \"they are thugs\" and the plan is bold."
#       0   4       12    18   23


def _gold():
    def at(word, category):
        start = TEXT.index(word)
        return GoldSpan(start, start + len(word), category)

    return [at("corrupt", "Loaded_Language"), at("thugs", "Name_Calling,Labeling"),
            at("plan is bold", "Doubt")]


def _analysis():
    quote_start = TEXT.index("they")
    return Analysis(spans=[
        _span("framing", 4, 11, "loaded-label"),                      # "corrupt": right
        _span("quote", quote_start, quote_start + len("they are thugs")),
        _span("framing", TEXT.index("mayor"), TEXT.index("mayor") + 5, "scare-quote"),  # wrong
    ])


def test_scores_tokens_spans_categories_and_labels():
    results = figures(Counter(score_document(TEXT, _gold(), _analysis())))
    whole = results["all"]
    # tokens: predicted {corrupt, mayor}; gold {corrupt, thugs, plan, is, bold}
    assert whole["tokens"]["tp"] == 1
    assert whole["tokens"]["predicted"] == 2 and whole["tokens"]["gold"] == 5
    assert whole["spans"]["right"] == 1 and whole["spans"]["predicted"] == 2
    assert whole["spans"]["found"] == 1 and whole["spans"]["gold"] == 3
    assert whole["spans"]["precision"] == 0.5
    assert whole["spans"]["recall"] == pytest.approx(1 / 3)
    assert whole["category_recall"]["Loaded_Language"]["recall"] == 1.0
    assert whole["category_recall"]["Doubt"]["recall"] == 0.0
    assert whole["label_precision"]["loaded-label"]["precision"] == 1.0
    assert whole["label_precision"]["scare-quote"]["precision"] == 0.0
    # SemEval SI: "corrupt" matches gold exactly (P credit 1, R credit 1), "mayor" none
    assert whole["semeval_si"]["precision"] == 0.5
    assert whole["semeval_si"]["recall"] == pytest.approx(1 / 3)


def test_writer_voice_leaves_out_gold_inside_the_readers_quotes():
    voice = figures(Counter(score_document(TEXT, _gold(), _analysis())))["voice"]
    assert voice["spans"]["gold"] == 2  # "thugs" lies in the quote
    assert "Name_Calling,Labeling" not in voice["category_recall"]
    assert voice["spans"]["recall"] == 0.5


def test_skip_words_are_left_out_of_token_counts():
    counts = score_document(TEXT, _gold(), _analysis(), skip_words={"is"})
    assert figures(Counter(counts))["all"]["tokens"]["gold"] == 4


def test_cli_skips_cleanly_without_a_corpus(tmp_path, capsys):
    for corpus in ("ptc", "babe"):
        assert main(["--framing", corpus, str(tmp_path / "absent")]) == 0
        assert "corpus not found" in capsys.readouterr().out


def test_cli_on_an_invented_ptc_split(tmp_path, capsys):
    root = _write_ptc(tmp_path / "ptc")
    errors = tmp_path / "errors.txt"
    assert main(["--framing", "ptc", str(root), "--json", "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "SemEval-2020 SI" in out and "writer's voice" in out
    record = json.loads(out.strip().splitlines()[-1])
    assert record["documents"] == 2 and record["all"]["spans"]["gold"] == 2
    assert "FN [Loaded_Language]" in errors.read_text(encoding="utf-8") or \
        "TP [" in errors.read_text(encoding="utf-8")


@pytest.mark.parametrize("corpus, path", [("ptc", "ptc-dev"), ("babe", "babe-dev")])
def test_evaluator_reads_the_real_development_sets(corpus, path, capsys):
    root = FRAMING / path
    if not root.exists():
        pytest.skip(f"{corpus} not found at {root}")
    assert main(["--framing", corpus, str(root), "--limit", "3", "--json"]) == 0
    record = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert record["documents"] == 3
