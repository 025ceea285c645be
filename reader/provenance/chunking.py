"""Long documents in chunks: cut at paragraph boundaries, analyse each chunk, merge.

A 200,000-word text is past spaCy's max_length and would need gigabytes in one parse;
cut into ~20,000-character chunks it runs in bounded memory, reports progress often, and
no single pipeline step holds the interpreter long enough to freeze a window.
A cut never falls where the analysis looks across paragraphs: inside a quotation that
runs over several paragraphs, before a block quote, or in the paragraphs after a lead-in
ending in a colon ("said in a statement:"). So each claim lies within one chunk, and what
is lost is only what a later chunk would have resolved from an earlier one (a pronoun at
the top of a chunk whose antecedent is in the previous one).

Merging shifts offsets to the whole text, renumbers spans and claims in text order, and
joins sources with the same name and type across chunks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from reader.document.model import Article, Block
from reader.provenance import language
from reader.provenance.model import Analysis, Claim, Source
from reader.provenance.quotes import find_quotes, paragraph_ranges

# Texts up to this length are analysed whole: nearly every news article (5,000 words is
# about 30,000 characters), so chunking never changes an ordinary article's analysis.
CHUNK_ABOVE = 50_000
# The chunk size of longer texts: spaCy's statistical components hold the GIL for about
# 4 ms per 1,000 characters, so a 20,000-character chunk keeps a window's event loop
# stalls under 100 ms while it analyses in a worker thread.
DEFAULT_CHUNK_CHARS = 20_000
# No chunk is longer than this, whatever the paragraphs: a text in one 9.9 MB paragraph, or
# a run of paragraphs with no safe cut, is cut at a sentence end (or a space) instead, far
# below spaCy's max_length (1,000,000 characters).
MAX_CHUNK_CHARS = 5 * DEFAULT_CHUNK_CHARS
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+|\n\s*")
_SPACE = re.compile(r"\s+")
# A lead-in ending in a colon can claim up to this many following paragraphs as a block
# quote (speakers.MAX_BLOCK_PARAGRAPHS); no cut in that reach.
LEAD_IN_REACH = 8


def _paragraph_blocks(article: Article) -> list[Block]:
    if article.blocks:
        return list(article.blocks)
    return [Block("paragraph", s, e) for s, e in paragraph_ranges(article.text)]


def chunk_ranges(article: Article, chunk_chars: int = DEFAULT_CHUNK_CHARS,
                 max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) ranges that cover article.text, each ending where a paragraph ends,
    about `chunk_chars` long (longer when no safe cut comes sooner), none longer than
    `max_chars` (cut inside a paragraph when it must)."""
    text = article.text
    blocks = _paragraph_blocks(article)
    if len(text) <= chunk_chars or len(blocks) < 2:
        return _bounded(text, [(0, len(text))], chunk_chars, max_chars)
    pieces = find_quotes(text, [(b.start, b.end) for b in blocks])
    open_quotes: dict[int, list[int]] = {}
    for piece in pieces:
        reach = open_quotes.setdefault(piece.quote_id, [piece.start, piece.end])
        reach[0], reach[1] = min(reach[0], piece.start), max(reach[1], piece.end)
    spanning = sorted((s, e) for s, e in open_quotes.values())

    def quote_open_at(position: int) -> bool:
        return any(s < position < e for s, e in spanning)

    ranges, start, lead_in_until = [], 0, -1
    for i, block in enumerate(blocks[:-1]):
        if text[block.start:block.end].rstrip().endswith(":"):
            lead_in_until = i + LEAD_IN_REACH
        following = blocks[i + 1]
        if following.start - start < chunk_chars:
            continue
        if i < lead_in_until or following.kind == "blockquote" or quote_open_at(following.start):
            continue
        ranges.append((start, following.start))
        start = following.start
    ranges.append((start, len(text)))
    return _bounded(text, ranges, chunk_chars, max_chars)


def _bounded(text: str, ranges: list[tuple[int, int]], chunk_chars: int, cap: int
             ) -> list[tuple[int, int]]:
    """`ranges` with each one longer than `cap` cut further, about every `chunk_chars`,
    after the last sentence end (else space) before that."""
    step = max(1, min(chunk_chars, cap))
    out = []
    for start, end in ranges:
        while end - start > cap:
            low, high = start + step // 2, start + step
            cut = (_last_match(_SENTENCE_END, text, low, high)
                   or _last_match(_SPACE, text, low, high) or high)
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _last_match(pattern: re.Pattern, text: str, low: int, high: int) -> int | None:
    """The end of the last match of `pattern` within text[low:high], if any."""
    last = None
    for match in pattern.finditer(text, low, high):
        last = match.end()
    return last


