"""The PolNeAR evaluator: brat reading, tokens, claim matching, scores and the CLI.

tests/fixtures/brat_mini/ is an original two-article split written for these tests (no
PolNeAR text or annotation): `cafe-reopens` is annotated twice (bb22, listed first in
metadata.tsv, is canonical), with a discontinuous quote, a sourceless attribution and a
Discard entity; `council-delays` has curly quotes and a `Content2:` argument.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reader.evaluate import main
from reader.brat import parse_ann
from reader.evaluation.brat import (
    SplitNotFound,
    attributions_from_ann,
    quote_type,
    read_split,
)
from reader.evaluation.metrics import (
    with_paired_apostrophes,
    TokenIndex,
    figures,
    match_claims,
    overlap_f1,
    quoted_ranges,
    score_document,
)
from reader.provenance.model import Analysis, Claim, VoiceSpan

MINI = Path(__file__).parent / "fixtures" / "brat_mini" / "dev"
# A copy of PolNeAR (not shipped: no licence to redistribute); the tests that need it skip
# without it.
POLNEAR = Path(os.environ.get("POLNEAR_DIR", "") or "/nonexistent/polnear")


def _documents(path=MINI):
    return {d.name: d for d in read_split(path)}


def _texts(text, ranges):
    return [text[s:e] for s, e in ranges]


# -- reading brat ------------------------------------------------------------------------

def test_parse_ann_reads_discontinuous_fragments():
    entities, events = parse_ann("T1\tContent 0 5;10 15\thello world\n"
                                 "T2\tCue 6 9\tsaid\n"
                                 "E1\tAttribution:T2 Content:T1 Cue:T2\n"
                                 "E2\tAttribution-no-source:T9 \n")
    assert entities["T1"].ranges == [(0, 5), (10, 15)]
    assert entities["T1"].type == "Content"
    assert events[0] == ("E1", "T2", [("Content", "T1"), ("Cue", "T2")])
    assert events[1] == ("E2", "T9", [])


def test_split_reads_roles_fragments_and_content2():
    cafe = _documents()["cafe-reopens"]
    text = cafe.text
    owner, quote, hearsay = cafe.attributions
    assert _texts(text, owner.source) == ["The owner of the Riverside Café"]
    assert _texts(text, owner.content) == ["that the ovens were working again"]
    assert _texts(text, quote.content) == ['"We lost everything in the basement,"',
                                           '"But the bread is back."']
    assert quote.discontinuous
    assert not hearsay.has_source
    assert _texts(text, hearsay.cue) == ["reportedly"]
    assert _texts(text, hearsay.content) == ["Officials",
                                             "plan to inspect the river wall next month"]

    council = _documents()["council-delays"]
    two_part = council.attributions[2]
    assert _texts(council.text, two_part.content) == ["“We will not rush this,”",
                                                      "“and we will not stall it either.”"]


def test_offsets_are_code_points_and_checked(tmp_path):
    for document in _documents().values():
        assert document.mismatches == []
    mismatches = []
    attributions_from_ann("T1\tCue 0 4\tsaid\n", "told him", mismatches)
    assert len(mismatches) == 1


def test_quote_types():
    types = {name: [a.type for a in d.attributions] for name, d in _documents().items()}
    assert types["cafe-reopens"] == ["indirect", "mixed", "indirect"]
    assert types["council-delays"] == ["direct", "indirect", "mixed"]
    assert quote_type("“Yes.”", []) is None
    assert quote_type("She called it “a pause.”", [(0, 25)]) == "mixed"


def test_canonical_annotator_from_metadata():
    cafe = _documents()["cafe-reopens"]
    assert cafe.annotator == "bb22"
    assert cafe.alternatives == 2
    assert len(cafe.attributions) == 3


def test_canonical_flag_in_jsonl_wins(tmp_path):
    shutil.copytree(MINI.parent, tmp_path / "mini")
    (tmp_path / "mini" / "dev.jsonl").write_text(
        json.dumps({"article": "cafe-reopens", "annotator": "aa11", "canonical": True}) + "\n"
        + json.dumps({"article": "cafe-reopens", "annotator": "bb22", "canonical": False}) + "\n")
    assert _documents(tmp_path / "mini" / "dev")["cafe-reopens"].annotator == "aa11"


def test_canonical_falls_back_to_first_annotator_id(tmp_path):
    shutil.copytree(MINI, tmp_path / "dev")  # no metadata.tsv, no dev.jsonl
    assert _documents(tmp_path / "dev")["cafe-reopens"].annotator == "aa11"


def test_missing_or_empty_split_raises(tmp_path):
    with pytest.raises(SplitNotFound):
        read_split(tmp_path / "absent")
    with pytest.raises(SplitNotFound):
        read_split(tmp_path)


def test_limit_takes_the_first_articles_by_name():
    assert [d.name for d in read_split(MINI, limit=1)] == ["cafe-reopens"]


def test_every_and_offset_take_a_sample_in_name_order():
    # The mini split holds cafe-reopens and council-delays, in that order.
    assert [d.name for d in read_split(MINI, every=2)] == ["cafe-reopens"]
    assert [d.name for d in read_split(MINI, every=2, offset=1)] == ["council-delays"]
    assert [d.name for d in read_split(MINI, every=1)] == ["cafe-reopens", "council-delays"]


@pytest.mark.parametrize("options", [["--every", "0"], ["--every", "2", "--offset", "2"],
                                     ["--offset", "-1"]])
def test_a_sample_that_cannot_be_taken_is_refused_plainly(options, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(MINI), *options])
    assert exit_info.value.code == 2
    assert "--every N needs" in capsys.readouterr().err


# -- tokens and quotes -------------------------------------------------------------------

def test_tokens_ignore_punctuation():
    index = TokenIndex("Ann's plan, “bold”!")
    assert index.tokens == [(0, 3), (4, 5), (6, 10), (13, 17)]
    assert index.covered([(11, 19)]) == {3}  # marks and "!" add no token
    assert index.covered([(1, 2)]) == {0}  # sharing one character is enough


def test_quoted_ranges_inside_gold_content():
    text = 'He said “all calls” were “staffed”.'
    assert _texts(text, quoted_ranges(text, [(8, 34)])) == ["all calls", "staffed"]
    # A quote running over two paragraphs reopens without closing: one quote.
    text = '"First part.\n\n"Second part."'
    assert _texts(text, quoted_ranges(text, [(0, len(text))])) == ['First part.\n\n"Second part.']
    # The closing mark left outside the annotation: quoted to the fragment's end.
    text = '“Not closed here'
    assert _texts(text, quoted_ranges(text, [(0, len(text))])) == ["Not closed here"]
    # An opening mark left outside: quoted from the fragment's start.
    text = "no opener,” he"
    assert _texts(text, quoted_ranges(text, [(0, 14)])) == ["no opener,"]


# -- scores ------------------------------------------------------------------------------

TEXT = 'Ann said the plan was bold and cheap. Bob said "it will fail" soon.'


def _gold(text=TEXT):
    return list(attributions_from_ann(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 36\tthe plan was bold and cheap\n"
        "T7\tAttribution 4 8\tsaid\nE1\tAttribution:T7 Source:T1 Cue:T2 Content:T3\n"
        "T4\tSource 38 41\tBob\nT5\tCue 42 46\tsaid\nT6\tContent 47 61\t\"it will fail\"\n"
        "T8\tAttribution 42 46\tsaid\nE2\tAttribution:T8 Source:T4 Cue:T5 Content:T6\n", text))


def _claim(ident, content, source_span=None, cue_span=None, source="src1", kind="paraphrase"):
    return Claim(ident, source, source_span, cue_span, content, kind)


def test_token_metrics_hand_computed():
    # gold content tokens: 6 (Ann's claim) + 3 (Bob's) = 9; gold quote tokens: it will fail.
    # predicted content: "plan was bold" (3 tokens) + "it will fail soon" (4 tokens).
    # predicted quote span: "will fail" -> 2 tokens, both quoted in gold.
    analysis = Analysis(
        spans=[VoiceSpan("s1", "quote", 51, 60)],
        claims=[_claim("c1", [(13, 26)], (0, 3), (4, 8)),
                _claim("c2", [(48, 66)], (38, 41), (42, 46), kind="quote")])
    results = figures(score_document("t", TEXT, _gold(), analysis).counts)

    content = results["content_tokens"]
    assert (content["tp"], content["predicted"], content["gold"]) == (6, 7, 9)
    assert content["precision"] == pytest.approx(6 / 7)
    assert content["recall"] == pytest.approx(6 / 9)
    assert content["f1"] == pytest.approx(2 * 6 / (7 + 9))
    quote = results["quote_tokens"]
    assert (quote["tp"], quote["predicted"], quote["gold"]) == (2, 2, 3)
    assert quote["recall"] == pytest.approx(2 / 3)
    # Claim 1: overlap F1 2*3/(6+3) = 0.67 -> matched; claim 2: 2*3/(3+4) = 0.86 -> matched.
    assert results["claims"]["matched"] == 2
    assert results["exact_claims"]["matched"] == 0
    assert results["type_recall"]["direct"] == {"recall": 1.0, "matched": 1, "gold": 1}
    assert results["type_recall"]["mixed"]["recall"] is None
    # With no two-apostrophe marks in the text, the second quote figure is the same.
    assert results["quote_tokens_apostrophes"] == quote


def test_quote_tokens_with_two_apostrophe_marks():
    # ''A,'' as the New York Times texts write it: PolNeAR's heuristic does not count it as
    # quoted; the second figure does.
    text = "Bob said ''it will fail'' soon."
    gold = list(attributions_from_ann(
        "T1\tSource 0 3\tBob\nT2\tCue 4 8\tsaid\nT3\tContent 9 25\t''it will fail''\n"
        "T7\tAttribution 4 8\tsaid\nE1\tAttribution:T7 Source:T1 Cue:T2 Content:T3\n", text))
    assert with_paired_apostrophes(text) == 'Bob said " it will fail"  soon.'
    analysis = Analysis(spans=[VoiceSpan("s1", "quote", 11, 23)],
                        claims=[_claim("c1", [(9, 25)], (0, 3), (4, 8), kind="quote")])
    results = figures(score_document("t", text, gold, analysis).counts)
    assert results["quote_tokens"]["gold"] == 0
    assert results["quote_tokens"]["precision"] == 0.0
    second = results["quote_tokens_apostrophes"]
    assert (second["tp"], second["predicted"], second["gold"]) == (3, 3, 3)


def test_overlap_f1():
    assert overlap_f1(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == pytest.approx(2 / 3)
    assert overlap_f1(frozenset({1}), frozenset({2})) == 0.0


def test_matching_is_one_to_one():
    gold = [frozenset(range(10))]
    predicted = [frozenset(range(6)), frozenset(range(8))]
    assert match_claims(gold, predicted) == [(0, 1, pytest.approx(2 * 8 / 18))]

    analysis = Analysis(claims=[_claim("c1", [(9, 26)]), _claim("c2", [(13, 36)])])
    results = figures(score_document("t", TEXT, _gold()[:1], analysis).counts)
    assert results["claims"]["matched"] == 1
    assert results["claims"]["precision"] == 0.5
    assert results["claims"]["recall"] == 1.0


def test_greedy_matching_prefers_the_best_pair():
    gold = [frozenset({1, 2, 3}), frozenset({3, 4, 5, 6})]
    predicted = [frozenset({2, 3, 4, 5, 6})]
    assert [(g, p) for g, p, _ in match_claims(gold, predicted)] == [(1, 0)]


def test_exact_match_needs_identical_tokens():
    # Quote marks and the full stop don't count: (9, 37) has the same tokens as (9, 36).
    analysis = Analysis(claims=[_claim("c1", [(9, 37)]), _claim("c2", [(47, 66)])])
    results = figures(score_document("t", TEXT, _gold(), analysis).counts)
    assert results["claims"]["matched"] == 2
    assert results["exact_claims"]["matched"] == 1
    assert results["exact_claims"]["f1"] == 0.5


def test_attribution_needs_overlapping_source():
    analysis = Analysis(claims=[
        _claim("c1", [(9, 36)], source_span=(0, 3), cue_span=(4, 8)),  # right source
        _claim("c2", [(47, 61)], source_span=(0, 3), cue_span=(42, 46)),  # Ann, not Bob
    ])
    results = figures(score_document("t", TEXT, _gold(), analysis).counts)
    assert results["claims"]["matched"] == 2
    assert results["attribution"]["correct"] == 1
    assert results["attribution"]["f1"] == 0.5
    assert results["source_accuracy"] == 0.5
    assert results["cue_accuracy"] == 1.0


def test_sourceless_gold_needs_an_unattributed_claim():
    text = "Officials reportedly plan to inspect the wall."
    gold = attributions_from_ann("T1\tCue 10 20\treportedly\nT2\tContent 0 9;21 45\tx\n"
                                 "T3\tAttribution-no-source 10 20\treportedly\n"
                                 "E1\tAttribution-no-source:T3 Cue:T1 Content:T2\n", text)
    unattributed = Analysis(claims=[_claim("c1", [(0, 9), (21, 45)], source=None,
                                           cue_span=(10, 20))])
    attributed = Analysis(claims=[_claim("c1", [(0, 45)], source_span=(0, 9), cue_span=(10, 20))])
    def correct(analysis):
        return figures(score_document("t", text, gold, analysis).counts)["attribution"]["correct"]

    assert correct(unattributed) == 1
    assert correct(attributed) == 0


def test_gold_without_content_is_not_scored():
    gold = attributions_from_ann("T1\tAttribution-no-source 4 8\tsaid\n"
                                 "E1\tAttribution-no-source:T1 \n", TEXT)
    counts = score_document("t", TEXT, gold, Analysis()).counts
    assert counts["gold_without_content"] == 1
    assert counts["gold_claims"] == 0


# -- the command line --------------------------------------------------------------------

@pytest.mark.parametrize("make_path", [lambda tmp: tmp / "absent", lambda tmp: tmp])
def test_skips_cleanly_without_a_split(tmp_path, capsys, make_path):
    path = make_path(tmp_path)
    assert main([str(path)]) == 0
    expected = f"PolNeAR split not found at {path}; skipping evaluation."
    assert capsys.readouterr().out.strip() == expected


def test_real_polnear_gold_statistics():
    dev = POLNEAR / "dev"
    if not dev.is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    attributions = [a for d in read_split(dev) for a in d.attributions]
    assert len(attributions) == 2193
    assert sum(not a.has_source for a in attributions) == 127
    # dev.jsonl's 1568/400/224 and 298 discontinuous ignore the three Content2 arguments.
    assert [sum(a.type == t for a in attributions) for t in ("indirect", "mixed", "direct")] \
        == [1568, 403, 221]
    assert sum(a.discontinuous for a in attributions) == 301


def test_evaluator_runs_on_polnear_dev(tmp_path, capsys):
    dev = POLNEAR / "dev"
    if not dev.is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    errors = tmp_path / "errors.txt"
    assert main([str(dev), "--limit", "3", "--json", "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    results = json.loads(out.strip().splitlines()[-1])
    assert results["documents"] == 3
    assert results["offset_mismatches"] == 0
    assert results["predicted_claims"] > 0
    for key in ("quote_tokens", "content_tokens", "claims", "exact_claims", "attribution"):
        assert 0.0 <= results[key]["f1"] <= 1.0
    assert "claims (overlap>=0.5)" in out
    assert errors.read_text(encoding="utf-8").startswith("== ")
