"""Who speaks, in numbers: shares of the article's words by voice.

A word belongs to the first of these that covers its first character: a quote (the
quoted source's, or Unattributed), a paraphrase (likewise), else the writer. Framing is
the writer's own voice, so framing words count as the writer's and are also counted per
paragraph; a framing word inside a topic-only paraphrase ("critical of [the disastrous
plan]", a topic named in the writer's words) counts in the paragraph's framing too, while
the word stays the paraphrase's. Only the article's own blocks count: captions, credits and boilerplate are
nobody's claims (docs/design.md §1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.document.model import NON_ARTICLE_KINDS, Article
from reader.provenance.model import Analysis

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
UNATTRIBUTED = "Unattributed"


@dataclass
class SourceShare:
    source_id: str | None  # None: the claims with no identifiable source
    name: str
    quote_words: int = 0
    paraphrase_words: int = 0
    quote_share: float = 0.0  # of all the article's words
    paraphrase_share: float = 0.0

    @property
    def words(self) -> int:
        return self.quote_words + self.paraphrase_words


@dataclass
class ParagraphFraming:
    index: int  # 1-based, counting the article's blocks
    start: int
    end: int
    words: int
    framing_words: int
    framing_spans: int

    @property
    def density(self) -> float:
        return self.framing_words / self.words if self.words else 0.0


@dataclass
class VoiceShares:
    total_words: int
    writer_words: int
    sources: list[SourceShare] = field(default_factory=list)  # most words first
    paragraphs: list[ParagraphFraming] = field(default_factory=list)
    unattributed_allegations: int = 0  # claims with no identifiable source

    @property
    def writer_share(self) -> float:
        return self.writer_words / self.total_words if self.total_words else 0.0


def article_ranges(article: Article) -> list[tuple[int, int]]:
    """The runs of text that are the article itself (all of it when there are no blocks)."""
    if not article.blocks:
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", article.text)]
    return [(b.start, b.end) for b in article.blocks if b.kind not in NON_ARTICLE_KINDS]


def voice_shares(article: Article, analysis: Analysis) -> VoiceShares:
    text = article.text
    claims = {c.id: c for c in analysis.claims}
    names = {s.id: s.name for s in analysis.sources}
    voiced = sorted((s for s in analysis.spans if s.kind in ("quote", "paraphrase")),
                    key=lambda s: (s.kind != "quote", s.start))
    framing = [s for s in analysis.spans if s.kind == "framing"]
    shares: dict[str | None, SourceShare] = {}
    total = writer = 0
    paragraphs = []
    for index, (start, end) in enumerate(article_ranges(article), 1):
        words = framed = 0
        for match in WORD.finditer(text, start, end):
            at = match.start()
            words += 1
            framed += any(f.start <= at < f.end for f in framing)
            span = next((s for s in voiced if s.start <= at < s.end), None)
            if span is None:
                writer += 1
                continue
            claim = claims.get(span.claim)
            source_id = claim.source if claim and claim.source in names else None
            share = shares.setdefault(source_id, SourceShare(
                source_id, names.get(source_id, UNATTRIBUTED)))
            if span.kind == "quote":
                share.quote_words += 1
            else:
                share.paraphrase_words += 1
        total += words
        in_paragraph = sum(1 for f in framing if start <= f.start < end)
        paragraphs.append(ParagraphFraming(index, start, end, words, framed, in_paragraph))
    for share in shares.values():
        share.quote_share = share.quote_words / total if total else 0.0
        share.paraphrase_share = share.paraphrase_words / total if total else 0.0
    ordered = sorted(shares.values(), key=lambda s: (-s.words, s.source_id is None, s.name))
    unattributed = sum(1 for c in analysis.claims if c.source is None or c.source not in names)
    return VoiceShares(total, writer, ordered, paragraphs, unattributed)