def sub_article(article: Article, start: int, end: int) -> Article:
    """The part of `article` from start to end, with its blocks shifted to the part (a
    block cut by a range boundary keeps its part inside the range)."""
    blocks = [Block(b.kind, max(b.start, start) - start, min(b.end, end) - start)
              for b in _paragraph_blocks(article) if b.start < end and start < b.end]
    return Article(text=article.text[start:end], blocks=blocks, path=article.path,
                   format=article.format)


@dataclass
class ChunkMerger:
    """Joins the analyses of consecutive chunks into one, chunk by chunk, so a caller can
    show each chunk's part as soon as it is ready. Ids are final when a part is returned."""

    analysis: Analysis = field(default_factory=Analysis)
    _sources: dict[tuple[str, str], Source] = field(default_factory=dict)

    def add(self, chunk: Analysis, offset: int) -> Analysis:
        """Merge the analysis of the chunk that starts at `offset`; returns its part with
        whole-text offsets and merged ids (its sources as merged so far)."""
        merged = self.analysis
        merged.model = merged.model or chunk.model
        merged.language = merged.language or chunk.language

        def shift(pair):
            return (pair[0] + offset, pair[1] + offset) if pair else None

        claim_ids = {}
        for claim in chunk.claims:
            claim_ids[claim.id] = f"c{len(merged.claims) + len(claim_ids) + 1}"
        source_ids, touched = {}, []
        for source in chunk.sources:
            key = (source.name, source.type)
            target = self._sources.get(key)
            if target is None:
                target = Source(id=f"src{len(self._sources) + 1}", name=source.name,
                                type=source.type, description=source.description)
                self._sources[key] = target
                merged.sources.append(target)
            target.description = target.description or source.description
            target.mentions.extend(shift(m) for m in source.mentions)
            target.claims.extend(claim_ids[c] for c in source.claims if c in claim_ids)
            source_ids[source.id] = target.id
            touched.append(target)
        claims = [Claim(id=claim_ids[c.id], source=source_ids.get(c.source),
                        source_span=shift(c.source_span), cue_span=shift(c.cue_span),
                        content=[shift(part) for part in c.content], kind=c.kind)
                  for c in chunk.claims]
        spans = []
        for span in sorted(chunk.spans, key=lambda s: (s.start, s.end)):
            spans.append(replace(span, id=f"s{len(merged.spans) + len(spans) + 1}",
                                 start=span.start + offset, end=span.end + offset,
                                 claim=claim_ids.get(span.claim)))
        merged.claims.extend(claims)
        merged.spans.extend(spans)
        return Analysis(spans=spans, claims=claims, sources=touched, model=merged.model,
                        language=merged.language)


@dataclass(frozen=True)
class ChunkProgress:
    done: int  # characters analysed so far
    total: int
    part: Analysis  # this chunk's spans and claims, with whole-text offsets and ids
    merged: Analysis  # everything so far (the same object each time, growing)


def iter_chunked(analyzer, article: Article, chunk_chars: int = DEFAULT_CHUNK_CHARS,
                 english_anyway: bool = False) -> Iterator[ChunkProgress]:
    """Analyse `article` chunk by chunk through analyzer.nlp.pipe, one chunk in memory at a
    time; yields after each chunk. The language is told once, from the article's start,
    so that every chunk is analysed alike."""
    ranges = chunk_ranges(article, chunk_chars, min(MAX_CHUNK_CHARS, analyzer.nlp.max_length))
    merger = ChunkMerger()
    parts = (sub_article(article, s, e) for s, e in ranges)
    decision = language.decide(article.text, force=english_anyway)
    analyses = analyzer.run_pipeline(parts, batch_size=1, decision=decision)
    for (start, end), analysis in zip(ranges, analyses):
        part = merger.add(analysis, start)
        yield ChunkProgress(done=end, total=len(article.text), part=part, merged=merger.analysis)


def analyze_chunked(analyzer, article: Article, chunk_chars: int = DEFAULT_CHUNK_CHARS,
                    english_anyway: bool = False) -> Analysis:
    merged = Analysis()
    for progress in iter_chunked(analyzer, article, chunk_chars, english_anyway):
        merged = progress.merged
    return merged
