"""Chunked analysis of a long text gives what whole-document analysis gives, when the
chunks end at paragraph boundaries outside any multi-paragraph quotation."""

import pytest

from reader.document import article_from_text
from reader.provenance.chunking import ChunkMerger, analyze_chunked, chunk_ranges, iter_chunked
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

# An invented story: every paragraph names its speaker, so no pronoun reaches back over a
# chunk boundary; a quotation runs over two paragraphs; a lead-in with a colon introduces
# a block quote.
PARAGRAPHS = [
    "Harbour Council Delays Ferry Vote",
    "The Marlow Bay harbour council postponed its vote on the new ferry timetable on "
    "Tuesday, after a packed meeting that ran past midnight.",
    "“We need another month to read the submissions,” said council chair Imogen Pryce.",
    "Ferry operator Tidewater Lines said the delay would cost it bookings for the summer.",
    "“Our crews have waited two years for a decision.",
    "“Every week without a timetable is a week we cannot plan,” said Colm Reddy, the "
    "operations manager of Tidewater Lines.",
    "According to a report by the harbour authority, passenger numbers rose by a fifth "
    "last year.",
    "Residents of Gull Island allegedly complained about the noise of the night crossings.",
    "Imogen Pryce said in a statement:",
    "The council will publish every submission before the next meeting.",
    "Councillor Aled Morgan warned that the harbour could lose its winter service entirely.",
    "Critics called the plan a “so-called compromise” and a secret deal.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"


def _summary(analysis):
    sources = {s.id: s.name for s in analysis.sources}
    spans = sorted((s.kind, s.start, s.end, s.label) for s in analysis.spans)
    claims = sorted((tuple(map(tuple, c.content)), c.kind, sources.get(c.source),
                     tuple(c.cue_span) if c.cue_span else None) for c in analysis.claims)
    return spans, claims, sorted(sources.values())


def test_chunks_cover_the_text_and_end_at_paragraph_breaks():
    article = article_from_text(TEXT)
    ranges = chunk_ranges(article, chunk_chars=150)
    assert len(ranges) >= 4
    assert ranges[0][0] == 0 and ranges[-1][1] == len(TEXT)
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert end == start
        assert TEXT[start - 2:start] == "\n\n"


def test_no_cut_inside_a_multi_paragraph_quote_or_after_a_lead_in():
    article = article_from_text(TEXT)
    starts = {start for start, _ in chunk_ranges(article, chunk_chars=1)}
    assert TEXT.index("“Every week") not in starts  # the quote reopens here
    assert TEXT.index("The council will publish") not in starts  # after "statement:"
    assert TEXT.index("“Our crews") in starts  # with a 1-char target, every safe break cuts


def test_chunked_analysis_equals_whole_document_analysis(analyzer):
    article = article_from_text(TEXT)
    whole = analyzer.analyze(article)
    assert len(chunk_ranges(article, 150)) >= 4
    chunked = analyze_chunked(analyzer, article, chunk_chars=150)
    assert _summary(chunked) == _summary(whole)
    assert whole.claims  # the fixture does exercise the rules
    assert {"Imogen Pryce", "Colm Reddy"} <= {s.name for s in whole.sources}


def test_merged_ids_are_unique_in_text_order_and_consistent(analyzer):
    article = article_from_text(TEXT)
    merged = analyze_chunked(analyzer, article, chunk_chars=150)
    assert [s.id for s in merged.spans] == [f"s{n}" for n in range(1, len(merged.spans) + 1)]
    assert [s.start for s in merged.spans] == sorted(s.start for s in merged.spans)
    claim_ids = {c.id for c in merged.claims}
    assert len(claim_ids) == len(merged.claims)
    assert all(s.claim is None or s.claim in claim_ids for s in merged.spans)
    source_ids = {s.id for s in merged.sources}
    assert all(c.source is None or c.source in source_ids for c in merged.claims)
    assert sorted(c for s in merged.sources for c in s.claims) == sorted(
        c.id for c in merged.claims if c.source)


def test_progress_reports_each_chunk(analyzer):
    article = article_from_text(TEXT)
    steps = list(iter_chunked(analyzer, article, chunk_chars=150))
    assert len(steps) == len(chunk_ranges(article, 150))
    assert [p.done for p in steps] == sorted(p.done for p in steps)
    assert steps[-1].done == steps[-1].total == len(TEXT)
    assert sum(len(p.part.spans) for p in steps) == len(steps[-1].merged.spans)


def test_merger_joins_a_source_named_in_two_chunks():
    def chunk(name, start):
        return Analysis(spans=[VoiceSpan("s1", "paraphrase", start, start + 5, claim="c1")],
                        claims=[Claim("c1", "src1", (0, 4), None, [(start, start + 5)],
                                      "paraphrase")],
                        sources=[Source("src1", name, "person", None, [(0, 4)], ["c1"])])

    merger = ChunkMerger()
    merger.add(chunk("Imogen Pryce", 10), 0)
    part = merger.add(chunk("Imogen Pryce", 10), 100)
    merged = merger.analysis
    assert [s.name for s in merged.sources] == ["Imogen Pryce"]
    assert merged.sources[0].claims == ["c1", "c2"]
    assert merged.sources[0].mentions == [(0, 4), (100, 104)]
    assert part.claims[0].content == [(110, 115)] and part.spans[0].id == "s2"


@pytest.mark.parametrize("chunk_chars", [10_000_000])
def test_a_short_text_is_one_chunk(chunk_chars):
    assert chunk_ranges(article_from_text(TEXT), chunk_chars) == [(0, len(TEXT))]


def test_iter_analyze_steps_through_a_long_article_and_caches_it(analyzer, tmp_path):
    from reader.provenance import Analyzer
    from reader.provenance.cache import AnalysisCache

    stepped = Analyzer(cache=AnalysisCache(tmp_path / "c"), chunk_chars=150)
    stepped._nlp = analyzer.nlp  # share the session's loaded pipeline
    article = article_from_text(TEXT)
    steps = list(stepped.iter_analyze(article))
    assert len(steps) == len(chunk_ranges(article, 150)) > 1
    again = list(stepped.iter_analyze(article))  # from the cache, in one step
    assert len(again) == 1 and again[0].done == again[0].total
    assert again[0].merged.to_dict() == steps[-1].merged.to_dict()
    assert stepped.analyze(article).to_dict() == steps[-1].merged.to_dict()


def test_one_paragraph_past_spacys_max_length_is_cut_at_sentence_ends():
    from reader.provenance.chunking import MAX_CHUNK_CHARS

    text = "The board met on Tuesday and agreed the timetable. " * 24_000  # 1.2 MB, one line
    ranges = chunk_ranges(article_from_text(text))
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(end - start <= MAX_CHUNK_CHARS for start, end in ranges)
    assert all(text[end - 2:end] == ". " for _, end in ranges[:-1])


def test_text_longer_than_max_length_is_analysed_in_chunks(analyzer, monkeypatch):
    quote = "“We will open in June,” said chair Imogen Pryce. "
    filler = "The board met on Tuesday and agreed the timetable for the summer. " * 60
    text = (filler + quote) * 8  # one paragraph of ~32,000 characters
    monkeypatch.setattr(analyzer.nlp, "max_length", 10_000)
    monkeypatch.setattr(analyzer, "chunk_above", 5_000)
    monkeypatch.setattr(analyzer, "chunk_chars", 4_000)
    analysis = analyzer.analyze(article_from_text(text))
    quotes = [s for s in analysis.spans if s.kind == "quote"]
    assert len(quotes) == 8
    assert all(text[s.start:s.end].startswith("“We will open") for s in quotes)
