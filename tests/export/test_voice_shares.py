"""voice_shares on the hand-made article: the numbers in handmade.py's docstring."""

import pytest

from reader.document.model import Article
from reader.export.stats import voice_shares
from reader.provenance.model import Analysis

from handmade import make_analysis, make_article


def test_hand_counted_shares():
    article, analysis = make_article(), make_analysis()
    shares = voice_shares(article, analysis)
    assert shares.total_words == 31  # the caption's words do not count
    assert shares.writer_words == 14
    assert shares.writer_share == pytest.approx(14 / 31)
    rows = [(s.source_id, s.name, s.quote_words, s.paraphrase_words) for s in shares.sources]
    assert rows == [("src1", "Ann Ortiz", 5, 5), ("src2", "critics", 0, 4),
                    (None, "Unattributed", 0, 3)]
    assert shares.sources[0].quote_share == pytest.approx(5 / 31)
    assert shares.sources[2].paraphrase_share == pytest.approx(3 / 31)
    assert [(p.words, p.framing_words, p.framing_spans) for p in shares.paragraphs] == [
        (3, 0, 0), (16, 0, 0), (12, 1, 1)]
    assert shares.paragraphs[2].density == pytest.approx(1 / 12)
    assert shares.unattributed_allegations == 1


def test_quote_wins_over_an_overlapping_paraphrase():
    article, analysis = make_article(), make_analysis()
    ortiz = analysis.spans[0]
    ortiz.end = analysis.spans[1].end  # the paraphrase now runs over the quote
    shares = voice_shares(article, analysis)
    assert (shares.sources[0].quote_words, shares.sources[0].paraphrase_words) == (5, 5)


def test_without_blocks_paragraphs_are_split_on_blank_lines():
    article = Article("One two.\n\nThree four five.\n")
    shares = voice_shares(article, Analysis())
    assert shares.total_words == shares.writer_words == 5
    assert [p.words for p in shares.paragraphs] == [2, 3]
    assert shares.sources == [] and shares.unattributed_allegations == 0


def test_empty_article():
    shares = voice_shares(Article(""), Analysis())
    assert shares.total_words == 0 and shares.writer_share == 0.0


def test_framing_inside_a_topic_counts_in_its_paragraph_but_the_words_stay_the_sources():
    # "Ann Ortiz complained about the disastrous lease": a framing word inside a topic-only
    # paraphrase is the writer's framing, and the word is still the paraphrase's.
    text = "Ann Ortiz complained about the disastrous lease."
    article = Article(text)
    topic = text.index("the disastrous")
    word = text.index("disastrous")
    analysis = Analysis.from_dict({
        "spans": [{"id": "s1", "kind": "paraphrase", "start": topic, "end": len(text) - 1,
                   "claim": "c1", "label": "position", "why": "", "confidence": 0.6},
                  {"id": "s2", "kind": "framing", "start": word, "end": word + 10,
                   "claim": None, "label": "loaded-word", "why": "", "confidence": 0.5}],
        "claims": [{"id": "c1", "kind": "paraphrase", "source": None, "content": [
            [topic, len(text) - 1]], "cue_span": None, "source_span": None}],
        "sources": []})
    shares = voice_shares(article, analysis)
    assert shares.writer_words == 4
    assert shares.sources[0].paraphrase_words == 3
    assert [(p.words, p.framing_words, p.framing_spans) for p in shares.paragraphs] == [
        (7, 1, 1)]
