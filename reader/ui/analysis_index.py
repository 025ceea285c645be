"""Look-ups the window needs over one Analysis: which span is at an offset, the next span
of a kind, a source's spans, counts and shares of words. Plain Python, no Qt."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

WORD = re.compile(r"\w+")


class AnalysisIndex:
    def __init__(self, text: str, analysis):
        self.text = text
        self.analysis = analysis
        self.spans = sorted(analysis.spans, key=lambda s: (s.start, -s.end))
        self._starts = [s.start for s in self.spans]
        self.spans_by_id = {s.id: s for s in self.spans}
        self.claims = {c.id: c for c in analysis.claims}
        self.sources = {s.id: s for s in analysis.sources}
        self._spans_of_claim: dict[str, list] = {}
        for span in self.spans:
            if span.claim:
                self._spans_of_claim.setdefault(span.claim, []).append(span)
        self.total_words = len(WORD.findall(text))

    def span_at(self, offset: int, kinds=None):
        """The innermost span covering `offset`, among `kinds` (all when None)."""
        best = None
        i = bisect_right(self._starts, offset)
        # Spans are short and rarely nested; look back over the few that start before.
        for span in reversed(self.spans[max(0, i - 64):i]):
            if span.start <= offset < span.end and (kinds is None or span.kind in kinds):
                if best is None or span.end - span.start < best.end - best.start:
                    best = span
        return best

    def next_span(self, offset: int, kinds, forward: bool = True):
        """The first span of `kinds` starting after (or before) `offset`."""
        if forward:
            for span in self.spans[bisect_right(self._starts, offset):]:
                if span.kind in kinds:
                    return span
        else:
            for span in reversed(self.spans[:bisect_left(self._starts, offset)]):
                if span.kind in kinds:
                    return span
        return None

    def spans_of_claim(self, claim_id: str) -> list:
        return self._spans_of_claim.get(claim_id, [])

    def claim_range(self, claim_id: str) -> tuple[int, int] | None:
        """Where to select for a claim: its first span, or else its first content part."""
        spans = self.spans_of_claim(claim_id)
        if spans:
            return spans[0].start, spans[0].end
        claim = self.claims.get(claim_id)
        if claim and claim.content:
            return min(claim.content)
        return None

    def source_mentioned_at(self, offset: int):
        """The source one of whose mentions ("Butler", "the spokesman") covers `offset`."""
        for source in self.sources.values():
            if any(start <= offset < end for start, end in source.mentions):
                return source
        return None

    def source_of_span(self, span):
        claim = self.claims.get(span.claim) if span.claim else None
        return self.sources.get(claim.source) if claim and claim.source else None

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for span in self.spans:
            counts[span.kind] = counts.get(span.kind, 0) + 1
        return counts

    def claim_words(self, claim) -> int:
        return sum(len(WORD.findall(self.text[s:e])) for s, e in claim.content)

    def word_share(self, source) -> float:
        """Fraction of the article's words that are this source's claims."""
        if not self.total_words:
            return 0.0
        words = sum(self.claim_words(self.claims[c]) for c in source.claims if c in self.claims)
        return min(1.0, words / self.total_words)

    def first_offset(self, source) -> int:
        offsets = [m[0] for m in source.mentions]
        offsets += [self.claims[c].start for c in source.claims
                    if c in self.claims and self.claims[c].content]
        return min(offsets, default=len(self.text))

    def snippet(self, start: int, end: int, limit: int = 90) -> str:
        text = " ".join(self.text[start:end].split())
        return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
